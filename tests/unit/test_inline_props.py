"""Invariants of the word diff, on random texts under every option combination and on
the paragraphs of the bundled seed drafts."""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.inline import diff_texts, token_key, tokenize
from resdiff.model import CompareOptions, Run
from resdiff.seeds import seed_dir

ALL_OPTIONS = [
    CompareOptions(ignore_case=c, ignore_whitespace=w, ignore_quotes=q, ignore_punctuation=p)
    for c, w, q, p in itertools.product([False, True], repeat=4)
]

FRAGMENTS = [
    "Demands",
    "demands",
    "calls for",
    "ceasefire",
    "Ceasefire",
    "permanent",
    "sustainable",
    "non-State",
    "phase-out",
    "35,000,000",
    "36,000,000",
    "2.5",
    "thirty (30)",
    "Thirty (30)",
    "2720 (2023)",
    "S/2024/239",
    "U.N.",
    "(a)",
    "e\u0301t\u00e9",
    "\u00e9t\u00e9",
    "STRASSE",
    "stra\u00dfe",
    "\u0130stanbul",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u4e2d\u6587",
    "\U0001f600",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\u2019s",
    ",",
    ";",
    ".",
    ":",
    "-",
    "\u2014",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\u00a0",
    "\u2003",
]

fragment_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
texts = st.one_of(fragment_texts, st.text(max_size=40), st.just(""))
options = st.sampled_from(ALL_OPTIONS)


@st.composite
def related_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """b is a with a few fragments replaced, inserted or deleted, so diffs have both
    equal stretches and edits."""
    parts = draw(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
    edited = list(parts)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(edited)))
        what = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)))
        if what == "insert" or at == len(edited):
            edited.insert(at, piece)
        elif what == "delete":
            del edited[at]
        else:
            edited[at] = piece
    return "".join(parts), "".join(edited)


pairs = st.one_of(related_pairs(), st.tuples(texts, texts))


def side_a(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs if r.op != "+")


def side_b(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs if r.op != "-")


def boundaries(runs: tuple[Run, ...], skip: str) -> list[int]:
    """Offsets, in one side's text, where a run of that side meets another."""
    out, pos, prev = [], 0, None
    for r in runs:
        if r.op == skip:
            continue
        if prev is not None and prev != r.op:
            out.append(pos)
        pos += len(r.text)
        prev = r.op
    return out


_WORDISH = re.compile(r"[\w\u0300-\u036f]")


def splits_a_word(text: str, at: int) -> bool:
    return bool(_WORDISH.match(text[at - 1]) and _WORDISH.match(text[at]))


def assert_well_formed(a: str, b: str, runs: tuple[Run, ...], opts: CompareOptions) -> None:
    assert side_a(runs) == a
    assert side_b(runs) == b
    assert all(r.text for r in runs), "empty run"
    for x, y in itertools.pairwise(runs):
        assert x.op != y.op, "adjacent runs of one op are merged"
        assert (x.op, y.op) != ("+", "-"), "within a block, - comes before +"
        if (x.op, y.op) == ("-", "+"):
            assert x.minor == y.minor, "a couple is minor on both sides or neither"
    for at in boundaries(runs, "+"):
        assert not splits_a_word(a, at), (a, at)
    for at in boundaries(runs, "-"):
        assert not splits_a_word(b, at), (b, at)
    if not any((opts.ignore_case, opts.ignore_whitespace, opts.ignore_quotes)) and not (
        opts.ignore_punctuation
    ):
        assert not any(r.minor for r in runs)
    assert all(r.op != "=" for r in runs if r.minor)


def significant(text: str, opts: CompareOptions) -> list[str]:
    keys = (token_key(t, opts) for t in tokenize(text))
    return [k for k in keys if k and not (opts.ignore_whitespace and k.isspace())]


@settings(max_examples=300, deadline=None)
@given(pairs, options)
def test_lossless_and_canonical(pair: tuple[str, str], opts: CompareOptions) -> None:
    a, b = pair
    assert_well_formed(a, b, diff_texts(a, b, opts), opts)


@settings(max_examples=150, deadline=None)
@given(pairs, options)
def test_minor_blocks_differ_only_in_what_is_ignored(
    pair: tuple[str, str], opts: CompareOptions
) -> None:
    a, b = pair
    runs = diff_texts(a, b, opts)
    i = 0
    while i < len(runs):
        r = runs[i]
        if r.op == "=" or not r.minor:
            i += 1
            continue
        deleted = r.text if r.op == "-" else ""
        inserted = r.text if r.op == "+" else ""
        if r.op == "-" and i + 1 < len(runs) and runs[i + 1].op == "+":
            inserted = runs[i + 1].text
            i += 1
        i += 1
        assert significant(deleted, opts) == significant(inserted, opts), (deleted, inserted)


@settings(max_examples=100, deadline=None)
@given(texts, options)
def test_text_against_itself_is_one_equal_run(text: str, opts: CompareOptions) -> None:
    assert diff_texts(text, text, opts) == ((Run("=", text),) if text else ())


@settings(max_examples=100, deadline=None)
@given(texts)
def test_tokens_join_back(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert all(tokens)


@cache
def seed_paragraphs() -> tuple[str, ...]:
    try:
        folder = seed_dir()
    except FileNotFoundError:
        return ()
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(p for p in re.split(r"\n[ \t]*\n", text) if p.strip())
    return tuple(out)


def test_seed_paragraphs_all_pairs_lossless() -> None:
    paragraphs = seed_paragraphs()
    if not paragraphs:
        pytest.skip("the seed drafts are not in this checkout")
    opts = CompareOptions()
    for a, b in itertools.combinations(paragraphs, 2):
        assert_well_formed(a, b, diff_texts(a, b, opts), opts)


def test_seed_paragraphs_close_pairs_every_option() -> None:
    """Under every option combination, each seed paragraph against its closest
    counterpart in the other seeds (where minor runs and small edits occur)."""
    paragraphs = seed_paragraphs()
    if not paragraphs:
        pytest.skip("the seed drafts are not in this checkout")
    words = [set(p.split()) for p in paragraphs]
    close = []
    for i, wi in enumerate(words):
        best = max(
            (j for j in range(len(paragraphs)) if j != i and paragraphs[j] != paragraphs[i]),
            key=lambda j: len(wi & words[j]) / (len(wi | words[j]) or 1),
            default=None,
        )
        if best is not None:
            close.append((paragraphs[i], paragraphs[best]))
    for opts in ALL_OPTIONS:
        for a, b in close:
            assert_well_formed(a, b, diff_texts(a, b, opts), opts)
