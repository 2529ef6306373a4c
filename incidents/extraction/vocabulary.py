"""The vocabulary of extraction as tables: one table per concern, one row per thing a rule looks for.

Each row says what it finds, in Arabic and in English, with an example of each language. The finders read
these tables; incidents/tests/test_extraction_vocabulary.py checks every row against the models' choices
(Weapon, Outcome, StatementKind, ActorKind, the ACLED pairs of `incidents.taxonomy`) and checks that each
example is found by its row. A word of a kind the rules know goes in its row (or a new row) and nothing else
changes; incidents/extraction/README.md says what a new kind needs besides.

- EVENT_WORDS: the words that make an event mention (`events`): its kind and, when the word says it, the weapon.
- WEAPON_WORDS: the weapon a mention's part of the sentence names, strongest reading first, and its title.
- EVENT_TYPES: the ACLED event type and sub-event type of an incident, from its kind and weapon.
- OUTCOME_WORDS: the words that say how an attack ended (hit, or failed: fell short or missed).
- SPEECH_VERBS: the verbs that attribute a statement (`statements`) and the kind of statement each says.
- ACTOR_TRAITS: what an actor is for the rules (armed group, target side, ...), from its kind and key.

Patterns are written over folded text (`normalize.fold`: diacritics and tatweel dropped, أ إ آ → ا, ة → ه,
ى → ي, lower case); `ar_words` and `en_words` build the usual alternations of whole words, Arabic ones with
the proclitics و ف ب ل and the article ال allowed.
"""
import re
from dataclasses import dataclass

from .. import taxonomy
from .normalize import fold, normalize_arabic


def ar_words(words):
    """Return a folded-Arabic alternation of `words` with the proclitics و ف ب ل and the article ال allowed."""
    alternation = "|".join(sorted({re.escape(fold(word)) for word in words.split()}, key=len, reverse=True))
    return rf"(?<!\w)(?:[وف]?(?:[بل]|لل)?(?:ال)?)(?:{alternation})(?!\w)"


def en_words(pattern):
    """Return an English alternation as whole words (a hyphenated word is one word)."""
    return rf"(?<![\w-])(?:{pattern})(?![\w])"


def compile_folded(pattern):
    """Compile a pattern for folded text: its Arabic letters folded as the text is (أ → ا, ة → ه, ئ → ي)."""
    return re.compile(normalize_arabic(pattern))


# --- Event words ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventWord:
    """Words that make an event mention. kind: attack (an attack word), strike (an air or artillery strike word),
    intercept (shot down / intercepted), launcher (a launcher found: disrupted weapons use), clash (fighting).
    weapon: a Weapon value when the word names one, else "" (the weapon is read from WEAPON_WORDS)."""

    kind: str
    weapon: str
    ar: tuple  # patterns over folded Arabic text, tried in this order
    en: tuple
    example_ar: str
    example_en: str
    family: str = ""  # a rule family of `event_families` the row belongs to (switched off with it), "" for the base rows


EVENT_KINDS = ("attack", "strike", "intercept", "launcher", "clash")

