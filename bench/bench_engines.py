"""The two word-diff engines side by side: diff-match-patch (pure Python) and its C++ port
fast-diff-match-patch, through ``diff_texts`` as the pipeline calls it.

    python bench/bench_engines.py [--runs 5]

- every aligned pair of ``bench_diff``'s large and huge documents (a third of them edited);
- one pair of unrelated paragraphs, by length, below the rewrite guard (which would
  otherwise report the longest as rewritten without diffing them).

Each figure is the median of the runs, the two engines alternating (the diff cache is
emptied before each run, so every pair is really diffed). CPU time of this process is
given as well: the machine is shared. Results: docs/performance.md ("Word diff engines").
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_diff import VOCABULARY, make_pair

from resdiff.diff import diff_texts, words
from resdiff.diff.engine import ENGINES, Engine, use_engine
from resdiff.model import CompareOptions

OPTIONS = CompareOptions()


def timed(engine: Engine, work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``work`` with ``engine``, the cache emptied first."""
    walls, cpus = [], []
    for _ in range(runs):
        use_engine(engine)
        words._recent.cache_clear()
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def unrelated(words_per_side: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    a = " ".join(rng.choice(VOCABULARY) for _ in range(words_per_side))
    b = " ".join(rng.choice(VOCABULARY) for _ in range(words_per_side))
    return a, b


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if ENGINES != ("fast", "pure"):
        sys.exit("fast-diff-match-patch is not installed here: nothing to compare")
    cases: list[tuple[str, Callable[[], object], int]] = []
    for name, size in (("large document, all pairs", 460), ("huge document, all pairs", 1840)):
        pairs = make_pair(size)
        cases.append((name, lambda pairs=pairs: [diff_texts(a, b, OPTIONS) for a, b in pairs], 1))
    for n in (200, 800, 1600):
        a, b = unrelated(n, seed=n)
        cases.append((f"unrelated pair, {n:,} words", lambda a=a, b=b: diff_texts(a, b), n))
    print("| case | pure (wall / CPU) | C++ (wall / CPU) | CPU ratio |")
    print("|---|---:|---:|---:|")
    for name, work, n in cases:
        runs = args.runs if n < 1600 else max(1, args.runs // 2)
        pure = timed("pure", work, runs)
        fast = timed("fast", work, runs)
        print(
            f"| {name} | {pure[0] * 1000:.0f} / {pure[1] * 1000:.0f} ms "
            f"| {fast[0] * 1000:.0f} / {fast[1] * 1000:.0f} ms | {pure[1] / fast[1]:.1f}x |",
            flush=True,
        )


if __name__ == "__main__":
    main()
