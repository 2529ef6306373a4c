"""The dataclasses extraction passes around. Pure Python: no Django, no ORM.

Offsets are character offsets into the text exactly as stored in Source.text (after intake), so that
`text[span.start:span.end]` is the evidence.
"""
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text(self, source_text):
        return source_text[self.start : self.end]

    def overlaps(self, other):
        return self.start < other.end and other.start < self.end


# --- Reference data passed in (built from the database by a selector, or by tests from files) ---


@dataclass(frozen=True)
class PlaceEntry:
    """One gazetteer place as extraction sees it."""

    key: str  # Location.slug
    name_en: str
    name_ar: str
    names: tuple[str, ...]  # every name and alias, any language
    kind: str  # LocationKind value: country, governorate, city, town, village, military base, ...
    country_code: str
    admin1: str  # English name of the governorate ("" for a country)
    lat: float | None
    lon: float | None
    geo_precision: int  # 1 exact, 2 near, 3 region
    population: int = 0


@dataclass(frozen=True)
class ActorEntry:
    """One known actor as extraction sees it."""

    key: str  # Actor.slug
    name_en: str
    name_ar: str
    names: tuple[str, ...]
    kind: str  # ActorKind value
    parent_key: str | None = None
    country_code: str = ""


def entry_names(name_en, name_ar, aliases):
    """Return every name of a row once, English name first (the order the matchers index them in)."""
    return tuple(dict.fromkeys(name for name in (name_en, name_ar, *(aliases or ())) if name))


# --- Primitive findings -----------------------------------------------------------------------


