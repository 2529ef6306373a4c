"""Find gazetteer places in article text, keeping vague places vague ("north of Erbil", "western Iraq")."""
import re
from collections import Counter
from dataclasses import dataclass, replace

from .lexicon import Doc, NameIndex, longest_first, name_of, name_variants
from .normalize import is_arabic, phrase_key, token_key
from .types import PlaceMention, Span
from .wordlists import is_frequent_word


def _keys(words):
    return frozenset(token_key(word) for word in words.split())


# Names whose place reading is common in the news but that are also ordinary words (جديدة "new",
# بلد "country", حديثة "modern", القائم "existing", الحرير "silk", الميادين "fields", العمر "age",
# الخضراء "green", الباب "the door", التل "the hill", الدور "the roles", العمارة "the building",
# تدمر "she destroys", "hit"): they count only with a cue — a preposition of place with the clause
# going on as a place (في حديثة، / في حديثة غربي الأنبار), a kind word (قضاء بلد), a direction
# (شمال بلد) or their governorate just after. Any other name that is a frequent word (wordlists.py),
# and every neighbourhood, needs the stronger cue of a kind word or its governorate next to it.
AMBIGUOUS_NAMES = _keys(
    """
    جديدة بلد حديثة القائم الحرير حرير الميادين العمر الخضراء الباب التل الدور العمارة الخالص تدمر
    hit
    """
)
SETTLEMENT_KINDS = ("city", "town", "village")
SITE_KINDS = ("military base", "airport", "embassy", "facility", "area")
REGION_KINDS = ("country", "governorate", "district", "subdistrict")
KIND_RANK = {
    "city": 0, "town": 1, "military base": 2, "airport": 2, "embassy": 2, "facility": 2, "area": 3,
    "governorate": 4, "country": 5, "district": 6, "subdistrict": 7, "village": 8, "neighbourhood": 9,
}
# Words naming the kind of place that follows (Arabic) or surrounds (English) a name.
_KIND_WORDS = {
    **{key: ("city", "town") for key in _keys("مدينة مركز العاصمة city")},
    **{key: ("town", "village", "city") for key in _keys("بلدة قرية town village")},
    **{key: ("district",) for key in _keys("قضاء district")},
    **{key: ("subdistrict",) for key in _keys("ناحية subdistrict sub")},
    **{key: ("governorate",) for key in _keys("محافظة province governorate")},
    **{key: ("neighbourhood",) for key in _keys("حي neighbourhood neighborhood quarter")},
    **{key: () for key in _keys("منطقة مخيم area region")},
}
# Dual and plural kind words are the cue of the name right after them ("منطقتي عكاشات", "the towns of Hit").
_LIST_KIND_WORDS = {
    **{key: ("city", "town") for key in _keys("مدينتي مدينتا مدن cities")},
    **{key: ("town", "village", "city") for key in _keys("بلدتي بلدتا قريتي قريتا بلدات قرى towns villages")},
    **{key: ("district",) for key in _keys("قضاءي قضائي أقضية اقضية districts")},
    **{key: ("subdistrict",) for key in _keys("ناحيتي ناحيتا نواحي subdistricts")},
    **{key: ("governorate",) for key in _keys("محافظتي محافظتا محافظات provinces governorates")},
    **{key: ("neighbourhood",) for key in _keys("حيي أحياء neighbourhoods neighborhoods")},
    **{key: () for key in _keys("منطقتي منطقتا مناطق areas regions")},
}
_KIND_WORDS.update(_LIST_KIND_WORDS)
_SITE_WORDS = _keys("قاعدة القاعدة قواعد مطار المطار معسكر حقل base airbase airport garrison outpost camp field")
_PREPOSITIONS = _keys("في الى إلى من قرب نحو داخل عند باتجاه حتى in near at from to into outside toward towards around of")
# Words that may follow a place in the same clause: another place phrase, a time, a verb of attack.
_CONTINUATIONS = _keys(
    """
    في ب قرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط على ضمن عند حيث قبل بعد منذ و
    التابعة التابع الواقعة الواقع بمحافظة محافظة بقضاء قضاء بناحية ناحية أمس اليوم صباح مساء ليلة ليل فجر
    يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
    """
)
_DIRECTIONS_AR = {
    **{key: "north" for key in _keys("شمال شمالي")},
    **{key: "south" for key in _keys("جنوب جنوبي")},
    **{key: "east" for key in _keys("شرق شرقي")},
    **{key: "west" for key in _keys("غرب غربي")},
    **{key: "central" for key in _keys("وسط")},
}
_DIRECTION_NOUNS_AR = {
    **{key: "north" for key in _keys("الشمال")},
    **{key: "south" for key in _keys("الجنوب")},
    **{key: "east" for key in _keys("الشرق")},
    **{key: "west" for key in _keys("الغرب")},
    **{key: "central" for key in _keys("الوسط")},
}
_DIRECTION_ADJECTIVES_AR = {
    **{key: "north" for key in _keys("الشمالي الشمالية")},
    **{key: "south" for key in _keys("الجنوبي الجنوبية")},
    **{key: "east" for key in _keys("الشرقي الشرقية")},
    **{key: "west" for key in _keys("الغربي الغربية")},
}
_NEAR_AR = {
    **{key: "near" for key in _keys("قرب محيط جوار بجوار مقربة")},
    **{key: "outskirts of" for key in _keys("أطراف ضواحي مشارف")},
    **{key: "outside" for key in _keys("خارج")},
    **{key: "countryside of" for key in _keys("ريف")},
}
_DIRECTIONS_EN = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_DIRECTION_ADJECTIVES_EN = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west", "central": "central",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast", "southwestern": "southwest",
}
_ADJECTIVE = {
    "north": "northern", "south": "southern", "east": "eastern", "west": "western", "central": "central",
    "northeast": "northeastern", "northwest": "northwestern", "southeast": "southeastern", "southwest": "southwestern",
}
_DISTANCE_UNITS = _keys("km kms kilometres kilometers kilometre kilometer miles mile كم كيلومتر كيلومترات")
# Plural (and Arabic dual) nouns of sites: "three bases in Syria" is a count at country level.
_SITE_PLURALS = _keys("قواعد مواقع مطارات منشآت معسكرات bases sites facilities positions outposts installations airports camps garrisons")
_SITE_DUALS = _keys("قاعدتين قاعدتان موقعين موقعان مطارين مطاران معسكرين معسكران منشأتين منشأتان منشاتين منشاتان")
_SITE_SINGULARS = _keys("facility depot site base warehouse compound camp position building headquarters")
_LOCATIVES = _keys("في داخل حول in across at inside around")
_SMALL_NUMBERS = {
    **{key: 1 for key in _keys("one واحد واحدة")},
    **{key: 2 for key in _keys("two اثنين اثنتين اثنان اثنتان")},
    **{key: 3 for key in _keys("three ثلاث ثلاثة")},
    **{key: 4 for key in _keys("four أربع أربعة")},
    **{key: 5 for key in _keys("five خمس خمسة")},
    **{key: 6 for key in _keys("six ست ستة")},
    **{key: 7 for key in _keys("seven سبع سبعة")},
    **{key: 8 for key in _keys("eight ثماني ثمانية ثمان")},
    **{key: 9 for key in _keys("nine تسع تسعة")},
    **{key: 10 for key in _keys("ten عشر عشرة")},
}
_JORDAN_WORDS = _keys("الأردن الأردني الأردنية jordan jordanian")
_KIND_WORD_KEYS = frozenset(_KIND_WORDS)
# Article particles of transliterated names, written either way ("Al-Qaim", "al-Qaim").
_PARTICLES = frozenset("al el as ash ad an ar at az the".split())
_FUNCTION_WORDS = _keys("in of at on to from for by with the a an في من على الى عن")
_BASE_WORDS = _keys("قاعدة القاعدة base")
_BASE_WINDOW = 8  # words between "قاعدة قوات التحالف الدولي ضد داعش" and "في مطار أربيل"
_PARENT_WINDOW = 3  # words after a name in which its governorate counts as a cue
_COUNT_WINDOW = 12  # words between "three bases" and "in Syria"


