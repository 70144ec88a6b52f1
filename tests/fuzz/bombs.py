"""Hand-made resource bombs and hostile files, each under 1 MB: the cases an adversarial
campaign reported (issue 15) and the ones found while fixing them. ``bench/fuzz_campaign.py``
runs each in a fresh process and records time and peak memory; the target is 10 s and
500 MB for any of them.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.formats.hostile import (
    deep_page_tree,
    document_xml,
    one_page_pdf,
    paragraphs_xml,
    part_xml,
    raw_pdf,
    stream,
    text_content,
    word_file,
)

AUTHOR = "<p>The Security Council,</p>"
MB = 1024 * 1024


def _html(body: str) -> bytes:
    return f"<html><body>{AUTHOR}{body}</body></html>".encode()


def _numbered_word(lvl: str, ilvl: str = "0", paragraphs: int = 3) -> bytes:
    numbering = part_xml(
        "numbering",
        f'<w:abstractNum w:abstractNumId="1">{lvl}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    )
    body = (
        paragraphs_xml("The Security Council,")
        + (
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            "<w:r><w:t>Demands a ceasefire;</w:t></w:r></w:p>"
        )
        * paragraphs
    )
    return word_file(document_xml(body), numbering=numbering)


def _lvl(ilvl: str, start: str, fmt: str, text: str) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _tiny_paragraphs_word(xml_bytes: int) -> bytes:
    unit = "<w:p><w:r><w:t>x y</w:t></w:r></w:p>"
    return word_file(
        document_xml(paragraphs_xml("The Security Council,") + unit * (xml_bytes // len(unit)))
    )


def _laughs() -> bytes:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    return word_file(
        document_xml(
            paragraphs_xml("The Security Council,", "&a9;"), f"<!DOCTYPE w:document [{entities}]>"
        )
    )


def _self_drawing_form() -> bytes:
    """A form XObject that draws itself: text extraction must not recurse forever."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >> >>",
            stream(text_content("The Security Council,", "1. Decides.") + b" /X0 Do"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject "
            b"<< /X0 6 0 R >> /Font << /F1 5 0 R >> >> /Length 30 >>\nstream\n"
            b"BT /F1 9 Tf (loop) Tj ET /X0 Do\nendstream",
        ]
    )


def _page_cycle() -> bytes:
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(text_content("The Security Council,")),
        ]
    )


def _many_text_ops() -> bytes:
    ops = (
        b"BT /F1 11 Tf 72 740 Td 14 TL (The Security Council,) Tj T* " + b"(1. x;) Tj T* " * 60_000
    )
    return one_page_pdf(ops + b"ET", flate=True)


def _operative_text(count: int) -> bytes:
    lines = ["The Security Council,", ""]
    lines += [f"{i % 999 + 1}. Demands measure {i} of the plan;\n" for i in range(count)]
    return "\n".join(lines).encode()


