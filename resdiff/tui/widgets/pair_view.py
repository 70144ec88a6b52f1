"""The selected pair, side by side (one scroll for both columns) or inline.

A ScrollView that renders its own lines: changing the pair only repaints this widget,
with no layout pass over the whole screen, which keeps "next difference" fast.
"""

from __future__ import annotations

from collections.abc import Sequence
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

from resdiff.tui.viewmodel import (
    PairDisplay,
    Segment,
    change_stops,
    search_pattern,
    separated,
    with_markers,
)

GAP = 2  # columns between the two sides
CHANGE = "change"  # the style meta key that numbers the marked segments


class PairView(ScrollView, can_focus=True):
    """Shows ``display_data``; ``inline`` switches between two columns and one, and
    ``markers`` between styled changes and ``[-old-]{+new+}`` markers. A rewritten pair
    is shown as two blocks, the old text then the new, in either view.

    ``next_change``/``previous_change`` move between the lines that hold changes (a
    long clause); the changes on the current line are highlighted.

    Colours and text styles come from the component classes in the .tcss (theme
    variables), never from code.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pair-view--inserted",
        "pair-view--deleted",
        "pair-view--before",
        "pair-view--after",
        "pair-view--current",
        "pair-view--match",
        "pair-view--title",
        "pair-view--label",
        "pair-view--note",
    }

    display_data: reactive[PairDisplay | None] = reactive(None, always_update=True)
    inline: reactive[bool] = reactive(False)
    markers: reactive[bool] = reactive(False)
    labels: reactive[tuple[str, str]] = reactive(("A", "B"))
    search_term: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Strip] = []
        self.texts: dict[str, Text] = {"left": Text(), "right": Text(), "inline": Text()}
        self._stops: list[tuple[int, frozenset[int]]] = []  # (line, changes on it)
        self._stop: int | None = None  # which stop is current

    # -------------------------------------------------------------- watchers

    def watch_display_data(self) -> None:
        self._stop = None
        self._rebuild(home=True)

    def watch_inline(self, inline: bool) -> None:
        self.set_class(inline, "-inline")
        self._stop = None
        self._rebuild(home=True)

    def watch_markers(self) -> None:
        self._rebuild()

    def watch_labels(self) -> None:
        self._rebuild()

    def watch_search_term(self) -> None:
        self._rebuild()

    def on_resize(self, event: Resize) -> None:
        self._stop = None
        self._rebuild()

    def on_mount(self) -> None:
        # a theme switch restyles the lines built with the old theme's colours at once
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._rebuild())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rebuild()

    # -------------------------------------------------------------- changes in the clause

    def next_change(self, forward: bool = True) -> bool:
        """Move to the next (or previous) line holding a change; False at either end."""
        if not self._stops:
            return False
        if self._stop is None:  # from what is on screen
            top = int(self.scroll_offset.y)
            below = [n for n, (line, _) in enumerate(self._stops) if line >= top]
            first = below[0] if below else len(self._stops)
            target = first if forward else first - 1
        else:
            target = self._stop + (1 if forward else -1)
        if not 0 <= target < len(self._stops):
            return False
        self._stop = target
        self._rebuild()
        line = self._stops[target][0]
        self.scroll_to(y=max(0, line - self.scrollable_content_region.height // 3), animate=False)
        return True

    @property
    def change_position(self) -> tuple[int | None, int]:
        """(the current stop from 1, or None; how many lines hold changes)."""
        return (None if self._stop is None else self._stop + 1), len(self._stops)

    # -------------------------------------------------------------- building lines

    def _text(self, segments: Sequence[Segment], counter: list[int], block: bool = False) -> Text:
        """Styled text; each change numbered in its style's meta (to find its line).
        ``block``: a rewritten pair's old or new text, coloured but not struck."""
        names = ("before", "after") if block else ("deleted", "inserted")
        styles = {
            "-": self.get_component_rich_style(f"pair-view--{names[0]}"),
            "+": self.get_component_rich_style(f"pair-view--{names[1]}"),
        }
        current = self._stops[self._stop][1] if self._stop is not None else frozenset()
        highlight = self.get_component_rich_style("pair-view--current")
        if self.markers:
            segments = with_markers(segments)
        text = Text()
        for op, chunk in segments:
            if op == "=":
                text.append(chunk)
                continue
            counter[0] += 1
            style = styles[op] + Style.from_meta({CHANGE: counter[0]})
            if counter[0] in current:
                style += highlight
            text.append(chunk, style=style)
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
        self._stops = change_stops(
            [{seg.style.meta.get(CHANGE) for seg in strip if seg.style} for strip in lines]
        )
        self._update_subtitle()
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

    def _update_subtitle(self) -> None:
        current, total = self.change_position
        if total < 2:
            self.border_subtitle = ""
        elif current is None:
            self.border_subtitle = f"changes on {total} lines: }} next"
        else:
            self.border_subtitle = f"change line {current} of {total}: }} next, {{ previous"

    def _build(self, width: int) -> list[Strip]:
        console = self.app.console
        data = self.display_data
        lines: list[Strip] = []

        def add(text: Text, w: int = width) -> None:
            lines.extend(Strip(segs, w) for segs in self._wrap(console, text, w))

        if data is None:
            self.texts = {"left": Text(), "right": Text(), "inline": Text()}
            add(Text("No clause selected."))
            return lines
        add(Text(data.title, style=self.get_component_rich_style("pair-view--title")))
        note_style = self.get_component_rich_style("pair-view--note")
        for note in data.notes:
            add(Text(note, style=note_style))
        lines.append(Strip.blank(width))
        label_style = self.get_component_rich_style("pair-view--label")
        counter = [0]
        if data.rewritten:
            before = self._text(data.before, counter, block=True)
            after = self._text(data.after, counter, block=True)
            self.texts = {"left": before, "right": after, "inline": before + after}
            add(Text(f"{self.labels[0]} (before)", style=label_style))
            add(before)
            lines.append(Strip.blank(width))
            add(Text(f"{self.labels[1]} (after)", style=label_style))
            add(after)
        elif self.inline:
            inline = data.inline if self.markers else separated(data.inline)
            self.texts = {"left": Text(), "right": Text(), "inline": self._text(inline, counter)}
            add(Text(f"{self.labels[0]} → {self.labels[1]}", style=label_style))
            add(self.texts["inline"])
        else:
            self.texts = {
                "left": self._text(data.left, counter),
                "right": self._text(data.right, counter),
                "inline": Text(),
            }
            lines += self._columns(console, width, label_style)
        return lines

    def _columns(self, console: Console, width: int, label_style: Style) -> list[Strip]:
        col = max(4, (width - GAP) // 2)
        gap = Strip.blank(GAP)
        left = self._wrap(console, Text(self.labels[0], style=label_style), col)
        left += self._wrap(console, self.texts["left"], col)
        right = self._wrap(console, Text(self.labels[1], style=label_style), col)
        right += self._wrap(console, self.texts["right"], col)
        blank = Strip.blank(col)
        out = []
        for i in range(max(len(left), len(right))):
            a = Strip(left[i], col) if i < len(left) else blank
            b = Strip(right[i], col) if i < len(right) else blank
            out.append(Strip.join([a, gap, b]))
        return out

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
