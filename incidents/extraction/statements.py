"""Find statements in article text: who said it, with which speech verb, of which kind, about which incidents.

Pure: text, the actor matcher and the draft incidents in; DraftStatement dataclasses out.

How a statement is found, sentence by sentence (a statement never runs past its sentence, except that a
quotation attributed after it starts at its opening quote):

- An *anchor* is a speech verb (قال، أفاد، ذكر، أعلن، أكد، أعرب، ناشد، تبنى، نفى، أدان …; said, told,
  announced, claimed, condemned, denied, called on, urged, vowed …) or an attribution preposition
  (بحسب، وفق، وفقًا لـ، نقلًا عن; "according to").
- The *speaker* is the actor mention next to the anchor: after an Arabic verb (أفاد مصدر أمني) or
  preposition (وفقًا للمسؤول في البنتاغون), before an English verb (Reuters said; "…, CENTCOM said";
  "X, an umbrella group of …, said"), after an inverted English verb (", said X"). A speaker the actor
  matcher does not know is resolved from the article: a surname or head noun of an actor named earlier
  (Austin, سينغ, المرصد, الجهاز, the Observatory), a definite role noun (المصدر, the official) or a
  pronoun or "the statement" (It, He, البيان) stands for the previous statement's speaker, "the group" /
  "the militia" / "the monitor" for the last actor of that kind, and a subject naming a role or a person
  ("Jordan's government spokesman Muhannad Mubaidin", "النائب عن تحالف الفتح علي تركي", ", said Ahmed
  al-Asadi") is kept as described, speaking for an actor it names (الأمين العام للأمم المتحدة → the UN).
- A negated verb (لم يعلن، من دون أن تؤكد), a verb inside a name (مشتاق طالب السعيدي) or in an English
  relative clause ("which have claimed") anchors nothing.
- One statement per speaker and sentence; its span runs from the attribution (or the sentence start,
  for an attribution at the end) to the end of the sentence, or to the next speaker's attribution.
- A sentence with no anchor that gives cumulative figures ("80 attacks since mid-October", "5 strikes
  in response") continues the statement before it in the same paragraph: cumulative figures are
  statements, not incidents.
- A headline (the first line, without final punctuation) and subheads give no statement: they repeat
  the body.

Kinds (StatementKind values) come first from the verb (تبنى → claim; أدان، condemned → condemnation;
نفى، denied → denial; ناشد، طالب، دعا، urged, called on → demand; توعد، vowed, warned → position; نعى →
casualty figures), then from what was said (the attribution left out): a denial of occurrence or
involvement ("had not taken place", "not involved"), responsibility taken (مسؤوليتها عن: claim), a
condemnation or stance opening it (أعرب عن استنكاره، رفضها للهجوم، "a violation"; concern, welcome:
position), an armed group saying it attacked (claim), cumulative figures (casualty figures when they
count casualties, else report), casualties counted about an event the text already names ("the strike
killed eight": casualty figures; a sentence that introduces the event with its casualties stays a
report), future or modal wording (لن، will, would) or a justification ("the strikes were a response
to …") without casualties (position), an event (report), and otherwise a position.

Date: the date the attribution itself gives ("said on Friday", "أفاد مصدر أمني، اليوم الخميس، بأن"),
else the publication date: wire copy reports statements made that day or the day before, and the
editor corrects the exceptions. A date in the content dates the event, never the statement.

Incidents, first rule that gives any: those whose evidence lies in the statement's sentence; those
whose place it names (sites and towns, not countries); for a claim, every attack not carried out by a
state when it speaks of several ("a series of operations", الهجومين), else the incidents of the statement
before ("the attack"); for a reaction (condemnation, demand, denial), the incidents carried out by the
actor its object names ("condemned the U.S. strikes"); then, except for positions and cumulative
figures, the incidents of the statement before when this is a reaction following a reaction, comes from
the same speaker, or refers to "the attack" / "the wounded" (narrowed to one by "the attack on the
airport / base / embassy"); "the attack" before any statement named an incident is the lead incident.
A position links only what it names itself: threats and principles are rarely about one incident.
"""
import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .article import Article
from .lexicon import Doc, NameIndex, name_of
from .normalize import fold, is_arabic, readings, token_key
from .numbers import find_casualties, find_numbers
from .types import DraftStatement, Span
from .vocabulary import CLAIMISH, DESCRIBE, SPEECH_VERBS

REPORT = "report"
CLAIM = "claim"
CONDEMNATION = "condemnation"
DENIAL = "denial"
DEMAND = "demand"
POSITION = "position"
CASUALTY_FIGURES = "casualty figures"
_CLAIMISH = CLAIMISH  # زعم، claimed: a claim of responsibility from an armed group, else what it says
_DESCRIBE = DESCRIBE  # وصف الهجوم بأنه، called the strike "…": a condemnation when what is described is the attack


def _keys(words):
    return frozenset(token_key(word) for word in words.split())


# --- Speech verbs ---------------------------------------------------------------------------------

_AR_VERBS = {row.kind: row.ar for row in SPEECH_VERBS}  # the speech verbs are a table: vocabulary.SPEECH_VERBS
# "نقل عن" (reported from) is a speech verb only with its عن.
_AR_NAQALA = _keys("نقل نقلت ينقل تنقل")
_EN_VERBS = {row.kind: row.en for row in SPEECH_VERBS if row.en}
_VERB_KIND = {}
for _kind, _words in _AR_VERBS.items():
    for _key in _keys(_words):
        _VERB_KIND[_key] = _kind
for _kind, _words in _EN_VERBS.items():
    for _key in _keys(_words):
        _VERB_KIND[_key] = _kind
_BLAME_VERBS = _keys("اتهم اتهمت يتهم تتهم اتهموا accused accuses blamed blames")
_AR_ANNOUNCE = _keys("أعلن أعلنت يعلن تعلن أعلنوا أكد أكدت قال قالت")
_AR_ATTRIBUTION = _keys("بحسب حسب وفق وفقا طبقا")
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
# Where an Arabic subject the actor matcher does not know ends: what was said starts here.
_AR_SPEECH_STARTS = _keys("أن إن بأن ان بان انه انها إنه إنها أنه أنها بأنه بأنها بأنهم إلى الى")
_AR_SUBJECT_STOPS = _keys("في خلال اليوم أمس امس يوم مساء صباح")
# After a verb, these mean its subject is a pronoun ("قالت فيه إنها", "وأضاف في بيان", "وأكد لها").
_AR_PREPOSITIONS = _keys("في فيه فيها فيهم له لها لهم عنه عنها منه منها عليه عليها خلال")
_AR_EXPRESS = _keys("أعرب أعربت يعرب تعرب")  # أعرب عن: what is expressed follows عن
_AR_SUBJECT_WORDS = 8
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

# --- Content -----------------------------------------------------------------------------------------


