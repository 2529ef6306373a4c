"""Statements in article text: speaker, speech verb, kind, date, span and the incidents they are about (no database).

The seed article is checked against its reviewed coding, the twelve test articles against their expected
codings, and short sentences exercise each kind and attribution form. The incidents a statement links
to come from fixtures built from the codings' incident evidence (what the incident extractor hands over),
so linking is tested here without depending on incident extraction.
"""
import json
from datetime import date
from pathlib import Path

import pytest

from incidents.extraction.actors import ActorMatcher
from incidents.extraction.dates import find_dates
from incidents.extraction.intake import text_from_upload
from incidents.extraction.normalize import phrase_key
from incidents.extraction.scoring import actor_entries, place_entries
from incidents.extraction.statements import find_statements
from incidents.extraction.types import DraftActor, DraftIncident, PlaceMention, Span
from incidents.models import StatementKind

SEED_DIR = Path(__file__).resolve().parents[1] / "data" / "seed"
SEED_TEXT = (SEED_DIR / "000_41addf8ff6d70d2f.txt").read_text(encoding="utf-8")
SEED_CODING = json.loads((SEED_DIR / "000_41addf8ff6d70d2f.coding.json").read_text(encoding="utf-8"))
SEED_PUBLISHED = date(2023, 12, 9)
ARTICLES = Path(__file__).resolve().parent / "articles"
ARTICLE_CODINGS = sorted(ARTICLES.glob("*.expected.json"))
KINDS = {choice.value for choice in StatementKind}


@pytest.fixture(scope="module")
def actors():
    return ActorMatcher(actor_entries())


def statements(actors, text, language=None, published=date(2024, 1, 10), incidents=()):
    language = language or ("en" if text.isascii() else "ar")
    return find_statements(text, published, language, actors, list(incidents))


def summary(found, text):
    """Return (speaker, actor key, kind, statement text) of each statement."""
    return [(s.speaker, s.speaker_actor.key if s.speaker_actor else None, s.kind, s.span.text(text)) for s in found]


def one(actors, text, **kwargs):
    """Return the only statement of `text`."""
    found = statements(actors, text, **kwargs)
    assert len(found) == 1, summary(found, text)
    return found[0]


# --- Fixtures from codings: incidents as the incident extractor hands them over ------------------------


def incidents_from_coding(text, coding):
    """Return DraftIncidents whose evidence, place and actors are those of a reviewed coding."""
    places = {entry.key: entry for entry in place_entries()}
    actor_index = {entry.key: entry for entry in actor_entries()}
    actor_names = {entry.name_en: entry for entry in actor_entries()}
    incidents = []
    for item in coding["incidents"]:
        evidence = []
        for excerpt in item["evidence"]:
            start = text.find(excerpt)
            assert start >= 0, excerpt
            evidence.append(Span(start, start + len(excerpt)))
        location = item["location"]
        if isinstance(location, str):
            entry = places.get(location)
        else:  # the test articles name the place: {"name_en", "country", "geo_precision"}
            entry = next(
                (p for p in places.values() if p.name_en == location["name_en"] and p.country_code == location["country"]),
                None,
            )
        place = PlaceMention(_place_span(text, entry, evidence), entry) if entry else None
        actors = []
        for actor in item["actors"]:
            found = actor_index.get(actor.get("actor")) or actor_names.get(actor.get("name_en"))
            actors.append(DraftActor(found, actor["role"]))
        incidents.append(
            DraftIncident(
                date_start=None, date_end=None, date_precision="day", event_type=item["event_type"],
                sub_event_type=item["sub_event_type"], weapon=item["weapon"], outcome=item["outcome"],
                count=item["count"], place=place, actors=actors, evidence=evidence,
            )
        )
    return incidents


def _place_span(text, entry, evidence):
    """Return the span of the place's name inside the incident's evidence (else the first evidence)."""
    for span in evidence:
        excerpt = span.text(text)
        for name in sorted(entry.names, key=len, reverse=True):
            at = excerpt.find(name)
            if at >= 0:
                return Span(span.start + at, span.start + at + len(name))
    return evidence[0]


def locate(text, excerpt):
    start = text.find(excerpt)
    assert start >= 0, excerpt
    return Span(start, start + len(excerpt))


def speaker_fits(statement, expected_speaker, expected_actor_name):
    """Return True if a found statement has the expected speaker.

    With an expected actor, the actor must be it. With none (a described speaker such as "a militia
    official"), the description must match, whatever actor the matcher also tied it to.
    """
    if expected_actor_name:
        return statement.speaker_actor is not None and expected_actor_name in (
            statement.speaker_actor.name_en, statement.speaker_actor.key,
        )
    found, expected = phrase_key(statement.speaker), phrase_key(expected_speaker)
    return bool(found) and (found in expected or expected in found)


# --- The seed article against its reviewed coding ------------------------------------------------------


@pytest.fixture(scope="module")
def seed_statements(actors):
    incidents = incidents_from_coding(SEED_TEXT, SEED_CODING)
    return find_statements(SEED_TEXT, SEED_PUBLISHED, "ar", actors, incidents)


def seed_expected():
    keys = [item["key"] for item in SEED_CODING["incidents"]]
    for expected in SEED_CODING["statements"]:
        yield expected, [keys.index(key) for key in expected["incidents"]]


@pytest.mark.parametrize(
    "expected", SEED_CODING["statements"], ids=[f"{i}-{e['kind']}" for i, e in enumerate(SEED_CODING["statements"])]
)
def test_seed_statement_is_found_with_its_speaker_kind_date_and_incidents(seed_statements, expected):
    span = locate(SEED_TEXT, expected["text"])
    overlapping = [s for s in seed_statements if s.span.overlaps(span)]
    assert len(overlapping) == 1, summary(overlapping, SEED_TEXT)
    statement = overlapping[0]
    assert speaker_fits(statement, expected["speaker_description"], expected["speaker_actor"])
    assert statement.kind == expected["kind"]
    assert statement.date == date.fromisoformat(expected["date"])
    keys = [item["key"] for item in SEED_CODING["incidents"]]
    assert statement.incidents == sorted(keys.index(key) for key in expected["incidents"])


def test_seed_gives_exactly_its_statements_once_each(seed_statements):
    assert len(seed_statements) == len(SEED_CODING["statements"]) == 11
    spans = [locate(SEED_TEXT, e["text"]) for e in SEED_CODING["statements"]]
    for statement in seed_statements:
        assert sum(statement.span.overlaps(span) for span in spans) >= 1, statement
        assert statement.kind in KINDS
        assert 0 < statement.confidence <= 1
    assert len({(s.span.start, s.span.end) for s in seed_statements}) == len(seed_statements)


def test_seed_statement_spans_cover_the_speech_within_its_sentence(seed_statements):
    texts = [s.span.text(SEED_TEXT) for s in seed_statements]
    assert texts[0].startswith("يعتبر هذا الهجوم جزءًا من سلسلة من العمليات التي يزعم")  # the whole relative clause
    assert texts[1].startswith("ذكر مصدر أمني في كردستان العراق أن")
    reuters = next(s for s in seed_statements if s.speaker_actor and s.speaker_actor.key == "reuters")
    assert reuters.span.text(SEED_TEXT) == (
        "وتعرضت السفارة الأميركية في بغداد أمس لهجوم صاروخي، وهو الهجوم الأول من نوعه منذ أكثر من عام، "
        "وفقًا لتقرير وكالة رويترز."
    )
    austin = next(s for s in seed_statements if s.speaker_actor and s.speaker_actor.key == "lloyd-austin")
    assert austin.verb == "أعرب"
    assert austin.speaker == "وزير الدفاع الأميركي، لويد أوستن"
    for statement in seed_statements:
        assert "\n" not in statement.span.text(SEED_TEXT)


def test_seed_statements_take_the_actors_from_the_coding(seed_statements):
    by_text = {}
    for expected in SEED_CODING["statements"]:
        span = locate(SEED_TEXT, expected["text"])
        statement = next(s for s in seed_statements if s.span.overlaps(span))
        by_text[expected["text"][:20]] = statement.speaker_actor.key if statement.speaker_actor else None
    assert list(by_text.values()) == [
        None, "us-department-of-defense", "us-department-of-defense", "reuters", "lloyd-austin",
        "us-department-of-state", "matthew-miller", "us-government", "us-government", "us-government",
        "pro-iran-factions",
    ]


def test_seed_statements_with_the_pipelines_precomputed_mentions_are_the_same(actors, seed_statements):
    incidents = incidents_from_coding(SEED_TEXT, SEED_CODING)
    again = find_statements(
        SEED_TEXT, SEED_PUBLISHED, "ar", actors, incidents,
        actor_mentions=actors.find(SEED_TEXT, "ar"), date_mentions=find_dates(SEED_TEXT, SEED_PUBLISHED, "ar"),
    )
    assert again == seed_statements


def test_seed_without_incidents_links_nothing(actors):
    found = find_statements(SEED_TEXT, SEED_PUBLISHED, "ar", actors, [])
    assert len(found) == 11
    assert all(statement.incidents == [] for statement in found)


# --- The twelve test articles against their expected codings -----------------------------------------


def load_article(coding_path):
    coding = json.loads(coding_path.read_text(encoding="utf-8"))
    source = ARTICLES / coding["source"]["file"]
    text = text_from_upload(source.read_bytes(), source.name)
    return coding, text


@pytest.fixture(scope="module")
def article_results(actors):
    """Return {file: (coding, text, statements)} for every test article."""
    results = {}
    for path in ARTICLE_CODINGS:
        coding, text = load_article(path)
        published = date.fromisoformat(coding["source"]["published"])
        incidents = incidents_from_coding(text, coding)
        found = find_statements(text, published, coding["source"]["language"], actors, incidents)
        results[path.name] = (coding, text, found)
    return results


def matches(statement, expected, text):
    span = locate(text, expected["text"])
    return (
        statement.span.overlaps(span)
        and statement.kind == expected["kind"]
        and speaker_fits(statement, expected["speaker"], expected["speaker_actor"])
    )


def article_cases():
    for path in ARTICLE_CODINGS:
        coding = json.loads(path.read_text(encoding="utf-8"))
        for position, expected in enumerate(coding["statements"]):
            yield pytest.param(path.name, expected, id=f"{path.stem[:5]}-{position}-{expected['kind']}")


@pytest.mark.parametrize("name, expected", list(article_cases()))
def test_article_statement_is_found(article_results, name, expected):
    coding, text, found = article_results[name]
    overlapping = [s for s in found if s.span.overlaps(locate(text, expected["text"]))]
    assert any(matches(statement, expected, text) for statement in found), summary(overlapping, text)


