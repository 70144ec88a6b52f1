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
    Run,
)
from resdiff.present import address as addresses
from resdiff.present import cells
from resdiff.present.changes import direction_mark, kind_note, own_change
from resdiff.present.counts import CHANGE_FIELDS
from resdiff.present.escape import clean_terminal
from resdiff.present.segments import Segment as ShownSegment
from resdiff.present.segments import (
    clause_texts,
    inline_segments,
    reflow,
    shown_text,
    side_segments,
)

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
    "sponsor-added": "sponsor",
    "sponsor-removed": "sponsor",
    "symbol-changed": "",
    "date-changed": "",
    "title-changed": "title",
    "author-changed": "author",
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
    runs: tuple[Run, ...] | None = None  # as shown, where a line break was reflowed

    @property
    def changed(self) -> bool:
        """A row is a difference when its own pair differs (children have rows of their own)."""
        return own_change(self.pair) or bool(self.changes)


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
        arrow = direction_mark(self.change.direction)
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
        if ch.direction is not None:
            word += direction_mark(ch.direction)
        seen.setdefault(word, None)
    return " ".join(seen)


def address(pair: ClausePair) -> str:
    """The clause address readers use: ``OP3``, or ``OP3→OP4`` when renumbered."""
    return addresses.compact(pair.a, pair.b)


def fit_address(row: Row, width: int) -> str:
    """The row's address indented for a column of ``width`` (see ``present.address.fit``)."""
    return addresses.fit(row.pair.a, row.pair.b, row.depth, width)


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
    texts: list[dict[str, str]] = []  # clause texts, read once a pair needs reflowing

    def shown_runs(pair: ClausePair) -> tuple[Run, ...] | None:
        if not any("\n" in r.text for r in pair.diff):
            return None  # the pair's own runs
        if not texts:
            texts.extend(clause_texts(comparison.document(d)) for d in (pc.a, pc.b))
        return reflow(pair, *texts)

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
                runs=shown_runs(pair),
            )
        )
        for child in pair.children:
            visit(child, depth + 1)

    for pair in shown_pairs(pc):
        visit(pair, 0)
    return tuple(rows)


def shown_pairs(pc: PairwiseComparison) -> tuple[ClausePair, ...]:
    """The navigator's top-level pairs: the paragraphs, then the footnotes. The header
    is shown above them (``describe_document``), its changes among the key differences
    and in the status line."""
    return (*pc.pairs, *pc.footnotes)


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


def _segments(segments: Iterable[ShownSegment]) -> tuple[Segment, ...]:
    """The shared segments (``present.segments``, as in the reports), with
    whitespace-only changes made visible and control characters removed."""
    out = ((seg.op, clean_terminal(shown_text(seg))) for seg in segments)
    return tuple((op, text) for op, text in out if text)


def pair_display(
    pair: ClausePair,
    label_a: str,
    label_b: str,
    changes: Sequence[Change] = (),
    runs: Sequence[Run] | None = None,
) -> PairDisplay:
    """Segments for the left (a) and right (b) columns and for the inline view.

    A minor difference (whitespace, quotes...) shows each side's own text unmarked;
    the segments come from ``resdiff.present.segments``, as in the reports; ``runs``
    (``Row.runs``) has the line breaks inside a clause shown as spaces, as there.
    ``changes`` (the substantive changes found in this pair) are listed as notes, so
    their summaries are visible even when the key-differences panel is not.
    """
    notes = []
    if pair.moved:
        notes.append(
            f"{MOVED_MARKER} moved: {addresses.ids(pair.a, '+')} in {label_a} is now "
            f"{addresses.ids(pair.b, '+')} in {label_b}"
        )
    if pair.kind_change is not None:
        notes.append(f"{KIND_MARKER} kind changed: {kind_note(pair.kind_change, '→')}")
    if pair.status in ("split", "merged"):
        notes.append(
            f"{STATUS_MARKERS[pair.status]} {pair.status}: "
            f"{addresses.ids(pair.a, '+', '-')} {addresses.APP_ARROW} "
            f"{addresses.ids(pair.b, '+', '-')}"
        )
    ranked = sorted(changes, key=lambda c: -c.weight)
    for ch in ranked[:MAX_NOTES]:
        notes.append(f"{direction_mark(ch.direction)} {ch.summary}")
    if len(ranked) > MAX_NOTES:
        more = len(ranked) - MAX_NOTES
        notes.append(f"… and {more} more key difference{'s' if more > 1 else ''} here")
    title = f"{address(pair)}  {status_marker(pair) or '= unchanged'}"
    return PairDisplay(
        title=clean_terminal(title),
        left=_segments(side_segments(pair, "a", runs)),
        right=_segments(side_segments(pair, "b", runs)),
        inline=_segments(inline_segments(pair, runs)),
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


def warnings_line(doc: Document) -> str:
    """The document's warnings on one line, safe for a terminal (they quote its text)."""
    return clean_terminal("; ".join(doc.warnings))


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
    ]
    if pc.header is not None and pc.header.changed:
        parts.append("~header")
    notes = pc.footnote_counts
    changed_notes = sum(getattr(notes, f) for f in CHANGE_FIELDS if f != "moved")
    if changed_notes:
        parts.append(f"~{changed_notes} footnote{'s' if changed_notes > 1 else ''}")
    parts = parts or ["no differences"]
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
            line.append(f"{mark} {addresses.ids(ids, '+', '—')}")
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
    rows = [
        [
            m.labels.get(topic, topic),
            *(clean_terminal(cells.lines(cells.cell_view(m, topic, d))) for d in m.documents),
        ]
        for topic in m.topics
    ]
    return header, rows
