"""The vocabulary of incident finding: event words, weapons, and the patterns (over folded text) that the
rules read. Arabic patterns are written plainly and folded as the text is (`_rx`, `_ar`).
"""
import re

from ..event_families import on
from ..normalize import normalize_arabic
from ..vocabulary import ar_words as _ar
from ..vocabulary import compile_folded as _rx
from ..vocabulary import event_word_patterns, outcome_patterns, weapon_patterns

# The event words and weapons are tables in `vocabulary` (EVENT_WORDS, WEAPON_WORDS): (pattern, kind, weapon)
# and (weapon, pattern) per language, in table order.
_TRIGGERS = {language: event_word_patterns(language) for language in ("ar", "en")}
_TRIGGER_PATTERNS = {
    language: [(_rx(pattern), kind, weapon) for pattern, kind, weapon in specs]
    for language, specs in _TRIGGERS.items()
}

# Weapons named anywhere in a mention's part of the sentence, strongest reading first.
_WEAPONS = {language: weapon_patterns(language) for language in ("ar", "en")}
_WEAPON_PATTERNS = {language: [(w, _rx(p)) for w, p in specs] for language, specs in _WEAPONS.items()}

# A number right before an attack word makes it a tally: "80 هجوما", "5 ضربات", "attacked 160 times".
_TALLY = {
    "ar": _rx(r"(?:(?<![\w-])\d+|" + _ar("ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة عشرات") + r")\s*$"),
    "en": _rx(r"(?<![\w-])(?:\d+|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of)\s+(?:[\w.-]+\s+)?$"),
}
# An event word that counts the event told among others of its kind (family ordinal_tally): "وهذا الاستهداف الثالث
# منذ…", "هذا الهجوم هو الثاني من نوعه", "this was the 52nd attack since", "the attack is the third such".
_THIS_BEFORE = {"ar": _rx(r"(?<!\w)[وف]?(?:هذا|هذه|وهو|وهي)\s*$"), "en": _rx(r"(?<!\w)(?:this|that|it|which)\s+(?:is|was)\s+the\s+$")}
_ORDINAL_AFTER = {
    "ar": _rx(r"^\s*(?:(?:هو|هي|يعد|تعد)\s+)?(?:ال)?(?:ثاني|ثانيه|ثالث|ثالثه|رابع|رابعه|خامس|خامسه|سادس|سادسه|سابع|سابعه|ثامن|ثامنه"
              r"|تاسع|تاسعه|عاشر|عاشره|\s*\d+)(?!\w)"),
    "en": _rx(r"^$"),
}
_ORDINAL_BEFORE_EN = _rx(r"(?<!\w)(?:this|that|it|which)\s+(?:is|was|marks|marked)\s+the\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|"
                         r"fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+-(?:first|second|third|fourth|fifth|sixth|seventh|"
                         r"eighth|ninth)|[a-z]+th)\s+(?:such\s+|\w+\s+)?$")
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
# A place named as a clock's zone (family name_part): "6:30 p.m. (Baghdad time)", "الساعة العاشرة بتوقيت بغداد".
_CLOCK_ZONE_BEFORE = {"ar": _rx(r"(?<!\w)[وب]?(?:ال)?توقيت\s+(?:العاصمه\s+)?$"), "en": _rx(r"")}  # ar: after توقيت; en: before " time"
_CLOCK_ZONE_AFTER = {"ar": _rx(r""), "en": _rx(r"^\s+time(?!\w)")}
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
# Where armed groups are active, told of the groups: "militias that operate in Iraq and Syria", "groups operating in
# Syria", "الفصائل الناشطة في العراق": the groups' ground, not where an event happened (event_families "actor_place").
_GROUPS_BASED_IN = {
    "ar": _rx(r"(?<!\w)(?:ال)?(?:فصائل|ميليشيات|مليشيات|جماعات|مجموعات|الفصائل|الميليشيات|المليشيات|الجماعات|المجموعات)\s+(?:\S+\s+){0,2}?"
              r"(?:الناشطه|العامله|المنتشره|المتمركزه|الموجوده|التي\s+تنشط|التي\s+تعمل|التي\s+تنتشر)\s+(?:في|ب)\s*$"),
    "en": _rx(r"\b(?:militias|groups|factions|fighters|proxies|militants)\s+(?:\S+\s+){0,2}?"
              r"(?:(?:that|which|who)\s+(?:operate|operates|are\s+active|are\s+based)|operating|active|based)\s+in\s+(?:both\s+)?$"),
}
# The strikes of the sentence before, referred back to: "these (precise) strikes", "the air strikes", "هذه الضربات".
_THESE_STRIKES = {
    "ar": _rx(r"(?<!\w)(?:هذه|تلك)\s+(?:ال)?(?:ضربات|غارات|الضربات|الغارات)(?!\w)"),
    "en": _rx(r"\b(?:these|those|the)\s+(?:\w+\s+)?(?:air\s*)?strikes\b"),
}
# A place after a comma and a direction, told only to say where the place before it lies: ", south of the Iraqi
# capital Baghdad", "، جنوبي العاصمة العراقية بغداد" (event_families "direction_locator").
_DIRECTION_OF_CITY = {
    "ar": _rx(r"^\s*[,،]\s*(?:الى\s+|في\s+)?(?:ال)?(?:جنوب|شمال|شرق|غرب)(?:ي|\s+(?:شرق|غرب)ي?)?\s+(?:(?:ال)?عاصمه\s+(?:ال\w+\s+)?|مدينه\s+|محافظه\s+)?$"),
    "en": _rx(r"^\s*[,،]\s*(?:(?:about|some|\d+\s*(?:km|kilometers|kilometres|miles))\s+)?(?:south|north|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
              r"(?:the\s+)?(?:(?:iraqi|syrian)\s+)?(?:capital\s+|city\s+of\s+|province\s+of\s+)?$"),
}
# The blast words of vocabulary.EVENT_WORDS (family "explosions"): the event only when no other event word tells it.
_BLAST_WORD = _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:انفجار|انفجارات|انفجاران|انفجارين)(?!\w)|\b(?:explosions?|blasts?)\b")
# Rockets or missiles a drone fires (family drone_munitions): "طائرة مسيرة أطلقت صاروخين", "استهدفت الطائرة بثلاثة
# صواريخ سيارة", "بثلاثة صواريخ من قبل طائرة مسيرة", "a drone fired two missiles", "missiles fired from a drone".
_DRONE_ = r"(?:(?:ال)?طائر(?:ه|ات|تين|تان)(?:\s+(?:ال)?مسير\w*)?|(?:ال)?مسير(?:ه|ات|تين|تان)|drones?|uavs?|mq-?9s?|reapers?)"
_MUNITION_ = r"(?:[بل]?(?:ال)?(?:صاروخ|صاروخا|صواريخ|صاروخين|صاروخان)|rockets?|missiles?|hellfires?)"
_DRONE_FIRES = _rx(
    rf"(?<!\w){_DRONE_}\s+(?:\S+\s+){{0,2}}?(?:(?:[وف]?(?:اطلقت|اطلق|القت|تطلق)|fired|launched|dropped)\s+(?:\S+\s+){{0,3}}?)?"
    rf"{_MUNITION_}(?!\w)"
    rf"|(?<!\w){_MUNITION_}\s+(?:\S+\s+){{0,2}}?(?:من\s+قبل|من|(?:fired\s+|launched\s+)?(?:from|by))\s+(?:an?\s+|the\s+)?"
    rf"(?:\S+\s+)?{_DRONE_}(?!\w)"
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

# Outcome words: a table in `vocabulary` (OUTCOME_WORDS). Negated damage ("no damage", "دون أضرار") is not a hit.
_HIT = outcome_patterns("hit")
_FELL_SHORT = outcome_patterns("fell short")  # failed, unless something shot it down
_FAILED = outcome_patterns("missed")
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
    r"(?:capabilit\w*|launchers?|factor\w*|depots?|storage|stockpiles?|production|warehouses?|programs?|arsenals?|launch\s+sites?"
    r"|engineers?|experts?)"  # "a rocket engineer": the people of an arsenal, no attack
)
_ARSENAL_BEFORE = _rx(r"(?:مخازن|مخزن|مستودع|مستودعات|ورشه|ورش|تصنيع|مطلقي|لمطلقي|مهندس|مهندسي|خبير|خبراء)\s+(?:\S+\s+)?$")
# A place named at the head of a wire story: "BAGHDAD (AP) —", "WASHINGTON/AMMAN, Jan 28 (Reuters) -".
_DATELINE_AFTER = _rx(r"^[^.\n]{0,40}?(?:\((?:AP|AFP|Reuters)\)|\s[—–-]\s|/\s)")

