"""Parties that come from the article rather than the sentence: the forces a site hosts, the targets of the
campaign, the perpetrators the text blames, the security forces, and who a strike answers.
"""
import re

from ..event_families import on
from ..types import DraftActor, Span
from .model import (
    ATTACK,
    CLAIMANT,
    DISRUPTED,
    PERPETRATOR,
    SITE_KINDS,
    STRIKE,
    TARGET,
    _is_armed_group,
    _is_state_force,
    _is_target_body,
    _is_target_side,
)
from .words import (
    _ANSWERS,
    _BLAME,
    _CAMPAIGN_ON,
    _CLAIM,
    _EXCEPT,
    _HALTED,
    _HOST_AFTER,
    _HOST_BEFORE,
    _MILITARY_SITES,
    _NATION_STRIKES,
    _REGIONAL_SECURITY_ADMIN1,
    _RESPONSE,
    _SECURITY_FORCES,
)


def _add_campaign_targets(attacks, campaign=()):
    """Give an attack on a base with no stated target the forces the article's other attacks target.

    "Its fighters had attacked the al-Shaddadi base" in an article whose other attacks are on US
    forces: the campaign's target, the forces that every attack naming a target names.
    Only for an attack by an armed group (claimed or attributed) on a military site.
    Where the text says whom the attacks are on ("attacks on American troops", "U.S. and coalition
    forces have been attacked"), the forces every such phrase and every attack naming a target
    name (here US forces), for any attack on a military site.
    """
    named = [
        frozenset(a.entry for a in draft.actors if a.role == TARGET and a.entry.kind in ("state force", "coalition") and _is_target_side(a.entry))
        for draft in attacks
    ]
    named = [sides for sides in named if sides]
    stated = bool(campaign)
    named += list(campaign)
    common = frozenset.intersection(*named) if named else frozenset()
    for draft in attacks:
        if any(a.role == TARGET for a in draft.actors) or draft.place is None or draft.place.entry.kind not in _MILITARY_SITES:
            continue
        if not stated and not any(a.role in (PERPETRATOR, CLAIMANT) and _is_armed_group(a.entry) for a in draft.actors):
            continue
        for entry in sorted(common, key=lambda e: e.key):
            draft.actors.append(DraftActor(entry, TARGET, entry.name_en, entry.name_ar))


