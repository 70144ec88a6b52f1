"""Benchmark of the inline word diff (resdiff.diff.diff_texts).

Builds a synthetic UN-style document pair of a given size (paragraphs with rewording,
insertions, deletions, number changes, re-wrapped lines), then diffs every aligned
paragraph pair, as the pipeline does after alignment. Also measures how one pair's cost
grows with its length, for similar and for unrelated texts.

Run from the repository root:  python bench/bench_diff.py
Results go (by hand) into docs/performance.md, section "Inline diff".
"""

from __future__ import annotations

import functools
import itertools
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resdiff.align import align
from resdiff.diff import diff_texts
from resdiff.history import build_history
from resdiff.model import Clause, ClausePair, CompareOptions, Document, ParseInfo, Span

VOCABULARY = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "all",
    "parties",
    "humanitarian",
    "assistance",
    "civilians",
    "ceasefire",
    "immediate",
    "sustained",
    "lasting",
    "release",
    "hostages",
    "international",
    "law",
    "protection",
    "access",
    "Council",
    "Secretary-General",
    "report",
    "implementation",
    "resolution",
    "relevant",
    "Member",
    "States",
    "support",
    "efforts",
    "full",
    "safe",
    "unhindered",
    "delivery",
    "population",
    "region",
    "security",
    "peace",
    "obligations",
    "including",
    "particular",
    "concern",
    "situation",
    "urgent",
    "need",
    "strengthen",
    "ensure",
    "measures",
    "infrastructure",
    "hospitals",
    "schools",
    "personnel",
    "premises",
    "cooperation",
    "mandate",
    "35,000,000",
    "thirty (30)",
    "2720 (2023)",
    "non-State",
    "two-State",
    "further",
    "calls",
    "upon",
    "demands",
    "requests",
)
OPENERS = ("Demands", "Requests", "Calls upon", "Urges", "Encourages", "Decides", "Stresses")
REPLACEMENTS = ("permanent", "durable", "unconditional", "40,000,000", "sixty (60)", "Council")


def paragraph(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    text = f"{rng.choice(OPENERS)} {body};"
    # Hard-wrap a few paragraphs, as text copied out of a PDF would be.
    if rng.random() < 0.2:
        parts = text.split(" ")
        text = "".join(w + ("\n" if i % 12 == 11 else " ") for i, w in enumerate(parts)).strip()
    return text


def edit(rng: random.Random, text: str) -> str:
    tokens = text.split(" ")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(tokens))
        what = rng.random()
        if what < 0.4:
            tokens[at] = rng.choice(REPLACEMENTS)
        elif what < 0.7:
            tokens.insert(at, rng.choice(VOCABULARY))
        elif len(tokens) > 2:
            del tokens[at]
    out = " ".join(tokens)
    if rng.random() < 0.1:
        out = out.replace("\n", " ")  # re-flowed: only whitespace differs there
    return out


def make_pair(paragraphs: int, seed: int = 7) -> list[tuple[str, str]]:
    """(a, b) paragraph pairs: about 60 words each, a third of them edited."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(paragraphs):
        a = paragraph(rng, max(5, int(rng.gauss(60, 30))))
        b = edit(rng, a) if rng.random() < 0.35 else a
        pairs.append((a, b))
    return pairs


def make_document(doc_id: str, paragraphs: list[str]) -> Document:
    """A numbered draft whose clause spans tile its text."""
    clauses, pos, parts = [], 0, []
    for n, text in enumerate(paragraphs, 1):
        chunk = f"{n}. {text}\n\n"
        clauses.append(
            Clause(f"OP{n}", "operative", str(n), f"{n}.", None, text, Span(pos, pos + len(chunk)))
        )
        parts.append(chunk)
        pos += len(chunk)
    return Document(
        doc_id, f"{doc_id}.txt", "txt", "".join(parts), None, None, None, (), None, "en",
        ParseInfo("numbered", "synthetic"), Span(0, 0), tuple(clauses),
    )  # fmt: skip


def make_series(paragraphs: int, drafts: int = 4) -> list[Document]:
    """draft -> rev.1 -> ... : each revision edits about a third of the paragraphs."""
    rng = random.Random(5)
    texts = [paragraph(rng, max(5, int(rng.gauss(60, 30)))) for _ in range(paragraphs)]
    docs = [make_document("A", texts)]
    for i in range(1, drafts):
        texts = [edit(rng, t) if rng.random() < 0.35 else t for t in texts]
        docs.append(make_document("ABCDEFGH"[i], texts))
    return docs


def time_history(series: list[Document], options: CompareOptions) -> tuple[float, float]:
    """Seconds to align consecutive drafts, and to build the history from those pairs."""
    aligned: dict[tuple[str, str], tuple[ClausePair, ...]] = {}

    def align_all() -> None:
        for x, y in itertools.pairwise(series):
            aligned[(x.id, y.id)] = align(x, y, options)

    def replay(x: Document, y: Document, _: CompareOptions) -> tuple[ClausePair, ...]:
        return aligned[(x.id, y.id)]

    t_align = median_time(align_all, 3)
    t_blame = median_time(lambda: build_history(series, options, aligner=replay), 3)
    return t_align, t_blame


def median_time(fn: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def diff_all(pairs: list[tuple[str, str]], options: CompareOptions) -> None:
    for a, b in pairs:
        diff_texts(a, b, options)


def main() -> None:
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.platform()}\n"
    )
    default = CompareOptions()
    everything = CompareOptions(ignore_case=True, ignore_punctuation=True)
    exact = CompareOptions(ignore_whitespace=False, ignore_quotes=False)
    print("| document pair | paragraphs | words per side | edited pairs | options | time |")
    print("|---|---|---|---|---|---|")
    for name, size in (("small", 20), ("large", 460), ("huge", 1840)):
        pairs = make_pair(size)
        words = sum(len(a.split()) for a, _ in pairs)
        edited = sum(1 for a, b in pairs if a != b)
        for label, opts in (("default", default), ("exact", exact), ("all ignored", everything)):
            t = median_time(functools.partial(diff_all, pairs, opts))
            print(f"| {name} | {size} | {words:,} | {edited} | {label} | {t * 1000:.0f} ms |")
    print()
    print("| one pair, tokens per side | similar (5% edited) | unrelated |")
    print("|---|---|---|")
    rng = random.Random(11)
    for n in (50, 200, 800, 3200):
        a = " ".join(rng.choice(VOCABULARY) for _ in range(n // 2))
        b = " ".join(rng.choice(REPLACEMENTS) if rng.random() < 0.05 else w for w in a.split(" "))
        c = " ".join(rng.choice(VOCABULARY) for _ in range(n // 2))
        similar = median_time(functools.partial(diff_texts, a, b), 3)
        unrelated = median_time(functools.partial(diff_texts, a, c), 3)
        print(f"| {n} | {similar * 1000:.2f} ms | {unrelated * 1000:.2f} ms |")
    print()
    print("| 4-draft series | paragraphs | align | blame and rounds |")
    print("|---|---|---|---|")
    for name, size in (("large", 460), ("huge", 1840)):
        series = make_series(size)
        t_align, t_blame = time_history(series, default)
        print(f"| {name} | {size} | {t_align * 1000:.0f} ms | {t_blame * 1000:.0f} ms |")
    same = make_pair(460, seed=3)
    identical = [(a, a) for a, _ in same]
    t = median_time(lambda: diff_all(identical, default))
    print(f"\nidentical large pair (fast path, no diff_match_patch call): {t * 1000:.1f} ms")


if __name__ == "__main__":
    main()
