"""Find incidents in article text: event words, their places, dates, actors and figures. Pure: no ORM.

An article is read sentence by sentence. In each sentence, event words ("drone attack", "غارة أميركية",
"shot down", استهداف) are grouped into mention heads; each gazetteer place the sentence names goes
to the nearest head before it (places that only locate another place, "in Anbar province", "غربي
العراق", drop out). A head with several places gives one mention per place (siblings: "strikes hit X,
Y and Z"). Each mention reads, within its part of the sentence, the weapon, the outcome, casualty
figures, the actors and their roles, and its date (`dates.event_date`: an earlier event placed
"following" a later one keeps its own date or none).

Mentions then merge into incidents, in text order: a mention joins an earlier incident when nothing
contradicts (compatible place, date, weapon and direction of the attack); a mention without a place
("the attack", "الهجوم") only adds to an incident already found, never creates one. Cumulative figures
("about 80 attacks since mid-October", "5 strikes in Iraq and Syria", "attacked 160 times") and
hypothetical or threatened attacks ("to strike Iran", "يستعدون لتنفيذ هجوم") are not incidents.

Kinds: attacks (rockets, missiles, drones, IEDs; ACLED Explosions/Remote violence, an attack of unknown
weapon coded as indirect fire), a state's strikes ("غارة أميركية", "US warplanes struck": Air/drone
strike, the nation's forces the perpetrator), launchers found (Strategic developments / Disrupted
weapons use) and clashes (Battles / Armed clash, the sides "associated"). Roles: the group that claims
(تبنت, "claimed", "said it had attacked") is the claimant, and the perpetrator only when someone else
says so ("was behind it", أطلقتها ميليشيات); whoever shoots the drone down is the interceptor; the
forces attacked, the people killed or wounded and the forces a base hosts are targets. Verification
is "claimed" when only a claim reports the incident, "contested" when someone denies it, else
"reported". Outcome is "intercepted" for what was shot down, "hit" for damage, casualties or a state's
air strike, and never taken from a claim.

Some parties come from context: "the security forces" (القوات الأمنية) who find a launcher are the
country's security forces where the actor list has one umbrella for them (not in the Kurdistan Region);
a strike that answers an attack ("ردت ... بقصف", "in response") targets that attack's perpetrators,
else its claimant; an armed group's attack on a military site with no stated target targets the forces
that every other attack of the article targets (a claim for "the al-Shaddadi base" in a story of
attacks on US forces).
"""
import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from .. import taxonomy
from .article import Article
from .dates import earlier_event_clauses, event_date, precedes_marker
from .normalize import fold, is_arabic, normalize_arabic
from .numbers import find_casualties
from .types import ActorMention, Casualties, DateMention, DraftActor, DraftIncident, Span

ATTACK, STRIKE, DISRUPTED, CLASH = "attack", "strike", "disrupted", "clash"
AIR_STRIKE = "Air/drone strike"
IED = "Remote explosive/landmine/IED"
ARMED_CLASH = "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
DISRUPTED_USE = "Disrupted weapons use"

# Roles (incidents.models.ActorRole values).
PERPETRATOR, TARGET, CLAIMANT, INTERCEPTOR, ASSOCIATED = "perpetrator", "target", "claimant", "interceptor", "associated"


def _ar(words):
    """Return a folded-Arabic alternation of `words` with the proclitics و ف ب ل and the article ال allowed."""
    alternation = "|".join(sorted({re.escape(fold(word)) for word in words.split()}, key=len, reverse=True))
    return rf"(?<!\w)(?:[وف]?(?:[بل]|لل)?(?:ال)?)(?:{alternation})(?!\w)"


def _rx(pattern):
    """Compile a pattern for folded text: its Arabic letters folded as the text is (أ → ا, ة → ه, ئ → ي)."""
    return re.compile(normalize_arabic(pattern))


def _en(pattern):
    """Return an English alternation as whole words (a hyphenated word is one word)."""
    return rf"(?<![\w-])(?:{pattern})(?![\w])"


# --- Event words --------------------------------------------------------------------------------
# (pattern over folded text, kind, weapon). kind: attack (an attack word), strike (an air or artillery
# strike word), intercept (shot down / intercepted), launcher (a launcher found: disrupted weapons use).

_TRIGGERS = {
    "ar": [
        (_ar("هجوم هجمات هجوما هجومين هجومان هجومي اعتداء اعتداءات"), "attack", ""),
        (_ar("استهداف استهدف استهدفت استهدفا استهدفتا استهدفوا يستهدف تستهدف"), "attack", ""),
        (_ar("غارة غارات غارتين الغارة الغارات ضربة ضربات ضربتين"), "strike", "airstrike"),
        (_ar("قصف قصفا قصفت"), "strike", ""),
        (_ar("طائرة طائرات طائرتين طائرتان") + r"\s+(?:[وف]?[بل]?(?:ال)?)?(?:مسيره|مسيرات|مسيرتين|مسيرتان|مفخخه)", "attack", "drone"),
        (_ar("مسيرة مسيرات مسيرتين مسيرتان درون"), "attack", "drone"),
        (_ar("صاروخ صواريخ صاروخان صاروخين قذيفة قذائف قذيفتان قذيفتين كاتيوشا صاروخي صاروخية صاروخيتان صاروخيتين"), "attack", "rocket"),
        (_ar("أسقطت أسقط أسقطتها أسقطتهما أسقطها إسقاط اعترضت اعترض اعتراض اعترضتها تصدت أسقطوا أحبطت أحبط إحباط"), "intercept", ""),
        (_ar("منصة منصات") + r"(?=\s+(?:ل|ال)?(?:اطلاق)?)", "launcher", "rocket"),
        (_ar("عبوة عبوات عبوتين عبوتان") + r"\s+(?:ال)?ناسف\w*|" + _ar("لغم ألغام") + r"(?=\s+(?:ال)?ارضي)", "attack", "ied"),
        (_ar("اشتباكات اشتباك اشتبكت اشتبك مواجهات"), "clash", "small arms"),  # not مسلحة alone: "جماعات مسلحة" is "armed groups"
    ],
    "en": [
        (_en(r"attack(?:s|ed)?|targeted|targeting|assault"), "attack", ""),
        (_en(r"(?:air\s*|precision\s+)?strikes?|airstrikes?|raids?|bombing|bombardment"), "strike", "airstrike"),
        (_en(r"struck|hit|bombed|pounded"), "strike", ""),
        # an aircraft firing on its target: "an AC-130 gunship fired on a vehicle", "helicopters opened fire on"
        (r"(?:(?<=gunship\s)|(?<=gunships\s)|(?<=helicopter\s)|(?<=helicopters\s)|(?<=aircraft\s)|(?<=warplane\s)|(?<=warplanes\s)|(?<=jets\s))"
         r"(?:fired\s+on|fires\s+on|opened\s+fire\s+on)(?!\w)", "strike", "airstrike"),
        (_en(r"drones?|uavs?|unmanned\s+aerial\s+vehicles?"), "attack", "drone"),
        (_en(r"rockets?|katyushas?|mortars?|shells?|shelling"), "attack", "rocket"),
        (_en(r"(?:ballistic\s+)?missiles?"), "attack", "missile"),
        (_en(r"shot\s+down|downed|brought\s+down|intercepted|intercept(?:s|ion)?|foiled|thwarted|repelled|repulsed"), "intercept", ""),
        # "US forces destroyed one and damaged the second": forces that destroy the drones intercept them
        (r"(?:(?<=forces\s)|(?<=troops\s)|(?<=defenses\s)|(?<=defences\s))(?:destroyed|disabled)(?=\s+(?:one|both|it|them|the\s+(?:drones?|rockets?|missiles?|first)|all))", "intercept", ""),
        (_en(r"launchers?|launch\s+pads?"), "launcher", "rocket"),
        (_en(r"roadside\s+bombs?|ieds?|improvised\s+explosive\s+devices?|explosive\s+devices?|landmines?|car\s+bombs?"), "attack", "ied"),
        (_en(r"clash(?:es|ed)?|firefights?|gun\s*battles?|exchanges?\s+of\s+fire"), "clash", "small arms"),
    ],
}
_TRIGGER_PATTERNS = {
    language: [(_rx(pattern), kind, weapon) for pattern, kind, weapon in specs]
    for language, specs in _TRIGGERS.items()
}

# Weapons named anywhere in a mention's part of the sentence, strongest reading first.
_WEAPONS = {
    "ar": [
        ("missile", r"باليستي|بالستي"),
        ("drone", _ar("مسيرة مسيرات مسيرتين مسيرتان مسيرته درون") + "|" + _ar("طائرة طائرات طائرتين") + r"\s+(?:[بل]?ال)?مسير"),
        ("airstrike", r"(?:طائرات|طائره|مقاتلات)\s+(?:ال)?حربي|طيران\s+(?:ال)?حربي|" + _ar("غارة غارات غارتين الغارة الغارات") + r"|ضربه\s+جويه|ضربات\s+جويه|قصف\s+جوي|ac-?130|f-?1[56]"),
        ("ied", _ar("عبوة عبوات عبوتين عبوتان") + r"\s+(?:ال)?ناسف"),
        ("artillery", _ar("مدفعي مدفعية هاون") + r"|قصف\s+مدفعي"),
        ("rocket", _ar("صاروخ صواريخ صاروخان صاروخين قذيفة قذائف قذيفتان قذيفتين كاتيوشا صاروخي صاروخية صاروخيتان صاروخيتين")),
    ],
    "en": [
        ("missile", _en(r"ballistic|missiles?")),
        ("drone", _en(r"drones?|uavs?|unmanned")),
        ("airstrike", _en(r"air\s*strikes?|airstrikes?|warplanes?|jets?|f-?1[56]s?|ac-?130s?|aircraft|bombers?|precision\s+strikes?")),
        ("ied", _en(r"roadside\s+bombs?|ieds?|improvised\s+explosive|explosive\s+devices?|landmines?")),
        ("artillery", _en(r"artillery|mortars?|shelling")),
        ("rocket", _en(r"rockets?|katyushas?")),
    ],
}
_WEAPON_PATTERNS = {language: [(w, _rx(p)) for w, p in specs] for language, specs in _WEAPONS.items()}

# A number right before an attack word makes it a tally: "80 هجوما", "5 ضربات", "attacked 160 times".
_TALLY = {
    "ar": _rx(r"(?:(?<![\w-])\d+|" + _ar("ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة عشرات") + r")\s*$"),
    "en": _rx(r"(?<![\w-])(?:\d+|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of)\s+(?:[\w.-]+\s+)?$"),
}
# Words that make plural attack words a series or a campaign, not one event.
_SERIES = _rx(
    r"(?<!\w)(?:سلسله|سلسلة|موجه\s+من|series|wave\s+of|round\s+of|spate|string\s+of|tit-for-tat|campaign|most\s+of|"
    r"جوله|معظم|اغلب)(?!\w)"
)
# Words just before an event word that make it intended, threatened or hypothetical.
_HYPOTHETICAL = {
    "ar": _rx(
        r"(?<!\w)(?:لتنفيذ|بتنفيذ|يكون|تكون|يستعدون|يعتزم|تعتزم|سيتم|ستنفذ|سينفذ|بتوسيع|توعد\w*|هدد\w*|يهدد|لشن|بشن)\s+(?:\S+\s+){0,2}$|"
        r"(?<!\w)[وف]?(?:ستواصل|سيواصل|سنواصل|ستستمر|سيستمر|سنستمر|ستستانف|سيستانف)\s+(?:في\s+)?(?:\S+\s+){0,2}$"
    ),
    "en": _rx(
        r"(?<!\w)(?:to|will|would|could|might|may|vow(?:ed|s)?\s+to|threaten(?:ed|s)?\s+to|plan(?:ned|s)?\s+to|prepare\s+to|"
        r"avoid(?:ed)?|ready\s+to|directly)\s+(?:\w+\s+){0,1}$|"
        r"(?<!\w)(?:to|will|would|'ll)\s+(?:keep\s+up|keep\s+on\s+with|continue(?:\s+with)?|resume|step\s+up|intensify|escalate)\s+(?:its|their|our|the)?\s*(?:\w+\s+)?$"
    ),
}
_TRIED_BEFORE = _rx(r"(?:tried|attempted|sought|trying|attempting)\s+to\s+$")

