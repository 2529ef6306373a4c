"""Drafts: an incident as the DraftIncident extraction returns (ACLED type, title, verification,
confidence), and which incidents are reported at all.
"""
from dataclasses import replace
from datetime import timedelta

from ..dates import is_page_stamp
from ..event_families import on
from ..types import DraftActor, DraftIncident
from ..vocabulary import event_type as acled_pair
from ..vocabulary import weapon_titles
from .merging import _has_casualties
from .model import (
    ATTACK,
    CLAIMANT,
    CLASH,
    DISRUPTED_USE,
    PERPETRATOR,
    SITE_KINDS,
    STRIKE,
    TARGET,
    _is_armed_group,
    _is_target_side,
    _unique,
)
from .words import _NEAR_THE_SITE, _SEPARATELY


def _confidence(incident):
    score = 0.4
    if incident.place is not None and incident.place.entry.kind != "country":
        score += 0.2
    if incident.date is not None:
        score += 0.15
    if incident.weapon not in ("", "unknown"):
        score += 0.1
    if len(incident.mentions) > 1:
        score += 0.1
    if incident.claimed_only:
        score -= 0.1
    return max(0.1, min(0.95, score))


_WEAPON_TITLES = weapon_titles()  # vocabulary.WEAPON_WORDS


def _titles(draft):
    """Return an English and an Arabic title built from the type and the place."""
    if draft.sub_event_type == DISRUPTED_USE:
        en, ar = "Launcher found", "العثور على منصة إطلاق"
    else:
        en, ar = _WEAPON_TITLES.get(draft.weapon, ("Attack", "هجوم"))
        if draft.outcome == "intercepted":
            en, ar = en + " intercepted", ar + " تم التصدي له"
    place = draft.place
    if place is not None and place.entry is not None:
        qualifier = place.qualifier
        preposition = "near" if qualifier else ("on" if place.entry.kind in SITE_KINDS else "in")
        name = place.entry.name_en
        if draft.count > 1:
            en = f"{en}s ({draft.count})"
        en = f"{en} {preposition} {name}" if not qualifier else f"{en} {qualifier} {name}".replace(" of of", " of")
        ar = f"{ar} في {place.entry.name_ar}" if place.entry.name_ar else ar
    return en, ar


