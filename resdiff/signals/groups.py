"""Key differences by clause: the ranked changes gathered into one entry per clause pair.

A rewritten paragraph yields a dozen ranked changes (a verb, two links, ten one-word
qualifiers); a reader wants one entry for it, with its facets. ``group_changes`` reads the
ranked list (``signals.changes``) and never re-ranks: groups come in the order of their
best-ranked change. Related entries meet in one group: a demotion and the verb change it
brings share their pair (the demotion leads), and a change about one draft's clauses
only (a topic newly mentioned in OP1, an actor no longer named anywhere but in the
removed PP10) joins the pair holding those clauses when there is exactly one.
"""

from __future__ import annotations

from collections.abc import Sequence

from resdiff.model import Change, ChangeGroup

#: Changes found across a whole draft: their clauses belong to one side only.
DOCUMENT_KINDS = frozenset({"topic-added", "topic-removed", "actor-added", "actor-removed"})

#: What happens to a clause as a whole: it leads the other changes of its group.
STRUCTURAL_KINDS = frozenset({"clause-added", "clause-removed", "kind-change"})

Key = tuple[tuple[str, ...], tuple[str, ...]]


def document_level(change: Change) -> bool:
    """A change found across a whole draft (its clauses are one draft's only)."""
    return change.kind in DOCUMENT_KINDS and not (change.a and change.b)


def _home(change: Change, keys_by_clause: dict[tuple[int, str], set[Key]]) -> Key | None:
    """The one pair group holding every clause of a one-sided change, if exactly one."""
    side, ids = (0, change.a) if change.a else (1, change.b)
    found: set[Key] | None = None
    for cid in ids:
        keys = keys_by_clause.get((side, cid), set())
        found = keys if found is None else found & keys
    return next(iter(found)) if found is not None and len(found) == 1 else None


def _ordered(changes: Sequence[Change], positions: list[int]) -> tuple[int, ...]:
    """Rank order, except that what happened to the clause itself (added, removed,
    demoted, promoted) leads what it brings (a verb change, an actor no longer named),
    unless a change of linkage ranks first."""
    positions = sorted(positions)
    if changes[positions[0]].kind != "linkage":
        structural = next((p for p in positions if changes[p].kind in STRUCTURAL_KINDS), None)
        if structural is not None:
            positions.remove(structural)
            positions.insert(0, structural)
    return tuple(positions)


def group_changes(changes: Sequence[Change]) -> tuple[ChangeGroup, ...]:
    """One group per clause pair, in the order of each group's best-ranked change."""
    members: dict[Key, list[int]] = {}
    deferred: list[int] = []
    for i, change in enumerate(changes):
        if document_level(change):
            deferred.append(i)
        else:
            members.setdefault((change.a, change.b), []).append(i)
    keys_by_clause: dict[tuple[int, str], set[Key]] = {}
    for key in members:
        for side, ids in enumerate(key):
            for cid in ids:
                keys_by_clause.setdefault((side, cid), set()).add(key)
    for i in deferred:
        change = changes[i]
        members.setdefault(_home(change, keys_by_clause) or (change.a, change.b), []).append(i)
    groups = []
    for (a, b), positions in members.items():
        order = _ordered(changes, positions)
        groups.append(ChangeGroup(a, b, tuple(changes[p] for p in order), order))
    groups.sort(key=lambda g: min(g.positions))
    return tuple(groups)