# Order matters where two rows match the same words: the earlier row's reading is kept.
EVENT_WORDS = (
    EventWord(
        "attack", "",
        ar=(ar_words("هجوم هجمات هجوما هجومين هجومان هجومي اعتداء اعتداءات"),
            ar_words("استهداف استهدف استهدفت استهدفا استهدفتا استهدفوا يستهدف تستهدف")),
        en=(en_words(r"attack(?:s|ed)?|targeted|targeting|assault"),),
        example_ar="استهدف هجوم قاعدة عين الأسد", example_en="an attack targeted the base",
    ),
    EventWord(
        "strike", "airstrike",
        ar=(ar_words("غارة غارات غارتين الغارة الغارات ضربة ضربات ضربتين"),),
        en=(en_words(r"(?:air\s*|precision\s+)?strikes?|airstrikes?|raids?|bombing|bombardment"),),
        example_ar="غارة أميركية على جرف الصخر", example_en="US air strikes on Jurf al-Sakhar",
    ),
    EventWord(
        "strike", "",
        ar=(ar_words("قصف قصفا قصفت"),),
        en=(en_words(r"struck|hit|bombed|pounded"),),
        example_ar="قصفت القوات الأميركية مواقع", example_en="US forces struck positions",
    ),
    EventWord(
        # a blast where the story tells of strikes ("three explosions in Hilla …. These precise strikes …"): a bare
        # strike word like "hit", an event only in a story of air strikes (events/mentions.py, bare)
        "strike", "",
        ar=(ar_words("انفجار انفجارات انفجاران انفجارين"),),
        en=(en_words(r"explosions?|blasts?"),),
        example_ar="دوت انفجارات في الحلة", example_en="blasts shook Hilla",
        family="explosions",
    ),
    EventWord(
        # an aircraft firing on its target: "an AC-130 gunship fired on a vehicle", "helicopters opened fire on"
        "strike", "airstrike",
        ar=(),  # Arabic: غارة, قصف (the rows above)
        en=((r"(?:(?<=gunship\s)|(?<=gunships\s)|(?<=helicopter\s)|(?<=helicopters\s)|(?<=aircraft\s)|(?<=warplane\s)"
             r"|(?<=warplanes\s)|(?<=jets\s))(?:fired\s+on|fires\s+on|opened\s+fire\s+on)(?!\w)"),),
        example_ar="أطلقت مروحية النار على سيارة", example_en="an AC-130 gunship fired on a vehicle",
    ),
    EventWord(
        "attack", "drone",
        ar=(ar_words("طائرة طائرات طائرتين طائرتان") + r"\s+(?:[وف]?[بل]?(?:ال)?)?(?:مسيره|مسيرات|مسيرتين|مسيرتان|مفخخه)",
            ar_words("مسيرة مسيرات مسيرتين مسيرتان درون")),
        en=(en_words(r"drones?|uavs?|unmanned\s+aerial\s+vehicles?"),),
        example_ar="استهدفت طائرة مسيرة القاعدة", example_en="a drone targeted the base",
    ),
    EventWord(
        "attack", "rocket",
        ar=(ar_words("صاروخ صاروخا صواريخ صاروخان صاروخين قذيفة قذائف قذيفتان قذيفتين كاتيوشا صاروخي صاروخية صاروخيتان "
                     "صاروخيتين"),),
        en=(en_words(r"(?:multi-)?rockets?|katyushas?|mortars?|shells?|shelling"),),
        example_ar="سقطت ثلاثة صواريخ كاتيوشا", example_en="three Katyusha rockets landed",
    ),
    EventWord(
        "attack", "missile",
        ar=(),  # Arabic: صاروخ (the rocket row); باليستي makes it a missile (WEAPON_WORDS)
        en=(en_words(r"(?:ballistic\s+)?missiles?"),),
        example_ar="صواريخ باليستية", example_en="ballistic missiles",
    ),
    EventWord(
        "intercept", "",
        ar=(ar_words("أسقطت أسقط أسقطتها أسقطتهما أسقطها إسقاط اعترضت اعترض اعتراض اعترضتها تصدت أسقطوا أحبطت أحبط "
                     "إحباط"),),
        en=(en_words(r"shot\s+down|downed|brought\s+down|intercepted|intercept(?:s|ion)?|foiled|thwarted|repelled|repulsed"),
            # "US forces destroyed one and damaged the second": forces that destroy the drones intercept them
            (r"(?:(?<=forces\s)|(?<=troops\s)|(?<=defenses\s)|(?<=defences\s))(?:destroyed|disabled)"
             r"(?=\s+(?:one|both|it|them|the\s+(?:drones?|rockets?|missiles?|first)|all))")),
        example_ar="أسقطت الدفاعات الجوية طائرة مسيرة", example_en="air defences shot down a drone",
    ),
    EventWord(
        # the defenders' side of an attack told in other words: forces that "engaged" a drone or "shot it down",
        # a headline's present tense ("قوات التحالف تسقط طائرة"), defences that "managed to destroy" drones
        "intercept", "",
        ar=(ar_words("تسقط يسقط تعترض يعترض تتصدى يتصدى"),
            r"(?<=من\s)(?:تدمير|اسقاط)(?=\s+(?:ال)?(?:طائر|مسير|صاروخ|صواريخ|قذيف))"),
        en=(r"(?<![\w-])engag(?:ed|es)(?:\s+and\s+(?:destroyed|shot\s+down|downed))?"
            r"(?=\s+(?:an?|one|two|three|four|both|several|multiple|the)?\s*(?:[\w-]+\s+){0,3}"
            r"(?:drones?|uavs?|rockets?|missiles?)(?!\w))",
            r"(?<![\w-])shot\s+(?:it|them|one|both|each|two|three)\s+down(?!\w)"),
        example_ar="قوات التحالف تسقط طائرة مسيرة", example_en="US forces engaged a one-way attack drone",
        family="defenders",
    ),
    EventWord(
        "launcher", "rocket",
        ar=(ar_words("منصة منصات") + r"(?=\s+(?:ل|ال)?(?:اطلاق)?)",),
        en=(en_words(r"launchers?|launch\s+pads?"),),
        example_ar="عثرت القوات الأمنية على منصة لإطلاق الصواريخ", example_en="security forces found a rocket launcher",
    ),
    EventWord(
        "attack", "ied",
        ar=(ar_words("عبوة عبوات عبوتين عبوتان") + r"\s+(?:ال)?ناسف\w*|" + ar_words("لغم ألغام") + r"(?=\s+(?:ال)?ارضي)",),
        en=(en_words(r"roadside\s+bombs?|ieds?|improvised\s+explosive\s+devices?|explosive\s+devices?|landmines?"
                     r"|car\s+bombs?"),),
        example_ar="انفجرت عبوة ناسفة بقافلة", example_en="a roadside bomb hit a convoy",
    ),
    EventWord(
        # not مسلحة alone: "جماعات مسلحة" is "armed groups"
        "clash", "small arms",
        ar=(ar_words("اشتباكات اشتباك اشتبكت اشتبك مواجهات"),),
        en=(en_words(r"clash(?:es|ed)?|firefights?|gun\s*battles?|exchanges?\s+of\s+fire"),),
        example_ar="اندلعت اشتباكات مع مسلحين", example_en="clashes broke out with gunmen",
    ),
)


