"""Build ``Document`` values straight from clause lists, so alignment tests need no parser.

A fixture file (tests/fixtures/align/*.txt) has three sections::

    == A
    PP1 Recalling ...            one clause per line: id, one space, text
    OP4 Requests ... to:
    OP4(a) Report ...            an id with "(x)" is a sub-paragraph of the id before it
    == B
    ...
    == PAIRS
    PP4 PP5 > PP4                my labels: which top-level clause(s) became which;
    PP10 > -                     "-" for none (removed / added)

Lines starting with "#" are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from resdiff.model import Clause, ClauseKind, Document, ParseInfo, Span

FIXTURES = Path(__file__).parent / "fixtures" / "align"

Label = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class LabelledPair:
    name: str
    a: Document
    b: Document
    labels: tuple[Label, ...]


def _kind(clause_id: str) -> ClauseKind:
    if "(" in clause_id:
        return "subparagraph"
    if clause_id.startswith("PP"):
        return "preambular"
    if clause_id.startswith("OP"):
        return "operative"
    return "other"


def make_document(doc_id: str, rows: list[tuple[str, str]]) -> Document:
    """A document from ``(clause id, text)`` rows in reading order; sub-paragraph ids
    (``OP4(a)``, ``OP4(b)(i)``) nest under the id they extend."""
    text_parts: list[str] = []
    pos = 0
    flat: list[tuple[str, str, Span]] = []
    for cid, body in rows:
        span = Span(pos, pos + len(body) + 2)
        text_parts.append(body + "\n\n")
        pos = span.end
        flat.append((cid, body, span))

    def build(prefix: str, start: int) -> tuple[list[Clause], int]:
        out: list[Clause] = []
        k = start
        while k < len(flat):
            cid, body, span = flat[k]
            parent = re.sub(r"\([^()]*\)$", "", cid) if cid.endswith(")") else ""
            if parent != prefix:
                break
            children, k = build(cid, k + 1)
            m = re.search(r"(\d+|\([^()]*\))$", cid)
            number = m.group(1).strip("()") if m and cid[:2] == "OP" else None
            out.append(
                Clause(
                    id=cid,
                    kind=_kind(cid),
                    number=number,
                    label=None,
                    opener=None,
                    text=body,
                    span=span,
                    children=tuple(children),
                )
            )
        return out, k

    clauses, used = build("", 0)
    assert used == len(flat), f"bad nesting near {flat[used][0]}"
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        format="txt",
        text="".join(text_parts),
        symbol=None,
        author=None,
        date=None,
        sponsors=(),
        title=None,
        language="en",
        parse=ParseInfo("un", "built by a test"),
        header=Span(0, 0),
        clauses=tuple(clauses),
    )


def load_labelled(path: Path) -> LabelledPair:
    sections: dict[str, list[str]] = {"A": [], "B": [], "PAIRS": []}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            current = line[3:].strip()
            continue
        assert current in sections, f"{path.name}: line outside a section: {line!r}"
        sections[current].append(line)

    def rows(lines: list[str]) -> list[tuple[str, str]]:
        return [(ln.split(" ", 1)[0], ln.split(" ", 1)[1]) for ln in lines]

    labels: list[Label] = []
    for ln in sections["PAIRS"]:
        left, right = ln.split(">")
        labels.append(
            (
                tuple(x for x in left.split() if x != "-"),
                tuple(x for x in right.split() if x != "-"),
            )
        )
    return LabelledPair(
        path.stem,
        make_document("A", rows(sections["A"])),
        make_document("B", rows(sections["B"])),
        tuple(labels),
    )


def labelled_pairs() -> list[LabelledPair]:
    return [load_labelled(p) for p in sorted(FIXTURES.glob("*.txt"))]
