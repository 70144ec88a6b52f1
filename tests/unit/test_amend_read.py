"""The reader: instructions in the forms and variants delegations write."""

from __future__ import annotations

import pytest

from resdiff.amend.address import parse_address, render_address
from resdiff.amend.grammar import ordinal, ordinal_value
from resdiff.amend.model import Target
from resdiff.amend.read import parse_instruction, read_amendments
from resdiff.errors import InputError


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("the third preambular paragraph", "PP3"),
        ("the twenty-third preambular paragraph", "PP23"),
        ("the 3rd preambular paragraph", "PP3"),
        ("preambular paragraph 4", "PP4"),
        ("operative paragraph 7", "OP7"),
        ("Operative Paragraph 7 (b)", "OP7(b)"),
        ("operative paragraph 7(b)(ii)", "OP7(b)(ii)"),
        ("subparagraph (b) of operative paragraph 7", "OP7(b)"),
        ("sub-paragraph (ii) of operative paragraph 7 (b)", "OP7(b)(ii)"),
        ("operative paragraph 7, subparagraph (b)", "OP7(b)"),
        ("subparagraph (a) of the second preambular paragraph", "PP2(a)"),
        ("paragraph 12", "OP12"),
        ("OP 5", "OP5"),
    ],
)
def test_addresses_in_their_common_forms(text: str, clause: str) -> None:
    (a,) = parse_instruction(1, f"Delete {text}.")
    assert a.op == "delete-paragraph" and a.target.clause == clause


def test_ordinals_are_data_and_round_trip() -> None:
    assert [ordinal(n) for n in (1, 12, 20, 23, 101)] == [
        "first",
        "twelfth",
        "twentieth",
        "twenty-third",
        "one hundred and first",
    ]
    assert all(ordinal_value(ordinal(n)) == n for n in range(1, 300))
    address = parse_address("the forty-second preambular paragraph")
    assert (
        address is not None and render_address(address) == "the forty-second preambular paragraph"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        'In operative paragraph 1, replace the words "demands" with "calls for".',
        "In operative paragraph 1, replace “demands” by “calls for”",
        "In operative paragraph 1, the words “demands” shall be replaced by “calls for”.",
        "In operative paragraph 1, substitute “calls for” for “demands”.",
        "In operative paragraph 1, change the word “demands” to “calls for”.",
        "Replace the word “demands” in operative paragraph 1 with “calls for”.",
    ],
)
def test_replace_words_variants(sentence: str) -> None:
    (a,) = parse_instruction(3, sentence)
    assert (a.number, a.op, a.target.clause, a.old, a.new) == (
        3,
        "replace-words",
        "OP1",
        "demands",
        "calls for",
    )


@pytest.mark.parametrize(
    ("sentence", "position", "words"),
    [
        (
            "In the second preambular paragraph, after “Reaffirming”, insert “firmly”.",
            "after",
            "Reaffirming",
        ),
        (
            "In the second preambular paragraph, insert the word “firmly” after the word "
            "“Reaffirming”",
            "after",
            "Reaffirming",
        ),
        (
            "In the second preambular paragraph, before the word “the”, add “firmly”.",
            "before",
            "the",
        ),
        ("At the end of the second preambular paragraph, add “firmly”.", "end", None),
        ("At the beginning of the second preambular paragraph, insert “firmly”.", "start", None),
    ],
)
def test_insert_words_variants(sentence: str, position: str, words: str | None) -> None:
    (a,) = parse_instruction(1, sentence)
    assert a.op == "insert-words" and a.new == "firmly"
    assert a.target == Target("PP2", "the second preambular paragraph", position, words)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "sentence",
    [
        "In operative paragraph 2, delete the words “all parties”.",
        "In operative paragraph 2, strike out “all parties”",
        "In operative paragraph 2, the words “all parties” should be deleted.",
        "Delete the words “all parties” from operative paragraph 2.",
    ],
)
def test_delete_words_variants(sentence: str) -> None:
    (a,) = parse_instruction(1, sentence)
    assert (a.op, a.target.clause, a.old) == ("delete-words", "OP2", "all parties")


def test_which_occurrence() -> None:
    (a,) = parse_instruction(
        1, "In operative paragraph 2, replace the second occurrence of “in” with “on”."
    )
    (b,) = parse_instruction(
        1, "In operative paragraph 2, replace “in” (third occurrence) with “on”."
    )
    assert (a.target.occurrence, b.target.occurrence) == (2, 3)


def test_one_instruction_with_two_changes_keeps_one_number() -> None:
    parts = parse_instruction(
        4,
        "In operative paragraph 1, replace “demands” with “calls for”; and delete “immediate, and "
        "unconditional”, and after “release” insert “of all hostages”.",
    )
    assert [(p.number, p.op, p.target.clause) for p in parts] == [
        (4, "replace-words", "OP1"),
        (4, "delete-words", "OP1"),
        (4, "insert-words", "OP1"),
    ]
    assert parts[1].old == "immediate, and unconditional"  # "and" inside quotes is not a cut


