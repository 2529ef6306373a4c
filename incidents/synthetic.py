"""Synthetic incidents for measuring Marsad at scale: written in bulk, flagged `synthetic`, removable.

The rows are written with PostgreSQL COPY, not through the services: a million incidents saved one by one
would take hours. So there is no history row for them (there is no editor whose work to audit), and no
full_clean per row: the tables below keep every row within the model's rules (valid ACLED pairs, ordered
casualty figures, end dates after start dates), and the tests run full_clean over a sample.
Places are the gazetteer's and actors the reference actors (`manage.py load_reference`).
"""
import datetime
import random
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from . import taxonomy
from .models import (
    Actor,
    ActorKind,
    ActorRole,
    DatePrecision,
    ImportDraft,
    Incident,
    IncidentActor,
    IncidentSource,
    Language,
    Location,
    LocationKind,
    Outcome,
    Source,
    Statement,
    StatementIncident,
    Status,
    Verification,
    Weapon,
    content_hash,
)

FIRST_DAY = datetime.date(2023, 10, 1)
LAST_DAY = datetime.date(2024, 12, 31)
# Sources live under a reserved top-level domain (RFC 2606), so no link can lead to a real page.
URL_PREFIX = "https://synthetic.marsad.invalid/reports/"
CHUNK = 20_000