@dataclass(frozen=True)
class _Qualifier:
    """What the words around a name say about where, relative to it."""

    kind: str  # "dir" (north of), "adj" (northern), "near", "outskirts of", "outside", "countryside of"
    direction: str = ""
    first: int = 0  # index of its first word
    last: int = 0  # index after its last word (past the name for words after it)


@dataclass
class _Context:
    """What the whole text says about countries and governorates, for choosing among namesakes."""

    countries: Counter
    admin1: Counter
    jordan: bool


class PlaceMatcher:
    """Find gazetteer places in text: build once from PlaceEntry tuples, then call `find` per article."""

    def __init__(self, entries):
        self._index = NameIndex()
        self._country_adjectives = {}
        self._seat = {}  # (governorate, Arabic name) → the town or city a district or subdistrict is named after
        for entry in entries:
            if entry.kind in SETTLEMENT_KINDS and entry.lat is not None and entry.name_ar:
                seat_key = (entry.admin1, token_key(entry.name_ar))
                known = self._seat.get(seat_key)
                if known is None or KIND_RANK.get(entry.kind, 10) < KIND_RANK.get(known.kind, 10):
                    self._seat[seat_key] = entry
            written_names = dict.fromkeys((entry.name_en, entry.name_ar, *entry.names))
            for written in dict.fromkeys(n for w in written_names if w for n in (w, *_base_word_variants(w, entry))):
                for variant in name_variants(written):
                    self._index.add(_place_name(variant, entry))
            if entry.kind == "country":
                self._country_adjectives.update(_country_adjectives(entry))
        self._base_at_airport = _bases_at_airports(entries)
        self._index.find(Doc(""))  # builds the sorted index now rather than in the first find()

    def find(self, text, language="ar", doc=None):
        """Return the places `text` names, in order, each with its qualifier, precision and count."""
        doc = doc if doc is not None else Doc(text)  # the Article's words, when it has them
        matches = self._index.find(doc)
        # Unambiguous names, by the word they start at: a name's cues look only a few words ahead, so
        # looking them up there keeps a text naming thousands of places linear.
        anchors = {}
        for m in matches:
            if all(_level(name) == 0 for name in m.names):
                anchors.setdefault(m.first, []).append(m)
        kept = [m for m in (self._with_cue(doc, m, anchors) for m in matches) if m is not None]
        chosen = longest_first(kept)
        context = _context(doc, chosen)
        mentions = [self._mention(doc, m, kept, context, language) for m in chosen]
        mentions += self._national_regions(doc, chosen)
        return sorted(mentions, key=lambda mention: mention.span.start)

    # --- Which matches count -------------------------------------------------------------------

    def _with_cue(self, doc, match, anchors):
        """Return `match` with only the names its context supports, or None."""
        if all(_level(name) == 0 for name in match.names):
            return match
        allowed = _cue_level(doc, match, anchors)
        names = tuple(name for name in match.names if _level(name) <= allowed)
        return replace(match, names=names) if names else None

    # --- One mention ----------------------------------------------------------------------------

    def _mention(self, doc, match, kept, context, language):
        """Return the PlaceMention for a chosen match."""
        entry = _choose(doc, match, context)
        base = self._base_at_airport.get(entry.key)
        if base is not None and _site_word_before(doc, match, window=_BASE_WINDOW, words=_BASE_WORDS):
            entry = base  # "قاعدة قوات التحالف ... في مطار أربيل": the base at the airport, not the airport
        precision = entry.geo_precision
        if entry.lat is None:
            inner = _settlement_inside(match, kept, entry)
            if inner is entry:
                inner = self._seat.get((entry.admin1, token_key(entry.name_ar)), entry)
            if inner is not entry:
                entry, precision = inner, max(2, inner.geo_precision)
        qualifier = _qualifier(doc, match)
        start, end = match.start, match.end
        text_qualifier = ""
        if qualifier:
            text_qualifier = _qualifier_text(qualifier, entry)
            precision = _qualified_precision(qualifier, entry, precision)
            start = min(start, doc.words[qualifier.first].start)
            end = max(end, doc.words[qualifier.last - 1].end)
        count = _count(doc, match, qualifier, language)
        if count:
            start = min(start, doc.words[count[1]].start)
        hinted = _kind_hint(doc, match)
        if hinted and entry.kind not in hinted and entry.kind in SETTLEMENT_KINDS:
            precision = max(precision, 2)  # "Hit district" named by its seat: the district, not the town
        return PlaceMention(Span(start, end), entry, text_qualifier, precision, count[0] if count else 1)

    def _national_regions(self, doc, chosen):
        """Return "الشمال السوري" (the Syrian north) as the country with a direction, geo precision 3."""
        mentions = []
        for index in range(len(doc.words) - 1):
            direction = _DIRECTION_NOUNS_AR.get(_stem(doc, index))
            country = self._country_adjectives.get(doc.key(index + 1))
            if direction and country and doc.joined(index, index + 2):
                if not any(m.first <= index + 1 and index < m.last for m in chosen):
                    span = Span(doc.words[index].start, doc.words[index + 1].end)
                    mentions.append(PlaceMention(span, country, _ADJECTIVE[direction], 3))
        return mentions


