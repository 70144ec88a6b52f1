"""SVG snapshots of the main screen (three sizes, two seed pairs, the series), the matrix
and the help.

Regenerate after a deliberate change with
``python -m pytest tests/tui/test_snapshots.py --snapshot-update -k NAME`` and look at the
SVGs (tests/tui/__snapshots__/) before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from resdiff.tui.app import make_app
from tests.builders import SEED_PAIR, WRAPPED_PAIR, seed_comparison, series_comparison
from tests.tui.conftest import DRAFTS, SIZE

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (100, 30), (200, 60)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30", "200x60"])
def test_seed_pair(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The demo pair (S/2024/9001 against S/2024/9002) as it opens, at each size: on the
    top-ranked key difference, OP1 (~ modified, rewritten), with its key differences ('•
    OP1: the ceasefire is no longer conditional on hostage release', '▲ OP1: verb
    strengthened ...') at the top of the pair view, above the old text ('A: S/2024/9001
    (before)', 'Determines the imperative of ...') and the new one ('B: S/2024/9002
    (after)', 'Demands an immediate ceasefire ...'). The status line keeps 'showing
    29/29: all clauses' on one line (at 80 columns the counts in their short form '~7 +2
    -2 <1 >1 ↷3 | sub ~1 · 29 key'); both drafts are in the header (one line at 80x24).
    80x24: the list (with OP1's row) above the pair view, no key-differences panel;
    100x30 and 200x60: the list on the left, the key-differences panel below the pair
    view with rank 1 highlighted, a third of the height. The footer is not cut."""
    app = make_app([], comparison=seed_comparison(SEED_PAIR))
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "100x30", "200x60"])
def test_hard_wrapped_pair(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """S/2024/9001 against its Rev.1, a PDF-style copy hard-wrapped at 70 characters, as
    it opens: on the top-ranked key difference, OP3 ('▼ OP3: verb weakened from 'Calls
    upon' to 'Urges'' above the texts), 'Calls upon' struck on the left and 'Urges'
    underlined on the right; Rev.1's text is reflowed (its lines run to the width of the
    column, not 70 characters). The status line counts 'sub-paragraphs: 1 removed' (or
    '| sub -1' when short). At 80x24 the panels stack."""
    app = make_app([], comparison=seed_comparison(WRAPPED_PAIR))
    assert snap_compare(app, terminal_size=size)


def test_main_screen(snap_compare: SnapCompare) -> None:
    """The engine's comparison of the three series drafts at 120x40: the header lists
    S/2099/1 (A, base), S/2099/2 (B, shown) and S/2099/3 (C, dim); the status line counts
    'paragraphs: 5 modified, 1 added, 1 split, 1 merged, 2 moved; sub-paragraphs: 1
    modified · 10 key differences'. The navigator lists PP1 to OP8→OP9 with markers (~,
    +, <, >, ↷⇅) and badges; after ``]`` (rank 2, OP1's verb) the cursor is on OP1 and
    the pair view shows its summaries, then 'Determines the imperative of' struck through
    on the left and 'Demands' underlined on the right; the key-differences panel
    highlights rank 2."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["right_square_bracket"], terminal_size=SIZE)


def test_main_screen_on_real_drafts(snap_compare: SnapCompare) -> None:
    """The two test drafts (S/2099/101 vs S/2099/102) compared by the real pipeline: rows
    for every aligned clause with markers and badges, the top-ranked key difference
    selected with its change summary above the text, the key-differences panel on rank
    1, no loading indicator left on screen."""
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
    clauses on their own lines, lined up across the drafts: Ceasefire is 'Determines the
    imperative of / immediate, sustained / ⚭ conditional: Hostages / OP1' under S/2099/1
    and 'Demands / immediate, sustained, lasting, sustainable / (blank) / OP1' under
    S/2099/2."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["m"], terminal_size=SIZE)


def test_help_screen(snap_compare: SnapCompare) -> None:
    """Every key with what it does, as the bindings say (↓ j, ↑ k, pgdn, ..., n, p, ], [,
    }, {, g :, /, f, u, v, z, M, y, P, a, e, m, h, s, 1…9, o, ?, q, tab, ctrl+p, esc),
    then the markers table (~ modified, + added, - removed, < split, > merged, ↷ moved,
    ⇅ kind, and the badges)."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_main_screen_at_80x24(snap_compare: SnapCompare) -> None:
    """A small terminal on the series: the header is one line naming all three drafts;
    one status line; the clause list is stacked above the pair view; the key-differences
    panel is hidden. After ``]`` the pair view shows OP1's summaries first, then its two
    columns, and a notice says which key difference ``]`` went to (the panel would)."""
    app = make_app([], comparison=series_comparison())
    assert snap_compare(app, press=["right_square_bracket"], terminal_size=(80, 24))
