"""Dates in Arabic and English wire text, resolved against the publication date. Pure: no Django, no ORM.

Strict patterns decide what is a date; dateparser turns the calendar parts they capture into a date
(validating the day, resolving a missing year). Loose dateparser calls are never made on free text: it
reads "may", "sat" or الأحد anywhere as dates.

Resolution rules (`published` is the publication date):

- أمس / البارحة / "yesterday" / "last night" / "overnight" / الليلة الماضية → published − 1, day;
  أول أمس / "the day before yesterday" → published − 2; اليوم / "today" / "tonight" → published.
- A weekday ("on Sunday", الأحد, يوم الجمعة, ليلة الخميس) → the most recent such day on or before
  publication: wire copy says "on Friday" in a Friday story for that same day. "last Friday" /
  الجمعة الماضية → strictly before publication; "next" / المقبل / القادم → strictly after. ليلة الخميس
  is dated Thursday (news usage), although classical usage makes it Wednesday night.
- A day and month without a year ("Oct. 18", "الثامن من ديسمبر") → the most recent such date not
  after publication; with المقبل / "next" → the next one after it.
- A month without a day ("منتصف أكتوبر الماضي", "mid-October", "in March") → month precision over the
  whole month; without a year it is the most recent such month not after the publication month, and
  with الماضي / "last" the most recent one strictly before it.
- "last week" / الأسبوع الماضي → the ISO week (Monday to Sunday) before the publication week;
  "this week" → from that week's Monday to publication; likewise month and year.
- "three days ago" / قبل ثلاثة أيام / منذ يومين → published − n, in the unit's precision.
- Numeric dates are day/month/year in both languages (Arabic and British usage, and the region's own);
  when that reading is impossible and month/day is valid ("12/25/2023") the US reading is taken.
  ISO dates (2023-12-08) are read as ISO.
- `since` is True when "since" / منذ introduces the expression: the start of a period, not an event date.

An event the text places before another ("في أعقاب مقتل …", "following a U.S. strike", "after",
"بعد", "ردًا على") must not inherit the later event's date: `precedes_marker` tells whether an event
lies in such a clause, and `event_date` given the text and the event's span dates it only from a date
inside its own clause, so with none it returns None and the event builder leaves the date open
(date None) rather than inventing a range.
"""
import bisect
import calendar
import functools
import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

import dateparser

from .event_families import on
from .normalize import fold, fold_with_offsets, source_span
from .numbers import parse_number
from .types import DateMention, Span

DAY, WEEK, MONTH, YEAR, RANGE = "day", "week", "month", "year", "range"
_PRECISION_ORDER = {DAY: 0, RANGE: 1, WEEK: 2, MONTH: 3, YEAR: 4}


def _alternation(words):
    """Return a regex alternation of folded phrases, longest first, spaces matching any whitespace."""
    phrases = sorted({fold(word) for word in words}, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)


# A word's start, letting the conjunction و/ف stay outside the match: "وأمس" is matched as أمس.
_AR_START = r"(?:(?<!\w)|(?<=(?<!\w)[وف]))"

# --- Vocabulary ---------------------------------------------------------------------------------

_AR_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "كانون ثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10,
    "تشرين الأول": 10, "تشرين أول": 10, "نوفمبر": 11, "تشرين الثاني": 11, "تشرين ثاني": 11,
    "ديسمبر": 12, "كانون الأول": 12, "كانون أول": 12,
}
# Spelled out rather than taken from calendar.month_name, which follows the process locale.
_EN_MONTH_NAMES = (
    "january february march april may june july august september october november december".split()
)
_EN_FULL_MONTHS = {name: index for index, name in enumerate(_EN_MONTH_NAMES, start=1)}
_EN_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_EN_MONTHS = {**_EN_FULL_MONTHS, **_EN_ABBREVIATIONS}
_MONTH_LOOKUP = {fold(name): number for name, number in {**_AR_MONTHS, **_EN_MONTHS}.items()}
# آب folds to اب, "father": alone after a preposition it needs a day, a year, الماضي or منتصف to be
# August. Other names take any of those or a preposition ("في مارس": a verb cannot follow في).
_NEED_DAY_OR_YEAR = {fold("آب")}

_AR_MONTH_PATTERN = re.compile(rf"{_AR_START}(?:شهر\s+)?({_alternation(_AR_MONTHS)})(?!\w)")
_EN_MONTH_PATTERN = re.compile(rf"(?<![\w.])({_alternation(_EN_MONTHS)})(?!\w)")

_AR_WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
}
_EN_WEEKDAYS = {
    name: index for index, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}
_WEEKDAY_LOOKUP = {fold(name): number for name, number in {**_AR_WEEKDAYS, **_EN_WEEKDAYS}.items()}

_AR_DAYPART = _alternation("يوم ليلة ليل صباح مساء فجر ظهر عصر ظهيرة نهار".split() + ["منتصف ليلة", "منتصف ليل"])
_AR_PAST = _alternation("الماضي الماضية المنصرم المنصرمة الفائت الفائتة".split())
_AR_NEXT = _alternation("المقبل المقبلة القادم القادمة".split())
_AR_CURRENT = _alternation("الجاري الجارية الحالي الحالية".split())
_AR_MONTH_PARTS = _alternation("منتصف أواسط مطلع أوائل بداية بدايات أواخر نهاية آخر".split())
# "منذ الـ 26 من الشهر الماضي": the article written apart before a number (الـ, folded ال) still follows منذ.
_SINCE = re.compile(rf"{_AR_START}(?:منذ(?:\s+ال)?|since(?:\s+the)?|ever\s+since(?:\s+the)?)\s+$")