def event_word_patterns(language):
    """Return [(pattern, kind, weapon)] of `language` in table order (uncompiled)."""
    from .event_families import on

    return [
        (pattern, row.kind, row.weapon) for row in EVENT_WORDS for pattern in getattr(row, language)
        if not row.family or on(row.family)
    ]


# --- Weapons ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeaponWord:
    """A weapon (Weapon value): the words that name it anywhere in a mention's part of the sentence, and the
    title of an incident with that weapon."""

    weapon: str
    ar: str  # one pattern over folded Arabic text ("" when no word names it)
    en: str
    title_en: str
    title_ar: str
    example_ar: str
    example_en: str


# Strongest reading first: the first row whose words the mention's part of the sentence names is its weapon.
WEAPON_WORDS = (
    WeaponWord(
        "missile", r"باليستي|بالستي", en_words(r"ballistic|missiles?"),
        "Missile attack", "هجوم بصواريخ", example_ar="صواريخ باليستية", example_en="ballistic missiles",
    ),
    WeaponWord(
        "drone",
        ar_words("مسيرة مسيرات مسيرتين مسيرتان مسيرته درون") + "|" + ar_words("طائرة طائرات طائرتين") + r"\s+(?:[بل]?ال)?مسير",
        en_words(r"drones?|uavs?|unmanned"),
        "Drone attack", "هجوم بطائرة مسيرة", example_ar="طائرة مسيرة", example_en="a one-way attack drone",
    ),
    WeaponWord(
        "airstrike",
        r"(?:طائرات|طائره|مقاتلات)\s+(?:ال)?حربي|طيران\s+(?:ال)?حربي|" + ar_words("غارة غارات غارتين الغارة الغارات")
        + r"|ضربه\s+جويه|ضربات\s+جويه|قصف\s+جوي|ac-?130|f-?1[56]",
        en_words(r"air\s*strikes?|airstrikes?|warplanes?|jets?|f-?1[56]s?|ac-?130s?|aircraft|bombers?|precision\s+strikes?"),
        "Air strike", "غارة جوية", example_ar="غارة جوية", example_en="US warplanes",
    ),
    WeaponWord(
        "ied", ar_words("عبوة عبوات عبوتين عبوتان") + r"\s+(?:ال)?ناسف",
        en_words(r"roadside\s+bombs?|ieds?|improvised\s+explosive|explosive\s+devices?|landmines?"),
        "IED attack", "تفجير عبوة ناسفة", example_ar="عبوة ناسفة", example_en="a roadside bomb",
    ),
    WeaponWord(
        "artillery", ar_words("مدفعي مدفعية هاون") + r"|قصف\s+مدفعي", en_words(r"artillery|mortars?|shelling"),
        "Artillery strike", "قصف مدفعي", example_ar="قصف مدفعي", example_en="mortar rounds",
    ),
    WeaponWord(
        "rocket",
        ar_words("صاروخ صاروخا صواريخ صاروخان صاروخين قذيفة قذائف قذيفتان قذيفتين كاتيوشا صاروخي صاروخية صاروخيتان صاروخيتين"),
        en_words(r"(?:multi-)?rockets?|katyushas?"),  # "a multi-rocket attack"
        "Rocket attack", "هجوم صاروخي", example_ar="صواريخ كاتيوشا", example_en="Katyusha rockets",
    ),
    WeaponWord(
        "small arms", "", "",  # only from a clash word (EVENT_WORDS)
        "Armed clash", "اشتباك مسلح", example_ar="اشتباك مسلح", example_en="an armed clash",
    ),
)


