"""Parties of incidents in short Arabic and English sentences: the rule families of issue 10's second round
(incidents/extraction/event_families.py) that decide who is the perpetrator, the target and the claimant.

Each family is tested on the phenomenon, and switched off to show that the rule is what makes the difference.
"""
from datetime import date

import pytest

from incidents.extraction import event_families
from incidents.extraction.dates import find_dates
from incidents.extraction.scoring import actor_entries

from .event_sentences import incidents, matchers


def parties(incident):
    return sorted((actor.entry.key, actor.role) for actor in incident.actors)


def at(text, language, place_key):
    found = [i for i in incidents(text, language) if i.place.entry.key == place_key]
    assert len(found) == 1, [(i.place.entry.key, i.date_start) for i in incidents(text, language)]
    return found[0]


# --- command_force ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("نفذت القيادة المركزية الأميركية يوم الجمعة ضربة جوية على منشأة للحرس الثوري الإيراني قرب البوكمال.", "ar"),
        ("On Friday, US Central Command forces conducted an air strike on an IRGC facility near Albu Kamal.", "en"),
    ],
)
def test_a_command_that_strikes_is_the_forces_it_commands(text, language, without):
    incident = at(text, language, "abu-kamal")
    assert ("us-armed-forces", "perpetrator") in parties(incident)
    assert not any(key == "us-central-command" for key, _ in parties(incident))
    without("command_force")
    assert ("us-central-command", "perpetrator") in parties(at(text, language, "abu-kamal"))


def test_the_command_of_a_force_is_only_a_command_with_one_nation_force_beside_it():
    _, actors = matchers()
    by_key = {entry.key: entry for entry in actor_entries()}
    assert actors.command_force(by_key["us-central-command"]).key == "us-armed-forces"
    assert actors.command_force(by_key["us-armed-forces"]) is None  # a force is no command
    assert actors.command_force(by_key["kataib-hezbollah"]) is None


# --- answered_attacks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("The U.S. strikes come after new attacks on Erbil's Harir base on Thursday.", "en"),
        ("وجاءت الضربات الأميركية ردا على هجوم جديد استهدف قاعدة حرير يوم الخميس.", "ar"),
    ],
)
def test_attacks_a_nations_strikes_answer_were_on_its_forces(text, language, without):
    assert ("us-armed-forces", "target") in parties(at(text, language, "harir-air-base"))
    without("answered_attacks")
    assert parties(at(text, language, "harir-air-base")) == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("New attacks hit Erbil's Harir base on Thursday, days after US strikes on militia sites.", "en"),
        ("استهدف هجوم جديد قاعدة حرير يوم الخميس، بعد أيام من الضربات الأميركية.", "ar"),
    ],
)
def test_an_attack_told_before_the_strikes_is_not_answered_by_them(text, language):
    assert ("us-armed-forces", "target") not in parties(at(text, language, "harir-air-base"))


# --- self_named ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ('وقالت جماعة تطلق على نفسها اسم "المقاومة الإسلامية في العراق" إنها أطلقت طائرة مسيرة على قاعدة حرير يوم الجمعة.', "ar"),
        ('A group calling itself the Islamic Resistance in Iraq said it had launched a drone at the Harir base on Friday.', "en"),
    ],
)
def test_a_group_calling_itself_x_that_says_it_attacked_claims_the_attack(text, language, without):
    incident = at(text, language, "harir-air-base")
    assert ("islamic-resistance-in-iraq", "claimant") in parties(incident)
    assert ("islamic-resistance-in-iraq", "perpetrator") not in parties(incident)
    if language == "ar":  # English already reads "X said it had launched" as X's claim; Arabic puts the naming between
        without("self_named")
        assert ("islamic-resistance-in-iraq", "claimant") not in parties(at(text, language, "harir-air-base"))


def test_the_militias_that_call_themselves_x_are_no_second_perpetrator_beside_xs_claim(without):
    text = (
        "استهدفت الميليشيات الإيرانية في العراق يوم الجمعة قاعدة حرير بطائرة مسيرة. "
        'وأوضح بيان نشرته الميليشيات الإيرانية المسلحة التي تطلق على نفسها "المقاومة الإسلامية في العراق" أنها استهدفت قاعدة حرير.'
    )
    keys = [key for key, _ in parties(at(text, "ar", "harir-air-base"))]
    assert ("islamic-resistance-in-iraq", "claimant") in parties(at(text, "ar", "harir-air-base"))
    assert not any(role == "perpetrator" for _, role in parties(at(text, "ar", "harir-air-base"))), keys
    without("self_named")
    assert any(role == "perpetrator" for _, role in parties(at(text, "ar", "harir-air-base")))


