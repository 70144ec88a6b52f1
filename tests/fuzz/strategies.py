"""Hypothesis strategies for the fuzz suite: drafts, visible edits, and malformed inputs
of every format, all built here (no file is checked in).

* ``drafts`` - UN-shaped drafts (author line, preambular and numbered operative
  paragraphs, sub-paragraphs) from a small vocabulary, so clauses share boilerplate.
* ``visible_edits`` - a draft and the same draft with one marker word added inside a
  clause, written in one of the ways a format can write it (behind an XML comment, split
  across runs, inside a field result, in emphasis, through a character reference...).
* ``hostile_inputs`` - bytes that a reader must survive: text with control sequences and
  odd Unicode, Word files with odd XML and numbering, PDFs made by hand or mangled, HTML
  and Markdown soups. Each comes with the file name it is saved under.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from hypothesis import strategies as st

from tests.formats.hostile import (
    document_xml,
    one_page_pdf,
    part_xml,
    raw_pdf,
    stream,
    text_content,
    word_file,
)

PP_OPENERS = ("Recalling", "Reaffirming", "Deeply concerned by", "Noting", "Stressing")
OP_OPENERS = ("Demands", "Calls upon", "Requests", "Urges", "Decides", "Encourages")
WORDS = (
    "an", "immediate", "sustained", "ceasefire", "the", "release", "of", "all", "hostages",
    "humanitarian", "access", "to", "civilians", "parties", "international", "law",
    "Secretary-General", "report", "within", "30", "days", "and", "unconditional", "full",
    "rapid", "safe", "unhindered", "Member", "States", "funding",
)  # fmt: skip
#: Text a hostile draft may hold: escape sequences, controls, BiDi, markup-like strings.
HOSTILE_TOKENS = (
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J",
    "\u202e",
    "\u2066",
    "\x85",
    "\x00",
    "\ufeff",
    "\u00ad",
    "\u200b",
    "[-x-]",
    "{+y+}",
    "<script>",
    "&amp;",
    "%1",
    "(a)",
    "1.",
    "*",
    "_",
    "`",
    "#",
    "[^1]:",
    "http://example.org",
    "\t",
    "\r",
    "\u2028",
    "x" * 300,
)


@dataclass(frozen=True)
class Draft:
    """Paragraphs after the author line; ``labels[i]`` is paragraph i's typed label."""

    header: tuple[str, ...]
    paragraphs: tuple[str, ...]
    labels: tuple[str, ...]

    def lines(self, marked: tuple[int, int, str] | None = None) -> list[str]:
        """Paragraph lines as written; ``marked`` = (paragraph, word index, word) inserts
        a word there."""
        out = []
        for i, (label, text) in enumerate(zip(self.labels, self.paragraphs, strict=True)):
            if marked is not None and marked[0] == i:
                words = text.split(" ")
                words.insert(marked[1], marked[2])
                text = " ".join(words)
            out.append(f"{label} {text}" if label else text)
        return out

    def text(self, marked: tuple[int, int, str] | None = None) -> str:
        blocks = [*self.header, "The Security Council,", *self.lines(marked)]
        return "\n\n".join(blocks) + "\n"


_words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=10).map(" ".join)


@st.composite
def drafts(draw: st.DrawFn, words: st.SearchStrategy[str] = _words) -> Draft:
    header = draw(st.sampled_from([(), ("S/2099/1",), ("S/2099/1", "Examplestan: draft")]))
    paragraphs: list[str] = []
    labels: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        paragraphs.append(f"{draw(st.sampled_from(PP_OPENERS))} {draw(words)},")
        labels.append("")
    for n in range(1, draw(st.integers(1, 4)) + 1):
        subs = draw(st.integers(0, 2))
        end = ":" if subs else ";"
        paragraphs.append(f"{draw(st.sampled_from(OP_OPENERS))} {draw(words)}{end}")
        labels.append(f"{n}.")
        for k in range(subs):
            paragraphs.append(f"{draw(words)};")
            labels.append(f"({'abc'[k]})")
    return Draft(tuple(header), tuple(paragraphs), tuple(labels))


# --- writing a draft in each format ---------------------------------------------------


def as_txt(draft: Draft, marked: tuple[int, int, str] | None = None, how: str = "") -> bytes:
    return draft.text(marked).encode("utf-8")


def as_md(draft: Draft, marked: tuple[int, int, str] | None = None, how: str = "") -> bytes:
    if marked is not None:
        wrap = {"emphasis": "*{}*", "strong": "**{}**", "code": "`{}`", "link": "[{}](x)"}
        marked = (marked[0], marked[1], wrap.get(how, "{}").format(marked[2]))
    lines = [*draft.header, "The Security Council,", *draft.lines(marked)]
    # A typed "(a)" would start no list; "1." does, and keeps its number.
    return ("\n\n".join(lines) + "\n").encode("utf-8")


