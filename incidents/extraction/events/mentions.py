"""Mentions: the event words of a sentence grouped into heads, each head's places, and what each mention
reads in its scope (weapon, kind, outcome, figures).
"""
import re

from ..dates import event_date, precedes_marker
from ..event_families import on
from ..numbers import find_casualties
from ..types import Casualties, Span
from .model import (
    _AREA_KINDS,
    ATTACK,
    CLAIMANT,
    CLASH,
    DISRUPTED,
    PERPETRATOR,
    SITE_KINDS,
    STRIKE,
    TARGET,
    _blank,
    _Head,
    _is_armed_group,
    _is_plural,
    _is_state_force,
    _is_target_side,
    _is_unknown_military,
    _is_weapon_count,
    _Mention,
    _unique,
)
from .timing import _day_offset
from .words import (
    _ARSENAL_AFTER,
    _ATTRIBUTION,
    _BASED_WHERE,
    _BLAST_WORD,
    _CLAUSE_CHANGE,
    _CLOCK_ZONE_AFTER,
    _CLOCK_ZONE_BEFORE,
    _DEAD_BELONG,
    _DENIAL,
    _DENIED_ROLE,
    _DIRECTION_OF_CITY,
    _DRONE_FIRES,
    _EARLIER_SERIES_BEFORE,
    _EN_DETERMINERS,
    _FAILED,
    _FELL_SHORT,
    _FIRST_TIME,
    _GROUPS_BASED_IN,
    _HIT,
    _HYPOTHETICAL,
    _LATEST_OF_THEM,
    _LAUNCH_POINT_BEFORE,
    _LOCATOR_WORDS,
    _MARKER,
    _NEGATION_BEFORE,
    _NIGHT,
    _NOT_MENTIONED,
    _ORDINAL_AFTER,
    _ORDINAL_BEFORE_EN,
    _PERIOD_AFTER,
    _SAME_TIME,
    _SERIES,
    _SINCE_WHEN,
    _SITE_OWNERS,
    _SOURCE_PLACE_BEFORE,
    _TALLY,
    _THIS_BEFORE,
    _THOSE_BEFORE,
    _TRIED_BEFORE,
    _TRIGGER_PATTERNS,
    _WEAPON_PATTERNS,
)

_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5}


