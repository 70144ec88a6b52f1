"""Messages the widgets post up to the screen that owns the state, and the compare
worker's messages to the main screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from resdiff.model import Comparison, Document


class PairSelected(Message):
    """The cursor moved to a navigator row (``row`` indexes all rows, hidden or not);
    ``jumped``: the screen put it there (``ClauseNavigator.select``) and has already
    selected the row, so the message only says so."""

    def __init__(self, row: int, jumped: bool = False) -> None:
        super().__init__()
        self.row = row
        self.jumped = jumped


class ChangeChosen(Message):
    """The reader chose a key difference (``position`` in the panel's order, from 0)."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position


class ComparisonReady(Message):
    """The worker finished: documents loaded (in the order used) and compared."""

    bubble = False

    def __init__(
        self, docs: list[Document], order: list[int], comparison: Comparison, history_ok: bool
    ) -> None:
        super().__init__()
        self.docs = docs
        self.order = order
        self.comparison = comparison
        self.history_ok = history_ok


class DocumentsLoaded(Message):
    """The drafts are read and parsed; comparing them is under way. ``docs`` may come
    without their text (``tui.early.particulars``): only the drafts line uses them."""

    bubble = False

    def __init__(self, docs: list[Document]) -> None:
        super().__init__()
        self.docs = docs


class LoadFailed(Message):
    bubble = False

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem
