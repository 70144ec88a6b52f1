"""The long fuzz campaign: the fuzz suite's checks on many more inputs, plus every
hand-made bomb in a fresh process with its time and peak memory.

    python bench/fuzz_campaign.py                  # 1,000 inputs per format, all bombs
    python bench/fuzz_campaign.py --examples 200 --no-bombs

Part 1 runs the checks of ``tests/fuzz/properties.py`` through hypothesis (random, not
derandomized, no example database): hostile inputs per format (read or refused in one
line, text in proportion, lossless parse) and visible edits per format (a word added to B
is reported). Part 2 runs ``resdiff report BOMB OTHER --format json`` (OTHER a two-line draft) on
each bomb of ``tests/fuzz/bombs.py`` in a child process and records wall time (imports
included), peak memory and the outcome. It prints Markdown tables for ``docs/reliability.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.fuzz.bombs import BOMBS  # noqa: E402
from tests.fuzz.properties import check_change_reported, read_checked  # noqa: E402
from tests.fuzz.strategies import HOSTILE, WRITERS, VisibleEdit, visible_edits  # noqa: E402

TIME_LIMIT = 10.0  # seconds, per input under 1 MB
MEMORY_LIMIT = 500  # MB

#: A small ordinary draft each bomb is compared with.
_OTHER = "The Security Council,\n\n1. Demands an immediate ceasefire;\n"
#: Runs one report in the child and prints its own figures (imports included). Peak
#: memory is VmHWM: unlike ru_maxrss it starts afresh at exec, not at the parent's size.
_CHILD = """
import contextlib, io, json, resource, sys, time
start = time.perf_counter()
from resdiff.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    code = main(["report", sys.argv[1], sys.argv[2], "--format", "json"])
seconds = time.perf_counter() - start
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": int(code), "seconds": seconds, "rss_mb": peak,
                  "err": err.getvalue().strip()[:160]}))
"""


def _timed(check: Callable[[], None], times: list[float]) -> Callable[[], None]:
    def run() -> None:
        start = time.perf_counter()
        try:
            check()
        finally:
            times.append(time.perf_counter() - start)

    return run


def _campaign(name: str, strategy: object, check: Callable[[object], None], n: int) -> dict:
    times: list[float] = []
    failures: list[str] = []

    @settings(
        max_examples=n,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=True,
    )
    @given(value=strategy)  # type: ignore[arg-type]
    def run(value: object) -> None:
        _timed(lambda: check(value), times)()

    try:
        run()
    except Exception as exc:  # hypothesis re-raises the (shrunk) failure
        failures.append(f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
    return {
        "name": name,
        "inputs": len(times),
        "failures": len(failures),
        "detail": failures,
        "slowest": max(times, default=0.0),
        "mean": sum(times) / len(times) if times else 0.0,
    }


def fuzz(examples: int) -> list[dict]:
    rows = []
    for fmt, (strategy, file_name) in sorted(HOSTILE.items()):
        rows.append(
            _campaign(
                f"hostile {fmt}",
                strategy,
                lambda data, name=file_name: read_checked(data, name),  # type: ignore[misc]
                examples,
            )
        )
        print(f"  hostile {fmt}: {rows[-1]['inputs']} inputs", file=sys.stderr)
    for fmt in sorted(WRITERS):
        n = examples // 5 if fmt == "pdf" else examples // 2

        def edit_check(edit: object, fmt: str = fmt) -> None:
            assert isinstance(edit, VisibleEdit)
            a, b = edit.files()
            check_change_reported(a, b, f"draft.{fmt}", edit.marked[2])

        rows.append(_campaign(f"visible edit {fmt}", visible_edits(fmt), edit_check, n))
        print(f"  visible edit {fmt}: {rows[-1]['inputs']} inputs", file=sys.stderr)
    return rows


def bombs(timeout: float) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="resdiff-bombs-") as folder:
        other = Path(folder) / "other.txt"
        other.write_text(_OTHER, encoding="utf-8")
        for name, (file_name, build) in BOMBS.items():
            data = build()
            path = Path(folder) / file_name
            path.write_bytes(data)
            row: dict = {"name": name, "bytes": len(data)}
            try:
                done = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(path), str(other)],
                    capture_output=True,
                    timeout=timeout,
                    check=False,
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                )
                row.update(json.loads(done.stdout.decode().strip().splitlines()[-1]))
            except subprocess.TimeoutExpired:
                row.update(code=None, seconds=timeout, rss_mb=None, err=f"killed after {timeout} s")
            except (ValueError, IndexError):
                row.update(code=None, seconds=None, rss_mb=None, err=done.stderr.decode()[-160:])
            row["ok"] = (
                row["code"] in (0, 1, 2)
                and "internal error" not in row["err"]
                and row["seconds"] is not None
                and row["seconds"] <= TIME_LIMIT
                and row["rss_mb"] is not None
                and row["rss_mb"] <= MEMORY_LIMIT
                and len(data) < 1024 * 1024
            )
            rows.append(row)
            print(f"  {name}: {row['seconds']} s {row['rss_mb']} MB", file=sys.stderr)
    return rows


def _outcome(row: dict) -> str:
    if row["code"] == 2:
        return "refused: " + row["err"].split(": ", 2)[-1]
    return {0: "read (exit 0)", 1: "read (exit 1)"}.get(row["code"], row["err"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="inputs per format")
    parser.add_argument("--no-bombs", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    rows = fuzz(args.examples)
    print("| checks | inputs tried | failures | mean | slowest |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['name']} | {r['inputs']:,} | {r['failures']} | "
            f"{1000 * r['mean']:.0f} ms | {r['slowest']:.2f} s |"
        )
    for r in rows:
        for detail in r["detail"]:
            print(f"\nFAILURE in {r['name']}: {detail}")
    if args.no_bombs:
        return
    print("\n| input (under 1 MB) | size | outcome | time | peak memory |")
    print("|---|---:|---|---:|---:|")
    for r in bombs(args.timeout):
        flag = "" if r["ok"] else " **over target**"
        seconds = "-" if r["seconds"] is None else f"{r['seconds']:.1f} s"
        rss = "-" if r["rss_mb"] is None else f"{r['rss_mb']:.0f} MB"
        print(f"| {r['name']} | {r['bytes']:,} B | {_outcome(r)} | {seconds} | {rss}{flag} |")


if __name__ == "__main__":
    main()
