"""Clause signals by the current readers and by the ones before issue 16
(``tests/unit/signals/legacy.py``), alternating in one process, so both see the same
load: the paired figure docs/performance.md gives for the signal stage.

    python bench/bench_signals_legacy.py large [--rounds 7]

Reads the distinct clauses of ``INPUTS/NAME-a.txt`` and ``-b.txt`` (``speed_inputs.py``
writes them to /tmp/resdiff-speed), checks that both readers give the same signals,
then times each over all of them (CPU time, collector off), ``--rounds`` times.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # first: the repository's ``tests``, not an installed one

from resdiff import load  # noqa: E402
from resdiff.signals.extract import clause_signals  # noqa: E402
from resdiff.signals.lens import load_lens  # noqa: E402
from tests.unit.signals import legacy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name", help="input set, e.g. large, one-per-line-5000")
    parser.add_argument("--inputs", type=Path, default=Path("/tmp/resdiff-speed"))
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    lens = load_lens(())
    docs = [load(str(args.inputs / f"{args.name}-{k}.txt")) for k in "ab"]
    clauses = list({(c.text, c.opener): c for d in docs for c in d.walk()}.values())

    def new() -> list[object]:
        return [clause_signals(c, lens) for c in clauses]

    def old() -> list[object]:
        return [legacy.text_signals(c.text, lens, clause=c) for c in clauses]

    assert new() == old(), "the readers disagree"
    gc.disable()
    times: dict[str, list[float]] = {"before issue 16": [], "now": []}
    for _ in range(args.rounds):
        for label, run in (("before issue 16", old), ("now", new)):
            times[label].append(_cpu(run))
    medians = {k: statistics.median(v) for k, v in times.items()}
    print(f"{args.name}: {len(clauses)} distinct clauses, {args.rounds} rounds")
    for label, median in medians.items():
        print(f"  {label:16} median {median * 1000:8.1f} ms  best {min(times[label]) * 1000:8.1f}")
    print(f"  ratio {medians['before issue 16'] / medians['now']:.2f}")


def _cpu(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


if __name__ == "__main__":
    main()