# Claims of responsibility, denials and attributions.
_CLAIM = {
    "ar": _rx(_ar("تبنت تبنى تبنّت يتبنى تتبنى تبني تبنيها تبنيه") + r"|(?:اعلن|اعلنت|تعلن)\s+(?:\S+\s+){0,3}?مسؤوليت"),
    "en": _rx(r"(?<!\w)(?:claim(?:ed|s|ing)?)(?!\w)"),
}
_CLAIM_SPEECH = {
    "ar": _rx(_ar("أعلنت أعلن تعلن يعلن قالت قال أكدت أكد")),
    "en": _rx(r"(?<!\w)(?:said|says|announced|stated)(?!\w)"),
}
# The group named before, referred to again right after the claim verb: "أعلنت الجماعة ذاتها", "said the same group".
_SAME_GROUP = {
    "ar": _rx(r"^\s*(?:ال)?(?:جماعه|حركه|فصيل|مجموعه|فصائل|كتائب|المقاومه)\s+(?:ذاتها|نفسها|ذاته|نفسه)(?!\w)"),
    "en": _rx(r"^\s*(?:by\s+)?the\s+same\s+(?:group|faction|militia|alliance|coalition)(?!\w)"),
}
_SAME_GROUP_BEFORE = {
    "ar": _rx(r"(?<!\w)[وف]?(?:ال)?(?:جماعه|حركه|فصيل|مجموعه)\s+(?:ذاتها|نفسها|ذاته|نفسه)\s+(?:\S+\s+)?$"),
    "en": _rx(r"(?<!\w)the\s+same\s+(?:group|faction|militia|alliance|coalition)\s+(?:\w+\s+)?$"),
}
# A hosting word right after a site or right before it: "X, which hosts", "قاعدة X التي تضم", "troops stationed at X".
_HOST_WORDS = r"(?:تضم|يضم|تستضيف|يستضيف|hosts?|hosting|housing|houses|تتواجد|يتواجد|تواجد|مقرا|stationed|deployed|تتمركز|يتمركز)"
_HOST_AFTER = _rx(r"^(?:\s*[,،(]?\s*(?:[^\s.،,]+\s+){0,4}?)" + _HOST_WORDS + r"(?!\w)")
_HOST_BEFORE = _rx(_HOST_WORDS + r"\w*\s+(?:[^\s.،,]+\s+){0,5}$")
# A demand or call whose object runs up to the actor: "ودعت الحكومة إلى حماية ...", "urged Baghdad to protect ...".
_CALL_BEFORE = _rx(
    r"(?<!\w)[وف]?(?:دعت|دعا|تدعو|يدعو|طالبت|طالب|تطالب|يطالب|ناشدت|ناشد)\s+(?:[^.؛;]+\s+)?(?:الي|ب)\s*[^.؛;،,]*?(?:[،,][^.؛;،,]*)?$|"
    r"(?<!\w)(?:called\s+on|called\s+for|urged|demanded|asked)\s+[^.;]*?\bto\s+(?:protect|secure|guard|defend|ensure)\b[^.;]*$"
)
# A capital for its government: "لم يصدر أي تعليق رسمي من طهران أو دمشق", "no comment from Tehran or Damascus".
_SOURCE_PLACE_BEFORE = {
    "ar": _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:تعليق|رد|بيان|موقف|تصريح)\s+(?:\S+\s+){0,2}?من\s+(?:(?:\S+\s+)?(?:او|و)\s*)?$"),
    "en": _rx(r"(?<!\w)(?:comment|response|reaction|statement|word)\s+(?:\w+\s+){0,2}?from\s+(?:(?:\w+\s+)?(?:or|and)\s+)?$"),
}
# Where a weapon was launched from: "أطلقت الصواريخ من منطقة الزعفرانية", "the rockets were fired from X".
_LAUNCH_POINT_BEFORE = {
    "ar": _rx(r"(?<!\w)[وف]?(?:اطلقت|اطلق|اطلقوا|انطلقت|انطلق|اطلاق\w*)\s+(?:\S+\s+){0,3}?من\s+(?:(?:ال)?(?:منطقه|حي|قضاء|ناحيه|بلده|قريه|مدينه|داخل)\s+)?$"),
    "en": _rx(r"(?<!\w)(?:launched|fired|took\s+off)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?(?:(?:area|district|town|village|neighbou?rhood|city)\s+of\s+)?$"),
}
# Where a party stays, told in a "where" clause: "حيث تتمركز في محيط مدينة X", "where they are based in X".
_BASED_WHERE = _rx(
    r"(?<!\w)(?:حيث|where)\s+(?:\S+\s+){0,2}?(?:تتمركز|يتمركز|تنتشر|ينتشر|تتواجد|يتواجد|تقيم|يقيم|تتخذ|based|stationed|deployed|operate|headquartered)"
    r"(?!\w)\s*(?:\S+\s+){0,4}$"
)
# What a speaker did not speak of: "ولم تتطرق إلى هجوم", "لم تشر إلى", "did not mention the attack", "made no mention of".
_NOT_MENTIONED = {
    "ar": _rx(r"(?<!\w)[وف]?(?:لم|لا)\s+(?:تتطرق|يتطرق|تشر|يشر|تذكر|يذكر|تات\s+على\s+ذكر|يات\s+على\s+ذكر)\s+(?:الي\s+|ل)?(?:\S+\s+)?[\"«“]?$"),
    "en": _rx(r"(?<!\w)(?:did\s+not|didn't|does\s+not|doesn't)\s+(?:mention|refer\s+to|address)\s+(?:the\s+|an\s+|any\s+)?(?:\S+\s+)?$|"
              r"(?<!\w)(?:made|makes|with)\s+no\s+mention\s+of\s+(?:the\s+|an\s+|any\s+)?(?:\S+\s+)?$"),
}
# The object of a hosting word: "التي تضم قوات أميركية", "a base hosting US troops".
_HOSTED_BEFORE = _rx(_HOST_WORDS + r"(?!\w)\s+(?:(?:the|some|about|نحو|حوالي)\s+)?(?:\d+\s+)?$")
# A past series of attacks named in passing, up to its places: "الهجمات السابقة على قاعدتي X و", "previous attacks on X and".
_EARLIER_SERIES_BEFORE = {
    "ar": _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:هجمات|ضربات|غارات|عمليات)\s+(?:ال)?(?:سابقه|ماضيه)\s+(?:\S+\s+){0,8}?[وف]?$"),
    "en": _rx(r"(?<!\w)(?:previous|earlier|past|prior)\s+(?:\w+\s+)?(?:attacks|strikes|raids)\s+(?:\S+\s+){0,8}?$"),
}
# A plural event word pointing back at a series: "those attacks", "these strikes", "هذه الهجمات", "تلك الهجمات".
_THOSE_BEFORE = {
    "en": _rx(r"(?<!\w)(?:those|these)\s+\S+$"),
    "ar": _rx(r"(?<!\w)[وفبل]?(?:هذه|تلك)\s+\S+$"),
}
# A remark that an event told before was the first of its kind: "It was the first time …", "وهذه المرة الأولى التي …".
_FIRST_TIME = {
    "en": _rx(r"^\W*(?:it|this|that)\s+(?:was|is|marked|marks)\s+the\s+first\s+(?:time|such|known)(?!\w)"),
    "ar": _rx(r"^\W*[وف]?(?:هذه|هي|وهي|تعد|تعتبر)\s+(?:هي\s+)?(?:ال)?مره\s+(?:ال)?اولي(?!\w)"),
}
# A series told by its latest: "كان آخرها في", "آخرها", "the latest of which", "the most recent in".
_LATEST_OF_THEM = {
    "ar": _rx(r"(?<!\w)[وف]?(?:كان\s+|كانت\s+)?(?:اخرها|اخرهما|احدثها)(?!\w)"),
    "en": _rx(r"\b(?:the\s+)?(?:latest|last|most\s+recent)\s+(?:of\s+(?:which|them)|one\s+(?:on|in))\b"),
}
# Fell near the site named before, by a definite noun: "سقطت في محيط الحقل", "قرب القاعدة", "landed near the base".
_NEAR_THE_SITE = {
    "ar": _rx(r"(?<!\w)(?:في\s+محيط|بمحيط|قرب|بالقرب\s+من|على\s+مقربه\s+من)\s+(?:ال)(?:حقل|قاعده|مطار|سفاره|قنصليه|معسكر|منشاه|مجمع)(?!\w)"),
    "en": _rx(r"\b(?:near|outside|in\s+the\s+vicinity\s+of|close\s+to)\s+the\s+(?:field|base|airport|embassy|consulate|camp|facility|compound)\b"),
}
# "The group" as the subject of an attack verb: "the group had launched a …", "the militants fired", "أطلقت الجماعة".
_GROUP_SUBJECT = {
    "en": _rx(r"\b(?:the|that)\s+(?:group|militia|militants|faction|fighters)\s+(?:had\s+|has\s+|have\s+)?(?:launched|fired|attacked|targeted)\s+(?:[^\s,.;]+\s+){0,4}$"),
    "ar": _rx(r"(?<!\w)[وف]?(?:اطلقت|اطلقوا|استهدفت|استهدفوا)\s+(?:ال)?(?:جماعه|فصيل|مجموعه|مسلحون)\s+(?:ذاتها|نفسها)?\s*(?:[^\s،.؛]+\s+){0,4}$"),
}
_GROUP_AFTER_VERB = _rx(r"^\s*(?:ال)(?:جماعه|فصيل|مجموعه|حركه)(?:\s+(?:ذاتها|نفسها|ذاته|نفسه))?(?!\w)")
_DENIAL = {
    "ar": _rx(_ar("نفى نفت ينفي تنفي نافيا نافية")),
    "en": _rx(r"(?<!\w)(?:den(?:y|ied|ies)|rejected\s+reports)(?!\w)"),
}
# "denied any involvement in the attack", "نفت أي صلة لها بالهجوم": the denier's part, not the event, is denied.
_DENIED_ROLE = {
    "ar": _rx(r"\s+(?:\S+\s+)?(?:اي\s+)?(?:صله|علاقه|دور|تورط|مسؤوليه|ضلوع)"),
    "en": _rx(r"\s+(?:\w+\s+)?(?:any\s+|a\s+|its\s+|their\s+)?(?:involvement|role|link|links|connection|responsibility|part|ties)"),
}
_ATTRIBUTION = {
    "ar": _rx(r"(?<!\w)(?:اطلقتها|اطلقته|اطلقوها|نفذها|نفذه|نفذته|نفذتها|بتنفيذه|بتنفيذها|بشنه|بشنها|تقف\s+وراء|يقف\s+وراء|بالوقوف\s+وراء|المسؤوله\s+عن|المسؤول\s+عن)(?!\w)"),
    "en": _rx(r"(?<!\w)(?:carried\s+out\s+by|was\s+behind|were\s+behind|behind\s+(?:it|the)|responsible\s+for|launched\s+by|fired\s+by|blamed)(?!\w)"),
}
_BY = {"ar": _rx(r"(?<!\w)(?:من\s+قبل|بواسطه)\s+$"), "en": _rx(r"(?<!\w)by\s+(?:the\s+)?$")}
# The same time as the event before: "في الليلة ذاتها", "تزامنت", "the same day", "immediately after".
_SAME_TIME = _rx(
    r"(?:(?:ذاته|ذاتها|نفسه|نفسها)(?!\w)|تزامن|بالتزامن|في\s+الوقت\s+ذاته|عقب\s+(?:\S+\s+){1,2}مباشره|"
    r"the\s+same\s+(?:day|night|time|evening|morning)|simultaneous|coincid|(?:immediately|shortly|hours|minutes)\s+(?:after|before)|"
    r"(?:hours|minutes)\s+later|later\s+(?:that|the\s+same)\s+(?:day|night|evening)|في\s+وقت\s+لاحق\s+من\s+(?:اليوم|الليله)\s+(?:نفسه|ذاته|نفسها|ذاتها)|"
    r"(?:قبل|بعد)\s+(?:ساعات|ساعه|دقايق)|بساعات|بساعه|بدقايق)"
)
# Words that place one event before another: event words on either side are different events.
_MARKER = _rx(r"(?<!\w)(?:اعقاب|عقب|بعد|اثر|ردا|following|after|before|قبل|since|منذ)(?!\w)")
_SINCE_WHEN = _rx(r"^[\s,،]*(?:حين|حينما|عندما|يوم|when)(?!\w)")
_NIGHT = _rx(r"(?:overnight|night|ليل|ليله|الليله|مساء|late)")

# Outcome words. Negated damage ("no damage", "دون أضرار") is not a hit.
_HIT = {
    "ar": _rx(r"(?<!\w)(?:سقط\w*\s+(?:\S+\s+){0,3}?داخل|اضرار\s+ماديه|اضرارا|اضرار\s+بسيطه|الحقت|دمرت|اصابه\s+مباشره)"),
    "en": _rx(
        r"(?<!\w)(?:some\s+hit|hit\s+the\s+base|struck\s+(?!a\s+deal)|caus(?:ed|ing)\s+(?:(?!no\b|any\b)\w+\s+)?damage|"
        r"(?:was|were|been)\s+(?:directly\s+|also\s+)?(?:hit|struck)\s+by|"
        r"(?:damaged|destroyed)(?!\s+(?:one|both|it|them|the\s+(?:second|other|first|drones?|rockets?|missiles?)))|landed\s+inside|impacted)"
    ),
}
# A projectile that came down before its target: failed, unless something shot it down.
_FELL_SHORT = {
    "ar": _rx(r"(?<!\w)(?:قبل\s+(?:وصول\w*|ان\s+(?:تصل|يصل))|لم\s+(?:تصل|يصل|تبلغ|يبلغ))(?!\w)"),
    "en": _rx(r"(?<!\w)(?:(?:exploded|crashed|fell|came\s+down|detonated)\s+(?:\w+\s+)?before\s+(?:reaching|hitting)|"
              r"(?:failed|did\s+not|didn't)\s+(?:to\s+)?reach)(?!\w)"),
}
# A projectile that came down away from anything: the attack failed ("landed in an empty area", "سقطا في منطقة خالية").
_FAILED = {
    "ar": _rx(
        r"(?<!\w)(?:[وف]?(?:سقط|سقطت|سقطا|سقطتا|سقطوا|وقع|وقعت|وقعا|وقعتا)\s+(?:[^\s.،]+\s+){0,6}?(?:في|ب)\s*"
        r"(?:منطقه|ارض|اراض|ارضا)\s+(?:\S+\s+)?(?:خاليه|فارغه|مفتوحه|زراعيه|صحراويه|جرداء|فضاء|غير\s+ماهوله|مهجوره)|"
        r"لم\s+(?:تصب|يصب|تصيبا|يصيبا)\s+(?:\S+\s+)?(?:اهداف|هدف)|اخطات\s+(?:\S+\s+)?(?:اهداف|هدف))"
    ),
    "en": _rx(
        r"(?<!\w)(?:(?:landed|fell|crashed|came\s+down|impacted|struck)\s+(?:\w+\s+){0,2}?in\s+(?:an?\s+|the\s+)?"
        r"(?:empty|open|unpopulated|uninhabited|deserted|vacant|barren|remote)\s+(?:\w+\s+)?(?:area|field|land|ground|space|desert)|"
        r"fell\s+short|landed\s+harmlessly|fell\s+harmlessly|missed\s+(?:its|their|the)\s+(?:intended\s+)?targets?)"
    ),
}
_NEGATION_BEFORE = _rx(r"(?:no|not|without|لم|لا|دون|بدون|من\s+دون)\s+(?:\S+\s+){0,3}$")

# Things that make a national adjective name the nation's forces: "القاعدة الأميركية", "US base".
_FORCE_NOUNS = {
    "ar": _rx(
        r"(?<!\w)(?:[وفبل]?(?:ال)?(?:قاعده|قواعد|افراد|جنود|عسكريين|قوات|مستشارين|جنديين|جنديان|جندي|عسكريان|عسكري|طائرات|طائرة|مقاتلات|دفاعات|طيران|بوارج|مدفعيه)"
        r"(?:\s+(?!(?:ال)?(?:امريكي|اميركي))\S+){0,2})\s+"
        r"((?:ال)?(?:امريكي|اميركي|امريكيه|اميركيه|امريكيين|اميركيين|امريكيون|اميركيون|امريكيان|اميركيان))(?!\w)"
    ),
    "en": _rx(
        r"(?<![\w.])(u\.s\.|us|american)(?![\w-]*(?:led|backed|made|based|built))[\s-]+(?:[a-z][\w-]*\s+){0,2}?"
        r"(?:base|bases|outpost|troops|personnel|service\s*members|soldiers|forces|military|garrison|positions|"
        r"warplanes?|jets?|aircraft|fighter\s+jets|gunships?|air\s+defen[cs]es?)(?!\w)"
    ),
}
# Weapon words that name an arsenal, not an event: "rocket, missile and drone capabilities", "مخازن صواريخ".
_ARSENAL_AFTER = _rx(
    r"(?:\s*(?:,|and|or|one-way|attack|ballistic|cruise|rockets?|missiles?|drones?|uavs?))*\s+"
    r"(?:capabilit\w*|launchers?|factor\w*|depots?|storage|stockpiles?|production|warehouses?|programs?|arsenals?|launch\s+sites?)"
)
_ARSENAL_BEFORE = _rx(r"(?:مخازن|مخزن|مستودع|مستودعات|ورشه|ورش|تصنيع|مطلقي|لمطلقي)\s+(?:\S+\s+)?$")
# A place named at the head of a wire story: "BAGHDAD (AP) —", "WASHINGTON/AMMAN, Jan 28 (Reuters) -".
_DATELINE_AFTER = _rx(r"^[^.\n]{0,40}?(?:\((?:AP|AFP|Reuters)\)|\s[—–-]\s|/\s)")

# Unnamed groups described by their tie to Iran: the generic pro-Iran factions actor.
_DESCRIBED_GROUPS = {
    "en": [
        _rx(r"(?<![\w-])(?P<group>(?:pro-iran(?:ian)?|iran-(?:backed|aligned|linked|allied|affiliated|sponsored)|iranian(?:-backed)?)"
            r"\s+(?:armed\s+|militant\s+|radical\s+)?(?:fighters|militants|militiamen|militias?|groups|factions|proxies))(?!\w)"),
        _rx(r"(?<!\w)and\s+(?P<group>(?P<allied>allied|affiliated)\s+(?:militias|groups|factions))(?!\w)"),
    ],
    "ar": [
        _rx(r"(?<!\w)(?P<group>[وفبل]?(?:ال)?(?:ميليشيات|مليشيات|فصائل|جماعات|مجموعات)(?:\s+(?:ال)?(?:مسلحه|متطرفه|متشدده|شيعيه|عراقيه)){0,2}\s+"
            r"(?:ال)?(?:ايرانيه|(?:موالي|مدعوم|مقرب|تابع)\w*\s+(?:من\s+|ل|ال)?ايران))(?!\w)"),
        _rx(r"(?<!\w)و(?P<group>(?P<allied>(?:ال)?(?:ميليشيات|مليشيات|فصائل|جماعات))\s+(?:ال)?(?:حليفه|المتحالفه|التابعه\s+لها))(?!\w)"),
    ],
}
# Armed men described as outside the law, with no group named: "outlaw gangs", "عصابات خارجة عن القانون".
_OUTLAW_GROUPS = {
    "en": _rx(r"(?<![\w-])(?:outlaw|lawless|rogue)\s+(?:armed\s+)?(?:gangs|groups|elements|militias|factions)(?!\w)"),
    "ar": _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:عصابات|جماعات|مجموعات|عناصر|جهات)\s+(?:ال)?(?:مسلحه\s+)?(?:ال)?(?:خارجه|الخارجه)\s+عن\s+(?:ال)?قانون(?!\w)"),
}
_HEADLINE_WORDS = 6
# First words of group names too common to stand for the group alone.
_GENERIC_GROUP_WORDS = frozenset(normalize_arabic("قوات جيش تنظيم جماعة هيئة منظمة حزب فصائل الوية لواء سرايا").split())
# Plural nouns that make a group's short name a common noun: "فصائل المقاومة", "محور المقاومة".
_GENERIC_BEFORE_SHORT = _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:فصائل|قوى|محور|حركات|جماعات|كل|بقيه|باقي)\s+$")
_EN_DETERMINERS = frozenset("the that this those these its their".split())
# Words between a place and the next that make the next one only its location ("X in Y province").
_LOCATOR_WORDS = frozenset(
    "في in بريف ريف near قرب of بمحافظه محافظه province قضاء بقضاء ناحيه بناحيه مدينه district governorate the at city "
    "region منطقه بمنطقه".split()
)  # a line with fewer words is a dateline or a caption, not a report


# --- Data -------------------------------------------------------------------------------------


@dataclass
class _Trigger:
    start: int
    end: int
    kind: str  # attack, strike, intercept, launcher
    weapon: str
    text: str


@dataclass
class _Head:
    """Adjacent event words read as one ("a one-way drone attack struck", "هجوم صاروخي")."""

    triggers: list
    places: list = field(default_factory=list)
    referential: bool = False  # "after the attack": names an event reported elsewhere

    @property
    def start(self):
        return self.triggers[0].start

    @property
    def end(self):
        return self.triggers[-1].end

    @property
    def kinds(self):
        return {t.kind for t in self.triggers}


@dataclass
class _Mention:
    sentence: Span
    scope: Span
    head: Span
    place: object  # PlaceMention or None
    date: object  # DateMention or None
    kind: str  # attack, strike, disrupted
    weapon: str
    outcome: str
    count: int
    killed: Casualties
    injured: Casualties
    actors: list  # [(ActorEntry, role)]
    claim: bool = False
    denial: bool = False
    anaphoric: bool = False  # "the attack", "الهجوم": refers to an incident already reported
    same_time: bool = False
    day_offset: int = 0  # "a day earlier", "في اليوم التالي": days from the event told before (with same_time)
    night: bool = False
    siblings: int = -1  # id shared by the mentions of one head with several places
    dual: bool = False  # "الهجومين": refers to the last two incidents
    victims: frozenset = frozenset()  # keys of the actors whose people were killed or wounded
    follows: object = None  # the mention of the sentence before, for figures that continue it
    bare: bool = False  # "the vehicle was hit in X" in a story of strikes: a detail of a strike told before, or one more
    strike_actors: object = None  # the roles if this attack word tells of a strike ("the drone fired on a car"), else None
    before: object = None  # for an undated event told as earlier ("في أعقاب …"): the DateMention of the later one
    incident: object = None  # the incident the mention went into


@dataclass
class _Incident:
    mentions: list
    place: object
    date: object
    kind: str
    weapon: str
    outcome: str = "unknown"
    count: int = 1
    killed: Casualties = field(default_factory=Casualties)
    injured: Casualties = field(default_factory=Casualties)
    actors: list = field(default_factory=list)
    claimed_only: bool = True
    contested: bool = False
    night: bool = False


