"""Find actors in article text: named actors, titled people, described speakers and national strikes."""
from dataclasses import dataclass

from .event_families import on
from .lexicon import (
    Doc,
    NameIndex,
    acronym_cases,
    longest_first,
    name_of,
    name_variants,
)
from .normalize import is_arabic, token_key
from .types import ActorMention, Span
from .wordlists import is_frequent_word


def _keys(words):
    return frozenset(token_key(word) for word in words.split())


# Actor names that are also ordinary words or places: الميادين is a Syrian city as well as a channel,
# واع ("aware") is the Iraqi News Agency's initials. They count only after a kind word (قناة، وكالة)
# or in brackets, as outlets write them.
AMBIGUOUS_ACTOR_NAMES = _keys("الميادين واع")
_OUTLET_WORDS = _keys("قناة وكالة صحيفة موقع شبكة حركة جماعة channel agency newspaper network group")
# A state named right after one of these is a place ("في العراق", "in Iraq"), not the government.
_LOCATIVES = _keys("في داخل الى إلى عبر in inside across into to throughout")
# Kinds whose Arabic names also occur without the article: قوات أميركية = القوات الأميركية.
_INDEFINITE_KINDS = ("state force", "unidentified")

# --- Described speakers ("a security source in Kurdistan", مسؤول في وزارة الدفاع الأميركية) -----------
_ROLES_AR = _keys(
    "مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين متحدث متحدثة ناطق ضابط ضباط شاهد شهود سكان مراسل دبلوماسي "
    "دبلوماسيون دبلوماسيين عضو خبير"
)
_ROLES_AR = _ROLES_AR | frozenset("ال" + key for key in _ROLES_AR)
_ROLES_EN = _keys(
    "official officials source sources spokesman spokeswoman spokesperson officer officers commander "
    "witness witnesses resident residents diplomat diplomats"
)
# Speakers that need no qualifier: witnesses and residents are never anyone in particular.
_SELF_DESCRIBED = _keys("شهود witnesses witness residents resident")
_SPEAKER_ADJECTIVES_AR = _keys("عيان رفيع المستوى بارز كبير مطلع مطلعة مطلعون مقرب مقربة طبية طبي")
_GENERIC_MODIFIERS = _keys(
    "senior local top high ranking former anonymous unnamed other two three several some many one a an the "
    "رفيع المستوى بارز كبير سابق محلي محلية محليون محليين مطلع مطلعة مطلعون مقرب مقربة ميداني عيان طبي طبية"
)
_MODIFIERS_EN = _keys(
    "senior local top high ranking former security military defense defence intelligence government police "
    "medical hospital health press deputy chief foreign national state regional provincial"
)
_DETERMINERS_EN = _keys("a an the two three four several some many one other")
# After an English role noun, words that show it is a noun ("an official said") and not an adjective
# ("an official statement").
_AFTER_ROLE_EN = _keys(
    "in at with from for of who told said says say added confirmed stated speaking familiar on close quoted "
    "cited reported claimed denied warned noted declined did was were has have had is are would will and to "
    "saw see heard hear described spoke explained insisted estimated counted believe fear recounted indicated "
    "suggested acknowledged announced asserted revealed say"
)
_PREPOSITIONS_AR = _keys("في من لدى داخل باسم ب")
_PREPOSITIONS_EN = _keys("in at with from for within")
_STOPS_AR = _keys("أن إن ان بأن عن قوله لـ الى إلى حول على بعد قبل امس اليوم حيث الذي التي")
_NOT_SPEAKER_AFTER = _keys("عن")  # المسؤول عن الهجوم: "responsible for", not a speaker
_PLACE_PHRASE_WORDS = 3
_NATION_SPEAKER_RANK = {"state": 0, "government body": 1}

# Domains a speaker's adjectives name, with the words of actor names that stand for them.
_DOMAINS = {
    "military": "military forces army armed troops قوات جيش مسلح عسكري",
    "defense": "defense defence pentagon دفاع بنتاغون",
    "security": "security أمن أمني",
    "government": "government administration حكومة حكومي إدارة",
    "intelligence": "intelligence استخبارات استخباري",
    "police": "police شرطة",
    "foreign": "foreign state diplomatic خارجية دبلوماسي",
}

