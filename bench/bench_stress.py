"""Hostile sizes and shapes, end to end in process (load -> compare -> JSON report): one
very long paragraph, thousands of tiny paragraphs, boilerplate repeated hundreds of times,
a word with no spaces, a long paragraph rewritten all through, and the 1 MB inputs of
issue 16 (no input up to 1 MB may take more than 5 s).

    python bench/bench_stress.py [--quick]

Each case runs at two sizes so that the growth is visible (x4 in size should cost about
x4 in time). Results go to docs/performance.md, section "Stress inputs (QA)".

The 1 MB cases, each a recipe below:

- *unrelated 1 MB paragraphs*: one paragraph of 1 MB against another drawn from the same
  words with another seed (nothing in common but the vocabulary): the word diff's worst
  case, which the rewrite guard answers (docs/word-diff.md);
- *one paragraph per line*: a plain text with no author line, no blank lines and one
  paragraph of about 200 bytes on each line (5,000 lines), the second draft editing a
  tenth of them: read as plain paragraphs, one per line;
- *one-line operative paragraphs*: "The Security Council," then 20,000 numbered
  paragraphs, one line each, no blank lines (operative numbers up to 20,000);
- *a paragraph of numbers*: one paragraph with 10,000 numbers among its words, three
  numbers changed;
- *operative paragraphs (reliability)*: docs/reliability.md's 24,000 operative paragraphs
  (numbers cycling from 1 to 999) against a copy with a few edited.
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


def unrelated_paragraphs(size: int) -> tuple[str, str]:
    def para(seed: int) -> str:
        rng, words, total = random.Random(seed), [], 0
        while total < size:
            words.append(rng.choice(WORDS))
            total += len(words[-1]) + 1
        return " ".join(words)

    return f"{HEAD}1. Demands {para(4)};\n", f"{HEAD}1. Demands {para(5)};\n"


def one_per_line(n: int) -> tuple[str, str]:
    rng = random.Random(6)
    lines = [
        f"{rng.choice(('Demands', 'Urges', 'Calls upon'))} {_words(rng, 24)}." for _ in range(n)
    ]
    other = lines[:]
    for k in range(0, n, 10):
        other[k] = other[k].replace(" the ", " all the ", 1)
    del other[n // 3]
    return "\n".join(lines) + "\n", "\n".join(other) + "\n"


def one_line_paragraphs(n: int) -> tuple[str, str]:
    rng = random.Random(7)
    paras = [f"Demands {_words(rng, 4)};" for _ in range(n)]
    other = paras[:]
    for k in range(5, n, 50):
        other[k] = other[k].replace("Demands", "Urges")
    del other[n // 2]

    def text(ps: list[str]) -> str:
        return "The Security Council,\n" + "\n".join(f"{i}. {p}" for i, p in enumerate(ps, 1))

    return text(paras) + "\n", text(other) + "\n"


def numbers_paragraph(n: int) -> tuple[str, str]:
    rng = random.Random(8)
    parts = []
    for _k in range(n):
        parts.append(f"{rng.choice(WORDS)} {rng.randrange(1, 10**6):,} {rng.choice(WORDS)}")
    para = ", ".join(parts)
    edited = para
    for old in (parts[n // 4], parts[n // 2], parts[3 * n // 4]):
        edited = edited.replace(old, old.split(" ")[0] + " 42 " + old.split(" ")[2], 1)
    return f"{HEAD}1. Decides {para};\n", f"{HEAD}1. Decides {edited};\n"


def operative_paragraphs(n: int) -> tuple[str, str]:
    lines = [f"{i % 999 + 1}. Demands measure {i} of the plan;\n" for i in range(n)]
    other = lines[:]
    for k in range(7, n, 500):
        other[k] = other[k].replace("Demands", "Requests")
    return "\n".join(["The Security Council,", "", *lines]), "\n".join(
        ["The Security Council,", "", *other]
    )


CASES: list[tuple[str, Callable[[int], tuple[str, str]], tuple[int, int], str]] = [
    ("one paragraph, one edit", long_paragraph_one_edit, (40_000, 160_000), "words"),
    ("one paragraph, 1 edit in 15 words", long_paragraph_reworded, (5_000, 20_000), "words"),
    ("tiny paragraphs", many_paragraphs, (2_500, 10_000), "paragraphs"),
    ("identical boilerplate paragraphs", boilerplate, (500, 2_000), "paragraphs"),
    ("a word with no spaces", no_spaces, (50_000, 200_000), "characters"),
    ("unrelated paragraphs", unrelated_paragraphs, (250_000, 1_000_000), "bytes"),
    ("one paragraph per line", one_per_line, (1_250, 5_000), "lines"),
    ("one-line operative paragraphs", one_line_paragraphs, (5_000, 20_000), "paragraphs"),
    ("a paragraph of numbers", numbers_paragraph, (2_500, 10_000), "numbers"),
    ("operative paragraphs (reliability)", operative_paragraphs, (6_000, 24_000), "paragraphs"),
]

#: The issue 16 inputs of up to 1 MB a side (their larger size), for bench/speed_inputs.py.
STRESS_INPUTS: dict[str, tuple[Callable[[int], tuple[str, str]], int]] = {
    "unrelated-1mb": (unrelated_paragraphs, 1_000_000),
    "one-per-line-5000": (one_per_line, 5_000),
    "one-line-paragraphs-20000": (one_line_paragraphs, 20_000),
    "numbers-10000": (numbers_paragraph, 10_000),
    "operative-24000": (operative_paragraphs, 24_000),
    "one-paragraph-1mb": (long_paragraph_one_edit, 125_000),
}


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