def weapon_patterns(language):
    """Return [(weapon, pattern)] of `language`, strongest reading first (uncompiled; rows without words left out)."""
    return [(row.weapon, getattr(row, language)) for row in WEAPON_WORDS if getattr(row, language)]


def weapon_titles():
    """Return {weapon: (English title, Arabic title)} of an incident."""
    return {row.weapon: (row.title_en, row.title_ar) for row in WEAPON_WORDS}


# --- Outcomes -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeWords:
    """Words in a mention's part of the sentence that say how the attack ended (an Outcome value).

    `reading` names the row for the rules: "hit" (damage or an impact, unless negated: "no damage", "دون أضرار"),
    "fell short" (came down before its target: failed, unless something shot it down), "missed" (came down away
    from anything: failed). Intercepted comes from the intercept words of EVENT_WORDS.
    """

    reading: str
    outcome: str
    ar: str  # one pattern over folded Arabic text
    en: str
    example_ar: str
    example_en: str


OUTCOME_WORDS = (
    OutcomeWords(
        "hit", "hit",
        r"(?<!\w)(?:سقط\w*\s+(?:\S+\s+){0,3}?داخل|اضرار\s+ماديه|اضرارا|اضرار\s+بسيطه|الحقت|دمرت|اصابه\s+مباشره)",
        (r"(?<!\w)(?:some\s+hit|hit\s+the\s+base|struck\s+(?!a\s+deal)|caus(?:ed|ing)\s+(?:(?!no\b|any\b)\w+\s+)?damage|"
         r"(?:was|were|been)\s+(?:directly\s+|also\s+)?(?:hit|struck)\s+by|"
         r"(?:damaged|destroyed)(?!\s+(?:one|both|it|them|the\s+(?:second|other|first|drones?|rockets?|missiles?)))"
         r"|landed\s+inside|impacted)"),
        example_ar="وألحق الهجوم أضرارا مادية", example_en="the attack caused minor damage",
    ),
    OutcomeWords(
        "fell short", "failed",
        r"(?<!\w)(?:قبل\s+(?:وصول\w*|ان\s+(?:تصل|يصل))|لم\s+(?:تصل|يصل|تبلغ|يبلغ))(?!\w)",
        (r"(?<!\w)(?:(?:exploded|crashed|fell|came\s+down|detonated)\s+(?:\w+\s+)?before\s+(?:reaching|hitting)|"
         r"(?:failed|did\s+not|didn't)\s+(?:to\s+)?reach)(?!\w)"),
        example_ar="سقطت الطائرة قبل وصولها إلى القاعدة", example_en="the drone crashed before reaching the base",
    ),
    OutcomeWords(
        "missed", "failed",
        (r"(?<!\w)(?:[وف]?(?:سقط|سقطت|سقطا|سقطتا|سقطوا|وقع|وقعت|وقعا|وقعتا)\s+(?:[^\s.،]+\s+){0,6}?(?:في|ب)\s*"
         r"(?:منطقه|ارض|اراض|ارضا)\s+(?:\S+\s+)?(?:خاليه|فارغه|مفتوحه|زراعيه|صحراويه|جرداء|فضاء|غير\s+ماهوله|مهجوره)|"
         r"لم\s+(?:تصب|يصب|تصيبا|يصيبا)\s+(?:\S+\s+)?(?:اهداف|هدف)|اخطات\s+(?:\S+\s+)?(?:اهداف|هدف))"),
        (r"(?<!\w)(?:(?:landed|fell|crashed|came\s+down|impacted|struck)\s+(?:\w+\s+){0,2}?in\s+(?:an?\s+|the\s+)?"
         r"(?:empty|open|unpopulated|uninhabited|deserted|vacant|barren|remote)\s+(?:\w+\s+)?(?:area|field|land|ground|space|desert)|"
         r"fell\s+short|landed\s+harmlessly|fell\s+harmlessly|missed\s+(?:its|their|the)\s+(?:intended\s+)?targets?)"),
        example_ar="سقط الصاروخان في منطقة خالية", example_en="the rockets landed in an empty field",
    ),
)


