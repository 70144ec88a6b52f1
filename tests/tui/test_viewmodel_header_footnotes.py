"""The app shows the footnote pairs as rows of the navigator after the paragraphs, as
the reports do; a header that differs is in its status line and its key differences
(the drafts' headers are shown above the rows)."""

from __future__ import annotations

from resdiff.pipeline import compare
from resdiff.tui.viewmodel import build_rows, counts_line, differences, key_changes
from tests.builders import parsed
from tests.cli.test_header_and_footnotes import DRAFT, FOOTNOTE, SPONSORS


def test_a_header_change_is_a_key_difference_and_in_the_status_line() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(SPONSORS, "B"))
    (pc,) = comparison.comparisons
    rows = build_rows(comparison, pc)
    assert differences(rows) == ()
    (key,) = key_changes(pc, rows)
    assert key.row is None and key.change.summary == "Algeria joins the sponsors"
    assert counts_line(pc) == "~header  1 key difference"


def test_footnote_pairs_are_rows_after_the_paragraphs() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(FOOTNOTE, "B"))
    (pc,) = comparison.comparisons
    rows = build_rows(comparison, pc)
    assert [r.address for r in rows] == ["PP1", "OP1", "OP2", "FN1"]
    assert [rows[i].address for i in differences(rows)] == ["FN1"]
    assert counts_line(pc).startswith("~1 footnote")
