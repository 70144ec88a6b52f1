"""What a report shows, decided once for every format.

The renderers (Markdown, HTML, text) only lay out a ``ReportView``: which pairs are
shown and which collapse into "… 5 unchanged clauses …", the addresses
("A OP3 -> B OP3 + OP4"), status words and notes, inline diff segments with minor
runs folded into B's text, and the changes and matrix rows that survive ``--topic``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from resdiff.errors import ResdiffError
from resdiff.model import (
    Change,
    ClauseKind,
    ClausePair,
    ClauseSignals,
    Comparison,
    Counts,
    Document,
    Link,
    MatrixCell,
    PairwiseComparison,
    PositionsMatrix,
    Run,
)

if TYPE_CHECKING:
    from resdiff.render import ReportOptions

SegmentOp = Literal["=", "-", "+"]
Side = Literal["a", "b"]

COUNT_FIELDS = ("unchanged", "modified", "added", "removed", "split", "merged", "moved")
_KIND_RANK: Mapping[ClauseKind, int] = {"operative": 2, "subparagraph": 2, "preambular": 1}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the inline diff as shown: minor differences already folded in."""

    op: SegmentOp
    text: str


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
    change: Change
    anchor: str | None


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
        return f"{self.a.id} {self.a.label} -> {self.b.id} {self.b.label}"

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        return counts_rows(self.comparison.counts)

    @property
    def verdict(self) -> str:
        if not self.comparison.differs:
            return f"{self.b.id} does not differ from {self.a.id}."
        c = self.comparison.counts
        parts = [f"{getattr(c, f)} {f}" for f in COUNT_FIELDS[1:] if getattr(c, f)]
        return f"{self.b.id} differs from {self.a.id}: " + ", ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class ReportView:
    comparison: Comparison
    documents: tuple[Document, ...]
    sections: tuple[SectionView, ...]
    matrix: PositionsMatrix | None
    topics: tuple[str, ...]
    filters: str


# --- diff segments -------------------------------------------------------------------


