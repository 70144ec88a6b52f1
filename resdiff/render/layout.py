"""Terminal layout of the text report's blocks: paragraphs wrapped at a width, grids and
tables with a rule under their header, laid out as rich lays them out.

rich's general machinery (measuring any renderable, consoles, segments) cost more than
the rest of a text report; the report uses few shapes, so they are laid out here with
rich's own rules, and ``tests/unit/test_text_layout.py`` holds the output byte-for-byte
to rich's on random cells, styles and widths:

- wrapping: words are whitespace-led runs; a word that does not fit starts a new line,
  one wider than the line is folded (or cut with "…", per column); trailing spaces past
  the width are dropped;
- column widths: each column's widest cell (and widest word, its minimum); when the
  table is too wide the widest wrappable columns shrink first, in steps, then all
  columns evenly, and each column is measured again at its new width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from resdiff.render.styled import HEADER, Piece, Styled, cell_len, chop_cells, crop, is_narrow

_WORD = re.compile(r"\s*\S+\s*")


def divide_line(text: str, width: int, fold: bool) -> list[int]:
    """Offsets to break ``text`` at so each line fits ``width`` cells."""
    breaks: list[int] = []
    offset = 0
    measure = len if is_narrow(text) else cell_len
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group()
        size = measure(word.rstrip())
        if width - offset >= size:
            offset += measure(word)
        elif size > width:
            if fold:
                pieces = chop_cells(word, width)
                for k, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if k == len(pieces) - 1:
                        offset = measure(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = measure(word)
        elif offset and start:
            breaks.append(start)
            offset = measure(word)
    return breaks


def wrap(
    text: Styled,
    width: int,
    justify: str = "default",
    overflow: str = "fold",
    no_wrap: bool = False,
) -> list[Styled]:
    """``text`` in lines of at most ``width`` cells, justified (``default``: as it
    comes, ``left``: padded with spaces, ``right``)."""
    out: list[Styled] = []
    for line in text.split_lines():
        if no_wrap:
            lines = [line]
        else:
            lines = line.divide(divide_line(line.plain, width, overflow == "fold"))
            for piece in lines:
                piece.rstrip_end(width)
        for piece in lines:
            if justify == "left":
                piece.truncate(width, overflow, pad=True)
            elif justify == "right":
                piece.rstrip()
                piece.truncate(width, overflow)
                piece.pad_left(width - cell_len(piece.plain))
            piece.truncate(width, overflow)
        out += lines
    return out


def paragraph(text: Styled, width: int) -> list[list[Piece]]:
    """A paragraph as a console prints it at ``width``."""
    if width < 1:
        return []
    # Wrapping leaves no line wider than the width: nothing to crop.
    return [line.segments() for line in wrap(text, width)]


# Tables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column as rich's ``Table.add_column`` takes it (the options the report uses)."""

    header: str = ""
    justify: str = "left"
    no_wrap: bool = False
    overflow: str = "ellipsis"


@dataclass(frozen=True)
class Table:
    """A table without edges: ``ruled`` is rich's ``box.SIMPLE_HEAD`` (a space between
    columns, padded one cell either side inside, the header in bold over a rule);
    otherwise a grid (``Table.grid(padding=(0, 1, 0, 0))``: one cell after each column
    but the last, no header)."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[Styled]]
    ruled: bool = False

    def pads(self, index: int) -> tuple[int, int]:
        """Cells of padding left and right of the column's text."""
        last = index == len(self.columns) - 1
        if self.ruled:
            return (0 if index == 0 else 1), (0 if last else 1)
        return 0, (0 if last else 1)

    @property
    def extra(self) -> int:
        """Cells of the dividers between columns."""
        return len(self.columns) - 1 if self.ruled else 0

    def cells(self, index: int) -> list[Styled]:
        column = [row[index] for row in self.rows]
        return [Styled(self.columns[index].header), *column] if self.ruled else column


def _measure_text(text: str) -> tuple[int, int]:
    """The narrowest a text can be (its widest word) and its natural width."""
    measure = len if is_narrow(text) else cell_len
    lines = text.splitlines()
    widest = max(map(measure, lines)) if lines else 0
    words = text.split()
    return (max(map(measure, words)) if words else widest), widest


def _normalized(low: int, high: int, maximum: int) -> tuple[int, int]:
    low = min(max(0, low), high)
    low, high = max(0, low), max(0, max(low, high))
    return min(low, maximum), min(high, maximum)


