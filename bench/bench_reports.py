"""Time each report renderer on a large synthetic Comparison (no engine involved).

    python bench/bench_reports.py            # 1,840 paragraphs a side (the "huge" pair)
    python bench/bench_reports.py --paragraphs 460 --repeat 5
    python bench/bench_reports.py --engine   # the engine's synthetic huge pair, compared
                                             # by the real pipeline (needs align_synth.py)

The Comparison is built by hand with the shape the engine produces for the huge
benchmark pair: mostly unchanged clauses, about a fifth modified with word edits,
some added, removed, split, merged, moved and demoted, sub-paragraphs, a few hundred
ranked changes and a positions matrix. Reported: median seconds per format, for the
default view (changes with one clause of context) and for ``--all`` (the same for Word,
which always holds the whole of B).
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resdiff.model import (
    Change,
    Clause,
    ClauseKind,
    ClausePair,
    Comparison,
    Counts,
    Document,
    Link,
    MatrixCell,
    PairwiseComparison,
    ParseInfo,
    PositionsMatrix,
    Run,
    Span,
    Verb,
)
from resdiff.render import ReportOptions, render_report

_VOCABULARY = (
    "the council demands calls upon all parties to ensure immediate sustained humanitarian "
    "access civilians protection international law ceasefire hostages release resolution "
    "secretary-general report implementation welcomes stresses urges member states"
)
WORDS = tuple(_VOCABULARY.split(" "))
STATUSES = ("unchanged", "modified", "added", "removed", "split", "merged")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ";"


def _edit(rng: random.Random, text: str) -> tuple[str, tuple[Run, ...]]:
    """Replace about one word in twelve; return B's text and the runs."""
    runs: list[Run] = []
    out: list[str] = []
    for k, word in enumerate(text.split(" ")):
        sep = " " if k else ""
        if rng.random() < 0.08:
            new = rng.choice(WORDS)
            runs += [Run("=", sep), Run("-", word), Run("+", new)]
            out.append(new)
        else:
            runs.append(Run("=", sep + word))
            out.append(word)
    merged: list[Run] = []
    for r in runs:
        if merged and merged[-1].op == r.op == "=":
            merged[-1] = Run("=", merged[-1].text + r.text)
        elif r.text:
            merged.append(r)
    return " ".join(out), tuple(merged)


def _document(doc_id: str, texts: list[str]) -> Document:
    clauses, pos = [], 0
    for i, t in enumerate(texts, 1):
        span = Span(pos, pos + len(t))
        clauses.append(Clause(f"OP{i}", "operative", str(i), f"{i}.", None, t, span))
        pos += len(t) + 2
    return Document(
        id=doc_id,
        source=f"{doc_id.lower()}.txt",
        format="txt",
        text="\n\n".join(texts) + "\n",
        symbol=f"A/99/L.{doc_id}",
        author=None,
        date=None,
        sponsors=(),
        title=None,
        language="en",
        parse=ParseInfo("un", "synthetic"),
        header=Span(0, 0),
        clauses=tuple(clauses),
    )


