"""How copies of adopted texts print what the parser must still read (issue 10, the
fresh real-text set): "Acting under" variants, the vote line under the last paragraph,
a first operative number lost as a bullet, preambular paragraphs run together on a line.

All drafts here are invented for these tests.
"""

from __future__ import annotations

import pytest

from resdiff.ingest import SourceText
from resdiff.model import Document
from resdiff.parse.invariants import tiling_problems
from resdiff.parse.lexicon import load_lexicon
from resdiff.parse.structure import parse_source


def parse(text: str) -> Document:
    doc = parse_source(SourceText("test.txt", "txt", text))
    assert tiling_problems(doc) == []
    return doc


def ids(doc: Document) -> list[str]:
    return [c.id for c in doc.walk()]


def texts(doc: Document) -> dict[str, str]:
    return {c.id: c.text for c in doc.walk()}


# --- "Acting under" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "opener"),
    [
        ("Acting under Article 41 of Chapter VII of the Charter,", "Acting under"),
        ("Acting under Chapter VII of the UN Charter,", "Acting under"),
        ("Acting under Chapter VI of the Charter of the United Nations,", "Acting under"),
        (
            "Acting under Chapter VII of the Charter of the United Nations,",
            "Acting under Chapter VII of the Charter of the United Nations",
        ),
    ],
)
def test_acting_under_opens_a_preambular_paragraph(line: str, opener: str) -> None:
    found = load_lexicon("en").opener(line)
    assert found is not None
    assert (found.kind, found.text) == ("preambular", opener)


def test_acting_under_starts_a_paragraph_with_no_blank_line_before() -> None:
    doc = parse(
        "The Security Council,\n"
        "Recalling its resolution 5102 (2035) on the Ostrava basin,\n"
        "Acting under Article 41 of Chapter VII of the Charter of the United Nations,\n"
        "1. Decides to renew the measures imposed by resolution 5102 (2035);\n"
    )
    assert ids(doc) == ["PP1", "PP2", "OP1"]
    assert texts(doc)["PP2"].startswith("Acting under Article 41")
    assert doc.clauses[1].opener == "Acting under"


def test_acting_alone_mid_paragraph_is_no_opener() -> None:
    # "Acting" that is not "Acting under" (an acting head) continues the paragraph.
    doc = parse(
        "The Security Council,\n"
        "Commending the Special Representative and the Deputy,\n"
        "Acting Head of the Office, for their work,\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["PP1", "OP1"]


# --- the vote or adoption line under the text ---------------------------------------------

VOTED = """\
The Security Council,

Noting the report of the Commission on the Kestrel islands,

1. Calls upon the parties to cooperate with the Commission;
2. Decides to remain seized of the question.
Adopted at the 812th meeting by 8 votes to 1 (Ostravia), with 2 abstentions (Pelmark, Quendor).
"""


def test_a_vote_line_is_not_text_of_the_last_paragraph() -> None:
    doc = parse(VOTED)
    assert ids(doc) == ["PP1", "OP1", "OP2"]
    last = doc.clauses[-1]
    assert last.text == "Decides to remain seized of the question."
    assert "8 votes to 1" in last.span.slice(doc.text)  # in its span: nothing is lost
    assert doc.warnings == ()


def test_copies_differing_only_in_votes_have_the_same_clauses() -> None:
    other = VOTED.replace("by 8 votes to 1 (Ostravia)", "unanimously")
    other = other.replace("Adopted at the 812th meeting unanimously", "Adopted unanimously at")
    assert texts(parse(VOTED)) == texts(parse(other))


def test_a_wrapped_adoption_line_after_a_blank_line_opens_no_paragraph() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "Recalling its resolution 5301 (2038),\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "Adopted by the Security Council at its 9630th meeting,\n"
        "on 5 March 2039.\n"
    )
    assert ids(doc) == ["PP1", "OP1"]
    assert doc.clauses[-1].text == "Decides to remain seized of the matter."
    assert doc.date == "2039-03-05"


