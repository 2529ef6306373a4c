"""The entry points of statement finding and its reader of one analysed `article.Article`.
"""
import bisect

from ..article import Article
from .attribution import _sentence_statements
from .kinds import _continuation, _quoted_continuation
from .linking import _link_incidents
from .sentences import _sentences


class _Reader:
    """The analysed `article.Article` as statement finding reads it: its actor mentions indexed by start."""

    def __init__(self, article):
        self.article = article
        self.text = article.text
        self.published = article.published
        self.language = article.language
        self.actors = article.actor_matcher
        self.doc = article.doc
        self.mentions = article.actor_mentions
        self.mention_starts = [m.span.start for m in self.mentions]
        self.dates = article.date_mentions

    def word_at(self, offset):
        """Return the index of the word holding (or starting after) character `offset`."""
        return self.article.word_at(offset)

    def mention_at(self, word_index):
        """Return the actor mention that starts in word `word_index`, or None."""
        if not 0 <= word_index < len(self.doc):
            return None
        word = self.doc.words[word_index]
        position = bisect.bisect_left(self.mention_starts, word.start)
        if position < len(self.mentions) and self.mentions[position].span.start < word.end:
            return self.mentions[position]
        return None

    def mention_ending_at(self, word_index):
        """Return the actor mention whose last word is `word_index`, or None."""
        if not 0 <= word_index < len(self.doc):
            return None
        word = self.doc.words[word_index]
        position = bisect.bisect_right(self.mention_starts, word.end) - 1
        while position >= 0:
            mention = self.mentions[position]
            if mention.span.end <= word.start:
                return None
            if word.start < mention.span.end <= word.end + 1:
                return mention
            position -= 1
        return None




def find_statements(text, published, language, actors, incidents, *, actor_mentions=None, date_mentions=None):
    """Return the statements of `text` (speaker, verb, kind, date, span, incidents), in text order.

    `actors` is the ActorMatcher; `incidents` the draft's incidents (their evidence and places link
    statements to them); `actor_mentions` and `date_mentions`, when given, are `actors.find(text,
    language)` and `find_dates(text, published, language)` already computed for the article.
    (`statements_in` reads an `article.Article` that holds them.)
    """
    article = Article(
        text, published, language, actor_matcher=actors, actor_mentions=actor_mentions, date_mentions=date_mentions
    )
    return statements_in(article, incidents)


def statements_in(article, incidents):
    """Return the statements of an analysed `article.Article`, linked to its draft `incidents`, in text order."""
    reader = _Reader(article)
    statements = []
    for sentence in _sentences(article):
        found = _sentence_statements(reader, sentence, statements)
        if not found:
            found = _continuation(reader, sentence, statements)
        if not found:
            found = _quoted_continuation(reader, sentence, statements)
            if found and statements and found[0] is statements[-1]:
                continue  # the statement before, extended over this sentence of its quotation
        statements.extend(found)
    _link_incidents(reader, statements, incidents)
    return statements
