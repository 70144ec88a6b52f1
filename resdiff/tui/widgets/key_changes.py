"""The key-differences panel: ranked changes with their summaries."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from resdiff.tui.messages import ChangeChosen
from resdiff.tui.viewmodel import KeyChange


class KeyChangesPanel(OptionList):
    """Lists ranked changes; choosing one posts ``ChangeChosen`` with its position."""

    def show_changes(self, changes: Sequence[KeyChange]) -> None:
        self.clear_options()
        if not changes:
            self.add_option(Option(Text("No key differences found."), disabled=True))
            return
        self.add_options([Option(Text(kc.label), id=str(i)) for i, kc in enumerate(changes)])

    def show_position(self, position: int) -> None:
        """Highlight change ``position`` and bring it to the top of the panel."""
        self.highlighted = position
        self.scroll_to_highlight(top=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ChangeChosen(int(event.option.id)))
