"""Parties of incidents in short Arabic and English sentences: the rule families of issue 10's second round
(incidents/extraction/event_families.py) that decide who is the perpetrator, the target and the claimant.

Each family is tested on the phenomenon, and switched off to show that the rule is what makes the difference.
"""
from datetime import date
from functools import lru_cache

import pytest

from incidents.extraction import event_families
from incidents.extraction.actors import ActorMatcher
from incidents.extraction.dates import find_dates
from incidents.extraction.events import find_incidents
from incidents.extraction.places import PlaceMatcher
from incidents.extraction.scoring import actor_entries, place_entries

PUBLISHED = date(2023, 12, 9)  # a Saturday


@lru_cache(maxsize=1)
def matchers():
    return PlaceMatcher(place_entries()), ActorMatcher(actor_entries())


def incidents(text, language):
    places, actors = matchers()
    return find_incidents(
        text, PUBLISHED, language, actors,
        places.find(text, language), actors.find(text, language), find_dates(text, PUBLISHED, language),
    )


def parties(incident):
    return sorted((actor.entry.key, actor.role) for actor in incident.actors)


def at(text, language, place_key):
    found = [i for i in incidents(text, language) if i.place.entry.key == place_key]
    assert len(found) == 1, [(i.place.entry.key, i.date_start) for i in incidents(text, language)]
    return found[0]


@pytest.fixture
def without(monkeypatch):
    """Switch event families off for one test: without("command_force")."""
    def switch_off(*names):
        monkeypatch.setattr(event_families, "ACTIVE", event_families.ACTIVE - set(names))
    return switch_off


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
