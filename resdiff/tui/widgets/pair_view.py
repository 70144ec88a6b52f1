"""The selected pair, side by side (one scroll for both columns) or inline.

A ScrollView that renders its own lines: changing the pair only repaints this widget,
with no layout pass over the whole screen, which keeps "next difference" fast.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console
from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from resdiff.tui.viewmodel import PairDisplay, Segment, search_pattern

GAP = 2  # columns between the two sides


class PairView(ScrollView, can_focus=True):
    """Shows ``display_data``; ``inline`` switches between two columns and one.

    Colours and text styles for inserted, deleted and matched words come from the
    component classes in the .tcss (theme variables), never from code.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pair-view--inserted",
        "pair-view--deleted",
        "pair-view--match",
        "pair-view--title",
        "pair-view--label",
        "pair-view--note",
    }

    display_data: reactive[PairDisplay | None] = reactive(None, always_update=True)
    inline: reactive[bool] = reactive(False)
    labels: reactive[tuple[str, str]] = reactive(("A", "B"))
    search_term: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Strip] = []
        self.texts: dict[str, Text] = {"left": Text(), "right": Text(), "inline": Text()}

    # -------------------------------------------------------------- watchers

    def watch_display_data(self) -> None:
        self._rebuild(home=True)

    def watch_inline(self, inline: bool) -> None:
        self.set_class(inline, "-inline")
        self._rebuild(home=True)

    def watch_labels(self) -> None:
        self._rebuild()

    def watch_search_term(self) -> None:
        self._rebuild()

    def on_resize(self, event: Resize) -> None:
        self._rebuild()

    def on_mount(self) -> None:
        # a theme switch restyles the lines built with the old theme's colours at once
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._rebuild())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rebuild()

    # -------------------------------------------------------------- building lines

    def _text(self, segments: tuple[Segment, ...]) -> Text:
        styles = {
            "+": self.get_component_rich_style("pair-view--inserted"),
            "-": self.get_component_rich_style("pair-view--deleted"),
        }
        text = Text()
        for op, chunk in segments:
            text.append(chunk, style=styles.get(op, ""))
        pattern = search_pattern(self.search_term)
        if pattern is not None:
            text.highlight_regex(pattern, style=self.get_component_rich_style("pair-view--match"))
        return text

    def _wrap(self, console: Console, renderable: Text, width: int) -> list[list[RichSegment]]:
        options = console.options.update_width(max(1, width)).update(highlight=False)
        return console.render_lines(renderable, options, pad=True, new_lines=False)

    def _rebuild(self, home: bool = False) -> None:
        if not self.is_mounted or not self.size.width:
            return
        # The scrollbar's columns are always kept free (``scrollbar-gutter: stable`` in
        # the .tcss), so one layout pass fits whether or not the text overflows.
        lines = self._build(max(10, self.size.width - self.styles.scrollbar_size_vertical))
        self._lines = lines
        size = Size(lines[0].cell_length if lines else 0, len(lines))
        if size != self.virtual_size:
            # Setting ``virtual_size`` normally lays out the whole screen (and repaints
            # every widget); only the scrollbars depend on it here, so update just them.
            # Textual lays out again by itself if a scrollbar appears or disappears.
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        if home:
            self.scroll_to(0, 0, animate=False)
        self.refresh()

    def _build(self, width: int) -> list[Strip]:
        console = self.app.console
        data = self.display_data
        lines: list[Strip] = []

        def add(text: Text, w: int = width) -> None:
            lines.extend(Strip(segs, w) for segs in self._wrap(console, text, w))

        if data is None:
            self.texts = {"left": Text(), "right": Text(), "inline": Text()}
            add(Text("No clause selected."))
        else:
            add(Text(data.title, style=self.get_component_rich_style("pair-view--title")))
            note_style = self.get_component_rich_style("pair-view--note")
            for note in data.notes:
                add(Text(note, style=note_style))
            lines.append(Strip.blank(width))
            self.texts = {
                "left": self._text(data.left),
                "right": self._text(data.right),
                "inline": self._text(data.inline),
            }
            label_style = self.get_component_rich_style("pair-view--label")
            if self.inline:
                add(Text(f"{self.labels[0]} → {self.labels[1]}", style=label_style))
                add(self.texts["inline"])
            else:
                col = max(4, (width - GAP) // 2)
                gap = Strip.blank(GAP)
                left = self._wrap(console, Text(self.labels[0], style=label_style), col)
                left += self._wrap(console, self.texts["left"], col)
                right = self._wrap(console, Text(self.labels[1], style=label_style), col)
                right += self._wrap(console, self.texts["right"], col)
                blank = Strip.blank(col)
                for i in range(max(len(left), len(right))):
                    a = Strip(left[i], col) if i < len(left) else blank
                    b = Strip(right[i], col) if i < len(right) else blank
                    lines.append(Strip.join([a, gap, b]))
        return lines

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base: Style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        return self._lines[index].crop_extend(0, width, base).apply_style(base)

    def rendered_text(self) -> str:
        """What is on the view, one line per row (for tests and screenshots)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)
