"""Attributions in one sentence: speech verbs and attribution prepositions (Arabic and English), their speakers,
and the verbs that anchor nothing (negated, inside a name, in an English relative clause).
"""
import bisect
import re

from ..normalize import fold, is_arabic, token_key
from ..types import DraftStatement, Span
from .families import on
from .kinds import _statements_from_acts
from .model import _Act, _Speaker
from .speakers import (
    _described,
    _gap_before,
    _is_proper_name,
    _previous_speaker,
    _same_group_after,
    _so_called,
    _speaker_after,
    _speaker_before_ar,
    _speaker_before_en,
    _speaker_from_mention,
    _subject_phrase_ar,
)
from .words import (
    _AR_AS_SAID_FUSED,
    _AR_AS_SAID_PREPOSITIONS,
    _AR_ATTRIBUTION,
    _AR_DOCUMENT_NOUNS,
    _AR_JA,
    _AR_NAQALA,
    _AR_NAQLAN,
    _AR_RELATIVES,
    _BIHI,
    _CLAIMISH,
    _DESCRIBE,
    _EN_ARTICLES,
    _EN_CALLED,
    _EN_CALLED_AFTER,
    _EN_CLAIM_OBJECTS,
    _EN_CLAUSE_OPENERS,
    _EN_COPULAS,
    _EN_CREDIT,
    _EN_DEMONSTRATIVES,
    _EN_DESCRIBED,
    _EN_ISSUED,
    _EN_ISSUED_DOCUMENTS,
    _EN_NOT_VERB_BEFORE,
    _EN_RELATIVE,
    _EN_ROLE_WORDS,
    _EN_TAKE,
    _EXPLANATORY,
    _GENERIC_SPOKESMAN,
    _MA,
    _NEGATIONS,
    _RELAY_SOURCE_END,
    _RELAY_WORDS,
    _VERB_KIND,
    CLAIM,
    DEMAND,
)


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


def _quotation_said(article, index, last):
    """Return True if the quotation right after the verb at `index` is what was said, not its quoted subject
    ('أعلنت "المقاومة الإسلامية في العراق" أنها'): no actor opens it and it runs to the end of the sentence."""
    doc = article.doc
    if index + 1 >= last or article.mention_at(index + 1) is not None:
        return False
    closing = next((i for i in range(index + 1, last) if re.search(r"[”\"»]", doc.gap_after(i))), None)
    if closing is None:
        return False
    return closing + 1 >= last or closing - index >= 4 and not _subject_after(doc, closing, last)


def _subject_after(doc, closing, last):
    """Return True if a complementizer follows the quotation soon (the quotation was a subject: '"X" أن')."""
    return any(doc.key(i) in _COMPLEMENTIZERS_AR for i in range(closing + 1, min(closing + 3, last)))


_COMPLEMENTIZERS_AR = frozenset(token_key(word) for word in "أن إن بأن أنها إنها أنه إنه".split())


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
        gap = doc.gap_after(index)
        if on("colon_continuation") and previous and (
            re.match(r"\s*:", gap) or re.match(r"\s*[“\"«]", gap) and _quotation_said(article, index, last)
        ):
            # "وأضاف: «…»", "وتابع: …", 'وأضاف "…"': a verb with no subject before what was said: the speaker before
            speaker = _previous_speaker(article, previous, word.start, word.end)
            return _make_act(article, speaker, index, verb[1], False)
        speaker = _same_group_after(article, index, last)
        if speaker is None and index - 1 >= first and fold(doc.words[index - 1].text) in ("قد", "وقد"):
            speaker = _speaker_before_ar(article, index, first, previous)  # "وكان X قد أكد": the subject comes before "قد"
        speaker = speaker or _speaker_after(article, index + _so_called(doc, index, last), last, previous, verb_first=True)
        at_end = on("as_said") and _as_said(article, index, first)
        if speaker is None:
            speaker = _speaker_before_ar(article, index, first, previous)
        if speaker is None:
            speaker = _subject_phrase_ar(article, index, last)
        if speaker is None:
            return None
        act = _make_act(article, speaker, index, verb[1], at_end)
        _relay(article, act, last, naqala=bool(keys & _AR_NAQALA))  # "نقلت رويترز عن مسؤولين", "على لسان وزيرها"
        if doc.key(index - 1) in _AR_RELATIVES and not word.break_before:
            act.start = doc.words[first].start  # "العمليات التي يزعم فصائل أنها …": the claim is about the sentence
        return act
    if on("statement_says") and keys & _AR_JA and doc.key(index + 1) == _FI_KEY and index + 2 < last and (
        doc.words[index + 2].keys & _AR_DOCUMENT_NOUNS
    ):
        return _document_says(article, index, last)
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
        if speaker is None and on("role_speakers"):
            speaker = _role_phrase_after(article, index + 2, last)
        if speaker is None:
            return None
        act = _make_act(article, speaker, index, None, _has_content_before(article, index, first), verb_words=2)
        return _relay(article, act, last)  # "according to Reuters, citing US officials": the officials speak
    kind = _VERB_KIND.get(key, "absent")
    if kind == "absent" and on("speech_acts_more") and key in _EN_ISSUED and any(
        doc.key(i) in _EN_ISSUED_DOCUMENTS for i in range(index + 1, min(index + 5, last))
    ):
        kind = None  # "Al-Nujaba published a statement …", "the ministry issued a statement saying …"
    if key in _EN_TAKE and on("speech_acts_more") and (
        doc.key(index + 1) in _EN_CREDIT or doc.key(index + 1) == "full" and doc.key(index + 2) in _EN_CREDIT
    ):
        kind = CLAIM  # "has taken credit for many of the attacks", "asserted responsibility for"
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
    _relay(article, act, last)  # "…, Reuters reported, citing US officials": the officials speak
    if doc.key(speaker_word - 1) in _EN_CLAUSE_OPENERS and speaker_word > first and not doc.words[speaker_word].break_before:
        act.start = doc.words[speaker_word - 1].start  # the clause "while X said …" is X's
    return act


