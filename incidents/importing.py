"""Import an article: extract its proposal, store it as a draft for review, or publish it as is.

The admin's import page, the `import_article` command and `make run`'s demo data all go through
`import_article`. A proposal is the typed `extraction.types.Proposal` (stored as its JSON);
`reviewed_from_proposal` and, for the review page, `reviewed_from_review` turn one into the services'
inputs.
"""
import datetime
import multiprocessing
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.utils.text import slugify

from . import geo, merging, selectors, services
from .extraction import intake
from .extraction.actors import ActorMatcher
from .extraction.pipeline import extract
from .extraction.places import PlaceMatcher
from .extraction.serialize import draft_to_json
from .extraction.types import Proposal, ProposedActor, ProposedPlace
from .models import Actor, ImportDraft, Location, Source

TITLE_LENGTH = 300
# An undated event ("following the strike", "في أعقاب") is published as a range ending at its upper
# bound (the later event's date, else publication) and reaching this many days back.
UNDATED_RANGE_DAYS = 30


# --- Matchers, built once per process and rebuilt when the reference tables change -------------

_matchers_lock = threading.Lock()
_matchers = {"version": None, "places": None, "actors": None}


def _reference_version():
    """Return what changes whenever a Location or Actor is added, edited or deleted (one query)."""
    parts = []
    for model in (Location, Actor):
        table = connection.ops.quote_name(model._meta.db_table)
        history = connection.ops.quote_name(model.history.model._meta.db_table)
        parts.append(f"(SELECT count(*) FROM {table}), (SELECT max(id) FROM {table}), "
                     f"(SELECT max(history_id) FROM {history})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())


def matchers():
    """Return (PlaceMatcher, ActorMatcher) built from the database, reusing them while it is unchanged."""
    from . import selectors  # the read paths; imported here so extraction-only code need not load them

    version = _reference_version()
    with _matchers_lock:
        if _matchers["version"] != version:
            _matchers["places"] = PlaceMatcher(selectors.gazetteer_entries())
            _matchers["actors"] = ActorMatcher(selectors.actor_entries())
            _matchers["version"] = version
        return _matchers["places"], _matchers["actors"]


# --- Extraction -------------------------------------------------------------------------------


class ExtractionTimeLimit(intake.IntakeError):
    """The article took longer to analyse than MARSAD_IMPORT_TIME_LIMIT allows; nothing was written."""

    def __init__(self, seconds):
        super().__init__(
            "This article took too long to analyse (over %(seconds)s seconds) and nothing was saved. "
            "Split it into shorter articles, or paste the article text alone.",
            seconds=f"{seconds:g}",
        )


def extract_article(*, text: str, published: datetime.date, language: str) -> dict:
    """Return the proposal JSON of an article: its incidents and statements with evidence.

    Raise ExtractionTimeLimit when extracting takes longer than settings.MARSAD_IMPORT_TIME_LIMIT.
    """
    places, actors = matchers()
    return _within_time_limit(
        _proposal_of, (text, published, language, places, actors), settings.MARSAD_IMPORT_TIME_LIMIT
    )


def _proposal_of(text, published, language, places, actors):
    return draft_to_json(extract(text, published, language, places, actors))


# The time limit runs the extraction in a forked child process that is killed when time runs out.
# A deadline checked inside extraction would need a check in every loop of its finders, could not stop a
# regular expression running in C (which holds the GIL, so the server's other threads wait for it too),
# and would leave the limit broken by the next loop written without one. A child process is stopped for
# certain, and its work runs outside the server process: the thread that waits for it releases the GIL,
# so other users' requests are served meanwhile. Forking is safe here because extraction is pure Python
# with no ORM: the matchers are built from the database before the fork, the child never touches the
# database connections it inherits and leaves with os._exit (multiprocessing's), so they are not closed.
_FORK = multiprocessing.get_context("fork")


def _within_time_limit(function, args, seconds):
    """Return function(*args) run in a child process, or raise ExtractionTimeLimit after `seconds`."""
    receiver, sender = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_run_and_send, args=(sender, function, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise ExtractionTimeLimit(seconds)
        try:
            outcome, value = receiver.recv()
        except EOFError:
            raise RuntimeError(f"The extraction process ended without an answer (exit code {child.exitcode}).") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "error":
        raise value
    return value


def _run_and_send(sender, function, args):
    """Send ("ok", result) or ("error", exception) for function(*args) to the parent process."""
    try:
        sender.send(("ok", function(*args)))
    except Exception as error:  # noqa: BLE001 - the parent raises it as if extraction had run there
        sender.send(("error", error))


def default_title(text):
    """Return an article's first line, trimmed to fit an incident-sized title."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:TITLE_LENGTH].rstrip()


@dataclass
class ImportResult:
    proposal: dict
    draft: ImportDraft | None = None
    existing: Source | None = None  # a stored source with the same text: nothing was written
    pending: ImportDraft | None = None  # an import of the same text waiting for review: nothing was written
    source: Source | None = None  # the source written when the import was published
    skipped: list[str] = field(default_factory=list)  # proposed items that could not be published as is


def import_article(
    *,
    text,
    published,
    language=None,
    title="",
    publisher="",
    url="",
    user=None,
    dry_run=False,
    publish=False,
) -> ImportResult:
    """Extract an article; unless it is a dry run, already stored or waiting for review, store the draft (and
    publish it).

    A text already stored as a source (`existing`) or waiting for review (`pending`) is not extracted again and
    nothing is written, except in a dry run: that always extracts, and says in `existing` / `pending` what an
    import would find.
    """
    language = language or intake.detect_language(text)
    title = (title or default_title(text))[:TITLE_LENGTH]
    existing, pending = selectors.text_already_imported(text)
    if not dry_run and (existing is not None or pending is not None):
        return ImportResult(proposal={}, existing=existing, pending=pending)
    proposal = extract_article(text=text, published=published, language=language)
    proposal["source"].update(
        {"title": title, "publisher": publisher, "url": url, "language": language, "published": published.isoformat()}
    )
    if dry_run:
        return ImportResult(proposal=proposal, existing=existing, pending=pending)
    try:
        draft = services.import_draft_create(
            title=title,
            text=text,
            language=language,
            published=published,
            proposal=proposal,
            publisher=publisher,
            url=url,
            user=user,
        )
    except (IntegrityError, ValidationError):
        # The same text was imported at the same moment and waits for review: that draft is the answer.
        pending = selectors.import_draft_pending_with_text(text)
        if pending is None:
            raise
        return ImportResult(proposal=proposal, pending=pending)
    result = ImportResult(proposal=proposal, draft=draft)
    if publish:
        incidents, statements, result.skipped = reviewed_from_proposal_publishable(proposal, draft)
        result.source = services.import_confirm(draft=draft, incidents=incidents, statements=statements, user=user)
    return result


# --- From the proposal to the services' inputs --------------------------------------------------


def reviewed_from_proposal(proposal, draft, *, status="published"):
    """Return (reviewed incidents, reviewed statements) for `services.import_confirm` from a proposal.

    Places and actors are looked up by key (slug); one proposed without a key becomes an unsaved row
    that `import_confirm` saves. An incident that cannot be written as proposed (no place) raises
    ValidationError naming it.
    """
    incidents, statements, skipped = _reviewed(proposal, draft, status=status)
    if skipped:
        raise ValidationError(skipped)
    return incidents, statements


def reviewed_from_proposal_publishable(proposal, draft, *, status="published"):
    """Return (reviewed incidents, reviewed statements, messages about the incidents left out)."""
    return _reviewed(proposal, draft, status=status)


def reviewed_from_review(proposal, draft, *, merges):
    """Return (reviewed incidents, reviewed statements) from the proposal as the editor reviewed it.

    `proposal` (a Proposal) holds the kept items as edited (an incident may carry the `point` and
    `geo_precision` the editor chose); `merges` maps an incident's index to the stored Incident the
    article becomes one more source of, which takes that item's `actors` and `figures`. Raise ValidationError naming an incident with no place.
    """
    incidents, statements, skipped = _reviewed(proposal, draft, status="published", merges=merges)
    if skipped:
        raise ValidationError(skipped)
    return incidents, statements


def _reviewed(proposal, draft, *, status, merges=None):
    """Return (reviewed incidents, reviewed statements, skipped messages) from a Proposal (or its JSON)."""
    if not isinstance(proposal, Proposal):
        proposal = Proposal.from_json(proposal)
    cache = _RowCache()
    incidents, skipped = [], []
    merges = merges or {}
    for index, item in enumerate(proposal.incidents):
        if index in merges:
            # One more source of a stored incident: its evidence, and the actors and figures the editor kept.
            incidents.append(
                services.ReviewedIncident(
                    key=index,
                    spans=list(item.spans),
                    merge_into=merges[index],
                    actors=_actor_roles(item, cache),
                    figures=dict(item.figures),
                )
            )
            continue
        location = cache.location(item.location)
        if location is None:
            skipped.append(f"Incident {index + 1} ({item.title or item.event_type}) has no place.")
            continue
        incidents.append(
            services.ReviewedIncident(
                key=index, spans=list(item.spans), data=_incident_data(item, location, cache, draft, status)
            )
        )
    written = {reviewed.key for reviewed in incidents}
    statements = []
    for item in proposal.statements:
        speaker_actor = (
            cache.actor(ProposedActor(key=item.speaker_key, name_en=item.speaker_actor or ""))
            if item.speaker_key or item.speaker_actor
            else None
        )
        description = item.speaker.strip()
        if speaker_actor is None and not description or not item.text.strip():
            continue
        statements.append(
            services.ReviewedStatement(
                data=services.StatementData(
                    source=None,
                    kind=item.kind,
                    text=item.text,
                    language=draft.language,
                    speaker_actor=speaker_actor,
                    speaker_description=description[:300],
                    date=item.date,
                ),
                span=item.span,
                incident_keys=[key for key in item.incidents if key in written],
            )
        )
    return incidents, statements, skipped


def _incident_data(item, location, cache, draft, status):
    start, end = item.date, item.date_end
    precision = item.date_precision or "day"
    note = ""
    if start is None:
        end = end or draft.published
        start = end - datetime.timedelta(days=UNDATED_RANGE_DAYS)
        precision = "range"
        note = "The article gives no date for this event: the range ends at the latest date it allows."
    killed, injured = item.killed, item.injured
    place = item.location or ProposedPlace()
    return services.IncidentData(
        title=(item.title or item.sub_event_type)[:TITLE_LENGTH],
        title_ar=item.title_ar[:TITLE_LENGTH],
        date_start=start,
        date_end=end or start,
        date_precision=precision,
        event_type=item.event_type,
        sub_event_type=item.sub_event_type,
        weapon=item.weapon or "unknown",
        outcome=item.outcome or "unknown",
        count=max(1, int(item.count or 1)),
        location=location,
        point=geo.point_from_input(item.point[1], item.point[0]) if item.point else None,
        geo_precision=item.geo_precision or max(place.geo_precision or 1, location.geo_precision or 1),
        killed_best=killed.best,
        killed_low=killed.low,
        killed_high=killed.high,
        injured_best=injured.best,
        injured_low=injured.low,
        injured_high=injured.high,
        verification=item.verification or "reported",
        status=status,
        editor_note=note,
        actors=_actor_roles(item, cache),
    )


def _actor_roles(item, cache):
    """Return the proposed actors of an incident with a role, as the services' ActorRoles."""
    roles = []
    for proposed in item.actors:
        actor = cache.actor(proposed)
        if actor is not None and proposed.role:
            roles.append(services.ActorRole(actor=actor, role=proposed.role))
    return roles


class _RowCache:
    """Look up Locations and Actors by key once per import; make unsaved ones for proposals without a key."""

    def __init__(self):
        self.rows = {}
        self.new_slugs = set()

    def location(self, place):
        if place is None:
            return None
        key = place.key
        if key:
            if ("location", key) not in self.rows:
                self.rows[("location", key)] = merging.current_by_slug(Location, [key]).get(key)
            if self.rows[("location", key)] is not None:
                return self.rows[("location", key)]
        name_en = (place.name_en or place.name_ar).strip()
        if not name_en:
            return None
        cache_key = ("new location", name_en)
        if cache_key not in self.rows:
            point = geo.point_from_input(place.lon, place.lat) if place.lat is not None else None
            self.rows[cache_key] = Location(
                slug=_free_slug(Location, name_en, self.new_slugs),
                name_en=name_en[:200],
                name_ar=place.name_ar[:200],
                kind=place.kind or "area",
                country_code=place.country[:2],
                point=point,
                geo_precision=place.geo_precision or 1,
            )
        return self.rows[cache_key]

    def actor(self, proposed):
        key = proposed.key
        if key:
            if ("actor", key) not in self.rows:
                self.rows[("actor", key)] = merging.current_by_slug(Actor, [key]).get(key)
            if self.rows[("actor", key)] is not None:
                return self.rows[("actor", key)]
        name_en = (proposed.name_en or proposed.name_ar).strip()
        if not name_en:
            return None
        cache_key = ("new actor", name_en)
        if cache_key not in self.rows:
            existing = Actor.objects.matching_name(name_en).first()
            self.rows[cache_key] = existing or Actor(
                slug=_free_slug(Actor, name_en, self.new_slugs),
                name_en=name_en[:200],
                name_ar=proposed.name_ar[:200],
                kind=proposed.kind or "unidentified",
            )
        return self.rows[cache_key]


def _free_slug(model, name, taken):
    """Return a slug for a new row of `model` from `name` that no stored row and no slug in `taken` uses."""
    base = (slugify(name) or model._meta.model_name)[:100]
    slug, number = base, 1
    # Rows in the trash and merged rows keep their keys.
    while (model, slug) in taken or model._base_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    taken.add((model, slug))
    return slug
