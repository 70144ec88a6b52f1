"""A text to read and copy: the amendments turning the base draft into the shown one (in
UN form), or where the shown draft's language comes from (agreed language)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static


class TextScreen(Screen[None]):
    """``text`` under ``title``; ``y`` copies it (``what`` names it in the notice)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("y", "copy", "Copy all", tooltip="Copy the text to the clipboard"),
    ]

    def __init__(self, title: str, text: str, what: str = "the text") -> None:
        super().__init__(classes="table-screen")
        self._title = title
        self.text = text
        self.what = what

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
        self.app.notify(f"Copied {self.what} ({count} lines) to the clipboard.", timeout=3)


class AmendmentsScreen(TextScreen):
    """The amendment list as ``resdiff amendments`` writes it."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__(title, text, "the amendments")


class AgreedScreen(TextScreen):
    """The precedents of the selected clause, then every clause's status."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__(title, text, "the precedents")
