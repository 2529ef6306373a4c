"""Turn what an editor gives (an uploaded file or pasted text) into clean article text.

Pure Python, no Django. Every refusal is an `IntakeError` whose message is written for the editor and
is shown as it is (form error, or stderr of `import_article`). The text this module returns is what
Source.text stores, so extraction offsets point into it.
"""
import re
import unicodedata
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import PurePath

import dateparser

# Real news articles are far under 100 kB, and a saved page with its markup a few hundred kB; a larger
# file is not one article, and extracting it would take longer than an editor should wait.
MAX_BYTES = 512 * 1024
EXTENSIONS = (".txt", ".html", ".htm", ".md")
HTML_EXTENSIONS = (".html", ".htm")
EXPECTED_FILES = ".txt, .html or .md"


class IntakeError(ValueError):
    """Input the import refuses; the message is meant for the editor.

    The message is `template % params`. A caller that speaks the editor's language translates the
    template, and the params named in `phrases` (intake's own words, such as "a PDF document"); the
    other params are values from the input or settings and stay as they are.
    """

    def __init__(self, template, *, phrases=(), **params):
        self.template, self.params, self.phrases = template, params, tuple(phrases)
        super().__init__(template % params if params else template)


# --- Files -------------------------------------------------------------------------------------

# Leading bytes of the files editors upload by mistake, and what to call them.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or a Word/OpenDocument file, which is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
)
# Bytes that are control characters in UTF-8 and Windows-1256 alike (tab, newlines, form feed excepted).
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | {0x0B} | frozenset(range(0x0E, 0x20)) | {0x7F}
_MAX_CONTROL_SHARE = 0.01
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_upload(data, filename):
    """Return the text of an uploaded article file, or raise IntakeError saying why it cannot be read."""
    if len(data) > MAX_BYTES:
        raise IntakeError("The file is larger than the 512 kB limit; upload the article text alone.")
    if not data.strip():
        raise IntakeError("The file is empty.")
    looks_like = _looks_like(data)
    if looks_like:
        raise IntakeError(
            "This file looks like %(kind)s, not text. Save the article as %(expected)s and upload that.",
            kind=looks_like,
            expected=EXPECTED_FILES,
            phrases=["kind"],
        )
    extension = PurePath(filename or "").suffix.lower()
    if extension not in EXTENSIONS:
        if extension:
            raise IntakeError(
                "“%(extension)s” files cannot be imported; upload a %(expected)s file.",
                extension=extension,
                expected=EXPECTED_FILES,
            )
        raise IntakeError("Files without an extension cannot be imported; upload a %(expected)s file.", expected=EXPECTED_FILES)
    text = _decode(data)
    if not text.strip():
        raise IntakeError("The file is empty.")
    return text


def _looks_like(data):
    """Return what the file's leading bytes say it is ("a PDF document"), or '' for no known format."""
    for magic, description in _MAGIC:
        if data.startswith(magic):
            return description
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV sound file", b"AVI ": "an AVI video"}[data[8:12]]
    return ""


def _binary_error():
    return IntakeError(
        "This file contains binary data, not text. Upload the article as %(expected)s.", expected=EXPECTED_FILES
    )


def _decode(data):
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_text_error() from None
        if _control_share(text) > _MAX_CONTROL_SHARE or "\x00" in text:
            raise _binary_error()
        return text
    if b"\x00" in data or sum(byte in _CONTROL_BYTES for byte in data) / len(data) > _MAX_CONTROL_SHARE:
        raise _binary_error()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if _is_plausible_arabic(text):
        return text
    raise _not_text_error()


def _not_text_error():
    return IntakeError("The file is not UTF-8 or Windows-1256 text; save it as UTF-8 and try again.")


def _control_share(text):
    controls = sum(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text)
    return controls / max(len(text), 1)


def _is_arabic_letter(ch):
    return ch.isalpha() and ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"
                             or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff")


# Non-ASCII characters other than Arabic ones that a Windows-1256 Arabic page legitimately contains.
_CP1256_EXTRAS = set("\u00a0«»–—…‘’“”•\u200c\u200d\u200e\u200f×÷°")


