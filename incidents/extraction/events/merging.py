"""Merging mentions into incidents: a mention joins an earlier incident when nothing contradicts (place,
date, weapon, direction); a mention without a place only adds to one.
"""
import math
from datetime import timedelta

from ..event_families import on
from ..types import Casualties, DateMention
from .model import ATTACK, PERPETRATOR, SITE_KINDS, STRIKE, TARGET, _Incident

_SAME_SITE_KM = 5


def _same_site(ea, eb):
    """Return True for two sites a few kilometres apart ("the coalition base at Erbil airport" and "Erbil airport",
    the embassy and the base beside it): one place for an event told of both on one day (family same_site)."""
    if not on("same_site") or ea.kind not in SITE_KINDS or eb.kind not in SITE_KINDS:
        return False
    if None in (ea.lat, ea.lon, eb.lat, eb.lon):
        return False
    north = math.radians(eb.lat - ea.lat)
    east = math.radians(eb.lon - ea.lon) * math.cos(math.radians((ea.lat + eb.lat) / 2))
    return 6371 * math.hypot(north, east) <= _SAME_SITE_KM


def _place_compatible(a, b):
    """Return True if two place mentions can be one event's place (same entry, or one holds the other)."""
    if a is None or b is None:
        return True
    ea, eb = a.entry, b.entry
    if ea.key == eb.key or _same_site(ea, eb):
        return True
    if ea.country_code != eb.country_code:
        return False
    if ea.kind == "country" or eb.kind == "country":
        return True
    if ea.kind == "governorate" and eb.admin1 == ea.name_en or eb.kind == "governorate" and ea.admin1 == eb.name_en:
        return True
    return False


def _dates_compatible(incident, mention):
    a, b = incident.date, mention.date
    if a is None or b is None:
        return True
    if a.start <= b.end and b.start <= a.end:
        return True
    if (incident.night or mention.night) and abs((a.start - b.start).days) <= 1:
        return True
    return False


def _weapons_compatible(a, b):
    if a in ("", "unknown") or b in ("", "unknown") or a == b:
        return True
    return {a, b} <= {"rocket", "missile"} or {a, b} <= {"drone", "airstrike"}  # "a U.S. drone strike" … "the strike": one air strike


def _compatible_fields(incident, mention, loose):
    """Return True if nothing the mention says contradicts the incident.

    An attack word with no claim and no armed attacker ("an unjustified attack", "the drone fired on a
    car") can tell of a strike already reported: the side that was struck calls it an attack.
    """
    if incident.kind != mention.kind and not _retells_strike(incident, mention):
        return False
    if not _weapons_compatible(incident.weapon, mention.weapon):
        return False
    if not _dates_compatible(incident, mention):
        return False
    if loose:
        return True
    if mention.bare and _within_city(incident.place, mention.place):
        return True  # "the vehicle was hit in the Mashtal neighbourhood" after a strike "in eastern Baghdad"
    if not _place_compatible(incident.place, mention.place):
        return False
    if mention.place is not None and incident.place is not None:
        a, b = incident.place.entry, mention.place.entry
        if a.kind != "country" and b.kind != "country" and a.key != b.key and not _same_site(a, b):
            return False
        if mention.siblings >= 0 and any(m.siblings == mention.siblings for m in incident.mentions):
            return False
        if a.kind == "country" and b.kind == "country" and (incident.count > 1) != (mention.count > 1) and not mention.anaphoric:
            return False
    return True


def _within_city(city, part):
    """Return True if `part` is a district or quarter of the city or governorate `city` (same governorate)."""
    if city is None or part is None:
        return False
    a, b = city.entry, part.entry
    return (
        a.kind in ("city", "governorate") and b.kind in ("district", "subdistrict", "neighbourhood")
        and a.country_code == b.country_code and a.admin1 == b.admin1 and bool(a.admin1)
    )


def _retells_strike(incident, mention):
    return (
        incident.kind == STRIKE and mention.kind == ATTACK and mention.strike_actors is not None
        and not mention.claim and not mention.denial
    )