# --- Titled people ("وزير الدفاع الأميركي، لويد أوستن", "State Department spokesman Matthew Miller") ---
_TITLES = _keys(
    "وزير وزيرة رئيس الرئيس متحدث المتحدث ناطق الناطق سفير السفير السفيرة قائد الجنرال اللواء العميد العقيد "
    "الفريق الأمين زعيم نائب مستشار منسق مدير المبعوث مبعوث "
    "secretary spokesman spokeswoman spokesperson minister president ambassador commander general gen envoy "
    "adviser advisor coordinator chief leader head director"
)
_TITLE_RUN_WORDS = 7

# --- Strikes by a nation's forces ("غارة أميركية", "US airstrike") ---------------------------------
_STRIKES_AR = _keys("غارة غارات ضربة ضربات قصف هجوم هجمات طائرة طائرات")
_STRIKES_AR = _STRIKES_AR | frozenset("ال" + key for key in _STRIKES_AR)
_STRIKE_FILLERS_AR = _keys("جوية جويتين مسيرة مسيرات بطائرة بطائرات صاروخية مدفعي مدفعية الجوية المسيرة")
# A hedge between the strike word and the nation: "غارات يُعتقد أنها أمريكية", "ضربات يرجح أنها أميركية" (the
# strikes are told as that nation's; the coders code the nation, with the hedge in the verification note).
_HEDGES_AR = _keys("يعتقد يرجح يشتبه يبدو")
_HEDGE_THAT_AR = _keys("أنها أنه انها انه")
_STRIKES_EN = _keys("strike strikes airstrike airstrikes raid raids bombing bombings bombardment")
_STRIKE_FILLERS_EN = _keys("air drone military missile rocket aerial led")
_FORCE_WORDS_AR = _keys("القوات قوات الجيش جيش الطيران")
_FORCE_WORDS_EN = _keys("forces military army troops")

# --- "the coalition against ISIS" is the coalition ---------------------------------------------------
_AGAINST = (_keys("ضد لمحاربة لمكافحة لقتال لهزيمة against fighting battling"), _keys("to"), _keys("defeat fight"))


@dataclass(frozen=True)
class _Found:
    """An actor mention with its word range, before overlaps are settled."""

    first: int
    last: int
    start: int
    end: int
    entry: object
    description: str = ""


