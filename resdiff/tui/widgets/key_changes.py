"""The key-differences panel: the reports' key differences, one per clause pair; the
highlighted one open to its facets."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from resdiff.tui.messages import ChangeChosen
from resdiff.tui.viewmodel import KeyGroup


class KeyChangesPanel(OptionList):
    """Lists the key differences the screen says are listed (``listed``: positions in
    the reports' order), each on its own line; the highlighted one also lists its facets
    (its other changes), so a group's every change stays one key away. Choosing one
    posts ``ChangeChosen`` with its position."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._option: dict[int, int] = {}  # key position -> option index
        self._keys: Sequence[KeyGroup] = ()
        self._open: int | None = None  # the option shown with its facets

    def show_keys(self, keys: Sequence[KeyGroup], listed: Sequence[int]) -> None:
        self.clear_options()
        self._keys, self._open = keys, None
        self._option = {pos: n for n, pos in enumerate(listed)}
        if not listed:
            empty = "No key differences found." if not keys else "None in the clauses listed."
            self.add_option(Option(Text(empty), disabled=True))
            return
        self.add_options([Option(_prompt(keys[pos], False), id=str(pos)) for pos in listed])

    def show_position(self, position: int) -> None:
        """Highlight key difference ``position``, open, at the top of the panel."""
        if position in self._option:
            self._open_option(self._option[position])
            self.highlighted = self._option[position]
            self.scroll_to_highlight(top=True)

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is not None:
            self._open_option(highlighted)
        super().watch_highlighted(highlighted)

    def _open_option(self, index: int) -> None:
        """Show option ``index`` with its facets, the one shown so before without."""
        if index == self._open:
            return
        if self._open is not None:
            self._reprompt(self._open, False)
        self._reprompt(index, True)
        self._open = index

    def _reprompt(self, index: int, is_open: bool) -> None:
        option = self.get_option_at_index(index)
        if option.id is not None:
            self.replace_option_prompt_at_index(index, _prompt(self._keys[int(option.id)], is_open))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ChangeChosen(int(event.option.id)))


def _prompt(key: KeyGroup, is_open: bool) -> VisualType:
    """The key difference's line; open, its facets under it (as the text report's
    list), closed, how many it has."""
    line = Text(key.label)
    if not key.facets:
        return line
    if not is_open:
        line.append(f"  ▸ {len(key.facets)} more", style="dim")
        return line
    grid = Table.grid()
    grid.add_column(no_wrap=True)  # "- " under the number, each facet wrapped after it
    grid.add_column(ratio=1)
    for facet in key.facets:
        grid.add_row(Text("    - "), Text(facet))
    return Group(line, grid)
