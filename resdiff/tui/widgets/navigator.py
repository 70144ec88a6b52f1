"""The clause navigator: one line per aligned pair, virtualised.

A ScrollView that renders only the visible lines, each built once and cached: moving
the cursor repaints two lines, so walking through 2,000 clauses stays instant (a
DataTable re-renders every visible row on each cursor move; see docs/performance.md).
Text is put in ``rich.text.Text`` objects, so document text is never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from resdiff.tui.messages import PairSelected
from resdiff.tui.viewmodel import Row, columns, fit_address, fit_badges, status_symbol


class ClauseNavigator(ScrollView, can_focus=True):
    """Lists rows given by the screen; posts ``PairSelected`` when the cursor moves."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "clause-navigator--added",
        "clause-navigator--removed",
        "clause-navigator--modified",
        "clause-navigator--other",
        "clause-navigator--badge",
        "clause-navigator--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next clause in the list"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous clause in the list"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="A page down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="A page up"),
        Binding("home", "first", "First", show=False, tooltip="First clause"),
        Binding("end", "last", "Last", show=False, tooltip="Last clause"),
    ]

    cursor: reactive[int] = reactive(0, init=False, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._position: dict[int, int] = {}
        self._cache: dict[tuple[int, int], Strip] = {}
        self._widths: dict[int, tuple[int, int, int]] = {}  # per width
        self._jumping = False

    # -------------------------------------------------------------- data in

    def show_rows(self, rows: Sequence[Row], selected: int | None) -> None:
        """Replace the rows; the cursor stays on ``selected`` if listed, else goes to the top.

        Posts nothing: the screen that gave the rows decides what is selected.
        """
        self._rows = list(rows)
        self._position = {row.index: pos for pos, row in enumerate(self._rows)}
        self._cache.clear()
        self._widths.clear()
        self.virtual_size = Size(0, len(self._rows))
        position = self._position.get(selected, 0) if selected is not None else 0
        self.set_reactive(ClauseNavigator.cursor, position)
        self.scroll_to(y=max(0, position - self.size.height // 3), animate=False, force=True)
        self.refresh()

    def select(self, index: int) -> bool:
        """Put the cursor on the row for pair ``index``; False if it is not listed."""
        position = self._position.get(index)
        if position is None:
            return False
        self._jumping = True
        try:
            self.cursor = position
        finally:
            self._jumping = False
        return True

    @property
    def listed(self) -> list[int]:
        return [row.index for row in self._rows]

    def row_text(self, index: int) -> str:
        """The plain text of the line for pair ``index`` (what a reader sees)."""
        position = self._position[index]
        return self._line(position, max(40, self.size.width)).text

    # -------------------------------------------------------------- cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()
        self._post_selection()

    def _post_selection(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.post_message(PairSelected(self._rows[self.cursor].index, self._jumping))

    def _scroll_to_cursor(self) -> None:
        """Keep the cursor in view: by one line for cursor keys; a jump (next difference,
        search) that leaves the view puts the cursor a third of the way down instead."""
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if top <= self.cursor < top + height:
            return
        if self._jumping:
            self.scroll_to(y=max(0, self.cursor - height // 3), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        else:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _move(self, position: int) -> None:
        if self._rows:
            self.cursor = max(0, min(len(self._rows) - 1, position))

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_page_up(self) -> None:
        self._move(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self._move(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self._move(offset.y + int(self.scroll_offset.y))

    # -------------------------------------------------------------- rendering

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(0, len(self._rows))
        # a jump made before this size was known (the first selection) must stay in view
        self._jumping = True
        try:
            self._scroll_to_cursor()
        finally:
            self._jumping = False

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def _restyle(self) -> None:
        """Lines built with the old theme's colours are built again."""
        self._cache.clear()
        self.refresh()

    def _style(self, row: Row) -> Style:
        status = row.pair.status
        if status == "unchanged" and not row.changed:
            return Style()
        name = status if status in ("added", "removed", "modified") else "other"
        return self.get_component_rich_style(f"clause-navigator--{name}")

    def _line(self, position: int, width: int) -> Strip:
        key = (position, width)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        row = self._rows[position]
        if width not in self._widths:
            self._widths[width] = columns(self._rows, width)
        marker_w, address_w, badges_w = self._widths[width]
        style = self._style(row)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(status_symbol(row.pair).ljust(marker_w), style=style)
        address = fit_address(row, address_w)
        text.append(address.ljust(address_w + 1), style=style)
        if badges_w:
            badges = fit_badges(row.badges, badges_w).ljust(badges_w + 1)
            text.append(badges, style=self.get_component_rich_style("clause-navigator--badge"))
        text.append(row.preview)
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        strip = Strip(segments, width).crop_extend(0, width, None)
        self._cache[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = y + int(self.scroll_offset.y)
        base = self.rich_style
        if not 0 <= position < len(self._rows):
            return Strip.blank(width, base)
        strip = self._line(position, width).apply_style(base)
        if position == self.cursor:
            cursor = self.get_component_rich_style("clause-navigator--cursor")
            strip = Strip(list(Segment.apply_style(strip, post_style=cursor)), width)
        return strip
