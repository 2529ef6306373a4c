"""The sentences that can hold a statement: the body, without headline, standfirst and subheads.
"""

from ..types import Span
from .words import _SUBHEAD_WORDS, _TERMINAL


def _sentences(article):
    """Return the sentence spans of the body: no headline (first line without final stop), no subheads."""
    text = article.text
    spans = []
    first_line_end = text.find("\n")
    top_end = _top_matter_end(text)
    for start, end in article.line_sentences:
        body = text[start:end].strip()
        if not body:
            continue
        if start < top_end:
            continue  # headline and standfirst: the lines before the first one that ends a sentence
        if not _TERMINAL.search(body):
            if start < first_line_end or first_line_end < 0 and start == 0:
                continue  # the headline repeats the body
            if len(body.split()) <= _SUBHEAD_WORDS:
                continue  # a subhead or dateline
        spans.append(Span(start, start + len(text[start:end].rstrip())))
    return spans


def _top_matter_end(text):
    """Return where the body starts: after the headline and standfirst lines that end without a full stop.

    "«كتائب حزب الله» تعلن تعليق عملياتها ضد القوات الأميركية... و«النجباء» تتمسك بمواصلتها" is one
    headline despite its "...". A text of one line has no top matter.
    """
    if "\n" not in text.strip():
        return 0
    position = 0
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end].strip()
        if line and _TERMINAL.search(line):
            return position
        position = line_end + 1
    return 0


def _paragraph_of(text, offset):
    return text.count("\n", 0, offset)
