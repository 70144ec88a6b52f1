"""The adoption or vote line printed under a resolution's last paragraph.

Copies of adopted texts end "Adopted at the 751st meeting by 7 votes to 2 ..." or
"Adopted by the Security Council at its 7399th meeting, on 5 March 2015.", often with no
blank line before it. The line records the vote, not the text: it belongs to no clause's
text (it stays in the span of the paragraph above it, as a page footer does, so nothing
is lost), two copies that differ only in their votes compare unchanged, and it gives the
date when the header has none.
"""

from __future__ import annotations

from typing import NamedTuple

from resdiff.parse.header import find_date
from resdiff.parse.layout import Line, ends_paragraph
from resdiff.parse.lexicon import Lexicon

#: An adoption line wraps over a few lines at most ("..., on" / "5 March 2015.").
_MAX_LINES = 3


class Block(NamedTuple):
    """One adoption line as printed (it may wrap), and the date it gives."""

    start: int
    lines: tuple[int, ...]
    date: str | None


class Adoption(NamedTuple):
    """Where adoption lines stand after the header, and the date the first one gives."""

    blocks: tuple[Block, ...] = ()

    @property
    def lines(self) -> frozenset[int]:
        return frozenset(n for b in self.blocks for n in b.lines)

    def starts(self, lines: list[Line]) -> frozenset[int]:
        """Offsets where the adoption lines start (how the tree builder knows them)."""
        return frozenset(lines[n].start for n in self.lines)

    @property
    def date(self) -> str | None:
        return next((b.date for b in self.blocks if b.date), None)

    def since(self, offset: int) -> Adoption:
        """The adoption lines from ``offset`` on (those below the header)."""
        return Adoption(tuple(b for b in self.blocks if b.start >= offset))


def find_adoption(text: str, lines: list[Line], first_line: int, lexicon: Lexicon) -> Adoption:
    """Adoption lines after ``first_line`` that follow a finished paragraph."""
    blocks: list[Block] = []
    prev: Line | None = None
    k = first_line
    while k < len(lines):
        line = lines[k]
        k += 1
        if line.blank:
            continue
        opens = text.startswith(lexicon.adopted_prefixes, line.indent, line.end)
        if not (opens and prev is not None and ends_paragraph(text, prev)):
            prev = line
            continue
        block = [line]
        while not _finished(text, block[-1]) and len(block) < _MAX_LINES and k < len(lines):
            after = lines[k]
            if after.blank or not (text[after.indent].islower() or text[after.indent].isdigit()):
                break
            block.append(after)
            k += 1
        dated = find_date(" ".join(text[b.indent : b.end] for b in block), lexicon)
        blocks.append(Block(line.start, tuple(b.lineno for b in block), dated and dated[0]))
        prev = block[-1]
    return Adoption(tuple(blocks))


def _finished(text: str, line: Line) -> bool:
    return text[line.indent : line.end].rstrip().endswith(".")