def _role_phrase_after(article, position, last):
    """Return the speaker of "according to the director of the Syrian Observatory, Rami Abdulrahman, …": a role
    phrase naming an actor (family role_speakers), with the name set off after it; None if none."""
    doc = article.doc
    start = position
    if doc.key(position) in _EN_ARTICLES:
        position += 1
    if position >= last or doc.key(position) not in _EN_ROLE_WORDS:
        return None
    for later in range(position + 1, min(position + 9, last)):
        if doc.words[later].break_before:
            return None
        mention = article.mention_at(later)
        if mention is None or mention.entry is None:
            continue
        end = mention.span.end
        after = article.word_at(end)
        name = []
        if after < last and doc.words[after].break_before and doc.gap_after(after - 1).strip() == ",":
            for w_index in range(after, min(after + 4, last)):
                if w_index > after and doc.words[w_index].break_before:
                    break
                name.append(w_index)
        if name and _is_proper_name([doc.words[i] for i in name]) and doc.gap_after(name[-1]).strip() == ",":
            end = doc.words[name[-1]].end  # ", Rami Abdulrahman,": the person named after the role
        return _Speaker(article.text[doc.words[start].start : end], mention.entry, doc.words[start].start, end)
    return None


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


def _document_says(article, index, last):
    """Return the act of "وجاء في بيان للحكومة العراقية أن …", "وورد في البيان": the statement speaks (family
    statement_says, families.py), for the actor it names, up to what it says (أن، إن، a colon or a comma)."""
    doc = article.doc
    first = index + 2
    stop = first + 1
    while stop < min(last, len(doc), first + _DOCUMENT_WORDS):
        if doc.words[stop].break_before or doc.key(stop) in _RELAY_SOURCE_END:
            break
        stop += 1
    speaker = _described(article, doc.words[first].start, doc.words[stop - 1].end)
    act = _make_act(article, speaker, index, None, False)
    return act


_DOCUMENT_WORDS = 8
_FI_KEY = token_key("في")


def _relay(article, act, last, naqala=True):
    """Make the source an outlet relays the speaker of `act` (family relay, families.py), and return `act`.

    "Reuters reported, citing US officials", "according to Reuters, citing US officials", "نقلت وكالة رويترز
    عن مسؤولين أميركيين أن": what was said is the officials'; the outlet only carries it. "أعلنت واشنطن، على
    لسان وزير دفاعها، أن": the minister speaks for his government. The source runs from
    the word after "citing" / عن to what was said (أن، that) or the end of the clause, at most a few words,
    and must speak for an actor (officials of a government, a named body).
    """
    if not on("relay"):
        return act
    doc = article.doc
    end = min(last, len(doc))
    position = article.word_at(act.end)
    if position + 1 >= end or article.text[act.end : doc.words[position].start].strip(" ,،") != "":
        return act
    if doc.key(position) == _ALA and doc.key(position + 1) == _LISAN:
        first = position + 2  # "أعلنت واشنطن، على لسان وزير دفاعها، أن": the minister speaks for it
    elif doc.key(position) in _RELAY_WORDS and (naqala or not is_arabic(doc.words[position].text)):
        first = position + 1
    else:
        return act
    stop = first
    while stop < min(end, first + _RELAY_SOURCE_WORDS):
        if stop > first and (doc.words[stop].break_before or doc.key(stop) in _RELAY_SOURCE_END):
            break
        stop += 1
    if stop == first or first >= end or doc.key(first) in _RELAY_SOURCE_END:
        return act
    source = _described(article, doc.words[first].start, doc.words[stop - 1].end)
    if source.entry is None:
        return act  # "نقلت قناة الميادين عن مصادر محلية": sources that speak for no one; the outlet answers for them
    act.speaker = source
    act.end = source.end
    return act


_RELAY_SOURCE_WORDS = 6
_ALA, _LISAN = token_key("على"), token_key("لسان")


def _as_said(article, index, first):
    """Return True if the Arabic verb at `index` attributes what came before it, "as X said" (family as_said):
    "حسبما أعلن البنتاغون", "على ما أفاد المرصد", "وفق ما ذكرت الوزارة" after what was said."""
    doc = article.doc
    if not _has_content_before(article, index, first):
        return False
    if doc.key(index - 1) in _AR_AS_SAID_FUSED:
        return True
    return doc.key(index - 1) == _MA and doc.key(index - 2) in _AR_AS_SAID_PREPOSITIONS


def _has_content_before(article, index, first):
    """Return True if the sentence says something before word `index` (an attribution at the end)."""
    return index - first >= 3


def _in_relative_clause(article, index, first):
    """Return True if the English verb at `index` sits in a relative clause ("which have claimed")."""
    doc = article.doc
    position = index - 1
    while position >= first and index - position <= 4:
        if doc.key(position) in _EN_RELATIVE and (
            doc.words[position].break_before
            or on("set_off_subjects") and position > first and doc.gap_after(position - 1).strip() in ("—", "–")
        ):
            return True  # ", which have claimed", "— which the US blames for the attack —"
        if doc.words[position].break_before:
            return False
        position -= 1
    return False
