"""Dates resolved against the publication date, and which date an event takes (pure: no database)."""
from datetime import date
from pathlib import Path

import pytest

from incidents.extraction.dates import event_date, find_dates, is_page_stamp, precedes_marker, sentence_span
from incidents.extraction.types import Span

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "000_41addf8ff6d70d2f.txt"
SATURDAY = date(2023, 12, 9)  # the seed article's publication date
FRIDAY = date(2023, 12, 8)


def dates(text, language, published=SATURDAY):
    """Return (expression, start, end, precision, since) for each date found in `text`."""
    return [(m.expression, m.start, m.end, m.precision, m.since) for m in find_dates(text, published, language)]


def one_date(text, language, published=SATURDAY):
    """Return the single date mention found in `text`."""
    found = find_dates(text, published, language)
    assert len(found) == 1, found
    return found[0]


def span_of(text, words, occurrence=0):
    """Return the span of the `occurrence`-th `words` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


# --- The seed article ---------------------------------------------------------------------------


def test_find_dates_in_the_seed_article():
    found = dates(SEED.read_text(encoding="utf-8"), "ar")
    yesterday = ("أمس", FRIDAY, FRIDAY, "day", False)
    assert found == [yesterday] * 4 + [
        ("منذ منتصف أكتوبر الماضي", date(2023, 10, 1), date(2023, 10, 31), "month", True)
    ]


def test_the_seed_strike_near_kirkuk_does_not_take_yesterday():
    text = SEED.read_text(encoding="utf-8")
    mentions = find_dates(text, SATURDAY, "ar")
    strike = span_of(text, "غارة أميركية")
    sentence = sentence_span(text, strike.start)
    assert precedes_marker(text, strike)
    assert event_date(sentence.start, sentence.end, mentions, SATURDAY, text=text, event_span=strike) is None
    attacks = span_of(text, "الهجمات الجديدة")
    assert not precedes_marker(text, attacks)
    dated = event_date(sentence.start, sentence.end, mentions, SATURDAY, text=text, event_span=attacks)
    assert (dated.expression, dated.start) == ("أمس", FRIDAY)


def test_the_seed_planned_attack_stays_in_the_earlier_clause():
    text = SEED.read_text(encoding="utf-8")
    assert precedes_marker(text, span_of(text, "هجوم على قاعدة أميركية"))  # "حينما كانوا يستعدون لتنفيذ هجوم"


def test_the_seed_embassy_attack_takes_yesterday():
    text = SEED.read_text(encoding="utf-8")
    mentions = find_dates(text, SATURDAY, "ar")
    embassy = span_of(text, "لهجوم صاروخي")
    sentence = sentence_span(text, embassy.start)
    assert not precedes_marker(text, embassy)
    assert event_date(sentence.start, sentence.end, mentions, SATURDAY, text=text, event_span=embassy).start == FRIDAY


# --- Relative days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, day",
    [
        ("قصفت الفصائل القاعدة أمس", "أمس", FRIDAY),
        ("وأعلنت الفصائل مساء أمس مسؤوليتها", "مساء أمس", FRIDAY),
        ("سقطت الصواريخ فجر أمس الجمعة", "فجر أمس الجمعة", FRIDAY),
        ("وقع الهجوم بالأمس", "بالأمس", FRIDAY),
        ("جرى ذلك البارحة", "البارحة", FRIDAY),
        ("استهدف هجوم القاعدة أول أمس", "أول أمس", date(2023, 12, 7)),
        ("استهدف هجوم القاعدة أول من أمس", "أول من أمس", date(2023, 12, 7)),
        ("قال البنتاغون اليوم إن", "اليوم", SATURDAY),
        ("أعلن الجيش صباح اليوم", "صباح اليوم", SATURDAY),
        ("وشهدت الليلة الماضية هجومين", "الليلة الماضية", FRIDAY),
    ],
)
def test_arabic_relative_days(text, expression, day):
    mention = one_date(text, "ar")
    assert (mention.expression, mention.start, mention.end, mention.precision) == (expression, day, day, "day")
    assert mention.relative and not mention.since
    assert mention.span.text(text) == expression


@pytest.mark.parametrize(
    "text, expression, day",
    [
        ("Rockets hit the base yesterday.", "yesterday", FRIDAY),
        ("Rockets hit the base late yesterday.", "late yesterday", FRIDAY),
        ("It happened the day before yesterday.", "the day before yesterday", date(2023, 12, 7)),
        ("Drones were shot down overnight.", "overnight", FRIDAY),
        ("Sirens sounded last night.", "last night", FRIDAY),
        ("The Pentagon said today that", "today", SATURDAY),
        ("The attack came two days ago.", "two days ago", date(2023, 12, 7)),
    ],
)
def test_english_relative_days(text, expression, day):
    mention = one_date(text, "en")
    assert (mention.expression, mention.start, mention.precision) == (expression, day, "day")


# --- Weekdays -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expression, day",
    [
        ("قالت الوزارة، الأحد، إن الهجوم", "ar", "الأحد", date(2023, 12, 3)),
        ("وقع الهجوم يوم الجمعة", "ar", "يوم الجمعة", FRIDAY),
        ("هاجمت مسيرات القاعدة ليلة الخميس", "ar", "ليلة الخميس", date(2023, 12, 7)),
        ("وكان هجوم قد وقع يوم الاثنين الماضي", "ar", "يوم الاثنين الماضي", date(2023, 12, 4)),
        ("وأعلنت الفصائل السبت مسؤوليتها", "ar", "السبت", SATURDAY),  # same day: a Saturday story
        ("وأعلنت الفصائل السبت الماضي مسؤوليتها", "ar", "السبت الماضي", date(2023, 12, 2)),
        ("وستعقد المحادثات الأربعاء المقبل", "ar", "الأربعاء المقبل", date(2023, 12, 13)),
        ("Rockets hit the base on Sunday.", "en", "on Sunday", date(2023, 12, 3)),
        ("Drones attacked the base Thursday night.", "en", "Thursday night", date(2023, 12, 7)),
        ("The Pentagon said on Saturday that", "en", "on Saturday", SATURDAY),
        ("It was attacked last Saturday.", "en", "last Saturday", date(2023, 12, 2)),
        ("Talks resume next Tuesday.", "en", "next Tuesday", date(2023, 12, 12)),
    ],
)
def test_weekdays_resolve_to_the_latest_such_day_on_or_before_publication(text, language, expression, day):
    mention = one_date(text, language)
    assert (mention.expression, mention.start, mention.precision, mention.relative) == (expression, day, "day", True)


def test_on_friday_in_a_friday_story_is_that_same_day():
    assert one_date("The base was attacked on Friday.", "en", published=FRIDAY).start == FRIDAY
    assert one_date("تعرضت القاعدة لهجوم يوم الجمعة", "ar", published=FRIDAY).start == FRIDAY
    assert one_date("The base was attacked last Friday.", "en", published=FRIDAY).start == date(2023, 12, 1)


def test_a_weekday_beside_a_calendar_date_is_one_mention_dated_by_the_calendar():
    mention = one_date("وفي يوم الخميس 7 كانون الأول هاجمت الفصائل", "ar")
    assert (mention.expression, mention.start) == ("يوم الخميس 7 كانون الأول", date(2023, 12, 7))
    mention = one_date("On Thursday, Dec. 7, the militia struck.", "en")
    assert (mention.expression, mention.start) == ("On Thursday, Dec. 7", date(2023, 12, 7))


# --- Calendar dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, day, relative",
    [
        ("في الثامن من ديسمبر", "الثامن من ديسمبر", date(2023, 12, 8), True),
        ("في الأول من كانون الثاني 2023", "الأول من كانون الثاني 2023", date(2023, 1, 1), False),
        ("في الحادي والعشرين من تشرين الأول", "الحادي والعشرين من تشرين الأول", date(2023, 10, 21), True),
        ("يوم 18 تشرين الأول", "18 تشرين الأول", date(2023, 10, 18), True),
        ("في 18 من أكتوبر", "18 من أكتوبر", date(2023, 10, 18), True),
        ("في ٨ ديسمبر ٢٠٢٣", "٨ ديسمبر ٢٠٢٣", date(2023, 12, 8), False),
        ("بتاريخ 3 شباط 2024", "3 شباط 2024", date(2024, 2, 3), False),
        ("منذ هجوم السابع من أكتوبر", "السابع من أكتوبر", date(2023, 10, 7), True),
        ("في 25 ديسمبر", "25 ديسمبر", date(2022, 12, 25), True),  # no year: not after publication
        ("في 9 ديسمبر", "9 ديسمبر", SATURDAY, True),
        ("في السابع من الشهر الجاري", "السابع من الشهر الجاري", date(2023, 12, 7), True),
        ("في العشرين من الشهر الماضي", "العشرين من الشهر الماضي", date(2023, 11, 20), True),
        ("في 15 آب 2023", "15 آب 2023", date(2023, 8, 15), False),
        ("في 8/12/2023", "8/12/2023", date(2023, 12, 8), False),
        ("في 2023-12-08", "2023-12-08", date(2023, 12, 8), False),
    ],
)
def test_arabic_calendar_dates(text, expression, day, relative):
    mention = one_date(text, "ar")
    assert (mention.expression, mention.start, mention.end, mention.precision) == (expression, day, day, "day")
    assert mention.relative is relative


@pytest.mark.parametrize(
    "text, expression, day",
    [
        ("on Oct. 18, drones", "Oct. 18", date(2023, 10, 18)),
        ("on October 18 drones", "October 18", date(2023, 10, 18)),
        ("on 18 October drones", "18 October", date(2023, 10, 18)),
        ("on Dec 8, 2023, drones", "Dec 8, 2023", date(2023, 12, 8)),
        ("on December 8th drones", "December 8th", date(2023, 12, 8)),
        ("on the eighth of December drones", "the eighth of December", date(2023, 12, 8)),
        ("since the Oct. 7 attack", "since the Oct. 7", date(2023, 10, 7)),
        ("on Sept. 30, 2022,", "Sept. 30, 2022", date(2022, 9, 30)),
        ("on Dec. 25", "Dec. 25", date(2022, 12, 25)),
        ("on 8/12/2023", "8/12/2023", date(2023, 12, 8)),  # day/month, as in British and Arabic usage
        ("on 12/25/2023", "12/25/2023", date(2023, 12, 25)),  # day/month impossible: month/day
        ("on 2023-12-08", "2023-12-08", date(2023, 12, 8)),
    ],
)
def test_english_calendar_dates(text, expression, day):
    mention = one_date(text, "en")
    assert (mention.expression, mention.start, mention.precision) == (expression, day, "day")


def test_an_impossible_date_is_dropped():
    assert dates("on 31/02/2023 and on February 30", "en") == []
    assert dates("في 31 شباط", "ar") == []


# --- Months, weeks, years -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expression, first, since",
    [
        ("منذ منتصف أكتوبر الماضي", "ar", "منذ منتصف أكتوبر الماضي", date(2023, 10, 1), True),
        ("في أكتوبر الماضي", "ar", "أكتوبر الماضي", date(2023, 10, 1), False),
        ("في ديسمبر الماضي", "ar", "ديسمبر الماضي", date(2022, 12, 1), False),  # الماضي: strictly before
        ("خلال شهر تشرين الثاني", "ar", "شهر تشرين الثاني", date(2023, 11, 1), False),
        ("في أكتوبر من العام الماضي", "ar", "أكتوبر من العام الماضي", date(2022, 10, 1), False),
        ("منذ آذار", "ar", "منذ آذار", date(2023, 3, 1), True),
        ("في آب الماضي", "ar", "آب الماضي", date(2023, 8, 1), False),
        ("الشهر الماضي", "ar", "الشهر الماضي", date(2023, 11, 1), False),
        ("since mid-October", "en", "since mid-October", date(2023, 10, 1), True),
        ("in March", "en", "March", date(2023, 3, 1), False),
        ("last October", "en", "last October", date(2023, 10, 1), False),  # as أكتوبر الماضي
        ("last December", "en", "last December", date(2022, 12, 1), False),
        ("in October 2022", "en", "October 2022", date(2022, 10, 1), False),
        ("last month", "en", "last month", date(2023, 11, 1), False),
    ],
)
def test_months_have_month_precision(text, language, expression, first, since):
    mention = one_date(text, language)
    assert (mention.expression, mention.start, mention.precision, mention.since) == (expression, first, "month", since)
    assert mention.end.month == first.month and mention.end.day >= 28


@pytest.mark.parametrize(
    "text, language, expression, first, last, precision",
    [
        ("الأسبوع الماضي", "ar", "الأسبوع الماضي", date(2023, 11, 27), date(2023, 12, 3), "week"),
        ("هذا الأسبوع", "ar", "هذا الأسبوع", date(2023, 12, 4), SATURDAY, "week"),
        ("last week", "en", "last week", date(2023, 11, 27), date(2023, 12, 3), "week"),
        ("earlier this month", "en", "earlier this month", date(2023, 12, 1), SATURDAY, "month"),
        ("العام الماضي", "ar", "العام الماضي", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("منذ عام 2003", "ar", "منذ عام 2003", date(2003, 1, 1), date(2003, 12, 31), "year"),
        ("in 2022", "en", "2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("قبل ثلاثة أيام", "ar", "قبل ثلاثة أيام", date(2023, 12, 6), date(2023, 12, 6), "day"),
        ("قبل أسبوعين", "ar", "قبل أسبوعين", date(2023, 11, 20), date(2023, 11, 26), "week"),
    ],
)
def test_periods(text, language, expression, first, last, precision):
    mention = one_date(text, language)
    assert (mention.expression, mention.start, mention.end, mention.precision) == (expression, first, last, precision)


def test_since_marks_the_start_of_a_period():
    mention = one_date("ومنذ يومين تتعرض القاعدة لهجمات", "ar")
    assert (mention.expression, mention.start, mention.since) == ("منذ يومين", date(2023, 12, 7), True)
    assert not one_date("قبل يومين تعرضت القاعدة لهجوم", "ar").since


# --- Words that are not dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("وهذا الهجوم هو الأحدث في سلسلة هجمات", "ar"),  # الأحدث "the latest", not الأحد
        ("The Mayor of Baghdad said", "en"),
        ("Thousands of protesters march through the city", "en"),
        ("Officials may retaliate, and the commander sat down", "en"),
        ("March organisers said the rally would go ahead", "en"),
        ("حضر خطيب الجمعة الاجتماع", "ar"),  # a title, not a Friday
        ("وفي اليوم التالي أعلنت الفصائل", "ar"),  # the next day of the story, not today
        ("التقى الوزير الاثنين من القادة", "ar"),  # "the two", not Monday
        ("وهو أب لثلاثة أطفال", "ar"),  # father, not August (آب)
        ("وصلت سيارة نيسان إلى الحاجز", "ar"),  # the car make, not April
        ("مارس الضغط على الحكومة", "ar"),
        ("قبل يومين من الانتخابات", "ar"),  # counted from another event, not from publication
        ("منذ أكثر من عام", "ar"),
        ("The Oct. trip was cancelled", "en"),
        ("an MQ-9 flew 10/3 sorties", "en"),
    ],
)
def test_words_that_only_look_like_dates_make_none(text, language):
    assert dates(text, language) == []


def test_saturday_inside_september_is_not_a_weekday():
    assert [m.precision for m in find_dates("منذ مطلع سبتمبر", SATURDAY, "ar")] == ["month"]
    assert find_dates("في سبتمبر", SATURDAY, "ar")[0].start == date(2023, 9, 1)


# --- precedes_marker and event_date -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, event, expected",
    [
        ("The attacks came after a U.S. strike near Kirkuk killed five fighters.", "strike", True),
        ("The attacks came after a U.S. strike near Kirkuk killed five fighters.", "attacks", False),
        ("Following a U.S. strike on Sunday, militants fired rockets at the base on Friday.", "strike", True),
        ("Following a U.S. strike on Sunday, militants fired rockets at the base on Friday.", "rockets", False),
        ("A day after the strike, militants fired rockets at Ain al-Asad.", "strike", True),
        ("A day after the strike, militants fired rockets at Ain al-Asad.", "rockets", False),
        ("Militants fired rockets in retaliation for the killing of a commander.", "killing", True),
        ("أطلقت الفصائل صواريخ على القاعدة أمس ردا على الغارة الأميركية.", "الغارة", True),
        ("أطلقت الفصائل صواريخ على القاعدة أمس ردا على الغارة الأميركية.", "صواريخ", False),
        ("وفي أعقاب مقتل القائد، شنت الفصائل هجمات على القاعدة.", "مقتل", True),
        ("وفي أعقاب مقتل القائد، شنت الفصائل هجمات على القاعدة.", "هجمات", False),
        ("وجاء الهجوم بعد ساعات من غارة أميركية.", "غارة", True),
        ("وجاء الهجوم عقب غارة أميركية، فيما أعلنت الفصائل مسؤوليتها عن هجوم آخر.", "هجوم آخر", False),
        ("ولم تتضح بعد، وفق المسؤول، أسباب الهجوم.", "الهجوم", False),  # بعد here is "yet"
        ("وبعد ذلك أطلقت الفصائل صواريخ على القاعدة.", "صواريخ", False),  # after that: this is the later event
        ("وكان للهجوم أثر كبير على المعنويات.", "المعنويات", False),  # أثر "effect", not إثر
        ("Rockets hit the base the following day.", "Rockets", False),
    ],
)
def test_precedes_marker(text, event, expected):
    assert precedes_marker(text, span_of(text, event)) is expected


def test_event_date_without_text_takes_the_most_precise_date_in_the_sentence():
    text = "The Pentagon said last week that rockets hit the base on Oct. 18 and since mid-October."
    mentions = find_dates(text, SATURDAY, "en")
    sentence = sentence_span(text, 0)
    assert event_date(sentence.start, sentence.end, mentions, SATURDAY).expression == "Oct. 18"


def test_event_date_ignores_since_and_future_dates():
    text = "وقالت الفصائل إنها ستواصل هجماتها الأحد المقبل منذ منتصف أكتوبر."
    mentions = find_dates(text, SATURDAY, "ar")
    assert len(mentions) == 2
    assert event_date(0, len(text), mentions, SATURDAY) is None


def test_event_date_is_none_without_a_date_in_the_sentence():
    text = "أمس قصفت الفصائل القاعدة. وأسقطت الدفاعات طائرتين."
    mentions = find_dates(text, SATURDAY, "ar")
    second = sentence_span(text, text.index("وأسقطت"))
    assert event_date(second.start, second.end, mentions, SATURDAY) is None


def test_event_date_gives_the_earlier_event_its_own_date_only():
    text = "Following a U.S. strike on Sunday, militants fired rockets at the base on Friday."
    mentions = find_dates(text, SATURDAY, "en")
    strike, rockets = span_of(text, "strike"), span_of(text, "rockets")
    assert event_date(0, len(text), mentions, SATURDAY, text=text, event_span=strike).start == date(2023, 12, 3)
    assert event_date(0, len(text), mentions, SATURDAY, text=text, event_span=rockets).start == FRIDAY


def test_sentence_span_does_not_stop_at_abbreviations():
    text = "A U.S. strike hit on Oct. 18 near Kirkuk. Rockets followed."
    assert sentence_span(text, text.index("Kirkuk")).text(text) == "A U.S. strike hit on Oct. 18 near Kirkuk."
    assert sentence_span(text, text.index("Rockets")).text(text) == "Rockets followed."


@pytest.mark.parametrize(
    "text, language",
    [
        ("date 2023-12-09 A rocket attack hit the embassy in Baghdad, the officials said on Friday.", "en"),
        ("2023-12-09 سقط صاروخ على السفارة في بغداد بحسب ما قال مسؤولون يوم الجمعة.", "ar"),
    ],
)
def test_a_pages_date_stamp_dates_no_event(text, language):
    # event_families "page_stamp": the numeric date opening the line is when the page was published
    mentions = find_dates(text, SATURDAY, language)
    assert any(is_page_stamp(text, m) for m in mentions)
    sentence = Span(0, len(text))
    assert event_date(sentence.start, sentence.end, mentions, SATURDAY, text=text, event_span=Span(17, 23)).start == FRIDAY


def test_a_numeric_date_inside_a_sentence_is_no_stamp():
    text = "The attack on 08/12/2023 hit the embassy."
    assert not any(is_page_stamp(text, m) for m in find_dates(text, SATURDAY, "en"))


def test_the_two_is_no_monday():
    assert find_dates("قتل الاثنان في الهجوم وأصيب الاثنين من الجنود.", SATURDAY, "ar") == []


# --- night_span: a night named by the two days it joins ---------------------------------------------


@pytest.mark.parametrize(
    "text, language, expression, first, last, precision",
    [
        ("سمع دوي انفجار ليل الجمعة/السبت قرب القاعدة", "ar", "ليل الجمعة/السبت", FRIDAY, SATURDAY, "range"),
        ("شنت الطائرات غارات منتصف ليل الجمعة- السبت", "ar", "منتصف ليل الجمعة- السبت", FRIDAY, SATURDAY, "range"),
        ("أسقطت الدفاعات مسيرة بعد منتصف ليل الجمعة – السبت", "ar", "بعد منتصف ليل الجمعة – السبت", SATURDAY,
         SATURDAY, "day"),
        ("Rockets hit the base overnight Friday into Saturday.", "en", "overnight Friday into Saturday", FRIDAY,
         SATURDAY, "range"),
        ("Drones were downed on Friday-Saturday night.", "en", "Friday-Saturday night", FRIDAY, SATURDAY, "range"),
        ("A drone was downed after midnight on Friday-Saturday night.", "en",
         "after midnight on Friday-Saturday night", SATURDAY, SATURDAY, "day"),
    ],
)
def test_a_night_named_by_two_days_spans_both_or_is_the_second_after_midnight(
    text, language, expression, first, last, precision
):
    mention = one_date(text, language)
    assert (mention.expression, mention.start, mention.end, mention.precision) == (expression, first, last, precision)


@pytest.mark.parametrize(
    "text, language",
    [
        ("ليل الجمعة/الأحد", "ar"),  # not one night: the days do not follow each other
        ("Talks ran Friday-Saturday in Baghdad.", "en"),  # two days, no night
    ],
)
def test_two_days_that_are_no_night_are_no_night_span(text, language):
    assert all(m.precision != "range" for m in find_dates(text, SATURDAY, language))


def test_night_span_switched_off_leaves_the_first_weekday(monkeypatch):
    from incidents.extraction import event_families

    monkeypatch.setattr(event_families, "ACTIVE", event_families.ACTIVE - {"night_span"})
    assert [m.start for m in find_dates("ليل الجمعة/السبت", SATURDAY, "ar")][0] == FRIDAY


# --- month_part: a part of a month is that third of it ----------------------------------------------


@pytest.mark.parametrize(
    "text, language, first, last",
    [
        ("In late July, rockets were launched at the base.", "en", date(2023, 7, 21), date(2023, 7, 31)),
        ("The base was attacked in early July.", "en", date(2023, 7, 1), date(2023, 7, 10)),
        ("Drones hit the base in mid-November.", "en", date(2023, 11, 11), date(2023, 11, 20)),
        ("منذ هجوم أوائل فبراير الماضي", "ar", date(2023, 2, 1), date(2023, 2, 10)),
        ("وقع الهجوم في منتصف نوفمبر", "ar", date(2023, 11, 11), date(2023, 11, 20)),
        ("أطلقت صواريخ في أواخر فبراير الماضي", "ar", date(2023, 2, 21), date(2023, 2, 28)),
        ("في أواخر أيلول", "ar", date(2023, 9, 21), date(2023, 9, 30)),
        ("في مطلع حزيران 2023", "ar", date(2023, 6, 1), date(2023, 6, 10)),
        ("in early December", "en", date(2023, 12, 1), date(2023, 12, 10)),
    ],
)
def test_a_part_of_a_month_is_that_third_of_it(text, language, first, last):
    """The part words that were month precision before (family month_part; "since mid-October" stays a month)."""
    mention = one_date(text, language)
    assert (mention.start, mention.end, mention.precision) == (first, last, "range")


def test_month_part_switched_off_gives_the_whole_month(monkeypatch):
    from incidents.extraction import event_families

    monkeypatch.setattr(event_families, "ACTIVE", event_families.ACTIVE - {"month_part"})
    mention = one_date("In late July, rockets were launched at the base.", "en")
    assert (mention.start, mention.end, mention.precision) == (date(2023, 7, 1), date(2023, 7, 31), "month")
