"""Amendments on the large benchmark pair: what they cost beyond the comparison.

    python bench/bench_amend.py               # the large pair (460 paragraphs a side)
    python bench/bench_amend.py --size huge   # 1,840 paragraphs a side
    python bench/bench_amend.py --repeat 7

The pair comes from bench/align_synth.py, written out as text with an author line and
parsed by resdiff's own parser (so the drafts are what ``resdiff`` reads from files).
Reported, median seconds over the repeats:

- ``compare``: the comparison both commands start from (not counted in the budget);
- ``amendments``: writing the list from the comparison and printing it in UN form
  (what ``resdiff amendments`` adds to the comparison);
- ``apply``: reading that document, applying it to A, renumbering and printing the
  amended draft (what ``resdiff apply`` does for text output; it makes no comparison);
  reading the amended text back (for Markdown and Word output) is timed apart;

and a check that the amended draft has B's clauses (the round trip).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_synth import make_pair

from resdiff.amend import amendments
from resdiff.amend.apply import AmendedDraft, apply_amendments
from resdiff.amend.read import read_amendments
from resdiff.amend.words import canonical, fold
from resdiff.ingest import SourceText
from resdiff.model import Document
from resdiff.parse.structure import parse_source
from resdiff.pipeline import compare
from resdiff.render.amendments import render_text

SIZES = {"small": 20, "large": 460, "huge": 1840}


def _as_parsed(doc: Document) -> Document:
    text = "The General Assembly,\n\n" + doc.text
    return parse_source(SourceText(doc.source, "txt", text), doc.id)


def _reparsed(done: AmendedDraft) -> Document:
    return parse_source(SourceText("amended.txt", "txt", done.text), "A")


def _median(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=tuple(SIZES), default="large")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pair = make_pair(SIZES[args.size], args.seed)
    a, b = _as_parsed(pair.a), _as_parsed(pair.b)
    t_compare, comparison = _median(lambda: compare(a, b), args.repeat)
    assert comparison is not None

    def write() -> str:
        fold.cache_clear()  # each run starts cold, as a command does
        return render_text(amendments(comparison))  # type: ignore[arg-type]

    t_write, document = _median(write, args.repeat)
    assert isinstance(document, str)

    def apply() -> AmendedDraft:
        fold.cache_clear()
        return apply_amendments(a, read_amendments(document))

    t_apply, done = _median(apply, args.repeat)
    assert isinstance(done, AmendedDraft)
    t_parse, amended = _median(lambda: _reparsed(done), args.repeat)
    assert isinstance(amended, Document)
    same = [(c.id, c.kind, canonical(c.text)) for c in amended.walk()] == [
        (c.id, c.kind, canonical(c.text)) for c in b.walk()
    ]
    listed = amendments(comparison)  # type: ignore[arg-type]
    ops: dict[str, int] = {}
    for x in listed.amendments:
        ops[x.op] = ops.get(x.op, 0) + 1
    print(f"python {platform.python_version()}, {platform.machine()}, median of {args.repeat}")
    print(f"pair: {len(a.clauses)} / {len(b.clauses)} paragraphs ({args.size}, seed {args.seed})")
    print(f"amendments: {len(listed.amendments)} ({', '.join(f'{k} {v}' for k, v in ops.items())})")
    print(f"compare     {t_compare:7.3f} s   (not counted)")
    print(f"amendments  {t_write:7.3f} s   beyond the comparison")
    print(f"apply       {t_apply:7.3f} s   read + apply + renumber + print (txt output)")
    print(f"  + parse   {t_parse:7.3f} s   the amended text read back (md and docx output)")
    print(f"round trip: {'exact' if same else 'DIFFERS'}")


if __name__ == "__main__":
    main()
