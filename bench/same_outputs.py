"""Every output resdiff writes for the benchmark inputs, into one folder, to prove a speed
change changed no result:

    python bench/same_outputs.py INPUTS OUT_BEFORE     # on the commit before the change
    python bench/same_outputs.py INPUTS OUT_AFTER      # on the change
    diff -r OUT_BEFORE OUT_AFTER

``--only a,b`` keeps the named input sets (e.g. ``--only seeds,large,one-per-line-5000``).
The CLI is ``python -m resdiff``, which imports from the current directory first: run
the script from the tree to measure (e.g. main's, exported by ``git archive``).

INPUTS is a folder of ``speed_inputs.py`` (written if missing). For each input set it runs
the CLI (a fresh process each, as a user does) and keeps stdout, stderr and the exit code:
reports in every text format, ``--all``, amendments, the positions matrix, and ``parse``
of each draft; for the large stress inputs only the JSON report (with a time limit: before
the rewrite guard some of them ran for hours, which is recorded as a time-out).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed_inputs import input_sets

PAIR_COMMANDS = [
    ("report.json", ["report", "--format", "json"]),
    ("report.md", ["report", "--format", "md"]),
    ("report.html", ["report", "--format", "html"]),
    ("report.txt", ["report", "--format", "txt"]),
    ("report-all.txt", ["report", "--all", "--format", "txt"]),
    ("amendments.txt", ["amendments"]),
    ("matrix.txt", ["matrix"]),
    ("matrix.json", ["matrix", "--format", "json"]),
]
SERIES_COMMANDS = [
    ("report.json", ["report", "--format", "json"]),
    ("report.txt", ["report", "--format", "txt"]),
    ("report-series.json", ["report", "--series", "--format", "json"]),
    ("matrix.txt", ["matrix"]),
    ("matrix.json", ["matrix", "--format", "json"]),
]
BIG_COMMANDS = [("report.json", ["report", "--format", "json"])]
BIG = {"x16"}
LIMIT = 120.0


def _run(args: list[str], out: Path) -> float:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "resdiff", *args], capture_output=True, timeout=LIMIT
        )
        out.write_bytes(done.stdout)
        out.with_suffix(out.suffix + ".err").write_bytes(
            done.stderr + f"\nexit {done.returncode}\n".encode()
        )
    except subprocess.TimeoutExpired:
        out.write_text(f"TIMEOUT after {LIMIT} s\n")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--only", help="comma-separated input set names (default: all)")
    args = parser.parse_args()
    inputs, dest = args.inputs, args.dest
    only = set(args.only.split(",")) if args.only else None
    dest.mkdir(parents=True, exist_ok=True)
    for name, paths in input_sets(inputs).items():
        if only is not None and name not in only:
            continue
        files = [str(p) for p in paths]
        if len(paths) > 2:
            commands = SERIES_COMMANDS
        elif name in BIG or name.endswith(("1mb", "000")):
            commands = BIG_COMMANDS
        else:
            commands = PAIR_COMMANDS
        for label, args in commands:
            took = _run([*args, *files], dest / f"{name}.{label}")
            print(f"{name:28} {label:20} {took:6.1f} s", flush=True)
        if name in ("seeds", "large"):
            for k, path in enumerate(files):
                _run(["parse", "--format", "json", path], dest / f"{name}.parse{k}.json")
                _run(["parse", path], dest / f"{name}.parse{k}.txt")


if __name__ == "__main__":
    main()