def _is_plausible_arabic(text):
    """Return True when `text`, decoded as Windows-1256, reads as Arabic rather than mojibake."""
    if any("\x80" <= ch <= "\x9f" or ch == "\ufffd" for ch in text):
        return False
    non_ascii = [ch for ch in text if not ch.isascii()]
    if not non_ascii:
        return False
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in non_ascii)
    if (arabic + sum(ch in _CP1256_EXTRAS for ch in non_ascii)) / len(non_ascii) < 0.95:
        return False  # French letters and symbols Windows-1256 also has: another legacy encoding
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(map(_is_arabic_letter, letters)) / len(letters) >= 0.5


def text_from_upload(data, filename):
    """Return the clean article text of an uploaded .txt, .html or .md file."""
    text = decode_upload(data, filename)
    extension = PurePath(filename).suffix.lower()
    if extension in HTML_EXTENSIONS:
        text = html_to_text(text)
    elif extension == ".md":
        text = markdown_to_text(text)
    return normalize_text(text)


def paste_too_large():
    """Return the error of a paste over MAX_BYTES (also for one too large for the request to be read)."""
    return IntakeError("The text is larger than the 512 kB limit; paste the article text alone.")


def text_from_paste(text):
    """Return the clean article text of text pasted into the import form."""
    if len((text or "").encode("utf-8", errors="surrogatepass")) > MAX_BYTES:
        raise paste_too_large()
    return normalize_text(text or "")


# --- HTML -------------------------------------------------------------------------------------