#: name -> (file name, builder). Every builder's bytes are under 1 MB.
BOMBS: dict[str, tuple[str, Callable[[], bytes]]] = {
    # HTML lists (issue 15 item 4) and tag soups
    "html: <ol start=10000000000>": (
        "a.html",
        lambda: _html("<ol start=10000000000><li>x<li>y</ol>"),
    ),
    "html: letter list from 10^10": (
        "a.html",
        lambda: _html("<ol><li><ol start=10000000000><li>x</ol></ol>"),
    ),
    "html: roman list from 10^12": (
        "a.html",
        lambda: _html("<ol type=i start=1000000000000><li>x</ol>"),
    ),
    "html: charset=undefined": (
        "a.html",
        lambda: b'<meta charset="undefined">' + _html("<p>1. x.</p>"),
    ),
    "html: 100,000 nested <ol>": ("a.html", lambda: _html("<ol>" * 100_000 + "<li>x")),
    "html: 1 MB of open tags in <nav>": (
        "a.html",
        lambda: _html("<nav>" + "<b>" * 150_000 + "</i>" * 100_000 + "</nav><p>1. x.</p>"),
    ),
    "html: 200,000 list items": ("a.html", lambda: _html("<ol>" + "<li>x" * 200_000)),
    # Markdown
    "md: 3,000 nested emphasis": (
        "a.md",
        lambda: b"The Security Council,\n\n1. Demands " + b"*" * 3000 + b"x" + b"*" * 3000 + b";\n",
    ),
    "md: 100,000 nested quotes": ("a.md", lambda: b"> " * 100_000 + b"x\n"),
    "md: 80,000 sub-items": ("a.md", lambda: b"1. Requests:\n" + b"   - item;\n" * 80_000),
    "md: 300,000 brackets": ("a.md", lambda: b"[" * 300_000 + b"x" + b"]" * 300_000),
    # Word numbering (issue 15 item 4), XML, fields
    "docx: ilvl 100,000,000": (
        "a.docx",
        lambda: _numbered_word(_lvl("100000000", "1", "decimal", "%1."), "100000000"),
    ),
    "docx: letter start 10^10": (
        "a.docx",
        lambda: _numbered_word(_lvl("0", "10000000000", "lowerLetter", "(%1)")),
    ),
    "docx: lvlText of 100,000 %1": (
        "a.docx",
        lambda: _numbered_word(_lvl("0", "700", "lowerLetter", "%1" * 100_000), paragraphs=200),
    ),
    "docx: 8 MB of tiny paragraphs (limit)": (
        "a.docx",
        lambda: _tiny_paragraphs_word(8 * MB - 4096),
    ),
    "docx: 64 MB of tiny paragraphs": ("a.docx", lambda: _tiny_paragraphs_word(64 * MB)),
    "docx: 24,000 tiny paragraphs": ("a.docx", lambda: _tiny_paragraphs_word(24_000 * 36)),
    "docx: billion laughs": ("a.docx", _laughs),
    "docx: 250 nested content controls": (
        "a.docx",
        lambda: word_file(
            document_xml(
                "<w:sdt><w:sdtContent>" * 250
                + paragraphs_xml("The Security Council,", "1. x;")
                + "</w:sdtContent></w:sdt>" * 250
            )
        ),
    ),
    "docx: 100,000 unpaired field starts": (
        "a.docx",
        lambda: word_file(
            document_xml(
                paragraphs_xml("The Security Council,")
                + "<w:p>"
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' * 100_000
                + "</w:p>"
            )
        ),
    ),
    # PDF (issue 15 item 5)
    "pdf: page tree 5,000 deep": ("a.pdf", lambda: deep_page_tree(5000)),
    "pdf: arrays 5,000 deep": (
        "a.pdf",
        lambda: one_page_pdf(
            b"BT /F1 12 Tf 72 720 Td " + b"[" * 5000 + b"(x)" + b"]" * 5000 + b" TJ ET"
        ),
    ),
    "pdf: stream inflating past 100 MB": (
        "a.pdf",
        lambda: one_page_pdf(
            text_content("The Security Council,") + b" " * 100_000_000, flate=True
        ),
    ),
    "pdf: a form drawing itself": ("a.pdf", _self_drawing_form),
    "pdf: page tree cycle": ("a.pdf", _page_cycle),
    "pdf: 60,000 text lines": ("a.pdf", _many_text_ops),
    # Plain text: the pipeline's own cost on 1 MB
    "txt: 1 MB of one-word paragraphs": (
        "a.txt",
        lambda: b"The Security Council,\n\n" + b"x y\n\n" * 200_000,
    ),
    "txt: 1 MB, one line": (
        "a.txt",
        lambda: b"The Security Council,\n\n1. Demands " + b"ceasefire " * 100_000 + b";\n",
    ),
    "txt: 24,000 operative paragraphs (under the line limit)": (
        "a.txt",
        lambda: _operative_text(24_000),
    ),
    "txt: 5,000 operative paragraphs": ("a.txt", lambda: _operative_text(5_000)),
}