_DENIAL_CONTENT = re.compile(
    r"\b(?:not|never)\s+(?:been\s+)?involved\b|\bno\s+(?:role|involvement|link|connection)\b|\bnothing\s+to\s+do\s+with\b"
    r"|(?<!\w)(?:لا|اي|أي)\s+علاقه\s+(?:لها|له|لهم)(?!\w)"
    r"|\b(?:had|has|have|did|does|do|was|were)\s+not\s+(?:taken?\s+place|take\s+place|happen(?:ed)?|occur(?:red)?)\b"
    r"|\bnever\s+(?:happened|took\s+place|occurred)\b|\b(?:baseless|untrue|unfounded|fabricated)\b"
    r"|(?<!\w)(?:لا\s+صحه|عار\w*\s+عن\s+الصحه|غير\s+صحيح\w*|مفبرك\w*|لم\s+(?:يتعرض|تتعرض|يحدث|تحدث|يقع|تقع|تشهد|يشهد)(?!\w))"
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
    r"\b(?:will|would|shall|won't|wouldn't|must|should|vows?|vowed|warn\w*|threat\w*)\b"
    r"|(?<!\w)[وف]?(?:لن|سوف|يجب|ينبغي|لا\s+يمكن|لا\s+تقبل|لا\s+يقبل|حق\w*\s+في\s+الدفاع)(?!\w)"
    r"|\bright\s+to\s+(?:self|defend)"
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
    r"(?:attacked|targeted|struck|launched|hit|fired|shelled|bombed)\b"
    r"|\b(?:it|they|we)\s+(?:was|were|had\s+been|are|is)\s+(?:\w+\s+)?(?:behind|responsible\s+for)\b"
    r"|(?<!\w)(?:انها|انه|اننا|انهم)\s+(?:\S+\s+){0,2}?(?:استهدف|قصف|هاجم|ضرب|اطلق)"
    r"|(?<!\w)(?:انها|انه|اننا|انهم)\s+(?:\S+\s+){0,1}?(?:تقف|يقف|يقفون|نقف)\s+وراء"
)
_RESPONSIBILITY = re.compile(
    r"\b(?:claimed|claims|claiming|took|takes|taking|assumed)\s+(?:full\s+)?responsibility\b"
    r"|(?<!\w)(?:ال)?مسووليت(?:ها|ه|هم)\s+عن(?!\w)"
)
_STANCE = re.compile(
    r"\b(?:concern\w*|solidarity|condolences|welcom\w*|support\s+for|commitment|suspen(?:d|ds|ded|ding|sion)|halt(?:s|ed|ing)?)\b"
    r"|(?<!\w)[وب]?(?:ال)?(?:قلق|تضامن|تعازي|تعزيه|ترحيب|دعم|التزام|تعليق)\w*"
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


@dataclass
class _Speaker:
    """Who speaks: as the text names or describes them, their actor entry and where the text says it."""

    text: str
    entry: object
    start: int
    end: int
    resolved: bool = False  # found from an earlier mention, not named here

    @property
    def identity(self):
        return self.entry.key if self.entry is not None else fold(self.text)


@dataclass
class _Act:
    """One attribution found in a sentence, before statements are built."""

    speaker: _Speaker
    verb: str
    verb_kind: str | None
    start: int  # where the attribution starts (speaker or verb, whichever first)
    end: int  # where the attribution ends
    at_end: bool  # the attribution follows what was said


class _Reader:
    """The analysed `article.Article` as statement finding reads it: its actor mentions indexed by start."""

    def __init__(self, article):
        self.article = article
        self.text = article.text
        self.published = article.published
        self.language = article.language
        self.actors = article.actor_matcher
        self.doc = article.doc
        self.mentions = article.actor_mentions
        self.mention_starts = [m.span.start for m in self.mentions]
        self.dates = article.date_mentions

    def word_at(self, offset):
        """Return the index of the word holding (or starting after) character `offset`."""
        return self.article.word_at(offset)

    def mention_at(self, word_index):
        """Return the actor mention that starts in word `word_index`, or None."""
        if not 0 <= word_index < len(self.doc):
            return None
        word = self.doc.words[word_index]
        position = bisect.bisect_left(self.mention_starts, word.start)
        if position < len(self.mentions) and self.mentions[position].span.start < word.end:
            return self.mentions[position]
        return None

    def mention_ending_at(self, word_index):
        """Return the actor mention whose last word is `word_index`, or None."""
        if not 0 <= word_index < len(self.doc):
            return None
        word = self.doc.words[word_index]
        position = bisect.bisect_right(self.mention_starts, word.end) - 1
        while position >= 0:
            mention = self.mentions[position]
            if mention.span.end <= word.start:
                return None
            if word.start < mention.span.end <= word.end + 1:
                return mention
            position -= 1
        return None


# --- Public API --------------------------------------------------------------------------------------


def find_statements(text, published, language, actors, incidents, *, actor_mentions=None, date_mentions=None):
    """Return the statements of `text` (speaker, verb, kind, date, span, incidents), in text order.

    `actors` is the ActorMatcher; `incidents` the draft's incidents (their evidence and places link
    statements to them); `actor_mentions` and `date_mentions`, when given, are `actors.find(text,
    language)` and `find_dates(text, published, language)` already computed for the article.
    (`statements_in` reads an `article.Article` that holds them.)
    """
    article = Article(
        text, published, language, actor_matcher=actors, actor_mentions=actor_mentions, date_mentions=date_mentions
    )
    return statements_in(article, incidents)


def statements_in(article, incidents):
    """Return the statements of an analysed `article.Article`, linked to its draft `incidents`, in text order."""
    reader = _Reader(article)
    statements = []
    for sentence in _sentences(article):
        found = _sentence_statements(reader, sentence, statements)
        if not found:
            found = _continuation(reader, sentence, statements)
        statements.extend(found)
    _link_incidents(reader, statements, incidents)
    return statements


# --- Sentences ---------------------------------------------------------------------------------------


def _sentences(article):
    """Return the sentence spans of the body: no headline (first line without final stop), no subheads."""
    text = article.text
    spans = []
    first_line_end = text.find("\n")
    top_end = _top_matter_end(text)
    for start, end in article.line_sentences:
        body = text[start:end].strip()
        if not body:
            continue
        if start < top_end:
            continue  # headline and standfirst: the lines before the first one that ends a sentence
        if not _TERMINAL.search(body):
            if start < first_line_end or first_line_end < 0 and start == 0:
                continue  # the headline repeats the body
            if len(body.split()) <= _SUBHEAD_WORDS:
                continue  # a subhead or dateline
        spans.append(Span(start, start + len(text[start:end].rstrip())))
    return spans


def _top_matter_end(text):
    """Return where the body starts: after the headline and standfirst lines that end without a full stop.

    "«كتائب حزب الله» تعلن تعليق عملياتها ضد القوات الأميركية... و«النجباء» تتمسك بمواصلتها" is one
    headline despite its "...". A text of one line has no top matter.
    """
    if "\n" not in text.strip():
        return 0
    position = 0
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end].strip()
        if line and _TERMINAL.search(line):
            return position
        position = line_end + 1
    return 0


def _paragraph_of(text, offset):
    return text.count("\n", 0, offset)


# --- Attributions in one sentence ----------------------------------------------------------------------


def _sentence_statements(article, sentence, previous):
    """Return the statements of one sentence: one per speaker, in order."""
    acts = []
    doc = article.doc
    first = article.word_at(sentence.start)
    last = article.word_at(sentence.end)
    for index in range(first, min(last, len(doc))):
        if _inside_mention(article, index) or _negated(article, index):
            continue
        act = _act_at(article, index, first, last, previous, acts)
        if act is None:
            continue
        if acts and doc.key(index - 1) in _EXPLANATORY and not act.at_end:
            continue  # "نفت طهران أي صلة لها بالهجوم، إذ قال المتحدث باسم خارجيتها إن …": the same statement, explained
        if acts and act.at_end and act.speaker.entry is None and _GENERIC_SPOKESMAN.match(act.speaker.text) and not acts[-1].at_end:
            continue  # "The coalition denied …, a spokesman told The National": the coalition's statement, by its spokesman
        same = next((a for a in acts if a.speaker.identity == act.speaker.identity), None)
        if same is None:
            acts.append(act)
        elif same.verb_kind is None and act.verb_kind is not None and not act.at_end:
            same.verb_kind, same.verb = act.verb_kind, act.verb
    return _statements_from_acts(article, sentence, acts)


