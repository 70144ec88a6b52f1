"""The footer: the main keys, as many as fit the terminal's width, none of them cut.

Textual's own footer lists every ``show=True`` binding and cuts the line at the edge of
the screen; this one keeps the most useful keys (``priority``, by action) that fit,
shown in the order of the bindings, and redraws when the terminal is resized.

Textual recomposes a footer (mounting every key anew) whenever the bindings change,
which is whenever the focus moves; this one recomposes only when the keys it shows
would differ, so moving the focus does not rebuild it, and the first paint builds it
once instead of three times.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: A key as shown: the binding, whether it is enabled, its tooltip.
Shown = tuple[Binding, bool, str]


class KeysFooter(Footer):
    def __init__(self, priority: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, show_command_palette=False)
        self._priority = list(priority)
        self._width = 0
        self._composed: list[tuple[object, ...]] | None = None  # what the keys show

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:  # a recompose resizes it again: only on change
            self._width = event.size.width
            self.refresh(recompose=True)

    async def recompose(self) -> None:
        """Compose again only if the keys would be drawn differently: Textual asks on
        every change of the bindings (each move of the focus), and on start-up three
        times over (the bindings ready, the first focus, the first width)."""
        if self._composed is not None and self._composed == _looks(self._keys()):
            return
        await super().recompose()

    def _keys(self) -> list[Shown]:
        """The keys to show, in the order of the bindings: by priority, those that fit."""
        shown: dict[str, Shown] = {}
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
        return [key for action, key in shown.items() if action in chosen]

    def compose(self) -> ComposeResult:
        if not self._bindings_ready or not self.size.width:
            self._composed = None
            return
        keys = self._keys()
        self._composed = _looks(keys)
        self.styles.grid_size_columns = len(keys)
        for binding, enabled, tooltip in keys:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)


def _looks(keys: list[Shown]) -> list[tuple[object, ...]]:
    """What decides how the keys are drawn (bindings compare by identity otherwise)."""
    return [(b.key, b.key_display, b.description, b.action, on, tip) for b, on, tip in keys]
