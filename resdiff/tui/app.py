"""The Textual app and ``make_app``, the one factory the CLI and the tests use."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from resdiff.errors import ResdiffError
from resdiff.model import CompareOptions, Comparison
from resdiff.present.sanitize import clean_terminal
from resdiff.tui import keys, prefs
from resdiff.tui.request import Request
from resdiff.tui.screens.main import MainScreen

if TYPE_CHECKING:
    from resdiff.pipeline import LoadOptions
    from resdiff.tui.early import EarlyComparison


class ResdiffApp(App[int]):
    """Holds what was asked for on the command line; the main screen owns the rest."""

    CSS_PATH = "resdiff.tcss"
    TITLE = "resdiff"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(self, request: Request) -> None:
        super().__init__()
        self.request = request
        self.preferences = prefs.Preferences()
        self._ignored: list[str] = []
        if request.config is not None:
            self.preferences, self._ignored = prefs.read(request.config, set(self.available_themes))
            if self.preferences.theme:
                self.theme = self.preferences.theme

    def on_mount(self) -> None:
        for note in self._ignored:
            self.notify(note, title="Preferences", severity="warning", timeout=6)
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember(theme=theme.name))

    def remember(self, **changes: object) -> None:
        """Change preferences and write them (unless ``--no-config``); a file that cannot
        be written is said once, and the app goes on."""
        self.preferences = replace(self.preferences, **changes)  # type: ignore[arg-type]
        path = self.request.config
        if path is None:
            return
        try:
            prefs.write(path, self.preferences)
        except ResdiffError as exc:
            self.notify(f"Preferences not saved: {exc}", severity="warning")
            self.request = replace(self.request, config=None)  # say it once

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.request)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every binding of the current screen that applies now, by what it does and its
        key as shown ("key: ]"), then Textual's own."""
        offers = getattr(screen, "offers", None)
        for binding in keys.described(getattr(screen, "BINDINGS", ())):
            if binding.action == "app.quit" or binding.system:
                continue  # Textual lists "Quit" itself
            if offers is not None and not offers(binding.action):
                continue
            yield SystemCommand(
                keys.what_it_does(binding),
                f"key: {keys.key_display(binding)}",
                partial(screen.run_action, binding.action),
            )
        yield from super().get_system_commands(screen)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices carry file names and search terms: shown literally (never Textual
        markup) and cleaned of anything a terminal would act on."""
        super().notify(
            clean_terminal(message),
            title=clean_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def action_quit(self) -> None:  # type: ignore[override]
        self.exit(0)


def make_app(
    files: list[str],
    options: CompareOptions | None = None,
    *,
    comparison: Comparison | None = None,
    load: LoadOptions | None = None,
    series: bool | None = None,
    config: bool = True,
    corpus: str | None = None,
    early: EarlyComparison | None = None,
) -> ResdiffApp:
    """The app for ``files`` (two or more are compared at once; fewer opens a dialog).

    ``comparison`` shows an already computed result instead (tests, other front ends).
    ``load`` is how drafts are read (tracked changes in Word inputs accepted or
    rejected); ``series`` whether they are a series when asked (``--series`` or
    ``--no-series``), else the pipeline's rule decides (``pipeline.is_series``);
    ``config`` whether the preferences file is read and written (``--no-config``);
    ``corpus`` the database searched for agreed language (``--corpus``/``--db``);
    ``early`` the comparison of ``files`` already started (``tui.early.start_early``,
    with the same options), which the app receives instead of starting its own.
    Standard input (``-``) is refused: the app needs the terminal for the keyboard.
    """
    if "-" in files:
        raise ResdiffError(
            "the interactive app cannot read a draft from standard input; "
            "save it to a file, or use 'resdiff report'"
        )
    where = prefs.default_path() if config else None
    request = Request(
        tuple(files), options or CompareOptions(), load, series, comparison, where, corpus, early
    )
    return ResdiffApp(request)


def run_app(app: ResdiffApp, *, headless: bool = False, **kwargs: Any) -> int:
    """Run the app to its end and return its exit code, ready for the process to end:
    the interpreter's last collections over the app's objects took 0.2-0.5 s after the
    screen was restored (``gc.freeze`` leaves them to the end of the process)."""
    app.run(headless=headless, **kwargs)
    gc.freeze()
    return int(app.return_code or 0)