def _act_at(article, index, first, last, previous, acts):
    """Return the attribution anchored at word `index`, or None if the word anchors none.

    A verb with no subject of its own (تقول إنها، "وأضاف أن") speaks for the sentence's speaker if it has
    one already, else for the previous statement's.
    """
    word = article.doc.words[index]
    if acts:
        previous = [*previous, *_as_statements(acts)]
    if is_arabic(word.text):
        return _arabic_act(article, index, first, last, previous)
    return _english_act(article, index, first, last, previous)


def _before_sentence(previous, sentence_start):
    return [statement for statement in previous if statement.span.start < sentence_start]


def _as_statements(acts):
    """Return the sentence's attributions so far as statements, for pronoun subjects to refer to."""
    return [DraftStatement(a.speaker.text, a.speaker.entry, "", a.verb, None, Span(a.start, a.end)) for a in acts]


def _inside_mention(article, index):
    """Return True if word `index` lies inside an actor's name (مشتاق طالب السعيدي: طالب is no verb)."""
    word = article.doc.words[index]
    position = bisect.bisect_right(article.mention_starts, word.start) - 1
    return position >= 0 and article.mentions[position].span.start < word.start < article.mentions[position].span.end


def _negated(article, index):
    """Return True if the verb at `index` is negated (لم يعلن، من دون أن تؤكد، did not say)."""
    doc = article.doc
    before = {doc.key(index - 1), doc.key(index - 2)}
    return bool(before & _NEGATIONS) and not doc.words[index].break_before


def _verb_reading(word):
    """Return (key, kind) of the speech verb `word` is, read with or without و/ف; None if none."""
    for reading in word.readings:
        if reading.clitics in ("", "و", "ف") and reading.key in _VERB_KIND:
            return reading.key, _VERB_KIND[reading.key]
    return None


def _arabic_act(article, index, first, last, previous):
    doc = article.doc
    word = doc.words[index]
    keys = {r.key for r in word.readings if r.clitics in ("", "و", "ف")}
    verb = _verb_reading(word)
    if verb is None and keys & _AR_NAQALA and any(doc.key(i) == token_key("عن") for i in range(index + 1, min(index + 7, last))):
        verb = (word.key, None)
    if verb is not None:
        speaker = _same_group_after(article, index, last)
        if speaker is None and index - 1 >= first and fold(doc.words[index - 1].text) in ("قد", "وقد"):
            speaker = _speaker_before_ar(article, index, first, previous)  # "وكان X قد أكد": the subject comes before "قد"
        speaker = speaker or _speaker_after(article, index + _so_called(doc, index, last), last, previous, verb_first=True)
        at_end = False
        if speaker is None:
            speaker = _speaker_before_ar(article, index, first, previous)
        if speaker is None:
            speaker = _subject_phrase_ar(article, index, last)
        if speaker is None:
            return None
        act = _make_act(article, speaker, index, verb[1], at_end)
        if doc.key(index - 1) in _AR_RELATIVES and not word.break_before:
            act.start = doc.words[first].start  # "العمليات التي يزعم فصائل أنها …": the claim is about the sentence
        return act
    if keys & _AR_NAQLAN and len(previous) > len(_before_sentence(previous, doc.words[first].start)):
        return None  # "أفادت واع نقلاً عن مصدر أمني": the outlet reports what its source said
    if keys & _AR_ATTRIBUTION or (keys & _AR_NAQLAN and doc.key(index + 1) == token_key("عن")):
        start = index + 2 if keys & _AR_NAQLAN else index + 1
        if keys & _AR_ATTRIBUTION and doc.key(index + 1) == _MA and index + 3 < last:
            start = index + 3  # "بحسب ما أعلنته القيادة المركزية", "بحسب ما أفاد به المجلس": past the verb
            if doc.key(start) in _BIHI:
                start += 1
        speaker = _speaker_after(article, start - 1, last, previous, verb_first=False)
        if speaker is None:
            return None
        at_end = _has_content_before(article, index, first)
        return _make_act(article, speaker, index, None, at_end)
    return None


def _english_act(article, index, first, last, previous):
    doc = article.doc
    key = doc.key(index)
    if key == "according" and doc.key(index + 1) == "to":
        speaker = _speaker_after(article, index + 1, last, previous, verb_first=False)
        if speaker is None:
            return None
        return _make_act(article, speaker, index, None, _has_content_before(article, index, first), verb_words=2)
    kind = _VERB_KIND.get(key, "absent")
    if kind == "absent" and key in _EN_CALLED and doc.key(index + 1) in _EN_CALLED_AFTER:
        kind = DEMAND
    elif kind == "absent" and key in _EN_DESCRIBED and doc.key(index + 1) in _EN_ARTICLES | _EN_DEMONSTRATIVES:
        kind = _DESCRIBE  # "called the raids 'a violation'", "described the attack as"
    if kind == "absent" or doc.key(index - 1) in _EN_NOT_VERB_BEFORE and index > first:
        return None
    if kind == _CLAIMISH and any(doc.key(i) in _EN_CLAIM_OBJECTS for i in range(index + 1, min(index + 4, last))):
        kind = CLAIM
    if _in_relative_clause(article, index, first):
        return None
    speaker = None
    if doc.key(index - 1) == "and" and not doc.words[index].break_before:
        speaker = _sentence_subject_en(article, first, index)  # "X ordered an investigation and called the attack …"
    speaker = speaker or _speaker_before_en(article, index, first, previous)
    at_end = False
    if speaker is None and index > first and _gap_before(article, index).strip()[-1:] in ",\"”":
        speaker = _speaker_after(article, index, last, previous, verb_first=True)
        if speaker is not None and not _ends_clause(article, speaker.end):
            speaker = None  # ", said X." names the speaker; ", said US forces in Iraq …" does not
        if speaker is None:
            speaker = _inverted_name(article, index, last)
    if speaker is None:
        return None
    speaker_word = article.word_at(speaker.start)
    if kind == _DESCRIBE and doc.key(speaker_word - 1) == "what":
        return None  # "in what the Pentagon called an act of self-defence": a characterisation inside the report
    if (
        speaker.start < doc.words[index].start and speaker_word > first and not doc.words[speaker_word].break_before
        and doc.key(speaker_word - 1) not in _EN_CLAUSE_OPENERS and doc.key(index + 1) in _EN_COPULAS
    ):
        return None  # "a senior commander the Pentagon said was responsible for …": a reduced relative clause
    at_end = speaker.start < doc.words[index].start and doc.key(speaker_word - 1) not in _EN_CLAUSE_OPENERS and (
        _has_content_before(article, speaker_word, first)
        or speaker_word > first and doc.words[speaker_word].break_before  # "The strikes, the Pentagon said, …"
    )
    if speaker.start > doc.words[index].start:
        at_end = True  # ", said X"
    act = _make_act(article, speaker, index, kind, at_end)
    if doc.key(speaker_word - 1) in _EN_CLAUSE_OPENERS and speaker_word > first and not doc.words[speaker_word].break_before:
        act.start = doc.words[speaker_word - 1].start  # the clause "while X said …" is X's
    return act