def test_article_statements_recall_and_precision(article_results):
    """Recall over all expected statements, and precision against every statement the codings hold.

    The codings list the statements an editor would keep; the extractor also finds real ones they skip
    ("President Joe Biden said the attack was carried out by …"), so precision here counts a found
    statement as right when it overlaps an expected statement or an expected incident's evidence.
    """
    expected_total = hits = found_total = relevant = 0
    per_article = {}
    for name, (coding, text, found) in article_results.items():
        expected = coding["statements"]
        article_hits = sum(any(matches(s, e, text) for s in found) for e in expected)
        expected_spans = [locate(text, e["text"]) for e in expected]
        evidence = [locate(text, ex) for incident in coding["incidents"] for ex in incident["evidence"]]
        article_relevant = sum(any(s.span.overlaps(span) for span in expected_spans + evidence) for s in found)
        per_article[name] = (article_hits, len(expected), article_relevant, len(found))
        expected_total += len(expected)
        hits += article_hits
        found_total += len(found)
        relevant += article_relevant
    recall, precision = hits / expected_total, relevant / found_total
    print(f"\nstatements: recall {hits}/{expected_total} = {recall:.2f}, precision {relevant}/{found_total} = {precision:.2f}")
    for name, (h, e, r, f) in sorted(per_article.items()):
        print(f"  {name}: recall {h}/{e}, relevant {r}/{f}")
    assert recall == 1.0  # measured 70/70
    assert precision >= 0.95  # measured 76/77


def test_article_statements_are_dated_the_publication_day_unless_the_attribution_says(article_results):
    for name, (coding, text, found) in article_results.items():
        published = date.fromisoformat(coding["source"]["published"])
        for expected in coding["statements"]:
            span = locate(text, expected["text"])
            for statement in found:
                if matches(statement, expected, text):
                    assert statement.date == date.fromisoformat(expected["date"]) == published, (name, expected["text"])


def test_article_statements_link_the_incidents_of_the_coding(article_results):
    """Linking: measured over the expected statements found, and held above a floor."""
    right = total = 0
    for name, (coding, text, found) in article_results.items():
        for expected in coding["statements"]:
            statement = next((s for s in found if matches(s, expected, text)), None)
            if statement is None:
                continue
            total += 1
            right += statement.incidents == sorted(expected["incidents"])
    print(f"\nstatement incident links: {right}/{total} exactly as coded")
    assert right / total >= 0.85  # measured 60/70; the misses are in the report of this work


def test_no_duplicate_statements_in_any_article(article_results):
    for name, (coding, text, found) in article_results.items():
        keys = [(s.span.start, s.span.end) for s in found]
        assert len(keys) == len(set(keys)), name
        for a, b in zip(found, found[1:]):
            assert a.span.end <= b.span.start, (name, a.span.text(text), b.span.text(text))


# --- Kinds, on short sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        # report
        ("أفاد مصدر أمني بأن صاروخين سقطا قرب قاعدة عين الأسد مساء أمس.", "report"),
        ("A security source said two rockets landed near Ain al-Asad air base late on Tuesday.", "report"),
        # claim of responsibility
        ('وتبنت "المقاومة الإسلامية في العراق" الهجوم في بيان على تلغرام.', "claim"),
        ("أعلنت كتائب حزب الله استهداف قاعدة حرير بطائرة مسيرة.", "claim"),
        ("Kataib Hezbollah claimed responsibility for the attack in a statement.", "claim"),
        ("Kataib Hezbollah said its fighters had targeted the base with two drones.", "claim"),
        # condemnation
        ("أدانت وزارة الخارجية العراقية الهجوم على السفارة.", "condemnation"),
        ("أعرب رئيس الوزراء العراقي عن استنكاره للهجوم الذي استهدف القاعدة.", "condemnation"),
        ("The Iraqi government condemned the strikes as a violation of sovereignty.", "condemnation"),
        # denial
        ("نفت قوات سوريا الديمقراطية تعرض قاعدة العمر لأي هجوم.", "denial"),
        ("The Pentagon denied that any drone had struck the base.", "denial"),
        ("The Iraqi Joint Operations Command said the attack had not taken place on Iraqi territory.", "denial"),
        # demand
        ("وطالبت الحكومة العراقية بوقف الهجمات على البعثات الدبلوماسية.", "demand"),
        ("The State Department urged Baghdad to arrest the perpetrators.", "demand"),
        ("The United Nations called on all sides to exercise restraint.", "demand"),
        # position
        ("وأكدت الولايات المتحدة حقها في الدفاع عن النفس.", "position"),
        ("وتوعدت كتائب حزب الله بالرد على الغارات.", "position"),
        ("The White House said it would respond at a time of its choosing.", "position"),
        ("Iraqi armed factions, which have claimed most of the attacks, have vowed to fight on.", "position"),
        # describing the attack: a condemnation; describing something else: a position
        ("ووصف رئيس حكومة إقليم كوردستان مسرور بارزاني الهجوم بأنه جريمة بحق الشعب الكوردي.", "condemnation"),
        ("Iraqi government spokesman Basim al-Awadi called the raids a violation of Iraqi sovereignty.", "condemnation"),
        ("ووصف رئيس حكومة إقليم كوردستان مسرور بارزاني العلاقات مع بغداد بأنها جيدة.", "position"),
        ("Iraqi government spokesman Basim al-Awadi described the relations with Washington as strong.", "position"),
        # an armed group saying it was behind the attacks: a claim
        ("The Islamic Resistance in Iraq said on Telegram that it was behind the attacks on Ain al-Asad.", "claim"),
        ("وقالت المقاومة الإسلامية في العراق إنها تقف وراء الهجوم على قاعدة عين الأسد.", "claim"),
        # suspending operations, a party's own future course: a position
        ("أعلنت كتائب حزب الله تعليق عملياتها العسكرية ضد القوات الأميركية.", "position"),
        ("Kataib Hezbollah announced the suspension of its military operations against US forces.", "position"),
        ("وأكد الأمين العام لحركة النجباء أكرم الكعبي أن الحركة ستواصل عملياتها.", "position"),
        # "aggression": a condemnation
        ("وقالت وزارة الخارجية العراقية إنها ستتقدم بشكوى إلى مجلس الأمن ضد العدوان.", "condemnation"),
        ("وقالت وزارة الخارجية العراقية إنها ستتقدم بشكوى إلى مجلس الأمن الدولي ضد العدوان الإيراني.", "condemnation"),
        ("The Iraqi foreign ministry said it would file a complaint against the aggression.", "condemnation"),
        # blaming someone for the attack: a report of who did it
        ("واتهمت واشنطن جماعات مسلحة موالية لإيران بتنفيذ الهجوم.", "report"),
        ("Washington has blamed the Islamic Resistance in Iraq for the attack.", "report"),
        # casualty figures
        ("ونعت كتائب حزب الله في بيان أربعة من مقاتليها.", "casualty figures"),
        ("The Syrian Observatory for Human Rights said the strike killed at least seven fighters.", "casualty figures"),
        ("Five members of Kataib Hezbollah were killed in the strike, a militia official told Reuters.", "casualty figures"),
    ],
)
def test_kind_of_short_statement(actors, text, kind):
    assert one(actors, text).kind == kind


def test_a_justification_is_a_position_unless_it_reports_casualties(actors):
    why = "Lloyd Austin said the strikes were a direct response to a series of attacks on U.S. personnel."
    assert one(actors, why).kind == "position"
    with_toll = (
        "وقالت سابرينا سينغ إن الضربات جاءت رداً على هجوم بصاروخ استهدف قاعدة عين الأسد يوم الاثنين، "
        "وأسفر عن إصابة ثمانية من الأفراد الأميركيين."
    )
    assert one(actors, with_toll, published=date(2023, 11, 22)).kind == "report"
    adjunct = "Lloyd Austin said F-15 jets hit a training facility in response to continued attacks."
    assert one(actors, adjunct).kind == "report"


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة جنود أميركيين وأصيب أربعة وثلاثون آخرون أمس في هجوم بطائرة مسيرة على البرج 22، بحسب ما أعلنته القيادة المركزية الأميركية.",
        "Three US soldiers were killed and 34 wounded on Sunday in a drone attack on Tower 22, US Central Command said.",
    ],
)
def test_a_sentence_that_opens_with_the_toll_is_casualty_figures_of_its_speaker(actors, text):
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == ("us-central-command", "casualty figures")


def test_bihasab_ma_afad_bihi_names_the_speaker_after_its_verb(actors):
    text = "استهدف قصف صاروخي منزلا في أربيل ليل الاثنين، بحسب ما أفاد به مجلس أمن إقليم كوردستان."
    statement = one(actors, text)
    assert statement.speaker_actor is not None and statement.speaker_actor.key == "kurdistan-region-security-council"
    assert statement.kind == "report"


def test_casualties_in_a_sentence_that_reports_the_attack_keep_it_a_report(actors):
    text = "The Pentagon said a one-way drone attack on Erbil Air Base wounded three service members on Monday."
    assert one(actors, text).kind == "report"


@pytest.mark.parametrize(
    "text",
    [
        "US Central Command said the strike killed a Kataib Hezbollah commander.",
        "وقالت القيادة المركزية الأميركية إن الغارة قتلت قياديا في كتائب حزب الله.",
    ],
)
def test_one_victim_named_without_a_number_is_a_report_not_casualty_figures(actors, text):
    assert one(actors, text).kind == "report"


def test_in_what_x_called_is_no_statement_of_x(actors):
    text = "A senior commander was killed Thursday when a drone strike hit his car, security sources said, in what the Pentagon called an act of self-defence."
    found = statements(actors, text)
    assert [s.speaker for s in found] == ["security sources"], summary(found, text)


def test_an_arabic_subject_ends_at_a_comma_before_fi_bayan(actors):
    text = "وقال الأمين العام للحركة أحمد الحميداوي، في بيان نشر على تلغرام، إن مقاتليه سيواصلون القتال."
    statement = one(actors, text)
    assert statement.speaker == "الأمين العام للحركة أحمد الحميداوي"
    assert statement.kind == "position"


def test_one_of_them_said_speaks_for_the_speakers_before(actors):
    text = (
        "The commander died when the drone fired on a car, according to two security officials. "
        "Five other people were wounded, one of them said."
    )
    found = statements(actors, text)
    assert [(s.speaker, s.kind) for s in found] == [("two security officials", "report"), ("one of them", "casualty figures")]


