"""Messages the widgets post up to the screen that owns the state."""

from __future__ import annotations

from textual.message import Message


class PairSelected(Message):
    """The reader moved to a navigator row (``row`` indexes all rows, hidden or not)."""

    def __init__(self, row: int) -> None:
        super().__init__()
        self.row = row


class ChangeChosen(Message):
    """The reader chose a key difference (``position`` in rank order, from 0)."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
