"""The export dialog: write the current comparison as a report (same renderers as the CLI)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import Worker, WorkerState

from resdiff.errors import ResdiffError
from resdiff.model import Comparison
from resdiff.render import SELECTING_FORMATS, ReportOptions, render_report
from resdiff.tui.background import in_daemon_thread
from resdiff.write import check_not_input, write_atomic

FORMATS: tuple[tuple[str, str], ...] = (
    ("Text (.txt)", "txt"),
    ("Markdown (.md)", "md"),
    ("HTML (.html)", "html"),
    ("JSON (.json)", "json"),
    ("Word (.docx)", "docx"),
)


HINT = (
    "Text, Markdown and HTML show what the navigator's filter shows; JSON and Word hold "
    "the whole comparison (Word: the drafts compared on screen)."
)


def write_report(
    comparison: Comparison,
    fmt: str,
    path: str,
    inputs: Sequence[str],
    view: ReportOptions,
    pairwise: int = 0,
) -> None:
    """Render and write atomically; refuses to overwrite an input. Raises ResdiffError.

    ``view`` (the app's filter) applies to the formats that show part of a comparison;
    ``pairwise`` says which comparison a Word file holds."""
    if not path.strip():
        raise ResdiffError("give a file name for the report")
    check_not_input(path, inputs)
    options = view if fmt in SELECTING_FORMATS else ReportOptions()
    data = render_report(comparison, fmt, options, pairwise=pairwise)
    write_atomic(path, data)


class ExportDialog(ModalScreen[str | None]):
    """Format and path; errors are shown here and the dialog stays open."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        comparison: Comparison,
        inputs: Sequence[str],
        view: ReportOptions,
        folder: str = ".",
        pairwise: int = 0,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._comparison = comparison
        self._inputs = list(inputs)
        self._view = view
        self._folder = folder
        self._pairwise = pairwise

    def _default_path(self, fmt: str) -> str:
        return str(Path(self._folder) / f"resdiff-report.{fmt}")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the comparison as a report", classes="dialog-title")
            yield Static(HINT, classes="dialog-hint", markup=False)
            yield Select(FORMATS, value="txt", allow_blank=False, id="export-format")
            yield Input(self._default_path("txt"), id="export-path", placeholder="file name")
            yield Static("", id="export-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        stem = Path(path.value)
        if stem.stem == "resdiff-report" and isinstance(event.value, str):
            path.value = str(stem.with_suffix(f".{event.value}"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self._export()
        else:
            self.dismiss(None)

    def _export(self) -> None:
        fmt = str(self.query_one("#export-format", Select).value)
        path = self.query_one("#export-path", Input).value.strip()
        self.query_one("#export", Button).disabled = True
        self._write(fmt, path)

    @work(exclusive=True, group="export")
    async def _write(self, fmt: str, path: str) -> str | None:
        """Render and write off the UI thread (a long draft as HTML or Word takes a while).
        The path written, or None; the dialog closes once the worker has finished
        (``on_worker_state_changed``: closing it from inside the worker cancelled it)."""
        job = partial(
            write_report, self._comparison, fmt, path, self._inputs, self._view, self._pairwise
        )
        try:
            await in_daemon_thread(job, name="resdiff-export")
        except ResdiffError as exc:
            self._failed(f"Cannot export: {exc}")
            return None
        except Exception as exc:  # a bug in a renderer: say so, keep the session
            self._failed(f"Internal error while exporting: {exc!r}")
            return None
        return path

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, str):
            self.dismiss(event.worker.result)

    def _failed(self, message: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(Text(message))
        error.add_class("-shown")
        self.query_one("#export", Button).disabled = False

    def action_cancel(self) -> None:
        self.dismiss(None)