def test_a_spokesman_at_the_end_voices_the_statement_of_the_body_before(actors):
    text = "The coalition denied there had been any attack on the base, a spokesman told The National."
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == ("global-coalition-against-isis", "denial")


def test_said_in_a_reduced_relative_clause_is_no_statement(actors):
    text = "A US drone strike killed a senior commander the Pentagon said was responsible for attacks on American troops."
    assert statements(actors, text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وأكد مصدر في الشرطة لوكالة الصحافة الفرنسية أن صاروخين سقطا داخل القاعدة.", "مصدر في الشرطة"),
        ("A police source told Agence France-Presse that two rockets fell inside the base.", "A police source"),
    ],
)
def test_the_outlet_told_is_not_part_of_the_described_speaker(actors, text, speaker):
    assert one(actors, text).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The Popular Mobilization Forces said Abu Taqwa had been its deputy head of operations in Baghdad.",
        "وقالت هيئة الحشد الشعبي إن أبا تقوى كان قد شغل منصب معاون قائد العمليات في بغداد.",
    ],
)
def test_a_past_fact_about_a_person_is_a_report(actors, text):
    assert one(actors, text).kind == "report"


def test_wasafahu_describes_the_attack_named_before_and_has_its_own_speaker(actors):
    text = "وأدانت الخارجية الأميركية الهجوم، ووصفه المتحدث باسمها ماثيو ميلر بأنه متهور."
    found = statements(actors, text)
    assert [(s.speaker_actor.key, s.kind) for s in found] == [
        ("us-department-of-state", "condemnation"), ("matthew-miller", "condemnation")
    ]
    relations = "وأشاد الرئيس بالعلاقات مع بغداد، ووصفها المتحدث باسم الخارجية الأميركية ماثيو ميلر بأنها جيدة."
    assert statements(actors, relations)[-1].kind == "position"


@pytest.mark.parametrize(
    "text",
    [
        'The Pentagon said the strike was a "proportionate response" to the attack on al-Omar.',
        "وقال البنتاغون إن الضربة جاءت \"ردا\" على الهجوم على حقل العمر.",
    ],
)
def test_a_quoted_justification_is_a_position(actors, text):
    assert one(actors, text).kind == "position"


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ('Iraqi Prime Minister Mohammed Shia al-Sudani ordered an investigation and called the attack a "terrorist act."',
         "mohammed-shia-al-sudani", "condemnation"),
        ("The Iraqi government opened an inquiry and condemned the attack on the embassy.", "iraqi-government", "condemnation"),
    ],
)
def test_the_subject_of_the_sentence_speaks_with_its_coordinated_verb(actors, text, speaker, kind):
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == (speaker, kind)
    assert not statement.speaker.endswith("and")


def test_rasad_is_a_report_verb(actors):
    text = "رصد المرصد السوري لحقوق الإنسان سقوط قذيفتين صاروخيتين مساء أمس داخل قاعدة حقل العمر."
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == ("sohr", "report")


def test_a_speech_verb_after_idh_explains_the_statement_before_it(actors):
    text = "ونفت طهران أي صلة لها بالهجوم، إذ قال المتحدث باسم وزارة الخارجية الإيرانية إن بلاده لا تتدخل في قرارات الفصائل."
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == ("iran", "denial")
    assert statement.span.text(text).rstrip(".").endswith("الفصائل")


def test_a_named_speaker_with_a_role_in_apposition_without_article(actors):
    text = "Maj Gen Yehia Rasool, spokesman for the Iraqi commander-in-chief, called the strike a blatant assassination."
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == ("yehia-rasool", "condemnation")
    assert statement.span.start == 0


def test_a_victim_and_a_companion_are_no_stated_figure(actors):
    text = "The commander died along with a companion when the drone fired on his car, the Pentagon said."
    assert one(actors, text).kind == "report"
    counted = "Two members of Kataib Hezbollah died in the strike, the Pentagon said."
    assert one(actors, counted).kind == "casualty figures"


def test_no_casualties_is_a_report_not_casualty_figures(actors):
    text = "A US defence official told AFP that rockets targeted the Rumeilan base and there were no casualties."
    assert one(actors, text).kind == "report"


# --- Speakers ------------------------------------------------------------------------------------------------


def test_named_actor_speaker_after_an_arabic_verb(actors):
    statement = one(actors, "وقالت القيادة المركزية الأميركية إن الضربات استهدفت مواقع في القائم.")
    assert statement.speaker_actor.key == "us-central-command"
    assert statement.verb == "وقالت"


def test_described_speaker_has_no_actor_when_the_text_names_no_body(actors):
    statement = one(actors, "ذكر مصدر أمني في كردستان العراق أن الدفاعات الجوية أسقطت طائرة مسيرة.")
    assert statement.speaker == "مصدر أمني في كردستان العراق"
    assert statement.speaker_actor is None


def test_described_speaker_speaks_for_the_body_named(actors):
    statement = one(actors, "أفاد مسؤول في وزارة الدفاع الأميركية بحدوث هجومين على قاعدة عين الأسد.")
    assert statement.speaker == "مسؤول في وزارة الدفاع الأميركية"
    assert statement.speaker_actor.key == "us-department-of-defense"


def test_titled_person_is_the_person(actors):
    statement = one(actors, "وناشد المتحدث باسم الخارجية الأميركية، ماثيو ميلر، القوات العراقية باعتقال الجناة.")
    assert statement.speaker_actor.key == "matthew-miller"
    assert statement.speaker == "المتحدث باسم الخارجية الأميركية، ماثيو ميلر"
    assert statement.kind == "demand"


def test_english_subject_with_an_appositive(actors):
    text = "The Islamic Resistance in Iraq, an umbrella group of armed factions, said it had attacked the base."
    statement = one(actors, text)
    assert statement.speaker_actor.key == "islamic-resistance-in-iraq"
    assert statement.kind == "claim"


def test_unknown_english_speaker_is_kept_as_described(actors):
    text = "Jordan's government spokesman Muhannad Mubaidin told state television that the attack hit a base in Syria."
    statement = one(actors, text)
    assert statement.speaker == "Jordan's government spokesman Muhannad Mubaidin"
    assert statement.speaker_actor is None


def test_surname_and_head_noun_stand_for_the_actor_named_before(actors):
    text = (
        "Defense Secretary Lloyd Austin said F-15 jets hit two sites. "
        '"We will defend our troops," Austin said. '
        "The Syrian Observatory for Human Rights said eight fighters were killed. "
        "Two more died later, according to the Observatory."
    )
    found = statements(actors, text)
    assert [(s.speaker_actor.key, s.kind) for s in found] == [
        ("lloyd-austin", "report"), ("lloyd-austin", "position"), ("sohr", "casualty figures"), ("sohr", "casualty figures"),
    ]


def test_arabic_short_references_to_earlier_actors(actors):
    text = (
        "أعلن جهاز مكافحة الإرهاب في إقليم كوردستان أن طائرة مسيرة استهدفت مطار أربيل. "
        "وأوضح الجهاز في بيان أن الدفاعات الجوية أسقطتها. "
        "وقالت نائبة المتحدث باسم البنتاغون، سابرينا سينغ، إن الهجوم لم يسفر عن إصابات. "
        "وأضافت سينغ أن القوات الأميركية سترد."
    )
    found = statements(actors, text)
    assert [s.speaker_actor.key for s in found] == [
        "kurdistan-counter-terrorism", "kurdistan-counter-terrorism", "sabrina-singh", "sabrina-singh",
    ]
    assert found[-1].kind == "position"


def test_pronoun_and_the_statement_refer_to_the_previous_speaker(actors):
    text = (
        "The SDF said a drone struck its base. It accused Iran-backed militias of launching the drone. "
        "The statement said six fighters were killed."
    )
    found = statements(actors, text)
    assert [s.speaker_actor.key for s in found] == ["syrian-democratic-forces"] * 3
    assert [s.kind for s in found] == ["report", "report", "casualty figures"]


def test_the_office_of_a_titled_person_speaks_for_the_office(actors):
    text = "The office of Iraqi Prime Minister Mohammed Shia al-Sudani condemned the U.S. strikes."
    statement = one(actors, text)
    assert statement.speaker_actor.key == "iraqi-prime-minister-office"


def test_a_name_holding_a_verb_is_no_speech(actors):
    text = "وأسفرت الغارة عن مقتل القيادي مشتاق طالب السعيدي."
    assert statements(actors, text) == []


def test_negated_verb_is_no_statement(actors):
    text = "وكانت المقاومة الإسلامية في العراق قد أعلنت استهداف قاعدة الشدادي، من دون أن تؤكد واشنطن الهجوم."
    found = statements(actors, text)
    assert [(s.speaker_actor.key, s.kind) for s in found] == [("islamic-resistance-in-iraq", "claim")]


def test_sentence_without_speech_verb_gives_no_statement(actors):
    assert statements(actors, "سقطت ثلاث قذائف صاروخية داخل قاعدة عين الأسد.") == []
    assert statements(actors, "Three rockets landed inside Ain al-Asad air base on Monday.") == []


@pytest.mark.parametrize(
    "text, speaker, actor_key",
    [
        ("قال بيان صادر عن خلية الإعلام الأمني إن صاروخين سقطا قرب مطار بغداد.", "خلية الإعلام الأمني", "iraqi-security-media-cell"),
        ("وقال النائب عن تحالف الفتح علي تركي إن القوات الأميركية يجب أن تنسحب.", "النائب عن تحالف الفتح علي تركي", None),
        ("أعرب الأمين العام للأمم المتحدة عن قلقه إزاء الهجمات على القواعد.", "الأمين العام للأمم المتحدة", "united-nations"),
        ("According to a statement from the Iraqi Security Media Cell, two rockets fell near the airport.", "Iraqi Security Media Cell", "iraqi-security-media-cell"),
        ("Two rockets hit the base, said Ahmed al-Asadi, a spokesman for the militia.", "Ahmed al-Asadi", None),
        ("Iraqi police said three people were wounded in the blast.", "Iraqi police", None),
        ("Ryder said the drone was shot down.", "Ryder", None),
        ("The ministry on Monday said the drone was shot down.", "The ministry", None),
        ("The Pentagon's press secretary, Maj. Gen. Pat Ryder, told reporters that no one was hurt.", None, "pat-ryder"),
        ("Witnesses told AFP a drone hit the compound.", "Witnesses", None),
        ("وقال شهود عيان إن انفجارا هز المنطقة.", "شهود عيان", None),
    ],
)
def test_speaker_forms(actors, text, speaker, actor_key):
    statement = one(actors, text)
    if speaker is not None:
        assert statement.speaker == speaker
    assert (statement.speaker_actor.key if statement.speaker_actor else None) == actor_key


