"""What the faces say about a pair and a change: whether it changed, its notes, its tag.

The reports and the app word these alike: a pair is a difference when it changed in
itself (status, move or kind), not only through its sub-paragraphs; a change's direction
is ▲ stronger / ▼ weaker.
"""

from __future__ import annotations

from collections.abc import Mapping

from resdiff.model import Change, ClauseKind, ClausePair, Direction
from resdiff.present.address import ARROW

_KIND_RANK: Mapping[ClauseKind, int] = {"operative": 2, "subparagraph": 2, "preambular": 1}
_DIRECTION_MARKS: Mapping[Direction | None, str] = {"stronger": "▲", "weaker": "▼", None: "•"}


def own_change(pair: ClausePair) -> bool:
    """Changed in itself (not only through its sub-paragraphs)."""
    return pair.status != "unchanged" or pair.moved or pair.kind_change is not None


def direction_mark(direction: Direction | None) -> str:
    """▲ stronger, ▼ weaker, • neither."""
    return _DIRECTION_MARKS[direction]


def change_tag(change: Change) -> str:
    """'linkage', 'verb-strength, stronger'..."""
    return change.kind + (f", {change.direction}" if change.direction else "")


def kind_note(kinds: tuple[ClauseKind, ClauseKind], arrow: str = ARROW) -> str:
    """'operative -> preambular (demoted)'."""
    before, after = kinds
    note = f"{before} {arrow} {after}"
    ra, rb = _KIND_RANK.get(before, 0), _KIND_RANK.get(after, 0)
    if ra and rb and ra != rb:
        note += " (demoted)" if ra > rb else " (promoted)"
    return note


def renumbered(pair: ClausePair) -> bool:
    """The same clause under another number, nothing else about it changed."""
    return (
        pair.status in ("unchanged", "modified")
        and len(pair.a) == len(pair.b) == 1
        and pair.a != pair.b
        and pair.kind_change is None
        and not pair.moved
    )


def pair_notes(pair: ClausePair) -> tuple[str, ...]:
    """'moved', 'kind: operative -> preambular (demoted)', 'renumbered'."""
    notes: list[str] = []
    if pair.moved:
        notes.append("moved")
    if pair.kind_change is not None:
        notes.append("kind: " + kind_note(pair.kind_change))
    if renumbered(pair):
        notes.append("renumbered")
    return tuple(notes)
