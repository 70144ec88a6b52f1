"""Pilot tests: every binding and flow of the app, built with the production factory."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style
from textual.message import Message
from textual.widgets import Input, OptionList, Select

from resdiff.errors import ResdiffError
from resdiff.model import CompareOptions
from resdiff.tui.app import ResdiffApp, make_app
from resdiff.tui.messages import ComparisonReady, DocumentsLoaded
from resdiff.tui.screens.dialogs import ErrorDialog, FilterDialog
from resdiff.tui.screens.export import ExportDialog
from resdiff.tui.screens.help import HelpScreen
from resdiff.tui.screens.open_file import OpenFileDialog
from resdiff.tui.screens.tables import HistoryScreen, MatrixScreen
from resdiff.tui.widgets.navigator import ClauseNavigator
from resdiff.tui.widgets.pair_view import PairView
from tests.builders import escaped_comparison, series_comparison
from tests.tui.conftest import DRAFTS, SIZE, choose_filter, main_screen, settle


def _address(app: ResdiffApp) -> str:
    s = main_screen(app)
    assert s.selected is not None
    return s.rows[s.selected].address


def _plain(prompt: object) -> str:
    """What an option's prompt (a Rich renderable) says, as plain text."""
    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(prompt)
    return captured.get()


def _column_text(app: ResdiffApp, column: str) -> str:
    return app.screen.query_one(PairView).texts[column].plain


# ---------------------------------------------------------------- loading


async def test_opens_two_files_and_compares_in_a_worker(draft_paths: list[str]) -> None:
    app = make_app(draft_paths, options=CompareOptions())
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        # the drafts are named as soon as they are parsed, then the comparison arrives
        ours = [m for m in seen if isinstance(m, (DocumentsLoaded, ComparisonReady))]
        kinds = [type(m) for m in dict.fromkeys(ours)]  # the hook may see a message twice
        assert kinds == [DocumentsLoaded, ComparisonReady]
        s = main_screen(app)
        assert s.comparison is not None
        assert len(app.screen.query_one(ClauseNavigator).listed) == len(s.rows) > 5
        assert not app.screen.query_one("#body").loading
        # the first difference is selected and shown in both columns
        assert s.selected is not None and s.rows[s.selected].changed
        assert _column_text(app, "left") == s.rows[s.selected].pair.text_a()


async def test_bad_file_shows_error_and_app_keeps_running(tmp_path: Path) -> None:
    app = make_app([str(tmp_path / "missing.txt"), str(DRAFTS / "draft-two.txt")])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "missing.txt" in str(app.screen.query_one("#error-message").render())
        await pilot.press("enter")
        await pilot.pause()
        # nothing compared yet: the open dialog follows, and the app is still alive
        assert isinstance(app.screen, OpenFileDialog)
        assert app.is_running


async def test_open_dialog_when_fewer_than_two_files(draft_paths: list[str]) -> None:
    app = make_app([])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpenFileDialog)
        box = app.screen.query_one("#open-path", Input)
        box.value = "/no/such/draft.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert "Not a file" in str(app.screen.query_one("#open-error").render())
        for path in draft_paths:
            box.value = path
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("enter")  # empty input with two drafts: compare
        await settle(pilot)
        s = main_screen(app)
        assert s.comparison is not None
        assert [d.source for d in s.comparison.documents] == draft_paths


async def test_open_dialog_cancel_leaves_a_hint() -> None:
    app = make_app([])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "press o" in str(app.screen.query_one("#status-line").render())
        await pilot.press("n")  # nothing to navigate: a notice, no crash
        await pilot.pause()
        assert app.is_running


# ---------------------------------------------------------------- navigation