@pytest.mark.parametrize(
    "text, actor_key, kind",
    [
        ("The Islamic Resistance in Iraq said it attacked the base. The group said it would continue its operations.",
         "islamic-resistance-in-iraq", "position"),
        ("Kataib Hezbollah announced a suspension of attacks. The militia said the decision was meant to avoid "
         "embarrassing the Iraqi government.", "kataib-hezbollah", "position"),
        ("The Syrian Observatory for Human Rights said five fighters were killed. The Britain-based monitor said "
         "the strikes hit weapons depots.", "sohr", "report"),
        ("Iraqi forces said a drone was shot down. The military said it had opened an investigation.",
         "iraqi-security-forces", "report"),
    ],
)
def test_the_group_the_militia_the_monitor_stand_for_the_actor_named_before(actors, text, actor_key, kind):
    found = statements(actors, text)
    assert len(found) == 2
    assert found[1].speaker_actor.key == actor_key
    assert found[1].speaker == found[1].span.text(text).split(" said")[0]
    assert found[1].kind == kind


def test_a_common_noun_with_nothing_before_it_is_no_speaker(actors):
    assert statements(actors, "The group said it would continue its operations.") == []


def test_role_and_name_between_commas_before_the_verb(actors):
    text = "A spokesman for Kataib Hezbollah, Jaafar al-Husseini, said the group would keep attacking."
    statement = one(actors, text)
    assert statement.speaker == "A spokesman for Kataib Hezbollah, Jaafar al-Husseini"
    assert statement.speaker_actor.key == "kataib-hezbollah"


def test_speaker_with_its_acronym_in_brackets_before_the_verb(actors):
    text = (
        "A drone attack targeted Harir air base late on Thursday, the Kurdistan Region's Counter-Terrorism "
        "Department (CTD) said, adding that the attack caused no casualties."
    )
    statement = one(actors, text)
    assert statement.speaker_actor.key == "kurdistan-counter-terrorism"
    assert statement.span == Span(0, len(text))
    assert statement.kind == "report"


def test_parenthetical_attribution_covers_the_whole_sentence(actors):
    text = "The strikes, the Pentagon said, targeted command centres and weapons depots."
    statement = one(actors, text)
    assert statement.span == Span(0, len(text))
    assert statement.speaker_actor.key == "us-department-of-defense"


def test_calling_an_act_a_violation_is_a_condemnation(actors):
    text = "Iraqi Prime Minister Mohammed Shia al-Sudani said the attacks were a violation of Iraqi sovereignty."
    assert one(actors, text).kind == "condemnation"
    assert one(actors, "وقال العوادي إن الضربات انتهاك واضح للسيادة العراقية.").kind == "condemnation"


def test_an_outlet_quoting_its_source_is_one_statement_by_the_outlet(actors):
    text = "وأفادت وكالة الأنباء العراقية (واع) نقلاً عن مصدر أمني بأن صاروخين سقطا قرب المطار."
    statement = one(actors, text)
    assert statement.speaker_actor.key == "iraqi-news-agency"
    assert statement.span == Span(0, len(text))


def test_a_role_phrase_followed_by_the_persons_name_is_the_person(actors):
    text = "قال الناطق باسم وزارة الدفاع الأميركية (البنتاغون) بات رايدر في مؤتمر صحفي إن الهجوم لم يسفر عن إصابات."
    statement = one(actors, text)
    assert statement.speaker_actor.key == "pat-ryder"
    assert statement.speaker == "الناطق باسم وزارة الدفاع الأميركية (البنتاغون) بات رايدر"


def test_more_arabic_speech_verbs_and_a_role_noun_for_the_last_described_speaker(actors):
    text = "أفاد مصدر أمني بسقوط صاروخين قرب المطار. ولفت المصدر إلى أن الهجوم وقع قرابة الساعة العاشرة مساء."
    found = statements(actors, text)
    # the role noun is resolved to the last described speaker, and written as the text writes it (surface_speaker)
    assert [s.speaker for s in found] == ["مصدر أمني", "المصدر"]
    assert found[1].verb == "ولفت" and found[1].confidence < found[0].confidence


def test_a_pronoun_subject_after_an_arabic_verb_is_the_sentence_speaker(actors):
    text = 'وتبنت "المقاومة الإسلامية في العراق" الهجوم في بيان على تلغرام، قالت فيه إنها استهدفت القاعدة.'
    statement = one(actors, text)
    assert statement.speaker_actor.key == "islamic-resistance-in-iraq"
    assert statement.kind == "claim"
    assert statement.span.end == len(text)


def test_a_subject_pronoun_with_no_statement_before_gives_nothing(actors):
    assert statements(actors, "وأضاف أن القوات الأمنية فتحت تحقيقا.") == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Kataib Hezbollah said it was not involved in the attack.", "denial"),
        ("أعلنت حركة النجباء مسؤوليتها عن الهجوم على قاعدة التنف.", "claim"),
        ("The United Nations welcomed the decision to open an investigation.", "position"),
        ("أعرب الأمين العام للأمم المتحدة عن قلقه إزاء الهجمات على القواعد.", "position"),
        ("The Iraqi military said the strikes killed one soldier and wounded 18 people.", "casualty figures"),
    ],
)
def test_kind_from_content(actors, text, kind):
    assert one(actors, text).kind == kind


def test_rejecting_an_attack_after_the_attribution_is_a_condemnation(actors):
    text = "Iraq's Foreign Ministry said in a statement late Tuesday that it rejected any attack on Iraqi territory."
    assert one(actors, text).kind == "condemnation"


def test_an_appositive_between_speaker_and_verb_is_not_what_was_said(actors):
    text = (
        "Kataib Hezbollah, which the U.S. blames for the Jordan attack, announced that it was suspending "
        "military operations to prevent embarrassment to the Iraqi government."
    )
    statement = one(actors, text)
    assert statement.speaker_actor.key == "kataib-hezbollah"
    assert statement.kind == "position"


def test_spokesman_for_an_armed_group_speaks_for_it(actors):
    text = 'وقال المتحدث باسم كتائب حزب الله، جعفر الحسيني، في تصريح متلفز، إن "العمليات ستستمر".'
    statement = one(actors, text)
    assert statement.speaker == "المتحدث باسم كتائب حزب الله"
    assert statement.speaker_actor.key == "kataib-hezbollah"
    assert statement.kind == "position"


def test_two_speakers_in_one_sentence_split_it(actors):
    text = "The Pentagon said two drones were shot down, while the Islamic Resistance said it hit the base."
    first, second = statements(actors, text)
    assert first.span.text(text) == "The Pentagon said two drones were shot down"
    assert second.span.text(text) == "while the Islamic Resistance said it hit the base."
    assert second.speaker == "the Islamic Resistance"


def test_according_to_the_statement_is_the_previous_speaker(actors):
    text = (
        "The Islamic Resistance in Iraq said it attacked the base. "
        "Two drones were launched at the base, according to the statement."
    )
    found = statements(actors, text)
    assert [s.speaker_actor.key for s in found] == ["islamic-resistance-in-iraq"] * 2


def test_one_of_the_officials(actors):
    text = "There were no injuries and no damage to the base, one of the officials said."
    statement = one(actors, text)
    assert statement.speaker == "one of the officials"
    assert statement.span == Span(0, len(text))


def test_a_subject_that_is_no_speaker_gives_no_statement(actors):
    assert statements(actors, "The attack claimed the lives of three soldiers.") == []


# --- Attribution at the end --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, actor_key, start",
    [
        ("وتزامنت هذه الهجمات مع استهداف ثلاث قواعد في سوريا، وفقًا للمسؤول في البنتاغون.", "us-department-of-defense", 0),
        ("وتعرضت السفارة الأميركية في بغداد لهجوم صاروخي، وفقًا لتقرير وكالة رويترز.", "reuters", 0),
        ("سقطت قذيفتان قرب القاعدة، بحسب المرصد السوري لحقوق الإنسان.", "sohr", 0),
        ("Rockets hit the base on Monday, according to the Pentagon.", "us-department-of-defense", 0),
        ("Most rockets were intercepted, but some hit the base, CENTCOM said.", "us-central-command", 0),
        ("A drone was shot down near the airport, said Maj. Gen. Pat Ryder.", "pat-ryder", 0),
    ],
)
def test_attribution_at_the_end_makes_the_sentence_a_report_by_that_speaker(actors, text, actor_key, start):
    statement = one(actors, text)
    assert statement.speaker_actor.key == actor_key
    assert statement.kind == "report"
    assert statement.span.start == start and statement.span.end == len(text)


def test_front_attribution_with_bihasab(actors):
    text = "وبحسب البنتاغون، تعرضت القوات الأميركية لأكثر من 140 هجوماً منذ منتصف تشرين الأول الماضي."
    statement = one(actors, text)
    assert statement.speaker_actor.key == "us-department-of-defense"
    assert statement.verb == "وبحسب"


def test_quoted_speech_attributed_after_starts_at_the_opening_quote(actors):
    text = '"A drone attack targeted Harir base at 11:30 p.m. on Thursday. There were no casualties," the CTD said.'
    statement = one(actors, text)
    assert statement.span == Span(0, len(text))
    assert statement.kind == "report"


# --- Cumulative figures ---------------------------------------------------------------------------------------


def test_cumulative_figures_are_statements_with_casualties_or_without(actors):
    with_injuries = (
        "وأشارت واشنطن إلى أن جماعات موالية لإيران نفذت نحو 80 هجومًا على القوات الأميركية منذ منتصف أكتوبر "
        "الماضي، مما أسفر عن إصابة العديد من الجنود الأميركيين بجروح طفيفة."
    )
    assert one(actors, with_injuries, published=SEED_PUBLISHED).kind == "casualty figures"
    without = "The Pentagon says U.S. forces have come under attack more than 150 times since mid-October."
    assert one(actors, without).kind == "report"


def test_cumulative_figures_without_a_verb_continue_the_statement_before_them(actors):
    text = (
        "وأشارت واشنطن إلى أن جماعات موالية لإيران نفذت نحو 80 هجومًا منذ منتصف أكتوبر الماضي. "
        "ردًا على ذلك، نفذت القوات الأميركية 5 ضربات في العراق وسوريا أسفرت عن مقتل عناصر من فصائل تتبع لإيران."
    )
    found = statements(actors, text, published=SEED_PUBLISHED)
    assert len(found) == 2
    assert found[1].speaker_actor.key == "us-government"
    assert found[1].span.text(text).startswith("ردًا على ذلك")
    assert found[1].kind == "report"