def _html_word(word: str, how: str) -> str:
    if how == "span":
        return f"<span class='x'>{word}</span>"
    if how == "comment":
        return f"<!-- reviewed -->{word}"
    if how == "charref":
        return "".join(f"&#x{ord(c):x};" for c in word)
    if how == "bold":
        return f"<b>{word[:2]}</b>{word[2:]}"
    return word


def as_html(draft: Draft, marked: tuple[int, int, str] | None = None, how: str = "") -> bytes:
    token = "\x00MARK\x00"
    lines = draft.lines((marked[0], marked[1], token) if marked else None)
    body = "".join(
        f"<p>{html.escape(line)}</p>" for line in [*draft.header, "The Security Council,", *lines]
    )
    if marked is not None:
        body = body.replace(html.escape(token), _html_word(marked[2], how))
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>".encode()


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _docx_word(word: str, how: str) -> str:
    """The marker word written into a paragraph the way ``how`` says (a run sequence)."""
    half = len(word) // 2
    return {
        "comment": f'<w:r><w:t xml:space="preserve"><!-- c -->{word}</w:t></w:r>',
        "pi": f'<w:r><w:t xml:space="preserve"><?x y?>{word}</w:t></w:r>',
        "split": _run(word[:half]) + _run(word[half:]),
        "field": '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF x </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run(word)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "simple": f'<w:fldSimple w:instr=" REF x ">{_run(word)}</w:fldSimple>',
        "inserted": f'<w:ins w:id="90" w:author="x">{_run(word)}</w:ins>',
        "hyperlink": f"<w:hyperlink>{_run(word)}</w:hyperlink>",
        "sdt": f"<w:sdt><w:sdtContent>{_run(word)}</w:sdtContent></w:sdt>",
        "smarttag": f'<w:smartTag w:element="x">{_run(word)}</w:smartTag>',
        "charref": _run("".join(f"&#{ord(c)};" for c in word)),
    }.get(how, _run(word))


def as_docx(draft: Draft, marked: tuple[int, int, str] | None = None, how: str = "") -> bytes:
    token = "\x01MARK\x01"
    mark = (marked[0], marked[1], token) if marked else None
    lines = [*draft.header, "The Security Council,", *draft.lines(mark)]
    body = "".join(f"<w:p>{_run(xml_escape(line))}</w:p>" for line in lines)
    if marked is not None:
        before, after = body.split(token)
        # Close the run before the marker and open a new one after it.
        reopen = '<w:r><w:t xml:space="preserve">'
        body = f"{before}</w:t></w:r>{_docx_word(marked[2], how)}{reopen}{after}"
    return word_file(document_xml(body))


def as_pdf(draft: Draft, marked: tuple[int, int, str] | None = None, how: str = "") -> bytes:
    from tests.formats.builders import make_pdf

    return make_pdf(draft.text(marked), hyphenate=False)


DOCX_WAYS = (
    "plain", "comment", "pi", "split", "field", "simple", "inserted", "hyperlink", "sdt",
    "smarttag", "charref",
)  # fmt: skip
WRITERS: dict[str, tuple[Callable[..., bytes], tuple[str, ...]]] = {
    "txt": (as_txt, ("plain",)),
    "md": (as_md, ("plain", "emphasis", "strong", "code", "link")),
    "html": (as_html, ("plain", "span", "comment", "charref", "bold")),
    "docx": (as_docx, DOCX_WAYS),
    "pdf": (as_pdf, ("plain",)),
}


@dataclass(frozen=True)
class VisibleEdit:
    """A draft, where a marker word goes, and how the format writes it."""

    fmt: str
    draft: Draft
    marked: tuple[int, int, str]
    how: str

    def files(self) -> tuple[bytes, bytes]:
        write = WRITERS[self.fmt][0]
        return write(self.draft), write(self.draft, self.marked, self.how)


@st.composite
def visible_edits(draw: st.DrawFn, fmt: str) -> VisibleEdit:
    draft = draw(drafts())
    where = draw(st.integers(0, len(draft.paragraphs) - 1))
    words = draft.paragraphs[where].split(" ")
    at = draw(st.integers(1, len(words)))  # after the opener: the opener stays first
    marker = "zq" + draw(st.text("bcdfghjkmnpvwxy", min_size=3, max_size=6))
    how = draw(st.sampled_from(WRITERS[fmt][1]))
    return VisibleEdit(fmt, draft, (where, at, marker), how)


# --- hostile inputs -------------------------------------------------------------------

_hostile_words = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(HOSTILE_TOKENS),
        st.text(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=12,
).map(" ".join)


@st.composite
def hostile_text(draw: st.DrawFn) -> bytes:
    draft = draw(drafts(words=_hostile_words))
    text = draft.text()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    return text.encode(encoding, errors="replace")


