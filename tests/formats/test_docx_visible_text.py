"""Word text is read as Word shows it: every text node of a run, fields' results, hidden
text left out and said. A draft that adds words where only a careless reader would miss
them must still differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.cli import main
from resdiff.ingest.docx import read_docx
from tests.formats.hostile import document_xml, paragraphs_xml, part_xml, word_file

HEAD = ("The Security Council,", "Recalling its earlier resolutions,")
OP1 = "1. Demands an immediate ceasefire"
ADDED = ", conditional on the prior release of all hostages"


def _docx(*texts: str, prolog: str = "", **parts: bytes) -> bytes:
    return word_file(document_xml(paragraphs_xml(*HEAD, *texts), prolog), **parts)


def _body(data: bytes) -> list[str]:
    text = read_docx(data, "t.docx").text
    return [p.strip() for p in text.split("\n\n") if p.strip()][len(HEAD) :]


def _run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(*runs: str, style: str = "") -> bytes:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return document_xml(paragraphs_xml(*HEAD) + f"<w:p>{ppr}{''.join(runs)}</w:p>")


@pytest.mark.parametrize(
    "hide",
    ["<!-- reviewed -->", "<?word-review note?>", "<!---->"],
    ids=["comment", "processing-instruction", "empty-comment"],
)
def test_text_after_a_comment_or_instruction_inside_w_t_is_read(hide: str) -> None:
    assert _body(_docx(f"{OP1}{hide}{ADDED};")) == [f"{OP1}{ADDED};"]


def test_added_words_behind_an_xml_comment_are_a_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The campaign's case: B adds the condition after a comment inside w:t; Word and
    LibreOffice show it, so the report must (it used to say "B does not differ")."""
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    a.write_bytes(_docx(f"{OP1};"))
    b.write_bytes(_docx(f"{OP1}<!-- -->{ADDED};"))
    assert main(["report", str(a), str(b), "--format", "txt", "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "does not differ" not in out
    # (the linkage's cue phrase is marked between ⟨ ⟩)
    assert "{+, ⟨conditional on⟩ the prior release of all hostages+}" in out


def test_internal_entities_read_with_their_declared_text_and_said() -> None:
    prolog = '<!DOCTYPE w:document [<!ENTITY cond ", conditional on <b>release</b>">]>'
    data = _docx(f"{OP1}&cond;;", prolog=prolog)
    assert _body(data) == [f"{OP1}, conditional on release;"]
    assert any("uses entities" in n for n in read_docx(data, "t.docx").notes)


def test_external_entities_are_never_fetched_and_stay_visible(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file://{secret}">]>'
    data = _docx(f"{OP1}&ext;{ADDED};", prolog=prolog)
    assert _body(data) == [f"{OP1}&ext;{ADDED};"]
    note = " ".join(read_docx(data, "t.docx").notes)
    assert "1 external, kept as written" in note and "SECRET" not in note


def test_an_element_inside_w_t_keeps_its_text() -> None:
    assert _body(_docx(f"{OP1}<x:extra xmlns:x='urn:x'>{ADDED}</x:extra>;")) == [f"{OP1}{ADDED};"]


def _field(code: str, result: str, code_as_text: bool = False) -> str:
    code_run = (
        f'<w:r><w:t xml:space="preserve">{code}</w:t></w:r>'
        if code_as_text
        else f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
    )
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + code_run
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + f'<w:r><w:t xml:space="preserve">{result}</w:t></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_fields_show_their_result_not_their_code() -> None:
    data = word_file(_paragraph(_run(f"{OP1} in "), _field(" REF city ", "Geneva"), _run(";")))
    assert _body(data) == [f"{OP1} in Geneva;"]
    assert read_docx(data, "t.docx").notes == ()  # an ordinary field is nothing to report


def test_text_typed_into_a_field_code_is_left_out_and_said() -> None:
    data = word_file(_paragraph(_run(OP1), _field(ADDED, "", code_as_text=True), _run(";")))
    assert _body(data) == [f"{OP1};"]
    (note,) = read_docx(data, "t.docx").notes
    assert "field codes" in note and f"{len(ADDED)} characters" in note


def test_unpaired_field_markers_hide_nothing() -> None:
    """A lone "begin" must not swallow the rest of the draft."""
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    data = word_file(_paragraph(_run(OP1), begin, _run(f"{ADDED};")))
    assert _body(data) == [f"{OP1}{ADDED};"]
    assert any("do not pair up" in n for n in read_docx(data, "t.docx").notes)


def test_simple_fields_show_their_result() -> None:
    simple = f'<w:fldSimple w:instr=" REF city ">{_run("Geneva")}</w:fldSimple>'
    assert _body(word_file(_paragraph(_run(f"{OP1} in "), simple, _run(";")))) == [
        f"{OP1} in Geneva;"
    ]


def test_hidden_runs_are_left_out_and_counted() -> None:
    data = word_file(_paragraph(_run(OP1), _run(ADDED, "<w:vanish/>"), _run(";")))
    assert _body(data) == [f"{OP1};"]
    (note,) = read_docx(data, "t.docx").notes
    assert "hidden text (w:vanish)" in note and f"{len(ADDED)} characters" in note


def test_vanish_switched_off_is_shown() -> None:
    data = word_file(_paragraph(_run(OP1), _run(ADDED, '<w:vanish w:val="0"/>'), _run(";")))
    assert _body(data) == [f"{OP1}{ADDED};"]


STYLES = part_xml(
    "styles",
    '<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Sub"><w:basedOn w:val="Secret"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Ghost"><w:rPr><w:vanish/></w:rPr></w:style>',
)


def test_hidden_through_a_character_style_and_its_base() -> None:
    data = word_file(
        _paragraph(_run(OP1), _run(ADDED, '<w:rStyle w:val="Sub"/>'), _run(";")), styles=STYLES
    )
    assert _body(data) == [f"{OP1};"]


def test_hidden_through_the_paragraph_style_unless_the_run_says_otherwise() -> None:
    data = word_file(
        _paragraph(_run(OP1, '<w:vanish w:val="false"/>'), _run(ADDED), style="Ghost"),
        styles=STYLES,
    )
    assert _body(data) == [OP1]


def test_a_field_whose_begin_marker_is_hidden_still_hides_its_code() -> None:
    begin = '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    rest = _field("code", "shown").removeprefix('<w:r><w:fldChar w:fldCharType="begin"/></w:r>')
    data = word_file(_paragraph(_run(f"{OP1} "), begin, rest, _run(";")))
    assert _body(data) == [f"{OP1} shown;"]


def test_hidden_text_in_a_footnote_is_left_out() -> None:
    footnotes = part_xml(
        "footnotes",
        '<w:footnote w:id="1"><w:p>'
        + _run("See resolution 2720 (2023)")
        + _run(ADDED, "<w:vanish/>")
        + _run(".")
        + "</w:p></w:footnote>",
    )
    reference = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    data = word_file(_paragraph(_run(OP1), reference, _run(";")), footnotes=footnotes)
    assert _body(data) == [f"{OP1}[1];", "[1] See resolution 2720 (2023)."]


# --- text boxes and alternate content (issue 15) -----------------------------------------

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _box(text: str) -> str:
    return f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"


def _drawing_box(text: str) -> str:
    """A text box as Word 2010+ writes it: DrawingML in mc:Choice, the same box in VML
    in mc:Fallback for older readers."""
    return (
        f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps">'
        f'<w:drawing><wp:anchor xmlns:wp="{WP}"><a:graphic xmlns:a="{A}"><a:graphicData>'
        f'<wps:wsp xmlns:wps="{WPS}"><wps:txbx>{_box(text)}</wps:txbx></wps:wsp>'
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape xmlns:v="{V}"><v:textbox>{_box(text)}</v:textbox>'
        f"</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _with(*inner: str) -> bytes:
    return word_file(document_xml(paragraphs_xml(*HEAD) + "".join(inner)))


def test_a_text_box_is_read_once_after_the_paragraph_it_is_anchored_in() -> None:
    data = _with(f"<w:p>{_run(OP1 + ';')}{_drawing_box('Annex: list of crossings')}</w:p>")
    assert _body(data) == [f"{OP1};", "Annex: list of crossings"]


def test_alternate_content_reads_the_choice_and_else_the_fallback() -> None:
    both = (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="w14">{_run(ADDED)}'
        f"</mc:Choice><mc:Fallback>{_run(', old wording')}</mc:Fallback></mc:AlternateContent>"
    )
    only_fallback = (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Fallback>{_run(ADDED)}</mc:Fallback>'
        "</mc:AlternateContent>"
    )
    for alternate in (both, only_fallback):
        assert _body(_with(f"<w:p>{_run(OP1)}{alternate}{_run(';')}</w:p>")) == [f"{OP1}{ADDED};"]


def test_a_field_in_a_text_box_is_a_story_of_its_own() -> None:
    # The box's field begins and ends inside it; the body's field spans the anchor.
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r>'
        '<w:fldChar w:fldCharType="end"/></w:r>'
    )
    box = (
        '<w:r><w:pict><v:shape xmlns:v="{V}"><v:textbox><w:txbxContent><w:p>'
        + field.format(_run("2"))
        + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    ).replace("{V}", V)
    data = _with(f"<w:p>{field.format(_run(OP1) + box)}{_run(';')}</w:p>")
    assert _body(data) == [f"{OP1};", "2"]


def test_words_added_in_a_text_box_are_a_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    box = "Crossings to open: Rafah"
    a.write_bytes(_with(f"<w:p>{_run(OP1 + ';')}{_drawing_box(box)}</w:p>"))
    b.write_bytes(_with(f"<w:p>{_run(OP1 + ';')}{_drawing_box(box + ', Erez')}</w:p>"))
    assert main(["report", str(a), str(b), "--format", "txt", "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "does not differ" not in out and "{+, Erez+}" in out
