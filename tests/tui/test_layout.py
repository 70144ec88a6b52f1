"""The answer on screen at every size: the selected pair's key differences above its
texts, the status (filter, search) and every draft in the header, from 80x24 up."""

from __future__ import annotations

import pytest

from resdiff.tui.app import make_app
from resdiff.tui.widgets.navigator import ClauseNavigator
from resdiff.tui.widgets.pair_view import PairView
from tests.builders import SEED_PAIR, WRAPPED_PAIR, seed_comparison, series_comparison
from tests.tui.conftest import main_screen, screen_lines

SIZES = [(80, 24), (100, 30), (200, 60)]


def _squeezed(lines: list[str]) -> str:
    return " ".join(" ".join(lines).replace("│", " ").split())


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("pair", "summary", "text"),
    [
        (SEED_PAIR, "the ceasefire is no longer conditional", "Determines the imperative"),
        (WRAPPED_PAIR, "verb weakened from 'Calls upon' to 'Urges'", "Calls upon all parties"),
    ],
)
async def test_the_summary_is_above_the_texts_at_every_size(
    size: tuple[int, int], pair: tuple[str, str], summary: str, text: str
) -> None:
    app = make_app([], comparison=seed_comparison(pair))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        view = app.screen.query_one(PairView).region
        shown = _squeezed([line[view.x : view.right] for line in lines[view.y : view.bottom]])
        assert summary in shown and text in shown
        assert shown.index(summary) < shown.index(text)
        status = " ".join(lines[:4])
        assert "showing" in status and "all clauses" in status


@pytest.mark.parametrize("size", SIZES)
async def test_status_keeps_the_filter_and_the_search(size: tuple[int, int]) -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("u", "slash", *"ceasefire", "enter")
        await pilot.pause()
        status = str(app.screen.query_one("#status-line").render())
        assert "unchanged hidden" in status and "search 'ceasefire': match 1 of" in status
        assert len(status) <= size[0]


@pytest.mark.parametrize("size", SIZES)
async def test_the_header_lists_every_draft(size: tuple[int, int]) -> None:
    app = make_app([], comparison=series_comparison())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#drafts").render())
        for label in ("S/2099/1", "S/2099/2", "S/2099/3"):
            assert label in header
        assert app.screen.query_one("#drafts").region.height <= (1 if size[0] < 100 else 3)


async def test_panels_follow_the_terminal_and_z_zooms() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        pair = app.screen.query_one(PairView).region
        keys = app.screen.query_one("#key-changes").region
        assert pair.height > 30 and keys.height > 12  # not a fixed 10-row panel
        await pilot.press("z")
        await pilot.pause()
        assert not app.screen.query_one(ClauseNavigator).display
        assert app.screen.query_one(PairView).region.height > 50
        assert app.screen.focused is app.screen.query_one(PairView)
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.query_one(ClauseNavigator).display


async def test_the_list_leaves_room_for_the_text() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        s = main_screen(app)
        nav = app.screen.query_one(ClauseNavigator)
        assert s.selected is not None
        line = nav.row_text(s.selected)
        assert (
            "Demands an immedia" in line[: nav.size.width]
        )  # after a whole "sponsor" badge column
        start = line.index("Demands")
        assert nav.size.width - start >= 18  # was 8 characters at 100 columns