# Unnamed groups described by their tie to Iran: the generic pro-Iran factions actor.
_DESCRIBED_GROUPS = {
    "en": [
        _rx(r"(?<![\w-])(?P<group>(?:pro-iran(?:ian)?|iran-(?:backed|aligned|linked|allied|affiliated|sponsored)|iranian(?:-(?:backed|aligned|linked|allied|affiliated))?)"
            r"\s+(?:armed\s+|militant\s+|radical\s+)?(?:fighters|militants|militiamen|militias?|groups|factions|proxies))(?!\w)"),
        _rx(r"(?<!\w)and\s+(?P<group>(?P<allied>allied|affiliated)\s+(?:militia\s+|armed\s+)?(?:militias|groups|factions))(?!\w)"),
    ],
    "ar": [
        _rx(r"(?<!\w)(?P<group>[وف]?(?:[بل]|لل)?(?:ال)?(?:ميليشيات|مليشيات|فصائل|جماعات|مجموعات)(?:\s+(?:ال)?(?:مسلحه|متطرفه|متشدده|شيعيه|عراقيه)){0,2}\s+"
            r"(?:ال)?(?:ايرانيه|(?:موالي|مدعوم|مقرب|تابع)\w*\s+(?:من\s+|ل|ال)?ايران|(?:متحالف|مرتبط)\w*\s+(?:مع\s+|ب)ايران))(?!\w)"),
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


# A nation's strikes named by adjective: "US strikes", "U.S. retaliation", "الغارات الأميركية", "الرد الأميركي".
_NATION_STRIKES = {
    "ar": _rx(
        r"(?<!\w)[وفبل]?(?:ال)?(?:غاره|غارات|ضربه|ضربات|رد|قصف|عدوان)\s+(?:ال)?(?:جوي|جويه\s+)?"
        r"(?P<nation>(?:ال)?(?:امريكي|اميركي|امريكيه|اميركيه))(?!\w)"
    ),
    "en": _rx(
        r"(?<![\w.])(?P<nation>u\.s\.|us|american)[\s-]+(?:(?:air|drone|military|precision)\s+)?"
        r"(?:strikes?|airstrikes?|retaliation|retaliatory\s+strikes?|raids?|bombing|aggression)(?!\w)"
    ),
}
# A new clause with its own subject between two words: "shot down by US forces, while the other struck".
_CLAUSE_CHANGE = re.compile(r"[,،;؛]\s*(?:while|whereas|but|and|as|فيما|بينما|في\s+حين|و)(?!\w)|[.;؛]")
# Another source holding someone responsible: "blamed on", "اتهمت ... بتنفيذ", "حمّلت".
_BLAME = {
    "ar": _rx(r"(?<!\w)[وف]?(?:اتهم|اتهمت|يتهم|تتهم|حمل|حملت|يحمل|تحمل|نسب|نسبت)(?!\w)"),
    "en": _rx(r"(?<!\w)(?:blam(?:ed|es|ing)|attribut(?:ed|es)|accus(?:ed|es)|held\s+responsible)(?!\w)"),
}
# A party that confirms, condemns or acknowledges the event speaks of it (event_families "confirming_speakers"): "The PMF
# confirmed the strike", "the ministry condemned the attack", "أدانت الحكومة", "نددت".
_CONFIRMS_AFTER = {
    "en": _rx(r"^[\s,]*(?:\w+\s+){0,1}(?:confirmed|confirms|condemned|condemns|acknowledged|acknowledges|denounced|denounces)(?!\w)"),
    "ar": _rx(r"^[\s,،]*(?:\S+\s+){0,1}(?:ادان|ادانت|يدين|تدين|ندد|نددت|استنكر|استنكرت)(?!\w)"),
}
_CONFIRMS_BEFORE = _rx(r"(?<!\w)[وف]?(?:ادان|ادانت|ندد|نددت|استنكر|استنكرت)\s*$")  # VSO: "وأدان الحشد الشعبي الغارة"
# A count of attacks claimed over a period (event_families "campaign_claims"): "have claimed more than a dozen attacks
# … since the war flared up", "تبنت الفصائل أكثر من 100 هجوم منذ بدء الحرب".
_COUNTED_BEFORE = {
    "en": _rx(r"(?<![\w-])(?:\d+|a\s+dozen|dozens\s+of|scores\s+of|hundreds\s+of|more\s+than\s+(?:a\s+)?[\w-]+|"
              r"at\s+least\s+[\w-]+|over\s+[\d]+)\s+(?:[\w-]+\s+)?$"),
    "ar": _rx(r"(?<!\w)(?:\d+|عشرات|مئات|اكثر\s+من\s+\S+|ما\s+لا\s+يقل\s+عن\s+\S+)\s+(?:\S+\s+)?$"),
}
_SINCE_PERIOD = {
    "en": _rx(r"(?<!\w)(?:since|so\s+far|to\s+date|over\s+the\s+(?:past|last))(?!\w)"),
    "ar": _rx(r"(?<!\w)(?:منذ|حتى\s+الان|خلال\s+(?:ال)?(?:اسابيع|اشهر|شهور|ايام)|على\s+مدى)(?!\w)"),
}
# Groups named as having halted their attacks ("since Iran-aligned factions halted their attacks in February",
# "منذ أوقفت فصائل موالية لإيران هجماتها") are not blamed for the attack told, unless the text makes an exception
# ("except twice, when they tried to target X", "باستثناء مرتين"): family "halted_attacks".
_HALTED = {
    "ar": _rx(r"(?<!\w)[وف]?(?:اوقفت|اوقف|اوقفوا|علقت|علق|علقوا|توقفت|توقف|تعليق|ايقاف|وقف)(?!\w)"),
    "en": _rx(r"(?<!\w)(?:halt(?:ed|s|ing)?|suspend(?:ed|s|ing)?|suspension|stopp(?:ed|ing)|paus(?:ed|ing)|ceas(?:ed|ing))(?!\w)"),
}
_EXCEPT = {
    "ar": _rx(r"(?<!\w)(?:باستثناء|عدا|سوي|الا\s+مره|الا\s+مرتين)(?!\w)"),
    "en": _rx(r"(?<!\w)(?:except|apart\s+from|other\s+than|save\s+for)(?!\w)"),
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
        r"(?:belong(?:ed|s)?|were\s+affiliated)\s+(?:to|with)(?!\w)|"
        # "These targets are associated with the IRGC" (event_families "story_targets")
        r"^\W*(?:the|both|these|those)\s+(?:\w+\s+){0,2}?(?:facilit(?:y|ies)|sites?|depots?|targets?|locations?|bases?|compounds?)\s+"
        r"(?:were|was|are|is)\s+(?:all\s+)?(?:associated|linked|connected|tied)\s+(?:to|with)(?!\w)"
    ),
    "ar": _rx(
        r"^\W*[وف]?(?:كانت\s+|كان\s+)?(?:تعود|يعود|تتبع|يتبع|تستخدم\w*|يستخدم\w*)\s+(?:ال)?(?:منشات|منشاتان|منشاتين|منشاه|مواقع|الموقع|موقع|موقعان|موقعين|مخازن|مخزن|اهداف|الاهداف|مقرات|مقر)"
    ),
}
# Whose men were at the struck site, said right after the strike (event_families "personnel_at_site"): "The official
# said there had been Iranian-aligned militia and IRGC personnel on the base", "قال المسؤول إنه كان هناك أفراد من X
# في القاعدة": the groups named after the phrase are the strike's targets, as the sites' owners are.
_PERSONNEL_AT_SITE = {
    "en": (
        r"^\W*(?:[\w\s.,'-]{0,50}?\s(?:said|says|added|noted)\s+)?(?:that\s+)?there\s+(?:had\s+been|have\s+been|were|was)"
        r"(?=\s[^.;]{0,80}?(?:personnel|members|fighters|militiamen|operatives)\s+(?:on|at|in|inside)\s+(?:the|both|those|these)\s+"
        r"(?:bases?|sites?|facilit\w*|compounds?|depots?|camps?|locations?|targets?)(?!\w))"
    ),
    "ar": (
        r"^\W*[وف]?(?:(?:قال|قالت|اضاف|اضافت|اوضح|اوضحت|اكد|اكدت)\s+(?:\S+\s+){0,4}?(?:ان|انه|بان|بانه)\s+)?"
        r"(?:كان|كانت)\s+(?:هناك|ثمه)(?=\s+(?:افراد|عناصر|مقاتلين|مقاتلون|مسلحين|مسلحون)\s+(?:من|تابعين|ينتمون)(?!\w))"
    ),
}
if on("personnel_at_site"):
    _SITE_OWNERS = {
        language: _rx(_SITE_OWNERS[language].pattern + "|" + _PERSONNEL_AT_SITE[language]) for language in _SITE_OWNERS
    }
# An actor named as a party to a war: "the war between Israel and Hamas", "الحرب بين إسرائيل وحماس", "Israel's war with Hamas".
_WAR_PARTY_BEFORE = _rx(
    r"(?<!\w)(?:war|conflict|fighting)\s+(?:between|with|against)\s+(?:[^\s,.;]+\s+){0,4}?(?:(?:and|or)\s+)?(?:the\s+)?$|"
    r"(?<!\w)[وفبل]?(?:ال)?(?:حرب|صراع|نزاع|مواجهات)\s+(?:\S+\s+){0,2}?(?:بين|مع|ضد|على)\s+(?:[^\s،.؛]+\s+){0,4}?[و]?$"
)
# A party to another war, named right before the war word or after "war of": "the Israel-Hamas war", "حرب إسرائيل وحماس"
# (event_families "other_parties").
_WAR_PARTY_AFTER = _rx(r"^\s*(?:war|conflict)\b")
_WAR_PARTY_AR_BEFORE = _rx(r"(?<!\w)[وفبل]?(?:ال)?(?:حرب|صراع)\s+(?:ال)?(?:اسرائيل|اسراييل|اسرائيليه)\s+و?$")
# A person's group, told to say who the person is: "the head of Hamas's political bureau", "زعيم حزب الله", "leader of
# Hezbollah": not a party of the attack beside which it is told (event_families "other_parties").
_AFFILIATION_BEFORE = {
    "ar": _rx(r"(?<!\w)(?:رئيس|زعيم|قائد|امين\s+عام|الامين\s+العام|مؤسس|ناطق\s+باسم|المتحدث\s+باسم)\s+(?:(?:ال)?مكتب\s+(?:ال)?سياسي\s+)?(?:ل|ل?ال)?$"),
    "en": _rx(r"\b(?:leader|chief|head|founder|secretary[-\s]general|spokesman|spokesperson|politburo\s+chief|political\s+(?:chief|leader|bureau\s+chief))\s+of\s+(?:the\s+)?$"),
}
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
# Arabic interception verb, then its subject: "أسقطت [المضادات الأرضية التابعة لـ]قوات التحالف" (family "defenders").
_DEFENCES_OF_AR = _rx(
    r"\s*(?:(?:ال)?(?:دفاعات|مضادات|منظومات|منظومه|انظمه|وسائط|دفاع)\s+(?:(?:ال)?(?:جويه|ارضيه|جوي|ارضي|الدفاع\s+الجوي)\s+)?"
    r"(?:(?:ال)?تابعه\s+)?)?ل?\s*[\"“”«»']?\s*"
)
# Syntax of the agent (see roles._Roles._agent). The passive "by": "was struck by", "targeted by", "من قبل", "بواسطة".
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

# An attack a state's strikes answer, after the strikes: "The U.S. strikes come after new attacks on X",
# "الضربات الأميركية جاءت ردا على هجمات على X" (event_families "answered_attacks").
_ANSWERS = {
    "en": _rx(
        r"\b(?:comes?|came|follows?|followed|after|following|in\s+(?:response|retaliation|reply)\s+(?:to|for)"
        r"|retaliat\w*\s+for|answer(?:s|ed|ing)?|respond(?:s|ed|ing)?\s+to)\b"
    ),
    "ar": _rx(r"(?<!\w)(?:[وف]?(?:ردا|رد|ردت)\s+على|بعد|عقب|اثر|في\s+اعقاب|انتقاما\s+ل|جاءت|جاء|تاتي|ياتي)(?!\w)"),
}

# A group "calling itself" X: the words before X (event_families "self_named"). "جماعة تطلق على نفسها اسم X",
# "الفصائل التي تسمي نفسها X", "a group calling itself X", "which calls itself X".
_SELF_NAMED_BEFORE = {
    "ar": _rx(
        r"(?<!\w)(?:التي\s+|الذي\s+)?(?:تطلق|يطلق|تطلقان|اطلقت|تسمي|يسمي|سمت)\s+(?:على\s+)?(?:نفسها|نفسه)\s+"
        r"(?:اسم\s+)?[\"“«']?\s*$"
    ),
    "en": _rx(
        r"(?<!\w)(?:(?:which|that|who)\s+)?(?:calling|calls|called|call)\s+(?:itself|themselves)\s+(?:the\s+)?[\"“']?\s*$"
    ),
}
# What follows a self-named group that says it did the event: "X أنها استهدفت", "X إنها أطلقت", "X said it had fired".
_SELF_CLAIM_AFTER = {
    "ar": _rx(r"^[\"”»']?\s*[،,]?\s*(?:في\s+بيان\s+)?(?:ان|انه|انها|انهم)\s*$"),
    "en": _rx(
        r"^[\"”']?\s*,?\s*(?:said|says|announced|claimed)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?$"
    ),
}


# A past period after plural attack words: the attacks are a series over it, not one event (event_families
# "period_series"). "بعد هجمات عدة شهدتها الأسابيع الماضية", "attacks over the past weeks", "في الآونة الأخيرة".
_PERIOD_AFTER = {
    "ar": _rx(
        r"^\s*(?:\S+\s+){0,4}?(?:شهدتها|شهدها|خلال|على\s+مدى|طوال|في|منذ)\s+(?:ال)?(?:اسابيع|اشهر|شهور|ايام)\s+"
        r"(?:ال)?(?:ماضيه|اخيره|سابقه|قليله\s+الماضيه)|^\s*(?:\S+\s+){0,4}?في\s+الاونه\s+الاخيره"
    ),
    "en": _rx(
        r"^\s*(?:\S+\s+){0,4}?(?:in|over|during|throughout)\s+(?:the\s+)?(?:past|last|recent|previous|preceding)\s+"
        r"(?:few\s+|several\s+|two\s+|three\s+)?(?:weeks|months|days)\b|^\s*(?:\S+\s+){0,4}?(?:in\s+)?recent\s+(?:weeks|months)\b"
    ),
}

