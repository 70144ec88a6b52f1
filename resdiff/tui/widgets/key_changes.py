"""The key-differences panel: ranked changes with their summaries."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from resdiff.tui.messages import ChangeChosen
from resdiff.tui.viewmodel import KeyChange


class KeyChangesPanel(OptionList):
    """Lists the ranked changes the screen says are listed (``listed``: positions in
    rank order); choosing one posts ``ChangeChosen`` with its position."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._option: dict[int, int] = {}  # position in rank order -> option index

    def show_changes(self, changes: Sequence[KeyChange], listed: Sequence[int]) -> None:
        self.clear_options()
        self._option = {pos: n for n, pos in enumerate(listed)}
        if not listed:
            empty = "No key differences found." if not changes else "None in the clauses listed."
            self.add_option(Option(Text(empty), disabled=True))
            return
        self.add_options([Option(Text(changes[pos].label), id=str(pos)) for pos in listed])

    def show_position(self, position: int) -> None:
        """Highlight change ``position`` and bring it to the top of the panel."""
        if position in self._option:
            self.highlighted = self._option[position]
            self.scroll_to_highlight(top=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ChangeChosen(int(event.option.id)))
