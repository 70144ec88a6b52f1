"""Precedents as one self-contained HTML page (the comparison report's stylesheet, no
scripts). Every piece of document text goes through ``present.escape.escape_html``; the only links
are fragment links made here."""

from __future__ import annotations

from resdiff.corpus.model import Precedents
from resdiff.present.changes import change_tag
from resdiff.present.escape import escape_html as esc
from resdiff.render.html import LEGEND, PAGE_END, diff_html, page_start
from resdiff.render.precedents import view


def _overview(views: list[view.ClauseView], only_adapted: bool = False) -> list[str]:
    """The table of clauses; each links to its block (``only_adapted``: the report's
    section has blocks for adapted clauses only)."""
    out = [
        '<table class="counts"><caption>Each clause of the draft and its closest precedent'
        "</caption>",
        '<thead><tr><th scope="col">Clause</th><th scope="col">Status</th>'
        '<th scope="col">Closest precedent</th><th scope="col">Similarity</th></tr></thead>'
        "<tbody>",
    ]
    for v in views:
        out.append(
            f'<tr><th scope="row">{_link(v, only_adapted)}</th>'
            f'<td><span class="badge">{esc(v.item.status)}</span></td><td>{esc(v.closest)}</td>'
            f'<td class="num">{v.similarity}</td></tr>'
        )
    out.append("</tbody></table>")
    return out


def _link(v: view.ClauseView, only_adapted: bool) -> str:
    if only_adapted and v.item.status != "adapted":
        return esc(v.item.clause)
    return f'<a href="#{v.anchor}">{esc(v.item.clause)}</a>'


def _clause(v: view.ClauseView, level: int = 3) -> list[str]:
    status = v.item.status
    changed = " changed" if status != "identical" else ""
    out = [
        f'<article class="pair status-{status}{changed}" id="{v.anchor}">',
        f'<h{level}>{esc(v.item.clause)} <span class="badge">{esc(status)}</span></h{level}>',
        f'<p class="text">{esc(view.flat(v.clause.text))}</p>',
    ]
    if v.identical:
        out.append(f"<p>{esc(view.identical_note(v))}:</p><ul>")
        out += [f"<li>{esc(view.source(m))} · {esc(view.details(m))}</li>" for m in v.identical]
        out.append("</ul>")
    for m in v.adapted:
        out += [
            f"<h{level + 1}>Adapted from {esc(view.source(m))} "
            f'<span class="addr">· {esc(view.details(m))}</span></h{level + 1}>',
            f'<p class="text">{diff_html(view.segments(m, v.clause))}</p>',
        ]
        if m.changes:
            out.append('<ol class="changes">')
            out += [
                f'<li><span class="tag{" flag" if ch.direction == "weaker" else ""}">'
                f"{esc(change_tag(ch))}</span> {esc(ch.summary)}</li>"
                for ch in m.changes
            ]
            out.append("</ol>")
    out.append("</article>")
    return out


def agreed_section(result: Precedents, anchor: str) -> list[str]:
    """A comparison report's last section (``anchor`` names it): each clause of the later
    draft with its status and closest precedent, then the diff from each precedent a
    clause was adapted from."""
    views = view.clause_views(result, f"{anchor}-p")
    out = [
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">'
        f"{esc(view.agreed_title(result))}</h2>",
        f"<p>{esc(view.summary(result))}</p>",
        f'<p class="count">{esc(view.LEGEND)}</p>',
        *_overview(views, only_adapted=True),
    ]
    for v in views:
        if v.item.status == "adapted":
            out += _clause(v, 3)
    out.append("</section>")
    return out


def render_html(result: Precedents) -> str:
    views = view.clause_views(result)
    title = view.title(result)
    out = page_start(f"resdiff: {title}", title, view.summary(result))
    out += [
        f'<p class="count">{esc(view.LEGEND)} {LEGEND}</p>',
        '<section aria-labelledby="overview"><h2 id="overview">Clauses</h2>',
        *_overview(views),
        "</section>",
        '<section aria-labelledby="detail"><h2 id="detail">Clause by clause</h2>',
    ]
    for v in views:
        out += _clause(v)
    out += ["</section>", *PAGE_END]
    return "\n".join(out) + "\n"