def test_a_figure_sentence_in_a_new_paragraph_does_not_continue_a_statement(actors):
    text = (
        "وأشارت واشنطن إلى أن الهجمات مستمرة.\n"
        "ردًا على ذلك، نفذت القوات الأميركية 5 ضربات في العراق وسوريا."
    )
    assert len(statements(actors, text)) == 1


def test_a_count_of_one_event_is_not_cumulative(actors):
    text = "US warplanes struck three sites near Hillah on Tuesday."
    assert statements(actors, text) == []


# --- Dates and headlines ---------------------------------------------------------------------------------------


def test_statement_date_is_the_publication_date_unless_the_attribution_gives_one(actors):
    published = date(2023, 10, 27)  # a Friday
    said_thursday = one(actors, "The CTD said on Thursday that a drone attack targeted Harir base.", published=published)
    assert said_thursday.date == date(2023, 10, 26)
    event_dated = one(actors, "The CTD said a drone attack targeted Harir base on Thursday.", published=published)
    assert event_dated.date == published
    arabic = one(actors, "أفاد مصدر أمني، أمس الخميس، بأن طائرة مسيرة سقطت قرب المطار.", published=published)
    assert arabic.date == date(2023, 10, 26)


def test_headline_and_subheads_give_no_statements(actors):
    text = (
        "المقاومة الإسلامية في العراق تعلن استهداف قاعدة التنف\n"
        "اتهامات أميركية\n"
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة التنف بطائرة مسيرة."
    )
    found = statements(actors, text)
    assert len(found) == 1
    assert found[0].span.text(text).startswith("أعلنت")


@pytest.mark.parametrize(
    "text",
    [
        "«كتائب حزب الله» تعلن تعليق عملياتها ضد القوات الأميركية... و«النجباء» تتمسك بمواصلتها\n"
        "أعلنت كتائب حزب الله أمس تعليق عملياتها ضد القوات الأميركية.",
        "US drone strike in Baghdad kills Kataib Hezbollah commander\n"
        "Iraqi military says the attack in a residential area is a blatant assassination of a commander\n"
        "A US drone strike killed a Kataib Hezbollah commander in Baghdad on Wednesday, the Pentagon said.",
    ],
)
def test_a_headline_with_an_ellipsis_and_a_standfirst_give_no_statements(actors, text):
    found = statements(actors, text)
    assert len(found) == 1, summary(found, text)
    assert found[0].span.start > text.rindex("\n")


# --- Linking to incidents ---------------------------------------------------------------------------------------


def test_condemnation_links_the_incident_whose_place_it_names_and_reactions_follow_it(actors):
    text = SEED_TEXT
    incidents = incidents_from_coding(text, SEED_CODING)
    found = find_statements(text, SEED_PUBLISHED, "ar", actors, incidents)
    austin, state, miller = (s for s in found if s.kind in ("condemnation", "demand"))
    embassy = [item["key"] for item in SEED_CODING["incidents"]].index("embassy-rockets")
    assert austin.incidents == state.incidents == miller.incidents == [embassy]


def test_the_wounded_and_the_attack_on_the_embassy_refer_to_the_incident_just_discussed(actors):
    text = SEED_TEXT + "\nوقال مسؤول أميركي إن الجرحى نقلوا إلى المستشفى."
    incidents = incidents_from_coding(SEED_TEXT, SEED_CODING)
    found = find_statements(text, SEED_PUBLISHED, "ar", actors, incidents)
    assert found[-1].speaker == "مسؤول أميركي"
    assert found[-1].incidents == found[-2].incidents == []  # after cumulative figures: nothing to refer to
    text = SEED_TEXT.replace("وأكدت الولايات المتحدة حقها في الدفاع عن النفس.", "وقال مسؤول أميركي إن الهجوم على السفارة لم يسفر عن إصابات.")
    found = find_statements(text, SEED_PUBLISHED, "ar", actors, incidents_from_coding(text, SEED_CODING))
    embassy = [item["key"] for item in SEED_CODING["incidents"]].index("embassy-rockets")
    said = next(s for s in found if s.speaker == "مسؤول أميركي")
    assert said.incidents == [embassy]


def test_a_claim_about_a_series_links_every_attack_even_when_its_sentence_is_one_incidents_evidence(actors):
    incidents = incidents_from_coding(SEED_TEXT, SEED_CODING)
    claim_sentence = locate(SEED_TEXT, "يعتبر هذا الهجوم جزءًا من سلسلة من العمليات")
    embassy = [item["key"] for item in SEED_CODING["incidents"]].index("embassy-rockets")
    incidents[embassy].evidence.append(claim_sentence)  # as an incident extractor may hand it over
    found = find_statements(SEED_TEXT, SEED_PUBLISHED, "ar", actors, incidents)
    claim = next(s for s in found if s.kind == "claim")
    keys = [item["key"] for item in SEED_CODING["incidents"]]
    assert sorted(keys[i] for i in claim.incidents) == sorted(["embassy-rockets", "erbil-drones", "ain-al-asad", "syria-bases"])


def test_claim_without_a_named_incident_links_every_attack_not_carried_out_by_a_state(seed_statements):
    claim = next(s for s in seed_statements if s.kind == "claim")
    keys = [item["key"] for item in SEED_CODING["incidents"]]
    assert [keys[i] for i in claim.incidents] == ["embassy-rockets", "erbil-drones", "ain-al-asad", "syria-bases"]


def test_the_kinds_are_the_models_statement_kinds():
    from incidents.extraction import statements as module

    values = {module.REPORT, module.CLAIM, module.CONDEMNATION, module.DENIAL, module.DEMAND, module.POSITION,
              module.CASUALTY_FIGURES}
    assert values == KINDS


def test_english_head_noun_is_the_noun_before_of_or_for(actors):
    text = (
        "The Islamic Resistance in Iraq said it attacked the base. "
        "Iraq said the attack was a violation of its sovereignty."
    )
    found = statements(actors, text)
    assert [s.speaker_actor.key for s in found] == ["islamic-resistance-in-iraq", "iraqi-government"]


# --- Untrusted text and speed ------------------------------------------------------------------------------------


def test_markup_in_text_is_kept_as_text_and_offsets_stay_exact(actors):
    text = 'The Pentagon said "<script>alert(1)</script>" rockets hit the base.'
    statement = one(actors, text)
    assert statement.span.text(text) == text
    assert statement.speaker == "The Pentagon"


def test_empty_and_odd_texts(actors):
    assert statements(actors, "", language="ar") == []
    assert statements(actors, "\n\n   \n", language="en") == []
    assert statements(actors, "said said said.", language="en") == []
    assert statements(actors, "قال", language="ar") == []


def test_a_thousand_word_article_gives_the_statements_of_every_part(actors, article_results):
    # Its speed is measured by bench/bench_extraction.py (a benchmark, not a timed test).
    coding, text, _ = article_results["ar_05_jurf_al_sakhar_strikes_baghdad_today.expected.json"]
    body = text.split("\n", 1)[1]
    long_text = text
    copy = 0
    while len(long_text.split()) < 1000:
        copy += 1  # each copy differs, so nothing cached for one copy serves the next
        long_text += "\n" + body.replace("بيان", f"بيان {copy}")
    published = date.fromisoformat(coding["source"]["published"])
    mentions = actors.find(long_text, "ar")
    dates = find_dates(long_text, published, "ar")
    found = find_statements(long_text, published, "ar", actors, [], actor_mentions=mentions, date_mentions=dates)
    assert len(found) >= 6 * copy


@pytest.mark.parametrize(
    "text",
    [
        "The Popular Mobilization Forces said in a statement that five of its members had been killed in the strike "
        "south-west of Kirkuk late on Sunday.",
        "وقال الحشد الشعبي في بيان إن خمسة من عناصره قتلوا في الضربة قرب كركوك مساء الأحد.",
    ],
)
def test_a_toll_of_the_strike_told_before_is_casualty_figures_even_with_its_day(actors, text):
    assert one(actors, text, published=date(2023, 12, 4)).kind == "casualty figures"


def test_a_toll_that_introduces_its_attack_with_a_day_stays_a_report(actors):
    text = "The Pentagon said a drone attack on Ain al-Asad air base on Sunday wounded five U.S. soldiers."
    assert one(actors, text, published=date(2023, 12, 4)).kind == "report"


def test_a_month_abbreviation_and_brig_gen_do_not_end_the_statement(actors):
    text = (
        "U.S. and coalition forces have been attacked at least 19 times in Iraq and Syria since Oct. 17, "
        "Pentagon press secretary Brig. Gen. Pat Ryder told reporters on Thursday."
    )
    statement = one(actors, text, published=date(2023, 10, 27))
    assert statement.span.text(text) == text
    assert (statement.speaker_actor.key, statement.kind) == ("pat-ryder", "report")


@pytest.mark.parametrize(
    "text",
    [
        "A senior defense official said the strikes were meant to deter further attacks on U.S. troops.",
        "وقال مسؤول أميركي إن الضربات تهدف إلى ردع الهجمات على القوات الأميركية.",
    ],
)
def test_what_the_strikes_were_for_is_a_position(actors, text):
    assert one(actors, text).kind == "position"


@pytest.mark.parametrize(
    "text",
    [
        "Two Iraqi security sources told Reuters the dead belonged to Kataib Hezbollah.",
        "وقال مصدران أمنيان إن القتلى ينتمون إلى كتائب حزب الله.",
    ],
)
def test_whose_the_dead_were_is_a_report(actors, text):
    assert one(actors, text).kind == "report"


@pytest.mark.parametrize(
    "text",
    [
        'Lloyd Austin described the strikes as "narrowly tailored" acts of self-defense.',
        "ووصف لويد أوستن الضربات بأنها دفاع عن النفس.",
    ],
)
def test_strikes_described_as_self_defence_are_a_position(actors, text):
    assert one(actors, text).kind == "position"


def test_english_called_it_describes_the_event_told_just_before(actors):
    event = "Iraq's government reacted angrily to the gunship strike. Government spokesman Basim al-Awadi called it \"a dangerous escalation.\""
    other = "The minister met the ambassador on Monday. Government spokesman Basim al-Awadi called it \"a productive meeting.\""
    assert one(actors, event).kind == "condemnation"
    assert one(actors, other).kind == "position"


