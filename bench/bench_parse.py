"""Benchmark of the structure parser (resdiff.parse.structure.parse_source).

Generates a long UN-style resolution (header, author line, preambular paragraphs,
section headings, numbered operative paragraphs with (a)/(i) sub-paragraphs, footnotes)
of about 30,000 words, in two layouts: paragraphs separated by blank lines, and
hard-wrapped at 70 columns with no blank lines (as pasted from a PDF). Times parsing
(median of several runs), then the same at 2x and 4x the size to show how cost grows.

Run from the repository root:  python bench/bench_parse.py
Results go (by hand) into docs/performance.md, section "Parsing".
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resdiff.ingest import SourceText
from resdiff.ingest.reader import read_source
from resdiff.labels import to_roman
from resdiff.parse.invariants import tiling_problems
from resdiff.parse.structure import parse_source

WORDS = [
    "the",
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
    "region",
    "security",
    "peace",
    "including",
    "particular",
    "obligations",
    "under",
    "population",
    "infrastructure",
    "delivery",
    "personnel",
    "agencies",
    "funding",
    "conflict",
    "restraint",
    "territory",
    "displacement",
    "accountability",
    "investigation",
]
PP_OPENERS = (
    "Recalling",
    "Reaffirming",
    "Expressing deep concern about",
    "Noting with grave concern that",
    "Stressing",
    "Welcoming",
    "Emphasizing",
    "Bearing in mind",
)
OP_VERBS = (
    "Demands",
    "Calls upon",
    "Requests",
    "Encourages",
    "Urges",
    "Strongly condemns",
    "Decides",
    "Expresses its grave concern at",
    "Also requests",
    "Takes note of",
)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_resolution(target_words: int, seed: int = 0) -> str:
    """A synthetic resolution of about ``target_words`` words, blank-line layout.

    Paragraphs grow with the size so that numbers stay below 1000 (real operative
    numbers never come close; the parser reads at most three digits as a number).
    """
    stretch = max(1, target_words // 30_000)
    rng = random.Random(seed)
    parts = [
        "United Nations                                        A/99/L.1",
        "General Assembly                                      Distr.: Limited",
        "                                                      1 March 2024",
        "                                                      Original: English",
        "Illustrative text generated for the resdiff benchmark; not a UN document.",
        "",
        "Chile, Japan and Norway: draft resolution",
        "",
        "The General Assembly,",
        "",
    ]
    words = 40
    n_pp = max(5, target_words // 500)
    for _ in range(n_pp):
        text = f"{rng.choice(PP_OPENERS)} {_sentence(rng, rng.randint(20, 60))},"
        parts += [text, ""]
        words += len(text.split())
    number = 0
    section = 0
    while words < target_words:
        if number % 40 == 0:
            section += 1
            parts += [to_roman(section).upper(), "", f"Section {section} matters", ""]
        number += 1
        length = rng.randint(25, 80) * stretch
        text = f"{number}. {rng.choice(OP_VERBS)} {_sentence(rng, length)};"
        if number % 7 == 0:
            text = f"{number}. Requests the Secretary-General to:"
            parts += [text, ""]
            for letter in "abcd":
                sub = f"    ({letter}) {_sentence(rng, rng.randint(10, 30)).capitalize()};"
                parts += [sub, ""]
                words += len(sub.split())
                if letter == "b":
                    for roman in ("i", "ii"):
                        deep = f"        ({roman}) {_sentence(rng, 12).capitalize()};"
                        parts += [deep, ""]
                        words += len(deep.split())
        else:
            parts += [text, ""]
        words += len(text.split())
    parts += [f"{number + 1}. Decides to remain seized of the matter.", "", "_____", ""]
    parts += [f"{k} See document A/99/{k}." for k in range(1, 6)]
    return "\n".join(parts) + "\n"


def hard_wrap(text: str, width: int = 70) -> str:
    """The PDF-paste layout: every paragraph wrapped, no blank lines."""
    out = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(textwrap.wrap(line.strip(), width) or [""])
    return "\n".join(out) + "\n"


def time_parse(text: str, runs: int) -> tuple[float, float, int, int]:
    src = SourceText("bench.txt", "txt", text)
    doc = parse_source(src)  # warm-up (lexicon load, regex compile)
    assert tiling_problems(doc) == [], "lossless invariant broken"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_source(src)
        times.append(time.perf_counter() - t0)
    n_clauses = sum(1 for _ in doc.walk())
    return statistics.median(times) * 1000, min(times) * 1000, n_clauses, len(text.split())


def time_read(text: str, runs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.txt"
        path.write_text(text, encoding="utf-8")
        read_source(str(path))
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            read_source(str(path))
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print(f"{'layout':<14}{'words':>8}{'lines':>7}{'clauses':>9}{'median ms':>11}{'min ms':>8}")
    for scale in (1, 2, 4):
        base = make_resolution(30_000 * scale)
        for layout, text in (("blank lines", base), ("hard-wrapped", hard_wrap(base))):
            runs = 15 if scale == 1 else 5
            ms, best, clauses, words = time_parse(text, runs)
            lines = text.count("\n")
            print(f"{layout:<14}{words:>8}{lines:>7}{clauses:>9}{ms:>11.1f}{best:>8.1f}")
        read_ms = time_read(base, 5)
        print(f"  read_source (decode, newline normalisation) of that file: {read_ms:.1f} ms")


if __name__ == "__main__":
    main()
