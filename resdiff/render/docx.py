"""Tracked-changes Word output: B's text with A's differences as real Word revisions.

Delegations show their changes to a draft with Word's Track Changes, so this is the
report they can use as is: open it, review, accept or reject. Insertions and deletions
are ``w:ins``/``w:del`` runs, added and removed paragraphs carry a paragraph-mark revision,
moved paragraphs are ``w:moveFrom``/``w:moveTo`` ranges (a moved paragraph that was also
edited moves as a whole: its inner edits are not marked word by word). Paragraph numbers
are Word list numbering where the list can write them, so renumbering is no revision; a
paragraph whose numbering or indent differs between the drafts (a demotion in place)
carries a formatting revision (``w:pPrChange``). Every revision is authored "resdiff" and
undated, and the package is written with fixed timestamps, so the same inputs give the
same bytes.

What to write is planned in ``redline`` from the comparison's own word diff (which
guarantees accept-all = B and reject-all = A); this module only turns the plan into
WordprocessingML. A Word file holds one comparison: with more than two drafts, the caller
says which (``pairwise``), or gets an error.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from resdiff.errors import ResdiffError
from resdiff.model import Comparison, Document
from resdiff.render.redline import Layout, Paragraph, Redline, paragraph_text, plan
from resdiff.render.view import key_section
from resdiff.render.wordcomments import INITIALS, WordComment, plan_comments
from resdiff.render.wordlists import MAX_LEVELS, DraftList

AUTHOR = "resdiff"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # deterministic package metadata
INDENT_TWIPS = 567  # 1 cm per level of sub-paragraph
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def render_docx(comparison: Comparison, pairwise: int | None = None) -> bytes:
    """A .docx of one comparison's second draft with tracked changes against its base.

    ``pairwise`` picks the comparison (0: A against B, 1: A against C...); without it
    the comparison must hold exactly two drafts."""
    if pairwise is None:
        if len(comparison.comparisons) != 1:
            raise ResdiffError(
                f"a Word report holds one comparison (B against A) but "
                f"{len(comparison.documents)} drafts were given; compare two at a time"
            )
        pairwise = 0
    pc = comparison.comparisons[pairwise]
    a, b = comparison.document(pc.a), comparison.document(pc.b)
    redline = plan(a, b, pc, comparison.options)
    section = key_section(comparison, pairwise)
    return write_docx(redline, a, b, plan_comments(redline.paragraphs, section))


def write_docx(
    redline: Redline, a: Document, b: Document, comments: Sequence[WordComment] = ()
) -> bytes:
    """The package of ``redline``, with ``comments`` anchored on its paragraphs."""
    import docx  # lazy: only Word output pays for python-docx

    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != _w("sectPr"):
            body.remove(child)
    sect = body.find(_w("sectPr"))
    # Comments take ids 0..n-1 (python-docx numbers them), revisions the ones after.
    writer = _Writer(_add_lists(document, redline.a.lists, redline.b.lists), len(comments))
    elements = [writer.paragraph(paragraph) for paragraph in redline.paragraphs]
    for element in elements:
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)
    for comment in comments:
        _add_comment(document, elements[comment.index], comment.lines)
    title = f"{b.label}: changes against {a.label}"
    about = f"Tracked changes written by resdiff: {b.label} compared with {a.label}."
    # The body is B exactly (accept all), so a partial copy is said in the properties.
    for doc in (a, b):
        if doc.warnings:
            about += f" Warnings on {doc.label}: {'; '.join(doc.warnings)}."
    return _save(document, title, about)


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
    props.title = paragraph_text(title)  # a draft's label can carry controls
    props.comments = paragraph_text(comments)
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return _fixed_timestamps(out.getvalue())


def _add_comment(document: Any, paragraph: Any, lines: Sequence[str]) -> None:
    """A comment on the whole of ``paragraph``: its range from the start of the text to
    the end, then the reference run Word shows the comment by (no text, no revision)."""
    from lxml import etree

    # One paragraph with line breaks: python-docx looks its comment style up again for
    # each paragraph it adds (about 1 ms each).
    comment = document.comments.add_comment(author=AUTHOR, initials=INITIALS)
    comment.paragraphs[0].add_run("\n".join(lines))
    cid = str(comment.comment_id)
    start = etree.Element(_w("commentRangeStart"))
    start.set(_w("id"), cid)
    has_properties = len(paragraph) and paragraph[0].tag == _w("pPr")
    paragraph.insert(1 if has_properties else 0, start)
    end = etree.SubElement(paragraph, _w("commentRangeEnd"))
    end.set(_w("id"), cid)
    etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("commentReference")).set(
        _w("id"), cid
    )


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _add_lists(document: Any, list_a: DraftList, list_b: DraftList) -> str:
    """Define the drafts' one list in numbering.xml; return its ``w:numId`` ("" when
    nothing is numbered)."""
    if not (list_a.numbered or list_b.numbered):
        return ""
    root = document.part.numbering_part.element
    abstract_ids = [int(el.get(_w("abstractNumId"))) for el in root.iter(_w("abstractNum"))]
    num_ids = [int(el.get(_w("numId"))) for el in root.iter(_w("num"))]
    num_id = str(max(num_ids, default=0) + 1)
    _add_list(root, list_b, str(max(abstract_ids, default=0) + 1), num_id)
    return num_id


def _layouts(paragraphs: Sequence[Paragraph]) -> list[tuple[Layout, Layout]]:
    """Each paragraph's layout now (in B) and before (in A); a paragraph only one draft
    has is unnumbered in the other (the document's last paragraph mark survives every
    "accept" and "reject", so its number must not)."""
    return [
        (_unlisted(p.layout_b, p.layout_a), _unlisted(p.layout_a, p.layout_b)) for p in paragraphs
    ]


def _add_list(root: Any, draft: DraftList, abstract_id: str, num_id: str) -> None:
    from lxml import etree

    abstract = etree.Element(_w("abstractNum"))
    abstract.set(_w("abstractNumId"), abstract_id)
    etree.SubElement(abstract, _w("multiLevelType")).set(_w("val"), "multilevel")
    for depth in range(MAX_LEVELS):
        level = draft.levels[depth] if depth < len(draft.levels) else None
        lvl = etree.SubElement(abstract, _w("lvl"))
        lvl.set(_w("ilvl"), str(depth))
        etree.SubElement(lvl, _w("start")).set(_w("val"), "1")
        etree.SubElement(lvl, _w("numFmt")).set(_w("val"), level.fmt if level else "decimal")
        etree.SubElement(lvl, _w("suff")).set(_w("val"), "space")
        etree.SubElement(lvl, _w("lvlText")).set(
            _w("val"), level.text if level else f"%{depth + 1}."
        )
        etree.SubElement(lvl, _w("lvlJc")).set(_w("val"), "left")
        _indent(etree.SubElement(lvl, _w("pPr")), depth)
    first_num = root.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum comes before the nums
    else:
        root.append(abstract)
    num = etree.SubElement(root, _w("num"))
    num.set(_w("numId"), num_id)
    etree.SubElement(num, _w("abstractNumId")).set(_w("val"), abstract_id)


def _indent(ppr: Any, depth: int) -> None:
    from lxml import etree

    ind = etree.SubElement(ppr, _w("ind"))
    ind.set(_w("left"), str(INDENT_TWIPS * depth))
    ind.set(_w("hanging"), "0")


class _Writer:
    """Builds ``w:p`` elements, numbering revisions and naming move ranges as it goes."""

    def __init__(self, num_id: str, ids_taken: int = 0) -> None:
        self._num_id = num_id
        self._last_id = ids_taken
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

    def _properties(self, para: Paragraph) -> Any:
        """``w:pPr``: B's layout, the mark's revision, and A's layout as a formatting
        revision where it differs."""
        from lxml import etree

        ppr = etree.Element(_w("pPr"))
        ((now, before),) = _layouts([para])
        self._layout(ppr, now)
        if para.mark != "=":
            rpr = etree.SubElement(ppr, _w("rPr"))
            rpr.append(self._revision(_tag(para.mark, para.move)))
        if before != now:
            change = etree.SubElement(ppr, _w("pPrChange"))
            change.set(_w("id"), self._id())
            change.set(_w("author"), AUTHOR)
            self._layout(etree.SubElement(change, _w("pPr")), before)
        return ppr

    def _layout(self, ppr: Any, layout: Layout) -> None:
        from lxml import etree

        if layout.listed and self._num_id:
            num_pr = etree.SubElement(ppr, _w("numPr"))
            etree.SubElement(num_pr, _w("ilvl")).set(_w("val"), str(layout.depth))
            etree.SubElement(num_pr, _w("numId")).set(_w("val"), self._num_id)
        if layout.depth or layout.listed:
            _indent(ppr, layout.depth)

    def paragraph(self, para: Paragraph) -> Any:
        from lxml import etree

        p = etree.Element(_w("p"), nsmap={"w": W})
        p.append(self._properties(para))
        kind = f"move{para.move.capitalize()}" if para.move else ""
        if para.move and para.move_start:
            name = self._move_names.setdefault(para.move_id, f"move{len(self._move_names) + 1}")
            range_id = self._id()
            self._open_ranges[(para.move_id, para.move)] = range_id
            start = etree.SubElement(p, _w(f"{kind}RangeStart"))
            start.set(_w("id"), range_id)
            start.set(_w("name"), name)
            start.set(_w("author"), AUTHOR)
        for piece in para.pieces:
            p.append(self._run(piece.op, piece.text, para.move, piece.italic))
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


def _unlisted(layout: Layout | None, other: Layout | None) -> Layout:
    """``layout``, or for a paragraph the draft does not have, ``other``'s indent unnumbered."""
    if layout is not None:
        return layout
    return Layout(other.depth if other else 0)


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
            data = src.read(item.filename)
            if item.filename == "word/comments.xml":
                data = _undated(data)
            dst.writestr(info, data)
    return out.getvalue()


def _undated(xml: bytes) -> bytes:
    """Comments without the date python-docx gives them (now), like the revisions."""
    from lxml import etree

    root = etree.fromstring(xml)
    for el in root.iter(_w("comment")):
        el.attrib.pop(_w("date"), None)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
