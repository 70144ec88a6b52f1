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
from resdiff.present.segments import (
    CUE_CLOSE,
    CUE_OPEN,
    Segment,
    by_op,
    cue_label,
    marked_text,
    segment,
    shown_group,
    tidy_segments,
)
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
    if "\n" not in text:
        return escape(text) if text else ""
    lines = re.split(r"\n+", text)
    return _BREAK.join(
        escape(line if k == len(lines) - 1 else line.rstrip()) for k, line in enumerate(lines)
    )


def _body(pieces: tuple[Segment, ...]) -> str:
    """Escaped text of consecutive pieces, a cue phrase between ⟨ ⟩."""
    return marked_text(pieces, _lines, lambda core, _: f"{CUE_OPEN}{core}{CUE_CLOSE}")


def _marked(op: str, pieces: tuple[Segment, ...], *, emphasis: bool = True) -> str:
    """A deleted or inserted run (its pieces, cue phrases marked inside). Whitespace
    still at its ends (see ``tidy_segments``) stays inside the brackets but outside the
    emphasis, which must start and end next to a non-space to open and close.
    ``emphasis=False``: brackets only (a whole rewritten paragraph, readable)."""
    text = "".join(p.text for p in pieces)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = list(pieces)
    if lead:
        core[0] = segment(core[0].op, core[0].text[len(lead) :], core[0].cue)
    if trail:
        last = core[-1]
        core[-1] = segment(last.op, last.text[: len(last.text) - len(trail)], last.cue)
    body = _body(tuple(p for p in core if p.text))
    if emphasis:
        body = f"~~{body}~~" if op == "-" else f"**{body}**"
    left, right = ("[-", "-]") if op == "-" else ("{+", "+}")
    return left + _lines(lead) + body + _lines(trail) + right


def diff_paragraph(segments: tuple[Segment, ...], *, emphasis: bool = True) -> str:
    """The inline diff as one Markdown paragraph; line breaks become hard breaks, inside
    a marker when they belong to one side only."""
    segments = tidy_segments(segments)
    if segments and segments[0].op == "=":
        first = segments[0]
        segments = (segment("=", first.text.lstrip(), first.cue), *segments[1:])
    if segments and segments[-1].op == "=":
        last = segments[-1]
        segments = (*segments[:-1], segment("=", last.text.rstrip(), last.cue))
    parts: list[str] = []
    after_deletion = False
    for op, group in by_op(segments):
        pieces = shown_group(op, group)
        if op == "=":
            out = _body(pieces)
            # '[-~~x~~-](' or '[-~~x~~-]:' would turn our marker into a link.
            if after_deletion and out.startswith(("(", ":")):
                out = "\\" + out
            after_deletion = False
        else:
            out = _marked(op, pieces, emphasis=emphasis)
            after_deletion = op == "-" and out == out.rstrip()
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
    if row.rewritten:
        # Rewritten: A's whole text, then B's, each readable (no strikethrough).
        for label, segs in zip(row.side_labels, row.before_after, strict=True):
            out += [f"*{escape(label)}:* " + diff_paragraph(segs, emphasis=False), ""]
    else:
        out += [diff_paragraph(row.segments), ""]
    if row.cues:
        out += ["\\\n".join(_cue_notes(row)), ""]
    return out


def _cue_notes(row: PairRow) -> list[str]:
    """One line per signal: '⟨in connection with⟩ (A), ⟨also demands⟩ (B): *linkage, key
    difference 1*'."""
    by_note: dict[str, list[str]] = {}
    for side, text, note in row.marked_cues:
        by_note.setdefault(cue_label(note), []).append(
            f"{CUE_OPEN}{escape(text)}{CUE_CLOSE} ({side.upper()})"
        )
    return [f"{', '.join(texts)}: *{escape(note)}*" for note, texts in by_note.items()]


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


def _amendments(section: SectionView) -> list[str]:
    """The amendments turning A into B, in UN form, when asked for."""
    if section.amendments is None:
        return []
    from resdiff.render import amendments as written  # only when asked for

    out = [f"## Amendments: {escape(section.title)}", ""]
    out += [f"*{escape(written.title(section.amendments))}*", ""]
    for block in written.markdown_blocks(section.amendments):
        out += [block, ""]
    return out


def _agreed(section: SectionView) -> list[str]:
    """Where the later draft's language comes from, when a corpus was searched."""
    if section.comparison.precedents is None:
        return []
    from resdiff.render.precedents.markdown import agreed_section  # only with --corpus

    return agreed_section(section.comparison.precedents)


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
    for section in view.sections:
        out += _amendments(section)
        out += _agreed(section)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_markdown(comparison: Comparison, options: ReportOptions) -> str:
    return render_view(build_view(comparison, options))
