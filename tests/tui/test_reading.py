"""Reading a comparison: where the app opens, jumping by address, changes inside a clause,
copying and paging."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.widgets import OptionList

from resdiff.tui.app import ResdiffApp, make_app
from resdiff.tui.screens.amendments import AmendmentsScreen
from resdiff.tui.screens.dialogs import ChoiceDialog
from resdiff.tui.widgets.pair_view import PairView
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


async def test_without_the_key_panel_the_key_difference_is_said() -> None:
    """At 80x24 the key differences have no panel: ] says which one it went to, in the
    panel's (the reports') words, since a clause may hold several."""
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#key-changes").display
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _address(app) == "OP6→OP8"
        said = "Key difference 2 of 13: ▲ stronger A OP6 -> B OP8: verb strengthened"
        assert any(t.startswith(said) for t in toasts(app))
    async with make_app([], comparison=seed_comparison()).run_test(
        size=(100, 30), notifications=True
    ) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert not [t for t in toasts(pilot.app) if t.startswith("Key difference")]


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


async def test_a_rewritten_clause_is_shown_before_then_after() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _address(app) == "OP1"  # rewritten: below the reports' rewrite threshold
        view = app.screen.query_one(PairView)
        shown = " ".join(view.rendered_text().split())
        assert "OP1 ~ modified · rewritten: old text, then new" in shown
        before = shown.index("A: S/2024/9001 (before)")
        after = shown.index("B: S/2024/9002 (after)")
        assert before < shown.index("Determines the imperative of an immediate and") < after
        assert after < shown.index("Demands an immediate ceasefire")
        await pilot.press("v")  # the same blocks inline: never two drifting columns
        await pilot.pause()
        assert "(before)" in view.rendered_text() and "(after)" in view.rendered_text()


async def test_curly_brackets_step_through_the_changes_of_a_long_clause() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g", *"OP2", "enter")  # split: its changes run down the clause
        await pilot.pause()
        view = app.screen.query_one(PairView)
        current, total = view.change_position
        assert current is None and total >= 2
        lines = []
        for _ in range(total):
            await pilot.press("right_curly_bracket")
            await pilot.pause()
            lines.append(view.change_position[0])
            top = int(view.scroll_offset.y)
            stop = view._stops[view.change_position[0] - 1][0]  # type: ignore[operator]
            assert top <= stop < top + view.scrollable_content_region.height  # on screen
        assert lines == list(range(1, total + 1))
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert view.change_position[0] == total - 1
        assert "change line" in str(view.border_subtitle)


@pytest.mark.parametrize("terminal", ["NO_COLOR", "16 colours"])
async def test_marker_mode_for_terminals_without_colour(
    monkeypatch: pytest.MonkeyPatch, terminal: str
) -> None:
    if terminal == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("COLORTERM")
        monkeypatch.setenv("TERM", "xterm")
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(PairView)
        assert view.markers  # NO_COLOR: the changes carry their own markers
        columns = view.rendered_text()
        assert "[-Calls upon-]" in columns and "{+Urges+}" in columns
        await pilot.press("v")
        await pilot.pause()
        assert "[-Calls upon-]{+Urges+}" in view.rendered_text()
        await pilot.press("M")
        await pilot.pause()
        assert not view.markers and "[-" not in view.rendered_text()


async def test_y_copies_either_text_or_the_pair_as_a_diff() -> None:
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("g", *"OP1", "enter", "y")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("b")
        await pilot.pause()
        # Rev.1 is hard-wrapped: the copy is the clause as one paragraph, as shown
        assert app.clipboard.startswith("Determines the imperative of an immediate, sustained")
        assert "durable ceasefire" in app.clipboard and "\n" not in app.clipboard
        await pilot.press("y", "a")
        await pilot.pause()
        assert "immediate and sustained ceasefire" in app.clipboard
        await pilot.press("y", "d")
        await pilot.pause()
        head, body = app.clipboard.split("\n", 1)
        assert head == "A S/2024/9001 OP1 -> B S/2024/9001/Rev.1 OP1  ~ modified"
        assert "immediate[- and-]{+,+} sustained {+and durable+} ceasefire" in body
        await pilot.press("y", "escape")
        await pilot.pause()
        main_screen(app)


async def test_the_pager_key_shows_the_pair_or_the_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """P hands the terminal to $PAGER (App.suspend; the headless test driver cannot
    suspend, so the test lets it through) with the pair or the whole text report."""
    out = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {out}'")
    monkeypatch.setattr(ResdiffApp, "suspend", lambda self: contextlib.nullcontext())
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("P", "p")
        await pilot.pause()
        assert out.read_text(encoding="utf-8").startswith("A S/2024/9001 OP3 -> B")
        await pilot.press("P", "r")
        await pilot.pause()
        assert "Key differences" in out.read_text(encoding="utf-8")


async def test_a_missing_pager_is_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "/no/such/pager")
    monkeypatch.setattr(ResdiffApp, "suspend", lambda self: contextlib.nullcontext())
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("P", "p")
        await pilot.pause()
        assert any("cannot run the pager" in t for t in toasts(app))
        assert app.is_running


async def test_a_shows_the_amendments_for_the_pair() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AmendmentsScreen)
        assert screen.text.startswith("Amendments to draft resolution S/2024/9001")
        assert "Replace operative paragraph 1 with the following:" in screen.text
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == screen.text
        await pilot.press("escape")
        await pilot.pause()
        main_screen(app)
