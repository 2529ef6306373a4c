"""Merging two actors or two places: every link of the merged one moves to the kept one, reversibly.

A merge, in one transaction:
- moves every row that refers to the merged one (found from the model's _meta, so a foreign key added
  later is moved too) to the kept one; a row that would then repeat one of the kept one's (an incident with
  both as perpetrator) is removed instead, kept whole in the merge record;
- adds the merged one's English and Arabic names and its aliases to the kept one's aliases, so extraction
  and the name look-ups find the kept one by them;
- hides the merged one (`merged_into`: the default manager, so the admin lists, the API and extraction's
  look-ups, leaves it out);
- writes an ActorMerge or LocationMerge with what moved, the aliases added, who and when.
Every row is saved through the ORM with the user, so django-simple-history records who changed it; the
incident rows' triggers then keep their facts (migration 0010) and version (0011) right, and the tables'
statement triggers move the data version that the API's caches key on (0006).

Undo puts every link back, re-creates the removed rows with their ids, takes the added aliases off and
shows the merged one again. It is all or nothing: when later edits make a clean undo impossible (a moved
link that was edited or deleted since, the merged one edited, the kept one merged in turn), nothing is
changed and the reasons are listed, for an editor to set right by hand.
"""

from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ForeignObjectRel, ManyToManyRel, UniqueConstraint
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalChanges

from .models import Actor, ActorMerge, Incident, IncidentActor, IncidentFact, Location, LocationMerge, Statement

RECORDS = {Actor: ActorMerge, Location: LocationMerge}

# Links that a merge does not move, and why. Every other link to an actor or place is moved.
LEFT_ALONE = {
    # Written by the incident's trigger (migration 0010) when the incident's location moves.
    (IncidentFact, "location"): "derived",
    # A place's governorate follows its parent chain (Location.save): recomputed when its children move.
    (Location, "governorate"): "derived",
    # The merge records name both rows for good.
    (ActorMerge, "kept"): "record",
    (ActorMerge, "merged"): "record",
    (LocationMerge, "kept"): "record",
    (LocationMerge, "merged"): "record",
}


def links(model):
    """Return every (model, foreign key) that refers to `model`, hidden ones included, history excepted."""
    found = []
    for relation in model._meta.get_fields(include_hidden=True):
        if not isinstance(relation, ForeignObjectRel) or isinstance(relation, ManyToManyRel):
            # A many-to-many's rows are its through model's, whose foreign key is listed itself.
            continue
        if issubclass(relation.related_model, HistoricalChanges):
            continue  # the history keeps what was, as it was
        found.append((relation.related_model, relation.field))
    return found


def moved_links(model):
    """Return the (model, foreign key) links that a merge of `model` rows moves; refuse unknown hidden ones."""
    moved = []
    for related, field in links(model):
        if (related, field.name) in LEFT_ALONE:
            continue
        if field.remote_field.hidden and related._meta.auto_created:
            raise ValidationError(
                _("%(model)s has a link (%(link)s) that merging does not know how to move: nothing was merged.")
                % {"model": model._meta.verbose_name, "link": f"{related._meta.label}.{field.name}"}
            )
        moved.append((related, field))
    return moved


def _unique_partners(related, field):
    """Return the field-name tuples that, with `field`, make a row of `related` unique (() if `field` alone)."""
    groups = []
    if field.unique:
        groups.append(())
    for constraint in related._meta.constraints:
        if (
            isinstance(constraint, UniqueConstraint)
            and constraint.condition is None
            and field.name in constraint.fields
        ):
            groups.append(tuple(name for name in constraint.fields if name != field.name))
    for together in related._meta.unique_together:
        if field.name in together:
            groups.append(tuple(name for name in together if name != field.name))
    return groups


def _duplicate_of(row, related, field, kept):
    """Return True when `row`, pointed at `kept`, would repeat a row `kept` already has."""
    for partners in _unique_partners(related, field):
        values = {
            related._meta.get_field(name).attname: getattr(row, related._meta.get_field(name).attname)
            for name in partners
        }
        if related._base_manager.filter(**{field.attname: kept.pk}, **values).exclude(pk=row.pk).exists():
            if not partners:
                raise ValidationError(
                    _("%(kept)s already has a %(link)s, and there can be only one: nothing was merged.")
                    % {"kept": kept, "link": related._meta.verbose_name}
                )
            return True
    return False


def _save(row, user):
    row._history_user = user
    row.save()


