"""What the terminal app shows, computed from a ``Comparison`` without Textual.

The screens and widgets only lay these values out. Everything that decides something
(which pairs are differences, the text of a status marker, which rows a filter keeps,
where a key difference lives) is here, so it can be tested without a terminal and
reused by any other front end. This module must never import Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from resdiff.model import (
    Change,
    ClauseHistory,
    ClausePair,
    ClauseSignals,
    Comparison,
    Document,
    PairStatus,
    PairwiseComparison,
)
from resdiff.present.sanitize import clean_terminal
from resdiff.render import view

#: A marker readable without colour: symbol, then a word.
STATUS_MARKERS: Mapping[PairStatus, str] = {
    "unchanged": " ",
    "modified": "~",
    "added": "+",
    "removed": "-",
    "split": "<",
    "merged": ">",
}
MOVED_MARKER = "↷"
KIND_MARKER = "⇅"
MAX_NOTES = 3  # change summaries shown with a pair's text; the rest are counted

#: Short badges for the kinds of substantive change, in display order.
BADGES: Mapping[str, str] = {
    "linkage": "link",
    "verb-strength": "verb",
    "kind-change": "kind",
    "qualifier-added": "qual",
    "qualifier-removed": "qual",
    "topic-added": "topic",
    "topic-removed": "topic",
    "actor-added": "actor",
    "actor-removed": "actor",
    "reference-added": "ref",
    "reference-removed": "ref",
    "number-changed": "num",
    "clause-added": "",
    "clause-removed": "",
}

Side = Literal["a", "b"]
Segment = tuple[str, str]
"""``(op, text)``: op is ``=`` (in both, or a minor difference), ``-`` or ``+``."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the clause navigator: a pair (or sub-paragraph pair) and its labels."""

    index: int
    pair: ClausePair
    depth: int
    address: str
    marker: str
    badges: str
    preview: str
    topics: frozenset[str]
    changes: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        """A row is a difference when its own pair differs (children have rows of their own)."""
        return _own_change(self.pair) or bool(self.changes)


@dataclass(frozen=True, slots=True)
class Filter:
    """Which rows the navigator keeps.

    ``mode`` is ``all``, ``changed``, ``status`` (with ``value`` a status, ``moved`` or
    ``kind``) or ``topic`` (with ``value`` a topic id). ``show_unchanged`` off hides
    rows that do not differ, whatever the mode.
    """

    mode: Literal["all", "changed", "status", "topic"] = "all"
    value: str | None = None
    show_unchanged: bool = True

    def describe(self, topic_labels: Mapping[str, str] | None = None) -> str:
        if self.mode == "status":
            return f"status: {self.value}"
        if self.mode == "topic":
            label = (topic_labels or {}).get(self.value or "", self.value)
            return f"topic: {label}"
        return {"all": "all clauses", "changed": "changed only"}[self.mode]


@dataclass(frozen=True, slots=True)
class KeyChange:
    """A ranked change and the navigator row it jumps to (``None`` if no clause matches)."""

    rank: int
    change: Change
    row: int | None
    index: int = 0  # position in ``PairwiseComparison.changes``

    @property
    def label(self) -> str:
        arrow = {"stronger": "▲", "weaker": "▼", None: "•"}[self.change.direction]
        return clean_terminal(f"{self.rank}. {arrow} {self.change.summary}")


