"""Documents and comparisons for tests, built one way.

``document`` lays out clauses (``clause(...)``, children nested) after a header so that
the header span and the clause spans tile the text exactly, as the parser's do; a
clause's kind, number and label follow from its id unless given (``PP3`` preambular,
``OP7`` operative "7.", ``OP7(a)`` a sub-paragraph "(a)"). A clause alone (for a stage
that reads one clause) spans its own text. ``paragraphs`` is the short
form for a list of texts; ``rows`` builds the tree from flat ``(id, text)`` rows.

``comparison`` runs the real engine on drafts written in the UN style; tests that need a
value the engine cannot make (a hostile string in every field, a fixed ranking) build it
by hand from the model, and say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from resdiff.model import (
    Clause,
    ClauseKind,
    CompareOptions,
    Comparison,
    Document,
    ParseInfo,
    Span,
    Structure,
)

_SUB = re.compile(r"\(([^()]*)\)$")
_NUMBER = re.compile(r"(\d+)$")


def _kind(clause_id: str) -> ClauseKind:
    if _SUB.search(clause_id):
        return "subparagraph"
    if clause_id.startswith("PP"):
        return "preambular"
    if clause_id.startswith("OP"):
        return "operative"
    if clause_id.startswith("H"):
        return "heading"
    return "other"


def clause(
    clause_id: str,
    text: str,
    *children: Clause,
    kind: ClauseKind | None = None,
    label: str | None = "",
    number: str | None = "",
    opener: str | None = "",
) -> Clause:
    """A clause; ``""`` means "as its id says": ``OP3`` is operative, number "3", label
    "3.", opener its first word; ``OP3(b)`` a sub-paragraph "(b)"; ``PP2`` preambular,
    unlabelled; ``H1`` a heading. ``None`` means none. Its span covers its own text
    until ``document`` lays it out."""
    kind = kind or _kind(clause_id)
    sub, num = _SUB.search(clause_id), _NUMBER.search(clause_id)
    if number == "":
        number = sub.group(1) if sub else (num.group(1) if num and kind == "operative" else None)
    if label == "":
        label = f"({number})" if sub else (f"{number}." if number else None)
    if opener == "":
        words = text.split()
        opener = words[0].rstrip(",;:") if words and kind in ("preambular", "operative") else None
    return Clause(clause_id, kind, number, label, opener, text, Span(0, len(text)), children)


def document(
    doc_id: str,
    clauses: Sequence[Clause],
    *,
    header: str = "",
    source: str | None = None,
    symbol: str | None = None,
    author: str | None = None,
    date: str | None = None,
    sponsors: tuple[str, ...] = (),
    title: str | None = None,
    structure: Structure = "un",
    note: str = "built by a test",
    footnotes: Sequence[Clause] = (),
) -> Document:
    """A document whose header and clause spans tile its text: ``header``, then each
    clause as "label text" and a blank line, sub-paragraphs after their parent."""
    if header and not header.endswith("\n"):
        header += "\n\n"
    parts = [header]
    pos = len(header)

    def lay_out(c: Clause) -> Clause:
        nonlocal pos
        own = (f"{c.label} " if c.label else "") + c.text + "\n\n"
        start = pos
        parts.append(own)
        pos += len(own)
        children = tuple(lay_out(child) for child in c.children)
        return replace(c, span=Span(start, start + len(own)), children=children)

    built = tuple(lay_out(c) for c in clauses)
    notes = tuple(lay_out(c) for c in footnotes)
    return Document(
        id=doc_id,
        source=source or f"{doc_id.lower()}.txt",
        format="txt",
        text="".join(parts),
        symbol=symbol,
        author=author,
        date=date,
        sponsors=sponsors,
        title=title,
        language="en",
        parse=ParseInfo(structure, note),
        header=Span(0, len(header)),
        clauses=built,
        footnotes=notes,
    )


def paragraphs(
    doc_id: str, texts: Sequence[str], prefix: str = "OP", *, labels: bool = True
) -> Document:
    """A document of one clause per text: ``OP1``, ``OP2``... (``labels``: "1.", "2.")."""
    specs = [
        clause(f"{prefix}{k}", text, label="" if labels else None)
        for k, text in enumerate(texts, 1)
    ]
    return document(doc_id, specs)


def rows(doc_id: str, flat: Sequence[tuple[str, str]], *, labels: bool = False) -> Document:
    """A document from ``(id, text)`` rows in document order; ``OP3(a)`` nests under the
    ``OP3`` before it."""

    def build(prefix: str, k: int) -> tuple[list[Clause], int]:
        out: list[Clause] = []
        while k < len(flat):
            cid, text = flat[k]
            parent = _SUB.sub("", cid) if _SUB.search(cid) else ""
            if parent != prefix:
                break
            children, k = build(cid, k + 1)
            out.append(clause(cid, text, *children, label="" if labels else None, opener=None))
        return out, k

    specs, used = build("", 0)
    assert used == len(flat), f"bad nesting near {flat[used][0]}"
    return document(doc_id, specs)


def comparison(*documents: Document, options: CompareOptions | None = None) -> Comparison:
    """The real engine's comparison of ``documents`` (the first is the base)."""
    from resdiff.pipeline import compare

    return compare(*documents, options=options)


def parsed(text: str, doc_id: str = "A", source: str | None = None) -> Document:
    """A draft read by the real parser from ``text``."""
    from resdiff.ingest import SourceText
    from resdiff.parse.structure import parse_source

    return parse_source(SourceText(source or f"{doc_id.lower()}.txt", "txt", text), doc_id)


# --- the engine's comparison of three drafts written for the tests ------------------------

DRAFTS = Path(__file__).resolve().parent / "fixtures" / "drafts"
#: S/2099/1 -> S/2099/2 -> S/2099/3: a ceasefire untied from hostage release (linkage, verb
#: strength, qualifiers), a paragraph added, a split, a merge, a sub-paragraph edited, an
#: operative paragraph demoted to the preamble and a preambular one promoted (both moved),
#: a rich-markup-looking paragraph, then a number changed and a paragraph added in Rev.
SERIES = tuple(str(DRAFTS / f"series-{n}.txt") for n in (1, 2, 3))


@cache
def series_comparison() -> Comparison:
    """The three series drafts compared by the real engine, as a series (with history)."""
    from resdiff.pipeline import load_all

    return comparison(*load_all(SERIES), options=CompareOptions(series=True))


def escaped_comparison() -> Comparison:
    """Two drafts whose text carries terminal escape sequences (CSI colour, an OSC title
    ending in BEL), compared by the real engine."""
    clause = "Stresses the{} need\x1b[31m for calm\x1b]0;pwned\x07 and restraint;"
    a = parsed(f"The Security Council,\n\n1. {clause.format('')}\n", "A")
    b = parsed(f"The Security Council,\n\n1. {clause.format(' urgent')}\n", "B")
    return comparison(a, b)


# --- the engine's comparison of the bundled seed drafts -----------------------------------

#: The demo pair (a ceasefire tied to hostage release against both demanded).
SEED_PAIR = ("s-2024-9001-tied.txt", "s-2024-9002-demands.txt")
#: A draft and its Rev.1, hard-wrapped at 70 characters like a PDF copy.
WRAPPED_PAIR = ("s-2024-9001-tied.txt", "s-2024-9001-rev1-tied.txt")


@cache
def seed_comparison(names: tuple[str, str] = SEED_PAIR) -> Comparison:
    """Two bundled seed drafts compared by the real engine (computed once per session)."""
    from resdiff.pipeline import load_all
    from resdiff.seeds import seed_path

    return comparison(*load_all([str(seed_path(n)) for n in names]))