# Elements that never hold article text.
_DROP_TAGS = frozenset(
    "script style nav header footer aside form figure figcaption noscript iframe button head title svg "
    "template select textarea object embed canvas video audio picture map dialog".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK_TAGS = frozenset(
    "address article blockquote body dd details div dl dt fieldset h1 h2 h3 h4 h5 h6 hr html li main ol "
    "p pre section summary table tbody td tfoot th thead tr ul".split()
)
_DROP_ROLES = frozenset("navigation banner contentinfo complementary search dialog alert menu menubar".split())
# Class/id words that mark page chrome. Whole words ("ad" in "ad-slot", not in "head"), or prefixes.
_CHROME_WORDS = frozenset(
    "ad ads nav navbar menu header footer tags tag caption byline author sidebar breadcrumb breadcrumbs "
    "logo brand branding masthead popup modal toolbar pagination pager".split()
)
_CHROME_PREFIXES = (
    "share", "sharing", "social", "related", "comment", "newsletter", "breadcrumb", "navigation", "advert",
    "adsbygoogle", "sponsor", "promo", "cookie", "consent", "gdpr", "subscribe", "subscription", "signup",
    "mostread", "trending", "recommend", "outbrain", "taboola", "sitename",
)
_CHROME_NAMES = (
    "most-read", "most_read", "site-name", "site_name", "site-title", "site_title", "read-more", "read-also",
)
# Elements that hold the article itself are never dropped for their class ("post has-comments").
_NEVER_CHROME = frozenset({"html", "body", "main", "article"})
_WORDS = re.compile(r"[a-z0-9]+")


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs=None, parent=None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children = []  # _Node or str
        self.parent = parent

    def iter(self):
        """Yield this node and every element below it, depth first (with a stack of our own: nested
        generators would pass each element up through every level of a deeply nested page)."""
        pending = [self]
        while pending:
            node = pending.pop()
            yield node
            pending.extend(child for child in reversed(node.children) if isinstance(child, _Node))


# Tags whose start closes an open <p>, as in browsers ("<p>one<p>two" is two paragraphs).
_CLOSES_P = frozenset(
    "address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr main menu nav ol p pre section table ul".split()
)
# Deeper elements are flattened into their ancestor at this depth, so that hostile nesting cannot exhaust
# the recursion limit; real pages stay far below it.
_MAX_DEPTH = 150


class _TreeBuilder(HTMLParser):
    """Build a forgiving element tree: unknown end tags are ignored, unclosed ones close with their parent."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if self.stack[-1].tag == "p" and tag in _CLOSES_P:
            self.stack.pop()
        if tag == "li":
            self._close_open("li", stop_at=("ul", "ol"))
        node = _Node(tag, {name: value or "" for name, value in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID_TAGS and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def _close_open(self, tag, stop_at):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag in stop_at:
                return
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def html_to_text(html):
    """Return the article text of an HTML page: headline and paragraphs, one per line, without page chrome."""
    builder = _TreeBuilder()
    builder.feed(_without_unclosed_markup(html))
    builder.close()
    root = builder.root
    chars = _paragraph_chars(root)
    _prune(root, chars[id(root)], chars)
    main = _main_element(root, _paragraph_chars(root))
    lines = []
    headline = _headline_outside(root, main)
    if headline is not None:
        _render(headline, lines)
    _render(main, lines)
    lines = ("".join(line) for line in lines)
    return "\n".join(line for line in (_clean_line(line) for line in lines) if line and not _is_chrome_line(line))


def _without_unclosed_markup(html):
    """Return `html` with the "<" of markup that never closes written as text ("&lt;").

    HTMLParser reads an unclosed tag or comment as text up to the next "<", after searching the rest of
    the page for its end; "<a " or "<!--" repeated made it search again from each one, in time square
    in the page's size. Markup after the last ">" (a comment after the last "-->") cannot close.
    """
    last_close = html.rfind(">") + 1
    html = html[:last_close] + html[last_close:].replace("<", "&lt;")
    last_comment_close = html.rfind("-->") + 3 if "-->" in html else 0
    html = html[:last_comment_close] + html[last_comment_close:].replace("<!--", "&lt;!--")
    # HTMLParser raises AssertionError on "<![" without a name after it ("<![ 1 ]>"): it is text.
    return _NAMELESS_MARKED_SECTION.sub("&lt;![", html)


_NAMELESS_MARKED_SECTION = re.compile(r"<!\[(?![a-zA-Z])")


def _text_of(node):
    return "".join(child if isinstance(child, str) else _text_of(child) for child in node.children)


def _paragraph_chars(root):
    """Return, for each element below `root` (by id) and `root` itself, how many non-blank characters
    its <p> elements hold; one pass over the tree, so that asking it of every element stays linear."""
    chars = {}

    def count(node):
        """Return the non-blank characters of `node`'s text; fill in its paragraph characters."""
        text, paragraphs = 0, 0
        for child in node.children:
            if isinstance(child, str):
                text += len("".join(child.split()))
            else:
                text += count(child)
                paragraphs += chars[id(child)]
        chars[id(node)] = paragraphs + (text if node.tag == "p" else 0)
        return text

    count(root)
    return chars


def _is_hidden(node):
    attrs = node.attrs
    style = attrs.get("style", "").replace(" ", "").lower()
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
        or attrs.get("role", "").lower() in _DROP_ROLES
    )


def _is_chrome_class(node):
    names = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    words = _WORDS.findall(names)
    return any(word in _CHROME_WORDS or word.startswith(_CHROME_PREFIXES) for word in words) or any(
        name.startswith(_CHROME_NAMES) for name in names.split()
    )


def _is_chrome(node, total, chars):
    if node.tag in _DROP_TAGS or _is_hidden(node):
        return True
    if node.tag in _NEVER_CHROME or not _is_chrome_class(node):
        return False
    # A wrapper whose class merely mentions chrome ("layout with-sidebar") still holds the article.
    return not total or chars[id(node)] < total / 2


def _prune(node, total, chars):
    """Remove chrome below `node` in place, keeping any headline (h1) the chrome wrapped."""
    kept = []
    for child in node.children:
        if isinstance(child, str):
            kept.append(child)
        elif child.tag == "h1" and not _is_hidden(child) and not _is_chrome_class(child):
            _prune(child, total, chars)
            kept.append(child)
        elif _is_chrome(child, total, chars):
            kept.extend(h1 for h1 in child.iter() if h1.tag == "h1" and not _is_hidden(h1) and not _is_chrome_class(h1))
        else:
            _prune(child, total, chars)
            kept.append(child)
    node.children = kept


