"""Writes that touch several models. Each is one transaction and validates before saving.

The admin, the API and the management commands call these rather than repeating them.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field
import datetime
from datetime import date

from django.contrib.gis.geos import GEOSGeometry, Point
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from . import locking, roles, trash
from .models import (
    Actor,
    ImportDraft,
    ImportDraftStatus,
    Incident,
    IncidentActor,
    IncidentSource,
    Location,
    Source,
    Statement,
    StatementIncident,
    Status,
    content_hash,
)


@dataclass(frozen=True)
class Evidence:
    """A span of a source's text that supports an incident or a statement."""

    source: Source
    start_offset: int
    end_offset: int

    @property
    def excerpt(self):
        return self.source.text[self.start_offset : self.end_offset]


def evidence_find(*, source, excerpt, occurrence=1):
    """Return the Evidence for the `occurrence`-th place `excerpt` appears in the source's text."""
    if not excerpt:
        raise ValidationError("The excerpt is empty.")
    if occurrence < 1:
        raise ValidationError(f"The occurrence counts from 1, not {occurrence}.")
    start = -1
    for _ in range(occurrence):
        start = source.text.find(excerpt, start + 1)
        if start < 0:
            raise ValidationError(f"The excerpt is not in the source text: {excerpt[:80]!r}")
    return Evidence(source=source, start_offset=start, end_offset=start + len(excerpt))


