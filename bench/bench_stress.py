"""Hostile sizes and shapes, end to end in process (load -> compare -> JSON report): one
very long paragraph, thousands of tiny paragraphs, boilerplate repeated hundreds of times,
a word with no spaces, and a long paragraph rewritten all through.

    python bench/bench_stress.py [--quick]

Each case runs at two sizes so that the growth is visible (x4 in size should cost about
x4 in time). Results go to docs/performance.md, section "Stress inputs (QA)".
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resdiff.pipeline import compare, load  # noqa: E402
from resdiff.render.json import render_comparison  # noqa: E402

WORDS = [
    "the",
    "council",
    "demands",
    "ceasefire",
    "hostages",
    "release",
    "humanitarian",
    "access",
    "civilians",
    "parties",
    "law",
    "calls",
    "upon",
    "urges",
    "immediate",
    "sustained",
    "unconditional",
]
HEAD = "The Security Council,\n\n"


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def long_paragraph_one_edit(n: int) -> tuple[str, str]:
    para = _words(random.Random(1), n)
    cut = para.index(" ", len(para) // 2)
    return (
        f"{HEAD}1. Demands {para};\n",
        f"{HEAD}1. Demands {para[:cut]} unconditional{para[cut:]};\n",
    )


def long_paragraph_reworded(n: int) -> tuple[str, str]:
    a, _ = long_paragraph_one_edit(n)
    return a, a.replace("hostages", "captives")


def many_paragraphs(n: int) -> tuple[str, str]:
    rng = random.Random(2)
    paras = [f"{i + 1}. Demands {_words(rng, 4)};" for i in range(n)]
    other = paras[:]
    del other[n // 2 : n // 2 + n // 100]
    other.insert(n // 5, "1. Urges new things;")
    return HEAD + "\n\n".join(paras) + "\n", HEAD + "\n\n".join(other) + "\n"


def boilerplate(n: int) -> tuple[str, str]:
    line = "Requests the Secretary-General to report on the implementation of this resolution;"
    paras = [f"{i + 1}. {line}" for i in range(n)]
    other = paras[:]
    other[n // 2] = f"{n // 2 + 1}. Requests the Secretary-General to report monthly;"
    del other[10]
    return HEAD + "\n\n".join(paras) + "\n", HEAD + "\n\n".join(other) + "\n"


def no_spaces(n: int) -> tuple[str, str]:
    rng = random.Random(3)
    word = "".join(rng.choice("abcdefghij.-") for _ in range(n))
    edited = word[: n // 3] + "X" + word[n // 3 : 2 * n // 3] + "Y" + word[2 * n // 3 :]
    return f"{HEAD}1. Demands {word};\n", f"{HEAD}1. Demands {edited};\n"


CASES: list[tuple[str, Callable[[int], tuple[str, str]], tuple[int, int], str]] = [
    ("one paragraph, one edit", long_paragraph_one_edit, (40_000, 160_000), "words"),
    ("one paragraph, 1 edit in 15 words", long_paragraph_reworded, (5_000, 20_000), "words"),
    ("tiny paragraphs", many_paragraphs, (2_500, 10_000), "paragraphs"),
    ("identical boilerplate paragraphs", boilerplate, (500, 2_000), "paragraphs"),
    ("a word with no spaces", no_spaces, (50_000, 200_000), "characters"),
]


def run(quick: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, sizes, unit in CASES:
            times = []
            for n in sizes[:1] if quick else sizes:
                a_text, b_text = make(n)
                a, b = Path(tmp, "a.txt"), Path(tmp, "b.txt")
                a.write_text(a_text, encoding="utf-8")
                b.write_text(b_text, encoding="utf-8")
                start = time.perf_counter()
                render_comparison(compare(load(str(a)), load(str(b), doc_id="B")))
                times.append(time.perf_counter() - start)
                print(f"{name:36} {n:>8,} {unit:11} {times[-1]:7.2f} s")
            if len(times) == 2:
                growth = times[1] / times[0]
                print(f"{'':36} x{sizes[1] // sizes[0]} size -> x{growth:.1f} time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the smaller size only")
    run(ap.parse_args().quick)


if __name__ == "__main__":
    main()
