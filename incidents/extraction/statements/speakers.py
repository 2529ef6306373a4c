"""Who speaks: the actor next to a speech verb, or the one an unnamed speaker stands for (a surname, a head noun,
a role noun, a pronoun or "the statement", a described subject).
"""
import bisect
import re

from ..normalize import fold, is_arabic, token_key
from .families import on
from .model import _keys, _Speaker
from .words import (
    _AN,
    _AR_DOCUMENT_NOUNS,
    _AR_EXPRESS,
    _AR_OUTLET_NOUNS,
    _AR_PREPOSITIONS,
    _AR_SAID_NOUNS,
    _AR_SPEECH_STARTS,
    _AR_SUBJECT_STOPS,
    _AR_SUBJECT_WORDS,
    _COMPLEMENTIZERS,
    _DATE_WORDS,
    _DOCUMENT_ANAPHORS,
    _EN_APPOSITIVE_STARTS,
    _EN_ARTICLES,
    _EN_BARE_ROLES,
    _EN_CONJUNCTIONS,
    _EN_DOCUMENT_WORDS,
    _EN_GAP_WORDS,
    _EN_MORE_ROLE_WORDS,
    _EN_NAME_BREAKS,
    _EN_NAME_PARTICLES,
    _EN_NOT_NAMES,
    _EN_PRONOUNS,
    _EN_QUANTIFIERS,
    _EN_ROLE_WORDS,
    _FI,
    _ISSUED_BY,
    _NATION_WORDS,
    _ROLE_ANAPHORS,
)


def _gap_before(article, index):
    return article.doc.gap_after(index - 1) if index > 0 else ""


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
        if mention is not None and position > index + 1 and _told_outlet(article, position, mention):
            # "قال مسؤولان أمريكيان لرويترز إن": the outlet told is no speaker; the words before it are
            stop = doc.words[position - 1].end
            while stop > doc.words[index + 1].start and article.text[stop - 1] in "،,":
                stop -= 1
            return _described(article, doc.words[index + 1].start, stop)
        if mention is not None and mention.span.start >= doc.words[index].end:
            return _with_person_after(article, _speaker_from_mention(mention, article.text))
        key = doc.key(position)
        if position == index + 1 and (key in _COMPLEMENTIZERS or key in _AR_PREPOSITIONS) and verb_first:
            return _previous_speaker(article, previous, doc.words[index].start, doc.words[index].end)
        resolved = _resolve_reference(article, position, previous)
        if resolved is not None:
            return resolved
        if _document_anaphor(doc, position):
            word = doc.words[position]
            anaphor = _previous_speaker(article, previous, word.start, word.end, surface=True)
            if anaphor is not None:
                return anaphor
        if key in _COMPLEMENTIZERS or (is_arabic(doc.words[position].text) and not _skippable_ar(doc, position)):
            return None
        if not is_arabic(doc.words[position].text) and key not in _EN_DOCUMENT_WORDS:
            return None
    return None


def _told_outlet(article, position, mention):
    """Return True if word `position` is a news outlet written with the preposition لـ, the one the speaker told
    (family addressee_outlet): "لرويترز", "لوكالة فرانس برس", "للصحيفة"; never the speaker."""
    if not on("addressee_outlet") or mention.entry is None or mention.entry.kind != "media outlet":
        return False
    word = article.doc.words[position]
    named = mention.span.text(article.text)
    return word.start < mention.span.start and fold(word.text).startswith("ل") or (
        fold(word.text).startswith("ل") and fold(named).startswith("ل") and fold(named).removeprefix("ل")[:1] != "ل"
        and len(word.text) > len(named)
    )


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
        if position > index + 1 and _verbal_noun_said(doc, position):
            # "أكدت مصادر وقوع 3 انفجارات", "أفادت وسائل إعلام بتعرض القاعدة": what was said is a verbal noun
            return _subject_between(article, index + 1, position)
        if position > index + 1 and _addressee_ar(article, position):
            said = _said_after_addressee(article, position, last, starts)
            if said is None:
                return None
            # "وقال المسؤول للصحيفة الأمريكية إن", "قال مسؤولان لرويترز، إن": the subject ends at the one told
            return _subject_between(article, index + 1, position)
        if position > index + 1 and word.break_before and doc.key(position) == _FI and (
            doc.keys(position + 1) & _AR_DOCUMENT_NOUNS
        ):
            end = position  # "وقال الأمين العام للكتائب أحمد الحميداوي، في بيان …، إن", "وأضاف المسؤول في تصريحات"
            break
        if on("ar_long_subjects") and position > index + 1 and word.break_before and doc.key(position) in _AR_TIME_ENDS:
            end = position  # "وقال مسؤولان أمريكيان، الخميس، لوكالة رويترز، إن": the subject ends at the time
            break
        if on("ar_long_subjects") and position > index + 1 and doc.key(position) == _FI and not (
            doc.keys(position + 1) & _AR_DOCUMENT_NOUNS
        ):
            said = _said_within(article, position, last, starts)
            if said is not None:
                end = said  # "قال البرغادير جنرال في القوات الجوية بات رايدر إن": "في" inside the subject
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


