"""Which incidents a statement is about: those in its sentence, those at the places it names, those it claims or
reacts to, or those of the statement before.
"""
import bisect
import re

from ..lexicon import Doc, NameIndex, name_of
from ..normalize import fold, is_arabic, token_key
from ..types import Span
from .kinds import _cumulative
from .sentences import _sentences
from .speakers import _bare
from .words import (
    _ATTACK_REFERENCE,
    _PLACE_NOUNS,
    _PLURAL_ATTACKS,
    _STATE_KINDS,
    _VICTIM_REFERENCE,
    CLAIM,
    CONDEMNATION,
    DEMAND,
    DENIAL,
    POSITION,
)


def _link_incidents(article, statements, incidents):
    """Fill each statement's incidents (indexes into `incidents`), trying the rules in the module's order."""
    if not incidents:
        return
    places = _place_index(incidents)
    sentences = _sentences(article.article)
    starts = [sentence.start for sentence in sentences]
    for position, statement in enumerate(statements):
        before = statements[:position]
        sentence = sentences[max(0, bisect.bisect_right(starts, statement.span.start) - 1)]
        linked = [
            index for index, incident in enumerate(incidents)
            if any(evidence.overlaps(statement.span) or evidence.overlaps(sentence) and _inside(evidence, sentence) for evidence in incident.evidence)
        ]
        named_places = _by_place(article, statement, incidents, places)
        if statement.kind == CLAIM and _PLURAL_ATTACKS.search(fold(statement.span.text(article.text))):
            # "a series of operations", الهجومين: every attack it names, else every attack not by a state
            linked = sorted(set(linked) | set(named_places or _claimed(article, statement, before, incidents)))
        if not linked:
            linked = named_places
        if not linked and statement.kind == CLAIM:
            linked = _claimed(article, statement, before, incidents)
        if not linked and statement.kind in (CONDEMNATION, DENIAL, DEMAND):
            linked = _by_perpetrator(article, statement, incidents)
        if not linked and before and statement.kind != POSITION and not _is_cumulative_statement(article, statement):
            content = fold(statement.span.text(article.text))
            reaction = statement.kind in (CONDEMNATION, DEMAND, DENIAL) and before[-1].kind in (CONDEMNATION, DEMAND, DENIAL)
            same_speaker = _same_speaker(statement, before[-1])
            referring = _ATTACK_REFERENCE.search(content) or _VICTIM_REFERENCE.search(content)
            if reaction or same_speaker or referring:
                linked = _narrowed(content, list(before[-1].incidents), incidents)
            if not linked and referring and not any(earlier.incidents for earlier in before):
                linked = [0]  # "the attack" before any statement named one: the article's lead event
        statement.incidents = sorted(set(linked))


def _narrowed(content, linked, incidents):
    """Return the one incident of `linked` at the kind of place "the attack on the airport" names, else `linked`."""
    if len(linked) < 2:
        return linked
    for noun, (kinds, words) in _PLACE_NOUNS.items():
        if not noun.search(content):
            continue
        for fits in (lambda e: e.kind in kinds, lambda e: any(_bare(token_key(t)) in words for n in e.names for t in n.split())):
            fitting = [i for i in linked if incidents[i].place and incidents[i].place.entry and fits(incidents[i].place.entry)]
            if len(fitting) == 1:
                return fitting
    return linked


def _same_speaker(statement, other):
    if statement.speaker_actor is not None or other.speaker_actor is not None:
        return statement.speaker_actor == other.speaker_actor
    return fold(statement.speaker) == fold(other.speaker)


def _is_cumulative_statement(article, statement):
    content = statement.span.text(article.text)
    return _cumulative(article, statement.span, fold(content), content)


def _by_perpetrator(article, statement, incidents):
    """Return the incidents carried out by the actor a reaction's object names ("condemned the U.S. strikes").

    Only the clause right after the speaker and verb counts: a later "pointing to the militias' threat"
    is context, not what is condemned.
    """
    text = statement.span.text(article.text)
    after = text.find(statement.speaker)
    after = statement.span.start + (after + len(statement.speaker) if after >= 0 else 0)
    rest = article.text[after : statement.span.end]
    lead = len(rest) - len(rest.lstrip(" ،,\"“”"))
    clause = re.match(r"[^،,;؛:]*", rest[lead:]).group()
    window = Span(after, after + lead + len(clause))
    named = {
        mention.entry for mention in article.mentions
        if mention.entry is not None and window.start <= mention.span.start and mention.span.end <= window.end
    }
    return [
        index for index, incident in enumerate(incidents)
        if any(actor.role == "perpetrator" and actor.entry in named for actor in incident.actors)
    ]


def _claimed(article, statement, before, incidents):
    """Return the incidents a claim naming no place is about.

    "A series of operations", "the two attacks" (plural or dual): every attack not carried out by a
    state. "The attack", هجوم اليوم (singular): the incidents of the statement before, else the first
    such attack (the article's lead event).
    """
    candidates = [index for index, incident in enumerate(incidents) if not _state_perpetrated(incident)]
    if _PLURAL_ATTACKS.search(fold(statement.span.text(article.text))):
        return candidates
    for earlier in reversed(before):
        if earlier.incidents:
            return [index for index in earlier.incidents if index in candidates] or earlier.incidents
    return candidates[:1]


def _inside(evidence, sentence):
    return sentence.start <= evidence.start and evidence.end <= sentence.end


def _place_index(incidents):
    """Return a NameIndex of the incidents' places (sites and towns; not countries or governorates)."""
    index = NameIndex()
    for position, incident in enumerate(incidents):
        place = incident.place
        if place is None or place.entry is None or place.entry.kind in ("country", "governorate"):
            continue
        for written in place.entry.names:
            if is_arabic(written) or written[:1].isupper():
                index.add(name_of(written, position))
    return index


def _by_place(article, statement, incidents, places):
    """Return the incidents whose place the statement names."""
    text = statement.span.text(article.text)
    found = set()
    for match in places.find(Doc(text)):
        found.update(match.entries)
    return sorted(found)


def _state_perpetrated(incident):
    """Return True if a state or its forces carried out the incident (not what an armed group claims)."""
    return any(
        actor.role == "perpetrator" and actor.entry is not None and actor.entry.kind in _STATE_KINDS
        for actor in incident.actors
    )
