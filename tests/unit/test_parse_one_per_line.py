"""Plain paragraphs written one a line, with no blank line (no author line either): each
line that ends a paragraph and starts like one is a paragraph, not the whole text one."""

from __future__ import annotations

from resdiff.ingest import SourceText
from resdiff.parse.structure import parse_source


def _parse(text: str) -> list[str]:
    doc = parse_source(SourceText("plain.txt", "txt", text), "A")
    assert doc.parse.structure == "paragraphs"
    return [c.text for c in doc.clauses]


def test_one_paragraph_a_line() -> None:
    lines = [f"Paragraph number {k} says something about the plan." for k in range(1, 1001)]
    assert _parse("\n".join(lines) + "\n") == lines


def test_a_line_that_does_not_end_its_sentence_goes_on() -> None:
    text = "First paragraph here.\nSecond one; with more\nthat continues here.\nFourth.\n"
    assert _parse(text) == [
        "First paragraph here.",
        "Second one; with more\nthat continues here.",
        "Fourth.",
    ]


def test_with_blank_lines_blocks_stay_blocks() -> None:
    text = "First paragraph here.\nSecond line of it.\n\nThird.\n"
    assert _parse(text) == ["First paragraph here.\nSecond line of it.", "Third."]
