"""One draft, three formats, one clause tree: parse(docx) == parse(pdf) == parse(txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.model import Document
from resdiff.pipeline import load


def clause_keys(document: Document) -> list[tuple[str, str, str | None, str | None, str]]:
    return [(c.id, c.kind, c.number, c.opener, " ".join(c.text.split())) for c in document.walk()]


def _stub_parser() -> bool:
    from resdiff.ingest import SourceText
    from resdiff.parse.structure import parse_source

    return parse_source(SourceText("x", "txt", "x")).parse.note == "stub parser"


needs_parser = pytest.mark.xfail(
    _stub_parser(),
    reason="the stub parser reads blank-line paragraphs only; the real one lands from 'parse'",
    strict=False,
)


@needs_parser
def test_sample_parses_the_same_in_every_format(sample_files: dict[str, Path]) -> None:
    txt = load(str(sample_files["txt"]))
    assert txt.parse.structure == "un"
    expected = clause_keys(txt)
    assert any(k[1] == "subparagraph" for k in expected)
    assert clause_keys(load(str(sample_files["docx"]))) == expected
    assert clause_keys(load(str(sample_files["pdf"]))) == expected


@needs_parser
def test_seed_parses_the_same_in_every_format(seed_files: dict[str, Path]) -> None:
    txt = load(str(seed_files["txt"]))
    expected = clause_keys(txt)
    assert len(expected) > 10
    assert clause_keys(load(str(seed_files["docx"]))) == expected
    assert clause_keys(load(str(seed_files["pdf"]))) == expected
