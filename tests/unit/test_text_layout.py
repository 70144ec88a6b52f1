"""The text report's own layout (``render.styled``, ``render.layout``) against rich, which
laid the report out before: the same bytes, with and without colour, for random
contents, styles and widths (rich is the reference here and nowhere in the report)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from resdiff.render import text as report
from resdiff.render.layout import Column, Table, paragraph, table_lines
from resdiff.render.styled import NARROW_MARKS, NARROW_RANGES, Styled, is_narrow, write

# Wide (中), zero-width (U+0301), non-breaking space, a mark that became wide (☰),
# newlines and a carriage return (stripped), with ordinary letters and spaces.
ALPHABET = "aab c dé  ⇄中\u0301\xa0☰\n-\r"
STYLES = ["", "bold", "dim", "red", "green", "bold cyan", "bold magenta", "bold underline"]

styles = st.sampled_from(STYLES)
parts = st.lists(st.tuples(st.text(ALPHABET, max_size=25), styles), max_size=5)


def _rich_console(width: int, color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        force_interactive=False,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        _environ={},
    )
    return console, buffer


def _ours(lines: list[list[tuple[str, tuple[str, ...]]]], color: bool) -> str:
    return "".join(write(line, color) + "\n" for line in lines)


def test_narrow_characters_are_one_cell_in_every_unicode_version() -> None:
    from rich._unicode_data._versions import VERSIONS
    from rich.cells import get_character_cell_size

    narrow = [chr(c) for lo, hi in NARROW_RANGES for c in range(lo, hi + 1)]
    narrow += list(NARROW_MARKS)
    assert is_narrow("".join(narrow))
    for version in VERSIONS:
        wide = [c for c in narrow if get_character_cell_size(c, version) != 1]
        assert not wide, (version, wide)
    for other in ("\n", "\t", "\x1b", "\xad", "中", "\u0301", "☰", "\u200b"):
        assert not is_narrow(f"a{other}b")


@settings(max_examples=300, deadline=None)
@given(parts, styles, st.integers(1, 50), st.booleans())
def test_a_paragraph_is_written_as_rich_prints_it(
    pieces: list[tuple[str, str]], base: str, width: int, color: bool
) -> None:
    console, buffer = _rich_console(width, color)
    console.print(Text.assemble(*pieces, style=base))
    assert _ours(paragraph(Styled.assemble(pieces, base), width), color) == buffer.getvalue()


columns = st.builds(
    Column,
    header=st.text(ALPHABET.replace("\n", ""), max_size=8),
    justify=st.sampled_from(["left", "right"]),
    no_wrap=st.booleans(),
    overflow=st.sampled_from(["fold", "ellipsis"]),
)
cells = st.tuples(parts, styles)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(columns, min_size=1, max_size=4),
    st.lists(st.lists(cells, min_size=4, max_size=4), max_size=4),
    st.booleans(),
    st.integers(1, 70),
    st.booleans(),
)
def test_tables_and_grids_are_laid_out_as_rich_lays_them_out(
    cols: list[Column],
    rows: list[list[tuple[list[tuple[str, str]], str]]],
    ruled: bool,
    width: int,
    color: bool,
) -> None:
    if ruled:
        theirs = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    else:
        theirs = RichTable.grid(padding=(0, 1, 0, 0))
    for c in cols:
        theirs.add_column(c.header, justify=c.justify, no_wrap=c.no_wrap, overflow=c.overflow)  # type: ignore[arg-type]
    ours_rows = []
    for row in rows:
        theirs.add_row(*(Text.assemble(*p, style=s) for p, s in row[: len(cols)]))
        ours_rows.append([Styled.assemble(p, s) for p, s in row[: len(cols)]])
    console, buffer = _rich_console(width, color)
    console.print(theirs)
    ours = table_lines(Table(cols, ours_rows, ruled=ruled), width)
    assert _ours(ours, color) == buffer.getvalue()


def _rich_wrapped(spans: report.Spans, indent: int, width: int) -> list[Text]:
    """The report's coloured wrapping as it was written with rich ``Text``."""
    pad = " " * indent
    plain = "".join(text for text, _ in spans)
    out = []
    for line in Text.assemble(*spans).divide(report.break_offsets(plain, max(20, width - indent))):
        line.rstrip()
        if line.plain.endswith("\n"):
            line.right_crop(1)
        line.rstrip()
        out.append(Text(pad) + line if pad else line)
    return out


@settings(max_examples=300, deadline=None)
@given(parts, st.integers(0, 8), st.integers(1, 60))
def test_coloured_clause_lines_are_written_as_rich_wrote_them(
    pieces: list[tuple[str, str]], indent: int, width: int
) -> None:
    pieces = [(text.replace("\r", ""), style) for text, style in pieces]  # cleaned text
    console, buffer = _rich_console(width, True)
    console.print(Text("\n").join(_rich_wrapped(pieces, indent, width)), soft_wrap=True)
    ours = report.joined_lines(report._wrapped(pieces, indent, width, True), True)
    assert ours + "\n" == buffer.getvalue()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab cdé  x⇄", max_size=300), st.integers(1, 40))
def test_a_narrow_line_breaks_where_the_word_by_word_search_breaks_it(
    line: str, width: int
) -> None:
    """``break_offsets`` searches for spaces in a line of one-cell characters; the word by
    word search (kept for other lines, and what it was) is the reference."""
    assert report._narrow_breaks(line, width) == report._word_breaks(line, width)
