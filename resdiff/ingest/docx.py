"""Read a Word (.docx) draft into the plain text the structure parser reads.

What a reader of the printed draft sees is what we write: paragraphs in order, the
automatic "1." and "(a)" labels Word draws from ``numbering.xml`` (see
``wordnumbering``), tables flattened cell by cell, footnotes as ``[n] text`` lines at the
end. Tracked changes inside the file are either all accepted or all rejected - never
mixed - because a half-accepted text is a draft nobody wrote.

python-docx is imported only here, and only when a .docx is read, so ``import resdiff``
and plain-text runs stay fast.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from resdiff.errors import InputError
from resdiff.ingest import SourceText
from resdiff.ingest.reader import check_lines
from resdiff.ingest.wordnumbering import Numbering, parse_number, w
from resdiff.ingest.wordtext import (
    MC_ALTERNATE,
    Fields,
    Hiding,
    Omitted,
    chosen,
    fields_pair_up,
    run_chars,
    style_chain,
    text_boxes,
    text_of,
    visible_markers,
)

Changes = Literal["accept", "reject"]
CHANGES: tuple[Changes, ...] = ("accept", "reject")

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_INSERTED = frozenset({w("ins"), w("moveTo")})
_DELETED = frozenset({w("del"), w("moveFrom")})
# Not text of the paragraph: field codes, properties, embedded objects. Drawings and
# VML pictures are not text either, but the text boxes in them are read as paragraphs
# of their own after the paragraph they are anchored in (``_boxes``).
_SKIPPED = frozenset({w("instrText"), w("delInstrText"), w("pPr"), w("rPr"), w("object")})
_DRAWINGS = frozenset({w("drawing"), w("pict")})
INDENT = "    "


@dataclass(slots=True)
class _Para:
    """One paragraph after tracked changes are applied, before numbering is counted."""

    props: etree._Element | None
    text: str
    merge_with_next: bool
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Context:
    changes: Changes
    styles: dict[str, etree._Element]
    footnotes: dict[str, etree._Element]
    hiding: Hiding
    note_texts: list[str] = field(default_factory=list)
    omitted: Omitted = field(default_factory=Omitted)
    fields: Fields = field(default_factory=lambda: Fields(honour=True))
    paragraph_hidden: bool = False  # runs of the current paragraph hidden by its style
    boxes: list[etree._Element] = field(default_factory=list)  # met, not yet read
    # Elements whose content the walk skips: the side of each revision we drop, and _SKIPPED.
    dropped: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.dropped = _SKIPPED | (_DELETED if self.changes == "accept" else _INSERTED)

    def start_story(self, story: etree._Element) -> None:
        """Fields are counted per story (the body, each footnote)."""
        self.fields = Fields(honour=fields_pair_up(visible_markers(story, self.dropped)))
        if not self.fields.honour:
            self.omitted.unpaired_fields = True


def read_docx(data: bytes, source: str, changes: Changes = "accept") -> SourceText:
    """Text of a .docx with its automatic numbering and footnotes, tracked changes resolved."""
    if changes not in CHANGES:
        raise ValueError(f"changes must be one of {CHANGES}, not {changes!r}")
    document, parts = _open(data, source)
    check_lines(sum(1 for _ in document.iter(w("p"))), source)  # before the slower walk
    styles = _styles(parts.get("styles"))
    ctx = _Context(
        changes=changes,
        styles=styles,
        footnotes=_notes(parts.get("footnotes"), "footnote"),
        hiding=Hiding.from_styles(parts.get("styles"), styles),
    )
    numbering = Numbering.from_xml(parts.get("numbering"))
    body = document.find(w("body"))
    story = body if body is not None else document
    ctx.start_story(story)
    raw = list(_paragraphs(story, ctx))
    lines: list[str] = []
    headings: list[int] = []
    line_no = 0
    for para in _merge(raw, changes):
        label, ilvl = _label(para.props, ctx, numbering)
        text = " ".join(para.text.split())
        if not text and not label:
            continue
        if _is_heading(para.props, ctx):
            headings.append(line_no)
        indent = INDENT * ilvl if label else ""
        lines.append(f"{indent}{label} {text}".rstrip() if label else text)
        line_no += 2
    if ctx.note_texts:
        lines.extend(f"[{n}] {note}" for n, note in enumerate(ctx.note_texts, 1))
    return SourceText(
        source=source,
        format="docx",
        text="\n\n".join(lines) + "\n" if lines else "",
        heading_lines=tuple(headings),
        notes=_revision_note(document, changes) + ctx.omitted.notes(),
    )


def _revision_note(document: etree._Element, changes: Changes) -> tuple[str, ...]:
    """Say that the file carried tracked changes and which side of them we read."""
    inserted = sum(1 for tag in _INSERTED for _ in document.iter(tag))
    deleted = sum(1 for tag in _DELETED for _ in document.iter(tag))
    if not inserted and not deleted:
        return ()
    done = "accepted" if changes == "accept" else "rejected"
    return (
        f"the file has tracked changes ({inserted} insertions, {deleted} deletions): "
        f"all {done} (--docx-changes)",
    )


def _open(data: bytes, source: str) -> tuple[etree._Element, dict[str, etree._Element]]:
    """The document XML and the related parts we use, or one clear ``InputError``."""
    import docx  # lazy: python-docx and lxml cost ~0.2 s to import
    from docx.opc.exceptions import PackageNotFoundError

    try:
        package = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, EOFError, OSError) as exc:
        raise InputError(f"corrupt or truncated Word document ({exc})", source) from exc
    except KeyError as exc:
        raise InputError(f"corrupt Word document (missing part: {exc})", source) from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"corrupt Word document (bad XML: {exc})", source) from exc
    except ValueError as exc:  # python-docx: the main part is not a Word document
        raise InputError(f"not a Word document ({exc})", source) from exc
    except Exception as exc:
        # Only python-docx and zipfile run in this block; on a damaged file they raise
        # more kinds (NotImplementedError for odd zip flags, zlib.error for a bad stream,
        # python-docx's own errors): a file they cannot open is one line for the user.
        message = f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
        raise InputError(f"corrupt Word document ({message})", source) from exc
    main = package.part
    parts: dict[str, etree._Element] = {}
    for rel in main.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in ("styles", "numbering", "footnotes"):
            continue
        target = rel.target_part
        element = getattr(target, "element", None)
        try:
            parts[kind] = element if element is not None else etree.fromstring(target.blob)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"corrupt Word document (bad {kind} part: {exc})", source) from exc
    return main.element, parts


def _styles(root: etree._Element | None) -> dict[str, etree._Element]:
    if root is None:
        return {}
    return {s.get(w("styleId"), ""): s for s in root.iter(w("style"))}


def _notes(root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    if root is None:
        return {}
    return {
        n.get(w("id"), ""): n
        for n in root.iter(w(tag))
        if n.get(w("type")) not in ("separator", "continuationSeparator", "continuationNotice")
    }


def _paragraphs(container: etree._Element, ctx: _Context) -> Iterator[_Para]:
    """Paragraphs in reading order: body paragraphs, table cells row by row, content
    controls and other wrappers looked through."""
    for child in container:
        if child.tag == w("p"):
            yield _paragraph(child, ctx)
            yield from _boxes(ctx)
        elif child.tag == w("sectPr"):
            continue
        elif child.tag == MC_ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                yield from _paragraphs(branch, ctx)
        elif child.tag == w("tbl"):
            for row in child.iter(w("tr")):
                if not _row_kept(row, ctx):
                    continue
                for cell in row.findall(w("tc")):
                    yield from _paragraphs(cell, ctx)
        elif len(child):
            yield from _paragraphs(child, ctx)


def _boxes(ctx: _Context) -> Iterator[_Para]:
    """The paragraphs of the text boxes met in the paragraph just read, box by box: each
    a story of its own (its fields pair up inside it)."""
    boxes, ctx.boxes = ctx.boxes, []
    for box in boxes:
        outer = ctx.fields, ctx.paragraph_hidden
        ctx.start_story(box)
        paragraphs = list(_paragraphs(box, ctx))
        ctx.fields, ctx.paragraph_hidden = outer
        yield from paragraphs


def _row_kept(row: etree._Element, ctx: _Context) -> bool:
    """False for a table row whose insertion is rejected or whose deletion is accepted."""
    marks = row.find(w("trPr"))
    if marks is None:
        return True
    if ctx.changes == "accept":
        return marks.find(w("del")) is None
    return marks.find(w("ins")) is None


def _paragraph(p: etree._Element, ctx: _Context) -> _Para:
    ppr = p.find(w("pPr"))
    props = ppr
    if ppr is not None and ctx.changes == "reject":
        old = ppr.find(f"{w('pPrChange')}/{w('pPr')}")
        props = old if old is not None else ppr
    mark = ppr.find(w("rPr")) if ppr is not None else None
    merge = False
    if mark is not None:
        inserted = any(mark.find(t) is not None for t in _INSERTED)
        deleted = any(mark.find(t) is not None for t in _DELETED)
        merge = deleted if ctx.changes == "accept" else inserted
    ctx.paragraph_hidden = ctx.hiding.paragraph(_style_id(ppr))
    pieces: list[str] = []
    _collect(p, ctx, pieces)
    return _Para(props=props, text="".join(pieces), merge_with_next=merge)


def _collect(el: etree._Element, ctx: _Context, out: list[str]) -> None:
    """Append the text Word shows under ``el``: the kept side of each revision, fields'
    results rather than their codes, no hidden runs (both counted in ``ctx.omitted``)."""
    dropped = ctx.dropped
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in dropped:
            continue
        if tag == w("fldChar"):
            ctx.fields.mark(child)
        elif tag == w("r") and ctx.hiding.run(child, ctx.paragraph_hidden):
            for marker in child.iter(w("fldChar")):  # a hidden field marker still counts
                ctx.fields.mark(marker)
            ctx.omitted.hidden += run_chars(child, ctx.omitted)
        elif tag == MC_ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                _collect(branch, ctx, out)
        elif tag in _DRAWINGS:
            ctx.boxes.extend(text_boxes(child))
        elif tag in (w("t"), w("delText")):
            text = text_of(child, ctx.omitted)
            if ctx.fields.in_code:
                ctx.omitted.field_code += len(text)
            else:
                out.append(text)
        elif len(child):
            _collect(child, ctx, out)
        elif ctx.fields.in_code:
            continue
        elif tag in (w("tab"), w("ptab")):
            out.append("\t")
        elif tag in (w("br"), w("cr")):
            if child.get(w("type")) not in ("page", "column"):
                out.append(" ")
        elif tag == w("noBreakHyphen"):
            out.append("-")
        elif tag == w("footnoteReference"):
            note = ctx.footnotes.get(child.get(w("id"), ""))
            if note is not None:
                ctx.note_texts.append(_note_text(note, ctx))
                out.append(f"[{len(ctx.note_texts)}]")


def _note_text(note: etree._Element, ctx: _Context) -> str:
    """A footnote's text: a story of its own, read with the same rules as the body."""
    outer = ctx.fields, ctx.paragraph_hidden, ctx.boxes
    ctx.boxes = []
    ctx.start_story(note)
    parts = [p.text for p in _paragraphs(note, ctx)]
    ctx.fields, ctx.paragraph_hidden, ctx.boxes = outer
    return " ".join(" ".join(parts).split())