def _label(related, field):
    return f"{related._meta.label_lower}.{field.name}"


def _model_of(label):
    from django.apps import apps

    model_label, _dot, field_name = label.rpartition(".")
    model = apps.get_model(model_label)
    return model, model._meta.get_field(field_name)


def _is_below(row, ancestor):
    """Return True when `ancestor` is on `row`'s parent chain."""
    seen = set()
    node = row.parent
    while node is not None and node.pk not in seen:
        if node.pk == ancestor.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def _what(related, field):
    """Return how the confirmation page names the rows of one link."""
    names = {
        (Actor, "parent"): _("actors that are part of it"),
        (Actor, "merged_into"): _("actors merged into it earlier"),
        (Location, "parent"): _("places within it"),
        (Location, "merged_into"): _("places merged into it earlier"),
        (Statement, "speaker_actor"): _("statements it made (speaker)"),
        (IncidentActor, "actor"): _("its roles in incidents"),
        (Incident, "location"): _("incidents at it"),
    }
    return names.get((related, field.name)) or f"{related._meta.verbose_name_plural} ({field.verbose_name})"


def preview(kept, merged):
    """Return [(what, how many move, how many are removed as repeats)] for the confirmation page."""
    rows = []
    for related, field in moved_links(type(kept)):
        what = _what(related, field)
        candidates = list(related._base_manager.filter(**{field.attname: merged.pk}))
        repeats = 0
        for row in candidates:
            try:
                repeats += _duplicate_of(row, related, field, kept)
            except ValidationError:
                repeats += 1
        if candidates:
            rows.append((what, len(candidates) - repeats, repeats))
    return rows


def aliases_to_add(kept, merged):
    """Return the merged one's names and aliases that the kept one does not have yet, in order."""
    have = {name.casefold() for name in (kept.name_en, kept.name_ar, *kept.aliases) if name}
    added = []
    for name in (merged.name_en, merged.name_ar, *merged.aliases):
        name = (name or "").strip()
        if name and name.casefold() not in have:
            have.add(name.casefold())
            added.append(name)
    return added


@transaction.atomic
def merge(*, kept, merged, user=None):
    """Merge `merged` into `kept` (two Actors or two Locations); return the merge record."""
    model = type(kept)
    if model not in RECORDS or type(merged) is not model:
        raise ValidationError(_("Only two actors or two places can be merged."))
    if kept.pk == merged.pk:
        raise ValidationError(_("Choose two different rows to merge."))
    # Locked in id order, so two merges of the same rows wait for each other instead of deadlocking.
    locked = {
        row.pk: row
        for row in model._base_manager.select_for_update().filter(pk__in=[kept.pk, merged.pk]).order_by("pk")
    }
    kept, merged = locked[kept.pk], locked[merged.pk]
    for row in (kept, merged):
        if row.merged_into_id is not None:
            raise ValidationError(_("“%(row)s” was merged into another already: nothing was merged.") % {"row": row})
    moves = []

    # The kept one below the merged one: it takes the merged one's place in the tree, so no loop is made.
    if _is_below(kept, merged):
        moves.append({"action": "kept", "field": "parent", "old": kept.parent_id, "new": merged.parent_id})
        kept.parent_id = merged.parent_id
        _save(kept, user)

    for related, field in moved_links(model):
        rows = related._base_manager.select_for_update().filter(**{field.attname: merged.pk}).order_by("pk")
        for row in rows:
            if _duplicate_of(row, related, field, kept):
                moves.append(
                    {
                        "action": "delete",
                        "link": _label(related, field),
                        "pk": row.pk,
                        "row": serializers.serialize("json", [row]),
                    }
                )
                row._history_user = user
                row.delete()
            else:
                moves.append({"action": "move", "link": _label(related, field), "pk": row.pk})
                setattr(row, field.attname, kept.pk)
                _save(row, user)

    kept.refresh_from_db()
    merged.refresh_from_db()
    added = aliases_to_add(kept, merged)
    kept.aliases = [*kept.aliases, *added]
    _save(kept, user)
    merged.merged_into = kept
    _save(merged, user)
    _check_nothing_left(model, merged)
    record = RECORDS[model].objects.create(
        kept=kept,
        merged=merged,
        moves=moves,
        aliases_added=added,
        summary={
            "moved": sum(move["action"] == "move" for move in moves),
            "removed": sum(move["action"] == "delete" for move in moves),
        },
        created_by=user,
    )
    return record