def _place_name(written, entry):
    """Return the index Name for one name of a place, or None for a name too short to trust."""
    name = name_of(written, entry, _place_cases)
    if name is None or (len(name.keys) == 1 and len(name.keys[0]) < 3):
        return None
    return name


# The words the English press ends a base's name with, used interchangeably: "Al-Asad Air Base", "al-Asad airbase",
# "al-Asad base". A base named with one of them is also found with the others.
_BASE_ENDINGS = re.compile(r"\s+(?:air\s*base|air\s+field|airfield|base)$", re.IGNORECASE)


def _base_word_variants(written, entry):
    """Return the other spellings of a base's English name ending ("X Air Base" → "X airbase", "X base")."""
    if entry.kind != "military base" or is_arabic(written):
        return ()
    stem = _BASE_ENDINGS.sub("", written)
    if stem == written or len(stem) < 3:
        return ()
    return tuple(f"{stem} {ending}" for ending in ("Air Base", "airbase", "base"))


def _place_cases(words):
    """Return the case rules of a Latin place name: its first capitalised word must be capitalised in the text."""
    cases, found = [], False
    for word in words:
        capital = not is_arabic(word) and word[:1].isupper() and word.casefold() not in _PARTICLES and not found
        cases.append("title" if capital else "")
        found = found or capital
    return cases


