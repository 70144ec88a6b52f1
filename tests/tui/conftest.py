"""Shared helpers for the terminal app tests: the production factory on known inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from resdiff.tui.app import ResdiffApp, make_app
from resdiff.tui.screens.main import MainScreen
from tests.tui.rich_comparison import rich_comparison

DRAFTS = Path(__file__).parent / "drafts"
SIZE = (120, 40)


@pytest.fixture
def rich_app() -> ResdiffApp:
    """The app showing the hand-built three-draft comparison (no worker needed)."""
    return make_app([], comparison=rich_comparison())


@pytest.fixture
def draft_paths() -> list[str]:
    return [str(DRAFTS / "draft-one.txt"), str(DRAFTS / "draft-two.txt")]


def main_screen(app: ResdiffApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


async def settle(pilot: Pilot[int]) -> None:
    """Wait for the compare worker and the messages it posts."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
