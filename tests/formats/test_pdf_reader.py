"""The PDF reader: page furniture removed, lines regrouped into the printed paragraphs."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.errors import InputError
from resdiff.ingest.paragraphs import join_hyphenated, rebuild_paragraphs, vocabulary
from resdiff.ingest.pdf import read_pdf, strip_furniture
from tests.formats.builders import SAMPLE, make_encrypted_pdf, make_pdf, make_scanned_pdf
from tests.formats.test_docx_reader import after_author, expected_items


def raw_pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_seed_pdf_reads_as_the_seed_paragraphs(seed_files: dict[str, Path]) -> None:
    data = seed_files["pdf"].read_bytes()
    pages = raw_pages(data)
    # The fixture is what the reader must undo: several pages, furniture, hyphenated lines.
    assert len(pages) >= 2
    assert any(line.endswith("-") for page in pages for line in page.splitlines())
    assert "1/2" in pages[0] or "1/3" in pages[0]
    text = read_pdf(data, "seed.pdf").text
    assert after_author(text) == expected_items(seed_files["txt"].read_text("utf-8"))


def test_furniture_is_gone_and_the_header_stays() -> None:
    data = make_pdf(SAMPLE, repeat=12, repeat_distr=True)
    pages = raw_pages(data)
    assert len(pages) >= 3
    assert pages[1].lstrip().startswith("S/2099/17")  # running header on later pages
    assert "Distr.: General" in pages[2]
    text = read_pdf(data, "long.pdf").text
    assert text.startswith("United Nations S/2099/17\n")  # page 1 header kept
    assert text.count("S/2099/17") == 1
    assert text.count("Distr.: General") == 1
    assert "24-05234" not in text and "*2405234*" not in text
    assert f"2/{len(pages)}" not in text
    numbers = [p.split(".", 1)[0] for p in after_author(text) if p[:1].isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _cut_mid_paragraph(pages: list[str]) -> bool:
    """Does some page end in the middle of a paragraph (before its footer lines)?"""
    ends = [p.splitlines()[-3 if i == 0 else -2].rstrip() for i, p in enumerate(pages[:-1])]
    return any(not end.endswith((",", ";", ".", ":")) for end in ends)


def test_paragraph_cut_by_a_page_break_is_joined() -> None:
    data = next(
        d for n in range(8, 30) if _cut_mid_paragraph(raw_pages(d := make_pdf(SAMPLE, repeat=n)))
    )
    text = read_pdf(data, "long.pdf").text
    for paragraph in after_author(text):
        assert paragraph.endswith((",", ";", ".", ":")), paragraph


def test_lines_without_blank_lines_are_regrouped() -> None:
    lines = [
        "The Security Council,",
        "Recalling its resolution 2720 (2023) and the statement of Egypt,",
        "Qatar and the United States,",
        "Deeply concerned by the situation,",
        "1) Stresses the swift restoration of basic services,",
        "including water, electricity and sanitation;",
        "2) Requests the Secretary-General to:",
        "(a) Report within 30 days;",
        "3) Decides to remain seized of the matter.",
    ]
    assert rebuild_paragraphs(lines).split("\n\n") == [
        "The Security Council,",
        "Recalling its resolution 2720 (2023) and the statement of Egypt, Qatar and the "
        "United States,",
        "Deeply concerned by the situation,",
        "1) Stresses the swift restoration of basic services, including water, electricity "
        "and sanitation;",
        "2) Requests the Secretary-General to:",
        "(a) Report within 30 days;",
        "3) Decides to remain seized of the matter.\n",
    ]


@pytest.mark.parametrize(
    ("head", "tail", "elsewhere", "joined"),
    [
        ("humani", "tarian", "", True),  # syllables: join
        ("inter", "national", "national", True),  # only the tail is a word: join
        ("two", "State", "", False),  # capitalised tail: a real compound
        ("cease", "fire", "", False),  # listed compound prefix
        ("non", "governmental", "", False),
        ("conflict", "induced", "conflict induced", False),  # both halves are words
        ("follow", "up", "", False),
        ("cease", "fire", "ceasefire", True),  # the joined word is used elsewhere
        ("protec", "tion", "protec-tion", False),  # the hyphenated form is used elsewhere
    ],
)
def test_line_end_hyphens(head: str, tail: str, elsewhere: str, joined: bool) -> None:
    vocab = vocabulary([f"{head}-", f"{tail} more words", elsewhere])
    assert join_hyphenated(head, tail, vocab) is joined


def test_running_lines_recurring_on_most_pages_are_removed() -> None:
    pages = [
        ["Draft for consultation", "The Security Council,", "Recalling x,", "Footer text 1"],
        ["Draft for consultation", "Noting y,", "Footer text 2"],
        ["Draft for consultation", "1. Decides z.", "Footer text 3"],
    ]
    assert strip_furniture(pages) == [
        "Draft for consultation",
        "The Security Council,",
        "Recalling x,",
        "Noting y,",
        "1. Decides z.",
    ]


def test_encrypted_pdf_is_refused_in_one_line() -> None:
    with pytest.raises(InputError, match=r"locked.pdf: encrypted PDF: cannot read$"):
        read_pdf(make_encrypted_pdf(), "locked.pdf")


def test_pdf_encrypted_only_against_editing_is_read() -> None:
    src = read_pdf(make_encrypted_pdf(user_password=""), "owner-only.pdf")
    assert "The Security Council," in src.text


def test_scanned_pdf_asks_for_ocr() -> None:
    with pytest.raises(InputError, match=r"scan.pdf: no text layer: run OCR first$"):
        read_pdf(make_scanned_pdf(), "scan.pdf")


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_truncated_pdf_is_one_clear_error(cut: float) -> None:
    data = make_pdf(SAMPLE)
    with pytest.raises(InputError) as info:
        read_pdf(data[: int(len(data) * cut)], "cut.pdf")
    assert "\n" not in str(info.value)


def test_garbage_after_the_magic_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="corrupt PDF"):
        read_pdf(b"%PDF-1.7\n" + b"\x00garbage" * 50, "junk.pdf")


def _pdf_with_footnotes() -> bytes:
    """Two pages, each with a superscript footnote marker in the body and the note at
    the page foot under a rule, above the footer."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pages = [
        ["The Security Council,", ("Recalling its resolution 2720 (2023)", "1",
         " and the statement of its President,")],
        [("Noting the report of the Secretary-General", "2", ","),
         "1. Decides to remain seized of the matter."],
    ]  # fmt: skip
    notes = ["See S/PRST/2024/1.", "S/2024/100, transmitted to the Council on 2 February."]
    for number, (lines, note) in enumerate(zip(pages, notes, strict=True), 1):
        pdf.add_page()
        pdf.set_font("Times", size=11)
        if number > 1:
            pdf.set_xy(150, 12)
            pdf.cell(35, 5, "S/2099/17", align="R")
        pdf.set_xy(25, 30)
        for line in lines:
            if isinstance(line, str):
                pdf.write(5, line)
            else:
                before, marker, after = line
                pdf.write(5, before)
                pdf.set_font("Times", size=7)
                pdf.char_vpos = "SUP"
                pdf.write(5, marker)
                pdf.char_vpos = "LINE"
                pdf.set_font("Times", size=11)
                pdf.write(5, after)
            pdf.ln()
            pdf.set_x(25)
        pdf.line(25, 258, 80, 258)
        pdf.set_font("Times", size=9)
        pdf.set_xy(25, 260)
        pdf.write(4, f"{number} {note}")
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(25, 280)
        pdf.cell(60, 4, f"24-05234 (E)   {number}/2")
    return bytes(pdf.output())


