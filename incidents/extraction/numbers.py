"""Numbers and casualty figures in Arabic and English wire text. Pure: no Django, no ORM.

Matching runs on folded text (`normalize.fold_with_offsets`): diacritics and tatweel dropped, alef,
yaa and taa marbuta unified (ة → ه), Eastern Arabic digits made ASCII, Latin lower-cased. Every word
list below is written in ordinary spelling and folded when the module loads.

Casualty figures are `Casualties(best, low, high)` with low ≤ best ≤ high (the model's constraint):

- an exact figure → best;
- "at least n" / "ما لا يقل عن n" / "n على الأقل" ("جندي واحد على الأقل") → low = n alone, no best:
  the text bounds the figure and does not give it (the coding convention of the test articles'
  README, tests/articles/README.md);
- "more than n" / "أكثر من n" → low = n + 1 alone, the smallest figure the text allows;
- "about n" / "نحو n" → best = n; "nearly n" / "almost n" → best = high = n;
  "up to n" / "as many as n" → high = n; "fewer than n" → high = n − 1;
- a range, "between 3 and 5" / "ما بين 3 و5" / "3 to 5" → low = 3, high = 5, no best;
- no figure but a singular noun ("killed a soldier", "مقتل جندي") → best = 1;
- no figure but a plural or a vague quantity ("soldiers were wounded", "several", "العديد", "عدد من")
  → low = 2; "dozens" / "عشرات" → low = 24 (two dozen, the README's convention); "hundreds" / "مئات"
  → low = 200;
- a singular person with a companion ("the commander and his driver", "القيادي ... ومرافقه") → best = 2;
- a counted group beside an uncounted one in another clause of the sentence ("several personnel were
  evaluated for injuries and one soldier was wounded") → low = the count: it counts only some of them;
- a bare mention with no count ("minor injuries", "إصابات طفيفة", "بجروح") → low = 1: someone was
  hurt, how many is unknown, so best stays None for the editor to fill;
- "no casualties" / "no one was hurt" / "لم تسفر عن إصابات" / "دون وقوع إصابات" and "no immediate
  reports of casualties" → best = 0 (ACLED codes an unreported toll as 0); a stated figure in the
  same sentence wins over it. "No injuries" and إصابات (which Arabic wire copy uses for casualties in
  general) zero both killed and injured; "no deaths" zeroes killed only.
"""
import re
from dataclasses import dataclass

from .normalize import fold, fold_with_offsets, source_span
from .types import Casualties, NumberMention, Span


def _folded(words):
    """Return the folded forms of whitespace-separated `words`."""
    return [fold(word) for word in words.split()]


# --- Arabic number words ------------------------------------------------------------------------

_AR_UNITS = {
    1: "واحد واحدة",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي ثنتان ثنتين",
    3: "ثلاثة ثلاث",
    4: "أربعة أربع",
    5: "خمسة خمس",
    6: "ستة ست",
    7: "سبعة سبع",
    8: "ثمانية ثماني ثمان",
    9: "تسعة تسع",
}
_AR_TENS = {
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
}
_AR_HUNDRED_STEMS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان ثماني", 9: "تسع"}

# kind: unit (1–9), ahad (أحد/إحدى: 1, a number only before عشر or a definite noun), ten (عشر/عشرة),
# tens (20–90), hundreds (a whole 200–900), hundred (مئة, multiplies a unit), scale (ألف, آلاف,
# مليون: multiplies what precedes), whole (ألفان, مليونان: a whole 2000 or 2,000,000).
_AR_WORDS = {}
for _value, _words in _AR_UNITS.items():
    for _word in _folded(_words):
        _AR_WORDS[_word] = (_value, "unit")
for _word in _folded("أحد إحدى"):
    _AR_WORDS[_word] = (1, "ahad")
for _word in _folded("عشرة عشر"):
    _AR_WORDS[_word] = (10, "ten")
for _value, _words in _AR_TENS.items():
    for _word in _folded(_words):
        _AR_WORDS[_word] = (_value, "tens")
for _word in _folded("مئة مائة"):
    _AR_WORDS[_word] = (100, "hundred")
for _word in _folded("مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي"):
    _AR_WORDS[_word] = (200, "hundreds")
for _value, _stems in _AR_HUNDRED_STEMS.items():
    for _stem in _folded(_stems):
        for _hundred in _folded("مئة مائة"):
            _AR_WORDS[_stem + _hundred] = (_value * 100, "hundreds")
for _word in _folded("ألف ألفا آلاف"):
    _AR_WORDS[_word] = (1000, "scale")
for _word in _folded("ألفان ألفين ألفا ألفي"):
    _AR_WORDS.setdefault(_word, (2000, "whole"))
for _word in _folded("مليون مليونا ملايين"):
    _AR_WORDS[_word] = (1_000_000, "scale")
for _word in _folded("مليونان مليونين"):
    _AR_WORDS[_word] = (2_000_000, "whole")

# Forms that are something else with the article: الاثنين is Monday, الأحد Sunday, بالمئة a percent,
# الأربعين the Arbaeen pilgrimage; so the article is allowed only on units and عشرة ("الجنود الخمسة").
_AR_ARTICLE_KINDS = {"unit", "ten"}
_AR_NO_ARTICLE = set(_folded("اثنين اثنان"))
# Short words that a clitic turns into something else: لست is "I am not", not ل + ست.
_AR_BARE_ONLY = set(_folded("ست"))

_AR_ORDINAL_UNITS = {
    1: "أول أولى حادي حادية واحد",
    2: "ثاني ثانية",
    3: "ثالث ثالثة",
    4: "رابع رابعة",
    5: "خامس خامسة",
    6: "سادس سادسة",
    7: "سابع سابعة",
    8: "ثامن ثامنة",
    9: "تاسع تاسعة",
    10: "عاشر عاشرة",
}
_AR_ORDINALS = {word: value for value, words in _AR_ORDINAL_UNITS.items() for word in _folded(words)}

# --- The Arabic dual ----------------------------------------------------------------------------

