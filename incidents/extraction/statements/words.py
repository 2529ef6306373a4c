"""The words and patterns statement finding reads (speech verbs come from `vocabulary.SPEECH_VERBS`), and the
StatementKind values it gives.
"""
import re

from ..normalize import token_key
from ..vocabulary import CLAIMISH, DESCRIBE, SPEECH_VERBS
from .families import on
from .model import _keys

REPORT = "report"
CLAIM = "claim"
CONDEMNATION = "condemnation"
DENIAL = "denial"
DEMAND = "demand"
POSITION = "position"
CASUALTY_FIGURES = "casualty figures"
_CLAIMISH = CLAIMISH  # زعم، claimed: a claim of responsibility from an armed group, else what it says
_DESCRIBE = DESCRIBE  # وصف الهجوم بأنه، called the strike "…": a condemnation when what is described is the attack


# the speech verbs are a table: vocabulary.SPEECH_VERBS (a row of a rule family only while it is on)
_SPEECH_ROWS = [row for row in SPEECH_VERBS if not row.family or on(row.family)]
# "نقل عن" (reported from) is a speech verb only with its عن.
_AR_NAQALA = _keys("نقل نقلت ينقل تنقل")
_VERB_KIND = {}
for _row in _SPEECH_ROWS:
    for _key in _keys(_row.ar):
        _VERB_KIND[_key] = _row.kind
for _row in _SPEECH_ROWS:
    for _key in _keys(_row.en):
        _VERB_KIND[_key] = _row.kind
