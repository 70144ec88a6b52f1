"""The open dialog: type paths (Tab completes) until there are two or more drafts."""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static

from resdiff.present.sanitize import clean_terminal


class PathSuggester(Suggester):
    """Suggests the first existing path that starts with what was typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        matches = sorted(glob.glob(glob.escape(os.path.expanduser(value)) + "*"))
        if not matches:
            return None
        match = matches[0]
        if os.path.isdir(match) and not match.endswith(os.sep):
            match += os.sep
        return match if match.startswith(value) else None


class OpenFileDialog(ModalScreen[list[str] | None]):
    """Collects draft paths; dismisses with the list once the reader asks to compare."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, files: Sequence[str] = ()) -> None:
        super().__init__(classes="dialog-screen")
        self._files = list(files)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Open drafts to compare", classes="dialog-title")
            yield Static("", id="open-files", markup=False)
            yield Input(
                id="open-path",
                placeholder="path to a draft (Enter adds it; → accepts a completion)",
                suggester=PathSuggester(),
            )
            yield Static("", id="open-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Compare", variant="primary", id="compare")
                yield Button("Clear", id="clear")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#open-path", Input).focus()

    def _show(self, error: str = "") -> None:
        listing = "\n".join(f"{i}. {f}" for i, f in enumerate(self._files, 1))
        need = max(0, 2 - len(self._files))
        hint = f"Add {need} more draft{'s' if need != 1 else ''}." if need else "Ready."
        files = Text(clean_terminal(f"{listing}\n{hint}".strip()))
        self.query_one("#open-files", Static).update(files)
        box = self.query_one("#open-error", Static)
        box.update(Text(clean_terminal(error)))
        box.set_class(bool(error), "-shown")
        self.query_one("#compare", Button).disabled = len(self._files) < 2

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = os.path.expanduser(event.value.strip())
        if not path:
            if len(self._files) >= 2:
                self.dismiss(list(self._files))
            return
        if not os.path.isfile(path):
            self._show(f"Not a file: {path}")
            return
        self._files.append(path)
        event.input.value = ""
        self._show()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "compare":
            self.dismiss(list(self._files))
        elif event.button.id == "clear":
            self._files.clear()
            self._show()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
