"""The clause navigator: one line per aligned pair, virtualised by DataTable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from resdiff.tui.messages import PairSelected
from resdiff.tui.viewmodel import Row, status_symbol


class ClauseNavigator(DataTable[Text]):
    """Lists rows given by the screen; posts ``PairSelected`` when the cursor moves.

    Cells are ``rich.text.Text`` so document text is never read as markup.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "clause-navigator--added",
        "clause-navigator--removed",
        "clause-navigator--modified",
        "clause-navigator--other",
        "clause-navigator--badge",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._indices: list[int] = []

    def on_mount(self) -> None:
        self.add_column("st", key="status", width=3)
        self.add_column("clause", key="address")
        self.add_column("signals", key="badges")
        self.add_column("text", key="text")

    def _marker_style(self, row: Row) -> str:
        status = row.pair.status
        name = status if status in ("added", "removed", "modified") else "other"
        if status == "unchanged" and not row.changed:
            return ""
        return f"clause-navigator--{name}"

    def show_rows(self, rows: Sequence[Row], selected: int | None) -> None:
        """Replace the rows, keeping the cursor on ``selected`` when it is still listed."""
        self.clear()
        badge_style = self.get_component_rich_style("clause-navigator--badge")
        for row in rows:
            cls = self._marker_style(row)
            style = self.get_component_rich_style(cls) if cls else ""
            self.add_row(
                Text(status_symbol(row.pair), style=style),
                Text("  " * row.depth + row.address, style=style),
                Text(row.badges, style=badge_style),
                Text(row.preview[:60]),
                key=str(row.index),
            )
        self._indices = [r.index for r in rows]
        if selected is not None and selected in self._indices:
            self.move_cursor(row=self._indices.index(selected), animate=False)

    def select(self, index: int) -> bool:
        """Put the cursor on the row for pair ``index``; False if it is not listed."""
        if index not in self._indices:
            return False
        self.move_cursor(row=self._indices.index(index), animate=False, scroll=True)
        return True

    @property
    def listed(self) -> list[int]:
        return list(self._indices)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(PairSelected(int(event.row_key.value)))