def _measure_cell(text: Styled, pads: int, width: int) -> tuple[int, int]:
    if width - pads < 1:
        low, high = width, width
    else:
        low, high = _normalized(*_measure_text(text.plain), width)
        if high < 1:
            low, high = 0, 0
        low, high = min(low + pads, width), min(high + pads, width)
    low, high = _normalized(low, high, width)
    return (0, 0) if high < 1 else _normalized(low, high, width)


def _measure_column(table: Table, index: int, width: int) -> tuple[int, int]:
    if width < 1:
        return 0, 0
    pads = sum(table.pads(index))
    sizes = [_measure_cell(cell, pads, width) for cell in table.cells(index)]
    low = max((s[0] for s in sizes), default=1)
    high = max((s[1] for s in sizes), default=width)
    return min(low, width), min(high, width)


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    ratios = [ratio if cap else 0 for ratio, cap in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out: list[int] = []
    for ratio, cap, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            share = min(cap, round(ratio * remaining / total_ratio))
            out.append(value - share)
            remaining -= share
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], wrappable: list[bool], width: int) -> list[int]:
    """The widest wrappable columns narrowed, in steps, until the table fits."""
    total = sum(widths)
    excess = total - width
    if not any(wrappable):
        return widths
    while total and excess > 0:
        pairs = list(zip(widths, wrappable, strict=True))
        widest = max(w for w, ok in pairs if ok)
        second = max(w if ok and w != widest else 0 for w, ok in pairs)
        ratios = [1 if (w == widest and ok) else 0 for w, ok in pairs]
        if not any(ratios) or not widest - second:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        total = sum(widths)
        excess = total - width
    return widths


def column_widths(table: Table, width: int) -> list[int]:
    """Each column's width, padding included, for a table at most ``width`` wide."""
    width = max(0, width - table.extra)
    count = len(table.columns)
    widths = [_measure_column(table, i, width)[1] or 1 for i in range(count)]
    if sum(widths) > width:
        wrappable = [not column.no_wrap for column in table.columns]
        widths = _collapse(widths, wrappable, width)
        if sum(widths) > width:
            widths = _ratio_reduce(sum(widths) - width, [1] * count, widths, widths)
        widths = [_measure_column(table, i, w)[1] or 0 for i, w in enumerate(widths)]
    return widths


def _cell_lines(
    text: Styled, column: Column, pads: tuple[int, int], width: int
) -> list[list[Piece]]:
    """A cell's lines, each exactly ``width`` cells; none when it has no room."""
    left, right = pads
    inner = width - left - right
    if width < 1 or inner < 1:
        return []
    lines = []
    for line in wrap(text, inner, column.justify, column.overflow, column.no_wrap):
        segments = line.segments()
        size = cell_len(line.plain)
        if size < inner:
            segments.append((" " * (inner - size), ()))
        elif size > inner:
            segments = crop(segments, inner)
        lines.append([(" " * left, ()), *segments] if left else segments)
        if right:
            lines[-1].append((" " * right, ()))
    return lines


def table_lines(table: Table, width: int) -> list[list[Piece]]:
    """The table as a console prints it at ``width``."""
    if width < 1:
        return []
    widths = column_widths(table, width)
    rows: list[tuple[bool, Sequence[Styled]]] = [(False, row) for row in table.rows]
    if table.ruled:
        rows.insert(0, (True, [Styled(c.header) for c in table.columns]))
    out: list[list[Piece]] = []
    for header, row in rows:
        outer: tuple[str, ...] = (HEADER,) if header else ()
        cells = []
        for i, (text, column, w) in enumerate(zip(row, table.columns, widths, strict=True)):
            lines = [
                [(t, outer + st) for t, st in line]
                for line in _cell_lines(text, column, table.pads(i), w)
            ]
            cells.append((lines, w))
        height = max(len(lines) for lines, _ in cells)
        shaped = [_shape(lines, w, height, outer, header) for lines, w in cells]
        for n in range(max(1, height)):
            line: list[Piece] = []
            for k, cell in enumerate(shaped):
                if k and table.ruled:
                    line.append((" ", ()))
                line += cell[n] if n < len(cell) else [(" " * widths[k], ())]
            out.append(line)
        if header:
            out.append([("─" * (sum(widths) + table.extra), ())])
    # Only a table with more columns than cells of room is wider than the console.
    return out if sum(widths) + table.extra <= width else [crop(line, width) for line in out]


def _shape(
    lines: list[list[Piece]], width: int, height: int, style: tuple[str, ...], bottom: bool
) -> list[list[Piece]]:
    """A cell's lines filled to the row's height with blank lines in the cell's style
    (at the top for a header: rich aligns headers at the bottom)."""
    missing = [[(" " * width, style)]] * (height - len(lines))
    return missing + lines if bottom else lines + missing