def test_footnotes_at_the_page_foot_move_to_the_end() -> None:
    text = read_pdf(_pdf_with_footnotes(), "notes.pdf").text
    assert text.split("\n\n") == [
        "The Security Council,",
        "Recalling its resolution 2720 (2023)[1] and the statement of its President,",
        "Noting the report of the Secretary-General[2],",
        "1. Decides to remain seized of the matter.",
        "[1] See S/PRST/2024/1.",
        "[2] S/2024/100, transmitted to the Council on 2 February.\n",
    ]


def test_a_number_at_a_page_foot_without_a_marker_is_body_text() -> None:
    from resdiff.ingest.pdf import split_footnotes

    lines = ["(b) Report to the Council within", "30 days on the situation;"]
    assert split_footnotes(lines) == (lines, [])


_WORDS = [
    "Recalling",
    "Deeply",
    "The",
    "Security",
    "Council,",
    "1.",
    "(a)",
    "humani-",
    "tarian",
    "non-",
    "State;",
    "cease-",
    "fire",
    "law.",
    "Egypt,",
    "Qatar",
    "to:",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join), max_size=12))
def test_rebuilding_paragraphs_loses_nothing_but_line_end_hyphens(lines: list[str]) -> None:
    """Only whitespace changes and line-end hyphens go: every other character survives,
    in order."""

    def visible(text: str) -> str:
        return "".join(c for c in text if not c.isspace() and c != "-")

    assert visible(rebuild_paragraphs(lines)) == visible("".join(lines))
