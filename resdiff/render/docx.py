"""Tracked-changes Word output: B's text with A's differences as real Word revisions.

Delegations show their changes to a draft with Word's Track Changes, so this is the
report they can use as is: open it, review, accept or reject. Insertions and deletions
are ``w:ins``/``w:del`` runs, added and removed paragraphs carry a paragraph-mark revision,
moved paragraphs are ``w:moveFrom``/``w:moveTo`` ranges (a moved paragraph that was also
edited moves as a whole: its inner edits are not marked word by word). Every revision is
authored "resdiff" and undated, and the package is written with fixed timestamps, so the
same inputs give the same bytes.

What to write is planned in ``redline`` (which guarantees accept-all = B and
reject-all = A); this module only turns the plan into WordprocessingML.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Sequence
from typing import Any

from resdiff.model import Comparison, Document
from resdiff.render.redline import Paragraph, paragraph_text, plan

AUTHOR = "resdiff"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # deterministic package metadata
INDENT_TWIPS = 567  # 1 cm per level of sub-paragraph
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def render_docx(comparison: Comparison) -> bytes:
    """A .docx of the second document with tracked changes against the first."""
    pairwise = comparison.comparisons[0]
    a = comparison.document(pairwise.a)
    b = comparison.document(pairwise.b)
    return write_docx(plan(a, b, pairwise), a, b)


def write_docx(paragraphs: Sequence[Paragraph], a: Document, b: Document) -> bytes:
    import docx  # lazy: only Word output pays for python-docx

    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != _w("sectPr"):
            body.remove(child)
    sect = body.find(_w("sectPr"))
    writer = _Writer()
    for paragraph in paragraphs:
        element = writer.paragraph(paragraph)
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)
    title = f"{b.label}: changes against {a.label}"
    comments = f"Tracked changes written by resdiff: {b.label} compared with {a.label}."
    return _save(document, title, comments)


def write_plain_docx(paragraphs: Sequence[tuple[str, int]], title: str, comments: str) -> bytes:
    """A .docx of plain paragraphs, each ``(text, depth)``: indented one step per depth
    (an amendment list, an amended draft)."""
    import docx  # lazy: only Word output pays for python-docx
    from docx.shared import Twips

    document = docx.Document()
    for text, depth in paragraphs:
        paragraph = document.add_paragraph(paragraph_text(text))
        if depth:
            paragraph.paragraph_format.left_indent = Twips(INDENT_TWIPS * depth)
    return _save(document, title, comments)


def _save(document: Any, title: str, comments: str) -> bytes:
    """The package's bytes, the same for the same content (fixed author and times)."""
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.comments = comments
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return _fixed_timestamps(out.getvalue())


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class _Writer:
    """Builds ``w:p`` elements, numbering revisions and naming move ranges as it goes."""

    def __init__(self) -> None:
        self._last_id = 0
        self._move_names: dict[int, str] = {}
        self._open_ranges: dict[tuple[int, str], str] = {}

    def _id(self) -> str:
        self._last_id += 1
        return str(self._last_id)

    def _revision(self, tag: str) -> Any:
        from lxml import etree

        el = etree.Element(_w(tag))
        el.set(_w("id"), self._id())
        el.set(_w("author"), AUTHOR)
        return el

    def paragraph(self, para: Paragraph) -> Any:
        from lxml import etree

        p = etree.Element(_w("p"), nsmap={"w": W})
        ppr = etree.SubElement(p, _w("pPr"))
        if para.depth:
            ind = etree.SubElement(ppr, _w("ind"))
            ind.set(_w("left"), str(INDENT_TWIPS * para.depth))
        if para.mark != "=":
            rpr = etree.SubElement(ppr, _w("rPr"))
            rpr.append(self._revision(_tag(para.mark, para.move)))
        kind = f"move{para.move.capitalize()}" if para.move else ""
        if para.move and para.move_start:
            name = self._move_names.setdefault(para.move_id, f"move{len(self._move_names) + 1}")
            range_id = self._id()
            self._open_ranges[(para.move_id, para.move)] = range_id
            start = etree.SubElement(p, _w(f"{kind}RangeStart"))
            start.set(_w("id"), range_id)
            start.set(_w("name"), name)
            start.set(_w("author"), AUTHOR)
        # Italics follow the paragraph's own text: B's for a kept or inserted paragraph,
        # A's for a removed one, so the cursor skips the other side's runs.
        one_sided = all(op == para.segments[0][0] for op, _ in para.segments)
        at = 0
        for op, text in para.segments:
            if not (one_sided or op != "-"):
                p.append(self._run(op, text, para.move, italic=False))
                continue
            for piece, italic in _italic_pieces(text, at, para.italic):
                p.append(self._run(op, piece, para.move, italic))
            at += len(text)
        if para.move and para.move_end:
            end = etree.SubElement(p, _w(f"{kind}RangeEnd"))
            end.set(_w("id"), self._open_ranges.pop((para.move_id, para.move)))
        return p

    def _run(self, op: str, text: str, move: str | None, italic: bool) -> Any:
        from lxml import etree

        r = etree.Element(_w("r"))
        if italic:
            rpr = etree.SubElement(r, _w("rPr"))
            etree.SubElement(rpr, _w("i"))
        t = etree.SubElement(r, _w("delText" if op == "-" and not move else "t"))
        t.text = text
        t.set(_XML_SPACE, "preserve")
        if op == "=":
            return r
        wrapper = self._revision(_tag(op, move))
        wrapper.append(r)
        return wrapper


def _italic_pieces(text: str, at: int, italic: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """``text`` (starting at offset ``at`` of its paragraph) cut where italics start or end."""
    if italic is None:
        return [(text, False)]
    cuts = sorted({0, len(text), *(c - at for c in italic if 0 < c - at < len(text))})
    return [(text[x:y], italic[0] <= at + x < italic[1]) for x, y in itertools.pairwise(cuts)]


def _tag(op: str, move: str | None) -> str:
    if move:
        return "moveTo" if move == "to" else "moveFrom"
    return "ins" if op == "+" else "del"


def _fixed_timestamps(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry times so the same report gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