def outcome_patterns(reading):
    """Return {language: compiled pattern} of the OUTCOME_WORDS row `reading`."""
    row = next(row for row in OUTCOME_WORDS if row.reading == reading)
    return {"ar": compile_folded(row.ar), "en": compile_folded(row.en)}


# --- ACLED types --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventType:
    """The ACLED pair of an incident of `kind` whose weapon is one of `weapons` (None: any)."""

    kind: str | None  # None: any kind
    weapons: tuple | None
    event_type: str
    sub_event_type: str
    example_ar: str
    example_en: str


# The first row that fits the incident gives its pair.
EVENT_TYPES = (
    EventType("disrupted", None, taxonomy.STRATEGIC_DEVELOPMENTS, "Disrupted weapons use",
              example_ar="العثور على منصة إطلاق صواريخ", example_en="a rocket launcher was found"),
    EventType("clash", None, taxonomy.BATTLES, "Armed clash",
              example_ar="اشتباكات مع مسلحين", example_en="clashes with gunmen"),
    EventType(None, ("ied",), taxonomy.EXPLOSIONS, "Remote explosive/landmine/IED",
              example_ar="انفجار عبوة ناسفة", example_en="a roadside bomb exploded"),
    EventType(None, ("drone", "airstrike"), taxonomy.EXPLOSIONS, "Air/drone strike",
              example_ar="هجوم بطائرة مسيرة", example_en="a drone attack"),
    EventType(None, None, taxonomy.EXPLOSIONS, "Shelling/artillery/missile attack",
              example_ar="هجوم صاروخي", example_en="a rocket attack"),
)


def event_type(kind, weapon):
    """Return (event_type, sub_event_type) of an incident of `kind` with `weapon` (EVENT_TYPES)."""
    for row in EVENT_TYPES:
        if (row.kind is None or row.kind == kind) and (row.weapons is None or weapon in row.weapons):
            return row.event_type, row.sub_event_type
    raise LookupError((kind, weapon))  # the last row fits everything


# --- Speech verbs -------------------------------------------------------------------------------------

# Readings of a speech verb that are not statement kinds themselves: what was said decides.
SAYS = None  # قال، said: the kind comes from what was said
CLAIMISH = "claimish"  # زعم، claimed: a claim of responsibility from an armed group, else what it says
DESCRIBE = "describe"  # وصف الهجوم بأنه، called the strike "…": a condemnation when what is described is the attack


@dataclass(frozen=True)
class SpeechVerb:
    """Verbs that attribute a statement, and the StatementKind they say (or a reading: SAYS, CLAIMISH, DESCRIBE)."""

    kind: str | None
    ar: str  # words, as written (every form listed)
    en: str
    example_ar: str
    example_en: str
    family: str = ""  # a rule family of statements/families.py that switches the row off, if any