# ACLED's event mix in Iraq and Syria, roughly: (event type, sub-event type, weight, weapons, English title,
# Arabic title). {place} is the location's name. Every valid pair is here, so every filter finds rows.
EVENTS = [
    # "Rocket attack on Ain al-Asad Air Base" / "هجوم صاروخي على قاعدة عين الأسد الجوية"
    (taxonomy.EXPLOSIONS, "Shelling/artillery/missile attack", 20,
     (Weapon.ROCKET, Weapon.MISSILE, Weapon.ARTILLERY), "Rocket attack on {place}", "هجوم صاروخي على {place}"),
    (taxonomy.EXPLOSIONS, "Air/drone strike", 18,
     (Weapon.DRONE, Weapon.DRONE, Weapon.AIRSTRIKE), "Drone strike near {place}", "ضربة بطائرة مسيّرة قرب {place}"),
    (taxonomy.EXPLOSIONS, "Remote explosive/landmine/IED", 8,
     (Weapon.IED,), "Roadside bomb in {place}", "انفجار عبوة ناسفة في {place}"),
    (taxonomy.EXPLOSIONS, "Suicide bomb", 0.5, (Weapon.IED,), "Suicide bombing in {place}", "تفجير انتحاري في {place}"),
    (taxonomy.EXPLOSIONS, "Grenade", 1, (Weapon.OTHER,), "Grenade attack in {place}", "هجوم بقنبلة يدوية في {place}"),
    (taxonomy.EXPLOSIONS, "Chemical weapon", 0.05,
     (Weapon.OTHER,), "Chemical attack reported in {place}", "هجوم كيميائي مزعوم في {place}"),
    (taxonomy.BATTLES, "Armed clash", 16, (Weapon.SMALL_ARMS,), "Armed clash in {place}", "اشتباك مسلح في {place}"),
    (taxonomy.BATTLES, "Government regains territory", 1,
     (Weapon.SMALL_ARMS,), "Government forces retake {place}", "القوات الحكومية تستعيد {place}"),
    (taxonomy.BATTLES, "Non-state actor overtakes territory", 0.5,
     (Weapon.SMALL_ARMS,), "Armed group takes {place}", "جماعة مسلحة تسيطر على {place}"),
    (taxonomy.VIOLENCE_AGAINST_CIVILIANS, "Attack", 7,
     (Weapon.SMALL_ARMS, Weapon.UNKNOWN), "Civilians attacked in {place}", "هجوم على مدنيين في {place}"),
    (taxonomy.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance", 2,
     (Weapon.UNKNOWN,), "Abduction in {place}", "اختطاف في {place}"),
    (taxonomy.VIOLENCE_AGAINST_CIVILIANS, "Sexual violence", 0.2,
     (Weapon.UNKNOWN,), "Sexual violence reported in {place}", "عنف جنسي مُبلّغ عنه في {place}"),
    (taxonomy.PROTESTS, "Peaceful protest", 8, (Weapon.UNKNOWN,), "Protest in {place}", "احتجاج في {place}"),
    (taxonomy.PROTESTS, "Protest with intervention", 1.5,
     (Weapon.UNKNOWN,), "Protest dispersed in {place}", "تفريق احتجاج في {place}"),
    (taxonomy.PROTESTS, "Excessive force against protesters", 0.3,
     (Weapon.SMALL_ARMS,), "Protesters shot in {place}", "إطلاق النار على محتجين في {place}"),
    (taxonomy.RIOTS, "Violent demonstration", 1.5,
     (Weapon.OTHER,), "Violent demonstration in {place}", "تظاهرة عنيفة في {place}"),
    (taxonomy.RIOTS, "Mob violence", 0.5, (Weapon.OTHER,), "Mob violence in {place}", "أعمال عنف جماعية في {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Disrupted weapons use", 4,
     (Weapon.DRONE, Weapon.ROCKET), "Drone downed near {place}", "إسقاط طائرة مسيّرة قرب {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Arrests", 4, (Weapon.UNKNOWN,), "Arrests in {place}", "اعتقالات في {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Looting/property destruction", 1,
     (Weapon.OTHER,), "Property destroyed in {place}", "تدمير ممتلكات في {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Change to group/activity", 1,
     (Weapon.UNKNOWN,), "Armed group moves into {place}", "تحركات جماعة مسلحة في {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Headquarters or base established", 0.3,
     (Weapon.UNKNOWN,), "New base set up near {place}", "إنشاء قاعدة جديدة قرب {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Agreement", 0.3,
     (Weapon.UNKNOWN,), "Local truce agreed in {place}", "اتفاق تهدئة محلي في {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory", 0.2,
     (Weapon.UNKNOWN,), "Control of {place} handed over", "تسليم السيطرة على {place}"),
    (taxonomy.STRATEGIC_DEVELOPMENTS, "Other", 0.5, (Weapon.UNKNOWN,), "Security incident in {place}", "حادث أمني في {place}"),
]
# Event types whose incidents have someone who did it (the others have at most a target).
VIOLENT = {taxonomy.BATTLES, taxonomy.EXPLOSIONS, taxonomy.VIOLENCE_AGAINST_CIVILIANS, taxonomy.RIOTS}

# How often a place of each kind is where an incident happens, per place (bases are few and often hit).
SITE_WEIGHTS = {
    LocationKind.MILITARY_BASE: 60, LocationKind.AIRPORT: 30, LocationKind.EMBASSY: 20, LocationKind.FACILITY: 10,
    LocationKind.CITY: 25, LocationKind.AREA: 5, LocationKind.TOWN: 2, LocationKind.VILLAGE: 1,
    LocationKind.NEIGHBOURHOOD: 0.5, LocationKind.SUBDISTRICT: 0.3,
}
# Incidents known only to the governorate or the country (geo precision 3).
REGION_WEIGHTS = {LocationKind.COUNTRY: 10, LocationKind.GOVERNORATE: 3, LocationKind.DISTRICT: 0.5}
REGION_SHARE = 0.07

