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