def _country_adjectives(entry):
    """Return adjective key → country for its Arabic nisba: العراق → العراقي/العراقية, سوريا → السوري."""
    stem = token_key(entry.name_ar).removeprefix("ال")
    for ending in ("يا", "يه", "ا", "ه"):
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            stem = stem[: -len(ending)]
            break
    return {f"ال{stem}ي": entry, f"ال{stem}يه": entry}


def _level(name):
    """Return how much context a name needs: 0 none, 1 a cue, 2 a kind word or its governorate."""
    if name.entry.kind == "neighbourhood":
        return 2
    if " ".join(name.keys) in AMBIGUOUS_NAMES:
        return 1
    if len(name.keys) == 1 and is_frequent_word(name.keys[0]):
        return 2
    return 0


# --- Cues ---------------------------------------------------------------------------------------


def _cue_level(doc, match, anchors):
    """Return the level of ambiguity the words around `match` resolve (see `_level`)."""
    if _kind_hint(doc, match) is not None or _parent_after(doc, match, anchors) == 2:
        return 2
    if _qualifier(doc, match) or _parent_after(doc, match, anchors) == 1:
        return 1
    if not is_arabic(doc.words[match.first].text):
        return 1 if _is(doc, match.first - 1, _PREPOSITIONS) and _joined(doc, match.first - 1, match) else 0
    preposition = "ب" in match.clitics or (_is(doc, match.first - 1, _PREPOSITIONS) and _joined(doc, match.first - 1, match))
    return 1 if preposition and _clause_goes_on_as_place(doc, match, anchors) else 0


