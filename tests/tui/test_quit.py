"""`q` while a long comparison runs: the app exits at once, it does not wait for it,
whether the comparison runs in the app's thread or in the child process the CLI
started before the app (``tui.early``, which ``q`` ends too)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT
from tests.tui.conftest import DRAFTS

SCRIPT = textwrap.dedent(
    """
    import sys, time
    import resdiff.pipeline
    from resdiff.tui.app import make_app, run_app

    def endless(*args, **kwargs):
        time.sleep(600)  # a comparison far longer than anyone waits

    resdiff.pipeline.compare = endless
    app = make_app([{a!r}, {b!r}])

    async def quit_while_comparing(pilot):
        while not app.screen.computing:
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        await pilot.press("q")

    print("exited", run_app(app, headless=True, auto_pilot=quit_while_comparing))
    """
)


EARLY = textwrap.dedent(
    """
    import time
    import resdiff.pipeline
    from resdiff.model import CompareOptions
    from resdiff.tui import early

    def endless(*args, **kwargs):
        time.sleep(600)  # a comparison far longer than anyone waits

    resdiff.pipeline.compare = endless  # before the fork: the child compares so
    early._cores = lambda: 2
    started = early.start_early([{a!r}, {b!r}], CompareOptions())
    from resdiff.tui.app import make_app, run_app

    app = make_app([{a!r}, {b!r}], early=started)

    async def quit_while_comparing(pilot):
        while not app.screen.computing:
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        await pilot.press("q")

    code = run_app(app, headless=True, auto_pilot=quit_while_comparing)
    print("exited", code, "child alive", started._process.is_alive())
    """
)


def _quit(script: str) -> str:
    """What the script prints, run on the test drafts; it must end cleanly and quietly."""
    code = script.format(a=str(DRAFTS / "draft-one.txt"), b=str(DRAFTS / "draft-two.txt"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout.strip()


def test_q_during_a_long_comparison_exits_without_waiting() -> None:
    assert _quit(SCRIPT).endswith("exited 0")


@pytest.mark.skipif(sys.platform == "win32", reason="the child is spawned there")
def test_q_during_a_long_early_comparison_exits_and_ends_the_child() -> None:
    assert _quit(EARLY).endswith("exited 0 child alive False")