_BLAME_VERBS = _keys("اتهم اتهمت يتهم تتهم اتهموا accused accuses blamed blames")
_AR_ANNOUNCE = _keys("أعلن أعلنت يعلن تعلن أعلنوا أكد أكدت قال قالت")
_AR_ATTRIBUTION = _keys("بحسب حسب وفق وفقا طبقا")
# Family as_said (families.py): "as X said" after what was said: "حسبما أعلن", "على ما أفاد", "وفق ما ذكرت"
_AR_AS_SAID_FUSED = _keys("حسبما بحسبما وفقما")
_AR_AS_SAID_PREPOSITIONS = _keys("على حسب بحسب وفق وفقا طبقا")
_AR_NAQLAN = _keys("نقلا")
_MA = token_key("ما")
_EXPLANATORY = _keys("إذ اذ حيث")
_GENERIC_SPOKESMAN = re.compile(r"^(?:an?|the|its|their)\s+(?:\w+\s+)?(?:spokes(?:man|woman|person)|official|representative)$", re.I)
_BIHI = _keys("به بها")
_EN_CALLED = _keys("called calls")
_EN_CALLED_AFTER = _keys("on for upon")
_EN_DESCRIBED = _keys("called calls described describes branded labelled labeled termed")
_EN_DEMONSTRATIVES = _keys("this that these those it them")
_EN_COPULAS = _keys("was were is are had has have")
_EN_CLAIM_OBJECTS = _keys("responsibility attack attacks strike strikes operation operations bombing credit")
_EN_NOT_VERB_BEFORE = _keys(
    "the a an its his her their these those such was were is are be been being"
)
_EN_RELATIVE = _keys("which who that whom whose")
# Between a speaker and its English verb: "has said", "also told", "later said".
_EN_GAP_WORDS = _keys(
    "has have had also later earlier previously then again separately further on late early today tonight "
    "yesterday monday tuesday wednesday thursday friday saturday sunday"
)
_DATE_WORDS = _keys(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_AR_RELATIVES = _keys("التي الذي الذين اللذين اللتين")
_NEGATIONS = _keys("لم لا لن دون not never didn't doesn't")
_COMPLEMENTIZERS = _keys("أن إن بأن ان بان انه انها إنه إنها أنه أنها")
_AR_DOCUMENT_NOUNS = _keys("بيان بيانات تقرير تقارير إحصائية إحصائيات أرقام معطيات رسالة تغريدة منشور تدوينة تصريح تصريحات كلمة مقابلة")
_EN_DOCUMENT_WORDS = _keys("a an the report reports statement statements figures data by from of tally count")
_EN_PRONOUNS = _keys("it he she they")
_DOCUMENT_ANAPHORS = _keys("statement البيان بيان الرسالة")
_ROLE_ANAPHORS = _keys(
    "المصدر المسؤول المتحدث الناطق المصادر المسؤولون المسؤولين source official spokesman spokeswoman "
    "spokesperson officials sources"
)
_EN_ROLE_WORDS = _keys(
    "spokesman spokeswoman spokesperson official officials source sources minister secretary president "
    "commander general ambassador envoy adviser advisor chief leader director officer witness witnesses "
    "resident residents diplomat diplomats statement police army military authorities ministry government "
    "forces militia agency command council office"
)
# Family role_speakers: more role nouns, and bare plural ones that speak alone (", officials said").
_EN_MORE_ROLE_WORDS = _keys("activist activists monitor correspondent reporter analysts")
_EN_BARE_ROLES = _keys("officials sources witnesses residents activists diplomats analysts")
# Family speech_acts_more: "issued / published a statement", "released a video".
_EN_ISSUED = _keys("issued published released posted")
_EN_ISSUED_DOCUMENTS = _keys("statement statements video communique message")
# Where an Arabic subject the actor matcher does not know ends: what was said starts here.
_AR_SPEECH_STARTS = _keys("أن إن بأن ان بان انه انها إنه إنها أنه أنها بأنه بأنها بأنهم إلى الى")
_AR_SUBJECT_STOPS = _keys("في خلال اليوم أمس امس يوم مساء صباح")
# After a verb, these mean its subject is a pronoun ("قالت فيه إنها", "وأضاف في بيان", "وأكد لها").
_AR_PREPOSITIONS = _keys("في فيه فيها فيهم له لها لهم عنه عنها منه منها عليه عليها خلال")
_AR_EXPRESS = _keys("أعرب أعربت يعرب تعرب")  # أعرب عن: what is expressed follows عن
_AR_SUBJECT_WORDS = 8
# Family verbal_noun_said: verbal nouns that open what was said after a speech verb and its subject, with no أن
# ("أكدت مصادر وقوع انفجارات", "أفادت وسائل إعلام بتعرض القاعدة لهجوم", "أعلن الجيش مقتل جنديين").
_AR_SAID_NOUNS = _keys(
    "وقوع سقوط مقتل مصرع إصابة اصابة تعرض استهداف إطلاق اطلاق تنفيذ شن اعتراض انفجار إسقاط اسقاط تراجع مواصلة "
    "استمرار انسحاب وصول تدمير تعليق إيقاف ايقاف انتهاء استئناف"
)
# Family addressee_outlet: nouns of a news outlet; after لـ, the one a speaker told ("للصحيفة", "لوكالة الأنباء").
_AR_OUTLET_NOUNS = _keys("صحيفة وكالة قناة موقع شبكة إذاعة اذاعة مجلة تلفزيون وسائل")
_AN = _keys("عن")
_FI = token_key("في")
_ISSUED_BY = _keys("صادر صادرة عن من")  # بيان صادر عن …
_EN_ARTICLES = _keys("a an the")
_EN_CONJUNCTIONS = _keys("and but while as")
# "…, while the Islamic Resistance said it hit the base": a new clause with its own speaker, not an
# attribution of what came before.
_EN_CLAUSE_OPENERS = _keys("and but while whereas when after before because since although though as")
_EN_QUANTIFIERS = _keys("one two three four several some many both another")  # "one of the officials said"
_EN_APPOSITIVE_STARTS = _keys("a an the which who one whose")
_EN_NOT_NAMES = _keys("the a an it he she they we i")
_EN_NAME_PARTICLES = _keys("al el bin ibn abu de")
_EN_NAME_BREAKS = _keys("of for in to against on at")  # the head of "Observatory for Human Rights"
_NATION_WORDS = _keys("us u.s. american iraqi syrian iranian israeli jordanian turkish kurdish")
_ARMED_KINDS = ("militia or armed group", "unidentified")
_STATE_KINDS = ("state", "state force", "government body", "official person")



_DENIAL_CONTENT = re.compile(
    r"\b(?:not|never)\s+(?:been\s+)?involved\b|\bno\s+(?:role|involvement|link|connection)\b|\bnothing\s+to\s+do\s+with\b"
    r"|(?<!\w)(?:لا|اي|أي)\s+علاقه\s+(?:لها|له|لهم)(?!\w)"
    r"|\b(?:had|has|have|did|does|do|was|were)\s+not\s+(?:taken?\s+place|take\s+place|happen(?:ed)?|occur(?:red)?)\b"
    r"|\bnever\s+(?:happened|took\s+place|occurred)\b|\b(?:baseless|untrue|unfounded|fabricated)\b"
    r"|(?<!\w)(?:لا\s+صحه|عار\w*\s+عن\s+الصحه|غير\s+صحيح\w*|مفبرك\w*|لم\s+(?:يتعرض|تتعرض|يحدث|تحدث|يقع|تقع|تشهد|يشهد)(?!\w))"
)
# Family denial_direction (families.py): denying that anyone directs the attacks: orders neither given nor taken, no
# tie, no knowledge of them: "do not take orders from Iran", "does not give them any instructions", "ليس لها علاقة
# ولا دور", "لا يتلقون أوامر", "لا يعلمون كيفية عملنا".
_DENIAL_DIRECTION = re.compile(
    r"\b(?:do|does|did|would|will)\s+not\s+(?:take|receive|follow|give|issue)\s+(?:them\s+|us\s+)?(?:any\s+)?"
    r"(?:orders|instructions|directives|directions)\b"
    r"|\bno\s+(?:orders|instructions)\s+(?:from|to)\b"
    r"|(?<!\w)ليس\s+(?:لها|له|لهم|لنا|لايران)\s+(?:اي\s+)?(?:علاقه|دور|صله)(?!\w)"
    r"|(?<!\w)لا\s+(?:يتلقون|يتلقي|تتلقي|نتلقي|يعطون|تعطي|يعطي|نعطي)\s+(?:\S+\s+)?(?:اي\s+)?(?:اوامر|تعليمات)(?!\w)"
    r"|(?<!\w)لا\s+(?:يعلمون|يعلم|تعلم|نعلم)\s+(?:ب)?(?:كيفيه|شيي|عن)(?!\w)"
)
_CONDEMNATION_CONTENT = re.compile(
    r"\b(?:condemnation|condemning|denounc\w*|deplor\w*|outrage\w*|unacceptable|cowardly|heinous|"
    r"terrorist\s+act|(?:a\s+)?(?:flagrant\s+|clear\s+|blatant\s+)?violation)\b"
    r"|(?<!\w)(?:غير\s+مقبول|عمل\s+ارهابي|جبان|انتهاك)\w*|(?<!\w)(?:ال)?عدوان(?!\w)|\baggression\b"
    r"|(?<!\w)[وب]?(?:ال)?(?:استنكار|ادانه|ادانت|تنديد|شجب)\w*"
    r"|(?<!\w)(?:ال)?رفض\w*\s+(?:ل|لل|ال)\w*(?:هجوم|هجمات|اعتداء|استهداف|قصف|ضرب|غار)"
    r"|\breject\w*\s+(?:\W*\w+\s+){0,3}?(?:attacks?|strikes?|aggression|violation)\b"
)
# What a describing verb describes, when it is the attack: "the strike", "the raids", "الهجوم", "القصف".
_DESCRIBED_EVENT = re.compile(
    r"^\W*(?:(?:the|this|that|these|those)\s+)?(?:\w+\s+){0,1}?(?:attacks?|strikes?|raids?|killing|bombing|assassination|"
    r"aggression|shelling|operation)\b"
    r"|^\W*(?:\S+\s+){0,3}?[وب]?(?:ال)?(?:هجوم|هجمات|قصف|غاره|غارات|ضربه|ضربات|اعتداء|استهداف|عمليه|اغتيال)\w*(?!\w)"
)
# Content that opens with the toll (after a dateline): "قُتل ثلاثة جنود …", "Three soldiers were killed …".
_CASUALTIES_FIRST = re.compile(
    r"^(?:[^.\n]{0,40}\s[-—–]\s*)?(?:[وف]?(?:قتل|قتلت|قتلوا|مقتل|مصرع|اصيب|اصيبت|اصيبوا|جرح|استشهد|لقي|سقط)(?!\w)"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|dozens)"
    r"\s+(?:[\w.'’-]+\s+){0,4}?(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt)\b)"
)
_PAST_FACT = re.compile(
    r"\bhad\s+(?:been|served|led|headed|commanded|worked)\b|(?<!\w)كان\s+(?:قد\s+)?(?:شغل|تولى|قاد|عمل)(?!\w)"
    r"|\b(?:belonged|belong|belongs)\s+to\b|(?<!\w)(?:ينتمون|ينتمي|تنتمي|ينتسبون)\s+(?:الي|ل)"  # whose the dead were
)
_OBJECT_PRONOUN = re.compile(r"(?:وصف|وصفت|يصف|تصف)(?:ه|ها)$")
_MODAL = re.compile(
    r"\b(?:will|would|shall|won't|wouldn't|must|should|vows?|vowed|warn\w*|threaten\w*)\b|\w['’]ll\b"
    r"|(?<!\w)[وف]?(?:لن|سوف|يجب|ينبغي|لا\s+يمكن|لا\s+تقبل|لا\s+يقبل|حق\w*\s+في\s+الدفاع)(?!\w)"
    r"|\bright\s+to\s+(?:self|defend)"
    # a right kept for later: "we reserve the right to respond", "نحتفظ بحق الرد"
    r"|\breserves?\s+(?:the|its|our|their)\s+right\b|(?<!\w)[وف]?(?:نحتفظ|تحتفظ|يحتفظ|احتفظ\w*)\s+ب?(?:ال)?حق\w*(?!\w)"
)
_EVENT = re.compile(
    r"\b(?:attack\w*|strikes?|struck|airstrikes?|drones?|rockets?|missiles?|shell\w*|bomb\w*|target\w*|hit|"
    r"intercept\w*|shot\s+down|fired|launch\w*|explosions?|blasts?|raids?|kill\w*|wound\w*|injur\w*|hurt|"
    r"casualt\w*|damage\w*|behind|responsible|carried\s+out|facilit\w+|investigat\w*|arrest\w*|detain\w*)\b"
    r"|(?:تحقيق|اعتقال|القبض|هجوم|هجمات|استهدا?ف|قصف|غاره|غارات|ضربه|ضربات|صاروخ|صواريخ|قذيف|قذايف|طايره|طايرات|مسير|اسقط|"
    r"اعترض|انفجار|عبوه|مقتل|قتل|اصاب|جرح|خساير|اضرار|عثر|منصه|وراء|مسووليه|نفذ|تعرض|اطلاق|اطلق)"
)
# An attack the content introduces (indefinite): "a one-way drone attack", هجوم بصاروخ، طائرة أميركية.
_EVENT_INTRO = re.compile(
    r"\b(?:a|an)\s+(?:(?!the\b|that\b|of\b|in\b|on\b|to\b|for\b)[\w-]+\s+){0,3}?"
    r"(?:attack|strike|airstrike|drone|rocket|missile|raid|bombing|barrage)s?\b"
    r"|(?<!\w)[وفبل]?(?:هجوم|هجوما|غاره|ضربه|طايره|صاروخ|قذيفه|قصف)(?!\w)"
)
# An event the text already told, named definitely: "in the strike", "the missile attack", "في الضربة", "الهجوم".
_EVENT_NAMED = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|airstrike|raid|bombing)\b"
    r"|(?<!\w)[وفبل]?(?:ال|لل)(?:هجوم|غاره|ضربه|قصف)(?!\w)"
)
# One's own strikes justified as self-defence: "acts of self-defense", "دفاعا عن النفس".
_SELF_DEFENCE = re.compile(r"\bself[\s-]defen[cs]e\b|(?<!\w)(?:دفاعا|دفاع|الدفاع)\s+عن\s+(?:النفس|نفسها|نفسه)")
_QUANTIFIER = re.compile(
    r"\b(?:several|a\s+number\s+of|dozens|scores|many|numerous|a\s+few)\b"
    r"|(?<!\w)(?:عدد\s+من|عددا\s+من|العديد|عشرات|بعض)(?!\w)"
)
_CONDITION = re.compile(r"\b(?:critical|serious|stable)\s+condition\b|evacuated|(?:حاله|حالته|حالتهم)\s+حرج")
_SELF_ATTACK = re.compile(
    r"\b(?:it|its\s+\w+|they|their\s+\w+|we|our\s+\w+)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:attacked|targeted|struck|launched|hit|fired|shelled|bombed|carried\s+out|conducted|executed)\b"
    r"|\b(?:it|they|we)\s+(?:was|were|had\s+been|are|is)\s+(?:\w+\s+)?(?:behind|responsible\s+for)\b"
    r"|(?<!\w)(?:انها|انه|اننا|انهم)\s+(?:\S+\s+){0,2}?(?:استهدف|قصف|هاجم|ضرب|اطلق)"
    r"|(?<!\w)(?:انها|انه|اننا|انهم)\s+(?:\S+\s+){0,1}?(?:تقف|يقف|يقفون|نقف)\s+وراء"
)
_RESPONSIBILITY = re.compile(
    r"\b(?:claimed|claims|claiming|took|taken|takes|taking|assumed|asserted|accepted)\s+(?:full\s+)?(?:responsibility|credit)\b"
    r"|(?<!\w)(?:ال)?مسووليت(?:ها|ه|هم)\s+عن(?!\w)"
)
_STANCE = re.compile(
    r"\b(?:concern\w*|solidarity|condolences|prayers|welcom\w*|support\s+for|commitment|suspen(?:d|ds|ded|ding|sion)|halt(?:s|ed|ing)?)\b"
    r"|(?<!\w)[وب]?(?:ال)?(?:قلق|تضامن|تعازي|تعزيه|ترحيب|دعم|التزام|تعليق|صلوات)\w*"
    # a party's own future course: "ستواصل عملياتها", "سيواصلون", "سترد"
    r"|(?<!\w)[وف]?س(?:ي|ت|ن)(?:واصل|ستمر|رد|بقي|لاحق|حاسب|دافع|تخذ|نتقم|عمل\s+علي)\w*"
)
# A copular justification of an action: "the strikes were a direct response to …", "جاءت الضربات ردا على".
_JUSTIFICATION = re.compile(
    r"\b(?:were|was|is|are|came|come|comes)\s+(?:a\s+|an\s+)?[\"“]?(?:[\w-]+\s+)?(?:response|retaliation|reply)[\"”]?\s+(?:to|for)\b"
    # what the strikes were for: "the strikes were meant to deter further attacks", "تهدف إلى ردع"
    r"|\b(?:were|was|is|are)\s+(?:\w+\s+)?(?:meant|intended|designed|aimed)\s+(?:to|at)\b"
    r"|(?<!\w)(?:تهدف|يهدف|هدفت|هدف)\s+(?:الي|ل)\s*(?:ردع|منع|حمايه)"
    r"|(?<!\w)(?:جاءت|جاء|تاتي|ياتي|جات)\s+(?:\S+\s+)?[\"“«]?ردا[\"”»]?\s+علي"
)
_VERBAL_NOUN_ATTACK = re.compile(r"(?<!\w)[و]?(?:استهداف|مهاجمه|قصف)(?!\w)")
_RESPONSE = re.compile(r"\bin\s+(?:response|retaliation)\b|(?<!\w)ردا\s+علي\s+ذلك")
_ATTACK_COUNT_NOUNS = _keys(
    "attacks strikes airstrikes times rockets drones assaults incidents raids "
    "هجوم هجوما هجومًا هجمات ضربات ضربة غارات غارة مرة عملية عمليات"
)
_ATTACK_COUNT = re.compile(
    "(?<!\\w)(?:" + "|".join(sorted(map(re.escape, _ATTACK_COUNT_NOUNS), key=len, reverse=True)) + ")(?!\\w)"
)
_ATTACK_REFERENCE = re.compile(
    r"\bthe\s+(?:\w+\s+){0,2}?(?:attacks?|strikes?|bombing|incident)\b|(?<!\w)[وبل]*ال(?:هجوم|هجمات|ضربات|اعتداء|قصف)"
)
# "Eight of the wounded", الجرحى: the victims of the incident just discussed.
_VICTIM_REFERENCE = re.compile(
    r"\bthe\s+(?:wounded|injured|dead|victims|casualties)\b|(?<!\w)[وبل]*ال(?:جرحي|مصابين|قتلي|ضحايا)(?!\w)"
)
# "The attack on the airport / the base / the embassy": the kind of place the reference names.
_PLACE_NOUNS = {
    re.compile(r"\bairport\b|(?<!\w)[وبل]*المطار(?!\w)"): (("airport",), _keys("airport مطار")),
    re.compile(r"\b(?:base|airbase|outpost)\b|(?<!\w)[وبل]*القاعده(?!\w)"): (("military base",), _keys("base قاعدة")),
    re.compile(r"\bembassy\b|(?<!\w)[وبل]*السفاره(?!\w)"): (("embassy",), _keys("embassy سفارة")),
}
_PLURAL_ATTACKS = re.compile(
    r"\b(?:attacks|strikes|operations|series|both)\b"
    r"|(?<!\w)[وبل]*(?:ال)?(?:هجمات|عمليات|سلسله|هجومين|هجومي|الهجومين|ضربات|غارات|بيانين)(?!\w)"
)
_TERMINAL = re.compile(r"[.!?؟]['\"”»)]*\s*$")
_SUBHEAD_WORDS = 6
_COMPLEMENTIZER_WORDS = 8  # the attribution ends at أن / that within this many words, or with its speaker