# --- Public API ---------------------------------------------------------------------------------


def find_incidents(text, published, language, actors, place_mentions, actor_mentions, date_mentions):
    """Return the DraftIncidents `text` reports, each with its evidence spans and a confidence.

    `actors` is the ActorMatcher (for nation adjectives); the mentions are the matchers' `find()`
    results and `dates.find_dates` for this text, computed once by the caller. (`incidents_in` reads an
    `article.Article` that holds them.)
    """
    return incidents_in(Article(
        text, published, language, actor_matcher=actors,
        place_mentions=place_mentions, actor_mentions=actor_mentions, date_mentions=date_mentions,
    ))


def incidents_in(article):
    """Return the DraftIncidents an analysed `article.Article` reports, with evidence spans and confidence."""
    return _Reader(article).incidents()


class _Reader:
    """Read one article: its triggers, mentions and incidents."""

    def __init__(self, article):
        self.article = article
        self.text, self.published, self.language = article.text, article.published, article.language
        self.actor_matcher = article.actor_matcher
        self.folded, self.origins = article.folded, article.origins
        self.places = [p for p in article.place_mentions if p.entry is not None and not self._is_dateline(p)]
        self.actor_mentions = [
            a for a in article.actor_mentions if (a.entry is not None or a.description) and not self._bare_alliance(a)
        ]
        self.actor_mentions += self._short_references()
        described = self._described_groups() + self._outlaw_groups()
        self.actor_mentions = [
            a for a in self.actor_mentions if not any(d.span.start <= a.span.start and a.span.end <= d.span.end for d in described)
        ] + described  # "pro-Iran fighters" is the group, not the state Iran
        self.actor_mentions.sort(key=lambda a: a.span.start)
        self.dates = article.date_mentions
        self.triggers = self._triggers()
        self.forces = self._national_forces()
        self.sibling_ids = 0
        self._blamed = False  # the attributed perpetrators are blamed by another source ("the Pentagon blamed on")

    # --- Text helpers -------------------------------------------------------------------------

    def _span(self, folded_start, folded_end):
        return self.article.span(folded_start, folded_end)

    def _folded_index(self, offset):
        """Return the first folded index whose source offset is >= `offset`."""
        return self.article.folded_index(offset)

    def _folded(self, start, end):
        return self.article.folded_between(start, end)

    def _about_the_campaign(self, sentence, triggers):
        """Return True if the sentence speaks of the attacks as a series (plural, tally, "سلسلة"), not of one."""
        folded = self._folded(sentence.start, sentence.end)
        if _SERIES.search(folded):
            return True
        for trigger in triggers:
            before = self._folded(sentence.start, trigger.start)[-30:]
            if _is_plural(_Head([trigger]), self.language) or _TALLY[self.language].search(before):
                return True
        return False

    def _all_sentences(self):
        """Return the sentences of the text (the Article's, found once)."""
        return self.article.sentences

    def _sentences(self):
        """Yield the sentences that can report events: not the headline, datelines or captions."""
        for span in self._all_sentences():
            line_start = self.text.rfind("\n", 0, span.start) + 1
            line_end = self.text.find("\n", span.start)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            if line_start == 0 and "\n" in self.text.strip() and not line.rstrip().endswith((".", "”", '"', "»", ".”")):
                continue  # the headline restates the body
            if len(line.split()) < _HEADLINE_WORDS and not line.rstrip().endswith((".", "!", "؟", "?")):
                continue  # a dateline ("السومرية نيوز – بغداد") or a caption
            yield span

    def _is_dateline(self, place):
        """Return True for the place of a dateline ("BAGHDAD (AP) —"): where the story was filed."""
        line_start = self.text.rfind("\n", 0, place.span.start) + 1
        before = self.text[line_start : place.span.start]
        if len(before.split()) > 2:
            return False
        return bool(_DATELINE_AFTER.match(self.text[place.span.end : place.span.end + 60]))

    def _bare_alliance(self, actor):
        """Return True for "a coalition of Iran-backed militias": an alliance described, not the Global Coalition."""
        if actor.entry is None or actor.entry.kind != "coalition":
            return False
        return bool(re.match(r"^\s+(?:of|من)\s", self.text[actor.span.end : actor.span.end + 5])) and len(
            actor.span.text(self.text).split()
        ) <= 2

    def _short_references(self):
        """Return later mentions of an armed group by the first word of its Arabic name (الكتائب, المقاومة, الحركة)."""
        found, taken = [], [a.span for a in self.actor_mentions]
        for actor in list(self.actor_mentions):
            entry = actor.entry
            if entry is None or entry.kind != "militia or armed group" or not is_arabic(actor.span.text(self.text)):
                continue
            first = self._folded(actor.span.start, actor.span.end).split()[0]
            stem = re.sub(r"^(?:[وفبل]|لل)?(?:ال)?", "", first) if first.startswith(("ال", "و", "ف", "ب", "ل")) else first
            if len(stem) < 4 or stem in _GENERIC_GROUP_WORDS:
                continue
            pattern = re.compile(rf"(?<!\w)(?:[وفب]?ال|لل){re.escape(stem)}(?!\w)")
            for match in pattern.finditer(self.folded, self._folded_index(actor.span.end)):
                if _GENERIC_BEFORE_SHORT.search(self.folded[max(0, match.start() - 12) : match.start()]):
                    continue  # "فصائل المقاومة": the resistance factions in general, not the named group
                start, end = self._span(match.start(), match.end())
                span = Span(start, end)
                if not any(span.overlaps(other) for other in taken):
                    found.append(ActorMention(span, entry))
                    taken.append(span)
        return found

    def _described_groups(self):
        """Return "pro-Iran fighters", "Iranian militias", "(IRGC) and allied militias" as the unnamed pro-Iran groups."""
        reference = self.actor_matcher.find("Iran-backed militias", "en")
        if not reference or reference[0].entry is None:
            return []
        entry, found = reference[0].entry, []
        taken = [a.span for a in self.actor_mentions]
        iran = [a.span for a in self.actor_mentions if a.entry is not None and ("iran" in a.entry.key or a.entry.country_code == "IR")]
        for pattern in _DESCRIBED_GROUPS[self.language]:
            for match in pattern.finditer(self.folded):
                start, end = self._span(match.start("group"), match.end("group"))
                span = Span(start, end)
                if "allied" in pattern.groupindex and not any(0 <= span.start - other.end <= 12 for other in iran):
                    continue  # "allied militias" only after Iran or its Guards
                if not any(span.overlaps(other) and not (span.start <= other.start and other.end <= span.end) or span == other for other in taken):
                    found.append(ActorMention(span, entry))
                    taken.append(span)
        return found

    def _outlaw_groups(self):
        """Return "outlaw gangs", "عصابات خارجة عن القانون", "جهات خارجة عن القانون" as the unidentified armed group."""
        reference = self.actor_matcher.find("unidentified gunmen", "en")
        if not reference or reference[0].entry is None:
            return []
        entry, found = reference[0].entry, []
        taken = [a.span for a in self.actor_mentions]
        for match in _OUTLAW_GROUPS[self.language].finditer(self.folded):
            start, end = self._span(match.start(), match.end())
            span = Span(start, end)
            if not any(span.overlaps(other) for other in taken):
                found.append(ActorMention(span, entry))
                taken.append(span)
        return found

    # --- Triggers ------------------------------------------------------------------------------

    def _triggers(self):
        found = []
        for pattern, kind, weapon in _TRIGGER_PATTERNS[self.language]:
            for match in pattern.finditer(self.folded):
                if kind == "attack" and (
                    _ARSENAL_AFTER.match(self.folded, match.end()) or _ARSENAL_BEFORE.search(self.folded[max(0, match.start() - 30) : match.start()])
                ):
                    continue
                start, end = self._span(match.start(), match.end())
                found.append(_Trigger(start, end, kind, weapon, self.text[start:end]))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept = []
        for trigger in found:
            if kept and trigger.start < kept[-1].end:
                continue
            kept.append(trigger)
        return kept

    def _national_forces(self):
        """Return mentions of a nation's forces by adjective: "القاعدة الأميركية", "US troops", "US warplanes"."""
        found = []
        nation_force = getattr(self.actor_matcher, "nation_force", None)
        if nation_force is None:
            return found
        for match in _FORCE_NOUNS[self.language].finditer(self.folded):
            entry = nation_force(match.group(1))
            if entry is not None:
                start, end = self._span(match.start(), match.end())
                site = bool(re.search(r"قاعده|قواعد|base|outpost|garrison|positions", match.group()))
                found.append(_ForceMention(Span(start, end), entry, site=site))
        return found

    # --- Mentions --------------------------------------------------------------------------------

    def incidents(self):
        mentions, previous = [], []
        for sentence in self._sentences():
            found = self._sentence_mentions(sentence, previous)
            mentions.extend(found)
            previous = found
        hosts = self._hosts()
        attributed = self._attributed_perpetrators()
        incidents = self._merge(mentions)
        incidents = [i for i in incidents if self._reportable(i)]
        for incident in incidents:
            self._add_security_forces(incident)
        self._add_answered_attackers(incidents)
        self._add_story_strikers(incidents)
        drafts = [self._draft(incident, hosts, attributed) for incident in incidents]
        _add_campaign_targets([d for i, d in zip(incidents, drafts) if i.kind == ATTACK], self._campaign_targets())
        return drafts

    def _campaign_targets(self):
        """Return the sets of forces the text says the attacks are on ("attacks on American troops", "تعرضت القوات الأميركية إلى 46 هجوما").

        One set per phrase: "U.S. and coalition forces have been attacked" gives both forces.
        """
        sets = []
        for sentence in self._all_sentences():
            base = self._folded_index(sentence.start)
            folded = self._folded(sentence.start, sentence.end)
            for pattern, side in _CAMPAIGN_ON[self.language]:
                for match in pattern.finditer(folded):
                    if side == "after":
                        start, end = self._span(base + match.end(), base + min(len(folded), match.end() + 50))
                    else:
                        start, end = self._span(base + max(0, match.start() - 60), base + match.start())
                    region = Span(start, end)
                    entries = frozenset(
                        a.entry for a in self._scope_actors(sentence)
                        if region.start <= a.span.start and a.span.end <= region.end + 2
                        and a.entry.kind in ("state force", "coalition") and _is_target_side(a.entry)
                    )
                    if side == "before":
                        clause = re.split(r"[,،;؛]", self.text[start:end])[-1]
                        entries = frozenset(
                            a.entry for a in self._scope_actors(sentence)
                            if end - len(clause) <= a.span.start and a.span.end <= end
                            and a.entry.kind in ("state force", "coalition") and _is_target_side(a.entry)
                        )
                    if entries:
                        sets.append(entries)
        return sets

    def _add_security_forces(self, incident):
        """Make "the security forces" (القوات الأمنية) who found a launcher the forces of the place's country.

        Only where the actor list has one security-forces umbrella for the country and no regional
        authority has its own: in the Kurdistan Region "the security forces" may be the Asayish.
        """
        if incident.kind != DISRUPTED or any(role == PERPETRATOR for _, role in incident.actors):
            return
        place = incident.place.entry
        if place.admin1 in _REGIONAL_SECURITY_ADMIN1:
            return
        finder = getattr(self.actor_matcher, "security_forces", None)
        entry = finder(place.country_code) if finder is not None else None
        if entry is None:
            return
        if any(_SECURITY_FORCES[self.language].search(self._folded(m.sentence.start, m.sentence.end)) for m in incident.mentions):
            incident.actors.append((entry, PERPETRATOR))

    def _add_story_strikers(self, incidents):
        """Give the strikes the text names no striker for the one state the article says strikes.

        "In Syria, warplanes pounded positions around X" in a story of "U.S. retaliation": the state whose
        forces the article names as striking (a nation adjective on strike words, "US strikes", "الغارات
        الأميركية", or the perpetrator of its other strikes). Only when there is exactly one such state.
        """
        open_strikes = [i for i in incidents if i.kind == STRIKE and not any(role == PERPETRATOR for _, role in i.actors)]
        if not open_strikes:
            return
        strikers = {a for i in incidents if i.kind == STRIKE for a, role in i.actors if role == PERPETRATOR and _is_state_force(a)}
        for match in _NATION_STRIKES[self.language].finditer(self.folded):
            entry = self.actor_matcher.nation_force(match.group("nation"))
            if entry is not None:
                strikers.add(entry)
        if len(strikers) != 1:
            return
        striker = next(iter(strikers))
        for incident in open_strikes:
            if not any(actor == striker for actor, _ in incident.actors):
                incident.actors.append((striker, PERPETRATOR))

    def _add_answered_attackers(self, incidents):
        """Give a strike that answers an attack ("ردت ... بقصف", "in response") the attack's perpetrators as targets.

        The answered attack is the last one reported before the strike; its perpetrators, else the
        group that claimed it. Only for a strike whose text names no target of its own.
        """
        for index, incident in enumerate(incidents):
            if incident.kind != STRIKE or any(role == TARGET for _, role in incident.actors):
                continue
            first = min(m.sentence.start for m in incident.mentions)
            if not any(_RESPONSE[self.language].search(self._folded(m.sentence.start, m.sentence.end)) for m in incident.mentions):
                continue
            earlier = [i for i in incidents[:index] if i.kind == ATTACK and min(m.sentence.start for m in i.mentions) <= first]
            if not earlier:
                continue
            answered = earlier[-1].actors
            attackers = [a for a, role in answered if role == PERPETRATOR] or [a for a, role in answered if role == CLAIMANT]
            for actor in attackers:
                if _is_armed_group(actor) and (actor, TARGET) not in incident.actors:
                    incident.actors.append((actor, TARGET))

    def _reportable(self, incident):
        """Return False for what is too vague to be an incident: a country, no date, no count."""
        if incident.place is None:
            return False
        if incident.place.entry.kind == "country" and incident.date is None and incident.count <= 1:
            return False
        return True

    def _sentence_mentions(self, sentence, previous):
        triggers = [t for t in self.triggers if sentence.start <= t.start and t.end <= sentence.end]
        triggers = [t for t in triggers if not self._hypothetical(t, sentence)]
        # "ولم تتطرق إلى هجوم كونيكو", "made no mention of the Conoco attack": the speaker says nothing of it
        triggers = [t for t in triggers if not _NOT_MENTIONED[self.language].search(self._folded(max(sentence.start, t.start - 40), t.start))]
        if not triggers:
            return self._attribution_mentions(sentence) or self._owners_after(sentence, previous) or self._figures_after(sentence, previous)
        if _FIRST_TIME[self.language].match(self._folded(sentence.start, sentence.end)):
            return []  # "It was the first time since October that the militias had used a missile": a remark on an event told before
        heads = self._heads(triggers)
        places = self._event_places(sentence)
        self._assign(heads, places, sentence)
        heads = self._absorb_trailing(heads)
        # "after the attack": the time of another event, reported where it is named; not a mention here.
        heads = [head for head in heads if head.places or not head.referential]
        mentions = []
        for index, head in enumerate(heads):
            scope_start = sentence.start
            if index > 0:
                previous = heads[index - 1]
                scope_start = max([previous.end] + [p.span.end for p in previous.places])
                scope_start = min([scope_start, head.start] + [p.span.start for p in head.places])
            scope_end = sentence.end
            if index + 1 < len(heads):
                following = heads[index + 1]
                scope_end = min([following.start] + [p.span.start for p in following.places])
            scope = Span(scope_start, max(scope_end, head.end))
            mentions.extend(self._head_mentions(head, scope, sentence))
        self._share_sentence_zeroes(mentions, sentence)
        if any(m.denial and m.place is not None for m in mentions):
            # "نفت … تعرض القاعدة لأي هجوم، … بشأن استهداف قاعدة فيكتوري": one denial, of the attack it names
            mentions = [m for m in mentions if not (m.denial and m.place is None)]
        return mentions

    def _hypothetical(self, trigger, sentence):
        """Return True for an event word that is intended, threatened or hypothetical ("to strike Iran")."""
        before = self._folded(sentence.start, trigger.start)
        return bool(_HYPOTHETICAL[self.language].search(before[-40:])) and not _TRIED_BEFORE.search(before[-25:])

    def _tally(self, head, sentence):
        """Return True if the head counts attacks over a period or several places ("80 attacks since")."""
        before = self._folded(sentence.start, head.start)
        after = self._folded(head.end, sentence.end)
        first = head.triggers[0]
        if first.kind in ("attack", "strike") and not _is_weapon_count(first) and _TALLY[self.language].search(before[-30:]):
            if not self._date_just_before(head):
                return True  # "80 هجوما", "5 strikes"; but not "the January 28 attack"
        if self.language == "en" and re.search(r"(?<!\w)(?:\d+|[a-z]+)\s+times(?!\w)", after[:60]):
            return True
        in_sentence = [m for m in self.dates if sentence.start <= m.span.start < sentence.end]
        since = [m for m in in_sentence if m.since]
        if since and head.triggers[0].kind in ("attack", "strike"):
            own = [m for m in in_sentence if not m.since]
            since_when = any(m.precision == "day" and _SINCE_WHEN.match(self.text[m.span.end : m.span.end + 12]) for m in since)
            if not own and not since_when:
                return True
        if _is_plural(head, self.language) and _SERIES.search(before[-30:]):
            return True
        if _is_plural(head, self.language) and _LATEST_OF_THEM[self.language].search(after):
            return True  # "بضربات جوية …، كان آخرها في تشرين الثاني", "strikes, the latest of which …": a series
        if _is_plural(head, self.language) and _THOSE_BEFORE[self.language].search(before[-20:] + " " + self._folded(head.start, head.end)):
            return True  # "hurt in those attacks", "في هذه الهجمات": the series told before, not one of its incidents
        return False

    def _roles_by_place(self, kind, head, scope, actors, speakers, claimant, agent):
        """Return {id(place): roles} when one head names several places: each party named among them goes to its nearest place.

        "a headquarters of the PMF in al-Qaim ..., and a depot used by Kataib Hezbollah near Akashat": the
        PMF at al-Qaim, Kataib Hezbollah at Akashat. Parties named before the first place or after the last
        (the striker, the claimant) are everyone's.
        """
        places = head.places
        if len(places) < 2:
            return {}
        def coordinated(one, other):
            gap = self.text[one.span.end : other.span.start]
            named = any(one.span.end <= a.span.start and a.span.end <= other.span.start for a in actors)
            return len(gap.split()) <= 3 and not named

        if all(coordinated(one, other) for one, other in zip(places, places[1:])):
            return {}  # "sites of X near A and B": coordinated places share their parties
        first, last = places[0].span.start, places[-1].span.end
        region_start = max(scope.start, self.text.rfind(",", scope.start, first) + 1, first - 80)
        between = [a for a in actors if region_start <= a.span.start < last and (agent is None or a.entry != agent.entry)]
        if not between:
            return {}
        result = {}
        for place in places:
            mine = [
                a for a in actors
                if a not in between or min(places, key=lambda p: _distance(p.span, a.span)) is place
            ]
            result[id(place)] = self._roles(kind, head, scope, mine, speakers, claimant, agent)
        return result

    def _owner(self, actor):
        """Return True if the actor is named as the owner or user of a site ("a headquarters of X", "used by X", "مقر لـX")."""
        before = self._folded(max(0, actor.span.start - 30), actor.span.start)
        return bool(_OWNER_BEFORE.search(before))

    def _interval_before_date(self, sentence, head):
        """Return the date of an event placed "ten days after" / "بعد يومين من" it: the sentence's own date minus the interval.

        "The killing came ten days after the attack on X" on a day the sentence gives; "أعلنت X مساء الثلاثاء
        … بعد يومين من هجوم": two days before that Tuesday. Only with one day-precise date in the sentence.
        """
        before = self._folded(max(sentence.start, head.start - 40), head.start)
        match = _INTERVAL_AFTER[self.language].search(before)
        if match is None:
            return None
        days = _interval_days(match.group("n"), match.group("unit"), self.language)
        own = [d for d in self.dates if sentence.start <= d.span.start < sentence.end and d.precision == "day" and not d.since]
        if days is None or len(own) != 1:
            return None
        day = own[0].start - timedelta(days=days)
        return DateMention(Span(head.start, head.end), day, day, "day", "interval before the sentence's date", relative=True)

    def _same_time_kind(self, mention):
        """Return the kind of event "hours before the strike" / "بعد ساعات من الهجوم" refers to, or None."""
        folded = self._folded(mention.sentence.start, mention.sentence.end)
        match = _SAME_TIME.search(folded)
        if match is None:
            return None
        around = folded[match.start() : match.end() + 30]
        if re.search(r"(?:strike|raid|bombing|غاره|ضربه|قصف)", around):
            return STRIKE
        if re.search(r"(?:attack|assault|هجوم|اعتداء|استهداف)", around):
            return ATTACK
        return None

    def _date_just_before(self, head):
        """Return True if a date expression ends right before the head ("the January 28 attack", "Saturday's")."""
        return any(0 <= head.start - d.span.end <= 3 and not d.since for d in self.dates)

    def _heads(self, triggers):
        """Group adjacent event words into heads ("a one-way attack drone struck", "هجوم صاروخي")."""
        heads = []
        for trigger in triggers:
            if heads:
                gap = self.text[heads[-1].end : trigger.start]
                limit = 10 if self._instrument(trigger) else 2  # "استهدفت قاعدة X في ريف Y بطائرة مسيرة": the attack's weapon
                if len(gap.split()) <= limit and not re.search(r"[.,;:،؛]", gap) and not _MARKER.search(self._folded(heads[-1].end, trigger.start)):
                    heads[-1].triggers.append(trigger)
                    continue
            heads.append(_Head([trigger]))
        for head in heads:
            head.referential = self._anaphoric(head) and precedes_marker(self.text, Span(head.start, head.end))
        return heads

    def _time_aside(self, start, end):
        """Return True if text[start:end] is words plus one time expression set off by commas ("X, late on Tuesday, Y")."""
        gap = self.text[start:end]
        match = re.fullmatch(r"([^,،.;؛:]*)[,،]([^,،.;؛:]{1,60})[,،]([^,،.;؛:]*)", gap)
        if not match or len(match.group(1).split()) + len(match.group(3).split()) > 4:
            return False
        aside = Span(start + match.start(2), start + match.end(2))
        return any(aside.start <= d.span.start and d.span.end <= aside.end and not d.since for d in self.dates)

    def _instrument(self, trigger):
        """Return True for a weapon named as the instrument of the verb before it ("بطائرة مسيرة", "with drones")."""
        if trigger.kind != "attack" or not trigger.weapon:
            return False
        if self.language == "ar":
            return bool(re.match(r"^[وف]?ب(?!ال?[اأإ]?\s)", self._folded(trigger.start, trigger.end)))
        return bool(re.search(r"(?<!\w)(?:with|using)\s+(?:\w+\s+){0,2}$", self._folded(max(0, trigger.start - 30), trigger.start)))

    def _absorb_trailing(self, heads):
        """Return the heads with placeless ones folded into the placed head of their clause.

        "attacked X with drones": the weapon after the place; "أسقطت الدفاعات الجوية طائرة مسيرة قرب X":
        the verb before the object that holds the place.
        """
        leading = []
        for head in heads:
            previous = leading[-1] if leading else None
            if previous is not None and not previous.places and head.places and not self._anaphoric(previous):
                gap = self.text[previous.end : head.start]
                if self._time_aside(previous.end, head.start):
                    gap = ""  # "أسقطت الدفاعات الجوية، في ساعة متأخرة من ليل الثلاثاء، طائرة مسيرة": a time set off by commas
                if not re.search(r"[.,;:،؛]", gap) and not _MARKER.search(self._folded(previous.end, head.start)):
                    head.triggers[:0] = previous.triggers
                    leading[-1] = head
                    continue
            leading.append(head)
        heads, kept = leading, []
        for head in heads:
            if kept and kept[-1].places and not head.places and not self._anaphoric(head):
                gap = self.text[kept[-1].places[-1].span.end : head.start]
                if not re.search(r"[.,;:،؛]", gap):
                    kept[-1].triggers.extend(head.triggers)
                    continue
            kept.append(head)
        return kept

    def _event_places(self, sentence):
        """Return the places of the sentence that can be where an event happened."""
        inside = [p for p in self.places if sentence.start <= p.span.start and p.span.end <= sentence.end]
        speakers = [a.span for a in self.actor_mentions if a.description]
        named = [a.span for a in self.actor_mentions if a.entry is not None]
        kept = []
        for place in inside:
            if any(s.start <= place.span.start and place.span.end <= s.end for s in speakers):
                continue  # "مصدر أمني في كردستان العراق": where the speaker is
            if any(n.start <= place.span.start and place.span.end <= n.end and n.end - n.start > place.span.end - place.span.start for n in named):
                continue  # "Islamic Resistance in Iraq"
            if _SOURCE_PLACE_BEFORE[self.language].search(self._folded(max(sentence.start, place.span.start - 50), place.span.start)):
                continue  # "لم يصدر أي تعليق رسمي من طهران أو دمشق", "no comment from Damascus": a government by its capital
            if kept and kept[-1].span.overlaps(place.span):
                if place.span.end - place.span.start > kept[-1].span.end - kept[-1].span.start:
                    kept[-1] = place
                continue
            kept.append(place)
        kept = [p for p in kept if not self._locator(p, kept)]
        # "أطلقت الصواريخ من منطقة الزعفرانية جنوب شرقي بغداد", "fired from Zafaraniya": where they came from, not where they hit
        kept = [p for p in kept if not _LAUNCH_POINT_BEFORE[self.language].search(self._folded(max(sentence.start, p.span.start - 60), p.span.start))]
        # "ولم تتطرق إلى هجوم "كونيكو"", "made no mention of the Conoco attack": a place the speaker said nothing of
        kept = [p for p in kept if not _NOT_MENTIONED[self.language].search(self._folded(max(sentence.start, p.span.start - 50), p.span.start))]
        # "تركزت الهجمات السابقة على قاعدتي عين الأسد وحرير", "previous attacks on X and Y": places of a past series in passing
        kept = [p for p in kept if not _EARLIER_SERIES_BEFORE[self.language].search(self._folded(max(sentence.start, p.span.start - 80), p.span.start))]
        # "…، حيث تتمركز في محيط مدينة الميادين", "where they are based in X": where the attackers stay
        kept = [p for p in kept if not _BASED_WHERE.search(self._folded(max(sentence.start, p.span.start - 60), p.span.start))]
        unique = []
        for place in kept:  # "خراب الجير (رميلان)": one place named twice
            if unique and unique[-1].entry.key == place.entry.key and len(self.text[unique[-1].span.end : place.span.start].split()) <= 3:
                continue
            unique.append(place)
        return unique

    def _locator(self, place, places):
        """Return True if `place` only says where another place of the sentence is ("in Anbar province")."""
        entry = place.entry
        if place.count > 1:
            return False  # "three bases in Syria" is where the events were
        for other in places:
            if other is place:
                continue
            o = other.entry
            if entry.kind == "governorate" and o.admin1 == entry.name_en and o.kind not in ("governorate", "country"):
                return True  # "Harir air base ..., in Erbil province"
            if other.span.end <= place.span.start and o.kind != "country":
                gap = self._folded(other.span.end, place.span.start)
                words = set(re.sub(r"[^\w\s]", " ", gap).split())
                joined = not re.search(r"[,،;؛]", gap)
                if joined and len(words) <= 3 and words <= _LOCATOR_WORDS and o.key != entry.key:
                    if entry.kind != o.kind or place.qualifier:
                        return True
                if re.match(r"^\s*[,،]\s*(?:about\s+|some\s+|نحو\s+)?$", gap) and place.qualifier:
                    return True
        return False

    def _assign(self, heads, places, sentence):
        """Give each place to the nearest head before it (skipping "after the attack"), else the first head."""
        for place in places:
            before = [h for h in heads if h.start <= place.span.start]
            if len(before) > 1 and before[-1].referential:
                before = before[:-1]
            head = before[-1] if before else heads[0]
            head.places.append(place)
        for head in heads:
            if any(p.entry.kind != "country" for p in head.places):
                head.places = [p for p in head.places if p.entry.kind != "country"]
            sites = [p.entry for p in head.places if p.entry.kind in SITE_KINDS]
            head.places = [
                p for p in head.places
                if not (p.entry.kind in _AREA_KINDS and any(site.admin1 == p.entry.admin1 and site.country_code == p.entry.country_code for site in sites))
            ]  # "شهدت بغداد هجوما على السفارة في بغداد": the embassy, not the city around it

    def _head_mentions(self, head, scope, sentence):
        """Return the mentions of one head: one per place it names, each read within `scope`."""
        if self._tally(head, sentence):
            return []
        kinds = head.kinds
        scope_folded = self._folded(scope.start, scope.end)
        actors = self._scope_actors(scope)
        speakers = self._speakers(sentence)
        weapon = self._weapon(head, scope)
        agent = self._agent(head, scope, actors, speakers)
        kind = self._kind(head, weapon, actors, speakers)
        if agent is not None and kind == ATTACK and (_is_state_force(agent.entry) or _is_unknown_military(agent.entry)) and "launcher" not in kinds:
            kind = STRIKE  # "نفذت القوات الأميركية قصفا", "struck by US warplanes": the state's strike
        if "clash" in kinds and not (kinds & {"strike", "intercept"}) and weapon in ("", "small arms"):
            kind, weapon = CLASH, "small arms"
        if "launcher" in kinds:
            if not re.search(r"(?:عثر|ضبط|فكك|تفكيك|found|seized|dismantled|discovered)", scope_folded):
                if not (kinds & {"attack", "strike", "intercept"}):
                    return []
            else:
                kind, weapon = DISRUPTED, "rocket"
        bare = kind == ATTACK and not weapon and all(t.kind == "strike" and not t.weapon for t in head.triggers)
        if bare and head.places:
            if not self._air_strike_story(sentence):
                return []  # "floods hit Baghdad", "struck a deal in Erbil": a bare verb with no weapon and no striker
            kind = STRIKE  # "a depot ... was also hit", told after "B-1 bombers hit 85 targets": one more target of those strikes
            weapon = "unknown"  # the weapon of the strikes told before (see _draft)
        if kind == STRIKE and weapon == "":
            weapon = "artillery" if re.search(r"مدفعي|artillery|shell", scope_folded) else "airstrike"
        outcome = self._outcome(head, scope, kind, weapon)
        others = [c for c in self._earlier_clauses(sentence) if not c.start <= head.start < c.end]
        actors = [a for a in actors if not any(c.start <= a.span.start < c.end for c in others)]
        governor = self._main_clause_end(scope, head)
        if governor is not None:
            actors = [a for a in actors if a.span.start >= governor]  # "أعلنت X تعليق عملياتها بعد هجوم": X is no party
        killed, injured = find_casualties(_blank(self.text, scope, others), self.language)
        claim = self._is_claim(sentence, head)
        claimant = self._claimant(sentence, head) if claim else None
        denial = self._denies_event(sentence, head)
        roles = self._roles(kind, head, scope, actors, speakers, claimant, agent)
        if kind == ATTACK and agent is None and claimant is None and not any(r == PERPETRATOR for _, r in roles):
            group = self._group_subject(sentence, head)
            if group is not None:
                roles.append((group, PERPETRATOR))  # "after the group had launched a missile at X": the group named before
        if kind == STRIKE:
            losses = self._speakers_losses(scope, sentence, roles)
            lost = {entry for entry, _ in losses}
            roles = [(e, r) for e, r in roles if not (e in lost and r == CLAIMANT)] + losses  # "أعلنت X مقتل خمسة من عناصرها": no claim
        place_roles = self._roles_by_place(kind, head, scope, actors, speakers, claimant, agent)
        strike_roles = None
        if kind == ATTACK and not claim and weapon in ("", "unknown", "drone") and (agent is None or not _is_armed_group(agent.entry)):
            strike_roles = self._roles(STRIKE, head, scope, actors, speakers, None, agent)  # if it tells of a strike reported before
        sentence_victims = self._victims(sentence)
        victims = frozenset(a.entry.key for a in actors if any(a.span.overlaps(v) for v in sentence_victims))
        anaphoric = self._anaphoric(head)
        date = event_date(sentence.start, sentence.end, self.dates, self.published, text=self.text, event_span=Span(head.start, head.end))
        if date is None:
            date = self._since_when_date(sentence, head)
        if date is None:
            date = self._interval_before_date(sentence, head)
        if date is None and kind == STRIKE and not self._earlier_clauses(sentence):
            date = self._strike_story_date(sentence)
        same_time = date is None and bool(_SAME_TIME.search(self._folded(sentence.start, sentence.end)))
        before = self._later_event_date(sentence, head) if date is None else None
        day_offset = None if date is not None or same_time else _day_offset(self._folded(sentence.start, head.start))
        night = date is not None and bool(_NIGHT.search(self._folded(date.span.start, date.span.end)))
        dual = self._dual(head)
        count = 2 if dual and len(head.places) <= 1 and not claim else 1
        places = head.places or [None]
        sibling_id = -1
        if len(places) > 1:
            self.sibling_ids += 1
            sibling_id = self.sibling_ids
        mentions = []
        for place in places:
            mentions.append(
                _Mention(
                    sentence=sentence, scope=scope, head=Span(head.start, head.end), place=place, date=date,
                    kind=kind, weapon=weapon or "unknown", outcome=outcome,
                    count=place.count if place is not None and place.count > 1 else count,
                    killed=killed, injured=injured, actors=list(place_roles.get(id(place), roles)), strike_actors=strike_roles,
                    claim=claim, denial=denial,
                    anaphoric=anaphoric, same_time=same_time or day_offset is not None, night=night, siblings=sibling_id,
                    bare=bare and kind == STRIKE, day_offset=day_offset or 0,
                    dual=dual and claim, victims=victims, before=before,
                )
            )
        countries = {m.place.entry.key for m in mentions if m.place is not None and m.place.entry.kind == "country"}
        several_countries = len(countries) > 1 and len(countries) == len(mentions)
        if several_countries:  # "targeted at two bases in Iraq and Syria": a summary of events told one by one
            mentions = mentions[:1]
            mentions[0].place, mentions[0].siblings, mentions[0].count = None, -1, 1
        if several_countries or _is_plural(head, self.language) and all(m.place is None or m.place.entry.kind == "country" and m.count == 1 for m in mentions):
            for mention in mentions:
                mention.anaphoric = True  # "attacks on US forces in Iraq and Syria": no single event
        return mentions

    def _attribution_mentions(self, sentence):
        """Return a placeless mention for "X was behind it": X is the perpetrator of the last attack."""
        folded = self._folded(sentence.start, sentence.end)
        if not _ATTRIBUTION[self.language].search(folded):
            return []
        actors = [(a.entry, PERPETRATOR) for a in self._scope_actors(sentence) if _is_armed_group(a.entry) and not self._appositive(a, ())]
        if not actors:
            return []
        return [_Mention(sentence, sentence, sentence, None, None, ATTACK, "unknown", "unknown", 1, Casualties(), Casualties(), actors, anaphoric=True)]

    def _figures_after(self, sentence, previous):
        """Return a placeless mention for casualty figures in the sentence right after an event's."""
        if not previous:
            return []
        killed, injured = self.article.figures(sentence)
        if killed == Casualties() and injured == Casualties():
            return []
        last = previous[-1]
        victims = self._victims(sentence)
        hit = [
            (a.entry, TARGET) for a in self._scope_actors(sentence)
            if any(a.span.overlaps(v) for v in victims) and a.entry.kind not in ("state", "media outlet", "international organization")
        ]  # "وقتل مشتاق طالب السعيدي، القيادي في حركة النجباء": whom the event killed
        return [
            _Mention(sentence, sentence, sentence, None, None, last.kind, "unknown", "unknown", 1, killed, injured, _unique(hit),
                     anaphoric=True, follows=last, victims=frozenset(e.key for e, _ in hit))
        ]

    def _owners_after(self, sentence, previous):
        """Return a placeless mention for the owners of the struck sites, told in the sentence right after a strike.

        "The two facilities were used by the IRGC and Iran-backed groups", "وتعود المنشأتان إلى ...",
        "the dead belonged to X", "القتلى ينتمون إلى X": the groups whose sites or men were struck are its targets.
        """
        strikes = [m for m in previous if m.kind == STRIKE]
        if not strikes:
            return []
        folded = self._folded(sentence.start, sentence.end)
        phrase = _SITE_OWNERS[self.language].search(folded) or _DEAD_BELONG[self.language].search(folded)
        if phrase is None:
            return []
        _, after = self._span(self._folded_index(sentence.start) + phrase.start(), self._folded_index(sentence.start) + phrase.end())
        owners = [
            (a.entry, TARGET) for a in self._scope_actors(sentence)
            if a.span.start >= after  # "Iraqi security sources told Reuters the dead belonged to X": the owners follow the phrase
            and (_is_armed_group(a.entry) or a.entry.kind == "state force" and a.entry.country_code not in ("US", "") and not _is_target_side(a.entry))
        ]
        if not owners:
            return []
        last = strikes[-1]
        killed, injured = self.article.figures(sentence)
        return [
            _Mention(sentence, sentence, sentence, None, None, last.kind, "unknown", "unknown", 1, killed, injured, _unique(owners),
                     anaphoric=True, follows=last)
        ]

    def _share_sentence_zeroes(self, mentions, sentence):
        """Give "no casualties" said once in a sentence to each of its mentions that states no figure."""
        killed, injured = self.article.figures(sentence)
        for mention in mentions:
            if killed.best == 0 and mention.killed == Casualties():
                mention.killed = killed
            if injured.best == 0 and mention.injured == Casualties():
                mention.injured = injured

    # --- Reading one mention -------------------------------------------------------------------

    def _weapon(self, head, scope):
        """Return the weapon of a mention: the head's own weapon words first, then its scope's."""
        for trigger in head.triggers:
            if trigger.weapon == "rocket" and re.search(r"باليستي|بالستي|ballistic", self._folded(trigger.start, scope.end)[:40]):
                return "missile"
        head_weapons = {t.weapon for t in head.triggers if t.weapon}
        for weapon, _ in _WEAPON_PATTERNS[self.language]:
            if weapon in head_weapons:
                return weapon
        folded = self._folded(scope.start, scope.end)
        for weapon, pattern in _WEAPON_PATTERNS[self.language]:
            for match in pattern.finditer(folded):
                if _NEGATION_BEFORE.search(folded[: match.start()][-25:]):
                    continue
                if _ARSENAL_AFTER.match(folded, match.end()):
                    continue
                return weapon
        return ""

    def _kind(self, head, weapon, actors, speakers):
        """Return STRIKE for a state's air or artillery strike, ATTACK for the others' attacks."""
        if weapon == "airstrike":
            return STRIKE
        if weapon == "drone" and any(t.kind == "strike" and t.weapon == "airstrike" for t in head.triggers):
            if not (self.language == "en" and re.search(r"(?<!\w)(?:attack|attacks|assault)(?!\w)", self._folded(head.start, head.end))):
                return STRIKE  # "a drone strike", "غارة بطائرة مسيرة": a state's strike; armed groups' are "drone attacks"
        for actor in actors:
            if actor.entry.kind not in ("state force", "state") or actor.entry.key in speakers or getattr(actor, "site", False):
                continue
            overlapping = any(actor.span.overlaps(Span(t.start, t.end)) for t in head.triggers)
            between = self.text[actor.span.end : head.start] if actor.span.end <= head.start else ""
            near = actor.span.end <= head.start and len(between.split()) <= 6 and not _CLAUSE_CHANGE.search(between)
            if (overlapping or near) and not self._passive_target(actor, head):
                if "strike" in head.kinds or (weapon in ("artillery", "drone") and overlapping):
                    return STRIKE
        return ATTACK

    def _agent(self, head, scope, actors, speakers):
        """Return the actor that carried out the event the head names, when the syntax says so.

        Active voice: the subject of an action verb that governs the head ("US forces carried out a
        strike", "نفذت القوات الأميركية قصفا", "وكانت الطائرات الأميركية قد شنت غارات"); passive voice:
        the agent after "by" / "من قبل" / "بواسطة" ("was struck by US warplanes"). Date words between
        them do not count. A speaker or a victim is never the agent.
        """
        language = self.language
        for actor in actors:
            entry = actor.entry
            if entry is None or entry.key in speakers or getattr(actor, "site", False):
                continue
            if _is_unknown_military(entry) and any(actor.span.overlaps(Span(t.start, t.end)) for t in head.triggers):
                return actor  # "طائرة مسيرة مجهولة", "an unidentified drone": the weapon names its unknown owner
            if not (_is_state_force(entry) or _is_armed_group(entry) or _is_unknown_military(entry)):
                continue
            if actor.span.start >= head.end:
                if "intercept" in head.kinds:
                    continue  # "shot down by coalition forces": the interceptor, see _interceptor
                between = self._folded_without_dates(head.end, actor.span.start)
                if language == "ar" and _VERB_BEFORE_SUBJECT.search(self._folded(head.start, head.end) + " ") and not between.split():
                    return actor  # VSO with the event verb itself: "قصفت المدفعية الأميركية [أمس] مواقع"
                if _AGENT_BY[language].match(between) or self._passive_agent(head, between):
                    return actor
                continue
            if actor.span.overlaps(Span(head.start, head.end)):
                continue
            before = self._folded_without_dates(scope.start, actor.span.start)
            between = self._folded_without_dates(actor.span.end, head.start)
            if re.search(r"[.;؛:]", between) or len(between.split()) > 8:
                continue
            if _SUBJECT_VERB_AFTER[language].match(between):
                return actor  # SVO: "US forces carried out", "الطائرات الأميركية قد شنت"
            if not between.strip() and _SUBJECT_VERB_AFTER[language].match(" " + self._folded(head.start, head.end)):
                return actor  # the head is the verb: "Unidentified aircraft struck", "الطائرات الأميركية قصفت"
            if language == "ar" and _VERB_BEFORE_SUBJECT.search(before) and len(between.split()) <= 3:
                return actor  # VSO: "نفذت القوات الأميركية [أمس] قصفا"
        return None

    def _passive_agent(self, head, between):
        """Return True for the agent of a passive event verb after its object or place ("قصفت مواقع … من قبل X", "were struck near Y by X")."""
        if len(between.split()) > 9 or re.search(r"[.;:،,؛]", between):
            return False
        if self.language == "ar":
            return bool(re.search(r"(?<!\w)(?:من\s+قبل|بواسطه|نفذ(?:ها|ه|تها|ته)|شن(?:ها|ه|تها|ته))\s+$", between))
        before = self._folded(max(0, head.start - 20), head.start)
        return bool(re.search(r"(?<!\w)(?:was|were|been|being)\s+(?:\w+ly\s+)?$", before)) and bool(
            re.search(r"(?<!\w)by\s+(?:the\s+)?$", between)
        )

    def _folded_without_dates(self, start, end):
        """Return the folded text from `start` to `end` with the date expressions in it removed."""
        pieces, position = [], start
        for mention in self.dates:
            if mention.span.start >= position and mention.span.end <= end:
                pieces.append(self._folded(position, mention.span.start))
                position = mention.span.end
        pieces.append(self._folded(position, end))
        return " ".join(pieces)

    def _strike_heads_before(self, sentence):
        """Return the strike words ("strikes", "struck", "bombers hit") of the sentences before `sentence`, in order."""
        return [t for t in self.triggers if t.kind == "strike" and t.end <= sentence.start]

    def _air_strike_story(self, sentence):
        """Return True if an earlier sentence, or this one, tells of air strikes (a strike word with aircraft or "air strike")."""
        if any(t.kind == "strike" and t.weapon == "airstrike" for t in self.triggers if sentence.start <= t.start < sentence.end):
            return True  # "was struck on Friday, in a strike carried out by US forces"
        for trigger in self._strike_heads_before(sentence):
            around = self._sentence_of(Span(trigger.start, trigger.end))
            folded = self._folded(around.start, around.end)
            airstrike = dict(_WEAPON_PATTERNS[self.language])["airstrike"]
            if trigger.weapon == "airstrike" or airstrike.search(folded):
                return True
        return False

    def _strike_story_date(self, sentence):
        """Return the date of the last earlier sentence that tells of strikes on a given day ("were struck ... on Friday").

        A strike the text goes on to describe without a day of its own ("In Syria, warplanes pounded
        positions around X") is one of those strikes: the lead gives its day. Not across a sentence
        that dates another event.
        """
        for trigger in reversed(self._strike_heads_before(sentence)):
            around = self._sentence_of(Span(trigger.start, trigger.end))
            if self._earlier_clauses(around) and any(c.start <= trigger.start < c.end for c in self._earlier_clauses(around)):
                continue
            date = event_date(around.start, around.end, self.dates, self.published, text=self.text, event_span=Span(trigger.start, trigger.end))
            if date is not None and not date.since:
                return date
        return None

    def _main_clause_end(self, scope, head):
        """Return where a time clause holding the head begins ("... بعد يومين من هجوم", "... after an attack on"), or None.

        The actors of the main clause before it did something else at that time; they are no party to the event.
        """
        before = self._folded(scope.start, head.start)
        markers = list(_MARKER.finditer(before))
        if not markers or re.search(r"[.;:،,؛]", before[markers[-1].end() :]):
            return None
        return self._span(self._folded_index(scope.start) + markers[-1].start(), self._folded_index(scope.start) + markers[-1].end())[0]

    def _announces_interception(self, actor, head):
        """Return True if the speaker says it shot the drone down ("أعلنت القوات الأميركية إسقاط", "said they intercepted")."""
        if "intercept" not in head.kinds or actor.span.end > head.start:
            return False
        between = self._folded_without_dates(actor.span.end, head.start)
        if _OWN_DEFENCES[self.language].fullmatch(between):
            return True  # "أعلن التحالف أن دفاعاته الجوية أسقطت", "the coalition said its air defences shot down"
        if self.language == "ar":
            return bool(re.fullmatch(r"\s*", between)) and bool(
                re.search(r"(?:اعلنت|اعلن|اكدت|اكد)\s*$", self._folded(max(0, actor.span.start - 12), actor.span.start))
            )
        return bool(re.fullmatch(r"\s*(?:said|say|says|announced)\s+(?:that\s+)?(?:it|they|its\s+\w+)\s+(?:had\s+|have\s+)?\s*", between))

    def _unharmed(self, actor):
        """Return True if the text says the actor (a building, a mission) was not damaged or hit."""
        before = self._folded(max(0, actor.span.start - 25), actor.span.start)
        after = self._folded(actor.span.end, min(len(self.text), actor.span.end + 90))
        return bool(_UNHARMED_BEFORE.search(before) or _UNHARMED_AFTER.match(after))

    def _denies_event(self, sentence, head):
        """Return True if the sentence denies the event before naming it; not "denied any role in it"."""
        before = self._folded(sentence.start, head.start)
        for match in _DENIAL[self.language].finditer(before):
            if not _DENIED_ROLE[self.language].match(before, match.end()):
                return True
        return False

    def _passive_target(self, actor, head):
        between = self._folded(actor.span.end, head.start)
        return bool(re.search(r"(?:تعرض|were|was|been|came\s+under|under)", between))

    def _outcome(self, head, scope, kind, weapon):
        if kind == STRIKE and weapon == "airstrike":
            return "hit"
        folded = self._folded(scope.start, scope.end)
        hit = any(
            not _NEGATION_BEFORE.search(folded[: match.start()][-25:]) for match in _HIT[self.language].finditer(folded)
        )
        if hit:
            return "hit"  # also when another of its rockets fell in an empty area: some hit
        if kind == ATTACK and _FAILED[self.language].search(folded):
            return "failed"
        intercepted = "intercept" in head.kinds or any(
            p.search(folded) for p, k, _ in _TRIGGER_PATTERNS[self.language] if k == "intercept"
        )
        if kind == ATTACK and not intercepted and _FELL_SHORT[self.language].search(folded):
            return "failed"  # "exploded before reaching the base", with no one shooting it down
        return "intercepted" if intercepted else "unknown"

    def _scope_actors(self, scope):
        named = [a for a in self.actor_mentions if a.entry is not None and scope.start <= a.span.start and a.span.end <= scope.end]
        forces = [
            f for f in self.forces
            if scope.start <= f.span.start and f.span.end <= scope.end
            and not any(a.span.overlaps(f.span) and a.entry == f.entry for a in named)
        ]
        return sorted(named + forces, key=lambda a: a.span.start)

    def _speakers(self, sentence):
        """Return the keys of actors who report in this sentence (said, according to, بحسب, أعلن)."""
        keys = set()
        for actor in self.actor_mentions:
            if actor.entry is None or not (sentence.start <= actor.span.start < sentence.end):
                continue
            if actor.description or self._reports(actor, sentence):
                keys.add(actor.entry.key)
        return keys

    def _reports(self, actor, sentence):
        before = self._folded(max(sentence.start, actor.span.start - 40), actor.span.start)
        after = self._folded(actor.span.end, min(sentence.end, actor.span.end + 40))
        if re.search(r"(?:according\s+to|بحسب|حسب|وفق|وفقا\s+ل|told|نقلت\s+عن|reported\s+by|said\s+by)\s*(?:the\s+)?$", before):
            return True
        if re.search(r"(?:بحسب|حسب|وفق|وفقا\s+ل|على\s+حد)\s+ما\s+(?:\S+\s+)?(?:اعلن|افاد|ذكر|قال|اورد|اكد|نقل)\w*(?:\s+به)?\s*$", before):
            return True  # "بحسب ما أعلنته القيادة المركزية", "بحسب ما أفاد به المجلس"
        if re.match(r"^[\s,،]*(?:\w+\s+){0,1}(?:said|says|told|reported|announced|stated|denied|denies|قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|نفي|نفت)(?!\w)", after):
            return True
        if re.search(r"(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اوضح|اوضحت|نقلت|نفي|نفت)\s*$", before):
            return True
        return False

    def _roles(self, kind, head, scope, actors, speakers, claimant, agent=None):
        """Return (entry, role) pairs for the actors of a mention's part of the sentence.

        The agent of the event word (its subject, or the "by" phrase of a passive) is the perpetrator,
        whichever side it is on; the others take their roles from their kind and place in the sentence.
        """
        roles = [(claimant, CLAIMANT)] if claimant is not None else []
        if agent is not None and agent.entry != claimant:
            roles.append((agent.entry, PERPETRATOR))
            actors = [a for a in actors if a.entry != agent.entry]
            if kind == ATTACK and not _is_armed_group(agent.entry):
                kind = STRIKE  # a state's or an unknown military's attack: the armed groups in it are its targets
        victims = self._victims(Span(self._sentence_of(scope).start, self._sentence_of(scope).end))
        for actor in actors:
            entry = actor.entry
            if claimant is not None and entry == claimant:
                continue
            victim = any(actor.span.overlaps(v) for v in victims)
            if entry.kind in ("media outlet", "international organization", "state"):
                if kind == STRIKE and entry.kind == "state" and self._strike_subject(actor, head) and entry.key not in speakers:
                    force = self.actor_matcher.nation_force(actor.span.text(self.text))
                    if force is not None:
                        roles.append((force, PERPETRATOR))
                continue
            if entry.kind == "government body" and not _is_target_body(entry):
                continue
            if _is_target_body(entry) and self._unharmed(actor):
                continue  # "ولم تتضرر القنصلية الأميركية", "the consulate was not damaged": a landmark, not a target
            if entry.kind == "official person" and not victim:
                continue
            if entry.key in speakers and not victim and not self._announces_interception(actor, head):
                continue
            if self._appositive(actor, actors):
                continue
            if _WAR_PARTY_BEFORE.search(self._folded(max(scope.start, actor.span.start - 60), actor.span.start)):
                continue  # "separate from the war between Israel and Hamas": a party to another war
            if _CALL_BEFORE.search(self._folded(max(scope.start, actor.span.start - 120), actor.span.start)):
                continue  # "ودعت الحكومة إلى حماية المنشآت التي تستضيف قوات التحالف": named in a demand, not in the event
            hosted = bool(_HOSTED_BEFORE.search(self._folded(max(scope.start, actor.span.start - 30), actor.span.start)))
            if hosted and kind == ATTACK and _is_target_side(entry):
                roles.append((entry, TARGET))  # "القاعدة التي تضم قوات أميركية", "a base hosting US troops": whose base it is
                continue
            if self._interceptor(actor, head, scope):
                roles.append((entry, INTERCEPTOR))
                at_other_site = head.places and all(p.entry.kind in ("airport",) + _AREA_KINDS for p in head.places)
                if entry.kind in ("state force", "coalition") and kind != STRIKE and not at_other_site:
                    roles.append((entry, TARGET))  # defending its base; over an airport or a town it only intercepts
                continue
            if kind == STRIKE:
                if entry.kind == "state force" and not victim and not getattr(actor, "site", False) and self._strike_subject(actor, head):
                    roles.append((entry, PERPETRATOR))
                elif _is_armed_group(entry) or entry.kind == "official person":
                    roles.append((entry, TARGET))
                elif entry.kind == "state force" and not _is_target_side(entry) and (self._owner(actor) or victim and not self._anaphoric(head)):
                    # "a headquarters of the PMF was destroyed", "a strike killing five PMF members": whom it struck;
                    # not "one member of the Iraqi security forces was killed in the strikes", a toll told after
                    roles.append((entry, TARGET))
            elif kind == DISRUPTED:
                if entry.kind == "state force":
                    roles.append((entry, PERPETRATOR))
            elif kind == CLASH:
                if entry.kind in ("state force", "militia or armed group", "unidentified", "coalition"):
                    roles.append((entry, ASSOCIATED))  # the sides of a clash: neither attacked the other alone
            else:
                if victim and entry.kind != "state" or _is_target_side(entry):
                    roles.append((entry, TARGET))
                elif _is_armed_group(entry) and claimant is None:
                    roles.append((entry, PERPETRATOR))
        named = {role for entry, role in roles if entry.kind == "militia or armed group"}
        roles = [(e, r) for e, r in roles if not (e.kind == "unidentified" and r in named)]  # "KH and other Iran-backed militias"
        interceptors = {e for e, r in roles if r == INTERCEPTOR}
        if any(r == TARGET and e not in interceptors and _is_target_side(e) for e, r in roles):
            # "coalition air defences shot down drones aimed at a base …, no US casualties": the US forces are the target
            roles = [(e, r) for e, r in roles if not (r == TARGET and e in interceptors)]
        return _unique(roles)

    def _speakers_losses(self, scope, sentence, roles):
        """Return the group that tells of its own dead in the strike as its target ("the PMF said five of its members had been killed").

        "its" / the Arabic suffix refers to the last group named before the victims.
        """
        victims = [v for v in self._victims(sentence) if _OWN_MEN.search(self._folded(v.start, v.end))]
        taken = {entry for entry, role in roles if role != CLAIMANT}
        found = []
        for victim in victims:
            before = [a for a in self._scope_actors(scope) if a.span.end <= victim.end and not _OWN_MEN.search(self._folded(a.span.start, a.span.end))]
            before = [a for a in before if a.span.start < victim.start or not self._folded(victim.start, a.span.start).strip()]
            if not before:
                continue
            entry = before[-1].entry
            if entry in taken or _is_target_side(entry) or not (_is_armed_group(entry) or entry.kind == "state force"):
                continue
            found.append((entry, TARGET))
            taken.add(entry)
        return found

    def _later_event_date(self, sentence, head):
        """Return the date of the sentence's main event when `head` sits in a clause told as earlier than it.

        "جرت الهجمات أمس، في أعقاب مقتل خمسة … في غارة": the strike has no date of its own, but it came
        before yesterday's attacks, which bounds it.
        """
        clauses = earlier_event_clauses(self.text, sentence)
        if not any(clause.start <= head.start < clause.end for clause in clauses):
            return None
        outside = sentence.start
        for clause in sorted(clauses, key=lambda clause: clause.start):
            if clause.start <= outside < clause.end:
                outside = clause.end
        if outside >= sentence.end:
            return None
        return event_date(
            sentence.start, sentence.end, self.dates, self.published, text=self.text, event_span=Span(outside, outside + 1)
        )

    def _earlier_clauses(self, sentence):
        """Return the clauses about an earlier event; one set off by commas ("، عقب الهجوم مباشرة،") ends at its comma."""
        clauses = []
        for clause in earlier_event_clauses(self.text, sentence):
            if re.search(r"[,،]\s*$", self.text[max(sentence.start, clause.start - 3) : clause.start]):
                comma = re.search(r"[,،]", self.text[clause.start : clause.end])
                if comma:
                    clause = Span(clause.start, clause.start + comma.start())
            clauses.append(clause)
        return clauses

    def _sentence_of(self, span):
        """Return the sentence holding the start of `span`."""
        sentences = self._all_sentences()
        index = bisect.bisect_right([sentence.start for sentence in sentences], span.start) - 1
        return sentences[max(index, 0)] if sentences else Span(0, len(self.text))

    def _appositive(self, actor, actors):
        """Return True for "X, a coalition of Iran-backed groups": a description of X, not another party."""
        before = self.text[max(0, actor.span.start - 40) : actor.span.start]
        if _APPOSITIVE_AR.search(self._folded(max(0, actor.span.start - 40), actor.span.start)):
            return True  # "المقاومة الإسلامية في العراق، وهي تحالف من فصائل موالية لإيران"
        return bool(re.search(r"[,،]\s*(?:an?|the|one\s+of)\s+(?:[\w-]+\s+){0,3}(?:coalition|alliance|umbrella(?:\s+group)?|network|grouping)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", before))

    def _strike_subject(self, actor, head):
        """Return True if the actor carried out the strike: its nation's strike or its subject just before it."""
        if any(actor.span.overlaps(Span(t.start, t.end)) for t in head.triggers):
            return True
        if actor.span.end <= head.start:
            between = self.text[actor.span.end : head.start]
            return len(between.split()) <= 8 and not re.search(r"(?:against|\bon\b|ضد|على|[.;؛])", between)
        return False

    def _victims(self, scope):
        """Return spans of who was killed or wounded in the scope ("killed five fighters of X", "X were killed")."""
        folded = self._folded(scope.start, scope.end)
        base = self._folded_index(scope.start)
        spans = []
        if self.language == "ar":
            patterns = [
                # subject before its verb: "ثلاثة عناصر من الحشد الشعبي قتلوا"
                r"(?:[^\s،.]+\s+){1,6}(?=(?:قتلوا|قتلا|اصيبوا|اصيبا|جرحوا|لقوا\s+حتفهم)(?!\w))",
                # the victim's apposition: "قتل مشتاق طالب السعيدي، القيادي في حركة النجباء،"
                r"(?:مقتل|مصرع|استشهاد|قتل|اصيب|اصابه)\s+[^،.]{1,60}،\s*(?:وهو\s+)?(?:ال)?(?:قيادي|قائد|مسوول|امين|عضو|احد|امر|معاون|مساعد|نائب)[^،.]{0,60}",
                r"(?:مقتل|مصرع|اصابه|استشهاد|اصيب|اصيبت|قتل|جرح)\s+(?:[^\s،.]+\s+){0,10}?[^\s،.]+(?=[،.]|\s+(?:[فب]ي?\s*(?:غاره|هجوم|ضربه|قصف|استهداف)|جراء|اثر|بعد|عقب|بجروح)(?!\w)|$)"]
        else:
            patterns = [
                r"(?:killed|killing|wounded|wounding|injured|injuring|kills|wounds)\s+(?:[^\s,.]+\s+){0,9}?[^\s,.]+(?=[,.]|\s+(?:in|on|at|during|after|and|late|early|last|overnight)(?!\w)|$)",
                r"(?:[^\s,.]+\s+){1,6}(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt)",
                # the subject of the sentence, with its appositions: "X, known as Y, a commander of Z, died"
                r"^(?:(?!\b(?:said|says|told|claimed|announced|when|after|while)\b)[^.;])+?,\s*(?:died|was\s+killed|were\s+killed)\b",
            ]
        for pattern in patterns:
            for match in re.finditer(pattern, folded):
                if re.match(r"(?:no|none|not|nobody)\s", match.group()):
                    continue  # "no US personnel were hurt"
                start, end = self._span(base + match.start(), base + match.end())
                spans.append(Span(start, end))
        return spans

    def _interceptor(self, actor, head, scope):
        """Return True if the actor shot the drone or missile down."""
        if "intercept" in head.kinds and _AIR_DEFENCE.search(self._folded(actor.span.start, actor.span.end)):
            return True  # "الدفاعات الجوية الأميركية", "US air defenses"
        if self._announces_interception(actor, head):
            return True  # "the coalition said its air defences had shot down"
        if "intercept" in head.kinds:
            between = self._folded(head.end, actor.span.start)
            if actor.span.start >= head.end and _BY[self.language].search(between[-20:]) and len(between.split()) <= 4:
                return True
            if actor.span.end <= head.start and len(self.text[actor.span.end : head.start].split()) <= 3:
                return not self._passive_target(actor, head)
        if re.match(r"^\S+(?:\s+\S+){0,3}\s+(?:اسقطت|اعترضت|اسقط|shot\s+down|intercepted)", self._folded(actor.span.start, scope.end)):
            return True
        before = self._folded(scope.start, actor.span.start)
        return bool(re.search(r"(?:الدفاع\s+الجوي|الدفاعات\s+الجويه|air\s+defen[cs]es?)\s+(?:\S+\s+){0,2}\S{0,3}$", before))

    def _is_claim(self, sentence, head):
        """Return True if the sentence reports a group's claim of the event."""
        whole = self._folded(sentence.start, sentence.end)
        if re.search(r"claimed\s+by", whole) or _CLAIM[self.language].search(self._folded(sentence.start, head.start)):
            return True
        return self._speaking_group(sentence, head) is not None

    def _speaking_group(self, sentence, head):
        """Return the armed group that says it carried out the event ("X said it had attacked", "أعلنت X استهداف")."""
        for verb in _CLAIM_SPEECH[self.language].finditer(self.folded, self._folded_index(sentence.start), self._folded_index(head.start)):
            verb_start, verb_end = self._span(verb.start(), verb.end())
            if _MARKER.search(self._folded(verb_end, head.start)):
                continue  # "أعلنت X تعليق عملياتها بعد يومين من هجوم": the event only dates what X announced
            for actor in self.actor_mentions:
                if actor.entry is None or not _is_armed_group(actor.entry) or not sentence.start <= actor.span.start < head.start:
                    continue
                if self._in_relative_clause(actor, sentence):
                    continue  # "X, which groups several Iran-backed factions, said": the factions describe X
                if actor.span.end <= verb_start:
                    between = self.text[actor.span.end : verb_start]
                    others = [
                        a for a in self.actor_mentions
                        if actor.span.end <= a.span.start < verb_start and not self._appositive(a, ()) and not self._in_relative_clause(a, sentence)
                    ]
                    if len(between.split()) <= 15 and not others:
                        return actor.entry
                elif verb_end <= actor.span.start and len(self.text[verb_end : actor.span.start].split()) <= 2:
                    if re.search(r"(?<!\w)(?:ان|انه|انها)(?!\w)", self._folded(verb_end, actor.span.start)):
                        continue  # "قال مسؤول إن X ...": X is what the speaker talks about, not the speaker
                    if self.language == "en" and not re.search(r"[,\"”']\s*$", self.text[sentence.start : verb_start]):
                        continue  # "Police said X fired": X is the subject of what was said; only "…, said X" inverts
                    return actor.entry
            short = self._group_before(sentence, head, named=False)
            if short is not None:
                return short
            same = self._same_group(sentence, verb_start, verb_end, head)
            if same is not None:
                return same
        return None

    def _group_subject(self, sentence, head):
        """Return the armed group "the group" stands for when it is the subject of the attack verb ("the group had launched a missile")."""
        verb_end = head.triggers[0].end
        if self.language == "ar" and _GROUP_AFTER_VERB.match(self._folded(verb_end, min(sentence.end, verb_end + 30))):
            earlier = [a for a in self.actor_mentions if a.entry is not None and _is_armed_group(a.entry) and a.span.end <= head.start]
            return earlier[-1].entry if earlier else None  # "واستهدفت الجماعة أمس قاعدة …": the verb, then "the group"
        before = self._folded(max(sentence.start, head.start - 80), head.start)
        match = _GROUP_SUBJECT[self.language].search(before)
        if match is None:
            return None
        at = self._span(self._folded_index(max(sentence.start, head.start - 80)) + match.start(), self._folded_index(max(sentence.start, head.start - 80)) + match.end())[0]
        earlier = [a for a in self.actor_mentions if a.entry is not None and _is_armed_group(a.entry) and a.span.end <= at]
        return earlier[-1].entry if earlier else None

    def _same_group(self, sentence, verb_start, verb_end, head):
        """Return the armed group last named before, for "أعلنت الجماعة ذاتها أنها قصفت", "the same group said it attacked"."""
        after = _SAME_GROUP[self.language].match(self._folded(verb_end, head.start))
        before = _SAME_GROUP_BEFORE[self.language].search(self._folded(sentence.start, verb_start))
        if not after and not before:
            return None
        earlier = [a for a in self.actor_mentions if a.entry is not None and a.entry.kind == "militia or armed group" and a.span.end <= verb_end]
        return earlier[-1].entry if earlier else None

    def _in_relative_clause(self, actor, sentence):
        """Return True for an actor inside a relative clause set off by commas ("X, which groups Y factions, said", "X، التي تضم فصائل Y، أعلنت")."""
        before = self._folded(sentence.start, actor.span.start)
        return bool(_RELATIVE_BEFORE.search(before))

    def _group_before(self, sentence, head, named=True):
        """Return the armed group named (or named short: "المقاومة" for an earlier "المقاومة الإسلامية") before the head."""
        for actor in self.actor_mentions:
            if named and actor.entry is not None and _is_armed_group(actor.entry) and sentence.start <= actor.span.start < head.start:
                return actor.entry
        earlier = [
            a for a in self.actor_mentions
            if a.entry is not None and a.entry.kind == "militia or armed group" and a.span.start < sentence.start
        ]  # a named group; "Iran-backed militias" has no short form
        before = self._folded(sentence.start, head.start)
        for actor in reversed(earlier):
            words = [w for w in self._folded(actor.span.start, actor.span.end).split() if len(w) >= 5]
            if words and re.search(rf"(?<!\w)[وف]?{re.escape(words[0])}(?!\w)", before):
                return actor.entry
        return None

    def _claimant(self, sentence, head):
        """Return the armed group that claims the event: subject of تبنت / claimed / said it attacked, or after "claimed by"."""
        for actor in self.actor_mentions:
            if actor.entry is None or not _is_armed_group(actor.entry) or not (sentence.start <= actor.span.start < sentence.end):
                continue
            if re.search(r"claimed\s+by\s+(?:the\s+)?$", self._folded(sentence.start, actor.span.start)):
                return actor.entry
        group = self._speaking_group(sentence, head) or self._group_before(sentence, head)
        if group is not None:
            return group
        after = [a for a in self.actor_mentions if a.entry is not None and _is_armed_group(a.entry) and head.end <= a.span.start < sentence.end]
        return after[0].entry if after else None

    def _anaphoric(self, head):
        """Return True for "the attack" / "الهجوم" / "Saturday's attack": an event reported before."""
        first = head.triggers[0]
        if first.weapon and first.kind == "attack":
            return False
        if self.language == "en":
            words = self.text[max(0, first.start - 24) : first.start].lower().split()
            return bool(words) and (words[-1] in _EN_DETERMINERS or words[-1].endswith(("'s", "’s")))
        key = self._folded(first.start, first.end)
        return bool(re.match(r"^[وف]?(?:[بلك]?ال|لل)", key))  # "هذا الهجوم" has the article too

    def _dual(self, head):
        key = self._folded(head.triggers[0].start, head.triggers[0].end)
        return bool(re.search(r"(?:هجومين|هجومان|هجومي|غارتين|ضربتين)$", key))

    def _since_when_date(self, sentence, head):
        """Return the date of "منذ 18 تشرين الأول، حين أسقطت ..." / "since Oct. 18, when ...": the event's own."""
        for mention in self.dates:
            if mention.since and mention.precision == "day" and sentence.start <= mention.span.start and mention.span.end <= head.start:
                if _SINCE_WHEN.match(self.text[mention.span.end : mention.span.end + 12]):
                    return mention
        return None

    # --- Article-level facts -------------------------------------------------------------------

    def _hosts(self):
        """Return place key → the forces the text places at that site ("تضم قوات أميركية", "hosts US troops")."""
        hosts = {}
        for sentence in self._all_sentences():
            places = [p for p in self.places if sentence.start <= p.span.start < sentence.end and p.entry.kind in SITE_KINDS]
            if not places or not re.search(r"(?:تضم|يضم|تستضيف|hosts?|hosting|housing|تتواجد|تواجد|مقرا|stationed|deployed)", self._folded(sentence.start, sentence.end)):
                continue
            places = [p for p in places if self._hosting_near(p, sentence)]  # not "the embassy ... called for protecting the facilities that host coalition forces"
            if not places:
                continue
            for actor in self._scope_actors(sentence):
                if actor.entry.kind in ("state force", "coalition") and _is_target_side(actor.entry):
                    hosts.setdefault(places[0].entry.key, [])
                    if actor.entry not in hosts[places[0].entry.key]:
                        hosts[places[0].entry.key].append(actor.entry)
        return hosts

    def _hosting_near(self, place, sentence):
        """Return True if a hosting word is within a few words of the site ("Ain al-Asad, which hosts", "troops stationed at X")."""
        after = self._folded(place.span.end, sentence.end)
        before = self._folded(sentence.start, place.span.start)
        return bool(_HOST_AFTER.match(after) or _HOST_BEFORE.search(before))

    def _mission(self, place):
        """Return the actor entry of the diplomatic mission at an embassy place (same name), if the actor list has it."""
        found = []
        for name, language in ((place.name_en, "en"), (getattr(place, "name_ar", ""), "ar")):
            if not name:
                continue
            for mention in self.actor_matcher.find(name, language):
                if mention.entry is not None and _is_target_body(mention.entry) and mention.entry not in found:
                    found.append(mention.entry)
            if found:
                break
        return found[:1]

    def _attributed_perpetrators(self):
        """Return the unnamed groups the text holds responsible for the attacks ("Iran-backed groups")."""
        for sentence in self._all_sentences():
            triggers = [t for t in self.triggers if sentence.start <= t.start < sentence.end and t.kind in ("attack", "intercept")]
            if not triggers or not self._about_the_campaign(sentence, triggers):
                continue
            victims = self._victims(sentence)
            for actor in self.actor_mentions:
                if actor.entry is None or actor.entry.kind != "unidentified" or not _is_armed_group(actor.entry):
                    continue
                if not (sentence.start <= actor.span.start < sentence.end) or self._appositive(actor, ()):
                    continue
                if any(t.kind == "strike" and sentence.start <= t.start < actor.span.start for t in self.triggers):
                    continue  # "struck sites used by ... affiliated groups": the strike's target
                around = self._folded(max(sentence.start, actor.span.start - 30), min(sentence.end, actor.span.end + 40))
                if _CLAIM[self.language].search(around) or any(actor.span.overlaps(v) for v in victims):
                    continue
                self._blamed = bool(_BLAME[self.language].search(self._folded(sentence.start, sentence.end)))
                return [actor.entry]
        return []

    # --- Merging ---------------------------------------------------------------------------------

    def _merge(self, mentions):
        incidents = []
        self._pending = []
        index = 0
        while index < len(mentions):
            mention = mentions[index]
            if mention.siblings >= 0:
                group = [m for m in mentions[index:] if m.siblings == mention.siblings]
                self._merge_siblings(group, incidents)
                index += len(group)
                continue
            self._merge_one(mention, incidents)
            index += 1
        return incidents

    def _merge_one(self, mention, incidents):
        if mention.anaphoric and mention.place is not None and mention.place.entry.kind == "country" and mention.count == 1:
            mention.place = None  # "the attack ... Iraq's security": the country is not where it happened
        if mention.place is None:
            self._attach(mention, incidents)
            return None
        target = self._compatible(mention, incidents)
        if target is not None:
            _absorb(target, mention, referring=mention.anaphoric and not self._adjacent(mention, target))
            mention.incident = target
            return target
        if mention.denial:
            return None
        if mention.anaphoric and mention.date is None and not mention.same_time:
            return None  # "the attack on X" with no attack on X reported: another account of an event, not a new one
        return self._new_incident(mention, incidents)

    def _new_incident(self, mention, incidents):
        if mention.same_time and mention.date is None:
            dated = [i for i in incidents if i.date is not None]
            named = [i for i in dated if i.kind == self._same_time_kind(mention)]
            if named or dated:
                mention.date = (named or dated)[-1].date  # "hours before the strike": the strike's day
                if mention.day_offset and mention.date.precision == "day":
                    day = mention.date.start + timedelta(days=mention.day_offset)  # "A day earlier": the day before that event's
                    mention.date = DateMention(mention.sentence, day, day, "day", "relative to the event before", relative=True)
        incident = _Incident([mention], mention.place, mention.date, mention.kind, mention.weapon)
        _absorb(incident, mention, first=True)
        incidents.append(incident)
        mention.incident = incident
        if mention.anaphoric:
            self._adopt_pending(incident)
        return incident

    def _adopt_pending(self, incident):
        """Give an incident first placed by "the attack on X" the placeless account of an attack told before it.

        Only the earliest compatible one, and only when it is the sole placeless account waiting: with
        several, which one the later sentence refers to is a guess.
        """
        waiting = [m for m in self._pending if _compatible_fields(incident, m, loose=True)]
        if len(waiting) != 1:
            return
        mention = waiting[0]
        self._pending.remove(mention)
        _absorb(incident, mention, placeless=True)
        if mention.weapon not in ("", "unknown") and incident.weapon in ("", "unknown"):
            incident.weapon = mention.weapon
        mention.incident = incident

    def _adjacent(self, mention, incident):
        """Return True if the mention's sentence is one of the incident's or comes right after one."""
        for other in incident.mentions:
            if other.sentence == mention.sentence or not self.text[other.sentence.end : mention.sentence.start].strip():
                return True
        return False

    def _merge_siblings(self, group, incidents):
        """Merge the mentions of one head with several places; the unmatched ones share the matched one's date and parties."""
        if all(m.anaphoric and m.place.entry.kind == "country" and m.count == 1 for m in group):
            self._merge_one(group[0], incidents)  # "the attack ... groups operating in Syria and Iraq": no place
            return
        merged, rest = None, []
        for mention in group:
            target = self._compatible(mention, incidents)
            if target is not None:
                _absorb(target, mention)
                mention.incident = target
                merged = merged or target
            else:
                rest.append(mention)
        for mention in rest:
            if mention.denial or (merged is None and mention.anaphoric and mention.date is None and not mention.same_time):
                continue
            if merged is not None:
                if mention.date is None:
                    mention.date = merged.date
                for actor, role in merged.actors:
                    if role in (PERPETRATOR, TARGET) and (actor, role) not in mention.actors:
                        mention.actors.append((actor, role))
            self._new_incident(mention, incidents)

    def _attach(self, mention, incidents):
        """Add a placeless mention ("the attack", "claimed the two attacks") to the incidents it refers to."""
        follows = mention.follows.incident if mention.follows is not None else None
        if follows is not None:
            _absorb(follows, mention, placeless=True, referring=False)
            return
        candidates = [i for i in incidents if _compatible_fields(i, mention, loose=True)]
        if not candidates:
            if not mention.anaphoric and mention.kind in (ATTACK, STRIKE):
                self._pending.append(mention)  # "بعد يومين من هجوم بطائرة مسيرة ...": placed later as "الهجوم الذي استهدف X"
            return
        if mention.dual:
            for incident in [i for i in incidents if i.kind == ATTACK][-2:]:
                _absorb(incident, mention, placeless=True)
            return
        latest = max(candidates, key=lambda incident: max(m.sentence.start for m in incident.mentions))
        _absorb(latest, mention, placeless=True, referring=not self._adjacent(mention, latest))
        mention.incident = latest

    def _compatible(self, mention, incidents):
        for incident in reversed(incidents):
            if _compatible_fields(incident, mention, loose=False):
                return incident
        return None

    # --- Output ----------------------------------------------------------------------------------

    def _draft(self, incident, hosts, attributed):
        actors = list(incident.actors)
        roles = {role for _, role in actors}
        if incident.kind == ATTACK:
            if TARGET not in roles and incident.place is not None:
                actors += [(entry, TARGET) for entry in hosts.get(incident.place.entry.key, [])]
            if TARGET not in roles and incident.place is not None and incident.place.entry.kind == "embassy":
                actors += [(entry, TARGET) for entry in self._mission(incident.place.entry)]  # "rockets near the US embassy": the mission
            separate = any(_SEPARATELY.match(self._folded(m.sentence.start, m.sentence.end)) for m in incident.mentions)
            if PERPETRATOR not in roles and not separate and (CLAIMANT not in roles or self._blamed and not incident.claimed_only):
                # "in attacks the Pentagon blamed on Iran-backed militias": the blame of another source, beside a claim
                actors += [(entry, PERPETRATOR) for entry in attributed]
        if incident.kind == STRIKE and incident.weapon in ("", "unknown"):
            incident.weapon = "airstrike"  # only bare "was hit" in a story of air strikes
        if incident.outcome == "unknown" and _has_casualties(incident) and incident.kind != CLASH:
            incident.outcome = "hit"
        actors = _unique(actors)
        if incident.kind == DISRUPTED:
            event_type, sub = taxonomy.STRATEGIC_DEVELOPMENTS, DISRUPTED_USE
        elif incident.kind == CLASH:
            event_type, sub = taxonomy.BATTLES, ARMED_CLASH
        elif incident.weapon == "ied":
            event_type, sub = taxonomy.EXPLOSIONS, IED
        elif incident.weapon in ("drone", "airstrike"):
            event_type, sub = taxonomy.EXPLOSIONS, AIR_STRIKE
        else:
            event_type, sub = taxonomy.EXPLOSIONS, SHELLING
        place = incident.place
        if place is not None and place.entry.kind in SITE_KINDS and place.geo_precision < 2 and incident.outcome != "intercepted" and any(
            _NEAR_THE_SITE[self.language].search(self._folded(m.scope.start, m.scope.end)) for m in incident.mentions
        ):
            # "سقطت في محيط الحقل": near the site; a drone shot down "في محيط القاعدة" was an attack on the base itself
            place = replace(place, qualifier=place.qualifier or "near", geo_precision=2)
        date = incident.date
        evidence = []
        for mention in incident.mentions:
            if mention.sentence not in evidence:
                evidence.append(mention.sentence)
        bounds = [mention.before for mention in incident.mentions if mention.before is not None]
        draft = DraftIncident(
            date_start=date.start if date else None,
            # Undated but told as earlier than a dated event: it happened on or before that event's day.
            date_end=date.end if date else min((bound.end for bound in bounds), default=None),
            date_precision=date.precision if date else "day",
            event_type=event_type,
            sub_event_type=sub,
            weapon=incident.weapon if incident.weapon else "unknown",
            outcome=incident.outcome,
            count=incident.count,
            place=place,
            killed=incident.killed,
            injured=incident.injured,
            actors=[DraftActor(entry, role, entry.name_en, entry.name_ar) for entry, role in actors],
            evidence=sorted(evidence, key=lambda s: s.start),
            confidence=_confidence(incident),
            verification="contested" if incident.contested else "claimed" if incident.claimed_only else "reported",
        )
        draft.title, draft.title_ar = _titles(draft)
        return draft


