"""The bugs of issue 12 (item 6), each driven as a reader met it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.widgets import DataTable, OptionList, Static
from textual.widgets._footer import FooterKey

from resdiff.tui.app import ResdiffApp, make_app
from resdiff.tui.screens.tables import HistoryScreen
from resdiff.tui.widgets.footer import KeysFooter
from resdiff.tui.widgets.navigator import ClauseNavigator
from resdiff.tui.widgets.pair_view import PairView
from tests.builders import SEED_PAIR, WRAPPED_PAIR, seed_comparison, series_comparison
from tests.tui.conftest import SIZE, choose_filter, main_screen, settle, toasts


def _inserted_style(app: ResdiffApp) -> Style:
    view = app.screen.query_one(PairView)
    right = view.texts["right"]
    span = next(s for s in right.spans if right.plain[s.start : s.end].startswith("Demands"))
    assert isinstance(span.style, Style)
    return span.style


async def test_a_theme_switch_repaints_the_pair_view_at_once() -> None:
    app = make_app([], comparison=seed_comparison())
    app.theme = "textual-dark"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark = _inserted_style(app)
        nav = app.screen.query_one(ClauseNavigator)
        dark_row = nav._line(0, nav.size.width)  # PP1, drawn and kept
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = _inserted_style(app)
        wanted = app.screen.query_one(PairView).get_component_rich_style("pair-view--inserted")
        assert light != dark and light.color == wanted.color
        assert nav._line(0, nav.size.width) is not dark_row  # the list is drawn again too


async def test_the_palette_offers_only_real_drafts_and_names_keys_as_shown() -> None:
    for comparison, drafts in ((seed_comparison(), ()), (series_comparison(), (3,))):
        app = make_app([], comparison=comparison)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            commands = list(app.get_system_commands(app.screen))
            offered = {c.title for c in commands if c.title.startswith("Compare the base")}
            assert offered == {f"Compare the base with draft {n}" for n in drafts}
            helps = " ".join(c.help for c in commands)
            assert "pick_other" not in helps and "right_square_bracket" not in helps
            key = next(c for c in commands if c.title.startswith("Next key difference"))
            assert key.help == "key: ]"


async def test_no_differences_is_said_so(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("The Security Council,\n\n1. Decides to remain seized.\n", encoding="utf-8")
    app = make_app([str(draft), str(draft)])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        said = " ".join(toasts(app))
        assert "no differences" in said.lower() and "this is the last" not in said


async def test_keys_while_comparing_say_so(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import resdiff.pipeline

    release = threading.Event()
    real = resdiff.pipeline.compare

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(resdiff.pipeline, "compare", slow)
    app = make_app(draft_paths)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n", "f")
        await pilot.pause()
        said = " ".join(toasts(app))
        release.set()
        assert "still comparing" in said.lower() and "press o" not in said
        await settle(pilot)
        assert main_screen(app).comparison is not None


async def test_history_after_a_swap_says_which_series_it_shows() -> None:
    app = make_app([], comparison=series_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        said = " ".join(str(w.render()) for w in screen.query(Static))
        assert "as opened: S/2099/1 → S/2099/2 → S/2099/3" in said
        assert "swapping sides does not change it" in said
        assert "= unchanged" in said and "~ modified" in said and "+ added" in said  # legend


async def test_matrix_keeps_the_topic_column_and_lines_cells_up() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.fixed_columns == 1
        row = [str(cell) for cell in table.get_row_at(0)]  # Ceasefire
        a, b = (cell.split("\n") for cell in row[1:3])
        # S/2024/9001's link is on the line where S/2024/9002's is: both cells line up
        assert a.index(next(x for x in a if x.startswith("⚭"))) == b.index(
            next(x for x in b if x.startswith("⚭"))
        )
        assert a[-1].startswith("PP9") and b[-1].startswith("PP9") and len(a) == len(b)


async def test_history_shows_a_legend() -> None:
    app = make_app([], comparison=series_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        said = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "= unchanged" in said and "< split" in said and "> merged" in said


async def test_status_counts_agree_with_the_list() -> None:
    """Sub-paragraphs are counted (the list marks them too): 9 '~' rows are the header,
    7 modified paragraphs and 1 modified sub-paragraph; Rev.1's removed OP4(c) is
    counted."""
    for pair, wanted in (
        (SEED_PAIR, ("paragraphs: 7 modified", "sub-paragraphs: 1 modified")),
        (WRAPPED_PAIR, ("paragraphs: 3 modified, 1 added", "sub-paragraphs: 1 removed")),
    ):
        app = make_app([], comparison=seed_comparison(pair))
        async with app.run_test(size=(200, 60)) as pilot:
            await pilot.pause()
            s = main_screen(app)
            status = str(app.screen.query_one("#status-line").render())
            for words in wanted:
                assert words in status
            marks = [r.marker.split(" ")[0] for r in s.rows]
            pc = s.pairwise
            assert pc is not None and pc.header is not None
            counted = pc.counts, pc.sub_counts, pc.footnote_counts
            assert ("the header" in status) is pc.header.changed
            assert marks.count("~") == sum(c.modified for c in counted) + pc.header.changed
            assert marks.count("-") == sum(c.removed for c in counted)


async def test_a_topic_filter_narrows_the_key_differences_too() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        s = main_screen(app)
        panel = app.screen.query_one("#key-changes", OptionList)
        everything = panel.option_count
        await choose_filter(pilot, "topic", "terrorism")
        listed = {s.rows[i].index for i in app.screen.query_one(ClauseNavigator).listed}
        assert 0 < panel.option_count < everything
        for n in range(panel.option_count):
            key = s.keys[int(panel.get_option_at_index(n).id or -1)]
            rows = {i for i in listed for i in s.rows[i].changes}
            assert set(key.changes) & rows or any(
                c.topic == "terrorism" for c in key.item.group.changes
            )
        seen = set()
        for _ in range(panel.option_count):
            await pilot.press("right_square_bracket")
            assert s.key_pos in s.listed_keys
            seen.add(s.key_pos)
        assert seen == set(s.listed_keys)


@pytest.mark.parametrize(
    ("width", "keys"),
    [(80, {"n", "]", "g", "/", "?", "q", "m"}), (100, {"n", "p", "]", "m", "h", "o", "?", "q"})],
)
async def test_the_footer_shows_the_main_keys_uncut(width: int, keys: set[str]) -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        shown = list(footer.query(FooterKey))
        assert keys <= {app.get_key_display(app.screen.active_bindings[k.key][1]) for k in shown}
        assert max(k.region.right for k in shown) <= width


async def test_the_panel_keeps_the_key_difference_walked_to() -> None:
    """] to a key difference whose clause holds an earlier one too (the removed PP10 is
    also in "Hamas is no longer named anywhere") highlights the one walked to."""
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        s = main_screen(app)
        panel = app.screen.query_one("#key-changes", OptionList)
        for _ in range(len(s.keys) - 1):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert panel.highlighted == s.key_pos
        assert s.key_pos == len(s.keys) - 1


async def test_keys_pressed_quickly_leave_the_panel_on_the_last_one_walked_to() -> None:
    """The cursor's messages from earlier jumps arrive after later keys: they must not
    bring back a row already left, nor its first key difference to the panel."""
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        s = main_screen(app)
        panel = app.screen.query_one("#key-changes", OptionList)
        for _ in range(8):  # as keys read in one go from the terminal: no pause between
            s.action_next_key()
        await pilot.pause()
        assert s.key_pos == 8 and panel.highlighted == 8
        assert s.selected == s.keys[8].row