class _Drafts:
    """The drafts part of `reader._Reader` (this module's docstring says what it covers)."""

    def _command_force(self, entry):
        """Return the forces a command named as a party commands ("CENTCOM forces struck": the US armed forces)."""
        finder = getattr(self.actor_matcher, "command_force", None)
        return finder(entry) if finder is not None else None

    @staticmethod
    def _struck_unknown(kind, actors):
        """Return True for a strike, or an attack on armed groups only, that names no striker and no claimant."""
        if any(role in (PERPETRATOR, CLAIMANT) for _, role in actors) or kind not in (STRIKE, ATTACK):
            return False
        targets = [entry for entry, role in actors if role == TARGET]
        if kind == ATTACK and not any(_is_armed_group(e) for e in targets):
            return False
        return not any(_is_target_side(entry) for entry in targets)

    def _unknown_military(self):
        """Return [the unidentified military forces] of the actors file (ACLED's striker when none is named), or []."""
        found = self.actor_matcher.find("unidentified aircraft", "en")
        return [found[0].entry] if found and found[0].entry is not None else []

    def _reportable(self, incident):
        """Return False for what is too vague to be an incident: a country, no date, no count."""
        if incident.place is None:
            return False
        if incident.place.entry.kind == "country" and incident.date is None and incident.count <= 1:
            return False
        return True

    def _story_day(self):
        """Return (start, end) of the story: the latest recent day of the first dated sentence (the report), else the
        day before publication to the publication day.

        "أعلنت فصائل الخميس أنها هاجمت قاعدتين": what the story then tells without a day of its own ("the drone
        hit the base at 19:15") is the story's news, of Thursday; a story with no day at all reports what just
        happened, on the publication day or the day before. Days more than a week before publication are background, not the story.
        """
        earliest = self.published - timedelta(days=7)
        for sentence in self._sentences():
            days = [
                d.start for d in self.dates
                if sentence.start <= d.span.start < sentence.end and d.precision == "day" and not d.since
                and earliest <= d.start <= self.published and not (on("page_stamp") and is_page_stamp(self.text, d))
            ]
            if days:
                return max(days), max(days)
        return self.published - timedelta(days=1), self.published

    def _draft(self, incident, hosts, attributed):
        actors = list(incident.actors)
        roles = {role for _, role in actors}
        if incident.kind == ATTACK:
            if TARGET not in roles and incident.place is not None:
                actors += [(entry, TARGET) for entry in hosts.get(incident.place.entry.key, [])]
            if TARGET not in roles and incident.place is not None and incident.place.entry.kind == "embassy":
                actors += [(entry, TARGET) for entry in self._mission(incident.place.entry)]  # "rockets near the US embassy": the mission
            separate = any(_SEPARATELY.match(self._folded(m.sentence.start, m.sentence.end)) for m in incident.mentions)
            if PERPETRATOR not in roles and not separate and (CLAIMANT not in roles or self._blamed and not incident.claimed_only):
                # "in attacks the Pentagon blamed on Iran-backed militias": the blame of another source, beside a claim
                actors += [(entry, PERPETRATOR) for entry in attributed]
        if incident.kind == STRIKE and incident.weapon in ("", "unknown"):
            incident.weapon = "airstrike"  # only bare "was hit" in a story of air strikes
        if incident.outcome == "unknown" and _has_casualties(incident) and incident.kind != CLASH:
            incident.outcome = "hit"
        if on("self_named"):
            # a group the text says calls itself X, which claims: the claim is the only attribution, not a second party
            same = self.self_named_pairs()
            claimants = {entry.key for entry, role in actors if role == CLAIMANT}
            actors = [
                (entry, role) for entry, role in actors
                if not (role == PERPETRATOR and any((entry.key, c) in same for c in claimants))
            ]
        if on("unknown_striker") and self._struck_unknown(incident.kind, actors):
            actors += [(entry, PERPETRATOR) for entry in self._unknown_military()]  # "قصفت طائرة مسيرة مقرا لـX"
        if on("command_force"):
            actors = [(self._command_force(entry) or entry, role) for entry, role in actors]
        actors = _unique(actors)
        event_type, sub = acled_pair(incident.kind, incident.weapon)  # vocabulary.EVENT_TYPES
        place = incident.place
        if place is not None and place.entry.kind in SITE_KINDS and place.geo_precision < 2 and incident.outcome != "intercepted" and any(
            _NEAR_THE_SITE[self.language].search(self._folded(m.scope.start, m.scope.end)) for m in incident.mentions
        ):
            # "سقطت في محيط الحقل": near the site; a drone shot down "في محيط القاعدة" was an attack on the base itself
            place = replace(place, qualifier=place.qualifier or "near", geo_precision=2)
        date = incident.date
        evidence = []
        for mention in incident.mentions:
            if mention.sentence not in evidence:
                evidence.append(mention.sentence)
        bounds = [mention.before for mention in incident.mentions if mention.before is not None]
        start, end = (date.start, date.end) if date else (None, min((bound.end for bound in bounds), default=None))
        if date is None and end is None and on("story_date"):
            start, end = self._story_day()
        draft = DraftIncident(
            date_start=start,
            # Undated but told as earlier than a dated event: it happened on or before that event's day.
            date_end=end,
            date_precision=date.precision if date else ("range" if start != end else "day"),
            event_type=event_type,
            sub_event_type=sub,
            weapon=incident.weapon if incident.weapon else "unknown",
            outcome=incident.outcome,
            count=incident.count,
            place=place,
            killed=incident.killed,
            injured=incident.injured,
            actors=[DraftActor(entry, role, entry.name_en, entry.name_ar) for entry, role in actors],
            evidence=sorted(evidence, key=lambda s: s.start),
            confidence=_confidence(incident),
            verification="contested" if incident.contested else "claimed" if incident.claimed_only else "reported",
        )
        draft.title, draft.title_ar = _titles(draft)
        return draft