# --- Helpers ------------------------------------------------------------------------------------

# A nation's strikes named by adjective: "US strikes", "U.S. retaliation", "الغارات الأميركية", "الرد الأميركي".
_NATION_STRIKES = {
    "ar": _rx(
        r"(?<!\w)[وفبل]?(?:ال)?(?:غاره|غارات|ضربه|ضربات|رد|قصف)\s+(?:ال)?(?:جوي|جويه\s+)?"
        r"(?P<nation>(?:ال)?(?:امريكي|اميركي|امريكيه|اميركيه))(?!\w)"
    ),
    "en": _rx(
        r"(?<![\w.])(?P<nation>u\.s\.|us|american)[\s-]+(?:(?:air|drone|military|precision)\s+)?"
        r"(?:strikes?|airstrikes?|retaliation|retaliatory\s+strikes?|raids?|bombing)(?!\w)"
    ),
}
# A new clause with its own subject between two words: "shot down by US forces, while the other struck".
_CLAUSE_CHANGE = re.compile(r"[,،;؛]\s*(?:while|whereas|but|and|as|فيما|بينما|في\s+حين|و)(?!\w)|[.;؛]")
# Another source holding someone responsible: "blamed on", "اتهمت ... بتنفيذ", "حمّلت".
_BLAME = {
    "ar": _rx(r"(?<!\w)[وف]?(?:اتهم|اتهمت|يتهم|تتهم|حمل|حملت|يحمل|تحمل|نسب|نسبت)(?!\w)"),
    "en": _rx(r"(?<!\w)(?:blam(?:ed|es|ing)|attribut(?:ed|es)|accus(?:ed|es)|held\s+responsible)(?!\w)"),
}
_UNHARMED_BEFORE = _rx(r"(?<!\w)[وف]?(?:لم|لا|دون\s+ان|من\s+دون\s+ان)\s+(?:تتضرر|يتضرر|تصب|يصب|تصاب|يصاب|تتعرض|يتعرض)\w*\s+$")
_UNHARMED_AFTER = _rx(r"^[\s,]*(?:[\w\s-]{0,45},\s*)?(?:was|were|had\s+been|has\s+been)\s+(?:not\s+(?:damaged|hit|harmed|struck|affected)|unharmed|undamaged|unaffected)")
_APPOSITIVE_AR = _rx(r"[,،]\s*(?:وهي|وهو|التي\s+تعد|الذي\s+يعد)?\s*(?:\S+\s+){0,1}?(?:تحالف|مظله|ائتلاف|تجمع|شبكه)\s+(?:من|ل|يضم|تضم)?\s*(?:\S+\s+){0,2}$")
_OWNER_BEFORE = _rx(
    r"(?:(?:headquarters|base|bases|depot|depots|site|sites|facility|facilities|positions?|camp|compound|convoy|vehicle|office)\s+"
    r"(?:of|belonging\s+to|used\s+by|run\s+by|operated\s+by)\s+(?:the\s+)?|(?:used|run|operated)\s+by\s+(?:the\s+)?|"
    r"(?:مقر|مقرات|مواقع|موقع|مخزن|مخازن|قاعده|معسكر|رتل|عجله|سياره)\s+(?:تابع\w*\s+)?(?:ل|لل|ال)?\s*)$"
)
# The struck sites' owners told on their own: "The two facilities were used by", "the sites belonged to",
# "وكانت المنشأتان تستخدمهما", "وتعود المواقع إلى".
_SITE_OWNERS = {
    "en": _rx(
        r"^\W*(?:the|both|these|those)\s+(?:\w+\s+){0,2}?(?:facilit(?:y|ies)|sites?|depots?|targets?|locations?|bases?|compounds?|warehouses?|buildings?)\s+"
        r"(?:were|was|are|is|had\s+been)\s+(?:\w+\s+)?(?:used|operated|run|controlled)\s+by(?!\w)|"
        r"^\W*(?:the|both|these|those)\s+(?:\w+\s+){0,2}?(?:facilit(?:y|ies)|sites?|depots?|targets?|locations?|bases?|compounds?|warehouses?|buildings?)\s+"
        r"(?:belong(?:ed|s)?|were\s+affiliated)\s+(?:to|with)(?!\w)"
    ),
    "ar": _rx(
        r"^\W*[وف]?(?:كانت\s+|كان\s+)?(?:تعود|يعود|تتبع|يتبع|تستخدم\w*|يستخدم\w*)\s+(?:ال)?(?:منشات|منشاتان|منشاتين|منشاه|مواقع|الموقع|موقع|موقعان|موقعين|مخازن|مخزن|اهداف|الاهداف|مقرات|مقر)"
    ),
}
# An actor named as a party to a war: "the war between Israel and Hamas", "الحرب بين إسرائيل وحماس", "Israel's war with Hamas".
_WAR_PARTY_BEFORE = _rx(
    r"(?<!\w)(?:war|conflict|fighting)\s+(?:between|with|against)\s+(?:[^\s,.;]+\s+){0,4}?(?:(?:and|or)\s+)?(?:the\s+)?$|"
    r"(?<!\w)[وفبل]?(?:ال)?(?:حرب|صراع|نزاع|مواجهات)\s+(?:\S+\s+){0,2}?(?:بين|مع|ضد|على)\s+(?:[^\s،.؛]+\s+){0,4}?[و]?$"
)
# Whose the strike's dead were: "the dead belonged to X", "those killed were members of X", "القتلى ينتمون إلى X".
_DEAD_BELONG = {
    "en": _rx(r"(?<!\w)(?:the\s+)?(?:dead|those\s+killed|victims|men\s+killed|fighters\s+killed)\s+(?:all\s+)?(?:belonged\s+to|were\s+(?:all\s+)?(?:members|fighters)\s+(?:of|from))(?!\w)"),
    "ar": _rx(r"(?<!\w)[وف]?(?:ال)?(?:قتلي|ضحايا)\s+(?:\S+\s+)?(?:ينتمون|ينتمي|يتبعون|ينتسبون|هم\s+من\s+عناصر|من\s+عناصر)(?!\w)"),
}
# A speaker's own men: "five of its members", "their fighters", "خمسة من عناصره", "مقاتليها".
_OWN_MEN = _rx(
    r"(?<!\w)(?:its|their)\s+(?:own\s+)?(?:members|fighters|men|personnel|commanders?|militants)(?!\w)|"
    r"(?<!\w)(?:عناصر|مقاتلي|منتسبي|افراد|مسلحي)(?:ه|ها|هم)(?!\w)"
)
# A relative clause opened after a comma and not yet closed: "X, which groups several", "X، التي تضم".
_RELATIVE_BEFORE = _rx(r"[,،]\s*(?:which|who|whose|التي|الذي|الذين|وهي|وهو)\s[^,،.]*$")
# An event told apart from the story's others: "Separately, …", "وفي حادث منفصل، …".
_SEPARATELY = _rx(
    r"^\W*(?:separately|in\s+a\s+separate\s+(?:incident|attack|development)|"
    r"[وف]?(?:في\s+)?(?:حادث|حادثه|سياق|تطور|هجوم)\s+منفصل|[وف]?بشكل\s+منفصل)(?!\w)"
)
_OWN_DEFENCES = {
    "ar": _rx(r"\s*(?:(?:اعلن|اعلنت|اكد|اكدت|قال|قالت)\s+)?(?:ان|بان)\s+(?:دفاعاته|دفاعاتها|قواته|قواتها|مقاتلاته|مقاتلاتها)(?:\s+الجويه)?\s*"),
    "en": _rx(r"\s*(?:said|says|announced)\s+(?:that\s+)?(?:its|their)\s+(?:air\s+defen[cs]es|forces|troops|jets|aircraft)\s+(?:had\s+|have\s+)?\s*"),
}
_AIR_DEFENCE = _rx(r"(?:الدفاع\s+الجوي|الدفاعات\s+الجويه|دفاعات\s+جويه|air\s+defen[cs]es?)")
# Syntax of the agent (see _Reader._agent). The passive "by": "was struck by", "targeted by", "من قبل", "بواسطة".
_AGENT_BY = {
    "ar": _rx(r"^\s*(?:\S+\s+){0,2}?(?:من\s+قبل|بواسطه)\s+$"),
    "en": _rx(r"^\s*(?:,\s*)?(?:(?:was|were|been)\s+)?(?:(?:carried\s+out|conducted|launched|fired)\s+)?by\s+(?:the\s+)?$"),
}
# An action verb right after the subject ("US forces carried out", "القوات الأميركية قد شنت").
_SUBJECT_VERB_AFTER = {
    "ar": _rx(
        r"^\s*(?:[,،]?\s*)?(?:قد\s+|وقد\s+)?(?:نفذت|نفذ|نفذوا|شنت|شن|شنوا|اطلقت|اطلق|اطلقوا|استهدفت|استهدف|قصفت|قصف|ضربت|اغارت)(?!\w)"
    ),
    "en": _rx(
        r"^\s*(?:,\s*)?(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:also\s+)?"
        r"(?:carried\s+out|conducted|launched|fired|struck|hit|attacked|targeted|pounded|bombed|shelled|hits|strikes|struck\s+at)(?!\w)"
    ),
}
# An Arabic action verb opening the clause before its subject: "نفذت القوات الأميركية ...".
_VERB_BEFORE_SUBJECT = _rx(r"(?<!\w)[وف]?(?:نفذت|نفذ|شنت|شن|اطلقت|اطلق|قصفت|استهدفت|ضربت|اغارت)\s*$")

