"""Time clause signals on a synthetic long draft (460 paragraphs, ~29k words, like a long
General Assembly text) and at 2x and 4x that size, plus lens loading and ranked changes.

    python bench/bench_signals.py [--repeat N]

Results go to docs/performance.md, section "Signals".
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resdiff.model import Clause, ClausePair, ClauseSignals, Document, ParseInfo, Span  # noqa: E402
from resdiff.signals import lens as lens_module  # noqa: E402
from resdiff.signals.changes import find_changes  # noqa: E402
from resdiff.signals.extract import clause_signals  # noqa: E402
from resdiff.signals.lens import Lens, load_lens  # noqa: E402

OPENERS_OP = [
    "Demands",
    "Calls upon all parties to",
    "Urges",
    "Requests the Secretary-General to",
    "Encourages Member States to",
    "Stresses the need",
    "Strongly condemns",
    "Decides",
]
OPENERS_PP = [
    "Recalling",
    "Reaffirming",
    "Expressing deep concern at",
    "Noting with concern",
    "Welcoming",
    "Condemning",
    "Mindful of",
    "Stressing",
]
PHRASES = [
    "an immediate and sustained ceasefire",
    "the immediate and unconditional release of all hostages",
    "full, rapid, safe and unhindered humanitarian access",
    "the protection of civilians and civilian infrastructure",
    "the forced displacement of the civilian population",
    "a ground offensive into Rafah",
    "all acts of terrorism",
    "international humanitarian law and international human rights law",
    "the work of UNRWA and other United Nations agencies",
    "a negotiated two-State solution",
    "a report to the Council within 30 days",
    "the efforts of Egypt, Qatar and the United States of America",
    "resolution 2720 (2023) and document S/2024/239",
    "the situation of detainees",
    "acute food insecurity",
]
LINKERS = [
    " in connection with ",
    " and also demands ",
    " as well as ",
    " leading to ",
    ", and ",
    " including ",
    " in accordance with ",
    " with a view to ",
    " and further stresses ",
]
FILLER = [
    "in",
    "all",
    "parts",
    "of",
    "the",
    "territory",
    "concerned",
    "bearing",
    "in",
    "mind",
    "the",
    "obligations",
    "of",
    "all",
    "parties",
    "and",
    "the",
    "need",
    "for",
    "coordination",
    "with",
    "the",
    "relevant",
    "regional",
    "organizations",
]


def synthetic(n: int, seed: int = 7) -> Document:
    rng = random.Random(seed)
    clauses = []
    for i in range(n):
        operative = i >= n // 4
        opener = rng.choice(OPENERS_OP if operative else OPENERS_PP)
        body = [opener, rng.choice(PHRASES)]
        for _ in range(rng.randint(2, 5)):
            body.append(rng.choice(LINKERS).strip())
            body.append(rng.choice(PHRASES))
            body.append(" ".join(rng.sample(FILLER, rng.randint(4, 12))))
        text = " ".join(body) + (";" if operative else ",")
        cid = f"OP{i - n // 4 + 1}" if operative else f"PP{i + 1}"
        kind = "operative" if operative else "preambular"
        clauses.append(Clause(cid, kind, None, None, None, text, Span(0, 0)))  # type: ignore[arg-type]
    return Document(
        "A",
        "synthetic",
        "txt",
        "",
        None,
        None,
        None,
        (),
        None,
        "en",
        ParseInfo("un", "synthetic"),
        Span(0, 0),
        tuple(clauses),
    )


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, best) CPU time of this process in ms. The machine is shared: CPU time is
    what the work costs; wall time also counts waiting for other jobs."""
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append((time.process_time() - t) * 1000)
    return statistics.median(times), min(times)


def all_signals(doc: Document, lens: Lens) -> list[ClauseSignals]:
    return [clause_signals(c, lens) for c in doc.walk()]


def seed_like(n: int) -> Document | None:
    """The bundled seed drafts' paragraphs, cycled to ``n``: real density of signals."""
    try:
        from resdiff.seeds import seed_dir

        folder = seed_dir()
    except FileNotFoundError:
        return None
    paras = [
        p.strip()
        for f in sorted(folder.glob("s-2024-*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 6
    ]
    if not paras:
        return None
    clauses = tuple(
        Clause(f"P{i + 1}", "other", None, None, None, paras[i % len(paras)], Span(0, 0))
        for i in range(n)
    )
    return Document(
        "A", "seeds", "txt", "", None, None, None, (), None, "en",
        ParseInfo("paragraphs", "seed-like"), Span(0, 0), clauses,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    print(f"CPU time, median and best of {args.repeat} runs after a warm-up")

    def cold_load() -> None:
        lens_module._CACHE.clear()
        load_lens().compiled  # noqa: B018 - compile is part of the cost

    med, best = timed(cold_load, args.repeat)
    print(f"lens load + compile (cold): median {med:.1f} ms, best {best:.1f} ms")
    lens = load_lens()
    docs = [(f"synthetic, {n} paragraphs", synthetic(n)) for n in (460, 920, 1840)]
    seeds = seed_like(460)
    if seeds is not None:
        docs.append(("seed paragraphs cycled, 460 paragraphs", seeds))
    for name, doc in docs:
        n = len(doc.clauses)
        words = sum(len(c.text.split()) for c in doc.clauses)
        med, best = timed(partial(all_signals, doc, lens), args.repeat)
        print(
            f"signals, {name} ({words} words): median {med:.1f} ms, best {best:.1f} ms "
            f"({1000 * med / n:.0f} us/paragraph)"
        )
    a, b = synthetic(460, seed=7), synthetic(460, seed=8)
    sa = {c.id: clause_signals(c, lens) for c in a.walk()}
    sb = {c.id: clause_signals(c, lens) for c in b.walk()}
    pairs = tuple(
        ClausePair((x.id,), (y.id,), "modified", False, 0.5, ())
        for x, y in zip(a.clauses, b.clauses, strict=True)
    )
    med, best = timed(lambda: find_changes(a, b, pairs, sa, sb, lens), args.repeat)
    n_changes = len(find_changes(a, b, pairs, sa, sb, lens))
    print(
        f"ranked changes, 460 modified pairs: median {med:.1f} ms, best {best:.1f} ms "
        f"({n_changes} changes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
