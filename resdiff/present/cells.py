"""A cell of the positions matrix (a topic in one draft), as the faces show it.

``cell_view`` reads a cell once: the strongest verb, the clauses, the qualifiers and the
links, with topic labels rather than ids. The layouts below differ only in shape (a
report's phrases, the matrix command's one line, the app's lines); the words are the
same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from resdiff.model import Link, PositionsMatrix

NO_VERB = "(no verb)"
NOT_MENTIONED = "not mentioned"
LINK_MARK = "⚭"


@dataclass(frozen=True, slots=True)
class LinkView:
    relation: str
    topics: tuple[str, str]  # both topics' labels, in the link's order
    other: str  # the label of the topic that is not the cell's own
    cue: str


@dataclass(frozen=True, slots=True)
class CellView:
    verb: str
    clauses: tuple[str, ...]
    qualifiers: tuple[str, ...]
    links: tuple[LinkView, ...]


def cell_view(matrix: PositionsMatrix, topic: str, doc: str) -> CellView | None:
    """The cell of ``topic`` in draft ``doc``; ``None`` when the draft does not mention it."""
    cell = matrix.cells.get((topic, doc))
    if cell is None:
        return None
    links = tuple(_link_view(link, topic, matrix.labels) for link in cell.links)
    return CellView(
        verb=cell.verb.text if cell.verb else NO_VERB,
        clauses=cell.clauses,
        qualifiers=cell.qualifiers,
        links=links,
    )


def _link_view(link: Link, topic: str, labels: Mapping[str, str]) -> LinkView:
    first, second = (labels.get(t, t) for t in link.topics)
    other = link.topics[1] if link.topics[0] == topic else link.topics[0]
    return LinkView(link.relation, (first, second), labels.get(other, other), link.cue)


def report_parts(cell: CellView | None) -> list[str]:
    """Short phrases for a report: verb (clauses), qualifiers, then each link."""
    if cell is None:
        return [NOT_MENTIONED]
    parts = [f"{cell.verb} ({', '.join(cell.clauses)})" if cell.clauses else cell.verb]
    if cell.qualifiers:
        parts.append(", ".join(cell.qualifiers))
    parts.extend(f"{x.relation}: {x.topics[0]} / {x.topics[1]} ({x.cue})" for x in cell.links)
    return parts


def report_text(cell: CellView | None) -> str:
    return "; ".join(report_parts(cell))


def one_line(cell: CellView | None) -> str:
    """The matrix command's cell: ``Demands [immediate, lasting] {parallel: Hostages}
    (OP1)``; "-" when not mentioned."""
    if cell is None:
        return "-"
    parts = [cell.verb]
    if cell.qualifiers:
        parts.append("[" + ", ".join(cell.qualifiers) + "]")
    if cell.links:
        parts.append("{" + "; ".join(f"{x.relation}: {x.other}" for x in cell.links) + "}")
    parts.append("(" + ", ".join(cell.clauses) + ")")
    return " ".join(parts)


Slots = tuple[tuple[str, ...], ...]
"""A cell's lines by kind: the verb, the qualifiers, the links, the clauses."""


def slots(cell: CellView | None) -> Slots:
    """The app's cell as four slots of lines (verb; qualifiers; one line a link; clauses),
    so that the cells of a row can line up slot by slot; "—" when not mentioned."""
    if cell is None:
        return (("—",), (), (), ())
    return (
        (cell.verb,),
        (", ".join(cell.qualifiers),) if cell.qualifiers else (),
        tuple(f"{LINK_MARK} {x.relation}: {x.other}" for x in cell.links),
        (", ".join(cell.clauses),) if cell.clauses else (),
    )


def lines(cell: CellView | None) -> str:
    """The app's cell: verb, qualifiers, each link, clauses, one a line; "—" when not
    mentioned."""
    return "\n".join(line for slot in slots(cell) for line in slot)