def _sentence_subject_en(article, first, index):
    """Return the named actor that opens the sentence (after "The"), as the subject of a later coordinated verb."""
    doc = article.doc
    start = first + 1 if doc.key(first) == "the" else first
    mention = article.mention_at(start)
    if mention is None or mention.entry is None or article.word_at(mention.span.end - 1) >= index:
        return None
    between = article.text[mention.span.end : doc.words[index].start]
    if re.search(r"[.;:!?]|\b(?:said|says|told|who|which|that)\b", between):
        return None
    return _speaker_from_mention(mention, article.text)


def _inverted_name(article, index, last):
    """Return the named speaker of "…, said Ahmed al-Asadi, a spokesman for …" after the verb, or None."""
    doc = article.doc
    words = []
    for position in range(index + 1, min(index + 6, last)):
        if position > index + 1 and doc.words[position].break_before:
            break
        words.append(doc.words[position])
    if not words or not _is_proper_name(words) or not _ends_clause(article, words[-1].end):
        return None
    return _Speaker(article.text[words[0].start : words[-1].end], None, words[0].start, words[-1].end)


def _ends_clause(article, offset):
    """Return True if only clause punctuation (or nothing) follows `offset` before the next word."""
    rest = article.text[offset : offset + 40]
    return bool(re.match(r"\s*(?:$|[,،.;؛!?؟\n]|\(|\s*(?:in|on)\b)", rest))


def _make_act(article, speaker, index, kind, at_end, verb_words=1):
    words = article.doc.words
    verb_start, verb_end = words[index].start, words[min(index + verb_words, len(words)) - 1].end
    verb = article.text[verb_start:verb_end]
    start = min(speaker.start, verb_start)
    end = max(speaker.end, verb_end)
    return _Act(speaker, verb, kind, start, end, at_end)


def _gap_before(article, index):
    return article.doc.gap_after(index - 1) if index > 0 else ""


def _has_content_before(article, index, first):
    """Return True if the sentence says something before word `index` (an attribution at the end)."""
    return index - first >= 3


def _in_relative_clause(article, index, first):
    """Return True if the English verb at `index` sits in a relative clause ("which have claimed")."""
    doc = article.doc
    position = index - 1
    while position >= first and index - position <= 4:
        if doc.key(position) in _EN_RELATIVE and doc.words[position].break_before:
            return True
        if doc.words[position].break_before:
            return False
        position -= 1
    return False


# --- Speakers ----------------------------------------------------------------------------------------


def _speaker_from_mention(mention, text, resolved=False):
    return _Speaker(mention.description or mention.span.text(text), mention.entry, mention.span.start, mention.span.end, resolved)


def _so_called(doc, index, last):
    """Return how many words of "ما تسمى بـ" / "ما يعرف بـ" (so-called) follow word `index`: 0 if none."""
    if index + 2 >= last or fold(doc.words[index + 1].text) != "ما":
        return 0
    if not re.fullmatch(r"(?:تسمي|يسمي|تسمى|يسمى|يعرف|تعرف|يطلق|تطلق)", fold(doc.words[index + 2].text)):
        return 0
    following = fold(doc.words[index + 3].text) if index + 3 < last else ""
    return 3 if re.fullmatch(r"بـ?|ب", following) else 2


def _same_group_after(article, index, last):
    """Return the armed group last named for "أعلنت الجماعة ذاتها" / "الحركة نفسها" right after the verb, or None."""
    doc = article.doc
    if index + 2 >= last:
        return None
    noun, same = doc.words[index + 1], doc.words[index + 2]
    if not re.fullmatch(r"(?:ال)?(?:جماعه|حركه|فصيل|مجموعه|فصائل)", fold(noun.text)) or not re.fullmatch(r"(?:ذاتها|نفسها|ذاته|نفسه)", fold(same.text)):
        return None
    for mention in _mentions_before(article, noun.start):
        if mention.entry is not None and mention.entry.kind == "militia or armed group":
            return _Speaker(article.text[noun.start : same.end], mention.entry, noun.start, same.end, resolved=True)
    return None


def _speaker_after(article, index, last, previous, verb_first):
    """Return the speaker right after word `index` (a verb or an attribution word), or None."""
    doc = article.doc
    window = index + 4
    for position in range(index + 1, min(window, last)):
        if doc.key(position) in _EN_DOCUMENT_WORDS - _EN_ARTICLES or doc.words[position].keys & _AR_DOCUMENT_NOUNS:
            window = position + 5  # "according to a statement from the …", بيان صادر عن
            break
    for position in range(index + 1, min(window, last)):
        if doc.words[position].break_before and not _only_quotes(doc.gap_after(position - 1)):
            if position > index + 1 or not verb_first:
                return None
        mention = article.mention_at(position)
        if mention is not None and mention.span.start >= doc.words[index].end:
            return _with_person_after(article, _speaker_from_mention(mention, article.text))
        key = doc.key(position)
        if position == index + 1 and (key in _COMPLEMENTIZERS or key in _AR_PREPOSITIONS) and verb_first:
            return _previous_speaker(article, previous, doc.words[index].start, doc.words[index].end)
        resolved = _resolve_reference(article, position, previous)
        if resolved is not None:
            return resolved
        if _document_anaphor(doc, position):
            anaphor = _previous_speaker(article, previous, doc.words[position].start, doc.words[position].end)
            if anaphor is not None:
                return anaphor
        if key in _COMPLEMENTIZERS or (is_arabic(doc.words[position].text) and not _skippable_ar(doc, position)):
            return None
        if not is_arabic(doc.words[position].text) and key not in _EN_DOCUMENT_WORDS:
            return None
    return None


def _with_person_after(article, speaker):
    """Return the speaker, or the person named right after a role phrase: "الناطق باسم وزارة الدفاع
    الأميركية (البنتاغون) بات رايدر" is Pat Ryder, described by the whole phrase."""
    position = bisect.bisect_left(article.mention_starts, speaker.end)
    if position >= len(article.mentions):
        return speaker
    person = article.mentions[position]
    gap = article.text[speaker.end : person.span.start]
    if person.entry is None or person.entry.kind != "official person" or gap.strip(" ") or len(gap) > 2:
        return speaker
    return _Speaker(article.text[speaker.start : person.span.end], person.entry, speaker.start, person.span.end)


def _document_anaphor(doc, position):
    """Return True for "the statement" / البيان ending a phrase: the statement the text just quoted."""
    key = doc.key(position)
    if key == token_key("البيان"):
        return doc.key(position + 1) not in _ISSUED_BY
    return key == "statement" and doc.key(position - 1) == "the" and doc.key(position + 1) not in _keys("from by of")


