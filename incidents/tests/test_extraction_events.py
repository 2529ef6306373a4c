"""Incidents from short Arabic and English sentences: event words, roles, merging, tallies, vague places.

The matchers are built once from the shipped reference files; each test runs `find_incidents` on its
text with the matchers' findings for that text, as the pipeline does.
"""
from datetime import date, timedelta
from functools import lru_cache

import pytest

from incidents.extraction.actors import ActorMatcher
from incidents.extraction.dates import find_dates
from incidents.extraction.events import find_incidents
from incidents.extraction.places import PlaceMatcher
from incidents.extraction.scoring import actor_entries, place_entries

PUBLISHED = date(2023, 12, 9)  # a Saturday
YESTERDAY = date(2023, 12, 8)


@lru_cache(maxsize=1)
def matchers():
    return PlaceMatcher(place_entries()), ActorMatcher(actor_entries())


def incidents(text, language="ar", published=PUBLISHED):
    places, actors = matchers()
    return find_incidents(
        text, published, language, actors,
        places.find(text, language), actors.find(text, language), find_dates(text, published, language),
    )


def only(text, language="ar", published=PUBLISHED):
    found = incidents(text, language, published)
    assert len(found) == 1, [(i.place.entry.name_en, i.date_start) for i in found]
    return found[0]


def parties(incident):
    return sorted((actor.entry.key, actor.role) for actor in incident.actors)


# --- Event words and types -----------------------------------------------------------------------


def test_arabic_drone_attack_yesterday_on_a_base():
    incident = only("استهدفت طائرة مسيرة أمس قاعدة عين الأسد في محافظة الأنبار.")
    assert incident.place.entry.key == "ain-al-asad-air-base"  # the governorate only locates the base
    assert incident.date_start == YESTERDAY and incident.date_precision == "day"
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert incident.weapon == "drone"


def test_english_rocket_attack_with_casualties_is_a_hit():
    incident = only("Rockets struck Ain al-Asad air base on Friday, wounding two U.S. soldiers, officials said.", "en")
    assert incident.sub_event_type == "Shelling/artillery/missile attack"
    assert (incident.weapon, incident.outcome) == ("rocket", "hit")
    assert incident.injured.best == 2
    assert incident.date_start == YESTERDAY
    assert ("us-armed-forces", "target") in parties(incident)


def test_ballistic_missiles_are_missiles_not_rockets():
    incident = only("تعرضت قاعدة عين الأسد مساء الجمعة لهجوم بصواريخ باليستية.")
    assert incident.weapon == "missile"
    assert incident.sub_event_type == "Shelling/artillery/missile attack"


def test_attack_without_a_weapon_is_indirect_fire_of_unknown_weapon():
    incident = only("أفاد مسؤول بحدوث هجومين أمس استهدفا قاعدة عين الأسد.")
    assert (incident.weapon, incident.sub_event_type, incident.count) == ("unknown", "Shelling/artillery/missile attack", 2)


def test_launcher_found_is_disrupted_weapons_use():
    incident = only("عثرت القوات الأمنية صباح اليوم على منصة لإطلاق الصواريخ قرب ناحية البغدادي.")
    assert (incident.event_type, incident.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert incident.date_start == PUBLISHED


# --- Roles ---------------------------------------------------------------------------------------


def test_us_strike_makes_the_us_the_perpetrator():
    incident = only("قتل خمسة من مسلحي المقاومة الإسلامية في العراق في غارة أميركية بالقرب من كركوك أمس.")
    assert (incident.weapon, incident.sub_event_type, incident.outcome) == ("airstrike", "Air/drone strike", "hit")
    assert parties(incident) == [("islamic-resistance-in-iraq", "target"), ("us-armed-forces", "perpetrator")]
    assert incident.killed.best == 5
    assert incident.place.qualifier == "near" and incident.place.geo_precision == 2


def test_english_us_warplanes_strike_militia_sites():
    incident = only("US warplanes struck a Kataib Hezbollah site near al-Qaim on Tuesday, the Pentagon said.", "en")
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]
    assert incident.weapon == "airstrike"


@pytest.mark.parametrize(
    "text, language",
    [
        ("أسقطت الدفاعات الجوية للتحالف الدولي طائرة مسيرة أمس قرب مطار أربيل الدولي.", "ar"),
        ("A drone was shot down by coalition forces near Erbil International Airport on Friday.", "en"),
    ],
)
def test_shot_down_makes_the_interceptor_and_the_outcome(text, language):
    incident = only(text, language)
    assert incident.outcome == "intercepted"
    assert ("global-coalition-against-isis", "interceptor") in parties(incident)
    assert incident.place.entry.key == "erbil-international-airport" and incident.place.geo_precision == 2


@pytest.mark.parametrize(
    "text, language",
    [
        ("تبنت المقاومة الإسلامية في العراق الهجوم على قاعدة حرير أمس.", "ar"),
        ("The Islamic Resistance in Iraq said it had attacked Harir air base with drones on Friday.", "en"),
    ],
)
def test_a_claim_alone_makes_a_claimant_and_a_claimed_incident(text, language):
    incident = only(text, language)
    assert parties(incident) == [("islamic-resistance-in-iraq", "claimant")]
    assert incident.verification == "claimed"
    assert incident.outcome == "unknown"  # never taken from a claim


def test_a_claim_of_a_reported_attack_keeps_it_reported():
    text = (
        "A drone attack targeted Harir air base on Friday, the Counter-Terrorism Department said.\n"
        "The Islamic Resistance in Iraq claimed the attack in a statement on Telegram."
    )
    incident = only(text, "en")
    assert ("islamic-resistance-in-iraq", "claimant") in parties(incident)
    assert incident.verification == "reported"
    assert len(incident.evidence) == 2


def test_a_denial_makes_the_claimed_attack_contested():
    text = (
        "أعلنت المقاومة الإسلامية في العراق مساء الجمعة استهداف قاعدة خراب الجير بطائرة مسيرة.\n"
        "فيما نفى مصدر في قوات سوريا الديمقراطية تعرض قاعدة خراب الجير لأي هجوم."
    )
    incident = only(text)
    assert incident.verification == "contested"
    assert incident.place.entry.key.startswith("rumeilan")


def test_a_group_named_as_behind_it_is_the_perpetrator():
    text = (
        "A drone attack on Erbil Air Base wounded three U.S. service members on Monday.\n"
        "The Islamic Resistance in Iraq claimed the attack. U.S. officials said Kataib Hezbollah was behind it."
    )
    incident = only(text, "en", date(2023, 12, 26))
    assert ("kataib-hezbollah", "perpetrator") in parties(incident)
    assert ("islamic-resistance-in-iraq", "claimant") in parties(incident)
    assert ("us-armed-forces", "target") in parties(incident)


def test_the_coalition_against_isis_is_a_target_and_isis_is_no_party():
    incident = only("استهدفت طائرة مسيرة أمس قاعدة حرير التي تضم قوات التحالف الدولي ضد داعش.")
    keys = {key for key, _ in parties(incident)}
    assert "global-coalition-against-isis" in keys and "isis" not in keys


# --- Merging -------------------------------------------------------------------------------------


def test_the_same_attack_in_two_sentences_is_one_incident_with_both():
    text = (
        "شهدت بغداد هجوما صاروخيا على سفارة الولايات المتحدة في بغداد.\n"
        "وتعرضت السفارة الأميركية في بغداد أمس لهجوم صاروخي، وفقا لتقرير وكالة رويترز."
    )
    incident = only(text)
    assert incident.place.entry.key == "us-embassy-baghdad"
    assert incident.date_start == YESTERDAY  # the second mention dates the first
    assert [span.text(text) for span in incident.evidence] == text.split("\n")


def test_a_country_level_report_is_refined_by_the_named_places():
    text = (
        "The U.S. military carried out airstrikes early Wednesday on three facilities in Iraq.\n"
        "CENTCOM said the strikes hit sites in Jurf al-Sakhar, in al-Qaim, and at a third site west of Baghdad."
    )
    found = incidents(text, "en", date(2024, 1, 24))
    assert sorted(i.place.entry.name_en for i in found) == ["Al-Qaim", "Baghdad", "Jurf al-Sakhar (Jurf al-Nasr)"]
    for incident in found:
        assert incident.date_start == date(2024, 1, 24) and incident.count == 1
        assert ("us-armed-forces", "perpetrator") in parties(incident)
    west = next(i for i in found if i.place.entry.name_en == "Baghdad")
    assert (west.place.qualifier, west.place.geo_precision) == ("west of", 2)


def test_attacks_on_different_days_at_one_base_stay_apart():
    text = (
        "أسقطت الدفاعات الجوية فجر اليوم طائرة مسيرة حاولت استهداف قاعدة فيكتوري.\n"
        "وهذا الهجوم هو الثاني على القاعدة منذ 18 تشرين الثاني، حين أسقطت الدفاعات الجوية طائرتين مسيرتين فوق قاعدة فيكتوري."
    )
    found = incidents(text)
    assert sorted(i.date_start for i in found) == [date(2023, 11, 18), PUBLISHED]


# --- Not incidents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("وأشارت واشنطن إلى أن جماعات موالية لإيران نفذت نحو 80 هجومًا على القوات الأميركية في العراق وسوريا منذ منتصف أكتوبر الماضي.", "ar"),
        ("ردًا على ذلك، نفذت القوات الأميركية 5 ضربات في العراق وسوريا.", "ar"),
        ("U.S. forces have been attacked more than 160 times in Iraq, Syria and Jordan since Oct. 17, the Pentagon said.", "en"),
        ("Pentagon deputy press secretary Sabrina Singh said US forces had been attacked at least 46 times since October 17.", "en"),
    ],
)
def test_cumulative_figures_are_not_incidents(text, language):
    assert incidents(text, language) == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("The attack is likely to add to pressure on Biden to strike Iran directly.", "en"),
        ("كانوا يستعدون لتنفيذ هجوم على قاعدة عين الأسد.", "ar"),
        ("The strikes hit rocket, missile and one-way attack drone capabilities, CENTCOM said.", "en"),
    ],
)
def test_intended_attacks_and_arsenals_are_not_incidents(text, language):
    assert incidents(text, language) == []


