"""The writer: the amendment list that turns draft ``a`` into draft ``b``.

It reads the comparison only (aligned pairs and their word runs; it never diffs again)
and addresses paragraphs by ``a``'s numbering as printed. Per level of the clause tree
(the paragraphs, then the sub-paragraphs of each), every clause of ``b`` is either a
clause of ``a`` that stays in place (an anchor), or is *placed*: new, moved, or from a
paragraph that changed kind (deleted, then inserted as the new kind). A placed clause
goes after the anchor before it (or before the anchor after it), and several placed at
one anchor keep the order of the instructions. Word edits come from the runs
(``quoting``); a pair below the rewrite threshold is one "replace" instruction. A split
keeps the first part in the paragraph and inserts the others; a merge appends the later
paragraphs' text to the first and deletes them.

The header and the footnotes are deliberately not amended: UN amendments address
paragraphs, so the header's pair and the footnote pairs of a comparison are left out
(the amended draft keeps the tabled draft's header and footnotes).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from resdiff.align.params import DEFAULT, AlignParams
from resdiff.align.rewrite import is_rewritten
from resdiff.amend.address import address_of
from resdiff.amend.model import Amendment, AmendmentList, AmendOp, Position, Target
from resdiff.amend.phrase import phrase
from resdiff.amend.quoting import Hunk, paragraph_edits
from resdiff.amend.read import parse_instruction
from resdiff.amend.words import WordEdit, canonical
from resdiff.model import Clause, ClauseKind, ClausePair, Comparison, Document, PairwiseComparison


@dataclass(slots=True)
class _Item:
    """One clause of a level: kept (``a`` becomes ``b``), new (``b`` only) or gone."""

    key: float
    a: Clause | None
    b: Clause | None
    moved: bool = False
    pair: ClausePair | None = None
    hunks: list[Hunk] | None = None  # own-text edits, for a kept clause
    children: list[_Item] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Step:
    op: AmendOp
    target: Target
    old: str | None = None
    new: str | None = None
    destination: Target | None = None
    kind: ClauseKind | None = None


def amendments(comparison: Comparison, pairwise: PairwiseComparison | None = None) -> AmendmentList:
    """The amendments turning the base draft into the other one of ``pairwise`` (by
    default the first comparison)."""
    pc = pairwise or comparison.comparisons[0]
    return write_amendments(comparison.document(pc.a), comparison.document(pc.b), pc)


def write_amendments(
    a: Document, b: Document, pc: PairwiseComparison, params: AlignParams = DEFAULT
) -> AmendmentList:
    # pc.pairs only: the header's pair and pc.footnotes are not amended (see above).
    steps = _Writer(a, b, params).level(_items(pc.pairs, _Index(a, b)), None)
    out = []
    for number, step in enumerate(steps, start=1):
        out.append(
            Amendment(
                number=number,
                op=step.op,
                target=step.target,
                old=step.old,
                new=step.new,
                instruction=phrase(
                    step.op, step.target, step.old, step.new, step.destination, step.kind
                ),
                destination=step.destination,
                kind=step.kind,
            )
        )
    return AmendmentList(draft=a.label, amendments=tuple(out), result=b.label)


class _Index:
    """Clauses of both drafts by id, with each one's position among its siblings."""

    def __init__(self, a: Document, b: Document) -> None:
        self.a = {c.id: c for c in a.walk()}
        self.b = {c.id: c for c in b.walk()}
        self.parent_a = _parents(a)
        self.parent_b = _parents(b)
        self.pos_b: dict[str, int] = {}
        for siblings in [b.clauses, *(c.children for c in b.walk())]:
            for k, c in enumerate(siblings):
                self.pos_b[c.id] = k


def _parents(doc: Document) -> dict[str, str | None]:
    out: dict[str, str | None] = {c.id: None for c in doc.clauses}
    for c in doc.walk():
        for child in c.children:
            out[child.id] = c.id
    return out


# --- items: what happens to each clause of a level ---------------------------------------


