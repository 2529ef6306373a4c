"""Numbers, Arabic duals and casualty figures in wire-style Arabic and English (pure: no database)."""
from pathlib import Path

import pytest

from incidents.extraction.numbers import dual_count, find_casualties, find_numbers, parse_number
from incidents.extraction.types import Casualties

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "000_41addf8ff6d70d2f.txt"


def numbers(text, language):
    """Return (value, matched text, approximate) for each number found in `text`."""
    return [(m.value, m.span.text(text), m.approximate) for m in find_numbers(text, language)]


# --- parse_number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, value",
    [
        ("5", 5), ("٥", 5), ("٨٠", 80), ("۱۲", 12), ("1,200", 1200), ("١٬٢٠٠", 1200),
        ("واحد", 1), ("اثنان", 2), ("اثنتين", 2), ("خمسة", 5), ("خمس", 5), ("ثلاثة", 3), ("ثلاث", 3),
        ("ثمانية", 8), ("ثماني", 8), ("عشرة", 10), ("عشر", 10), ("أحد عشر", 11), ("إحدى عشرة", 11),
        ("اثنا عشر", 12), ("اثنتي عشرة", 12), ("خمسة عشر", 15), ("عشرون", 20), ("عشرين", 20),
        ("خمسة وعشرون", 25), ("ثلاث وأربعين", 43), ("مئة", 100), ("مائة", 100), ("مئتين", 200),
        ("ثلاثمئة", 300), ("ثلاث مئة", 300), ("مئة وخمسون", 150), ("ألف", 1000), ("ألفين", 2000),
        ("ثلاثة آلاف", 3000), ("خمسة عشر ألفا", 15000), ("3 آلاف", 3000), ("مليون", 1_000_000),
        ("خمسةُ", 5), ("وخمسة", 5), ("بخمسة", 5),
        ("five", 5), ("Five", 5), ("twenty-three", 23), ("twenty three", 23), ("a dozen", 12),
        ("two dozen", 24), ("two hundred", 200), ("a hundred", 100), ("one hundred and five", 105),
        ("three thousand", 3000), ("1.5 million", 1_500_000), ("zero", 0),
    ],
)
def test_parse_number_reads_digits_and_words(words, value):
    language = "en" if words.isascii() else "ar"
    assert parse_number(words, language) == value


@pytest.mark.parametrize(
    "words, value",
    [("هجومين", 2), ("هجومان", 2), ("طائرتين", 2), ("طائرتان", 2), ("صاروخين", 2), ("قذيفتين", 2), ("جنديين", 2)],
)
def test_parse_number_reads_an_arabic_dual_as_two(words, value):
    assert parse_number(words, "ar") == value


@pytest.mark.parametrize(
    "words, language, value",
    [
        ("الأول", "ar", 1), ("الأولى", "ar", 1), ("الثامن", "ar", 8), ("الثامنة", "ar", 8), ("العاشر", "ar", 10),
        ("الحادي عشر", "ar", 11), ("الثاني عشر", "ar", 12), ("العشرين", "ar", 20),
        ("الحادي والعشرين", "ar", 21), ("الثلاثين", "ar", 30), ("الحادي والثلاثين", "ar", 31),
        ("first", "en", 1), ("eighth", "en", 8), ("twelfth", "en", 12), ("twentieth", "en", 20),
        ("twenty-first", "en", 21), ("thirty-first", "en", 31), ("18th", "en", 18), ("1st", "en", 1),
    ],
)
def test_parse_number_reads_ordinals_when_asked(words, language, value):
    assert parse_number(words, language, ordinal=True) == value


@pytest.mark.parametrize(
    "words, language",
    [
        ("", "en"), ("the", "en"), ("a", "en"), ("some people", "en"), ("five soldiers", "en"),
        ("eighth", "en"), ("الثامن", "ar"), ("الأحد", "ar"), ("الاثنين", "ar"), ("بالمئة", "ar"),
        ("الأربعين", "ar"), ("لست", "ar"), ("مدنيين", "ar"), ("أحد", "ar"), ("3.5", "en"),
    ],
)
def test_parse_number_refuses_words_that_are_not_cardinals(words, language):
    assert parse_number(words, language) is None


