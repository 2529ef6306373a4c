from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "incidents"
    verbose_name = _("Incidents")

    def ready(self):
        post_migrate.connect(groups_after_migrate, sender=self)


def groups_after_migrate(sender, using="default", **kwargs):
    """Keep the editorial roles' groups (incidents.roles) whole after every migrate, and after a flush."""
    from django.contrib.auth.models import Group, Permission

    from .roles import ensure_groups

    ensure_groups(Group, Permission)