def test_the_attack_on_a_place_no_report_names_is_an_account_not_an_incident():
    text = "Jordan's government spokesman said the attack had targeted the al-Tanf base across the border in Syria."
    assert incidents(text, "en") == []


def test_an_earlier_strike_does_not_take_the_later_attacks_date():
    found = incidents("جرت الهجمات الجديدة أمس، في أعقاب مقتل خمسة من المسلحين في غارة أميركية بالقرب من كركوك.")
    strike = next(i for i in found if i.place.entry.key == "gn-94787")
    assert strike.date_start is None
    assert strike.date_end == YESTERDAY  # it came before yesterday's attacks: that bounds it


@pytest.mark.parametrize(
    "text, language",
    [
        ("Rockets struck Ain al-Asad air base on Thursday, following a U.S. strike near Kirkuk that killed five fighters.", "en"),
        ("Following a U.S. strike near Kirkuk that killed five fighters, rockets struck Ain al-Asad air base on Thursday.", "en"),
        ("وسقطت صواريخ على قاعدة عين الأسد يوم الخميس، عقب غارة أميركية قرب كركوك قتلت خمسة مسلحين.", "ar"),
    ],
)
def test_an_undated_earlier_event_ends_on_the_later_events_day(text, language):
    found = incidents(text, language)
    strike = next(i for i in found if i.place.entry.key == "gn-94787")
    attack = next(i for i in found if i.place.entry.key == "ain-al-asad-air-base")
    assert attack.date_start == date(2023, 12, 7)
    assert (strike.date_start, strike.date_end) == (None, date(2023, 12, 7))


def test_an_undated_event_with_no_later_event_takes_the_story_day():
    # event_families "story_date": news tells what it does not date as just happened (that day or the day before)
    found = incidents("Officials said a U.S. strike near Kirkuk killed five fighters.", "en")
    assert [(i.date_start, i.date_end, i.date_precision) for i in found] == [(YESTERDAY, PUBLISHED, "range")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("أعلنت الفصائل يوم الخميس أنها هاجمت قاعدة حرير. وقالت إن طائرة مسيرة أصابت قاعدة حرير إصابة مباشرة.", "ar"),
        ("The group said on Thursday it had attacked a base. A drone hit the Harir air base, it said.", "en"),
    ],
)
def test_an_undated_event_takes_the_day_of_the_first_dated_sentence(text, language):
    # the lead dates the story: what a later sentence tells without a day is the lead's news
    found = incidents(text, language)
    harir = [i for i in found if i.place.entry.key == "harir-air-base"]
    assert harir and all(i.date_start == date(2023, 12, 7) for i in harir)


def test_the_story_day_ignores_days_long_before_publication():
    text = "On 2 October the group held a rally. Rockets hit the Harir air base, police said."
    found = incidents(text, "en")
    assert [(i.date_start, i.date_end) for i in found] == [(YESTERDAY, PUBLISHED)]


@pytest.mark.parametrize(
    "text, language, countries",
    [
        ("US forces on Tuesday carried out strikes against targets in Syria, the military said.", "en", ["SY"]),
        ("On December 5, US warplanes carried out air strikes on 20 targets in Iraq and Syria.", "en", ["IQ", "SY"]),
        ("نفذت طائرات أميركية يوم الثلاثاء غارات على مواقع في سوريا.", "ar", ["SY"]),
    ],
)
def test_strikes_with_their_own_day_in_a_country_are_an_event_there(text, language, countries):
    # event_families "dated_country"
    found = incidents(text, language)
    assert sorted(i.place.entry.country_code for i in found) == countries
    assert all(i.place.entry.kind == "country" and i.sub_event_type == "Air/drone strike" for i in found)


def test_undated_attacks_in_two_countries_stay_a_summary():
    assert incidents("Militias have attacked US forces in Iraq and Syria more than 60 times.", "en") == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("US jets on Friday struck facilities used by militias that operate in Iraq and Syria.", "en"),
        ("قصفت طائرات أميركية يوم الجمعة منشآت تستخدمها الفصائل الناشطة في العراق وسوريا.", "ar"),
    ],
)
def test_the_country_where_groups_operate_is_not_the_events_place(text, language):
    # event_families "actor_place"
    assert incidents(text, language) == []


def test_the_same_night_takes_the_date_of_the_event_before():
    text = (
        "وفي مساء الخميس، سقطت ثلاث قذائف صاروخية داخل القاعدة الأميركية في حقل العمر النفطي.\n"
        "وردت القوات الأميركية في الليلة ذاتها بقصف مدفعي استهدف مصادر إطلاق النيران في محيط مدينة الميادين."
    )
    found = incidents(text, "ar", date(2023, 11, 4))
    artillery = next(i for i in found if i.weapon == "artillery")
    assert artillery.date_start == date(2023, 11, 2)
    assert ("us-armed-forces", "perpetrator") in parties(artillery)


# --- Places ----------------------------------------------------------------------------------------


def test_three_bases_in_a_country_are_one_incident_at_country_level():
    incident = only("وتزامنت هذه الهجمات أمس مع استهداف ثلاث قواعد تحتوي على قوات أميركية في سوريا.")
    assert (incident.place.entry.key, incident.place.geo_precision, incident.count) == ("sy", 3, 3)


def test_a_base_in_a_region_stays_at_country_level():
    incident = only("Separately, a drone attack on a base housing US troops in eastern Syria on Friday caused minor damage.", "en")
    assert (incident.place.entry.key, incident.place.geo_precision) == ("sy", 3)
    assert incident.outcome == "hit"


def test_a_country_alone_without_a_date_or_count_is_not_an_incident():
    assert incidents("Iran-backed groups began targeting bases hosting U.S. troops in Iraq and Syria.", "en") == []


def test_a_dateline_is_not_where_the_event_happened():
    incident = only("BAGHDAD (AP) — A drone attack targeted Ain al-Asad air base on Friday, officials said.", "en")
    assert incident.place.entry.key == "ain-al-asad-air-base"


@pytest.mark.parametrize(
    "text",
    [
        "وكانت تقارير صحفية حديثة قد أشارت إلى أن طائرة مسيرة استهدفت قاعدة عين الأسد أمس.",
        "وأكد أن البلد لن يكون ساحة للهجمات، بعد أن استهدفت طائرة مسيرة قاعدة عين الأسد أمس.",
    ],
)
def test_words_that_are_place_names_do_not_become_the_place(text):
    incident = only(text)
    assert incident.place.entry.key == "ain-al-asad-air-base"


def test_evidence_spans_quote_the_text_and_titles_read_well():
    text = "وتعرضت السفارة الأميركية في بغداد أمس لهجوم صاروخي."
    incident = only(text)
    assert incident.evidence[0].text(text) == text
    assert incident.title == "Rocket attack on US Embassy in Baghdad"
    assert incident.title_ar.startswith("هجوم صاروخي")
    assert 0 < incident.confidence <= 1


# --- Other kinds of events ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("أفاد مصدر أمني، اليوم، بأن عبوة ناسفة انفجرت على رتل للدعم اللوجستي في محافظة الديوانية.", "ar"),
        ("A roadside bomb hit a logistics convoy in Diwaniyah province on Saturday, a security source said.", "en"),
    ],
)
def test_a_roadside_bomb_is_a_remote_explosive(text, language):
    incident = only(text, language)
    assert (incident.event_type, incident.sub_event_type, incident.weapon) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED", "ied",
    )


def test_clashes_are_battles_with_both_sides_associated():
    text = "اندلعت اشتباكات، مساء أمس، بين قوات سوريا الديمقراطية ومسلحين من العشائر في بلدة ذيبان بريف دير الزور، ما أسفر عن مقتل ثلاثة مسلحين."
    incident = only(text)
    assert (incident.event_type, incident.sub_event_type, incident.weapon) == ("Battles", "Armed clash", "small arms")
    assert ("syrian-democratic-forces", "associated") in parties(incident)
    assert incident.killed.best == 3 and incident.date_start == YESTERDAY


def test_a_text_without_attacks_has_no_incidents():
    text = "The Iraqi parliament approved the federal budget on Tuesday in Baghdad after months of debate."
    assert incidents(text, "en") == []


def test_a_short_report_is_read_but_a_dateline_is_not():
    incident = only("Rockets hit Ain al-Asad yesterday.", "en")
    assert incident.weapon == "rocket"
    assert incidents("السومرية نيوز – بغداد\nقال مسؤول إن الوضع هادئ في بغداد.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Heavy floods hit Baghdad on Friday, officials said.",
        "Negotiators struck a deal in Erbil on Friday.",
    ],
)
def test_a_bare_verb_without_weapon_or_striker_is_no_attack(text):
    assert incidents(text, "en") == []


# --- Parties the text gives by context ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("قال مصدر أمني إن القوات الأمنية عثرت أمس على منصة لإطلاق الصواريخ قرب قاعدة عين الأسد.", "ar",
         [("iraqi-security-forces", "perpetrator")]),
        ("Security forces found a rocket launcher near Ain al-Asad air base on Friday.", "en",
         [("iraqi-security-forces", "perpetrator")]),
        # In the Kurdistan Region "the security forces" may be the Asayish; in Syria no one force: no guess.
        ("عثرت القوات الأمنية أمس على منصة لإطلاق الصواريخ قرب مطار أربيل.", "ar", []),
        ("عثرت القوات الأمنية أمس على منصة لإطلاق الصواريخ قرب حقل العمر.", "ar", []),
    ],
)
def test_the_security_forces_who_find_a_launcher_are_those_of_the_places_country(text, language, expected):
    incident = only(text, language)
    assert incident.sub_event_type == "Disrupted weapons use"
    assert [p for p in parties(incident) if p[1] == "perpetrator"] == expected


