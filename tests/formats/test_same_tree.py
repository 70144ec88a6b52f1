"""One draft, three formats, one clause tree: parse(docx) == parse(pdf) == parse(txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.model import Document
from resdiff.pipeline import load


def clause_keys(document: Document) -> list[tuple[str, str, str | None, str | None, str]]:
    return [(c.id, c.kind, c.number, c.opener, " ".join(c.text.split())) for c in document.walk()]


def test_sample_parses_the_same_in_every_format(sample_files: dict[str, Path]) -> None:
    txt = load(str(sample_files["txt"]))
    assert txt.parse.structure == "un"
    expected = clause_keys(txt)
    assert any(k[1] == "subparagraph" for k in expected)
    assert clause_keys(load(str(sample_files["docx"]))) == expected
    assert clause_keys(load(str(sample_files["pdf"]))) == expected


def test_seed_parses_the_same_in_every_format(seed_files: dict[str, Path]) -> None:
    txt = load(str(seed_files["txt"]))
    assert txt.parse.structure == "un"
    expected = clause_keys(txt)
    assert len(expected) > 10 and {"preambular", "operative"} <= {k[1] for k in expected}
    assert clause_keys(load(str(seed_files["docx"]))) == expected
    assert clause_keys(load(str(seed_files["pdf"]))) == expected


@pytest.mark.parametrize(
    "seed",
    ["s-2024-9001-rev1-tied.txt", "s-2024-9000-earlier.txt", "s-2024-9002-demands.txt"],
)
def test_drafts_printed_line_for_line(seed: str, tmp_path: Path) -> None:
    """Printed as they are, with no blank line anywhere, drafts read back as the same
    clauses. Rev.1 has a trap: a line ending with "," continued by a line starting in
    lower case; 9000 has sub-paragraphs down to (iii)."""
    from tests.formats.builders import make_pdf_from_lines
    from tests.formats.conftest import seed_text

    text = seed_text(seed)
    txt, pdf = tmp_path / "rev1.txt", tmp_path / "rev1.pdf"
    txt.write_text(text, "utf-8")
    pdf.write_bytes(make_pdf_from_lines(text))
    expected = clause_keys(load(str(txt)))
    assert len(expected) > 20
    assert clause_keys(load(str(pdf))) == expected