def _better_place(current, new):
    """Return the more precise of two compatible places (a base over its country)."""
    if current is None or new is None:
        return current or new
    rank = {"country": 3, "governorate": 2}
    if _within_city(current, new):
        return new  # the quarter of the city: what the text says most precisely
    current_rank, new_rank = rank.get(current.entry.kind, 0), rank.get(new.entry.kind, 0)
    if new_rank < current_rank:
        return new
    if new_rank == current_rank and new.entry.key == current.entry.key and new.geo_precision > current.geo_precision:
        return new  # "near the Conoco field" is vaguer than "the Conoco field": keep the vaguer reading
    return current


def _better_casualties(current, new):
    """Return the more informative figure: a stated number over a bound, a bound over silence."""
    if new == Casualties():
        return current
    if current == Casualties():
        return new
    if current.best == 0 and new.best != 0:
        return new
    if new.best == 0:
        return current
    if current.best is None and new.best is not None:
        return new
    return current


def _absorb(incident, mention, first=False, placeless=False, referring=False):
    """Merge `mention` into `incident`.

    A placeless mention ("the attack") adds figures, claims and attributions; one that only refers to
    the incident from afar ("condemned the attack on the embassy") adds no target to one it has.
    """
    if not first:
        incident.mentions.append(mention)
    if mention.place is not None:
        refined = _better_place(incident.place, mention.place)
        if first:
            incident.count = mention.count
        elif refined is not incident.place and incident.place.entry.kind == "country":
            if mention.siblings >= 0 or mention.count > 1:
                incident.count = mention.count  # "three sites in Iraq" then "X, Y and Z": one site each
        elif mention.count > incident.count:
            incident.count = mention.count
        incident.place = refined
    if mention.date is not None and not placeless:
        if incident.date is None or (incident.date.precision != "day" and mention.date.precision == "day"):
            incident.date, incident.night = mention.date, mention.night
    if mention.weapon not in ("", "unknown") and (not placeless or mention.kind == incident.kind):
        if incident.weapon in ("", "unknown") or (incident.weapon == "rocket" and mention.weapon == "missile"):
            incident.weapon = mention.weapon
    if not mention.claim and mention.outcome != "unknown":
        if mention.outcome == "hit" or incident.outcome == "unknown":
            incident.outcome = mention.outcome
    incident.killed = _better_casualties(incident.killed, mention.killed)
    incident.injured = _better_casualties(incident.injured, mention.injured)
    has_target = any(role == TARGET for _, role in incident.actors)
    for actor, role in (mention.strike_actors if _retells_strike(incident, mention) else mention.actors):
        if referring and role == TARGET and has_target and actor.key not in mention.victims:
            continue  # "condemned the attack on foreign forces": a view of the attack, not its target
        opposite = {PERPETRATOR: TARGET, TARGET: PERPETRATOR}.get(role)
        if on("one_side") and opposite and (actor, opposite) in incident.actors:
            continue  # "the IRGC stores there the munitions used in the strikes against US bases": not the striker of its own depot
        if (actor, role) not in incident.actors:
            incident.actors.append((actor, role))
    if mention.denial:
        incident.contested = True
    elif not mention.claim and (not placeless or _reports_figures(mention)):
        incident.claimed_only = False


def _reports_figures(mention):
    return mention.killed != Casualties() or mention.injured != Casualties() or mention.outcome != "unknown"


def _has_casualties(incident):
    return any((figure.best or 0) > 0 or (figure.low or 0) > 0 for figure in (incident.killed, incident.injured))