def _clause_goes_on_as_place(doc, match, anchors):
    """Return True if the clause ends after the name or goes on with another place, a time or a direction."""
    if match.last >= len(doc.words) or doc.words[match.last].break_before:
        return True
    if _is(doc, match.last, _CONTINUATIONS):
        return True
    return bool(anchors.get(match.last) or anchors.get(match.last + 1))


def _parent_after(doc, match, anchors):
    """Return 2 if the name's governorate follows it closely, 1 for its country, else 0."""
    admin1 = {entry.admin1 for entry in match.entries if entry.admin1}
    countries = {entry.country_code for entry in match.entries}
    best = 0
    for anchor in (a for first in range(match.last, match.last + _PARENT_WINDOW + 1) for a in anchors.get(first, ())):
        if doc.words[anchor.first].sentence != doc.words[match.first].sentence:
            continue
        for entry in anchor.entries:
            if entry.kind in ("governorate", "city", "district") and entry.admin1 in admin1:
                return 2
            if entry.kind == "country" and entry.country_code in countries:
                best = 1
    return best


def _kind_hint(doc, match):
    """Return the entry kinds a kind word before or after the name points to, () for any, or None."""
    before = doc.key(match.first - 1)
    if is_arabic(doc.words[match.first].text):
        stems = doc.keys(match.first - 1) if _joined(doc, match.first - 1, match) and not match.clitics else set()
        for key in stems:
            if key in _KIND_WORDS:
                return _KIND_WORDS[key]
        return None
    if before == "of" and doc.key(match.first - 2) in _KIND_WORDS and _joined(doc, match.first - 2, match):
        return _KIND_WORDS[doc.key(match.first - 2)]
    after = doc.key(match.last)
    if after in _KIND_WORDS and match.last < len(doc.words) and not doc.words[match.last].break_before:
        return _KIND_WORDS[after]
    return None


def _site_word_before(doc, match, window=4, words=None):
    """Return True if a site word (قاعدة، base, airport) comes shortly before the name in its clause."""
    words = _SITE_WORDS if words is None else words
    for index in range(max(0, match.first - window), match.first):
        if doc.keys(index) & words and doc.joined(index, match.first + 1):
            return True
    return False


def _bases_at_airports(entries):
    """Return airport key → the military base one of whose names holds the airport's name ("base at Erbil airport")."""
    entries = list(entries)
    bases = [(entry, [phrase_key(name) for name in entry.names]) for entry in entries if entry.kind == "military base"]
    found = {}
    for airport in entries:
        if airport.kind != "airport":
            continue
        names = {phrase_key(name) for name in airport.names if len(phrase_key(name).split()) >= 2}
        for base, base_names in bases:
            if base.country_code == airport.country_code and any(
                f" {name} " in f" {base_name} " and base_name != name for name in names for base_name in base_names
            ):
                found.setdefault(airport.key, base)
    return found


def _is(doc, index, vocabulary):
    """Return True if word `index` is in `vocabulary`, also with و/ف/ب attached (وفي، بمحافظة)."""
    if not 0 <= index < len(doc.words):
        return False
    key = doc.key(index)
    if doc.keys(index) & vocabulary:
        return True
    return is_arabic(key) and key[:1] in "وفب" and key[1:] in vocabulary


def _stem(doc, index):
    """Return the key of word `index` without a leading و/ف/ب (the longest reading kept as a word)."""
    key = doc.key(index)
    return key[1:] if is_arabic(key) and key[:1] in "وفب" and len(key) > 3 else key


