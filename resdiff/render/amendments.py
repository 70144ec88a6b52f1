"""Amendments in every format: the list (txt, md, json, docx) and the amended draft
(txt, md, docx). Functions of an ``AmendmentList`` or an ``AmendedDraft``, never
methods on them; document text is escaped as in the reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from resdiff.amend import grammar
from resdiff.amend.apply import AmendedDraft
from resdiff.amend.draft import INDENT
from resdiff.amend.model import Amendment, AmendmentList, Target
from resdiff.model import SCHEMA, Clause, Document
from resdiff.present.escape import clean_text as clean
from resdiff.present.escape import escape_markdown as escape
from resdiff.present.escape import safe_line_start
from resdiff.render.json import document_to_dict, dumps

NONE_WRITTEN = "No amendments: the two drafts say the same."


def title(al: AmendmentList) -> str:
    return grammar.fill(str(grammar.data()["header"]["title"]), draft=al.draft or "")


def note(al: AmendmentList) -> str | None:
    if not al.result:
        return None
    return grammar.fill(
        str(grammar.data()["header"]["note"]), draft=al.draft or "", result=al.result
    )


def instructions(al: AmendmentList) -> Iterator[tuple[int, list[str]]]:
    """Each numbered instruction once (parts of one share it), as its lines: the
    sentence, then any quoted paragraph lines."""
    seen: set[int] = set()
    for a in al.amendments:
        if a.number not in seen:
            seen.add(a.number)
            yield a.number, a.instruction.split("\n")


def render_text(al: AmendmentList) -> str:
    """The amendment document in UN form, as ``resdiff apply`` reads it back."""
    out = [title(al)]
    if note(al):
        out.append(str(note(al)))
    for number, lines in instructions(al):
        body = "\n".join([f"{number}. {lines[0]}", *(INDENT + ln for ln in lines[1:])])
        out.append(body)
    if not al.amendments:
        out.append(NONE_WRITTEN)
    return clean("\n\n".join(out) + "\n")


def markdown_blocks(al: AmendmentList) -> list[str]:
    """The note and the numbered instructions as Markdown blocks (quoted paragraphs as
    block quotes); the reports put them under their own heading."""
    out = [escape(str(note(al)))] if note(al) else []
    for number, lines in instructions(al):
        out.append(f"**{number}.** {escape(lines[0])}")
        if lines[1:]:
            out.append("\n>\n".join("> " + safe_line_start(escape(ln)) for ln in lines[1:]))
    if not al.amendments:
        out.append(escape(NONE_WRITTEN))
    return out


def render_markdown(al: AmendmentList) -> str:
    return "\n\n".join([f"# {escape(title(al))}", *markdown_blocks(al)]) + "\n"


def _target(t: Target | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "clause": t.clause,
        "address": t.address,
        "position": t.position,
        "words": t.words,
        "occurrence": t.occurrence,
    }


def amendment_to_dict(a: Amendment) -> dict[str, Any]:
    return {
        "number": a.number,
        "op": a.op,
        "target": _target(a.target),
        "old": a.old,
        "new": a.new,
        "instruction": a.instruction,
        "destination": _target(a.destination),
        "kind": a.kind,
    }


def render_json(al: AmendmentList, documents: Sequence[Document] = ()) -> str:
    return dumps(
        {
            "schema": SCHEMA,
            "documents": [document_to_dict(d) for d in documents],
            "amendments": [amendment_to_dict(a) for a in al.amendments],
        }
    )


def render_docx(al: AmendmentList) -> bytes:
    from resdiff.render.docx import write_plain_docx

    paragraphs = [(title(al), 0)]
    if note(al):
        paragraphs.append((str(note(al)), 0))
    for number, lines in instructions(al):
        paragraphs.append((f"{number}. {lines[0]}", 0))
        paragraphs += [(ln, 1) for ln in lines[1:]]
    if not al.amendments:
        paragraphs.append((NONE_WRITTEN, 0))
    return write_plain_docx(paragraphs, title(al), "Amendments written by resdiff.")


def render_amendments(
    al: AmendmentList, fmt: str, documents: Sequence[Document] = ()
) -> str | bytes:
    if fmt == "json":
        return render_json(al, documents)
    if fmt == "md":
        return render_markdown(al)
    if fmt == "docx":
        return render_docx(al)
    return render_text(al)


# --- the amended draft -------------------------------------------------------------------


def _draft_lines(doc: Document) -> Iterator[tuple[str, int]]:
    """The amended draft's paragraphs as ``(text, depth)``: header lines, then clauses."""
    for line in doc.header.slice(doc.text).split("\n"):
        if line.strip():
            yield line.strip(), 0

    def walk(c: Clause, depth: int) -> Iterator[tuple[str, int]]:
        text = " ".join(c.text.split())
        yield (f"{c.label} {text}" if c.label else text), depth
        for child in c.children:
            yield from walk(child, depth + 1)

    for clause in (*doc.clauses, *doc.footnotes):
        yield from walk(clause, 0)


def render_amended(amended: AmendedDraft, fmt: str) -> str | bytes:
    """The amended draft: ``txt`` is the text ``apply`` made (re-readable), ``md`` and
    ``docx`` the same paragraphs for reading and for Word."""
    doc = amended.document
    if fmt == "md":
        lines = [
            "\u00a0" * 4 * depth + safe_line_start(escape(text))
            for text, depth in _draft_lines(doc)
        ]
        return "\n\n".join(lines) + "\n"
    if fmt == "docx":
        from resdiff.render.docx import write_plain_docx

        label = doc.symbol or doc.source
        return write_plain_docx(
            list(_draft_lines(doc)), f"{label}, as amended", "Amended draft written by resdiff."
        )
    return clean(amended.text)