def test_arabic_the_same_group_speaks_for_the_group_named_before(actors):
    text = (
        "وتبنت المقاومة الإسلامية في العراق الهجوم على قاعدة الشدادي. "
        "كما أعلنت الجماعة ذاتها أنها قصفت أمس قاعدة تل بيدر بعدد من الصواريخ."
    )
    found = statements(actors, text)
    second = [s for s in found if "تل بيدر" in s.span.text(text)]
    assert second and (second[0].speaker_actor.key, second[0].kind) == ("islamic-resistance-in-iraq", "claim")


def test_a_group_saying_it_is_suspending_its_operations_is_a_position(actors):
    text = (
        "Kataib Hezbollah said on Tuesday that it was suspending its military operations against US forces, "
        "days after a drone attack killed three American soldiers."
    )
    assert one(actors, text).kind == "position"


@pytest.mark.parametrize(
    "text",
    [
        'وتبنت ما تسمى بـ"المقاومة الإسلامية في العراق"، في بيان نشرته على تلغرام، الهجوم على عين الأسد.',
        "وتبنت ما يسمى المقاومة الإسلامية في العراق الهجوم على عين الأسد.",
    ],
)
def test_arabic_so_called_group_after_the_verb_is_the_speaker(actors, text):
    statement = one(actors, text)
    assert (statement.speaker_actor.key, statement.kind) == ("islamic-resistance-in-iraq", "claim")


def test_arabic_named_subject_set_off_by_commas_before_qad_is_the_speaker(actors):
    text = (
        "ونفت قيادة العمليات المشتركة تعرض القاعدة لأي هجوم. "
        "وكان الناطق باسم القائد العام للقوات المسلحة، اللواء يحيى رسول، قد أكد في وقت سابق أن الحكومة "
        "\"لن تسمح لأي جهة بتهديد أمن البلد\"."
    )
    found = [s for s in statements(actors, text) if "لن تسمح" in s.span.text(text)]
    assert found and (found[0].speaker_actor.key, found[0].kind) == ("yehia-rasool", "position")


@pytest.mark.parametrize(
    "text, kind",
    [
        # family zero_casualties: a statement that nobody was hurt gives casualty figures (zero) ...
        ("وقال مصدر أمني إنه لم تقع إصابات في صفوف القوات.", "casualty figures"),
        ("وأكد مسؤول أميركي عدم وقوع إصابات بين الجنود بعد الهجوم.", "casualty figures"),
        ('"There were no casualties," the official said of the attack.', "casualty figures"),
        ("The official said it was not clear whether there were casualties.", "casualty figures"),
        ("The Syrian Observatory for Human Rights said ambulances rushed to the area but it wasn't clear if there were casualties.", "casualty figures"),
        ("وقال المسؤول إنه ليس لديهم أي معلومات حتى الآن عن الضحايا.", "casualty figures"),
        # a negated verb of result whose object is the toll, said of the attack told before
        ("وقال مصدر عسكري إن الهجوم لم يسفر عن إصابات في صفوف الجنود.", "casualty figures"),
        ("وأكدت السفارة أن القصف لم يوقع ضحايا بين موظفيها.", "casualty figures"),
        ("An official said the attack did not cause any casualties among the troops.", "casualty figures"),
        # ... unless the statement tells the event itself: then it reports the event
        ("وقال مصدر أمني إن صاروخا سقط قرب القاعدة ولم تقع إصابات.", "report"),
        ("A security source said a rocket landed near the base, causing no casualties.", "report"),
        # ... or names the event with its target: the statement confirms that attack
        ("وقال مسؤول أميركي إن الهجوم على القاعدة لم يسفر عن إصابات.", "report"),
        ("A US official said the attack on the base did not result in injuries.", "report"),
    ],
)
def test_zero_casualties_is_casualty_figures_unless_the_event_is_told(actors, text, kind):
    assert one(actors, text).kind == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        # family self_claim: an armed group telling of its fighters' attack claims it
        ('وقالت كتائب حزب الله في بيان إن "مجاهديها هاجموا قاعدة الحرير بطائرة مسيرة".', "claim"),
        ('وذكرت كتائب حزب الله في بيان أنه "استهدف مجاهدونا قاعدة عين الأسد".', "claim"),
        ("Kataib Hezbollah said in a statement that its brave fighters struck the base with drones.", "claim"),
        # family justification: why a strike was made is a position
        ("وقال وزير الدفاع الأميركي إن الضربات كانت رداً مباشراً على الهجمات ضد قواتنا.", "position"),
        ("وأضاف وزير الدفاع الأميركي أن الغارات تهدف لتقويض قدرات الجماعات المسلحة.", "position"),
        ("A defense official said the sites were chosen because they held weapons used against US troops.", "position"),
        ("The White House said one purpose of the strikes was to deter further attacks.", "position"),
        # an act framed by the course it belongs to is a position (why, not what happened)
        ("وأكدت الفصائل أن قصف القاعدة يأتي في إطار نهجها في مواجهة الاحتلال.", "position"),
        ("Kataib Hezbollah said the attack on the base comes as part of its campaign against the occupation.", "position"),
        ("The Pentagon said the strikes come as part of a campaign to degrade the militias.", "position"),
    ],
)
def test_own_fighters_attack_is_a_claim_and_why_a_strike_was_made_is_a_position(actors, text, kind):
    assert one(actors, text).kind == kind


@pytest.mark.parametrize(
    "text, speaker_key",
    [
        # family relay: the source an outlet relays speaks, when it speaks for an actor ...
        ("Two rockets hit the base on Monday, Reuters reported, citing Iraqi security officials.", "iraqi-security-forces"),
        ("According to Reuters, citing US officials, the drone missed the base.", "us-government"),
        ("ونقلت وكالة رويترز عن مسؤولين أميركيين أن صاروخين سقطا قرب القاعدة.", "us-government"),
        # ... and the outlet answers for sources that speak for no one
        ("ونقلت وكالة رويترز عن مصادر محلية أن صاروخين سقطا قرب القاعدة.", "reuters"),
    ],
)
def test_the_source_an_outlet_relays_is_the_speaker(actors, text, speaker_key):
    statement = one(actors, text)
    assert statement.speaker_actor is not None and statement.speaker_actor.key == speaker_key


def test_a_verb_before_a_colon_continues_the_speaker_before(actors):
    # family colon_continuation
    text = 'وقالت كتائب حزب الله في بيان إن الهجوم كان ردا على الغارات. وأضاف: "سنواصل عملياتنا ضد القوات الأميركية".'
    found = statements(actors, text, language="ar")
    assert [(s.speaker_actor.key if s.speaker_actor else None) for s in found] == ["kataib-hezbollah"] * 2
    assert text[found[1].span.start : found[1].span.end].startswith("وأضاف:")


def test_what_a_statement_says_is_the_statements(actors):
    # family statement_says: "وجاء في بيان …": the statement speaks, for the actor it names
    statement = one(actors, "وجاء في بيان مشترك للحكومة العراقية إن المهمة ستنتهي خلال عام.")
    assert statement.speaker.startswith("بيان مشترك") and statement.speaker_actor.key == "iraqi-government"


def test_ala_lisan_names_who_speaks_for_the_actor(actors):
    # family relay: "أعلنت واشنطن، على لسان وزير الدفاع، أن": the minister speaks
    statement = one(actors, "وأعلنت واشنطن، على لسان وزير الدفاع لويد أوستن، أن الضربات ستستمر.")
    assert statement.speaker_actor.key == "lloyd-austin"


@pytest.mark.parametrize(
    "text",
    [
        # family toll_predicate: the toll is the main clause, the attack its circumstance
        "A US official said several US personnel were injured in a drone attack on the base.",
        "Iraqi security sources said the US strikes killed six fighters near the border.",
        "ونقلت وكالة رويترز عن مسؤولين أميركيين أن ما لا يقل عن أربعة جنود أصيبوا في هجوم على القاعدة.",
        'وأكد الوزير أن "الهجوم أدى إلى إصابة 5 أفراد أميركيين".',
        "أعلنت الحكومة العراقية اليوم مصرع 7 أشخاص في ضربات جوية.",
        "Kataib Hezbollah announced the death of three of its members in a strike.",
    ],
)
def test_a_toll_told_as_the_main_clause_is_casualty_figures(actors, text):
    assert one(actors, text).kind == "casualty figures"


def test_a_strike_that_killed_one_named_victim_is_no_toll(actors):
    # family toll_predicate needs a count: "the strike killed a commander" tells who, not how many
    assert one(actors, "US Central Command said the strike killed a senior militia commander.").kind == "report"


@pytest.mark.parametrize(
    "text",
    [
        # family condemnation_words
        'وقالت وزارة الخارجية العراقية في بيان "تدين الوزارة القصف الذي استهدف مواقع الحشد".',
        "وقال المتحدث باسم الحكومة العراقية باسم العوادي إن الولايات المتحدة ارتكبت عدواناً جديداً على العراق.",
        'The Popular Mobilization Forces confirmed the strike, calling it a "criminal act".',
        'واعتبرت الرئاسة أن "مثل هذه النشاطات تعد تجاوزاً على مسؤولية الحكومة".',
    ],
)
def test_condemnation_in_what_was_said(actors, text):
    assert one(actors, text).kind == "condemnation"


def test_a_person_named_before_an_appositive_speaks_and_he_refers_back(actors):
    # family appositive_name
    text = "Ahmed Hassan, a local activist who runs a news page, said the strike hit a depot. He said a second strike hit a house."
    found = statements(actors, text, language="en")
    assert [s.speaker for s in found] == ["Ahmed Hassan", "Ahmed Hassan"]


@pytest.mark.parametrize(
    "text",
    [
        # family fact_verbs: a fact told with a verb of something done or undergone is a report
        "وقال أحد الركاب إن الرحلات في المطار توقفت بعد الانفجار.",
        "وأوضح البيان أن التحالف الدولي انسحب من القاعدة الشهر الماضي.",
        "وقال مصدر أمني إن عدد الموقوفين هو 5 أشخاص.",
        "The ministry said coalition advisers withdrew from the base last month.",
    ],
)
def test_a_fact_told_with_a_verb_of_something_done_is_a_report(actors, text):
    assert one(actors, text).kind == "report"


