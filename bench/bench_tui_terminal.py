"""The app's first paint as a user sees it: in a real terminal (tmux), from pressing Enter
on ``resdiff A B`` to the screen showing the outline, the first pair and the ranked key
differences.

    python bench/bench_tui_terminal.py A B [--runs 5] [--tree DIR --tree DIR2]

tmux runs a shell at 120x40; the command is typed, the clock starts when Enter is sent,
and the pane is read every 10 ms. Two moments are timed: the first screen (the app's
window saying "Comparing", before the comparison is known) and the full first paint
(the navigator's first rows, the pair view and the first key difference, "1. ", all
drawn). Then "q" quits. Medians of the runs are printed (docs/performance.md,
"Terminal app").

``--tree`` runs the app from another source tree (e.g. main exported with ``git
archive``) with this interpreter; given twice or more, the trees take turns run by run,
so that each sees the same load (paired measurement on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
SESSION = "resdiff-bench-paint"
T = TypeVar("T")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _painted(screen: str) -> bool:
    """Outline, pair view and key differences are on screen (not the loading shell)."""
    return "Key differences" in screen and " 1. " in screen and "Clauses" in screen


def _window(screen: str) -> bool:
    """The app's window is up, the comparison under way or done."""
    return "Comparing" in screen or _painted(screen)


def first_paint(a: Path, b: Path, tree: Path = ROOT, timeout: float = 60.0) -> tuple[float, float]:
    """Seconds from Enter to the app's first screen, and to its full first paint."""
    _tmux("kill-session", "-t", SESSION)
    _tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", "bash --norc --noprofile")
    # as a user runs it: from compiled bytecode (see bench_speed.py); the tree's own
    # package comes first on the path (the current directory, for ``-m``)
    command = f"cd {shlex.quote(str(tree))} && unset PYTHONDONTWRITEBYTECODE && "
    command += f"{shlex.quote(sys.executable)} -m resdiff "
    command += f"{shlex.quote(str(a))} {shlex.quote(str(b))} --no-config"  # no preferences
    _tmux("send-keys", "-t", SESSION, command)
    time.sleep(0.3)  # the shell has echoed the command line
    start = time.perf_counter()
    _tmux("send-keys", "-t", SESSION, "Enter")
    window: float | None = None
    screen = ""
    try:
        while time.perf_counter() - start < timeout:
            screen = _tmux("capture-pane", "-t", SESSION, "-p")
            if window is None and _window(screen):
                window = time.perf_counter() - start
            if _painted(screen):
                return window or 0.0, time.perf_counter() - start
            time.sleep(0.01)
        raise TimeoutError(f"no first paint after {timeout} s ({tree}):\n{screen}")
    finally:
        _tmux("send-keys", "-t", SESSION, "q")
        time.sleep(0.3)
        _tmux("kill-session", "-t", SESSION)


def _summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})"


def arguments(description: str) -> argparse.Namespace:
    """The drafts, the runs, and the trees to pair (this one when none is given)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tree", type=Path, action="append", help="source tree (repeat to pair)")
    args = ap.parse_args()
    args.tree = args.tree or [ROOT]
    return args


def paired(
    args: argparse.Namespace, measure: Callable[[Path, Path, Path], T]
) -> dict[Path, list[T]]:
    """``measure(a, b, tree)`` for each tree in turn, run by run, so that every tree sees
    the same load; prints the drafts, the runs and the load average over them."""
    results: dict[Path, list[T]] = {tree: [] for tree in args.tree}
    loads = []
    for _ in range(args.runs):
        for tree in args.tree:
            results[tree].append(measure(args.a.resolve(), args.b.resolve(), tree.resolve()))
            loads.append(os.getloadavg()[0])
    load = f"load {min(loads):.1f}-{max(loads):.1f}"
    print(f"{args.a.name} / {args.b.name}, {args.runs} runs each, {load}")
    return results


def main() -> None:
    args = arguments((__doc__ or "").splitlines()[0])
    for tree, runs in paired(args, first_paint).items():
        print(f"  {tree}")
        print(f"    first screen: {_summary([w for w, _ in runs])}")
        print(f"    first paint:  {_summary([p for _, p in runs])}")


if __name__ == "__main__":
    main()
