"""Precedents as Markdown (GitHub-flavoured): a table of clauses and statuses, then one
section per clause with its precedents, each diff marked as in ``resdiff report``
(``[-~~old~~-]{+**new**+}``). Document text is escaped by ``present.escape``."""

from __future__ import annotations

from resdiff.corpus.model import Precedents
from resdiff.present.changes import change_tag
from resdiff.present.escape import escape_markdown as escape
from resdiff.present.escape import markdown_cell as cell
from resdiff.render.markdown import diff_paragraph
from resdiff.render.precedents import view


def _overview(views: list[view.ClauseView]) -> list[str]:
    out = ["| Clause | Status | Closest precedent | Similarity |", "|---|---|---|--:|"]
    for v in views:
        cells = (v.item.clause, v.item.status, v.closest, v.similarity)
        out.append("| " + " | ".join(cell(c) for c in cells) + " |")
    return out


def _clause(v: view.ClauseView, level: int = 2) -> list[str]:
    out = [f"{'#' * level} {escape(v.item.clause)}: {v.item.status}", ""]
    out += [f"> {escape(view.flat(v.clause.text))}", ""]
    if v.identical:
        out += [f"*{escape(view.identical_note(v))}:*", ""]
        out += [f"- {escape(view.source(m))} · {escape(view.details(m))}" for m in v.identical]
        out.append("")
    for m in v.adapted:
        out += [
            f"{'#' * (level + 1)} Adapted from "
            f"{escape(view.source(m))} · {escape(view.details(m))}",
            "",
        ]
        out += [diff_paragraph(view.segments(m, v.clause)), ""]
        out += [f"- **{escape(change_tag(ch))}**: {escape(ch.summary)}" for ch in m.changes]
        if m.changes:
            out.append("")
    return out


def agreed_section(result: Precedents) -> list[str]:
    """A comparison report's last section: each clause of the later draft with its status
    and closest precedent, then the diff from each precedent a clause was adapted from."""
    views = view.clause_views(result)
    out = [f"## {escape(view.agreed_title(result))}", "", escape(view.summary(result)), ""]
    out += [f"*{escape(view.LEGEND)}*", "", *_overview(views), ""]
    for v in views:
        if v.item.status == "adapted":
            out += _clause(v, 3)
    return out


def render_markdown(result: Precedents) -> str:
    views = view.clause_views(result)
    out = [f"# {escape(view.title(result))}", "", escape(view.summary(result)), ""]
    out += [f"*{escape(view.LEGEND)}*", ""]
    out += [*_overview(views), ""]
    for v in views:
        out += _clause(v)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