# --- since with the article apart ("منذ الـ 26") -------------------------------------------------------


def test_since_the_26th_with_the_article_apart_is_a_since_date():
    found = find_dates("وذلك للمرة الثالثة منذ الـ 26 من الشهر الماضي.", date(2023, 11, 13), "ar")
    assert [(d.start, d.since) for d in found] == [(date(2023, 10, 26), True)]
    found = find_dates("وقعت الضربة في الـ 26 من الشهر الماضي.", date(2023, 11, 13), "ar")
    assert [(d.start, d.since) for d in found] == [(date(2023, 10, 26), False)]


# --- period_series ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("قصفت طائرة مسيرة مقرا في بغداد يوم الجمعة. ويأتي القصف بعد هجمات عدة شهدتها الأسابيع الماضية، تبنتها "
         "المقاومة الإسلامية في العراق.", "ar"),
        ("A drone struck a headquarters in Baghdad on Friday. The strike came after attacks over the past weeks that "
         "the Islamic Resistance in Iraq claimed.", "en"),
    ],
)
def test_attacks_over_a_past_period_are_a_series_not_the_strike_told(text, language, without):
    keys = {key for key, _ in parties(at(text, language, "gn-98182"))}
    assert "islamic-resistance-in-iraq" not in keys
    without("period_series")
    keys = {key for incident in incidents(text, language) for key, _ in parties(incident)}
    assert "islamic-resistance-in-iraq" in keys


# --- an assassination -------------------------------------------------------------------------------------


def test_an_assassination_the_attack_only_follows_names_no_target():
    text = "استهدف هجوم صاروخي قاعدة عين الأسد يوم الجمعة، وسط انتظار الرد على اغتيال رئيس المكتب السياسي لحماس."
    assert not any(key == "hamas" for key, _ in parties(at(text, "ar", "ain-al-asad-air-base")))


# --- unknown_striker ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("قتل قياديان في حركة النجباء، إثر انفجار في بغداد يوم الجمعة، "
         "نتيجة قصف من جانب طائرة مسيرة.", "ar"),
        ("Two commanders of Harakat al-Nujaba were killed in a drone attack on a car in Baghdad on Friday.",
         "en"),
    ],
)
def test_a_strike_no_one_is_named_for_is_by_unidentified_military_forces(text, language, without):
    found = parties(at(text, language, "gn-98182"))
    assert ("unidentified-military-forces", "perpetrator") in found
    without("unknown_striker")
    assert ("unidentified-military-forces", "perpetrator") not in parties(at(text, language, "gn-98182"))


@pytest.mark.parametrize(
    "text, language",
    [
        ("شنت القوات الأميركية غارة جوية على مقر لحركة النجباء في بغداد يوم الجمعة.", "ar"),
        ("US forces carried out an air strike on a Harakat al-Nujaba headquarters in Baghdad on Friday.", "en"),
        ("Rockets hit a base hosting US forces in Baghdad on Friday.", "en"),
    ],
)
def test_a_named_striker_or_an_attack_on_us_forces_gets_no_unknown_striker(text, language):
    assert ("unidentified-military-forces", "perpetrator") not in parties(at(text, language, "gn-98182"))


# --- victim_alias -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("اغتيل قياديان في حركة النجباء، إثر قصف بطائرة مسيرة في بغداد يوم الجمعة، بينهم القيادي المعروف بـ«أبو تقوى».",
         "ar"),
        ("A drone strike in Baghdad on Friday killed Mushtaq al-Jawari, who was also known as Abu Taqwa, "
         "a Nujaba commander.", "en"),
    ],
)
def test_a_victim_named_by_alias_or_among_the_dead_is_the_target(text, language, without):
    assert ("abu-taqwa-al-saidi", "target") in parties(at(text, language, "gn-98182"))
    without("victim_alias")
    assert ("abu-taqwa-al-saidi", "target") not in parties(at(text, language, "gn-98182"))