def _items(
    pairs: Sequence[ClausePair], ix: _Index, host: tuple[str, str] | None = None
) -> list[_Item]:
    """The items of one level, in the reading order of ``b`` (gone ones where they
    stood). ``host`` (a parent's id in a, in b) keeps only the children of that parent:
    under a split or merge, sub-paragraphs that change parent are deleted and inserted."""
    items: list[_Item] = []
    last = -1.0
    for p in pairs:
        a_ids = [i for i in p.a if host is None or ix.parent_a.get(i) == host[0]]
        b_ids = [j for j in p.b if host is None or ix.parent_b.get(j) == host[1]]
        whole = len(a_ids) == len(p.a) and len(b_ids) == len(p.b)
        keys = [float(ix.pos_b[j]) for j in b_ids]
        if keys:
            last = keys[0]
        gone_key = keys[0] - 0.25 if keys else last + 0.5
        kept = whole and a_ids and b_ids and p.kind_change is None
        if kept and (len(a_ids) == 1 or len(b_ids) == 1):
            items.append(_kept(p, ix, keys[0]))
            items += [_Item(keys[0] + 0.25, ix.a[i], None) for i in a_ids[1:]]
            items += [_Item(k, None, ix.b[j]) for j, k in zip(b_ids[1:], keys[1:], strict=True)]
            continue
        items += [_Item(gone_key, ix.a[i], None) for i in a_ids]
        items += [_Item(k, None, ix.b[j]) for j, k in zip(b_ids, keys, strict=True)]
    items.sort(key=lambda it: it.key)
    return items


def _kept(p: ClausePair, ix: _Index, key: float) -> _Item:
    a, b = ix.a[p.a[0]], ix.b[p.b[0]]
    hunks = _own_hunks(p, ix)
    children = _items(p.children, ix, None if len(p.a) == len(p.b) == 1 else (a.id, b.id))
    return _Item(key, a, b, p.moved, p, hunks, children)


def _raw_hunks(p: ClausePair) -> list[tuple[int, int, int, int]]:
    """Changed stretches of a pair's runs as ``(a0, a1, b0, b1)`` offsets into its
    joined texts; minor runs (what the options ignore) count as unchanged."""
    out: list[tuple[int, int, int, int]] = []
    at_a = at_b = 0
    open_: list[int] | None = None
    for run in p.diff:
        n = len(run.text)
        if run.op == "=" or run.minor:
            if open_ is not None:
                out.append((open_[0], at_a, open_[1], at_b))
                open_ = None
            at_a += n if run.op != "+" else 0
            at_b += n if run.op != "-" else 0
            continue
        if open_ is None:
            open_ = [at_a, at_b]
        if run.op == "-":
            at_a += n
        else:
            at_b += n
    if open_ is not None:
        out.append((open_[0], at_a, open_[1], at_b))
    return out


def _map_offset(p: ClausePair, offset: int, side: str) -> int:
    """The offset on the other side matching ``offset`` of ``side`` (inside a changed
    run: where that run starts on the other side)."""
    at_a = at_b = 0
    for run in p.diff:
        n = len(run.text)
        here, there = (at_a, at_b) if side == "a" else (at_b, at_a)
        on_side = run.op == "=" or run.op == ("-" if side == "a" else "+")
        if on_side and here <= offset <= here + n:
            return there + (offset - here if run.op == "=" else 0)
        at_a += n if run.op != "+" else 0
        at_b += n if run.op != "-" else 0
    return at_b if side == "a" else at_a


def _own_hunks(p: ClausePair, ix: _Index) -> list[Hunk]:
    """Edits of the kept clause's own text: all of them for a 1-1 pair; for a split, those
    making the first part (the rest of the text goes); for a merge, those of the first
    paragraph, plus the later paragraphs' text added at its end."""
    raw = _raw_hunks(p)
    text_b = p.text_b()
    if len(p.a) == len(p.b) == 1:
        return [Hunk(a0, a1, text_b[b0:b1]) for a0, a1, b0, b1 in raw]
    split = len(p.b) > 1
    limit = len(ix.b[p.b[0]].text) if split else len(ix.a[p.a[0]].text)
    side = 2 if split else 0  # which offsets the limit applies to (b for a split)
    before = [h for h in raw if h[side + 1] <= limit and h[side] < limit]
    cut = next((h for h in raw if h[side] <= limit < h[side + 1]), None)
    if cut is not None:
        a_cut, b_from = cut[0], cut[2]
    elif split:
        a_cut, b_from = _map_offset(p, limit, "b"), limit
    else:
        a_cut, b_from = limit, _map_offset(p, limit, "a")
    before = [h for h in before if h[1] <= a_cut and h[3] <= b_from]
    hunks = [Hunk(a0, a1, text_b[b0:b1]) for a0, a1, b0, b1 in before]
    end_a = len(ix.a[p.a[0]].text)
    tail = Hunk(a_cut, end_a, text_b[b_from:limit] if split else text_b[b_from:])
    if tail.start < tail.end or canonical(tail.new):
        hunks.append(tail)
    return hunks


# --- steps: the instructions, level by level ---------------------------------------------