def _joined(doc, first, match):
    """Return True if word `first` and the match sit in one clause."""
    return first >= 0 and doc.joined(first, match.last)


# --- Choosing among namesakes ----------------------------------------------------------------------


def _context(doc, chosen):
    """Return the countries and governorates the text names unambiguously, and whether it names Jordan."""
    countries, admin1 = Counter(), Counter()
    for match in chosen:
        codes = {entry.country_code for entry in match.entries}
        governorates = {entry.admin1 for entry in match.entries if entry.admin1}
        if len(codes) == 1:
            countries.update(codes)
        if len(governorates) == 1:
            admin1.update(governorates)
    jordan = any(doc.keys(index) & _JORDAN_WORDS for index in range(len(doc.words)))
    return _Context(countries, admin1, jordan)


def _choose(doc, match, context):
    """Return the entry a name most likely means here."""
    hint = _kind_hint(doc, match)
    site = _site_word_before(doc, match)

    # The entry the text names by its own name, spelled as written ("al-Qaim" is Al-Qaim before Al Qā’im).
    written = doc.text[match.start : match.end].casefold()
    own = [name for name in match.names if name.written in (name.entry.name_en, name.entry.name_ar)]
    primary = {name.entry.key for name in own if name.written.casefold() == written} or {name.entry.key for name in own}

    def rank(entry):
        return (
            entry.lat is None,
            bool(hint) and entry.kind not in hint,
            site and entry.kind not in SITE_KINDS,
            entry.country_code == "JO" and not context.jordan,
            -context.admin1[entry.admin1],
            -context.countries[entry.country_code],
            KIND_RANK.get(entry.kind, 10),
            entry.key not in primary,  # "al-Qaim" is the entry named so, before one listing it as an alias
            -len(entry.names),
            entry.key,
        )

    return min(match.entries, key=rank)


def _settlement_inside(match, kept, entry):
    """Return a mapped place inside a name that has no point ("قضاء الرطبة" → Rutba), else `entry`."""
    inner = [
        m for m in kept
        if match.first <= m.first and m.last <= match.last and m is not match
        and any(e.lat is not None and e.admin1 == entry.admin1 for e in m.entries)
    ]
    for candidate in sorted(inner, key=lambda m: -m.size):
        found = [e for e in candidate.entries if e.lat is not None and e.admin1 == entry.admin1]
        return min(found, key=lambda e: (KIND_RANK.get(e.kind, 10), e.key))
    return entry


# --- Qualifiers: "north of Erbil", "بالقرب من كركوك", "western Iraq" -------------------------------


def _qualifier(doc, match):
    """Return the qualifier the words around the name give, or None."""
    if is_arabic(doc.words[match.first].text):
        return _qualifier_ar(doc, match)
    return _qualifier_en(doc, match)


def _qualifier_ar(doc, match):
    """Return the qualifier before an Arabic name (شمال أربيل، بالقرب من كركوك، ريف حلب الشمالي)."""
    if match.clitics.strip("وف"):
        return None  # بكركوك: a preposition sits between any qualifier and the name
    index = match.first - 1
    if doc.keys(index) & _KIND_WORD_KEYS and _joined(doc, index, match):
        index -= 1  # شمال مدينة أربيل
    if not _joined(doc, index, match):
        return None
    near = _near_ar(doc, index)
    if near:
        return _countryside_direction(doc, match, near)
    direction = _DIRECTIONS_AR.get(_stem(doc, index))
    if direction is None:
        return None
    previous = _DIRECTIONS_AR.get(_stem(doc, index - 1))
    if previous in ("north", "south") and direction in ("east", "west") and _joined(doc, index - 1, match):
        return _Qualifier("dir", previous + direction, index - 1, match.last)
    return _Qualifier("dir", direction, index, match.last)


