"""Find reference names (places, actors) in text: words with keys, an index by first word, longest match.

The place and actor matchers share this core; each adds its own rules about which matches to keep.
"""
import re
from collections import defaultdict
from dataclasses import dataclass

from .normalize import is_arabic, readings, token_key, tokens

# Punctuation that ends a clause: a name never runs across it. Quotes, hyphens and slashes do not
# count, so “موالية لإيران” and al-Asad still match.
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]{}\n،؛؟…]")
_SENTENCE_BREAK = re.compile(r"[.!?\n؟]")
# A full stop after these is an abbreviation ("Maj. Gen. Pat Ryder"), not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "gen maj brig lt col capt sgt adm dr mr mrs ms gov sen rep st jr sr no mt ft".split()
)


@dataclass(frozen=True)
class Word:
    """One word of the text, with what matching needs to know about it."""

    text: str
    start: int
    end: int
    key: str
    readings: tuple
    sentence: int
    break_before: bool  # clause punctuation between this word and the previous one

    @property
    def keys(self):
        """Return the keys of every reading of the word (itself, without clitics, without 's)."""
        return {reading.key for reading in self.readings}


class Doc:
    """A text split into words, each with its key, readings, sentence number and clause break."""

    def __init__(self, text):
        self.text = text
        self.words = self._split(text)

    def __len__(self):
        return len(self.words)

    def _split(self, text):
        """Return the words of `text` with the breaks between them."""
        words, sentence, previous_end, previous = [], 0, 0, None
        for token, start, end in tokens(text):
            gap = text[previous_end:start]
            soft_stop = previous is not None and _is_abbreviation(previous, gap)
            clause_break = bool(_CLAUSE_BREAK.search(gap)) and not soft_stop
            if previous is not None and _SENTENCE_BREAK.search(gap) and not soft_stop:
                sentence += 1
            words.append(Word(token, start, end, token_key(token), readings(token), sentence, clause_break))
            previous_end, previous = end, token
        return words

    def gap_after(self, index):
        """Return the text between word `index` and the next word (or the end of the text)."""
        end = self.words[index + 1].start if index + 1 < len(self.words) else len(self.text)
        return self.text[self.words[index].end : end]

    def key(self, index):
        """Return the key of word `index`, or "" outside the text."""
        return self.words[index].key if 0 <= index < len(self.words) else ""

    def keys(self, index):
        """Return the keys of every reading of word `index` (empty outside the text)."""
        return self.words[index].keys if 0 <= index < len(self.words) else set()

    def joined(self, first, last):
        """Return True if words first..last-1 have no clause break between them."""
        return all(not self.words[i].break_before for i in range(first + 1, last))


def _is_abbreviation(word, gap):
    """Return True if the full stop in `gap` closes an abbreviation or an initial."""
    if not gap.startswith(".") or _CLAUSE_BREAK.search(gap[1:]):
        return False
    return word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


@dataclass(frozen=True)
class Name:
    """A name of a reference entry, as keys, with the case its Latin words must have in the text."""

    written: str
    words: tuple  # the written words, as tokens
    keys: tuple
    cases: tuple  # per word: "" any case, "upper" an acronym, "title" capitalised
    entry: object


@dataclass(frozen=True)
class Match:
    """Words first..last-1 of a Doc spell `names` (several entries may share one name)."""

    first: int
    last: int
    start: int
    end: int
    names: tuple
    clitics: str = ""  # proclitics cut off the first word, e.g. "وب"

    @property
    def size(self):
        return self.last - self.first

    @property
    def entries(self):
        """Return the distinct entries of the names, in order."""
        return list(dict.fromkeys(name.entry for name in self.names))

    def overlaps(self, other):
        return self.first < other.last and other.first < self.last


def name_variants(written):
    """Return a reference name and, for "A (B)", also A and B: "ISIS (Islamic State)" → ISIS, Islamic State."""
    variants = [written]
    outside, _, rest = written.partition("(")
    inside, closed, _ = rest.partition(")")
    if closed and outside.strip() and inside.strip():
        variants += [outside.strip(), inside.strip()]
    return variants