class _Mentions:
    """The mentions part of `reader._Reader` (this module's docstring says what it covers)."""

    def _about_the_campaign(self, sentence, triggers):
        """Return True if the sentence speaks of the attacks as a series (plural, tally, "سلسلة"), not of one."""
        folded = self._folded(sentence.start, sentence.end)
        if _SERIES.search(folded):
            return True
        for trigger in triggers:
            before = self._folded(sentence.start, trigger.start)[-30:]
            if _is_plural(_Head([trigger]), self.language) or _TALLY[self.language].search(before):
                return True
        return False

    def _sentence_mentions(self, sentence, previous):
        triggers = [t for t in self.triggers if sentence.start <= t.start and t.end <= sentence.end]
        triggers = [t for t in triggers if not self._hypothetical(t, sentence)]
        # "ولم تتطرق إلى هجوم كونيكو", "made no mention of the Conoco attack": the speaker says nothing of it
        triggers = [t for t in triggers if not _NOT_MENTIONED[self.language].search(self._folded(max(sentence.start, t.start - 40), t.start))]
        blasts = [t for t in triggers if _BLAST_WORD.search(self._folded(t.start, t.end))]
        if blasts and len(blasts) < len(triggers):
            triggers = [t for t in triggers if t not in blasts]  # "blasts from two rockets that fell near the base": the rockets
        if not triggers:
            return self._attribution_mentions(sentence) or self._owners_after(sentence, previous) or self._figures_after(sentence, previous)
        if _FIRST_TIME[self.language].match(self._folded(sentence.start, sentence.end)):
            return []  # "It was the first time since October that the militias had used a missile": a remark on an event told before
        heads = self._heads(triggers)
        places = self._event_places(sentence)
        self._assign(heads, places, sentence)
        heads = self._absorb_trailing(heads)
        # "after the attack": the time of another event, reported where it is named; not a mention here.
        heads = [head for head in heads if head.places or not head.referential]
        mentions = []
        for index, head in enumerate(heads):
            scope_start = sentence.start
            if index > 0:
                previous = heads[index - 1]
                scope_start = max([previous.end] + [p.span.end for p in previous.places])
                scope_start = min([scope_start, head.start] + [p.span.start for p in head.places])
            scope_end = sentence.end
            if index + 1 < len(heads):
                following = heads[index + 1]
                scope_end = min([following.start] + [p.span.start for p in following.places])
            scope = Span(scope_start, max(scope_end, head.end))
            mentions.extend(self._head_mentions(head, scope, sentence))
        self._share_sentence_zeroes(mentions, sentence)
        if any(m.denial and m.place is not None for m in mentions):
            # "نفت … تعرض القاعدة لأي هجوم، … بشأن استهداف قاعدة فيكتوري": one denial, of the attack it names
            mentions = [m for m in mentions if not (m.denial and m.place is None)]
        return mentions

    def _hypothetical(self, trigger, sentence):
        """Return True for an event word that is intended, threatened or hypothetical ("to strike Iran")."""
        before = self._folded(sentence.start, trigger.start)
        return bool(_HYPOTHETICAL[self.language].search(before[-40:])) and not _TRIED_BEFORE.search(before[-25:])

    def _tally(self, head, sentence):
        """Return True if the head counts attacks over a period or several places ("80 attacks since")."""
        before = self._folded(sentence.start, head.start)
        after = self._folded(head.end, sentence.end)
        first = head.triggers[0]
        tally = _TALLY[self.language].search(before[-30:])
        if first.kind in ("attack", "strike") and not _is_weapon_count(first) and tally:
            if not self._date_just_before(head) and not self._counted_places(tally, head, sentence):
                return True  # "80 هجوما", "5 strikes"; but not "the January 28 attack"
        if on("ordinal_tally") and self._counts_itself(before, after):
            return True  # "وهذا الاستهداف الثالث منذ…", "this was the 52nd attack since": the event told, counted
        if self.language == "en" and re.search(r"(?<!\w)(?:\d+|[a-z]+)\s+times(?!\w)", after[:60]):
            return True
        in_sentence = [m for m in self.dates if sentence.start <= m.span.start < sentence.end]
        since = [m for m in in_sentence if m.since]
        if since and head.triggers[0].kind in ("attack", "strike"):
            own = [m for m in in_sentence if not m.since]
            since_when = any(m.precision == "day" and _SINCE_WHEN.match(self.text[m.span.end : m.span.end + 12]) for m in since)
            if not own and not since_when:
                return True
        if _is_plural(head, self.language) and _SERIES.search(before[-30:]):
            return True
        if on("period_series") and _is_plural(head, self.language) and _PERIOD_AFTER[self.language].match(after[:80]):
            return True  # "هجمات عدة شهدتها الأسابيع الماضية", "attacks over the past weeks": a series over a period
        if _is_plural(head, self.language) and _LATEST_OF_THEM[self.language].search(after):
            return True  # "بضربات جوية …، كان آخرها في تشرين الثاني", "strikes, the latest of which …": a series
        if _is_plural(head, self.language) and _THOSE_BEFORE[self.language].search(before[-20:] + " " + self._folded(head.start, head.end)):
            return True  # "hurt in those attacks", "في هذه الهجمات": the series told before, not one of its incidents
        return False

    def _counts_itself(self, before, after):
        """Return True for an event word that ranks the event told among others ("هذا الاستهداف الثالث", "the 52nd attack")."""
        if self.language == "ar":
            return bool(_THIS_BEFORE["ar"].search(before[-12:]) and _ORDINAL_AFTER["ar"].match(after[:25]))
        return bool(_ORDINAL_BEFORE_EN.search(before[-45:]))

    def _counted_places(self, tally, head, sentence):
        """Return True for "three blasts in A, B and C this morning": as many events as places, on the sentence's day.

        A count with a day of its own and one named place per event is those events, not a tally over a period
        (event_families "counted_places").
        """
        if not on("counted_places") or len(head.places) < 2:
            return False
        number = tally.group().strip()
        count = int(number) if number.isdigit() else _COUNT_WORDS.get(number)
        own_day = any(
            sentence.start <= m.span.start < sentence.end and m.precision == "day" and not m.since for m in self.dates
        )
        return count == len(head.places) and own_day

    def _heads(self, triggers):
        """Group adjacent event words into heads ("a one-way attack drone struck", "هجوم صاروخي")."""
        heads = []
        for trigger in triggers:
            if heads:
                gap = self.text[heads[-1].end : trigger.start]
                limit = 10 if self._instrument(trigger) else 2  # "استهدفت قاعدة X في ريف Y بطائرة مسيرة": the attack's weapon
                if len(gap.split()) <= limit and not re.search(r"[.,;:،؛]", gap) and not _MARKER.search(self._folded(heads[-1].end, trigger.start)):
                    heads[-1].triggers.append(trigger)
                    continue
            heads.append(_Head([trigger]))
        for head in heads:
            head.referential = self._anaphoric(head) and precedes_marker(self.text, Span(head.start, head.end))
        return heads

    def _time_aside(self, start, end):
        """Return True if text[start:end] is words plus one time expression set off by commas ("X, late on Tuesday, Y")."""
        gap = self.text[start:end]
        match = re.fullmatch(r"([^,،.;؛:]*)[,،]([^,،.;؛:]{1,60})[,،]([^,،.;؛:]*)", gap)
        if not match or len(match.group(1).split()) + len(match.group(3).split()) > 4:
            return False
        aside = Span(start + match.start(2), start + match.end(2))
        return any(aside.start <= d.span.start and d.span.end <= aside.end and not d.since for d in self.dates)

    def _instrument(self, trigger):
        """Return True for a weapon named as the instrument of the verb before it ("بطائرة مسيرة", "with drones")."""
        if trigger.kind != "attack" or not trigger.weapon:
            return False
        if self.language == "ar":
            return bool(re.match(r"^[وف]?ب(?!ال?[اأإ]?\s)", self._folded(trigger.start, trigger.end)))
        return bool(re.search(r"(?<!\w)(?:with|using)\s+(?:\w+\s+){0,2}$", self._folded(max(0, trigger.start - 30), trigger.start)))

    def _absorb_trailing(self, heads):
        """Return the heads with placeless ones folded into the placed head of their clause.

        "attacked X with drones": the weapon after the place; "أسقطت الدفاعات الجوية طائرة مسيرة قرب X":
        the verb before the object that holds the place.
        """
        leading = []
        for head in heads:
            previous = leading[-1] if leading else None
            if previous is not None and not previous.places and head.places and not self._anaphoric(previous):
                gap = self.text[previous.end : head.start]
                if self._time_aside(previous.end, head.start):
                    gap = ""  # "أسقطت الدفاعات الجوية، في ساعة متأخرة من ليل الثلاثاء، طائرة مسيرة": a time set off by commas
                if not re.search(r"[.,;:،؛]", gap) and not _MARKER.search(self._folded(previous.end, head.start)):
                    head.triggers[:0] = previous.triggers
                    leading[-1] = head
                    continue
            leading.append(head)
        heads, kept = leading, []
        for head in heads:
            if kept and kept[-1].places and not head.places and not self._anaphoric(head):
                gap = self.text[kept[-1].places[-1].span.end : head.start]
                if not re.search(r"[.,;:،؛]", gap):
                    kept[-1].triggers.extend(head.triggers)
                    continue
            kept.append(head)
        return kept

    def _event_places(self, sentence):
        """Return the places of the sentence that can be where an event happened."""
        inside = [p for p in self.places if sentence.start <= p.span.start and p.span.end <= sentence.end]
        speakers = [a.span for a in self.actor_mentions if a.description]
        named = [a.span for a in self.actor_mentions if a.entry is not None]
        kept = []
        for place in inside:
            if any(s.start <= place.span.start and place.span.end <= s.end for s in speakers):
                continue  # "مصدر أمني في كردستان العراق": where the speaker is
            if any(n.start <= place.span.start and place.span.end <= n.end and n.end - n.start > place.span.end - place.span.start for n in named):
                continue  # "Islamic Resistance in Iraq"
            if on("name_part") and self._outlet_or_clock(place, sentence):
                continue  # "Lebanon's Al Mayadeen reported", "(Baghdad time)": a name, not where anything happened
            if _SOURCE_PLACE_BEFORE[self.language].search(self._folded(max(sentence.start, place.span.start - 50), place.span.start)):
                continue  # "لم يصدر أي تعليق رسمي من طهران أو دمشق", "no comment from Damascus": a government by its capital
            if kept and kept[-1].span.overlaps(place.span):
                if place.span.end - place.span.start > kept[-1].span.end - kept[-1].span.start:
                    kept[-1] = place
                continue
            kept.append(place)
        kept = [p for p in kept if not self._locator(p, kept)]
        # "أطلقت الصواريخ من منطقة الزعفرانية جنوب شرقي بغداد", "fired from Zafaraniya": where they came from, not where they hit
        kept = [p for p in kept if not _LAUNCH_POINT_BEFORE[self.language].search(self._folded(max(sentence.start, p.span.start - 60), p.span.start))]
        # "ولم تتطرق إلى هجوم "كونيكو"", "made no mention of the Conoco attack": a place the speaker said nothing of
        kept = [p for p in kept if not _NOT_MENTIONED[self.language].search(self._folded(max(sentence.start, p.span.start - 50), p.span.start))]
        # "تركزت الهجمات السابقة على قاعدتي عين الأسد وحرير", "previous attacks on X and Y": places of a past series in passing
        kept = [p for p in kept if not _EARLIER_SERIES_BEFORE[self.language].search(self._folded(max(sentence.start, p.span.start - 80), p.span.start))]
        # "…، حيث تتمركز في محيط مدينة الميادين", "where they are based in X": where the attackers stay
        kept = [p for p in kept if not _BASED_WHERE.search(self._folded(max(sentence.start, p.span.start - 60), p.span.start))]
        if on("actor_place"):  # "militias that operate in Iraq and Syria": the groups' ground (and the country after "and")
            grounds = [p for p in kept if _GROUPS_BASED_IN[self.language].search(self._folded(max(sentence.start, p.span.start - 60), p.span.start))]
            for ground in list(grounds):
                grounds += [p for p in kept if p.span.start > ground.span.end and re.fullmatch(r"\s*(?:and|و|,|،)\s*", self._folded(ground.span.end, p.span.start))]
            kept = [p for p in kept if p not in grounds]
        unique = []
        for place in kept:  # "خراب الجير (رميلان)": one place named twice
            if unique and unique[-1].entry.key == place.entry.key and len(self.text[unique[-1].span.end : place.span.start].split()) <= 3:
                continue
            unique.append(place)
        return unique

    def _outlet_or_clock(self, place, sentence):
        """Return True if `place` is the name of a news outlet the actors found there, or a clock's zone."""
        for actor in self.actor_mentions:
            if actor.entry is not None and actor.entry.kind == "media outlet" and actor.span.start <= place.span.start \
                    and place.span.end <= actor.span.end:
                return True
        before = self._folded(max(sentence.start, place.span.start - 30), place.span.start)
        after = self._folded(place.span.end, min(sentence.end, place.span.end + 10))
        return bool(_CLOCK_ZONE_BEFORE[self.language].search(before) and _CLOCK_ZONE_AFTER[self.language].search(after))

    def _locator(self, place, places):
        """Return True if `place` only says where another place of the sentence is ("in Anbar province")."""
        entry = place.entry
        if place.count > 1:
            return False  # "three bases in Syria" is where the events were
        for other in places:
            if other is place:
                continue
            o = other.entry
            if entry.kind == "governorate" and o.admin1 == entry.name_en and o.kind not in ("governorate", "country"):
                return True  # "Harir air base ..., in Erbil province"
            if other.span.end <= place.span.start and o.kind != "country":
                gap = self._folded(other.span.end, place.span.start)
                words = set(re.sub(r"[^\w\s]", " ", gap).split())
                joined = not re.search(r"[,،;؛]", gap)
                if joined and len(words) <= 3 and words <= _LOCATOR_WORDS and o.key != entry.key:
                    if entry.kind != o.kind or place.qualifier:
                        return True
                if re.match(r"^\s*[,،]\s*(?:about\s+|some\s+|نحو\s+)?$", gap) and place.qualifier:
                    return True
                if on("direction_locator") and _DIRECTION_OF_CITY[self.language].match(gap):
                    return True  # "Jurf al-Nasr, south of the Iraqi capital Baghdad", "جرف النصر، جنوبي العاصمة بغداد"
        return False

    def _assign(self, heads, places, sentence):
        """Give each place to the nearest head before it (skipping "after the attack"), else the first head."""
        for place in places:
            before = [h for h in heads if h.start <= place.span.start]
            if len(before) > 1 and before[-1].referential:
                before = before[:-1]
            head = before[-1] if before else heads[0]
            head.places.append(place)
        for head in heads:
            if any(p.entry.kind != "country" for p in head.places):
                head.places = [p for p in head.places if p.entry.kind != "country"]
            sites = [p.entry for p in head.places if p.entry.kind in SITE_KINDS]
            head.places = [
                p for p in head.places
                if not (p.entry.kind in _AREA_KINDS and any(site.admin1 == p.entry.admin1 and site.country_code == p.entry.country_code for site in sites))
            ]  # "شهدت بغداد هجوما على السفارة في بغداد": the embassy, not the city around it

    def _head_mentions(self, head, scope, sentence):
        """Return the mentions of one head: one per place it names, each read within `scope`."""
        if self._tally(head, sentence):
            return []
        kinds = head.kinds
        scope_folded = self._folded(scope.start, scope.end)
        actors = self._scope_actors(scope)
        speakers = self._speakers(sentence)
        weapon = self._weapon(head, scope)
        agent = self._agent(head, scope, actors, speakers)
        kind = self._kind(head, weapon, actors, speakers)
        if agent is not None and kind == ATTACK and (_is_state_force(agent.entry) or _is_unknown_military(agent.entry)) and "launcher" not in kinds:
            kind = STRIKE  # "نفذت القوات الأميركية قصفا", "struck by US warplanes": the state's strike
        if "clash" in kinds and not (kinds & {"strike", "intercept"}) and weapon in ("", "small arms"):
            kind, weapon = CLASH, "small arms"
        if "launcher" in kinds:
            if not re.search(r"(?:عثر|ضبط|فكك|تفكيك|found|seized|dismantled|discovered)", scope_folded):
                if not (kinds & {"attack", "strike", "intercept"}):
                    return []
            else:
                kind, weapon = DISRUPTED, "rocket"
        bare = kind == ATTACK and not weapon and all(t.kind == "strike" and not t.weapon for t in head.triggers)
        if bare and head.places:
            if not self._air_strike_story(sentence):
                return []  # "floods hit Baghdad", "struck a deal in Erbil": a bare verb with no weapon and no striker
            kind = STRIKE  # "a depot ... was also hit", told after "B-1 bombers hit 85 targets": one more target of those strikes
            weapon = "unknown"  # the weapon of the strikes told before (see _draft)
        if kind == STRIKE and weapon == "":
            weapon = "artillery" if re.search(r"مدفعي|artillery|shell", scope_folded) else "airstrike"
        outcome = self._outcome(head, scope, kind, weapon)
        others = [c for c in self._earlier_clauses(sentence) if not c.start <= head.start < c.end]
        actors = [a for a in actors if not any(c.start <= a.span.start < c.end for c in others)]
        governor = self._main_clause_end(scope, head)
        if governor is not None:
            actors = [a for a in actors if a.span.start >= governor]  # "أعلنت X تعليق عملياتها بعد هجوم": X is no party
        killed, injured = find_casualties(_blank(self.text, scope, others), self.language)
        claim = self._is_claim(sentence, head)
        claimant = self._claimant(sentence, head) if claim else None
        denial = self._denies_event(sentence, head)
        roles = self._roles(kind, head, scope, actors, speakers, claimant, agent)
        if kind == ATTACK and agent is None and claimant is None and not any(r == PERPETRATOR for _, r in roles):
            group = self._group_subject(sentence, head)
            if group is not None:
                roles.append((group, PERPETRATOR))  # "after the group had launched a missile at X": the group named before
        if kind == STRIKE:
            losses = self._speakers_losses(scope, sentence, roles)
            lost = {entry for entry, _ in losses}
            roles = [(e, r) for e, r in roles if not (e in lost and r == CLAIMANT)] + losses  # "أعلنت X مقتل خمسة من عناصرها": no claim
        place_roles = self._roles_by_place(kind, head, scope, actors, speakers, claimant, agent)
        strike_roles = None
        if kind == ATTACK and not claim and weapon in ("", "unknown", "drone") and (agent is None or not _is_armed_group(agent.entry)):
            strike_roles = self._roles(STRIKE, head, scope, actors, speakers, None, agent)  # if it tells of a strike reported before
        sentence_victims = self._victims(sentence)
        victims = frozenset(a.entry.key for a in actors if any(a.span.overlaps(v) for v in sentence_victims))
        anaphoric = self._anaphoric(head)
        date = event_date(sentence.start, sentence.end, self.dates, self.published, text=self.text, event_span=Span(head.start, head.end))
        if date is None:
            date = self._since_when_date(sentence, head)
        if date is None:
            date = self._interval_before_date(sentence, head)
        if date is None and kind == STRIKE and not self._earlier_clauses(sentence):
            date = self._strike_story_date(sentence)
        same_time = date is None and bool(_SAME_TIME.search(self._folded(sentence.start, sentence.end)))
        before = self._later_event_date(sentence, head) if date is None else None
        day_offset = None if date is not None or same_time else _day_offset(self._folded(sentence.start, head.start))
        night = date is not None and bool(_NIGHT.search(self._folded(date.span.start, date.span.end)))
        dual = self._dual(head)
        count = 2 if dual and len(head.places) <= 1 and not claim else 1
        places = head.places or [None]
        sibling_id = -1
        if len(places) > 1:
            self.sibling_ids += 1
            sibling_id = self.sibling_ids
        mentions = []
        for place in places:
            mentions.append(
                _Mention(
                    sentence=sentence, scope=scope, head=Span(head.start, head.end), place=place, date=date,
                    kind=kind, weapon=weapon or "unknown", outcome=outcome,
                    count=place.count if place is not None and place.count > 1 else count,
                    killed=killed, injured=injured, actors=list(place_roles.get(id(place), roles)), strike_actors=strike_roles,
                    claim=claim, denial=denial,
                    anaphoric=anaphoric, same_time=same_time or day_offset is not None, night=night, siblings=sibling_id,
                    bare=bare and kind == STRIKE, day_offset=day_offset or 0,
                    dual=dual and claim, victims=victims, before=before,
                )
            )
        countries = {m.place.entry.key for m in mentions if m.place is not None and m.place.entry.kind == "country"}
        several_countries = len(countries) > 1 and len(countries) == len(mentions)
        own_day = date is not None and date.precision == "day" and not date.since and not claim and not anaphoric and on("dated_country")
        own_day = own_day and sentence.start <= date.span.start < sentence.end  # its own sentence's day, not the story's
        if own_day and countries and len(countries) == len(mentions) and (kind == STRIKE or len(countries) == 1):
            for mention in mentions:  # "On February 3, US forces struck 85 targets in Iraq and Syria": one event in each
                mention.dated_country = True
            return mentions
        if several_countries:  # "targeted at two bases in Iraq and Syria": a summary of events told one by one
            mentions = mentions[:1]
            mentions[0].place, mentions[0].siblings, mentions[0].count = None, -1, 1
        if several_countries or _is_plural(head, self.language) and all(m.place is None or m.place.entry.kind == "country" and m.count == 1 for m in mentions):
            for mention in mentions:
                mention.anaphoric = True  # "attacks on US forces in Iraq and Syria": no single event
        return mentions

    def _attribution_mentions(self, sentence):
        """Return a placeless mention for "X was behind it": X is the perpetrator of the last attack."""
        folded = self._folded(sentence.start, sentence.end)
        if not _ATTRIBUTION[self.language].search(folded):
            return []
        actors = [(a.entry, PERPETRATOR) for a in self._scope_actors(sentence) if _is_armed_group(a.entry) and not self._appositive(a, ())]
        if not actors:
            return []
        return [_Mention(sentence, sentence, sentence, None, None, ATTACK, "unknown", "unknown", 1, Casualties(), Casualties(), actors, anaphoric=True)]

    def _figures_after(self, sentence, previous):
        """Return a placeless mention for casualty figures in the sentence right after an event's."""
        if not previous:
            return []
        killed, injured = self.article.figures(sentence)
        if killed == Casualties() and injured == Casualties():
            return []
        last = previous[-1]
        victims = self._victims(sentence)
        hit = [
            (a.entry, TARGET) for a in self._scope_actors(sentence)
            if any(a.span.overlaps(v) for v in victims) and a.entry.kind not in ("state", "media outlet", "international organization")
        ]  # "وقتل مشتاق طالب السعيدي، القيادي في حركة النجباء": whom the event killed
        return [
            _Mention(sentence, sentence, sentence, None, None, last.kind, "unknown", "unknown", 1, killed, injured, _unique(hit),
                     anaphoric=True, follows=last, victims=frozenset(e.key for e, _ in hit))
        ]

    def _owners_after(self, sentence, previous):
        """Return a placeless mention for the owners of the struck sites, told in the sentence right after a strike.

        "The two facilities were used by the IRGC and Iran-backed groups", "وتعود المنشأتان إلى ...",
        "the dead belonged to X", "القتلى ينتمون إلى X": the groups whose sites or men were struck are its targets.
        """
        strikes = [m for m in previous if m.kind == STRIKE]
        if not strikes:
            return []
        folded = self._folded(sentence.start, sentence.end)
        phrase = _SITE_OWNERS[self.language].search(folded) or _DEAD_BELONG[self.language].search(folded)
        if phrase is None:
            return []
        _, after = self._span(self._folded_index(sentence.start) + phrase.start(), self._folded_index(sentence.start) + phrase.end())
        owners = [
            (a.entry, TARGET) for a in self._scope_actors(sentence)
            if a.span.start >= after  # "Iraqi security sources told Reuters the dead belonged to X": the owners follow the phrase
            and (_is_armed_group(a.entry) or a.entry.kind == "state force" and a.entry.country_code not in ("US", "") and not _is_target_side(a.entry))
        ]
        if not owners:
            return []
        last = strikes[-1]
        killed, injured = self.article.figures(sentence)
        found = [
            _Mention(sentence, sentence, sentence, None, None, last.kind, "unknown", "unknown", 1, killed, injured, _unique(owners),
                     anaphoric=True, follows=last)
        ]
        if on("story_targets") and last.siblings >= 0:
            # "strikes on 85 targets in Iraq and Syria. These targets are associated with X": the owners of each one's sites
            found += [
                _Mention(sentence, sentence, sentence, None, None, m.kind, "unknown", "unknown", 1, Casualties(), Casualties(),
                         _unique(owners), anaphoric=True, follows=m)
                for m in strikes if m is not last and m.siblings == last.siblings
            ]
        return found

    def _share_sentence_zeroes(self, mentions, sentence):
        """Give "no casualties" said once in a sentence to each of its mentions that states no figure."""
        killed, injured = self.article.figures(sentence)
        for mention in mentions:
            if killed.best == 0 and mention.killed == Casualties():
                mention.killed = killed
            if injured.best == 0 and mention.injured == Casualties():
                mention.injured = injured

    def _weapon(self, head, scope):
        """Return the weapon of a mention: the head's own weapon words first, then its scope's."""
        for trigger in head.triggers:
            if trigger.weapon == "rocket" and re.search(r"باليستي|بالستي|ballistic", self._folded(trigger.start, scope.end)[:40]):
                return "missile"
        head_weapons = {t.weapon for t in head.triggers if t.weapon}
        if on("drone_munitions") and head_weapons & {"rocket", "missile"} and _DRONE_FIRES.search(self._folded(scope.start, scope.end)):
            return "drone"  # "طائرة مسيرة أطلقت صاروخين", "a drone fired two missiles": the drone's munitions
        for weapon, _ in _WEAPON_PATTERNS[self.language]:
            if weapon in head_weapons:
                return weapon
        folded = self._folded(scope.start, scope.end)
        for weapon, pattern in _WEAPON_PATTERNS[self.language]:
            for match in pattern.finditer(folded):
                if _NEGATION_BEFORE.search(folded[: match.start()][-25:]):
                    continue
                if _ARSENAL_AFTER.match(folded, match.end()):
                    continue
                return weapon
        return ""

    def _kind(self, head, weapon, actors, speakers):
        """Return STRIKE for a state's air or artillery strike, ATTACK for the others' attacks."""
        if weapon == "airstrike":
            return STRIKE
        if weapon == "drone" and any(t.kind == "strike" and t.weapon == "airstrike" for t in head.triggers):
            if not (self.language == "en" and re.search(r"(?<!\w)(?:attack|attacks|assault)(?!\w)", self._folded(head.start, head.end))):
                return STRIKE  # "a drone strike", "غارة بطائرة مسيرة": a state's strike; armed groups' are "drone attacks"
        for actor in actors:
            if actor.entry.kind not in ("state force", "state") or actor.entry.key in speakers or getattr(actor, "site", False):
                continue
            overlapping = any(actor.span.overlaps(Span(t.start, t.end)) for t in head.triggers)
            between = self.text[actor.span.end : head.start] if actor.span.end <= head.start else ""
            near = actor.span.end <= head.start and len(between.split()) <= 6 and not _CLAUSE_CHANGE.search(between)
            if (overlapping or near) and not self._passive_target(actor, head):
                if "strike" in head.kinds or (weapon in ("artillery", "drone") and overlapping):
                    return STRIKE
        return ATTACK

    def _folded_without_dates(self, start, end):
        """Return the folded text from `start` to `end` with the date expressions in it removed."""
        pieces, position = [], start
        for mention in self.dates:
            if mention.span.start >= position and mention.span.end <= end:
                pieces.append(self._folded(position, mention.span.start))
                position = mention.span.end
        pieces.append(self._folded(position, end))
        return " ".join(pieces)

    def _main_clause_end(self, scope, head):
        """Return where a time clause holding the head begins ("... بعد يومين من هجوم", "... after an attack on"), or None.

        The actors of the main clause before it did something else at that time; they are no party to the event.
        """
        before = self._folded(scope.start, head.start)
        markers = list(_MARKER.finditer(before))
        if not markers or re.search(r"[.;:،,؛]", before[markers[-1].end() :]):
            return None
        return self._span(self._folded_index(scope.start) + markers[-1].start(), self._folded_index(scope.start) + markers[-1].end())[0]

    def _denies_event(self, sentence, head):
        """Return True if the sentence denies the event before naming it; not "denied any role in it"."""
        before = self._folded(sentence.start, head.start)
        for match in _DENIAL[self.language].finditer(before):
            if not _DENIED_ROLE[self.language].match(before, match.end()):
                return True
        return False

    def _outcome(self, head, scope, kind, weapon):
        if kind == STRIKE and weapon == "airstrike":
            return "hit"
        folded = self._folded(scope.start, scope.end)
        hit = any(
            not _NEGATION_BEFORE.search(folded[: match.start()][-25:]) for match in _HIT[self.language].finditer(folded)
        )
        if hit:
            return "hit"  # also when another of its rockets fell in an empty area: some hit
        if kind == ATTACK and _FAILED[self.language].search(folded):
            return "failed"
        intercepted = "intercept" in head.kinds or any(
            p.search(folded) for p, k, _ in _TRIGGER_PATTERNS[self.language] if k == "intercept"
        )
        if kind == ATTACK and not intercepted and _FELL_SHORT[self.language].search(folded):
            return "failed"  # "exploded before reaching the base", with no one shooting it down
        return "intercepted" if intercepted else "unknown"

    def _anaphoric(self, head):
        """Return True for "the attack" / "الهجوم" / "Saturday's attack": an event reported before."""
        first = head.triggers[0]
        if first.weapon and first.kind == "attack":
            return False
        if self.language == "en":
            words = self.text[max(0, first.start - 24) : first.start].lower().split()
            return bool(words) and (words[-1] in _EN_DETERMINERS or words[-1].endswith(("'s", "’s")))
        key = self._folded(first.start, first.end)
        return bool(re.match(r"^[وف]?(?:[بلك]?ال|لل)", key))  # "هذا الهجوم" has the article too

    def _dual(self, head):
        key = self._folded(head.triggers[0].start, head.triggers[0].end)
        return bool(re.search(r"(?:هجومين|هجومان|هجومي|غارتين|ضربتين)$", key))