# "The security forces" with no nation: whose they are depends on where (see _add_security_forces).
_SECURITY_FORCES = {
    "ar": _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:قوات\s+(?:ال)?امن|القوات\s+الامنيه|الاجهزه\s+الامنيه|قوه\s+امنيه|قوات\s+امنيه)(?!\w)"),
    "en": _rx(r"\b(?:security\s+(?:forces|services|personnel)|police)\b"),
}
# Governorates of a region with its own security forces (the Kurdistan Region's Asayish and Peshmerga).
_REGIONAL_SECURITY_ADMIN1 = frozenset({"Erbil", "Duhok", "Dohuk", "Sulaymaniyah", "Halabja"})
# A strike that answers an attack: "ردت القوات الأميركية بقصف", "in response to", "retaliatory strikes".
_RESPONSE = {
    "ar": _rx(r"(?<!\w)(?:[وف]?(?:ردت|رد|ردا|ترد|يرد)|انتقاما|مصادر\s+اطلاق)(?!\w)"),
    "en": _rx(r"\b(?:in\s+response|responded|retaliat\w*|in\s+reply|launch\s+sites?|points?\s+of\s+origin)\b"),
}


def _add_campaign_targets(attacks, campaign=()):
    """Give an attack on a base with no stated target the forces the article's other attacks target.

    "Its fighters had attacked the al-Shaddadi base" in an article whose other attacks are on US
    forces: the campaign's target, the forces that every attack naming a target names.
    Only for an attack by an armed group (claimed or attributed) on a military site.
    Where the text says whom the attacks are on ("attacks on American troops", "U.S. and coalition
    forces have been attacked"), the forces every such phrase and every attack naming a target
    name (here US forces), for any attack on a military site.
    """
    named = [
        frozenset(a.entry for a in draft.actors if a.role == TARGET and a.entry.kind in ("state force", "coalition") and _is_target_side(a.entry))
        for draft in attacks
    ]
    named = [sides for sides in named if sides]
    stated = bool(campaign)
    named += list(campaign)
    common = frozenset.intersection(*named) if named else frozenset()
    for draft in attacks:
        if any(a.role == TARGET for a in draft.actors) or draft.place is None or draft.place.entry.kind not in _MILITARY_SITES:
            continue
        if not stated and not any(a.role in (PERPETRATOR, CLAIMANT) and _is_armed_group(a.entry) for a in draft.actors):
            continue
        for entry in sorted(common, key=lambda e: e.key):
            draft.actors.append(DraftActor(entry, TARGET, entry.name_en, entry.name_ar))