# "خطيب الجمعة" is a title and "Good Friday" a feast, not the day of an event.
_WEEKDAY_EXCLUDED_BEFORE = re.compile(
    rf"(?<!\w)(?:{_alternation(['خطيب', 'إمام', 'أئمة'])}|good|black|bloody|palm|easter|holy|super|cyber)\s+$"
)


# Pairs of kinds where the second restates the first's day: "أمس الجمعة", "Sunday, Dec. 10".
_RESTATEMENTS = {("relative", "weekday"), ("weekday", "calendar"), ("relative", "calendar")}


class _Candidate(NamedTuple):
    """A date found in folded text, before overlaps are settled."""

    start: int
    end: int
    first: date
    last: date
    precision: str
    relative: bool
    since: bool
    kind: str  # relative (أمس, today), weekday, calendar


# --- Helpers ------------------------------------------------------------------------------------


def _weekday_date(published, weekday, direction):
    """Return `weekday`'s date: on or before `published` (""), strictly before ("past") or after ("next")."""
    back = (published.weekday() - weekday) % 7
    if direction == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _month_bounds(year, month):
    """Return the first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_year(published, month, direction):
    """Return the year of a month named without one: latest not after publication, or as `direction` says."""
    if direction == "next":
        return published.year if month > published.month else published.year + 1
    if direction == "past":
        return published.year if month < published.month else published.year - 1
    return published.year if month <= published.month else published.year - 1


def _calendar_date(day, month, year, published, direction=""):
    """Return the date for day and month (and year), via dateparser; None if there is no such date."""
    text = f"{day} {_EN_MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future" if direction == "next" else "past",
        "REQUIRE_PARTS": ["day", "month"] + (["year"] if year else []),
        "STRICT_PARSING": bool(year),
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _numeric_date(text):
    """Return the date a numeric d/m/y (or, if impossible, m/d/y) or ISO date names, via dateparser."""
    settings = {"DATE_ORDER": "YMD" if re.match(r"\d{4}", text) else "DMY", "STRICT_PARSING": True}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _year_of(text):
    """Return a four-digit year in `text` as an int, or a two-digit one in this century."""
    return int(text) if len(text) == 4 else 2000 + int(text)


class _Finder:
    """Collect date candidates in one text; `mentions()` returns them without overlaps."""

    def __init__(self, text, published, language, folding=None):
        self.text, self.published, self.language = text, published, language
        self.folded, self.origins = folding or fold_with_offsets(text)
        self.candidates = []

    def add(self, start, end, first, last, precision, relative, since=None, kind="calendar"):
        """Record a candidate over folded[start:end]; `since` defaults to whether since/منذ precedes it."""
        if first is None:
            return
        if since is None:
            window_start = max(0, start - 20)
            found = _SINCE.search(self.folded[window_start:start])
            since = bool(found)
            if found:
                start = window_start + found.start()
        self.candidates.append(_Candidate(start, end, first, last, precision, relative, since, kind))

    def mentions(self):
        """Return the candidates as DateMentions, longest first where they overlap, in text order."""
        kept = []
        for candidate in sorted(self.candidates, key=lambda c: (c.start - c.end, c.start)):
            if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
                kept.append(candidate)
        mentions = []
        for candidate in self._merge_named_twice(sorted(kept, key=lambda c: c.start)):
            start, end = source_span(self.origins, candidate.start, candidate.end, len(self.text))
            mentions.append(
                DateMention(
                    Span(start, end), candidate.first, candidate.last, candidate.precision, self.text[start:end],
                    candidate.relative, candidate.since,
                )
            )
        return mentions

    def _merge_named_twice(self, candidates):
        """Return `candidates` with a day named twice ("Sunday, Dec. 10", "أمس الجمعة") as one.

        The calendar date wins over the weekday, since it does not depend on the publication date
        being right; a weekday wins over "yesterday" for the same reason.
        """
        merged = []
        for candidate in candidates:
            previous = merged[-1] if merged else None
            if previous and self._names_same_day(previous, candidate):
                merged[-1] = candidate._replace(start=previous.start, since=previous.since or candidate.since)
                continue
            merged.append(candidate)
        return merged

    def _names_same_day(self, previous, candidate):
        """Return whether `candidate` restates the day `previous` names, right after it."""
        if previous.precision != DAY or candidate.precision != DAY:
            return False
        if (previous.kind, candidate.kind) not in _RESTATEMENTS:
            return False
        gap = self.folded[previous.end : candidate.start]
        return bool(re.fullmatch(r"[\s,،(]*(?:الموافق\s*)?", gap)) and self.folded[candidate.start] not in "وف"

    def is_capitalised(self, start):
        """Return whether the source character at folded index `start` is upper case."""
        return self.text[self.origins[start]].isupper()


# --- Patterns: relative words -------------------------------------------------------------------

_AR_RELATIVE_DAYS = [
    (re.compile(rf"(?<!\w)(?:(?:{_AR_DAYPART})\s+)?(?:اول\s+(?:من\s+)?امس|قبل\s+امس)(?!\w)"), -2),
    (re.compile(rf"{_AR_START}(?:(?:{_AR_DAYPART})\s+)?(?:(?:ب)?ال)?(?:امس|بارحه)(?!\w)"), -1),
    (re.compile(rf"(?<!\w)(?:الليله|ليله)\s+(?:{_AR_PAST})(?!\w)"), -1),
    (re.compile(rf"{_AR_START}(?:(?:{_AR_DAYPART})\s+)?اليوم(?!\w)(?!\s+(?:التالي|السابق|الاول|الثاني|الثالث"
                r"|الاخير|نفسه|ذاته|الواحد|العالمي|الوطني|الدولي|المحدد))"), 0),
    (re.compile(rf"{_AR_START}غدا(?!\w)"), 1),
]
_EN_RELATIVE_DAYS = [
    (re.compile(r"\bthe\s+day\s+before\s+yesterday\b"), -2),
    (re.compile(r"\b(?:(?:early|late)\s+)?yesterday\b"), -1),
    (re.compile(r"\b(?:last\s+night|overnight)\b"), -1),
    (re.compile(r"\b(?:(?:early|late|earlier|later)\s+)?(?:today|tonight)\b"), 0),
    (re.compile(r"\btomorrow\b"), 1),
]
_PERIOD_WORDS = {
    "ar": [
        (rf"(?:ال)?اسبوع\s+(?:{_AR_PAST})", WEEK, -1), (rf"(?:هذا\s+الاسبوع|الاسبوع\s+(?:{_AR_CURRENT}))", WEEK, 0),
        (rf"(?:ال)?شهر\s+(?:{_AR_PAST})", MONTH, -1), (rf"(?:هذا\s+الشهر|الشهر\s+(?:{_AR_CURRENT}))", MONTH, 0),
        (rf"(?:العام|السنه)\s+(?:{_AR_PAST})", YEAR, -1),
        (rf"(?:هذا\s+العام|هذه\s+السنه|(?:العام|السنه)\s+(?:{_AR_CURRENT}))", YEAR, 0),
    ],
    "en": [
        (r"last\s+week", WEEK, -1), (r"(?:earlier\s+)?this\s+week", WEEK, 0),
        (r"last\s+month", MONTH, -1), (r"(?:earlier\s+)?this\s+month", MONTH, 0),
        (r"last\s+year", YEAR, -1), (r"(?:earlier\s+)?this\s+year", YEAR, 0),
    ],
}
_AGO = {
    "ar": re.compile(
        rf"{_AR_START}(?P<word>قبل|منذ)\s+(?:(?P<count>[^\s.،,]+(?:\s+[^\s.،,]+)?)\s+)?"
        r"(?P<unit>ايام|يوما|يومين|يوم|اسابيع|اسبوعين|اسبوع|اشهر|شهور|شهرين|شهر|اعوام|سنوات|عامين|عام|سنه|سنتين)(?!\w)"
    ),
    "en": re.compile(r"\b(?P<count>[\w-]+)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"),
}
_AGO_UNITS = {
    "ايام": DAY, "يوما": DAY, "يومين": DAY, "يوم": DAY, "day": DAY, "days": DAY,
    "اسابيع": WEEK, "اسبوعين": WEEK, "اسبوع": WEEK, "week": WEEK, "weeks": WEEK,
    "اشهر": MONTH, "شهور": MONTH, "شهرين": MONTH, "شهر": MONTH, "month": MONTH, "months": MONTH,
    "اعوام": YEAR, "سنوات": YEAR, "عامين": YEAR, "عام": YEAR, "سنه": YEAR, "سنتين": YEAR, "year": YEAR, "years": YEAR,
}
# "قبل يومين من الانتخابات" counts from another event; "منذ عام 2003", "منذ يوم الجمعة" name a date.
_AGO_NOT_FROM_NOW = re.compile(rf"\s+(?:\d|من(?!\w)|ال|[وف]?(?:{_alternation(_AR_MONTHS)})(?!\w))")
_AGO_DUALS = {"يومين", "اسبوعين", "شهرين", "عامين", "سنتين"}


def _relative_days(finder):
    """Add yesterday / أمس / today / tomorrow and their kin."""
    patterns = _AR_RELATIVE_DAYS if finder.language == "ar" else _EN_RELATIVE_DAYS
    for pattern, offset in patterns:
        for match in pattern.finditer(finder.folded):
            day = finder.published + timedelta(days=offset)
            finder.add(match.start(), match.end(), day, day, DAY, True, kind="relative")


def _period_bounds(published, precision, offset):
    """Return the first and last day of the week, month or year `offset` periods from publication."""
    if precision == WEEK:
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday, min(monday + timedelta(days=6), published) if offset == 0 else monday + timedelta(days=6)
    if precision == MONTH:
        year, month = divmod(published.year * 12 + published.month - 1 + offset, 12)
        first, last = _month_bounds(year, month + 1)
        return first, min(last, published) if offset == 0 else last
    first, last = date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)
    return first, min(last, published) if offset == 0 else last


def _periods(finder):
    """Add "last week" / الأسبوع الماضي / this month / last year."""
    prefix = rf"{_AR_START}(?:(?:خلال|في|مطلع|منتصف|اواخر|بدايه|نهايه)\s+)?" if finder.language == "ar" else r"\b"
    for pattern, precision, offset in _PERIOD_WORDS[finder.language]:
        for match in re.finditer(rf"{prefix}(?:{pattern})(?!\w)", finder.folded):
            first, last = _period_bounds(finder.published, precision, offset)
            if precision == MONTH and finder.language == "ar" and _day_of_month(finder, match, first):
                continue
            finder.add(match.start(), match.end(), first, last, precision, True)


def _day_of_month(finder, match, first):
    """Add "السابع من الشهر الجاري" / "في 7 من الشهر الماضي" as a day; return whether there was one."""
    before = finder.folded[max(0, match.start() - 60) : match.start()]
    day, day_start = _arabic_day_before(before, match.start())
    if day is None or not re.search(r"من\s+$", before):
        return False
    found = _calendar_date(day, first.month, first.year, finder.published)
    finder.add(day_start, match.end(), found, found, DAY, True)
    return found is not None


def _ago(finder):
    """Add "three days ago" / قبل ثلاثة أيام / منذ يومين."""
    for match in _AGO[finder.language].finditer(finder.folded):
        if finder.language == "ar" and _AGO_NOT_FROM_NOW.match(finder.folded, match.end()):
            continue
        unit = match.group("unit")
        count = match.group("count")
        if unit in _AGO_DUALS:
            if count:
                continue
            number = 2
        elif count:
            number = parse_number(count, finder.language) or (1 if count in ("a", "an") else None)
        else:
            number = 1
        if not number:
            continue
        precision = _AGO_UNITS[unit]
        days = {DAY: 1, WEEK: 7, MONTH: 30, YEAR: 365}[precision] * number
        day = finder.published - timedelta(days=days)
        since = finder.language == "ar" and match.group("word") == "منذ"
        start = match.start() if finder.language == "en" or since else match.start("word")
        if precision == DAY:
            finder.add(start, match.end(), day, day, DAY, True, since)
        elif precision == WEEK:
            monday = day - timedelta(days=day.weekday())
            finder.add(start, match.end(), monday, monday + timedelta(days=6), WEEK, True, since)
        elif precision == MONTH:
            first, last = _month_bounds(day.year, day.month)
            finder.add(start, match.end(), first, last, MONTH, True, since)
        else:
            finder.add(start, match.end(), date(day.year, 1, 1), date(day.year, 12, 31), YEAR, True, since)


# --- Patterns: weekdays -------------------------------------------------------------------------

_AR_WEEKDAY_PATTERN = re.compile(
    rf"{_AR_START}(?:(?P<part>{_AR_DAYPART})\s+)?(?P<day>{_alternation(_AR_WEEKDAYS)})(?!\w)"
    rf"(?:\s+(?:(?P<past>{_AR_PAST})|(?P<next>{_AR_NEXT}))(?!\w))?"
)
_EN_WEEKDAY_PATTERN = re.compile(
    rf"\b(?:(?P<rel>last|next|this|on|early|late)\s+)?(?P<day>{_alternation(_EN_WEEKDAYS)})\b"
    r"(?:\s+(?:night|morning|evening|afternoon))?"
)


def _weekdays(finder):
    """Add weekday names: "on Sunday", الأحد, يوم الجمعة الماضي, ليلة الخميس."""
    pattern = _AR_WEEKDAY_PATTERN if finder.language == "ar" else _EN_WEEKDAY_PATTERN
    for match in pattern.finditer(finder.folded):
        name = match.group("day")
        if _WEEKDAY_EXCLUDED_BEFORE.search(finder.folded[max(0, match.start() - 12) : match.start()]):
            continue
        if finder.language == "en":
            if not finder.is_capitalised(match.start("day")):
                continue
            direction = {"last": "past", "next": "next"}.get(match.group("rel") or "", "")
        else:
            if name == fold("الاثنين") and not _monday_in_context(finder.folded, match):
                continue  # الاثنين alone is also "the two"
            direction = "past" if match.group("past") else "next" if match.group("next") else ""
        day = _weekday_date(finder.published, _WEEKDAY_LOOKUP[name], direction)
        finder.add(match.start(), match.end(), day, day, DAY, True, kind="weekday")


# A night named by the two days it joins: "ليل السبت/الأحد", "منتصف ليل الجمعة- السبت", "overnight Friday into
# Saturday", "Friday-Saturday night". Coders date it over both days; after midnight ("بعد منتصف ليل الاثنين/
# الثلاثاء", "after midnight on Monday-Tuesday night") it is the second day.
_AR_NIGHT_SPAN = re.compile(
    rf"{_AR_START}(?P<after>بعد\s+)?(?:منتصف\s+)?(?:ليل|ليله)\s+(?P<first>{_alternation(_AR_WEEKDAYS)})"
    rf"\s*(?:[/\-–—]|علي|الي)\s*(?P<second>{_alternation(_AR_WEEKDAYS)})(?!\w)"
)
_EN_NIGHT_SPAN = re.compile(
    rf"\b(?P<after>after\s+midnight\s+(?:on\s+)?)?(?:(?:overnight|late)\s+(?:on\s+|from\s+)?|the\s+night\s+of\s+)?"
    rf"(?P<first>{_alternation(_EN_WEEKDAYS)})(?:\s+night)?\s*(?:[/\-–—]|\s(?:into|to)\s)\s*"
    rf"(?P<second>{_alternation(_EN_WEEKDAYS)})(?:\s+night)?\b"
)


def _night_spans(finder):
    """Add nights named by two consecutive weekdays: both days, or the second after midnight (family night_span)."""
    if not on("night_span"):
        return
    pattern = _AR_NIGHT_SPAN if finder.language == "ar" else _EN_NIGHT_SPAN
    for match in pattern.finditer(finder.folded):
        first, second = _WEEKDAY_LOOKUP[match.group("first")], _WEEKDAY_LOOKUP[match.group("second")]
        if (first + 1) % 7 != second:
            continue  # "Friday to Sunday" is a period, not one night
        if finder.language == "en" and not (
            match.group("after") or "night" in match.group(0) or re.match(r"(?:overnight|late)", match.group(0))
        ):
            continue  # "Monday-Tuesday" alone names two days, not a night
        last = _weekday_date(finder.published, second, "")
        if match.group("after"):
            finder.add(match.start(), match.end(), last, last, DAY, True, kind="weekday")
        else:
            finder.add(match.start(), match.end(), last - timedelta(days=1), last, RANGE, True, kind="weekday")


def _monday_in_context(folded, match):
    """Return whether a bare الاثنين reads as Monday: after يوم/ليلة, before الماضي, or set off by commas."""
    if match.group("part") or match.group("past") or match.group("next"):
        return True
    before = folded[max(0, match.start() - 2) : match.start()]
    after = folded[match.end() : match.end() + 2]
    return "،" in before or "،" in after or "," in before or "," in after


# --- Patterns: calendar dates -------------------------------------------------------------------

_AR_YEAR_AFTER = re.compile(r"\s*(?:من\s+)?(?:(?:عام|العام|سنه|لعام)\s+)?(\d{4})(?!\d)")
_AR_RELATION = rf"(?:(?P<past>{_AR_PAST})|(?P<current>{_AR_CURRENT})|(?P<next>{_AR_NEXT}))(?!\w)"
_AR_YEAR_WORD_AFTER = re.compile(rf"\s+(?:من\s+)?(?:العام|السنه)\s+{_AR_RELATION}")
_AR_MONTH_RELATIVE_AFTER = re.compile(rf"\s+{_AR_RELATION}")
_AR_DAY_BEFORE = re.compile(r"(?<!\w)(?:يوم\s+|في\s+)?(\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?$")
_AR_ORDINAL_BEFORE = re.compile(r"((?:\S+\s+){0,2}\S+)\s+من\s+(?:شهر\s+)?$")
_AR_CONTEXT_BEFORE = re.compile(
    rf"(?<!\w)(?:(?P<part>{_AR_MONTH_PARTS})|[وف]?(?:في|منذ|خلال|حتي|شهر|مع|قبل|بعد|اوايل))\s+(?:شهر\s+)?$"
)

_EN_DAY_AFTER = re.compile(r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:/])(?:,?\s+(\d{4})(?!\d))?")
_EN_YEAR_AFTER = re.compile(r",?\s+(\d{4})(?![\d/])")
_EN_DAY_BEFORE = re.compile(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_EN_ORDINAL_BEFORE = re.compile(r"\b(?:the\s+)?((?:[a-z]+-)?[a-z]+)\s+of\s+$")
_EN_CONTEXT_BEFORE = re.compile(
    r"\b(?:(?P<part>mid|early|late|the\s+(?:end|beginning|start|middle)\s+of|end\s+of|beginning\s+of|start\s+of)"
    r"|(?P<rel>last|next|this)|in|since|during|until|through|by|from|of|before|after|between|and)[-\s]+$"
)


def _calendar(finder):
    """Add dates built on a month name: "Oct. 18", "18 October 2023", "الثامن من ديسمبر", "منتصف أكتوبر الماضي"."""
    pattern = _AR_MONTH_PATTERN if finder.language == "ar" else _EN_MONTH_PATTERN
    for match in pattern.finditer(finder.folded):
        name = " ".join(match.group(1).split())
        month = _MONTH_LOOKUP[name]
        if finder.language == "en":
            _english_month(finder, match, name, month)
        else:
            _arabic_month(finder, match, name, month)


def _arabic_month(finder, match, name, month):
    """Add the date an Arabic month name anchors, if its context makes it one."""
    folded, start, end = finder.folded, match.start(), match.end()
    before = folded[max(0, start - 60) : start]
    day, day_start = _arabic_day_before(before, start)
    year_match = _AR_YEAR_AFTER.match(folded, end)
    year = int(year_match.group(1)) if year_match else None
    if year_match:
        end = year_match.end()
    relative = _AR_MONTH_RELATIVE_AFTER.match(folded, end) if not year else None
    year_word = _AR_YEAR_WORD_AFTER.match(folded, end) if not year else None
    if relative:
        end = relative.end()
    if year_word:
        end = year_word.end()
        year = finder.published.year + (-1 if year_word.group("past") else 1 if year_word.group("next") else 0)
    context = _AR_CONTEXT_BEFORE.search(before)
    part = context.group("part") if context else None
    if day is None and year is None and not (relative or part or (context and name not in _NEED_DAY_OR_YEAR)):
        return
    direction = ""
    if relative:
        direction = "past" if relative.group("past") else "next" if relative.group("next") else "current"
    if day is not None:
        first = _calendar_date(day, month, year, finder.published, "next" if direction == "next" else "")
        finder.add(day_start, end, first, first, DAY, year is None)
        return
    month_start = start - (len(before) - context.start()) if part else start
    _add_month(finder, month_start, end, month, year, direction, part)


def _arabic_day_before(before, anchor):
    """Return (day, start) of a day number or ordinal word just before a month name, or (None, anchor)."""
    digits = _AR_DAY_BEFORE.search(before)
    if digits:
        return int(digits.group(1)), anchor - (len(before) - digits.start(1))
    words = _AR_ORDINAL_BEFORE.search(before)
    if not words:
        return None, anchor
    phrase = words.group(1).split()
    for size in range(len(phrase), 0, -1):
        value = parse_number(" ".join(phrase[-size:]), "ar", ordinal=True)
        if value and value <= 31:
            offset = len(" ".join(phrase[-size:]))
            phrase_end = anchor - (len(before) - words.end(1))
            return value, phrase_end - offset
    return None, anchor


def _english_month(finder, match, name, month):
    """Add the date an English month name anchors, if its context makes it one."""
    folded, start, end = finder.folded, match.start(), match.end()
    if not finder.is_capitalised(start):
        return  # "protesters march", "may"
    before = folded[max(0, start - 40) : start]
    day_after = _EN_DAY_AFTER.match(folded, end)
    day, year, day_start = None, None, start
    if day_after:
        day, end = int(day_after.group(1)), day_after.end()
        year = int(day_after.group(2)) if day_after.group(2) else None
    else:
        day, day_start = _english_day_before(before, start)
        year_after = _EN_YEAR_AFTER.match(folded, end)
        if year_after:
            year, end = int(year_after.group(1)), year_after.end()
        elif name not in _EN_FULL_MONTHS and folded[end : end + 1] == ".":
            end += 1  # "Oct." keeps its abbreviation point
    context = _EN_CONTEXT_BEFORE.search(before)
    abbreviated = name not in _EN_FULL_MONTHS
    if day is None and year is None and (abbreviated or not context):
        return
    if day is not None:
        first = _calendar_date(day, month, year, finder.published)
        finder.add(day_start, end, first, first, DAY, year is None)
        return
    rel = context.group("rel") if context else None
    direction = {"last": "past", "next": "next", "this": "current"}.get(rel or "", "")
    month_start = start - (len(before) - context.start()) if context and (context.group("part") or rel) else start
    _add_month(finder, month_start, end, month, year, direction, context.group("part") if context else None)


def _english_day_before(before, anchor):
    """Return (day, start) of "18 " / "the 18th of " / "the eighth of " before a month name, or (None, anchor)."""
    digits = _EN_DAY_BEFORE.search(before)
    if digits:
        return int(digits.group(1)), anchor - (len(before) - digits.start())
    words = _EN_ORDINAL_BEFORE.search(before)
    if words:
        value = parse_number(words.group(1), "en", ordinal=True)
        if value and value <= 31:
            return value, anchor - (len(before) - words.start())
    return None, anchor


# The third of a month a part word names (family month_part): "أوائل فبراير", "early July" → the 1st to the 10th;
# "منتصف", "mid-" → the 11th to the 20th; "أواخر", "late July", "the end of" → the 21st to the month's end.
_MONTH_THIRDS = (
    (re.compile(r"منتصف|اواسط|mid|middle"), 11, 20),
    (re.compile(r"مطلع|اوايل|بدايه|بدايات|early|beginning|start"), 1, 10),  # folded: أوائل → اوايل
    (re.compile(r"اواخر|نهايه|اخر|late|end"), 21, 31),
)


def _add_month(finder, start, end, month, year, direction, part=None):
    """Add a month-precision mention; a month without a year resolves toward publication. A part word ("early",
    أواخر) narrows it to that third of the month, as a range, unless it opens a period ("since mid-October")."""
    relative = year is None
    if year is None:
        year = finder.published.year if direction == "current" else _month_year(finder.published, month, direction)
    first, last = _month_bounds(year, month)
    since = bool(_SINCE.search(finder.folded[max(0, start - 20) : start]))
    if part and on("month_part") and not since:  # "منذ منتصف أكتوبر", "since mid-October": the campaign's month
        for pattern, low, high in _MONTH_THIRDS:
            if pattern.search(part):
                first, last = first.replace(day=low), last.replace(day=min(high, last.day))
                finder.add(start, end, first, last, RANGE, relative)
                return
    finder.add(start, end, first, last, MONTH, relative)


# --- Patterns: numbers-only dates and years -------------------------------------------------------

_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2}))(?![\d/.-]|\.\d)"
)
_YEAR = {
    "ar": re.compile(rf"{_AR_START}(?:(?:عام|العام|سنه|لعام|خلال\s+عام)\s+)(\d{{4}})(?!\d)"),
    "en": re.compile(r"\b(?:in|since|during|throughout|of|until|by|early|late|mid)[-\s]+(\d{4})(?![\d/-])"),
}


def _numeric(finder):
    """Add numeric dates (8/12/2023, 2023-12-08) and years named as such ("عام 2023", "in 2023")."""
    for match in _NUMERIC_DATE.finditer(finder.folded):
        day = _numeric_date(match.group())
        finder.add(match.start(), match.end(), day, day, DAY, False)
    for match in _YEAR[finder.language].finditer(finder.folded):
        year = int(match.group(1))
        if 1900 <= year <= finder.published.year + 1:
            start = match.start(1) if finder.language == "en" else match.start()
            finder.add(start, match.end(), date(year, 1, 1), date(year, 12, 31), YEAR, False)


# --- Public API ---------------------------------------------------------------------------------


def find_dates(text, published, language, folding=None):
    """Return the date expressions in `text`, resolved against the publication date, in text order.

    `folding` is `normalize.fold_with_offsets(text)` when the caller has it already (`article.Article`).
    """
    finder = _Finder(text, published, language, folding)
    for collect in (_calendar, _numeric, _relative_days, _weekdays, _night_spans, _periods, _ago):
        collect(finder)
    return finder.mentions()


# --- Which date an event takes ------------------------------------------------------------------

_AR_PRECEDES = (
    r"(?:في\s+اعقاب|علي\s+اثر|في\s+اثر|اعقاب|عقب|غداه|بعد|ردا\s+علي|علي\s+خلفيه|اثر|انتقاما\s+من)(?!\w)"
    r"|انتقاما\s+ل|ثارا\s+ل"  # a whole word each ("بعدة" is not "بعد"); ل is attached to what follows
)
_EN_PRECEDES = (
    r"in\s+the\s+wake\s+of|on\s+the\s+heels\s+of|in\s+(?:retaliation|response|revenge)\s+(?:for|to)|following|after"
)
_PRECEDES = re.compile(rf"(?:{_AR_START}(?:{_AR_PRECEDES})|\b(?:{_EN_PRECEDES})\b)")
# What makes a marker word something else: "بعد ذلك" (after that, of this sentence's own event),
# "فيما بعد", "بعد الظهر", "the following day", "after midnight", and بعد at a clause end ("not yet").
_NOT_PRECEDING_AFTER = re.compile(
    r"\s*(?:$|[.،,؛;:!?)]|(?:ذلك|قليل|الان|الظهر|ظهر|منتصف|الاخر|that|which|this|it|all|midnight|dark|noon|"
    r"day|week|month|year|morning|evening|statement)(?!\w))"
)
_NOT_PRECEDING_BEFORE = re.compile(r"(?:فيما|the)\s+$")
# Words before a leading marker that only measure the gap: "A day after", "Hours after", "بعد ساعات من".
_LEAD_IN = re.compile(
    r"^[\W_]*(?:(?:and|but|و|ف)\s*)?(?:(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+)?"
    r"(?:days?|hours?|weeks?|minutes?|months?|shortly|soon|just|only|moments?|barely)?\s*$"
)
# A comma followed by these continues the marker clause ("…, حينما كانوا يستعدون", "…, which …").
_SUBORDINATE = re.compile(
    r"\s*(?:الذي|التي|الذين|اللذين|اللتين|حيث|حينما|عندما|اثناء|لدي|who|which|that|when|where|as)(?!\w)"
)
# A comma or semicolon followed by these starts a new main clause after a trailing marker.
_NEW_CLAUSE = re.compile(r"\s*(?:and|but|while|whereas|meanwhile|لكن|بينما|فيما|في\s+حين|كما|و(?=\w))")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b[a-z]\.[a-z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Brig|Adm|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|St|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$"
)


# A full stop glued to the next Arabic word ("…2026”.واضاف") ends a sentence too, after a word of two letters or more.
_SENTENCE_END = re.compile(r"[.!?؟]+(?=[\s\"'”»)]|$)|(?<=[\w”»\"][\w”»\"])[.؟!](?=[\u0621-\u064a])|\n")


def sentence_span(text, position):
    """Return the span of the sentence of `text` holding `position`: up to . ! ? ؟ or a line break.

    The sentence ends before `position` are found once per text (`_sentence_ends`), so that asking for
    every sentence of a long text stays linear; only the stretch since the last of them is read again,
    as it would read up to `position` alone (a "." just before `position` ends a sentence there).
    """
    ends = _sentence_ends(text)
    start = ends[bisect.bisect_right(ends, position - 1) - 1] if ends and ends[0] <= position - 1 else 0
    for match in _SENTENCE_END.finditer(text, start, position):
        if _is_sentence_end(text, match):
            start = match.end()
    end = len(text)
    for match in _SENTENCE_END.finditer(text, position):
        if _is_sentence_end(text, match):
            end = match.end()
            break
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


@functools.lru_cache(maxsize=4)
def _sentence_ends(text):
    """Return the offsets where the sentences of `text` end, in order."""
    return [match.end() for match in _SENTENCE_END.finditer(text) if _is_sentence_end(text, match)]


def _is_sentence_end(text, match, offset=0):
    """Return whether a full stop ends a sentence rather than an abbreviation ("U.S.", "Oct.")."""
    if match.group() != ".":
        return True
    return not _ABBREVIATION.search(text[max(0, offset + match.start() - 5) : offset + match.start()])


@functools.lru_cache(maxsize=64)
def _marker_clauses(text, sentence):
    """Return the spans, within `sentence`, of clauses introduced by a marker of an earlier event.

    Kept for the last sentences asked: every event of a sentence asks again, and folding the sentence
    each time made a sentence of many events cost the square of its length.
    """
    folded, origins = fold_with_offsets(sentence.text(text))
    clauses = []
    for match in _PRECEDES.finditer(folded):
        if _NOT_PRECEDING_AFTER.match(folded, match.end()) or _NOT_PRECEDING_BEFORE.search(folded[: match.start()]):
            continue
        if match.group() == "اثر" and sentence.text(text)[origins[match.start()]] != "إ":
            continue  # أثر, "effect", folds to the same letters as إثر
        end = _clause_end(folded, match.end(), leading=bool(_LEAD_IN.match(folded[: match.start()])))
        start, stop = source_span(origins, match.start(), end, len(sentence.text(text)))
        clauses.append(Span(sentence.start + start, sentence.start + stop))
    return tuple(clauses)


def _clause_end(folded, position, leading):
    """Return where a marker clause starting at `position` ends in the folded sentence."""
    for match in re.finditer(r"[,،;؛]", folded[position:]):
        at = position + match.end()
        if match.group() in ";؛":
            return at - 1
        if leading and not _SUBORDINATE.match(folded, at):
            return at - 1
        if not leading and _NEW_CLAUSE.match(folded, at):
            return at - 1
    return len(folded)


def earlier_event_clauses(text, sentence):
    """Return the spans of the clauses of `sentence` that an earlier-event marker introduces ("في أعقاب …")."""
    return _marker_clauses(text, sentence)


def precedes_marker(text, span):
    """Return whether the event at `span` sits in a clause that places it before the sentence's main event."""
    sentence = sentence_span(text, span.start)
    return any(clause.start <= span.start < clause.end for clause in _marker_clauses(text, sentence))


