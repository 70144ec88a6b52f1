"""Styled terminal text: a string, a base style and styled spans, written with ANSI SGR.

The text report used to lay itself out with rich; importing and running rich's general
machinery (tables, segments, consoles) was most of the cost of a text report. This module
and ``render.layout`` lay out the few shapes the report uses and write exactly the bytes
rich wrote (``tests/unit/test_text_layout.py`` holds them to rich on random contents and
widths): ``Styled`` keeps rich ``Text``'s model (spans numbered in order, a base style, the
same cropping and dividing rules) so the colour codes fall where rich put them.

Cell widths: text of ordinary width is measured here; anything else (East Asian wide
characters, combining marks, emoji) by ``rich.cells``, imported only then, so the widths
are always rich's (which follow ``$UNICODE_VERSION``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Final

#: Characters one cell wide in every Unicode version rich knows (a test checks them
#: against all of rich's tables): Latin, Greek, Cyrillic, box drawing, and the
#: punctuation and marks the reports write (not "☰", two cells wide since Unicode 16).
NARROW_RANGES: Final = ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC))
NARROW_MARKS: Final = "‐‑‒–—―‘’‚“”„†‡•…‰′″‹›€™←↑→↓⇄⤓✕⟨⟩"
# One character-class search runs at C speed, faster than testing each character in a set.
_NOT_NARROW: Final = re.compile(
    "[^"
    + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in NARROW_RANGES)
    + re.escape(NARROW_MARKS)
    + "]"
)


def is_narrow(text: str) -> bool:
    """Whether every character of ``text`` is one cell wide (its width is its length)."""
    return _NOT_NARROW.search(text) is None


#: What rich removes from any text it is given (bell, backspace, vertical tab, form
#: feed, carriage return).
_CONTROL_STRIP: Final = dict.fromkeys((7, 8, 11, 12, 13))


def strip_controls(text: str) -> str:
    """``text`` as rich keeps it (its ``Text`` drops these on the way in)."""
    return text.translate(_CONTROL_STRIP)


def cell_len(text: str) -> int:
    """Cells ``text`` takes on a terminal, as rich counts them."""
    if (text.isascii() and text.isprintable()) or is_narrow(text):
        return len(text)
    from rich.cells import cell_len as rich_cell_len  # wide or combining text only

    return rich_cell_len(text)


def set_cell_size(text: str, total: int) -> str:
    """``text`` cropped or space-padded to ``total`` cells (rich's rule: a wide character
    cut in half becomes a space)."""
    if is_narrow(text):
        size = len(text)
        return text + " " * (total - size) if size < total else text[:total]
    from rich.cells import set_cell_size as rich_set_cell_size

    return rich_set_cell_size(text, total)


def chop_cells(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` cells."""
    if is_narrow(text):
        return [text[i : i + width] for i in range(0, len(text), width)]
    from rich.cells import chop_cells as rich_chop_cells

    return rich_chop_cells(text, width)


# Styles: attribute bits in SGR order, then a colour.
_ATTRIBUTES: Final = {"bold": 1, "dim": 2, "italic": 4, "underline": 8}
_SGR_OF_BIT: Final = ((1, "1"), (2, "2"), (4, "3"), (8, "4"))
_COLOURS: Final = {
    "black": "30",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
    "white": "37",
}
#: The one theme style the report's tables use (rich's default theme).
HEADER = "table.header"


@functools.cache
def _parse(style: str) -> tuple[int, str]:
    if style == HEADER:
        return 1, ""
    bits, colour = 0, ""
    for word in style.split():
        if word in _ATTRIBUTES:
            bits |= _ATTRIBUTES[word]
        elif word in _COLOURS:
            colour = _COLOURS[word]
        elif word != "none":
            raise ValueError(f"unknown terminal style {word!r}")
    return bits, colour


@functools.cache
def sgr(styles: tuple[str, ...]) -> str:
    """The SGR parameters of styles applied in order (a later colour wins, attributes
    add up), as rich writes them: attributes first, then the colour; "" for none."""
    bits, colour = 0, ""
    for style in styles:
        b, c = _parse(style)
        bits |= b
        colour = c or colour
    codes = [code for bit, code in _SGR_OF_BIT if bits & bit]
    if colour:
        codes.append(colour)
    return ";".join(codes)


#: A piece of a written line: its text and the styles applied to it, outermost first.
Piece = tuple[str, tuple[str, ...]]

_TRAILING_SPACE = re.compile(r"\s+$")