_MILITARY_SITES = ("military base", "airport", "facility")
# The campaign's target named with its attacks: "attacks on US troops", "US forces have been attacked",
# "الهجمات على القواعد الأميركية", "تعرضت القوات الأميركية إلى 46 هجوما". `after`: the forces follow the match.
_CAMPAIGN_ON = {
    "en": [
        (_rx(r"(?<!\w)attacks\s+(?:on|against|targeting)\s+"), "after"),
        (_rx(r"(?<!\w)(?:have|has)\s+(?:\w+\s+)?been\s+(?:attacked|targeted)(?!\w)"), "before"),
    ],
    "ar": [
        (_rx(r"(?<!\w)[وفبل]?(?:ال)?(?:هجمات|الهجمات)\s+(?:\S+\s+){0,2}?(?:على|ضد)\s+"), "after"),
        (_rx(r"(?<!\w)[وف]?(?:تعرضت|تعرض)\s+"), "after"),
    ],
}

SITE_KINDS = ("military base", "airport", "embassy", "facility", "area")
_AREA_KINDS = ("city", "town", "governorate", "district", "subdistrict")
_TARGET_KEYS_HINT = ("embassy", "consulate")


@dataclass(frozen=True)
class _ForceMention:
    """A nation's forces named by adjective ("US troops"); `site` for its bases ("القاعدة الأميركية")."""

    span: Span
    entry: object
    description: str = ""
    site: bool = False


