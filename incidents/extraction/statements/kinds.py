"""Statements from the attributions of a sentence: their spans, kinds, dates and confidence; sentences of
cumulative figures that continue the statement before.
"""
import re
from functools import lru_cache

from ..normalize import fold, is_arabic, readings, token_key
from ..numbers import find_casualties, find_numbers
from ..types import DraftStatement, Span
from .families import on
from .model import _Act, _Speaker
from .sentences import _paragraph_of
from .words import (
    _ADMIT_VERBS,
    _ADMITTED_TOLL,
    _AR_ANNOUNCE,
    _ARMED_KINDS,
    _ATTACK_COUNT,
    _ATTACK_COUNT_NOUNS,
    _BLAME_VERBS,
    _CASUALTIES_FIRST,
    _CLAIMISH,
    _COMPLEMENTIZER_WORDS,
    _COMPLEMENTIZERS,
    _CONDEMNATION_CONTENT,
    _CONDEMNATION_MORE,
    _CONDITION,
    _DENIAL_CONTENT,
    _DENIAL_DIRECTION,
    _DESCRIBE,
    _DESCRIBED_EVENT,
    _EVENT,
    _EVENT_INTRO,
    _EVENT_NAMED,
    _EVENT_TOLD,
    _FACT_VERBS,
    _FIGHTERS_ATTACK,
    _JUSTIFICATION,
    _JUSTIFICATION_MORE,
    _MODAL,
    _OBJECT_PRONOUN,
    _PAST_FACT,
    _QUANTIFIER,
    _RESPONSE,
    _RESPONSIBILITY,
    _SELF_ATTACK,
    _SELF_DEFENCE,
    _STANCE,
    _TOLL_CUE_WORDS,
    _TOLL_CUES,
    _TOLL_OPENING,
    _VERBAL_NOUN_ATTACK,
    _ZERO_CASUALTIES,
    CASUALTY_FIGURES,
    CLAIM,
    CONDEMNATION,
    DENIAL,
    POSITION,
    REPORT,
)


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


_OPENING_QUOTES = {'"': '"', "“": "”", "«": "»"}