# The day of a briefing: "told reporters on Wednesday", "told a news conference Monday" (the telling, not the event).
_SPEECH_DATE_BEFORE = re.compile(
    r"\btold\s+(?:reporters|journalists|a\s+news\s+conference|a\s+press\s+(?:briefing|conference)|lawmakers)"
    r"\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$"
)


# A page's date stamp: a numeric date opening a line, bare or after a label ("date 2023-12-09 BAGHDAD —",
# "تاريخ النشر: 10-11-2023"). It says when the page was published, not when anything happened.
_STAMP_LABEL = re.compile(r"^\s*(?:(?:date|dated|published|posted|updated|تاريخ(?:\s+النشر)?|نشر\s+في|نشر|بتاريخ)\s*:?\s*)?$", re.IGNORECASE)
_NUMERIC_STAMP = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")


def is_page_stamp(text, mention):
    """Return True if the date mention is a page's date stamp at the start of a line (see _STAMP_LABEL)."""
    if not _NUMERIC_STAMP.match(text[mention.span.start : mention.span.end].strip()):
        return False
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    return bool(_STAMP_LABEL.match(text[line_start : mention.span.start]))


def event_date(sentence_start, sentence_end, mentions, published, *, text=None, event_span=None):
    """Return the date mention that dates an event in `text[sentence_start:sentence_end]`, or None.

    Candidates are the sentence's mentions that are not "since" expressions and not after
    publication; the most precise wins, then the one nearest the event (or the first). Given the text
    and the event's span, an event inside an earlier-event clause ("في أعقاب مقتل …") takes only a
    date inside that clause, and any other event ignores dates inside such clauses; so the earlier
    event never inherits the later one's date, and with no date of its own it gets None.
    """
    candidates = [
        mention for mention in mentions
        if sentence_start <= mention.span.start and mention.span.end <= sentence_end
        and not mention.since and mention.start <= published
    ]
    if text is not None and on("page_stamp"):
        candidates = [m for m in candidates if not is_page_stamp(text, m)]
    if text is not None:
        # "…, Singh told reporters on Wednesday": the day of the briefing
        candidates = [m for m in candidates if not _SPEECH_DATE_BEFORE.search(text[max(sentence_start, m.span.start - 40) : m.span.start])]
    if text is not None and event_span is not None:
        clauses = _marker_clauses(text, Span(sentence_start, sentence_end))
        own = [clause for clause in clauses if clause.start <= event_span.start < clause.end]
        if own:
            candidates = [m for m in candidates if own[-1].start <= m.span.start < own[-1].end]
        else:
            candidates = [m for m in candidates if not any(c.start <= m.span.start < c.end for c in clauses)]
    if not candidates:
        return None
    anchor = event_span.start if event_span is not None else sentence_start
    return min(candidates, key=lambda m: (_PRECISION_ORDER[m.precision], abs(m.span.start - anchor)))
