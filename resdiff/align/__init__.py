"""Clause alignment: which clause(s) of draft ``a`` became which of draft ``b``.

``align`` pairs the top-level clauses (every clause of each side lands in exactly one
pair), then the sub-paragraphs within each aligned pair, recursively. Matching is by
content words (TF-IDF over both drafts), never by numbers or labels, so renumbering is
no change. See docs/alignment.md for the method and every threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.align.match import Pairing, match_sequences
from resdiff.align.params import DEFAULT, AlignParams
from resdiff.align.terms import ClauseTerms, Idf, clause_terms, full_terms, sequence_terms
from resdiff.diff import diff_texts
from resdiff.model import (
    HEADER_ID,
    Clause,
    ClauseKind,
    ClausePair,
    CompareOptions,
    Document,
    PairStatus,
    Run,
)
from resdiff.subsequence import increasing_subsequence

__all__ = ["DEFAULT", "AlignParams", "align", "align_footnotes", "align_header"]


def align(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    params: AlignParams = DEFAULT,
) -> tuple[ClausePair, ...]:
    """Pairs of clauses of ``a`` and ``b``, in reading order of ``b`` (removed clauses
    where they stood in ``a``)."""
    return _Aligner(a.clauses, b.clauses, options or CompareOptions(), params).pairs()


def align_footnotes(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    params: AlignParams = DEFAULT,
) -> tuple[ClausePair, ...]:
    """The footnotes of ``a`` and ``b`` paired as clauses are (by content, so a note
    renumbered is no change), in reading order of ``b``."""
    if not a.footnotes and not b.footnotes:
        return ()
    return _Aligner(a.footnotes, b.footnotes, options or CompareOptions(), params).pairs()


def align_header(a: Document, b: Document, options: CompareOptions | None = None) -> ClausePair:
    """The two header blocks as one pair (``HEADER_ID`` on both sides), word-diffed as
    one text each: ``unchanged`` when they differ only in what the options ignore."""
    text_a, text_b = a.header.slice(a.text), b.header.slice(b.text)
    if text_a == text_b:
        diff: tuple[Run, ...] = (Run("=", text_a),) if text_a else ()
    else:
        diff = diff_texts(text_a, text_b, options or CompareOptions())
    same = all(r.op == "=" or r.minor for r in diff)
    return ClausePair(
        a=(HEADER_ID,),
        b=(HEADER_ID,),
        status="unchanged" if same else "modified",
        moved=False,
        similarity=_similarity(diff),
        diff=diff,
    )


class _Aligner:
    """One alignment: keeps the IDF of both drafts so that sub-paragraphs, aligned level
    by level inside their parents, weigh words as the whole drafts do."""

    def __init__(
        self,
        a: Sequence[Clause],
        b: Sequence[Clause],
        options: CompareOptions,
        params: AlignParams,
    ) -> None:
        self.a, self.b = a, b
        self.options, self.params = options, params
        seq_a, seq_b = sequence_terms(tuple(a)), sequence_terms(tuple(b))
        self.idf = Idf.of_sequences(seq_a, seq_b)
        self._top = (
            [_terms(s, c, self.idf) for s, c in zip(seq_a.stems, a, strict=True)],
            [_terms(s, c, self.idf) for s, c in zip(seq_b.stems, b, strict=True)],
        )

    def pairs(self) -> tuple[ClausePair, ...]:
        return self._level(self.a, self.b, *self._top)

    def _level(
        self,
        a: Sequence[Clause],
        b: Sequence[Clause],
        ta: Sequence[ClauseTerms],
        tb: Sequence[ClauseTerms],
    ) -> tuple[ClausePair, ...]:
        units = match_sequences(ta, tb, self.idf, self.params)
        in_order = set(increasing_subsequence([u.b[0] for u in units]))
        moved = {k for k in range(len(units)) if k not in in_order}
        out: list[ClausePair] = []
        for item in _reading_order(units, moved, len(a), len(b)):
            if isinstance(item, tuple):
                side, idx = item
                out.append(self._single(a[idx] if side == "a" else b[idx], side))
            else:
                k = item
                out.append(self._pair(units[k], a, b, k in moved))
        return tuple(out)

    def _children(self, a: Sequence[Clause], b: Sequence[Clause]) -> tuple[ClausePair, ...]:
        if not a and not b:
            return ()
        ta = [_terms(full_terms(c), c, self.idf) for c in a]
        tb = [_terms(full_terms(c), c, self.idf) for c in b]
        return self._level(a, b, ta, tb)

    def _single(self, clause: Clause, side: str) -> ClausePair:
        """An added (side ``b``) or removed (side ``a``) clause, with its sub-paragraphs."""
        children = tuple(self._single(c, side) for c in clause.children)
        if side == "a":
            diff = self._diff(clause.text, "")
            return ClausePair((clause.id,), (), "removed", False, 0.0, diff, children)
        diff = self._diff("", clause.text)
        return ClausePair((), (clause.id,), "added", False, 0.0, diff, children)

    def _pair(
        self, unit: Pairing, a: Sequence[Clause], b: Sequence[Clause], moved: bool
    ) -> ClausePair:
        ca = [a[i] for i in unit.a]
        cb = [b[j] for j in unit.b]
        text_a = "\n".join(c.text for c in ca)
        text_b = "\n".join(c.text for c in cb)
        diff = self._diff(text_a, text_b)
        children = self._children(
            [ch for c in ca for ch in c.children], [ch for c in cb for ch in c.children]
        )
        status: PairStatus
        if len(ca) > 1:
            status = "merged"
        elif len(cb) > 1:
            status = "split"
        elif all(r.op == "=" or r.minor for r in diff) and not any(ch.changed for ch in children):
            status = "unchanged"
        else:
            # A paragraph whose chapeau is intact but whose sub-paragraphs changed is,
            # to a reader, a modified paragraph: counts and summaries must say so.
            status = "modified"
        return ClausePair(
            a=tuple(c.id for c in ca),
            b=tuple(c.id for c in cb),
            status=status,
            moved=moved,
            similarity=_similarity(diff),
            diff=diff,
            children=children,
            kind_change=_kind_change(ca[0].kind, cb[0].kind),
        )

    def _diff(self, x: str, y: str) -> tuple[Run, ...]:
        if x == y:
            return (Run("=", x),) if x else ()
        return diff_texts(x, y, self.options, self.params)


def _terms(stems: Sequence[str], clause: Clause, idf: Idf) -> ClauseTerms:
    return clause_terms(stems, idf, opens=clause.opener is not None)


def _kind_change(x: ClauseKind, y: ClauseKind) -> tuple[ClauseKind, ClauseKind] | None:
    return None if x == y else (x, y)


def _similarity(diff: Sequence[Run]) -> float:
    """Share of both texts' characters kept (a minor couple counts as kept): 1.0 for two
    equal texts, 0.0 for nothing in common."""
    total = sum(len(r.text) for r in diff) + sum(len(r.text) for r in diff if r.op == "=")
    kept = sum(
        2 * len(r.text) if r.op == "=" else len(r.text) for r in diff if r.op == "=" or r.minor
    )
    return 1.0 if total == 0 else kept / total


def _reading_order(
    units: Sequence[Pairing], moved: set[int], na: int, nb: int
) -> list[int | tuple[str, int]]:
    """Units (by index) and lone clauses (``("a", i)`` removed, ``("b", j)`` added) in
    the order of ``b``; a removed clause comes where it stood relative to unmoved pairs."""
    used_a = {i for u in units for i in u.a}
    used_b = {j for u in units for j in u.b}
    by_b: list[tuple[int, int | tuple[str, int]]] = [(u.b[0], k) for k, u in enumerate(units)]
    by_b += [(j, ("b", j)) for j in range(nb) if j not in used_b]
    by_b.sort(key=lambda x: x[0])
    removed = [i for i in range(na) if i not in used_a]
    out: list[int | tuple[str, int]] = []
    r = 0
    for _, item in by_b:
        if isinstance(item, int) and item not in moved:
            first_a = units[item].a[0]
            while r < len(removed) and removed[r] < first_a:
                out.append(("a", removed[r]))
                r += 1
        out.append(item)
    out.extend(("a", i) for i in removed[r:])
    return out
