"""The help screen: every binding, and what the markers mean."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from resdiff.tui.viewmodel import KIND_MARKER, MOVED_MARKER, STATUS_MARKERS

KEYS: tuple[tuple[str, str], ...] = (
    ("n / p", "next / previous difference, in document order"),
    ("] / [", "next / previous key difference, in rank order (first ] = top-ranked)"),
    ("↑ ↓ / j k", "move in the clause list (also PgUp, PgDn, Home, End)"),
    ("/", "search both drafts (Enter again: next match)"),
    ("f", "filter: all, changed only, by status, by topic"),
    ("u", "show / hide unchanged clauses"),
    ("v", "side by side / inline view"),
    ("s", "swap sides (the other draft becomes the base)"),
    ("1 … 9", "with three or more drafts: compare the base with draft N"),
    ("m", "positions matrix: each topic in each draft"),
    ("h", "history of a series of drafts"),
    ("e", "export the comparison as a report"),
    ("o", "open other drafts"),
    ("tab", "move focus: clause list, pair view, key differences"),
    ("ctrl+p", "command palette (every action)"),
    ("?", "this help"),
    ("esc", "close a dialog, the search box, or this screen"),
    ("q", "quit"),
)


def _keys_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, what in KEYS:
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
    return table


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Back")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("resdiff: keys", style="bold"), classes="help-heading")
            yield Static(_keys_table())
            yield Static(Text("Markers in the clause list", style="bold"), classes="help-heading")
            yield Static(_markers_table())
            yield Static(
                Text(
                    "Deleted words are struck through, inserted words underlined "
                    "(and coloured when colour is on). The mouse works everywhere: "
                    "click a clause or a key difference."
                ),
                classes="help-heading",
            )
        yield Footer()
