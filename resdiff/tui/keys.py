"""Keys as a reader sees them, from the bindings themselves.

The help screen, the command palette and the key table in docs/tui.md are all made
from the screens' ``BINDINGS`` through these functions, so a key is described once
(``python -m tests.tui.keys_doc`` writes the table into docs/tui.md; a test checks it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding, BindingType
from textual.keys import format_key


def key_display(binding: Binding) -> str:
    """``]``, ``/``, ``↓`` ... (the binding's own ``key_display`` if it has one)."""
    if binding.key_display:
        return binding.key_display
    return " ".join(format_key(key.strip()) for key in binding.key.split(","))


def described(bindings: Iterable[BindingType]) -> list[Binding]:
    """The bindings that say what they do (``tooltip``, else ``description``), in order,
    one per action, with every key of the action (``down,j``: one binding, two keys)."""
    keys: dict[str, list[str]] = {}
    first: dict[str, Binding] = {}
    for binding in Binding.make_bindings(bindings):
        if not (binding.tooltip or binding.description):
            continue
        first.setdefault(binding.action, binding)
        keys.setdefault(binding.action, []).append(binding.key)
    return [replace(b, key=",".join(keys[action])) for action, b in first.items()]


def what_it_does(binding: Binding) -> str:
    return binding.tooltip or binding.description


#: Keys Textual gives every screen, in our words (documented here, bound by Textual).
TEXTUAL: tuple[Binding, ...] = (
    Binding("tab,shift+tab", "focus", tooltip="Move the focus: clause list, pair view, key list"),
    Binding("ctrl+p", "command_palette", tooltip="Command palette: every action by name, themes"),
    Binding("escape", "close", tooltip="Close a dialog, a prompt, or the matrix, history, help"),
)


def table(*groups: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for every described binding of ``groups``, in order; a binding
    whose keys an earlier one already lists is left out (``j`` on the screen, when the
    list already says ``↓ j``)."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    grouped: dict[str, int] = {}  # a group's description -> its row
    for bindings in (*groups, TEXTUAL):
        for binding in described(bindings):
            keys = {key.strip() for key in binding.key.split(",")}
            if keys <= seen:
                continue
            seen |= keys
            if binding.group is not None:  # "1" … "9": one row, "1…9"
                row = grouped.setdefault(binding.group.description, len(rows))
                if row < len(rows):
                    start = rows[row][0].split("…")[0]
                    rows[row] = (f"{start}…{key_display(binding)}", rows[row][1])
                    continue
                rows.append((key_display(binding), binding.group.description))
                continue
            rows.append((key_display(binding), what_it_does(binding)))
    return rows


def markdown_table(rows: Iterable[tuple[str, str]]) -> str:
    """The rows as the Markdown table of docs/tui.md."""
    out = ["| Key | What it does |", "|---|---|"]
    for keys, what in rows:
        shown = " ".join(f"`{k}`" if k != "`" else "`` ` ``" for k in keys.split(" "))
        what = what.replace("|", "\\|")
        out.append(f"| {shown} | {what} |")
    return "\n".join(out) + "\n"