class ActorMatcher:
    """Find actors in text: build once from ActorEntry tuples, then call `find` per article."""

    def __init__(self, entries):
        self._entries = list(entries)
        self._index = NameIndex()
        self._nations = {}
        self._name_stems = []
        for entry in self._entries:
            for written in dict.fromkeys((entry.name_en, entry.name_ar, *entry.names)):
                for variant in name_variants(written):
                    self._add(variant, entry)
        self._index.find(Doc(""))  # builds the sorted index now

    def _add(self, written, entry):
        """Index one name of an actor, its indefinite Arabic form, its nation adjective and its stems."""
        if not written:
            return
        name = name_of(written, entry, _actor_cases)
        if name is None:
            return
        self._index.add(name)
        if entry.kind in _INDEFINITE_KINDS:
            self._index.add(_indefinite(name))
        if entry.kind == "state force":
            nation = _nation_of(name)
            if nation:
                self._nations.setdefault(nation, entry)
        self._name_stems.append((frozenset(_stem(key) for key in name.keys), len(name.keys), entry))

    def find(self, text, language="ar", doc=None):
        """Return the actors `text` names or describes, in order; the longest reading of any words wins."""
        doc = doc if doc is not None else Doc(text)  # the Article's words, when it has them
        named = longest_first([m for m in self._index.find(doc) if _acceptable(doc, m)])
        found = [_Found(m.first, m.last, m.start, m.end, m.entries[0]) for m in named]
        found = _coalition_against(doc, found)
        found += self._speakers(doc, found)
        found += _titled_people(doc, found)
        found += self._strikes(doc)
        return [
            ActorMention(Span(f.start, f.end), f.entry, f.description)
            for f in _non_overlapping(found)
        ]

    def nation_force(self, adjective):
        """Return the armed forces of the nation an adjective names (الأميركية, American, US), or None."""
        return self._nations.get(_stem(token_key(adjective)))

    def command_force(self, entry):
        """Return the armed forces a military command commands (CENTCOM: the US armed forces), or None.

        A command is a state force whose key names a command; its forces are the one nation's force (the actor a
        nation adjective names, "US forces") under the same parent. None when there is not exactly one.
        """
        if entry is None or entry.kind != "state force" or "command" not in entry.key:
            return None
        found = {
            force.key: force for force in self._nations.values()
            if force.key != entry.key and force.parent_key == entry.parent_key
            and force.country_code == entry.country_code
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def country_force(self, country_code):
        """Return the one armed force a nation adjective names for a country (US: the US armed forces), or None."""
        found = {force.key: force for force in self._nations.values() if force.country_code == country_code}
        return next(iter(found.values())) if len(found) == 1 else None

    def security_forces(self, country_code):
        """Return the one security-forces actor of a country ("Iraqi security forces"), or None.

        "The security forces" of a story in that country are them; a country with no such umbrella
        in the actor list (or with several) gets no guess.
        """
        found = [
            entry for entry in self._entries
            if entry.kind == "state force" and entry.country_code == country_code
            and entry.name_en.lower().endswith("security forces")
        ]
        return found[0] if len(found) == 1 else None

    def describe_speaker(self, text, span):
        """Return how `text` describes the speaker at `span` ("a Pentagon official"), else the span's text."""
        for mention in self.find(text):
            if mention.span.overlaps(span):
                return mention.description or mention.span.text(text)
        return span.text(text)

    # --- Described speakers -----------------------------------------------------------------------

    def _speakers(self, doc, named):
        """Return the described speakers: a role noun with its adjectives and where it speaks from."""
        speakers = []
        for index, word in enumerate(doc.words):
            role = _role_reading(word)
            if role is None:
                continue
            if is_arabic(word.text):
                speaker = self._speaker_ar(doc, index, role, named)
            else:
                speaker = self._speaker_en(doc, index, named)
            if speaker:
                speakers.append(speaker)
        return speakers

    def _speaker_ar(self, doc, index, role, named):
        """Return the Arabic speaker phrase starting at role word `index` (مصدر أمني في كردستان العراق)."""
        if doc.key(index + 1) in _NOT_SPEAKER_AFTER:
            return None
        definite = role.key.startswith("ال")
        last = index + 1
        while last < len(doc) and last - index <= 4 and _joined(doc, last) and _is_speaker_adjective_ar(doc, last, definite):
            last += 1
        adjectives = [doc.key(i) for i in range(index + 1, last)]
        org, end_word = _where_from(doc, last, named, arabic=True)
        if not adjectives and org is None and end_word == last and role.key.removeprefix("ال") not in _SELF_DESCRIBED:
            return None
        entry = self._speaker_entry(org, adjectives, named, index, last)
        last = max(last, end_word)
        start = doc.words[index].start + role.start
        end = _phrase_end(doc, start, last)
        return _Found(index, last, start, end, entry, doc.text[start:end])

    def _speaker_en(self, doc, index, named):
        """Return the English speaker phrase around role word `index` ("a Pentagon official", "witnesses")."""
        after = doc.key(index + 1)
        if index + 1 < len(doc) and _joined(doc, index + 1) and after not in _AFTER_ROLE_EN and not after.endswith("ed"):
            return None  # "an official statement": an adjective here
        first = _modifiers_start_en(doc, index, named)
        modifiers = [doc.key(i) for i in range(first, index) if doc.key(i) not in _DETERMINERS_EN]
        org, last = _where_from(doc, index + 1, named, arabic=False)
        if not modifiers and org is None and last == index + 1 and doc.key(index) not in _SELF_DESCRIBED:
            return None
        entry = self._speaker_entry(org, modifiers, named, first, index)
        start = doc.words[first].start
        end = _phrase_end(doc, start, last)
        return _Found(first, last, start, end, entry, doc.text[start:end])

    def _speaker_entry(self, org, modifiers, named, first, last):
        """Return whom a described speaker speaks for: the organisation named, else what the adjectives say."""
        if org is not None:
            return org
        inside = [f.entry for f in named if first <= f.first and f.last <= last]
        bodies = [entry for entry in inside if entry.kind != "state"]
        if bodies:
            return bodies[-1]
        by_adjectives = self._entry_for_modifiers(modifiers)
        if by_adjectives is not None:
            return by_adjectives
        return inside[-1] if inside else None

    def _entry_for_modifiers(self, modifiers):
        """Return the actor whose name holds a speaker's nation and domain ("US defense" → the Pentagon)."""
        domains, nations = _split_modifiers(modifiers)
        if not nations:
            return None
        fitting = [
            (size, order, entry)
            for order, (stems, size, entry) in enumerate(self._name_stems)
            if nations <= stems and all(stems & synonyms for synonyms in domains)
        ]
        if not fitting:
            return None
        if domains:
            return min(fitting, key=lambda item: item[:2])[2]
        # A nation alone ("a US official", مسؤول أميركي) speaks for its state or a government body.
        return min(fitting, key=lambda item: (_NATION_SPEAKER_RANK.get(item[2].kind, 2), *item[:2]))[2]

    # --- Strikes ----------------------------------------------------------------------------------

    def _strikes(self, doc):
        """Return "غارة أميركية" / "US airstrike" as a mention of that nation's armed forces."""
        found = []
        for index in range(len(doc)):
            strike = self._strike_ar(doc, index) if is_arabic(doc.words[index].text) else self._strike_en(doc, index)
            if strike:
                found.append(strike)
        return found

    def _strike_ar(self, doc, index):
        """Return the strike phrase starting at word `index` (غارة جوية أميركية), or None."""
        if not doc.words[index].keys & _STRIKES_AR:
            return None
        last = index + 1
        while last < len(doc) and last - index <= 3 and _joined(doc, last) and doc.key(last) in _STRIKE_FILLERS_AR:
            last += 1
        if on("hedged_strikes") and last + 2 < len(doc) and doc.key(last) in _HEDGES_AR and doc.key(last + 1) in _HEDGE_THAT_AR and _joined(doc, last + 2):
            last += 2  # "غارات يُعتقد أنها أمريكية"
        if last >= len(doc) or not _joined(doc, last):
            return None
        entry = self._nations.get(_stem(doc.key(last)))
        if entry is None:
            return None
        reading = next(r for r in doc.words[index].readings if r.key in _STRIKES_AR)
        start = doc.words[index].start + reading.start
        return _Found(index, last + 1, start, doc.words[last].end, entry)

    def _strike_en(self, doc, index):
        """Return the strike phrase starting at nation word `index` (US airstrike, Israeli strikes), or None."""
        entry = self._nations.get(doc.key(index))
        if entry is None:
            return None
        last = index + 1
        while last < len(doc) and last - index <= 3 and _joined(doc, last) and doc.key(last) in _STRIKE_FILLERS_EN:
            last += 1
        if last >= len(doc) or not _joined(doc, last) or doc.key(last) not in _STRIKES_EN:
            return None
        return _Found(index, last + 1, doc.words[index].start, doc.words[last].end, entry)


# --- Names ------------------------------------------------------------------------------------------


def _actor_cases(words):
    """Return the case rules of an actor name: acronyms in capitals, frequent words capitalised (Turkey)."""
    cases = list(acronym_cases(words))
    if len(words) == 1 and not cases[0] and not is_arabic(words[0]) and is_frequent_word(token_key(words[0])):
        cases[0] = "title"
    return cases


def _indefinite(name):
    """Return the name without its articles (القوات الأميركية → قوات أميركية), or None if it has none."""
    if len(name.keys) < 2 or not (name.keys[0].startswith("ال") and len(name.keys[0]) > 4):
        return None
    # Every word with the article loses it; particles and names keep their form (الفصائل الموالية لإيران
    # → فصائل موالية لإيران, الميليشيات المدعومة من إيران → ميليشيات مدعومة من إيران).
    keys = tuple(key[2:] if key.startswith("ال") and len(key) > 4 else key for key in name.keys)
    return type(name)(name.written, name.words, keys, name.cases, name.entry)


def _nation_of(name):
    """Return the nation adjective of a force's name ("US forces" → us, القوات الأميركية → امريك), or None."""
    if len(name.keys) != 2:
        return None
    if is_arabic(name.words[0]):
        if name.keys[0] in _FORCE_WORDS_AR and name.keys[1].startswith("ال"):
            return _stem(name.keys[1])
        return None
    if name.keys[1] in _FORCE_WORDS_EN and name.words[0][:1].isupper():
        return name.keys[0]
    return None


def _stem(key):
    """Return a key without its article and one nisba, feminine or plural ending, to compare adjectives."""
    if not is_arabic(key):
        return key
    key = key.removeprefix("ال") if len(key) > 4 else key
    for ending in ("يون", "يين", "يان", "يه", "ات", "ون", "ين", "ي", "ه"):
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            return key[: -len(ending)]
    return key


_DOMAIN_STEMS = {
    domain: frozenset(_stem(token_key(word)) for word in words.split()) for domain, words in _DOMAINS.items()
}
_GENERIC_STEMS = frozenset(_stem(key) for key in _GENERIC_MODIFIERS)


def _split_modifiers(modifiers):
    """Return (domain stem sets, nation stems) of a speaker's modifiers; generic words drop out."""
    domains, nations = [], set()
    for key in modifiers:
        stem = _stem(key)
        if key in _GENERIC_MODIFIERS or stem in _GENERIC_STEMS:
            continue
        domain = next((stems for stems in _DOMAIN_STEMS.values() if stem in stems), None)
        if domain is not None:
            domains.append(domain)
        else:
            nations.add(stem)
    return domains, frozenset(nations)


def _acceptable(doc, match):
    """Return False for a name the context reads otherwise (في العراق is a place; الميادين a city)."""
    entries = match.entries
    before = doc.key(match.first - 1)
    if all(entry.kind == "state" for entry in entries):
        if "ب" in match.clitics or (before in _LOCATIVES and _joined(doc, match.first)):
            return False
    if " ".join(match.names[0].keys) in AMBIGUOUS_ACTOR_NAMES:
        return before in _OUTLET_WORDS or "(" in doc.text[max(0, match.start - 2) : match.start]
    return True


def _coalition_against(doc, found):
    """Return `found` with "the coalition against ISIS" as one coalition mention (ISIS is its target)."""
    result, skip = [], set()
    for position, mention in enumerate(found):
        if position in skip:
            continue
        target = _against_target(doc, found, position) if mention.entry.kind == "coalition" else None
        if target is not None:
            skip.add(target)
            other = found[target]
            mention = _Found(mention.first, other.last, mention.start, other.end, mention.entry)
        result.append(mention)
    return result


def _against_target(doc, found, position):
    """Return the index in `found` of the actor a coalition is "against" (ضد، لمحاربة، to defeat), or None."""
    index = found[position].last
    if not (0 <= index < len(doc)) or not _joined(doc, index):
        return None
    if doc.words[index].keys & _AGAINST[0]:
        index += 1
    elif doc.key(index) in _AGAINST[1] and doc.key(index + 1) in _AGAINST[2]:
        index += 2
    else:
        return None
    if doc.key(index) in _keys("the تنظيم"):
        index += 1
    for target, other in enumerate(found):
        if other.first == index and target > position:
            return target
    return None


# --- Speaker helpers ----------------------------------------------------------------------------------


def _role_reading(word):
    """Return the reading of `word` that is a role noun (مسؤول، للمسؤول، official), or None."""
    for reading in word.readings:
        if reading.key in _ROLES_AR or reading.key in _ROLES_EN:
            return reading
    return None


def _is_speaker_adjective_ar(doc, index, definite=False):
    """Return True if word `index` describes the speaker before it (أمني، أميركي، مطلع، عيان).

    An adjective agrees with its noun in definiteness: المصدر الأمني but مصدر أمني.
    """
    key = doc.key(index)
    if key in _SPEAKER_ADJECTIVES_AR:
        return True
    if key.startswith("ال") != definite:
        return False
    return len(key) >= 4 and key.endswith(("ي", "يه", "يون", "يين"))


def _where_from(doc, index, named, arabic):
    """Return (organisation, end word) of "في وزارة الدفاع" / "at the State Department" after a role."""
    if index >= len(doc) or not _joined(doc, index):
        return None, index
    word = doc.words[index]
    attached = arabic and word.key not in _PREPOSITIONS_AR and any(r.clitics == "ب" for r in word.readings)
    prepositions = _PREPOSITIONS_AR if arabic else _PREPOSITIONS_EN
    if not attached and word.key not in prepositions:
        return None, index
    body = index if attached else index + 1
    if not arabic and doc.key(body) == "the":
        body += 1
    for mention in named:
        if mention.first == body and (mention.entry.kind != "state" or word.key in _keys("باسم for")):
            return mention.entry, _with_bracketed_alias(doc, mention, named)
    if attached:
        return None, index  # أفاد مصدر أمني بسقوط صاروخين: ب + a verbal noun is what was said, not where from
    end = _place_phrase_end(doc, body, arabic)
    return None, end if end > body else index


def _with_bracketed_alias(doc, mention, named):
    """Return the end word of `mention`, past "(البنتاغون)" when the bracket names the same actor."""
    for other in named:
        if other.first == mention.last and other.entry == mention.entry and "(" in doc.gap_after(mention.last - 1):
            return other.last
    return mention.last


_OUTLET_NOUNS_AR = frozenset(token_key(word) for word in "وكالة قناة صحيفة موقع شبكة تلفزيون إذاعة".split())


def _place_phrase_end(doc, index, arabic):
    """Return the end word of a short place phrase after a preposition ("in Kurdistan", في كردستان العراق)."""
    last = index
    while last < len(doc) and last - index < _PLACE_PHRASE_WORDS and (last == index or _joined(doc, last)):
        word = doc.words[last]
        if arabic and (word.key in _STOPS_AR or not is_arabic(word.text)):
            break
        if arabic and last > index and any(r.clitics == "ل" and r.key in _OUTLET_NOUNS_AR for r in word.readings):
            break  # "مصدر في الشرطة لوكالة الصحافة الفرنسية": told to the agency, not where the source is
        if not arabic and not (word.text[:1].isupper() or word.key == "the"):
            break
        last += 1
    while last > index and doc.key(last - 1) == "the":
        last -= 1
    return last


def _modifiers_start_en(doc, index, named):
    """Return the first word of the modifiers before an English role noun (a senior US defense official)."""
    named_words = {i for f in named for i in range(f.first, f.last)}
    first = index
    while first > 0 and index - first < 5 and _joined(doc, first):
        word = doc.words[first - 1]
        if word.key in _DETERMINERS_EN or word.key in _MODIFIERS_EN or first - 1 in named_words:
            first -= 1
        elif word.text[:1].isupper() and not _sentence_start(doc, first - 1):
            first -= 1
        else:
            break
    return first


def _phrase_end(doc, start, last):
    """Return the end offset of a phrase ending with word `last - 1`, past a bracket it opened."""
    end = doc.words[last - 1].end
    if doc.text[end : end + 1] in (")", "）") and "(" in doc.text[start:end]:
        end += 1
    return end


def _sentence_start(doc, index):
    return index == 0 or doc.words[index].sentence != doc.words[index - 1].sentence


def _joined(doc, index):
    """Return True if word `index` continues the clause of the word before it."""
    return 0 < index < len(doc) and not doc.words[index].break_before


# --- Titled people ----------------------------------------------------------------------------------


def _titled_people(doc, found):
    """Return each named person with the title before them, as written (وزير الدفاع الأميركي، لويد أوستن)."""
    titled = []
    named_words = {i for f in found for i in range(f.first, f.last)}
    for person in found:
        if person.entry is None or person.entry.kind != "official person":
            continue
        first = _title_start(doc, person.first, named_words)
        if first is None and any(_title_reading(doc.words[i]) for i in range(person.first, person.last)):
            first = _title_modifiers_start(doc, person.first, named_words)  # "Defense Secretary Lloyd Austin"
        if first is not None:
            reading = _title_reading(doc.words[first])
            start = doc.words[first].start + (reading.start if reading else 0)
            titled.append(_Found(first, person.last, start, person.end, person.entry, doc.text[start : person.end]))
    return titled


def _title_start(doc, first, named_words):
    """Return the first word of the title phrase just before a person's name, or None."""
    index, title = first - 1, None
    comma_ok = index >= 0 and doc.gap_after(index).strip() in ("،", ",")
    if not (_joined(doc, first) or comma_ok):
        return None
    while index >= 0 and first - index <= _TITLE_RUN_WORDS:
        if _title_reading(doc.words[index]) is not None:
            title = index
        elif not _title_word(doc, index, named_words):
            break
        if not _joined(doc, index):
            break
        index -= 1
    return _title_modifiers_start(doc, title, named_words) if title is not None else None


def _title_modifiers_start(doc, title, named_words):
    """Return the first word of what qualifies an English title before it ("State Department spokesman")."""
    first = title
    while _joined(doc, first) and not is_arabic(doc.words[first - 1].text):
        if first - 1 in named_words or doc.key(first - 1) in _MODIFIERS_EN:
            first -= 1
        else:
            break
    return first


def _title_reading(word):
    """Return the reading of `word` that is a title (وزير، ووزير، spokesman), or None."""
    return next((r for r in word.readings if r.key in _TITLES), None)


def _title_word(doc, index, named_words):
    """Return True if word `index` may sit inside a title (الدفاع، الأميركي، باسم، State Department)."""
    word = doc.words[index]
    if index in named_words:
        return True
    if is_arabic(word.text):
        return word.key.startswith("ال") or word.key == token_key("باسم") or _is_speaker_adjective_ar(doc, index)
    return word.text[:1].isupper() or word.key in _MODIFIERS_EN


def _non_overlapping(found):
    """Return mentions that do not overlap, longest first (a speaker phrase beats the name inside it)."""
    chosen = []
    for mention in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(mention.start < other.end and other.start < mention.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda f: f.start)


def describe_speaker(text, span):
    """Return how `text` describes the speaker at `span`, using role words alone (no actor list)."""
    return ActorMatcher(()).describe_speaker(text, span)
