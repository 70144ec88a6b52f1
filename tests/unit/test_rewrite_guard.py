"""The rewrite guard: a long pair sharing little is reported as rewritten (all of A
removed, all of B added) instead of a word diff whose cost grows with length x edits;
every other pair is diffed exactly as before."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align.params import DEFAULT
from resdiff.align.rewrite import is_rewritten
from resdiff.diff import diff_texts, tokenize
from resdiff.diff.guard import estimated_similarity, shingle_words
from resdiff.ingest import SourceText
from resdiff.model import CompareOptions, Run
from resdiff.parse.structure import parse_source
from resdiff.pipeline import compare

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
]
NO_GUARD = replace(DEFAULT, guard_tokens=10**9)


def _paragraph(seed: int, words: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _edited(text: str, every: int, seed: int = 9) -> str:
    rng = random.Random(seed)
    words = text.split(" ")
    for k in range(0, len(words), every):
        words[k] = rng.choice(["unconditional", "sustained", "all", "parties"])
    return " ".join(words)


def test_long_unrelated_pair_is_one_rewrite() -> None:
    a, b = _paragraph(1, 3000), _paragraph(2, 3000)  # 6,000 tokens a side, one vocabulary
    assert diff_texts(a, b) == (Run("-", a), Run("+", b))


def test_long_edited_pair_is_diffed_as_before() -> None:
    a = _paragraph(1, 3000)
    b = _edited(a, 15)
    runs = diff_texts(a, b)
    assert len(runs) > 2
    assert runs == diff_texts(a, b, params=NO_GUARD)


def test_short_unrelated_pair_is_diffed_as_before() -> None:
    a, b = _paragraph(1, 300), _paragraph(2, 300)
    assert diff_texts(a, b) == diff_texts(a, b, params=NO_GUARD)


def test_guard_uses_the_rewrite_threshold() -> None:
    """The same long pair, judged against a threshold below and above its estimate."""
    a = _paragraph(1, 3000)
    b = _edited(a, 12)
    estimate = estimated_similarity(tokenize(a), tokenize(b), 0, 0, CompareOptions())
    assert 0.05 < estimate < 0.95
    lenient = replace(DEFAULT, rewrite_below=estimate - 0.01)
    strict = replace(DEFAULT, rewrite_below=estimate + 0.01)
    assert len(diff_texts(a, b, params=lenient)) > 2
    assert diff_texts(a, b, params=strict) == (Run("-", a), Run("+", b))


def test_guarded_pair_reads_as_rewritten_in_the_comparison() -> None:
    def doc(doc_id: str, body: str) -> object:
        text = f"The Security Council,\n\n1. Demands {body};\n"
        return parse_source(SourceText(f"{doc_id}.txt", "txt", text), doc_id)

    result = compare(doc("A", _paragraph(1, 3000)), doc("B", _paragraph(2, 3000)))
    (pair,) = result.comparisons[0].pairs
    assert [r.op for r in pair.diff] == ["-", "+"]
    assert pair.similarity == 0.0
    assert is_rewritten(pair)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_estimate_is_a_share(a: str, b: str) -> None:
    assert 0.0 <= estimated_similarity(tokenize(a), tokenize(b), 0, 0, CompareOptions()) <= 1.0


def test_estimate_of_a_text_against_itself_is_one() -> None:
    a = tokenize(_paragraph(3, 500))
    assert estimated_similarity(a, a, 0, 0, CompareOptions()) == 1.0


def test_shingles_grow_as_the_vocabulary_shrinks() -> None:
    assert shingle_words(2000, 3000) == 2
    assert shingle_words(170_000, 17) == 6
    assert shingle_words(10**9, 2) == 8