_MD_PIECES = (
    "*", "**", "_", "`", "```\n", "> ", "- ", "1. ", "   - ", "      1) ", "#", "\n", "\n\n",
    "[x]", "(y)", "[^1]", "<b>", "</b>", "<!--", "-->", "|a|b|\n|-|-|\n", "    ", "\\",
    "&amp;", "Demands", "The Security Council,", "![i](j)", "<http://x>", "---\n",
)  # fmt: skip


@st.composite
def markdown_soup(draw: st.DrawFn) -> bytes:
    pieces = draw(st.lists(st.sampled_from(_MD_PIECES + WORDS), min_size=1, max_size=80))
    nest = draw(st.integers(0, 400))
    marker = draw(st.sampled_from(["*", "> ", "- ", "[", "  - "]))
    return ("".join(pieces) + marker * nest + "x\n").encode("utf-8")


_LIST_ATTRS = (
    "", " start=10000000000", " start=-3", " start=\u00b2", " type=a", " type=I",
    " type=a start=99999999999", " type=i start=1000000000000", " reversed",
    ' style="list-style-type: lower-roman"', ' style="list-style: none"', " start=" + "9" * 50,
)  # fmt: skip
_HTML_PIECES = (
    "<p>", "</p>", "<div>", "</div>", "<li>", "</li>", "</ol>", "<ul>", "</ul>", "<br>",
    "<nav>", "</nav>", "<script>", "</script>", "<style>", "<!--", "-->", "<h2>", "</h2>",
    "<table><tr><td>", "</td></tr></table>", "<b>", "<i>", "</i>", "&amp;", "&#x202e;",
    "&nbsp;", "&unknown;", "<p hidden>", '<span aria-hidden="true">', "</span>",
    "The Security Council,", "<![CDATA[x]]>", "<?php x ?>", "<svg><p>", "</svg>",
)  # fmt: skip


@st.composite
def html_soup(draw: st.DrawFn) -> bytes:
    charset = draw(st.sampled_from(["utf-8", "undefined", "hex", "utf-16", "x" * 40, "koi8-r"]))
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_HTML_PIECES + WORDS),
                st.sampled_from(_LIST_ATTRS).map(lambda a: f"<ol{a}>"),
                st.sampled_from(["", " value=7", " value=99999999999999", " value=-1"]).map(
                    lambda a: f"<li{a}>"
                ),
            ),
            min_size=1,
            max_size=80,
        )
    )
    nest = draw(st.integers(0, 300))
    page = f'<html><head><meta charset="{charset}"></head><body>{"".join(pieces)}'
    page += draw(st.sampled_from(["<ol>", "<div>", "<nav><b>", "<li>"])) * nest + "x</body></html>"
    return page.encode("utf-8")


_NUM_VALUES = ("0", "1", "8", "9", "-1", "abc", "", "100000000", "99999999999999999999", "1.5")
_NUM_FORMATS = ("decimal", "lowerLetter", "upperRoman", "bullet", "none", "decimalZero", "x")


@st.composite
def numbering_part(draw: st.DrawFn) -> bytes:
    levels = []
    for _ in range(draw(st.integers(0, 4))):
        levels.append(
            f'<w:lvl w:ilvl="{draw(st.sampled_from(_NUM_VALUES))}">'
            f'<w:start w:val="{draw(st.sampled_from(_NUM_VALUES))}"/>'
            f'<w:numFmt w:val="{draw(st.sampled_from(_NUM_FORMATS))}"/>'
            f'<w:lvlText w:val="{draw(st.sampled_from(["%1.", "(%2)", "%1" * 300, "%9%8", ""]))}"/>'
            f'<w:lvlRestart w:val="{draw(st.sampled_from(_NUM_VALUES))}"/></w:lvl>'
        )
    override = draw(st.sampled_from(_NUM_VALUES))
    return part_xml(
        "numbering",
        f'<w:abstractNum w:abstractNumId="1">{"".join(levels)}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="{override}">'
        f'<w:startOverride w:val="{override}"/></w:lvlOverride></w:num>',
    )


_DOCX_PIECES = (
    _run("The Security Council,"),
    _run("Demands a ceasefire;"),
    '<w:r><w:t xml:space="preserve">a<!-- c -->b<?pi x?>c</w:t></w:r>',
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>',
    '<w:r><w:rPr><w:vanish w:val="off"/></w:rPr><w:t>shown</w:t></w:r>',
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    '<w:r><w:instrText>REF x</w:instrText></w:r>',
    '<w:r><w:tab/><w:br/><w:br w:type="page"/><w:noBreakHyphen/></w:r>',
    '<w:r><w:footnoteReference w:id="1"/></w:r>',
    '<w:ins w:id="1" w:author="a">' + _run("inserted") + "</w:ins>",
    '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>',
    "<w:sdt><w:sdtContent>" + _run("in sdt") + "</w:sdtContent></w:sdt>",
    "<w:hyperlink>" + _run("link") + "</w:hyperlink>",
    "<x:unknown xmlns:x='urn:x'>" + _run("unknown") + "</x:unknown>",
    '<w:r><w:t>&ent;</w:t></w:r>',
    '<w:r><w:t>&ext;</w:t></w:r>',
)  # fmt: skip
_PPR = (
    "",
    '<w:pPr><w:numPr><w:ilvl w:val="{v}"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    '<w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>',
    '<w:pPr><w:rPr><w:ins w:id="4" w:author="a"/></w:rPr></w:pPr>',
)