# Family zero_casualties (families.py): a statement that nobody was hurt, or that casualties are not yet
# known, gives casualty figures (zero, or none yet): "there were no casualties", "no injuries were reported",
# "it was not clear if there were casualties", "لم تقع إصابات", "عدم وقوع إصابات", "لا توجد إصابات",
# "لم تسجل أي خسائر بشرية", "لم يصب أي جندي".
_ZERO_CASUALTIES = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}?(?:casualties|injuries|deaths|fatalities)\b"
    r"|\b(?:were|was)(?:\s+not|n[’']t)\s+(?:any\s+)?(?:casualties|injuries|deaths|fatalities)\b"
    r"|\b(?:no|any)\s+information\s+(?:\w+\s+){0,2}?(?:on|about)\s+(?:any\s+)?casualties\b"
    r"|(?:\bunclear|\bnot\s+clear|n[’']t\s+clear)\s+(?:if|whether)\s+there\s+(?:were|had\s+been)\s+(?:any\s+)?casualties\b"
    r"|(?<!\w)(?:ليس|لا\s+توجد|لا\s+يوجد)\s+(?:\S+\s+){0,2}?معلومات\s+(?:\S+\s+){0,3}?عن\s+(?:ال)?(?:ضحايا|اصابات|خساير)"
    r"|(?<!\w)(?:لم|لا)\s+(?:تقع|يقع|تسجل|يسجل|توجد|يوجد|تحدث|تكن\s+هناك|يكن\s+هناك)\s+(?:اي\s+)?(?:اصابات|اصابه|خساير\s+بشريه|ضحايا)"
    r"|(?<!\w)[و]?(?:عدم|دون)\s+(?:وقوع|تسجيل)\s+(?:اي\s+)?(?:اصابات|اصابه|خساير\s+بشريه|ضحايا)"
    r"|(?<!\w)لا\s+(?:اصابات|ضحايا)(?!\w)"
    r"|(?<!\w)لم\s+(?:يصب|تصب|يصاب|يقتل|يجرح)\s+اي(?!\w)"
    # a negated verb of result whose object is the toll: "الهجوم لم يسفر عن إصابات", "لم يوقع ضحايا", "لم يخلف أي
    # خسائر بشرية", "did not cause any casualties", "did not result in injuries"
    r"|(?<!\w)[و]?(?:لم|دون\s+ان)\s+(?:يسفر|تسفر|يوقع|توقع|يخلف|تخلف|يودي|تودي|يود|تود)\s+(?:عن\s+|الي\s+)?(?:وقوع\s+)?(?:اي\s+)?"
    r"(?:اصابات|اصابه|خساير\s+بشريه|ضحايا|قتلي)"
    r"|\b(?:did|does|do)(?:\s+not|n[’']t)\s+(?:cause|result\s+in|lead\s+to|leave)\s+(?:any\s+)?(?:\w+\s+)?"
    r"(?:casualties|injuries|deaths|fatalities)\b"
)
# An event the content tells with its own verb ("a rocket was fired", "the drone struck", "أُطلق صاروخ") or names
# with its target ("the attack on al-Tanf"): its zero toll is then part of the report of the event.
_EVENT_TOLD = re.compile(
    r"\b(?:struck|hit|landed|fired|launched|targeted|destroyed|damaged|downed|shot\s+down|intercepted|exploded|"
    r"crashed|fell|impacted)\b"
    r"|(?<!\w)[وف]?(?:اطلق|اطلقت|سقط|سقطت|سقطا|استهدف|استهدفت|استهدفوا|اعترض|اعترضت|انفجر|انفجرت|قصف|قصفت|تعرض|تعرضت)(?!\w)"
    r"|(?<!\w)[وف]?اسقط\w*"
    # the event named with its target ("the attack on al-Tanf", "الهجوم على التنف"): the statement confirms that event
    r"|\b(?:attack|strike|airstrike|raid)s?\s+(?:on|against)\b"
    r"|(?<!\w)[وفبل]?(?:ال|لل)?(?:هجوم|هجمات|ضربه|ضربات|غاره|غارات|قصف|استهداف)\s+(?:علي|ضد)(?!\w)"
)