def test_a_strike_in_response_targets_the_attackers_of_the_attack_it_answers():
    text = (
        "سقطت ثلاث قذائف صاروخية أمس داخل القاعدة الأميركية في حقل العمر، ورجح المرصد أن تكون الميليشيات "
        "الموالية لإيران قد أطلقتها. وردت القوات الأميركية في الليلة ذاتها بقصف مدفعي استهدف مصادر إطلاق "
        "النيران في محيط مدينة الميادين."
    )
    attack, strike = incidents(text)
    assert ("pro-iran-factions", "perpetrator") in parties(attack)
    assert parties(strike) == [("pro-iran-factions", "target"), ("us-armed-forces", "perpetrator")]


def test_a_strike_that_answers_nothing_gets_no_guessed_target():
    strike = only("وردت القوات الأميركية أمس بقصف مدفعي استهدف محيط مدينة الميادين.")  # no attack reported before
    assert parties(strike) == [("us-armed-forces", "perpetrator")]


def test_a_claimed_attack_on_a_base_with_no_target_takes_the_target_of_the_other_attacks():
    text = (
        "A drone attack on the U.S. outpost at Tower 22 killed three American soldiers on Friday. "
        "The Islamic Resistance in Iraq said its fighters had attacked the al-Shaddadi base with drones on Friday."
    )
    tower, shaddadi = incidents(text, "en")
    assert ("us-armed-forces", "target") in parties(tower)
    assert ("us-armed-forces", "target") in parties(shaddadi)
    alone = only("The Islamic Resistance in Iraq said its fighters had attacked the al-Shaddadi base with drones on Friday.", "en")
    assert [p for p in parties(alone) if p[1] == "target"] == []  # nothing in the text says whose base


@pytest.mark.parametrize(
    "text, language",
    [
        ("سقط صاروخان في منطقة خالية قرب قاعدة عين الأسد مساء الجمعة من دون تسجيل إصابات.", "ar"),
        ("Two rockets landed in an empty area near Ain al-Asad air base on Friday, causing no damage.", "en"),
        ("Two rockets fell short of Ain al-Asad air base on Friday.", "en"),
    ],
)
def test_a_projectile_that_lands_in_an_empty_area_is_a_failed_attack(text, language):
    incident = only(text, language)
    assert incident.outcome == "failed"
    assert incident.weapon == "rocket"


def test_a_projectile_that_lands_inside_the_base_is_still_a_hit():
    incident = only("سقط صاروخان داخل قاعدة عين الأسد مساء الجمعة.")
    assert incident.outcome == "hit"


@pytest.mark.parametrize(
    "text, language",
    [
        ("نفذت القوات الأميركية أمس قصفا مدفعيا استهدف مواقع كتائب حزب الله قرب الميادين.", "ar"),
        ("وكانت الطائرات الأميركية قد شنت في الثامن من كانون الأول الجاري غارات على مواقع لكتائب حزب الله في الميادين.", "ar"),
        ("A Kataib Hezbollah site near al-Mayadin was struck by US warplanes on Friday.", "en"),
        ("US forces on Friday carried out a drone strike on a Kataib Hezbollah site near al-Mayadin.", "en"),
    ],
)
def test_the_subject_or_the_by_agent_of_a_strike_is_its_perpetrator(text, language):
    incident = only(text, language)
    assert incident.date_start == YESTERDAY
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


def test_a_group_that_only_uses_the_struck_site_is_not_the_agent():
    incident = only("Three sites near al-Qaim used by Kataib Hezbollah were struck on Friday by US warplanes.", "en")
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("أعلنت المقاومة الإسلامية في العراق أنها استهدفت أمس قاعدة الشدادي في ريف الحسكة بطائرة مسيرة، من دون أن تشير إلى الأردن.", "ar"),
        ("The Islamic Resistance in Iraq said it attacked al-Shaddadi base in Hasakah province on Friday with drones, but did not mention Jordan.", "en"),
    ],
)
def test_a_weapon_named_after_the_place_is_the_instrument_of_the_attack(text, language):
    incident = only(text, language)
    assert incident.place.entry.key == "al-shaddadi-base"
    assert (incident.weapon, incident.sub_event_type) == ("drone", "Air/drone strike")


def test_the_reporter_in_bihasab_ma_alanat_is_a_speaker_not_a_target():
    incident = only("قتل ثلاثة جنود أميركيين أمس في هجوم بطائرة مسيرة على البرج 22، بحسب ما أعلنته القيادة المركزية الأميركية.")
    assert ("us-central-command", "target") not in parties(incident)
    assert ("us-armed-forces", "target") in parties(incident)


@pytest.mark.parametrize(
    "text",
    [
        "وقال مسؤول إن جماعات مسلحة متطرفة مدعومة من إيران تقف وراء الهجوم بطائرة مسيرة على البرج 22 أمس.",
        "استهدف هجوم بطائرة مسيرة البرج 22 أمس، واتهمت واشنطن جماعات مسلحة موالية لإيران بتنفيذه.",
    ],
)
def test_armed_groups_described_by_their_tie_to_iran_with_adjectives_are_the_pro_iran_factions(text):
    incident = only(text)
    assert ("pro-iran-factions", "perpetrator") in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("قتل ثلاثة جنود أميركيين أمس في هجوم بطائرة مسيرة على البرج 22. ونفت طهران أي صلة لها بالهجوم.", "ar"),
        ("A drone attack killed three US soldiers at Tower 22 on Friday. Iran denied any involvement in the attack.", "en"),
    ],
)
def test_denying_a_part_in_the_attack_does_not_contest_it(text, language):
    assert only(text, language).verification == "reported"


def test_denying_the_attack_still_contests_it():
    text = "تبنت المقاومة الإسلامية في العراق هجوما بطائرة مسيرة على قاعدة حرير أمس. ونفى مصدر أمني وقوع الهجوم."
    assert only(text).verification == "contested"


def test_the_resistance_factions_in_general_are_not_the_named_resistance():
    text = (
        "قتل ثلاثة جنود أميركيين أمس في هجوم بطائرة مسيرة على البرج 22. وكانت المقاومة الإسلامية في العراق قد هددت القوات الأميركية. "
        "ونفت طهران أي صلة لها بالهجوم، قائلة إنها لا تتدخل في قرارات فصائل المقاومة."
    )
    tower = [i for i in incidents(text) if i.place.entry.key == "tower-22"]
    assert len(tower) == 1
    assert ("islamic-resistance-in-iraq", "perpetrator") not in parties(tower[0])


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "أعلنت كتائب حزب الله أمس تعليق عملياتها، بعد يومين من هجوم بطائرة مسيرة أودى بحياة ثلاثة جنود أميركيين في قاعدة على الحدود. "
            "وكان الهجوم الذي استهدف يوم الأربعاء البرج 22 قد أسفر عن إصابة العشرات.",
            "ar",
        ),
        (
            "Kataib Hezbollah announced on Friday it would suspend its operations, two days after a drone attack claimed the lives of three US soldiers at a base on the border. "
            "The attack on Tower 22 on Wednesday also wounded dozens.",
            "en",
        ),
    ],
)
def test_an_attack_told_without_its_place_joins_the_attack_later_placed_and_the_announcer_is_no_party(text, language):
    incident = only(text, language)
    assert incident.place.entry.key == "tower-22" and incident.date_start == date(2023, 12, 6)
    assert (incident.weapon, incident.sub_event_type) == ("drone", "Air/drone strike")
    assert incident.killed.best == 3 and incident.injured.low == 24
    assert "kataib-hezbollah" not in {key for key, _ in parties(incident)}
    assert incident.verification == "reported"


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Dozens of targets were struck in Iraq and Syria on Friday. Long-range bombers hit more than 85 targets, the military said. "
            "In Iraq, a depot used by Kataib Hezbollah near Akashat was also hit, according to security sources.",
            "en",
        ),
        (
            "شنت مقاتلات أميركية أمس غارات على أهداف في العراق وسوريا. "
            "وفي العراق، قُصف مستودع لكتائب حزب الله قرب عكاشات، بحسب مصادر أمنية.",
            "ar",
        ),
    ],
)
def test_a_bare_hit_after_air_strikes_is_one_of_those_strikes_on_their_day(text, language):
    found = incidents(text, language)
    # the strikes' Iraq side is the Akashat strike; their Syria side, told with its day, is an event in Syria
    assert all(i.place.entry.key == "akashat" or i.place.entry.kind == "country" and i.place.entry.country_code == "SY" for i in found)
    incident = next(i for i in found if i.place.entry.key == "akashat")
    assert (incident.weapon, incident.sub_event_type) == ("airstrike", "Air/drone strike")
    assert incident.date_start == YESTERDAY
    assert ("kataib-hezbollah", "target") in parties(incident)


def test_a_bare_hit_with_no_air_strike_told_before_is_still_no_event():
    assert incidents("Heavy floods hit Akashat on Friday, officials said.", "en") == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("استهدفت طائرة مسيرة مجهولة الهوية أمس سيارة تقل عناصر من كتائب حزب الله قرب البوكمال، ما أدى إلى مقتل ثلاثة منهم.", "ar"),
        ("An unidentified drone targeted a car carrying Kataib Hezbollah members near Albu Kamal on Friday, killing three of them.", "en"),
    ],
)
def test_an_unidentified_drone_is_the_perpetrator_and_the_group_it_hits_the_target(text, language):
    incident = only(text, language)
    assert parties(incident) == [("kataib-hezbollah", "target"), ("unidentified-military-forces", "perpetrator")]
    assert incident.killed.best == 3


