"""Hostile article files of any size: the inputs that made intake or extraction slow.

Shared by the security tests (incidents/tests/security/test_security_intake.py) and the bench
(bench/bench_adversarial_intake.py). Each sample is a file name (its extension picks the intake path)
and a function that returns about `size` bytes of file content.
"""
from typing import Callable, NamedTuple


class Sample(NamedTuple):
    name: str
    filename: str
    make: Callable[[int], bytes]


def _repeat(unit, size):
    """Return `unit` repeated to fill `size` bytes in UTF-8 (never more)."""
    data = unit.encode("utf-8")
    return data * max(1, size // len(data))


def _nested(opening, inner, size):
    """Return `opening` repeated (never closed) around `inner`, within `size` bytes."""
    room = max(1, (size - len(inner.encode())) // len(opening.encode()))
    return (opening * room + inner).encode("utf-8")


def _list_lines(size):
    lines, used, depth = [], 0, 0
    while used < size:
        line = " " * (depth % 400) + "- the item\n"
        lines.append(line)
        used += len(line)
        depth += 2
    return "".join(lines).encode()[:size]


_SENTENCE_EN = "A rocket attack on Ain al-Asad air base in Anbar on 4 February 2024 wounded 3 US troops, officials said. "
_SENTENCE_AR = "قصفت طائرة مسيرة قاعدة عين الأسد في الأنبار يوم 4 شباط 2024 وأصيب 3 جنود، حسبما قال مسؤولون. "

SAMPLES = (
    # Markdown: emphasis, links and markup that never close.
    Sample("md '**the '", "a.md", lambda size: _repeat("**the ", size)),
    Sample("md '['", "a.md", lambda size: _repeat("[", size)),
    Sample("md '[the]('", "a.md", lambda size: _repeat("[the](", size)),
    Sample("md '!['", "a.md", lambda size: _repeat("![", size)),
    Sample("md '*the '", "a.md", lambda size: _repeat("*the ", size)),
    Sample("md '_the '", "a.md", lambda size: _repeat("_the ", size)),
    Sample("md '~~the '", "a.md", lambda size: _repeat("~~the ", size)),
    Sample("md '`the '", "a.md", lambda size: _repeat("`the ", size)),
    Sample("md '<the '", "a.md", lambda size: _repeat("<the ", size)),
    Sample("md '<http:'", "a.md", lambda size: _repeat("<http:", size)),
    Sample("md '<script>'", "a.md", lambda size: _repeat("<script>the ", size)),
    Sample("md '#' + spaces", "a.md", lambda size: ("# " + " " * size + "a").encode()[:size]),
    Sample("md nested quotes", "a.md", lambda size: _nested(">", " the", size)),
    Sample("md nested lists", "a.md", _list_lines),
    Sample("md one-word lines", "a.md", lambda size: _repeat("*the\n", size)),
    # HTML: nesting, markup that never closes, huge attributes and text nodes.
    Sample("html nested <div>", "a.html", lambda size: _nested("<div>", "the", size)),
    Sample("html nested <article><p>", "a.html", lambda size: _repeat("<article><p>the</p>", size)),
    Sample("html unclosed <b>", "a.html", lambda size: _repeat("<b>the ", size)),
    Sample("html '<a the '", "a.html", lambda size: _repeat("<a the ", size)),
    Sample("html '<!--'", "a.html", lambda size: _repeat("<!--", size)),
    Sample("html '<!['", "a.html", lambda size: _repeat("<![", size)),
    Sample("html '</a '", "a.html", lambda size: _repeat("</a ", size)),
    Sample("html huge attribute", "a.html", lambda size: ('<p class="' + "a" * size + '">x</p>').encode()[:size]),
    Sample("html entities", "a.html", lambda size: _repeat("&amp;", size)),
    Sample("html <span>s in one line", "a.html", lambda size: _repeat("<span>the </span>", size)),
    Sample("html one text node", "a.html", lambda size: ("<p>" + "the word " * (size // 9) + "</p>").encode()[:size]),
    # Plain text: no punctuation, no spaces, digits, trigger words, places, dates, quotes.
    Sample("txt one sentence", "a.txt", lambda size: _repeat("the word ", size)),
    Sample("txt no spaces", "a.txt", lambda size: b"a" * size),
    Sample("txt digits", "a.txt", lambda size: _repeat("1234567 ", size)),
    Sample("txt 'قصف '", "a.txt", lambda size: _repeat("قصف ", size)),
    Sample("txt 'rocket attack on base '", "a.txt", lambda size: _repeat("rocket attack on base ", size)),
    Sample("txt places", "a.txt", lambda size: _repeat("in Baghdad Erbil Anbar Deir ez-Zor Kirkuk ", size)),
    Sample("txt dates", "a.txt", lambda size: _repeat("on 4 February 2024, ", size)),
    Sample("txt quotes and colons", "a.txt", lambda size: _repeat('he said: "a" ', size)),
    Sample("txt news sentences (en)", "a.txt", lambda size: _repeat(_SENTENCE_EN, size)),
    Sample("txt news sentences (ar)", "a.txt", lambda size: _repeat(_SENTENCE_AR, size)),
)
