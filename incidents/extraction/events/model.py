"""What incident finding passes around: event kinds and roles, triggers, heads, mentions, incidents, and
predicates on actor entries.
"""
import re
from dataclasses import dataclass, field

from ..normalize import fold
from ..types import Casualties, Span
from ..vocabulary import (
    ARMED_GROUP,
    DIPLOMATIC_MISSION,
    TARGET_SIDE,
    UNKNOWN_MILITARY,
    has_trait,
)

ATTACK, STRIKE, DISRUPTED, CLASH = "attack", "strike", "disrupted", "clash"
AIR_STRIKE = "Air/drone strike"
IED = "Remote explosive/landmine/IED"
ARMED_CLASH = "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
DISRUPTED_USE = "Disrupted weapons use"

# Roles (incidents.models.ActorRole values).
PERPETRATOR, TARGET, CLAIMANT, INTERCEPTOR, ASSOCIATED = "perpetrator", "target", "claimant", "interceptor", "associated"


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str  # attack, strike, intercept, launcher
    weapon: str
    text: str


@dataclass
class _Head:
    """Adjacent event words read as one ("a one-way drone attack struck", "هجوم صاروخي")."""

    triggers: list
    places: list = field(default_factory=list)
    referential: bool = False  # "after the attack": names an event reported elsewhere

    @property
    def start(self):
        return self.triggers[0].start

    @property
    def end(self):
        return self.triggers[-1].end

    @property
    def kinds(self):
        return {t.kind for t in self.triggers}


@dataclass
class _Mention:
    sentence: Span
    scope: Span
    head: Span
    place: object  # PlaceMention or None
    date: object  # DateMention or None
    kind: str  # attack, strike, disrupted
    weapon: str
    outcome: str
    count: int
    killed: Casualties
    injured: Casualties
    actors: list  # [(ActorEntry, role)]
    claim: bool = False
    denial: bool = False
    anaphoric: bool = False  # "the attack", "الهجوم": refers to an incident already reported
    same_time: bool = False
    day_offset: int = 0  # "a day earlier", "في اليوم التالي": days from the event told before (with same_time)
    night: bool = False
    siblings: int = -1  # id shared by the mentions of one head with several places
    dual: bool = False  # "الهجومين": refers to the last two incidents
    victims: frozenset = frozenset()  # keys of the actors whose people were killed or wounded
    follows: object = None  # the mention of the sentence before, for figures that continue it
    bare: bool = False  # "the vehicle was hit in X" in a story of strikes: a detail of a strike told before, or one more
    strike_actors: object = None  # the roles if this attack word tells of a strike ("the drone fired on a car"), else None
    dated_country: bool = False  # "US forces on Tuesday struck targets in Syria": a country-level event of its own day
    before: object = None  # for an undated event told as earlier ("في أعقاب …"): the DateMention of the later one
    incident: object = None  # the incident the mention went into


@dataclass
class _Incident:
    mentions: list
    place: object
    date: object
    kind: str
    weapon: str
    outcome: str = "unknown"
    count: int = 1
    killed: Casualties = field(default_factory=Casualties)
    injured: Casualties = field(default_factory=Casualties)
    actors: list = field(default_factory=list)
    claimed_only: bool = True
    contested: bool = False
    night: bool = False


SITE_KINDS = ("military base", "airport", "embassy", "facility", "area")
_AREA_KINDS = ("city", "town", "governorate", "district", "subdistrict")


@dataclass(frozen=True)
class _ForceMention:
    """A nation's forces named by adjective ("US troops"); `site` for its bases ("القاعدة الأميركية")."""

    span: Span
    entry: object
    description: str = ""
    site: bool = False


def _blank(text, scope, clauses):
    """Return the text of `scope` with the given clauses blanked out (another event's words)."""
    chars = list(scope.text(text))
    for clause in clauses:
        for index in range(max(clause.start, scope.start), min(clause.end, scope.end)):
            chars[index - scope.start] = " "
    return "".join(chars)


def _is_armed_group(entry):
    return has_trait(entry, ARMED_GROUP)  # vocabulary.ACTOR_TRAITS


def _distance(a, b):
    """Return the number of characters between two spans (0 if they overlap)."""
    return max(0, b.start - a.end, a.start - b.end)


def _is_unknown_military(entry):
    """Return True for the unidentified military forces (strikes no one is named for)."""
    return has_trait(entry, UNKNOWN_MILITARY)


def _is_state_force(entry):
    """Return True for a state's own forces (not an armed group the state sponsors)."""
    return entry is not None and entry.kind in ("state force", "coalition") and not _is_armed_group(entry)


def _is_target_side(entry):
    """Return True for forces and missions that the attacks in the news target (US, coalition, their hosts)."""
    return has_trait(entry, TARGET_SIDE)


def _is_target_body(entry):
    return has_trait(entry, DIPLOMATIC_MISSION)


def _is_weapon_count(trigger):
    return trigger.weapon in ("drone", "rocket", "missile")


def _is_plural(head, language):
    first = head.triggers[0].text
    if language == "en":
        return first.lower().endswith("s") and not first.lower().endswith("ss")
    key = fold(first)
    return bool(re.search(r"(?:هجمات|غارات|ضربات|اعتداءات|عمليات)$", key))


def _unique(roles):
    seen, result = set(), []
    for entry, role in roles:
        if (entry.key, role) not in seen:
            seen.add((entry.key, role))
            result.append((entry, role))
    return result
