"""SVG snapshots of the main screen, the matrix and the help, at 120x40.

Regenerate after a deliberate change with ``pytest tests/tui --snapshot-update`` and look
at the SVGs (tests/tui/__snapshots__/) before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from resdiff.tui.app import make_app
from tests.builders import series_comparison
from tests.tui.conftest import DRAFTS, SIZE

SnapCompare = Callable[..., bool]


def test_main_screen(snap_compare: SnapCompare) -> None:
    """The engine's comparison of the three series drafts: the header lists S/2099/1 (A,
    base), S/2099/2 (B, shown) and S/2099/3 (C, dim); the status line counts ~5 modified,
    +1 added, <1 split, >1 merged, ↷2 moved, 10 key differences. The navigator lists PP1 to
    OP8→OP9 with markers (~, +, <, >, ↷⇅) and badges (link verb▲ qual, verb▼ kind▼); after
    ``]`` the cursor is on OP1 and the pair view shows 'Determines the imperative of'
    struck through on the left and 'Demands' underlined on the right, under the linkage
    and verb notes; the key-differences panel ranks the linkage change first and
    highlights it."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["right_square_bracket"], terminal_size=SIZE)


def test_main_screen_on_real_drafts(snap_compare: SnapCompare) -> None:
    """The two test drafts (S/2099/101 vs S/2099/102) compared by the real pipeline, as
    far as the stages that have landed can: rows for every aligned clause with markers
    and badges, the first difference (PP2, 'deep' struck / 'grave' underlined) selected
    with its change summary above the text, the key-differences panel starting at rank 1,
    no loading indicator left on screen."""
    files = [str(DRAFTS / "draft-one.txt"), str(DRAFTS / "draft-two.txt")]

    async def wait(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(files), terminal_size=SIZE, run_before=wait)


def test_matrix_screen(snap_compare: SnapCompare) -> None:
    """The positions matrix: a row per topic the lens found (Ceasefire, Hostages,
    Humanitarian access, Protection of civilians, Monitoring and reporting), columns
    S/2099/1, S/2099/2, S/2099/3; each cell has the verb, the qualifiers, the links and the
    clauses on their own lines: Ceasefire is 'Determines the imperative of / immediate,
    sustained / ⚭ conditional: Hostages / OP1' under S/2099/1 and 'Demands / immediate,
    sustained, lasting, sustainable / OP1' under S/2099/2."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["m"], terminal_size=SIZE)


def test_help_screen(snap_compare: SnapCompare) -> None:
    """Every key with what it does (n/p, ]/[, arrows and j/k, /, f, u, v, s, 1…9, m, h,
    e, o, tab, ctrl+p, ?, q), then the markers table (~ modified, + added, - removed,
    < split, > merged, ↷ moved, ⇅ kind, and the badges)."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_main_screen_at_80x24(snap_compare: SnapCompare) -> None:
    """A small terminal: the header keeps two drafts and one status line; the clause list
    is stacked above the pair view (full width, 6 rows); the key-differences panel is
    hidden. After ``]`` the pair view shows OP1's two columns first and the change
    summaries after them."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["right_square_bracket"], terminal_size=(80, 24))