OUTCOMES = {
    "attack": ((Outcome.HIT, 50), (Outcome.INTERCEPTED, 15), (Outcome.FAILED, 5), (Outcome.UNKNOWN, 30)),
    "disrupted": ((Outcome.INTERCEPTED, 80), (Outcome.UNKNOWN, 20)),
    "other": ((Outcome.UNKNOWN, 75), (Outcome.HIT, 25)),
}
VERIFICATIONS = (
    (Verification.REPORTED, 50), (Verification.CONFIRMED, 20), (Verification.CLAIMED, 20),
    (Verification.CONTESTED, 7), (Verification.DISCOUNTED, 3),
)
PUBLISHED_SHARE = 0.95
DATE_PRECISIONS = ((DatePrecision.DAY, 85), (DatePrecision.WEEK, 7), (DatePrecision.MONTH, 5), (DatePrecision.RANGE, 3))
PERPETRATOR_KINDS = {ActorKind.ARMED_GROUP: 6, ActorKind.STATE_FORCE: 3, ActorKind.COALITION: 2, ActorKind.UNIDENTIFIED: 2}
TARGET_KINDS = {ActorKind.STATE_FORCE: 4, ActorKind.STATE: 1, ActorKind.ARMED_GROUP: 2, ActorKind.GOVERNMENT_BODY: 1}
INTERCEPTOR_KINDS = {ActorKind.STATE_FORCE: 3, ActorKind.COALITION: 2}
PUBLISHERS = ("Synthetic Wire", "Synthetic Daily", "Synthetic Monitor", "وكالة الأنباء الاصطناعية", "الرصد الاصطناعي")
INCIDENTS_PER_SOURCE = 10
SECOND_SOURCE_SHARE = 0.1


@dataclass(frozen=True)
class Place:
    id: int
    name_en: str
    name_ar: str
    point: str  # hex EWKB, as PostgreSQL prints a geometry
    geo_precision: int


@dataclass(frozen=True)
class ActorRow:
    id: int
    kind: str
    parent_id: int | None


class Weighted:
    """Items drawn with replacement in proportion to their weights."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cum_weights = []
        total = 0
        for weight in weights:
            total += weight
            self.cum_weights.append(total)

    def __bool__(self):
        return bool(self.items)

    def draw(self, rng):
        return rng.choices(self.items, cum_weights=self.cum_weights)[0]


def weighted(pairs):
    """Return a chooser over (item, weight) pairs."""
    return Weighted([item for item, _ in pairs], [weight for _, weight in pairs])


def popular(rng, rows, kind_weights):
    """Return a chooser over (kind, item) rows weighted by kind and by a heavy-tailed popularity (hot spots)."""
    rows = [(kind, item) for kind, item in rows if kind in kind_weights]
    return Weighted([item for _, item in rows], [kind_weights[kind] * rng.paretovariate(1.5) for kind, _ in rows])


def load_places(rng):
    """Return choosers of (sites, regions) over the gazetteer's places that have a point."""
    with connection.cursor() as cursor:
        # The point as PostgreSQL's hex EWKB text, which COPY takes back as it is.
        cursor.execute(
            f"SELECT kind, id, name_en, name_ar, point::text, geo_precision FROM {_table(Location)}"
            " WHERE point IS NOT NULL ORDER BY slug"
        )
        places = [(kind, Place(pk, name_en, name_ar or name_en, point, precision))
                  for kind, pk, name_en, name_ar, point, precision in cursor.fetchall()]
    return popular(rng, places, SITE_WEIGHTS), popular(rng, places, REGION_WEIGHTS)


def load_actors(rng):
    """Return a chooser per role over the reference actors."""
    actors = [(kind, ActorRow(pk, kind, parent)) for pk, kind, parent in Actor.objects.order_by("slug").values_list("id", "kind", "parent_id")]
    return {
        "perpetrator": popular(rng, actors, PERPETRATOR_KINDS),
        "target": popular(rng, actors, TARGET_KINDS),
        "interceptor": popular(rng, actors, INTERCEPTOR_KINDS),
    }


def day_weights():
    """Return each day of the period with a weight: busier in the 2023-24 campaign's first months."""
    days, weights = [], []
    day = FIRST_DAY
    while day <= LAST_DAY:
        days.append(day)
        weights.append(3 if datetime.date(2023, 10, 17) <= day <= datetime.date(2024, 2, 4) else 1)
        day += datetime.timedelta(days=1)
    return Weighted(days, weights)


