"""What a report shows, decided once for every format.

The renderers (Markdown, HTML, text) only lay out a ``ReportView``: which pairs are
shown and which collapse into "… 5 unchanged clauses …", the addresses
("A OP3 -> B OP3 + OP4"), status words and notes, inline diff segments with minor
runs folded into B's text, and the changes and matrix rows that survive ``--topic``.
``ReportOptions`` (what the reader asked to see) lives here, beside the one function
that reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from resdiff.errors import ResdiffError
from resdiff.model import (
    HEADER_ID,
    Change,
    ChangeGroup,
    ClausePair,
    ClauseSignals,
    Comparison,
    Document,
    PairwiseComparison,
    PositionsMatrix,
    Run,
)
from resdiff.present import address, counts, keydiffs
from resdiff.present.changes import own_change, pair_notes
from resdiff.present.cues import pair_cues
from resdiff.present.segments import (
    Segment,
    Side,
    before_after,
    clause_texts,
    inline_segments,
    reflow,
    side_segments,
    split_at_cues,
    squeeze,
)

if TYPE_CHECKING:
    from resdiff.amend.model import AmendmentList


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What a report shows: unchanged context around changes, filters, colour, width.

    ``context``, ``only`` and ``topics`` select clauses; a format that always holds the
    whole comparison (JSON, Word) refuses them rather than ignore them
    (``render.check_format_options``).
    """

    context: int = 1
    show_all: bool = False
    only: Literal["changed", "signals"] | None = None
    topics: tuple[str, ...] = ()
    color: bool = False
    width: int | None = None
    #: Add each comparison's amendment list (issue 14), in UN form, as a last section.
    amendments: bool = False

    @property
    def selects(self) -> bool:
        """True when the reader narrowed what is shown (not the default context)."""
        return self.context != 1 or self.only is not None or bool(self.topics)


@dataclass(frozen=True, slots=True)
class KeyRef:
    """A key difference a pair is named by: its number, kind and anchor."""

    number: int
    kind: keydiffs.Kind
    anchor: str


@dataclass(frozen=True, slots=True)
class PairRow:
    """One aligned pair as a report line: address, status, notes and its diff.

    ``anchors`` are the stable ids of its clauses ("A-OP1", "B-OP1", see
    ``clause_anchor``), the first one being ``anchor``; ``keys`` the key differences
    that name it."""

    pair: ClausePair
    depth: int
    address: str
    status: str
    notes: tuple[str, ...]
    changed: bool

    runs: tuple[Run, ...] = ()
    keys: tuple[KeyRef, ...] = ()
    #: Each run's cue note ("" for none): the runs are cut where a cue phrase starts/ends.
    cues: tuple[str, ...] = ()
    #: The two drafts' ids (base first), and what the base's anchors end with ("-C" in a
    #: second comparison, see ``clause_anchor``).
    docs: tuple[str, str, str] = ("A", "B", "")

    @property
    def anchors(self) -> tuple[str, ...]:
        a, b, suffix = self.docs
        return tuple(
            [f"{a}-{cid}{suffix}" for cid in self.pair.a] + [f"{b}-{cid}" for cid in self.pair.b]
        )

    @property
    def anchor(self) -> str:
        return self.anchors[0]

    @property
    def rewritten(self) -> bool:
        """Shown as the whole old text then the whole new one (``align.rewrite``)."""
        from resdiff.align.rewrite import is_rewritten  # `resdiff parse` needs no aligner

        return is_rewritten(self.pair)

    @property
    def side_labels(self) -> tuple[str, str]:
        """'A OP1', 'B OP1 + OP2': each side's clauses, for before/after and side by side."""
        a, b, _ = self.docs
        return f"{a} {address.ids(self.pair.a)}", f"{b} {address.ids(self.pair.b)}"

    @property
    def segments(self) -> tuple[Segment, ...]:
        return inline_segments(self.pair, self.runs, self.cues or None)

    def side(self, side: Side) -> tuple[Segment, ...]:
        return side_segments(self.pair, side, self.runs, self.cues or None)

    @property
    def before_after(self) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
        """A's whole text, then B's (for a rewritten pair)."""
        return before_after(self.pair, self.runs, self.cues or None)

    @property
    def marked_cues(self) -> tuple[tuple[str, str, str], ...]:
        """(side, cue text, note) of each marked cue phrase, once each, A's first."""
        if not any(self.cues):
            return ()
        seen: dict[tuple[str, str, str], None] = {}
        for side, segs in zip("ab", self.before_after, strict=True):
            for seg in segs:
                if seg.cue:
                    seen.setdefault((side, " ".join(seg.text.split()), seg.cue), None)
        return tuple(seen)

    @property
    def one_sided(self) -> bool:
        return not self.pair.a or not self.pair.b