# Family self_claim (families.py): an armed group telling of its fighters' attack claims it: "مجاهدو المقاومة
# استهدفوا", "استهدف مجاهدونا", "its fighters struck", "our mujahideen targeted".
_FIGHTERS_ATTACK = re.compile(
    r"(?<!\w)[و]?(?:ال)?(?:مجاهد|مقاتل|ابطال|رجال)\w*\s+(?:\S+\s+){0,5}?[وف]?(?:استهدف|هاجم|قصف|ضرب|اطلق|دك|نفذ)\w*"
    r"|(?<!\w)[وف]?(?:استهدف|هاجم|قصف|ضرب|دك|نفذ)\w*\s+(?:ال)?(?:مجاهد|مقاتل|ابطال)\w*"
    r"|\b(?:its|their|our)\s+(?:\w+\s+){0,2}?(?:fighters|mujahideen|mujahidin|militants|members|forces)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:attacked|targeted|struck|launched|hit|fired|shelled|bombed)\b"
)

# Family justification (families.py): why a strike was made, as its maker tells it, is a position: "الضربات
# كانت ردا على", "هذه الضربات هي رد على", "الغارات تهدف لتقويض", "the sites were chosen because", "one purpose
# of the strikes was to deter".
_JUSTIFICATION_MORE = re.compile(
    r"(?<!\w)(?:كانت|كان|هي|هو|تعد|يعد|تاتي|ياتي|اتت|اتي)\s+(?:\S+\s+){0,6}?[\"“«]?ردا?[\"”»]?\s+(?:\S+\s+)?علي(?!\w)"
    r"|(?<!\w)(?:تهدف|يهدف|هدفت|هدف|تهدفان)\s+(?:الي\s|ل)"
    r"|(?<!\w)(?:تم|جري)\s+اختيار\w*\s+(?:\S+\s+){0,2}?(?:لان|لانه|لانها|بسبب)(?!\w)"
    r"|\b(?:purpose|aim|goal|objective)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:was|is|were)\s+to\b"
    r"|\b(?:were|was)\s+(?:chosen|selected|picked)\s+because\b"
    # an act framed by the course it belongs to: "يأتي في إطار نهجها", "جاء ضمن سياسة", "comes as part of its policy"
    r"|(?<!\w)(?:تاتي|ياتي|جاءت|جاء|اتت|اتي)\s+(?:\S+\s+)?(?:في\s+اطار|ضمن|في\s+سياق)(?!\w)"
    r"|\b(?:comes?|came)\s+(?:\w+\s+)?(?:as\s+part\s+of|within\s+the\s+framework\s+of|in\s+the\s+context\s+of)\b"
)

