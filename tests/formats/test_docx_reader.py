"""The .docx reader: Word numbering replayed, tracked changes resolved one way, tables,
footnotes and headings kept."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from resdiff.errors import InputError
from resdiff.ingest.docx import read_docx
from resdiff.ingest.reader import read_source
from resdiff.ingest.wordnumbering import w
from tests.formats.builders import SAMPLE, body_xml, docx_bytes, split_draft

R = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def expected_items(text: str) -> list[str]:
    """The seed's paragraphs after the author line, as a reader of the print sees them."""
    out = []
    for item in split_draft(text).items:
        if item.level is None:
            out.append(item.text)
        elif item.level == 0:
            out.append(f"{item.label}. {item.text}")
        else:
            out.append(f"({item.label}) {item.text}")
    return out


def after_author(text: str) -> list[str]:
    paras = paragraphs(text)
    return paras[paras.index("The Security Council,") + 1 :]


def test_sample_numbering_is_rebuilt_from_numbering_xml(sample_files: dict[str, Path]) -> None:
    data = sample_files["docx"].read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode()
    # The labels are not typed in the document: they come only from the numbering part.
    assert "Demands that" in body and "1. Demands" not in body and "(a)" not in body
    text = read_docx(data, "sample.docx").text
    assert after_author(text) == expected_items(SAMPLE)
    assert "\n        (ii) The implementation" in text  # indented by list level


def test_seed_docx_reads_as_the_seed_paragraphs(seed_files: dict[str, Path]) -> None:
    seed = seed_files["txt"].read_text("utf-8")
    text = read_source(str(seed_files["docx"])).text
    assert after_author(text) == expected_items(seed)


def _numbered(level: int, text: str, num: str = "90") -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        f"</w:pPr>{R.format(text)}</w:p>"
    )


def test_sub_levels_restart_under_each_parent() -> None:
    xml = "".join(
        [
            _numbered(0, "First;"),
            _numbered(1, "alpha;"),
            _numbered(1, "beta;"),
            _numbered(0, "Second:"),
            _numbered(1, "gamma;"),
            _numbered(2, "deep;"),
            _numbered(2, "deeper;"),
            _numbered(0, "Third."),
        ]
    )
    text = read_docx(body_xml(xml, numbering=True), "n.docx").text
    assert [p for p in paragraphs(text)] == [
        "1. First;",
        "(a) alpha;",
        "(b) beta;",
        "2. Second:",
        "(a) gamma;",
        "(i) deep;",
        "(ii) deeper;",
        "3. Third.",
    ]


TRACKED = (
    "<w:p>"
    + R.format("Demands ")
    + '<w:del w:id="1" w:author="x"><w:r><w:delText>a sustained</w:delText></w:r></w:del>'
    + '<w:ins w:id="2" w:author="x">'
    + R.format("an immediate")
    + "</w:ins>"
    + R.format(" ceasefire;")
    + "</w:p>"
    # a paragraph added whole (its mark inserted too)
    + '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="x"/></w:rPr></w:pPr>'
    + '<w:ins w:id="4" w:author="x">'
    + R.format("Welcomes the new text;")
    + "</w:ins></w:p>"
    # a paragraph removed whole
    + '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="x"/></w:rPr></w:pPr>'
    + '<w:del w:id="6" w:author="x"><w:r><w:delText>Notes the old text;</w:delText></w:r>'
    + "</w:del></w:p>"
    # moved text
    + "<w:p>"
    + '<w:moveFrom w:id="7" w:author="x">'
    + R.format("Moved away. ")
    + "</w:moveFrom>"
    + R.format("Stays.")
    + '<w:moveTo w:id="8" w:author="x">'
    + R.format(" Moved here.")
    + "</w:moveTo></w:p>"
)


def test_tracked_changes_all_accepted_by_default() -> None:
    src = read_docx(body_xml(TRACKED), "t.docx")
    assert paragraphs(src.text) == [
        "Demands an immediate ceasefire;",
        "Welcomes the new text;",
        "Stays. Moved here.",
    ]
    assert src.notes and "accepted" in src.notes[0]


def test_tracked_changes_all_rejected_on_request() -> None:
    src = read_docx(body_xml(TRACKED), "t.docx", changes="reject")
    assert paragraphs(src.text) == [
        "Demands a sustained ceasefire;",
        "Notes the old text;",
        "Moved away. Stays.",
    ]
    assert "rejected" in src.notes[0]


def test_deleted_paragraph_mark_joins_paragraphs_when_accepted() -> None:
    xml = (
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>'
        + R.format("Demands a ceasefire")
        + "</w:p><w:p>"
        + R.format(" and the release of hostages;")
        + "</w:p>"
    )
    accepted = paragraphs(read_docx(body_xml(xml), "j.docx").text)
    rejected = paragraphs(read_docx(body_xml(xml), "j.docx", changes="reject").text)
    assert accepted == ["Demands a ceasefire and the release of hostages;"]
    assert rejected == ["Demands a ceasefire", "and the release of hostages;"]


def test_tables_are_flattened_row_by_row() -> None:
    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"cell {r}{c}"
    document.add_paragraph("After the table.")
    text = read_docx(docx_bytes(document), "t.docx").text
    assert paragraphs(text) == [
        "Before the table.",
        "cell 00",
        "cell 01",
        "cell 10",
        "cell 11",
        "After the table.",
    ]