def synthetic(paragraphs: int, seed: int = 7) -> Comparison:
    """A huge-pair-shaped Comparison: ~72% unchanged, 20% modified, the rest structural."""
    rng = random.Random(seed)
    a_texts: list[str] = []
    b_texts: list[str] = []
    pairs: list[ClausePair] = []
    changes: list[Change] = []
    while len(a_texts) < paragraphs:
        text = _sentence(rng, rng.randint(30, 90))
        roll = rng.random()
        ia, ib = f"OP{len(a_texts) + 1}", f"OP{len(b_texts) + 1}"
        if roll < 0.72:
            a_texts.append(text)
            b_texts.append(text)
            same = (Run("=", text),)
            pairs.append(ClausePair((ia,), (ib,), "unchanged", roll < 0.01, 1.0, same))
        elif roll < 0.92:
            new, runs = _edit(rng, text)
            a_texts.append(text)
            b_texts.append(new)
            kind: tuple[ClauseKind, ClauseKind] | None = (
                ("operative", "preambular") if roll > 0.915 else None
            )
            pairs.append(ClausePair((ia,), (ib,), "modified", False, 0.8, runs, (), kind))
            if roll < 0.75:
                changes.append(
                    Change(
                        "verb-strength",
                        "t1",
                        None,
                        (ia,),
                        (ib,),
                        "Urges",
                        "Demands",
                        "stronger",
                        5.0,
                        f"{ia}: the verb is stronger in B (Urges -> Demands).",
                    )
                )
        elif roll < 0.95:
            a_texts.append(text)
            pairs.append(ClausePair((ia,), (), "removed", False, 0.0, (Run("-", text),)))
            changes.append(
                Change(
                    "clause-removed",
                    None,
                    None,
                    (ia,),
                    (),
                    None,
                    None,
                    None,
                    3.0,
                    f"A {ia} has no counterpart in B.",
                )
            )
        elif roll < 0.98:
            b_texts.append(text)
            pairs.append(ClausePair((), (ib,), "added", False, 0.0, (Run("+", text),)))
        else:
            half = len(text) // 2
            a_texts.append(text)
            b_texts += [text[:half], text[half:]]
            runs = (Run("=", text[:half]), Run("+", "\n"), Run("=", text[half:]))
            ib2 = f"OP{len(b_texts)}"
            pairs.append(ClausePair((ia,), (ib, ib2), "split", False, 0.9, runs))
    by_status = {s: sum(1 for p in pairs if p.status == s) for s in STATUSES}
    counts = Counts(**by_status, moved=sum(1 for p in pairs if p.moved))
    link = Link(("t1", "t2"), "conditional", "in connection with")
    topics = tuple(f"t{i}" for i in range(1, 11))
    cell = MatrixCell(Verb("Demands", "obligation", 8.0), ("OP1", "OP7"), ("immediate",), (link,))
    cells = {(t, d): cell for t in topics for d in ("A", "B")}
    matrix = PositionsMatrix(topics, {t: t.upper() for t in topics}, ("A", "B"), cells)
    changes.sort(key=lambda c: -c.weight)
    pc = PairwiseComparison("A", "B", tuple(pairs), counts, tuple(changes))
    return Comparison((_document("A", a_texts), _document("B", b_texts)), (pc,), matrix=matrix)


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def engine_pair(paragraphs: int) -> Comparison:
    """The alignment benchmark's synthetic pair, through the real ``compare``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from align_synth import make_pair  # type: ignore[import-not-found]

    from resdiff.pipeline import compare

    pair = make_pair(paragraphs, 1)
    return compare(pair.a, pair.b)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=1840)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", action="store_true", help="use the real pipeline")
    args = parser.parse_args()
    t0 = time.perf_counter()
    comparison = engine_pair(args.paragraphs) if args.engine else synthetic(args.paragraphs)
    built = time.perf_counter() - t0
    pc = comparison.comparisons[0]
    print(
        f"python {platform.python_version()} on {platform.machine()}, "
        f"{len(comparison.documents[0].clauses)} / {len(comparison.documents[1].clauses)} "
        f"paragraphs, {len(pc.pairs)} pairs, {len(pc.changes)} changes "
        f"({'compared' if args.engine else 'built'} in {built:.2f} s)"
    )
    print(f"{'format':<6} {'default view':>13} {'--all':>9} {'size --all':>12}")
    every = ReportOptions(show_all=True)
    for fmt in ("json", "md", "html", "txt", "docx"):
        default = _median(partial(render_report, comparison, fmt, ReportOptions()), args.repeat)
        full = _median(partial(render_report, comparison, fmt, every), args.repeat)
        size = len(render_report(comparison, fmt, every))
        print(f"{fmt:<6} {default:>11.3f} s {full:>7.3f} s {size / 1e6:>9.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