@pytest.mark.parametrize(
    "text, language",
    [
        ("A US drone strike on a car in eastern Baghdad on Friday night killed three members of Kataib Hezbollah. "
         "The vehicle was hit in the Mashtal neighbourhood, two security officials said.", "en"),
        ("A US drone strike on a car in eastern Baghdad on Friday night killed three members of Kataib Hezbollah. "
         "The car was struck in Mashtal, security officials said.", "en"),
    ],
)
def test_a_strike_told_again_in_a_quarter_of_the_city_is_one_strike_in_that_quarter(text, language):
    # The Arabic names of Baghdad's quarters (المشتل، الأعظمية) find Syrian places of the same name in the gazetteer.
    incident = only(text, language)
    assert incident.place.entry.key == "iq-baghdad-9-nissan-mashtal"
    assert (incident.weapon, incident.sub_event_type, incident.killed.best) == ("drone", "Air/drone strike", 3)
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


def test_a_drone_strike_is_a_strike_and_the_victims_call_it_an_attack():
    text = (
        "A commander of Harakat al-Nujaba and one of his aides were killed on Friday when a drone strike hit their car in eastern Baghdad. "
        "The commander died when the drone fired on the car inside the group's headquarters. "
        "The Iraqi military condemned an unjustified attack in Baghdad."
    )
    incident = only(text, "en")
    assert (incident.sub_event_type, incident.weapon, incident.killed.best) == ("Air/drone strike", "drone", 2)
    assert ("harakat-al-nujaba", "target") in parties(incident)
    assert ("harakat-al-nujaba", "perpetrator") not in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("A US drone strike killed a Kataib Hezbollah commander in eastern Baghdad on Wednesday night. "
         "Hours before the strike, the Islamic Resistance in Iraq said it had targeted the Conoco field with drones.", "en"),
        ("قتل قيادي في كتائب حزب الله بغارة أميركية شرقي بغداد مساء الأربعاء. "
         "وقبل ساعات من الغارة، أعلنت المقاومة الإسلامية في العراق أنها استهدفت حقل كونيكو بطائرات مسيرة.", "ar"),
    ],
)
def test_hours_before_the_strike_is_the_strike_s_day(text, language):
    found = {i.place.entry.key: i for i in incidents(text, language)}
    conoco = [i for key, i in found.items() if "conoco" in key]
    assert len(conoco) == 1 and conoco[0].date_start == date(2023, 12, 6)


@pytest.mark.parametrize(
    "text, language",
    [
        ("The first wave of U.S. retaliation began on Friday. In Syria, warplanes pounded positions of Kataib Hezbollah around al-Mayadin on Friday.", "en"),
        ("بدأت الضربات الأميركية أمس. وفي سوريا، شنت مقاتلات غارات على مواقع لكتائب حزب الله في الميادين أمس.", "ar"),
    ],
)
def test_a_strike_with_no_striker_named_takes_the_one_state_the_story_says_strikes(text, language):
    incident = only(text, language)
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


def test_a_strike_with_no_striker_in_a_story_of_no_state_strikes_gets_no_guess():
    # No nation is guessed from the story; the striker no one names is ACLED's unidentified military forces
    # (event_families "unknown_striker"), as the real corpus's coders code it.
    incident = only("In Syria, warplanes pounded positions of Kataib Hezbollah around al-Mayadin on Friday.", "en")
    assert parties(incident) == [("kataib-hezbollah", "target"), ("unidentified-military-forces", "perpetrator")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("أسقطت الدفاعات الجوية الأميركية، في ساعة متأخرة من ليل الجمعة، طائرة مسيرة حاولت استهداف القاعدة الأميركية في تل بيدر.", "ar"),
        ("US air defenses, late on Friday, shot down a drone that tried to attack Tal Baydar base.", "en"),
    ],
)
def test_air_defences_of_a_nation_intercept_across_a_time_set_off_by_commas(text, language):
    incident = only(text, language)
    assert incident.outcome == "intercepted" and incident.date_start == YESTERDAY
    assert parties(incident) == [("us-armed-forces", "interceptor"), ("us-armed-forces", "target")]


def test_one_drone_shot_down_and_the_other_striking_is_a_hit_by_no_state():
    text = (
        "Two drones were launched on Friday at al-Tanf. One was shot down by US forces, while the other struck the base, "
        "leaving coalition personnel with minor injuries."
    )
    incident = only(text, "en")
    assert (incident.sub_event_type, incident.outcome, incident.injured.low) == ("Air/drone strike", "hit", 1)
    assert ("us-armed-forces", "interceptor") in parties(incident)
    assert ("us-armed-forces", "perpetrator") not in parties(incident)


def test_forces_that_destroy_the_drones_intercept_them():
    text = "Two drones were fired at Ain al-Asad air base on Friday. US forces destroyed one and damaged the second, and no casualties were reported."
    incident = only(text, "en")
    assert incident.outcome == "intercepted"
    assert ("us-armed-forces", "interceptor") in parties(incident)


def test_a_summary_at_bases_in_two_countries_is_no_incident_and_the_blame_joins_the_claim():
    text = (
        "US troops were targeted by drones at two bases in Iraq and Syria this week, in attacks the Pentagon on Friday blamed on Iran-backed militias. "
        "Two drones were launched on Wednesday at al-Tanf and one struck the base. "
        "The Islamic Resistance in Iraq, a newly formed umbrella of Iran-backed factions, said on Telegram that it was behind the attack on al-Tanf."
    )
    incident = only(text, "en")
    assert incident.place.entry.key == "al-tanf-garrison"
    assert ("islamic-resistance-in-iraq", "claimant") in parties(incident)
    assert ("pro-iran-factions", "perpetrator") in parties(incident)
    assert ("pro-iran-factions", "claimant") not in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("أسقطت الدفاعات الجوية للتحالف الدولي ثلاث طائرات مسيرة أمس في محيط مطار أربيل الدولي. "
         "ولم تتضرر القنصلية الأميركية في أربيل، التي لا يبعد مبناها سوى بضعة كيلومترات عن موقع الهجوم.", "ar"),
        ("Coalition air defences shot down three drones near Erbil International Airport on Friday. "
         "The US consulate in Erbil, a few kilometres from the attack, was not damaged.", "en"),
    ],
)
def test_an_interception_over_an_airport_targets_no_one_and_an_unharmed_consulate_is_a_landmark(text, language):
    incident = only(text, language)
    assert incident.outcome == "intercepted"
    assert parties(incident) == [("global-coalition-against-isis", "interceptor")]


def test_an_interception_over_the_forces_own_base_still_targets_them():
    incident = only("Coalition air defences shot down a drone over Harir air base on Friday.", "en")
    assert parties(incident) == [("global-coalition-against-isis", "interceptor"), ("global-coalition-against-isis", "target")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("A drone attack killed three US soldiers at Tower 22 on Friday. "
         "Washington has blamed the Islamic Resistance in Iraq, an umbrella of hardline Iran-aligned groups, for it.", "en"),
        ("قتل ثلاثة جنود أميركيين أمس في هجوم بطائرة مسيرة على البرج 22. "
         "وتقف المقاومة الإسلامية في العراق، وهي تحالف من فصائل موالية لإيران، وراء الهجوم بحسب واشنطن.", "ar"),
    ],
)
def test_the_group_blamed_is_the_perpetrator_and_its_description_is_no_second_one(text, language):
    incident = only(text, language)
    assert ("islamic-resistance-in-iraq", "perpetrator") in parties(incident)
    assert ("pro-iran-factions", "perpetrator") not in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("The killing came ten days after the November 28 attack on Tower 22, in which three American soldiers were killed.", "en"),
        ("وجاء ذلك بعد عشرة أيام من هجوم 28 تشرين الثاني على البرج 22، الذي قتل فيه ثلاثة جنود أميركيين.", "ar"),
    ],
)
def test_a_day_number_before_the_attack_word_is_its_date_not_a_tally(text, language):
    incident = only(text, language)
    assert incident.place.entry.key == "tower-22" and incident.date_start == date(2023, 11, 28)
    assert incident.killed.best == 3


def test_hours_before_the_strike_is_the_strike_s_day_not_the_last_dated_attack():
    text = (
        "A US drone strike killed a Kataib Hezbollah commander in eastern Baghdad on Wednesday night. "
        "The strike came ten days after the November 28 attack on Tower 22. "
        "Hours before the strike, the Islamic Resistance in Iraq said it had targeted the Conoco field with drones."
    )
    conoco = [i for i in incidents(text, "en") if "conoco" in i.place.entry.key]
    assert len(conoco) == 1 and conoco[0].date_start == date(2023, 12, 6)