@pytest.mark.parametrize(
    "text",
    [
        # family more_speech_verbs (vocabulary.SPEECH_VERBS row)
        "وشددت وزارة الخارجية العراقية على أن الحكومة ملتزمة بحماية البعثات.",
        "واعتبرت وزارة الخارجية العراقية أن القصف تجاوز على السيادة.",
        "The Pentagon disclosed on Tuesday that four US troops were wounded in the attack.",
        "Iraq's prime minister declared on Friday the creation of a bilateral committee.",
    ],
)
def test_more_speech_verbs_attribute_a_statement(actors, text):
    assert len(statements(actors, text)) == 1


# --- Round 2 families (statements/families.py) ------------------------------------------------------------


def test_a_definite_role_noun_is_written_as_the_text_writes_it(actors):
    # family surface_speaker: "وقال المصدر" is the source, as written; who it is comes from the resolution
    text = "وقال مصدر محلي إن صاروخا سقط قرب القاعدة. وقال المصدر إن الأضرار غير معروفة."
    found = statements(actors, text)
    assert [s.speaker for s in found] == ["مصدر محلي", "المصدر"]


def test_he_is_written_as_he_and_speaks_for_the_actor_before(actors):
    # family surface_speaker: a pronoun keeps the actor of the speaker it stands for
    text = "Pentagon press secretary Pat Ryder said the base was hit. He said no one was hurt."
    found = statements(actors, text, language="en")
    assert [(s.speaker, s.speaker_actor.key) for s in found][1] == ("He", "pat-ryder")


def test_the_statement_added_is_written_as_the_statement(actors):
    # family surface_speaker: "the statement added" speaks for whoever issued it
    text = 'CENTCOM said the strike hit a depot. "The United States will defend its forces," the statement added.'
    found = statements(actors, text, language="en")
    assert (found[-1].speaker, found[-1].speaker_actor.key) == ("the statement", found[0].speaker_actor.key)


def test_a_quotation_going_on_after_it_added_is_the_same_speakers(actors):
    # family quote_continuation: '"A," it added. "B. C."' — B and C are the speaker's, one statement of one kind
    text = (
        'CENTCOM said a rocket hit the base. "Damage assessments are ongoing," it added. '
        '"Two U.S. personnel were wounded. One Iraqi soldier was wounded."'
    )
    found = statements(actors, text, language="en")
    last = found[-1]
    assert len(found) == 3 and last.speaker_actor.key == found[0].speaker_actor.key
    assert last.kind == "casualty figures" and last.span.text(text).endswith("One Iraqi soldier was wounded.")


def test_a_paragraph_wholly_quoted_after_a_statement_continues_it(actors):
    # family quote_continuation: the next paragraph, all quotation, no attribution of its own
    text = (
        '"The strike hit a weapons depot," US Central Command said.\n\n'
        '"We will take all necessary measures to defend our people."'
    )
    found = statements(actors, text, language="en")
    assert [(s.speaker_actor.key, s.kind) for s in found] == [("us-central-command", "report"), ("us-central-command", "position")]


def test_a_quotation_attributed_after_it_is_not_the_speaker_befores(actors):
    # family quote_continuation: a quotation closed by a comma names its speaker after it
    text = (
        'US Central Command said the strike hit a depot.\n\n'
        '"A drone hit the base. There were no casualties," the Kurdistan Region Counter-Terrorism Department said.'
    )
    found = statements(actors, text, language="en")
    assert len(found) == 2 and found[1].speaker_actor.key != found[0].speaker_actor.key


def test_arabic_quotation_after_its_statement_continues_it(actors):
    # family quote_continuation, Arabic: «…» with no verb of its own after the speaker's sentence
    text = "وقال المتحدث باسم البنتاغون بات رايدر إن الهجوم فشل.\n«سنواصل حماية قواتنا».\n"
    found = statements(actors, text)
    assert [(s.speaker_actor.key, s.kind) for s in found] == [("pat-ryder", "report"), ("pat-ryder", "position")]


@pytest.mark.parametrize(
    "text, actor_key",
    [
        # family set_off_subjects: a frame between subject and verb
        ("US Defense Secretary Lloyd Austin in a statement said the strikes hit two depots.", "lloyd-austin"),
        ("The CTD, in a post on Facebook, said a drone hit the base.", "kurdistan-counter-terrorism"),
        # ... dashes around a relative clause: the verb inside them anchors nothing
        ("Kataib Hezbollah — which the US blames for the attack — said it carried out the attack.", "kataib-hezbollah"),
    ],
)
def test_a_subject_set_off_from_its_verb_speaks(actors, text, actor_key):
    assert one(actors, text, language="en").speaker_actor.key == actor_key


def test_a_name_after_titles_in_apposition_speaks_and_he_refers_back(actors):
    # family set_off_subjects: "the director of …, American Lieutenant General Douglas Sims, said"
    text = (
        "The director of the Joint Staff, American Lieutenant General Douglas Sims, said the strikes hit their targets. "
        "He noted that there were secondary explosions."
    )
    found = statements(actors, text, language="en")
    assert len(found) == 2 and found[0].speaker.endswith("Douglas Sims") and found[1].speaker == found[0].speaker


def test_an_armed_group_saying_it_carried_out_the_attack_claims_it(actors):
    assert one(actors, "Kataib Hezbollah said it carried out the attack on the base.", language="en").kind == "claim"


def test_a_full_stop_glued_to_the_next_arabic_word_ends_the_sentence(actors):
    # dates._SENTENCE_END: "…2026”.واضاف" is two sentences, two statements of the same speaker
    text = "وقال الجيش في بيان إن القوات ستبقى حتى 2025.وأضاف أن المهمة في سوريا ستستمر حتى 2026."
    found = statements(actors, text)
    assert len(found) == 2 and found[1].span.text(text).startswith("وأضاف")


@pytest.mark.parametrize(
    "text, kind",
    [
        # family speech_acts_more: speech acts missing from the table
        ("A group that calls itself the Islamic Resistance in Iraq has taken credit for the attacks.", "claim"),
        ("Kataib Hezbollah took responsibility for the drone attack on the base.", "claim"),
        ("The Iraqi government summoned the US charge d'affaires to lodge an official protest.", "condemnation"),
        ("واحتجت الحكومة العراقية رسميا لدى واشنطن على الضربات.", "condemnation"),
        ("The Pentagon admitted that the drone had not been intercepted.", "report"),
        ("واعترف الجيش الأميركي بأن الطائرة المسيرة لم تعترض.", "report"),
    ],
)
def test_more_speech_acts(actors, text, kind):
    assert one(actors, text).kind == kind


def test_took_place_is_no_speech_act(actors):
    # family speech_acts_more: "took" anchors only with credit / responsibility
    assert statements(actors, "The attack on the base took place on Sunday.", language="en") == []


@pytest.mark.parametrize(
    "text",
    [
        # family toll_predicate, more predicates: diagnosed with, sustained injuries, undergoing evaluation
        "The Pentagon has confirmed that 19 American troops have been diagnosed with traumatic brain injury.",
        "The Pentagon disclosed that eight US service members sustained injuries in the drone attack.",
        "CENTCOM said a number of U.S. personnel are undergoing evaluation for traumatic brain injuries.",
        # ... and what a group claims is a toll when it counts its dead
        "Iran-backed groups claimed that 16 of their members were killed.",
    ],
)
def test_more_tolls_are_casualty_figures(actors, text):
    assert one(actors, text, language="en").kind == "casualty figures"


def test_we_will_contracted_is_a_position(actors):
    text = "Ryder said the commander planned attacks, and we'll take necessary action to protect our personnel."
    assert one(actors, text).kind == "position"


def test_a_verb_without_subject_before_a_quotation_continues_the_speaker(actors):
    # family colon_continuation, the quotation since round 2; a quoted subject is no quotation said
    text = 'وقال وزير الدفاع لويد أوستن إن الضربات دقيقة. وأضاف "صلواتي للأميركيين الشجعان الذين أصيبوا".'
    found = statements(actors, text)
    assert [(s.speaker_actor.key, s.kind) for s in found] == [("lloyd-austin", "report"), ("lloyd-austin", "position")]
    quoted_subject = 'وقال الجيش إن الهجوم فشل. وأعلنت "المقاومة الإسلامية في العراق" أنها استهدفت القاعدة.'
    assert statements(actors, quoted_subject)[-1].speaker_actor.key == "islamic-resistance-in-iraq"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # family ar_long_subjects: "في" inside the subject, up to what was said
        ("قال البرغادير جنرال في القوات الجوية بات رايدر إن الهجوم لم يسفر عن إصابات.", "البرغادير جنرال في القوات الجوية بات رايدر"),
        ("وأفاد مراسل الموقع في الحسكة أن قذائف أصابت محيط المطار.", "مراسل الموقع في الحسكة"),
        # ... and a subject that ends at a time set off by commas
        ('وقال مسؤولان أمريكيان، الخميس، لوكالة "رويترز"، إن الجيش أحبط هجوما.', "مسؤولان أمريكيان"),
    ],
)
def test_long_arabic_subjects_after_the_verb(actors, text, speaker):
    assert one(actors, text).speaker == speaker


def test_fi_followed_by_no_speech_is_no_subject(actors):
    # family ar_long_subjects: "وقال في كلمة ألقاها" — a pronoun subject, not a subject up to a far complementizer
    text = "قال المسؤول إن القاعدة تعرضت لهجوم. وأضاف في مؤتمر صحفي عقده في بغداد مساء الأحد إن التحقيق جار."
    assert [s.speaker for s in statements(actors, text)] == ["المسؤول", "المسؤول"]


@pytest.mark.parametrize(
    "text, speaker, actor_key",
    [
        # family role_speakers
        ("Syrian opposition activists said the strikes hit two depots.", "Syrian opposition activists", None),
        ("Two rockets hit the base on Friday, officials said.", "officials", None),
        (
            "According to the director of the Syrian Observatory for Human Rights, Rami Abdulrahman, 23 fighters were killed.",
            "the director of the Syrian Observatory for Human Rights, Rami Abdulrahman",
            "sohr",
        ),
        # family speech_acts_more: issued / published a statement
        ("Kataib Hezbollah issued a statement vowing to continue its attacks.", "Kataib Hezbollah", "kataib-hezbollah"),
    ],
)
def test_more_english_speakers(actors, text, speaker, actor_key):
    statement = one(actors, text, language="en")
    assert (statement.speaker, statement.speaker_actor.key if statement.speaker_actor else None) == (speaker, actor_key)


def test_released_alone_is_no_speech_act(actors):
    assert statements(actors, "The detainees were released on Sunday after questioning.", language="en") == []


