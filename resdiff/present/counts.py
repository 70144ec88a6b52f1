"""How many pairs changed, worded once for every face (reports, the app's status line).

A comparison counts its paragraphs (top-level pairs), its sub-paragraphs and its
footnotes apart (``PairwiseComparison.counts``, ``sub_counts``, ``footnote_counts``). The
sentence names every level, so "3 modified, 1 added" can never hide a removed
sub-paragraph or a changed footnote, and says plainly which level each number counts; a
header that differs comes first, with the fields that changed ("the header (sponsors,
date)").
"""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.model import HEADER_CHANGE_KINDS, ChangeKind, Counts, PairwiseComparison

#: Every count, in the order the faces show them.
FIELDS = ("unchanged", "modified", "added", "removed", "split", "merged", "moved")
#: The counts that are differences (all but ``unchanged``).
CHANGE_FIELDS = FIELDS[1:]
#: The header field each header change kind is about, in the order the verdict names them.
HEADER_FIELDS: dict[ChangeKind, str] = dict(
    zip(
        HEADER_CHANGE_KINDS,
        ("sponsors", "sponsors", "symbol", "date", "title", "author"),
        strict=True,
    )
)


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
    """Paragraphs, then sub-paragraphs and footnotes when the drafts have any."""
    out = [Level("paragraphs", pc.counts)]
    for level in (Level("sub-paragraphs", pc.sub_counts), Level("footnotes", pc.footnote_counts)):
        if level.total:
            out.append(level)
    return tuple(out)


def header_phrase(pc: PairwiseComparison) -> str | None:
    """'the header (sponsors, date)' when the headers differ ('the header' when no field
    the parser reads changed, say 'Distr.: General' to 'Distr.: Limited'); else None."""
    if pc.header is None or not pc.header.changed:
        return None
    fields = header_fields(pc)
    return "the header" + (f" ({', '.join(fields)})" if fields else "")


def header_fields(pc: PairwiseComparison) -> tuple[str, ...]:
    """The header fields that changed, in the verdict's order: ('sponsors', 'date')."""
    kinds = {ch.kind for ch in pc.changes}
    return tuple(dict.fromkeys(f for kind, f in HEADER_FIELDS.items() if kind in kinds))


def level_phrase(level: Level) -> str:
    """'paragraphs: 7 modified, 2 added, 3 moved' or 'sub-paragraphs: none changed'."""
    changed = ", ".join(f"{n} {f}" for f, n in level.changed) or "none changed"
    return f"{level.name}: {changed}"


def verdict(pc: PairwiseComparison) -> str:
    """'B differs from A in the header (sponsors); paragraphs: 3 modified, 1 added;
    sub-paragraphs: 1 removed; footnotes: 1 modified.'"""
    if not pc.differs:
        return f"{pc.b} does not differ from {pc.a}."
    header = header_phrase(pc)
    phrases = ([header] if header else []) + [level_phrase(level) for level in levels(pc)]
    return f"{pc.b} differs from {pc.a} in " + "; ".join(phrases) + "."
