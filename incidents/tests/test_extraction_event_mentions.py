"""Which events a text tells, where and when, in short Arabic and English sentences: the rule families of issue 10's
third round on mentions, places and merging (incidents/extraction/event_families.py).

Each family is tested on the phenomenon, and switched off to show that the rule is what makes the difference.
"""
import pytest

from .event_sentences import incidents


def places_of(text, language):
    return sorted(i.place.entry.name_en for i in incidents(text, language) if i.place is not None)


# --- name_part ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, kept, dropped",
    [
        ("Lebanon's Al Mayadeen reported more rocket attacks on US forces at Ain al-Asad on Friday.", "en",
         "Ain al-Asad Air Base", "Al-Mayadin"),
        ("At 6:30 p.m. (Baghdad time) on Friday, rockets were launched at Ain al-Asad air base.", "en",
         "Ain al-Asad Air Base", "Baghdad"),
        ("وفي الساعة العاشرة مساء الجمعة بتوقيت بغداد سقطت صواريخ على قاعدة عين الأسد.", "ar",
         "Ain al-Asad Air Base", "Baghdad"),
    ],
)
def test_a_place_named_as_an_outlet_or_a_clocks_zone_is_no_event_place(text, language, kept, dropped, without):
    assert kept in places_of(text, language) and dropped not in places_of(text, language)
    without("name_part")
    assert dropped in places_of(text, language)


def test_the_town_of_the_same_name_stays_a_place():
    assert "Al-Mayadin" in places_of("قصفت طائرات أمريكية مواقع في مدينة الميادين يوم الجمعة.", "ar")


# --- story_weapon -------------------------------------------------------------------------------------


def weapons_of(text, language):
    return {i.place.entry.name_en: i.weapon for i in incidents(text, language) if i.place is not None}


@pytest.mark.parametrize(
    "text, language, place",
    [
        ("Drones attacked the Harir air base on Friday. Gunmen also attacked Ain al-Asad air base on Thursday, "
         "wounding three soldiers.", "en", "Ain al-Asad Air Base"),
        ("هاجمت طائرات مسيرة قاعدة حرير الجوية يوم الجمعة. وتعرضت قاعدة عين الأسد الجوية لهجوم يوم الخميس أدى إلى "
         "إصابة ثلاثة جنود.", "ar", "Ain al-Asad Air Base"),
    ],
)
def test_an_attack_told_without_a_weapon_takes_the_storys_one_weapon(text, language, place, without):
    assert weapons_of(text, language)[place] == "drone"
    without("story_weapon")
    assert weapons_of(text, language)[place] == "unknown"


def test_a_story_of_two_weapons_leaves_the_attack_without_one():
    text = ("Drones attacked the Harir air base on Friday. Rockets hit the Conoco field on Friday. "
            "Gunmen also attacked Ain al-Asad air base on Thursday, wounding three soldiers.")
    assert weapons_of(text, "en")["Ain al-Asad Air Base"] == "unknown"


def test_a_multi_rocket_attack_is_a_rocket_attack():
    assert weapons_of("A multi-rocket attack was launched at Ain al-Asad air base on Friday.", "en") == {
        "Ain al-Asad Air Base": "rocket"}


# --- ordinal_tally ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, counted",
    [
        ("شنت طائرات أمريكية غارات على مدينة الميادين يوم الجمعة. وهذا الاستهداف الثالث على محافظة دير الزور منذ "
         "الهجوم على البرج 22 في 28 من شهر يناير.", "ar", "Deir-ez-Zor"),
        ("Drones attacked Harir air base on Friday. It was the fourth attack on US forces in Erbil this week.", "en",
         "Erbil"),
        ("Drones attacked Harir air base on Friday. This was the 52nd attack on the Conoco field on Thursday.", "en",
         "Conoco gas field (Mission Support Site Conoco)"),
    ],
)
def test_an_event_word_that_ranks_the_event_told_is_no_new_event(text, language, counted, without):
    assert counted not in places_of(text, language)
    without("ordinal_tally")
    assert counted in places_of(text, language)


def test_a_second_attack_told_as_news_stays_an_event():
    text = "Iran-backed militias launched their second attack in a week on the Conoco field on Tuesday."
    assert places_of(text, "en") == ["Conoco gas field (Mission Support Site Conoco)"]


# --- vocabulary: the accusative of a weapon word ------------------------------------------------------


def test_the_accusative_rocket_word_tells_a_rocket_attack():
    assert weapons_of("قالت القيادة المركزية إن صاروخا أطلق على قاعدة عين الأسد الجوية يوم الجمعة.", "ar") == {
        "Ain al-Asad Air Base": "rocket"}


# --- drone_munitions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("وقالت مصادر إن طائرة مسيرة أطلقت صاروخين على سيارة في جرف الصخر يوم الأربعاء.", "ar"),
        ("قتل قياديان يوم الأربعاء حيث استهدفت الطائرة المسيرة بثلاثة صواريخ سيارة في منطقة جرف الصخر.", "ar"),
        ("On Wednesday a drone fired two missiles at a car in Jurf al-Sakhar.", "en"),
        ("On Wednesday two missiles fired from a drone hit a car in Jurf al-Sakhar.", "en"),
    ],
)
def test_rockets_a_drone_fires_make_a_drone_strike(text, language):
    [incident] = incidents(text, language)
    assert (incident.weapon, incident.sub_event_type) == ("drone", "Air/drone strike")


@pytest.mark.parametrize(
    "text",
    ["On Wednesday a drone fired two missiles at a car in Jurf al-Sakhar.",
     "On Wednesday two missiles fired from a drone hit a car in Jurf al-Sakhar."],
)
def test_without_drone_munitions_the_missile_word_makes_a_missile_attack(text, without):
    # In Arabic the drone word already wins once "mixed_weapons" is gone (ablation); in English the family decides.
    without("drone_munitions")
    assert incidents(text, "en")[0].sub_event_type == "Shelling/artillery/missile attack"


def test_a_rocket_engineer_is_no_rocket_attack():
    text = "قتل أبو باقر الساعدي، مهندس الصواريخ في الكتائب، بقصف طائرة مسيرة في بغداد يوم الأربعاء."
    assert {i.weapon for i in incidents(text, "ar")} == {"drone"}


# --- same_site ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, kept",
    [
        ("هاجمت طائرتان مسيرتان قاعدة التحالف في مطار أربيل يوم الثلاثاء. وأفاد مصدر بإسقاط عدة طائرات مسيرة قرب مطار "
         "أربيل الدولي يوم الثلاثاء.", "ar", "Erbil Air Base (coalition base at Erbil airport)"),
        ("A rocket attack hit the US Embassy in Baghdad on Friday. Rockets were also fired at Union III base in Baghdad "
         "on Friday.", "en", "US Embassy in Baghdad"),
    ],
)
def test_an_event_told_at_two_sites_a_few_kilometres_apart_is_one(text, language, kept, without):
    assert places_of(text, language) == [kept]
    without("same_site")
    assert len(places_of(text, language)) == 2


def test_sites_far_apart_stay_two_events():
    text = "Drones attacked Harir air base on Friday. Drones also attacked Erbil air base on Friday."
    assert places_of(text, "en") == ["Erbil Air Base (coalition base at Erbil airport)", "Harir Air Base"]
