"""`q` while a long comparison runs: the app exits at once, it does not wait for it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

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


def test_q_during_a_long_comparison_exits_without_waiting() -> None:
    code = SCRIPT.format(a=str(DRAFTS / "draft-one.txt"), b=str(DRAFTS / "draft-two.txt"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("exited 0")
    assert done.stderr == ""