SPEECH_VERBS = (
    SpeechVerb(
        SAYS,
        """قال قالت يقول تقول قالوا أفاد أفادت يفيد تفيد أفادوا ذكر ذكرت يذكر تذكر ذكروا أعلن أعلنت يعلن
        تعلن أعلنوا أكد أكدت يؤكد تؤكد أكدوا أشار أشارت يشير تشير أشاروا أوضح أوضحت يوضح توضح أضاف أضافت
        يضيف تضيف صرح صرحت يصرح تصرح أعرب أعربت يعرب تعرب كشف كشفت يكشف تكشف أبلغ أبلغت وثق وثقت يوثق
        أورد أوردت اتهم اتهمت يتهم تتهم اتهموا لفت لفتت نوه نوهت أردف أردفت رصد رصدت يرصد ترصد""",
        """said says say told tells added adds stated announced announces confirmed confirms reported
        noted explained stressed affirmed acknowledged revealed insisted documented accused accuses blamed
        blames""",
        example_ar="وقال مسؤول أميركي إن", example_en="a US official said",
    ),
    SpeechVerb(
        SAYS,
        "شدد شددت يشدد تشدد اعتبر اعتبرت رأى رأت",
        """declared declares emphasized emphasised emphasizes disclosed discloses informed asserted asserts
        reiterated reiterates underlined underscored""",
        example_ar="وشددت الحكومة على أن", example_en="the ministry emphasized that",
        family="more_speech_verbs",  # statements/families.py
    ),
    SpeechVerb(
        "claim", "تبنى تبنت يتبنى تتبنى تبنوا", "",  # English: "claimed" (CLAIMISH)
        example_ar="وتبنت المقاومة الإسلامية في العراق الهجوم", example_en="the group claimed responsibility",
    ),
    SpeechVerb(
        CLAIMISH, "زعم زعمت يزعم تزعم زعموا ادعى ادعت يدعي تدعي", "claimed claims",
        example_ar="وزعمت الجماعة أنها", example_en="the group claimed the attack",
    ),
    SpeechVerb(
        "condemnation", "أدان أدانت يدين تدين دان دانت ندد نددت يندد تندد استنكر استنكرت يستنكر تستنكر شجب شجبت",
        "condemned condemns denounced denounces decried slammed deplored",
        example_ar="وأدانت الحكومة العراقية الهجوم", example_en="the Iraqi government condemned the strike",
    ),
    SpeechVerb(
        "denial", "نفى نفت ينفي تنفي نفوا", "denied denies",
        example_ar="ونفت طهران أي صلة", example_en="Tehran denied any role",
    ),
    SpeechVerb(
        "demand", "ناشد ناشدت يناشد تناشد طالب طالبت يطالب تطالب دعا دعت يدعو تدعو حث حثت يحث تحث",
        "urged urges demanded demands",
        example_ar="وطالبت الحكومة بانسحاب القوات", example_en="the government demanded a withdrawal",
    ),
    SpeechVerb(
        "position",
        """توعد توعدت يتوعد تتوعد هدد هددت يهدد تهدد حذر حذرت يحذر تحذر تعهد تعهدت يتعهد تتعهد رحب رحبت يرحب
        ترحب أشاد أشادت يشيد تشيد""",
        "vowed vows warned warns threatened threatens pledged pledges welcomed welcomes praised praises",
        example_ar="وتوعدت الكتائب بمواصلة عملياتها", example_en="the group vowed to continue",
    ),
    SpeechVerb(
        "casualty figures", "نعى نعت ينعى تنعى نعوا", "mourned mourns",
        example_ar="ونعت الكتائب اثنين من مقاتليها", example_en="the group mourned two fighters",
    ),
    SpeechVerb(
        SAYS, "اعترف اعترفت يعترف تعترف اعترفوا أقر أقرت يقر تقر", "admitted admits",
        example_ar="واعترفت الحركة في بيان بمقتل", example_en="the Pentagon admitted that",
        family="speech_acts_more",  # statements/families.py
    ),
    SpeechVerb(
        # a diplomatic protest: summoning an envoy, lodging a protest
        "condemnation", "احتجت احتج تحتج يحتج", "summoned summons protested protests",
        example_ar="واحتجت بغداد رسميا لدى واشنطن", example_en="Iraq summoned the US charge d'affaires",
        family="speech_acts_more",
    ),
    SpeechVerb(
        # more verbs of saying seen on the real articles: counting (أحصى), going on (تابع، أكمل), arguing,
        # indicating, sharing on a platform (round 3b)
        SAYS, "أحصى أحصت يحصي تحصي تابع تابعت أكمل أكملت", "argued argues indicated indicates shared wrote",
        example_ar="وأحصى المرصد 9 جولات من الغارات", example_en="he argued that the strikes were unlawful",
        family="speech_verbs_more",  # statements/families.py
    ),
    SpeechVerb(
        # rejecting what others say: "dismissed allegations that …", "refuted reports"
        "denial", "", "dismissed dismisses refuted refutes",
        example_ar="ونفت طهران أي صلة", example_en="Tehran dismissed allegations that it armed the groups",
        family="speech_verbs_more",
    ),
    SpeechVerb(
        DESCRIBE, "وصف وصفت يصف تصف وصفه وصفته وصفها", "",  # English: called / described (statements)
        example_ar="ووصفت الوزارة الهجوم بأنه", example_en="the ministry described the attack as",
    ),
)


