"""Keys as a reader sees them, from the bindings themselves.

The help screen, the command palette and the key table in docs/tui.md are all made
from the screens' ``BINDINGS`` through these functions, so a key is described once.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType
from textual.keys import format_key


def key_display(binding: Binding) -> str:
    """``]``, ``/``, ``↑ k`` ... (the binding's own ``key_display`` if it has one)."""
    if binding.key_display:
        return binding.key_display
    return " ".join(format_key(key.strip()) for key in binding.key.split(","))


def described(bindings: Iterable[BindingType]) -> list[Binding]:
    """The bindings that say what they do (``tooltip``, else ``description``), in order,
    one per action."""
    seen: set[str] = set()
    out = []
    for binding in Binding.make_bindings(bindings):
        if binding.action in seen or not (binding.tooltip or binding.description):
            continue
        seen.add(binding.action)
        out.append(binding)
    return out


def what_it_does(binding: Binding) -> str:
    return binding.tooltip or binding.description