def _merge(paras: list[_Para], changes: Changes) -> Iterator[_Para]:
    """Join paragraphs whose mark is gone once the changes are applied (a deleted mark
    accepted, an inserted mark rejected). The joined paragraph keeps the properties of
    its first part that has text."""
    pending: _Para | None = None
    for para in paras:
        if pending is None:
            pending = para
        else:
            props = pending.props if pending.text.strip() else para.props
            pending = _Para(props, pending.text + para.text, para.merge_with_next)
        if not pending.merge_with_next:
            yield pending
            pending = None
    if pending is not None:
        yield pending


def _style_id(props: etree._Element | None) -> str | None:
    if props is None:
        return None
    pstyle = props.find(w("pStyle"))
    return pstyle.get(w("val")) if pstyle is not None else None


def _label(props: etree._Element | None, ctx: _Context, numbering: Numbering) -> tuple[str, int]:
    """The automatic label of a paragraph (``""`` if none) and its list level."""
    num_pr = props.find(w("numPr")) if props is not None else None
    num_id: str | None = None
    ilvl: int | None = None
    if num_pr is not None:
        num_id, ilvl = _num_pr(num_pr)
    if num_id is None:
        for style in style_chain(_style_id(props), ctx.styles):
            style_num = style.find(f"{w('pPr')}/{w('numPr')}")
            if style_num is not None:
                num_id, style_ilvl = _num_pr(style_num)
                ilvl = ilvl if ilvl is not None else style_ilvl
                if num_id is not None:
                    break
    if num_id is None:
        return "", 0
    level = ilvl or 0  # a level outside 0-8 has no definition, so no label and no indent
    return numbering.next_label(num_id, level) or "", level


def _num_pr(num_pr: etree._Element) -> tuple[str | None, int | None]:
    num = num_pr.find(w("numId"))
    lvl = num_pr.find(w("ilvl"))
    num_id = num.get(w("val")) if num is not None else None
    ilvl = (parse_number(lvl.get(w("val"), "0")) or 0) if lvl is not None else None
    return num_id, ilvl


def _is_heading(props: etree._Element | None, ctx: _Context) -> bool:
    if props is not None and props.find(w("outlineLvl")) is not None:
        return True
    for style in style_chain(_style_id(props), ctx.styles):
        name = style.find(w("name"))
        if name is not None and name.get(w("val"), "").lower().startswith(("heading", "title")):
            return True
        if style.find(f"{w('pPr')}/{w('outlineLvl')}") is not None:
            return True
    return False
