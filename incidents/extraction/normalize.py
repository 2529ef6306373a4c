"""Normalize Arabic (and Latin) text for matching names; never for display or storage."""
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",  # Persian/Kurdish keheh
        "ی": "ي",  # Persian/Kurdish yeh
        "ۆ": "و",
        "ە": "ه",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    }
)
_PUNCTUATION = re.compile(r"[\"'`’‘“”«»()\[\]{}.,;:!?،؛؟\-–—_/]+")


def normalize_arabic(text):
    """Return `text` with Arabic diacritics, tatweel and letter variants folded, digits as ASCII."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_LETTER_MAP)


def match_key(name):
    """Return the key two spellings of one name share: folded, lower-cased, punctuation-free."""
    folded = normalize_arabic(name).casefold()
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def fold_with_offsets(text):
    """Return `text` folded for matching (as `normalize_arabic`, lower-cased) and each folded character's source index.

    Pattern matching runs on the folded text; the index list maps a match back to offsets in `text`, so
    evidence spans stay exact even where folding drops diacritics or expands a ligature.
    """
    folded, origins = [], []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char):
            if piece == _TATWEEL or _DIACRITICS.match(piece):
                continue
            for out in piece.translate(_LETTER_MAP).lower():
                folded.append(out)
                origins.append(index)
    return "".join(folded), origins


def fold(text):
    """Return `text` folded for matching, without the offset map."""
    return fold_with_offsets(text)[0]


def source_span(origins, start, end, length=None):
    """Return the (start, end) in the source text of the folded range `start:end`.

    The end takes in the diacritics that folding dropped after the last character (ثمانينَ, not
    ثمانين), up to the next kept character or `length`, the source text's length.
    """
    if end < len(origins):
        return origins[start], origins[end]
    return origins[start], length if length is not None else origins[end - 1] + 1


# --- Tokens, clitics and spelling variants, for matching names in running text ----------------

# Word characters: letters and digits, plus the Arabic marks and tatweel that sit inside words
# (Python's \w leaves the combining marks out, which would split a vocalised word in two).
_WORD_CHAR = r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])"
_TOKEN = re.compile(rf"(?:[A-Za-z]\.){{2,}}|{_WORD_CHAR}+(?:['’]{_WORD_CHAR}+)*")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_MARK_OR_TATWEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]")
# Letters normalize_arabic leaves alone: standalone hamza (كربلاء/كربلا), Persian and Kurdish letters
# that Iraqi and Kurdish outlets use (گ چ پ ڤ ژ ڕ ڵ ێ), and invisible direction and joiner marks.
_KEY_LETTERS = str.maketrans(
    {
        "ء": None, "گ": "ك", "ڪ": "ك", "چ": "ج", "پ": "ب", "ڤ": "ف", "ژ": "ز", "ڕ": "ر",
        "ڵ": "ل", "ێ": "ي", "ھ": "ه", "ہ": "ه", "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None,
    }
)
# Spellings the press uses interchangeably, folded to one (after normalize_arabic, so hamza is gone).
_SPELLINGS = (
    ("اميرك", "امريك"),  # أميركا / أمريكا, أميركية / أمريكية
    ("ميليشي", "مليشي"),  # الميليشيات / المليشيات
    ("بنتاجون", "بنتاغون"),
    ("كوردستان", "كردستان"),  # Kurdish spelling of Kurdistan
    ("كوردي", "كردي"),
    ("ديموقراط", "ديمقراط"),
)
_PROCLITIC_CONJUNCTIONS = "وف"
_PROCLITIC_PREPOSITIONS = "بلك"
_MIN_STEM = 3  # shorter "stems" are word fragments: بلد must not read as ب + لد
# Words whose first letter looks like a proclitic but is part of the word: cutting it would turn
# لبنان into the Syrian village بنان. Names in the gazetteer and actor lists are protected by the
# matchers themselves; this list covers well-known names and words outside them.
_NOT_CLITIC_WORDS = """
    لبنان ليبيا لندن لاهاي لوكسمبورغ لاتفيا ليتوانيا باريس برلين بروكسل بيروت بكين بريطانيا بلجيكا بلغاريا
    بولندا باكستان بنغلاديش البرازيل كندا كوريا كوبا كولومبيا كابل كينيا فرنسا فلسطين فنزويلا فنلندا فيينا
    فيتنام واشنطن وارسو بغداد بلد بعقوبه بابل بصره بيجي بعشيقه بادوش بلدروز بدره بنجوين بصري بانياس بنش
    كركوك كربلا كوت كفري كلار كويسنجق كوباني كسب فلوجه فاو بيان بين بعد بل لكن لم لن لقد ليس كان كل كما
    وزير وزارة وكالة والي وسط وقت ولاية فصائل فريق فجر فوق لجنة لقاء بيت بناء باب بحر برج بلدة