@pytest.mark.parametrize(
    "text, language",
    [
        ("The Islamic Resistance in Iraq said it had targeted the Conoco field with drones on Friday. "
         "The coalition denied there had been any attack on the base.", "en"),
        ("أعلنت المقاومة الإسلامية في العراق أنها استهدفت حقل كونيكو بطائرات مسيرة يوم الجمعة. "
         "ونفى التحالف الدولي وقوع أي هجوم على القاعدة.", "ar"),
    ],
)
def test_the_side_that_denies_the_attack_speaks_and_is_not_its_target(text, language):
    incident = only(text, language)
    assert incident.verification == "contested"
    assert ("global-coalition-against-isis", "target") not in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("A drone strike hit a car in eastern Baghdad on Friday. "
         "Mushtaq Talib al-Saidi, known as Abu Taqwa, a commander of Harakat al-Nujaba, died when the drone fired on the car.", "en"),
        ("استهدفت غارة بطائرة مسيرة سيارة شرقي بغداد يوم الجمعة. "
         "وقتل مشتاق طالب السعيدي، القيادي في حركة النجباء، عندما أطلقت الطائرة صاروخا على السيارة.", "ar"),
    ],
)
def test_a_commander_who_died_in_the_strike_and_his_group_are_its_targets(text, language):
    incident = only(text, language)
    assert ("abu-taqwa-al-saidi", "target") in parties(incident)
    assert ("harakat-al-nujaba", "target") in parties(incident)
    assert ("harakat-al-nujaba", "perpetrator") not in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("A headquarters of the Popular Mobilization Forces in al-Qaim was destroyed, and a weapons depot used by Kataib Hezbollah "
         "near Akashat was also hit on Friday by US warplanes.", "en"),
        ("شنت مقاتلات أميركية أمس غارات على مقر للحشد الشعبي في القائم، وعلى مخزن لكتائب حزب الله قرب عكاشات.", "ar"),
    ],
)
def test_each_struck_site_has_its_own_owner_as_target(text, language):
    found = [parties(i) for i in sorted(incidents(text, language), key=lambda i: i.evidence[0].start + i.place.span.start)]
    assert found == [
        [("popular-mobilization-forces", "target"), ("us-armed-forces", "perpetrator")],  # al-Qaim
        [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")],  # Akashat
    ]


def test_coordinated_places_share_the_owner_named_before_them():
    text = "US warplanes struck sites of Kataib Hezbollah near al-Qaim and Akashat on Friday."
    found = {i.place.entry.name_en.lower(): parties(i) for i in incidents(text, "en")}
    assert found["al-qaim"] == found["akashat"] == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


@pytest.mark.parametrize(
    "text, weapon",
    [
        ("قصفت المدفعية الأميركية أمس مواقع لكتائب حزب الله قرب الميادين.", "artillery"),
        ("شن الطيران الأميركي أمس غارات على مواقع لكتائب حزب الله قرب الميادين.", "airstrike"),
    ],
)
def test_the_subject_right_after_the_event_verb_is_its_perpetrator(text, weapon):
    incident = only(text)
    assert incident.weapon == weapon
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Unidentified aircraft struck a convoy of Kataib Hezbollah fighters near Albu Kamal on Friday, killing six.", "en"),
        ("طيران مجهول قصف أمس رتلا لكتائب حزب الله قرب البوكمال، ما أدى إلى مقتل ستة عناصر.", "ar"),
    ],
)
def test_the_subject_of_the_event_verb_itself_is_its_perpetrator(text, language):
    incident = only(text, language)
    assert parties(incident) == [("kataib-hezbollah", "target"), ("unidentified-military-forces", "perpetrator")]
    assert incident.killed.best == 6


@pytest.mark.parametrize(
    "text, language",
    [
        ("Harir air base was hit by three drones on Friday, officials said.", "en"),
        ("أصيبت قاعدة حرير بثلاث طائرات مسيرة يوم الجمعة، بحسب مسؤولين.", "ar"),
    ],
)
def test_a_base_hit_by_drones_is_a_hit(text, language):
    assert only(text, language).outcome == "hit"


@pytest.mark.parametrize(
    "text, language",
    [
        ("أعلنت القوات الأميركية إسقاط طائرة مسيرة كانت تستهدف قاعدة عين الأسد أمس.", "ar"),
        ("US forces said they shot down a drone near Ain al-Asad air base on Friday.", "en"),
    ],
)
def test_forces_that_announce_they_shot_the_drone_down_are_its_interceptor(text, language):
    incident = only(text, language)
    assert incident.outcome == "intercepted"
    assert ("us-armed-forces", "interceptor") in parties(incident)


def test_a_dual_nation_adjective_names_the_nation_s_forces():
    incident = only("قتل جنديان أميركيان وأصيب خمسة آخرون في هجوم صاروخي استهدف قاعدة عين الأسد أمس.")
    assert parties(incident) == [("us-armed-forces", "target")]
    assert (incident.killed.best, incident.injured.best) == (2, 5)


@pytest.mark.parametrize(
    "text, language, offset",
    [
        ("Two drones attacked al-Tanf on Wednesday. A day earlier, two more drones were fired at Ain al-Asad air base.", "en", -1),
        ("Two drones attacked al-Tanf on Wednesday. The next day, rockets hit Ain al-Asad air base.", "en", 1),
        ("استهدفت طائرة مسيرة قاعدة التنف يوم الأربعاء. وقبل ذلك بيوم، سقطت ثلاثة صواريخ داخل قاعدة عين الأسد.", "ar", -1),
        ("استهدفت طائرة مسيرة قاعدة التنف يوم الأربعاء. وفي اليوم التالي، سقطت ثلاثة صواريخ داخل قاعدة عين الأسد.", "ar", 1),
    ],
)
def test_a_day_earlier_or_later_counts_from_the_event_told_before(text, language, offset):
    found = {i.place.entry.key: i.date_start for i in incidents(text, language)}
    wednesday = date(2023, 12, 6)
    assert found["al-tanf-garrison"] == wednesday
    assert found["ain-al-asad-air-base"] == wednesday + timedelta(days=offset)


@pytest.mark.parametrize(
    "text, language, outcome",
    [
        ("أحبطت الدفاعات الجوية للتحالف الدولي أمس هجوما بطائرة مسيرة على قاعدة حرير.", "ar", "intercepted"),
        ("Coalition air defences foiled a drone attack on Harir air base on Friday.", "en", "intercepted"),
        ("انفجرت طائرة مسيرة أمس قبل وصولها إلى قاعدة حرير.", "ar", "failed"),
        ("A drone crashed before reaching Harir air base on Friday.", "en", "failed"),
        ("أسقطت الدفاعات الجوية للتحالف الدولي أمس طائرة مسيرة قبل وصولها إلى قاعدة حرير.", "ar", "intercepted"),
    ],
)
def test_foiled_is_intercepted_and_falling_short_unopposed_is_failed(text, language, outcome):
    assert only(text, language).outcome == outcome


@pytest.mark.parametrize(
    "text, language",
    [
        ("قُصفت مواقع لكتائب حزب الله قرب القائم أمس من قبل طائرات أميركية.", "ar"),
        ("تعرضت مواقع لكتائب حزب الله قرب القائم أمس لغارات نفذتها طائرات أميركية.", "ar"),
        ("Positions of Kataib Hezbollah were struck near al-Qaim on Friday by US aircraft.", "en"),
        ("A Kataib Hezbollah headquarters near al-Qaim was struck on Friday, in a strike carried out by US forces.", "en"),
    ],
)
def test_the_agent_of_a_passive_strike_after_its_object_is_the_perpetrator(text, language):
    incident = only(text, language)
    assert (incident.sub_event_type, incident.date_start) == ("Air/drone strike", YESTERDAY)
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("US troops were targeted by drones at two bases this week, in attacks the Pentagon on Friday blamed on Iran-backed militias. "
         "Two drones were launched on Wednesday at al-Tanf and one struck the base. "
         "Separately, two rockets landed near Ain al-Asad air base on Thursday.", "en"),
        ("استهدفت طائرتان مسيرتان قاعدة التنف يوم الأربعاء، في هجمات اتهمت واشنطن فصائل موالية لإيران بتنفيذها. "
         "وفي حادث منفصل، سقط صاروخان قرب قاعدة عين الأسد يوم الخميس.", "ar"),
    ],
)
def test_an_attack_told_separately_takes_no_blame_of_the_story(text, language):
    found = {i.place.entry.key: parties(i) for i in incidents(text, language)}
    assert ("pro-iran-factions", "perpetrator") in found["al-tanf-garrison"]
    assert ("pro-iran-factions", "perpetrator") not in found["ain-al-asad-air-base"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("قال مصدر أمني إن ثلاثة عناصر من كتائب حزب الله قتلوا أمس جراء ضربة جوية استهدفت مقرا لهم قرب القائم.", "ar"),
        ("Three Kataib Hezbollah fighters were killed on Friday in an air strike on their headquarters near al-Qaim, a security source said.", "en"),
    ],
)
def test_the_subject_killed_before_its_verb_is_the_strike_s_target(text, language):
    incident = only(text, language)
    assert incident.killed.best == 3
    assert ("kataib-hezbollah", "target") in parties(incident)
    assert ("kataib-hezbollah", "perpetrator") not in parties(incident)


@pytest.mark.parametrize(
    "text, language",
    [
        ("A drone struck Harir air base on Wednesday. Hours later, US aircraft struck a Kataib Hezbollah depot near al-Qaim.", "en"),
        ("استهدفت طائرة مسيرة قاعدة حرير يوم الأربعاء. وفي وقت لاحق من اليوم نفسه، قصفت طائرات أميركية مخزنا لكتائب حزب الله قرب القائم.", "ar"),
    ],
)
def test_hours_later_keeps_the_day_of_the_event_before(text, language):
    assert {i.date_start for i in incidents(text, language)} == {date(2023, 12, 6)}


@pytest.mark.parametrize(
    "text, language, outcome",
    [
        ("Seven mortar rounds were fired at Ain al-Asad air base on Friday, causing minor damage.", "en", "hit"),
        ("Seven mortar rounds were fired at Ain al-Asad air base on Friday, causing no damage.", "en", "unknown"),
        ("أطلقت سبع قذائف هاون على قاعدة عين الأسد يوم الجمعة، ما ألحق أضرارا مادية بالقاعدة.", "ar", "hit"),
    ],
)
def test_causing_damage_is_a_hit_and_causing_no_damage_is_not(text, language, outcome):
    assert only(text, language).outcome == outcome


@pytest.mark.parametrize(
    "text, language",
    [
        ("تعرضت قاعدة حرير أمس لهجوم بثلاثة صواريخ، سقط اثنان منها داخل القاعدة، فيما سقط الثالث في منطقة زراعية قريبة.", "ar"),
        ("Three rockets targeted Harir air base on Friday; two landed inside the base and the third landed in an empty field nearby.", "en"),
    ],
)
def test_some_rockets_inside_and_one_in_an_empty_area_is_a_hit(text, language):
    assert only(text, language).outcome == "hit"


