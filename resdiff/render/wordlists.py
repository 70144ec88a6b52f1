"""Which paragraph labels Word's own list numbering can write, for the tracked-changes file.

A renumbered paragraph is not a change of its text. If "3." were written as text, every
paragraph after an inserted one would carry a revision ("~~3~~4."); written as Word
numbering, the number follows the paragraphs that stay and neither "accept all" nor
"reject all" has anything to do: each view numbers its own paragraphs.

One multi-level list serves both drafts, read off B's labels (the document is B's text):
for each depth, the number format and pattern (``%1.``, ``(%2)``...) that reproduce most
of B's labels at that depth (A's where B has none), counted as Word counts (a level
restarts after any item of a shallower level). A B label the list cannot write exactly
(a "bis", a skipped number, "Article 3") stays text. An A label the list writes with the
same number but other punctuation ("1)" where B writes "1.") is numbered too, shown in B's
style: like every difference the faces ignore, it appears as B has it (the reports never
show labels at all). Anything else stays text and is diffed like the words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from resdiff.ingest.wordnumbering import format_number

#: Word has nine list levels.
MAX_LEVELS = 9
_LABEL = re.compile(r"(\(?)([0-9]{1,4}|[a-z]{1,6}|[A-Z]{1,6})([.)]?)")
_ROMAN_LOWER = re.compile(r"[ivxlc]+")
_ROMAN_UPPER = re.compile(r"[IVXLC]+")


@dataclass(frozen=True, slots=True)
class ListLevel:
    """One level of a Word list: a number format (``decimal``, ``lowerLetter``...) and the
    label pattern (``%1.``, ``(%2)``)."""

    fmt: str
    text: str

    def label(self, depth: int, value: int) -> str:
        return self.text.replace(f"%{depth + 1}", format_number(value, self.fmt))


@dataclass(frozen=True, slots=True)
class DraftList:
    """The list: a level per depth (``None``: nothing numbered there) and, for one draft,
    the label it writes for each paragraph it numbers (by index)."""

    levels: tuple[ListLevel | None, ...]
    written: Mapping[int, str]

    @property
    def numbered(self) -> frozenset[int]:
        return frozenset(self.written)


def _candidates(label: str, depth: int) -> list[ListLevel]:
    """The list levels that could write ``label`` at ``depth`` (for some counter value)."""
    m = _LABEL.fullmatch(label)
    if m is None or depth >= MAX_LEVELS:
        return []
    before, token, after = m.groups()
    if before and after != ")":
        return []
    text = f"{before}%{depth + 1}{after}"
    if token.isdigit():
        fmts = ["decimal"]
    elif token.islower():
        fmts = ["lowerLetter"] if len(set(token)) == 1 else []
        fmts += ["lowerRoman"] if _ROMAN_LOWER.fullmatch(token) else []
    else:
        fmts = ["upperLetter"] if len(set(token)) == 1 else []
        fmts += ["upperRoman"] if _ROMAN_UPPER.fullmatch(token) else []
    return [ListLevel(fmt, text) for fmt in fmts]


def _number(label: str) -> str | None:
    """The number in a label, without its punctuation: "(b)" -> "b", "12." -> "12"."""
    m = _LABEL.fullmatch(label)
    return m.group(2) if m else None


def _count(
    labels: Sequence[tuple[int, str | None]],
    levels: Sequence[ListLevel | None],
    *,
    same_number: bool = False,
) -> dict[int, str]:
    """The paragraphs whose label the list writes, and what it writes, counting as Word
    does (``same_number``: the same number, whatever the punctuation around it)."""
    counters: dict[int, int] = {}
    numbered: dict[int, str] = {}
    for i, (depth, label) in enumerate(labels):
        level = levels[depth] if label and depth < len(levels) else None
        if level is None or label is None:
            continue
        value = counters.get(depth, 0) + 1
        written = level.label(depth, value)
        if written != label and not (
            same_number and _number(written) is not None and _number(written) == _number(label)
        ):
            continue
        numbered[i] = written
        counters[depth] = value
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
    return numbered


def _levels(labels: Sequence[tuple[int, str | None]]) -> list[ListLevel | None]:
    """Levels chosen shallowest first, each the candidate that numbers the most
    paragraphs at its depth given the levels above it (ties: the first label's)."""
    depths = sorted({d for d, label in labels if label and d < MAX_LEVELS})
    levels: list[ListLevel | None] = [None] * (max(depths) + 1 if depths else 0)
    for depth in depths:
        candidates: dict[ListLevel, None] = {}
        for d, label in labels:
            if d == depth and label:
                candidates.update(dict.fromkeys(_candidates(label, depth)))
        best, best_count = None, 0
        for candidate in candidates:
            levels[depth] = candidate
            count = sum(1 for i in _count(labels, levels) if labels[i][0] == depth)
            if count > best_count:
                best, best_count = candidate, count
        levels[depth] = best
    return levels


def draft_lists(
    labels_a: Sequence[tuple[int, str | None]], labels_b: Sequence[tuple[int, str | None]]
) -> tuple[DraftList, DraftList]:
    """The one list for both drafts, whose paragraphs are given as (depth, label or None)
    in order: what it numbers in A, and in B."""
    levels = _levels(labels_b)
    for depth, level in enumerate(_levels(labels_a)):
        if depth >= len(levels):
            levels.append(level)
        elif levels[depth] is None:
            levels[depth] = level
    shared = tuple(levels)
    return (
        DraftList(shared, _count(labels_a, shared, same_number=True)),
        DraftList(shared, _count(labels_b, shared)),
    )