async def test_n_and_p_walk_differences_in_document_order(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _address(series_app) == "OP1"  # opens on the top-ranked key difference
        await pilot.press("p", "p")
        assert _address(series_app) == "PP2"  # the first difference, not PP1
        seen = []
        for _ in range(4):
            await pilot.press("n")
            seen.append(_address(series_app))
        assert seen == ["OP6→PP3", "OP1", "OP2", "OP2→OP3+OP4"]
        await pilot.press("p")
        assert _address(series_app) == "OP2"
        for _ in range(20):
            await pilot.press("n")
        assert _address(series_app) == "PP3→OP8"  # stops at the last, no wrap


async def test_key_differences_one_per_clause_pair_in_the_reports_order(
    series_app: ResdiffApp,
) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = main_screen(series_app)
        panel = series_app.screen.query_one("#key-changes", OptionList)
        assert panel.option_count == len(s.keys) == 6 < len(s.pairwise.changes)  # type: ignore[union-attr]
        assert s.key_pos == 0 and _address(series_app) == "OP1"  # the linkage group first
        await pilot.press("right_square_bracket")
        assert s.key_pos == 1 and _address(series_app) == "PP3→OP8"  # then the promotion
        await pilot.press("right_square_bracket")
        assert s.key_pos == 2 and _address(series_app) == "OP6→PP3"  # then the demotion
        await pilot.press("left_square_bracket")
        assert s.key_pos == 1 and _address(series_app) == "PP3→OP8"
        assert panel.highlighted == 1
        # walking with n highlights the clause's key difference in the panel
        await pilot.press("g", *"OP1", "enter", "n", "n")
        assert _address(series_app) == "OP2→OP3+OP4"
        await pilot.press("p")
        assert _address(series_app) == "OP2"
        added = next(k for k in s.keys if k.item.kind.id == "added")
        assert panel.highlighted == s.keys.index(added) > 0


async def test_the_highlighted_key_difference_lists_its_facets(series_app: ResdiffApp) -> None:
    """A group's other changes stay reachable: the highlighted entry opens to them (in the
    text report's words), the others say how many they hold."""
    async with series_app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        s = main_screen(series_app)
        panel = series_app.screen.query_one("#key-changes", OptionList)

        def said(n: int) -> str:
            return " ".join(_plain(panel.get_option_at_index(n).prompt).split())

        opened = said(0)
        assert opened.startswith("1. ⇄ linkage A OP1 -> B OP1:")
        assert all(" ".join(f.split()) in opened for f in s.keys[0].facets)
        assert said(1).endswith("▸ 1 more") and s.keys[1].facets[0] not in said(1)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert s.keys[1].facets[0] in said(1) and s.keys[0].facets[0] not in said(0)


async def test_choosing_a_key_difference_jumps_to_its_clause(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = series_app.screen.query_one("#key-changes", OptionList)
        panel.focus()
        s = main_screen(series_app)
        pp2 = next(i for i, k in enumerate(s.keys) if k.row and s.rows[k.row].address == "PP2")
        panel.highlighted = pp2  # PP2's verb, ranked below the header's changes
        await pilot.press("enter")
        await pilot.pause()
        assert _address(series_app) == "PP2"


async def test_arrows_and_j_k_move_the_cursor(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert _address(series_app) == "OP2"
        await pilot.press("j")
        await pilot.pause()
        assert _address(series_app) == "OP2→OP3+OP4"
        await pilot.press("k", "up")
        await pilot.pause()
        assert _address(series_app) == "OP1"


async def test_mouse_click_selects_a_clause(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # the border is line 0, then one line per row: OP1 is the fifth row (the
        # header's pair, PP1, PP2, OP6→PP3, OP1)
        await pilot.click(ClauseNavigator, offset=(10, 5))
        await pilot.pause()
        assert _address(series_app) == "OP1"


async def test_search_finds_text_in_either_draft(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert series_app.screen.focused is series_app.screen.query_one("#search", Input)
        await pilot.press(*"focal", "enter")
        await pilot.pause()
        assert _address(series_app) == "OP2→OP3+OP4"
        assert series_app.screen.query_one(PairView).search_term == "focal"
        await pilot.press("escape")
        await pilot.pause()
        assert not series_app.screen.query_one("#search").has_class("-shown")


# ---------------------------------------------------------------- views and filters


async def test_filter_by_status(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(series_app.screen, FilterDialog)
        dialog = series_app.screen
        choices = dialog._choices
        target = next(i for i, f in enumerate(choices) if (f.mode, f.value) == ("status", "added"))
        dialog.query_one(OptionList).highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        s = main_screen(series_app)
        listed = series_app.screen.query_one(ClauseNavigator).listed
        assert [s.rows[i].address for i in listed] == ["OP2"]
        assert "status: added" in str(series_app.screen.query_one("#status-line").render())


async def test_filter_by_topic_and_escape_cancels(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        s = main_screen(series_app)
        assert s.flt.mode == "all"
        await choose_filter(pilot, "topic", "hostages")
        listed = series_app.screen.query_one(ClauseNavigator).listed
        assert {s.rows[i].address for i in listed} == {"OP1", "OP2"}


async def test_u_hides_and_shows_unchanged(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        nav = series_app.screen.query_one(ClauseNavigator)
        s = main_screen(series_app)
        everything = len(nav.listed)
        await pilot.press("u")
        await pilot.pause()
        assert all(s.rows[i].changed for i in nav.listed) and len(nav.listed) < everything
        assert _address(series_app) == "OP1"  # the selection survives
        await pilot.press("u")
        await pilot.pause()
        assert len(nav.listed) == everything


async def test_v_toggles_inline_view(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p", "p")  # PP2
        view = series_app.screen.query_one(PairView)
        assert not view.inline
        side_by_side = view.rendered_text()
        assert "A: S/2099/1" in side_by_side and "B: S/2099/2" in side_by_side
        await pilot.press("v")
        await pilot.pause()
        assert view.inline and view.has_class("-inline")
        inline = view.rendered_text()
        assert "A: S/2099/1 → B: S/2099/2" in inline
        assert "Expressing deep grave concern about the catastrophic" in inline  # runs apart
        await pilot.press("v")
        await pilot.pause()
        assert view.rendered_text() == side_by_side


async def test_s_swaps_sides_by_recomputing(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = main_screen(series_app)
        await pilot.press("s")
        await settle(pilot)
        assert s.comparison is not None
        labels = [d.label for d in s.comparison.documents]
        assert labels[:2] == ["S/2099/2", "S/2099/1"]  # B is now the base
        assert "1 A (base): S/2099/2" in str(series_app.screen.query_one("#drafts").render())


async def test_number_keys_pick_the_other_draft(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = main_screen(series_app)
        await pilot.press("3")
        await pilot.pause()
        assert s.pairwise is not None and s.pairwise.b == "C"
        added = [r.address for r in s.rows if r.pair.status == "added"]
        assert added == ["OP2", "OP9"]  # S/2099/3 adds OP9 to what S/2099/2 added
        await pilot.press("2")
        await pilot.pause()
        assert s.pairwise is not None and s.pairwise.b == "B"
        await pilot.press("1", "9")  # the base; no such draft: notices only
        await pilot.pause()
        assert s.pairwise.b == "B"


async def test_three_files_make_a_series_with_history() -> None:
    files = [str(DRAFTS / f"draft-{n}.txt") for n in ("one", "two", "three")]
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        s = main_screen(app)
        assert s.comparison is not None and s.comparison.options.series
        assert len(s.comparison.comparisons) == 2


# ---------------------------------------------------------------- other screens


async def test_matrix_history_and_help_screens(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, screen_type in (
            ("m", MatrixScreen),
            ("h", HistoryScreen),
            ("question_mark", HelpScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(series_app.screen, screen_type)
            await pilot.press("escape")
            await pilot.pause()
            main_screen(series_app)


async def test_history_says_not_a_series_for_two_drafts(draft_paths: list[str]) -> None:
    app = make_app(draft_paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert "Not a series" in str(app.screen.query_one(".empty-note").render())


async def test_export_writes_a_report(series_app: ResdiffApp, tmp_path: Path) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = series_app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value.endswith("resdiff-report.json")
        out = tmp_path / "out.json"
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.click("#export")
        await settle(pilot)
        main_screen(series_app)
        assert out.exists() and '"S/2099/2"' in out.read_text(encoding="utf-8")


async def test_export_to_word_writes_the_pair_on_screen(
    series_app: ResdiffApp, tmp_path: Path
) -> None:
    """Three drafts, C shown: the Word file is C against A (one comparison per file)."""
    import docx

    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "e")
        await pilot.pause()
        dialog = series_app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = "docx"
        out = tmp_path / "c.docx"
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.click("#export")
        await settle(pilot)
        main_screen(series_app)
        assert docx.Document(str(out)).core_properties.title == "S/2099/3: changes against S/2099/1"


async def test_export_error_stays_in_the_dialog(series_app: ResdiffApp, tmp_path: Path) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = series_app.screen
        dialog.query_one("#export-path", Input).value = str(tmp_path / "nope" / "r.txt")
        await pilot.click("#export")
        await settle(pilot)
        assert series_app.screen is dialog
        error = dialog.query_one("#export-error")
        assert error.has_class("-shown") and "folder does not exist" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        main_screen(series_app)
        assert series_app.is_running


async def test_export_refuses_to_overwrite_an_input(draft_paths: list[str]) -> None:
    app = make_app(draft_paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        before = Path(draft_paths[0]).read_bytes()
        app.screen.query_one("#export-path", Input).value = draft_paths[0]
        await pilot.click("#export")
        await settle(pilot)
        assert "overwrite an input" in str(app.screen.query_one("#export-error").render())
        assert Path(draft_paths[0]).read_bytes() == before


async def test_q_quits(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert series_app.return_code == 0


async def test_command_palette_lists_every_action(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in series_app.get_system_commands(series_app.screen)}
    for wanted in (
        "Next difference, in document order",
        "Previous difference",
        "Next key difference, one per clause pair (the app opens on the first)",
        "Previous key difference",
        "Next clause in the list",
        "Search both drafts (text or address)",
        "Filter the clauses (changed, status, topic)",
        "Show or hide unchanged clauses",
        "Side by side or inline view",
        "Swap sides (the shown draft becomes the base)",
        "Positions matrix: each topic in each draft",
        "History of a series of drafts",
        "Export the comparison as a report",
        "Open other drafts",
        "Help: every key and marker",
        "Compare the base with draft 3",
        "Quit",
    ):
        assert wanted in titles


# ---------------------------------------------------------------- text safety and looks


async def test_markup_in_a_draft_is_shown_literally(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = main_screen(series_app)
        s._goto(next(r.index for r in s.rows if r.address == "OP7"))
        await pilot.pause()
        left = _column_text(series_app, "left")
        assert "[bold]sample[/bold]" in left and "[link=https://example.org]" in left
        assert s.selected is not None
        assert "[bold]" in series_app.screen.query_one(ClauseNavigator).row_text(s.selected)


async def test_escape_sequences_are_stripped() -> None:
    app = make_app([], comparison=escaped_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _address(app) == "OP1"
        left = _column_text(app, "left")
        assert "\x1b" not in left and "\x07" not in left and "for calm" in left
        shown = app.screen.query_one(PairView).rendered_text()
        assert "\x1b" not in shown and "urgent" in shown


async def test_inserted_and_deleted_words_are_marked_without_colour(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "p")  # PP2
        view = series_app.screen.query_one(PairView)
        left, right = view.texts["left"], view.texts["right"]
        deleted = next(s for s in left.spans if left.plain[s.start : s.end] == "deep")
        inserted = next(s for s in right.spans if right.plain[s.start : s.end] == "grave")
        assert isinstance(deleted.style, Style) and deleted.style.strike
        assert isinstance(inserted.style, Style) and inserted.style.underline


async def test_narrow_terminal_stacks_panels(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(series_app)
        assert screen.has_class("-narrow")
        nav = screen.query_one(ClauseNavigator)
        pair = screen.query_one(PairView)
        assert nav.region.width > 70 and pair.region.y > nav.region.y
        assert not screen.query_one("#key-changes").display
        assert _address(series_app) == "OP1"
        await pilot.press("n")
        assert _address(series_app) == "OP2"
        # the key differences panel is hidden, but ] still works and the summary shows
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _address(series_app) == "PP3→OP8"
        await pilot.press("g", *"OP1", "enter")
        await pilot.pause()
        shown = " ".join(pair.rendered_text().split())
        assert "no longer conditional on hostage release" in shown
        # at any size the summaries come first, above the words
        assert shown.index("no longer conditional") < shown.index("Determines the imperative")


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_dark_and_light_themes_style_the_diff(series_app: ResdiffApp, theme: str) -> None:
    series_app.theme = theme
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = series_app.screen.query_one(PairView)
        style = view.get_component_rich_style("pair-view--inserted")
        assert style.underline and style.color is not None
        deleted = view.get_component_rich_style("pair-view--deleted")
        assert deleted.strike and deleted.bgcolor is not None


async def test_no_color_keeps_markers(
    series_app: ResdiffApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app([], comparison=series_app.request.comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.no_color
        nav = app.screen.query_one(ClauseNavigator)
        s = main_screen(app)
        symbols = [nav.row_text(i)[:3].strip() for i in nav.listed]
        assert "<" in symbols and ">" in symbols and "+" in symbols and "~" in symbols
        assert next(r for r in s.rows if r.address == "PP2").marker == "~ modified"


async def test_swap_with_three_drafts_keeps_the_same_two(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = main_screen(series_app)
        await pilot.press("3")  # A (S/2099/1) against C (S/2099/3)
        await pilot.press("s")
        await settle(pilot)
        assert s.comparison is not None and s.pairwise is not None
        base = s.comparison.document(s.pairwise.a)
        shown = s.comparison.document(s.pairwise.b)
        assert (base.label, shown.label) == ("S/2099/3", "S/2099/1")
        # the history still names the drafts it was computed with
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(series_app.screen, HistoryScreen)
        header = series_app.screen._header
        assert header == ["clause in S/2099/3", "S/2099/1", "S/2099/2"]


async def test_o_reopens_the_open_dialog_and_escape_keeps_the_comparison(
    draft_paths: list[str],
) -> None:
    app = make_app(draft_paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = main_screen(app).comparison
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileDialog)
        assert "draft-one.txt" in str(app.screen.query_one("#open-files").render())
        await pilot.press("escape")
        await pilot.pause()
        assert main_screen(app).comparison is before


async def test_path_completion_suggests_existing_files() -> None:
    from resdiff.tui.screens.open_file import PathSuggester

    suggester = PathSuggester()
    prefix = str(DRAFTS / "draft-tw")
    assert await suggester.get_suggestion(prefix) == str(DRAFTS / "draft-two.txt")
    assert await suggester.get_suggestion(str(DRAFTS / "nothing-here")) is None


async def test_palette_commands_run_their_actions(series_app: ResdiffApp) -> None:
    async with series_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(series_app)
        commands = {c.title: c for c in series_app.get_system_commands(screen)}
        title = "Next key difference, one per clause pair (the app opens on the first)"
        await commands[title].callback()
        await pilot.pause()
        assert _address(series_app) == "PP3→OP8"


def test_standard_input_is_refused_before_the_app_starts(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from resdiff.cli import main

    with pytest.raises(ResdiffError, match="standard input"):
        make_app(["-", draft_paths[1]])
    # through the CLI on a terminal: one line on stderr and exit code 2, no app started
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["-", draft_paths[1]]) == 2
    assert "cannot read a draft from standard input" in capsys.readouterr().err


async def test_a_bug_in_a_stage_is_reported_not_fatal(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import resdiff.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(resdiff.pipeline, "compare", broken)
    app = make_app(draft_paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "internal error while comparing" in str(
            app.screen.query_one("#error-message").render()
        )
        assert app.is_running


async def test_seed_series_shows_each_clause_round_by_round() -> None:
    from tests.conftest import SEEDS

    files = [
        str(SEEDS / name)
        for name in ("s-2024-9000-earlier.txt", "s-2024-9001-tied.txt", "s-2024-9001-rev1-tied.txt")
    ]
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        s = main_screen(app)
        assert s.comparison is not None and s.comparison.history
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert screen._header[0] == "clause in S/2024/9001/Rev.1"
        assert len(screen._rows) == len(s.comparison.history)


async def test_a_comparison_without_pairs_does_not_break_the_app() -> None:
    from dataclasses import replace

    from resdiff.model import Counts

    rich = series_comparison()
    empty = replace(
        rich,
        comparisons=tuple(
            replace(pc, pairs=(), counts=Counts(), changes=(), header=None, footnotes=())
            for pc in rich.comparisons
        ),
    )
    app = make_app([], comparison=empty)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("n", "p", "right_square_bracket", "u", "v", "j", "slash", "escape", "f"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)  # f still offers "all" and "changed"
        await pilot.press("escape")
        await pilot.pause()
        assert main_screen(app).selected is None
        assert "No clause selected." in app.screen.query_one(PairView).rendered_text()


async def test_an_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("", encoding="utf-8")
    b.write_text("1. Decides to remain seized of the matter.\n", encoding="utf-8")
    app = make_app([str(a), str(b)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "a.txt" in str(app.screen.query_one("#error-message").render())


@pytest.mark.parametrize("way", ["accept", "reject"])
async def test_word_tracked_changes_are_read_as_the_cli_says(tmp_path: Path, way: str) -> None:
    """`resdiff open --docx-changes reject` reaches the loader through make_app."""
    from resdiff.pipeline import LoadOptions
    from tests.formats.test_docx_reader import TRACKED, body_xml

    tracked = tmp_path / "tracked.docx"
    tracked.write_bytes(body_xml(TRACKED))
    load = LoadOptions(docx_changes="reject" if way == "reject" else "accept")
    app = make_app([str(tracked), str(tracked)], load=load)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        s = main_screen(app)
        assert s.comparison is not None
        note = s.comparison.documents[0].parse.note
        assert ("all rejected" in note) == (way == "reject")
        assert "tracked changes" in note
