"""Build the binary fixtures (Word, PDF, HTML) from plain-text drafts, in the tests.

Nothing binary is checked in: each test session writes its own .docx files (with real
Word automatic numbering in numbering.xml, not typed labels) and PDFs (with UN-style
running headers, footers, page numbers, job numbers, bar-code text and wrapped, hyphenated
lines) from the seed drafts or from ``SAMPLE`` below.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import docx
from docx.oxml import parse_xml
from fpdf import FPDF
from lxml import etree

from resdiff.ingest.paragraphs import hyphen_prefixes
from resdiff.ingest.wordnumbering import W, w

#: A small invented draft (not a UN text), in the layout of the seeds.
SAMPLE = """\
United Nations                                        S/2099/17
Security Council                                      Distr.: General
                                                      3 May 2099
                                                      Original: English

Examplestan: draft resolution

The Security Council,

Recalling its earlier resolutions on the river basin, in particular resolution 9001 (2098),

Deeply concerned by the humanitarian consequences of the prolonged drought in the lower valley,

Welcoming the cooperation of the riparian States and encouraging its continuation,

1. Demands that all parties allow the unhindered passage of humanitarian convoys in the basin;

2. Requests the Secretary-General to:

    (a) Establish a monitoring mechanism for water deliveries;

    (b) Report to the Council within 30 days on:

        (i) The state of access for humanitarian personnel;

        (ii) The implementation of the present resolution;

    (c) Appoint a coordinator for the basin;

3. Encourages Member States to provide additional funding to meet the needs of the population;

4. Decides to remain seized of the matter.
"""

AUTHOR = re.compile(r"^The [A-Z][A-Za-z ]+,$")
NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$", re.S)
LETTERED = re.compile(r"^\(([a-z]+)\)\s+(.*)$", re.S)
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


@dataclass(frozen=True)
class Item:
    """One paragraph after the author line: ``level`` None for unnumbered ones."""

    level: int | None
    label: str | None
    text: str


@dataclass(frozen=True)
class Draft:
    header: list[str]
    author: str
    items: list[Item]


def split_draft(text: str) -> Draft:
    """Header lines, author line and paragraphs of a seed laid out with blank lines."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    author_at = next(i for i, b in enumerate(blocks) if AUTHOR.match(b.strip()))
    header = [line.rstrip() for b in blocks[:author_at] for line in b.splitlines()]
    items: list[Item] = []
    previous_letter = ""
    for block in blocks[author_at + 1 :]:
        body = " ".join(block.split())
        if m := NUMBERED.match(body):
            items.append(Item(0, m.group(1), m.group(2)))
        elif m := LETTERED.match(body):
            label = m.group(1)
            roman = label in ROMAN and not (
                len(label) == 1 and previous_letter and ord(label) == ord(previous_letter) + 1
            )
            if not roman:
                previous_letter = label
            items.append(Item(2 if roman else 1, label, m.group(2)))
        else:
            items.append(Item(None, None, body))
    return Draft(header, blocks[author_at].strip(), items)


# --- Word -------------------------------------------------------------------------------

NUM_ID = "90"
_NUMBERING = f"""
<w:abstractNum xmlns:w="{W}" w:abstractNumId="{NUM_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
    <w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="1701" w:hanging="567"/></w:pPr></w:lvl>
</w:abstractNum>"""


def add_un_numbering(document: docx.document.Document, num_id: str = NUM_ID) -> None:
    """Add a three-level "1." / "(a)" / "(i)" list definition to the numbering part."""
    root = document.part.numbering_part.element
    abstract = parse_xml(
        _NUMBERING.replace(f'w:abstractNumId="{NUM_ID}"', f'w:abstractNumId="{num_id}"')
    )
    first_num = root.find(w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(
        parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
        )
    )


def number_paragraph(paragraph: object, level: int, num_id: str = NUM_ID) -> None:
    p = paragraph._p  # type: ignore[attr-defined]
    ppr = p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def make_docx(text: str) -> bytes:
    """A .docx of a draft: operative and sub-paragraph labels from Word numbering, italic
    preambular openers, header lines as plain paragraphs."""
    draft = split_draft(text)
    document = docx.Document()
    add_un_numbering(document)
    for line in draft.header:
        if line.strip():
            document.add_paragraph(" ".join(line.split()))
    document.add_paragraph(draft.author)
    for item in draft.items:
        if item.level is None:
            opener, _, rest = item.text.partition(" ")
            paragraph = document.add_paragraph()
            paragraph.add_run(opener).italic = True
            paragraph.add_run(" " + rest if rest else "")
        else:
            paragraph = document.add_paragraph(item.text)
            number_paragraph(paragraph, item.level)
    return docx_bytes(document)


def docx_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def body_xml(paragraphs_xml: str, numbering: bool = False) -> bytes:
    """A .docx whose body is the given ``<w:p>`` XML (namespace ``w`` predeclared)."""
    document = docx.Document()
    if numbering:
        add_un_numbering(document)
    body = document.element.body
    for p in list(body):
        if p.tag == w("p"):
            body.remove(p)
    wrapper = etree.fromstring(f'<w:body xmlns:w="{W}">{paragraphs_xml}</w:body>')
    sect = body.find(w("sectPr"))
    for child in list(wrapper):
        if sect is not None:
            sect.addprevious(child)
        else:
            body.append(child)
    return docx_bytes(document)


# --- PDF --------------------------------------------------------------------------------

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 25.0, 185.0, 25.0, 270.0
LINE = 5.2


