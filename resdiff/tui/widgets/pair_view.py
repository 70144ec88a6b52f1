"""The selected pair, side by side (one scroll for both columns) or inline."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from resdiff.tui.viewmodel import PairDisplay, Segment


class DiffColumn(Widget):
    """Text of one side; deleted and inserted words styled from the theme (see the .tcss)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-column--inserted",
        "diff-column--deleted",
        "diff-column--match",
    }
    DEFAULT_CSS = "DiffColumn { height: auto; }"

    segments: reactive[tuple[Segment, ...]] = reactive((), layout=True)
    search_term: reactive[str] = reactive("")

    def render(self) -> Text:
        styles = {
            "+": self.get_component_rich_style("diff-column--inserted"),
            "-": self.get_component_rich_style("diff-column--deleted"),
        }
        text = Text()
        for op, chunk in self.segments:
            text.append(chunk, style=styles.get(op, ""))
        if self.search_term.strip():
            text.highlight_words(
                [self.search_term.strip()],
                style=self.get_component_rich_style("diff-column--match"),
                case_sensitive=False,
            )
        return text


class PairView(VerticalScroll):
    """Shows ``display``; ``inline`` switches layout (the .tcss decides what that means)."""

    display_data: reactive[PairDisplay | None] = reactive(None, always_update=True)
    inline: reactive[bool] = reactive(False)
    labels: reactive[tuple[str, str]] = reactive(("A", "B"))
    search_term: reactive[str] = reactive("")

    def compose(self) -> ComposeResult:
        yield Static(id="pair-title", markup=False)
        yield Static(id="pair-notes", markup=False)
        with Horizontal(id="pair-columns"):
            with Vertical(classes="side"):
                yield Static(id="label-a", classes="side-label", markup=False)
                yield DiffColumn(id="left")
            with Vertical(classes="side"):
                yield Static(id="label-b", classes="side-label", markup=False)
                yield DiffColumn(id="right")
        yield DiffColumn(id="inline")

    def watch_inline(self, inline: bool) -> None:
        self.set_class(inline, "-inline")

    def watch_labels(self, labels: tuple[str, str]) -> None:
        self.query_one("#label-a", Static).update(Text(labels[0]))
        self.query_one("#label-b", Static).update(Text(labels[1]))

    def watch_search_term(self, term: str) -> None:
        for column in self.query(DiffColumn):
            column.search_term = term

    def watch_display_data(self, data: PairDisplay | None) -> None:
        title = self.query_one("#pair-title", Static)
        notes = self.query_one("#pair-notes", Static)
        if data is None:
            title.update(Text("No clause selected."))
            notes.update("")
            notes.display = False
            for column in self.query(DiffColumn):
                column.segments = ()
            return
        title.update(Text(data.title))
        notes.update(Text("\n".join(data.notes)))
        notes.display = bool(data.notes)
        self.query_one("#left", DiffColumn).segments = data.left
        self.query_one("#right", DiffColumn).segments = data.right
        self.query_one("#inline", DiffColumn).segments = data.inline
        self.scroll_home(animate=False)
