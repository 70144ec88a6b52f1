"""The app's first paint in CPU seconds, for a machine too busy for wall times to mean much.

    python bench/bench_tui_cpu.py A B [--runs 5] [--tree DIR --tree DIR2]

Each run is a fresh process that starts the app as ``resdiff A B`` does (the comparison
started early where the tree has ``tui.early``), headless at 120x40, and records the
CPU time the app's process has used (all its threads) when its window is first drawn
("window": the comparison under way) and when the comparison is shown ("paint": the
outline, the pair and the key differences laid out and drawn), and the CPU time of the
child process that compared (none in a tree that compares in a thread). On an idle
machine with two cores, the first paint takes about ``max(window, child) + (paint -
arrived)``, where "arrived" is the app's CPU when the child's result is there to be read
(the app's CPU while it waits runs beside the child): what is printed as "critical
path". Trees take turns run by run.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_tui_terminal import arguments, paired  # noqa: E402

PROBE = textwrap.dedent(
    """
    import json, os, sys, time
    wall0 = time.perf_counter()
    seen = {}
    from resdiff.model import CompareOptions
    try:
        from resdiff.tui.early import EarlyComparison, start_early
    except ImportError:
        start_early = None
    else:
        received = EarlyComparison.receive

        def receive(self):
            self._conn.poll(None)  # the message is there: the parent's part starts
            seen["arrived"] = (time.process_time(), time.perf_counter() - wall0)
            return received(self)

        EarlyComparison.receive = receive
    files = sys.argv[1:3]
    early = start_early(files, CompareOptions()) if start_early else None
    from resdiff.tui.app import make_app
    kwargs = {"early": early} if early is not None else {}
    app = make_app(files, config=False, **kwargs)

    def mark(name):
        seen.setdefault(name, (time.process_time(), time.perf_counter() - wall0))

    async def watch(pilot):
        screen = app.screen
        screen.call_after_refresh(mark, "window")
        while screen.comparison is None:
            await pilot.pause(0.005)
        screen.call_after_refresh(mark, "paint")
        await pilot.pause(0.05)
        app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=watch)
    child = os.times().children_user + os.times().children_system
    arrived = seen.get("arrived", seen["window"])
    print(json.dumps({"window": seen["window"], "paint": seen["paint"], "child": child,
                      "arrived": arrived}))
    """
)


def run(a: Path, b: Path, tree: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(a), str(b)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    window, paint, child = found["window"][0], found["paint"][0], found["child"]
    arrived = found["arrived"][0]  # the window, where nothing is received from a child
    return {
        "window": window,
        "paint": paint,
        "child": child,
        "critical": max(window, child) + paint - max(arrived, window),
        "wall": found["paint"][1],
    }


def main() -> None:
    args = arguments((__doc__ or "").splitlines()[0])
    results = paired(args, run)
    print("  medians, s: app CPU at window / at paint, child CPU, critical path; headless wall")
    for tree, runs in results.items():
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(
            f"  {tree}: window {med['window']:.2f}, paint {med['paint']:.2f}, "
            f"child {med['child']:.2f}, critical {med['critical']:.2f}; wall {med['wall']:.2f}"
        )


if __name__ == "__main__":
    main()