def _near_ar(doc, index):
    """Return a "near"-type qualifier ending at word `index` (قرب، بالقرب من، على مقربة من، أطراف)."""
    if doc.key(index) == "من" and doc.keys(index - 1) & _keys("القرب مقربة قريبا قريب"):
        first = index - 2 if doc.key(index - 2) == token_key("على") else index - 1
        return _Qualifier("near", "", first, index + 1)
    kind = _NEAR_AR.get(_stem(doc, index))
    if kind is None:
        return None
    # في أطراف / على مشارف / في محيط are one phrase; in قصف على ريف حلب, على belongs to the verb.
    phrase = kind == "outskirts of" or _stem(doc, index) == token_key("محيط")
    first = index - 1 if phrase and doc.key(index - 1) in _keys("على في") else index
    return _Qualifier(kind, "", first, index + 1)


def _countryside_direction(doc, match, near):
    """Return `near` reaching over a direction after the name: ريف حلب الشمالي → northern countryside of."""
    direction = _DIRECTION_ADJECTIVES_AR.get(doc.key(match.last))
    if near.kind == "countryside of" and direction and doc.joined(match.first, match.last + 1):
        return _Qualifier("countryside of", direction, near.first, match.last + 1)
    return _Qualifier(near.kind, near.direction, near.first, match.last)


def _qualifier_en(doc, match):
    """Return the qualifier around an English name (north of Erbil, near Kirkuk, western Iraq)."""
    index = _skip_kind_phrase_en(doc, match.first - 1)
    if not _joined(doc, index, match):
        return _countryside_after_en(doc, match, None)
    key = doc.key(index)
    if key == "of":
        found = _direction_of_en(doc, index - 1, match) or _outskirts_of_en(doc, index - 1, match)
    elif key == "to" and doc.key(index - 1) == "close":
        found = _Qualifier("near", "", index - 1, match.last)
    elif key in ("near", "outside", "rural"):
        kind = {"near": "near", "outside": "outside", "rural": "countryside of"}[key]
        found = _Qualifier(kind, "", index, match.last)
    else:
        found = _direction_adjective_en(doc, index, match)
    return _countryside_after_en(doc, match, found)


def _skip_kind_phrase_en(doc, index):
    """Return the index before "the city of" / "the capital" that may sit between a qualifier and a name."""
    if doc.key(index) == "of" and doc.key(index - 1) in _KIND_WORDS:
        index -= 2
    elif doc.key(index) == "capital":
        index -= 1
    return index - 1 if doc.key(index) == "the" else index


def _direction_of_en(doc, index, match):
    """Return "north of" (also "north-east of", "30 km north of") with the direction ending at `index`."""
    direction, first = _direction_en(doc, index)
    if direction is None or direction == "central":
        return None
    if doc.key(first - 1) in _DISTANCE_UNITS and first >= 2:
        first -= 2
    return _Qualifier("dir", direction, first, match.last)


def _direction_en(doc, index):
    """Return (direction, first word) for "north", "northeast" or "north-east" ending at `index`."""
    key = doc.key(index)
    if key in ("east", "west") and doc.key(index - 1) in ("north", "south") and doc.joined(index - 1, index + 1):
        return doc.key(index - 1) + key, index - 1
    if key in _DIRECTIONS_EN:
        return key, index
    return None, index


def _outskirts_of_en(doc, index, match):
    """Return "outskirts of" / "in the vicinity of" ending at word `index`, or None."""
    kind = {"outskirts": "outskirts of", "suburbs": "outskirts of", "vicinity": "near"}.get(doc.key(index))
    if kind is None:
        return None
    first = index - 1 if doc.key(index - 1) == "the" else index
    first = first - 1 if doc.key(first - 1) in ("on", "in") else first
    return _Qualifier(kind, "", first, match.last)


def _direction_adjective_en(doc, index, match):
    """Return "northern" / "north-eastern" / "northeast" right before a name, as an adjective."""
    key = doc.key(index)
    if key in _DIRECTION_ADJECTIVES_EN:
        direction = _DIRECTION_ADJECTIVES_EN[key]
        if key in ("eastern", "western") and doc.key(index - 1) in ("north", "south") and doc.joined(index - 1, index + 1):
            return _Qualifier("adj", doc.key(index - 1) + direction, index - 1, match.last)
        return _Qualifier("adj", direction, index, match.last)
    direction, first = _direction_en(doc, index)
    return _Qualifier("adj", direction, first, match.last) if direction else None