@dataclass(frozen=True, slots=True)
class Gap:
    """Consecutive pairs that are not shown."""

    count: int
    changed: int
    depth: int = 0  # of the first pair hidden, for indentation

    @property
    def text(self) -> str:
        noun = "clause" if self.count == 1 else "clauses"
        if self.changed == 0:
            return f"… {self.count} unchanged {noun} …"
        return f"… {self.count} {noun} not shown ({self.changed} changed) …"


@dataclass(frozen=True, slots=True)
class ClauseRef:
    """A clause a key difference names, and its anchor when its pair is shown."""

    doc: str
    clause: str
    anchor: str | None


@dataclass(frozen=True, slots=True)
class KeyItem:
    """A key difference: one clause pair's group of changes as the reports show it.

    ``title`` is what its lead change says (without the address), ``facets`` the rest,
    ``a``/``b`` the clauses it names on each side (each linked when shown)."""

    group: ChangeGroup
    number: int
    anchor: str
    kind: keydiffs.Kind
    address: str
    title: str
    facets: tuple[str, ...]
    a: tuple[ClauseRef, ...]
    b: tuple[ClauseRef, ...]
    #: False for clauses of one draft named by a change across it (not one pair).
    pair: bool = True

    @property
    def summary(self) -> str:
        """The lead change's own sentence (with its address, as in the JSON)."""
        return self.group.lead.summary

    @property
    def target(self) -> str | None:
        """Where the entry links: the first shown clause it names."""
        return next((r.anchor for r in (*self.a, *self.b) if r.anchor), None)

    @property
    def headline(self) -> str:
        return keydiffs.headline(self.group, self.facets)


@dataclass(frozen=True, slots=True)
class SectionView:
    """One pairwise comparison (base ``a`` against ``b``) as a report section."""

    anchor: str
    comparison: PairwiseComparison
    a: Document
    b: Document
    keys: tuple[KeyItem, ...]
    items: tuple[PairRow | Gap, ...]
    shown: int
    total: int
    #: How many ranked changes the key differences hold (after any --topic).
    changes: int = 0
    #: The amendments turning A into B, when asked for (``ReportOptions.amendments``).
    amendments: AmendmentList | None = None

    @property
    def headline(self) -> tuple[KeyItem, ...]:
        """The first key differences, for "In brief"."""
        return self.keys[: keydiffs.HEADLINE_SIZE]

    @property
    def title(self) -> str:
        return f"{self.a.id} {self.a.label} {address.ARROW} {self.b.id} {self.b.label}"

    @property
    def counts(self) -> tuple[counts.Level, ...]:
        """Paragraphs, then sub-paragraphs when there are any."""
        return counts.levels(self.comparison)

    @property
    def verdict(self) -> str:
        return counts.verdict(self.comparison)

    def rows(self) -> Iterator[PairRow]:
        return (item for item in self.items if isinstance(item, PairRow))