@st.composite
def docx_soup(draw: st.DrawFn) -> bytes:
    paragraphs = []
    for _ in range(draw(st.integers(1, 12))):
        ppr = draw(st.sampled_from(_PPR)).replace("{v}", draw(st.sampled_from(_NUM_VALUES)))
        runs = draw(st.lists(st.sampled_from(_DOCX_PIECES), max_size=6))
        paragraphs.append(f"<w:p>{ppr}{''.join(runs)}</w:p>")
    depth = draw(st.integers(0, 300))
    body = "".join(paragraphs) + "<w:sdt><w:sdtContent>" * depth + "<w:p/>"
    body += "</w:sdtContent></w:sdt>" * depth
    prolog = '<!DOCTYPE w:document [<!ENTITY ent "entity text"><!ENTITY ext SYSTEM "x">]>'
    parts: dict[str, bytes] = {}
    if draw(st.booleans()):
        parts["numbering"] = draw(numbering_part())
    if draw(st.booleans()):
        parts["footnotes"] = part_xml(
            "footnotes", '<w:footnote w:id="1"><w:p>' + _run("note") + "</w:p></w:footnote>"
        )
    data = word_file(document_xml(body, prolog), **parts)
    return draw(_mangled_zip(data))


@st.composite
def _mangled_zip(draw: st.DrawFn, data: bytes) -> bytes:
    how = draw(st.sampled_from(["none", "none", "none", "truncate", "flip", "part"]))
    if how == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip":
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    if how == "part":  # one part replaced by arbitrary bytes
        name = draw(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels"]))
        junk = draw(st.binary(max_size=64))
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                dst.writestr(item, junk if item.filename == name else src.read(item.filename))
        return out.getvalue()
    return data


_PDF_OPS = (
    b"BT", b"ET", b"/F1 12 Tf", b"72 700 Td", b"(The Security Council,) Tj", b"T*",
    b"[(De) -20 (mands)] TJ", b"q", b"Q", b"1 0 0 1 0 0 cm", b"(x) '", b"<414243> Tj",
    b"/F9 12 Tf", b"((unbalanced) Tj", b"BI /W 1 /H 1 ID \x00 EI", b"/X0 Do", b"0 Tc",
)  # fmt: skip


@st.composite
def pdf_soup(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["content", "graph", "mangled"]))
    if kind == "content":
        ops = draw(st.lists(st.sampled_from(_PDF_OPS), max_size=40))
        depth = draw(st.integers(0, 3000))
        nested = b"[" * depth + b"(x)" + b"]" * depth + b" TJ"
        return one_page_pdf(b"\n".join(ops) + b"\n" + nested, flate=draw(st.booleans()))
    if kind == "graph":
        # Page trees with cycles, missing objects and wrong types.
        kids = draw(st.sampled_from([b"[3 0 R]", b"[2 0 R]", b"[9 0 R]", b"[3 0 R 3 0 R]", b"3"]))
        count = draw(st.sampled_from([b"1", b"-1", b"99999999999", b"x"]))
        return raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids %s /Count %s >>" % (kids, count),
                b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R"
                b" >> /XObject << /X0 6 0 R >> >> >>",
                stream(text_content("The Security Council,", "1. Decides.") + b" /X0 Do"),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                # a form that draws itself: recursion
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject"
                b" << /X0 6 0 R >> >> /Length 7 >>\nstream\n/X0 Do \nendstream",
            ]
        )
    data = one_page_pdf(text_content("The Security Council,", "1. Demands a ceasefire;"))
    cuts = draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=8))
    out = bytearray(data)
    for at in cuts:
        out[at] = draw(st.integers(0, 255))
    return bytes(out[: draw(st.integers(8, len(out)))])


#: Format -> (strategy of hostile bytes, file name they are saved under).
HOSTILE: dict[str, tuple[st.SearchStrategy[bytes], str]] = {
    "txt": (hostile_text(), "draft.txt"),
    "md": (markdown_soup(), "draft.md"),
    "html": (html_soup(), "draft.html"),
    "docx": (docx_soup(), "draft.docx"),
    "pdf": (pdf_soup(), "draft.pdf"),
}
