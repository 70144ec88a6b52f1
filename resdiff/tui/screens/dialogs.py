"""Small modal dialogs: an error message, the filter chooser, a short menu."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from resdiff.present.sanitize import clean_terminal
from resdiff.tui.viewmodel import Filter


class ErrorDialog(ModalScreen[None]):
    """Says what went wrong; the app keeps running once it is closed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error-dialog"):
            yield Label(Text(self._title), classes="dialog-title")
            yield Static(Text(clean_terminal(self._message)), id="error-message")
            yield Button("OK", variant="primary", id="ok")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class FilterDialog(ModalScreen[Filter | None]):
    """Pick which clauses the navigator lists: all, changed, a status or a topic."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, choices: Sequence[Filter], current: Filter, topic_labels: Mapping[str, str]
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._choices = list(choices)
        self._current = current
        self._labels = topic_labels

    def _label(self, flt: Filter) -> str:
        return flt.describe(self._labels)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Show which clauses?", classes="dialog-title")
            options = [
                Option(Text(("● " if self._same(f) else "  ") + self._label(f)), id=str(i))
                for i, f in enumerate(self._choices)
            ]
            yield OptionList(*options, id="filter-choices")
            yield Label("Enter: apply   Esc: cancel", classes="dialog-hint")

    def _same(self, flt: Filter) -> bool:
        return (flt.mode, flt.value) == (self._current.mode, self._current.value)

    def on_mount(self) -> None:
        opts = self.query_one(OptionList)
        current = next((i for i, f in enumerate(self._choices) if self._same(f)), 0)
        opts.highlighted = current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self._choices[int(event.option.id or 0)]
        self.dismiss(Filter(chosen.mode, chosen.value, show_unchanged=self._current.show_unchanged))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """A short menu (copy what, page what): each choice has a key that picks it at once;
    Enter picks the highlighted one, Esc cancels. Dismisses with the choice's key."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self._title), classes="dialog-title")
            options = [
                Option(Text(f"{key}  {clean_terminal(label)}"), id=key)
                for key, label in self._choices
            ]
            yield OptionList(*options, id="choices")
            keys = "/".join(key for key, _ in self._choices)
            yield Label(Text(f"{keys} or Enter: choose   Esc: cancel"), classes="dialog-hint")

    def on_key(self, event: Key) -> None:
        if any(event.character == key for key, _ in self._choices):
            event.stop()
            self.dismiss(event.character)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