def name_of(written, entry, cases=None):
    """Return a Name for `written`, or None if it has no words; `cases` computes the case rules."""
    words = [token for token, _, _ in tokens(written)]
    keys = tuple(token_key(word) for word in words)
    if not words or not all(keys):
        return None
    return Name(written, tuple(words), keys, tuple(cases(words)) if cases else ("",) * len(words), entry)


def acronym_cases(words):
    """Return "upper" for acronyms (US, IS, DoD), so that "us" and "is" do not match them."""
    return tuple("upper" if _is_acronym(word) else "" for word in words)


def _is_acronym(word):
    return not is_arabic(word) and (sum(ch.isupper() for ch in word) >= 2 or (len(word) <= 3 and word.isupper()))


class NameIndex:
    """Names indexed by the key of their first word; `find` returns every match in a Doc."""

    def __init__(self):
        self._groups = defaultdict(dict)  # first key → {keys → [Name]}
        self._frozen = None
        self.single_word_keys = set()

    def add(self, name):
        """Add a Name (None is ignored)."""
        if name is None:
            return
        self._groups[name.keys[0]].setdefault(name.keys, []).append(name)
        if len(name.keys) == 1:
            self.single_word_keys.add(name.keys[0])
        self._frozen = None

    def _by_first(self):
        """Return first key → [(keys, names)], longest names first."""
        if self._frozen is None:
            self._frozen = {
                first: sorted(((keys, tuple(names)) for keys, names in groups.items()), key=lambda g: -len(g[0]))
                for first, groups in self._groups.items()
            }
        return self._frozen

    def find(self, doc, protected=frozenset()):
        """Return every match in `doc`; a word that is itself a name (or `protected`) keeps its clitics."""
        by_first = self._by_first()
        matches = []
        for index, word in enumerate(doc.words):
            whole_is_name = word.key in self.single_word_keys or word.key in protected
            for reading in word.readings:
                if reading.clitics and whole_is_name:
                    break
                for keys, names in by_first.get(reading.key, ()):
                    match = self._match(doc, index, reading, keys, names)
                    if match:
                        matches.append(match)
        return matches

    def _match(self, doc, index, reading, keys, names):
        """Return the Match of `keys` at word `index` read as `reading`, or None."""
        last = index + len(keys)
        if last > len(doc.words) or not doc.joined(index, last):
            return None
        end = doc.words[index].start + reading.end if len(keys) == 1 else None
        for offset in range(1, len(keys)):
            word = doc.words[index + offset]
            if word.key == keys[offset]:
                continue
            tail = word.readings[-1]
            if offset == len(keys) - 1 and not is_arabic(word.text) and tail.key == keys[offset]:
                end = word.start + tail.end  # English possessive on the last word: "Ain al-Asad's"
                continue
            return None
        start = doc.words[index].start + reading.start
        end = end if end is not None else doc.words[last - 1].end
        kept = tuple(name for name in names if _case_fits(doc, index, reading, name))
        return Match(index, last, start, end, kept, reading.clitics) if kept else None


def _case_fits(doc, index, reading, name):
    """Return True if the Latin words of the text have the case the name asks for."""
    for offset, rule in enumerate(name.cases):
        if not rule:
            continue
        text = doc.words[index + offset].text
        if offset == 0:
            text = text[reading.start : reading.end]
        letters = [ch for ch in text if ch.isalpha()]
        if not letters:
            continue
        if rule == "upper" and any(ch.islower() for ch in letters) and text != name.words[offset]:
            return False
        if rule == "title" and not letters[0].isupper():
            return False
    return True


def longest_first(matches):
    """Return non-overlapping matches, preferring more words, then more characters, then earlier.

    The tokens already taken are kept in a set, so that a text naming thousands of places costs each
    match the length of its name rather than a comparison with every match chosen before it.
    """
    chosen, taken = [], set()
    for match in sorted(matches, key=lambda m: (-m.size, -(m.end - m.start), m.start)):
        tokens = range(match.first, match.last)
        if tokens and taken.isdisjoint(tokens) or not tokens and not any(match.overlaps(other) for other in chosen):
            chosen.append(match)
            taken.update(tokens)
    return sorted(chosen, key=lambda m: m.start)