class _Writer:
    """Lays out a draft like a UN PDF: header block on page 1, running symbol on later
    pages, footer with job number and "n/N" page numbers, bar code on page 1."""

    def __init__(self, symbol: str, job: str, hyphenate: bool, repeat_distr: bool = False) -> None:
        self.repeat_distr = repeat_distr
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_auto_page_break(False)
        self.pdf.alias_nb_pages()
        self.symbol, self.job, self.hyphenate = symbol, job, hyphenate
        self.y = TOP
        self._new_page()

    def _new_page(self) -> None:
        pdf = self.pdf
        if pdf.page:
            self._footer()
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        if pdf.page > 1:
            pdf.set_xy(RIGHT - 40, 12)
            pdf.cell(40, 5, self.symbol, align="R")
            if self.repeat_distr:
                pdf.set_xy(RIGHT - 40, 17)
                pdf.cell(40, 5, "Distr.: General", align="R")
        pdf.set_font("Times", size=11)
        self.y = TOP

    def _footer(self) -> None:
        pdf = self.pdf
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(LEFT, 280)
        pdf.cell(60, 4, f"{self.job} (E)")
        pdf.set_xy(RIGHT - 30, 280)
        pdf.cell(30, 4, f"{pdf.page}/{{nb}}", align="R")
        if pdf.page == 1:
            pdf.set_xy(LEFT, 285)
            pdf.cell(60, 4, "*" + self.job.replace("-", "") + "*")

    def line(self, text: str, x: float = LEFT) -> None:
        if self.y + LINE > BOTTOM:
            self._new_page()
        self.pdf.set_xy(x, self.y)
        self.pdf.cell(RIGHT - x, LINE, text)
        self.y += LINE

    def gap(self, size: float = 2.0) -> None:
        self.y += size

    def paragraph(
        self, text: str, x: float, label: str | None = None, label_x: float = LEFT
    ) -> None:
        lines = self.wrap(text, RIGHT - x)
        for i, line in enumerate(lines):
            if self.y + LINE > BOTTOM:
                self._new_page()
            if i == 0 and label:
                self.pdf.set_xy(label_x, self.y)
                self.pdf.cell(x - label_x, LINE, label)
            self.line(line, x)

    def wrap(self, text: str, width: float) -> list[str]:
        fits = lambda s: self.pdf.get_string_width(s) <= width  # noqa: E731
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if fits(candidate):
                current = candidate
                continue
            head, tail = self._split(current, word, fits) if self.hyphenate else ("", word)
            if head:
                lines.append(f"{current} {head}-" if current else f"{head}-")
                current = tail
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
        return lines

    @staticmethod
    def _split(current: str, word: str, fits: object) -> tuple[str, str]:
        """Cut a long plain word at the last place where ``head-`` still fits the line."""
        if not re.fullmatch(r"[a-z]{9,}", word):
            return "", word
        for cut in range(len(word) - 4, 4, -1):
            head = word[:cut]
            if head in hyphen_prefixes():
                continue
            if fits(f"{current} {head}-" if current else f"{head}-"):  # type: ignore[operator]
                return head, word[cut:]
        return "", word

    def output(self) -> bytes:
        self._footer()
        return bytes(self.pdf.output())


def make_pdf(
    text: str,
    job: str = "24-05234",
    hyphenate: bool = True,
    repeat: int = 1,
    repeat_distr: bool = False,
) -> bytes:
    """A UN-style PDF of a draft; ``repeat`` > 1 repeats its operative part (for size);
    ``repeat_distr`` puts "Distr.: General" under the symbol on later pages too."""
    draft = split_draft(text)
    symbol = next(
        (m.group(0) for line in draft.header if (m := re.search(r"\b[A-Z]/\S+", line))), "S/1"
    )
    writer = _Writer(symbol, job, hyphenate, repeat_distr)
    for line in draft.header:
        if not line.strip():
            writer.gap()
            continue
        left, _, right = line.strip().partition("  ")
        if left:
            writer.pdf.set_xy(LEFT, writer.y)
            writer.pdf.cell(80, LINE, left)
        if right.strip():
            writer.pdf.set_xy(130, writer.y)
            writer.pdf.cell(55, LINE, right.strip())
        writer.y += LINE
    writer.gap(4)
    writer.line(draft.author)
    items = draft.items
    if repeat > 1:
        operative = [i for i in items if i.level is not None]
        items = [i for i in items if i.level is None] + operative * repeat
    counter = 0
    for item in items:
        writer.gap(1.5)
        if item.level is None:
            writer.paragraph(item.text, LEFT + 10)
        else:
            label = item.label
            if item.level == 0 and repeat > 1:
                counter += 1
                label = str(counter)
            shown = f"{label}." if item.level == 0 else f"({label})"
            x = LEFT + 10 * (item.level + 1)
            writer.paragraph(item.text, x + 8, shown, x)
    return writer.output()


def make_pdf_from_lines(text: str, job: str = "24-05235") -> bytes:
    """A PDF that prints a hard-wrapped text line for line (no blank lines, no reflow),
    with the same running header and footer: paragraphs must be found from the lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    symbol = next((m.group(0) for line in lines if (m := re.search(r"\b[A-Z]/\S+", line))), "S/1")
    writer = _Writer(symbol, job, hyphenate=False)
    for line in lines:
        writer.line(line)
    return writer.output()


def make_scanned_pdf() -> bytes:
    """A PDF page with only drawings on it: what a scan without OCR looks like to us."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    for i in range(20):
        pdf.rect(20, 20 + i * 10, 150, 4, style="F")
    return bytes(pdf.output())


def make_encrypted_pdf(user_password: str = "secret") -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_encryption(owner_password="owner", user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(100, 10, "The Security Council,")
    pdf.ln()
    pdf.cell(100, 10, "1. Decides to remain seized of the matter.")
    return bytes(pdf.output())