def _main_element(root, chars):
    """Return the element holding the article: the <article> with most paragraph text, else the
    smallest element (a container, not one paragraph) holding nearly all of it, else the whole page."""
    total = chars[id(root)]
    if not total:
        return root
    articles = [node for node in root.iter() if node.tag == "article"]
    if articles:
        best = max(articles, key=lambda node: chars[id(node)])
        if chars[id(best)] >= total / 2:
            return best
    node = root
    while True:
        holder = next(
            (
                child
                for child in node.children
                if isinstance(child, _Node) and child.tag != "p" and chars[id(child)] >= 0.8 * total
            ),
            None,
        )
        if holder is None:
            return node
        node = holder


def _headline_outside(root, main):
    """Return the page's headline when the article element lacks one: the last h1 before the article
    (a site's name, if it is an h1, comes first), else the first after it; None if there is no h1."""
    if any(node.tag == "h1" for node in main.iter()):
        return None
    inside = {id(node) for node in main.iter()}
    before, after, seen_main = [], [], False
    for node in root.iter():
        if node is main:
            seen_main = True
        elif node.tag == "h1" and id(node) not in inside and "".join(_text_of(node).split()):
            (after if seen_main else before).append(node)
    if before:
        return before[-1]
    return after[0] if after else None


def _render(node, lines):
    """Append the text of `node` to `lines`, one line (a list of pieces) per block element."""
    if not lines:
        lines.append([])
    for child in node.children:
        if isinstance(child, str):
            lines[-1].append(child)
        elif child.tag == "br":
            lines.append([])
        elif child.tag in ("td", "th"):
            lines[-1].append(" ")
            _render(child, lines)
            lines[-1].append(" ")
        elif child.tag in _BLOCK_TAGS:
            lines.append([])
            _render(child, lines)
            lines.append([])
        elif child.tag == "img":
            continue
        else:
            _render(child, lines)


def _clean_line(line):
    return " ".join(line.split())


# Lines that are page chrome when they stand alone or start a short line ("Read more: …").
_CHROME_LINES = re.compile(
    r"^(?:share(?: this(?: article| story)?)?(?: on \w+)?|tweet|print|email|copy link|"
    r"follow us\b.*|subscribe\b.*|sign up\b.*|read more\b.*|read also\b.*|see also\b.*|"
    r"related(?: (?:articles?|stories|news|coverage|content|topics))?(?::.*)?|more on this\b.*|"
    r"advertisement|sponsored|skip to (?:main )?content|back to top|home|tags?(?::.*)?|"
    r"شارك(?:وا)?(?: الخبر| المقال| على \S+)?|مشاركة|طباعة|نسخ الرابط|تابعونا\b.*|تابعنا\b.*|تابعوا\b.*|"
    r"[اإ]قر[أا] (?:[أا]يض(?:ا|اً|ًا)|المزيد)\b.*|المزيد|[إا]علان|مواضيع ذات صلة|[أا]خبار ذات صلة|ذات صلة|"
    r"الكلمات المفتاحية.*|وسوم:?.*|اشترك\b.*|الرئيسية)$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|جميع الحقوق محفوظة|حقوق النشر|"
    r"\bcookies?\b|ملفات تعريف الارتباط|الكوكيز",
    re.IGNORECASE,
)
_MAX_CHROME_LINE = 160


def _is_chrome_line(line):
    if len(line) > _MAX_CHROME_LINE:
        return False
    bare = line.strip(" \t:|-–—•·»«>›")
    return bool(_CHROME_LINES.match(bare) or _COPYRIGHT.search(bare) or not any(ch.isalnum() for ch in bare))


# --- Markdown ---------------------------------------------------------------------------------