def _check_nothing_left(model, merged):
    """Refuse (the transaction rolls back) when anything but its records and history still refers to `merged`."""
    left = []
    for related, field in links(model):
        if (related, field.name) in LEFT_ALONE and LEFT_ALONE[(related, field.name)] == "record":
            continue
        rows = related._base_manager.filter(**{field.attname: merged.pk})
        if related is model and field.name == "governorate":
            rows = rows.exclude(pk=merged.pk)  # a governorate is its own governorate
        if related is IncidentFact:
            rows = IncidentFact.objects.filter(location_id=merged.pk)
        if rows.exists():
            left.append(_label(related, field))
    if left:
        raise ValidationError(
            _("These links still refer to “%(row)s” after moving them: %(links)s. Nothing was merged.")
            % {"row": merged, "links": ", ".join(left)}
        )


def undo_problems(record):
    """Return why `record` cannot be undone cleanly now (empty: it can)."""
    problems = []
    model = type(record).kept.field.related_model
    kept, merged = model._base_manager.get(pk=record.kept_id), model._base_manager.get(pk=record.merged_id)
    if record.undone_at is not None:
        return [_("This merge was undone already.")]
    if merged.merged_into_id != kept.pk:
        problems.append(_("“%(merged)s” is no longer merged into “%(kept)s”.") % {"merged": merged, "kept": kept})
    if kept.merged_into_id is not None:
        problems.append(
            _("“%(kept)s” was merged into “%(other)s” since: undo that merge first.")
            % {"kept": kept, "other": kept.merged_into}
        )
    for move in record.moves:
        if move["action"] == "kept":
            if getattr(kept, "parent_id") != move["new"]:
                problems.append(_("“%(kept)s” was moved elsewhere in the tree since.") % {"kept": kept})
            continue
        related, field = _model_of(move["link"])
        row = related._base_manager.filter(pk=move["pk"]).first()
        name = f"{related._meta.verbose_name} {move['pk']}"
        if move["action"] == "move":
            if row is None:
                problems.append(_("%(row)s was deleted since.") % {"row": name})
            elif getattr(row, field.attname) != kept.pk:
                problems.append(_("%(row)s no longer refers to “%(kept)s”.") % {"row": name, "kept": kept})
        elif row is not None:
            problems.append(_("%(row)s, removed as a repeat, exists again.") % {"row": name})
    return problems


@transaction.atomic
def undo(*, record, user=None):
    """Undo the merge `record`: every link back, the added aliases off, the merged one shown again."""
    record = type(record).objects.select_for_update().get(pk=record.pk)
    model = type(record).kept.field.related_model
    model._base_manager.select_for_update().filter(pk__in=[record.kept_id, record.merged_id]).order_by("pk").exists()
    problems = undo_problems(record)
    if problems:
        raise ValidationError([_("The merge cannot be undone cleanly, so nothing was changed:"), *problems])
    merged = model._base_manager.get(pk=record.merged_id)
    merged.merged_into = None
    _save(merged, user)
    for move in reversed(record.moves):
        if move["action"] == "kept":
            kept = model._base_manager.get(pk=record.kept_id)
            kept.parent_id = move["old"]
            _save(kept, user)
        elif move["action"] == "move":
            related, field = _model_of(move["link"])
            row = related._base_manager.get(pk=move["pk"])
            setattr(row, field.attname, merged.pk)
            _save(row, user)
        else:
            for restored in serializers.deserialize("json", move["row"]):
                _save(restored.object, user)
    kept = model._base_manager.get(pk=record.kept_id)
    remaining = list(kept.aliases)
    for alias in record.aliases_added:
        if alias in remaining:
            remaining.remove(alias)
    kept.aliases = remaining
    _save(kept, user)
    record.undone_at = timezone.now()
    record.undone_by = user
    record.save(update_fields=["undone_at", "undone_by"])
    return record


def current(row):
    """Return the row that `row` was merged into, following later merges (`row` itself when not merged)."""
    seen = set()
    while row is not None and row.merged_into_id is not None and row.pk not in seen:
        seen.add(row.pk)
        row = type(row)._base_manager.get(pk=row.merged_into_id)
    return row


def current_by_slug(model, slugs):
    """Return {slug: row} for these keys, a merged row's key giving the row it was merged into."""
    return {row.slug: current(row) for row in model._base_manager.filter(slug__in=list(slugs))}
