"""Create (or reset) the demo editor account and the Editors group with its permissions: development only."""
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

DEMO_USERNAME = "editor"
DEMO_PASSWORD = os.environ.get("MARSAD_DEMO_PASSWORD", "marsad-demo-2023")


class Command(BaseCommand):
    help = "Create the 'Editors' group and a demo editor who can edit every incidents model."

    def add_arguments(self, parser):
        parser.add_argument("--print-login", action="store_true", help="Only print the demo login.")

    def handle(self, *args, print_login=False, **options):
        # Its password is public (README, MARSAD_DEMO_PASSWORD's default): never on a deployed site.
        if not settings.DEBUG:
            raise CommandError(
                gettext(
                    "The demo editor is for development only and DJANGO_DEBUG is off: nothing was created. "
                    "Create an administrator with `manage.py createsuperuser` instead."
                )
            )
        if not print_login:
            group, _ = Group.objects.get_or_create(name="Editors")
            group.permissions.set(Permission.objects.filter(content_type__app_label="incidents"))
            user, created = get_user_model().objects.get_or_create(
                username=DEMO_USERNAME, defaults={"email": "editor@example.org"}
            )
            user.is_staff = True
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(group)
            self.stdout.write(f"Demo editor {'created' if created else 'reset'}: {DEMO_USERNAME}")
        self.stdout.write(f"Demo editor login: username '{DEMO_USERNAME}', password '{DEMO_PASSWORD}'")