@dataclass(frozen=True, slots=True)
class ReportView:
    comparison: Comparison
    documents: tuple[Document, ...]
    sections: tuple[SectionView, ...]
    matrix: PositionsMatrix | None
    topics: tuple[str, ...]
    filters: str

    @property
    def title(self) -> str:
        """'S/2024/9001 -> S/2024/9002': every draft by its label."""
        return f" {address.ARROW} ".join(d.label for d in self.documents)

    @property
    def column_labels(self) -> dict[str, str]:
        """Document id -> 'A S/2024/9001', for table columns."""
        return {d.id: f"{d.id} {d.label}" for d in self.documents}

    def clause_anchors(self) -> dict[tuple[str, str], str]:
        """(document id, clause id) -> its anchor in the first section showing it."""
        found: dict[tuple[str, str], str] = {}
        for ci, s in enumerate(self.sections):
            for row in s.rows():
                for side, doc, ids in ((0, s.a.id, row.pair.a), (1, s.b.id, row.pair.b)):
                    for cid in ids:
                        found.setdefault((doc, cid), clause_anchor(ci, s.comparison, side, cid))
        return found

    @property
    def kinds(self) -> tuple[keydiffs.Kind, ...]:
        """The kinds of the key differences shown, for the legend."""
        return keydiffs.legend([k.kind for s in self.sections for k in s.keys])


def count_keys(section: SectionView) -> str:
    """'12 key differences, one per clause pair, for 29 ranked changes.'"""
    n, changes = len(section.keys), section.changes
    return (
        f"{n} key difference{'s' if n != 1 else ''}, one per clause pair, for "
        f"{changes} ranked change{'s' if changes != 1 else ''}."
    )


def clause_anchor(ci: int, pc: PairwiseComparison, side: int, clause_id: str) -> str:
    """A stable id by clause: "B-OP7" (side b), "A-OP7" (the base, side a); in the
    second and later comparisons the base's clauses say which: "A-OP7-C"."""
    if side:
        return f"{pc.b}-{clause_id}"
    return f"{pc.a}-{clause_id}{anchor_suffix(ci, pc)}"


def anchor_suffix(ci: int, pc: PairwiseComparison) -> str:
    """What the base's anchors end with in comparison ``ci``: "" in the first, "-C"."""
    return f"-{pc.b}" if ci else ""


# --- selection ---------------------------------------------------------------------------


def _flatten(pairs: Sequence[ClausePair], depth: int = 0) -> Iterator[tuple[ClausePair, int]]:
    for p in pairs:
        yield p, depth
        yield from _flatten(p.children, depth + 1)


def _all_pairs(pc: PairwiseComparison) -> list[tuple[ClausePair, int]]:
    """What a report goes through: the header's pair when the headers differ, every
    paragraph pair (sub-paragraphs after their parents), then the footnote pairs."""
    header = [(pc.header, 0)] if pc.header is not None and pc.header.changed else []
    return [*header, *_flatten(pc.pairs), *_flatten(pc.footnotes)]


def _topic_ids(sig: ClauseSignals | None) -> set[str]:
    if sig is None:
        return set()
    ids = set(sig.topic_ids)
    for link in sig.links:
        ids.update(link.topics)
    return ids


def known_topics(comparison: Comparison) -> tuple[str, ...]:
    """Every topic id the lens found anywhere in this comparison, sorted."""
    found: set[str] = set()
    if comparison.matrix is not None:
        found.update(comparison.matrix.topics)
    for per_doc in comparison.signals.values():
        for sig in per_doc.values():
            found.update(_topic_ids(sig))
    for pc in comparison.comparisons:
        for ch in pc.changes:
            found.update(t for t in (ch.topic, ch.related) if t)
    return tuple(sorted(found))


def check_topics(comparison: Comparison, topics: Sequence[str]) -> None:
    """An unknown ``--topic`` is a usage error naming the valid ids."""
    if not topics:
        return
    valid = known_topics(comparison)
    unknown = [t for t in topics if t not in valid]
    if unknown:
        listed = ", ".join(valid) if valid else "none (the lens found no topics in these drafts)"
        raise ResdiffError(f"unknown topic {unknown[0]!r}; valid topics: {listed}")


def _named_ids(changes: Iterable[Change]) -> tuple[set[str], set[str]]:
    a: set[str] = set()
    b: set[str] = set()
    for ch in changes:
        a.update(ch.a)
        b.update(ch.b)
    return a, b


