"""The analysed Article: what every finder reads is found once per article and shared (no database)."""
from datetime import date
from functools import lru_cache

from incidents.extraction import article as article_module
from incidents.extraction.article import Article
from incidents.extraction.events import find_incidents, incidents_in
from incidents.extraction.pipeline import extract
from incidents.extraction.scoring import reference_matchers
from incidents.extraction.statements import find_statements, statements_in

TEXT = (
    "هجوم بطائرة مسيرة على قاعدة عين الأسد\n"
    "استهدفت طائرة مسيرة أمس قاعدة عين الأسد في محافظة الأنبار، وقال مسؤول أميركي إن الهجوم لم يسفر عن إصابات.\n"
    "وتبنت المقاومة الإسلامية في العراق الهجوم في بيان."
)
PUBLISHED = date(2023, 12, 9)


class Counting:
    """A matcher that counts its find() calls and remembers the Doc it was given."""

    def __init__(self, matcher):
        self.matcher, self.calls, self.docs = matcher, 0, []

    def find(self, text, language="ar", doc=None):
        self.calls += 1
        self.docs.append(doc)
        return self.matcher.find(text, language, doc=doc)

    def __getattr__(self, name):
        return getattr(self.matcher, name)


@lru_cache(maxsize=1)
def analysed():
    places, actors = reference_matchers()
    return Article.analyse(TEXT, PUBLISHED, "ar", places, actors)


def test_the_matchers_and_the_date_finder_read_the_article_once_and_share_its_words(monkeypatch):
    places, actors = reference_matchers()
    counted_places, counted_actors = Counting(places), Counting(actors)
    date_calls = []
    real_find_dates = article_module.find_dates
    monkeypatch.setattr(article_module, "find_dates", lambda *a, **k: date_calls.append(a) or real_find_dates(*a, **k))
    draft = extract(TEXT, PUBLISHED, "ar", counted_places, counted_actors)
    assert draft.incidents and draft.statements
    assert counted_places.calls == 1
    assert len([doc for doc in counted_actors.docs if doc is not None]) == 1  # the article itself, once
    assert counted_places.docs[0] is not None and counted_places.docs[0] is counted_actors.docs[0]
    assert len(date_calls) == 1


def test_findings_are_kept_on_the_article():
    article = analysed()
    assert article.doc is article.doc and article.sentences is article.sentences
    sentence = article.sentences[1]
    assert article.figures(sentence) is article.figures(sentence)
    assert article.text[slice(*article.span(0, len(article.folded)))] == article.text
    assert "ain-al-asad-air-base" in {place.entry.key for place in article.place_mentions if place.entry}
    assert any(mention.start == PUBLISHED.replace(day=8) for mention in article.date_mentions)  # أمس


def test_the_text_entry_points_give_what_the_article_entry_points_give():
    article = analysed()
    places, actors = reference_matchers()
    incidents = find_incidents(
        TEXT, PUBLISHED, "ar", actors, places.find(TEXT, "ar"), actors.find(TEXT, "ar"), article.date_mentions
    )
    assert incidents == incidents_in(article)
    assert find_statements(TEXT, PUBLISHED, "ar", actors, incidents) == statements_in(article, incidents)
