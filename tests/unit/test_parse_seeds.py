"""The bundled seed drafts parse to exactly the structure their README describes."""

from __future__ import annotations

import pytest

from resdiff.model import Document
from resdiff.parse.invariants import tiling_problems
from resdiff.pipeline import load
from resdiff.seeds import seed_path

SEEDS = {
    # name: (preambular, operative, sub-paragraphs)
    "s-2024-9001-tied.txt": (11, 12, 5),
    "s-2024-9002-demands.txt": (11, 12, 5),
    "s-2024-9001-rev1-tied.txt": (11, 13, 4),
    "s-2024-9000-earlier.txt": (7, 8, 10),
}


def _doc(name: str) -> Document:
    return load(str(seed_path(name)))


def _count(doc: Document, kind: str) -> int:
    return sum(1 for c in doc.walk() if c.kind == kind)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_counts_and_invariant(name: str) -> None:
    doc = _doc(name)
    pp, op, sub = SEEDS[name]
    assert doc.parse.structure == "un"
    assert (_count(doc, "preambular"), _count(doc, "operative"), _count(doc, "subparagraph")) == (
        pp,
        op,
        sub,
    )
    assert _count(doc, "other") == 0 and _count(doc, "heading") == 0
    assert [c.id for c in doc.clauses] == [f"PP{i}" for i in range(1, pp + 1)] + [
        f"OP{i}" for i in range(1, op + 1)
    ]
    assert doc.author == "The Security Council"
    assert tiling_problems(doc) == []
    header = doc.header.slice(doc.text)
    assert "Illustrative draft written for the resdiff project" in header
    assert header.rstrip().endswith("The Security Council,")


def test_tied_draft_openers_and_header() -> None:
    doc = _doc("s-2024-9001-tied.txt")
    assert (doc.symbol, doc.date, doc.sponsors, doc.title) == (
        "S/2024/9001",
        "2024-03-22",
        ("United States of America",),
        None,
    )
    assert [c.opener for c in doc.clauses if c.kind == "preambular"] == [
        "Recalling",
        "Reaffirming",
        "Reaffirming",
        "Expressing deep concern",
        "Noting with grave concern",
        "Expressing concern",
        "Stressing",
        "Emphasizing",
        "Welcoming",
        "Condemning",
        "Reiterating",
    ]
    assert [c.opener for c in doc.clauses if c.kind == "operative"] == [
        "Determines the imperative of",
        "Demands",
        "Calls upon",
        "Requests",
        "Recognizes",
        "Encourages",
        "Condemns",
        "Condemns",
        "Rejects",
        "Calls upon",
        "Emphasizes",
        "Decides to remain seized",
    ]
    op4 = doc.clause("OP4")
    assert op4.text == "Requests the Secretary-General to:"
    assert [c.id for c in op4.walk()] == [
        "OP4",
        "OP4(a)",
        "OP4(b)",
        "OP4(b)(i)",
        "OP4(b)(ii)",
        "OP4(c)",
    ]
    assert doc.clause("OP4(b)").text == "Report to the Council within 30 days on:"
    assert doc.clause("OP4(b)(ii)").text == (
        "The implementation of the present resolution by all parties;"
    )
    assert doc.clause("OP4(b)(ii)").label == "(ii)"
    assert doc.clause("OP1").text.startswith("Determines the imperative of an immediate")
    assert doc.clause("OP1").text.endswith("release of all remaining hostages;")


def test_competing_draft() -> None:
    doc = _doc("s-2024-9002-demands.txt")
    assert doc.symbol == "S/2024/9002"
    assert doc.date == "2024-03-25"
    assert len(doc.sponsors) == 10
    assert doc.sponsors[6] == "Republic of Korea"
    assert doc.sponsors[-1] == "Switzerland"
    assert doc.clause("PP8").opener == "Mindful"
    assert doc.clause("PP10").opener == "Expressing grave concern"
    assert [doc.clause(f"OP{i}").opener for i in (1, 8, 9, 11)] == [
        "Demands",
        "Urges",
        "Underlines",
        "Encourages",
    ]


def test_hard_wrapped_revision_rebuilds_paragraphs() -> None:
    doc = _doc("s-2024-9001-rev1-tied.txt")
    assert doc.symbol == "S/2024/9001/Rev.1"
    assert doc.date == "2024-03-23"
    # The layout trap: OP4's first line ends with "," and the next starts "including".
    op4 = doc.clause("OP4")
    assert op4.label == "4)"
    assert op4.opener == "Stresses"
    assert op4.text == (
        "Stresses the importance of the swift restoration of basic services,\n"
        "including water, electricity, sanitation and health care, throughout\n"
        "the Gaza Strip;"
    )
    assert doc.clause("OP3").opener == "Urges"
    assert [c.id for c in doc.clause("OP5").walk()] == [
        "OP5",
        "OP5(a)",
        "OP5(b)",
        "OP5(b)(i)",
        "OP5(b)(ii)",
    ]
    pp9 = doc.clause("PP9")
    assert pp9.text.startswith(
        "Welcoming the diplomatic efforts of Egypt, Qatar and the United States\nof"
    )
    assert pp9.text.endswith("encouraging their continuation,")


def test_earlier_draft_roman_sub_paragraphs_under_letters() -> None:
    doc = _doc("s-2024-9000-earlier.txt")
    assert doc.sponsors == ("Ecuador", "Malta", "Switzerland")
    assert [c.id for c in doc.clause("OP7").walk()] == [
        "OP7",
        "OP7(a)",
        "OP7(b)",
        "OP7(b)(i)",
        "OP7(b)(ii)",
        "OP7(b)(iii)",
    ]
    assert [c.id for c in doc.clause("OP2").children] == [f"OP2({x})" for x in "abcde"]
    assert doc.clause("OP5").opener == "Takes note"
    assert doc.clause("OP1").opener == "Calls for"
    # Indented continuation lines stay as written.
    assert doc.clause("OP2(a)").text == (
        "Comply with their obligations under international law,\n"
        "    including international humanitarian law, in particular with\n"
        "    regard to the protection of civilians;"
    )


def test_treaty_falls_back_to_numbered_provisions() -> None:
    doc = _doc("treaty-numbered.txt")
    assert doc.parse.structure == "numbered"
    assert "read as numbered provisions" in doc.parse.note
    assert doc.author is None and doc.symbol is None
    ids = [c.id for c in doc.clauses]
    assert ids[:7] == ["P1", "P2", "Art1", "1.1", "1.2", "1.3", "1.4"]
    assert doc.clause("Art3").kind == "heading"
    assert doc.clause("Art3").text == "Minimum environmental flow"
    assert doc.clause("2.2").kind == "operative"
    assert doc.clause("2.2").text.startswith("Outside the dry season")
    assert "Illustrative text" in doc.header.slice(doc.text)
    assert sum(1 for c in doc.walk() if c.kind == "heading") == 8
    assert tiling_problems(doc) == []
