"""The key differences: ranked, each with its row; which are listed; where the app opens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdiff.model import (
    Change,
    PairwiseComparison,
)
from resdiff.present.escape import clean_terminal
from resdiff.present.keydiffs import change_kind
from resdiff.tui.viewmodel.rows import Filter, Row, differences, step


@dataclass(frozen=True, slots=True)
class KeyChange:
    """A ranked change and the navigator row it jumps to (``None`` if no clause matches)."""

    rank: int
    change: Change
    row: int | None
    index: int = 0  # position in ``PairwiseComparison.changes``

    @property
    def label(self) -> str:
        return f"{self.rank}. {self.text}"

    @property
    def text(self) -> str:
        """The kind's mark (the reports' legend: ⇄ linkage, ▼ weaker...) and the summary,
        safe for a terminal."""
        return clean_terminal(f"{change_kind(self.change).mark} {self.change.summary}")


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
