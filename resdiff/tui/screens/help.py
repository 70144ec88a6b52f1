"""The help screen: every binding, and what the markers mean."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from resdiff.present.keydiffs import KINDS
from resdiff.tui.viewmodel import KIND_MARKER, MOVED_MARKER, STATUS_MARKERS


def _keys_table(rows: Sequence[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, what in rows:
        table.add_row(Text(key), Text(what))
    return table


def _markers_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for status, mark in STATUS_MARKERS.items():
        if status != "unchanged":
            table.add_row(Text(mark), Text(status))
    table.add_row(Text(MOVED_MARKER), Text("moved (same clause, new place)"))
    table.add_row(Text(KIND_MARKER), Text("kind changed (e.g. operative paragraph demoted)"))
    table.add_row(Text("verb▼ verb▲"), Text("operative verb weaker / stronger"))
    table.add_row(Text("link qual topic"), Text("linkage, qualifier, topic changed"))
    table.add_row(Text("actor ref num"), Text("actor, reference, number changed"))
    kinds = dict.fromkeys(k.mark for k in KINDS.values())  # '•' stands for two
    words = ", ".join(k.word for k in KINDS.values())
    table.add_row(Text(" ".join(kinds)), Text(f"key differences, as in the reports: {words}"))
    return table


class HelpScreen(Screen[None]):
    """``keys``: (keys, what they do) rows, made from the bindings (``tui.keys.table``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Back")
    ]

    def __init__(self, keys: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("resdiff: keys", style="bold"), classes="help-heading")
            yield Static(_keys_table(self._keys))
            yield Static(Text("Markers in the clause list", style="bold"), classes="help-heading")
            yield Static(_markers_table())
            yield Static(
                Text(
                    "Deleted words are struck through, inserted words underlined "
                    "(and coloured when colour is on). The key differences are the reports': "
                    "one per clause pair; the highlighted one lists its other changes "
                    "(▸ N more, on the others). The mouse works everywhere: "
                    "click a clause or a key difference."
                ),
                classes="help-heading",
            )
        yield Footer()