def _names(named: tuple[set[str], set[str]], pair: ClausePair) -> bool:
    return any(i in named[0] for i in pair.a) or any(i in named[1] for i in pair.b)


@dataclass(frozen=True, slots=True)
class _Focus:
    """What the options keep, for one pairwise comparison."""

    options: ReportOptions
    signals_a: Mapping[str, ClauseSignals]
    signals_b: Mapping[str, ClauseSignals]
    named: tuple[set[str], set[str]]  # clause ids named by any change, per side
    named_topic: tuple[set[str], set[str]]  # ... by a change about a chosen topic

    @property
    def narrowed(self) -> bool:
        return bool(self.options.show_all or self.options.only or self.options.topics)

    def keeps(self, pair: ClausePair) -> bool:
        options, topics = self.options, set(self.options.topics)
        if options.only == "changed" and not own_change(pair):
            return False
        if options.only == "signals" and not _names(self.named, pair):
            return False
        if topics:
            mentioned = set().union(
                *(_topic_ids(self.signals_a.get(i)) for i in pair.a),
                *(_topic_ids(self.signals_b.get(i)) for i in pair.b),
            )
            if not (mentioned & topics or _names(self.named_topic, pair)):
                return False
        return self.narrowed or own_change(pair)


def _shown(flat: Sequence[tuple[ClausePair, int]], focus: _Focus) -> list[bool]:
    """Which flattened pairs are shown: the kept ones, their context, their parents."""
    show = [focus.keeps(p) for p, _ in flat]
    context = focus.options.context
    if not focus.narrowed and context > 0:
        near = [False] * len(flat)
        for i, hit in enumerate(show):
            if hit:
                for j in range(max(0, i - context), min(len(flat), i + context + 1)):
                    near[j] = True
        show = near
    # A shown sub-paragraph keeps its parents, so its address reads in context.
    for i in range(len(flat) - 1, -1, -1):
        if show[i] and flat[i][1] > 0:
            depth = flat[i][1]
            for j in range(i - 1, -1, -1):
                if flat[j][1] < depth:
                    show[j] = True
                    depth = flat[j][1]
                    if depth == 0:
                        break
    return show


def _items(
    ci: int,
    pc: PairwiseComparison,
    flat: Sequence[tuple[ClausePair, int]],
    show: Sequence[bool],
    texts: tuple[Mapping[str, str], Mapping[str, str]],
    keys: Sequence[KeyItem],
    signals: tuple[Mapping[str, ClauseSignals], Mapping[str, ClauseSignals]],
) -> list[PairRow | Gap]:
    """Shown pairs as rows (with the key differences naming them), the pairs between
    them as gaps."""
    from resdiff.align.rewrite import is_rewritten  # `resdiff parse` needs no aligner

    named: dict[tuple[int, str], list[KeyRef]] = {}
    signals_of: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[Change, str]]] = {}
    for item in keys:
        ref = KeyRef(item.number, item.kind, item.anchor)
        for side, ids in ((0, item.group.a), (1, item.group.b)):
            for cid in ids:
                named.setdefault((side, cid), []).append(ref)
        for change in item.group.changes:
            if change.kind in ("linkage", "verb-strength"):
                what = "linkage" if change.kind == "linkage" else "verb"
                note = f"{what}, key difference {item.number}: {keydiffs.detail(change)}"
                signals_of.setdefault((change.a, change.b), []).append((change, note))
    items: list[PairRow | Gap] = []
    hidden = hidden_changed = hidden_depth = 0
    docs = (pc.a, pc.b, anchor_suffix(ci, pc))
    for i, (pair, depth) in enumerate(flat):
        if not show[i]:
            if not hidden:
                hidden_depth = depth
            hidden += 1
            hidden_changed += own_change(pair)
            continue
        if hidden:
            items.append(Gap(hidden, hidden_changed, hidden_depth))
            hidden = hidden_changed = 0
        refs: dict[int, KeyRef] = {}
        for side, ids in ((0, pair.a), (1, pair.b)):
            for cid in ids:
                for ref in named.get((side, cid), ()):
                    refs[ref.number] = ref
        named_signals = signals_of.get((pair.a, pair.b))
        found = pair_cues(pair, named_signals, signals, texts) if named_signals else ()
        pieces, cues = split_at_cues(pair.diff, found) if found else (None, ())
        items.append(
            PairRow(
                pair=pair,
                depth=depth,
                address=address.between(pc.a, pair.a, pc.b, pair.b),
                status=pair.status,
                notes=pair_notes(pair) + (("rewritten",) if is_rewritten(pair) else ()),
                changed=own_change(pair),
                runs=squeeze(pieces or pair.diff)
                if pair.a == (HEADER_ID,)
                else reflow(pair, *texts, runs=pieces),
                keys=tuple(refs[n] for n in sorted(refs)) if refs else (),
                cues=cues,
                docs=docs,
            )
        )
    if hidden:
        items.append(Gap(hidden, hidden_changed, hidden_depth))
    return items


