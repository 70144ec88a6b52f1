"""The amendments turning the base draft into the shown one, in UN form, to read and copy."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static


class AmendmentsScreen(Screen[None]):
    """``text`` is the amendment list as ``resdiff amendments`` writes it; ``y`` copies it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("y", "copy", "Copy all", tooltip="Copy the amendments to the clipboard"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__(classes="table-screen")
        self._title = title
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Text(self._title, style="bold"), classes="screen-title")
        with VerticalScroll(id="amendments"):
            yield Static(Text(self.text), id="amendments-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#amendments").focus()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        count = self.text.count("\n")
        self.app.notify(f"Copied the amendments ({count} lines) to the clipboard.", timeout=3)
