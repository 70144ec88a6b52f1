"""The text view of ``resdiff parse``: what the parser saw, one clause a line."""

from __future__ import annotations

from resdiff.model import Clause, Document
from resdiff.render.sanitize import clean_terminal


def _line(c: Clause, depth: int) -> str:
    text = " ".join(c.text.split())
    if len(text) > 72:
        text = text[:71] + "…"
    opener = f" [{c.opener}]" if c.opener else ""
    return f"{'  ' * depth}{c.id:<10} {c.kind:<12}{opener} {text}"


def render_outline(d: Document) -> str:
    counts: dict[str, int] = {}
    for c in d.walk():
        counts[c.kind] = counts.get(c.kind, 0) + 1
    lines = [
        f"{d.source}",
        f"  symbol: {d.symbol or '-'}   date: {d.date or '-'}   author: {d.author or '-'}",
        f"  sponsors: {', '.join(d.sponsors) or '-'}",
        f"  structure: {d.parse.structure} ({d.parse.note})",
        "  counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
        "",
    ]

    def walk(c: Clause, depth: int) -> None:
        lines.append(_line(c, depth))
        for ch in c.children:
            walk(ch, depth + 1)

    for c in d.clauses:
        walk(c, 0)
    for note in d.footnotes:
        walk(note, 0)
    return clean_terminal("\n".join(lines)) + "\n"
