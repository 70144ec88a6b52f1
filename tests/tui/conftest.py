"""Shared helpers for the terminal app tests: the production factory on known inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets._toast import Toast, ToastRack

from resdiff.tui.app import ResdiffApp, make_app
from resdiff.tui.screens.main import MainScreen
from tests.builders import series_comparison

DRAFTS = Path(__file__).parent / "drafts"
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal with colour, whatever runs the tests (with TERM=xterm and no COLORTERM,
    rich reports 16 colours and the app would show [-old-]{+new+} markers); the tests of
    the marker mode ask for NO_COLOR themselves."""
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def series_app() -> ResdiffApp:
    """The app showing the engine's comparison of the three series drafts (computed once
    per session, so no worker is needed)."""
    return make_app([], comparison=series_comparison())


@pytest.fixture
def draft_paths() -> list[str]:
    return [str(DRAFTS / "draft-one.txt"), str(DRAFTS / "draft-two.txt")]


def main_screen(app: ResdiffApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


async def settle(pilot: Pilot[int]) -> None:
    """Wait for the workers and the messages they post. A worker's end is a message too
    (the export dialog closes on it), handled in a later turn: on a loaded machine two
    pauses were not always enough, so wait until a round changes nothing."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        screen = app.screen
        await pilot.pause()
        await pilot.pause()
        if app.screen is screen and not any(w.is_running for w in app.workers):
            return


def screen_lines(app: ResdiffApp) -> list[str]:
    """The whole screen as text, one string per terminal line (what a reader sees)."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def toasts(app: ResdiffApp) -> list[str]:
    """The notices on screen (the app must run with ``notifications=True``)."""
    rack = app.screen.get_child_by_type(ToastRack)
    return [str(toast.render()) for toast in rack.query(Toast)]


async def choose_filter(pilot: Pilot[int], mode: str, value: str | None) -> None:
    """Open the filter dialog (``f``) and choose the filter ``(mode, value)``."""
    from textual.widgets import OptionList

    from resdiff.tui.screens.dialogs import FilterDialog

    await pilot.press("f")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FilterDialog)
    wanted = next(i for i, f in enumerate(dialog._choices) if (f.mode, f.value) == (mode, value))
    dialog.query_one(OptionList).highlighted = wanted
    await pilot.press("enter")
    await pilot.pause()