def _subject_phrase_ar(article, index, last):
    """Return the subject after an Arabic verb that names no known actor, as written; None if unclear.

    "وقال النائب عن تحالف الفتح علي تركي إن …": the words up to what was said (أن، إن، إلى أن, or
    "في بيان"), when that comes within a few words. The subject speaks for an actor it names inside
    (الأمين العام للأمم المتحدة → the United Nations).
    """
    doc = article.doc
    starts = _AR_SPEECH_STARTS
    end = None
    if doc.words[index].keys & _AR_EXPRESS:
        starts = starts | _AN
    for position in range(index + 1, min(index + 1 + _AR_SUBJECT_WORDS, last)):
        word = doc.words[position]
        if position > index + 1 and word.break_before and doc.key(position) == _FI and doc.keys(position + 1) & _AR_DOCUMENT_NOUNS:
            end = position  # "وقال الأمين العام للكتائب أحمد الحميداوي، في بيان …، إن"
            break
        if position > index + 1 and word.break_before and doc.key(position) not in starts:
            break
        if doc.key(position) in starts or doc.key(position) in _AR_SUBJECT_STOPS or word.keys & _AN and position == index + 1:
            end = position
            break
    if end is None or end == index + 1 or doc.key(index + 1) in _AR_SUBJECT_STOPS | _AR_PREPOSITIONS:
        return None
    if doc.key(end) in _AR_SUBJECT_STOPS and (doc.key(end) != _FI or not doc.keys(end + 1) & _AR_DOCUMENT_NOUNS):
        return None  # only "في بيان" ends a subject; "في" alone may be inside it
    start, stop = doc.words[index + 1].start, doc.words[end - 1].end
    while stop > start and article.text[stop - 1] in "،,":
        stop -= 1
    return _described(article, start, stop)


def _described(article, start, end):
    """Return a described speaker for text[start:end], speaking for the last actor named inside it."""
    inside = [
        m.entry for m in article.mentions if m.entry is not None and start <= m.span.start and m.span.end <= end
    ]
    bodies = [entry for entry in inside if entry.kind != "state"]
    entry = (bodies or inside or [None])[-1]
    return _Speaker(article.text[start:end], entry, start, end)


def _skippable_ar(doc, position):
    """Return True for words between an Arabic verb and its subject (نائبة, بيانات حديثة, تقرير)."""
    word = doc.words[position]
    if word.keys & _AR_DOCUMENT_NOUNS or word.key in _ISSUED_BY:
        return True
    return not word.key.startswith("ال") and len(word.key) >= 3


def _only_quotes(gap):
    return not gap.strip(" \"“”«»'\u200f\u200e")


def _speaker_before_ar(article, index, first, previous):
    """Return the subject before an Arabic verb ("وكانت المقاومة قد أعلنت"), or None."""
    doc = article.doc
    position = index - 1
    while position >= first and index - position <= 3:
        if doc.words[position + 1].break_before:
            if doc.gap_after(position).strip() in ("،", ",") and all(fold(doc.words[i].text) in ("قد", "وقد") for i in range(position + 1, index)):
                # "وكان الناطق باسم …، اللواء يحيى رسول، قد أكد": the name set off by commas before "قد"
                mention = article.mention_ending_at(position)
                if mention is not None and mention.entry is not None:
                    return _speaker_from_mention(mention, article.text)
            return None
        mention = article.mention_ending_at(position)
        if mention is not None:
            return _speaker_from_mention(mention, article.text)
        resolved = _resolve_reference(article, position, previous)
        if resolved is not None:
            return resolved
        position -= 1
    return None


def _speaker_before_en(article, index, first, previous):
    """Return the subject of an English speech verb, or None."""
    doc = article.doc
    position = index - 1
    while position >= first and doc.key(position) in _EN_GAP_WORDS and not doc.words[position + 1].break_before:
        position -= 1
    if position < first:
        return None
    mention = article.mention_ending_at(position)
    bracketed = doc.gap_after(position).strip() == ")"  # "Counter-Terrorism Department (CTD) said"
    if mention is not None and (not doc.words[position + 1].break_before or bracketed):
        return _office_of(article, mention, first) or _speaker_from_mention(mention, article.text)
    appositive = _appositive_subject(article, position, first)
    if appositive is not None:
        return appositive
    if doc.words[position + 1].break_before and _gap_before(article, position + 1).strip()[-1:] not in ("\"", "”"):
        return None
    clause_start = position
    while clause_start > first and not doc.words[clause_start].break_before:
        clause_start -= 1
    words = [doc.words[i] for i in range(clause_start, position + 1)]
    while words and words[0].key in _EN_CONJUNCTIONS:
        words.pop(0)
    if not words:
        return None
    if len(words) == 3 and words[0].key in _EN_QUANTIFIERS | _keys("each all") and words[1].key == "of" and words[2].key in _keys("them those"):
        # "…, one of them said": one of the speakers before, as the text calls them
        resolved = _previous_speaker(article, previous, words[0].start, words[-1].end)
        if resolved is not None:
            return _Speaker(article.text[words[0].start : words[-1].end], resolved.entry, words[0].start, words[-1].end, resolved=True)
    if len(words) == 1 or (words[0].key == "the" and len(words) <= 4 and all(w.text[:1].isupper() for w in words[1:])):
        if words[-1].key in _EN_PRONOUNS or words[-1].key in _DOCUMENT_ANAPHORS:
            return _previous_speaker(article, previous, words[0].start, words[-1].end)
        resolved = _resolve_reference(article, position, previous)
        if resolved is not None:
            resolved.start = words[0].start
            return resolved
    if words[0].key == "the" and len(words) <= 4:
        resolved = _resolve_common_noun(article, words, previous)
        if resolved is not None:
            return resolved
    if len(words) <= 8 and any(w.key in _EN_ROLE_WORDS for w in words) and (
        words[0].text[:1].isupper() or words[0].key in _EN_ARTICLES | _EN_QUANTIFIERS
    ):
        if words[-1].key == "statement":
            return _previous_speaker(article, previous, words[0].start, words[-1].end)
        return _described(article, words[0].start, words[-1].end)
    if _is_proper_name(words[1:] if words[0].key == "the" else words):
        return _Speaker(article.text[words[0].start : words[-1].end], None, words[0].start, words[-1].end)
    return None


# "The group said", "the Britain-based monitor said": a common noun for an actor of these kinds.
_HEAD_NOUN_KINDS = {
    "militia or armed group": _keys("group groups militia militias faction factions movement organization organisation"),
    "unidentified": _keys("group groups militia militias faction factions"),
    "media outlet": _keys("monitor observatory agency outlet channel broadcaster newspaper network"),
    "government body": _keys("ministry department office command agency council cell"),
    "state force": _keys("military army forces force command"),
}


def _resolve_common_noun(article, words, previous):
    """Return the actor "the X" stands for: the latest one named with X, else of the kind X names."""
    head = words[-1]
    if head.text[:1].isupper():
        return None
    kinds = [kind for kind, nouns in _HEAD_NOUN_KINDS.items() if head.key in nouns]
    if not kinds:
        return None
    start, end = words[0].start, head.end
    for mention in _mentions_before(article, start):
        written = {token_key(w) for w in re.findall(r"[\w'’-]+", mention.span.text(article.text))}
        if mention.entry is not None and head.key in written:
            return _Speaker(article.text[start:end], mention.entry, start, end, resolved=True)
    for mention in _mentions_before(article, start):
        if mention.entry is not None and mention.entry.kind in kinds:
            return _Speaker(article.text[start:end], mention.entry, start, end, resolved=True)
    return None


def _is_proper_name(words):
    """Return True for one to four capitalised words that are no date ("Ryder", "Ahmed al-Asadi")."""
    if not 1 <= len(words) <= 4 or any(w.key in _DATE_WORDS or w.key in _EN_PRONOUNS for w in words):
        return False
    return words[0].text[:1].isupper() and words[-1].text[:1].isupper() and all(
        w.text[:1].isupper() or w.key in _EN_NAME_PARTICLES for w in words
    )


