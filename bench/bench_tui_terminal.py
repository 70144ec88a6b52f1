"""The app's first paint as a user sees it: in a real terminal (tmux), from pressing Enter
on ``resdiff A B`` to the screen showing the outline, the first pair and the ranked key
differences.

    python bench/bench_tui_terminal.py A B [--runs 5]

tmux runs a shell at 120x40; the command is typed, the clock starts when Enter is sent,
and the pane is read every 10 ms until it holds the navigator's first rows, the pair
view and the first key difference ("1. "), all drawn. Then "q" quits. Medians of the
runs are printed (docs/performance.md, "Terminal app").
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION = "resdiff-bench-paint"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _painted(screen: str) -> bool:
    """Outline, pair view and key differences are on screen (not the loading shell)."""
    return "Key differences" in screen and " 1. " in screen and "Clauses" in screen


def first_paint(a: Path, b: Path, timeout: float = 60.0) -> float:
    _tmux("kill-session", "-t", SESSION)
    _tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", "bash --norc --noprofile")
    # as a user runs it: from compiled bytecode (see bench_speed.py)
    command = f"cd {shlex.quote(str(ROOT))} && unset PYTHONDONTWRITEBYTECODE && "
    command += f"{shlex.quote(sys.executable)} -m resdiff "
    command += f"{shlex.quote(str(a))} {shlex.quote(str(b))} --no-config"  # no preferences
    _tmux("send-keys", "-t", SESSION, command)
    time.sleep(0.3)  # the shell has echoed the command line
    start = time.perf_counter()
    _tmux("send-keys", "-t", SESSION, "Enter")
    try:
        while time.perf_counter() - start < timeout:
            if _painted(_tmux("capture-pane", "-t", SESSION, "-p")):
                return time.perf_counter() - start
            time.sleep(0.01)
        raise TimeoutError(f"no first paint after {timeout} s")
    finally:
        _tmux("send-keys", "-t", SESSION, "q")
        time.sleep(0.3)
        _tmux("kill-session", "-t", SESSION)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    times = [first_paint(args.a, args.b) for _ in range(args.runs)]
    load = os.getloadavg()[0]
    print(
        f"first paint {args.a.name} / {args.b.name}: median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f} s, max {max(times):.2f} s ({args.runs} runs, load {load:.1f})"
    )


if __name__ == "__main__":
    main()