# Every inline pattern here is linear in the text it reads: a span (link text, emphasis) may hold
# neither a newline nor the character that opens the next span, so a failed attempt stops where the next
# attempt starts instead of rescanning to the end ("**a " or "[" repeated took time in the square of
# their size). Since no inline span crosses a line, they run once over all lines joined.
_MD_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_MD_QUOTE = re.compile(r"^\s*(>\s?)+")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s+\S+.*$")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)|!\[[^\[\]\n]*\]\[[^\[\]\n]*\]")
_MD_LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\([^()\n]*\)|\[(?P<text2>[^\[\]\n]+)\]\[[^\[\]\n]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_MD_RAW_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_MD_RAW_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}
_MD_TAG = re.compile(r"</?[a-zA-Z][^<>\n]*>")
_MD_EMPHASIS = (
    re.compile(r"(?P<mark>\*\*|__)(?=\S)(?P<text>(?:[^*_\n]|(?P<single>[*_])(?!(?P=single)))+?)(?<=\S)(?P=mark)"),
    re.compile(r"(?<![\w*])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w])_(?=\S)(?P<text>(?:[^_\n]|(?<=\w)_(?=\w))+?)(?<=\S)_(?![\w])"),
    re.compile(r"~~(?=\S)(?P<text>(?:[^~\n]|~(?!~))+?)(?<=\S)~~"),
    re.compile(r"`(?P<text>[^`\n]+)`"),
)


def markdown_to_text(markdown):
    """Return the text of a Markdown article: markup stripped, images dropped, one paragraph per line."""
    markdown = _MD_FRONT_MATTER.sub("", markdown.replace("\r\n", "\n").replace("\r", "\n"))
    markdown = _drop_raw_blocks(markdown)
    lines, sizes, current = [], [], 0  # the article's lines; how many lines each paragraph has

    def flush():
        nonlocal current
        if current:
            sizes.append(current)
            current = 0

    for raw in markdown.split("\n"):
        if _MD_FENCE.match(raw) or _MD_REF_DEFINITION.match(raw):
            continue
        if not raw.strip() or _is_md_rule(raw):
            flush()
            continue
        heading = _MD_HEADING.match(raw)
        line = _MD_QUOTE.sub("", raw)
        if heading or _MD_LIST.match(line):
            flush()
            lines.append(_heading_text(heading.group(1)) if heading else _MD_LIST.sub("", line, count=1))
            current = 1
            flush()
        else:
            lines.append(line)
            current += 1
    flush()
    lines = iter(_md_inline("\n".join(lines)).split("\n"))
    paragraphs = (" ".join(" ".join(next(lines) for _ in range(size)).split()) for size in sizes)
    return "\n".join(paragraph for paragraph in paragraphs if paragraph)


def _drop_raw_blocks(markdown):
    """Return `markdown` without its <script> and <style> blocks, scanning it once."""
    kept, position, unclosed = [], 0, set()
    for opening in _MD_RAW_OPEN.finditer(markdown):
        tag = opening.group(1).lower()
        if opening.start() < position or tag in unclosed:
            continue
        closing = _MD_RAW_CLOSE[tag].search(markdown, opening.end())
        if closing is None:
            unclosed.add(tag)  # no later block of this tag closes either
            continue
        kept.append(markdown[position:opening.start()])
        position = closing.end()
    kept.append(markdown[position:])
    return "".join(kept)


def _is_md_rule(line):
    """Return True for a thematic break: three or more of one of - * _ = and nothing else but spaces."""
    marks = "".join(line.split())
    return len(marks) >= 3 and marks[0] in "-*_=" and marks == marks[0] * len(marks)


def _heading_text(text):
    """Return a heading's text without its closing hashes ("Title ##")."""
    text = text.rstrip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1].isspace()):
        text = bare.rstrip()
    return text


def _md_inline(text):
    """Return `text` without inline Markdown (images, links, tags, emphasis); its newlines stay."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group("text") or m.group("text2"), text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_TAG.sub("", text)
    for pattern in _MD_EMPHASIS:
        text = pattern.sub(r"\g<text>", text)
    return text


# --- Text ------------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_ZWNJ_OUTSIDE_WORD = re.compile(r"(?<!\w)\u200c|\u200c(?!\w)")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def _is_kept(ch):
    """Return False for control and invisible format characters: zero-width spaces and joiners, BIDI
    embeddings, overrides and isolates (which can hide or reorder text), soft hyphens, tag characters.
    Arabic's own format characters (number signs) and ZWNJ stay."""
    category = unicodedata.category(ch)
    if category == "Cc":
        return ch in "\n\t"
    return category != "Cf" or ch == "\u200c" or "\u0600" <= ch <= "\u08ff" and ch != "\u061c"