def test_the_header_date_wins_over_the_adoption_line() -> None:
    doc = parse(
        "S/2039/77\n14 February 2039\n\nThe Security Council,\n\n"
        "Recalling its resolution 5301 (2038),\n\n"
        "1. Decides to remain seized of the matter.\n"
        "Adopted by the Security Council at its 9630th meeting, on 5 March 2039.\n"
    )
    assert doc.date == "2039-02-14"


def test_adopted_inside_an_unfinished_sentence_stays_in_the_paragraph() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "1. Endorses the plan of action on the Kestrel islands\n"
        "Adopted by the regional conference on 3 May 2036;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["OP1", "OP2"]
    assert doc.clauses[0].text.endswith("Adopted by the regional conference on 3 May 2036;")
    assert doc.date is None


# --- a first operative number lost as a bullet ------------------------------------------------


def test_a_bullet_before_an_operative_verb_is_the_lost_first_number() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "Acting under Chapter VII of the Charter of the United Nations,\n"
        "- Decides to renew until 30 April 2037 the measures on the Ostrava basin;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["PP1", "OP1", "OP2"]
    op1 = doc.clauses[1]
    assert (op1.label, op1.opener, op1.number) == ("-", "Decides", None)
    assert op1.text.startswith("Decides to renew")
    assert doc.warnings == ()


def test_a_dashed_list_inside_a_paragraph_stays_in_it() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "1. Requests the Mission to give priority to:\n"
        "- the protection of civilians;\n"
        "- Supporting the electoral commission;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["OP1", "OP2"]
    assert doc.clauses[0].text.endswith("- Supporting the electoral commission;")


def test_a_bulleted_preambular_opener_in_the_operative_part_opens_nothing() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "1. Decides to establish a commission of inquiry,\n"
        "- Recalling the statement of its President,\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["OP1", "OP2"]


def test_a_bullet_before_a_preambular_opener_opens_a_preambular_paragraph() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "• Recalling its resolution 5018 (2035),\n"
        "• Welcoming the report of the Panel,\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["PP1", "PP2", "OP1"]
    assert [c.opener for c in doc.clauses][:2] == ["Recalling", "Welcoming"]


# --- preambular paragraphs run together on one line -------------------------------------


def test_preambular_paragraphs_run_together_on_a_later_line_are_split() -> None:
    doc = parse(
        "The General Assembly,\n\n"
        "Recalling its resolution 91/204,\n\n"
        "Noting the report of the Secretary-General, Stressing the importance of the"
        " Aldmere basin, Recalling Security Council resolution 5120 (2036),\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["PP1", "PP2", "PP3", "PP4", "OP1"]
    assert [c.opener for c in doc.clauses[1:4]] == ["Noting", "Stressing", "Recalling"]
    assert texts(doc)["PP2"] == "Noting the report of the Secretary-General,"
    assert texts(doc)["PP4"] == "Recalling Security Council resolution 5120 (2036),"


@pytest.mark.parametrize(
    "paragraph",
    [
        'Welcoming the campaign "Recognizing Carers, Supporting Families" of Pelmark,',
        "Welcoming the plan (Protecting Children, Reaffirming Rights) of Pelmark,",
        "Welcoming the plan “Protecting Children, Reaffirming Rights” of Pelmark,",
        "Recalling the Charter on Affirming Human Dignity, adopted in 2031,",
    ],
)
def test_a_capitalised_opener_inside_a_sentence_splits_nothing(paragraph: str) -> None:
    doc = parse(f"The Human Rights Council,\n\n{paragraph}\n\n1. Decides to act.\n")
    assert ids(doc) == ["PP1", "OP1"]


def test_no_split_on_a_line_that_does_not_end_a_paragraph() -> None:
    doc = parse(
        "The Human Rights Council,\n\n"
        "Noting the statements of Ostravia, Pelmark and Quendor, Welcoming\n"
        "Neighbours, a regional network, in its work on the question,\n\n"
        "1. Decides to act.\n"
    )
    assert ids(doc) == ["PP1", "OP1"]


def test_no_split_in_the_operative_part() -> None:
    doc = parse(
        "The Security Council,\n\n"
        "1. Decides to hold a debate, Recalling its earlier practice, in June;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert ids(doc) == ["OP1", "OP2"]
