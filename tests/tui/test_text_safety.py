"""Text that reaches the terminal from outside (file names, search terms, notices) is shown
literally and cleaned: never read as Textual markup, never an escape sequence."""

from __future__ import annotations

from pathlib import Path

from resdiff.tui.app import ResdiffApp, make_app
from resdiff.tui.screens.dialogs import ErrorDialog
from resdiff.tui.screens.tables import HistoryScreen, MatrixScreen
from resdiff.tui.widgets.pair_view import PairView
from tests.tui.conftest import SIZE, main_screen, settle, toasts

HOSTILE = "\x1b]52;c;cHduZWQ=\x07[@click=app.quit]draft"
DRAFT = "The Security Council,\n\n1. Demands {} ceasefire;\n\n2. Decides to remain seized.\n"


def _hostile_pair(tmp_path: Path) -> list[str]:
    """Two drafts without a symbol (so each is named by its file), hostile file names."""
    paths = []
    for n, word in (("1", "an immediate"), ("2", "a lasting")):
        path = tmp_path / f"{HOSTILE}{n}.txt"
        path.write_text(DRAFT.format(word), encoding="utf-8")
        paths.append(str(path))
    return paths


async def test_searching_for_markup_does_not_crash(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"[/]", "enter")
        await pilot.pause()
        assert series_app.is_running
        assert any("[/]" in toast for toast in toasts(series_app))


async def test_a_bad_file_is_named_literally(tmp_path: Path) -> None:
    missing = tmp_path / "[b]missing [@click=app.quit].txt"
    other = tmp_path / "other.txt"
    other.write_text(DRAFT.format("a"), encoding="utf-8")
    app = make_app([str(missing), str(other)])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "[b]missing [@click=app.quit].txt" in str(
            app.screen.query_one("#error-message").render()
        )
        assert any("[b]missing [@click=app.quit].txt" in toast for toast in toasts(app))
        assert app.is_running


async def test_file_names_are_cleaned_everywhere(tmp_path: Path) -> None:
    app = make_app(_hostile_pair(tmp_path), series=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        s = main_screen(app)
        shown = [
            str(s.query_one("#drafts").render()),
            *s.query_one(PairView).labels,
            s.query_one(PairView).rendered_text(),
        ]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        shown += app.screen._header
        await pilot.press("escape", "h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        shown += app.screen._header
        for text in shown:
            assert "\x1b" not in text and "\x07" not in text, repr(text)
        assert any("[@click=app.quit]draft1.txt" in text for text in shown)
