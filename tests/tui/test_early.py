"""The comparison started before the app (``tui.early``): the same result as the app's
own worker, errors said, the child ended when asked (quitting: test_quit.py), started by
the CLI before Textual is imported."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from textual.message import Message

from resdiff.model import CompareOptions
from resdiff.tui import early as early_module
from resdiff.tui.app import make_app
from resdiff.tui.early import EarlyComparison, compare_drafts, load_drafts, start_early
from resdiff.tui.messages import ComparisonReady, DocumentsLoaded
from resdiff.tui.screens.dialogs import ErrorDialog
from resdiff.tui.widgets.key_changes import KeyChangesPanel
from resdiff.tui.widgets.navigator import ClauseNavigator
from tests.conftest import ROOT
from tests.tui.conftest import DRAFTS, SIZE, main_screen, settle

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the child is spawned there: exercised on POSIX only"
)


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the machine running the tests has, the early comparison is started."""
    monkeypatch.setattr(early_module, "_cores", lambda: 2)


def _started(files: list[str], options: CompareOptions | None = None) -> EarlyComparison:
    early = start_early(files, options or CompareOptions())
    assert early is not None
    return early


def test_the_child_sends_the_drafts_then_the_comparison_made_here(
    draft_paths: list[str],
) -> None:
    options = CompareOptions(ignore_case=True)  # the options travel to the child
    early = _started(draft_paths, options)
    loaded, done = early.receive(), early.receive()
    docs = load_drafts(draft_paths, None)
    assert loaded[0] == "loaded" and done[0] == "done"
    # the drafts line's particulars, without the text
    assert [(d.id, d.label, d.sponsors, d.date) for d in loaded[1]] == [
        (d.id, d.label, d.sponsors, d.date) for d in docs
    ]
    assert all(d.clauses == () and d.text == "" for d in loaded[1])
    assert done[1] == compare_drafts(docs, options, None, None)
    early.stop()
    early._process.join(timeout=10)
    assert early._process.exitcode is not None


def test_a_problem_in_the_child_is_sent_as_one_line(draft_paths: list[str]) -> None:
    missing = str(DRAFTS / "no-such-draft.txt")
    early = _started([missing, draft_paths[1]])
    kind, problem = early.receive()
    assert kind == "failed"
    assert "no-such-draft.txt" in str(problem) and "\n" not in str(problem)


def test_nothing_is_started_where_it_would_not_help(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert start_early(draft_paths[:1], CompareOptions()) is None
    assert start_early(["-", draft_paths[1]], CompareOptions()) is None
    monkeypatch.setattr(early_module, "_cores", lambda: 1)
    assert start_early(draft_paths, CompareOptions()) is None


def test_no_process_to_be_had_is_no_early_start(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(self: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("multiprocessing.process.BaseProcess.start", refused)
    assert start_early(draft_paths, CompareOptions()) is None


def test_stop_ends_a_long_comparison(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def endless(*args: object, **kwargs: object) -> None:
        time.sleep(600)

    monkeypatch.setattr("resdiff.pipeline.compare", endless)  # the forked child has it too
    early = _started(draft_paths)
    assert early.receive()[0] == "loaded"
    early.stop()
    early._process.join(timeout=10)
    assert not early._process.is_alive()


async def test_the_app_shows_the_comparison_received(
    draft_paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("compared in the app although it was started early")

    early = _started(draft_paths)
    monkeypatch.setattr("resdiff.tui.screens.main.compare_drafts", not_here)
    app = make_app(draft_paths, early=early)
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        ours = [m for m in seen if isinstance(m, (DocumentsLoaded, ComparisonReady))]
        assert [type(m) for m in dict.fromkeys(ours)] == [DocumentsLoaded, ComparisonReady]
        s = main_screen(app)
        assert s.comparison is not None
        assert s.comparison == compare_drafts(
            load_drafts(draft_paths, None), CompareOptions(), None, None
        )
        assert len(app.screen.query_one(ClauseNavigator).listed) == len(s.rows) > 5
        assert app.screen.query_one(KeyChangesPanel).option_count == len(s.keys) > 0
        assert not app.screen.query_one("#body").loading
        # the drafts and their order are the app's own: swapping compares here
        assert [d.id for d in s.docs] == ["A", "B"] and s.order == [0, 1]


async def test_the_app_says_what_stopped_the_child(draft_paths: list[str]) -> None:
    files = [str(DRAFTS / "no-such-draft.txt"), draft_paths[1]]
    app = make_app(files, early=_started(files))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "no-such-draft.txt" in str(app.screen.query_one("#error-message").render())


async def test_an_early_comparison_of_other_drafts_is_stopped_not_shown(
    draft_paths: list[str],
) -> None:
    other = [draft_paths[0], str(DRAFTS / "draft-three.txt")]
    early = _started(other)
    app = make_app(draft_paths, early=early)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        s = main_screen(app)
        assert s.comparison is not None
        assert [d.source for d in s.comparison.documents] == draft_paths
    early._process.join(timeout=10)
    assert not early._process.is_alive()


CLI = textwrap.dedent(
    """
    import io, sys
    from resdiff.tui import early

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    def record(files, *args, **kwargs):
        textual = sorted(m for m in sys.modules if m.split(".")[0] == "textual")
        print("started", list(files), "textual:", textual, file=sys.stderr)
        raise SystemExit(0)

    early.start_early = record
    sys.stdout = Terminal()
    from resdiff.cli import main

    main([{a!r}, {b!r}, "--no-config"])
    """
)


def test_the_cli_starts_the_comparison_before_textual_is_imported() -> None:
    a, b = str(DRAFTS / "draft-one.txt"), str(DRAFTS / "draft-two.txt")
    done = subprocess.run(
        [sys.executable, "-c", CLI.format(a=a, b=b)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"started {[a, b]} textual: []"