def test_parse_number_refuses_cardinals_as_ordinals():
    assert parse_number("five", "en", ordinal=True) is None
    assert parse_number("خمسة", "ar", ordinal=True) is None


# --- dual_count -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "هجومين", "هجومان", "طائرتين", "طائرتان", "صاروخين", "صاروخان", "قذيفتين", "جنديين", "جنديان",
        "عنصرين", "شخصين", "طفلين", "قتيلين", "جريحين", "ضربتين", "غارتين", "قاعدتين", "مسيرتين",
        "مدنيان", "مقاتلان", "الهجومين", "للطائرتين", "بصاروخين", "والجنديين", "مرتين", "عبوتين",
    ],
)
def test_dual_count_recognises_counted_nouns_in_the_dual(word):
    assert dual_count(word) == 2


@pytest.mark.parametrize(
    "word",
    [
        "أميركيين", "أمريكيين", "مدنيين", "مقاتلين", "مسلحين", "مستشارين", "عسكريين", "تعيين", "ميادين",
        "فلسطين", "سنين", "الدين", "يمين", "حين", "بيان", "إيران", "لبنان", "أبان", "هجوم", "طائرة",
        "جنود", "هجمات", "يومين",
    ],
)
def test_dual_count_ignores_plurals_and_words_that_only_end_like_a_dual(word):
    assert dual_count(word) is None


# --- find_numbers -------------------------------------------------------------------------------


def test_find_numbers_in_the_seed_article():
    text = SEED.read_text(encoding="utf-8")
    found = numbers(text, "ar")
    assert (6, "6", False) in found
    assert (5, "خمسة", False) in found  # خمسة من مسلحي
    assert (4, "أربع", False) in found  # أربع طائرات مسيرة
    assert (2, "هجومين", False) in found
    assert (3, "ثلاث", False) in found  # ثلاث قواعد
    assert (80, "80", True) in found  # نحو 80 هجومًا
    assert (5, "5", False) in found  # 5 ضربات
    # الولايات, الأول من نوعه, الإسلامية... are not numbers; nor is the plural الأميركيين.
    assert all(value in (2, 3, 4, 5, 6, 80) for value, _text, _approximate in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("نفذت الفصائل نحو 80 هجومًا", [(80, "80", True)]),
        ("أطلقت حوالي عشرين صاروخا", [(20, "عشرين", True)]),
        ("قرابة ٣٠٠ جندي", [(300, "٣٠٠", True)]),
        ("أكثر من خمسين هجوما", [(50, "خمسين", True)]),
        ("ما لا يقل عن 12 شخصا", [(12, "12", True)]),
        ("بنحو 40 صاروخا", [(40, "40", True)]),
        ("مقتل خمسة من مسلحي الفصيل", [(5, "خمسة", False)]),
        ("أسقطت الدفاعات طائرتين مسيرتين", [(2, "طائرتين مسيرتين", False)]),
        ("استهدف صاروخان القاعدة", [(2, "صاروخان", False)]),
        ("إصابة خمسة وعشرين شخصا", [(25, "خمسة وعشرين", False)]),
        ("قتل أحد الجنود", [(1, "أحد", False)]),
        ("سقط أحد عشر صاروخا", [(11, "أحد عشر", False)]),
        ("بين 3 و5 قتلى", [(3, "3", False), (5, "5", False)]),
        ("الجنود الخمسة", [(5, "الخمسة", False)]),
        ("أصيب جندي واحد", [(1, "واحد", False)]),
        ("منذ السابع عشر من تشرين الأول", []),  # an ordinal date, not the number ten
        ("في الثامن والعشرين من الشهر", []),
    ],
)
def test_find_numbers_in_arabic_wire_phrases(text, expected):
    assert numbers(text, "ar") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("about 80 attacks since mid-October", [(80, "80", True)]),
        ("nearly two dozen rockets", [(24, "two dozen", True)]),
        ("more than 1,200 troops", [(1200, "1,200", True)]),
        ("at least five people", [(5, "five", True)]),
        ("some 2,500 U.S. troops are in Iraq", [(2500, "2,500", True)]),
        ("twenty-three fighters and a dozen civilians", [(23, "twenty-three", False), (12, "a dozen", False)]),
        ("two hundred and five", [(205, "two hundred and five", False)]),
        ("an MQ-9 Reaper and an F-16", []),
        ("on 8/12/2023 at 10:30", []),
        ("no one was hurt", []),
        ("a soldier", []),
        ("Someone fired once", []),
        ("The U.S. has about 900 troops in Syria", [(900, "900", True)]),
        ("3.5 kilometres away", []),
    ],
)
def test_find_numbers_in_english_wire_phrases(text, expected):
    assert numbers(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "قالت الوزارة الأحد إن الهجوم هو الأحدث",  # الأحد is Sunday, الأحدث "the latest"
        "وصلت النسبة إلى خمسين بالمئة",  # the بالمئة itself is not 100
        "زيارة الأربعين في كربلاء",  # Arbaeen, not forty
        "لم يصب أحد بأذى",  # "no one was hurt"
        "التقى الاثنين بالوزير",
        "لست متأكدا من ذلك",
        "قتل عدد من المدنيين الأميركيين",
    ],
)
def test_find_numbers_ignores_arabic_words_that_only_look_like_numbers(text):
    assert [m.value for m in find_numbers(text, "ar") if m.value != 50] == []


