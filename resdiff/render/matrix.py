"""The positions matrix (topics x drafts) as plain text, Markdown or JSON.

A cell reads: strongest verb [qualifiers] {links} (clauses), e.g.
``Demands [immediate, lasting] {parallel: Hostages} (OP1)``; "-" means not mentioned
(``present.cells`` holds what a cell says, for every face).
"""

from __future__ import annotations

import textwrap

from resdiff.model import Comparison, PositionsMatrix
from resdiff.present import cells
from resdiff.present.escape import clean_terminal, markdown_cell

#: Width of each draft column in the text table.
CELL_WIDTH = 34
TOPIC_WIDTH = 24


def _headers(comparison: Comparison, m: PositionsMatrix) -> list[str]:
    labels = {d.id: d.label for d in comparison.documents}
    return [f"{doc} {labels.get(doc, '')}".strip() for doc in m.documents]


def render_txt(comparison: Comparison, m: PositionsMatrix) -> str:
    headers = ["Topic", *_headers(comparison, m)]
    widths = [TOPIC_WIDTH] + [CELL_WIDTH] * len(m.documents)
    rows = [headers, *_rows(m)]
    out: list[str] = []
    for r, row in enumerate(rows):
        wrapped = [textwrap.wrap(text, w) or [""] for text, w in zip(row, widths, strict=True)]
        for i in range(max(len(c) for c in wrapped)):
            line = "  ".join(
                (c[i] if i < len(c) else "").ljust(w) for c, w in zip(wrapped, widths, strict=True)
            )
            out.append(line.rstrip())
        if r == 0:
            out.append("  ".join("-" * w for w in widths))
        else:
            out.append("")
    return clean_terminal("\n".join(out).rstrip() + "\n")


def _rows(m: PositionsMatrix) -> list[list[str]]:
    return [
        [m.labels.get(t, t), *(cells.one_line(cells.cell_view(m, t, d)) for d in m.documents)]
        for t in m.topics
    ]


def render_md(comparison: Comparison, m: PositionsMatrix) -> str:
    headers = ["Topic", *_headers(comparison, m)]
    out = [
        "| " + " | ".join(markdown_cell(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    for row in _rows(m):
        out.append("| " + " | ".join(markdown_cell(c) for c in row) + " |")
    return "\n".join(out) + "\n"


def render_matrix(comparison: Comparison, fmt: str) -> str:
    m = comparison.matrix
    if m is None:
        return ""
    if fmt == "json":
        from resdiff.render import json

        return json.dumps(json.matrix_to_dict(m))
    if fmt == "md":
        return render_md(comparison, m)
    if fmt == "txt":
        return render_txt(comparison, m)
    raise ValueError(f"unknown matrix format {fmt!r}")