def _verbal_noun_said(doc, position):
    """Return True if word `position` is a verbal noun that opens what was said, with no أن before it (family
    verbal_noun_said): "وقوع", "بتعرض", "مقتل", indefinite (the head of what was said, not of the subject)."""
    if not on("verbal_noun_said") or doc.words[position].break_before and not _only_quotes(doc.gap_after(position - 1)):
        return False
    if doc.key(position - 1) in _AR_NOUN_GOVERNORS:
        return False  # "مسؤوليتها عن إطلاق": the noun of a phrase of the subject, not what was said
    return any(r.clitics in ("", "ب") and r.key in _AR_SAID_NOUNS for r in doc.words[position].readings)


def _addressee_ar(article, position):
    """Return True if word `position` is the one told, with the preposition لـ (family addressee_outlet): a news
    outlet named ("لرويترز") or called so ("للصحيفة", "لوكالة الأنباء الألمانية", "لقناة")."""
    if not on("addressee_outlet"):
        return False
    word = article.doc.words[position]
    if any(
        r.clitics in ("ل", "لل", "ول") and (r.key in _AR_OUTLET_NOUNS or r.key.removeprefix("ال") in _AR_OUTLET_NOUNS)
        for r in word.readings
    ):
        return True
    mention = article.mention_at(position)
    return mention is not None and _told_outlet(article, position, mention)


def _said_after_addressee(article, position, last, starts):
    """Return the word where what was said starts after the one told (أن، إن, or a quotation), past an aside about
    the speaker ("-والذي تحدث شريطة عدم الكشف عن هويته-"), within a few words; None if none."""
    doc = article.doc
    for later in range(position + 1, min(position + 1 + _AR_ADDRESSEE_WORDS, last)):
        if doc.key(later) in starts or any(mark in doc.gap_after(later - 1) for mark in "\"“«:"):
            return later
    return None


def _subject_between(article, first, stop_word):
    """Return the subject from word `first` to before `stop_word`, without an aside that the speakers asked not to be
    named ("مسؤولان أمريكيان طلبا عدم الكشف عن هويتيهما")."""
    doc = article.doc
    for position in range(first + 1, stop_word - 1):
        if doc.key(position) in _AR_ASKED and doc.key(position + 1) in _AR_NOT_NAMED:
            stop_word = position
            break
    start, stop = doc.words[first].start, doc.words[stop_word - 1].end
    while stop > start and article.text[stop - 1] in "،,":
        stop -= 1
    return _described(article, start, stop)


_AR_ADDRESSEE_WORDS = 14
_AR_NOUN_GOVERNORS = _keys("عن على من في إلى الى ل مع بعد قبل")
_AR_ASKED = _keys("طلب طلبا طلبوا طلبت رفض رفضا رفضوا فضل فضلا فضلوا شريطة")
_AR_NOT_NAMED = _keys("عدم الكشف ذكر كشف")


def _said_within(article, position, last, starts):
    """Return the word where what was said starts (أن، إن) within a few words after `position`, in the same
    clause (family ar_long_subjects), or None."""
    doc = article.doc
    for later in range(position + 1, min(position + 1 + _AR_LONG_SUBJECT_WORDS, last)):
        if doc.key(later) in starts:
            return later
        if doc.words[later].break_before or doc.key(later) in _AR_SUBJECT_STOPS:
            return None
    return None


_AR_LONG_SUBJECT_WORDS = 6


