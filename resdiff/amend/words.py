"""Quoted words in one paragraph: finding them as a reader would, and changing them.

The applier and the writer share this module, so an instruction the writer emits is
checked by the very code that will apply it. Finding folds what a delegate cannot be
expected to copy exactly (curly or straight quotes, dashes, line breaks and runs of
spaces) and respects word boundaries ("the" is not found inside "them"); changing keeps
the spacing of the sentence ("delete the words “x”" leaves no double space).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from resdiff.ingest.normalize import normalize_for_matching

How = Literal["replace", "delete", "after", "before", "start", "end"]

#: Text that takes no space before it, and text that takes none after it.
CLOSERS = ",;:.)]!?”’"
OPENERS = "([“‘"


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One change of a paragraph's own text, resolved against the text as tabled.

    ``start``/``end`` is the quoted range: the words replaced or deleted, or the words
    the new ones go ``after`` or ``before`` (empty for ``start``/``end`` of the text).
    ``number`` is the instruction's, for messages.
    """

    how: How
    start: int
    end: int
    new: str = ""
    number: int = 0


class OverlapError(ValueError):
    """Two edits change the same words."""

    def __init__(self, first: WordEdit, second: WordEdit) -> None:
        super().__init__(f"instructions {first.number} and {second.number} overlap")
        self.first, self.second = first, second


def canonical(text: str) -> str:
    """Text with every run of whitespace one space: what two layouts of the same words
    share."""
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return normalize_for_matching(ch)


class _Table(dict[int, str]):
    """``str.translate`` table folding one character at a time, filled as characters are
    met; ``odd`` collects those that do not fold to exactly one character."""

    def __init__(self) -> None:
        super().__init__()
        self.odd: set[str] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = " " if ch.isspace() else ch if ch.isascii() else _fold_char(ch)
        if len(folded) != 1:
            self.odd.add(ch)
            folded = ch
        self[code] = folded
        return folded


_TABLE = _Table()
_SPACE_RUNS = re.compile(" {2,}")


@lru_cache(maxsize=2048)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` as compared (typography folded, whitespace runs one space) and, for each
    character of it, the offset in ``text`` it comes from."""
    flat = text.translate(_TABLE)
    if _TABLE.odd and not _TABLE.odd.isdisjoint(text):
        return _fold_slowly(text)
    pieces: list[str] = []
    where: list[int] = []
    at = 0
    for m in _SPACE_RUNS.finditer(flat):
        pieces.append(flat[at : m.start() + 1])
        where.extend(range(at, m.start() + 1))
        at = m.end()
    pieces.append(flat[at:])
    where.extend(range(at, len(flat)))
    return "".join(pieces), tuple(where)


def _fold_slowly(text: str) -> tuple[str, tuple[int, ...]]:
    """``fold`` for text with characters that vanish or expand when folded."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        folded = ch if ch.isascii() else _fold_char(ch)
        for c in folded:
            if c.isspace():
                if not (out and out[-1] == " "):
                    out.append(" ")
                    where.append(i)
                continue
            out.append(c)
            where.append(i)
    return "".join(out), tuple(where)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find(text: str, words: str) -> list[tuple[int, int]]:
    """Every place ``words`` occurs in ``text`` on word boundaries, as ranges of
    ``text``; matched with case first, and without it only if that finds nothing."""
    needle = fold(words)[0].strip()
    if not needle:
        return []
    hay, where = fold(text)
    found = _occurrences(hay, needle)
    if not found:
        lower_hay, lower_needle = hay.lower(), needle.lower()
        if len(lower_hay) == len(hay) and len(lower_needle) == len(needle):
            found = _occurrences(lower_hay, lower_needle)
    return [(where[i], where[i + len(needle) - 1] + 1) for i in found]


def _occurrences(hay: str, needle: str) -> list[int]:
    out = []
    i = hay.find(needle)
    while i >= 0:
        end = i + len(needle)
        left_ok = not _is_word(needle[0]) or i == 0 or not _is_word(hay[i - 1])
        right_ok = not _is_word(needle[-1]) or end == len(hay) or not _is_word(hay[end])
        if left_ok and right_ok:
            out.append(i)
        i = hay.find(needle, i + 1)
    return out


def effect(text: str, edit: WordEdit) -> tuple[int, int, str]:
    """The range of ``text`` an edit replaces, and with what (spacing included)."""
    s, e, new = edit.start, edit.end, edit.new
    if edit.how == "replace":
        return s, e, new
    if edit.how == "delete":
        before = s
        while before > 0 and text[before - 1].isspace():
            before -= 1
        after = e
        while after < len(text) and text[after].isspace():
            after += 1
        ends_clause = e == len(text) or text[e].isspace() or text[e] in CLOSERS
        if before < s and ends_clause:
            return before, e, ""
        if s == 0 or text[s - 1] in OPENERS:
            return s, after, ""
        return s, e, ""
    if edit.how == "after":
        glue = "" if new[:1] in CLOSERS or text[e - 1 : e] in OPENERS else " "
        return e, e, glue + new
    if edit.how == "before":
        glue = "" if new[-1:] in OPENERS else " "
        return s, s, new + glue
    if edit.how == "start":
        return 0, 0, new + ("" if new[-1:] in OPENERS or not text else " ")
    glue = "" if new[:1] in CLOSERS or not text else " "
    return len(text), len(text), glue + new


def apply_edits(text: str, edits: Sequence[WordEdit]) -> str:
    """``text`` with every edit made, each resolved against ``text`` as it was; edits
    whose words overlap raise OverlapError."""
    if not edits:
        return text
    placed = sorted(
        ((*effect(text, ed), ed) for ed in edits), key=lambda x: (x[0], x[1], x[3].number)
    )
    by_quote = sorted(edits, key=lambda ed: (ed.start, ed.end))
    for x, y in itertools.pairwise(by_quote):
        if y.start < x.end and x.start < x.end and y.start < y.end:
            raise OverlapError(x, y)
    out: list[str] = []
    at = 0
    last: WordEdit | None = None
    for s, e, new, ed in placed:
        if s < at:
            assert last is not None
            raise OverlapError(last, ed)
        out.append(text[at:s])
        out.append(new)
        at = max(at, e)
        last = ed
    out.append(text[at:])
    return "".join(out)
