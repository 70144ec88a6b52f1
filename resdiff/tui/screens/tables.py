"""Full-screen tables: the positions matrix and the history of a series."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from resdiff.present.cells import Slots
from resdiff.tui import viewmodel as vm

Cells = list[str] | tuple[str, list[Slots]]
"""A row: its cells as text, or a matrix row (a label and each draft's cell as slots)."""


class _TableScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(
        self,
        title: str,
        header: list[str],
        rows: Sequence[Cells],
        empty: str,
        notes: tuple[str, ...] = (),
    ) -> None:
        super().__init__(classes="table-screen")
        self._title = title
        self._header = header
        self._rows = rows
        self._empty = empty
        self._notes = notes

    def compose(self) -> ComposeResult:
        yield Static(Text(self._title, style="bold"), classes="screen-title")
        for note in self._notes if self._rows else ():
            yield Static(Text(note), classes="screen-note")
        if self._rows:
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
            yield table
        else:
            yield Static(Text(self._empty), classes="empty-note")
        yield Footer()

    def on_mount(self) -> None:
        if not self._rows:
            return
        table = self.query_one(DataTable)
        # Fixed column widths, so long cells wrap (and rows grow) instead of running
        # off the screen: the first column fits its content and stays in place when the
        # table scrolls sideways; the others share the rest.
        firsts = [self._header[0]] + [row[0] for row in self._rows]
        first = min(24, max(len(line) for cell in firsts for line in cell.split("\n")))
        others = max(1, len(self._header) - 1)
        rest = max(16, (self.size.width - first - 2 * len(self._header) - 4) // others)
        for n, col in enumerate(self._header):
            table.add_column(Text(col), width=first if n == 0 else rest)
        table.fixed_columns = 1
        for row in self._rows:
            if isinstance(row, tuple):  # a matrix row: its cells line up slot by slot
                texts = [row[0], *vm.aligned_cells(row[1], rest)]
            else:
                texts = list(row)
            table.add_row(*(Text(cell) for cell in texts), height=None)
        table.focus()


class MatrixScreen(_TableScreen):
    """Topics down, drafts across: each draft's strongest verb, qualifiers and clauses."""

    def __init__(self, header: list[str], rows: Sequence[tuple[str, list[Slots]]]) -> None:
        super().__init__(
            "Positions matrix: where each draft stands on each topic",
            header,
            rows,
            "No topics found in these drafts (the lens recognised none).",
        )


class HistoryScreen(_TableScreen):
    """Each clause of the last draft and its status in every round of the series, with
    which series it is (``caption``) and what the marks mean (``legend``)."""

    def __init__(
        self,
        header: list[str],
        rows: list[list[str]],
        why_empty: str,
        caption: str = "",
        legend: str = "",
    ) -> None:
        super().__init__(
            "History: each clause of the last draft, round by round",
            header,
            rows,
            why_empty,
            tuple(note for note in (caption, legend) if note),
        )