# Nouns conflict reports count whose plural is broken (هجوم → هجمات, جندي → جنود): their ـين/ـان
# form can only be a dual.
_DUAL_MASCULINE = _folded(
    "هجوم صاروخ جندي عنصر شخص طفل رجل ضابط فرد قتيل جريح شهيد انفجار تفجير لغم موقع منزل مقر "
    "معسكر مطار حاجز هدف زورق قارب مدفع قائد حارس شرطي شقيق ابن ولد"
)
# Nouns whose sound plural is also ـين (مدنيين, مقاتلين, مسلحين, مستشارين): only the ـان
# (nominative) form is unambiguous, so ـين is read as the plural.
_DUAL_NOMINATIVE_ONLY = _folded(
    "مدني مقاتل مسلح عسكري مستشار متعاقد موظف مواطن منتسب مسؤول صحفي قيادي انتحاري دبلوماسي مصاب"
)
# Feminine nouns in ة: the dual is ـتين/ـتان and the plural ـات, so both forms are duals.
_DUAL_FEMININE = _folded(
    "طائرة مسيرة قذيفة ضربة غارة قاعدة سيارة عبوة مركبة عملية امرأة طفلة فتاة مرة دورية شاحنة سفينة "
    "ناقلة منشأة قنبلة جثة ضحية هجمة مدرعة دبابة عربة"
)
_DUAL_FORMS = {}
for _stem in _DUAL_MASCULINE:
    _DUAL_FORMS[_stem + "ين"] = _DUAL_FORMS[_stem + "ان"] = _stem
for _stem in _DUAL_NOMINATIVE_ONLY:
    _DUAL_FORMS[_stem + "ان"] = _stem
for _stem in _DUAL_FEMININE:
    _DUAL_FORMS[_stem[:-1] + "تين"] = _DUAL_FORMS[_stem[:-1] + "تان"] = _stem


def _arabic_splits(word):
    """Yield (clitic length, has article, stem) for each way to peel و/ف, ب/ل/ك and ال off `word`."""
    yield 0, False, word
    for conj in ("", "و", "ف"):
        if not word.startswith(conj):
            continue
        after_conj = word[len(conj) :]
        for prep in ("", "ب", "ل", "ك"):
            if not after_conj.startswith(prep):
                continue
            rest, prefix = after_conj[len(prep) :], len(conj) + len(prep)
            if prefix and len(rest) > 1:
                yield prefix, False, rest
            if rest.startswith("ال") and len(rest) > 3:
                yield prefix, True, rest[2:]
            elif prep == "ل" and rest.startswith("ل") and len(rest) > 2:  # لل = ل + ال
                yield prefix, True, rest[1:]


def dual_count(word):
    """Return 2 if `word` is an Arabic dual of a noun conflict reports count, else None."""
    folded = fold(word.strip())
    for _prefix, _article, stem in _arabic_splits(folded):
        if stem in _DUAL_FORMS:
            return 2
    return None


def _arabic_number_word(word, ordinal=False):
    """Return (value, kind, clitic length) for one folded Arabic number word, or None."""
    lexicon = _AR_ORDINALS if ordinal else _AR_WORDS
    for prefix, article, stem in _arabic_splits(word):
        found = lexicon.get(stem)
        if ordinal:
            if found is None:
                found = _AR_WORDS.get(stem)  # العشرين, الثلاثين: tens ordinals are the cardinals
                if found is None or found[1] not in ("tens", "ten"):
                    continue
                return found[0], found[1], prefix
            return found, "ordinal", prefix
        if found is None:
            continue
        value, kind = found
        if article and (kind not in _AR_ARTICLE_KINDS or stem in _AR_NO_ARTICLE):
            continue
        if prefix and stem in _AR_BARE_ONLY and word[:prefix] != "و":
            continue
        return value, kind, prefix
    return None


# --- English number words -----------------------------------------------------------------------

_EN_UNITS = "one two three four five six seven eight nine".split()
_EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_WORDS = {"zero": (0, "unit"), "a": (1, "a"), "an": (1, "a"), "hundred": (100, "hundred"), "dozen": (12, "dozen")}
_EN_WORDS.update({word: (index + 1, "unit") for index, word in enumerate(_EN_UNITS)})
_EN_WORDS.update({word: (index + 10, "teen") for index, word in enumerate(_EN_TEENS)})
_EN_WORDS.update({word: (index * 10 + 20, "tens") for index, word in enumerate(_EN_TENS)})
_EN_WORDS.update({"thousand": (1000, "scale"), "million": (1_000_000, "scale"), "billion": (10**9, "scale")})

_EN_ORDINALS = {
    word: index + 1
    for index, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
}
_EN_ORDINALS.update({word: index * 10 + 20 for index, word in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
)})

# --- Scanning -----------------------------------------------------------------------------------

_DIGITS = re.compile(
    r"(?:(?<!\w)|(?<=(?<!\w)[وبلف]))(?<![^\W\d_]-)(?<!\d[/:.])"
    r"(\d{1,3}(?:[,٬]\d{3})+|\d+)(?:[.٫](\d+))?(?![\w/:]|[.٫]\d)"
)
_WORD = re.compile(r"\w+")
_SCALE_AFTER_DIGITS = {"thousand": 1000, "million": 1_000_000, "billion": 10**9}
_SCALE_AFTER_DIGITS.update({word: 1000 for word in _folded("ألف آلاف ألفا")})
_SCALE_AFTER_DIGITS.update({word: 1_000_000 for word in _folded("مليون ملايين مليونا")})

# Qualifiers before a number, folded, mapped to how they bound it (see the module docstring).
_QUALIFIERS = {
    "en": {
        "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
        "an estimated": "about", "estimated": "about", "nearly": "nearly", "almost": "nearly",
        "close to": "nearly", "at least": "min", "no fewer than": "min", "no less than": "min",
        "more than": "over", "over": "over", "upwards of": "over", "just over": "over",
        "up to": "max", "as many as": "max", "at most": "max", "fewer than": "under", "less than": "under",
        "under": "under", "just under": "under",
    },
    "ar": {
        "نحو": "about", "حوالي": "about", "حوالى": "about", "قرابة": "about", "زهاء": "about",
        "ما يقارب": "about", "يقارب": "about", "ما يقرب من": "about", "يقرب من": "about",
        "ما لا يقل عن": "min", "لا يقل عن": "min", "أكثر من": "over", "ما يزيد عن": "over",
        "ما يزيد على": "over", "يزيد عن": "over", "يزيد على": "over", "أزيد من": "over",
        "ما يربو على": "over", "ما يصل إلى": "max", "أقل من": "under",
    },
}
_QUALIFIER_PATTERNS = {
    language: re.compile(
        r"(?:(?<=\W)|^)(?:[وبل])?("
        + "|".join(re.escape(fold(q)).replace(r"\ ", r"\s+") for q in sorted(table, key=len, reverse=True))
        + r")\s*$"
    )
    for language, table in _QUALIFIERS.items()
}
_QUALIFIER_BOUNDS = {
    language: {fold(qualifier): bound for qualifier, bound in table.items()} for language, table in _QUALIFIERS.items()
}
_APPROXIMATE_AFTER = re.compile(r"^\s+(?:تقريبا|or so)(?!\w)")
# "جندي عراقي واحد على الأقل", "five people at least": the bound follows the number (and its noun).
# The words between are the counted noun and its adjectives: no conjunction, verb or other figure
# ("killed 3 and wounded at least 5" bounds the 5, not the 3).
_MIN_AFTER = re.compile(
    r"^(?:\s+(?!(?:and|or|but|were|was|wounded|injured|killed|of|in|with)(?!\w))(?!و)[^\s\d.،,؛;:()]+){0,3}?"
    r"\s+(?:علي\s+الاقل|at\s+least)(?!\w)"
)