# Family relay (families.py): the source an outlet relays speaks, not the outlet: "Reuters reported, citing
# US officials", "according to AP, quoting a spokesman", "نقلت وكالة رويترز عن مسؤولين".
_RELAY_WORDS = _keys("citing quoting عن")
# Where the relayed source's name ends: what was said starts (أن، that) or the clause goes on.
_RELAY_SOURCE_END = _keys("أن إن بأن ان انه انها أنه أنها إنه إنها قوله قولها that who as in on")

# Family statement_says (families.py): "وجاء في بيان …", "وورد في البيان": the statement is the speaker.
_AR_JA = _keys("جاء وجاء ورد وورد فجاء")

# Family toll_predicate (families.py): what was said opens with the toll as its main clause, the event only
# its circumstance: "several US personnel were injured in a rocket attack", "the strikes killed four
# fighters", "ما لا يقل عن خمسة جنود أصيبوا في هجوم", "عددا من الأفراد أصيبوا", "الهجوم أدى إلى إصابة 3".
_TOLL_OPENING = re.compile(
    r"^\W*(?:(?:at\s+least|some|about|around|nearly|more\s+than|several|multiple|a\s+number\s+of|dozens\s+of|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|twenty|thirty|forty|fifty)\s+)+"
    r"(?:[\w.'’-]+\s+){0,4}?(?:(?:were|was|have\s+been|had\s+been|are)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|diagnosed)"
    r"|(?:have\s+|had\s+|has\s+)?(?:sustained|suffered|received)\s+(?:\w+\s+){0,2}?(?:injur\w+|wounds|concussions?)"
    r"|(?:are|were|is|was)\s+(?:being\s+)?(?:undergoing|evaluated|treated|examined)\b)\b"
    r"|^\W*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of)\s+(?:injured|wounded)\s+"
    r"(?:personnel|troops|soldiers|service\s+members|members|people)\b"
    r"|^\W*(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|raids?|airstrikes?|bombing)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:killed|wounded|injured|left)\s+(?:at\s+least\s+|some\s+|about\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|twenty|thirty|forty|fifty|several|multiple|dozens)\b"
    r"|^\W*(?:ما\s+لا\s+يقل\s+عن\s+|نحو\s+|حوالي\s+)?(?:\S+\s+){1,7}?(?:اصيبوا|اصيب|قتلوا|قتل|جرحوا|لقوا\s+حتفهم)(?!\w)"
    r"|^\W*(?:\S+\s+){0,4}?(?:ادي|ادت|اسفر|اسفرت|اسفرتا|اوقع|اوقعت)\s+(?:الي|عن)\s+(?:\S+\s+)?(?:مقتل|اصابه|مصرع|جرح|سقوط)(?!\w)"
    # "announced the death of five of its members", "أعلن العراق اليوم مصرع 16 شخصا"
    r"|^\W*(?:the\s+)?(?:deaths?|killing|wounding)\s+of\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|dozens)\b"
    r"|^\W*(?:\S+\s+){0,3}?[بو]?(?:مصرع|مقتل|اصابه|استشهاد|جرح)\s+(?:ما\s+لا\s+يقل\s+عن\s+)?"
    r"(?:\d+|عدد|اثن|ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر)"
)

