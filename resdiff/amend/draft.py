"""A draft while amendments are applied: a mutable tree of paragraphs, renumbered and
printed as the UN does once every amendment is in.

Printing is one paragraph per line, blank lines between paragraphs, sub-paragraphs
indented, after the draft's own header: the layout the parser reads best, so the
amended text can be compared again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resdiff.amend.words import canonical
from resdiff.ingest import SourceText
from resdiff.labels import to_letters, to_roman
from resdiff.model import Clause, ClauseKind, Document
from resdiff.parse.segment import sub_label
from resdiff.parse.structure import parse_source

INDENT = "    "
_NUMBER_LABEL = re.compile(r"^\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.)]\s+")


@dataclass(slots=True)
class Node:
    """One paragraph: its own text, its sub-paragraphs, the clause of the draft as tabled
    it comes from (None if new), and its label (as printed, then as renumbered)."""

    kind: ClauseKind
    text: str
    children: list[Node] = field(default_factory=list)
    origin: str | None = None
    label: str | None = None
    number: str | None = None
    roman: bool = False  # its sub-paragraphs were numbered (i), (ii)... in the draft


def tree(clause: Clause) -> Node:
    roman = bool(clause.children) and clause.children[0].number == "i"
    return Node(
        kind=clause.kind,
        text=clause.text,
        children=[tree(c) for c in clause.children],
        origin=clause.id,
        label=clause.label,
        number=clause.number,
        roman=roman,
    )


def payload_nodes(text: str, kind: ClauseKind) -> list[Node]:
    """The paragraphs of an inserted or replacing text (blank-line separated, each with
    its labelled sub-paragraph lines), nested as the parser would nest them."""
    out = []
    for block in (b for b in text.split("\n\n") if b.strip()):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        first = lines[0]
        label = None
        if kind == "operative":
            first = _NUMBER_LABEL.sub("", first, count=1)
        elif kind == "subparagraph":
            found = sub_label(first, 0)
            if found is not None:
                label, first = found.text, first[found.end :].lstrip()
        node = Node(kind, canonical(first), label=label)
        node.children = _nested(lines[1:])
        out.append(node)
    return out


def _nested(lines: list[str]) -> list[Node]:
    """Sub-paragraph lines nested by their labels, read by the parser itself."""
    if not lines:
        return []
    probe = "The Security Council,\n\n1. Decides:\n\n" + "\n\n".join(lines) + "\n"
    parsed = parse_source(SourceText("<amendment>", "txt", probe))
    top = parsed.clauses[-1] if parsed.clauses else None
    if top is None or sum(1 for c in top.walk()) - 1 != len(lines):
        return [Node("subparagraph", canonical(ln)) for ln in lines]  # flat, as written
    return [_from_parsed(c) for c in top.children]


def _from_parsed(clause: Clause) -> Node:
    return Node(
        "subparagraph",
        canonical(clause.text),
        [_from_parsed(c) for c in clause.children],
        label=clause.label,
        number=clause.number,
    )


# --- renumbering -------------------------------------------------------------------------


def _style(label: str | None, number: str | None, default: str) -> str:
    if label and number and number in label:
        return label.replace(number, "{}", 1)
    return default


def renumber(nodes: list[Node], document: Document) -> None:
    """Operative paragraphs 1, 2, 3... (UN structure only) and sub-paragraphs (a), (b)...
    with (i), (ii)... below, in the label style the draft used."""
    if document.parse.structure == "un":
        ops = [c for c in document.clauses if c.kind == "operative" and c.number]
        style = _style(ops[0].label, ops[0].number, "{}.") if ops else "{}."
        numbered = not any(c.kind == "operative" for c in document.clauses) or bool(ops)
        n = 0
        for node in nodes:
            if node.kind == "operative" and numbered:
                n += 1
                node.number = str(n)
                node.label = style.format(n)
    for node in nodes:
        _renumber_children(node, depth=1)


def _renumber_children(parent: Node, depth: int) -> None:
    if not parent.children:
        return
    sample = next((c for c in parent.children if c.origin and c.label), None)
    sample = sample or next((c for c in parent.children if c.label), None)
    style = _style(sample.label, sample.number, "({})") if sample else "({})"
    roman = depth > 1 or parent.roman
    for k, child in enumerate(parent.children):
        value = to_roman(k + 1) if roman else to_letters(k + 1)
        child.number = value
        child.label = style.format(value)
        _renumber_children(child, depth + 1)


# --- printing ----------------------------------------------------------------------------


def paragraph_line(node: Node) -> str:
    text = canonical(node.text)
    return f"{node.label} {text}" if node.label else text


def _lines(node: Node, depth: int) -> list[str]:
    out = [INDENT * depth + paragraph_line(node)]
    for child in node.children:
        out += _lines(child, depth + 1)
    return out


def print_draft(document: Document, nodes: list[Node]) -> str:
    """The amended draft as text: the draft's header, then every paragraph."""
    parts = []
    header = document.header.slice(document.text).rstrip()
    if header:
        parts.append(header)
    for node in nodes:
        parts += _lines(node, 0)
    for note in document.footnotes:
        parts.append(note.span.slice(document.text).strip())
    return "\n\n".join(parts) + "\n"