# Family ar_long_subjects: an Arabic subject set off by commas ends at a time ("، الخميس،").
_AR_TIME_ENDS = _keys("اليوم أمس امس يوم مساء صباح خلال الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت")


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
    if on("set_off_subjects") and position > first:
        set_off = _before_frame(article, position, first)
        if set_off != position:
            mention = article.mention_ending_at(set_off)
            if mention is not None and mention.entry is not None:
                return _speaker_from_mention(mention, article.text)
            position = set_off
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
            return _previous_speaker(article, previous, words[0].start, words[-1].end, surface=True)
        resolved = _resolve_reference(article, position, previous)
        if resolved is not None:
            resolved.start = words[0].start
            return resolved
    if words[0].key == "the" and len(words) <= 4:
        resolved = _resolve_common_noun(article, words, previous)
        if resolved is not None:
            return resolved
    if on("role_speakers") and len(words) == 1 and words[0].key in _EN_BARE_ROLES:
        return _described(article, words[0].start, words[0].end)  # "…, officials said"
    roles = _EN_ROLE_WORDS | _EN_MORE_ROLE_WORDS if on("role_speakers") else _EN_ROLE_WORDS
    if len(words) <= 8 and any(w.key in roles for w in words) and (
        words[0].text[:1].isupper() or words[0].key in _EN_ARTICLES | _EN_QUANTIFIERS
    ):
        if words[-1].key == "statement":
            return _previous_speaker(article, previous, words[0].start, words[-1].end, surface=True)
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


_FRAME = re.compile(
    r"(?:,\s*|\s+)(?:in|on|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|post|posts|interview|briefing|release|speech|tweet|message|video)"
    r"(?:\s+(?:on|to)\s+(?:[\w.-]+\s+){0,2}?[\w.-]+)?\s*,?\s*$",
    re.I,
)


def _before_frame(article, position, first):
    """Return the last word of the subject before a frame or dashes set between it and the verb (family
    set_off_subjects): "Austin in a statement said", "the CTD, in a post on X, said", "X — which … — said" end
    at Austin, CTD and X; else `position`."""
    doc = article.doc
    dash = doc.gap_after(position).strip()
    if dash in ("—", "–"):
        # "X — which has claimed many attacks — said": the subject ends before the opening dash
        opening = position - 1
        while opening > first and position - opening <= 30:
            if doc.gap_after(opening).strip() == dash:
                return opening
            opening -= 1
        return position
    clause_start = position
    while clause_start > first and not doc.words[clause_start].break_before:
        clause_start -= 1
    clause_start = max(first, clause_start - 8)
    before = article.text[doc.words[clause_start].start : doc.words[position].end]
    match = _FRAME.search(before)
    if match is None or match.start() == 0:
        return position
    end = doc.words[clause_start].start + match.start()
    while position > first and doc.words[position].start >= end:
        position -= 1
    return position


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
    titled = len(name) <= 8 and all(w.text[:1].isupper() for w in name)
    if on("set_off_subjects") and titled and not _is_proper_name(name):
        name = name[-4:]  # "American Lieutenant General Douglas Sims": titles before the name
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
        return _named_before_appositive(article, scan - 1, first) if on("appositive_name") else None
    return _speaker_from_mention(mention, article.text)


def _named_before_appositive(article, position, first):
    """Return the person the text names, no actor, before an appositive ("Omar Hassan, a local activist who …,
    said"), or None: one to four capitalised words opening the clause (family appositive_name)."""
    doc = article.doc
    start = position
    while start > first and not doc.words[start].break_before:
        start -= 1
    name = doc.words[start : position + 1]
    if not _is_proper_name(name):
        return None
    return _Speaker(article.text[name[0].start : name[-1].end], None, name[0].start, name[-1].end)


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


def _previous_speaker(article, previous, start, end, surface=False):
    """Return the speaker of the statement before, as an anaphor at start:end refers to it; None if none.

    With `surface` (the anaphor is the subject the text writes: "He", "the statement", البيان) and the family
    surface_speaker on, the speaker is written as the text writes it and the resolution gives only the actor
    ("He said …" is He, for the Pentagon): the speaker is the words of the text, the actor who they are. A bare
    pronoun for a speaker no actor names keeps the name it stands for ("Ahmed Hassan …. He said": Ahmed Hassan).
    """
    if not previous:
        return None
    speaker = previous[-1]
    text = speaker.speaker
    if surface and on("surface_speaker") and end > start:
        written = article.text[start:end]
        if speaker.speaker_actor is not None or token_key(written) not in _EN_PRONOUNS:
            text = written  # a bare pronoun for a person no actor names stays the name it stands for
    return _Speaker(text, speaker.speaker_actor, start, end, resolved=True)


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
                text = word.text if on("surface_speaker") else statement.speaker
                return _Speaker(text, None, word.start, word.end, resolved=True)
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