@contextmanager
def _errors_under(name):
    """Report a ValidationError raised by a row of a collection under the collection's `name`."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError({name: error.messages}) from error


def _save(instance, *, user=None, **kwargs):
    """Validate `instance`, record `user` as the history author, and save it."""
    instance.full_clean(**kwargs)
    if user is not None:
        instance._history_user = user
    instance.save()
    return instance


def source_in_trash_message(source):
    return gettext(
        "This text is stored as the source “%(title)s” (%(published)s), which is in the trash: a reviewer can "
        "restore it from the sources' list (filter “in the trash”)."
    ) % {"title": source.title, "published": source.published.isoformat()}


@transaction.atomic
def source_get_or_create(
    *, title, text, language, published, publisher="", url="", user=None
) -> tuple[Source, bool]:
    """Return the stored source with this text (by content hash), or create it; the bool says created."""
    if not text or not text.strip():
        raise ValidationError({"text": "The article text is empty."})
    existing = Source.all_objects.with_hash(text).first()
    if existing is not None:
        if existing.is_deleted:
            raise ValidationError({"text": source_in_trash_message(existing)})
        return existing, False
    source = Source(title=title, text=text, language=language, published=published, publisher=publisher, url=url)
    source.content_hash = content_hash(text)
    try:
        with transaction.atomic():
            return _save(source, user=user), True
    except IntegrityError:
        # The same text was stored at the same moment by another import: that source is the answer.
        existing = Source.objects.with_hash(text).first()
        if existing is None:
            raise
        return existing, False


@dataclass
class ActorRole:
    actor: Actor
    role: str


@dataclass
class IncidentData:
    """The fields of an incident, as an import or a seed coding proposes them."""

    title: str
    date_start: date
    event_type: str
    sub_event_type: str
    location: Location
    date_end: date | None = None
    date_precision: str = "day"
    title_ar: str = ""
    description: str = ""
    weapon: str = "unknown"
    outcome: str = "unknown"
    count: int = 1
    point: Point | None = None
    geo_precision: int | None = None
    killed_best: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured_best: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    verification: str = "reported"
    status: str = "draft"
    editor_note: str = ""
    actors: list[ActorRole] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@transaction.atomic
def incident_create(*, data: IncidentData, user=None) -> Incident:
    """Create an incident with its actors and evidence."""
    fields = {name: value for name, value in vars(data).items() if name not in ("actors", "evidence")}
    incident = Incident(**fields)
    if incident.date_end is None:
        incident.date_end = incident.date_start
    if incident.point is None:
        incident.point = data.location.point
    if incident.geo_precision is None:
        incident.geo_precision = data.location.geo_precision
    _save(incident, user=user)
    for actor_role in data.actors:
        with _errors_under("actors"):
            incident_actor_add(incident=incident, actor=actor_role.actor, role=actor_role.role, user=user)
    for evidence in data.evidence:
        with _errors_under("sources"):
            incident_evidence_add(incident=incident, evidence=evidence, user=user)
    return incident


def _delete(instance, *, user=None):
    """Delete a link row (an incident's actor role, evidence, a statement's incident), recording `user`."""
    if user is not None:
        instance._history_user = user
    instance.delete()


def _trash(instance, *, user=None):
    """Put `instance` in the trash (incidents.trash), recording `user` as the history author."""
    trash.soft_delete(instance, user=user)


def _assign(instance, fields):
    for name, value in fields.items():
        setattr(instance, name, value)


@transaction.atomic
def incident_update(
    *,
    incident: Incident,
    fields: dict,
    actors: list[ActorRole] | None = None,
    evidence: list[Evidence] | None = None,
    user=None,
) -> Incident:
    """Change an incident's fields and, when given, replace its actors and its evidence; all or nothing.

    A new location brings its point and geo precision unless `fields` gives them too.
    """
    if "location" in fields and fields["location"].pk != incident.location_id:
        fields = {"point": fields["location"].point, "geo_precision": fields["location"].geo_precision, **fields}
    known_to_the_day = incident.date_end == incident.date_start
    _assign(incident, fields)
    if incident.date_end is None or (known_to_the_day and "date_end" not in fields):
        incident.date_end = incident.date_start
    _save(incident, user=user)
    if actors is not None:
        wanted = {(item.actor.pk, item.role) for item in actors}
        for link in incident.incident_actors.all():
            if (link.actor_id, link.role) not in wanted:
                _delete(link, user=user)
        for item in actors:
            with _errors_under("actors"):
                incident_actor_add(incident=incident, actor=item.actor, role=item.role, user=user)
    if evidence is not None:
        wanted = {(item.source.pk, item.start_offset, item.end_offset) for item in evidence}
        for link in incident.incident_sources.all():
            if (link.source_id, link.start_offset, link.end_offset) not in wanted:
                _delete(link, user=user)
        for item in evidence:
            with _errors_under("sources"):
                incident_evidence_add(incident=incident, evidence=item, user=user)
    return incident


@transaction.atomic
def incident_delete(*, incident: Incident, user=None) -> None:
    """Put an incident in the trash (its actors' roles, evidence and statement links are kept for a restore)."""
    _trash(incident, user=user)


@transaction.atomic
def actor_create(*, fields: dict, user=None) -> Actor:
    """Create an actor; without a key (slug), one is made from its English name."""
    actor = Actor(**fields)
    if not actor.slug:
        actor.slug = free_slug(Actor, actor.name_en)
    return _save(actor, user=user)


@transaction.atomic
def actor_update(*, actor: Actor, fields: dict, user=None) -> Actor:
    """Change an actor's fields."""
    _assign(actor, fields)
    return _save(actor, user=user)


@transaction.atomic
def actor_delete(*, actor: Actor, user=None) -> None:
    """Put an actor in the trash (its incident roles are kept, hidden); refused while it has members or statements."""
    _trash(actor, user=user)


@transaction.atomic
def location_create(*, fields: dict, user=None) -> Location:
    """Create a location; without a key (slug), one is made from its English name."""
    location = Location(**fields)
    if not location.slug:
        location.slug = free_slug(Location, location.name_en)
    return _save(location, user=user)


@transaction.atomic
def location_update(*, location: Location, fields: dict, user=None) -> Location:
    """Change a location's fields (the places below it follow a new governorate)."""
    _assign(location, fields)
    return _save(location, user=user)


@transaction.atomic
def location_delete(*, location: Location, user=None) -> None:
    """Put a location in the trash; refused while incidents or places are in it (incidents.trash)."""
    _trash(location, user=user)


def free_slug(model, name):
    """Return a key for a new row of `model` made from `name` that no stored row uses."""
    base = (slugify(name) or model._meta.model_name)[:100]
    slug, number = base, 1
    while model._base_manager.filter(slug=slug).exists():  # rows in the trash and merged rows keep their keys
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def incidents_publish(*, incidents, user=None) -> int:
    """Publish the drafts among `incidents`, all or none: each is validated first; return how many.

    Only a reviewer publishes (incidents.roles); `user` None is the system (an operator's command).
    """
    try:
        roles.publishing_status(user, Status.PUBLISHED, requested=True)
    except roles.PublishingRefused as refused:
        raise ValidationError(refused.message, code="permission_denied") from None
    published = 0
    for incident in incidents.drafts().select_for_update().order_by("pk"):
        incident.status = Status.PUBLISHED
        try:
            incident.full_clean()
        except ValidationError as error:
            raise ValidationError(
                gettext("“%(incident)s” cannot be published: %(reason)s")
                % {"incident": incident, "reason": " ".join(error.messages)}
            ) from error
        if user is not None:
            incident._history_user = user
        incident.save(update_fields=["status", "updated_at"])
        published += 1
    return published


def incident_actor_add(*, incident, actor, role, user=None) -> IncidentActor:
    """Give `actor` the `role` in `incident` (no-op when it already has it)."""
    existing = IncidentActor.objects.filter(incident=incident, actor=actor, role=role).first()
    if existing is not None:
        return existing
    return _save(IncidentActor(incident=incident, actor=actor, role=role), user=user)


def incident_evidence_add(*, incident, evidence: Evidence, user=None) -> IncidentSource:
    """Attach a source span to `incident` as evidence (no-op when that span is already attached)."""
    existing = IncidentSource.objects.filter(
        incident=incident, source=evidence.source, start_offset=evidence.start_offset
    ).first()
    if existing is not None:
        return existing
    link = IncidentSource(
        incident=incident,
        source=evidence.source,
        excerpt=evidence.excerpt,
        start_offset=evidence.start_offset,
        end_offset=evidence.end_offset,
    )
    return _save(link, user=user)


@dataclass
class StatementData:
    source: Source
    kind: str
    text: str
    language: str
    speaker_actor: Actor | None = None
    speaker_description: str = ""
    date: datetime.date | None = None
    translation: str = ""
    editor_note: str = ""
    flagged: bool = False
    evidence: Evidence | None = None
    incidents: list[Incident] = field(default_factory=list)


@transaction.atomic
def statement_create(*, data: StatementData, user=None) -> Statement:
    """Create a statement and link it to the incidents it is about."""
    if data.evidence is not None and data.evidence.source != data.source:
        raise ValidationError("A statement's evidence must come from its own source.")
    statement = Statement(
        source=data.source,
        kind=data.kind,
        text=data.text,
        language=data.language,
        speaker_actor=data.speaker_actor,
        speaker_description=data.speaker_description,
        date=data.date,
        translation=data.translation,
        editor_note=data.editor_note,
        flagged=data.flagged,
        start_offset=data.evidence.start_offset if data.evidence else None,
        end_offset=data.evidence.end_offset if data.evidence else None,
    )
    _save(statement, user=user)
    for incident in data.incidents:
        with _errors_under("incidents"):
            _save(StatementIncident(statement=statement, incident=incident), user=user)
    return statement


@transaction.atomic
def statement_update(*, statement: Statement, fields: dict, incidents: list[Incident] | None = None, user=None) -> Statement:
    """Change a statement's fields and, when given, replace the incidents it is about; all or nothing."""
    _assign(statement, fields)
    _save(statement, user=user)
    if incidents is not None:
        wanted = {incident.pk for incident in incidents}
        for link in statement.statement_incidents.all():
            if link.incident_id not in wanted:
                _delete(link, user=user)
        stored = set(statement.statement_incidents.values_list("incident_id", flat=True))
        for incident in incidents:
            if incident.pk not in stored:
                with _errors_under("incidents"):
                    _save(StatementIncident(statement=statement, incident=incident), user=user)
                stored.add(incident.pk)
    return statement


@transaction.atomic
def statement_delete(*, statement: Statement, user=None) -> None:
    """Put a statement in the trash (its links to incidents are kept, hidden)."""
    _trash(statement, user=user)


def reference_upsert(model, *, slug, user=None, **fields):
    """Create or update the `model` row with this `slug` (a Location or Actor); return (row, created)."""
    # A row in the trash stays there (a reviewer deleted it), updated like the others.
    row = model._base_manager.filter(slug=slug).first()
    if row is not None and row.merged_into_id is not None:
        # Merged into another (incidents.merging): that one stands for this key, and is left as the editors made it.
        from .merging import current

        return current(row), False
    created = row is None
    if created:
        row = model(slug=slug)
    changed = created
    for name, value in fields.items():
        if isinstance(value, GEOSGeometry) and value.srid is None:
            # Saved with the field's SRID anyway; without it the geometry never equals the stored one.
            value = GEOSGeometry(value.wkb, srid=model._meta.get_field(name).srid)
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    if changed:
        _save(row, user=user, validate_unique=False)
    return row, created


# --- Article import ---------------------------------------------------------------------------


@transaction.atomic
def import_draft_create(
    *, title, text, language, published, proposal, publisher="", url="", user=None
) -> ImportDraft:
    """Store an imported article and its extracted proposal for review; nothing else is written."""
    draft = ImportDraft(
        title=title,
        text=text,
        language=language,
        published=published,
        proposal=proposal,
        publisher=publisher,
        url=url,
        created_by=user,
    )
    draft.content_hash = content_hash(text)
    draft.full_clean()
    draft.save()
    return draft


CASUALTY_FIELDS = ("killed_best", "killed_low", "killed_high", "injured_best", "injured_low", "injured_high")


@dataclass
class ReviewedIncident:
    """An editor's decision on one proposed incident: a new incident, or new evidence for an existing one."""

    key: int  # the proposal's index, which reviewed statements refer to
    spans: list[tuple[int, int]]
    data: IncidentData | None = None  # for a new incident (its `evidence` is filled from `spans`)
    merge_into: Incident | None = None  # for evidence added to an existing incident
    # What a merge also brings to the stored incident: actors' roles, and killed/injured figures
    # (field name to value; only the figures given replace the stored ones).
    actors: list[ActorRole] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    # The stored incident's (version, history id) when the editor saw it: a merge into an incident changed
    # since is refused (incidents.locking). None: not checked (a caller that did not show it).
    opened: tuple[int, int] | None = None


@dataclass
class ReviewedStatement:
    data: StatementData  # its `source` and `evidence` are filled from the draft and `span`
    span: tuple[int, int] | None = None
    incident_keys: list[int] = field(default_factory=list)


def _saved(instance, user):
    """Return `instance`, saving it first when it is new (an actor or place the editor added in review)."""
    if instance is not None and instance.pk is None:
        _save(instance, user=user)
    return instance


@transaction.atomic
def import_confirm(
    *, draft: ImportDraft, incidents: list[ReviewedIncident], statements: list[ReviewedStatement], user=None
) -> Source:
    """Write a reviewed import in one transaction: the source, its incidents and statements; return the source."""
    draft = ImportDraft.objects.select_for_update().get(pk=draft.pk)
    if draft.status != ImportDraftStatus.PENDING:
        raise ValidationError("This import has already been confirmed or discarded.")
    # Every stored incident merged into is checked, and locked, before anything is written: two items merged
    # into the same incident move its version only after both passed.
    for reviewed in incidents:
        if reviewed.merge_into is not None and reviewed.opened is not None:
            try:
                locking.check(reviewed.merge_into.pk, *reviewed.opened)
            except locking.EditConflict as conflict:
                values = {"id": reviewed.merge_into.pk, "conflict": conflict.message()}
                raise ValidationError(gettext("Incident %(id)s: %(conflict)s") % values, code="edit_conflict") from None

    source, _ = source_get_or_create(
        title=draft.title,
        text=draft.text,
        language=draft.language,
        published=draft.published,
        publisher=draft.publisher,
        url=draft.url,
        user=user,
    )

    def evidence(spans):
        return [Evidence(source=source, start_offset=start, end_offset=end) for start, end in spans]

    written = {}
    for reviewed in incidents:
        if reviewed.merge_into is not None:
            incident = reviewed.merge_into
            for item in evidence(reviewed.spans):
                incident_evidence_add(incident=incident, evidence=item, user=user)
            for actor_role in reviewed.actors:
                incident_actor_add(
                    incident=incident, actor=_saved(actor_role.actor, user), role=actor_role.role, user=user
                )
            if reviewed.figures:
                unknown = set(reviewed.figures) - set(CASUALTY_FIELDS)
                if unknown:
                    raise ValidationError(f"A merge changes only casualty figures, not {', '.join(sorted(unknown))}.")
                try:
                    incident_update(incident=incident, fields=reviewed.figures, user=user)
                except ValidationError as error:
                    raise ValidationError(
                        gettext("Incident %(id)s cannot take these figures: %(reason)s")
                        % {"id": incident.pk, "reason": " ".join(error.messages)}
                    ) from error
        else:
            data = reviewed.data
            data.location = _saved(data.location, user)
            for actor_role in data.actors:
                _saved(actor_role.actor, user)
            data.evidence = evidence(reviewed.spans)
            # An editor's review waits for a reviewer (incidents.roles, the one rule).
            data.status = roles.publishing_status(user, data.status)
            incident = incident_create(data=data, user=user)
        written[reviewed.key] = incident

    for reviewed in statements:
        data = reviewed.data
        data.source = source
        data.speaker_actor = _saved(data.speaker_actor, user)
        if reviewed.span is not None:
            data.evidence = Evidence(source=source, start_offset=reviewed.span[0], end_offset=reviewed.span[1])
        data.incidents = [written[key] for key in reviewed.incident_keys if key in written]
        statement_create(data=data, user=user)

    draft.status = ImportDraftStatus.CONFIRMED
    draft.source = source
    draft.save(update_fields=["status", "source", "updated_at"])
    return source


def import_discard(*, draft: ImportDraft) -> None:
    """Mark an import as discarded: nothing of it is written."""
    draft.status = ImportDraftStatus.DISCARDED
    draft.save(update_fields=["status", "updated_at"])