@pytest.mark.parametrize(
    "text, language",
    [
        ("أعلن التحالف الدولي أن دفاعاته الجوية أسقطت أمس طائرتين مسيرتين قرب مطار أربيل الدولي.", "ar"),
        ("The coalition said its air defences had shot down two drones near Erbil International Airport on Friday.", "en"),
    ],
)
def test_a_party_that_says_its_own_defences_shot_the_drones_down_is_the_interceptor(text, language):
    incident = only(text, language)
    assert incident.outcome == "intercepted"
    assert parties(incident) == [("global-coalition-against-isis", "interceptor")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Kataib Hezbollah announced on Tuesday it would suspend its operations, two days after a drone attack on Tower 22.", "en"),
        ("أعلنت كتائب حزب الله مساء الثلاثاء تعليق عملياتها، بعد يومين من هجوم بطائرة مسيرة على البرج 22.", "ar"),
    ],
)
def test_an_event_two_days_before_the_sentence_s_date_is_dated_from_it(text, language):
    incident = only(text, language)
    assert incident.place.entry.key == "tower-22"
    assert incident.date_start == date(2023, 12, 3)


# --- The campaign's target named with its attacks -------------------------------------------------


def test_english_attack_on_a_base_takes_the_forces_the_text_says_the_attacks_are_on():
    text = (
        "U.S. forces in Iraq and Syria have been attacked at least 40 times since October. "
        "On Friday, a drone struck Ain al-Asad air base."
    )
    assert ("us-armed-forces", "target") in parties(only(text, "en"))


def test_english_campaign_target_is_what_every_phrase_names():
    text = (
        "The strikes answered a string of attacks on American troops. "
        "U.S. and coalition forces have been attacked 19 times. "
        "On Friday, a drone struck Ain al-Asad air base."
    )
    targets = [key for key, role in parties(only(text, "en")) if role == "target"]
    assert targets == ["us-armed-forces"]


def test_english_attack_on_a_base_without_a_campaign_phrase_has_no_target():
    assert parties(only("On Friday, a drone struck Ain al-Asad air base.", "en")) == []


def test_arabic_attack_on_a_base_takes_the_forces_the_text_says_the_attacks_are_on():
    text = (
        "تعرضت القوات الأميركية إلى 46 هجوماً منذ تشرين الأول. "
        "واستهدفت طائرة مسيرة أمس قاعدة عين الأسد في محافظة الأنبار."
    )
    assert ("us-armed-forces", "target") in parties(only(text))


def test_arabic_attacks_on_american_bases_name_the_campaign_target():
    text = "لم تتوقف الهجمات على القواعد الأميركية. واستهدفت طائرة مسيرة أمس قاعدة عين الأسد في محافظة الأنبار."
    assert ("us-armed-forces", "target") in parties(only(text))


def test_english_claimant_is_the_group_not_the_factions_its_relative_clause_names():
    text = (
        "On Friday, the Islamic Resistance in Iraq, which groups several Iran-backed factions, "
        "said it had attacked Ain al-Asad air base with drones."
    )
    assert ("islamic-resistance-in-iraq", "claimant") in parties(only(text, "en"))
    assert all(role != "claimant" or key == "islamic-resistance-in-iraq" for key, role in parties(only(text, "en")))


def test_arabic_claimant_is_the_group_not_the_factions_its_relative_clause_names():
    text = "المقاومة الإسلامية في العراق، التي تضم فصائل موالية لإيران، قالت إنها استهدفت أمس قاعدة عين الأسد بطائرة مسيرة."
    claimants = [key for key, role in parties(only(text)) if role == "claimant"]
    assert claimants == ["islamic-resistance-in-iraq"]


# --- The struck sites' owners told in the next sentence -------------------------------------------


def test_english_owners_of_the_struck_facilities_in_the_next_sentence_are_targets():
    text = (
        "U.S. fighter jets struck a weapons depot near Albu Kamal on Friday, the Pentagon said. "
        "The two facilities were used by Kataib Hezbollah and Iran-backed groups, officials said."
    )
    assert parties(only(text, "en")) == [("kataib-hezbollah", "target"), ("pro-iran-factions", "target"), ("us-armed-forces", "perpetrator")]


def test_english_owners_sentence_after_an_attack_gives_no_target():
    text = (
        "A drone struck Ain al-Asad air base on Friday. "
        "The two facilities were used by Kataib Hezbollah, officials said."
    )
    assert ("kataib-hezbollah", "target") not in parties(only(text, "en"))


def test_arabic_owners_of_the_struck_facilities_in_the_next_sentence_are_targets():
    text = "قصفت مقاتلات أميركية أمس منشأتين قرب البوكمال. وتعود المنشأتان إلى كتائب حزب الله."
    assert ("kataib-hezbollah", "target") in parties(only(text))


# --- A party to another war ------------------------------------------------------------------------


def test_english_party_to_a_named_war_is_no_target_of_the_strike():
    text = "U.S. jets struck a depot near Albu Kamal on Friday, in strikes separate from the war between Israel and Hamas."
    assert parties(only(text, "en")) == [("us-armed-forces", "perpetrator")]


def test_arabic_party_to_a_named_war_is_no_target_of_the_strike():
    text = "قصفت مقاتلات أميركية أمس موقعا قرب البوكمال، في ضربة منفصلة عن الحرب بين إسرائيل وحماس."
    assert parties(only(text)) == [("us-armed-forces", "perpetrator")]


def test_english_group_struck_beside_a_war_mention_stays_a_target():
    text = "U.S. jets struck a Kataib Hezbollah depot near Albu Kamal on Friday, amid the war between Israel and Hamas."
    assert ("kataib-hezbollah", "target") in parties(only(text, "en"))


# --- A state force whose members a strike killed ---------------------------------------------------


def test_english_state_force_whose_members_the_strike_killed_is_its_target():
    text = "A U.S. drone strike killed five members of the Popular Mobilization Forces near Kirkuk on Friday."
    assert parties(only(text, "en")) == [("popular-mobilization-forces", "target"), ("us-armed-forces", "perpetrator")]


def test_arabic_state_force_whose_members_the_strike_killed_is_its_target():
    text = "شنت طائرة مسيرة أميركية أمس ضربة قرب كركوك أدت إلى مقتل خمسة من عناصر الحشد الشعبي."
    assert parties(only(text)) == [("popular-mobilization-forces", "target"), ("us-armed-forces", "perpetrator")]


def test_english_state_force_in_a_later_toll_of_the_strikes_is_no_target():
    text = (
        "U.S. jets struck three Kataib Hezbollah sites near Hillah on Friday. "
        "One member of the Iraqi security forces was killed in the strikes, officials said."
    )
    assert ("iraqi-security-forces", "target") not in parties(only(text, "en"))


def test_english_whose_the_dead_were_in_the_next_sentence_makes_the_group_a_target():
    text = (
        "A U.S. drone strike killed five militants near Kirkuk on Friday, an official said. "
        "Two Iraqi security sources told Reuters the dead belonged to Kataib Hezbollah."
    )
    found = parties(only(text, "en"))
    assert ("kataib-hezbollah", "target") in found
    assert ("iraqi-security-forces", "target") not in found  # the sources who tell it


def test_arabic_whose_the_dead_were_in_the_next_sentence_makes_the_group_a_target():
    text = "قتل خمسة مسلحين بضربة جوية أميركية قرب كركوك أمس. وقالت مصادر أمنية إن القتلى ينتمون إلى كتائب حزب الله."
    assert ("kataib-hezbollah", "target") in parties(only(text))


# --- A drone strike retold as "the strike" ---------------------------------------------------------


def test_english_drone_strike_retold_as_the_strike_is_one_incident():
    text = (
        "Five militants were killed near Kirkuk on Friday by a U.S. drone strike, an official said. "
        "Kataib Hezbollah said five of its fighters had been killed in the strike south-west of Kirkuk late on Friday."
    )
    incident = only(text, "en")
    assert incident.weapon == "drone"


def test_arabic_drone_strike_retold_as_the_strike_is_one_incident():
    text = "قتل خمسة مسلحين بطائرة مسيرة أميركية قرب كركوك أمس. وأكدت كتائب حزب الله مقتل خمسة من عناصرها في الضربة قرب كركوك مساء أمس."
    assert only(text).weapon == "drone"


# --- A group telling of its own dead ---------------------------------------------------------------


def test_english_group_that_says_its_members_were_killed_in_the_strike_is_its_target():
    text = (
        "A U.S. drone strike hit a site near Kirkuk on Friday. "
        "The Popular Mobilization Forces, a state-sanctioned umbrella of armed groups, said in a statement "
        "that five of its members had been killed in the strike."
    )
    assert parties(only(text, "en")) == [("popular-mobilization-forces", "target"), ("us-armed-forces", "perpetrator")]


def test_arabic_group_that_mourns_its_members_killed_in_the_strike_is_its_target():
    text = "شنت طائرة مسيرة أميركية أمس ضربة قرب كركوك. وأعلنت كتائب حزب الله في بيان مقتل خمسة من عناصرها في الضربة."
    assert ("kataib-hezbollah", "target") in parties(only(text))


def test_english_speaker_telling_of_others_dead_is_no_target():
    text = (
        "A U.S. drone strike hit a site near Kirkuk on Friday. "
        "The Popular Mobilization Forces said in a statement that five militants had been killed in the strike."
    )
    assert ("popular-mobilization-forces", "target") not in parties(only(text, "en"))


# --- "The same group" claims again -----------------------------------------------------------------


def test_arabic_the_same_group_is_the_group_named_before():
    text = (
        "وتبنت كتائب حزب الله هجوما على قاعدة عين الأسد قبل أسبوع. "
        "كما أعلنت الجماعة ذاتها أنها قصفت أمس قاعدة حرير بعدد من الصواريخ."
    )
    harir = [i for i in incidents(text) if i.place.entry.key == "harir-air-base"]
    assert harir and ("kataib-hezbollah", "claimant") in parties(harir[0])


