"""Normalize Arabic (and Latin) text for matching names; never for display or storage."""
import re
import unicodedata

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
