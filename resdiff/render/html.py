"""Self-contained HTML report: one file, inline CSS, no scripts, fonts or images.

Every piece of document text passes through ``esc`` (terminal escapes removed, then
``html.escape(quote=True)``), so a draft's ``<script>`` or ``javascript:`` link is shown
as text. The only links are fragment links (``#c1-p7``) made here. Deletions and
insertions are ``<del>``/``<ins>`` (struck through / underlined, not only coloured) with
visually hidden "[deleted: …]" labels for screen readers. Each changed pair shows
the inline diff and, in a ``<details>`` element (no JavaScript), both sides in a table.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from resdiff.model import Comparison, PositionsMatrix
from resdiff.present import address, cells
from resdiff.present.changes import change_tag
from resdiff.present.escape import escape_html as esc
from resdiff.present.segments import Segment, shown_text
from resdiff.render.view import (
    Gap,
    PairRow,
    ReportOptions,
    ReportView,
    SectionView,
    build_view,
    documents_facts,
)

__all__ = [
    "LEGEND",
    "PAGE_END",
    "diff_html",
    "esc",
    "page_start",
    "render_html",
    "render_view",
    "stylesheet",
]

_LABEL = {"-": "deleted", "+": "inserted"}
#: How deletions and insertions look (and what a screen reader says of them).
LEGEND = (
    '<span class="legend">Key: <del><span class="vh">[deleted: </span>deleted'
    '<span class="vh">]</span></del> <ins><span class="vh">[inserted: </span>inserted'
    '<span class="vh">]</span></ins></span>'
)
_TAG = {"-": "del", "+": "ins"}


@cache
def stylesheet() -> str:
    return resources.files("resdiff.render").joinpath("report.css").read_text(encoding="utf-8")


def _lines(text: str) -> str:
    return "<br>".join(esc(line) for line in text.split("\n"))


def diff_html(segments: tuple[Segment, ...]) -> str:
    out: list[str] = []
    for seg in segments:
        if seg.op == "=":
            out.append(_lines(seg.text))
            continue
        tag, label = _TAG[seg.op], _LABEL[seg.op]
        out.append(
            f'<{tag}><span class="vh">[{label}: </span>{_lines(shown_text(seg))}'
            f'<span class="vh">]</span></{tag}>'
        )
    return "".join(out) or '<span class="count">(empty)</span>'


def _documents(view: ReportView) -> list[str]:
    out = [
        '<section aria-labelledby="compared">',
        '<h2 id="compared">What was compared</h2>',
        '<table class="facts"><caption>The drafts</caption>',
        '<thead><tr><th scope="col">Field</th>',
    ]
    out += [f'<th scope="col">{esc(d.id)}</th>' for d in view.documents]
    out.append("</tr></thead><tbody>")
    facts = documents_facts(view.documents)
    for i, (name, _) in enumerate(facts[0]):
        cells = "".join(f"<td>{esc(f[i][1])}</td>" for f in facts)
        out.append(f'<tr><th scope="row">{esc(name)}</th>{cells}</tr>')
    out.append("</tbody></table>")
    out.append(f'<p class="shown">Shown: {esc(view.filters)}.</p>')
    out.append("</section>")
    return out


def _toc(view: ReportView) -> list[str]:
    out = ['<nav class="toc" aria-labelledby="toc">', '<h2 id="toc">Contents</h2>', "<ol>"]
    out.append('<li><a href="#compared">What was compared</a></li>')
    for s in view.sections:
        out.append(f'<li><a href="#{s.anchor}">Differences: {esc(s.title)}</a></li>')
    if view.matrix is not None:
        out.append('<li><a href="#positions">Positions</a></li>')
    for s in view.sections:
        out.append(f'<li><a href="#{s.anchor}-clauses">Clause by clause: {esc(s.title)}</a></li>')
    for s in view.sections:
        if s.comparison.precedents is not None:
            out.append(
                f'<li><a href="#{s.anchor}-agreed">Agreed language in {esc(s.b.id)} '
                f"{esc(s.b.label)}</a></li>"
            )
    out += ["</ol>", "</nav>"]
    return out


def _summary(s: SectionView) -> list[str]:
    out = [
        f'<section aria-labelledby="{s.anchor}-h">',
        f'<h2 id="{s.anchor}-h"><span id="{s.anchor}"></span>Differences: {esc(s.title)}</h2>',
        f"<p>{esc(s.verdict)}</p>",
        '<table class="counts">',
        f"<caption>Pairs by status, {esc(s.a.id)} to {esc(s.b.id)}</caption>",
        "<thead><tr><td></td>"
        + "".join(f'<th scope="col">{esc(k)}</th>' for k, _ in s.counts[0].rows)
        + "</tr></thead><tbody>",
    ]
    for level in s.counts:
        out.append(
            f'<tr><th scope="row">{esc(level.name)}</th>'
            + "".join(f'<td class="num">{v}</td>' for _, v in level.rows)
            + "</tr>"
        )
    out += ["</tbody></table>", "<h3>Key differences</h3>"]
    if not s.changes:
        out += ["<p>No changes in substance were found.</p>", "</section>"]
        return out
    out.append('<ol class="changes">')
    for item in s.changes:
        ch = item.change
        summary = esc(ch.summary)
        if item.anchor:
            summary = f'<a href="#{item.anchor}">{summary}</a>'
        tag_class = "tag flag" if ch.direction == "weaker" else "tag"
        out.append(
            f'<li><span class="{tag_class}">{esc(change_tag(ch))}</span> {summary} '
            f'<span class="addr">({esc(item.address)})</span></li>'
        )
    out += ["</ol>", "</section>"]
    return out


def _matrix_cell(
    matrix: PositionsMatrix, topic: str, doc: str, anchors: dict[tuple[str, str], str]
) -> str:
    """Verb (clauses, each linked to its pair when shown), qualifiers, links: one a line."""
    cell = cells.cell_view(matrix, topic, doc)
    parts = [esc(x) for x in cells.report_parts(cell)]
    if cell is not None and cell.clauses:
        linked = [
            f'<a href="#{anchors[(doc, c)]}">{esc(c)}</a>' if (doc, c) in anchors else esc(c)
            for c in cell.clauses
        ]
        parts[0] = f"{esc(cell.verb)} ({', '.join(linked)})"
    return "<br>".join(parts)


def _matrix(view: ReportView, matrix: PositionsMatrix) -> list[str]:
    labels = view.column_labels
    out = [
        '<section aria-labelledby="positions">',
        '<h2 id="positions">Positions</h2>',
        '<table class="matrix"><caption>Each topic\'s strongest verb, qualifiers and links'
        " per draft</caption>",
        '<thead><tr><th scope="col">Topic</th>',
    ]
    out += [f'<th scope="col">{esc(labels.get(d, d))}</th>' for d in matrix.documents]
    out.append("</tr></thead><tbody>")
    anchors = view.clause_anchors()
    for t in matrix.topics:
        cells = "".join(f"<td>{_matrix_cell(matrix, t, d, anchors)}</td>" for d in matrix.documents)
        out.append(f'<tr><th scope="row">{esc(matrix.labels.get(t, t))}</th>{cells}</tr>')
    out += ["</tbody></table>", "</section>"]
    return out


def _side_by_side(row: PairRow, s: SectionView) -> list[str]:
    left = f"{s.a.id} {address.ids(row.pair.a)}"
    right = f"{s.b.id} {address.ids(row.pair.b)}"
    return [
        '<details class="sbs"><summary>Side by side'
        f'<span class="vh">: {esc(left)} and {esc(right)}</span></summary>',
        f'<table><caption class="vh">{esc(left)} and {esc(right)} side by side</caption>',
        f'<thead><tr><th scope="col">{esc(left)}</th><th scope="col">{esc(right)}</th></tr>'
        "</thead>",
        f'<tbody><tr><td class="text">{diff_html(row.side("a"))}</td>'
        f'<td class="text">{diff_html(row.side("b"))}</td></tr></tbody>',
        "</table></details>",
    ]


def _row(row: PairRow, s: SectionView) -> list[str]:
    level = min(6, 3 + row.depth)
    classes = f"pair status-{row.status} depth-{min(row.depth, 3)}"
    if row.changed:
        classes += " changed"
    badges = f'<span class="badge">{esc(row.status)}</span>'
    for note in row.notes:
        kind = " flag" if note != "renumbered" else ""
        badges += f'<span class="badge{kind}">{esc(note)}</span>'
    out = [
        f'<article class="{classes}" id="{row.anchor}">',
        f"<h{level}>{esc(row.address)} {badges}</h{level}>",
        f'<p class="text">{diff_html(row.segments)}</p>',
    ]
    if row.changed and not row.one_sided and any(seg.op != "=" for seg in row.segments):
        out += _side_by_side(row, s)
    out.append("</article>")
    return out


def _clauses(s: SectionView) -> list[str]:
    out = [
        f'<section aria-labelledby="{s.anchor}-clauses">',
        f'<h2 id="{s.anchor}-clauses">Clause by clause: {esc(s.title)}</h2>',
        f'<p class="count">{s.shown} of {s.total} pairs shown. {LEGEND}</p>',
    ]
    for item in s.items:
        if isinstance(item, Gap):
            out.append(f'<p class="gap depth-{min(item.depth, 3)}">{esc(item.text)}</p>')
        else:
            out += _row(item, s)
    out.append("</section>")
    return out


def page_start(title: str, heading: str, subtitle: str) -> list[str]:
    """The page up to ``<main>``: head with the stylesheet, header (every page resdiff
    writes; ``PAGE_END`` closes it)."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{stylesheet()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(heading)}</h1>",
        f'<p class="subtitle">{esc(subtitle)}</p>',
        "</header>",
        "<main>",
    ]


PAGE_END = ["</main>", "</body>", "</html>"]


def _agreed(s: SectionView) -> list[str]:
    """Where the later draft's language comes from, when a corpus was searched."""
    if s.comparison.precedents is None:
        return []
    from resdiff.render.precedents.html import agreed_section  # only with --corpus

    return agreed_section(s.comparison.precedents, f"{s.anchor}-agreed")


def render_view(view: ReportView) -> str:
    title = view.title
    out = page_start(f"resdiff report: {title}", "resdiff report", title)
    out += _toc(view)
    out += _documents(view)
    for s in view.sections:
        out += _summary(s)
    if view.matrix is not None:
        out += _matrix(view, view.matrix)
    for s in view.sections:
        out += _clauses(s)
    for s in view.sections:
        out += _agreed(s)
    out += PAGE_END
    return "\n".join(out) + "\n"


def render_html(comparison: Comparison, options: ReportOptions) -> str:
    return render_view(build_view(comparison, options))