def test_english_the_same_group_is_the_group_named_before():
    text = (
        "Kataib Hezbollah claimed an attack on Ain al-Asad air base last week. "
        "The same group said it had fired rockets at Harir air base on Friday."
    )
    harir = [i for i in incidents(text, "en") if i.place.entry.key == "harir-air-base"]
    assert harir and ("kataib-hezbollah", "claimant") in parties(harir[0])


# --- An embassy attacked ---------------------------------------------------------------------------


def test_arabic_attack_on_an_embassy_place_targets_its_mission():
    text = "تعرض محيط السفارة الأميركية في المنطقة الخضراء أمس لهجوم بسبعة صواريخ."
    incident = only(text)
    assert incident.place.entry.key == "us-embassy-baghdad"
    assert parties(incident) == [("us-embassy-baghdad", "target")]


def test_arabic_forces_named_in_a_call_are_no_target():
    text = (
        "تعرض محيط السفارة الأميركية في بغداد أمس لهجوم بسبعة صواريخ. "
        "وقالت الحكومة إن الهجوم لم يوقع إصابات، ودعت إلى حماية المنشآت التي تستضيف قوات التحالف."
    )
    assert parties(only(text)) == [("us-embassy-baghdad", "target")]


def test_english_forces_named_in_a_call_are_no_target():
    text = (
        "Seven rockets struck near the U.S. Embassy in Baghdad on Friday. The government said the attack caused "
        "no injuries and urged the army to protect the bases that host coalition forces."
    )
    assert parties(only(text, "en")) == [("us-embassy-baghdad", "target")]


# --- Hosting words near the site -------------------------------------------------------------------


@pytest.mark.parametrize("language,text,hosted", [
    ("en", "A drone struck Ain al-Asad air base on Friday. Ain al-Asad air base hosts U.S. troops.", True),
    ("en", "A drone struck Ain al-Asad air base on Friday. Officials at Ain al-Asad air base said that several other "
           "facilities across the country also host U.S. troops.", False),
    ("ar", "استهدفت طائرة مسيرة أمس قاعدة عين الأسد. وتضم قاعدة عين الأسد قوات أميركية.", True),
    ("ar", "استهدفت طائرة مسيرة أمس قاعدة عين الأسد. وقال مسؤولون في قاعدة عين الأسد إن منشآت أخرى كثيرة في البلاد "
           "تستضيف قوات أميركية.", False),
])
def test_a_site_hosts_the_forces_only_when_the_hosting_word_is_beside_it(language, text, hosted):
    assert (("us-armed-forces", "target") in parties(only(text, language))) == hosted


# --- Places that are not where the event happened ---------------------------------------------------


@pytest.mark.parametrize("language,text", [
    ("ar", "قتل تسعة مسلحين في ضربة جوية أميركية قرب مدينة دير الزور أمس، فيما لم يصدر أي تعليق رسمي من طهران أو دمشق."),
    ("en", "A U.S. air strike near the city of Deir ez-Zor killed nine militants on Friday, with no comment from Tehran or Damascus."),
])
def test_a_capital_giving_no_comment_is_no_event_place(language, text):
    assert only(text, language).place.entry.name_en == "Deir ez-Zor"


@pytest.mark.parametrize("language,text", [
    ("ar", "سقطت سبعة صواريخ أمس قرب السفارة الأميركية في بغداد، وقالت الخلية إن مسلحين أطلقوا الصواريخ من منطقة الزعفرانية جنوب شرقي بغداد."),
    ("en", "Seven rockets fell near the U.S. Embassy in Baghdad on Friday. Police said the rockets were fired from the Zafaraniya district of Baghdad."),
])
def test_the_launch_point_is_no_event_place(language, text):
    assert only(text, language).place.entry.key == "us-embassy-baghdad"



def test_english_group_after_said_is_the_subject_of_what_was_said_not_the_speaker():
    text = "Seven rockets fell near the U.S. Embassy in Baghdad on Friday. Police said Kataib Hezbollah fired the rockets."
    assert ("kataib-hezbollah", "perpetrator") in parties(only(text, "en"))
    assert ("kataib-hezbollah", "claimant") not in parties(only(text, "en"))


@pytest.mark.parametrize("language,text", [
    ("ar", "سقطت سبعة صواريخ أمس قرب السفارة الأميركية في بغداد. وذكرت الخلية أن عصابات خارجة عن القانون أطلقت الصواريخ."),
    ("en", "Seven rockets fell near the U.S. Embassy in Baghdad on Friday. Police said outlaw gangs had fired the rockets."),
])
def test_outlaw_gangs_are_the_unidentified_armed_group(language, text):
    assert ("unidentified-armed-group", "perpetrator") in parties(only(text, language))


@pytest.mark.parametrize("language,text", [
    ("ar", "سقطت أربع قذائف أمس في محيط حقل كونيكو. وقال المراسل إن ميليشيات موالية لإيران أطلقت القذائف، حيث تتمركز في محيط مدينة الميادين."),
    ("en", "Four shells fell near the Conoco gas field on Friday. The reporter said pro-Iran militias fired the shells, "
           "where they are based near the town of al-Mayadin."),
])
def test_where_the_attackers_are_based_is_no_event_place(language, text):
    incident = only(text, language)
    assert "conoco" in incident.place.entry.key
    assert ("pro-iran-factions", "perpetrator") in parties(incident)


@pytest.mark.parametrize("language,text", [
    ("ar", "سقطت أربع قذائف أمس في محيط حقل كونيكو. وتبنت المقاومة الإسلامية في العراق الهجوم على حقل العمر، ولم تتطرق إلى هجوم \"كونيكو\"."),
    ("en", "Four shells fell near the Conoco gas field on Friday. The Islamic Resistance in Iraq claimed the attack on "
           "the al-Omar oil field but made no mention of the Conoco attack."),
])
def test_an_attack_the_claim_says_nothing_of_is_not_claimed(language, text):
    conoco = [i for i in incidents(text, language) if "conoco" in i.place.entry.key]
    assert conoco and ("islamic-resistance-in-iraq", "claimant") not in parties(conoco[0])


def test_arabic_forces_a_base_hosts_are_its_target_not_the_unnamed_air_defences():
    text = "تصدت الدفاعات الجوية في قاعدة عين الأسد أمس لطائرة مسيرة حاولت استهداف القاعدة التي تضم قوات أميركية، وأسقطتها."
    assert parties(only(text)) == [("us-armed-forces", "target")]


@pytest.mark.parametrize("language,text", [
    ("en", "The Islamic Resistance in Iraq said it had targeted Ain al-Asad air base with a drone on Friday. "
           "Harakat al-Nujaba said it would keep up its attacks until US troops left Iraq."),
    ("ar", "وأعلنت المقاومة الإسلامية في العراق أنها استهدفت أمس قاعدة عين الأسد بطائرة مسيرة. "
           "وقالت حركة النجباء إنها ستواصل هجماتها حتى خروج القوات الأميركية."),
])
def test_attacks_a_group_vows_to_keep_up_are_no_event(language, text):
    claimants = [key for key, role in parties(only(text, language)) if role == "claimant"]
    assert claimants == ["islamic-resistance-in-iraq"]


@pytest.mark.parametrize("language,text,expected", [
    ("ar", "أسقطت الدفاعات الجوية التابعة للتحالف الدولي أمس طائرتين مسيرتين حاولتا استهداف قاعدة حقل العمر، "
           "من دون إصابات في صفوف القوات الأميركية.",
     [("global-coalition-against-isis", "interceptor"), ("us-armed-forces", "target")]),
    ("ar", "أسقطت الدفاعات الجوية التابعة للتحالف الدولي أمس طائرتين مسيرتين حاولتا استهداف قاعدة حقل العمر.",
     [("global-coalition-against-isis", "interceptor"), ("global-coalition-against-isis", "target")]),
])
def test_the_interceptor_is_the_target_only_when_no_other_force_is(language, text, expected):
    assert parties(only(text, language)) == expected


@pytest.mark.parametrize("language,text", [
    ("ar", "سقطت صواريخ أمس قرب السفارة الأميركية في بغداد، بعد أن تركزت الهجمات السابقة على قاعدتي عين الأسد وحرير ومطار أربيل."),
    ("en", "Rockets fell near the U.S. Embassy in Baghdad on Friday, after previous attacks on Ain al-Asad air base and Harir air base."),
])
def test_places_of_previous_attacks_named_in_passing_give_no_incident(language, text):
    assert only(text, language).place.entry.key == "us-embassy-baghdad"


def test_english_gunship_that_fired_on_a_vehicle_is_an_air_strike():
    text = "A U.S. AC-130 gunship fired on a vehicle carrying Kataib Hezbollah militants near Abu Ghraib on Friday."
    incident = only(text, "en")
    assert (incident.sub_event_type, incident.weapon) == ("Air/drone strike", "airstrike")
    assert ("kataib-hezbollah", "target") in parties(incident)


def test_english_figures_of_those_attacks_are_the_series_not_the_last_incident():
    text = "A drone struck Ain al-Asad air base on Friday. Roughly 60 U.S. personnel have been hurt in those attacks."
    assert only(text, "en").injured.best != 60


@pytest.mark.parametrize("language,text", [
    ("en", "A ballistic missile struck Ain al-Asad air base on Friday. It was the first time since the attacks began in "
           "mid-October that the militias had used a ballistic missile against U.S. troops in Iraq."),
    ("ar", "سقطت صواريخ أمس قرب السفارة الأميركية في بغداد. وهذه المرة الأولى التي يُستهدف فيها محيط السفارة منذ "
           "اندلاع الحرب، بعد هجمات على قاعدة عين الأسد."),
])
def test_a_first_time_remark_gives_no_incident(language, text):
    assert len(incidents(text, language)) == 1


def test_english_a_drone_brought_down_is_intercepted():
    text = "On Friday, a drone was launched toward Ain al-Asad air base but was brought down before it reached the perimeter."
    assert only(text, "en").outcome == "intercepted"


