"""The applier on amendment documents written by hand in UN form (never produced by the
writer), and every way an instruction can fail to apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.amend.apply import AmendedDraft, apply_amendments
from resdiff.amend.read import read_amendments
from resdiff.amend.words import canonical
from resdiff.errors import InputError
from resdiff.ingest import SourceText
from resdiff.model import Document
from resdiff.parse.structure import parse_source
from resdiff.pipeline import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "amendments"
DRAFT = FIXTURES / "ga-draft.txt"


def _doc(text: str) -> Document:
    return parse_source(SourceText("draft.txt", "txt", text))


def _clauses(doc: Document) -> list[tuple[str, str, str]]:
    return [(c.id, c.kind, canonical(c.text)) for c in doc.walk()]


def _apply(text: str, draft: Path = DRAFT, only: list[int] | None = None) -> AmendedDraft:
    return apply_amendments(load(str(draft)), read_amendments(text, "am.txt"), only, "am.txt")


def _fails(text: str, draft: Path = DRAFT) -> str:
    with pytest.raises(InputError) as info:
        _apply(text, draft)
    message = str(info.value)
    assert "\n" not in message and message.startswith("am.txt: ")
    return message.removeprefix("am.txt: ")


def test_a_hand_written_document_gives_exactly_the_amended_text() -> None:
    amended = _apply((FIXTURES / "ga-amendments-numbered.txt").read_text("utf-8"))
    expected = _doc((FIXTURES / "ga-amended-numbered.txt").read_text("utf-8"))
    assert _clauses(amended.document) == _clauses(expected)
    assert amended.applied == tuple(range(1, 10))
    # The amended text keeps the draft's header, so it reads as the same kind of draft.
    assert amended.document.symbol == "A/79/L.901"
    assert amended.text.count("\n3. Calls upon States to:\n") == 1


def test_one_unnumbered_instruction_naming_the_second_occurrence() -> None:
    amended = _apply((FIXTURES / "ga-amendment-single.txt").read_text("utf-8"))
    sub = amended.document.clause("OP2(a)")
    assert sub.text.startswith("Create and maintain, in law and also in practice, a safe")
    assert amended.applied == (1,)


def test_only_applies_the_instructions_named() -> None:
    text = (FIXTURES / "ga-amendments-numbered.txt").read_text("utf-8")
    amended = _apply(text, only=[1, 7])
    ops = [c.text for c in amended.document.clauses if c.kind == "operative"]
    assert len(ops) == 4 and ops[2].startswith("Requests the Secretary-General")
    assert amended.document.clause("PP3").text.startswith("Gravely concerned")
    assert amended.applied == (1, 7)


def test_numbering_follows_the_un_after_insertions_and_deletions() -> None:
    amended = _apply(
        "1. Insert a new operative paragraph before operative paragraph 1, to read:\n"
        '"Stresses the need for protection;"\n\n'
        "2. Delete operative paragraph 3.\n\n"
        "3. Insert a new subparagraph after operative paragraph 2 (a), to read:\n"
        '"(z) Protect sources;"\n'
    )
    numbers = [c.number for c in amended.document.clauses if c.kind == "operative"]
    assert numbers == ["1", "2", "3", "4", "5"]
    labels = [c.label for c in amended.document.clause("OP3").children]
    assert labels == ["(a)", "(b)", "(c)", "(d)"]
    assert amended.document.clause("OP3(b)").text == "Protect sources;"
    assert amended.document.clause("OP3(c)(ii)").text.startswith("by providing adequate")


@pytest.mark.parametrize(
    ("instruction", "problem"),
    [
        (
            "Delete operative paragraph 14.",
            "instruction 1: operative paragraph 14 not found (the draft has operative "
            "paragraphs 1 to 5)",
        ),
        (
            "Delete the ninth preambular paragraph.",
            "instruction 1: the ninth preambular paragraph not found (the draft has 4 "
            "preambular paragraphs)",
        ),
        (
            "Delete operative paragraph 2 (f).",
            "instruction 1: operative paragraph 2 (f) not found (its subparagraphs are (a) to (c))",
        ),
        (
            'In operative paragraph 1, replace "peace" with "war".',
            "instruction 1: the words “peace” are not in operative paragraph 1",
        ),
        (
            'In operative paragraph 2, replace "impartial" with "fair".',
            "instruction 1: the words “impartial” are not in operative paragraph 2 (they "
            "are in operative paragraph 2 (b))",
        ),
        (
            'In operative paragraph 4, delete the word "the".',
            "instruction 1: the words “the” occur 4 times in operative paragraph 4; quote "
            "more words or say which occurrence",
        ),
        (
            'In operative paragraph 4, delete the fifth occurrence of the word "the".',
            "instruction 1: the words “the” occur only 4 times in operative paragraph 4",
        ),
        (
            "In operative paragraph 4, make it stronger.",
            "instruction 1: not understood: 'In operative paragraph 4, make it stronger.' "
            "(see docs/amendments.md for the forms read)",
        ),
        (
            "Insert a new subparagraph after operative paragraph 3, to read:\n“Acts;”",
            "instruction 1: a new subparagraph goes next to a subparagraph, or at the end "
            "of a paragraph",
        ),
    ],
)
def test_an_instruction_that_cannot_apply_stops_with_its_number(
    instruction: str, problem: str
) -> None:
    assert _fails(f"Amendment to draft resolution A/79/L.901\n\n{instruction}\n") == problem


@pytest.mark.parametrize(
    ("instructions", "problem"),
    [
        (
            [
                'In operative paragraph 1, replace "all attacks" with "attacks".',
                'In operative paragraph 1, delete the words "attacks and violence".',
            ],
            "instruction 2: overlaps instruction 1 (the same words of operative paragraph 1)",
        ),
        (
            [
                "Delete operative paragraph 2.",
                'In operative paragraph 2 (c), replace "arbitrarily" with "unlawfully".',
            ],
            "instruction 2: overlaps instruction 1 (both change operative paragraph 2)",
        ),
        (
            [
                'In operative paragraph 3, replace "Encourages" with "Urges".',
                "Replace operative paragraph 3 with the following:\n“Urges States;”",
            ],
            "instruction 2: overlaps instruction 1 (both change operative paragraph 3)",
        ),
        (
            ["Delete operative paragraph 5.", "Delete operative paragraph 5."],
            "instruction 2: overlaps instruction 1 (both change operative paragraph 5)",
        ),
        (
            [
                "Move operative paragraph 4 to precede operative paragraph 1.",
                "Move operative paragraph 4 to follow operative paragraph 5.",
            ],
            "instruction 2: operative paragraph 4 is already moved by instruction 1",
        ),
        (
            [
                "Move operative paragraph 4 to follow operative paragraph 5.",
                "Move operative paragraph 5 to follow operative paragraph 4.",
            ],
            "instruction 1: moves form a circle",
        ),
    ],
)
def test_overlapping_instructions_stop(instructions: list[str], problem: str) -> None:
    text = "\n\n".join(f"{k}. {i}" for k, i in enumerate(instructions, start=1))
    assert _fails(text) == problem


def test_a_move_and_edits_of_the_same_paragraph_both_apply() -> None:
    amended = _apply(
        "1. Move operative paragraph 4 to precede operative paragraph 1.\n\n"
        '2. In operative paragraph 4, replace "eighty-first" with "eighty-second".\n'
    )
    first = amended.document.clause("OP1").text
    assert first.startswith("Requests the Secretary-General") and "eighty-second" in first


def test_amendments_to_another_draft_are_refused() -> None:
    message = _fails("Amendment to draft resolution A/79/L.77\n\nDelete operative paragraph 1.\n")
    assert message == "these amendments are to A/79/L.77, but the draft is A/79/L.901"


def test_only_a_missing_number_is_refused() -> None:
    with pytest.raises(InputError, match="no instruction 4 \\(the document has 1 to 2\\)"):
        _apply("1. Delete operative paragraph 1.\n\n2. Delete operative paragraph 2.\n", only=[4])


def test_a_repeated_operative_number_is_ambiguous() -> None:
    draft = FIXTURES.parent.parent / "fixtures" / "amendments" / "ga-draft.txt"
    text = draft.read_text("utf-8").replace("4. Requests", "3. Requests")
    doc = _doc(text)
    with pytest.raises(InputError, match="instruction 1: operative paragraph 3 is ambiguous"):
        apply_amendments(doc, read_amendments("Delete operative paragraph 3.\n"), None, "am.txt")