def _appositive_subject(article, position, first):
    """Return the speaker of "X, an umbrella group of …, said" (the mention before the appositive) or of
    "The Pentagon's press secretary, Maj. Gen. Pat Ryder, told" (the named person between commas)."""
    doc = article.doc
    if not doc.words[position + 1].break_before or doc.gap_after(position).strip() != ",":
        return None
    scan = position
    while scan > first and not doc.words[scan].break_before:
        scan -= 1
    named = article.mention_ending_at(position)
    if named is not None and named.entry is not None and named.span.start <= doc.words[scan].start:
        return _speaker_from_mention(named, article.text)
    name = doc.words[scan : position + 1]
    if scan > first and doc.gap_after(scan - 1).strip() == "," and _is_proper_name(name):
        # "A spokesman for Kataib Hezbollah, Jaafar al-Husseini, said": the role clause and the name
        role_start = scan - 1
        while role_start > first and not doc.words[role_start].break_before:
            role_start -= 1
        role = doc.words[role_start:scan]
        if any(w.key in _EN_ROLE_WORDS for w in role):
            return _described(article, role[0].start, name[-1].end)
    if scan <= first or doc.gap_after(scan - 1).strip() != ",":
        return None
    role_first = any(doc.key(i) in _EN_ROLE_WORDS for i in range(scan, min(scan + 3, position + 1)))
    if doc.key(scan) not in _EN_APPOSITIVE_STARTS and not doc.key(scan).endswith("ing") and not role_first:
        return None  # "X, spokesman for the commander-in-chief, said": a role without an article is an apposition too
    mention = article.mention_ending_at(scan - 1)
    if mention is None:
        return None
    return _speaker_from_mention(mention, article.text)


def _office_of(article, mention, first):
    """Return the office of a titled person when the text says so ("The office of Prime Minister X")."""
    text = article.text
    if mention.entry is None or mention.entry.kind != "official person":
        return None
    clause_start = article.doc.words[max(first, article.word_at(mention.span.start) - 3)].start
    before = text[clause_start : mention.span.start]
    if not re.search(r"\boffice\s+of\s*(?:the\s+)?$", before, re.IGNORECASE):
        return None
    start = clause_start + re.search(r"(?:the\s+)?office\s+of", before, re.IGNORECASE).start()
    words = text[mention.span.start : mention.span.end].split()
    while len(words) > 1:
        words.pop()  # drop the name from the end until the title alone names the office
        for found in article.actors.find("office of " + " ".join(words), article.language):
            if found.entry is not None and found.entry.kind != "official person":
                return _Speaker(text[start : mention.span.end], found.entry, start, mention.span.end)
    return None


def _previous_speaker(article, previous, start, end):
    """Return the speaker of the statement before, as an anaphor at start:end refers to it; None if none."""
    if not previous:
        return None
    speaker = previous[-1]
    return _Speaker(speaker.speaker, speaker.speaker_actor, start, end, resolved=True)


def _resolve_reference(article, position, previous):
    """Return the speaker a short reference at word `position` stands for, or None.

    A surname (Austin, سينغ) or the head noun of an actor named earlier (المرصد, الجهاز, المقاومة, the
    Observatory), or a definite role noun (المصدر, the official) naming the last such speaker.
    """
    doc = article.doc
    word = doc.words[position]
    arabic = is_arabic(word.text)
    if not arabic and not word.text[:1].isupper():
        return None
    keys = {r.key for r in word.readings if r.clitics in ("", "و", "ف", "ل", "ب")} if arabic else {word.key}
    if keys & _ROLE_ANAPHORS:
        stem = {_bare(key) for key in keys}
        for statement in reversed(previous):
            words = [_bare(token_key(w)) for w in statement.speaker.split()]
            if statement.speaker_actor is None and words and words[0] in stem:
                return _Speaker(statement.speaker, None, word.start, word.end, resolved=True)
        return None
    if not arabic and word.key in _EN_NOT_NAMES:
        return None
    bare = {_bare(key) for key in keys}
    if arabic and not any(key.startswith("ال") for key in keys) and not _is_person_word(article, bare, word.start):
        return None
    for mention in _mentions_before(article, word.start):
        entry = mention.entry
        if entry is None:
            continue
        written = [token_key(w) for w in re.findall(r"[\w'’-]+", mention.span.text(article.text))]
        if entry.kind == "official person":
            names = [written[-1:]] + [[token_key(w) for w in name.split()][-1:] for name in entry.names]
            if any(name and _bare(name[0]) in bare for name in names):
                return _Speaker(word.text, entry, word.start, word.end, resolved=True)
        elif written and _bare(_head_word(written, arabic)) in bare and _head_word(written, arabic) not in _NATION_WORDS:
            return _Speaker(word.text, entry, word.start, word.end, resolved=True)
    return None


def _head_word(keys, arabic):
    """Return the head noun of an organisation's name: first in Arabic (المرصد السوري), last before
    of/for in English (Syrian Observatory for Human Rights)."""
    if arabic:
        return keys[0]
    words = [key for key in keys if key != "the"]
    for position, key in enumerate(words):
        if key in _EN_NAME_BREAKS and position > 0:
            return words[position - 1]
    return words[-1] if words else ""


def _is_person_word(article, bare, offset):
    """Return True if an Arabic word without the article is the surname of a person named earlier."""
    for mention in _mentions_before(article, offset):
        if mention.entry is not None and mention.entry.kind == "official person":
            last = token_key(re.findall(r"\w+", mention.span.text(article.text))[-1])
            if _bare(last) in bare:
                return True
    return False


def _mentions_before(article, offset):
    """Yield the actor mentions before `offset`, nearest first."""
    position = bisect.bisect_left(article.mention_starts, offset) - 1
    while position >= 0:
        yield article.mentions[position]
        position -= 1


def _bare(key):
    """Return a key without the Arabic article."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


# --- Statements from attributions ----------------------------------------------------------------------


def _statements_from_acts(article, sentence, acts):
    """Return one DraftStatement per act of the sentence, each span up to the next act's attribution."""
    statements = []
    acts = sorted(acts, key=lambda a: a.start)
    for position, act in enumerate(acts):
        if act.at_end:
            start = acts[position - 1].end if position > 0 else _quotation_start(article, sentence)
        else:
            start = act.start
        end = sentence.end
        later = [a for a in acts[position + 1 :] if not a.at_end]
        if later:
            end = later[0].start
        start, end = _trim(article.text, start, end)
        span = Span(start, end)
        kind = _kind(article, act, span)
        statements.append(
            DraftStatement(
                speaker=act.speaker.text,
                speaker_actor=act.speaker.entry,
                kind=kind,
                verb=act.verb,
                date=_statement_date(article, act, span),
                span=span,
                confidence=_confidence(act),
            )
        )
    return statements


def _quotation_start(article, sentence):
    """Return where a statement attributed at its end starts: the sentence, or the quotation opened
    earlier in the paragraph that the sentence closes ("A drone … on Thursday. There were …," the CTD said).
    """
    text = article.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    before = text[line_start : sentence.start]
    straight_open = before.count('"') % 2 == 1
    curly_open = max(before.rfind("“"), before.rfind("«")) > max(before.rfind("”"), before.rfind("»"))
    if straight_open:
        return line_start + before.rfind('"')
    if curly_open:
        return line_start + max(before.rfind("“"), before.rfind("«"))
    return sentence.start


