"""The amendment list: one value that the writer produces, the reader parses, the applier
applies and every renderer shows.

An amendment addresses the draft *as tabled* (draft ``a``): ``Target.clause`` is a clause
id of that draft (``PP3``, ``OP7(b)``), whatever other amendments do to the numbering.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from resdiff.model import ClauseKind

AmendOp = Literal[
    "replace-words",
    "insert-words",
    "delete-words",
    "insert-paragraph",
    "delete-paragraph",
    "replace-paragraph",
    "move-paragraph",
]
Position = Literal["in", "after", "before", "start", "end"]
POSITIONS: tuple[Position, ...] = get_args(Position)

AMEND_OPS: tuple[AmendOp, ...] = get_args(AmendOp)


def as_op(name: str) -> AmendOp:
    return next(op for op in AMEND_OPS if op == name)


def as_position(name: str) -> Position:
    return next(p for p in POSITIONS if p == name)


@dataclass(frozen=True, slots=True)
class Target:
    """Where an amendment acts, in the draft as tabled.

    ``position`` is ``in`` for the clause itself; for inserted words, ``after``/``before``
    the quoted ``words`` (or ``start``/``end`` of the clause's text); for a paragraph
    inserted or moved, ``after``/``before`` the clause, or ``end`` as its last
    sub-paragraph. ``clause`` is ``None`` only for the end of the whole text.
    ``occurrence`` picks one of several places where the quoted words occur (1-based).
    """

    clause: str | None
    address: str
    position: Position = "in"
    words: str | None = None
    occurrence: int | None = None


@dataclass(frozen=True, slots=True)
class Amendment:
    """One instruction of an amendment document.

    ``old`` is the text as it stands (quoted words, or the whole paragraph deleted or
    replaced), ``new`` the text put in (words, or whole paragraphs one per line with their
    sub-paragraph labels). ``destination`` says where a moved paragraph goes; ``kind`` is
    the kind of an inserted paragraph. ``instruction`` is the sentence as written. Parts
    of one numbered instruction ("replace ..., and delete ...") share its ``number``.
    """

    number: int
    op: AmendOp
    target: Target
    old: str | None
    new: str | None
    instruction: str
    destination: Target | None = None
    kind: ClauseKind | None = None


@dataclass(frozen=True, slots=True)
class AmendmentList:
    """The amendments to one draft, in order. ``draft`` is the symbol (or file name) of
    the draft they amend; ``result`` the draft they turn it into, when written from a
    comparison; ``sponsors`` as the document's header names them."""

    draft: str | None
    amendments: tuple[Amendment, ...]
    result: str | None = None
    sponsors: str | None = None

    @property
    def numbers(self) -> tuple[int, ...]:
        seen: dict[int, None] = {}
        for a in self.amendments:
            seen.setdefault(a.number, None)
        return tuple(seen)
