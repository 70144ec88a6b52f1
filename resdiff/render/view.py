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
from typing import Literal

from resdiff.errors import ResdiffError
from resdiff.model import (
    HEADER_ID,
    Change,
    ClausePair,
    ClauseSignals,
    Comparison,
    Document,
    PairwiseComparison,
    PositionsMatrix,
    Run,
)
from resdiff.present import address, counts
from resdiff.present.changes import own_change, pair_notes
from resdiff.present.segments import (
    Segment,
    Side,
    clause_texts,
    inline_segments,
    reflow,
    side_segments,
    squeeze,
)


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

    @property
    def selects(self) -> bool:
        """True when the reader narrowed what is shown (not the default context)."""
        return self.context != 1 or self.only is not None or bool(self.topics)


@dataclass(frozen=True, slots=True)
class PairRow:
    """One aligned pair as a report line: address, status, notes and its diff."""

    pair: ClausePair
    depth: int
    anchor: str
    address: str
    status: str
    notes: tuple[str, ...]
    changed: bool

    runs: tuple[Run, ...] = ()

    @property
    def segments(self) -> tuple[Segment, ...]:
        return inline_segments(self.pair, self.runs)

    def side(self, side: Side) -> tuple[Segment, ...]:
        return side_segments(self.pair, side, self.runs)

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
class ChangeItem:
    """A ranked change, where it is ("A OP1 -> B OP1") and the shown pair it links to."""

    change: Change
    anchor: str | None
    address: str = ""


@dataclass(frozen=True, slots=True)
class SectionView:
    """One pairwise comparison (base ``a`` against ``b``) as a report section."""

    anchor: str
    comparison: PairwiseComparison
    a: Document
    b: Document
    changes: tuple[ChangeItem, ...]
    items: tuple[PairRow | Gap, ...]
    shown: int
    total: int

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
        """(document id, clause id) -> anchor of the first shown pair holding that clause."""
        found: dict[tuple[str, str], str] = {}
        for s in self.sections:
            for row in s.rows():
                for cid in row.pair.a:
                    found.setdefault((s.a.id, cid), row.anchor)
                for cid in row.pair.b:
                    found.setdefault((s.b.id, cid), row.anchor)
        return found


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
) -> list[PairRow | Gap]:
    """Shown pairs as rows, the pairs between them as gaps."""
    items: list[PairRow | Gap] = []
    hidden = hidden_changed = hidden_depth = 0
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
        items.append(
            PairRow(
                pair=pair,
                depth=depth,
                anchor=f"c{ci + 1}-p{i + 1}",
                address=address.between(pc.a, pair.a, pc.b, pair.b),
                status=pair.status,
                notes=pair_notes(pair),
                changed=own_change(pair),
                runs=squeeze(pair.diff) if pair.a == (HEADER_ID,) else reflow(pair, *texts),
            )
        )
    if hidden:
        items.append(Gap(hidden, hidden_changed, hidden_depth))
    return items


def _change_items(
    pc: PairwiseComparison, changes: Sequence[Change], items: Sequence[PairRow | Gap]
) -> tuple[ChangeItem, ...]:
    """Each change with its address and the first shown pair naming one of its clauses."""
    by_id: dict[tuple[int, str], tuple[int, str]] = {}
    for n, row in enumerate(i for i in items if isinstance(i, PairRow)):
        for cid in row.pair.a:
            by_id.setdefault((0, cid), (n, row.anchor))
        for cid in row.pair.b:
            by_id.setdefault((1, cid), (n, row.anchor))

    def anchor_for(change: Change) -> str | None:
        found = [by_id[(0, c)] for c in change.a if (0, c) in by_id]
        found += [by_id[(1, c)] for c in change.b if (1, c) in by_id]
        return min(found)[1] if found else None

    return tuple(
        ChangeItem(ch, anchor_for(ch), address.between(pc.a, ch.a, pc.b, ch.b)) for ch in changes
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
    items = _items(ci, pc, flat, show, (clause_texts(a), clause_texts(b)))
    return SectionView(
        anchor=f"c{ci + 1}",
        comparison=pc,
        a=a,
        b=b,
        changes=_change_items(pc, changes, items),
        items=tuple(items),
        shown=sum(show),
        total=len(flat),
    )


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
