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

The modules, by concern: `reader` (entry points), `sentences`, `attribution` (speech verbs and their
speakers in one sentence), `speakers` (who speaks, named or resolved), `kinds` (statements, their kinds,
dates and confidence), `linking` (the incidents a statement is about); `words` holds the patterns and
`model` the dataclasses.
"""
from .reader import find_statements, statements_in
from .words import (
           CASUALTY_FIGURES,
           CLAIM,
           CONDEMNATION,
           DEMAND,
           DENIAL,
           POSITION,
           REPORT,
)

__all__ = ["CASUALTY_FIGURES", "CLAIM", "CONDEMNATION", "DEMAND", "DENIAL", "POSITION", "REPORT", "find_statements",
           "statements_in"]