def _trim(text, start, end):
    """Return start, end without surrounding spaces and trailing clause punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,;؛"):
        end -= 1
    return start, end


def _confidence(act):
    confidence = 0.8 if act.speaker.entry is not None else 0.7
    if act.speaker.resolved:
        confidence -= 0.15
    if act.verb_kind not in (None, _CLAIMISH):
        confidence += 0.1
    return round(min(confidence, 0.95), 2)


# --- Continuations: cumulative figures after a statement ----------------------------------------------------


def _continuation(article, sentence, statements):
    """Return a statement for a sentence of cumulative figures that continues the statement before it."""
    if not statements:
        return []
    before = statements[-1]
    text = article.text
    if _paragraph_of(text, before.span.end) != _paragraph_of(text, sentence.start):
        return []
    if text[before.span.end : sentence.start].strip(" \t.!?؟\"”»") != "":
        return []
    content = text[sentence.start : sentence.end]
    if not _cumulative(article, sentence, fold(content), content):
        return []
    start, end = _trim(text, sentence.start, sentence.end)
    span = Span(start, end)
    act = _Act(_Speaker(before.speaker, before.speaker_actor, before.span.start, before.span.start, True), "", None, start, start, False)
    return [
        DraftStatement(
            speaker=before.speaker,
            speaker_actor=before.speaker_actor,
            kind=_kind(article, act, span),
            verb="",
            date=before.date,
            span=span,
            confidence=0.5,
        )
    ]


def _cumulative(article, span, folded, content):
    """Return True if the text at `span` gives cumulative figures: N attacks since a date, or in response."""
    if not _ATTACK_COUNT.search(folded):
        return False
    language = "ar" if is_arabic(content) else "en"
    counts = False
    for number in _numbers(content, language):
        if number.value < 2:
            continue
        after = content[number.span.end : number.span.end + 30].split()
        if any(token_key(word.strip(".,،")) in _ATTACK_COUNT_NOUNS for word in after[:2]):
            counts = True
            break
    if not counts:
        return False
    since = any(
        d.since and span.start <= d.span.start < span.end for d in article.dates
    )
    return since or bool(_RESPONSE.search(folded))


# --- Kinds -------------------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _numbers(content, language):
    return find_numbers(content, language)


@lru_cache(maxsize=512)
def _casualties(content, language):
    return find_casualties(content, language)


def _kind(article, act, span):
    """Return the StatementKind value of a statement from its verb, speaker and content."""
    text = article.text
    content = text[span.start : span.end]
    if span.start <= act.start and act.end <= span.end and act.end > act.start:
        # what was said, without the attribution (and an appositive inside it: "X, which the U.S. blames
        # for the attack, announced …")
        content = text[span.start : act.start] + " " + text[act.end : span.end]
    folded = fold(content)
    armed = act.speaker.entry is not None and act.speaker.entry.kind in _ARMED_KINDS
    verb_kind = act.verb_kind
    if verb_kind == _DESCRIBE:
        described = fold(text[act.end : span.end]) if act.end >= span.start and not act.at_end else folded
        if _SELF_DEFENCE.search(described):
            return POSITION  # "described the strikes as acts of self-defense": a justification of one's own strikes
        if _OBJECT_PRONOUN.search(fold(act.verb)) or re.match(r"^\W*(?:it|them)\b", described):
            # "ووصفه …", "called it …": "it" is what the text told just before the verb (the sentence before for English)
            before = fold(text[max(0, act.start - 60) : act.start]).split()
            described = before[-3:] if not re.match(r"^\W*(?:it|them)\b", described) else before[-8:]
            return CONDEMNATION if any(_DESCRIBED_EVENT.match(word) for word in described) else POSITION
        return CONDEMNATION if _DESCRIBED_EVENT.match(described) else POSITION
    if verb_kind == _CLAIMISH:
        if armed:
            return CLAIM
        verb_kind = None
    if verb_kind is not None:
        return verb_kind
    if act.verb.split() and (token_key(act.verb.split()[0]) in _BLAME_VERBS or any(r.key in _BLAME_VERBS for r in _readings_of(act.verb))):
        return REPORT  # "Washington has blamed X for it", "اتهمت واشنطن X بتنفيذه": who did it, as the speaker tells it
    if _DENIAL_CONTENT.search(folded):
        return DENIAL
    if _RESPONSIBILITY.search(folded):
        return CLAIM
    after_verb = fold(text[act.end : span.end]) if act.end >= span.start and not act.at_end else folded
    opening = _opening(after_verb)
    if _CONDEMNATION_CONTENT.search(opening):
        return CONDEMNATION
    if _STANCE.search(opening) and not act.at_end:
        return POSITION
    if armed and (
        _SELF_ATTACK.search(folded)
        or (token_key(act.verb.split()[0]) in _AR_ANNOUNCE or any(r.key in _AR_ANNOUNCE for r in _readings_of(act.verb)))
        and _VERBAL_NOUN_ATTACK.search(after_verb)
    ):
        return CLAIM
    language = "ar" if is_arabic(content) else "en"
    killed, injured = _casualties(content, language)
    if _cumulative(article, span, folded, content):
        return CASUALTY_FIGURES if _quantified(killed, injured, folded, content, language) else REPORT
    if _quantified(killed, injured, folded, content, language) and (
        not _introduces_event(article, span, folded) or _CASUALTIES_FIRST.match(folded)
    ):
        return CASUALTY_FIGURES  # "قتل ثلاثة جنود وأصيب 34، أمس، في هجوم …": the toll is what is told
    if _MODAL.search(folded):
        return POSITION
    if _JUSTIFICATION.search(folded) and not (_positive(killed) or _positive(injured)):
        return POSITION  # "the strikes were a direct response to …": why, not what happened
    if _EVENT.search(folded) or _PAST_FACT.search(folded):
        return REPORT  # what happened, or a past fact ("said Abu Taqwa had been its deputy head")
    return POSITION


_FOLDED_COMPLEMENTIZERS = frozenset(fold(word) for word in "that أن إن بأن ان إنها إنه أنها أنه بأنها بأنه إنهم أنهم".split())
_OPENING_WORDS = 8


def _opening(folded):
    """Return the first words of what was said, after "in a statement … that" / "في بيان … أن"."""
    words = folded.split()
    for position, word in enumerate(words[:_OPENING_WORDS]):
        if word in _FOLDED_COMPLEMENTIZERS:
            return " ".join(words[position + 1 : position + 1 + _OPENING_WORDS])
    return " ".join(words[:_OPENING_WORDS])


def _readings_of(verb):
    return [r for word in verb.split() for r in readings(word) if r.clitics in ("", "و", "ف")]


def _positive(figures):
    return bool(figures.best or figures.low or figures.high)


def _quantified(killed, injured, folded, content, language):
    """Return True if the content states how many were killed or hurt (a number or a quantifier).

    One victim named with an article ("killed a commander") or two implied by a victim and a companion
    ("died along with a companion") are no stated figure.
    """
    for figures in (killed, injured):
        if figures.best in (1, 2) and not _numbers(content, language) and not _QUANTIFIER.search(folded):
            continue  # "killed a commander", "died along with a companion": who, not how many
        if figures.best or figures.high or (figures.low and figures.low > 2):
            return True
    if (_positive(killed) or _positive(injured)) and _QUANTIFIER.search(folded):
        return True
    return bool(_CONDITION.search(folded)) and bool(_numbers(content, language))


def _introduces_event(article, span, folded):
    """Return True if the content introduces an attack (indefinite, or with its own day)."""
    if _EVENT_INTRO.search(folded):
        return True
    if _EVENT_NAMED.search(folded):
        return False  # "five of its members had been killed in the strike … late on Sunday": the day of an event told before
    return any(
        span.start <= d.span.start < span.end and not d.since and d.precision == "day"
        for d in article.dates
    )


# --- Dates -------------------------------------------------------------------------------------------


def _statement_date(article, act, span):
    """Return the date of the speech: a date inside the attribution itself, else the publication date."""
    text = article.text
    if act.at_end:
        window = Span(act.start, _clause_end(text, act.end, span.end))
    else:
        complement = _complementizer_after(article, act.end, span.end)
        window = Span(act.start, complement if complement is not None else act.end)
    for mention in article.dates:
        if window.start <= mention.span.start < window.end and not mention.since and mention.start <= article.published:
            if mention.precision == "day":
                return mention.start
    return article.published


def _complementizer_after(article, offset, limit):
    """Return the offset of the first complementizer (أن، إن، بأن، that) after `offset`, or None."""
    doc = article.doc
    index = article.word_at(offset)
    stop = index + _COMPLEMENTIZER_WORDS
    while index < min(len(doc), stop) and doc.words[index].start < limit:
        if doc.key(index) in _COMPLEMENTIZERS or doc.key(index) == "that":
            return doc.words[index].start
        index += 1
    return None


def _clause_end(text, offset, limit):
    match = re.search(r"[,،;؛]", text[offset:limit])
    return offset + match.start() if match else limit


# --- Incidents ---------------------------------------------------------------------------------------


def _link_incidents(article, statements, incidents):
    """Fill each statement's incidents (indexes into `incidents`), trying the rules in the module's order."""
    if not incidents:
        return
    places = _place_index(incidents)
    sentences = _sentences(article.article)
    starts = [sentence.start for sentence in sentences]
    for position, statement in enumerate(statements):
        before = statements[:position]
        sentence = sentences[max(0, bisect.bisect_right(starts, statement.span.start) - 1)]
        linked = [
            index for index, incident in enumerate(incidents)
            if any(evidence.overlaps(statement.span) or evidence.overlaps(sentence) and _inside(evidence, sentence) for evidence in incident.evidence)
        ]
        named_places = _by_place(article, statement, incidents, places)
        if statement.kind == CLAIM and _PLURAL_ATTACKS.search(fold(statement.span.text(article.text))):
            # "a series of operations", الهجومين: every attack it names, else every attack not by a state
            linked = sorted(set(linked) | set(named_places or _claimed(article, statement, before, incidents)))
        if not linked:
            linked = named_places
        if not linked and statement.kind == CLAIM:
            linked = _claimed(article, statement, before, incidents)
        if not linked and statement.kind in (CONDEMNATION, DENIAL, DEMAND):
            linked = _by_perpetrator(article, statement, incidents)
        if not linked and before and statement.kind != POSITION and not _is_cumulative_statement(article, statement):
            content = fold(statement.span.text(article.text))
            reaction = statement.kind in (CONDEMNATION, DEMAND, DENIAL) and before[-1].kind in (CONDEMNATION, DEMAND, DENIAL)
            same_speaker = _same_speaker(statement, before[-1])
            referring = _ATTACK_REFERENCE.search(content) or _VICTIM_REFERENCE.search(content)
            if reaction or same_speaker or referring:
                linked = _narrowed(content, list(before[-1].incidents), incidents)
            if not linked and referring and not any(earlier.incidents for earlier in before):
                linked = [0]  # "the attack" before any statement named one: the article's lead event
        statement.incidents = sorted(set(linked))


def _narrowed(content, linked, incidents):
    """Return the one incident of `linked` at the kind of place "the attack on the airport" names, else `linked`."""
    if len(linked) < 2:
        return linked
    for noun, (kinds, words) in _PLACE_NOUNS.items():
        if not noun.search(content):
            continue
        for fits in (lambda e: e.kind in kinds, lambda e: any(_bare(token_key(t)) in words for n in e.names for t in n.split())):
            fitting = [i for i in linked if incidents[i].place and incidents[i].place.entry and fits(incidents[i].place.entry)]
            if len(fitting) == 1:
                return fitting
    return linked


def _same_speaker(statement, other):
    if statement.speaker_actor is not None or other.speaker_actor is not None:
        return statement.speaker_actor == other.speaker_actor
    return fold(statement.speaker) == fold(other.speaker)


def _is_cumulative_statement(article, statement):
    content = statement.span.text(article.text)
    return _cumulative(article, statement.span, fold(content), content)


def _by_perpetrator(article, statement, incidents):
    """Return the incidents carried out by the actor a reaction's object names ("condemned the U.S. strikes").

    Only the clause right after the speaker and verb counts: a later "pointing to the militias' threat"
    is context, not what is condemned.
    """
    text = statement.span.text(article.text)
    after = text.find(statement.speaker)
    after = statement.span.start + (after + len(statement.speaker) if after >= 0 else 0)
    rest = article.text[after : statement.span.end]
    lead = len(rest) - len(rest.lstrip(" ،,\"“”"))
    clause = re.match(r"[^،,;؛:]*", rest[lead:]).group()
    window = Span(after, after + lead + len(clause))
    named = {
        mention.entry for mention in article.mentions
        if mention.entry is not None and window.start <= mention.span.start and mention.span.end <= window.end
    }
    return [
        index for index, incident in enumerate(incidents)
        if any(actor.role == "perpetrator" and actor.entry in named for actor in incident.actors)
    ]


def _claimed(article, statement, before, incidents):
    """Return the incidents a claim naming no place is about.

    "A series of operations", "the two attacks" (plural or dual): every attack not carried out by a
    state. "The attack", هجوم اليوم (singular): the incidents of the statement before, else the first
    such attack (the article's lead event).
    """
    candidates = [index for index, incident in enumerate(incidents) if not _state_perpetrated(incident)]
    if _PLURAL_ATTACKS.search(fold(statement.span.text(article.text))):
        return candidates
    for earlier in reversed(before):
        if earlier.incidents:
            return [index for index in earlier.incidents if index in candidates] or earlier.incidents
    return candidates[:1]


def _inside(evidence, sentence):
    return sentence.start <= evidence.start and evidence.end <= sentence.end


def _place_index(incidents):
    """Return a NameIndex of the incidents' places (sites and towns; not countries or governorates)."""
    index = NameIndex()
    for position, incident in enumerate(incidents):
        place = incident.place
        if place is None or place.entry is None or place.entry.kind in ("country", "governorate"):
            continue
        for written in place.entry.names:
            if is_arabic(written) or written[:1].isupper():
                index.add(name_of(written, position))
    return index


def _by_place(article, statement, incidents, places):
    """Return the incidents whose place the statement names."""
    text = statement.span.text(article.text)
    found = set()
    for match in places.find(Doc(text)):
        found.update(match.entries)
    return sorted(found)


def _state_perpetrated(incident):
    """Return True if a state or its forces carried out the incident (not what an armed group claims)."""
    return any(
        actor.role == "perpetrator" and actor.entry is not None and actor.entry.kind in _STATE_KINDS
        for actor in incident.actors
    )