def _countryside_after_en(doc, match, found):
    """Return `found` extended over "countryside" after the name ("eastern Aleppo countryside")."""
    if doc.key(match.last) != "countryside" or doc.words[match.last].break_before:
        return found
    direction = found.direction if found and found.kind == "adj" else ""
    first = found.first if found else match.first
    return _Qualifier("countryside of", direction, first, match.last + 1)


def _qualifier_text(qualifier, entry):
    """Return the qualifier as stored: "north of" for a town, "northern" for a country or governorate."""
    region = entry.kind in REGION_KINDS
    if qualifier.kind == "dir":
        return _ADJECTIVE[qualifier.direction] if region or qualifier.direction == "central" else f"{qualifier.direction} of"
    if qualifier.kind == "adj":
        return _ADJECTIVE[qualifier.direction]
    if qualifier.kind == "countryside of" and qualifier.direction:
        return f"{_ADJECTIVE[qualifier.direction]} countryside of"
    return qualifier.kind


def _qualified_precision(qualifier, entry, precision):
    """Return the geo precision of a qualified place: never an exact point for "near" or "north of"."""
    if entry.kind in REGION_KINDS:
        return 3
    if qualifier.direction == "central" and qualifier.kind in ("dir", "adj"):
        return precision
    return max(precision, 2)


# --- Counts: "three bases in Syria" -----------------------------------------------------------------


def _count(doc, match, qualifier, language):
    """Return (count, first word) for "ثلاث قواعد ... في سوريا" before the place, or None."""
    first = qualifier.first if qualifier else match.first
    locative = "ب" in match.clitics or _is(doc, first - 1, _LOCATIVES)
    if qualifier and qualifier.kind == "near" and first >= 1 and doc.key(first - 1) in _SITE_DUALS:
        return 2, first - 1  # "منشأتين قرب البوكمال": two sites near the town
    if qualifier and qualifier.kind == "near" and doc.key(first - 1) in _SITE_SINGULARS:
        # "a weapons storage facility and an ammunition depot near X": two sites joined by "and"
        for index in range(first - 2, max(-1, first - 6), -1):
            if doc.key(index) == "and" and doc.key(index + 1) in ("a", "an") and doc.key(index - 1) in _SITE_SINGULARS:
                if doc.joined(index - 1, first):
                    return 2, index - 1
                break
    if not locative:
        return None
    sentence = doc.words[match.first].sentence
    for index in range(first - 1, max(-1, first - 1 - _COUNT_WINDOW), -1):
        if doc.words[index].sentence != sentence:
            return None
        if doc.key(index) in _SITE_DUALS:
            return 2, index
        if doc.key(index) in _SITE_PLURALS:
            return _number_before(doc, index, language)
    return None


def _number_before(doc, index, language):
    """Return (number, its word) just before the plural at `index` (English: "three US bases"), or None."""
    reach = 1 if language == "ar" else 3  # Arabic puts adjectives after the noun: ثلاث قواعد أميركية
    for offset in range(1, reach + 1):
        if index - offset < 0 or doc.key(index - offset) in _FUNCTION_WORDS:
            return None
        value = _number(doc.words[index - offset].text, language)
        if value:
            return value, index - offset
    return None


def _number(word, language):
    """Return the number a single word spells (3, three, ثلاث), or None."""
    if word.isdigit():
        return int(word)
    try:
        from .numbers import parse_number  # written alongside; optional until it lands
    except ImportError:
        parse_number = None
    if parse_number is not None:
        try:
            value = parse_number(word, language)
        except Exception:  # a helper still in progress must not break place matching
            value = None
        if isinstance(value, int) and value > 0:
            return value
    return _SMALL_NUMBERS.get(token_key(word))