def normalize_text(text):
    """Return `text` in NFC with unified newlines, without invisible controls or trailing spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = _LINE_BREAKS.sub("\n", text)
    # ZWNJ shapes Persian and Kurdish words (and names quoted from them): keep it between letters only.
    text = _ZWNJ_OUTSIDE_WORD.sub("", text)
    text = "".join(ch for ch in text if _is_kept(ch))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    if not text.strip():
        raise IntakeError("The article text is empty.")
    return text


# Letters of Kurdish (Sorani) that Arabic does not use.
_KURDISH_LETTERS = frozenset("ەێۆڕڵڤ")
# Short English words that every English article is full of, and French, Spanish or German ones are not.
_ENGLISH_WORDS = frozenset("the of and to in is was were on for with that by from at has have said".split())
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def detect_language(text):
    """Return 'ar' or 'en' for the language of `text`, or raise IntakeError if it is neither."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise IntakeError("The article text has no words, only numbers or punctuation.")
    arabic = [ch for ch in letters if _is_arabic_letter(ch)]
    latin = sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters)
    if len(arabic) >= len(letters) / 2:
        if sum(ch in _KURDISH_LETTERS for ch in arabic) > 0.02 * len(arabic):
            raise IntakeError("The article looks like Kurdish, not Arabic; Marsad imports Arabic or English articles.")
        return "ar"
    if latin >= len(letters) / 2:
        words = [word.lower() for word in _LATIN_WORD.findall(text)]
        if len(words) < 30 or sum(word in _ENGLISH_WORDS for word in words) >= 0.05 * len(words):
            return "en"
    raise IntakeError("The article is neither Arabic nor English; Marsad imports articles in those two languages.")


# --- Publication date -------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
# Iraqi and Levantine month names, which dateparser's Arabic does not know, as the Egyptian/Gulf ones it does.
_LEVANTINE_MONTHS = (
    ("كانون الثاني", "يناير"), ("كانون الأول", "ديسمبر"), ("كانون الاول", "ديسمبر"),
    ("تشرين الثاني", "نوفمبر"), ("تشرين الأول", "أكتوبر"), ("تشرين الاول", "أكتوبر"),
    ("شباط", "فبراير"), ("آذار", "مارس"), ("اذار", "مارس"), ("نيسان", "أبريل"), ("أيار", "مايو"),
    ("ايار", "مايو"), ("حزيران", "يونيو"), ("تموز", "يوليو"), ("آب", "أغسطس"), ("اب", "أغسطس"),
    ("أيلول", "سبتمبر"), ("ايلول", "سبتمبر"),
)
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],  # a publication date is never "yesterday"
}


def parse_published(value, today):
    """Return the publication date `value` gives (a date, ISO text or a common written form).

    Raise IntakeError when it is missing, unreadable or after `today`.
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        published = value
    else:
        text = " ".join(str(value or "").split())
        if not text:
            raise IntakeError("Give the publication date: relative dates such as 'yesterday' depend on it.")
        published = _parse_date_text(text)
        if published is None:
            raise IntakeError("“%(value)s” is not a date; use YYYY-MM-DD.", value=text)
    if published > today:
        raise IntakeError("The publication date %(date)s is in the future.", date=published.isoformat())
    return published


def _parse_date_text(text):
    if _ISO_DATE.match(text):
        year, month, day = map(int, text.split("-"))
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for levantine, standard in _LEVANTINE_MONTHS:
        text = re.sub(rf"(?<!\w){levantine}(?!\w)", standard, text)
    parsed = dateparser.parse(text, languages=["en", "ar"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None