def _key_items(
    ci: int,
    pc: PairwiseComparison,
    changes: Sequence[Change],
    shown: tuple[set[str], set[str]],
    labels: Mapping[str, str],
) -> tuple[KeyItem, ...]:
    """The key differences: the core's groups, worded, each clause linked when shown
    (``shown``: the clause ids of each side in the pairs shown)."""
    from resdiff.signals.groups import group_changes

    def refs(side: int, ids: Sequence[str]) -> tuple[ClauseRef, ...]:
        doc = pc.b if side else pc.a
        return tuple(
            ClauseRef(doc, c, clause_anchor(ci, pc, side, c) if c in shown[side] else None)
            for c in ids
        )

    items = []
    for n, group in enumerate(group_changes(changes), 1):
        items.append(
            KeyItem(
                group=group,
                number=n,
                anchor=f"c{ci + 1}-k{n}",
                kind=keydiffs.kind(group),
                address=_key_address(pc, group),
                pair=not _across(group),
                title=keydiffs.title(group),
                facets=keydiffs.facets(group, labels),
                a=refs(0, group.a),
                b=refs(1, group.b),
            )
        )
    return tuple(items)


def _across(group: ChangeGroup) -> bool:
    """A change across one draft alone (an actor no longer named anywhere): its clauses
    are not one pair."""
    from resdiff.signals.groups import document_level

    return document_level(group.lead) and not (group.a and group.b)


def _key_address(pc: PairwiseComparison, group: ChangeGroup) -> str:
    """'A OP1 -> B OP1' for a pair; 'A PP10, OP7, OP10' for clauses of one draft named
    by a change across it."""
    if _across(group):
        doc, ids = (pc.a, group.a) if group.a else (pc.b, group.b)
        return f"{doc} {address.ids(ids, ', ')}"
    return address.between(pc.a, group.a, pc.b, group.b)


def key_section(comparison: Comparison, ci: int = 0) -> SectionView:
    """Comparison ``ci`` with its key differences and verdict but no rows: what a face
    that shows the whole text its own way (the Word file) takes from the reports."""
    pc = comparison.comparisons[ci]
    labels = comparison.matrix.labels if comparison.matrix else {}
    keys = _key_items(ci, pc, pc.changes, (set(), set()), labels)
    return SectionView(
        anchor=f"c{ci + 1}",
        comparison=pc,
        a=comparison.document(pc.a),
        b=comparison.document(pc.b),
        keys=keys,
        items=(),
        shown=0,
        total=len(_all_pairs(pc)),
        changes=len(pc.changes),
    )