def test_find_numbers_spans_point_into_the_original_text_with_diacritics():
    text = "نفّذت الفصائلُ نحوَ ثمانينَ هجومًا وأسقطت طائرتَين"
    found = find_numbers(text, "ar")
    assert [(m.value, m.span.text(text)) for m in found] == [(80, "ثمانينَ"), (2, "طائرتَين")]


# --- find_casualties ----------------------------------------------------------------------------


def killed_injured(sentence, language):
    """Return find_casualties' (killed, injured) as two (best, low, high) tuples."""
    killed, injured = find_casualties(sentence, language)
    return (killed.best, killed.low, killed.high), (injured.best, injured.low, injured.high)


NONE = (None, None, None)


@pytest.mark.parametrize(
    "sentence, killed, injured",
    [
        # From the seed article.
        ("جرت الهجمات الجديدة أمس، في أعقاب مقتل خمسة من مسلحي “المقاومة الإسلامية في العراق” في غارة أميركية",
         (5, None, None), NONE),
        ("مما أسفر عن إصابة العديد من الجنود الأميركيين بجروح طفيفة", NONE, (None, 2, None)),
        ("أسفرت عن مقتل عناصر من فصائل تتبع لإيران", (None, 2, None), NONE),
        ("ذكر مصدر أمني أن الدفاعات الجوية تمكنت من إسقاط أربع طائرات مسيرة", NONE, NONE),
        # Wire phrasing.
        ("أسفر الهجوم عن مقتل ٣ وإصابة ٧ آخرين", (3, None, None), (7, None, None)),
        ("أسفر القصف عن إصابة جنديين", NONE, (2, None, None)),
        ("أصيب جنديان أميركيان بجروح طفيفة", NONE, (2, None, None)),
        ("سقوط ثلاثة قتلى وسبعة جرحى", (3, None, None), (7, None, None)),
        ("سقوط قتيلين وثلاثة جرحى في القصف", (2, None, None), (3, None, None)),
        ("مقتل جندي أميركي وإصابة آخر", (1, None, None), (1, None, None)),
        ("قتل ما بين 3 و5 أشخاص", (None, 3, 5), NONE),
        ("لقي ثلاثة أشخاص حتفهم", (3, None, None), NONE),
        ("ارتفعت حصيلة القتلى إلى 12 شخصا", (12, None, None), NONE),
        ("أسفر التفجير عن مقتل ما لا يقل عن عشرة أشخاص", (None, 10, None), NONE),
        ("مقتل أكثر من 20 مدنيا", (None, 21, None), NONE),
        # "At least" after the number and its noun, and "dozens" as at least 24 (articles/README.md).
        ("مقتل 3 أشخاص على الأقل", (None, 3, None), NONE),
        ("كما أصيب جندي عراقي واحد على الأقل", NONE, (None, 1, None)),
        ("مقتل 3 وإصابة 5 على الأقل", (3, None, None), (None, 5, None)),
        # A victim named with a companion: "the commander and his escort".
        ("أسفرت عن مقتل القيادي في الحركة (أبو علي) ومرافقه", (2, None, None), NONE),
        ("أسفرت عن مقتل القيادي وحراسه", (None, 3, None), NONE),
        ("مقتل القيادي، ونجا مرافقه", (1, None, None), NONE),
        ("قتل القيادي في الحركة وأحد مرافقيه بغارة", (2, None, None), NONE),
        ("بعد يومين من هجوم أودى بحياة ثلاثة جنود أميركيين", (3, None, None), NONE),
        ("الهجوم الذي قتل فيه ثلاثة جنود وأصيب خلاله خمسة آخرون", (3, None, None), (5, None, None)),
        ("قال مصدر إن ثلاثة عناصر من الحشد الشعبي قتلوا وأصيب اثنان آخران", (3, None, None), (2, None, None)),
        ("خمسة جنود أصيبوا في الهجوم", NONE, (5, None, None)),
        # A count beside an uncounted group in another clause is a lower bound.
        ("يخضع عدد من الأفراد للتقييم بحثا عن إصابات، كما أصيب جندي", NONE, (None, 1, None)),
        ("أصيب جنديان بجروح طفيفة", NONE, (2, None, None)),
        ("مقتل نحو 30 عنصرا", (30, None, None), NONE),
        ("وقتل خمسة عشر مسلحا وأصيب عشرات", (15, None, None), (None, 24, None)),
        ("قتلى وجرحى في قصف على القاعدة", (None, 2, None), (None, 2, None)),
        ("حققت الضربة إصابات مباشرة ودقيقة", NONE, NONE),
        ("أدى الصاروخ إلى إصابة الهدف بدقة", NONE, NONE),
        ("إصابة 3 أهداف بطائرات مسيرة", NONE, NONE),
    ],
)
def test_find_casualties_in_arabic(sentence, killed, injured):
    assert killed_injured(sentence, "ar") == (killed, injured)