"""


def tokens(text):
    """Return the words of `text` as (token, start, end), offsets into `text` as given."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=100_000)
def token_key(token):
    """Return the key of one word: `match_key` folding plus hamza, Kurdish letters and spelling variants."""
    key = match_key(token).replace(" ", "").translate(_KEY_LETTERS)
    if _ARABIC_LETTER.search(key):
        for variant, canonical in _SPELLINGS:
            key = key.replace(variant, canonical)
    return key


_NOT_CLITIC = frozenset(token_key(word) for word in _NOT_CLITIC_WORDS.split())


def phrase_key(text):
    """Return the key of a phrase: its words' keys joined by spaces."""
    return " ".join(key for key in (token_key(token) for token, _, _ in tokens(text)) if key)


def is_arabic(word):
    """Return True if `word` contains an Arabic letter."""
    return bool(_ARABIC_LETTER.search(word))


class Reading(NamedTuple):
    """One way to read a word for matching: the key and the part of the word it covers."""

    key: str
    start: int  # characters cut from the front of the word (clitics)
    end: int  # end of the covered part, within the word
    clitics: str = ""  # the folded proclitics cut off, e.g. "وب"


@lru_cache(maxsize=100_000)
def readings(word):
    """Return the readings of `word`: itself first, then without proclitics (Arabic) or "'s" (English)."""
    whole = Reading(token_key(word), 0, len(word))
    if is_arabic(word):
        return (whole, *_clitic_readings(word, whole.key))
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return (whole, Reading(token_key(word[: -len(suffix)]), 0, len(word) - len(suffix)))
    return (whole,)


def strip_clitics(word):
    """Return the keys `word` may stand for once proclitics are cut: وبالأنبار → [..., 'الانبار']."""
    return [reading.key for reading in readings(word)]


def _clitic_readings(word, key):
    """Yield readings of an Arabic word key without و/ف, then without ب/ل/ك (لل reads as ل + ال)."""
    seen = {key}
    if key in _NOT_CLITIC:
        return
    for conjunction in ("", *_PROCLITIC_CONJUNCTIONS):
        if not key.startswith(conjunction):
            continue
        rest = key[len(conjunction) :]
        if conjunction:
            yield from _reading(word, rest, conjunction, seen)
        if rest[:1] and rest[0] in _PROCLITIC_PREPOSITIONS and rest not in _NOT_CLITIC:
            stem, clitics = rest[1:], conjunction + rest[0]
            if rest[0] == "ل" and stem.startswith("ل"):
                # للقوات is ل + القوات with the article's alef dropped: the covered text starts after
                # both lams ("قوات"), the key keeps the article.
                stem, clitics = "ا" + stem, clitics + "ل"
            yield from _reading(word, stem, clitics, seen)


def _reading(word, stem, clitics, seen):
    """Yield the reading of `stem` once, if it is long enough to be a word."""
    if len(stem) >= _MIN_STEM and stem not in seen:
        seen.add(stem)
        yield Reading(stem, _offset_after_letters(word, len(clitics)), len(word), clitics)


def _offset_after_letters(word, count):
    """Return the offset in `word` just after its first `count` letters and their marks."""
    seen = 0
    for index, char in enumerate(word):
        if _MARK_OR_TATWEEL.match(char):
            continue
        if seen == count:
            return index
        seen += 1
    return len(word)
