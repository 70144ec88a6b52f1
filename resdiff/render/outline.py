"""The text view of ``resdiff parse``: what the parser saw, one clause a line."""

from __future__ import annotations

from resdiff.model import Clause, Document
from resdiff.present.sanitize import clean_terminal

TEXT_WIDTH = 72


def _line(c: Clause, depth: int) -> str:
    text = " ".join(c.text.split())
    if c.kind == "heading" and c.label:
        text = f"{c.label} {text}".strip()
    if len(text) > TEXT_WIDTH:
        text = text[: TEXT_WIDTH - 1] + "…"
    opener = f" [{c.opener}]" if c.opener else ""
    return f"{'  ' * depth}{c.id:<10} {c.kind:<12}{opener} {text}"


def render_outline(d: Document) -> str:
    counts: dict[str, int] = {}
    for c in d.walk():
        counts[c.kind] = counts.get(c.kind, 0) + 1
    lines = [
        f"{d.source} ({d.format})",
        f"  symbol: {d.symbol or '-'}   date: {d.date or '-'}   author: {d.author or '-'}",
        f"  sponsors: {', '.join(d.sponsors) or '-'}",
    ]
    if d.title:
        lines.append(f"  title: {d.title}")
    lines += [
        f"  structure: {d.parse.structure} ({d.parse.note})",
        "  counts: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"),
    ]
    lines += [f"  warning: {w}" for w in d.warnings]
    lines.append("")

    def walk(c: Clause, depth: int) -> None:
        lines.append(_line(c, depth))
        for ch in c.children:
            walk(ch, depth + 1)

    for c in d.clauses:
        walk(c, 0)
    if d.footnotes:
        lines.append("footnotes:")
        for note in d.footnotes:
            walk(note, 1)
    return clean_terminal("\n".join(lines)) + "\n"