@dataclass(frozen=True)
class _Quantity:
    """A count found in folded text, with how the text bounds it."""

    start: int
    end: int
    value: int | None
    bound: str = ""  # "", about, nearly, min, over, max, under
    lead: int | None = None  # where the quantity's words begin, qualifier included
    low: int | None = None
    high: int | None = None
    singular: bool = False  # the count is 1 because a noun is singular ("a soldier")

    def casualties(self):
        """Return the figure as Casualties, following the module's conventions."""
        value = self.value
        if value is None:
            return Casualties(low=self.low, high=self.high)
        if self.bound == "min":
            return Casualties(low=value)
        if self.bound == "over":
            return Casualties(low=value + 1)
        if self.bound == "nearly":
            return Casualties(best=value, high=value)
        if self.bound == "max":
            return Casualties(high=value)
        if self.bound == "under":
            return Casualties(high=max(value - 1, 0))
        return Casualties(best=value)


def _digit_quantities(folded):
    """Yield (start, end, value) for digit numbers, with a following scale word ("3 آلاف", "1.5 million")."""
    for match in _DIGITS.finditer(folded):
        whole, fraction = match.group(1), match.group(2)
        value = int(re.sub(r"[,٬]", "", whole))
        end = match.end()
        scale = re.match(r"\s+(\w+)", folded[end:])
        if scale and scale.group(1) in _SCALE_AFTER_DIGITS:
            multiplier = _SCALE_AFTER_DIGITS[scale.group(1)]
            value = int(float(f"{value}.{fraction or 0}") * multiplier)
            end += scale.end()
        elif fraction:
            continue  # 3.5 is a measure, not a count
        yield match.start(1), end, value


def _english_sequence(tokens, index, folded):
    """Return (value, end token index) of the English number words starting at tokens[index], or None."""
    total = current = 0
    previous, last, position = None, None, index
    while position < len(tokens):
        start, end, word = tokens[position]
        if previous is not None:
            gap = folded[tokens[position - 1][1] : start]
            if word == "and" and previous in ("hundred", "scale") and gap.strip() == "":
                position += 1
                continue
            if gap.strip() not in ("", "-"):
                break
        found = _EN_WORDS.get(word)
        if found is None:
            break
        value, kind = found
        if not _english_follows(previous, kind):
            break
        if kind in ("hundred", "dozen"):
            current = (current or 1) * value
        elif kind == "scale":
            total += (current or 1) * value
            current = 0
        else:
            current += value
        previous, last, position = kind, position, position + 1
    if last is None or previous == "a":
        return None
    return total + current, last


def _english_follows(previous, kind):
    """Return whether an English number word of `kind` may follow one of kind `previous`."""
    if previous is None:
        return True
    if kind == "unit":
        return previous in ("tens", "hundred", "scale")
    if kind in ("teen", "tens"):
        return previous in ("hundred", "scale")
    if kind == "hundred":
        return previous in ("a", "unit", "teen", "tens")
    if kind == "dozen":
        return previous in ("a", "unit")
    if kind == "scale":
        return previous in ("a", "unit", "teen", "tens", "hundred", "dozen")
    return False


def _arabic_sequence(tokens, index, folded):
    """Return (value, end token index, clitic length) of the Arabic number words at tokens[index], or None."""
    total = current = 0
    previous, last, clitic = None, None, 0
    for position in range(index, len(tokens)):
        start, _end, word = tokens[position]
        found = _arabic_number_word(word)
        if found is None:
            break
        value, kind, prefix = found
        if previous is None:
            clitic = prefix
        else:
            gap = folded[tokens[position - 1][1] : start]
            joined_by_waw = word[:prefix] == "و"
            if gap.strip() or not _arabic_follows(previous, kind, joined_by_waw, prefix):
                break
        if kind == "hundred":
            current = (current or 1) * value if previous == "unit" else current + value
        elif kind == "scale":
            total += (current or 1) * value
            current = 0
        else:
            current += value
        if previous in ("unit", "ahad") and kind == "ten":
            kind = "teen"
        previous, last = kind, position
    if last is None:
        return None
    return total + current, last, clitic


def _arabic_follows(previous, kind, joined_by_waw, prefix):
    """Return whether an Arabic number word of `kind` continues a number whose last word was `previous`."""
    if not joined_by_waw:
        if prefix:
            return False
        if kind == "ten":
            return previous in ("unit", "ahad")  # خمسة عشر, أحد عشر
        if kind == "hundred":
            return previous == "unit"  # ثلاث مئة
        return kind == "scale" and previous in ("unit", "ten", "teen", "tens", "hundreds", "hundred")
    if kind == "tens":
        return previous in ("unit", "ahad", "hundreds", "hundred", "scale", "whole")  # خمسة وعشرون
    if kind in ("unit", "ten"):
        return previous in ("hundreds", "hundred", "scale", "whole")  # مئة وخمسة
    if kind in ("hundreds", "hundred"):
        return previous in ("scale", "whole")  # ألف ومئتان
    return False


def _ahad_counts(tokens, index):
    """Return whether أحد/إحدى at tokens[index] is the number one (before a definite noun), not "anyone"."""
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1][2]
    return following.startswith("ال") or following in _AR_WORDS


def _bound_before(folded, start, language):
    """Return (bound, qualifier start) for the qualifier just before `start` in `folded`."""
    window_start = max(0, start - 40)
    match = _QUALIFIER_PATTERNS[language].search(folded[window_start:start])
    if not match:
        return "", start
    qualifier = " ".join(match.group(1).split())
    return _QUALIFIER_BOUNDS[language].get(qualifier, "about"), window_start + match.start()