@dataclass(frozen=True, slots=True)
class PairDisplay:
    """The selected pair as runs for each column (or one inline column)."""

    title: str
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]
    inline: tuple[Segment, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- markers and badges


def _own_change(pair: ClausePair) -> bool:
    return pair.status != "unchanged" or pair.moved or pair.kind_change is not None


def status_marker(pair: ClausePair) -> str:
    """``~ modified``, ``+ added``, ``< split`` ... plus ``↷ moved`` and ``⇅ kind``."""
    parts = []
    if pair.status != "unchanged":
        parts.append(f"{STATUS_MARKERS[pair.status]} {pair.status}")
    if pair.moved:
        parts.append(f"{MOVED_MARKER} moved")
    if pair.kind_change is not None:
        parts.append(f"{KIND_MARKER} kind")
    return " ".join(parts)


def status_symbol(pair: ClausePair) -> str:
    """The one- to three-character form of :func:`status_marker` for narrow columns."""
    sym = STATUS_MARKERS[pair.status]
    if pair.moved:
        sym = (sym.strip() + MOVED_MARKER).strip()
    if pair.kind_change is not None:
        sym = (sym.strip() + KIND_MARKER).strip()
    return sym or " "


def badges_for(changes: Iterable[Change]) -> str:
    """Badge words for a row's changes, strength direction shown with ▲/▼."""
    seen: dict[str, None] = {}
    order = list(BADGES)
    for ch in sorted(changes, key=lambda c: order.index(c.kind) if c.kind in order else 99):
        word = BADGES.get(ch.kind, ch.kind)
        if not word:
            continue
        if ch.direction == "stronger":
            word += "▲"
        elif ch.direction == "weaker":
            word += "▼"
        seen.setdefault(word, None)
    return " ".join(seen)


def address(pair: ClausePair) -> str:
    """The clause address readers use: ``OP3``, or ``OP3→OP4`` when renumbered."""
    a = "+".join(pair.a)
    b = "+".join(pair.b)
    if not a:
        return b
    if not b or a == b:
        return a
    return f"{a}→{b}"


def _last_label(clause_id: str) -> str:
    """``OP4(b)(ii)`` -> ``(ii)``: a sub-paragraph's own label (the parent row above
    names the rest)."""
    cut = clause_id.rfind("(")
    return clause_id[cut:] if cut > 0 else clause_id


def fit_address(row: Row, width: int) -> str:
    """Indented address for a column of ``width``. A sub-paragraph pair too long for it
    keeps both sides by their own labels (``(ii)→(ii)``, the parent row names the rest);
    failing that, the new address (``→OP6(b)(ii)``)."""
    indent = "  " * row.depth
    text = indent + row.address
    if len(text) > width and row.pair.a and row.pair.b:
        short = (
            "+".join(map(_last_label, row.pair.a)) + "→" + "+".join(map(_last_label, row.pair.b))
        )
        fits = row.depth and len(indent + short) <= width
        text = indent + short if fits else indent + "→" + "+".join(row.pair.b)
    return text[:width]


def preview(pair: ClausePair, width: int = 80) -> str:
    text = pair.text_b() if pair.b else pair.text_a()
    one_line = " ".join(clean_terminal(text).split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


# ---------------------------------------------------------------- rows


def _pair_topics(
    pair: ClausePair, signals: Mapping[str, Mapping[str, ClauseSignals]], a_id: str, b_id: str
) -> frozenset[str]:
    topics: set[str] = set()
    for side_id, ids in ((a_id, pair.a), (b_id, pair.b)):
        per_doc = signals.get(side_id, {})
        for cid in ids:
            sig = per_doc.get(cid)
            if sig is not None:
                topics.update(sig.topic_ids)
    return frozenset(topics)


def _changes_by_clause(changes: Sequence[Change]) -> dict[tuple[Side, str], list[int]]:
    index: dict[tuple[Side, str], list[int]] = {}
    for i, ch in enumerate(changes):
        for cid in ch.a:
            index.setdefault(("a", cid), []).append(i)
        for cid in ch.b:
            index.setdefault(("b", cid), []).append(i)
    return index


def build_rows(comparison: Comparison, pc: PairwiseComparison) -> tuple[Row, ...]:
    """Flatten the aligned pairs (sub-paragraphs after their parents) into navigator rows."""
    by_clause = _changes_by_clause(pc.changes)
    rows: list[Row] = []

    def visit(pair: ClausePair, depth: int) -> None:
        idx: dict[int, None] = {}
        for cid in pair.a:
            for i in by_clause.get(("a", cid), ()):
                idx.setdefault(i, None)
        for cid in pair.b:
            for i in by_clause.get(("b", cid), ()):
                idx.setdefault(i, None)
        own = tuple(idx)
        topics = _pair_topics(pair, comparison.signals, pc.a, pc.b)
        topics |= {t for i in own for t in (pc.changes[i].topic,) if t}
        rows.append(
            Row(
                index=len(rows),
                pair=pair,
                depth=depth,
                address=address(pair),
                marker=status_marker(pair),
                badges=badges_for(pc.changes[i] for i in own),
                preview=preview(pair),
                topics=frozenset(topics),
                changes=own,
            )
        )
        for child in pair.children:
            visit(child, depth + 1)

    for pair in pc.pairs:
        visit(pair, 0)
    return tuple(rows)


def differences(rows: Sequence[Row]) -> tuple[int, ...]:
    """Row indices that are differences, in document order."""
    return tuple(r.index for r in rows if r.changed)


def apply_filter(rows: Sequence[Row], flt: Filter) -> tuple[Row, ...]:
    def keep(r: Row) -> bool:
        if not flt.show_unchanged and not r.changed:
            return False
        if flt.mode == "changed":
            return r.changed
        if flt.mode == "status":
            if flt.value == "moved":
                return r.pair.moved
            if flt.value == "kind":
                return r.pair.kind_change is not None
            return r.pair.status == flt.value
        if flt.mode == "topic":
            return flt.value in r.topics
        return True

    return tuple(r for r in rows if keep(r))


def filter_choices(rows: Sequence[Row], topic_labels: Mapping[str, str]) -> list[Filter]:
    """The filters worth offering: all, changed, each status present, each topic present."""
    choices = [Filter("all"), Filter("changed")]
    statuses: dict[str, None] = {}
    for r in rows:
        if r.pair.status != "unchanged":
            statuses.setdefault(r.pair.status, None)
        if r.pair.moved:
            statuses.setdefault("moved", None)
        if r.pair.kind_change is not None:
            statuses.setdefault("kind", None)
    choices += [Filter("status", s) for s in statuses]
    topics = sorted({t for r in rows for t in r.topics}, key=lambda t: topic_labels.get(t, t))
    choices += [Filter("topic", t) for t in topics]
    return choices


def step(positions: Sequence[int], current: int | None, forward: bool) -> int | None:
    """The next (or previous) position after ``current`` in a sorted sequence, no wrap."""
    if not positions:
        return None
    if current is None:
        return positions[0] if forward else positions[-1]
    if forward:
        return next((p for p in positions if p > current), None)
    return next((p for p in reversed(positions) if p < current), None)


def search(rows: Sequence[Row], query: str) -> tuple[int, ...]:
    """Rows whose text in either draft contains ``query`` (case-insensitive)."""
    needle = query.casefold().strip()
    if not needle:
        return ()
    return tuple(
        r.index
        for r in rows
        if needle in r.pair.text_a().casefold() or needle in r.pair.text_b().casefold()
    )


# ---------------------------------------------------------------- key differences


def key_changes(pc: PairwiseComparison, rows: Sequence[Row]) -> tuple[KeyChange, ...]:
    """Changes ranked by weight (highest first), each with the row it belongs to."""
    ranked = sorted(enumerate(pc.changes), key=lambda ic: (-ic[1].weight, ic[0]))
    where: dict[int, int] = {}
    for r in rows:
        for i in r.changes:
            where.setdefault(i, r.index)
    return tuple(
        KeyChange(rank=n, change=ch, row=where.get(i), index=i)
        for n, (i, ch) in enumerate(ranked, 1)
    )


# ---------------------------------------------------------------- the selected pair


def _segments(segments: Iterable[view.Segment]) -> tuple[Segment, ...]:
    """The report view's segments (shared, so the app and the reports agree), with
    whitespace-only changes made visible and control characters removed."""
    out = ((seg.op, clean_terminal(view.shown_text(seg))) for seg in segments)
    return tuple((op, text) for op, text in out if text)


def pair_display(
    pair: ClausePair, label_a: str, label_b: str, changes: Sequence[Change] = ()
) -> PairDisplay:
    """Segments for the left (a) and right (b) columns and for the inline view.

    A minor difference (whitespace, quotes...) shows each side's own text unmarked;
    the segments come from ``resdiff.render.view``, as in the reports.
    ``changes`` (the substantive changes found in this pair) are listed as notes, so
    their summaries are visible even when the key-differences panel is not.
    """
    notes = []
    if pair.moved:
        notes.append(
            f"{MOVED_MARKER} moved: {'+'.join(pair.a)} in {label_a} is now "
            f"{'+'.join(pair.b)} in {label_b}"
        )
    if pair.kind_change is not None:
        notes.append(f"{KIND_MARKER} kind changed: {pair.kind_change[0]} → {pair.kind_change[1]}")
    if pair.status in ("split", "merged"):
        notes.append(
            f"{STATUS_MARKERS[pair.status]} {pair.status}: "
            f"{'+'.join(pair.a) or '-'} → {'+'.join(pair.b) or '-'}"
        )
    ranked = sorted(changes, key=lambda c: -c.weight)
    for ch in ranked[:MAX_NOTES]:
        arrow = {"stronger": "▲", "weaker": "▼", None: "•"}[ch.direction]
        notes.append(f"{arrow} {ch.summary}")
    if len(ranked) > MAX_NOTES:
        more = len(ranked) - MAX_NOTES
        notes.append(f"… and {more} more key difference{'s' if more > 1 else ''} here")
    title = f"{address(pair)}  {status_marker(pair) or '= unchanged'}"
    return PairDisplay(
        title=clean_terminal(title),
        left=_segments(view.side_segments(pair, "a")),
        right=_segments(view.side_segments(pair, "b")),
        inline=_segments(view.inline_segments(pair)),
        notes=tuple(clean_terminal(n) for n in notes),
    )


# ---------------------------------------------------------------- headers, history, matrix


def describe_document(doc: Document) -> str:
    """``S/2024/9001 · United States of America · 22 March 2024`` (what is known of it)."""
    parts = [doc.label]
    if doc.sponsors:
        sponsors = ", ".join(doc.sponsors)
        parts.append(sponsors if len(sponsors) <= 60 else sponsors[:59] + "…")
    if doc.date:
        parts.append(doc.date)
    return clean_terminal(" · ".join(parts))


def counts_line(pc: PairwiseComparison) -> str:
    """``~6 modified  +2 added  ↷3 moved  29 key differences`` (zero counts left out)."""
    c = pc.counts
    parts = [
        f"{mark}{n} {word}"
        for mark, n, word in (
            ("~", c.modified, "modified"),
            ("+", c.added, "added"),
            ("-", c.removed, "removed"),
            ("<", c.split, "split"),
            (">", c.merged, "merged"),
            (MOVED_MARKER, c.moved, "moved"),
        )
        if n
    ] or ["no differences"]
    key = len(pc.changes)
    parts.append(f"{key} key difference{'s' if key != 1 else ''}")
    return "  ".join(parts)


def history_table(
    documents: Sequence[Document], history: Sequence[ClauseHistory]
) -> tuple[list[str], list[list[str]]]:
    """Columns (clause of the last draft, then one per round) and rows of status markers.

    ``documents`` are those the history was computed with (ids are per comparison).
    """
    docs = {d.id: d for d in documents}
    rounds: list[str] = []
    for h in history:
        for doc_id, _ids, _status in h.rounds:
            if doc_id not in rounds:
                rounds.append(doc_id)
    last = f"clause in {documents[-1].label}" if documents else "clause"
    header = [last, *(docs[d].label if d in docs else d for d in rounds)]
    table = []
    for h in history:
        cells = {doc_id: (ids, status) for doc_id, ids, status in h.rounds}
        line = [h.clause]
        for d in rounds:
            if d not in cells:
                line.append("")
                continue
            ids, status = cells[d]
            mark = STATUS_MARKERS[status].strip() or "="
            line.append(f"{mark} {'+'.join(ids) or '—'}")
        table.append(line)
    return header, table


def matrix_table(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """Columns (topic, then one per draft) and rows; a cell has one line each for the
    strongest verb, its qualifiers, each link, and the clauses."""
    m = comparison.matrix
    docs = {d.id: d for d in comparison.documents}
    if m is None:
        return ["topic"], []
    header = ["topic", *(docs[d].label if d in docs else d for d in m.documents)]
    rows = []
    for topic in m.topics:
        line = [m.labels.get(topic, topic)]
        for d in m.documents:
            cell = m.cells.get((topic, d))
            if cell is None:
                line.append("—")
                continue
            lines = [cell.verb.text if cell.verb else "mentioned"]
            if cell.qualifiers:
                lines.append(", ".join(cell.qualifiers))
            for link in cell.links:
                other = link.topics[1] if link.topics[0] == topic else link.topics[0]
                lines.append(f"⚭ {link.relation}: {m.labels.get(other, other)}")
            if cell.clauses:
                lines.append(", ".join(cell.clauses))
            line.append(clean_terminal("\n".join(lines)))
        rows.append(line)
    return header, rows
