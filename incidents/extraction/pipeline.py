"""Turn an article into a Draft: incidents and statements with evidence and confidence. Pure: no ORM."""
from .dates import find_dates
from .events import find_incidents
from .statements import find_statements
from .types import Draft


def extract(text, published, language, places, actors):
    """Return the Draft of `text`: its incidents and statements (the matchers are built once by the caller).

    Each matcher reads the text once; incidents and statements share those findings.
    """
    place_mentions = places.find(text, language)
    actor_mentions = actors.find(text, language)
    date_mentions = find_dates(text, published, language)
    incidents = find_incidents(text, published, language, actors, place_mentions, actor_mentions, date_mentions)
    statements = find_statements(
        text, published, language, actors, incidents, actor_mentions=actor_mentions, date_mentions=date_mentions
    )
    return Draft(language=language, published=published, text=text, incidents=incidents, statements=statements)