class _Context:
    """The context part of `reader._Reader` (this module's docstring says what it covers)."""

    def _campaign_targets(self):
        """Return the sets of forces the text says the attacks are on ("attacks on American troops", "تعرضت القوات الأميركية إلى 46 هجوما").

        One set per phrase: "U.S. and coalition forces have been attacked" gives both forces.
        """
        sets = []
        for sentence in self._all_sentences():
            base = self._folded_index(sentence.start)
            folded = self._folded(sentence.start, sentence.end)
            for pattern, side in _CAMPAIGN_ON[self.language]:
                for match in pattern.finditer(folded):
                    if side == "after":
                        start, end = self._span(base + match.end(), base + min(len(folded), match.end() + 50))
                    else:
                        start, end = self._span(base + max(0, match.start() - 60), base + match.start())
                    region = Span(start, end)
                    entries = frozenset(
                        a.entry for a in self._scope_actors(sentence)
                        if region.start <= a.span.start and a.span.end <= region.end + 2
                        and a.entry.kind in ("state force", "coalition") and _is_target_side(a.entry)
                    )
                    if side == "before":
                        clause = re.split(r"[,،;؛]", self.text[start:end])[-1]
                        entries = frozenset(
                            a.entry for a in self._scope_actors(sentence)
                            if end - len(clause) <= a.span.start and a.span.end <= end
                            and a.entry.kind in ("state force", "coalition") and _is_target_side(a.entry)
                        )
                    if entries:
                        sets.append(entries)
        return sets

    def _add_security_forces(self, incident):
        """Make "the security forces" (القوات الأمنية) who found a launcher the forces of the place's country.

        Only where the actor list has one security-forces umbrella for the country and no regional
        authority has its own: in the Kurdistan Region "the security forces" may be the Asayish.
        """
        if incident.kind != DISRUPTED or any(role == PERPETRATOR for _, role in incident.actors):
            return
        place = incident.place.entry
        if place.admin1 in _REGIONAL_SECURITY_ADMIN1:
            return
        finder = getattr(self.actor_matcher, "security_forces", None)
        entry = finder(place.country_code) if finder is not None else None
        if entry is None:
            return
        if any(_SECURITY_FORCES[self.language].search(self._folded(m.sentence.start, m.sentence.end)) for m in incident.mentions):
            incident.actors.append((entry, PERPETRATOR))

    def _add_story_strikers(self, incidents):
        """Give the strikes the text names no striker for the one state the article says strikes.

        "In Syria, warplanes pounded positions around X" in a story of "U.S. retaliation": the state whose
        forces the article names as striking (a nation adjective on strike words, "US strikes", "الغارات
        الأميركية", or the perpetrator of its other strikes). Only when there is exactly one such state.
        """
        open_strikes = [i for i in incidents if i.kind == STRIKE and not any(role == PERPETRATOR for _, role in i.actors)]
        if not open_strikes:
            return
        strikers = {a for i in incidents if i.kind == STRIKE for a, role in i.actors if role == PERPETRATOR and _is_state_force(a)}
        for match in _NATION_STRIKES[self.language].finditer(self.folded):
            entry = self.actor_matcher.nation_force(match.group("nation"))
            if entry is not None:
                strikers.add(entry)
        if len(strikers) != 1:
            return
        striker = next(iter(strikers))
        for incident in open_strikes:
            if not any(actor == striker for actor, _ in incident.actors):
                incident.actors.append((striker, PERPETRATOR))

    def _add_story_targets(self, incidents):
        """Give the strikes the text names no target for the one armed group the story says they struck.

        "عدوان أميركي يستهدف مقار لكتائب حزب الله" over "three blasts in A, B and C": the armed group a strike
        headline names, or the target of the article's other strikes. Only when there is exactly one such group
        (event_families "story_targets").
        """
        if not on("story_targets"):
            return
        open_strikes = [i for i in incidents if i.kind == STRIKE and not any(role == TARGET for _, role in i.actors)]
        if not open_strikes:
            return
        groups = {a for i in incidents if i.kind == STRIKE for a, role in i.actors if role == TARGET and _is_armed_group(a)}
        headline_end = self.text.find("\n")
        headline = self._folded(0, headline_end) if headline_end > 0 else ""
        if headline and (any(t.kind == "strike" and t.end <= headline_end for t in self.triggers) or _NATION_STRIKES[self.language].search(headline)):
            groups |= {
                a.entry for a in self.actor_mentions
                if a.entry is not None and a.span.end <= headline_end and _is_armed_group(a.entry) and a.entry.kind != "unidentified"
            }
        if len(groups) != 1:
            return
        group = next(iter(groups))
        for incident in open_strikes:
            if not any(actor == group for actor, _ in incident.actors):
                incident.actors.append((group, TARGET))

    def _add_answered_targets(self, incidents):
        """Give an attack with no target that a state's strikes answer that state's forces as its target.

        "The U.S. strikes come after new attacks on Erbil's Harir base": the strikes answer the attacks, which were
        on the US forces (event_families "answered_attacks"). The nation's strike word comes first in the sentence,
        then an answering word, then the attack.
        """
        if not on("answered_attacks"):
            return
        for incident in incidents:
            if incident.kind != ATTACK or any(role == TARGET for _, role in incident.actors):
                continue
            for mention in incident.mentions:
                force = self._answering_force(mention)
                if force is not None:
                    incident.actors.append((force, TARGET))
                    break

    def _answering_force(self, mention):
        """Return the forces of the nation whose strikes, told before the mention in its sentence, answer it."""
        folded = self._folded(mention.sentence.start, mention.head.start)
        for match in _NATION_STRIKES[self.language].finditer(folded):
            if not _ANSWERS[self.language].search(folded[match.end():]) or re.search(r"[.;؛]", folded[match.end():]):
                continue
            if len(folded[match.end():].split()) > 8:
                continue
            entry = self.actor_matcher.nation_force(match.group("nation"))
            if entry is not None and _is_target_side(entry):
                return entry
        return None

    def _add_answered_attackers(self, incidents):
        """Give a strike that answers an attack ("ردت ... بقصف", "in response") the attack's perpetrators as targets.

        The answered attack is the last one reported before the strike; its perpetrators, else the
        group that claimed it. Only for a strike whose text names no target of its own.
        """
        for index, incident in enumerate(incidents):
            if incident.kind != STRIKE or any(role == TARGET for _, role in incident.actors):
                continue
            first = min(m.sentence.start for m in incident.mentions)
            if not any(_RESPONSE[self.language].search(self._folded(m.sentence.start, m.sentence.end)) for m in incident.mentions):
                continue
            earlier = [i for i in incidents[:index] if i.kind == ATTACK and min(m.sentence.start for m in i.mentions) <= first]
            if not earlier:
                continue
            answered = earlier[-1].actors
            attackers = [a for a, role in answered if role == PERPETRATOR] or [a for a, role in answered if role == CLAIMANT]
            for actor in attackers:
                if _is_armed_group(actor) and (actor, TARGET) not in incident.actors:
                    incident.actors.append((actor, TARGET))

    def _hosts(self):
        """Return place key → the forces the text places at that site ("تضم قوات أميركية", "hosts US troops")."""
        hosts = {}
        for sentence in self._all_sentences():
            places = [p for p in self.places if sentence.start <= p.span.start < sentence.end and p.entry.kind in SITE_KINDS]
            if not places or not re.search(r"(?:تضم|يضم|تستضيف|hosts?|hosting|housing|تتواجد|تواجد|مقرا|stationed|deployed)", self._folded(sentence.start, sentence.end)):
                continue
            places = [p for p in places if self._hosting_near(p, sentence)]  # not "the embassy ... called for protecting the facilities that host coalition forces"
            if not places:
                continue
            for actor in self._scope_actors(sentence):
                if actor.entry.kind in ("state force", "coalition") and _is_target_side(actor.entry):
                    hosts.setdefault(places[0].entry.key, [])
                    if actor.entry not in hosts[places[0].entry.key]:
                        hosts[places[0].entry.key].append(actor.entry)
        return hosts

    def _hosting_near(self, place, sentence):
        """Return True if a hosting word is within a few words of the site ("Ain al-Asad, which hosts", "troops stationed at X")."""
        after = self._folded(place.span.end, sentence.end)
        before = self._folded(sentence.start, place.span.start)
        return bool(_HOST_AFTER.match(after) or _HOST_BEFORE.search(before))

    def _mission(self, place):
        """Return the actor entry of the diplomatic mission at an embassy place (same name), if the actor list has it."""
        found = []
        for name, language in ((place.name_en, "en"), (getattr(place, "name_ar", ""), "ar")):
            if not name:
                continue
            for mention in self.actor_matcher.find(name, language):
                if mention.entry is not None and _is_target_body(mention.entry) and mention.entry not in found:
                    found.append(mention.entry)
            if found:
                break
        return found[:1]

    def _attributed_perpetrators(self):
        """Return the unnamed groups the text holds responsible for the attacks ("Iran-backed groups")."""
        for sentence in self._all_sentences():
            triggers = [t for t in self.triggers if sentence.start <= t.start < sentence.end and t.kind in ("attack", "intercept")]
            if not triggers or not self._about_the_campaign(sentence, triggers):
                continue
            victims = self._victims(sentence)
            for actor in self.actor_mentions:
                if actor.entry is None or actor.entry.kind != "unidentified" or not _is_armed_group(actor.entry):
                    continue
                if not (sentence.start <= actor.span.start < sentence.end) or self._appositive(actor, ()):
                    continue
                if any(t.kind == "strike" and sentence.start <= t.start < actor.span.start for t in self.triggers):
                    continue  # "struck sites used by ... affiliated groups": the strike's target
                around = self._folded(max(sentence.start, actor.span.start - 30), min(sentence.end, actor.span.end + 40))
                if _CLAIM[self.language].search(around) or any(actor.span.overlaps(v) for v in victims):
                    continue
                if on("halted_attacks") and self._halted(actor, sentence):
                    continue
                self._blamed = bool(_BLAME[self.language].search(self._folded(sentence.start, sentence.end)))
                return [actor.entry]
        return []

    def _halted(self, actor, sentence):
        """Return True for a group the sentence says halted its attacks, with no exception ("منذ أوقفت فصائل X هجماتها")."""
        around = self._folded(max(sentence.start, actor.span.start - 25), min(sentence.end, actor.span.end + 40))
        whole = self._folded(sentence.start, sentence.end)
        return bool(_HALTED[self.language].search(around)) and not _EXCEPT[self.language].search(whole)
