"""Warnings a parsed copy carries (Document.warnings): what a reader should doubt."""

from __future__ import annotations

from resdiff.ingest import SourceText
from resdiff.parse.structure import parse_source

HEAD = "The Security Council,\n\nRecalling its resolution 4012 (2031),\n\n"


def warnings(text: str) -> tuple[str, ...]:
    return parse_source(SourceText("x.txt", "txt", text), "A").warnings


def test_complete_text_has_none() -> None:
    assert warnings(HEAD + "1. Demands a ceasefire;\n\n2. Decides to remain seized.\n") == ()


def test_un_text_without_operative_part() -> None:
    found = warnings(HEAD + "Noting the report of the Panel,\n")
    assert found == ("no operative paragraph: the copy may stop before the operative part",)


def test_a_copy_that_ends_mid_list() -> None:
    found = warnings(HEAD + "1. Requests the Mission to give priority to:\n\n(a) civilians; and\n")
    assert found == ("OP1(a) ends with '; and': the copy may be cut after it",)


def test_numbers_that_jump_or_repeat() -> None:
    text = HEAD + "1. Demands a ceasefire;\n\n1. Urges restraint;\n\n4. Decides to remain seized.\n"
    found = warnings(text)
    assert "operative number 1 repeated (OP1-2)" in found
    assert "operative paragraph 2-3 missing" in found


def test_operative_paragraph_with_no_known_opener() -> None:
    found = warnings(HEAD + "1. Herewith extends the mandate for one year.\n")
    assert found == ("OP1 opens with no known operative phrase ('Herewith extends the ...')",)


def test_plain_text_is_not_warned_about() -> None:
    assert warnings("Some notes.\n\nMore notes,\n") == ()


def test_negotiation_labels_and_spaced_numbers_are_labels() -> None:
    text = (
        "The Security Council,\n\nPP1. Recalling its resolution,\n\n"
        "OP1 : Demands a truce;\n\n2 . Decides to remain seized.\n"
    )
    doc = parse_source(SourceText("x.txt", "txt", text), "A")
    assert [(c.id, c.label, c.opener) for c in doc.clauses] == [
        ("PP1", "PP1.", "Recalling"),
        ("OP1", "OP1 :", "Demands"),
        ("OP2", "2 .", "Decides to remain seized"),
    ]
    assert doc.warnings == ()


def test_author_line_run_on_with_its_paragraphs() -> None:
    text = (
        "The Security Council, Reaffirming its support, Recalling its resolution 1 (2030),\n"
        "1. Demands a truce.\n"
    )
    doc = parse_source(SourceText("x.txt", "txt", text), "A")
    assert doc.author == "The Security Council"
    assert [(c.id, c.text) for c in doc.clauses] == [
        ("PP1", "Reaffirming its support,"),
        ("PP2", "Recalling its resolution 1 (2030),"),
        ("OP1", "Demands a truce."),
    ]
    assert text[: doc.header.end] == "The Security Council, "


def test_many_problems_of_one_sort_are_counted_after_the_first_ten() -> None:
    """A text read against its grain (numbers cycling 1, 2, 1, 2...) gets ten warnings of
    a sort and a count, not one line per paragraph; the parse note too."""
    body = "".join(f"{k % 2 + 1}. Demands measure {k};\n\n" for k in range(40))
    body += "".join(f"{k + 3}. Zebras graze {k};\n\n" for k in range(15))
    doc = parse_source(SourceText("x.txt", "txt", HEAD + body + "60. Decides.\n"), "A")
    repeated = [w for w in doc.warnings if "repeated" in w]
    assert len(repeated) == 10 and repeated[0] == "operative number 1 repeated (OP1-2)"
    assert "and 29 more numbering problems" in doc.warnings
    unknown = [w for w in doc.warnings if "no known operative phrase" in w]
    assert len(unknown) == 10
    assert "and 5 more operative paragraphs opening with no known phrase" in doc.warnings
    assert doc.parse.note.endswith("; and 29 more numbering problems")


def test_cut_short_is_what_the_cut_warnings_say() -> None:
    """Ranking discounts what a cut copy may merely lack; it asks ``cut_short``, which
    must agree with the warnings a reader sees."""
    from resdiff.parse.warnings import cut_short

    cases = {
        HEAD + "1. Demands a ceasefire;\n\n2. Decides to remain seized.\n": False,
        HEAD + "Noting the report of the Panel,\n": True,
        HEAD + "1. Requests the Mission to give priority to:\n\n(a) civilians; and\n": True,
        HEAD + "1. Demands a ceasefire;\n\n1. Urges restraint;\n": True,
        HEAD + "1. Demands a ceasefire;\n\n1. Urges restraint.\n": False,
    }
    for text, cut in cases.items():
        doc = parse_source(SourceText("x.txt", "txt", text), "A")
        un_text = doc.author is not None or bool(doc.sponsors)
        assert cut_short(doc.clauses, un_text=un_text) is cut, text
        assert any("may be cut" in w or "may stop" in w for w in doc.warnings) is cut, text
