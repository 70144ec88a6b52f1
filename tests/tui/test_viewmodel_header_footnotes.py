"""The app shows the header's pair (when the headers differ) and the footnote pairs as
rows of the navigator, as the reports do, and its status line counts them."""

from __future__ import annotations

from resdiff.pipeline import compare
from resdiff.tui.viewmodel import build_rows, counts_line, differences, key_changes
from tests.builders import parsed
from tests.cli.test_header_and_footnotes import DRAFT, FOOTNOTE, SPONSORS


def test_a_header_change_is_a_row_and_its_key_difference_points_there() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(SPONSORS, "B"))
    (pc,) = comparison.comparisons
    rows = build_rows(comparison, pc)
    assert rows[0].address == "header" and rows[0].changed
    assert [r.index for r in rows if r.changed] == list(differences(rows)) == [0]
    assert "Algeria," in "".join(r.text for r in rows[0].runs or () if r.op == "+")
    (key,) = key_changes(pc, rows)
    assert key.row == 0 and key.change.summary == "Algeria joins the sponsors"
    assert "~header" in counts_line(pc)


def test_footnote_pairs_are_rows_after_the_paragraphs() -> None:
    comparison = compare(parsed(DRAFT, "A"), parsed(FOOTNOTE, "B"))
    (pc,) = comparison.comparisons
    rows = build_rows(comparison, pc)
    assert [r.address for r in rows] == ["PP1", "OP1", "OP2", "FN1"]
    assert [rows[i].address for i in differences(rows)] == ["FN1"]
    assert counts_line(pc).startswith("~1 footnote")
