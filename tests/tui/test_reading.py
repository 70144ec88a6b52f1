"""Reading a comparison: where the app opens, jumping by address, changes inside a clause,
copying and paging."""

from __future__ import annotations

from textual.widgets import OptionList

from resdiff.tui.app import ResdiffApp, make_app
from tests.builders import WRAPPED_PAIR, seed_comparison
from tests.tui.conftest import SIZE, main_screen, toasts


def _address(app: ResdiffApp) -> str:
    s = main_screen(app)
    assert s.selected is not None
    return s.rows[s.selected].address


async def test_opens_on_the_top_ranked_key_difference() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = main_screen(app)
        assert _address(app) == "OP1"  # the linkage change ranks first; PP4+PP5 comes first
        assert s.key_pos == 0
        assert app.screen.query_one("#key-changes", OptionList).highlighted == 0
        await pilot.press("right_square_bracket")
        assert s.key_pos == 1
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _address(app) == "OP3"  # the softened verb ranks first in Rev.1


async def test_g_jumps_to_a_clause_by_its_address() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("g", *"OP7", "enter")
        await pilot.pause()
        assert _address(app) == "OP5→OP7"  # the shown draft's OP7
        assert not app.screen.query_one("#goto").has_class("-shown")
        await pilot.press("colon", *"4(b)", "enter")  # not in B: the base's OP4(b)
        await pilot.pause()
        assert _address(app) == "OP4(b)→OP6(b)"
        await pilot.press("g", *"a pp10", "enter")
        await pilot.pause()
        assert _address(app) == "PP10"
        await pilot.press("g", *"OP77", "enter")
        await pilot.pause()
        assert _address(app) == "PP10"
        assert any("No clause OP77" in t for t in toasts(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#goto").has_class("-shown")
