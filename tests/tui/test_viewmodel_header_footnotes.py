"""The app shows the pairs the reports show, in their order: the header's pair first
when the headers differ (its changes jump to it), the paragraphs, then the footnotes;
the status line words the counts as the reports' verdict does."""

from __future__ import annotations

from resdiff.pipeline import compare
from resdiff.tui.viewmodel import (
    build_rows,
    counts_line,
    differences,
    find_clause,
    key_groups,
    search,
)
from tests.builders import parsed
from tests.cli.test_header_and_footnotes import DRAFT, FOOTNOTE, SPONSORS


def test_a_header_change_is_a_key_difference_and_in_the_status_line() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(SPONSORS, "B"))
    (pc,) = comparison.comparisons
    rows = build_rows(comparison, pc)
    assert [r.address for r in rows] == ["header", "PP1", "OP1", "OP2", "FN1"]
    assert differences(rows) == (0,)
    assert rows[0].badges == "sponsor" and rows[0].preview == "sponsors changed"
    assert "\n" not in "".join(r.text for r in rows[0].runs or ())  # one line, as reports show it
    assert find_clause(rows, "header") == 0 and search(rows, "Algeria") == (0,)  # g, /
    (key,) = key_groups(comparison, 0, rows)
    assert key.row == 0 and key.text == "☰ header A header -> B header: Algeria joins the sponsors"
    assert counts_line(pc, 1) == (
        "the header (sponsors); paragraphs: none changed; footnotes: none changed"
        " · 1 key difference"
    )
    assert counts_line(pc, 1, short=True) == "~header | same | fn same · 1 key"


def test_no_header_row_when_the_headers_agree() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(DRAFT, "B"))
    (pc,) = comparison.comparisons
    assert [r.address for r in build_rows(comparison, pc)] == ["PP1", "OP1", "OP2", "FN1"]


def test_footnote_pairs_are_rows_after_the_paragraphs() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(FOOTNOTE, "B"))
    (pc,) = comparison.comparisons
    rows = build_rows(comparison, pc)
    assert [r.address for r in rows] == ["PP1", "OP1", "OP2", "FN1"]
    assert [rows[i].address for i in differences(rows)] == ["FN1"]
    assert find_clause(rows, "fn1") == 3  # g FN1
    assert counts_line(pc, 0).startswith("paragraphs: none changed; footnotes: 1 modified")
    assert counts_line(pc, 0, short=True) == "same | fn ~1 · 0 key"
