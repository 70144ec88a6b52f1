"""Self-contained HTML report: one file, inline CSS, no scripts, fonts or images.

Every piece of document text passes through ``esc`` (terminal escapes removed, then
``html.escape(quote=True)``), so a draft's ``<script>`` or ``javascript:`` link is shown
as text. The only links are fragment links (``#c1-p7``) made here. Deletions and
insertions are ``<del>``/``<ins>`` (struck through / underlined, not only coloured) with
visually hidden "[deleted: …]" labels for screen readers. Each changed pair shows
the inline diff and, in a ``<details>`` element (no JavaScript), both sides in a table.
"""

from __future__ import annotations

import re
from functools import cache

from resdiff.datalists import read_text
from resdiff.model import Comparison, PositionsMatrix
from resdiff.present import address, cells, keydiffs
from resdiff.present.escape import escape_html as esc
from resdiff.present.sanitize import clean_terminal
from resdiff.present.segments import (
    Segment,
    by_op,
    cue_label,
    marked_text,
    shown_group,
    shown_text,
)
from resdiff.render.view import (
    ClauseRef,
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
    return read_text("resdiff.render", "report.css")


def _lines(text: str) -> str:
    if "\n" not in text:
        return esc(text) if text else ""
    return "<br>".join(esc(line) for line in text.split("\n"))


def _pieces(pieces: tuple[Segment, ...]) -> str:
    """Escaped text, a cue phrase highlighted with the signal it carries as its title
    (and, for screen readers, said after it)."""
    return marked_text(
        pieces,
        _lines,
        lambda core, cue: (
            f'<mark class="cue" title="{esc(cue)}">{core}'
            f'<span class="vh"> (cue: {esc(cue_label(cue))})</span></mark>'
        ),
    )


def diff_html(segments: tuple[Segment, ...], whole: bool = False) -> str:
    """The diff as HTML; ``whole``: one side of a rewritten pair, shown without
    strikethrough so it reads as text."""
    out: list[str] = []
    cls = ' class="whole"' if whole else ""
    if not any(seg.cue for seg in segments):  # the common case, kept fast
        for seg in segments:
            if seg.op == "=":
                out.append(_lines(seg.text))
                continue
            tag, label = _TAG[seg.op], _LABEL[seg.op]
            out.append(
                f'<{tag}{cls}><span class="vh">[{label}: </span>{_lines(shown_text(seg))}'
                f'<span class="vh">]</span></{tag}>'
            )
        return "".join(out) or '<span class="count">(empty)</span>'
    for op, group in by_op(segments):
        pieces = shown_group(op, group)
        if op == "=":
            out.append(_pieces(pieces))
            continue
        tag, label = _TAG[op], _LABEL[op]
        out.append(
            f'<{tag}{cls}><span class="vh">[{label}: </span>{_pieces(pieces)}'
            f'<span class="vh">]</span></{tag}>'
        )
    return "".join(out) or '<span class="count">(empty)</span>'


def _cue_notes(row: PairRow) -> list[str]:
    """Under a pair: which phrases are marked as cues, and of what."""
    by_note: dict[str, list[str]] = {}
    for side, phrase, note in row.marked_cues:
        by_note.setdefault(note, []).append(
            f'<mark class="cue">{esc(phrase)}</mark> ({esc(side.upper())})'
        )
    return [
        f'<p class="cues">{", ".join(marks)}: {text(note)}</p>' for note, marks in by_note.items()
    ]


def _scroll(table: list[str]) -> list[str]:
    """A table in a box that scrolls sideways on a narrow screen, not the whole page."""
    return ['<div class="scroll">', *table, "</div>"]


_PLAIN_ID = re.compile(r"[A-Za-z0-9()_.\-]+")


def anchor(value: str) -> str:
    """An id made of a draft's id and a clause id ("B-OP4(b)"): as is when plain (the
    parser's ids are), escaped like document text otherwise."""
    return value if _PLAIN_ID.fullmatch(value) else esc(value)


def text(value: str) -> str:
    """Our own text (summaries, addresses): escaped, and its "->" arrows never broken
    across lines."""
    return esc(value).replace("-&gt;", '<span class="nb">-&gt;</span>')


def _documents(view: ReportView) -> list[str]:
    """What was compared: collapsed under a one-line summary of the drafts."""
    said = "; ".join(
        ", ".join(x for x in (f"{d.id} {d.label}", d.date or "", ", ".join(d.sponsors[:2])) if x)
        + (" ..." if len(d.sponsors) > 2 else "")
        for d in view.documents
    )
    out = [
        '<details class="meta" id="compared">',
        f'<summary><h2>What was compared</h2> <span class="said">{esc(said)}</span></summary>',
    ]
    table = [
        '<table class="facts"><caption>The drafts</caption>',
        '<thead><tr><th scope="col">Field</th>',
        *(f'<th scope="col">{esc(d.id)}</th>' for d in view.documents),
        "</tr></thead><tbody>",
    ]
    facts = documents_facts(view.documents)
    for i, (name, _) in enumerate(facts[0]):
        cells = "".join(f"<td>{esc(f[i][1])}</td>" for f in facts)
        table.append(f'<tr><th scope="row">{esc(name)}</th>{cells}</tr>')
    table.append("</tbody></table>")
    out += _scroll(table)
    out.append(f'<p class="shown">Shown: {esc(view.filters)}.</p>')
    out.append("</details>")
    return out


def _toc(view: ReportView) -> list[str]:
    out = ['<nav class="toc" aria-label="Contents"><ul>']
    for s in view.sections:
        out.append(f'<li><a href="#{s.anchor}-keys">Key differences</a></li>')
    if view.matrix is not None:
        out.append('<li><a href="#positions">Positions</a></li>')
    for s in view.sections:
        label = "Clause by clause" + (f": {s.b.id}" if len(view.sections) > 1 else "")
        out.append(f'<li><a href="#{s.anchor}-clauses">{esc(label)}</a></li>')
    for s in view.sections:
        if s.amendments is not None:
            label = "Amendments" + (f": {s.b.id}" if len(view.sections) > 1 else "")
            out.append(f'<li><a href="#{s.anchor}-amendments">{esc(label)}</a></li>')
    for s in view.sections:
        if s.comparison.precedents is not None:
            label = "Agreed language" + (f": {s.b.id}" if len(view.sections) > 1 else "")
            out.append(f'<li><a href="#{s.anchor}-agreed">{esc(label)}</a></li>')
    out.append('<li><a href="#compared">What was compared</a></li>')
    out += ["</ul>", "</nav>"]
    return out


def _kind(kind: keydiffs.Kind) -> str:
    return (
        f'<span class="kind k-{kind.id}"><span aria-hidden="true">{esc(kind.mark)}</span> '
        f"{esc(kind.word)}</span>"
    )


def _brief(view: ReportView) -> list[str]:
    """'In brief', the first block: each comparison's verdict, its first key differences
    (each linking to its clause), the legend of kinds."""
    out = ['<section class="brief" aria-labelledby="brief">', '<h2 id="brief">In brief</h2>']
    for s in view.sections:
        if len(view.sections) > 1:
            out.append(f'<h3 id="{s.anchor}-brief">{text(s.title)}</h3>')
        out.append(f'<p class="verdict">{text(s.verdict)}</p>')
        if s.headline:
            out.append('<ol class="headline">')
            for item in s.headline:
                target = item.target or item.anchor
                out.append(
                    f'<li class="k-{item.kind.id}">{_kind(item.kind)} '
                    f'<a href="#{anchor(target)}">{text(item.headline)}</a></li>'
                )
            out.append("</ol>")
        if len(s.keys) > len(s.headline):
            out.append(
                f'<p class="more">{len(s.headline)} of {len(s.keys)} key differences; '
                f'<a href="#{s.anchor}-keys">all of them</a>.</p>'
            )
    if view.kinds:
        legend = "".join(f"<li>{_kind(k)} {esc(k.meaning)}</li>" for k in view.kinds)
        out.append(f'<ul class="legend" aria-label="Kinds of key difference">{legend}</ul>')
    out.append("</section>")
    return out


def _clause_link(ref: ClauseRef) -> str:
    if ref.anchor is None:
        return esc(ref.clause)
    return f'<a href="#{anchor(ref.anchor)}">{esc(ref.clause)}</a>'


def _address(item: KeyItem, s: SectionView) -> str:
    """Every clause a key difference names, each linked to its pair when shown."""
    if not item.pair:
        refs = item.a or item.b
        doc = s.a.id if item.a else s.b.id
        return f"{esc(doc)} " + ", ".join(map(_clause_link, refs))
    sides = [
        f"{esc(doc)} " + (" + ".join(map(_clause_link, refs)) or esc(address.NONE))
        for doc, refs in ((s.a.id, item.a), (s.b.id, item.b))
    ]
    return f' <span class="nb">{esc(address.ARROW)}</span> '.join(sides)


def _summary(s: SectionView) -> list[str]:
    table = [
        '<table class="counts">',
        f"<caption>Pairs by status, {esc(s.a.id)} to {esc(s.b.id)}</caption>",
        "<thead><tr><td></td>"
        + "".join(f'<th scope="col">{esc(k)}</th>' for k, _ in s.counts[0].rows)
        + "</tr></thead><tbody>",
    ]
    for level in s.counts:
        table.append(
            f'<tr><th scope="row">{esc(level.name)}</th>'
            + "".join(f'<td class="num">{v}</td>' for _, v in level.rows)
            + "</tr>"
        )
    table.append("</tbody></table>")
    out = [
        f'<section aria-labelledby="{s.anchor}-h">',
        f'<h2 id="{s.anchor}-h"><span id="{s.anchor}"></span>Differences: {text(s.title)}</h2>',
        f"<p>{text(s.verdict)}</p>",
        *_scroll(table),
        f'<h3 id="{s.anchor}-keys">Key differences</h3>',
    ]
    if not s.keys:
        out += ["<p>No changes in substance were found.</p>", "</section>"]
        return out
    out += [f'<p class="count">{esc(count_keys(s))}</p>', '<ol class="changes">']
    for item in s.keys:
        facets = "".join(f"<li>{text(f)}</li>" for f in item.facets)
        out.append(
            f'<li id="{item.anchor}" class="k-{item.kind.id}">{_kind(item.kind)} '
            f'<span class="addr">{_address(item, s)}</span>: {text(item.title)}'
            + (f'<ul class="facets">{facets}</ul>' if facets else "")
            + "</li>"
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
    out = ['<section aria-labelledby="positions">', '<h2 id="positions">Positions</h2>']
    table = [
        '<table class="matrix"><caption>Each topic\'s strongest verb, qualifiers and links'
        " per draft</caption>",
        '<thead><tr><th scope="col">Topic</th>',
        *(f'<th scope="col">{esc(labels.get(d, d))}</th>' for d in matrix.documents),
        "</tr></thead><tbody>",
    ]
    anchors = view.clause_anchors()
    for t in matrix.topics:
        cells = "".join(f"<td>{_matrix_cell(matrix, t, d, anchors)}</td>" for d in matrix.documents)
        table.append(f'<tr><th scope="row">{esc(matrix.labels.get(t, t))}</th>{cells}</tr>')
    table.append("</tbody></table>")
    out += _scroll(table)
    out.append("</section>")
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
    for ref in row.keys:
        badges += (
            f' <a class="sig k-{ref.kind.id}" href="#{ref.anchor}">'
            f'<span aria-hidden="true">{ref.kind.mark}</span> {ref.kind.word}'
            f'<span class="vh">: key difference</span> {ref.number}</a>'
        )
    anchors = [anchor(a) for a in row.anchors]
    targets = "".join(f'<span id="{a}"></span>' for a in anchors[1:])
    out = [
        f'<article class="{classes}" id="{anchors[0]}">',
        f"<h{level}>{targets}{text(row.address)} {badges}</h{level}>",
    ]
    rewritten = row.rewritten
    segments = () if rewritten else row.segments
    if rewritten:
        # Rewritten: A's whole text, then B's, each readable on its own; no side by side.
        for label, side, segs in zip(
            row.side_labels, ("before", "after"), row.before_after, strict=True
        ):
            out.append(
                f'<p class="text {side}"><span class="side">{esc(label)}</span> '
                f"{diff_html(segs, whole=True)}</p>"
            )
    else:
        out.append(f'<p class="text">{diff_html(segments)}</p>')
    if row.cues:
        out += _cue_notes(row)
    if row.changed and not row.one_sided and any(seg.op != "=" for seg in segments):
        out += _side_by_side(row, s)
    out.append("</article>")
    return out


def _clauses(s: SectionView) -> list[str]:
    out = [
        f'<section aria-labelledby="{s.anchor}-clauses">',
        f'<h2 id="{s.anchor}-clauses">Clause by clause: {text(s.title)}</h2>',
        f'<p class="count">{s.shown} of {s.total} pairs shown. {LEGEND}</p>',
    ]
    for item in s.items:
        if isinstance(item, Gap):
            out.append(f'<p class="gap depth-{min(item.depth, 3)}">{esc(item.text)}</p>')
        else:
            out += _row(item, s)
    out.append("</section>")
    return out


def _amendments(s: SectionView) -> list[str]:
    """The amendments turning A into B, in UN form, when asked for: numbered
    instructions, quoted paragraphs as block quotes."""
    if s.amendments is None:
        return []
    from resdiff.render import amendments as written  # only when asked for

    al = s.amendments
    out = [
        f'<section aria-labelledby="{s.anchor}-amendments">',
        f'<h2 id="{s.anchor}-amendments">Amendments: {text(s.title)}</h2>',
        f'<p class="count">{esc(written.title(al))}</p>',
    ]
    if written.note(al):
        out.append(f"<p>{esc(str(written.note(al)))}</p>")
    if not al.amendments:
        out.append(f"<p>{esc(written.NONE_WRITTEN)}</p>")
    else:
        out.append('<ol class="amendments">')
        for number, lines in written.instructions(al):
            quoted = "".join(f"<p>{esc(line)}</p>" for line in lines[1:])
            out.append(
                f'<li value="{number}">{esc(lines[0])}'
                + (f"<blockquote>{quoted}</blockquote>" if quoted else "")
                + "</li>"
            )
        out.append("</ol>")
    out.append("</section>")
    return out


def page_start(
    title: str, heading: str, subtitle: str, *, css: str = "", one_line: bool = False
) -> list[str]:
    """The page up to ``<main>``: head with the stylesheet (and ``css``, rules of this
    page only), header (every page resdiff writes; ``PAGE_END`` closes it). ``one_line``:
    the subtitle inside the heading, so what follows starts higher on the first screen."""
    if one_line:
        header = [f'<h1>{esc(heading)} <span class="subtitle">{text(subtitle)}</span></h1>']
    else:
        header = [f"<h1>{esc(heading)}</h1>", f'<p class="subtitle">{text(subtitle)}</p>']
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{stylesheet()}{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        *header,
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
    out = page_start(
        f"resdiff report: {title}",
        "resdiff report",
        title,
        css=_running_header(title),
        one_line=True,
    )
    out += _brief(view)
    out += _toc(view)
    out += _documents(view)
    for s in view.sections:
        out += _summary(s)
    if view.matrix is not None:
        out += _matrix(view, view.matrix)
    for s in view.sections:
        out += _clauses(s)
    for s in view.sections:
        out += _amendments(s)
        out += _agreed(s)
    out += PAGE_END
    return "\n".join(out) + "\n"


def _css_string(value: str) -> str:
    """A CSS string literal: everything but plain letters, digits and spaces as a hex
    escape, so a draft's label can neither close the string nor the style element."""
    return (
        '"'
        + "".join(
            c if c.isascii() and (c.isalnum() or c in " ./") else f"\\{ord(c):06x}"
            for c in clean_terminal(value)
        )
        + '"'
    )


def _running_header(title: str) -> str:
    """Printed pages carry the report's title at the top and "page N of M" at the foot."""
    return (
        f"@page {{ @top-left {{ content: {_css_string('resdiff report: ' + title)}; }} "
        '@bottom-right { content: "page " counter(page) " of " counter(pages); } }\n'
    )


def render_html(comparison: Comparison, options: ReportOptions) -> str:
    return render_view(build_view(comparison, options))