class _Writer:
    def __init__(self, a: Document, b: Document, params: AlignParams) -> None:
        self.a, self.b, self.params = a, b, params

    def target(self, clause_id: str, position: Position = "in") -> Target:
        return Target(clause_id, address_of(self.a, clause_id), position)

    def level(self, items: list[_Item], parent: str | None) -> list[_Step]:
        places = self._places(items, parent)
        steps: list[_Step] = []
        pending: list[_Item] = []  # consecutive new clauses at one place: one insertion

        def flush() -> None:
            if pending:
                steps.append(self._insertion(pending, places[id(pending[0])]))
                pending.clear()

        for item in items:
            if item.a is None and item.b is not None:
                place = places[id(item)]
                first = pending[0].b if pending else None
                if first is not None and (
                    places[id(pending[0])] != place or first.kind != item.b.kind
                ):
                    flush()
                pending.append(item)
                continue
            flush()
            if item.b is None and item.a is not None:
                steps.append(_Step("delete-paragraph", self.target(item.a.id), old=block(item.a)))
                continue
            steps += self._kept(item, places.get(id(item)))
        flush()
        return steps

    def _places(self, items: list[_Item], parent: str | None) -> dict[int, Target]:
        """Where each placed clause goes: after the anchor before it (while it is of that
        anchor's kind), else before the anchor after it, else at the end of the parent."""
        seq = [it for it in items if it.b is not None]
        anchors = [k for k, it in enumerate(seq) if it.a is not None and not it.moved]
        out: dict[int, Target] = {}
        bounds = [-1, *anchors, len(seq)]
        for lo, hi in itertools.pairwise(bounds):
            gap = seq[lo + 1 : hi]
            if not gap:
                continue
            x = seq[lo].a if lo >= 0 else None
            y = seq[hi].a if hi < len(seq) else None
            for k, it in enumerate(gap):
                prefix = x is not None and all(g.b and g.b.kind == x.kind for g in gap[: k + 1])
                if x is not None and (prefix or y is None):
                    out[id(it)] = self.target(x.id, "after")
                elif y is not None:
                    out[id(it)] = self.target(y.id, "before")
                elif parent is not None:
                    out[id(it)] = self.target(parent, "end")
                else:
                    out[id(it)] = Target(None, "", "end")
        return out

    def _insertion(self, items: list[_Item], place: Target) -> _Step:
        paragraphs = [block(it.b) for it in items if it.b is not None]
        kind = items[0].b.kind if items[0].b is not None else None
        return _Step("insert-paragraph", place, new="\n\n".join(paragraphs), kind=kind)

    def _kept(self, item: _Item, place: Target | None) -> list[_Step]:
        assert item.a is not None and item.b is not None and item.pair is not None
        a, b, pair = item.a, item.b, item.pair
        steps: list[_Step] = []
        if item.moved and place is not None:
            steps.append(_Step("move-paragraph", self.target(a.id), destination=place))
        hunks = item.hunks or []
        if not hunks:
            return steps + self.level(item.children, a.id)
        edits = None
        if not is_rewritten(pair, self.params):
            edits = paragraph_edits(a.text, hunks)
        words = [self._word_step(a, e) for e in edits or []]
        if edits is None or not all(_reads_back(s) for s in words):
            steps.append(_Step("replace-paragraph", self.target(a.id), old=block(a), new=block(b)))
            return steps
        return steps + words + self.level(item.children, a.id)

    def _word_step(self, a: Clause, edit: WordEdit) -> _Step:
        quoted = canonical(a.text[edit.start : edit.end])
        target = self.target(a.id)
        if edit.how == "replace":
            return _Step("replace-words", target, old=quoted, new=edit.new)
        if edit.how == "delete":
            return _Step("delete-words", target, old=quoted)
        words = quoted if edit.how in ("after", "before") else None
        where = Target(a.id, target.address, edit.how, words)
        return _Step("insert-words", where, new=edit.new)


def _reads_back(step: _Step) -> bool:
    """Whether the reader reads the instruction as written back as this very step (quoted
    text holding quote marks could read otherwise)."""
    sentence = phrase(step.op, step.target, step.old, step.new, step.destination, step.kind)
    try:
        (back,) = parse_instruction(1, sentence)
    except ValueError:
        return False
    return (back.op, back.target.position, back.target.words, back.old, back.new) == (
        step.op,
        step.target.position,
        step.target.words,
        step.old,
        step.new,
    ) and back.target.address == step.target.address


def block(clause: Clause) -> str:
    """A paragraph as quoted in an instruction: its text on the first line (a heading's
    or an unnumbered paragraph's label kept), each sub-paragraph on a line of its own
    with its label."""
    first = canonical(clause.text)
    if clause.kind in ("heading", "other") and clause.label:
        first = canonical(f"{clause.label} {clause.text}")
    lines = [first]
    for child in clause.children:
        for sub in child.walk():
            lines.append(canonical(f"{sub.label or ''} {sub.text}"))
    return "\n".join(lines)
