"""The key differences as the reports show them: one per clause pair, each with its
facets and the row it jumps to; which are listed; where the app opens.

The grouping and its words are the reports' (``render.view.key_section``, over
``signals.groups`` and ``present.keydiffs``): the app only finds each group's row and
says its line, so app and reports cannot drift apart. Groups are taken in the order
they come in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdiff.model import Comparison
from resdiff.present.escape import clean_terminal
from resdiff.render.view import KeyItem, key_section
from resdiff.tui.viewmodel.rows import Filter, Row, differences, step


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """A key difference (the reports' ``KeyItem``) and the navigator rows of its changes
    (``rows``, its lead's first)."""

    item: KeyItem
    rows: tuple[int, ...]

    @property
    def row(self) -> int | None:
        """The row it jumps to (``None`` if no clause of it has a row)."""
        return self.rows[0] if self.rows else None

    def row_among(self, shown: Sequence[Row]) -> int | None:
        """The row it jumps to when the list shows ``shown``: its first row listed, so
        walking the key differences a filter lists keeps the filter."""
        listed = {r.index for r in shown}
        return next((r for r in self.rows if r in listed), self.row)

    @property
    def number(self) -> int:
        return self.item.number

    @property
    def changes(self) -> tuple[int, ...]:
        """Its changes, as positions in ``PairwiseComparison.changes``."""
        return self.item.group.positions

    @property
    def label(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def text(self) -> str:
        """As the text report's list says it: the kind's mark and word (⇄ linkage,
        ▼ weaker...), the address and the title, safe for a terminal."""
        item = self.item
        return clean_terminal(f"{item.kind.label} {item.address}: {item.title}")

    @property
    def facets(self) -> tuple[str, ...]:
        """Its other changes, one line each (the reports' facets), safe for a terminal."""
        return tuple(clean_terminal(f) for f in self.item.facets)


def key_groups(comparison: Comparison, ci: int, rows: Sequence[Row]) -> tuple[KeyGroup, ...]:
    """Comparison ``ci``'s key differences in the reports' order, each with the rows of
    its changes."""
    where: dict[int, list[int]] = {}
    for r in rows:
        for i in r.changes:
            where.setdefault(i, []).append(r.index)
    groups = []
    for item in key_section(comparison, ci).keys:
        found = (row for i in item.group.positions for row in where.get(i, ()))
        groups.append(KeyGroup(item=item, rows=tuple(dict.fromkeys(found))))
    return tuple(groups)


def group_of_change(keys: Sequence[KeyGroup]) -> dict[int, int]:
    """Position of the key difference holding each change (by its index in
    ``PairwiseComparison.changes``)."""
    return {i: pos for pos, key in enumerate(keys) for i in key.changes}


def listed_keys(keys: Sequence[KeyGroup], shown: Sequence[Row], flt: Filter) -> tuple[int, ...]:
    """The key differences the panel lists under ``flt`` (positions): all of them, or,
    when the list is narrowed, those with a change in the clauses listed (and, with a
    topic filter, those with a change about the topic)."""
    if flt.mode == "all":
        return tuple(range(len(keys)))
    rows = {i for r in shown for i in r.changes}

    def kept(key: KeyGroup) -> bool:
        if any(i in rows for i in key.changes):
            return True
        return flt.mode == "topic" and any(c.topic == flt.value for c in key.item.group.changes)

    return tuple(pos for pos, key in enumerate(keys) if kept(key))


def opening(keys: Sequence[KeyGroup], rows: Sequence[Row]) -> tuple[int | None, int | None]:
    """Where a comparison opens: (row, key position) of the first key difference that
    has a clause; failing that, the first difference (or the first row)."""
    for position, key in enumerate(keys):
        if key.row is not None:
            return key.row, position
    first = step(differences(rows), None, True)
    if first is None and rows:
        first = rows[0].index
    return first, None
