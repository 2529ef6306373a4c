"""Parties and roles of one mention: who struck (the agent), who claims, who was targeted or hit, who
intercepted, and who only speaks.
"""
import re

from ..event_families import on
from ..types import Span
from .model import (
    _AREA_KINDS,
    ASSOCIATED,
    ATTACK,
    CLAIMANT,
    CLASH,
    DISRUPTED,
    INTERCEPTOR,
    PERPETRATOR,
    STRIKE,
    TARGET,
    _distance,
    _is_armed_group,
    _is_state_force,
    _is_target_body,
    _is_target_side,
    _is_unknown_military,
    _unique,
)
from .words import (
    _AFFILIATION_BEFORE,
    _AGENT_BY,
    _AIR_DEFENCE,
    _APPOSITIVE_AR,
    _BY,
    _CALL_BEFORE,
    _CLAIM,
    _CLAIM_SPEECH,
    _CONFIRMS_AFTER,
    _CONFIRMS_BEFORE,
    _COUNTED_BEFORE,
    _DEFENCES_OF_AR,
    _GROUP_AFTER_VERB,
    _GROUP_SUBJECT,
    _HOSTED_BEFORE,
    _MARKER,
    _OWN_DEFENCES,
    _OWN_MEN,
    _OWNER_BEFORE,
    _RELATIVE_BEFORE,
    _SAME_GROUP,
    _SAME_GROUP_BEFORE,
    _SELF_CLAIM_AFTER,
    _SELF_NAMED_BEFORE,
    _SINCE_PERIOD,
    _SUBJECT_VERB_AFTER,
    _UNHARMED_AFTER,
    _UNHARMED_BEFORE,
    _VERB_BEFORE_SUBJECT,
    _WAR_PARTY_AFTER,
    _WAR_PARTY_AR_BEFORE,
    _WAR_PARTY_BEFORE,
)


