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
