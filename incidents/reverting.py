"""Reverting an incident to a version of its history brings its links back too: its actors' roles and its evidence.

An incident's history (django-simple-history) holds its own fields; its links (IncidentActor, IncidentSource)
have their own histories. A version of the incident was current from its save until the next one, and the
links saved with it (the admin saves the incident, then its inlines; the services the same) come just after
it; so the links of a version are the link rows as they stood just before the incident's next history record
(now, for the latest version). Reverting puts exactly those rows back, with their ids: rows added since are
deleted, rows deleted since are re-created, rows changed since get their old values. Every row is saved
through the ORM with the user and a change reason, so the links' history shows who reverted, when, to which
version.

A link is not put back to an actor or a source in the trash, nor to an actor merged into another: the revert
is then refused, with the reasons, and nothing is changed (restore the row, or undo the merge, first).
"""
from django.utils.translation import gettext as _

from .models import Actor, Incident, IncidentActor, IncidentSource, Source

# Each link model, the fields a revert puts back, and the row it points to (which must be live).
LINKS = (
    (IncidentActor, ("actor_id", "role"), "actor"),
    (IncidentSource, ("source_id", "start_offset", "end_offset", "excerpt"), "source"),
)


def _window_end(record):
    """Return when `record` (a historical incident) stopped being current, or None if it is the latest."""
    following = (
        Incident.history.filter(id=record.id, history_id__gt=record.history_id).order_by("history_id").first()
    )
    return following.history_date if following is not None else None


def links_at(record):
    """Return {link model: {id: historical row}}: the incident's links as they stood at version `record`."""
    end = _window_end(record)
    found = {}
    for model, _fields, _end in LINKS:
        # Every row that was ever this incident's, then the latest state of each before the window's end.
        ids = model.history.filter(incident_id=record.id).values("id")
        history = model.history.filter(id__in=ids)
        if end is not None:
            history = history.filter(history_date__lt=end)
        latest = {}
        for row in history.order_by("id", "-history_date", "-history_id"):
            latest.setdefault(row.id, row)
        found[model] = {
            pk: row for pk, row in latest.items() if row.history_type != "-" and row.incident_id == record.id
        }
    return found


def plan(record):
    """Return (changes, problems): [(model, action, id, historical row or None)] and why they cannot be made."""
    wanted = links_at(record)
    changes, problems = [], []
    for model, fields, end in LINKS:
        current = {row.pk: row for row in model.all_objects.filter(incident_id=record.id)}
        for pk, row in current.items():
            if pk not in wanted[model]:
                changes.append((model, "delete", pk, None))
        for pk, old in wanted[model].items():
            row = current.get(pk)
            if row is not None and all(getattr(row, name) == getattr(old, name) for name in fields):
                continue
            changes.append((model, "create" if row is None else "update", pk, old))
            problem = _end_problem(model, end, getattr(old, f"{end}_id"), old)
            if problem:
                problems.append(problem)
    return changes, problems


def _end_problem(model, end, pk, old):
    related = {"actor": Actor, "source": Source}[end]
    row = related.all_objects.filter(pk=pk).first()
    role = f" ({old.get_role_display()})" if model is IncidentActor else ""
    if row is None:
        if model is IncidentActor:
            return _("the actor %(id)s%(role)s no longer exists") % {"id": pk, "role": role}
        return _("the source %(id)s no longer exists") % {"id": pk}
    if row.deleted_at is not None:
        if model is IncidentActor:
            return _("the actor “%(row)s”%(role)s is in the trash: restore it first") % {"row": row, "role": role}
        return _("the source “%(row)s” is in the trash: restore it first") % {"row": row}
    if getattr(row, "merged_into_id", None) is not None:
        return _("the actor “%(row)s”%(role)s was merged into “%(kept)s”: undo the merge first") % {
            "row": row,
            "role": role,
            "kept": Actor.all_objects.get(pk=row.merged_into_id),
        }
    return None


class RevertRefused(Exception):
    """A link of the version cannot be put back: nothing was changed."""


def problems(record):
    """Return why the links of incident version `record` cannot be put back (empty: they can)."""
    return plan(record)[1]


def refusal(reasons):
    return _(
        "This version cannot be restored, so nothing was changed: its actors and evidence cannot be put back as "
        "they were (%(reasons)s)."
    ) % {"reasons": "; ".join(reasons)}


def revert_links(record, *, user=None):
    """Put incident version `record`'s actors' roles and evidence back (in the caller's transaction).

    Return how many link rows changed; raise RevertRefused (with refusal's message) when a link cannot be put
    back, before changing anything.
    """
    changes, reasons = plan(record)
    if reasons:
        raise RevertRefused(refusal(reasons))
    reason = _("reverted with the incident to the version of history record %(version)s") % {
        "version": record.history_id
    }
    # Deletions first, so a re-created row never meets the one that replaced it in a unique constraint.
    for model, action, pk, _old in changes:
        if action == "delete":
            row = model.all_objects.get(pk=pk)
            row._history_user, row._change_reason = user, reason
            row.delete()
    for model, action, pk, old in changes:
        if action == "delete":
            continue
        fields = next(names for link, names, _end in LINKS if link is model)
        row = model.all_objects.get(pk=pk) if action == "update" else model(pk=pk, incident_id=record.id)
        for name in fields:
            setattr(row, name, getattr(old, name))
        row._history_user, row._change_reason = user, reason
        row.save()
    return len(changes)