def casualties(rng, severe):
    """Return (low, best, high): mostly unknown or none, sometimes a few, rarely many, sometimes a range."""
    roll = rng.random()
    if roll < 0.5:
        return None, None, None
    if roll < (0.85 if severe else 0.95):
        return None, 0, None
    best = min(int(rng.paretovariate(1.2)), 300)
    if rng.random() < 0.15:
        return max(best - rng.randint(0, best), 0), best, best + rng.randint(1, best + 2)
    return None, best, None


def dates(rng, published, precision):
    """Return (start, end) for an incident reported on `published`, within the period."""
    if precision == DatePrecision.MONTH:
        start = published.replace(day=1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return start, min(end, LAST_DAY)
    if precision == DatePrecision.WEEK:
        start = max(published - datetime.timedelta(days=6 + rng.randint(0, 7)), FIRST_DAY)
        return start, start + datetime.timedelta(days=6)
    if precision == DatePrecision.RANGE:
        start = max(published - datetime.timedelta(days=rng.randint(2, 10)), FIRST_DAY)
        return start, min(start + datetime.timedelta(days=rng.randint(1, 3)), LAST_DAY)
    day = max(published - datetime.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 3))), FIRST_DAY)
    return day, day


def casualty_phrase(language, killed, injured):
    parts = []
    if killed:
        parts.append(f"{killed} killed" if language == Language.ENGLISH else f"مقتل {killed}")
    if injured:
        parts.append(f"{injured} injured" if language == Language.ENGLISH else f"إصابة {injured}")
    if not parts:
        return ""
    return ("; " + ", ".join(parts)) if language == Language.ENGLISH else ("، " + " و".join(parts))


def sentence(language, start, title_en, title_ar, killed, injured):
    """Return the sentence a source gives for an incident."""
    if language == Language.ENGLISH:
        return f"On {start:%d %B %Y}: {title_en}{casualty_phrase(language, killed, injured)}."
    return f"في {start:%Y-%m-%d}: {title_ar}{casualty_phrase(language, killed, injured)}."