def _quantities(folded, language):
    """Return every count in folded text, in order: digits, number words and Arabic duals."""
    found = []
    taken = set()
    for start, end, value in _digit_quantities(folded):
        found.append((start, end, value))
        taken.update(range(start, end))
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
    index = 0
    while index < len(tokens):
        start, end, word = tokens[index]
        if start in taken:
            index += 1
            continue
        result = _word_number_at(tokens, index, folded, language)
        if result is None:
            index += 1
            continue
        value, last, clitic = result
        found.append((start + clitic, tokens[last][1], value))
        index = last + 1
    found.sort()
    quantities = []
    for start, end, value in found:
        bound, lead = _bound_before(folded, start, language)
        if not bound and _APPROXIMATE_AFTER.match(folded[end:]):
            bound = "about"
        elif not bound and _MIN_AFTER.match(folded[end:]):
            bound = "min"
        quantities.append(_Quantity(start, end, value, bound, lead=lead))
    return quantities


def _word_number_at(tokens, index, folded, language):
    """Return (value, last token index, clitic length) for a number written in words at tokens[index]."""
    word = tokens[index][2]
    if language == "en":
        if word == "one" and index and tokens[index - 1][2] == "no":  # "no one was hurt"
            return None
        result = _english_sequence(tokens, index, folded)
        return None if result is None else (result[0], result[1], 0)
    if dual_count(word):
        return 2, _dual_phrase_end(tokens, index), _clitic_length(word)
    found = _arabic_number_word(word)
    if found is None:
        return None
    if found[1] == "ahad" and not _ahad_counts(tokens, index):
        return None
    if found[1] == "ten" and index and _arabic_number_word(tokens[index - 1][2], ordinal=True):
        return None  # the عشر of an ordinal: السابع عشر, the 17th
    return _arabic_sequence(tokens, index, folded)


def _dual_phrase_end(tokens, index):
    """Return the last token of a dual phrase: "طائرتين مسيرتين", "جنديين اثنين" count once."""
    if index + 1 < len(tokens):
        following = tokens[index + 1][2]
        found = _arabic_number_word(following)
        if dual_count(following) or (found and found[0] == 2 and found[2] == 0):
            return index + 1
    return index


def _clitic_length(word):
    """Return how many leading letters of a dual word are clitics (و, ب, ل...) rather than the noun."""
    for prefix, _article, stem in _arabic_splits(word):
        if stem in _DUAL_FORMS:
            return prefix
    return 0


# --- Public number API --------------------------------------------------------------------------


def parse_number(words, language, ordinal=False):
    """Return the number `words` spell out in full (digits, words or an Arabic dual), or None."""
    folded = " ".join(fold(words).replace("-", " - ").split())
    if not folded:
        return None
    if ordinal:
        return _parse_ordinal(folded, language)
    quantities = _quantities(folded, language)
    if len(quantities) == 1 and quantities[0].end == len(folded):
        start = quantities[0].start
        if start == 0 or (language == "ar" and folded[:start] in ("و", "ب", "ل", "ف", "ك")):
            return quantities[0].value
    return None


def _parse_ordinal(folded, language):
    """Return the value of an ordinal ("eighth", "21st", "الثامن", "الحادي والعشرين"), or None."""
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", folded)
    if digits:
        return int(digits.group(1))
    words = folded.replace(" - ", " ").split()
    if language == "en":
        *head, tail = words
        if tail not in _EN_ORDINALS:
            return None
        value = _EN_ORDINALS[tail]
        if not head:
            return value
        if len(head) == 1 and head[0] in _EN_TENS and value < 10:
            return _EN_WORDS[head[0]][0] + value
        return None
    return _arabic_ordinal(words)


def _arabic_ordinal(words):
    """Return the value of Arabic ordinal words: a unit ordinal, then عشر or و + tens; or a tens ordinal."""
    first = _arabic_number_word(words[0], ordinal=True)
    if first is None or first[2]:
        return None
    value, kind, _prefix = first
    if len(words) == 1:
        return value if kind in ("ordinal", "tens") else None
    if len(words) != 2 or kind != "ordinal" or value > 9:
        return None
    second = _arabic_number_word(words[1], ordinal=True)
    if second is None:
        return None
    if second[1] == "ten" and not second[2]:
        return value + 10
    if second[1] == "tens" and words[1][: second[2]] == "و":
        return value + second[0]
    return None


def find_numbers(text, language):
    """Return the numbers in `text` (digits, words, Arabic duals) with spans into `text`."""
    folded, origins = fold_with_offsets(text)
    mentions = []
    for quantity in _quantities(folded, language):
        start, end = source_span(origins, quantity.start, quantity.end, len(text))
        mentions.append(NumberMention(quantity.value, Span(start, end), approximate=bool(quantity.bound)))
    return mentions


# --- Casualties ---------------------------------------------------------------------------------