# Family toll_cues (families.py): the toll told in what was said without a figure up front: a harm undergone ("تعرض
# جندي أمريكي لإصابة طفيفة", "resulted in minor injuries"), the toll itself ("حصيلة القتلى", "the death toll"), a
# passive verb before its count ("قتل ثمانية مقاتلين"), a long subject before "were killed" ("one member of the
# Iraqi security forces had been badly injured"). Searched in the first _TOLL_CUE_WORDS words of what was said.
_TOLL_CUE_WORDS = 16
_TOLL_CUES = re.compile(
    r"(?<!\w)[و]?(?:تعرض|تعرضت|تعرضه|تعرضها|تعرضوا)\s+(?:\S+\s+){0,4}?ل(?:اصابه|اصابات|جروح)(?!\w)"
    r"|(?<!\w)[و]?حصيله\s+(?:ال)?(?:قتلي|ضحايا|جرحي|اصابات)(?!\w)"
    r"|(?<!\w)(?:وقوع|سقوط)\s+(?:\S+\s+)?(?:اصابات|قتلي|جرحي|ضحايا)(?!\w)"
    r"|^\W*[و]?(?:قتل|اصيب|جرح|لقي|قضي)\s+(?:ما\s+لا\s+يقل\s+عن\s+|نحو\s+|حوالي\s+)?"
    r"(?:\d+|عدد|اثن|ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر)"
    r"|\b(?:resulted\s+in|caused|led\s+to)\s+(?:\w+\s+){0,2}?(?:injuries|casualties|deaths|fatalities)\b"
    r"|\b(?:death|casualty)\s+toll\b"
    r"|(?<!\w)عدد\s+(?:ال)?(?:قتلي|جرحي|مصابين|ضحايا|اصابات)(?!\w)"
    r"|\bleft\s+(?:\w+\s+){0,3}?with\s+(?:\w+\s+)?(?:injuries|wounds)\b"
    r"|(?:^\W*|\bthat\s+)(?:a\s+total\s+of\s+|at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+"
    r"(?:[\w.,'’-]+\s+){0,7}?(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt)\b"
)