class _Merging:
    """The merging part of `reader._Reader` (this module's docstring says what it covers)."""

    def _merge(self, mentions):
        incidents = []
        self._pending = []
        index = 0
        while index < len(mentions):
            mention = mentions[index]
            if mention.siblings >= 0:
                group = [m for m in mentions[index:] if m.siblings == mention.siblings]
                self._merge_siblings(group, incidents)
                index += len(group)
                continue
            self._merge_one(mention, incidents)
            index += 1
        return incidents

    def _merge_one(self, mention, incidents):
        if mention.anaphoric and mention.place is not None and mention.place.entry.kind == "country" and mention.count == 1 and not mention.dated_country:
            mention.place = None  # "the attack ... Iraq's security": the country is not where it happened
        if mention.place is None:
            self._attach(mention, incidents)
            return None
        target = self._compatible(mention, incidents)
        if target is not None:
            _absorb(target, mention, referring=mention.anaphoric and not self._adjacent(mention, target))
            mention.incident = target
            return target
        if mention.denial:
            return None
        if mention.anaphoric and mention.date is None and not mention.same_time:
            return None  # "the attack on X" with no attack on X reported: another account of an event, not a new one
        return self._new_incident(mention, incidents)

    def _new_incident(self, mention, incidents):
        if mention.same_time and mention.date is None:
            dated = [i for i in incidents if i.date is not None]
            named = [i for i in dated if i.kind == self._same_time_kind(mention)]
            if named or dated:
                mention.date = (named or dated)[-1].date  # "hours before the strike": the strike's day
                if mention.day_offset and mention.date.precision == "day":
                    day = mention.date.start + timedelta(days=mention.day_offset)  # "A day earlier": the day before that event's
                    mention.date = DateMention(mention.sentence, day, day, "day", "relative to the event before", relative=True)
        incident = _Incident([mention], mention.place, mention.date, mention.kind, mention.weapon)
        _absorb(incident, mention, first=True)
        incidents.append(incident)
        mention.incident = incident
        if mention.anaphoric:
            self._adopt_pending(incident)
        return incident

    def _adopt_pending(self, incident):
        """Give an incident first placed by "the attack on X" the placeless account of an attack told before it.

        Only the earliest compatible one, and only when it is the sole placeless account waiting: with
        several, which one the later sentence refers to is a guess.
        """
        waiting = [m for m in self._pending if _compatible_fields(incident, m, loose=True)]
        if len(waiting) != 1:
            return
        mention = waiting[0]
        self._pending.remove(mention)
        _absorb(incident, mention, placeless=True)
        if mention.weapon not in ("", "unknown") and incident.weapon in ("", "unknown"):
            incident.weapon = mention.weapon
        mention.incident = incident

    def _adjacent(self, mention, incident):
        """Return True if the mention's sentence is one of the incident's or comes right after one."""
        for other in incident.mentions:
            if other.sentence == mention.sentence or not self.text[other.sentence.end : mention.sentence.start].strip():
                return True
        return False

    def _merge_siblings(self, group, incidents):
        """Merge the mentions of one head with several places; the unmatched ones share the matched one's date and parties."""
        if all(m.anaphoric and m.place.entry.kind == "country" and m.count == 1 for m in group):
            self._merge_one(group[0], incidents)  # "the attack ... groups operating in Syria and Iraq": no place
            return
        merged, rest = None, []
        for mention in group:
            target = self._compatible(mention, incidents)
            if target is not None:
                _absorb(target, mention)
                mention.incident = target
                merged = merged or target
            else:
                rest.append(mention)
        for mention in rest:
            if mention.denial or (merged is None and mention.anaphoric and mention.date is None and not mention.same_time):
                continue
            if merged is not None:
                if mention.date is None:
                    mention.date = merged.date
                for actor, role in merged.actors:
                    if role in (PERPETRATOR, TARGET) and (actor, role) not in mention.actors:
                        mention.actors.append((actor, role))
            self._new_incident(mention, incidents)

    def _attach(self, mention, incidents):
        """Add a placeless mention ("the attack", "claimed the two attacks") to the incidents it refers to."""
        follows = mention.follows.incident if mention.follows is not None else None
        if follows is not None:
            _absorb(follows, mention, placeless=True, referring=False)
            return
        candidates = [i for i in incidents if _compatible_fields(i, mention, loose=True)]
        if not candidates:
            if not mention.anaphoric and mention.kind in (ATTACK, STRIKE):
                self._pending.append(mention)  # "بعد يومين من هجوم بطائرة مسيرة ...": placed later as "الهجوم الذي استهدف X"
            return
        if mention.dual:
            for incident in [i for i in incidents if i.kind == ATTACK][-2:]:
                _absorb(incident, mention, placeless=True)
            return
        latest = max(candidates, key=lambda incident: max(m.sentence.start for m in incident.mentions))
        _absorb(latest, mention, placeless=True, referring=not self._adjacent(mention, latest))
        mention.incident = latest

    def _compatible(self, mention, incidents):
        for incident in reversed(incidents):
            if _compatible_fields(incident, mention, loose=False):
                return incident
        return None
