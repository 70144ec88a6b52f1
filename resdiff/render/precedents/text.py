"""Precedents as a terminal text report: the clause, its status, then each precedent with
the word diff from it to the draft (``[-deleted-]{+inserted+}``, as ``resdiff report``
marks them) and the changes in substance. Colour only when asked (a terminal)."""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.corpus.model import Precedents
from resdiff.present.changes import change_tag
from resdiff.present.escape import clean_text as clean
from resdiff.render.precedents import view
from resdiff.render.text import (
    DEFAULT_WIDTH,
    STYLE_ADDRESS,
    STYLE_DIM,
    STYLE_NOTE,
    Line,
    Spans,
    _wrapped,
    diff_spans,
    heading_lines,
    joined_lines,
)

_STATUS_STYLE = {"identical": STYLE_DIM, "adapted": STYLE_NOTE, "new": STYLE_NOTE}


def _clause(v: view.ClauseView, width: int, color: bool) -> list[Line]:
    status = v.item.status
    head: Spans = [(clean(v.item.clause), STYLE_ADDRESS), ("  ", "")]
    head.append((status, _STATUS_STYLE[status]))
    if v.identical:
        head.append((f" · {view.identical_note(v)}", STYLE_DIM))
    lines = _wrapped(head, 0, width, color)
    lines += _wrapped([(clean(view.flat(v.clause.text)), "")], 4, width, color)
    for m in v.identical:
        line: Spans = [("= ", STYLE_DIM), (clean(view.source(m)), STYLE_ADDRESS)]
        line.append((f" · {clean(view.details(m))}", STYLE_DIM))
        lines += _wrapped(line, 4, width, color)
    for m in v.adapted:
        line = [("~ ", STYLE_NOTE), (clean(view.source(m)), STYLE_ADDRESS)]
        line.append((f" · {clean(view.details(m))}", STYLE_DIM))
        lines += _wrapped(line, 4, width, color)
        lines += _wrapped(diff_spans(view.segments(m, v.clause)), 8, width, color)
        for ch in m.changes:
            note: Spans = [(f"[{clean(change_tag(ch))}] ", STYLE_NOTE), (clean(ch.summary), "")]
            lines += _wrapped(note, 8, width, color)
    lines.append("")
    return lines


def _opening(heading: str, result: Precedents, width: int, color: bool) -> list[Line]:
    return [
        *heading_lines(heading, width),
        *_wrapped([(clean(view.summary(result)), "")], 0, width, color),
        *_wrapped([(view.LEGEND, STYLE_DIM)], 0, width, color),
        "",
    ]


def agreed_section(result: Precedents, width: int, color: bool) -> list[Line]:
    """A comparison report's last section: one line per clause of the later draft (its
    status and closest precedent), then the diff from each precedent a clause was adapted
    from."""
    lines = _opening(view.agreed_title(result), result, width, color)
    views = view.clause_views(result)
    for v in views:
        line: Spans = [(clean(v.item.clause), STYLE_ADDRESS), ("  ", "")]
        line.append((v.item.status, _STATUS_STYLE[v.item.status]))
        if v.closest:
            line.append((f" · {clean(v.closest)} ({v.similarity})", STYLE_DIM))
        lines += _wrapped(line, 2, width, color)
    lines.append("")
    for v in views:
        if v.item.status == "adapted":
            lines += _clause(v, width, color)
    return lines


def clause_text(result: Precedents, clause_ids: Sequence[str], width: int) -> str:
    """The blocks of some clauses, as plain text (the app shows the selected clause's)."""
    lines: list[Line] = []
    for v in view.clause_views(result):
        if v.item.clause in clause_ids:
            lines += _clause(v, width, False)
    return "\n".join(x if isinstance(x, str) else x.plain for x in lines).rstrip("\n")


def section_text(result: Precedents, width: int) -> str:
    """``agreed_section`` as plain text."""
    lines = agreed_section(result, width, False)
    return "\n".join(x if isinstance(x, str) else x.plain for x in lines).rstrip("\n")


def render_text(result: Precedents, *, color: bool = False, width: int | None = None) -> str:
    width = width or DEFAULT_WIDTH
    lines = _opening(view.title(result), result, width, color)
    for v in view.clause_views(result):
        lines += _clause(v, width, color)
    rendered = joined_lines(lines, color)
    text = "\n".join(line.rstrip() for line in rendered.splitlines()).rstrip("\n")
    return text + "\n"