class Styled:
    """A line or paragraph of terminal text: rich ``Text``'s model (a base style over the
    whole, spans numbered in the order they were added), with the operations the report
    needs, each cropping and moving spans as ``Text`` does."""

    __slots__ = ("plain", "spans", "style")

    def __init__(
        self, plain: str = "", style: str = "", spans: list[tuple[int, int, str]] | None = None
    ) -> None:
        self.plain = strip_controls(plain)
        self.style = style
        self.spans = spans if spans is not None else []

    @classmethod
    def assemble(cls, parts: Iterable[tuple[str, str]], style: str = "") -> Styled:
        out = cls(style=style)
        for text, part_style in parts:
            out.append(text, part_style)
        return out

    def __repr__(self) -> str:
        return f"Styled({self.plain!r}, {self.style!r}, {self.spans!r})"

    def copy(self) -> Styled:
        return Styled(self.plain, self.style, list(self.spans))

    def append(self, text: str, style: str = "") -> Styled:
        if text:
            text = strip_controls(text)
            start = len(self.plain)
            self.plain += text
            if style:
                self.spans.append((start, start + len(text), style))
        return self

    def append_text(self, other: Styled) -> Styled:
        """``other`` added at the end: its base style becomes a span, before its spans."""
        start = len(self.plain)
        if other.style:
            self.spans.append((start, start + len(other.plain), other.style))
        self.spans += [(s + start, e + start, st) for s, e, st in other.spans]
        self.plain += other.plain
        return self

    def __add__(self, other: Styled) -> Styled:
        """A copy with ``other`` added (nothing for an empty ``other``, as rich does)."""
        out = self.copy()
        return out.append_text(other) if other.plain else out

    def set_plain(self, text: str) -> None:
        """Replace the text; spans beyond a shorter text are cropped."""
        if text != self.plain:
            text = strip_controls(text)
            shorter = len(text) < len(self.plain)
            self.plain = text
            if shorter:
                self._crop_spans(len(text))

    def _crop_spans(self, end: int) -> None:
        self.spans = [(s, e if e < end else min(end, e), st) for s, e, st in self.spans if s < end]

    def right_crop(self, amount: int) -> None:
        end = len(self.plain) - amount
        self._crop_spans(end)
        self.plain = self.plain[:-amount]

    def rstrip(self) -> None:
        self.set_plain(self.plain.rstrip())

    def rstrip_end(self, size: int) -> None:
        """Whitespace beyond ``size`` characters removed from the end."""
        excess = len(self.plain) - size
        if excess > 0:
            match = _TRAILING_SPACE.search(self.plain)
            if match is not None:
                self.right_crop(min(len(match.group()), excess))

    def pad_left(self, count: int) -> None:
        if count:
            self.set_plain(" " * count + self.plain)
            self.spans = [(s + count, e + count, st) for s, e, st in self.spans]

    def truncate(self, width: int, overflow: str, pad: bool = False) -> None:
        """Cropped to ``width`` cells (with "…" for the ``ellipsis`` overflow); with
        ``pad``, a shorter text is filled with spaces (covered by no span)."""
        length = cell_len(self.plain)
        if length > width:
            if overflow == "ellipsis":
                self.set_plain(set_cell_size(self.plain, width - 1) + "…")
            else:
                self.set_plain(set_cell_size(self.plain, width))
        if pad and length < width:
            self.plain += " " * (width - length)

    def divide(self, offsets: Sequence[int]) -> list[Styled]:
        """Pieces between ``offsets``, each with the parts of the spans it holds."""
        if not offsets:
            return [self.copy()]
        if any(b < a for a, b in itertools.pairwise(offsets)):
            raise ValueError(f"offsets out of order: {list(offsets)}")
        bounds = [0, *offsets, len(self.plain)]
        ranges = list(itertools.pairwise(bounds))
        lines = [Styled(self.plain[a:b], self.style) for a, b in ranges]
        for start, end, style in self.spans:
            for k in range(max(0, bisect.bisect_right(bounds, start) - 2), len(ranges)):
                a, b = ranges[k]
                if a >= end:
                    break
                new_start, new_end = max(0, start - a), min(end - a, b - a)
                if new_end > new_start:
                    lines[k].spans.append((new_start, new_end, style))
        return lines

    def split_lines(self) -> list[Styled]:
        """The lines between newlines (blank ones kept)."""
        if "\n" not in self.plain:
            return [self.copy()]
        offsets: list[int] = []
        for m in re.finditer("\n", self.plain):
            offsets += [m.start(), m.end()]
        return [line for line in self.divide(offsets) if line.plain != "\n"]

    def segments(self, outer: tuple[str, ...] = ()) -> list[Piece]:
        """The pieces of a line with one style each, split where rich splits them: at
        every span's start and end. ``outer`` styles apply under the text's own."""
        styles = ([(0, len(self.plain), self.style)] if self.style else []) + self.spans
        if not styles:
            return [(self.plain, outer)] if self.plain else []
        cuts = sorted({0, len(self.plain), *(x for s, e, _ in styles for x in (s, e))})
        out: list[Piece] = []
        for a, b in itertools.pairwise(cuts):
            if b > a:
                active = tuple(st for s, e, st in styles if s <= a and e >= b)
                out.append((self.plain[a:b], outer + active))
        return out


def write(segments: Iterable[Piece], color: bool) -> str:
    """A line's segments as terminal text: each styled piece in its own SGR code and
    reset, as rich writes them; plain text without colour."""
    if not color:
        return "".join(text for text, _ in segments)
    out = []
    for text, styles in segments:
        codes = sgr(styles) if styles else ""
        out.append(f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text)
    return "".join(out)


def crop(segments: list[Piece], width: int) -> list[Piece]:
    """A line cropped to ``width`` cells (rich's rule when a console prints a line)."""
    total = sum(cell_len(text) for text, _ in segments)
    if total <= width:
        return segments
    out: list[Piece] = []
    used = 0
    for text, styles in segments:
        size = cell_len(text)
        if used + size < width:
            out.append((text, styles))
            used += size
        else:
            out.append((set_cell_size(text, width - used), styles))
            break
    return out
