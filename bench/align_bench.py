"""Alignment benchmark: time, peak memory and accuracy on synthetic pairs, vs difflib.

Run from the repository root::

    python bench/align_bench.py            # small, large, huge
    python bench/align_bench.py --quick    # small and large only

For each size it builds pairs with known edits (bench/align_synth.py), then measures
in process, on one core: ``resdiff.align.align`` alone, the whole ``resdiff.compare``
(align + word diffs + signals), peak memory of ``compare`` (tracemalloc), and the share
of clauses paired as the generator intended, overall and on the hard ones (moved,
split, merged, demoted). The same pairs go through a baseline, difflib's
SequenceMatcher over paragraph texts, whose accuracy is printed alongside.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_synth import SynthPair, make_pair

import resdiff.align as align_module
from resdiff.align import align
from resdiff.model import Document, Run
from resdiff.pipeline import compare

Group = tuple[tuple[str, ...], tuple[str, ...]]

SIZES = {
    # name: (paragraphs, words per paragraph, seeds, timing repeats)
    "small": (20, 75, (1, 2, 3, 4, 5), 5),
    "large": (460, 65, (1, 2), 5),
    "huge": (1840, 65, (1,), 3),
}


def baseline(a: Document, b: Document) -> list[Group]:
    """difflib paragraph matching: equal runs pair 1:1, replaced runs pair in order."""
    ta, tb = [c.text for c in a.clauses], [c.text for c in b.clauses]
    out: list[Group] = []
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for _, i1, i2, j1, j2 in sm.get_opcodes():
        n = min(i2 - i1, j2 - j1)
        out += [
            ((a.clauses[i].id,), (b.clauses[j1 + k].id,)) for k, i in enumerate(range(i1, i1 + n))
        ]
        out += [((a.clauses[i].id,), ()) for i in range(i1 + n, i2)]
        out += [((), (b.clauses[j].id,)) for j in range(j1 + n, j2)]
    return out


def accuracy(got: Iterable[Group], pair: SynthPair) -> list[int]:
    """[right, total, right moved, moved, right split/merged, split/merged]: a clause is
    right when its group is exactly the generator's."""
    got_set = set(got)
    out = [0] * 6
    for group in pair.truth:
        ok = group in got_set
        for cid in (*group[0], *group[1]):
            out[0] += ok
            out[1] += 1
            if cid in pair.moved:
                out[2] += ok
                out[3] += 1
            if cid in pair.grouped:
                out[4] += ok
                out[5] += 1
    return out


def without_word_diff(a: Document, b: Document) -> None:
    """Alignment alone: the word diff replaced by a trivial one, to see matching cost."""
    saved = align_module.diff_texts
    align_module.diff_texts = lambda x, y, options=None: (Run("-", x), Run("+", y))
    try:
        align(a, b)
    finally:
        align_module.diff_texts = saved


def timed(fn: Callable[[], object], repeats: int) -> float:
    """Median CPU time of the process (``time.process_time``): on a shared, loaded
    machine wall time mostly measures the neighbours; CPU time is the work done."""
    times = []
    for _ in range(repeats):
        gc.collect()
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def pct(r: int, t: int) -> str:
    return f"{100 * r / t:.1f}%" if t else "-"


def run(size: str) -> dict[str, str]:
    n, wpp, seeds, repeats = SIZES[size]
    acc = [0] * 6
    base = [0] * 6
    t_match: list[float] = []
    t_align: list[float] = []
    t_compare: list[float] = []
    t_base: list[float] = []
    mem = 0.0
    words = paras = 0
    for seed in seeds:
        pair = make_pair(n, seed, wpp)
        words, paras = pair.words, len(pair.a.clauses)
        pairs = align(pair.a, pair.b)
        got = accuracy(((p.a, p.b) for p in pairs), pair)
        acc = [x + y for x, y in zip(acc, got, strict=True)]
        got = accuracy(baseline(pair.a, pair.b), pair)
        base = [x + y for x, y in zip(base, got, strict=True)]
        t_match.append(timed(lambda p=pair: without_word_diff(p.a, p.b), repeats))
        t_align.append(timed(lambda p=pair: align(p.a, p.b), repeats))
        t_compare.append(timed(lambda p=pair: compare(p.a, p.b), repeats))
        t_base.append(timed(lambda p=pair: baseline(p.a, p.b), repeats))
        mem = max(mem, peak_mb(lambda p=pair: compare(p.a, p.b)))
    return {
        "size": size,
        "paragraphs": str(paras),
        "words": f"{words:,}",
        "pairs": str(len(seeds)),
        "matching s": f"{statistics.median(t_match):.3f}",
        "align s": f"{statistics.median(t_align):.3f}",
        "compare s": f"{statistics.median(t_compare):.3f}",
        "peak MB": f"{mem:.0f}",
        "accuracy": pct(acc[0], acc[1]),
        "moved": f"{pct(acc[2], acc[3])} of {acc[3]}",
        "split/merged": f"{pct(acc[4], acc[5])} of {acc[5]}",
        "difflib s": f"{statistics.median(t_base):.3f}",
        "difflib acc.": pct(base[0], base[1]),
        "difflib moved": pct(base[2], base[3]),
        "difflib split/merged": pct(base[4], base[5]),
    }


def parser_run() -> str:
    """One large pair through text + the structure parser (whatever parser is installed)."""
    from resdiff.ingest import SourceText
    from resdiff.parse.structure import parse_source

    pair = make_pair(460, 1, 65)
    texts = [f"The General Assembly,\n\n{d.text}" for d in (pair.a, pair.b)]

    def go() -> None:
        da = parse_source(SourceText("a.txt", "txt", texts[0]), "A")
        db = parse_source(SourceText("b.txt", "txt", texts[1]), "B")
        compare(da, db)

    da = parse_source(SourceText("a.txt", "txt", texts[0]), "A")
    return (
        f"large pair through text and parse_source ({da.parse.structure}: "
        f"{len(da.clauses)} top-level clauses): {timed(go, 3):.3f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small and large only")
    args = ap.parse_args()
    sizes = ["small", "large"] if args.quick else list(SIZES)
    import platform

    print(f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}")
    rows = [run(s) for s in sizes]
    cols = list(rows[0])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(r[c] for c in cols) + " |")
    print()
    print(parser_run())


if __name__ == "__main__":
    main()
