"""The reader of one article: the actors and event words it names, then mentions → incidents → drafts.

`_Reader` gathers the concerns of the other modules (one mixin each) over one `article.Article`.
"""
import re

from ..article import Article
from ..event_families import on
from ..normalize import is_arabic
from ..types import ActorMention, Span
from .context import _add_campaign_targets, _Context
from .drafts import _Drafts
from .mentions import _Mentions
from .merging import _Merging
from .model import ATTACK, _ForceMention, _Trigger
from .roles import _Roles
from .timing import _Timing
from .words import (
    _ARSENAL_AFTER,
    _ARSENAL_BEFORE,
    _DATELINE_AFTER,
    _DESCRIBED_GROUPS,
    _FORCE_NOUNS,
    _GENERIC_BEFORE_SHORT,
    _GENERIC_GROUP_WORDS,
    _HEADLINE_WORDS,
    _OUTLAW_GROUPS,
    _TRIGGER_PATTERNS,
)


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


class _Reader(_Mentions, _Roles, _Context, _Timing, _Merging, _Drafts):
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

    def _span(self, folded_start, folded_end):
        return self.article.span(folded_start, folded_end)

    def _folded_index(self, offset):
        """Return the first folded index whose source offset is >= `offset`."""
        return self.article.folded_index(offset)

    def _folded(self, start, end):
        return self.article.folded_between(start, end)

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
        self._add_story_weapon(incidents)
        self._add_answered_attackers(incidents)
        self._add_answered_targets(incidents)
        self._add_story_strikers(incidents)
        self._add_story_targets(incidents)
        drafts = [self._draft(incident, hosts, attributed) for incident in incidents]
        _add_campaign_targets([d for i, d in zip(incidents, drafts) if i.kind == ATTACK], self._campaign_targets())
        return drafts

    def _add_story_weapon(self, incidents):
        """Give attacks told without a weapon the one weapon every other attack of the story uses (story_weapon)."""
        if not on("story_weapon"):
            return
        weapons = {i.weapon for i in incidents if i.kind == ATTACK and i.weapon not in ("", "unknown")}
        if len(weapons) != 1:
            return
        for incident in incidents:
            if incident.kind == ATTACK and incident.weapon in ("", "unknown"):
                incident.weapon = next(iter(weapons))

