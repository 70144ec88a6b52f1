"""What the terminal app shows, computed from a ``Comparison`` without Textual.

The screens and widgets only lay these values out. Everything that decides something
(which pairs are differences, the text of a status marker, which rows a filter keeps,
where a key difference lives) is here, so it can be tested without a terminal and
reused by any other front end. This module must never import Textual.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from resdiff.align.rewrite import is_rewritten
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
from resdiff.present import cells, counts
from resdiff.present.changes import direction_mark, kind_note, own_change
from resdiff.present.escape import clean_terminal
from resdiff.present.segments import Segment as ShownSegment
from resdiff.present.segments import (
    before_after,
    clause_texts,
    inline_segments,
    reflow,
    shown_text,
    side_segments,
)
from resdiff.render.text import STYLE_DELETED, STYLE_INSERTED, break_offsets, diff_spans

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
    """The selected pair as runs for each column (or one inline column); a rewritten
    pair also as two blocks, ``before`` and ``after``."""

    title: str
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]
    inline: tuple[Segment, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    before: tuple[Segment, ...] = ()
    after: tuple[Segment, ...] = ()

    @property
    def rewritten(self) -> bool:
        return bool(self.before or self.after)


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


def columns(rows: Sequence[Row], width: int) -> tuple[int, int, int]:
    """Widths of the marker, address and badge columns of a clause list ``width`` wide:
    as wide as the rows need, but the address at most a quarter and the badges at most a
    seventh of the width, so the clause's own text keeps about half of it."""
    marker = max((len(status_symbol(r.pair)) for r in rows), default=1) + 1
    address = max((len(fit_address(r, ADDRESS_MAX)) for r in rows), default=4)
    address = min(address, max(8, width // 4))
    badges = min(max((len(r.badges) for r in rows), default=0), width // 7)
    return marker, address, badges


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


_WHITESPACE = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    """Casefolded, every run of whitespace one space: what search compares."""
    return _WHITESPACE.sub(" ", text).strip().casefold()


def clause_key(text: str) -> str:
    """A clause address as typed ("op 7 (a)") in the form ids are compared in ("OP7(A)")."""
    return "".join(text.split()).upper()


def _address_keys(query: str) -> tuple[str, ...]:
    """The ids a typed address can mean: "OP7" itself; a bare number or "7(a)" is operative."""
    key = clause_key(query)
    if not key:
        return ()
    return (key, f"OP{key}") if key[0].isdigit() else (key,)


def _names(ids: Sequence[str], keys: Sequence[str]) -> bool:
    return any(clause_key(cid) in keys for cid in ids)


def search(rows: Sequence[Row], query: str) -> tuple[int, ...]:
    """Rows whose text in either draft contains ``query`` or whose address is ``query``.

    Case and whitespace do not matter: a phrase broken across the lines of a hard-wrapped
    draft is found as it is shown (reflowed), and ``"op7"`` finds OP7 in either draft."""
    needle = _squeezed(query)
    if not needle:
        return ()
    keys = _address_keys(query)
    return tuple(
        r.index
        for r in rows
        if _names(r.pair.a, keys)
        or _names(r.pair.b, keys)
        or needle in _squeezed(r.pair.text_a())
        or needle in _squeezed(r.pair.text_b())
    )


def search_pattern(query: str) -> re.Pattern[str] | None:
    """What to highlight for ``query`` in the text shown: its words, any whitespace
    between them, any case."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


def find_clause(rows: Sequence[Row], query: str, a_id: str = "A", b_id: str = "B") -> int | None:
    """The row of the clause ``query`` names ("OP7", "PP3", "7(a)"): in the shown draft
    (``b_id``) first, else in the base (``a_id``). A draft's id before the address ("A OP7",
    "A:OP7") looks in that draft only."""
    sides = {"a": a_id.upper(), "b": b_id.upper()}
    m = _SIDE.match(query.strip())
    if m and m.group(1).upper() in sides.values():
        wanted = m.group(1).upper()
        sides = {k: v for k, v in sides.items() if v == wanted}
        query = m.group(2)
    keys = _address_keys(query)
    for side in ("b", "a"):
        if not keys or side not in sides:
            continue
        found = next((r.index for r in rows if _names(getattr(r.pair, side), keys)), None)
        if found is not None:
            return found
    return None


_SIDE = re.compile(r"^([A-Za-z])(?::\s*|\s+)(\S.*)$")


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


def listed_keys(keys: Sequence[KeyChange], shown: Sequence[Row], flt: Filter) -> tuple[int, ...]:
    """The key differences the panel lists under ``flt`` (positions in rank order): all
    of them, or, when the list is narrowed, those of the clauses listed (and, with a topic
    filter, those about the topic)."""
    if flt.mode == "all":
        return tuple(range(len(keys)))
    rows = {r.index for r in shown}
    return tuple(
        pos
        for pos, kc in enumerate(keys)
        if kc.row in rows or (flt.mode == "topic" and kc.change.topic == flt.value)
    )


def opening(keys: Sequence[KeyChange], rows: Sequence[Row]) -> tuple[int | None, int | None]:
    """Where a comparison opens: (row, key position) of the top-ranked key difference
    that has a clause; failing that, the first difference (or the first row)."""
    for position, kc in enumerate(keys):
        if kc.row is not None:
            return kc.row, position
    first = step(differences(rows), None, True)
    if first is None and rows:
        first = rows[0].index
    return first, None


# ---------------------------------------------------------------- the selected pair


def _segments(segments: Iterable[ShownSegment]) -> tuple[Segment, ...]:
    """The shared segments (``present.segments``, as in the reports), with
    whitespace-only changes made visible and control characters removed."""
    out = ((seg.op, clean_terminal(shown_text(seg))) for seg in segments)
    return tuple((op, text) for op, text in out if text)


def _pair_notes(
    pair: ClausePair, label_a: str, label_b: str, changes: Sequence[Change], max_notes: int
) -> list[str]:
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
    for ch in ranked[:max_notes]:
        notes.append(f"{direction_mark(ch.direction)} {ch.summary}")
    if len(ranked) > max_notes:
        more = len(ranked) - max_notes
        notes.append(f"… and {more} more key difference{'s' if more > 1 else ''} here")
    return notes


def pair_display(
    pair: ClausePair,
    label_a: str,
    label_b: str,
    changes: Sequence[Change] = (),
    runs: Sequence[Run] | None = None,
    max_notes: int = MAX_NOTES,
) -> PairDisplay:
    """Segments for the left (a) and right (b) columns and for the inline view.

    A minor difference (whitespace, quotes...) shows each side's own text unmarked;
    the segments come from ``resdiff.present.segments``, as in the reports; ``runs``
    (``Row.runs``) has the line breaks inside a clause shown as spaces, as there. A
    rewritten pair (``align.rewrite.is_rewritten``, the reports' rule) also has its old
    and new texts as two blocks (``before``, ``after``: ``present.segments.before_after``).
    ``changes`` (the substantive changes found in this pair) are listed as notes, the
    ``max_notes`` highest ranked, so their summaries are visible with the text.
    """
    notes = _pair_notes(pair, label_a, label_b, changes, max_notes)
    title = f"{address(pair)}  {status_marker(pair) or '= unchanged'}"
    before: tuple[Segment, ...] = ()
    after: tuple[Segment, ...] = ()
    if is_rewritten(pair):
        title += "  (rewritten: the old text, then the new)"
        old, new = before_after(pair, runs)
        before, after = _segments(old), _segments(new)
    return PairDisplay(
        title=clean_terminal(title),
        left=_segments(side_segments(pair, "a", runs)),
        right=_segments(side_segments(pair, "b", runs)),
        inline=_segments(inline_segments(pair, runs)),
        notes=tuple(clean_terminal(n) for n in notes),
        before=before,
        after=after,
    )


def separated(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """The inline view with a space between a deletion and an insertion that touch
    ("essential" struck, "Demands" underlined, not "essentialDemands"): display only."""
    out: list[Segment] = []
    for op, text in segments:
        if out:
            prev_op, prev = out[-1]
            touching = prev and text and not prev[-1].isspace() and not text[0].isspace()
            if {prev_op, op} == {"-", "+"} and touching:
                out.append(("=", " "))
        out.append((op, text))
    return tuple(out)


def with_markers(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """Each change in ``[-old-]`` / ``{+new+}`` markers, exactly as the text report writes
    them (``render.text.diff_spans``: a draft's own marker-like text escaped), for
    terminals without colour or strike-through; the op stays for colour if any."""
    ops = {STYLE_DELETED: "-", STYLE_INSERTED: "+"}
    spans = diff_spans(tuple(ShownSegment(op, text) for op, text in segments))  # type: ignore[arg-type]
    return tuple((ops.get(style, "="), text) for text, style in spans)


def change_stops(lines: Sequence[Iterable[int | None]]) -> list[tuple[int, frozenset[int]]]:
    """Where "next change in this clause" stops: each line on which changes begin, with
    those changes (``lines`` holds the changes each shown line touches, in order)."""
    seen: set[int] = set()
    stops = []
    for n, ids in enumerate(lines):
        new = {i for i in ids if i is not None and i not in seen}
        if new:
            stops.append((n, frozenset(new)))
            seen |= new
    return stops


def amendment_text(comparison: Comparison, pc: PairwiseComparison) -> str:
    """The amendments turning ``pc``'s base into its other draft, as ``resdiff
    amendments`` writes them (``amend.amendments``, ``render.amendments.render_text``)."""
    from resdiff.amend import amendments
    from resdiff.render.amendments import render_text

    return clean_terminal(render_text(amendments(comparison, pc)))


def side_text(row: Row, side: Side) -> str:
    """One draft's text of a row as shown (a line break inside a clause as a space, the
    clauses of a split or a merge on lines of their own), safe for a terminal: what
    "copy" puts on the clipboard."""
    runs = row.pair.diff if row.runs is None else row.runs
    drop = "+" if side == "a" else "-"
    return clean_terminal("".join(r.text for r in runs if r.op != drop)).strip()


def pair_as_diff(row: Row, label_a: str, label_b: str, width: int | None = None) -> str:
    """The pair as a text diff, as the text report writes a pair: its address in both
    drafts, its status, then the words with ``[-old-]{+new+}`` markers (a rewritten pair:
    the old text, then the new); lines wrapped at ``width`` as the report wraps them, or
    one line a paragraph (for the clipboard)."""
    where = addresses.between(label_a, row.pair.a, label_b, row.pair.b)
    head = f"{where}  {row.marker or 'unchanged'}"
    data = pair_display(row.pair, label_a, label_b, runs=row.runs)
    blocks = [data.before, data.after] if data.rewritten else [data.inline]
    body = "\n".join("".join(text for _, text in with_markers(b)) for b in blocks)
    lines = clean_terminal(f"{head}\n{body}").split("\n")
    if width is not None:
        lines = [part for line in lines for part in _broken(line, width)]
    return "\n".join(lines)


def _broken(line: str, width: int) -> list[str]:
    bounds = [0, *break_offsets(line, width), len(line)]
    return [line[i:j].rstrip() for i, j in itertools.pairwise(bounds)]


# ---------------------------------------------------------------- headers, history, matrix


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


_COUNT_MARKS: dict[str, str] = {"moved": MOVED_MARKER}
_COUNT_MARKS.update((status, mark) for status, mark in STATUS_MARKERS.items())


def counts_line(pc: PairwiseComparison, short: bool = False) -> str:
    """The counts as every face words them (``present.counts``: paragraphs and
    sub-paragraphs apart), then the key differences: ``paragraphs: 7 modified, 2 added;
    sub-paragraphs: 1 modified · 29 key differences``; ``short``, with the list's
    markers: ``~7 +2 | sub ~1 · 29 key``."""
    key = len(pc.changes)
    if short:
        per_level = [
            " ".join(f"{_COUNT_MARKS[f]}{n}" for f, n in level.changed) or "same"
            for level in counts.levels(pc)
        ]
        return " | sub ".join(per_level) + f" · {key} key"
    words = "; ".join(counts.level_phrase(level) for level in counts.levels(pc))
    return f"{words} · {key} key difference{'s' if key != 1 else ''}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def status_line(
    pc: PairwiseComparison,
    listing: tuple[int, int, str],
    search: tuple[str, int, int] | None,
    width: int,
) -> str:
    """The status line in ``width`` columns: the counts, then what the list shows
    (``listing``: shown, total, the filter in words) and the search (``search``: term,
    match, of how many). The filter and the search always stay: the counts shorten first."""
    shown, total, described = listing
    state = [f"showing {shown}/{total}: {described}"]
    if search is not None:
        term, n, of = search
        state.append(f"search {term!r}: " + (f"match {n} of {of}" if of else "not found"))
    tail = "   ".join(state)
    for counted in (counts_line(pc), counts_line(pc, short=True)):
        line = f"{counted}   {tail}"
        if len(line) <= width:
            return line
    short_tail = "   ".join([f"{shown}/{total} {described}", *state[1:]])
    return _fit(short_tail + "   " + counts_line(pc, short=True), width)


HeaderLine = list[tuple[str, str]]
"""``(text, role)`` chunks; role is ``base``, ``shown``, ``other`` or ``note``."""


def header_lines(
    docs: Sequence[Document], base: str, shown: str, width: int, compact: bool
) -> list[HeaderLine]:
    """The drafts, every one of them. Full: a line per draft with what is known of it;
    ``compact``: one line, each draft by number, id and label, labels shortened to fit."""
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
        lines.append(line)
    return lines


def _compact_header(docs: Sequence[Document], roles: Mapping[str, str], width: int) -> HeaderLine:
    entries = []
    for n, doc in enumerate(docs, 1):
        role = roles.get(doc.id, "other")
        suffix = f" {role}" if role != "other" else ""
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


def history_legend() -> str:
    """What the history's cells say: ``= unchanged  ~ modified  + added ...``."""
    marks = [f"{(mark.strip() or '=')} {status}" for status, mark in STATUS_MARKERS.items()]
    return "  ".join(marks) + "; then the clause's ids in that draft"


def history_caption(documents: Sequence[Document], base: str | None) -> str:
    """Which series the history is of: the drafts in the order opened, and that swapping
    sides (a different base) does not change it."""
    if not documents:
        return ""
    order = " → ".join(document_label(d) for d in documents)
    caption = f"The series as opened: {order}."
    if base is not None and base != documents[0].label:
        caption += " The base is now another draft; swapping sides does not change it."
    return caption


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
    last = f"clause in {document_label(documents[-1])}" if documents else "clause"
    header = [last, *(document_label(docs[d]) if d in docs else d for d in rounds)]
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


def matrix_table(comparison: Comparison) -> tuple[list[str], list[tuple[str, list[cells.Slots]]]]:
    """Columns (topic, then one per draft) and rows (a topic's label and its cells, each
    as slots: the strongest verb, its qualifiers, each link, the clauses; see
    ``aligned_cells``)."""
    m = comparison.matrix
    docs = {d.id: d for d in comparison.documents}
    if m is None:
        return ["topic"], []
    header = ["topic", *(document_label(docs[d]) if d in docs else d for d in m.documents)]
    rows = [
        (
            clean_terminal(m.labels.get(topic, topic)),
            [cells.slots(cells.cell_view(m, topic, d)) for d in m.documents],
        )
        for topic in m.topics
    ]
    return header, rows


def aligned_cells(row: Sequence[cells.Slots], width: int) -> list[str]:
    """A matrix row's cells wrapped to ``width`` and padded slot by slot, so the verbs,
    the qualifiers, the links and the clauses of every draft start on the same line."""
    wrapped = [
        [[clean_terminal(part) for line in slot for part in _wrap(line, width)] for slot in cell]
        for cell in row
    ]
    out: list[list[str]] = [[] for _ in row]
    for k in range(max((len(cell) for cell in wrapped), default=0)):
        height = max(len(cell[k]) for cell in wrapped)
        for lines, cell in zip(out, wrapped, strict=True):
            lines += cell[k] + [""] * (height - len(cell[k]))
    return ["\n".join(lines).rstrip("\n") for lines in out]


def _wrap(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, max(4, width), break_on_hyphens=False) or [""]
