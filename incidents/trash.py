"""Soft deletion: incidents, sources, statements, actors and places go to the trash, and come back from it.

A deleted row keeps its data and its links (an incident's actors, a source's evidence); it only gets
`deleted_at` and `deleted_by`, and the default managers (incidents.models.AliveManager, LinkManager) stop
showing it, and its links, everywhere. A deleted incident leaves the facts (the trigger of migration 0013)
and is in the mirrors' feed of removed incidents. The change is a save, so the history records who deleted
or restored and when. Deleting and restoring are the reviewers' (the model's delete permission:
incidents.roles); there is no permanent purge in the app.

Some deletions are refused, so that nothing public points into the trash: a place with incidents or places
in it, an actor with members or statements, a source with statements. Restoring is refused while a row it
needs is in the trash (restore that first).
"""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Actor, Incident, Location, SoftDeletable, Source, Statement

MODELS = (Incident, Source, Statement, Actor, Location)


def may_delete(user, model):
    """May `user` delete and restore rows of `model` (None: the system itself)?"""
    return user is None or user.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}")


def _check_permission(user, instance):
    if not may_delete(user, type(instance)):
        raise PermissionDenied(_("Only reviewers delete and restore records."))


def _names(rows, limit=3):
    rows = list(rows[: limit + 1])
    names = ", ".join(f"“{row}”" for row in rows[:limit])
    return names + (", …" if len(rows) > limit else "")


def blockers(instance):
    """Return why `instance` cannot go to the trash now (messages; empty when it can)."""
    reasons = []

    def refuse(queryset, message):
        if queryset.exists():
            reasons.append(message % {"names": _names(queryset)})

    if isinstance(instance, Location):
        refuse(Incident.objects.filter(location=instance), _("incidents take place there: %(names)s"))
        refuse(Location.objects.filter(parent=instance), _("places lie in it: %(names)s"))
    elif isinstance(instance, Actor):
        refuse(Actor.objects.filter(parent=instance), _("actors are part of it: %(names)s"))
        refuse(Statement.objects.filter(speaker_actor=instance), _("it is the speaker of statements: %(names)s"))
    elif isinstance(instance, Source):
        refuse(Statement.objects.filter(source=instance), _("statements are taken from it: %(names)s"))
    return reasons


def restore_blockers(instance):
    """Return why `instance` cannot come back from the trash now: the rows it points to that are in it."""
    reasons = []
    for field in instance._meta.concrete_fields:
        if field.is_relation and field.many_to_one and issubclass(field.related_model, SoftDeletable):
            related_id = getattr(instance, field.attname)
            if related_id is None:
                continue
            related = field.related_model.all_objects.filter(pk=related_id, deleted_at__isnull=False).first()
            if related is not None:
                reasons.append(
                    _("its %(field)s “%(row)s” is in the trash: restore it first")
                    % {"field": field.verbose_name, "row": related}
                )
    return reasons


@transaction.atomic
def soft_delete(instance, *, user=None):
    """Put `instance` in the trash; ValidationError says why not, PermissionDenied if `user` may not."""
    _check_permission(user, instance)
    instance = type(instance).all_objects.select_for_update().get(pk=instance.pk)
    if instance.is_deleted:
        return instance
    reasons = blockers(instance)
    if reasons:
        raise ValidationError(
            _("“%(row)s” cannot be deleted: %(reasons)s.") % {"row": instance, "reasons": "; ".join(reasons)},
            code="protected",
        )
    instance.deleted_at = timezone.now()
    instance.deleted_by = user
    return _save(instance, user)


@transaction.atomic
def restore(instance, *, user=None):
    """Take `instance` out of the trash; ValidationError says why not, PermissionDenied if `user` may not."""
    _check_permission(user, instance)
    instance = type(instance).all_objects.select_for_update().get(pk=instance.pk)
    if not instance.is_deleted:
        return instance
    reasons = restore_blockers(instance)
    if reasons:
        raise ValidationError(
            _("“%(row)s” cannot be restored: %(reasons)s.") % {"row": instance, "reasons": "; ".join(reasons)},
            code="protected",
        )
    instance.deleted_at = None
    instance.deleted_by = None
    return _save(instance, user)


def _save(instance, user):
    # A save, not an update: the history records who and when (and an incident's version moves on).
    if user is not None:
        instance._history_user = user
    instance._change_reason = _("restored from the trash") if instance.deleted_at is None else _("deleted")
    fields = ["deleted_at", "deleted_by"]
    if any(field.name == "updated_at" for field in instance._meta.concrete_fields):
        # Mirrors ask for `updated_since`: a restored incident must be newer than their last sync.
        fields.append("updated_at")
    instance.save(update_fields=fields)
    return instance
