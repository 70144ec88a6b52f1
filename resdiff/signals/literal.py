"""Lens phrases matched without compiling a regex, with the regex's exact answer.

Compiling the scanner's per-word alternations cost more than comparing a typical pair
of drafts (about a hundred regexes for the seed pair). Nearly every lens phrase is plain
words, though: letters and digits, inner hyphens ("cease-fire"), a plural "(s)". For
those, ``PhraseList.match`` walks the text as the regex of ``compiled.phrase_regex``
would - ``(?<!\\w)`` + words joined by ``\\s+``, hyphens as ``[-\\s]?``, ``s?`` +
``(?!\\w)``, first alternative in the list's order wins - so the scanner uses it until a
word has been met often enough to be worth compiling (``compiled.Scanner``).

Where case is ignored, the regex compares characters case-insensitively. The texts
matched are already lower-cased, where that comparison is plain equality for ASCII
phrases, except for four characters that ``re`` also equates with an ASCII letter
(``SPECIAL``): a text holding one of them goes to the regex.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Characters ``re.IGNORECASE`` equates with an ASCII letter or digit although they are
#: not one: dotted capital I, dotless i, long s, Kelvin sign (tests/unit/signals checks
#: the list against every code point).
SPECIAL = "\u0130\u0131\u017f\u212a"

_PLAIN_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\(s\))?\Z")

#: One word of a phrase: its hyphen-separated pieces and whether "(s)" follows.
_Word = tuple[tuple[str, ...], bool]


def plain_words(phrase: str, ignore_case: bool) -> tuple[_Word, ...] | None:
    """The words of a plain phrase (lower-cased when case is ignored), or None when the
    phrase needs the regex (raw "re:", "*", other characters)."""
    out = []
    for word in phrase.split():
        if not _PLAIN_WORD.match(word):
            return None
        plural = word.endswith("(s)")
        if plural:
            word = word[:-3]
        if ignore_case:
            word = word.lower()
        out.append((tuple(word.split("-")), plural))
    return tuple(out) if out else None


class PhraseList:
    """Plain phrases tried in order at one position, as one alternation would be."""

    __slots__ = ("phrases",)

    def __init__(self, phrases: Sequence[tuple[_Word, ...]]) -> None:
        self.phrases = tuple(phrases)

    def match(self, text: str, pos: int) -> tuple[int, int] | None:
        """(end, index in the list) of the first phrase matching at ``pos``, or None."""
        if pos and _is_word(text[pos - 1]):
            return None
        for k, words in enumerate(self.phrases):
            end = _match(words, text, pos)
            if end >= 0:
                return end, k
        return None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _match(words: tuple[_Word, ...], text: str, i: int) -> int:
    """End of ``words`` matched at ``i``, or -1. No backtracking is needed: every
    optional part is followed by a letter or digit it cannot be."""
    n = len(text)
    for w, (pieces, plural) in enumerate(words):
        if w:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j == i:
                return -1
            i = j
        for p, piece in enumerate(pieces):
            if p and i < n and (text[i] == "-" or text[i].isspace()):
                i += 1
            if not text.startswith(piece, i):
                return -1
            i += len(piece)
        if plural and i < n and text[i] == "s":
            i += 1
    if i < n and _is_word(text[i]):
        return -1
    return i
