"""The proposal of a Draft: what `import_article --dry-run --format json` prints and ImportDraft stores.

`draft_to_proposal` gives the typed Proposal (extraction.types); `draft_to_json` its JSON.
"""
from .types import (
    Casualties,
    Proposal,
    ProposedActor,
    ProposedIncident,
    ProposedPlace,
    ProposedStatement,
)


def _casualties(figures):
    return Casualties(best=figures.best, low=figures.low, high=figures.high)


def _place(mention):
    if mention is None or mention.entry is None:
        return None
    entry = mention.entry
    return ProposedPlace(
        key=entry.key,
        name_en=entry.name_en,
        name_ar=entry.name_ar,
        kind=entry.kind,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country_code,
        admin1=entry.admin1,
        geo_precision=max(mention.geo_precision, entry.geo_precision),
        qualifier=mention.qualifier,
    )


def _actor(actor):
    entry = actor.entry
    return ProposedActor(
        key=entry.key if entry else None,
        name_en=entry.name_en if entry else actor.name_en,
        name_ar=entry.name_ar if entry else actor.name_ar,
        kind=entry.kind if entry else "unidentified",
        role=actor.role,
    )


def incident_proposal(incident, text):
    """Return one DraftIncident as a ProposedIncident."""
    return ProposedIncident(
        title=getattr(incident, "title", ""),
        title_ar=getattr(incident, "title_ar", ""),
        date=incident.date_start,
        date_end=incident.date_end,
        date_precision=incident.date_precision,
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        weapon=incident.weapon,
        outcome=incident.outcome,
        count=incident.count,
        killed=_casualties(incident.killed),
        injured=_casualties(incident.injured),
        location=_place(incident.place),
        actors=[_actor(actor) for actor in incident.actors],
        verification=incident.verification,
        evidence=[span.text(text) for span in incident.evidence],
        spans=[(span.start, span.end) for span in incident.evidence],
        confidence=round(incident.confidence, 2),
    )


def statement_proposal(statement, text):
    """Return one DraftStatement as a ProposedStatement."""
    actor = statement.speaker_actor
    return ProposedStatement(
        speaker=statement.speaker,
        speaker_actor=actor.name_en if actor else None,
        speaker_key=actor.key if actor else None,
        kind=statement.kind,
        verb=statement.verb,
        date=statement.date,
        text=statement.span.text(text),
        span=(statement.span.start, statement.span.end),
        incidents=list(statement.incidents),
        confidence=round(statement.confidence, 2),
    )


def incident_to_json(incident, text):
    """Return one DraftIncident as a proposal dict."""
    return incident_proposal(incident, text).to_json()


def statement_to_json(statement, text):
    """Return one DraftStatement as a proposal dict."""
    return statement_proposal(statement, text).to_json()


def draft_to_proposal(draft):
    """Return the Proposal of a Draft; `source` holds what extraction knows of the article."""
    return Proposal(
        source={"language": draft.language, "published": draft.published.isoformat() if draft.published else None},
        incidents=[incident_proposal(incident, draft.text) for incident in draft.incidents],
        statements=[statement_proposal(statement, draft.text) for statement in draft.statements],
    )


def draft_to_json(draft):
    """Return the proposal JSON (a dict) of a Draft."""
    return draft_to_proposal(draft).to_json()