# --- defenders ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, place, interceptor",
    [
        ("US forces engaged a one-way attack drone near Ain al-Asad air base on Friday.", "en",
         "ain-al-asad-air-base", "us-armed-forces"),
        ("On Friday US forces shot it down near Ain al-Asad air base after a drone approached.", "en",
         "ain-al-asad-air-base", "us-armed-forces"),
        ("أسقطت المضادات الأرضية التابعة لقوات التحالف الدولي يوم الجمعة طائرة مسيرة حاولت استهداف قاعدة التنف.", "ar",
         "al-tanf-garrison", "global-coalition-against-isis"),
        ("تمكنت الدفاعات الجوية العراقية يوم الجمعة من تدمير طائرتين مسيرتين قرب قاعدة عين الأسد.", "ar",
         "ain-al-asad-air-base", "iraqi-security-forces"),
    ],
)
def test_the_defending_side_told_in_other_words_intercepts(text, language, place, interceptor):
    # the words are vocabulary rows of family "defenders", compiled at import: MARSAD_EVENT_FAMILIES_OFF=defenders
    # switches them off for a whole run (the scorer's ablation)
    assert (interceptor, "interceptor") in parties(at(text, language, place))


def test_the_defences_after_the_interception_verb_name_the_interceptor(without):
    text = "أسقطت المضادات الأرضية التابعة لقوات التحالف الدولي يوم الجمعة طائرة مسيرة حاولت استهداف قاعدة التنف."
    assert ("global-coalition-against-isis", "interceptor") in parties(at(text, "ar", "al-tanf-garrison"))
    without("defenders")
    assert ("global-coalition-against-isis", "interceptor") not in parties(at(text, "ar", "al-tanf-garrison"))


def test_the_defenders_rows_belong_to_their_family():
    from incidents.extraction.vocabulary import EVENT_WORDS

    rows = [row for row in EVENT_WORDS if row.family == "defenders"]
    assert rows and all(row.kind == "intercept" for row in rows)
    assert "defenders" in event_families.FAMILIES


def test_an_object_after_the_interception_verb_is_no_interceptor():
    text = "أسقطت قوات التحالف الدولي يوم الجمعة طائرة مسيرة مفخخة قرب قاعدة التنف."
    assert ("global-coalition-against-isis", "interceptor") in parties(at(text, "ar", "al-tanf-garrison"))
    text = "أسقطت طائرة مسيرة يوم الجمعة قرب قاعدة التنف التي تضم قوات التحالف الدولي."
    assert not any(role == "interceptor" for _, role in parties(at(text, "ar", "al-tanf-garrison")))


# --- halted_attacks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("استهدفت طائرتان مسيرتان يوم الجمعة قاعدة عين الأسد، في أول هجوم منذ أوقفت فصائل متحالفة مع إيران هجماتها "
         "في شباط.", "ar"),
        ("Two drones targeted Ain al-Asad air base on Friday, the first attack since Iran-backed militias halted their "
         "attacks in February.", "en"),
    ],
)
def test_groups_that_halted_their_attacks_are_no_party_of_the_attack(text, language, without):
    assert not any(key == "pro-iran-factions" for key, _ in parties(at(text, language, "ain-al-asad-air-base")))
    without("halted_attacks")
    assert ("pro-iran-factions", "perpetrator") in parties(at(text, language, "ain-al-asad-air-base"))


def test_a_halt_with_an_exception_still_blames_the_groups():
    text = ("Two drones targeted Ain al-Asad air base on Friday, the first attack since Iran-backed militias halted their "
            "attacks in February, except for one rocket in March.")
    assert ("pro-iran-factions", "perpetrator") in parties(at(text, "en", "ain-al-asad-air-base"))


# --- unnamed Iran-aligned groups (a table of events/words.py) ------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("US forces struck targets near Albu Kamal on Friday against the IRGC and affiliated militia groups.", "en"),
        ("شنت القوات الأميركية يوم الجمعة غارات قرب البوكمال على مواقع للميليشيات المتحالفة مع إيران.", "ar"),
    ],
)
def test_groups_described_by_their_tie_to_iran_are_the_pro_iran_factions(text, language):
    found = [i for i in incidents(text, language) if i.place.entry.key.startswith(("abu-kamal", "albu-kamal", "al-bukamal", "boukamal"))]
    assert found, [(i.place.entry.key, parties(i)) for i in incidents(text, language)]
    assert ("pro-iran-factions", "target") in parties(found[0])