def _section(
    ci: int, comparison: Comparison, pc: PairwiseComparison, options: ReportOptions
) -> SectionView:
    a, b = comparison.document(pc.a), comparison.document(pc.b)
    topics = set(options.topics)
    changes = [ch for ch in pc.changes if not topics or ch.topic in topics or ch.related in topics]
    focus = _Focus(
        options,
        comparison.signals.get(pc.a, {}),
        comparison.signals.get(pc.b, {}),
        _named_ids(pc.changes),
        _named_ids(changes) if topics else (set(), set()),
    )
    flat = _all_pairs(pc)
    show = _shown(flat, focus)
    on = [pair for (pair, _), kept in zip(flat, show, strict=True) if kept]
    shown = (set().union(*(p.a for p in on)), set().union(*(p.b for p in on)))
    labels = comparison.matrix.labels if comparison.matrix else {}
    keys = _key_items(ci, pc, changes, shown, labels)
    items = _items(
        ci,
        pc,
        flat,
        show,
        (clause_texts(a), clause_texts(b)),
        keys,
        (focus.signals_a, focus.signals_b),
    )
    return SectionView(
        anchor=f"c{ci + 1}",
        comparison=pc,
        a=a,
        b=b,
        keys=keys,
        items=tuple(items),
        shown=sum(show),
        total=len(flat),
        changes=len(changes),
        amendments=_amendments(comparison, pc) if options.amendments else None,
    )


def _amendments(comparison: Comparison, pc: PairwiseComparison) -> AmendmentList:
    from resdiff.amend.write import amendments  # only when asked: it loads the grammar

    return amendments(comparison, pc)


def _filters(options: ReportOptions) -> str:
    parts = []
    if options.show_all:
        parts.append("all clauses")
    elif not options.only and not options.topics:
        parts.append(f"changed clauses with {options.context} unchanged around each")
    if options.only == "changed":
        parts.append("only changed clauses")
    elif options.only == "signals":
        parts.append("only clauses with changes in substance")
    if options.topics:
        parts.append("topic " + ", ".join(options.topics))
    return "; ".join(parts)


def _matrix(matrix: PositionsMatrix | None, topics: Sequence[str]) -> PositionsMatrix | None:
    if matrix is None or not matrix.topics:
        return None
    if not topics:
        return matrix
    kept = tuple(t for t in matrix.topics if t in topics)
    if not kept:
        return None
    return PositionsMatrix(
        topics=kept,
        labels=matrix.labels,
        documents=matrix.documents,
        cells={k: v for k, v in matrix.cells.items() if k[0] in kept},
    )


def build_view(comparison: Comparison, options: ReportOptions) -> ReportView:
    """Decide what every format shows; raises ``ResdiffError`` for an unknown topic."""
    check_topics(comparison, options.topics)
    if options.context < 0:
        raise ResdiffError("--context must be 0 or more")
    return ReportView(
        comparison=comparison,
        documents=comparison.documents,
        sections=tuple(
            _section(i, comparison, pc, options) for i, pc in enumerate(comparison.comparisons)
        ),
        matrix=_matrix(comparison.matrix, options.topics),
        topics=options.topics,
        filters=_filters(options),
    )


def document_facts(
    doc: Document, *, title: bool = False, warnings: bool = False
) -> tuple[tuple[str, str], ...]:
    """What a report says about one draft, as (field, value) rows; ``title`` adds a
    Title row and ``warnings`` a Warnings row (asked for when any of the drafts compared
    has one)."""
    clauses = sum(1 for _ in doc.walk())
    rows = [
        ("Symbol", doc.symbol or "-"),
        ("Date", doc.date or "-"),
        ("Sponsors", ", ".join(doc.sponsors) or "-"),
        ("Author", doc.author or "-"),
    ]
    if title:
        rows.append(("Title", doc.title or "-"))
    rows += [
        ("Source", doc.source),
        ("Structure", f"{doc.parse.structure}: {doc.parse.note}"),
        ("Clauses", str(clauses)),
    ]
    if warnings:
        rows.append(("Warnings", "; ".join(doc.warnings) or "-"))
    return tuple(rows)


def documents_facts(docs: Sequence[Document]) -> list[tuple[tuple[str, str], ...]]:
    """``document_facts`` for every draft, with the same rows for all."""
    title = any(d.title for d in docs)
    warnings = any(d.warnings for d in docs)
    return [document_facts(d, title=title, warnings=warnings) for d in docs]
