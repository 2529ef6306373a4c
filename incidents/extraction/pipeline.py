"""Turn an article into a Draft: incidents and statements with evidence and confidence. Pure: no ORM."""
from .article import Article
from .events import incidents_in
from .statements import statements_in
from .types import Draft


def extract(text, published, language, places, actors):
    """Return the Draft of `text`: its incidents and statements (the matchers are built once by the caller).

    The text is analysed once (`article.Article`: words, folded text, places, actors, dates, sentences,
    figures) and that one Article is handed to every finder.
    """
    article = Article.analyse(text, published, language, places, actors)
    incidents = incidents_in(article)
    statements = statements_in(article, incidents)
    return Draft(language=language, published=published, text=text, incidents=incidents, statements=statements)