class _Roles:
    """The roles part of `reader._Reader` (this module's docstring says what it covers)."""

    def _roles_by_place(self, kind, head, scope, actors, speakers, claimant, agent):
        """Return {id(place): roles} when one head names several places: each party named among them goes to its nearest place.

        "a headquarters of the PMF in al-Qaim ..., and a depot used by Kataib Hezbollah near Akashat": the
        PMF at al-Qaim, Kataib Hezbollah at Akashat. Parties named before the first place or after the last
        (the striker, the claimant) are everyone's.
        """
        places = head.places
        if len(places) < 2:
            return {}
        def coordinated(one, other):
            gap = self.text[one.span.end : other.span.start]
            named = any(one.span.end <= a.span.start and a.span.end <= other.span.start for a in actors)
            return len(gap.split()) <= 3 and not named

        if all(coordinated(one, other) for one, other in zip(places, places[1:])):
            return {}  # "sites of X near A and B": coordinated places share their parties
        first, last = places[0].span.start, places[-1].span.end
        region_start = max(scope.start, self.text.rfind(",", scope.start, first) + 1, first - 80)
        between = [a for a in actors if region_start <= a.span.start < last and (agent is None or a.entry != agent.entry)]
        if not between:
            return {}
        result = {}
        for place in places:
            mine = [
                a for a in actors
                if a not in between or min(places, key=lambda p: _distance(p.span, a.span)) is place
            ]
            result[id(place)] = self._roles(kind, head, scope, mine, speakers, claimant, agent)
        return result

    def _owner(self, actor):
        """Return True if the actor is named as the owner or user of a site ("a headquarters of X", "used by X", "مقر لـX")."""
        before = self._folded(max(0, actor.span.start - 30), actor.span.start)
        return bool(_OWNER_BEFORE.search(before))

    def _agent(self, head, scope, actors, speakers):
        """Return the actor that carried out the event the head names, when the syntax says so.

        Active voice: the subject of an action verb that governs the head ("US forces carried out a
        strike", "نفذت القوات الأميركية قصفا", "وكانت الطائرات الأميركية قد شنت غارات"); passive voice:
        the agent after "by" / "من قبل" / "بواسطة" ("was struck by US warplanes"). Date words between
        them do not count. A speaker or a victim is never the agent.
        """
        language = self.language
        for actor in actors:
            entry = actor.entry
            if entry is None or entry.key in speakers or getattr(actor, "site", False):
                continue
            if _is_unknown_military(entry) and any(actor.span.overlaps(Span(t.start, t.end)) for t in head.triggers):
                return actor  # "طائرة مسيرة مجهولة", "an unidentified drone": the weapon names its unknown owner
            if not (_is_state_force(entry) or _is_armed_group(entry) or _is_unknown_military(entry)):
                continue
            if actor.span.start >= head.end:
                if "intercept" in head.kinds:
                    continue  # "shot down by coalition forces": the interceptor, see _interceptor
                between = self._folded_without_dates(head.end, actor.span.start)
                if language == "ar" and _VERB_BEFORE_SUBJECT.search(self._folded(head.start, head.end) + " ") and not between.split():
                    return actor  # VSO with the event verb itself: "قصفت المدفعية الأميركية [أمس] مواقع"
                if _AGENT_BY[language].match(between) or self._passive_agent(head, between):
                    return actor
                continue
            if actor.span.overlaps(Span(head.start, head.end)):
                continue
            before = self._folded_without_dates(scope.start, actor.span.start)
            between = self._folded_without_dates(actor.span.end, head.start)
            if re.search(r"[.;؛:]", between) or len(between.split()) > 8:
                continue
            if _SUBJECT_VERB_AFTER[language].match(between):
                return actor  # SVO: "US forces carried out", "الطائرات الأميركية قد شنت"
            if not between.strip() and _SUBJECT_VERB_AFTER[language].match(" " + self._folded(head.start, head.end)):
                return actor  # the head is the verb: "Unidentified aircraft struck", "الطائرات الأميركية قصفت"
            if language == "ar" and _VERB_BEFORE_SUBJECT.search(before) and len(between.split()) <= 3:
                return actor  # VSO: "نفذت القوات الأميركية [أمس] قصفا"
        return None

    def _passive_agent(self, head, between):
        """Return True for the agent of a passive event verb after its object or place ("قصفت مواقع … من قبل X", "were struck near Y by X")."""
        if len(between.split()) > 9 or re.search(r"[.;:،,؛]", between):
            return False
        if self.language == "ar":
            return bool(re.search(r"(?<!\w)(?:من\s+قبل|بواسطه|نفذ(?:ها|ه|تها|ته)|شن(?:ها|ه|تها|ته))\s+$", between))
        before = self._folded(max(0, head.start - 20), head.start)
        return bool(re.search(r"(?<!\w)(?:was|were|been|being)\s+(?:\w+ly\s+)?$", before)) and bool(
            re.search(r"(?<!\w)by\s+(?:the\s+)?$", between)
        )

    def _announces_interception(self, actor, head):
        """Return True if the speaker says it shot the drone down ("أعلنت القوات الأميركية إسقاط", "said they intercepted")."""
        if "intercept" not in head.kinds or actor.span.end > head.start:
            return False
        between = self._folded_without_dates(actor.span.end, head.start)
        if _OWN_DEFENCES[self.language].fullmatch(between):
            return True  # "أعلن التحالف أن دفاعاته الجوية أسقطت", "the coalition said its air defences shot down"
        if self.language == "ar":
            return bool(re.fullmatch(r"\s*", between)) and bool(
                re.search(r"(?:اعلنت|اعلن|اكدت|اكد)\s*$", self._folded(max(0, actor.span.start - 12), actor.span.start))
            )
        return bool(re.fullmatch(r"\s*(?:said|say|says|announced)\s+(?:that\s+)?(?:it|they|its\s+\w+)\s+(?:had\s+|have\s+)?\s*", between))

    def _unharmed(self, actor):
        """Return True if the text says the actor (a building, a mission) was not damaged or hit."""
        before = self._folded(max(0, actor.span.start - 25), actor.span.start)
        after = self._folded(actor.span.end, min(len(self.text), actor.span.end + 90))
        return bool(_UNHARMED_BEFORE.search(before) or _UNHARMED_AFTER.match(after))

    def _passive_target(self, actor, head):
        between = self._folded(actor.span.end, head.start)
        return bool(re.search(r"(?:تعرض|were|was|been|came\s+under|under)", between))

    def _other_party(self, actor, kind):
        """Return True for a party to another war ("the Israel-Hamas war") or a person's group ("leader of Hamas")."""
        before = self._folded(max(0, actor.span.start - 50), actor.span.start)
        after = self._folded(actor.span.end, min(len(self.text), actor.span.end + 15))
        if _WAR_PARTY_AFTER.search(after) or _WAR_PARTY_AR_BEFORE.search(before):
            return True
        return kind != STRIKE and bool(_AFFILIATION_BEFORE[self.language].search(before))

    def _scope_actors(self, scope):
        named = [a for a in self.actor_mentions if a.entry is not None and scope.start <= a.span.start and a.span.end <= scope.end]
        forces = [
            f for f in self.forces
            if scope.start <= f.span.start and f.span.end <= scope.end
            and not any(a.span.overlaps(f.span) and a.entry == f.entry for a in named)
        ]
        return sorted(named + forces, key=lambda a: a.span.start)

    def _speakers(self, sentence):
        """Return the keys of actors who report in this sentence (said, according to, بحسب, أعلن)."""
        keys = set()
        for actor in self.actor_mentions:
            if actor.entry is None or not (sentence.start <= actor.span.start < sentence.end):
                continue
            if actor.description or self._reports(actor, sentence):
                keys.add(actor.entry.key)
        return keys

    def _reports(self, actor, sentence):
        before = self._folded(max(sentence.start, actor.span.start - 40), actor.span.start)
        after = self._folded(actor.span.end, min(sentence.end, actor.span.end + 40))
        if re.search(r"(?:according\s+to|بحسب|حسب|وفق|وفقا\s+ل|told|نقلت\s+عن|reported\s+by|said\s+by)\s*(?:the\s+)?$", before):
            return True
        if re.search(r"(?:بحسب|حسب|وفق|وفقا\s+ل|على\s+حد)\s+ما\s+(?:\S+\s+)?(?:اعلن|افاد|ذكر|قال|اورد|اكد|نقل)\w*(?:\s+به)?\s*$", before):
            return True  # "بحسب ما أعلنته القيادة المركزية", "بحسب ما أفاد به المجلس"
        if re.match(r"^[\s,،]*(?:\w+\s+){0,1}(?:said|says|told|reported|announced|stated|denied|denies|قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|نفي|نفت)(?!\w)", after):
            return True
        if on("confirming_speakers") and (_CONFIRMS_AFTER[self.language].match(after) or _CONFIRMS_BEFORE.search(before)):
            return True  # "The PMF confirmed the strike, calling it a criminal act", "وأكد الحشد", "condemned the attack"
        if re.search(r"(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اوضح|اوضحت|نقلت|نفي|نفت)\s*$", before):
            return True
        return False

    def _roles(self, kind, head, scope, actors, speakers, claimant, agent=None):
        """Return (entry, role) pairs for the actors of a mention's part of the sentence.

        The agent of the event word (its subject, or the "by" phrase of a passive) is the perpetrator,
        whichever side it is on; the others take their roles from their kind and place in the sentence.
        """
        roles = [(claimant, CLAIMANT)] if claimant is not None else []
        if agent is not None and agent.entry != claimant:
            roles.append((agent.entry, PERPETRATOR))
            actors = [a for a in actors if a.entry != agent.entry]
            if kind == ATTACK and not _is_armed_group(agent.entry):
                kind = STRIKE  # a state's or an unknown military's attack: the armed groups in it are its targets
        victims = self._victims(Span(self._sentence_of(scope).start, self._sentence_of(scope).end))
        for actor in actors:
            entry = actor.entry
            if claimant is not None and entry == claimant:
                continue
            victim = any(actor.span.overlaps(v) for v in victims)
            if entry.kind in ("media outlet", "international organization", "state"):
                if kind == STRIKE and entry.kind == "state" and self._strike_subject(actor, head) and entry.key not in speakers:
                    force = self.actor_matcher.nation_force(actor.span.text(self.text))
                    if force is not None:
                        roles.append((force, PERPETRATOR))
                continue
            if entry.kind == "government body" and not _is_target_body(entry):
                continue
            if _is_target_body(entry) and self._unharmed(actor):
                continue  # "ولم تتضرر القنصلية الأميركية", "the consulate was not damaged": a landmark, not a target
            if entry.kind == "official person" and not victim:
                continue
            if entry.key in speakers and not victim and not self._announces_interception(actor, head):
                continue
            if self._appositive(actor, actors):
                continue
            if _WAR_PARTY_BEFORE.search(self._folded(max(scope.start, actor.span.start - 60), actor.span.start)):
                continue  # "separate from the war between Israel and Hamas": a party to another war
            if on("other_parties") and not victim and self._other_party(actor, kind):
                continue  # "the Israel-Hamas war", "the assassination of the head of Hamas's political bureau"
            if _CALL_BEFORE.search(self._folded(max(scope.start, actor.span.start - 120), actor.span.start)):
                continue  # "ودعت الحكومة إلى حماية المنشآت التي تستضيف قوات التحالف": named in a demand, not in the event
            if on("campaign_claims") and _is_armed_group(entry) and actor.span.end <= head.start and self._campaign_claim(
                self._sentence_of(scope), head
            ):
                continue  # "militias have claimed more than a dozen attacks … since": the campaign's, not this event's
            halted = on("halted_attacks") and _is_armed_group(entry) and not victim
            if halted and self._halted(actor, self._sentence_of(scope)):
                continue  # "the first attack since Iran-aligned factions halted their attacks": not this attack's party
            hosted = bool(_HOSTED_BEFORE.search(self._folded(max(scope.start, actor.span.start - 30), actor.span.start)))
            if hosted and self._defences_after_verb(actor, head):
                hosted = False  # "أسقطت المضادات الأرضية التابعة لقوات التحالف": the defences of its own base
            if hosted and kind == ATTACK and _is_target_side(entry):
                roles.append((entry, TARGET))  # "القاعدة التي تضم قوات أميركية", "a base hosting US troops": whose base it is
                continue
            if self._interceptor(actor, head, scope):
                roles.append((entry, INTERCEPTOR))
                at_other_site = head.places and all(p.entry.kind in ("airport",) + _AREA_KINDS for p in head.places)
                if entry.kind in ("state force", "coalition") and kind != STRIKE and not at_other_site:
                    roles.append((entry, TARGET))  # defending its base; over an airport or a town it only intercepts
                continue
            if kind == STRIKE:
                if entry.kind == "state force" and not victim and not getattr(actor, "site", False) and self._strike_subject(actor, head):
                    roles.append((entry, PERPETRATOR))
                elif _is_armed_group(entry) or entry.kind == "official person":
                    roles.append((entry, TARGET))
                elif entry.kind == "state force" and not _is_target_side(entry) and (self._owner(actor) or victim and not self._anaphoric(head)):
                    # "a headquarters of the PMF was destroyed", "a strike killing five PMF members": whom it struck;
                    # not "one member of the Iraqi security forces was killed in the strikes", a toll told after
                    roles.append((entry, TARGET))
            elif kind == DISRUPTED:
                if entry.kind == "state force":
                    roles.append((entry, PERPETRATOR))
            elif kind == CLASH:
                if entry.kind in ("state force", "militia or armed group", "unidentified", "coalition"):
                    roles.append((entry, ASSOCIATED))  # the sides of a clash: neither attacked the other alone
            else:
                if victim and entry.kind != "state" or _is_target_side(entry):
                    roles.append((entry, TARGET))
                elif _is_armed_group(entry) and claimant is None:
                    roles.append((entry, PERPETRATOR))
        named = {role for entry, role in roles if entry.kind == "militia or armed group"}
        roles = [(e, r) for e, r in roles if not (e.kind == "unidentified" and r in named)]  # "KH and other Iran-backed militias"
        interceptors = {e for e, r in roles if r == INTERCEPTOR}
        if any(r == TARGET and e not in interceptors and _is_target_side(e) for e, r in roles):
            # "coalition air defences shot down drones aimed at a base …, no US casualties": the US forces are the target
            roles = [(e, r) for e, r in roles if not (r == TARGET and e in interceptors)]
        return _unique(roles)

    def _speakers_losses(self, scope, sentence, roles):
        """Return the group that tells of its own dead in the strike as its target ("the PMF said five of its members had been killed").

        "its" / the Arabic suffix refers to the last group named before the victims.
        """
        victims = [v for v in self._victims(sentence) if _OWN_MEN.search(self._folded(v.start, v.end))]
        taken = {entry for entry, role in roles if role != CLAIMANT}
        found = []
        for victim in victims:
            before = [a for a in self._scope_actors(scope) if a.span.end <= victim.end and not _OWN_MEN.search(self._folded(a.span.start, a.span.end))]
            before = [a for a in before if a.span.start < victim.start or not self._folded(victim.start, a.span.start).strip()]
            if not before:
                continue
            entry = before[-1].entry
            if entry in taken or _is_target_side(entry) or not (_is_armed_group(entry) or entry.kind == "state force"):
                continue
            found.append((entry, TARGET))
            taken.add(entry)
        return found

    def _appositive(self, actor, actors):
        """Return True for "X, a coalition of Iran-backed groups": a description of X, not another party."""
        before = self.text[max(0, actor.span.start - 40) : actor.span.start]
        if _APPOSITIVE_AR.search(self._folded(max(0, actor.span.start - 40), actor.span.start)):
            return True  # "المقاومة الإسلامية في العراق، وهي تحالف من فصائل موالية لإيران"
        return bool(re.search(r"[,،]\s*(?:an?|the|one\s+of)\s+(?:[\w-]+\s+){0,3}(?:coalition|alliance|umbrella(?:\s+group)?|network|grouping)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", before))

    def _strike_subject(self, actor, head):
        """Return True if the actor carried out the strike: its nation's strike or its subject just before it."""
        if any(actor.span.overlaps(Span(t.start, t.end)) for t in head.triggers):
            return True
        if actor.span.end <= head.start:
            between = self.text[actor.span.end : head.start]
            return len(between.split()) <= 8 and not re.search(r"(?:against|\bon\b|ضد|على|[.;؛])", between)
        return False

    def _victims(self, scope):
        """Return spans of who was killed or wounded in the scope ("killed five fighters of X", "X were killed")."""
        folded = self._folded(scope.start, scope.end)
        base = self._folded_index(scope.start)
        spans = []
        if self.language == "ar":
            patterns = [
                # subject before its verb: "ثلاثة عناصر من الحشد الشعبي قتلوا"
                r"(?:[^\s،.]+\s+){1,6}(?=(?:قتلوا|قتلا|اصيبوا|اصيبا|جرحوا|لقوا\s+حتفهم)(?!\w))",
                # the victim's apposition: "قتل مشتاق طالب السعيدي، القيادي في حركة النجباء،"
                r"(?:مقتل|مصرع|استشهاد|قتل|اصيب|اصابه)\s+[^،.]{1,60}،\s*(?:وهو\s+)?(?:ال)?(?:قيادي|قائد|مسوول|امين|عضو|احد|امر|معاون|مساعد|نائب)[^،.]{0,60}",
                r"(?:مقتل|مصرع|اصابه|استشهاد|اصيب|اصيبت|قتل|جرح)\s+(?:[^\s،.]+\s+){0,10}?[^\s،.]+(?=[،.]|\s+(?:[فب]ي?\s*(?:غاره|هجوم|ضربه|قصف|استهداف)|جراء|اثر|بعد|عقب|بجروح)(?!\w)|$)"]
        else:
            patterns = [
                r"(?:killed|killing|wounded|wounding|injured|injuring|kills|wounds)\s+(?:[^\s,.]+\s+){0,9}?[^\s,.]+(?=[,.]|\s+(?:in|on|at|during|after|and|late|early|last|overnight)(?!\w)|$)",
                r"(?:[^\s,.]+\s+){1,6}(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt)",
                # the subject of the sentence, with its appositions: "X, known as Y, a commander of Z, died"
                r"^(?:(?!\b(?:said|says|told|claimed|announced|when|after|while)\b)[^.;])+?,\s*(?:died|was\s+killed|were\s+killed)\b",
            ]
        if on("victim_alias"):
            # the dead named again by their alias or among a group: "killed X, who was also known as Y,",
            # "اغتيل قياديان …، بينهم القيادي المعروف بـ«Y»", "مقتل X المعروف بلقب Y"
            patterns.append(
                r"(?:مقتل|مصرع|استشهاد|قتل|اغتيل|اغتيال)\s+[^.]{1,200}?(?:بينهم|من\s+بينهم|المعروف\s+ب\S*|الملقب\s+ب\S*|المدعو)\s*[^،.]{1,40}"
                if self.language == "ar" else
                r"(?:killed|killing|assassinated)\s+[^.;]{1,80}?,\s*(?:who\s+was\s+)?(?:also\s+)?(?:known|named)\s+as\s+[^,.]+"
            )
        for pattern in patterns:
            for match in re.finditer(pattern, folded):
                if re.match(r"(?:no|none|not|nobody)\s", match.group()):
                    continue  # "no US personnel were hurt"
                start, end = self._span(base + match.start(), base + match.end())
                spans.append(Span(start, end))
        return spans

    def _interceptor(self, actor, head, scope):
        """Return True if the actor shot the drone or missile down."""
        if "intercept" in head.kinds and _AIR_DEFENCE.search(self._folded(actor.span.start, actor.span.end)):
            return True  # "الدفاعات الجوية الأميركية", "US air defenses"
        if self._announces_interception(actor, head):
            return True  # "the coalition said its air defences had shot down"
        if "intercept" in head.kinds:
            between = self._folded(head.end, actor.span.start)
            if actor.span.start >= head.end and _BY[self.language].search(between[-20:]) and len(between.split()) <= 4:
                return True
            if self._defences_after_verb(actor, head):
                return True
            if actor.span.end <= head.start and len(self.text[actor.span.end : head.start].split()) <= 3:
                return not self._passive_target(actor, head)
        if re.match(r"^\S+(?:\s+\S+){0,3}\s+(?:اسقطت|اعترضت|اسقط|shot\s+down|intercepted)", self._folded(actor.span.start, scope.end)):
            return True
        before = self._folded(scope.start, actor.span.start)
        return bool(re.search(r"(?:الدفاع\s+الجوي|الدفاعات\s+الجويه|air\s+defen[cs]es?)\s+(?:\S+\s+){0,2}\S{0,3}$", before))

    def _defences_after_verb(self, actor, head):
        """Return True for the subject of an Arabic interception verb, or the owner of the defences after it (family
        "defenders"): "أسقطت قوات التحالف", "أسقطت المضادات الأرضية التابعة لقوات التحالف"."""
        if not on("defenders") or self.language != "ar" or "intercept" not in head.kinds:
            return False
        verbs = [t for t in head.triggers if t.kind == "intercept" and t.end <= actor.span.start]
        return bool(verbs) and bool(_DEFENCES_OF_AR.fullmatch(self._folded(verbs[-1].end, actor.span.start)))

    def _is_claim(self, sentence, head):
        """Return True if the sentence reports a group's claim of the event."""
        whole = self._folded(sentence.start, sentence.end)
        if on("campaign_claims") and self._campaign_claim(sentence, head):
            return False
        if re.search(r"claimed\s+by", whole) or _CLAIM[self.language].search(self._folded(sentence.start, head.start)):
            return True
        return self._speaking_group(sentence, head) is not None

    def _campaign_claim(self, sentence, head):
        """Return True for a claim of a count of attacks over a period ("militias have claimed more than a dozen attacks
        … since the war began", "تبنت الفصائل أكثر من 100 هجوم منذ"): a tally of the campaign, no claim of one event."""
        counted = _COUNTED_BEFORE[self.language].search(self._folded(max(sentence.start, head.start - 40), head.start))
        return bool(counted) and bool(_SINCE_PERIOD[self.language].search(self._folded(head.end, sentence.end)))

    def _self_named(self, actor):
        """Return True if the actor is what a group calls itself ("تطلق على نفسها اسم X", "calling itself X")."""
        before = self._folded(max(0, actor.span.start - 60), actor.span.start)
        return on("self_named") and bool(_SELF_NAMED_BEFORE[self.language].search(before))

    def _self_named_claimant(self, sentence, head):
        """Return the group that calls itself X when it says it did the event ("جماعة تطلق على نفسها X أنها استهدفت")."""
        for actor in self.actor_mentions:
            if actor.entry is None or not _is_armed_group(actor.entry):
                continue
            if not sentence.start <= actor.span.start < head.start or not self._self_named(actor):
                continue
            if _SELF_CLAIM_AFTER[self.language].match(self._folded(actor.span.end, head.start)):
                return actor.entry
        return None

    def self_named_pairs(self):
        """Return {(described key, name key)}: the groups the text describes, each with what it calls itself.

        "الميليشيات الإيرانية المسلحة التي تطلق على نفسها المقاومة الإسلامية في العراق": the Iran-backed militias
        of this text are the Islamic Resistance in Iraq (event_families "self_named").
        """
        pairs = set()
        for actor in self.actor_mentions:
            if actor.entry is None or not _is_armed_group(actor.entry) or not self._self_named(actor):
                continue
            before = [
                a for a in self.actor_mentions
                if a.entry is not None and a.entry != actor.entry and _is_armed_group(a.entry)
                and actor.span.start - 80 <= a.span.end <= actor.span.start
            ]
            if before:
                pairs.add((before[-1].entry.key, actor.entry.key))
        return pairs

    def _speaking_group(self, sentence, head):
        """Return the armed group that says it carried out the event ("X said it had attacked", "أعلنت X استهداف")."""
        named = self._self_named_claimant(sentence, head)
        if named is not None:
            return named
        for verb in _CLAIM_SPEECH[self.language].finditer(self.folded, self._folded_index(sentence.start), self._folded_index(head.start)):
            verb_start, verb_end = self._span(verb.start(), verb.end())
            if _MARKER.search(self._folded(verb_end, head.start)):
                continue  # "أعلنت X تعليق عملياتها بعد يومين من هجوم": the event only dates what X announced
            for actor in self.actor_mentions:
                if actor.entry is None or not _is_armed_group(actor.entry) or not sentence.start <= actor.span.start < head.start:
                    continue
                if self._in_relative_clause(actor, sentence):
                    continue  # "X, which groups several Iran-backed factions, said": the factions describe X
                if actor.span.end <= verb_start:
                    between = self.text[actor.span.end : verb_start]
                    others = [
                        a for a in self.actor_mentions
                        if actor.span.end <= a.span.start < verb_start and not self._appositive(a, ()) and not self._in_relative_clause(a, sentence)
                    ]
                    if len(between.split()) <= 15 and not others:
                        return actor.entry
                elif verb_end <= actor.span.start and (
                    len(self.text[verb_end : actor.span.start].split()) <= 2 or self._self_named(actor)
                ):
                    if re.search(r"(?<!\w)(?:ان|انه|انها)(?!\w)", self._folded(verb_end, actor.span.start)):
                        continue  # "قال مسؤول إن X ...": X is what the speaker talks about, not the speaker
                    if self.language == "en" and not re.search(r"[,\"”']\s*$", self.text[sentence.start : verb_start]):
                        continue  # "Police said X fired": X is the subject of what was said; only "…, said X" inverts
                    return actor.entry
            short = self._group_before(sentence, head, named=False)
            if short is not None:
                return short
            same = self._same_group(sentence, verb_start, verb_end, head)
            if same is not None:
                return same
        return None

    def _group_subject(self, sentence, head):
        """Return the armed group "the group" stands for when it is the subject of the attack verb ("the group had launched a missile")."""
        verb_end = head.triggers[0].end
        if self.language == "ar" and _GROUP_AFTER_VERB.match(self._folded(verb_end, min(sentence.end, verb_end + 30))):
            earlier = [a for a in self.actor_mentions if a.entry is not None and _is_armed_group(a.entry) and a.span.end <= head.start]
            return earlier[-1].entry if earlier else None  # "واستهدفت الجماعة أمس قاعدة …": the verb, then "the group"
        before = self._folded(max(sentence.start, head.start - 80), head.start)
        match = _GROUP_SUBJECT[self.language].search(before)
        if match is None:
            return None
        at = self._span(self._folded_index(max(sentence.start, head.start - 80)) + match.start(), self._folded_index(max(sentence.start, head.start - 80)) + match.end())[0]
        earlier = [a for a in self.actor_mentions if a.entry is not None and _is_armed_group(a.entry) and a.span.end <= at]
        return earlier[-1].entry if earlier else None

    def _same_group(self, sentence, verb_start, verb_end, head):
        """Return the armed group last named before, for "أعلنت الجماعة ذاتها أنها قصفت", "the same group said it attacked"."""
        after = _SAME_GROUP[self.language].match(self._folded(verb_end, head.start))
        before = _SAME_GROUP_BEFORE[self.language].search(self._folded(sentence.start, verb_start))
        if not after and not before:
            return None
        earlier = [a for a in self.actor_mentions if a.entry is not None and a.entry.kind == "militia or armed group" and a.span.end <= verb_end]
        return earlier[-1].entry if earlier else None

    def _in_relative_clause(self, actor, sentence):
        """Return True for an actor inside a relative clause set off by commas ("X, which groups Y factions, said", "X، التي تضم فصائل Y، أعلنت")."""
        before = self._folded(sentence.start, actor.span.start)
        return bool(_RELATIVE_BEFORE.search(before))

    def _group_before(self, sentence, head, named=True):
        """Return the armed group named (or named short: "المقاومة" for an earlier "المقاومة الإسلامية") before the head."""
        for actor in self.actor_mentions:
            if named and actor.entry is not None and _is_armed_group(actor.entry) and sentence.start <= actor.span.start < head.start:
                return actor.entry
        earlier = [
            a for a in self.actor_mentions
            if a.entry is not None and a.entry.kind == "militia or armed group" and a.span.start < sentence.start
        ]  # a named group; "Iran-backed militias" has no short form
        before = self._folded(sentence.start, head.start)
        for actor in reversed(earlier):
            words = [w for w in self._folded(actor.span.start, actor.span.end).split() if len(w) >= 5]
            if words and re.search(rf"(?<!\w)[وف]?{re.escape(words[0])}(?!\w)", before):
                return actor.entry
        return None

    def _claimant(self, sentence, head):
        """Return the armed group that claims the event: subject of تبنت / claimed / said it attacked, or after "claimed by"."""
        for actor in self.actor_mentions:
            if actor.entry is None or not _is_armed_group(actor.entry) or not (sentence.start <= actor.span.start < sentence.end):
                continue
            if re.search(r"claimed\s+by\s+(?:the\s+)?$", self._folded(sentence.start, actor.span.start)):
                return actor.entry
        group = self._speaking_group(sentence, head) or self._group_before(sentence, head)
        if group is not None:
            return group
        after = [a for a in self.actor_mentions if a.entry is not None and _is_armed_group(a.entry) and head.end <= a.span.start < sentence.end]
        return after[0].entry if after else None