_PERSON_SINGULAR = {
    "en": set(
        "soldier person civilian fighter member militant child man woman officer trooper contractor guard "
        "commander policeman policewoman sailor marine airman citizen resident worker journalist official "
        "adviser advisor employee boy girl servicemember militiaman insurgent gunman bystander farmer "
        "shepherd driver pilot diplomat leader american iraqi syrian kurd".split()
    ),
    "ar": set(
        _folded(
            "جندي شخص مدني طفل طفلة امرأة رجل عنصر ضابط مقاتل مسلح قائد عسكري مواطن شرطي منتسب فرد "
            "متعاقد مستشار موظف حارس قيادي مسؤول عامل مزارع راع صحفي فتى فتاة شاب مسن سائق طيار ناشط زعيم "
            "متطوع آخر أحدهم أحدهما إحداهن"
        )
    ),
}
_PERSON_PLURAL = {
    "en": set(
        "soldiers people persons civilians fighters members militants children men women officers troops "
        "personnel contractors guards commanders policemen sailors marines airmen citizens residents "
        "workers journalists officials advisers advisors staff employees boys girls servicemembers "
        "militiamen insurgents gunmen bystanders americans iraqis syrians kurds others".split()
    ),
    "ar": set(
        _folded(
            "جنود أشخاص مدنيين مدنيون أطفال نساء رجال عناصر ضباط مقاتلين مقاتلون مسلحين مسلحون قادة "
            "عسكريين عسكريون مواطنين مواطنون أفراد منتسبين متعاقدين مستشارين موظفين حراس قياديين مسؤولين "
            "عمال مزارعين صحفيين شبان سائقين أبرياء آخرين آخرون"
        )
    ),
}
# Vague quantities → the smallest count they imply (see the module docstring).
_VAGUE = {
    "en": {"several": 2, "a number of": 2, "a few": 2, "multiple": 2, "many": 2, "numerous": 2,
           "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000},
    "ar": {fold(word): low for word, low in {
        "العديد": 2, "عديد": 2, "عدد": 2, "عدة": 2, "بعض": 2, "بضعة": 2, "بضع": 2,
        "عشرات": 24, "مئات": 200, "آلاف": 2000}.items()},
}
# Nouns after a figure that make it a count of things, not of people ("wounded 3" but "hit 3 targets").
_THINGS = {
    "en": set(
        "rocket rockets missile missiles drone drones attack attacks strike strikes airstrikes shell shells "
        "mortar mortars round rounds bomb bombs explosion explosions blast blasts day days hour hours week "
        "weeks month months year years time times base bases vehicle vehicles building buildings house "
        "houses km kilometers kilometres miles percent targets target".split()
    ),
    "ar": set(
        _folded(
            "هدف أهداف مواقع موقع آليات آلية مبان مباني منازل صواريخ قذائف طائرات مسيرات سيارات عربات "
            "دبابات أيام يوم ساعات أسابيع أشهر شهور سنوات مرات كيلومتر كيلومترات كم بالمئة هجمات ضربات غارات"
        )
    ),
}
# Words an English subject may carry between its figure and a passive verb ("five U.S. troops were").
_EN_AUXILIARIES = set(
    "was were is are been be have has had being reportedly also later all allegedly slightly seriously "
    "critically fatally mortally lightly badly severely suffered sustained received treated for minor "
    "serious slight light moderate critical severe non-life-threatening life-threatening traumatic brain".split()
)
# Words that make a casualty verb hypothetical or intended: "whether anyone was hurt", "vowed to kill".
_EN_HYPOTHETICAL = re.compile(
    r"(?<!\w)(?:(?:whether|if|anyone|anybody|could|would|might)\s+(?:[\w.'’-]+\s+){0,3}|to\s+)$"
)
_AR_HYPOTHETICAL = re.compile(r"(?<!\w)(?:اذا|ما\s+اذا|هل)\s+(?:[^\s.،,]+\s+){0,3}$")
_EN_FUNCTION_WORDS = set("in on at by near during when while after before from and or as with of to for into".split())

_KILLED, _INJURED = "killed", "injured"


@dataclass(frozen=True)
class _Keyword:
    """A casualty word: which figure it reports and where its count sits."""

    pattern: re.Pattern
    kind: str  # killed or injured
    mode: str  # verb (count after, else subject before), after, before, toll
    bare: Casualties  # the figure when no count is found


def _keyword(pattern, kind, mode, bare=Casualties(low=1)):
    """Return a _Keyword for a regex over folded text, whole words only."""
    return _Keyword(re.compile(rf"(?<!\w)(?:{pattern})(?!\w)"), kind, mode, bare)


def _ar(words):
    """Return a regex alternation of folded Arabic words, each with optional و/ف/ب and ال clitics."""
    return r"(?:[وف]?[بل]?(?:ال)?)(?:" + "|".join(re.escape(word) for word in _folded(words)) + ")"


# إصابة is also a hit: "إصابة مباشرة", "حققت إصابات دقيقة", "إصابة الهدف" report no injury.
_NOT_A_HIT = r"(?!\s+(?:ال)?(?:مباشر|دقيق|هدف|اهداف))"

_KEYWORDS = {
    "en": [
        _keyword(r"kill(?:s|ed|ing)?", _KILLED, "verb"),
        _keyword(r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|hurt", _INJURED, "verb"),
        _keyword(r"dead|died|deaths|fatalities|lost\s+their\s+lives", _KILLED, "before"),
        _keyword(r"claim(?:ed|ing)\s+the\s+lives\s+of|took\s+the\s+lives\s+of", _KILLED, "verb"),
        _keyword(r"injuries|wounds", _INJURED, "before"),
        _keyword(r"death\s+toll|toll", _KILLED, "toll"),
    ],
    "ar": [
        _keyword(_ar("مقتل مصرع استشهاد وفاة"), _KILLED, "after"),
        _keyword(_ar("قتل قتلت قتلوا استشهد استشهدوا توفي"), _KILLED, "after"),
        _keyword(r"[وف]?لق(?:ي|يت|وا|يا)(?=\s[^.،,؛;]{0,60}?حتف)", _KILLED, "after"),
        _keyword(r"[وف]?(?:اودي|اودى|اودت|يودي|تودي)\s+بحيا[هة]", _KILLED, "after"),  # "أودى بحياة ثلاثة جنود"
        _keyword(_ar("إصابة") + _NOT_A_HIT, _INJURED, "after"),
        _keyword(_ar("أصيب أصيبت أصيبوا أصيبا جرح جرحت جرحوا"), _INJURED, "after"),
        _keyword(_ar("قتلى شهداء"), _KILLED, "before", Casualties(low=2)),
        _keyword(_ar("قتيل قتيلا شهيد شهيدا"), _KILLED, "before", Casualties(best=1)),
        _keyword(_ar("قتيلين قتيلان شهيدين شهيدان"), _KILLED, "before", Casualties(best=2)),
        _keyword(_ar("جرحى مصابين مصابون"), _INJURED, "before", Casualties(low=2)),
        _keyword(_ar("جريح جريحا مصاب مصابا"), _INJURED, "before", Casualties(best=1)),
        _keyword(_ar("جريحين جريحان مصابان"), _INJURED, "before", Casualties(best=2)),
        _keyword(_ar("إصابات") + _NOT_A_HIT, _INJURED, "before"),
        _keyword(_ar("جروح"), _INJURED, "before"),
        _keyword(_ar("حصيلة"), _KILLED, "toll"),
    ],
}

_EN_WORDS_PATTERN = r"[\w.'’-]+"
_ZERO_PATTERNS = {
    "en": [
        re.compile(r"\bno\s+(?:(?:immediate|initial|other|further|reported|known|serious|major|american|"
            r"u\.s\.|us|coalition|iraqi|syrian)\s+)*(casualties|injuries|injured|deaths|fatalities|dead)\b"),
        re.compile(
            r"\bno\s+(?:\w+\s+){0,2}reports?\s+of\s+(?:[\w,]+\s+){0,3}?(casualties|injuries|deaths|fatalities)\b"
        ),
        re.compile(rf"\b(?:no\s+one\s+|nobody\s+|none\s+|no\s+(?:{_EN_WORDS_PATTERN}\s+){{1,3}}?)(?:of\s+\w+\s+)?"
            r"(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:\w+ly\s+)?"
            r"(killed|hurt|injured|wounded)\b"),
        re.compile(r"\b(?:without|did\s+not\s+(?:cause|result\s+in|lead\s+to)|caused\s+no|resulted\s+in\s+no)\s+"
            r"(?:any\s+)?(?:\w+\s+){0,2}?(casualties|injuries|deaths|fatalities)\b"),
        re.compile(r"\b(?:was|were)\s+not\s+(?:\w+ly\s+)?(hurt|injured|wounded|killed)\b"),
    ],
    "ar": [
        re.compile(r"(?<!\w)[وف]?(?:لم|دون|بدون|دونما|عدم|لا)\s+(?:(?!(?:عدد|حصيله|حجم|يعرف|تعرف|يتضح|تتضح|"
            r"معروف|واضح|معلومات|تفاصيل)\w*)[^\s.،,؛;]+\s+){0,5}?(?:[بل]?(?:ال)?)?(اصابات|اصابه|خساير\s+بشريه|"
            r"خساير\s+في\s+الارواح|ضحايا|قتلي|جرحي|(?:حاله\s+)?وفاه|وفيات)(?!\w)"),
        re.compile(r"(?<!\w)[وف]?لم\s+[يت]صب\s+(?:احد|اي)(?!\w)"),
        re.compile(r"(?<!\w)[وف]?اقتصرت\s+(?:ال)?(?:خساير|اضرار)\s+(?:\w+\s+)?علي\s+(?:ال)?(?:ماديات|ماديه|اضرار)"),
    ],
}
# "No information about casualties" says nothing either way: neither zero nor a figure.
_UNKNOWN_PATTERNS = {
    "en": [re.compile(r"\bno\s+(?:information|details|word|figures?)\s+(?:\w+\s+){0,2}?(?:on|about|of)\s+(?:any\s+)?"
                      r"(?:casualties|injuries|deaths|losses)\b")],
    "ar": [re.compile(r"(?<!\w)[وف]?(?:لم|دون|بدون|من\s+دون|لا)\s+(?:\S+\s+){0,2}?(?:معلومات|تفاصيل)\s+(?:\S+\s+){0,2}?"
                      r"(?:[بل]?(?:ال)?)(?:اصابات|اصابه|خساير|ضحايا|قتلي|جرحي)(?!\w)")],
}
_ZERO_KILLED_WORDS = {"deaths", "fatalities", "dead", "killed", "قتلي", "وفاه", "وفيات"}


def _zeroes(folded, language):
    """Return (spans, killed is zero, injured is zero) for the text's "no casualties" phrases."""
    spans, killed, injured = [], False, False
    for pattern in _UNKNOWN_PATTERNS[language]:
        spans.extend((match.start(), match.end()) for match in pattern.finditer(folded))
    for pattern in _ZERO_PATTERNS[language]:
        for match in pattern.finditer(folded):
            spans.append((match.start(), match.end()))
            killed = True  # no casualties, no injuries and no deaths all mean no one was killed
            if not (match.groups() and match.group(1).split()[-1] in _ZERO_KILLED_WORDS):
                injured = True
    return spans, killed, injured


_RANGE_TO = {"en": re.compile(r"\s*(?:-|–|to)\s*"), "ar": re.compile(r"\s*(?:-|–|الي|حتي)\s*")}
_RANGE_AND = {"en": re.compile(r"\s+and\s+"), "ar": re.compile(r"\s*و\s*")}
_RANGE_BETWEEN = {"en": re.compile(r"(?<!\w)between\s+$"), "ar": re.compile(r"(?<!\w)(?:ما\s+)?بين\s+$")}


def _ranges(folded, quantities, language):
    """Return the quantities with "between 3 and 5" / "ما بين 3 و5" / "3 to 5" merged into ranges."""
    merged, index = [], 0
    while index < len(quantities):
        second = quantities[index + 1] if index + 1 < len(quantities) else None
        joined = second and _range(folded, quantities[index], second, language)
        merged.append(joined or quantities[index])
        index += 2 if joined else 1
    return merged


def _range(folded, first, second, language):
    """Return `first` and `second` as one range quantity if the text joins them as one, else None."""
    if first.value is None or second.value is None or first.value >= second.value:
        return None
    gap = folded[first.end : second.lead]
    window = max(0, first.lead - 12)
    between = _RANGE_BETWEEN[language].search(folded[window : first.lead])
    if between and _RANGE_AND[language].fullmatch(gap):
        lead = window + between.start()
    elif _RANGE_TO[language].fullmatch(gap):
        lead = first.lead
    else:
        return None
    return _Quantity(first.start, second.end, None, "range", lead, first.value, second.value)


def _word_after(folded, position):
    """Return (start, end, stem) of the word after `position`, clitics and article stripped, or None."""
    match = re.match(r"\s+([\w.'’-]+)", folded[position:])
    if not match:
        return None
    word = match.group(1)
    if not word.isascii():
        word = word.rstrip(".'’-")  # "مقتل أحدهم." ends a sentence; Latin abbreviations keep their points
    stems = [stem for _prefix, _article, stem in _arabic_splits(word)] if not word.isascii() else [word]
    return position + match.start(1), position + match.end(1), stems


def _vague_at(folded, position, language):
    """Return the low count of a vague quantity ("several", "العديد من") starting at `position`, or None."""
    text = folded[position:]
    for phrase, low in _VAGUE[language].items():
        clitics = r"(?:[وبل]?(?:ال)?)?" if language == "ar" else ""
        pattern = rf"\s*{clitics}{re.escape(phrase)}(?!\w)"
        if re.match(pattern, text):
            return low
    return None


def _noun_count(stems, language):
    """Return Casualties(best=1) for a singular person noun, Casualties(low=2) for a plural one, else None."""
    if any(stem in _PERSON_SINGULAR[language] for stem in stems):
        return Casualties(best=1)
    if any(stem in _PERSON_PLURAL[language] for stem in stems):
        return Casualties(low=2)
    return None


_NOT_PEOPLE = Casualties(low=-1)  # a sentinel: the figure after the word counts things ("إصابة 3 أهداف")


def _count_after(folded, keyword_end, quantities, language):
    """Return the figure that follows a casualty word ("killed five", "مقتل خمسة", "مقتل جندي"), or None."""
    for quantity in quantities:
        if quantity.lead < keyword_end:
            continue
        gap = folded[keyword_end : quantity.lead]
        # "قتل فيه ثلاثة", "أصيب خلاله خمسة": a pronoun adverb between the verb and its count
        allowed = r"\s*(?:(?:another|a total of|the|all|some)\s+)?" if language == "en" else r"\s*(?:(?:فيه|فيها|خلاله|خلالها|جراءه|جراءها)\s+)?"
        if not re.fullmatch(allowed, gap):
            break
        following = _word_after(folded, quantity.end)
        if following and any(stem in _THINGS[language] for stem in following[2]):
            return _NOT_PEOPLE
        return quantity.casualties()
    vague = _vague_at(folded, keyword_end, language)
    if vague:
        return Casualties(low=vague)
    if language == "ar":
        following = _word_after(folded, keyword_end)
        count = _noun_count(following[2], language) if following else None
        if count is not None and count.best == 1:
            return _number_after_noun(folded, following[1], quantities) or _with_companion(folded, following[1], count, language)
        return count
    count = _english_object(folded, keyword_end)
    if count is not None and count.best == 1:
        return _with_companion(folded, keyword_end, count, language)
    return count


def _number_after_noun(folded, noun_end, quantities):
    """Return the figure of a number after its Arabic noun ("جندي عراقي واحد على الأقل"), or None."""
    for quantity in quantities:
        if quantity.lead >= noun_end:
            gap = folded[noun_end : quantity.lead]
            if quantity.value == 1 and re.fullmatch(r"(?:\s+[^\s\d.،,؛;:()]+){0,2}\s+", gap):
                return quantity.casualties()
            return None
    return None


# Who is named with one victim and dies or is hurt with them: "the commander and his driver", "ومرافقه".
_COMPANIONS = {
    "en": re.compile(r"\band\s+(?:his|her)\s+(?:driver|bodyguard|guard|son|brother|companion|aide|escort|"
                     r"deputy|assistant|wife|husband)\b"),
    "ar": re.compile(r"(?<!\w)و(?:مرافق|سائق|نجل|ابن|شقيق|حارس|مساعد|زوج|زوجت|نائب)(?:ه|ها)(?!\w)"),
}
_COMPANIONS_PLURAL = {
    "en": re.compile(r"\band\s+(?:his|her)\s+(?:bodyguards|guards|sons|brothers|companions|aides|escorts)\b"),
    "ar": re.compile(r"(?<!\w)و(?:مرافقي|مرافقو|حراس|ابناء|اشقاء|مساعدي)(?:ه|ها)(?!\w)"),
}


def _with_companion(folded, noun_end, count, language):
    """Return `count` (one person) plus the companion named with them in the same clause, if any."""
    clause = re.match(r"[^.،,؛;]{0,120}", folded[noun_end:]).group()
    if _COMPANIONS_PLURAL[language].search(clause):
        return Casualties(low=3)
    if _COMPANIONS[language].search(clause):
        return Casualties(best=2)
    return count


def _english_object(folded, keyword_end):
    """Return the count an English object implies: "killed a soldier" → 1, "killed two soldiers" handled before."""
    words = re.findall(r"[\w.'’-]+|[^\w\s]", folded[keyword_end : keyword_end + 80])
    if not words or words[0] in _EN_FUNCTION_WORDS:
        return None
    singular_article = words[0] in ("a", "an", "one", "another")
    for word in words[:4]:
        if not re.match(r"\w", word) or word in _EN_FUNCTION_WORDS or word in _THINGS["en"]:
            return None
        count = _noun_count([word], "en")
        if count is not None:
            if count.best == 1 and not singular_article and words[0] not in ("the", "its", "his", "their", "her"):
                return None
            return count
    return None


def _count_before(folded, keyword_start, quantities, language):
    """Return the figure that precedes a casualty word ("five were killed", "٣ قتلى"), or None."""
    preceding = [quantity for quantity in quantities if quantity.end <= keyword_start]
    if preceding:
        quantity = preceding[-1]
        gap = folded[quantity.end : keyword_start]
        if _before_gap_ok(gap, language):
            return quantity.casualties()
    if language == "en":
        return _english_subject(folded, keyword_start)
    return None


# A remark about the victims set off by commas between the figure and its verb.
_EN_PARENTHETICAL = re.compile(
    r",\s*(?:among\s+them|including|most\s+of\s+them|many\s+of\s+them|some\s+of\s+them|all\s+of\s+them|mostly)\b[^,]{0,60},"
)


def _before_gap_ok(gap, language):
    """Return whether the words between a figure and its casualty word keep them together."""
    if language == "ar":
        return re.fullmatch(r"\s*(?:من\s+)?", gap) is not None
    gap = _EN_PARENTHETICAL.sub(" ", gap)  # "Sixteen people, among them civilians, were killed"
    words = re.findall(r"[\w.'’-]+|[^\w\s]", gap)
    partitive = len(words) > 2 and words[1] == "of"  # "one member of the Iraqi security forces was killed"
    if len(words) > (8 if partitive else 6):
        return False
    for word in words:
        if not re.match(r"\w", word) or word in _THINGS["en"] or word in ("and", "or", "but", "who", "which"):
            return False
        if any(keyword.pattern.fullmatch(word) for keyword in _KEYWORDS["en"]):
            return False
    return True


def _english_subject(folded, keyword_start):
    """Return the count of an English subject with no figure: "a soldier was killed" → 1, "soldiers were" → ≥2."""
    words = re.findall(r"[\w.'’-]+|[^\w\s]", folded[max(0, keyword_start - 80) : keyword_start])
    auxiliaries = 0
    while words and words[-1] in _EN_AUXILIARIES:
        words.pop()
        auxiliaries += 1
    if not words or not auxiliaries:
        return None
    if words[-1] in _VAGUE["en"]:
        return Casualties(low=_VAGUE["en"][words[-1]])
    count = _noun_count([words[-1]], "en")
    if count is not None and count.best == 1 and not (set(words[-5:-1]) & {"a", "an", "one", "the"}):
        return None
    return count


def _count_toll(folded, keyword_end, quantities):
    """Return the figure a toll reaches ("the death toll rose to 12", "ارتفعت الحصيلة إلى 12"), or None."""
    for quantity in quantities:
        if quantity.lead >= keyword_end:
            gap = folded[keyword_end : quantity.lead]
            if re.search(r"[.،,؛;]", gap) or len(gap.split()) > 6:
                return None
            if not re.search(r"(?<!\w)(?:to|at|of|reached|hit|الي|بلغت|بلغ|وصلت)\s*$", gap):
                return None
            return quantity.casualties()
    return None


def _rank(casualties):
    """Return how much a figure says, to prefer a stated count over a vague or bare one."""
    if casualties.best is not None and (casualties.low is None or casualties.low == casualties.best):
        return (3, casualties.best)
    if casualties.low is not None and casualties.high is not None:
        return (3, casualties.high)
    if casualties.high is not None or casualties.best is not None:
        return (3, casualties.best or casualties.high)
    return (1, casualties.low or 0)


# A victim and a companion in the subject or after the verb: "a commander and one of his aides were killed",
# "died along with a companion", "قتل القيادي وأحد مرافقيه".
_SUBJECT_WITH_COMPANION = {
    "en": re.compile(r"\b(?:a|an|the)\s+(?:[\w.'’-]+\s+){0,10}?and\s+one\s+of\s+(?:his|her)\s+[\w-]+\s+"
                     r"(?:were|was|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$"),
    "ar": re.compile(r"(?!)"),
}
_AFTER_WITH_COMPANION = {
    "en": re.compile(r"^\s+(?:along\s+|together\s+)?with\s+(?:a|one|his|her)\s+(?:companion|aide|bodyguard|guard|driver|"
                     r"escort|son|brother|deputy|assistant)\b"),
    "ar": re.compile(r"^\s+(?:\S+\s+){0,3}?(?:و|مع\s+)احد\s+(?:مرافقي|حراس|مساعدي|عناصر\s+حمايت)(?:ه|ها)(?!\w)"),
}


_AR_PLURAL_VERB = re.compile(r"[وف]?(?:قتلوا|قتلا|اصيبوا|اصيبا|جرحوا|جرحا)")


def _subject_count_ar(folded, verb_start, quantities):
    """Return the figure of an Arabic subject right before its verb (a number and its noun phrase, no clause break)."""
    preceding = [q for q in quantities if q.end <= verb_start]
    if not preceding:
        return None
    quantity = preceding[-1]
    gap = folded[quantity.end : verb_start]
    if re.search(r"[.،,؛;:]", gap) or len(gap.split()) > 6:
        return None
    return quantity.casualties()


def _keyword_count(folded, match, keyword, quantities, language):
    """Return the figure one casualty word reports, or None when it reports none."""
    if _SUBJECT_WITH_COMPANION[language].search(folded[max(0, match.start() - 160) : match.start()]):
        return Casualties(best=2)
    if _AFTER_WITH_COMPANION[language].match(folded[match.end() : match.end() + 80]):
        return Casualties(best=2)
    if keyword.mode == "toll":
        return _count_toll(folded, match.end(), quantities)
    if keyword.mode == "before":
        if language == "ar" and re.search(r"(?<!\w)بين\s+$", folded[: match.start()]):
            return None  # "عشرة بين قتيل وجريح" counts both together
        return _count_before(folded, match.start(), quantities, language) or keyword.bare
    after = _count_after(folded, match.end(), quantities, language)
    if after is _NOT_PEOPLE:
        return None
    if after is None and language == "ar" and _AR_PLURAL_VERB.fullmatch(match.group()):
        before = _subject_count_ar(folded, match.start(), quantities)
        if before is not None:
            return before  # "ثلاثة عناصر من الحشد الشعبي قتلوا": the subject before its plural verb
    if after is not None or keyword.mode == "after":
        return after or keyword.bare
    return _count_before(folded, match.start(), quantities, language) or keyword.bare


# Where one clause of a sentence ends and another, with its own subject, may begin.
_CLAUSE_BREAK = {
    "en": re.compile(r"[,;]|\b(?:and|while|but|whereas)\b"),
    "ar": re.compile(r"[،,؛;]|(?<!\w)(?:كما|فيما|بينما|في\s+حين)(?!\w)"),
}


def _sentence_figure(folded, found, language):
    """Return the sentence's figure from (figure, position) pairs: the one that says most.

    A count beside an uncounted group in another clause ("several personnel were evaluated for
    injuries and one soldier was wounded") counts only some of the victims: it is a lower bound.
    """
    if not found:
        return None
    figure, position = max(found, key=lambda pair: _rank(pair[0]))
    if not figure.best or figure.low is not None or figure.high is not None:
        return figure
    for other, other_position in found:
        if other.best is not None or other.high is not None or not other.low:
            continue
        first, last = sorted((position, other_position))
        if not _CLAUSE_BREAK[language].search(folded[first:last]):
            continue
        if _names_a_group(_clause_at(folded, other_position, language), language):
            return Casualties(low=figure.best)
    return figure


def _clause_at(folded, position, language):
    """Return the clause of `folded` that holds `position`."""
    start = end = None
    for match in _CLAUSE_BREAK[language].finditer(folded):
        if match.end() <= position:
            start = match.end()
        elif match.start() > position:
            end = match.start()
            break
    return folded[start or 0 : end if end is not None else len(folded)]


def _names_a_group(clause, language):
    """Return whether a clause names people of unstated number ("several U.S. personnel", "عدد من الأفراد")."""
    words = re.findall(r"[\w.'’-]+", clause)
    for index, word in enumerate(words):
        stems = [word] if word.isascii() else [stem for _p, _a, stem in _arabic_splits(word)]
        if any(stem in _PERSON_PLURAL[language] for stem in stems):
            return True
        if _vague_at(" " + " ".join(words[index:]), 0, language) and index + 1 < len(words):
            return True
    return False


def find_casualties(sentence, language):
    """Return (killed, injured) figures stated in `sentence`, per the module's conventions."""
    folded = fold(sentence)
    quantities = _ranges(folded, _quantities(folded, language), language)
    zero_spans, killed_zero, injured_zero = _zeroes(folded, language)
    found = {_KILLED: [], _INJURED: []}
    hypothetical = _EN_HYPOTHETICAL if language == "en" else _AR_HYPOTHETICAL
    for keyword in _KEYWORDS[language]:
        for match in keyword.pattern.finditer(folded):
            if any(start <= match.start() < end for start, end in zero_spans):
                continue
            if hypothetical.search(folded[max(0, match.start() - 60) : match.start()]):
                continue
            count = _keyword_count(folded, match, keyword, quantities, language)
            if count is not None:
                found[keyword.kind].append((count, match.start()))
    killed = _sentence_figure(folded, found[_KILLED], language)
    injured = _sentence_figure(folded, found[_INJURED], language)
    return (
        killed or (Casualties(best=0) if killed_zero else Casualties()),
        injured or (Casualties(best=0) if injured_zero else Casualties()),
    )