# --- Round 3 families ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # family admitted_toll: an admission of a death or a wound is casualty figures, even for one named victim
        "واعترفت كتائب حزب الله في بيان لها يوم أمس بمقتل أحد قادتها في الغارة.",
        "وأقر الجيش العراقي بإصابة جنديين في القصف.",
        "Kataib Hezbollah acknowledged the death of one of its commanders and vowed to retaliate.",
        "The Pentagon admitted that two soldiers were wounded in the drone attack.",
    ],
)
def test_an_admitted_death_or_wound_is_casualty_figures(actors, text):
    assert one(actors, text).kind == "casualty figures"


def test_an_admission_of_something_else_is_no_toll(actors):
    # family admitted_toll: only a death or a wound admitted; the rest keeps its kind
    assert one(actors, "واعترف الجيش الأميركي بأن الطائرة المسيرة لم تعترض.").kind == "report"
    assert one(actors, "Kataib Hezbollah acknowledged the attack and vowed to retaliate.", language="en").kind != "casualty figures"


# --- Round 3b families --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        # family addressee_outlet: the outlet after لـ is the one told, the words before it speak
        ("وقال مسؤولان أمريكيان لرويترز، إن جنديا أمريكيا أصيب بجروح طفيفة.", "مسؤولان أمريكيان"),
        ("وقالت المصادر لوكالة الأنباء الألمانية إن طائرات شنت غارات على المدينة.", "المصادر"),
        ("قال مسؤولان طلبا عدم الكشف عن هويتيهما لرويترز، إن القاعدة استهدفت.", "مسؤولان"),
    ],
)
def test_the_outlet_told_is_not_the_speaker(actors, text, speaker):
    statement = one(actors, text)
    assert statement.speaker == speaker
    assert statement.speaker_actor is None or statement.speaker_actor.key != "reuters"


def test_the_outlet_told_with_a_quotation_and_the_outlet_speaking(actors):
    # family addressee_outlet: what was said may be a quotation; an outlet that is the subject still speaks
    text = 'قال مسؤول أمريكي إن الهجوم فشل. وقال المسؤول للصحيفة الأمريكية "لن نتراجع عن الرد".'
    assert [s.speaker for s in statements(actors, text)] == ["مسؤول أمريكي", "المسؤول"]
    assert one(actors, "وقالت رويترز إن الهجوم وقع ليلا.").speaker_actor.key == "reuters"


@pytest.mark.parametrize(
    "text",
    [
        # family toll_cues: the toll told without a figure up front
        "وأكد المسؤول تعرض جندي أمريكي لإصابة طفيفة في الهجوم على القاعدة.",
        "وأوضح المرصد السوري لحقوق الإنسان أن حصيلة القتلى ارتفعت إلى 12.",
        "وذكر مسؤولون أمريكيون أن عدد الجرحى يستند إلى معلومات أولية.",
        "One of the attacks resulted in minor injuries, a Pentagon official said.",
        "A US official said that one member of the Iraqi security forces had been badly injured.",
        "CENTCOM said US forces downed three drones in an operation that left multiple troops with minor injuries.",
        "And Iranian-backed groups claimed that 16 of their members, including fighters and medics, were killed.",
        # no reports of casualties: casualty figures too (toll_cues: وقوع إصابات)
        "وأضاف المصدران العسكريان، أنه لم ترد تقارير عن وقوع إصابات بسبب الهجوم.",
    ],
)
def test_a_toll_told_without_a_figure_up_front_is_casualty_figures(actors, text):
    assert one(actors, text).kind == "casualty figures"


def test_a_toll_cue_off_or_absent_keeps_the_report(actors, monkeypatch):
    # family toll_cues: an attack told with no harm stays a report
    assert one(actors, "The Pentagon said the attack caused damage to a hangar.").kind == "report"
    monkeypatch.setattr("incidents.extraction.statements.families.OFF", frozenset({"toll_cues"}))
    assert one(actors, "One of the attacks resulted in minor injuries, a Pentagon official said.").kind == "report"


@pytest.mark.parametrize(
    "text, kind",
    [
        # family speech_verbs_more: verbs of saying and of rejecting what others say
        ("وأحصى المرصد السوري لحقوق الإنسان 9 جولات من الغارات.", "report"),
        ("Iran's Foreign Ministry has dismissed allegations that the country armed the groups.", "denial"),
        ("The official wrote that the base was hit.", "report"),
        ("Mr. Hassan also shared on X that explosions have been heard near the gas facility.", "report"),
    ],
)
def test_more_speech_verbs(actors, text, kind):
    assert one(actors, text).kind == kind


def test_a_participle_is_no_speech_verb(actors):
    # "a statement posted online" is no act of its own
    text = "In a statement posted online, the group's leader said the decision had been taken."
    assert [s.speaker for s in statements(actors, text)] == ["the group's leader"]


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        # family verbal_noun_said: the subject ends at the verbal noun that opens what was said
        ("أكدت مصادر وقوع 3 انفجارات في الحلة.", "مصادر", "report"),
        ("أفادت وسائل إعلام عراقية بتعرض القوات الأميركية في قاعدة عين الأسد لهجوم.", "وسائل إعلام عراقية", "report"),
    ],
)
def test_an_arabic_subject_before_a_verbal_noun(actors, text, speaker, kind):
    statement = one(actors, text)
    assert (statement.speaker, statement.kind) == (speaker, kind)


def test_a_verbal_noun_inside_the_subject_phrase_is_not_what_was_said(actors):
    # family verbal_noun_said: "مسؤوليتها عن إطلاق" is a phrase, and a negated verb states nothing
    assert statements(actors, "ولم تعلن أي جهة مسؤوليتها عن إطلاق الطائرات.") == []


@pytest.mark.parametrize(
    "text",
    [
        # family denial_direction: denying that anyone directs the attacks
        "The Iranian spokesperson said that resistance forces do not take orders from Iran.",
        "وقال المتحدث إن الفصائل لا تتلقى أي أوامر من طهران.",
        "وقال البيان إن إخوتنا في إيران لا يعلمون كيفية عملنا.",
        "وقال المندوب الإيراني إن إيران ليس لها علاقة ولا دور في الهجمات.",
    ],
)
def test_denying_a_direction_of_the_attacks_is_a_denial(actors, text):
    assert one(actors, text).kind == "denial"


def test_orders_given_are_no_denial(actors):
    # family denial_direction: only orders not given or not taken
    assert one(actors, "The commander said that he gave orders to strike the base.").kind != "denial"


@pytest.mark.parametrize(
    "text",
    [
        '"We reserve the right to respond to the attacks on our troops," a White House spokesman said.',
        "وقالت الحكومة العراقية إنها تحتفظ بحق الرد على الهجوم.",
    ],
)
def test_a_right_kept_for_later_is_a_position(actors, text):
    # a right reserved ("reserve the right to respond", "نحتفظ بحق الرد") is a stance on what comes, not what happened
    assert one(actors, text).kind == "position"


@pytest.mark.parametrize(
    "text, kind",
    [
        # the day of the speech, in the attribution, does not make what was said the account of a new event ...
        ("The Iraqi government said Saturday that US strikes on militia sites killed 16 people.", "casualty figures"),
        ("وقالت الحكومة العراقية يوم السبت إن الضربات الأميركية على مواقع الحشد قتلت 16 شخصا.", "casualty figures"),
        # ... the day inside what was said does: the strikes are told, with their toll
        ("The Iraqi government said that US airstrikes on militia sites on Saturday killed 16 people.", "report"),
        ("وقالت الحكومة العراقية إن ضربات أميركية على مواقع الحشد يوم السبت قتلت 16 شخصا.", "report"),
    ],
)
def test_the_day_of_the_speech_is_not_the_day_of_an_event_told(actors, text, kind):
    assert one(actors, text).kind == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        # family as_said: "as X said" after what was said attributes the whole sentence before it
        ("قتل خمسة مقاتلين في ضربات أميركية في البوكمال على ما أفاد المرصد السوري لحقوق الإنسان.", "casualty figures"),
        ("شنت طائرات أميركية غارات على مواقع للفصائل في القائم، حسبما أعلن البنتاغون.", "report"),
        ("استهدفت طائرة مسيرة قاعدة عين الأسد فجر اليوم، بحسبما ذكرت القيادة المركزية الأميركية.", "report"),
    ],
)
def test_as_said_after_what_was_said_attributes_the_sentence(actors, text, kind, monkeypatch):
    statement = one(actors, text)
    assert statement.span.start == 0
    assert statement.kind == kind
    monkeypatch.setattr("incidents.extraction.statements.families.OFF", frozenset({"as_said"}))
    assert all(s.span.start > 0 for s in statements(actors, text))  # off: only what follows the verb is said


def test_a_speech_verb_opening_its_sentence_after_kama_is_not_as_said(actors):
    # "كما أعلنت" opening a sentence is "also announced": what follows is said
    text = "كما أعلنت وزارة الدفاع الأميركية أن طائرة مسيرة أسقطت قرب القاعدة."
    statement = one(actors, text)
    assert statement.kind == "report"
    assert statement.span == Span(text.index("أعلنت"), len(text))


@pytest.mark.parametrize(
    "text, kind",
    [
        # the noun "threat" is what a target posed, not a threat made: what happened is told ...
        ("The Pentagon said the strike targeted a drone site that posed an imminent threat to US forces.", "report"),
        ("وقال البنتاغون إن الضربة استهدفت موقعا يشكل تهديدا وشيكا للقوات الأميركية.", "report"),
        # ... a modal of what the speaker will do is a position
        ("Kataib Hezbollah said it will strike US bases again.", "position"),
        ("وقال البنتاغون إن الولايات المتحدة سوف ترد على الهجمات في الوقت المناسب.", "position"),
    ],
)
def test_a_threat_posed_is_no_modal_but_a_course_announced_is(actors, text, kind):
    assert one(actors, text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        # family condemnation_words: the strike itself called a wrong (a mistake, an assassination, an escalation)
        'Iran\'s foreign ministry spokesman said that these strikes represent "another strategic mistake".',
        "The Iraqi government said the strike was a blatant assassination.",
        'وقال المتحدث باسم الحكومة العراقية إن الضربة "اغتيال سافر" في قلب بغداد.',
        "وقالت الخارجية الإيرانية إن الهجمات تمثل تصعيدا خطيرا في المنطقة.",
    ],
)
def test_the_strike_called_a_wrong_is_a_condemnation(actors, text, monkeypatch):
    assert one(actors, text).kind == "condemnation"
    monkeypatch.setattr("incidents.extraction.statements.families.OFF", frozenset({"condemnation_words"}))
    assert one(actors, text).kind != "condemnation"
