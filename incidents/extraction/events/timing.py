"""Timing: an event's date from the sentence and its neighbours (intervals, "at the same time", a strike
story's date, "since when").
"""
import bisect
import re
from datetime import timedelta

from ..dates import earlier_event_clauses, event_date
from ..event_families import on
from ..normalize import is_arabic
from ..types import DateMention, Span
from .model import ATTACK, STRIKE
from .words import _SAME_TIME, _SINCE_WHEN, _THESE_STRIKES, _WEAPON_PATTERNS, _rx

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


class _Timing:
    """The timing part of `reader._Reader` (this module's docstring says what it covers)."""

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
        if on("explosions"):
            following = [s for s in self._all_sentences() if s.start >= sentence.end][:1]
            if following and _THESE_STRIKES[self.language].search(self._folded(following[0].start, following[0].end)):
                return True  # "three blasts hit X, Y and Z. These precise strikes answer …": the strikes the blasts were
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

    def _since_when_date(self, sentence, head):
        """Return the date of "منذ 18 تشرين الأول، حين أسقطت ..." / "since Oct. 18, when ...": the event's own."""
        for mention in self.dates:
            if mention.since and mention.precision == "day" and sentence.start <= mention.span.start and mention.span.end <= head.start:
                if _SINCE_WHEN.match(self.text[mention.span.end : mention.span.end + 12]):
                    return mention
        return None
