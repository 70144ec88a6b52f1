"""The footer: the main keys, as many as fit the terminal's width, none of them cut.

Textual's own footer lists every ``show=True`` binding and cuts the line at the edge of
the screen; this one keeps the most useful keys (``priority``, by action) that fit,
shown in the order of the bindings, and redraws when the terminal is resized.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    def __init__(self, priority: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, show_command_palette=False)
        self._priority = list(priority)
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:  # a recompose resizes it again: only on change
            self._width = event.size.width
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready or not self.size.width:
            return
        shown = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        order = [a for a in self._priority if a in shown]
        order += [a for a in shown if a not in order]
        chosen, used = set(), 0
        for action in order:
            binding = shown[action][0]
            width = len(self.app.get_key_display(binding)) + len(binding.description) + 2
            if used + width <= self.size.width:
                chosen.add(action)
                used += width
        self.styles.grid_size_columns = len(chosen)
        for action, (binding, enabled, tooltip) in shown.items():
            if action in chosen:
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip,
                ).data_bind(compact=Footer.compact)
