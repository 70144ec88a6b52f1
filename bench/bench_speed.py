"""Issue 16's figures, whole process as a user runs resdiff, each paired in one hyperfine
run with ``git diff --no-index --word-diff=porcelain`` on the same pair of files:

    python bench/bench_speed.py [--runs 7] [--inputs FOLDER] [--only seeds,large]

- ``seeds``: ``resdiff report`` of the demo seed pair (a typical Security Council pair);
- ``large``, ``huge``, ``x16``: ``resdiff report`` of the alignment benchmark's pair at 460,
  1,840 and 7,360 paragraphs a side, the growth exponent from large to x16
  (log(t16 / t1) / log(16)) and the peak memory at x16 (``/usr/bin/time``);
- ``drafts10``: ``resdiff report`` and ``resdiff matrix`` of ten drafts of the large text;
- the 1 MB stress inputs of ``bench_stress.py``: ``resdiff report --format json``.

Inputs come from ``speed_inputs.py`` (written into FOLDER once). hyperfine (``-N``, no
shell) takes the medians; the machine is shared, so the load average is printed with
each figure and the ratio to git is the number to compare across runs. Results go to
docs/performance.md ("Speed: start-up, worst cases, many drafts").
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed_inputs import input_sets

RESDIFF = f"{shlex.quote(sys.executable)} -m resdiff"
STRESS = (
    "unrelated-1mb",
    "one-per-line-5000",
    "one-line-paragraphs-20000",
    "numbers-10000",
    "operative-24000",
    "one-paragraph-1mb",
)


def hyperfine(commands: list[str], runs: int) -> list[tuple[float, float]]:
    """Median wall seconds and mean CPU seconds (user + system) of each command, measured
    together. CPU time is the figure to read on a busy machine: waiting for a core is
    not in it."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        flags = ["-N", "-i", "--style", "none", "-w", "1", "-r", str(runs)]
        subprocess.run(
            ["hyperfine", *flags, "--export-json", out.name, *commands],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        results = json.loads(Path(out.name).read_text())["results"]
    return [(r["median"], r["user"] + r["system"]) for r in results]


def git_diff(a: Path, b: Path) -> str:
    return f"git diff --no-index --word-diff=porcelain {shlex.quote(str(a))} {shlex.quote(str(b))}"


def peak_mib(command: str) -> float:
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *shlex.split(command)],
        capture_output=True,
        text=True,
        check=False,
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def _files(paths: list[Path]) -> str:
    return " ".join(shlex.quote(str(p)) for p in paths)


def main() -> None:
    # A user's resdiff runs from compiled bytecode; without it every run compiles the
    # modules changed since the last write (a third of the seed pair's time).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["RESDIFF_WARM"] = "off"  # cold starts, even with a server running (bench_warm.py)
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--inputs", type=Path, default=Path(tempfile.gettempdir(), "resdiff-speed"))
    ap.add_argument("--only", default="", help="comma-separated case names")
    args = ap.parse_args()
    sets = input_sets(args.inputs)
    only = set(filter(None, args.only.split(",")))
    times: dict[str, float] = {}

    def row(name: str, command: str, files: list[Path], runs: int) -> None:
        if only and name.split(" ")[0] not in only:
            return
        (ours, cpu), (git, _) = hyperfine([command, git_diff(files[0], files[1])], runs)
        times[name] = ours
        load = os.getloadavg()[0]
        print(
            f"| {name} | {ours:.3f} s | {cpu:.3f} s | {git * 1000:.1f} ms | {ours / git:.0f}x "
            f"| {load:.1f} |",
            flush=True,
        )

    print("| case | resdiff (median) | CPU (mean) | git word-diff | ratio | load |")
    print("|---|---:|---:|---:|---:|---:|", flush=True)
    for name in ("seeds", "large", "huge", "x16"):
        files = sets[name]
        row(name, f"{RESDIFF} report {_files(files)}", files, args.runs if name != "x16" else 3)
    files = sets["drafts10"]
    row("drafts10 report", f"{RESDIFF} report {_files(files)}", files, 3)
    row("drafts10 matrix", f"{RESDIFF} matrix {_files(files)}", files, 3)
    for name in STRESS:
        files = sets[name]
        row(name, f"{RESDIFF} report --format json {_files(files)}", files, 3)
    if "large" in times and "x16" in times:
        exponent = math.log(times["x16"] / times["large"]) / math.log(16)
        print(f"\ngrowth exponent, large -> x16: {exponent:.2f}")
    if not only or "x16" in only:
        mib = peak_mib(f"{RESDIFF} report {_files(sets['x16'])}")
        print(f"peak memory at x16: {mib:.0f} MiB")


if __name__ == "__main__":
    main()