class Generator:
    """Write `count` synthetic incidents, their sources and actors, with one random generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.sites, self.regions = load_places(self.rng)
        self.actors = load_actors(self.rng)
        self.days = day_weights()
        self.events = Weighted(EVENTS, [row[2] for row in EVENTS])
        self.outcomes = {name: weighted(rows) for name, rows in OUTCOMES.items()}
        self.verifications = weighted(VERIFICATIONS)
        self.precisions = weighted(DATE_PRECISIONS)
        self.now = timezone.now()
        self.carried = []  # incidents of the previous source that the next source reports too

    def write(self, count):
        """Write the rows in chunks of COPY, in one transaction; return (incidents, sources)."""
        written_incidents = written_sources = 0
        with transaction.atomic(), connection.cursor() as cursor:
            while written_incidents < count:
                chunk = self.chunk(cursor, min(CHUNK, count - written_incidents))
                self.copy(cursor, Source, SOURCE_COLUMNS, chunk.sources)
                self.copy(cursor, Incident, INCIDENT_COLUMNS, chunk.incidents)
                self.copy(cursor, IncidentSource, INCIDENT_SOURCE_COLUMNS, chunk.links)
                self.copy(cursor, IncidentActor, INCIDENT_ACTOR_COLUMNS, chunk.roles)
                written_incidents += len(chunk.incidents)
                written_sources += len(chunk.sources)
        return written_incidents, written_sources

    def copy(self, cursor, model, columns, rows):
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(model._meta.get_field(name).column) for name in columns)
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def chunk(self, cursor, count):
        """Return the rows of `count` incidents, grouped by the source that reports them."""
        incident_ids = next_ids(cursor, Incident, count)
        sizes = []
        while sum(sizes) < count:
            sizes.append(min(1 + int(self.rng.expovariate(1 / (INCIDENTS_PER_SOURCE - 1))), count - sum(sizes)))
        source_ids = next_ids(cursor, Source, len(sizes))
        chunk = Chunk()
        position = 0
        for source_id, size in zip(source_ids, sizes):
            self.source(chunk, source_id, incident_ids[position:position + size])
            position += size
        return chunk

    def source(self, chunk, source_id, incident_ids):
        """Add one source, the incidents it reports and some of the previous source's incidents."""
        rng = self.rng
        published = self.days.draw(rng)
        language = Language.ARABIC if rng.random() < 0.6 else Language.ENGLISH
        header = f"Synthetic report {source_id}." if language == Language.ENGLISH else f"تقرير اصطناعي رقم {source_id}."
        parts = [header]
        offset = len(header)
        spans = []
        new = [self.incident(chunk, incident_id, published) for incident_id in incident_ids]
        for incident_id, start, title_en, title_ar, killed, injured in [*new, *self.carried]:
            text = sentence(language, start, title_en, title_ar, killed, injured)
            spans.append((incident_id, offset + 1, offset + 1 + len(text), text))
            parts.append(text)
            offset += 1 + len(text)
        text = " ".join(parts)
        title = f"{header[:-1]}: {new[0][2] if language == Language.ENGLISH else new[0][3]}"
        chunk.sources.append((
            source_id, title[:500], rng.choice(PUBLISHERS), f"{URL_PREFIX}{source_id}", language, published, text,
            content_hash(text), self.now, self.now, True,
        ))
        for incident_id, start_offset, end_offset, excerpt in spans:
            chunk.links.append((incident_id, source_id, excerpt, start_offset, end_offset))
        self.carried = [row for row in new if rng.random() < SECOND_SOURCE_SHARE]

    def incident(self, chunk, incident_id, published):
        """Add one incident and its actors; return what its sources say about it."""
        rng = self.rng
        event_type, sub_event_type, _, weapons, title_en, title_ar = self.events.draw(rng)
        place = (self.regions if self.regions and rng.random() < REGION_SHARE else self.sites).draw(rng)
        precision = self.precisions.draw(rng)
        start, end = dates(rng, published, precision)
        if sub_event_type == "Disrupted weapons use":
            outcome = self.outcomes["disrupted"].draw(rng)
        elif event_type == taxonomy.EXPLOSIONS:
            outcome = self.outcomes["attack"].draw(rng)
        else:
            outcome = self.outcomes["other"].draw(rng)
        severe = event_type in VIOLENT
        killed = casualties(rng, severe)
        injured = casualties(rng, severe)
        count = 1 if rng.random() < 0.97 else rng.randint(2, 5)
        title_en, title_ar = title_en.format(place=place.name_en), title_ar.format(place=place.name_ar)
        status = Status.PUBLISHED if rng.random() < PUBLISHED_SHARE else Status.DRAFT
        description = sentence(Language.ENGLISH, start, title_en, title_ar, killed[1], injured[1])
        chunk.incidents.append((
            incident_id, title_en, title_ar, description, start, end, precision, event_type, sub_event_type,
            rng.choice(weapons), outcome, count, place.point, place.geo_precision, killed[1], killed[0], killed[2],
            injured[1], injured[0], injured[2], self.verifications.draw(rng), status, "", self.now, self.now,
            place.id, True,
        ))
        for actor_id, role in self.roles(event_type, outcome):
            chunk.roles.append((incident_id, actor_id, role))
        return incident_id, start, title_en, title_ar, killed[1], injured[1]

    def roles(self, event_type, outcome):
        """Return (actor id, role) pairs: who did it, to whom, who claimed it, who intercepted it."""
        rng = self.rng
        roles = []
        perpetrator = None
        if event_type in VIOLENT and self.actors["perpetrator"] and rng.random() < 0.85:
            perpetrator = self.actors["perpetrator"].draw(rng)
            roles.append((perpetrator.id, ActorRole.PERPETRATOR))
            if perpetrator.kind == ActorKind.ARMED_GROUP and rng.random() < 0.3:
                roles.append((perpetrator.parent_id or perpetrator.id, ActorRole.CLAIMANT))
        if self.actors["target"] and rng.random() < (0.7 if event_type in VIOLENT else 0.3):
            target = self.actors["target"].draw(rng)
            if target != perpetrator:
                roles.append((target.id, ActorRole.TARGET))
        if outcome == Outcome.INTERCEPTED and self.actors["interceptor"] and rng.random() < 0.8:
            roles.append((self.actors["interceptor"].draw(rng).id, ActorRole.INTERCEPTOR))
        return roles