# Family condemnation_words (families.py): condemnation in what was said, beyond the verbs and nouns above: the
# speaker's own present-tense verb ("تدين الرئاسة القصف", "نستنكر", "we condemn"), an aggression committed
# ("ارتكبت عدوانا"), a crime ("a criminal act", "جريمة").
_CONDEMNATION_MORE = re.compile(
    r"(?<!\w)[وف]?(?:تدين|يدين|ندين|نستنكر|تستنكر|يستنكر|نندد|تندد|يندد|نشجب|تشجب|يشجب)(?!\w)"
    r"|(?<!\w)[وب]?عدوانا(?!\w)|(?<!\w)(?:ال)?جريمه(?!\w)"
    r"|\b(?:we|strongly)\s+condemn\b|\bcriminal\s+act\b|\b(?:a|an)\s+(?:\w+\s+)?crime\b"
    # what was done called a transgression: "تعد تجاوزا على مسؤولية الحكومة", "يشكل خرقا للسيادة"
    r"|(?<!\w)(?:تعد|يعد|تعتبر|يعتبر|تشكل|يشكل|تمثل|يمثل)\s+(?:\S+\s+)?(?:تجاوزا|خرقا|تعديا)(?!\w)"
    # the strike itself called a wrong: "these strikes represent another strategic mistake", "the strike was an
    # assassination", "الضربة اغتيال سافر", "يمثل الهجوم تصعيدا خطيرا"
    r"|\b(?:represents?|represented|constitutes?|constituted|amounts?\s+to|is|are|was|were)\s+(?:\S+\s+){0,4}?"
    r"[\"“]?(?:mistake|escalation|assassination|provocation)s?\b"
    r"|(?<!\w)(?:ال)?(?:ضربه|ضربات|هجوم|هجمات|قصف|غاره|غارات)\s+[\"“«]?(?:اغتيال|تصعيد|خطا|استفزاز)\w*"
    r"|(?<!\w)(?:تعد|يعد|تشكل|يشكل|تمثل|يمثل)\s+(?:\S+\s+)?(?:تصعيدا|خطا|استفزازا|اغتيالا)(?!\w)"
)

