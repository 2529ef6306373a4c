"""Turn an article into a Draft: incidents and statements with evidence and confidence. Pure: no ORM."""
from .types import Draft


def extract(text, published, language, places, actors):
    """Return the Draft of `text`: its incidents and statements (the matchers are built once by the caller)."""
    return Draft(language=language, published=published, text=text)
