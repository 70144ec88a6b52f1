"""The clause list: a row per aligned pair, its marker, badges and address; filters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from resdiff.model import (
    HEADER_ID,
    Change,
    ClausePair,
    ClauseSignals,
    Comparison,
    PairStatus,
    PairwiseComparison,
    Run,
)
from resdiff.present import address as addresses
from resdiff.present import counts
from resdiff.present.changes import direction_mark, own_change
from resdiff.present.escape import clean_terminal
from resdiff.present.segments import clause_texts, reflow, squeeze

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
ADDRESS_MAX = 24  # the longest address a clause list shows in full

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


def columns(rows: Sequence[Row], width: int) -> tuple[int, int, int]:
    """Widths of the marker, address and badge columns of a clause list ``width`` wide:
    as wide as the rows need, but the address at most a quarter and the badges a
    seventh of the width, so the clause's own text keeps about half of it. The badges
    get up to a fifth when that lets every row's first badge read in full (``sponsor``
    in a clause list 46 wide: a seventh would cut it to ``spons…``)."""
    marker = max((len(status_symbol(r.pair)) for r in rows), default=1) + 1
    address = max((len(fit_address(r, ADDRESS_MAX)) for r in rows), default=4)
    address = min(address, max(8, width // 4))
    need = max((len(r.badges) for r in rows), default=0)
    first = max((_first_badge(r.badges) for r in rows), default=0)
    badges = min(need, max(width // 7, min(first, width // 5)))
    return marker, address, badges


def _first_badge(badges: str) -> int:
    """Columns the first badge needs: the word, and ``…`` when more follow."""
    word, more, _ = badges.partition(" ")
    return len(word) + bool(more)


def fit_badges(badges: str, width: int) -> str:
    """``badges`` in ``width`` columns: whole badges, ``…`` for those left out (``link
    verb▲ qual`` in 7: ``link …``); a first badge too long for the column is cut."""
    if len(badges) <= width:
        return badges
    words = badges.split(" ")
    kept = ""
    for word in words:
        joined = f"{kept} {word}" if kept else word
        if len(joined) + 1 > width:  # room for the "…" saying more follow
            break
        kept = joined
    if not kept:
        return badges[: max(0, width - 1)] + "…"
    return f"{kept} …" if len(kept) + 2 <= width else f"{kept}…"


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
        if pair.a == (HEADER_ID,):
            return squeeze(pair.diff)  # the header's columns and lines as one line
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
                preview=_header_preview(pc) if pair is pc.header else preview(pair),
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


def _header_preview(pc: PairwiseComparison) -> str:
    """What the header's row says: 'sponsors, date changed', the fields in the verdict's
    words (its text starts 'United Nations S/20…' in every draft)."""
    fields = counts.header_fields(pc)
    return f"{', '.join(fields)} changed" if fields else "changed"


def shown_pairs(pc: PairwiseComparison) -> tuple[ClausePair, ...]:
    """The navigator's top-level pairs, as the reports go through them: the header's
    pair when the headers differ (its changes, sponsors joining say, then have a row to
    jump to), the paragraphs, then the footnotes."""
    header = (pc.header,) if pc.header is not None and pc.header.changed else ()
    return (*header, *pc.pairs, *pc.footnotes)


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