# Family fact_verbs (families.py): what was said tells a fact with a verb of something done or undergone, not an
# attack: "الملاحة توقفت", "انسحب التحالف من القاعدة", "تمكنت أجهزتنا من تحديد هوية", "نجحت الجهات في",
# "عدد الموقوفين هو 13", "the coalition withdrew from the base", "investigators identified the perpetrators".
_FACT_VERBS = re.compile(
    r"(?<!\w)[وف]?(?:توقف|توقفت|انسحب|انسحبت|انسحبوا|تمكن|تمكنت|تمكنوا|نجح|نجحت|نجحوا|حدد|حددت|ضبط|ضبطت|"
    r"اغلق|اغلقت|غادر|غادرت|حصل|حصلت|جري|جرت)(?!\w)"
    r"|(?<!\w)عدد\s+(?:ال)?\S+\s+(?:هو|بلغ|وصل|يبلغ)(?!\w)"
    r"|\b(?:withdrew|halted|closed|identified|seized|evacuated|relocated|managed\s+to|succeeded\s+in)\b"
)

# Family speech_acts_more: "took credit for", "has taken responsibility for": a claim anchored by the phrase.
_EN_TAKE = _keys("took taken takes taking assumed assumes asserted asserts accepted accepts")
_EN_CREDIT = _keys("credit responsibility")

# Family admitted_toll (families.py): an admission of a death or a wound is casualty figures: "واعترفت الحركة في
# بيان لها يوم أمس بمقتل قائد", "أقر الجيش بإصابة جنديين", "acknowledged the death of five of its members", "admitted that two
# soldiers were wounded".
_ADMIT_VERBS = _keys(
    "اعترف اعترفت يعترف تعترف اعترفوا أقر أقرت يقر تقر أقروا acknowledged acknowledges admitted admits"
)
_ADMITTED_TOLL = re.compile(
    r"^\W*(?:\S+\s+){0,8}?ب(?:مقتل|مصرع|اصابه|استشهاد|جرح|سقوط\s+(?:قتلي|جرحي|ضحايا))(?!\w)"
    r"|^\W*(?:that\s+)?(?:the\s+)?(?:deaths?|killing|loss|wounding|injur(?:y|ies))\s+of\b"
    r"|^\W*(?:that\s+)?(?:\S+\s+){1,5}?(?:were|was|had\s+been|have\s+been)\s+(?:killed|wounded|injured)\b"
)