class Chunk:
    def __init__(self):
        self.sources, self.incidents, self.links, self.roles = [], [], [], []


SOURCE_COLUMNS = (
    "id", "title", "publisher", "url", "language", "published", "text", "content_hash", "created_at", "updated_at",
    "synthetic",
)
INCIDENT_COLUMNS = (
    "id", "title", "title_ar", "description", "date_start", "date_end", "date_precision", "event_type",
    "sub_event_type", "weapon", "outcome", "count", "point", "geo_precision", "killed_best", "killed_low",
    "killed_high", "injured_best", "injured_low", "injured_high", "verification", "status", "editor_note",
    "created_at", "updated_at", "location", "synthetic",
)
INCIDENT_SOURCE_COLUMNS = ("incident", "source", "excerpt", "start_offset", "end_offset")
INCIDENT_ACTOR_COLUMNS = ("incident", "actor", "role")


def next_ids(cursor, model, count):
    """Return `count` new primary keys from the table's identity sequence."""
    table = model._meta.db_table
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


def generate(count, seed=None):
    """Write `count` synthetic incidents; return (incidents, sources) written."""
    written = Generator(seed).write(count)
    analyze()
    return written


def remove():
    """Delete the synthetic rows and what hangs on them; return the counts deleted and sources kept.

    Real rows are never deleted: a synthetic source that a real incident, statement or import cites
    (an editor would have to link it by hand) is kept, and counted.
    """
    incident_ids = f"SELECT id FROM {_table(Incident)} WHERE synthetic"
    counts = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for model in (IncidentActor, IncidentSource, StatementIncident):
            for table in (model, model.history.model):  # an editor may have edited a synthetic row
                cursor.execute(f"DELETE FROM {_table(table)} WHERE incident_id IN ({incident_ids})")
        cursor.execute(f"DELETE FROM {_table(Incident.history.model)} WHERE synthetic")
        cursor.execute(f"DELETE FROM {_table(Incident)} WHERE synthetic")
        counts["incidents"] = cursor.rowcount
        cited = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {_table(model)} AS c WHERE c.source_id = s.id)"
            for model in (IncidentSource, Statement, ImportDraft)
        )
        cursor.execute(f"DELETE FROM {_table(Source)} AS s WHERE synthetic AND {cited}")
        counts["sources"] = cursor.rowcount
        cursor.execute(
            f"DELETE FROM {_table(Source.history.model)} AS h WHERE synthetic"
            f" AND NOT EXISTS (SELECT 1 FROM {_table(Source)} AS s WHERE s.id = h.id)"
        )
        cursor.execute(f"SELECT count(*) FROM {_table(Source)} WHERE synthetic")
        counts["sources_kept"] = cursor.fetchone()[0]
    analyze()
    return counts


def analyze():
    """Refresh the planner's statistics of the tables written in bulk."""
    with connection.cursor() as cursor:
        for model in (Incident, Source, IncidentSource, IncidentActor):
            cursor.execute(f"ANALYZE {_table(model)}")


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)