def _quoted_continuation(article, sentence, statements):
    """Return a statement for a sentence of a quotation that goes on after its attribution (family
    quote_continuation): the speaker before says it, its kind from what it says.

    'CENTCOM said: "A. B."' (B inside the quotation opened before), '"A," it added. "B."' (a new quotation with
    no attribution of its own) and a paragraph wholly quoted right after a statement are the last speaker's. A
    quotation closed by a comma ('"A. B," the CTD said.') is attributed after it, not before.
    """
    if not on("quote_continuation") or not statements:
        return []
    before = statements[-1]
    text = article.text
    between = text[before.span.end : sentence.start]
    if between.strip(" \t\n.!?؟\"”»") != "" or between.count("\n") > 2:
        return []
    start, end = _trim(text, sentence.start, sentence.end)
    opened = _quotation_start(article, sentence)
    if opened < sentence.start:
        opening = opened  # inside a quotation opened before the sentence
    elif text[start : start + 1] in _OPENING_QUOTES:
        opening = start
    else:
        return []
    closing_mark = _OPENING_QUOTES[text[opening]]
    paragraph_end = text.find("\n", start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    closing = text.find(closing_mark, max(opening + 1, start + 1), paragraph_end)
    if closing > 0 and text[closing - 1] in ",،":
        return []  # '"A. B," the CTD said.': the attribution after the quotation names its speaker
    span = Span(start, end)
    act = _Act(_Speaker(before.speaker, before.speaker_actor, start, start, True), "", None, start, start, False)
    kind = _kind(article, act, span)
    if opening < sentence.start and before.verb == "" and before.kind == kind and before.span.start >= opening:
        before.span = Span(before.span.start, end)  # the same quotation goes on saying the same kind of thing
        return [before]
    return [
        DraftStatement(
            speaker=before.speaker,
            speaker_actor=before.speaker_actor,
            kind=kind,
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
    if on("admitted_toll") and _admits_toll(article, act, span):
        return CASUALTY_FIGURES  # "اعترفت الحركة بمقتل قائدها", "acknowledged the death of five … and vowed retaliation"
    if verb_kind in (_CLAIMISH, CLAIM) and on("toll_predicate"):
        said = fold(text[act.end : span.end]) if act.end >= span.start and not act.at_end else folded
        if _TOLL_OPENING.search(_opening(said)) or _toll_cue(said):
            return CASUALTY_FIGURES  # "the groups claimed that 16 of their members were killed": a toll
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
    zero = on("zero_casualties") and _ZERO_CASUALTIES.search(folded)
    rest = folded[: zero.start()] + " " + folded[zero.end() :] if zero else ""
    if zero and not _EVENT_TOLD.search(rest) and not _EVENT_INTRO.search(rest):
        return CASUALTY_FIGURES  # "there were no casualties", "لم تقع إصابات": the toll is what is told
    if (_DENIAL_CONTENT.search(folded) or on("denial_direction") and _DENIAL_DIRECTION.search(folded)) and not zero:
        return DENIAL
    if _RESPONSIBILITY.search(folded):
        return CLAIM
    after_verb = fold(text[act.end : span.end]) if act.end >= span.start and not act.at_end else folded
    opening = _opening(after_verb)
    if _CONDEMNATION_CONTENT.search(opening) or on("condemnation_words") and _CONDEMNATION_MORE.search(opening):
        return CONDEMNATION
    if _STANCE.search(opening) and not act.at_end:
        return POSITION
    if armed and (
        _SELF_ATTACK.search(folded)
        or on("self_claim") and _FIGHTERS_ATTACK.search(folded)
        or (token_key(act.verb.split()[0]) in _AR_ANNOUNCE or any(r.key in _AR_ANNOUNCE for r in _readings_of(act.verb)))
        and _VERBAL_NOUN_ATTACK.search(after_verb)
    ):
        return CLAIM
    language = "ar" if is_arabic(content) else "en"
    killed, injured = _casualties(content, language)
    if _cumulative(article, span, folded, content):
        toll = _quantified(killed, injured, folded, content, language) or _toll_cue(folded, whole=True)
        return CASUALTY_FIGURES if toll else REPORT
    toll_first = on("toll_predicate") and _TOLL_OPENING.search(opening)
    toll_first = toll_first or _toll_cue(after_verb)
    if toll_first or _quantified(killed, injured, folded, content, language) and (
        not _introduces_event(article, span, folded, act) or _CASUALTIES_FIRST.match(folded)
    ):
        return CASUALTY_FIGURES  # "قتل ثلاثة جنود وأصيب 34، أمس، في هجوم …": the toll is what is told
    if _MODAL.search(folded):
        return POSITION
    justified = _JUSTIFICATION.search(folded) or on("justification") and _JUSTIFICATION_MORE.search(folded)
    if justified and not (_positive(killed) or _positive(injured)):
        return POSITION  # "the strikes were a direct response to …": why, not what happened
    if _EVENT.search(folded) or _PAST_FACT.search(folded):
        return REPORT  # what happened, or a past fact ("said Abu Taqwa had been its deputy head")
    if on("fact_verbs") and _FACT_VERBS.search(opening):
        return REPORT  # "الملاحة في المطار توقفت", "the coalition withdrew from the base": a fact told
    return POSITION


def _admits_toll(article, act, span):
    """Return True if the attribution's own verb admits a death or a wound (family admitted_toll): the verb that
    anchors the act (not a later verb of the sentence that took over its kind), followed by what is admitted."""
    text = article.text
    if act.at_end or act.end <= act.start or not span.start <= act.start:
        return False
    anchor = text[act.start : act.end].split()
    admits = (token_key(word) in _ADMIT_VERBS or any(r.key in _ADMIT_VERBS for r in _readings_of(word)) for word in anchor)
    if not any(admits):
        return False
    return bool(_ADMITTED_TOLL.search(fold(text[act.end : span.end])))


_FOLDED_COMPLEMENTIZERS = frozenset(fold(word) for word in "that أن إن بأن ان إنها إنه أنها أنه بأنها بأنه إنهم أنهم".split())
_OPENING_WORDS = 8


def _opening(folded, size=_OPENING_WORDS):
    """Return the first words of what was said, after "in a statement … that" / "في بيان … أن"."""
    words = folded.split()
    for position, word in enumerate(words[:_OPENING_WORDS]):
        if word in _FOLDED_COMPLEMENTIZERS:
            return " ".join(words[position + 1 : position + 1 + size])
    return " ".join(words[:size])


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


def _toll_cue(said, whole=False):
    """Return True if what was said tells a toll by a cue of family toll_cues: in its first words (from its
    complementizer, or from its start: "وأكد المصدر حصيلة القتلى، وأشار إلى أنها …"), or anywhere (`whole`: the
    toll as the second clause of cumulative figures, "attacked 46 times …, and that a total of 56 were injured")."""
    if not on("toll_cues"):
        return False
    if whole:
        return bool(_TOLL_CUES.search(said))
    head = " ".join(said.split()[:_TOLL_CUE_WORDS])
    return bool(_TOLL_CUES.search(_opening(said, _TOLL_CUE_WORDS)) or _TOLL_CUES.search(head))


def _introduces_event(article, span, folded, act):
    """Return True if the content introduces an attack (indefinite, or with its own day).

    The day of the speech ("the government said Saturday that …") is in the attribution, not in what was said.
    """
    if _EVENT_INTRO.search(folded):
        return True
    if _EVENT_NAMED.search(folded):
        return False  # "five of its members had been killed in the strike … late on Sunday": the day of an event told before
    said = _attribution_window(article, act, span)
    return any(
        span.start <= d.span.start < span.end and not d.since and d.precision == "day"
        and not said.start <= d.span.start < said.end
        for d in article.dates
    )




def _attribution_window(article, act, span):
    """Return the span of the attribution: from the act to its complementizer (or to the clause's end when it
    follows what was said), where the date of the speech is written."""
    if act.end <= act.start:
        return Span(act.start, act.start)  # a continuation: no attribution of its own
    if act.at_end:
        return Span(act.start, _clause_end(article.text, act.end, span.end))
    complement = _complementizer_after(article, act.end, span.end)
    return Span(act.start, complement if complement is not None else act.end)


def _statement_date(article, act, span):
    """Return the date of the speech: a date inside the attribution itself, else the publication date."""
    window = _attribution_window(article, act, span)
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