@pytest.mark.parametrize(
    "sentence, killed, injured",
    [
        ("A drone strike killed five people near Kirkuk", (5, None, None), NONE),
        ("A senior commander of the group and one of his aides were killed Thursday", (2, None, None), NONE),
        ("The commander died along with a companion when the drone fired on a car", (2, None, None), NONE),
        ("The drone attack claimed the lives of three US soldiers", (3, None, None), NONE),
        ("Sixteen people, among them civilians, were killed and 25 others wounded", (16, None, None), (25, None, None)),
        ("Five soldiers, most of them reservists, were wounded in the attack", NONE, (5, None, None)),
        ("Five people were killed and seven wounded", (5, None, None), (7, None, None)),
        ("Two U.S. soldiers were wounded in the attack", NONE, (2, None, None)),
        ("A U.S. service member was killed", (1, None, None), NONE),
        ("The strike killed a senior commander of the group", (1, None, None), NONE),
        ("Five killed in drone strike on convoy", (5, None, None), NONE),
        ("Rockets killed 3 people and wounded 7", (3, None, None), (7, None, None)),
        ("The attack killed at least 12 and wounded more than 20", (None, 12, None), (None, 21, None)),
        ("The attack killed 3 and wounded at least 5", (3, None, None), (None, 5, None)),
        ("Five people at least were killed", (None, 5, None), NONE),
        ("The strike killed a senior commander and his driver", (2, None, None), NONE),
        ("The strike killed a commander, and his driver survived", (1, None, None), NONE),
        ("Several U.S. personnel were evaluated for brain injuries and one Iraqi soldier was wounded", NONE, (None, 1, None)),
        ("Two soldiers were wounded and suffered minor injuries", NONE, (2, None, None)),
        ("Between 3 and 5 people were killed", (None, 3, 5), NONE),
        ("The blast killed 3 to 5 people", (None, 3, 5), NONE),
        ("The death toll rose to 14", (14, None, None), NONE),
        ("Several troops suffered minor injuries", NONE, (None, 2, None)),
        ("Eight service members suffered traumatic brain injuries", NONE, (8, None, None)),
        ("Two drones killed a soldier", (1, None, None), NONE),
        ("Militants fired 5 rockets, and soldiers were wounded", NONE, (None, 2, None)),
        ("The attack left two dead", (2, None, None), NONE),
        ("Dozens were wounded", NONE, (None, 24, None)),
        ("Up to 6 people may have been killed", (None, None, 6), NONE),
        ("as many as 6 people were killed", (None, None, 6), NONE),
        ("nearly 40 were wounded", NONE, (40, None, 40)),
        ("It was not immediately clear whether anyone was hurt", NONE, NONE),
        ("The militia vowed to kill Americans", NONE, NONE),
        ("The base was hit by 3 rockets", NONE, NONE),
    ],
)
def test_find_casualties_in_english(sentence, killed, injured):
    assert killed_injured(sentence, "en") == (killed, injured)