@dataclass(frozen=True)
class NumberMention:
    value: int
    span: Span
    approximate: bool = False  # "about 80", "نحو 80", "more than"


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the publication date."""

    span: Span
    start: date
    end: date
    precision: str  # day, week, month, year, range
    expression: str  # the matched words, for debugging and review
    relative: bool = False  # "yesterday", "on Sunday": depends on the publication date
    since: bool = False  # "since mid-October": the start of a period, not an event date


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    entry: PlaceEntry | None  # None: a vague place with no gazetteer entry ("western Iraq" falls back to Iraq)
    qualifier: str = ""  # "", "north of", "near", "western", ...
    geo_precision: int = 1  # precision of what the text says, not of the entry
    count: int = 1  # "three bases in Syria" → 3


@dataclass(frozen=True)
class ActorMention:
    span: Span
    entry: ActorEntry | None  # None for described speakers without an entry
    description: str = ""  # "a security source in Kurdistan", as the text says it


@dataclass(frozen=True)
class Casualties:
    best: int | None = None
    low: int | None = None
    high: int | None = None


# --- The draft --------------------------------------------------------------------------------


@dataclass
class DraftActor:
    entry: ActorEntry | None
    role: str  # perpetrator, target, claimant, interceptor, associated
    name_en: str = ""
    name_ar: str = ""


@dataclass
class DraftIncident:
    date_start: date | None
    date_end: date | None
    date_precision: str
    event_type: str
    sub_event_type: str
    weapon: str
    outcome: str
    count: int
    place: PlaceMention | None
    killed: Casualties = field(default_factory=Casualties)
    injured: Casualties = field(default_factory=Casualties)
    actors: list[DraftActor] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    verification: str = "reported"  # Verification value: confirmed, reported, claimed, contested, discounted


@dataclass
class DraftStatement:
    speaker: str  # as the text names or describes the speaker
    speaker_actor: ActorEntry | None
    kind: str  # report, claim, condemnation, denial, demand, position, casualty figures
    verb: str
    date: date | None
    span: Span
    incidents: list[int] = field(default_factory=list)  # indexes into Draft.incidents
    confidence: float = 0.5


@dataclass
class Draft:
    language: str
    published: date
    text: str
    incidents: list[DraftIncident] = field(default_factory=list)
    statements: list[DraftStatement] = field(default_factory=list)


# --- The proposal: what extraction proposes, the editor reviews and the services write -------------
#
# One typed structure from extraction to the services: `serialize` builds it from a Draft, ImportDraft
# stores it as JSON (`to_json`, whose keys are the stored drafts' and `import_article --format json`'s),
# the review page reads it back (`from_json`, lenient with what an older draft lacks) and its forms give
# back items of the same types, which `importing` turns into the services' inputs.


_Date = date  # a field below is named `date`


def _date_or_none(value):
    if value is None or isinstance(value, _Date):
        return value
    try:
        return _Date.fromisoformat(value)
    except ValueError:
        return None


def _iso_or_none(value):
    return value.isoformat() if value is not None else None


def _casualties_from_json(value):
    value = value or {}
    return Casualties(best=value.get("best"), low=value.get("low"), high=value.get("high"))


def _casualties_to_json(value):
    return {"best": value.best, "low": value.low, "high": value.high}


@dataclass
class ProposedPlace:
    """A proposed place: a gazetteer entry (`key`), or a new place the review may create (`key` None)."""

    key: str | None = None
    name_en: str = ""
    name_ar: str = ""
    kind: str = ""  # LocationKind value
    lat: float | None = None
    lon: float | None = None
    country: str = ""
    admin1: str = ""
    geo_precision: int | None = None
    qualifier: str = ""

    @classmethod
    def from_json(cls, value):
        if not value:
            return None
        return cls(
            key=value.get("key"),
            name_en=value.get("name_en") or "",
            name_ar=value.get("name_ar") or "",
            kind=value.get("kind") or "",
            lat=value.get("lat"),
            lon=value.get("lon"),
            country=value.get("country") or "",
            admin1=value.get("admin1") or "",
            geo_precision=value.get("geo_precision"),
            qualifier=value.get("qualifier") or "",
        )

    def to_json(self):
        return {
            "key": self.key, "name_en": self.name_en, "name_ar": self.name_ar, "kind": self.kind,
            "lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1,
            "geo_precision": self.geo_precision, "qualifier": self.qualifier,
        }

    @property
    def has_point(self):
        return self.lat is not None and self.lon is not None


@dataclass
class ProposedActor:
    key: str | None = None
    name_en: str = ""
    name_ar: str = ""
    kind: str = ""  # ActorKind value
    role: str = ""  # ActorRole value

    @classmethod
    def from_json(cls, value):
        return cls(
            key=value.get("key"),
            name_en=value.get("name_en") or "",
            name_ar=value.get("name_ar") or "",
            kind=value.get("kind") or "",
            role=value.get("role") or "",
        )

    def to_json(self):
        return {"key": self.key, "name_en": self.name_en, "name_ar": self.name_ar, "kind": self.kind, "role": self.role}


@dataclass
class ProposedIncident:
    event_type: str = ""
    sub_event_type: str = ""
    title: str = ""
    title_ar: str = ""
    date: _Date | None = None
    date_end: _Date | None = None
    date_precision: str = "day"
    weapon: str = "unknown"
    outcome: str = "unknown"
    count: int = 1
    killed: Casualties = field(default_factory=Casualties)
    injured: Casualties = field(default_factory=Casualties)
    location: ProposedPlace | None = None
    actors: list[ProposedActor] = field(default_factory=list)
    verification: str = "reported"
    evidence: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float | None = None
    # Set by the editor in review: the point picked on the map and its precision.
    point: tuple[float, float] | None = None  # (lat, lon)
    geo_precision: int | None = None
    # Set by the editor when the incident is merged into a stored one: the figures it brings
    # (Incident field name to value; the actors it brings are `actors`).
    figures: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, value):
        point = value.get("point")
        return cls(
            event_type=value.get("event_type") or "",
            sub_event_type=value.get("sub_event_type") or "",
            title=value.get("title") or "",
            title_ar=value.get("title_ar") or "",
            date=_date_or_none(value.get("date")),
            date_end=_date_or_none(value.get("date_end")),
            date_precision=value.get("date_precision") or "day",
            weapon=value.get("weapon") or "unknown",
            outcome=value.get("outcome") or "unknown",
            count=max(1, int(value.get("count") or 1)),
            killed=_casualties_from_json(value.get("killed")),
            injured=_casualties_from_json(value.get("injured")),
            location=ProposedPlace.from_json(value.get("location")),
            actors=[ProposedActor.from_json(actor) for actor in value.get("actors") or []],
            verification=value.get("verification") or "reported",
            evidence=list(value.get("evidence") or []),
            spans=[tuple(span) for span in value.get("spans") or []],
            confidence=value.get("confidence"),
            point=(point["lat"], point["lon"]) if point else None,
            geo_precision=value.get("geo_precision"),
            figures=dict(value.get("figures") or {}),
        )

    def to_json(self):
        data = {
            "title": self.title,
            "title_ar": self.title_ar,
            "date": _iso_or_none(self.date),
            "date_end": _iso_or_none(self.date_end),
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "weapon": self.weapon,
            "outcome": self.outcome,
            "count": self.count,
            "killed": _casualties_to_json(self.killed),
            "injured": _casualties_to_json(self.injured),
            "location": self.location.to_json() if self.location else None,
            "actors": [actor.to_json() for actor in self.actors],
            "verification": self.verification,
            "evidence": list(self.evidence),
            "spans": [list(span) for span in self.spans],
            "confidence": self.confidence,
        }
        if self.point is not None:
            data["point"] = {"lat": self.point[0], "lon": self.point[1]}
        if self.geo_precision is not None:
            data["geo_precision"] = self.geo_precision
        if self.figures:
            data["figures"] = dict(self.figures)
        return data


@dataclass
class ProposedStatement:
    kind: str = ""
    text: str = ""
    speaker: str = ""  # as the text describes the speaker
    speaker_actor: str | None = None  # the speaker actor's English name
    speaker_key: str | None = None  # its key when it is a stored actor
    verb: str = ""
    date: _Date | None = None
    span: tuple[int, int] | None = None
    incidents: list[int] = field(default_factory=list)  # indexes into Proposal.incidents
    confidence: float | None = None

    @classmethod
    def from_json(cls, value):
        span = value.get("span")
        return cls(
            kind=value.get("kind") or "",
            text=value.get("text") or "",
            speaker=value.get("speaker") or "",
            speaker_actor=value.get("speaker_actor"),
            speaker_key=value.get("speaker_key"),
            verb=value.get("verb") or "",
            date=_date_or_none(value.get("date")),
            span=tuple(span) if span else None,
            incidents=list(value.get("incidents") or []),
            confidence=value.get("confidence"),
        )

    def to_json(self):
        return {
            "speaker": self.speaker,
            "speaker_actor": self.speaker_actor,
            "speaker_key": self.speaker_key,
            "kind": self.kind,
            "verb": self.verb,
            "date": _iso_or_none(self.date),
            "text": self.text,
            "span": list(self.span) if self.span else None,
            "incidents": list(self.incidents),
            "confidence": self.confidence,
        }


@dataclass
class Proposal:
    source: dict = field(default_factory=dict)  # what is known of the article: language, published, title, ...
    incidents: list[ProposedIncident] = field(default_factory=list)
    statements: list[ProposedStatement] = field(default_factory=list)

    @classmethod
    def from_json(cls, value):
        value = value or {}
        return cls(
            source=dict(value.get("source") or {}),
            incidents=[ProposedIncident.from_json(item) for item in value.get("incidents") or []],
            statements=[ProposedStatement.from_json(item) for item in value.get("statements") or []],
        )

    def to_json(self):
        return {
            "source": dict(self.source),
            "incidents": [incident.to_json() for incident in self.incidents],
            "statements": [statement.to_json() for statement in self.statements],
        }