# --- Actor traits -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorTrait:
    """One rule of an actor trait: actors of `kind` (None: any) whose key fits say `has` (True or False).

    A key fits when it is one of `keys` (if given), contains one of `key_words` (if given), contains none
    of `key_lacks`, starts with `key_prefix` and the actor's country is one of `countries` (if given). The
    rows of a trait are read in order and the first that fits decides; an actor no row fits lacks the trait.
    """

    trait: str
    kind: str | None
    has: bool
    example_ar: str  # an actor the row decides for, as the text names it
    example_en: str
    keys: tuple = ()
    key_words: tuple = ()
    key_lacks: tuple = ()
    key_prefix: str = ""
    countries: tuple = ()

    def fits(self, entry):
        return (
            (self.kind is None or entry.kind == self.kind)
            and (not self.keys or entry.key in self.keys)
            and (not self.key_words or any(word in entry.key for word in self.key_words))
            and not any(word in entry.key for word in self.key_lacks)
            and entry.key.startswith(self.key_prefix)
            and (not self.countries or entry.country_code in self.countries)
        )


ARMED_GROUP = "armed group"  # a non-state armed group, or a state's guards that act as one (IRGC, Quds Force)
UNKNOWN_MILITARY = "unknown military"  # the unidentified military forces (strikes no one is named for)
TARGET_SIDE = "target side"  # forces and missions that the attacks in the news target (US, coalition, missions)
DIPLOMATIC_MISSION = "diplomatic mission"  # an embassy or consulate

ACTOR_TRAITS = (
    ActorTrait(ARMED_GROUP, None, True, "الحرس الثوري الإيراني", "Iran's Revolutionary Guards", keys=("irgc", "quds-force")),
    ActorTrait(ARMED_GROUP, "militia or armed group", False, "قوات سوريا الديمقراطية", "the Syrian Democratic Forces",
               keys=("syrian-democratic-forces", "isis")),
    ActorTrait(ARMED_GROUP, "militia or armed group", True, "كتائب حزب الله", "Kataib Hezbollah"),
    ActorTrait(ARMED_GROUP, "unidentified", False, "قوات عسكرية مجهولة الهوية", "unidentified military forces",
               key_words=("forces",)),
    ActorTrait(ARMED_GROUP, "unidentified", True, "مسلحون مجهولون", "unidentified gunmen"),
    ActorTrait(UNKNOWN_MILITARY, "unidentified", True, "قوات عسكرية مجهولة الهوية", "unidentified military forces",
               key_words=("forces",)),
    ActorTrait(TARGET_SIDE, "coalition", True, "التحالف الدولي", "the US-led coalition", key_words=("coalition",),
               key_lacks=("resistance",)),
    ActorTrait(TARGET_SIDE, "coalition", False, "محور المقاومة", "the Axis of Resistance"),
    ActorTrait(TARGET_SIDE, "state force", True, "القوات الأميركية", "US forces", countries=("US", "")),
    ActorTrait(TARGET_SIDE, "state force", True, "القوات الأميركية", "US forces", key_prefix="us-"),
    ActorTrait(TARGET_SIDE, "state force", False, "الجيش العراقي", "the Iraqi army"),
    ActorTrait(TARGET_SIDE, None, True, "السفارة الأميركية في بغداد", "the US embassy in Baghdad",
               key_words=("embassy", "consulate")),
    ActorTrait(DIPLOMATIC_MISSION, None, True, "القنصلية الأميركية في أربيل", "the US consulate in Erbil",
               key_words=("embassy", "consulate")),
)


def has_trait(entry, trait):
    """Return True if the actor entry has `trait` by the first ACTOR_TRAITS row of that trait that fits it."""
    if entry is None:
        return False
    for row in ACTOR_TRAITS:
        if row.trait == trait and row.fits(entry):
            return row.has
    return False
