"""Counts and the verdict sentence name sub-paragraphs, in every face alike."""

from __future__ import annotations

from resdiff.model import Document
from resdiff.present import counts
from resdiff.render import ReportOptions, render_report
from tests.builders import clause, comparison, document


def _drafts(b_children: int) -> tuple[Document, Document]:
    subs = [
        clause("OP1(a)", "Expedite the delivery of humanitarian relief consignments;"),
        clause("OP1(b)", "Report to the Council within thirty days on the situation;"),
        clause("OP1(c)", "Keep the Council informed of the implementation of this resolution;"),
    ]
    a = document(
        "A",
        [
            clause("OP1", "Requests the Secretary-General to:", *subs),
            clause("OP2", "Decides to remain seized of the matter."),
        ],
    )
    b = document(
        "B",
        [
            clause("OP1", "Requests the Secretary-General to:", *subs[:b_children]),
            clause("OP2", "Decides to remain seized of the matter."),
        ],
    )
    return a, b


def test_a_removed_subparagraph_is_counted_and_said() -> None:
    a, b = _drafts(2)
    (pc,) = comparison(a, b).comparisons
    assert pc.counts.modified == 1 and pc.counts.removed == 0
    assert pc.sub_counts.removed == 1 and pc.sub_counts.unchanged == 2
    assert counts.verdict(pc) == (
        "B differs from A in paragraphs: 1 modified; sub-paragraphs: 1 removed."
    )
    assert [level.name for level in counts.levels(pc)] == ["paragraphs", "sub-paragraphs"]


def test_without_subparagraphs_the_sentence_still_names_its_level() -> None:
    a = document("A", [clause("OP1", "Demands a ceasefire;"), clause("OP2", "Decides.")])
    b = document("B", [clause("OP1", "Demands a lasting ceasefire;"), clause("OP2", "Decides.")])
    (pc,) = comparison(a, b).comparisons
    assert counts.verdict(pc) == "B differs from A in paragraphs: 1 modified."
    assert [level.name for level in counts.levels(pc)] == ["paragraphs"]


def test_unchanged_subparagraphs_say_none_changed() -> None:
    a, _ = _drafts(3)
    b = document(
        "B",
        [
            clause("OP1", "Requests the Secretary-General to:", *a.clauses[0].children),
            clause("OP2", "Decides to remain seized of the matter and to act."),
        ],
    )
    (pc,) = comparison(a, b).comparisons
    assert counts.verdict(pc).endswith("; sub-paragraphs: none changed.")


def test_every_text_face_and_the_json_say_the_same_numbers() -> None:
    a, b = _drafts(2)
    cmp = comparison(a, b)
    sentence = counts.verdict(cmp.comparisons[0])
    for fmt in ("txt", "md", "html"):
        out = render_report(cmp, fmt, ReportOptions())
        assert isinstance(out, str)
        assert sentence in " ".join(out.split()), fmt
    out = render_report(cmp, "json", ReportOptions())
    assert isinstance(out, str)
    assert '"sub_counts": {\n        "unchanged": 2,\n        "modified": 0,' in out
    assert '"removed": 1' in out