@pytest.mark.parametrize("language,text", [
    ("ar", "استهدفت طائرة مسيرة أمس قاعدة عين الأسد. وردت الولايات المتحدة بضربات جوية على مواقع في محافظة دير الزور، كان آخرها في تشرين الثاني الماضي."),
    ("en", "A drone struck Ain al-Asad air base on Friday. The United States has answered with air strikes in Deir ez-Zor province, "
           "the latest of which came in November."),
])
def test_strikes_told_by_their_latest_are_a_series(language, text):
    assert [i.place.entry.key for i in incidents(text, language)] == ["ain-al-asad-air-base"]


def test_english_the_day_reporters_were_told_does_not_date_the_attack():
    text = (
        "A ballistic missile struck Ain al-Asad air base on Tuesday. "
        "Eight American personnel suffered minor injuries in the missile attack, Sabrina Singh told reporters on Wednesday."
    )
    incident = only(text, "en", published=date(2023, 11, 22))
    assert incident.date_start == date(2023, 11, 21)
    assert incident.injured.best == 8


@pytest.mark.parametrize("language,text", [
    ("ar", "استُهدفت القاعدة الأميركية في حقل كونيكو أمس بأربع قذائف صاروخية سقطت في محيط الحقل."),
    ("en", "Four rockets were fired at the Conoco gas field on Friday and landed near the field."),
])
def test_a_site_hit_near_its_definite_name_is_precision_two(language, text):
    incident = only(text, language)
    assert "conoco" in incident.place.entry.key
    assert incident.place.geo_precision == 2


def test_arabic_a_drone_shot_down_near_the_base_keeps_the_base_precision():
    text = "أسقطت الدفاعات الجوية أمس طائرة مسيرة حاولت استهداف قاعدة عين الأسد، وسقطت في محيط القاعدة."
    assert only(text).place.geo_precision == 1


def test_arabic_a_drone_that_fell_in_farmland_with_its_time_between_failed():
    text = "سقطت طائرة مسيرة مفخخة مساء أمس في أرض زراعية قرب قاعدة حرير، من دون أن تسفر عن إصابات."
    assert only(text).outcome == "failed"


def test_a_denial_naming_its_attack_contests_only_that_one():
    text = (
        "أسقطت الدفاعات الجوية أمس طائرة مسيرة فوق قاعدة عين الأسد. "
        "وتبنت المقاومة الإسلامية في العراق الهجوم على عين الأسد، وقالت إنها استهدفت أيضا قاعدة فيكتوري مساء أمس. "
        "في المقابل، نفت قيادة العمليات المشتركة تعرض القاعدة لأي هجوم، وذكرت أن لا صحة لما يتداول بشأن استهداف قاعدة فيكتوري."
    )
    found = {i.place.entry.key: i.verification for i in incidents(text)}
    assert found["ain-al-asad-air-base"] != "contested"
    assert found["victory-base-complex"] == "contested"


@pytest.mark.parametrize("language,text", [
    ("en", "A U.S. gunship fired on a vehicle carrying Kataib Hezbollah militants near Abu Ghraib on Tuesday, shortly after "
           "the group had launched a ballistic missile at Ain al-Asad air base."),
    ("ar", "قصفت طائرة أميركية أمس عجلة تقل عناصر من كتائب حزب الله قرب أبو غريب. "
           "واستهدفت الجماعة أمس قاعدة عين الأسد بطائرة مسيرة."),
])
def test_the_group_as_subject_of_the_attack_is_the_group_named_before(language, text):
    asad = [i for i in incidents(text, language) if i.place.entry.key == "ain-al-asad-air-base"]
    assert asad and ("kataib-hezbollah", "perpetrator") in parties(asad[0])


# --- Rule families of issue 10 (incidents/extraction/event_families.py) -------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("وقعت انفجارات في الحلة فجر اليوم. وقال الوزير إن هذه الضربات رد على الهجمات.", "ar"),
        ("Blasts rocked Hilla early on Friday. The minister said these strikes answered the attacks.", "en"),
    ],
)
def test_blasts_that_the_next_sentence_calls_strikes_are_a_strike(text, language):
    # event_families "explosions"
    incident = only(text, language)
    assert incident.place.entry.key == "gn-99347"
    assert incident.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "text, language",
    [
        ("An explosion hit a market in Hilla on Friday, police said.", "en"),
        ("وقع انفجار في سوق بمدينة الحلة يوم الجمعة بحسب الشرطة.", "ar"),
    ],
)
def test_a_blast_in_no_story_of_strikes_is_no_event(text, language):
    assert incidents(text, language) == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("سمع دوي انفجارين في حقل كونيكو نتيجة سقوط صاروخين يوم الجمعة.", "ar"),
        ("Two blasts were heard at the Conoco field on Friday after two rockets landed.", "en"),
    ],
)
def test_blasts_from_rockets_are_the_rocket_attack(text, language):
    incident = only(text, language)
    assert incident.place.entry.key == "conoco-gas-field"
    assert (incident.weapon, incident.sub_event_type) == ("rocket", "Shelling/artillery/missile attack")


def test_a_count_with_a_day_and_as_many_places_is_those_events():
    # event_families "counted_places"
    text = "أكدت مصادر وقوع 3 انفجارات في الحلة، وفي ناحية تاج الدين شمال واسط، وكذلك في جرف النصر، فجر اليوم. وقال الوزير إن هذه الضربات رد على الهجمات."
    found = incidents(text)
    assert sorted(i.place.entry.key for i in found) == ["gn-99347", "iq-wasit", "jurf-al-sakhar"]
    assert all(i.date_start == PUBLISHED for i in found)


@pytest.mark.parametrize(
    "text, language",
    [
        ("A drone struck a base in Jurf al-Sakhar, south of the Iraqi capital Baghdad, on Friday.", "en"),
        ("استهدفت طائرة مسيرة موقعا في جرف الصخر، جنوبي العاصمة العراقية بغداد، يوم الجمعة.", "ar"),
    ],
)
def test_a_city_after_a_direction_only_locates_the_place_before_it(text, language):
    # event_families "direction_locator"
    assert only(text, language).place.entry.key == "jurf-al-sakhar"


@pytest.mark.parametrize(
    "text, language",
    [
        ("Rockets hit Ain al-Asad air base on Friday amid the Israel-Hamas war.", "en"),
        ("سقطت صواريخ على قاعدة عين الأسد يوم الجمعة في ظل حرب إسرائيل وحماس.", "ar"),
        ("Rockets hit Ain al-Asad air base on Friday, days after the killing of the leader of Hamas.", "en"),
        ("سقطت صواريخ على قاعدة عين الأسد يوم الجمعة بعد اغتيال رئيس المكتب السياسي لحماس.", "ar"),
    ],
)
def test_a_party_to_another_war_or_a_persons_group_is_no_party(text, language):
    # event_families "other_parties"
    incident = only(text, language)
    assert "hamas" not in {key for key, _ in parties(incident)}


def test_rockets_near_a_site_still_target_the_site():
    assert only("Rockets landed near the US embassy in Baghdad yesterday, police said.", "en").place.entry.key == "us-embassy-baghdad"


@pytest.mark.parametrize(
    "text, language",
    [
        ("عدوان أميركي يستهدف مقار لكتائب حزب الله في العراق\n\nوقعت انفجارات في الحلة فجر اليوم. وقال الوزير إن هذه الضربات رد على الهجمات.", "ar"),
        ("US strikes target Kataib Hezbollah sites in Iraq\n\nBlasts rocked Hilla early on Friday. The minister said these strikes answered the attacks.", "en"),
    ],
)
def test_strikes_with_no_parties_take_the_striker_and_target_of_the_headline(text, language):
    # event_families "story_targets" (and عدوان as a nation's strike word)
    incident = only(text, language)
    assert parties(incident) == [("kataib-hezbollah", "target"), ("us-armed-forces", "perpetrator")]


def test_ballistic_missiles_and_rockets_stay_missiles():
    incident = only("Militants fired ballistic missiles and rockets at Ain al-Asad air base on Friday.", "en")
    assert incident.weapon == "missile"


def test_the_owners_of_targets_struck_in_two_countries_are_each_ones_targets():
    # event_families "story_targets": "these targets are associated with X" after strikes in Iraq and Syria
    text = "On Friday, US bombers carried out air strikes on 85 targets in Iraq and Syria. These targets are associated with Kataib Hezbollah."
    found = incidents(text, "en")
    assert sorted(i.place.entry.country_code for i in found) == ["IQ", "SY"]
    assert all(("kataib-hezbollah", "target") in parties(i) for i in found)


def test_the_target_of_a_strike_is_not_made_its_striker_by_a_later_mention():
    # event_families "one_side": "the IRGC stored there the munitions of the strikes against US bases", merged into
    # the strike on the IRGC's depot, does not make the IRGC that strike's perpetrator
    from incidents.extraction.events.merging import _absorb
    from incidents.extraction.events.model import _Incident, _Mention
    from incidents.extraction.types import Casualties, Span

    kh = next(e for e in actor_entries() if e.key == "kataib-hezbollah")
    span = Span(0, 1)
    first = _Mention(span, span, span, None, None, "strike", "airstrike", "hit", 1, Casualties(), Casualties(), [(kh, "target")])
    later = _Mention(span, span, span, None, None, "strike", "airstrike", "unknown", 1, Casualties(), Casualties(), [(kh, "perpetrator")])
    incident = _Incident([first], None, None, "strike", "airstrike")
    _absorb(incident, first, first=True)
    _absorb(incident, later)
    assert incident.actors == [(kh, "target")]


def test_a_day_of_another_event_told_next_does_not_date_the_undated_one():
    text = "Officials spoke on Friday about the bases. A rocket hit the Harir air base. On Thursday a drone hit the Ain al-Asad air base."
    harir = next(i for i in incidents(text, "en") if i.place.entry.key == "harir-air-base")
    assert harir.date_start == YESTERDAY  # the story's day, not the Thursday of the Ain al-Asad drone
