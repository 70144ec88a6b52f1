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
from resdiff.present import address, cells, keydiffs
from resdiff.present.escape import escape_markdown as escape
from resdiff.present.escape import markdown_cell as cell
from resdiff.present.escape import safe_line_start
from resdiff.present.segments import Segment, shown_text, tidy_segments
from resdiff.render.view import (
    Gap,
    KeyItem,
    PairRow,
    ReportOptions,
    ReportView,
    SectionView,
    build_view,
    count_keys,
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


def heading_id(text: str) -> str:
    """The id GitHub (and GitLab, markdown-it-anchor) gives a heading: lower case, every
    character but letters, digits, "_", "-" and spaces dropped, spaces made hyphens."""
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def _row_heading(row: PairRow) -> str:
    return f"{row.address} ({row.status})"


def _slugs(view: ReportView) -> dict[str, str]:
    """Clause anchor ("B-OP7") -> the id of the heading of the pair showing it."""
    return {
        anchor: heading_id(_row_heading(row))
        for s in view.sections
        for row in s.rows()
        for anchor in row.anchors
    }


def _kind(kind: keydiffs.Kind) -> str:
    return f"{kind.mark} **{kind.word}**"


def _linked(text: str, anchor: str | None, slugs: dict[str, str]) -> str:
    """Escaped ``text``, a link to the pair heading showing ``anchor`` when there is one."""
    if anchor is None or anchor not in slugs:
        return escape(text)
    return f"[{escape(text)}](#{slugs[anchor]})"


def _address(item: KeyItem, section: SectionView, slugs: dict[str, str]) -> str:
    """'A [OP1](#...) -> B [OP1](#...)': every clause named, each linked when shown."""
    if not item.pair:
        refs = item.a or item.b
        doc = section.a.id if item.a else section.b.id
        return f"{escape(doc)} " + ", ".join(_linked(r.clause, r.anchor, slugs) for r in refs)
    sides = [
        f"{escape(doc)} "
        + (" + ".join(_linked(r.clause, r.anchor, slugs) for r in refs) or escape(address.NONE))
        for doc, refs in ((section.a.id, item.a), (section.b.id, item.b))
    ]
    return f" {address.ARROW} ".join(sides)


def _brief(view: ReportView, slugs: dict[str, str]) -> list[str]:
    """'In brief': each comparison's verdict and first key differences, then the legend."""
    out: list[str] = []
    for section in view.sections:
        out += [f"## In brief: {escape(section.title)}", "", escape(section.verdict), ""]
        for item in section.headline:
            out.append(
                f"{item.number}. {_kind(item.kind)}: " + _linked(item.headline, item.target, slugs)
            )
        if section.headline:
            out.append("")
        if len(section.keys) > len(section.headline):
            out += [
                f"*{len(section.headline)} of {len(section.keys)} key differences; all below.*",
                "",
            ]
    if view.kinds:
        legend = "; ".join(f"{_kind(k)}: {k.meaning}" for k in view.kinds)
        out += [f"Key: {legend}.", ""]
    return out


def _summary(section: SectionView, slugs: dict[str, str]) -> list[str]:
    out = [f"## Differences: {escape(section.title)}", "", escape(section.verdict), ""]
    out += ["### Counts", ""]
    fields = [k for k, _ in section.counts[0].rows]
    out += _table(
        ["", *fields],
        [[level.name, *(str(v) for _, v in level.rows)] for level in section.counts],
        ["---", *["--:"] * len(fields)],
    )
    out += ["", "### Key differences", ""]
    if not section.keys:
        out += ["No changes in substance were found.", ""]
        return out
    out += [escape(count_keys(section)), ""]
    for item in section.keys:
        out.append(
            f"{item.number}. {_kind(item.kind)} {_address(item, section, slugs)}: "
            f"{escape(item.title)}"
        )
        out += [f"   - {escape(facet)}" for facet in item.facets]
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
    out = [f"{level} {escape(_row_heading(row))}", ""]
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


def render_view(view: ReportView) -> str:
    slugs = _slugs(view)
    out = [f"# resdiff report: {escape(view.title)}", ""]
    out += _brief(view, slugs)
    out += _documents(view)
    for section in view.sections:
        out += _summary(section, slugs)
    if view.matrix is not None:
        out += _matrix(view, view.matrix)
    for section in view.sections:
        out += _clauses(section)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_markdown(comparison: Comparison, options: ReportOptions) -> str:
    return render_view(build_view(comparison, options))
