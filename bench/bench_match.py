"""Clause matching alone, stage by stage, on the speed inputs (issue 16).

Run from the repository root (inputs written by ``speed_inputs.py`` first)::

    python bench/bench_match.py                 # large, huge, drafts10
    python bench/bench_match.py --repeats 9 --only drafts10

For each case it runs the aligner's matching (``resdiff.align.match``, no word diff) the
way ``compare`` does, and prints the CPU time (``time.process_time``, so waiting for a
core on a shared machine is not counted) of each stage: building the clauses' terms and
the IDF, exact matches, TF-IDF vectors, candidate search, scoring and assignment, splits
and merges. ``drafts10`` is the 17 alignments of ``resdiff report`` on ten drafts: each
draft against the first, then each against the one before (the series). Each figure is
the minimum over the repeats (the least disturbed run). Compare two trees by running it
with ``PYTHONPATH=<tree>`` on each, alternately.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH=<tree> wins

import resdiff.align.terms as align_terms
from resdiff.align import _Aligner
from resdiff.align.match import _Matcher
from resdiff.align.params import DEFAULT
from resdiff.model import CompareOptions, Document
from resdiff.pipeline import load

STAGES = ("terms and IDF", "exact", "vectors", "candidates", "assign", "splits/merges")


def jobs(paths: list[Path]) -> list[tuple[Document, Document]]:
    docs = [load(str(p)) for p in paths]
    base = [(docs[0], d) for d in docs[1:]]
    return base + [(docs[k - 1], docs[k]) for k in range(2, len(docs))]


def match_once(a: Document, b: Document, add: Callable[[str, float], float]) -> None:
    """One matching, as ``align`` runs it, with each stage's CPU time given to ``add``."""
    t = time.process_time()
    aligner = _Aligner(a.clauses, b.clauses, CompareOptions(), DEFAULT)
    t = add("terms and IDF", t)
    m = _Matcher(*aligner._top, aligner.idf, DEFAULT)
    m._exact()
    m._expected_positions()
    t = add("exact", t)
    for terms, partner in ((m.ta, m.a_to_b), (m.tb, m.b_to_a)):
        for k, clause in enumerate(terms):
            if partner[k] < 0:
                _ = clause.vector  # computed once here, as the candidate search would
    t = add("vectors", t)
    candidates = m._candidates()
    t = add("candidates", t)
    m._assign(candidates)
    t = add("assign", t)
    m._groups(m.ta, m.tb, m.a_to_b, m.b_to_a, transpose=False)
    m._groups(m.tb, m.ta, m.b_to_a, m.a_to_b, transpose=True)
    add("splits/merges", t)


class _Clock:
    """CPU time spent per stage in one repeat."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def add(self, stage: str, since: float) -> float:
        now = time.process_time()
        self.spent[stage] += now - since
        return now


def forget_terms() -> None:
    """Empty the aligner's caches of stems, so each repeat pays for them as a fresh
    process does (the cache of each sequence's terms exists from issue 16 on)."""
    align_terms._terms.cache_clear()
    kept = getattr(align_terms, "sequence_terms", None)
    if kept is not None:
        kept.cache_clear()


def measure(pairs: list[tuple[Document, Document]], repeats: int) -> dict[str, float]:
    best: dict[str, float] = {}
    for _ in range(repeats):
        forget_terms()
        clock = _Clock()
        for a, b in pairs:
            match_once(a, b, clock.add)
        for stage, took in clock.spent.items():
            best[stage] = min(best.get(stage, took), took)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, default=Path("/tmp/resdiff-speed"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", default="large,huge,drafts10")
    args = parser.parse_args()
    if not (args.inputs / "drafts10-a.txt").exists():
        sys.exit(f"{args.inputs}: no inputs; write them with python bench/speed_inputs.py")
    print("case        " + "".join(f"{s:>15}" for s in STAGES) + "          total  (ms CPU)")
    for name in args.only.split(","):
        best = measure(jobs(sorted(args.inputs.glob(f"{name}-*.txt"))), args.repeats)
        row = "".join(f"{best[s] * 1000:15.0f}" for s in STAGES)
        print(f"{name:12}{row}{sum(best.values()) * 1000:15.0f}")


if __name__ == "__main__":
    main()
