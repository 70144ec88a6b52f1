"""The history and positions-matrix screens' tables."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from resdiff.model import (
    ClauseHistory,
    Comparison,
    Document,
)
from resdiff.present import address as addresses
from resdiff.present import cells
from resdiff.present.escape import clean_terminal
from resdiff.tui.viewmodel.header import document_label
from resdiff.tui.viewmodel.rows import STATUS_MARKERS


def history_legend() -> str:
    """What the history's cells say: ``= unchanged  ~ modified  + added ...``."""
    marks = [f"{(mark.strip() or '=')} {status}" for status, mark in STATUS_MARKERS.items()]
    return "  ".join(marks) + "; then the clause's ids in that draft"


def history_caption(documents: Sequence[Document], base: str | None) -> str:
    """Which series the history is of: the drafts in the order opened, and that swapping
    sides (a different base) does not change it."""
    if not documents:
        return ""
    order = " → ".join(document_label(d) for d in documents)
    caption = f"The series as opened: {order}."
    if base is not None and base != documents[0].label:
        caption += " The base is now another draft; swapping sides does not change it."
    return caption


def history_table(
    documents: Sequence[Document], history: Sequence[ClauseHistory]
) -> tuple[list[str], list[list[str]]]:
    """Columns (clause of the last draft, then one per round) and rows of status markers.

    ``documents`` are those the history was computed with (ids are per comparison).
    """
    docs = {d.id: d for d in documents}
    rounds: list[str] = []
    for h in history:
        for doc_id, _ids, _status in h.rounds:
            if doc_id not in rounds:
                rounds.append(doc_id)
    last = f"clause in {document_label(documents[-1])}" if documents else "clause"
    header = [last, *(document_label(docs[d]) if d in docs else d for d in rounds)]
    table = []
    for h in history:
        cells = {doc_id: (ids, status) for doc_id, ids, status in h.rounds}
        line = [h.clause]
        for d in rounds:
            if d not in cells:
                line.append("")
                continue
            ids, status = cells[d]
            mark = STATUS_MARKERS[status].strip() or "="
            line.append(f"{mark} {addresses.ids(ids, '+', '—')}")
        table.append(line)
    return header, table


def matrix_table(comparison: Comparison) -> tuple[list[str], list[tuple[str, list[cells.Slots]]]]:
    """Columns (topic, then one per draft) and rows (a topic's label and its cells, each
    as slots: the strongest verb, its qualifiers, each link, the clauses; see
    ``aligned_cells``)."""
    m = comparison.matrix
    docs = {d.id: d for d in comparison.documents}
    if m is None:
        return ["topic"], []
    header = ["topic", *(document_label(docs[d]) if d in docs else d for d in m.documents)]
    rows = [
        (
            clean_terminal(m.labels.get(topic, topic)),
            [cells.slots(cells.cell_view(m, topic, d)) for d in m.documents],
        )
        for topic in m.topics
    ]
    return header, rows


def aligned_cells(row: Sequence[cells.Slots], width: int) -> list[str]:
    """A matrix row's cells wrapped to ``width`` and padded slot by slot, so the verbs,
    the qualifiers, the links and the clauses of every draft start on the same line."""
    wrapped = [
        [[clean_terminal(part) for line in slot for part in _wrap(line, width)] for slot in cell]
        for cell in row
    ]
    out: list[list[str]] = [[] for _ in row]
    for k in range(max((len(cell) for cell in wrapped), default=0)):
        height = max(len(cell[k]) for cell in wrapped)
        for lines, cell in zip(out, wrapped, strict=True):
            lines += cell[k] + [""] * (height - len(cell[k]))
    return ["\n".join(lines).rstrip("\n") for lines in out]


def _wrap(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, max(4, width), break_on_hyphens=False) or [""]