def _blank(text, scope, clauses):
    """Return the text of `scope` with the given clauses blanked out (another event's words)."""
    chars = list(scope.text(text))
    for clause in clauses:
        for index in range(max(clause.start, scope.start), min(clause.end, scope.end)):
            chars[index - scope.start] = " "
    return "".join(chars)


def _is_armed_group(entry):
    return entry is not None and (
        entry.kind == "militia or armed group" and entry.key not in ("syrian-democratic-forces", "isis")
        or entry.kind == "unidentified" and "forces" not in entry.key
        or entry.key in ("irgc", "quds-force")
    )


_DAY_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "يوم": 1, "بيوم": 1, "يومين": 2, "بيومين": 2}
_DAY_OFFSET = {
    "en": _rx(r"(?<!\w)(?:(?P<n>a|one|two|three)\s+days?\s+(?P<dir>earlier|before|later|after)(?!\s+(?:the|a|an|its|his|their)\b)|"
              r"the\s+(?P<dir2>previous|next|following)\s+day|the\s+day\s+(?P<dir3>before|after))"),
    "ar": _rx(r"(?<!\w)[وف]?(?:(?P<dir>قبل|بعد)\s+ذلك\s+(?P<n>بيوم|بيومين)|في\s+اليوم\s+(?P<dir2>السابق|التالي))(?!\w)"),
}