@pytest.mark.parametrize(
    ("sentence", "op", "position", "anchor", "kind"),
    [
        (
            "Insert a new operative paragraph after operative paragraph 3, to read:",
            "insert-paragraph",
            "after",
            "OP3",
            "operative",
        ),
        (
            "After the fifth preambular paragraph, insert a new preambular paragraph reading:",
            "insert-paragraph",
            "after",
            "PP5",
            "preambular",
        ),
        (
            "Add the following new paragraphs before operative paragraph 1:",
            "insert-paragraph",
            "before",
            "OP1",
            None,
        ),
        (
            "Add a new sub-paragraph at the end of operative paragraph 4, to read:",
            "insert-paragraph",
            "end",
            "OP4",
            "subparagraph",
        ),
        (
            "Insert a new preambular paragraph at the end of the preamble, to read:",
            "insert-paragraph",
            "end",
            "PP0",
            "preambular",
        ),
        (
            "Replace operative paragraph 3 with the following:",
            "replace-paragraph",
            "in",
            "OP3",
            None,
        ),
        ("Amend operative paragraph 3 to read:", "replace-paragraph", "in", "OP3", None),
        ("Operative paragraph 3 should read:", "replace-paragraph", "in", "OP3", None),
    ],
)
def test_forms_with_a_paragraph_text(
    sentence: str, op: str, position: str, anchor: str, kind: str | None
) -> None:
    (a,) = parse_instruction(1, sentence + "\n“Urges all parties to act;”")
    assert (a.op, a.target.position, a.kind, a.new) == (
        op,
        position,
        kind,
        "Urges all parties to act;",
    )
    if anchor != "PP0":
        assert a.target.clause == anchor


def test_paragraph_text_quoted_per_paragraph_with_sub_paragraphs() -> None:
    (a,) = parse_instruction(
        1,
        "Insert two new operative paragraphs after operative paragraph 2, to read:\n"
        "“3. Requests the Secretary-General:\n"
        "(a) To report on the implementation\n"
        "   of the present resolution;\n"
        "(b) To brief the Council;”\n"
        '"4. Decides to remain seized of the matter."',
    )
    assert a.new == (
        "3. Requests the Secretary-General:\n(a) To report on the implementation of the present "
        "resolution;\n(b) To brief the Council;\n\n4. Decides to remain seized of the matter."
    )


@pytest.mark.parametrize(
    ("sentence", "position", "anchor"),
    [
        ("Move operative paragraph 5 to follow operative paragraph 2.", "after", "OP2"),
        ("Move operative paragraph 5 so that it follows operative paragraph 2", "after", "OP2"),
        ("Move operative paragraph 5 before operative paragraph 2.", "before", "OP2"),
        ("Move operative paragraph 5 to precede operative paragraph 2.", "before", "OP2"),
        ("Place operative paragraph 5 after operative paragraph 2.", "after", "OP2"),
    ],
)
def test_move_variants(sentence: str, position: str, anchor: str) -> None:
    (a,) = parse_instruction(1, sentence)
    assert a.op == "move-paragraph" and a.target.clause == "OP5"
    assert a.destination is not None and (a.destination.position, a.destination.clause) == (
        position,
        anchor,
    )


def test_header_names_the_draft_and_its_sponsors() -> None:
    listed = read_amendments(
        "United Nations                      S/2024/9003\n"
        "Security Council                    Distr.: Limited\n\n"
        "Russian Federation: amendment to draft resolution S/2024/9002\n\n"
        "In operative paragraph 1, after “lasting”, insert “permanent”.\n"
    )
    assert listed.draft == "S/2024/9002" and listed.sponsors == "Russian Federation"
    assert [a.number for a in listed.amendments] == [1]


def test_numbers_inside_a_quoted_paragraph_do_not_start_an_instruction() -> None:
    listed = read_amendments(
        "1. Replace operative paragraph 1 with the following:\n"
        "“Demands a ceasefire, and\n"
        "2. decides to remain seized;”\n\n"
        "2. Delete operative paragraph 3.\n"
    )
    assert [a.op for a in listed.amendments] == ["replace-paragraph", "delete-paragraph"]
    assert listed.amendments[0].new == "Demands a ceasefire, and\n\n2. decides to remain seized;"


def test_page_furniture_between_instructions_is_ignored() -> None:
    listed = read_amendments(
        "1. Delete operative paragraph 3.\n\n24-05234 (E)\n2/4\n\n"
        "2. Delete operative paragraph 4.\n"
    )
    assert [a.instruction for a in listed.amendments] == [
        "Delete operative paragraph 3.",
        "Delete operative paragraph 4.",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "1. Delete operative paragraph 3.\n\n2. Strengthen the text.\n",
            "instruction 2: not understood",
        ),
        ("1. Delete the tenth heading of nowhere.\n", "instruction 1: no paragraph is called"),
        (
            "Russian Federation: amendment to draft resolution S/2024/9002\n",
            "no amendment instructions",
        ),
        (
            "1. Insert a new operative paragraph after operative paragraph 2, to read:\n",
            "instruction 1: the text to insert is missing",
        ),
    ],
)
def test_unreadable_documents_name_the_instruction(text: str, problem: str) -> None:
    with pytest.raises(InputError) as info:
        read_amendments(text, "am.txt")
    assert str(info.value).startswith(f"am.txt: {problem}")
