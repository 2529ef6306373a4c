"""One analysed article, built once and handed to every finder, as spaCy hands its Doc. Pure: no ORM.

`Article.analyse` reads the text once for what every finder needs: the words (`lexicon.Doc`: keys, readings,
clause breaks), the folded text with its offsets (`normalize.fold_with_offsets`), the places and actors the
matchers find, the date expressions (`dates.find_dates`), the sentences, and the casualty figures of each
sentence (`numbers.find_casualties`). Each is computed on first use and then kept, so a finder asks the
Article instead of finding the same thing again.

    article = Article.analyse(text, published, language, place_matcher, actor_matcher)
    incidents = events.incidents_in(article)
    statements = statements.statements_in(article, incidents)

Offsets are always offsets into `text` (what Source.text stores); `folded` is the text as the rules match
it (diacritics and tatweel dropped, letters unified, lower case), and `span(folded_start, folded_end)` maps a
stretch of it back to the text.
"""
import bisect
from datetime import date
from functools import cached_property

from .dates import find_dates, sentence_span
from .lexicon import Doc
from .normalize import fold_with_offsets, source_span
from .numbers import find_casualties


class Article:
    """The text of one article with everything found in it once: words, folded text, places, actors, dates,
    sentences and figures."""

    def __init__(self, text: str, published: date, language: str, *, place_matcher=None, actor_matcher=None,
                 place_mentions=None, actor_mentions=None, date_mentions=None):
        self.text, self.published, self.language = text, published, language
        self.place_matcher, self.actor_matcher = place_matcher, actor_matcher
        if place_mentions is not None:
            self.place_mentions = list(place_mentions)
        if actor_mentions is not None:
            self.actor_mentions = sorted(actor_mentions, key=lambda mention: mention.span.start)
        if date_mentions is not None:
            self.date_mentions = list(date_mentions)
        self._figures = {}

    @classmethod
    def analyse(cls, text, published, language, place_matcher, actor_matcher):
        """Return the Article of `text`, its places, actors and dates found now (each finder reads them)."""
        article = cls(text, published, language, place_matcher=place_matcher, actor_matcher=actor_matcher)
        _ = article.place_mentions, article.actor_mentions, article.date_mentions  # found now, once each
        return article

    # --- What is found in the text, once ----------------------------------------------------------

    @cached_property
    def doc(self):
        """The words of the text (`lexicon.Doc`), shared by the matchers and the statement finder."""
        return Doc(self.text)

    @cached_property
    def _folding(self):
        return fold_with_offsets(self.text)

    @property
    def folded(self):
        """The text folded for matching (`normalize.fold`)."""
        return self._folding[0]

    @property
    def origins(self):
        """For each character of `folded`, its offset in `text`."""
        return self._folding[1]

    @cached_property
    def place_mentions(self):
        """The gazetteer places the text names (`PlaceMatcher.find`), in order."""
        return self.place_matcher.find(self.text, self.language, doc=self.doc) if self.place_matcher else []

    @cached_property
    def actor_mentions(self):
        """The actors the text names or describes (`ActorMatcher.find`), in order."""
        return self.actor_matcher.find(self.text, self.language, doc=self.doc) if self.actor_matcher else []

    @cached_property
    def date_mentions(self):
        """The date expressions of the text resolved against the publication date (`dates.find_dates`)."""
        return find_dates(self.text, self.published, self.language, folding=self._folding)

    @cached_property
    def sentences(self):
        """The non-blank sentences of the whole text, as `dates.sentence_span` cuts them (the end includes the
        stop or line break)."""
        spans, position = [], 0
        while position < len(self.text):
            span = sentence_span(self.text, position)
            if span.end <= position:
                break
            position = span.end
            if span.text(self.text).strip():
                spans.append(span)
        return spans

    @cached_property
    def line_sentences(self):
        """(start, end) of every sentence, each line cut on its own by `dates.sentence_span` (blank ones too).

        Sentences never cross a line break, so cutting each line on its own keeps the work linear in the
        number of lines rather than quadratic in the length of the text. (The statement finder reads these;
        their ends differ from `sentences` by the trailing stop or line break.)
        """
        bounds, text, line_start = [], self.text, 0
        while line_start <= len(text):
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            position = 0
            while position < len(line):
                span = sentence_span(line, position)
                if span.end <= position:
                    break
                bounds.append((line_start + span.start, line_start + span.end))
                position = span.end
            line_start = line_end + 1
        return bounds

    def figures(self, span):
        """Return (killed, injured) of the text in `span` (`numbers.find_casualties`), read once per span."""
        key = (span.start, span.end)
        if key not in self._figures:
            self._figures[key] = find_casualties(self.text[span.start : span.end], self.language)
        return self._figures[key]

    # --- Offsets ----------------------------------------------------------------------------------

    def span(self, folded_start, folded_end):
        """Return (start, end) in `text` of folded[folded_start:folded_end]."""
        return source_span(self.origins, folded_start, folded_end, len(self.text))

    def folded_index(self, offset):
        """Return the first folded index whose source offset is >= `offset`."""
        return bisect.bisect_left(self.origins, offset)

    def folded_between(self, start, end):
        """Return the folded text of text[start:end]."""
        return self.folded[self.folded_index(start) : self.folded_index(end)]

    def word_at(self, offset):
        """Return the index of the word holding (or starting after) character `offset`."""
        starts = self._word_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and self.doc.words[index].end > offset:
            return index
        return index + 1

    @cached_property
    def _word_starts(self):
        return [word.start for word in self.doc.words]

