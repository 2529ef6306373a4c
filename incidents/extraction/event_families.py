"""The rule families of the incident finder (issue 10, item 3), each switchable off in this one place.

A family is a group of rules added for one phenomenon of news language, measured on the real-article corpus
(bench/real). `on(name)` tells the code whether a family is active; the lead measures what a family adds and
costs by switching it off:

    MARSAD_EVENT_FAMILIES_OFF=story_date,page_stamp .venv/bin/python bench/score_extraction.py --corpus real-dev

or, in code, by removing a name from `ACTIVE`.
"""
import os

FAMILIES = {
    "story_date": "an incident the text does not date takes the story's day: the latest day of the first dated "
                  "sentence (the report), else the publication day",
    "page_stamp": "a numeric date opening a line ('date 2023-12-09 BAGHDAD —') is the page's stamp: it dates no event",
    "dated_country": "strikes or attacks told with their own day and only a country ('on Tuesday US forces struck "
                     "targets in Syria', 'on 3 February … in Iraq and Syria') are an event in each country",
    "actor_place": "a country named as where armed groups operate ('militias that operate in Iraq and Syria') is not "
                   "the event's place",
    "explosions": "blasts (انفجارات, 'explosions') are bare strike words, events in a story of air strikes, which the "
                  "sentence after may tell ('three explosions in X … these precise strikes')",
    "counted_places": "a count of events with a day and as many named places ('three blasts in A, B and C this "
                      "morning') is those events, not a tally over a period",
    "direction_locator": "a city after a comma and a direction (', south of the capital Baghdad') only locates the place "
                         "before it",
    "other_parties": "a party to another war ('the Israel-Hamas war') or a person's group ('the head of Hamas's "
                     "political bureau') is no party of the attack told beside it",
    "story_targets": "strikes with no target take the one armed group a strike headline names or the article's other "
                     "strikes hit; 'عدوان' / 'aggression' is a nation's strike word for the story's striker",
    "one_side": "a party an incident already has as its target is not made its perpetrator by a later mention, nor "
                "the reverse",
    "command_force": "a military command named as a party (CENTCOM, القيادة المركزية الأميركية) is the forces it "
                     "commands (the US armed forces): coders name the force, not its command",
    "answered_attacks": "attacks that a state's strikes answer ('the US strikes come after new attacks on X', "
                        "'الضربات الأميركية جاءت ردا على هجمات على X') were on that state's forces when the text names "
                        "no target",
    "self_named": "a group 'calling itself X' (تطلق على نفسها، تسمي نفسها) is X: when it says it did the event "
                  "('X أنها استهدفت', 'X said it had fired') it claims it, and the group so described is no second "
                  "perpetrator beside the claim",
    "period_series": "plural attack words told over a past period ('هجمات عدة شهدتها الأسابيع الماضية', 'attacks over "
                     "the past weeks') are a series, not one event to merge into the one the sentence reports",
    "unknown_striker": "a strike on armed groups whose striker the text never names ('a drone struck a car of X', "
                       "'قصفت طائرة مسيرة مقرا لـX') is by unidentified military forces, as ACLED codes it",
    "defenders": "the side that defends against an attack, told in other words: forces that 'engaged' a drone or "
                 "'shot it down', a headline's present tense ('قوات التحالف تسقط طائرة'), defences that 'managed to "
                 "destroy' drones (من تدمير), the air defences after the verb ('أسقطت المضادات الأرضية التابعة لقوات "
                 "X'): X intercepts",
    "halted_attacks": "groups the text names as having halted their attacks ('the first attack since Iran-aligned "
                      "factions halted their attacks', 'منذ أوقفت فصائل موالية لإيران هجماتها') are not blamed for the "
                      "attack told, unless it makes an exception ('except twice, when they tried', 'باستثناء مرتين')",
    "hedged_strikes": "strikes told with a hedge before the nation ('غارات يُعتقد أنها أمريكية', 'ضربات يرجح أنها "
                      "أميركية') are that nation's strikes, as 'غارات أمريكية' are (actors.py)",
    "personnel_at_site": "the groups whose men were at the struck site, said right after the strike ('there had been "
                         "Iranian-aligned militia and IRGC personnel on the base', 'كان هناك أفراد من X في القاعدة'), "
                         "are its targets, as the sites' owners are",
    "confirming_speakers": "a party that confirms, condemns or acknowledges the event ('The PMF confirmed the strike', "
                           "'أدانت الحكومة الهجوم') speaks of it: it is no party of the event for that",
    "campaign_claims": "a count of attacks claimed over a period ('militias have claimed more than a dozen attacks … "
                       "since the war flared up', 'تبنت الفصائل أكثر من 100 هجوم منذ') is a tally of the campaign: it "
                       "names no claimant of one event",
    "victim_alias": "the dead named again by an alias or among a group ('killed X, who was also known as Y', "
                    "'بينهم القيادي المعروف بـY') are victims too: a person so named is the strike's target",
    "night_span": "a night named by the two days it joins ('ليل السبت/الأحد', 'overnight Friday into Saturday') is "
                  "dated over both days, and after midnight ('بعد منتصف ليل الاثنين/الثلاثاء') on the second",
    "name_part": "a place named only as part of another name is not where an event happened: a news outlet the "
                 "actors found ('Lebanon's Al Mayadeen reported'), a clock's zone ('(Baghdad time)', 'بتوقيت بغداد')",
    "story_weapon": "an attack told without its weapon ('the attack on the Erbil base', 'الهجوم على القاعدة') is made "
                    "with the one weapon every other attack of the story names ('drone attacks on Harir and the Green "
                    "Village'); with two weapons or none it stays unknown",
    "ordinal_tally": "an event word that ranks the event told among others of its kind ('وهذا الاستهداف الثالث منذ…', "
                     "'هذا الاستهداف هو الثاني من نوعه', 'this was the 52nd attack since') counts it: no new event",
    "month_part": "a part of a month ('أوائل فبراير', 'early July'; 'منتصف', 'mid-'; 'أواخر', 'late July') is that third "
                  "of it (1st-10th, 11th-20th, 21st-end), not the whole month",
    "drone_munitions": "rockets or missiles a drone fires ('طائرة مسيرة أطلقت صاروخين', 'استهدفت الطائرة بثلاثة صواريخ', "
                       "'a drone fired two missiles', 'missiles fired from a drone') are its munitions: a drone strike, "
                       "not a rocket attack",
    "same_site": "two sites a few kilometres apart ('the coalition base at Erbil airport' and 'Erbil airport', the "
                 "embassy and the base beside it) are one place for an event told of both on one day",
}

ACTIVE = set(FAMILIES) - {name.strip() for name in os.environ.get("MARSAD_EVENT_FAMILIES_OFF", "").split(",")}


def on(name):
    """Return True if the rule family `name` (a key of FAMILIES) is active."""
    return name in ACTIVE
