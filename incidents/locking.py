"""Optimistic locking of incidents: a save that names an older version than the stored one is refused.

Every write of an incident row moves its `version` on (a trigger, migration 0011), whoever makes it: the
admin, the API, a new source or actor. An editor's form and an API client hold the version they read (the
admin's hidden fields, the API's ETag); the write locks the row (SELECT … FOR UPDATE, inside the write's
transaction, so that two saves cannot both pass), compares, and refuses with what changed since, read from
the incident's history: who, when, which fields.
"""
from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.utils import formats
from django.utils.translation import gettext as _

from .models import Incident


@dataclass(frozen=True)
class Change:
    """One saved change of an incident, from its history: who made it, when, and the fields it changed."""

    who: str
    when: datetime
    fields: list[str]


class EditConflict(Exception):
    """The incident moved on since the version an editor opened."""

    def __init__(self, opened_version, current_version, changes):
        self.opened_version = opened_version
        self.current_version = current_version
        self.changes = changes
        super().__init__(self.message())

    def message(self):
        parts = [
            _(
                "Someone saved this incident after you opened it (you opened version %(opened)s; it is now at "
                "version %(current)s), so your save would overwrite their changes."
            )
            % {"opened": self.opened_version, "current": self.current_version}
        ]
        for change in self.changes:
            when = formats.date_format(change.when, "DATETIME_FORMAT")
            fields = ", ".join(change.fields) or _("its sources, actors or statements")
            values = {"who": change.who, "when": when, "fields": fields}
            parts.append(_("%(who)s at %(when)s changed: %(fields)s.") % values)
        if not self.changes:
            parts.append(_("Its sources, actors or statements changed."))
        parts.append(_("Open the incident again to see the changes, then make yours again."))
        return " ".join(parts)


def latest_history_id():
    """Return an expression: the id of the incident's latest history record (None before its first)."""
    return Subquery(Incident.history.filter(id=OuterRef("pk")).order_by("-history_id").values("history_id")[:1])


def current_state(pk):
    """Return (version, latest history id) of incident `pk`: what an editor opening it holds."""
    version, history_id = Incident.all_objects.filter(pk=pk).values_list("version", latest_history_id()).get()
    return version, history_id or 0


def check(pk, opened_version, opened_history_id=0):
    """Lock incident `pk` for the rest of the transaction; raise EditConflict if it moved on since `opened_version`."""
    version = Incident.all_objects.select_for_update().filter(pk=pk).values_list("version", flat=True).get()
    if version != opened_version:
        raise EditConflict(opened_version, version, changes_since(pk, opened_history_id))


def changes_since(pk, history_id):
    """Return the Changes recorded in incident `pk`'s history after the record `history_id`, oldest first."""
    history = Incident.history.filter(id=pk).select_related("history_user")
    previous = history.filter(history_id__lte=history_id).order_by("-history_id").first()
    changes = []
    for record in history.filter(history_id__gt=history_id).order_by("history_id"):
        fields = []
        if previous is not None:
            changed = record.diff_against(previous).changes
            fields = [str(Incident._meta.get_field(change.field).verbose_name) for change in changed]
        who = record.history_user.get_username() if record.history_user else _("an import or a script")
        changes.append(Change(who=who, when=record.history_date, fields=fields))
        previous = record
    return changes


def etag(pk):
    """Return the ETag of incident `pk`'s current version (strong: it names one stored state)."""
    return etag_of(*current_state(pk))


def etag_of(version, history_id):
    return f'"{version}.{history_id or 0}"'


def parse_etag(value):
    """Return (version, history id) from an ETag this module made, or None for anything else."""
    value = value.strip().removeprefix("W/")
    if len(value) < 2 or not (value[0] == value[-1] == '"'):
        return None
    version, _dot, history_id = value[1:-1].partition(".")
    if not (version.isascii() and version.isdigit() and history_id.isascii() and history_id.isdigit()):
        return None
    return int(version), int(history_id)
