"""How many pairs changed, worded once for every face (reports, the app's status line).

A comparison counts its paragraphs (top-level pairs) and its sub-paragraphs apart
(``PairwiseComparison.counts`` and ``sub_counts``). The sentence names both levels, so
"3 modified, 1 added" can never hide a removed sub-paragraph, and says plainly which
level each number counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.model import Counts, PairwiseComparison

#: Every count, in the order the faces show them.
FIELDS = ("unchanged", "modified", "added", "removed", "split", "merged", "moved")
#: The counts that are differences (all but ``unchanged``).
CHANGE_FIELDS = FIELDS[1:]


@dataclass(frozen=True, slots=True)
class Level:
    """The counts of one level: ``name`` is "paragraphs" or "sub-paragraphs"."""

    name: str
    counts: Counts

    @property
    def rows(self) -> tuple[tuple[str, int], ...]:
        """(status, number) for every field, zeros included (for tables)."""
        return tuple((f, int(getattr(self.counts, f))) for f in FIELDS)

    @property
    def changed(self) -> tuple[tuple[str, int], ...]:
        """(status, number) for the differences only, zeros left out."""
        return tuple((f, n) for f, n in self.rows if f != "unchanged" and n)

    @property
    def total(self) -> int:
        c = self.counts
        return c.unchanged + c.modified + c.added + c.removed + c.split + c.merged


def levels(pc: PairwiseComparison) -> tuple[Level, ...]:
    """Paragraphs, then sub-paragraphs when the drafts have any."""
    out = [Level("paragraphs", pc.counts)]
    sub = Level("sub-paragraphs", pc.sub_counts)
    if sub.total:
        out.append(sub)
    return tuple(out)


def level_phrase(level: Level) -> str:
    """'paragraphs: 7 modified, 2 added, 3 moved' or 'sub-paragraphs: none changed'."""
    changed = ", ".join(f"{n} {f}" for f, n in level.changed) or "none changed"
    return f"{level.name}: {changed}"


def verdict(pc: PairwiseComparison) -> str:
    """'B differs from A in paragraphs: 3 modified, 1 added; sub-paragraphs: 1 removed.'"""
    if not pc.differs:
        return f"{pc.b} does not differ from {pc.a}."
    return f"{pc.b} differs from {pc.a} in " + "; ".join(map(level_phrase, levels(pc))) + "."
