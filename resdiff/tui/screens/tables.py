"""Full-screen tables: the positions matrix and the history of a series."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static


class _TableScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, title: str, header: list[str], rows: list[list[str]], empty: str) -> None:
        super().__init__()
        self._title = title
        self._header = header
        self._rows = rows
        self._empty = empty

    def compose(self) -> ComposeResult:
        yield Static(Text(self._title, style="bold"), classes="screen-title")
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
        # off the screen: the first column fits its content, the others share the rest.
        first = min(
            24, max(len(line) for row in [self._header, *self._rows] for line in row[0].split("\n"))
        )
        others = max(1, len(self._header) - 1)
        rest = max(16, (self.size.width - first - 2 * len(self._header) - 4) // others)
        for n, col in enumerate(self._header):
            table.add_column(Text(col), width=first if n == 0 else rest)
        for row in self._rows:
            table.add_row(*(Text(cell) for cell in row), height=None)
        table.focus()


class MatrixScreen(_TableScreen):
    """Topics down, drafts across: each draft's strongest verb, qualifiers and clauses."""

    def __init__(self, header: list[str], rows: list[list[str]]) -> None:
        super().__init__(
            "Positions matrix: where each draft stands on each topic",
            header,
            rows,
            "No topics found in these drafts (the lens recognised none).",
        )


class HistoryScreen(_TableScreen):
    """Each clause of the last draft and its status in every round of the series."""

    def __init__(self, header: list[str], rows: list[list[str]], why_empty: str) -> None:
        super().__init__(
            "History: each clause of the last draft, round by round",
            header,
            rows,
            why_empty,
        )
