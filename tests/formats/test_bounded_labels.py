"""Labels a reader writes are bounded: a list that starts at ten billion, a letter list
past "zzz...", a Word level numbered 100,000,000 or a label pattern of a million "%1"
give a clamped label or a clear error - never gigabytes. Each input here is tiny; what
is checked is that the text read stays in proportion to it and says what it should."""

from __future__ import annotations

import pytest

from resdiff.errors import InputError
from resdiff.ingest.docx import read_docx
from resdiff.ingest.html import read_html
from resdiff.ingest.markdown import render_markdown
from resdiff.ingest.wordnumbering import MAX_LABEL, format_number
from tests.formats.hostile import document_xml, part_xml, word_file

HEAD = "<p>The Security Council,</p>"


def _html_items(list_tag: str) -> list[str]:
    data = f"<html><body>{HEAD}{list_tag}<li>Demands a ceasefire;<li>Decides.</ol>".encode()
    text = read_html(data, "page.html").text
    assert len(text) < 500, len(text)
    return [p for p in text.split("\n\n") if p.strip()][1:]


@pytest.mark.parametrize(
    ("tag", "first"),
    [
        ("<ol start=10000000000>", "2147483647. Demands a ceasefire;"),
        ("<ol start=-10000000000>", "-2147483647. Demands a ceasefire;"),
        ("<ol start=" + "9" * 5000 + ">", "2147483647. Demands a ceasefire;"),
        ("<ol type=a start=10000000000>", "(2147483647) Demands a ceasefire;"),
        ("<ol type=i start=1000000000000>", "(2147483647) Demands a ceasefire;"),
        ("<ol type=a start=27>", "(aa) Demands a ceasefire;"),
        ("<ol type=i start=3999>", "(mmmcmxcix) Demands a ceasefire;"),
        ("<ol type=i start=4000>", "(4000) Demands a ceasefire;"),
        ("<ol start=\u00b2>", "1. Demands a ceasefire;"),  # a digit to isdigit(), not to int()
    ],
    ids=["huge", "negative", "5000-digits", "letters", "roman", "aa", "3999", "4000", "super"],
)
def test_html_list_starts_are_clamped(tag: str, first: str) -> None:
    assert _html_items(tag)[0] == first


def test_html_item_values_are_clamped() -> None:
    items = _html_items("<ol type=a><li value=99999999999999999999>x")
    assert items[0] == "(2147483647) x"


def test_letters_run_to_thirty_repeats_then_turn_decimal() -> None:
    assert format_number(780, "lowerLetter") == "z" * 30
    assert format_number(781, "lowerLetter") == "781"
    assert format_number(781, "upperLetter") == "781"
    assert format_number(0, "lowerRoman") == "0"


def test_a_markdown_list_of_thousands_of_sub_items_stays_small() -> None:
    """Letter labels grew with the item's index: 2,000 items made "(xxx...x)" of 77
    letters each; a long list now turns decimal after (zzz...z), 780 items."""
    source = "1. Requests:\n" + "".join(f"   - item {i};\n" for i in range(2000))
    text, _ = render_markdown(source)
    assert len(text) < 2 * len(source)
    assert "(781) item 780;" in text


LEVELS = """<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override}</w:num>"""


def _word(levels: str, paragraphs: list[tuple[str, str]], override: str = "") -> list[str]:
    numbering = part_xml("numbering", LEVELS.format(levels=levels, override=override))
    body = "<w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>" + "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
        f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        for ilvl, text in paragraphs
    )
    data = word_file(document_xml(body), numbering=numbering)
    text = read_docx(data, "n.docx").text
    assert len(text) < len(data), len(text)
    return [p.strip() for p in text.split("\n\n") if p.strip()][1:]


def _lvl(ilvl: str, start: str = "1", fmt: str = "decimal", text: str = "%1.") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def test_a_word_level_outside_0_to_8_gives_no_label_and_no_indent() -> None:
    items = _word(_lvl("100000000"), [("100000000", "Demands a ceasefire;")])
    assert items == ["Demands a ceasefire;"]


def test_word_starts_are_clamped_and_letters_turn_decimal() -> None:
    items = _word(_lvl("0", "99999999999999999999", "lowerLetter", "(%1)"), [("0", "Demands;")])
    assert items == ["(2147483647) Demands;"]


def test_a_start_override_is_clamped_too() -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1e99"/></w:lvlOverride>'
    items = _word(_lvl("0"), [("0", "Demands;")], override)
    assert items == ["1. Demands;"]  # not a number: the definition's start


@pytest.mark.parametrize("bad", ["abc", "", "1.5", "\u0661\u0662"])
def test_numbers_that_are_not_numbers_fall_back(bad: str) -> None:
    items = _word(_lvl("0", start=bad), [("0", "Demands;"), (bad, "Decides.")])
    assert items == ["1. Demands;", "2. Decides."]


def test_a_huge_label_pattern_is_cut() -> None:
    items = _word(_lvl("0", text="%1" * 50_000), [("0", "Demands;")])
    assert items == ["1" * (MAX_LABEL - 1) + "\u2026 Demands;"]


def test_every_level_of_a_pattern_with_letters_stays_bounded() -> None:
    levels = "".join(_lvl(str(n), "700", "lowerLetter", "%1%2%3%4%5%6%7%8%9") for n in range(9))
    items = _word(levels, [(str(n), f"level {n};") for n in range(9)])
    assert all(len(item) <= MAX_LABEL + 12 for item in items), items


def test_a_word_file_whose_xml_is_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from resdiff.ingest import reader

    monkeypatch.setattr(reader, "MAX_WORD_XML_BYTES", 100_000)
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 5_000
    data = word_file(document_xml(body))
    assert len(data) < 5_000
    with pytest.raises(InputError, match="Word document's XML unpacks to more than"):
        reader.detect_format(data, "big.docx")
