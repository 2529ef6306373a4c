"""The proposal JSON of a Draft: what `import_article --dry-run --format json` prints and ImportDraft stores."""


def _iso(value):
    return value.isoformat() if value is not None else None


def _casualties(figures):
    return {"best": figures.best, "low": figures.low, "high": figures.high}


def _location(mention):
    if mention is None or mention.entry is None:
        return None
    entry = mention.entry
    return {
        "key": entry.key,
        "name_en": entry.name_en,
        "name_ar": entry.name_ar,
        "kind": entry.kind,
        "lat": entry.lat,
        "lon": entry.lon,
        "country": entry.country_code,
        "admin1": entry.admin1,
        "geo_precision": max(mention.geo_precision, entry.geo_precision),
        "qualifier": mention.qualifier,
    }


def _actor(actor):
    entry = actor.entry
    return {
        "key": entry.key if entry else None,
        "name_en": entry.name_en if entry else actor.name_en,
        "name_ar": entry.name_ar if entry else actor.name_ar,
        "kind": entry.kind if entry else "unidentified",
        "role": actor.role,
    }


def incident_to_json(incident, text):
    """Return one DraftIncident as a proposal dict."""
    return {
        "title": getattr(incident, "title", ""),
        "title_ar": getattr(incident, "title_ar", ""),
        "date": _iso(incident.date_start),
        "date_end": _iso(incident.date_end),
        "date_precision": incident.date_precision,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "weapon": incident.weapon,
        "outcome": incident.outcome,
        "count": incident.count,
        "killed": _casualties(incident.killed),
        "injured": _casualties(incident.injured),
        "location": _location(incident.place),
        "actors": [_actor(actor) for actor in incident.actors],
        "verification": incident.verification,
        "evidence": [span.text(text) for span in incident.evidence],
        "spans": [[span.start, span.end] for span in incident.evidence],
        "confidence": round(incident.confidence, 2),
    }


def statement_to_json(statement, text):
    """Return one DraftStatement as a proposal dict."""
    actor = statement.speaker_actor
    return {
        "speaker": statement.speaker,
        "speaker_actor": actor.name_en if actor else None,
        "speaker_key": actor.key if actor else None,
        "kind": statement.kind,
        "verb": statement.verb,
        "date": _iso(statement.date),
        "text": statement.span.text(text),
        "span": [statement.span.start, statement.span.end],
        "incidents": list(statement.incidents),
        "confidence": round(statement.confidence, 2),
    }


def draft_to_json(draft):
    """Return the proposal JSON (a dict) of a Draft; `source` holds what extraction knows of the article."""
    return {
        "source": {"language": draft.language, "published": _iso(draft.published)},
        "incidents": [incident_to_json(incident, draft.text) for incident in draft.incidents],
        "statements": [statement_to_json(statement, draft.text) for statement in draft.statements],
    }
