"""The drafts line and the status line, fitted to the terminal's width."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from resdiff.model import (
    Document,
    PairwiseComparison,
)
from resdiff.present import counts
from resdiff.present.escape import clean_terminal
from resdiff.tui.viewmodel.rows import MOVED_MARKER, STATUS_MARKERS


def document_label(doc: Document) -> str:
    """The draft's short name (its symbol, else its file name), safe for a terminal."""
    return clean_terminal(doc.label)


def describe_document(doc: Document) -> str:
    """``S/2024/9001 · United States of America · 22 March 2024`` (what is known of it)."""
    parts = [doc.label]
    if doc.sponsors:
        sponsors = ", ".join(doc.sponsors)
        parts.append(sponsors if len(sponsors) <= 60 else sponsors[:59] + "…")
    if doc.date:
        parts.append(doc.date)
    return clean_terminal(" · ".join(parts))


def warnings_line(doc: Document) -> str:
    """The document's warnings on one line, safe for a terminal (they quote its text)."""
    return clean_terminal("; ".join(doc.warnings))


_COUNT_MARKS: dict[str, str] = {"moved": MOVED_MARKER}
_COUNT_MARKS.update((status, mark) for status, mark in STATUS_MARKERS.items())


_SHORT_LEVEL = {"sub-paragraphs": "sub ", "footnotes": "fn "}


def counts_line(pc: PairwiseComparison, keys: int, short: bool = False) -> str:
    """The counts as every face words them (``present.counts``: paragraphs and
    sub-paragraphs and footnotes apart, the header first when it differs), then the
    ``keys`` key differences (the reports' groups, one per clause pair): ``the header
    (sponsors); paragraphs: 7 modified, 2 added; sub-paragraphs: 1 modified · 13 key
    differences``; ``short``, with the list's markers: ``~header | ~7 +2 | sub ~1 ·
    13 key``."""
    header = counts.header_phrase(pc)
    if short:
        per_level = [
            _SHORT_LEVEL.get(level.name, "")
            + (" ".join(f"{_COUNT_MARKS[f]}{n}" for f, n in level.changed) or "same")
            for level in counts.levels(pc)
        ]
        return " | ".join(["~header"] * bool(header) + per_level) + f" · {keys} key"
    phrases = [*map(counts.level_phrase, counts.levels(pc))]
    words = "; ".join([header, *phrases] if header else phrases)
    return f"{words} · {keys} key difference{'s' if keys != 1 else ''}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def status_line(
    pc: PairwiseComparison,
    keys: int,
    listing: tuple[int, int, str],
    search: tuple[str, int, int] | None,
    width: int,
) -> str:
    """The status line in ``width`` columns: the counts (``keys``: how many key
    differences), then what the list shows (``listing``: shown, total, the filter in
    words) and the search (``search``: term, match, of how many). The filter and the
    search always stay: the counts shorten first."""
    shown, total, described = listing
    state = [f"showing {shown}/{total}: {described}"]
    if search is not None:
        term, n, of = search
        state.append(f"search {term!r}: " + (f"match {n} of {of}" if of else "not found"))
    tail = "   ".join(state)
    for counted in (counts_line(pc, keys), counts_line(pc, keys, short=True)):
        line = f"{counted}   {tail}"
        if len(line) <= width:
            return line
    short_tail = "   ".join([f"{shown}/{total} {described}", *state[1:]])
    return _fit(short_tail + "   " + counts_line(pc, keys, short=True), width)


HeaderLine = list[tuple[str, str]]
"""``(text, role)`` chunks; role is ``base``, ``shown``, ``other``, ``note`` or
``warning``."""


def header_lines(
    docs: Sequence[Document], base: str, shown: str, width: int, compact: bool
) -> list[HeaderLine]:
    """The drafts, every one of them. Full: a line per draft with what is known of it;
    ``compact``: one line, each draft by number, id and label, labels shortened to fit,
    ``!`` after a draft the reader warned about (the full form says what)."""
    roles = {base: "base", shown: "shown"}
    if compact:
        return [_compact_header(docs, roles, width)]
    lines = []
    for n, doc in enumerate(docs, 1):
        role = roles.get(doc.id, "other")
        named = f" ({role})" if role != "other" else ""
        line = [(_fit(f"{n} {doc.id}{named}: {describe_document(doc)}", width), role)]
        if doc.parse.structure != "un":
            note = f"  [{doc.parse.structure}: {doc.parse.note}]"
            line.append((clean_terminal(note), "note"))
        if doc.warnings:
            line.append((f"  ! {warnings_line(doc)}", "warning"))
        lines.append(line)
    return lines


def _compact_header(docs: Sequence[Document], roles: Mapping[str, str], width: int) -> HeaderLine:
    entries = []
    for n, doc in enumerate(docs, 1):
        role = roles.get(doc.id, "other")
        suffix = (f" {role}" if role != "other" else "") + (" !" if doc.warnings else "")
        entries.append((f"{n} {doc.id} ", document_label(doc), suffix, role))
    sep = "  "
    fixed = sum(len(head) + len(tail) for head, _, tail, _ in entries) + len(sep) * (len(docs) - 1)
    budget = max(4, (width - fixed) // max(1, len(docs)))
    line: HeaderLine = []
    for k, (head, label, tail, role) in enumerate(entries):
        if k:
            line.append((sep, "note"))
        line.append((head + _fit(label, budget) + tail, role))
    return line
