"""Search: over the text as shown (line breaks of a hard-wrapped draft are spaces, so any
whitespace matches any whitespace) and over clause addresses."""

from __future__ import annotations

from rich.style import Style

from resdiff.tui.app import make_app
from resdiff.tui.widgets.pair_view import PairView
from tests.builders import WRAPPED_PAIR, seed_comparison
from tests.tui.conftest import SIZE, main_screen


def _address(app) -> str:  # type: ignore[no-untyped-def]
    s = main_screen(app)
    assert s.selected is not None
    return s.rows[s.selected].address


def _status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#status-line").render())


async def test_search_crosses_the_line_breaks_of_a_hard_wrapped_draft() -> None:
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")  # start from the last clause
        await pilot.press("slash", *"durable  ceasefire", "enter")
        await pilot.pause()
        assert _address(app) == "OP1"
        right = app.screen.query_one(PairView).texts["right"]
        hit = right.plain.index("durable ceasefire")
        marked = [
            s
            for s in right.spans
            if isinstance(s.style, Style) and s.style.reverse and s.start <= hit < s.end
        ]
        assert marked and marked[0].end >= hit + len("durable ceasefire")


async def test_search_matches_clause_addresses() -> None:
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"op7", "enter")
        await pilot.pause()
        assert _address(app) in ("OP6→OP7", "OP7→OP8")
        assert "match 1 of 2" in _status(app)


async def test_closing_the_search_box_clears_the_match_count() -> None:
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"ceasefire", "enter")
        await pilot.pause()
        assert "match 1 of" in _status(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "match" not in _status(app) and "Esc" not in _status(app)
        assert app.screen.query_one(PairView).search_term == ""