# --- hedged_strikes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("hedge", ["يُعتقد أنها", "يرجح أنها"])
def test_strikes_believed_to_be_a_nations_are_that_nations(hedge, without):
    text = f"شنت طائرات يوم الجمعة غارات {hedge} أمريكية على مواقع للميليشيات الإيرانية في البوكمال."
    found = [parties(i) for i in incidents(text, "ar")]
    assert found and all(("us-armed-forces", "perpetrator") in p and ("pro-iran-factions", "target") in p for p in found)


def test_a_hedged_strike_without_the_family_names_no_nation(monkeypatch):
    monkeypatch.setattr(event_families, "ACTIVE", event_families.ACTIVE - {"hedged_strikes"})
    text = "شنت طائرات يوم الجمعة غارات يُعتقد أنها أمريكية على مواقع للميليشيات الإيرانية في البوكمال."
    assert not any(("us-armed-forces", "perpetrator") in parties(i) for i in incidents(text, "ar"))


# --- personnel_at_site --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("US jets struck a weapons depot near Albu Kamal on Friday. The official said there had been Iran-backed militia "
         "and IRGC personnel on the base and no civilians.", "en"),
        ("قصفت مقاتلات أمريكية يوم الجمعة مخزن أسلحة قرب البوكمال. قال المسؤول إنه كان هناك أفراد من الميليشيات "
         "الموالية لإيران وأفراد من الحرس الثوري الإيراني في القاعدة.", "ar"),
    ],
)
def test_the_groups_whose_men_were_at_the_struck_site_are_its_targets(text, language):
    # the phrase joins the sites' owners table when family "personnel_at_site" is on (MARSAD_EVENT_FAMILIES_OFF at start)
    found = [parties(i) for i in incidents(text, language)]
    assert len(found) == 1
    assert ("pro-iran-factions", "target") in found[0] and ("irgc", "target") in found[0]


def test_men_somewhere_else_are_no_target():
    text = ("US jets struck a weapons depot near Albu Kamal on Friday. The official said there had been Iran-backed "
            "militia members in eastern Syria for years.")
    found = [parties(i) for i in incidents(text, "en")]
    assert found and all(("pro-iran-factions", "target") not in p for p in found)


# --- confirming_speakers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("The PMF confirmed the US drone strike in Baghdad on Friday, calling it a criminal act.", "en"),
        ("وأدان الحشد الشعبي الغارة الأميركية على بغداد يوم الجمعة.", "ar"),
    ],
)
def test_a_party_that_confirms_or_condemns_the_strike_is_not_its_striker(text, language, without):
    assert ("popular-mobilization-forces", "perpetrator") not in parties(at(text, language, "gn-98182"))
    without("confirming_speakers")
    assert ("popular-mobilization-forces", "perpetrator") in parties(at(text, language, "gn-98182"))


# --- campaign_claims ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("A drone attacked Ain al-Asad air base on Friday. Iran-backed militias have claimed more than a dozen attacks "
         "on Ain al-Asad air base since the war began.", "en"),
        ("استهدفت طائرة مسيرة قاعدة عين الأسد يوم الجمعة. وتبنت الفصائل الموالية لإيران أكثر من 100 هجوم على قاعدة "
         "عين الأسد منذ بدء الحرب.", "ar"),
    ],
)
def test_a_count_of_attacks_claimed_since_names_no_party_of_one_attack(text, language):
    assert not any(key == "pro-iran-factions" for key, _ in parties(at(text, language, "ain-al-asad-air-base")))


def test_without_campaign_claims_the_counting_group_claims_the_attack(without):
    # English only: the Arabic "أكثر من 100 هجوم" is a tally the mentions already leave out (events/mentions.py)
    text = ("A drone attacked Ain al-Asad air base on Friday. Iran-backed militias have claimed more than a dozen attacks "
            "on Ain al-Asad air base since the war began.")
    without("campaign_claims")
    assert any(key == "pro-iran-factions" for key, _ in parties(at(text, "en", "ain-al-asad-air-base")))


def test_a_claim_of_one_attack_still_names_its_claimant():
    text = "Iran-backed militias claimed a drone attack on Ain al-Asad air base on Friday."
    assert ("pro-iran-factions", "claimant") in parties(at(text, "en", "ain-al-asad-air-base"))