ZERO = (0, None, None)


@pytest.mark.parametrize(
    "sentence, language, killed, injured",
    [
        ("لم تسفر الهجمات عن إصابات", "ar", ZERO, ZERO),
        ("سقطت الصواريخ دون وقوع إصابات", "ar", ZERO, ZERO),
        ("لم يسفر الهجوم عن وقوع خسائر بشرية", "ar", ZERO, ZERO),
        ("ولم يصب أحد بأذى", "ar", ZERO, ZERO),
        ("اقتصرت الأضرار على الماديات", "ar", ZERO, ZERO),
        ("لم ترد أنباء عن وقوع ضحايا", "ar", ZERO, ZERO),
        ("There were no casualties", "en", ZERO, ZERO),
        ("There were no immediate reports of casualties", "en", ZERO, ZERO),
        ("No injuries were reported", "en", ZERO, ZERO),
        ("No U.S. personnel were injured", "en", ZERO, ZERO),
        ("no one was hurt", "en", ZERO, ZERO),
        ("The attack caused no casualties or damage", "en", ZERO, ZERO),
        ("There were no fatalities", "en", ZERO, NONE),
        ("No one was killed, but two soldiers were wounded", "en", ZERO, (2, None, None)),
        ("لم تقع قتلى لكن أصيب ثلاثة جنود", "ar", ZERO, (3, None, None)),
    ],
)
def test_find_casualties_reads_no_casualties_as_zero(sentence, language, killed, injured):
    assert killed_injured(sentence, language) == (killed, injured)


def test_find_casualties_does_not_read_an_unknown_toll_as_zero():
    killed, _injured = find_casualties("لم يعرف عدد القتلى حتى الآن", "ar")
    assert killed.best is None  # the dead are uncounted, not absent
    killed, injured = find_casualties("It was not known how many were killed", "en")
    assert killed.best is None and injured == Casualties()


def test_find_casualties_keeps_low_best_high_ordered():
    sentences = [
        ("The attack killed more than 20 and wounded up to 40", "en"),
        ("مقتل ما بين 3 و5 وإصابة أكثر من 10", "ar"),
        ("fewer than 10 people were hurt", "en"),
    ]
    for sentence, language in sentences:
        for figure in find_casualties(sentence, language):
            known = [value for value in (figure.low, figure.best, figure.high) if value is not None]
            assert known == sorted(known), (sentence, figure)


@pytest.mark.parametrize("text,killed,injured", [
    ("Nobody was hurt.", Casualties(best=0), Casualties(best=0)),
    ("No one was killed.", Casualties(best=0), Casualties()),
    ("None of them were injured.", Casualties(best=0), Casualties(best=0)),
])
def test_nobody_no_one_and_none_zero_the_figures(text, killed, injured):
    assert find_casualties(text, "en") == (killed, injured)