def test_headings_are_marked() -> None:
    document = docx.Document()
    document.add_heading("Annex", level=1)
    document.add_paragraph("Text of the annex.")
    src = read_docx(docx_bytes(document), "h.docx")
    lines = src.text.split("\n")
    assert [lines[i] for i in src.heading_lines] == ["Annex"]


FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{docx.oxml.ns.nsmap["w"]}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> See document S/2024/1.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _with_footnotes(data: bytes) -> bytes:
    """Add a footnotes part (python-docx cannot write one) to a saved .docx."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", FOOTNOTES)
    return out.getvalue()


def test_footnotes_are_kept_as_numbered_lines_at_the_end() -> None:
    xml = (
        "<w:p>"
        + R.format("Recalling its resolution 2720 (2023)")
        + '<w:r><w:footnoteReference w:id="1"/></w:r>'
        + R.format(",")
        + "</w:p>"
    )
    text = read_docx(_with_footnotes(body_xml(xml)), "f.docx").text
    assert paragraphs(text) == [
        "Recalling its resolution 2720 (2023)[1],",
        "[1] See document S/2024/1.",
    ]


def _rewritten(drop: str = "", replace: dict[str, bytes] | None = None) -> bytes:
    """The sample .docx with one part dropped or replaced."""
    from tests.formats.builders import make_docx

    src = zipfile.ZipFile(io.BytesIO(make_docx(SAMPLE)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename != drop:
                dst.writestr(item, (replace or {}).get(item.filename, src.read(item.filename)))
    return out.getvalue()


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ("truncated", "corrupt or truncated Word document"),
        ("not a zip", "corrupt or truncated Word document"),
        ("bad document XML", "corrupt Word document (bad XML"),
        ("bad numbering XML", "corrupt Word document (bad XML"),
        ("no content types", "corrupt Word document (missing part"),
    ],
)
def test_broken_files_give_one_clear_error(case: str, problem: str) -> None:
    data = {
        "truncated": lambda: b"PK\x03\x04" + b"\0" * 40,
        "not a zip": lambda: b"not a zip at all",
        "bad document XML": lambda: _rewritten(replace={"word/document.xml": b"<w:document>"}),
        "bad numbering XML": lambda: _rewritten(replace={"word/numbering.xml": b"junk"}),
        "no content types": lambda: _rewritten(drop="[Content_Types].xml"),
    }[case]()
    with pytest.raises(InputError, match=re.escape(problem)) as info:
        read_docx(data, "bad.docx")
    assert "\n" not in str(info.value)


def test_load_says_how_tracked_changes_were_read(tmp_path: Path) -> None:
    from resdiff.pipeline import LoadOptions, load

    path = tmp_path / "tracked.docx"
    path.write_bytes(body_xml(TRACKED))
    assert "tracked changes" in load(str(path)).parse.note
    assert "all rejected" in load(str(path), options=LoadOptions("reject")).parse.note
    plain = tmp_path / "plain.docx"
    plain.write_bytes(body_xml("<w:p>" + R.format("Decides to remain seized.") + "</w:p>"))
    assert "tracked changes" not in load(str(plain)).parse.note


def test_numbering_through_a_list_style_and_bullets() -> None:
    from docx.oxml import parse_xml

    from resdiff.ingest.wordnumbering import W

    document = docx.Document()
    root = document.part.numbering_part.element
    definitions = f"""<w:numbering xmlns:w="{W}">
      <w:abstractNum w:abstractNumId="70"><w:styleLink w:val="UNList"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
          <w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
          <w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="71"><w:numStyleLink w:val="UNList"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="72"><w:lvl w:ilvl="0"><w:start w:val="1"/>
        <w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="71"><w:abstractNumId w:val="71"/></w:num>
      <w:num w:numId="72"><w:abstractNumId w:val="72"/></w:num>
    </w:numbering>"""
    parsed = parse_xml(definitions)
    first_num = root.find(w("num"))
    for child in list(parsed):
        if child.tag == w("abstractNum") and first_num is not None:
            first_num.addprevious(child)
        else:
            root.append(child)
    from tests.formats.builders import number_paragraph

    for text, level, num in [("Decides;", 0, "71"), ("alpha;", 1, "71"), ("Note", 0, "72")]:
        number_paragraph(document.add_paragraph(text), level, num)
    text = read_docx(docx_bytes(document), "styled.docx").text
    assert paragraphs(text) == ["1. Decides;", "(a) alpha;", "Note"]


def test_rejecting_undoes_a_tracked_numbering_change() -> None:
    xml = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
        '<w:pPrChange w:id="1" w:author="x"><w:pPr/></w:pPrChange></w:pPr>'
        + R.format("Decides to remain seized of the matter.")
        + "</w:p>"
    )
    data = body_xml(xml, numbering=True)
    assert paragraphs(read_docx(data, "n.docx").text) == [
        "1. Decides to remain seized of the matter."
    ]
    assert paragraphs(read_docx(data, "n.docx", changes="reject").text) == [
        "Decides to remain seized of the matter."
    ]


def test_text_boxes_are_paragraphs_of_their_own_after_their_anchor() -> None:
    """A reader sees a text box's text (issue 15): it is read, not spliced into the
    paragraph it is anchored in."""
    xml = (
        "<w:p>"
        + R.format("Decides to remain seized of the matter.")
        + "<w:r><w:pict><w:txbxContent><w:p>"
        + R.format("DRAFT - NOT FOR CIRCULATION")
        + "</w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    assert paragraphs(read_docx(body_xml(xml), "box.docx").text) == [
        "Decides to remain seized of the matter.",
        "DRAFT - NOT FOR CIRCULATION",
    ]
