"""What statement finding passes around: a speaker, and one attribution (act) found in a sentence.
"""
from dataclasses import dataclass

from ..normalize import fold, token_key


def _keys(words):
    return frozenset(token_key(word) for word in words.split())


@dataclass
class _Speaker:
    """Who speaks: as the text names or describes them, their actor entry and where the text says it."""

    text: str
    entry: object
    start: int
    end: int
    resolved: bool = False  # found from an earlier mention, not named here

    @property
    def identity(self):
        return self.entry.key if self.entry is not None else fold(self.text)


@dataclass
class _Act:
    """One attribution found in a sentence, before statements are built."""

    speaker: _Speaker
    verb: str
    verb_kind: str | None
    start: int  # where the attribution starts (speaker or verb, whichever first)
    end: int  # where the attribution ends
    at_end: bool  # the attribution follows what was said