# "ten days after (the) …", "بعد يومين من …", "بعد ثلاثة أيام على …": an earlier event, a stated interval before.
_INTERVAL_AFTER = {
    "en": _rx(r"(?<!\w)(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+after\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+){0,3}$"),
    "ar": _rx(r"(?<!\w)بعد\s+(?:(?P<n>\d+|ثلاثه|اربعه|خمسه|سته|سبعه|عشره)\s+)?(?P<unit>يومين|يوم|ايام|اسبوع|اسبوعين)\s+(?:من|علي)\s+(?:\S+\s+){0,2}$"),
}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "عشره": 10}


def _interval_days(number, unit, language):
    """Return the days of "ten days", "a week", "يومين", "ثلاثة أيام", "أسبوع"; None if unclear."""
    if unit in ("يومين",):
        return 2
    if unit in ("اسبوعين",):
        return 14
    count = int(number) if number and number.isdigit() else _NUMBER_WORDS.get(number or "", 1 if unit in ("يوم", "اسبوع") else None)
    if count is None:
        return None
    return count * (7 if unit.startswith(("week", "اسبوع")) else 1)


def _day_offset(folded):
    """Return the days from the event told before that "A day earlier" / "في اليوم التالي" give, or None."""
    language = "ar" if is_arabic(folded) else "en"
    matches = list(_DAY_OFFSET[language].finditer(folded))
    if not matches:
        return None
    match = matches[-1]
    groups = match.groupdict()
    before = (groups.get("dir") or groups.get("dir2") or groups.get("dir3") or "") in (
        "earlier", "before", "previous", "قبل", "السابق"
    )
    days = _DAY_WORDS.get(groups.get("n") or "", 1)
    return -days if before else days


def _distance(a, b):
    """Return the number of characters between two spans (0 if they overlap)."""
    return max(0, b.start - a.end, a.start - b.end)


def _is_unknown_military(entry):
    """Return True for the unidentified military forces (strikes no one is named for)."""
    return entry is not None and entry.kind == "unidentified" and "forces" in entry.key


def _is_state_force(entry):
    """Return True for a state's own forces (not an armed group the state sponsors)."""
    return entry is not None and entry.kind in ("state force", "coalition") and not _is_armed_group(entry)


def _is_target_side(entry):
    """Return True for forces and missions that the attacks in the news target (US, coalition, their hosts)."""
    if entry is None:
        return False
    if entry.kind == "coalition":
        return "coalition" in entry.key and "resistance" not in entry.key
    if entry.kind == "state force":
        return entry.country_code in ("US", "") or entry.key.startswith("us-")
    return _is_target_body(entry)


def _is_target_body(entry):
    return any(word in entry.key for word in _TARGET_KEYS_HINT)


def _is_weapon_count(trigger):
    return trigger.weapon in ("drone", "rocket", "missile")


def _is_plural(head, language):
    first = head.triggers[0].text
    if language == "en":
        return first.lower().endswith("s") and not first.lower().endswith("ss")
    key = fold(first)
    return bool(re.search(r"(?:هجمات|غارات|ضربات|اعتداءات|عمليات)$", key))


def _unique(roles):
    seen, result = set(), []
    for entry, role in roles:
        if (entry.key, role) not in seen:
            seen.add((entry.key, role))
            result.append((entry, role))
    return result


def _place_compatible(a, b):
    """Return True if two place mentions can be one event's place (same entry, or one holds the other)."""
    if a is None or b is None:
        return True
    ea, eb = a.entry, b.entry
    if ea.key == eb.key:
        return True
    if ea.country_code != eb.country_code:
        return False
    if ea.kind == "country" or eb.kind == "country":
        return True
    if ea.kind == "governorate" and eb.admin1 == ea.name_en or eb.kind == "governorate" and ea.admin1 == eb.name_en:
        return True
    return False


def _dates_compatible(incident, mention):
    a, b = incident.date, mention.date
    if a is None or b is None:
        return True
    if a.start <= b.end and b.start <= a.end:
        return True
    if (incident.night or mention.night) and abs((a.start - b.start).days) <= 1:
        return True
    return False


def _weapons_compatible(a, b):
    if a in ("", "unknown") or b in ("", "unknown") or a == b:
        return True
    return {a, b} <= {"rocket", "missile"} or {a, b} <= {"drone", "airstrike"}  # "a U.S. drone strike" … "the strike": one air strike


def _compatible_fields(incident, mention, loose):
    """Return True if nothing the mention says contradicts the incident.

    An attack word with no claim and no armed attacker ("an unjustified attack", "the drone fired on a
    car") can tell of a strike already reported: the side that was struck calls it an attack.
    """
    if incident.kind != mention.kind and not _retells_strike(incident, mention):
        return False
    if not _weapons_compatible(incident.weapon, mention.weapon):
        return False
    if not _dates_compatible(incident, mention):
        return False
    if loose:
        return True
    if mention.bare and _within_city(incident.place, mention.place):
        return True  # "the vehicle was hit in the Mashtal neighbourhood" after a strike "in eastern Baghdad"
    if not _place_compatible(incident.place, mention.place):
        return False
    if mention.place is not None and incident.place is not None:
        a, b = incident.place.entry, mention.place.entry
        if a.kind != "country" and b.kind != "country" and a.key != b.key:
            return False
        if mention.siblings >= 0 and any(m.siblings == mention.siblings for m in incident.mentions):
            return False
        if a.kind == "country" and b.kind == "country" and (incident.count > 1) != (mention.count > 1) and not mention.anaphoric:
            return False
    return True


def _within_city(city, part):
    """Return True if `part` is a district or quarter of the city or governorate `city` (same governorate)."""
    if city is None or part is None:
        return False
    a, b = city.entry, part.entry
    return (
        a.kind in ("city", "governorate") and b.kind in ("district", "subdistrict", "neighbourhood")
        and a.country_code == b.country_code and a.admin1 == b.admin1 and bool(a.admin1)
    )


def _retells_strike(incident, mention):
    return (
        incident.kind == STRIKE and mention.kind == ATTACK and mention.strike_actors is not None
        and not mention.claim and not mention.denial
    )


def _better_place(current, new):
    """Return the more precise of two compatible places (a base over its country)."""
    if current is None or new is None:
        return current or new
    rank = {"country": 3, "governorate": 2}
    if _within_city(current, new):
        return new  # the quarter of the city: what the text says most precisely
    current_rank, new_rank = rank.get(current.entry.kind, 0), rank.get(new.entry.kind, 0)
    if new_rank < current_rank:
        return new
    if new_rank == current_rank and new.entry.key == current.entry.key and new.geo_precision > current.geo_precision:
        return new  # "near the Conoco field" is vaguer than "the Conoco field": keep the vaguer reading
    return current


def _better_casualties(current, new):
    """Return the more informative figure: a stated number over a bound, a bound over silence."""
    if new == Casualties():
        return current
    if current == Casualties():
        return new
    if current.best == 0 and new.best != 0:
        return new
    if new.best == 0:
        return current
    if current.best is None and new.best is not None:
        return new
    return current


def _absorb(incident, mention, first=False, placeless=False, referring=False):
    """Merge `mention` into `incident`.

    A placeless mention ("the attack") adds figures, claims and attributions; one that only refers to
    the incident from afar ("condemned the attack on the embassy") adds no target to one it has.
    """
    if not first:
        incident.mentions.append(mention)
    if mention.place is not None:
        refined = _better_place(incident.place, mention.place)
        if first:
            incident.count = mention.count
        elif refined is not incident.place and incident.place.entry.kind == "country":
            if mention.siblings >= 0 or mention.count > 1:
                incident.count = mention.count  # "three sites in Iraq" then "X, Y and Z": one site each
        elif mention.count > incident.count:
            incident.count = mention.count
        incident.place = refined
    if mention.date is not None and not placeless:
        if incident.date is None or (incident.date.precision != "day" and mention.date.precision == "day"):
            incident.date, incident.night = mention.date, mention.night
    if mention.weapon not in ("", "unknown") and (not placeless or mention.kind == incident.kind):
        if incident.weapon in ("", "unknown") or (incident.weapon == "rocket" and mention.weapon == "missile"):
            incident.weapon = mention.weapon
    if not mention.claim and mention.outcome != "unknown":
        if mention.outcome == "hit" or incident.outcome == "unknown":
            incident.outcome = mention.outcome
    incident.killed = _better_casualties(incident.killed, mention.killed)
    incident.injured = _better_casualties(incident.injured, mention.injured)
    has_target = any(role == TARGET for _, role in incident.actors)
    for actor, role in (mention.strike_actors if _retells_strike(incident, mention) else mention.actors):
        if referring and role == TARGET and has_target and actor.key not in mention.victims:
            continue  # "condemned the attack on foreign forces": a view of the attack, not its target
        if (actor, role) not in incident.actors:
            incident.actors.append((actor, role))
    if mention.denial:
        incident.contested = True
    elif not mention.claim and (not placeless or _reports_figures(mention)):
        incident.claimed_only = False


def _reports_figures(mention):
    return mention.killed != Casualties() or mention.injured != Casualties() or mention.outcome != "unknown"


def _has_casualties(incident):
    return any((figure.best or 0) > 0 or (figure.low or 0) > 0 for figure in (incident.killed, incident.injured))


def _confidence(incident):
    score = 0.4
    if incident.place is not None and incident.place.entry.kind != "country":
        score += 0.2
    if incident.date is not None:
        score += 0.15
    if incident.weapon not in ("", "unknown"):
        score += 0.1
    if len(incident.mentions) > 1:
        score += 0.1
    if incident.claimed_only:
        score -= 0.1
    return max(0.1, min(0.95, score))


_WEAPON_TITLES = {
    "ied": ("IED attack", "تفجير عبوة ناسفة"),
    "small arms": ("Armed clash", "اشتباك مسلح"),
    "drone": ("Drone attack", "هجوم بطائرة مسيرة"),
    "rocket": ("Rocket attack", "هجوم صاروخي"),
    "missile": ("Missile attack", "هجوم بصواريخ"),
    "artillery": ("Artillery strike", "قصف مدفعي"),
    "airstrike": ("Air strike", "غارة جوية"),
}


def _titles(draft):
    """Return an English and an Arabic title built from the type and the place."""
    if draft.sub_event_type == DISRUPTED_USE:
        en, ar = "Launcher found", "العثور على منصة إطلاق"
    else:
        en, ar = _WEAPON_TITLES.get(draft.weapon, ("Attack", "هجوم"))
        if draft.outcome == "intercepted":
            en, ar = en + " intercepted", ar + " تم التصدي له"
    place = draft.place
    if place is not None and place.entry is not None:
        qualifier = place.qualifier
        preposition = "near" if qualifier else ("on" if place.entry.kind in SITE_KINDS else "in")
        name = place.entry.name_en
        if draft.count > 1:
            en = f"{en}s ({draft.count})"
        en = f"{en} {preposition} {name}" if not qualifier else f"{en} {qualifier} {name}".replace(" of of", " of")
        ar = f"{ar} في {place.entry.name_ar}" if place.entry.name_ar else ar
    return en, ar