def merge_segments(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Adjacent segments of one kind joined; empty ones dropped."""
    out: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if out and out[-1].op == seg.op:
            out[-1] = Segment(seg.op, out[-1].text + seg.text)
        else:
            out.append(seg)
    return tuple(out)


_VISIBLE = str.maketrans({"\n": "¶", " ": "␣", "\t": "␣", "\u00a0": "␣"})


def shown_text(segment: Segment) -> str:
    """A deleted or inserted run that is only whitespace is shown with visible symbols
    (¶ line break, ␣ space): otherwise a real whitespace change would be invisible."""
    if segment.op != "=" and segment.text and not segment.text.strip():
        return segment.text.translate(_VISIBLE)
    return segment.text


def _boundary(segments: Sequence[Segment], k: int) -> bool:
    """Has the other side a word boundary (or an end) where marked segment ``k`` sits?"""
    mine = segments[k].op
    before = next((s.text for s in reversed(segments[:k]) if s.op != mine and s.text), "")
    after = next((s.text for s in segments[k + 1 :] if s.op != mine and s.text), "")
    return not before or not after or before[-1].isspace() or after[0].isspace()


def tidy_segments(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """Whitespace at the ends of a deleted or inserted run moves out of it, as wdiff
    shows it ("Expressing {+grave+} concern", not "{+grave +}concern"), where the other
    side has a word boundary there anyway; a moved line break becomes a space. Elsewhere
    (rare) the whitespace stays inside, so neither side gains or loses a word break."""
    segments = merge_segments(segments)
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        core = seg.text.strip()
        if seg.op == "=" or not core or core == seg.text or not _boundary(segments, k):
            out.append(seg)
            continue
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        out += [
            Segment("=", lead.replace("\n", " ")),
            Segment(seg.op, core),
            Segment("=", trail.replace("\n", " ")),
        ]
    return merge_segments(out)


def inline_segments(pair: ClausePair, runs: Sequence[Run] | None = None) -> tuple[Segment, ...]:
    """The inline diff as shown: a minor couple appears once, as B's text, unmarked;
    see ``tidy_segments`` for whitespace at the edges of changes. ``runs`` replaces
    ``pair.diff`` (e.g. reflowed by ``reflow``)."""
    segs: list[Segment] = []
    for run in pair.diff if runs is None else runs:
        if run.minor:
            if run.op != "-":
                segs.append(Segment("=", run.text))
            continue
        segs.append(Segment(run.op, run.text))
    return tidy_segments(segs)


def side_segments(
    pair: ClausePair, side: Side, runs: Sequence[Run] | None = None
) -> tuple[Segment, ...]:
    """One side's own text for side-by-side views, its differences marked."""
    drop = "+" if side == "a" else "-"
    diff = pair.diff if runs is None else runs
    segs = [Segment("=" if run.minor else run.op, run.text) for run in diff if run.op != drop]
    return merge_segments(segs)


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _joins(texts: Mapping[str, str], ids: Sequence[str]) -> set[int] | None:
    """Offsets of the line breaks that join several clauses in a pair's text."""
    joins: set[int] = set()
    pos = 0
    for cid in ids[:-1]:
        if cid not in texts:
            return None
        pos += len(texts[cid])
        joins.add(pos)
        pos += 1
    return joins


def reflow(
    pair: ClausePair, texts_a: Mapping[str, str], texts_b: Mapping[str, str]
) -> tuple[Run, ...]:
    """A line break inside a clause is layout (a hard-wrapped PDF or e-mail paste) and is
    shown as a space; the breaks that join the clauses of a split or a merge are kept.
    Display only: the model's runs stay lossless."""
    if not any("\n" in r.text for r in pair.diff):
        return pair.diff
    joins_a, joins_b = _joins(texts_a, pair.a), _joins(texts_b, pair.b)
    if joins_a is None or joins_b is None:
        return pair.diff
    out: list[Run] = []
    pa = pb = 0
    for run in pair.diff:
        text = run.text
        if "\n" in text:

            def keep(m: re.Match[str], run: Run = run, pa: int = pa, pb: int = pb) -> str:
                at = m.start() + m.group().index("\n")
                joined = (run.op != "+" and pa + at in joins_a) or (
                    run.op != "-" and pb + at in joins_b
                )
                return "\n" if joined else " "

            text = _LINE_BREAK.sub(keep, text)
        out.append(Run(run.op, text, run.minor))
        if run.op != "+":
            pa += len(run.text)
        if run.op != "-":
            pb += len(run.text)
    return tuple(out)


# --- words -----------------------------------------------------------------------------


def address(pc: PairwiseComparison, pair: ClausePair) -> str:
    """'A OP3 -> B OP3 + OP4'; an empty side reads '(none)'."""
    left = " + ".join(pair.a) or "(none)"
    right = " + ".join(pair.b) or "(none)"
    return f"{pc.a} {left} -> {pc.b} {right}"


def kind_note(kinds: tuple[ClauseKind, ClauseKind]) -> str:
    before, after = kinds
    note = f"{before} -> {after}"
    ra, rb = _KIND_RANK.get(before, 0), _KIND_RANK.get(after, 0)
    if ra and rb and ra != rb:
        note += " (demoted)" if ra > rb else " (promoted)"
    return note


def pair_notes(pair: ClausePair) -> tuple[str, ...]:
    notes: list[str] = []
    if pair.moved:
        notes.append("moved")
    if pair.kind_change is not None:
        notes.append("kind: " + kind_note(pair.kind_change))
    if (
        pair.status in ("unchanged", "modified")
        and len(pair.a) == len(pair.b) == 1
        and pair.a != pair.b
        and pair.kind_change is None
        and not pair.moved
    ):
        notes.append("renumbered")
    return tuple(notes)


def own_change(pair: ClausePair) -> bool:
    """Changed in itself (not only through its sub-paragraphs)."""
    return pair.status != "unchanged" or pair.moved or pair.kind_change is not None


def counts_rows(counts: Counts) -> tuple[tuple[str, int], ...]:
    return tuple((f, int(getattr(counts, f))) for f in COUNT_FIELDS)


def verb_text(cell: MatrixCell) -> str:
    return cell.verb.text if cell.verb else "(no verb)"


def link_text(link: Link, labels: Mapping[str, str]) -> str:
    a, b = (labels.get(t, t) for t in link.topics)
    return f"{link.relation}: {a} / {b} ({link.cue})"


def cell_parts(cell: MatrixCell | None, labels: Mapping[str, str]) -> list[str]:
    """One matrix cell as short phrases: verb (clauses), qualifiers, then each link."""
    if cell is None:
        return ["not mentioned"]
    parts = [f"{verb_text(cell)} ({', '.join(cell.clauses)})" if cell.clauses else verb_text(cell)]
    if cell.qualifiers:
        parts.append(", ".join(cell.qualifiers))
    parts.extend(link_text(x, labels) for x in cell.links)
    return parts


def cell_text(cell: MatrixCell | None, labels: Mapping[str, str]) -> str:
    return "; ".join(cell_parts(cell, labels))


def change_tag(change: Change) -> str:
    """'linkage', 'verb-strength, stronger'..."""
    return change.kind + (f", {change.direction}" if change.direction else "")


# --- selection ---------------------------------------------------------------------------


def _flatten(pairs: Sequence[ClausePair], depth: int = 0) -> Iterator[tuple[ClausePair, int]]:
    for p in pairs:
        yield p, depth
        yield from _flatten(p.children, depth + 1)


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


def _section(
    ci: int, comparison: Comparison, pc: PairwiseComparison, options: ReportOptions
) -> SectionView:
    a, b = comparison.document(pc.a), comparison.document(pc.b)
    sig_a = comparison.signals.get(pc.a, {})
    sig_b = comparison.signals.get(pc.b, {})
    topics = set(options.topics)
    changes = [ch for ch in pc.changes if not topics or ch.topic in topics or ch.related in topics]
    flat = list(_flatten(pc.pairs))
    texts_a = {c.id: c.text for c in a.walk()}
    texts_b = {c.id: c.text for c in b.walk()}

    # Clause ids named by changes (all, and those about the chosen topics), per side.
    named = _named_ids(pc.changes)
    named_topic = _named_ids(changes) if topics else (set(), set())

    def focus(pair: ClausePair) -> bool:
        if options.only == "changed" and not own_change(pair):
            return False
        if options.only == "signals" and not _names(named, pair):
            return False
        if topics:
            mentioned = set().union(
                *(_topic_ids(sig_a.get(i)) for i in pair.a),
                *(_topic_ids(sig_b.get(i)) for i in pair.b),
            )
            if not (mentioned & topics or _names(named_topic, pair)):
                return False
        if options.show_all or options.only or topics:
            return True
        return own_change(pair)

    show = [focus(p) for p, _ in flat]
    if not (options.show_all or options.only or topics) and options.context > 0:
        near = [False] * len(flat)
        for i, hit in enumerate(show):
            if hit:
                lo, hi = max(0, i - options.context), min(len(flat), i + options.context + 1)
                for j in range(lo, hi):
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

    items: list[PairRow | Gap] = []
    hidden = hidden_changed = hidden_depth = 0
    anchors: dict[int, str] = {}
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
        anchor = f"c{ci + 1}-p{i + 1}"
        anchors[id(pair)] = anchor
        items.append(
            PairRow(
                pair=pair,
                depth=depth,
                anchor=anchor,
                address=address(pc, pair),
                status=pair.status,
                notes=pair_notes(pair),
                changed=own_change(pair),
                runs=reflow(pair, texts_a, texts_b),
            )
        )
    if hidden:
        items.append(Gap(hidden, hidden_changed, hidden_depth))

    # First shown pair naming each clause id, per side: changes link to it.
    by_id: dict[tuple[int, str], str] = {}
    for pair, _ in flat:
        shown_at = anchors.get(id(pair))
        if shown_at is not None:
            for cid in pair.a:
                by_id.setdefault((0, cid), shown_at)
            for cid in pair.b:
                by_id.setdefault((1, cid), shown_at)

    def anchor_for(change: Change) -> str | None:
        found = [by_id[(0, c)] for c in change.a if (0, c) in by_id]
        found += [by_id[(1, c)] for c in change.b if (1, c) in by_id]
        return min(found, key=lambda x: int(x.rsplit("p", 1)[1])) if found else None

    return SectionView(
        anchor=f"c{ci + 1}",
        comparison=pc,
        a=a,
        b=b,
        changes=tuple(ChangeItem(ch, anchor_for(ch)) for ch in changes),
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


def document_facts(doc: Document, *, title: bool = False) -> tuple[tuple[str, str], ...]:
    """What a report says about one draft, as (field, value) rows; ``title`` adds a
    Title row (asked for when any of the drafts compared has one)."""
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
    return tuple(rows)


def documents_facts(docs: Sequence[Document]) -> list[tuple[tuple[str, str], ...]]:
    """``document_facts`` for every draft, with the same rows for all."""
    title = any(d.title for d in docs)
    return [document_facts(d, title=title) for d in docs]
