"""Markdown report (GitHub-flavoured), readable raw and rendered.

Deletions read ``[-~~old~~-]`` and insertions ``{+**new**+}``: strikethrough and bold
survive any GFM renderer without raw HTML (which many renderers strip), and the
wdiff-style ``[- -]``/``{+ +}`` markers keep the meaning in plain text, in print and
for screen readers, without relying on colour. Document text is data: every
Markdown metacharacter in it is backslash-escaped, so a draft cannot inject links,
emphasis, tables or raw HTML.
"""

from __future__ import annotations

import re

from resdiff.model import Comparison, PositionsMatrix
from resdiff.present import cells
from resdiff.present.changes import change_tag
from resdiff.present.escape import escape_markdown as escape
from resdiff.present.escape import markdown_cell as cell
from resdiff.present.escape import safe_line_start
from resdiff.present.segments import Segment, shown_text, tidy_segments
from resdiff.render.view import (
    Gap,
    PairRow,
    ReportOptions,
    ReportView,
    SectionView,
    build_view,
    documents_facts,
)

__all__ = ["cell", "diff_paragraph", "escape", "render_markdown", "render_view", "safe_line_start"]

_BREAK = "\\\n"  # a CommonMark hard line break: backslash, newline


def _lines(text: str) -> str:
    """Escaped text whose line breaks become hard breaks (runs of them collapse: a
    blank line would end the paragraph)."""
    lines = re.split(r"\n+", text)
    return _BREAK.join(
        escape(line if k == len(lines) - 1 else line.rstrip()) for k, line in enumerate(lines)
    )


def _marked(op: str, text: str) -> str:
    """A deleted or inserted run. Whitespace still at its ends (see ``tidy_segments``)
    stays inside the brackets but outside the emphasis, which must start and end next
    to a non-space to open and close."""
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    body = _lines(core)
    emph = f"~~{body}~~" if op == "-" else f"**{body}**"
    left, right = ("[-", "-]") if op == "-" else ("{+", "+}")
    return left + _lines(lead) + emph + _lines(trail) + right


def diff_paragraph(segments: tuple[Segment, ...]) -> str:
    """The inline diff as one Markdown paragraph; line breaks become hard breaks, inside
    a marker when they belong to one side only."""
    segments = tidy_segments(segments)
    if segments and segments[0].op == "=":
        segments = (Segment("=", segments[0].text.lstrip()), *segments[1:])
    if segments and segments[-1].op == "=":
        segments = (*segments[:-1], Segment("=", segments[-1].text.rstrip()))
    parts: list[str] = []
    after_deletion = False
    for seg in segments:
        text = shown_text(seg)
        if seg.op == "=":
            out = _lines(text)
            # '[-~~x~~-](' or '[-~~x~~-]:' would turn our marker into a link.
            if after_deletion and out.startswith(("(", ":")):
                out = "\\" + out
            after_deletion = False
        else:
            out = _marked(seg.op, text)
            after_deletion = seg.op == "-" and out == out.rstrip()
        parts.append(out)
    lines = [safe_line_start(line) for line in "".join(parts).split("\n")]
    if lines and lines[0].startswith("[-"):
        lines[0] = "\\" + lines[0]  # never a link reference definition
    text = "\n".join(lines).strip(" ")
    return text or "*(empty)*"


def _table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(header)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    out.extend("| " + " | ".join(r) + " |" for r in rows)
    return out


def _documents(view: ReportView) -> list[str]:
    docs = view.documents
    header = ["", *(f"{d.id}" for d in docs)]
    facts = documents_facts(docs)
    rows = [[name, *(cell(f[i][1]) for f in facts)] for i, (name, _) in enumerate(facts[0])]
    return ["## What was compared", "", *_table(header, rows), "", f"Shown: {view.filters}.", ""]


def _summary(section: SectionView) -> list[str]:
    out = [f"## Differences: {escape(section.title)}", "", escape(section.verdict), ""]
    out += ["### Counts", ""]
    fields = [k for k, _ in section.counts[0].rows]
    out += _table(
        ["", *fields],
        [[level.name, *(str(v) for _, v in level.rows)] for level in section.counts],
        ["---", *["--:"] * len(fields)],
    )
    out += ["", "### Key differences", ""]
    if not section.changes:
        out += ["No changes in substance were found.", ""]
        return out
    for n, item in enumerate(section.changes, 1):
        ch = item.change
        tag, summary = escape(change_tag(ch)), escape(ch.summary)
        out.append(f"{n}. **{tag}**: {summary} ({escape(item.address)})")
    out.append("")
    return out


def _matrix(view: ReportView, matrix: PositionsMatrix) -> list[str]:
    labels = view.column_labels
    header = ["Topic", *(cell(labels.get(doc, doc)) for doc in matrix.documents)]
    rows = [
        [
            cell(matrix.labels.get(t, t)),
            *(cell(cells.report_text(cells.cell_view(matrix, t, doc))) for doc in matrix.documents),
        ]
        for t in matrix.topics
    ]
    return ["## Positions", "", *_table(header, rows), ""]


def _row(row: PairRow) -> list[str]:
    level = "#" * min(6, 3 + row.depth)
    out = [f"{level} {escape(row.address)} ({row.status})", ""]
    if row.notes:
        out += ["*" + escape(" · ".join(row.notes)) + "*", ""]
    out += [diff_paragraph(row.segments), ""]
    return out


def _clauses(section: SectionView) -> list[str]:
    out = [f"## Clause by clause: {escape(section.title)}", ""]
    out.append(f"{section.shown} of {section.total} pairs shown.")
    out.append("")
    for item in section.items:
        if isinstance(item, Gap):
            out += [f"*{escape(item.text)}*", ""]
        else:
            out += _row(item)
    return out


def _agreed(section: SectionView) -> list[str]:
    """Where the later draft's language comes from, when a corpus was searched."""
    if section.comparison.precedents is None:
        return []
    from resdiff.render.precedents.markdown import agreed_section  # only with --corpus

    return agreed_section(section.comparison.precedents)


def render_view(view: ReportView) -> str:
    out = [f"# resdiff report: {escape(view.title)}", ""]
    out += _documents(view)
    for section in view.sections:
        out += _summary(section)
    if view.matrix is not None:
        out += _matrix(view, view.matrix)
    for section in view.sections:
        out += _clauses(section)
    for section in view.sections:
        out += _agreed(section)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_markdown(comparison: Comparison, options: ReportOptions) -> str:
    return render_view(build_view(comparison, options))
