"""Invariants of the word diff, on random texts under every option combination and on
the paragraphs of the bundled seed drafts."""

from __future__ import annotations

import itertools
import os
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.diff import CJK, diff_texts, token_key, tokenize
from resdiff.diff.cleanup import group_around
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


SWAPS = {" ": "\n", "\n": "  ", "\u201c": '"', "\u201d": '"', "'": "\u2019", ",": ";", ";": ""}


@st.composite
def lookalike_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """b differs from a mostly in what the options can ignore (case, whitespace, quote
    style, punctuation), with the odd real edit."""
    parts = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
    edited = []
    for part in parts:
        how = draw(st.integers(0, 9))
        if how == 0:
            part = part.swapcase()
        elif how == 1:
            part = "".join(SWAPS.get(ch, ch) for ch in part)
        elif how == 2:
            part = draw(st.sampled_from(FRAGMENTS))
        edited.append(part)
    return "".join(parts), "".join(edited)


pairs = st.one_of(related_pairs(), lookalike_pairs(), st.tuples(texts, texts))


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


# Chinese and Japanese characters are tokens of their own: a boundary may fall next to one.
_WORDISH = re.compile(rf"(?![{CJK}])[\w\u0300-\u036f]")


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
        assert group_around(a, at) is None, (a, at)  # nor "U.N", "(a)", "2/4"
    for at in boundaries(runs, "-"):
        assert not splits_a_word(b, at), (b, at)
        assert group_around(b, at) is None, (b, at)
    if not any((opts.ignore_case, opts.ignore_whitespace, opts.ignore_quotes)) and not (
        opts.ignore_punctuation
    ):
        assert not any(r.minor for r in runs)
    assert all(r.op != "=" for r in runs if r.minor)


def key_sequence(text: str, opts: CompareOptions, drop_space: bool = False) -> list[str]:
    """What the options let the diff see: token keys, ignored marks dropped, whitespace
    around a dropped mark counted as one stretch."""
    out: list[str] = []
    last_space = False
    for tok in tokenize(text):
        key = token_key(tok, opts)
        if (not key and not tok.isspace()) or (drop_space and tok.isspace()):
            continue
        if tok.isspace() and last_space:
            out[-1] = out[-1] if opts.ignore_whitespace else out[-1] + key
            continue
        out.append(key)
        last_space = tok.isspace()
    return out


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
        # Ignoring whitespace, a change of whitespace alone is minor too.
        drop = opts.ignore_whitespace
        assert key_sequence(deleted, opts, drop) == key_sequence(inserted, opts, drop)


@settings(max_examples=200, deadline=None)
@given(lookalike_pairs(), options)
def test_only_minor_runs_when_nothing_seen_differs(
    pair: tuple[str, str], opts: CompareOptions
) -> None:
    a, b = pair
    runs = diff_texts(a, b, opts)
    real = [r for r in runs if r.op != "=" and not r.minor]
    if key_sequence(a, opts) == key_sequence(b, opts):
        assert real == []
    elif not opts.ignore_whitespace:  # (ignoring it, added or dropped spaces are minor)
        assert real


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
    out: list[str] = []
    for path in sorted(seed_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(p for p in re.split(r"\n[ \t]*\n", text) if p.strip())
    return tuple(out)


def jaccard(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / (len(wa | wb) or 1)


def test_seed_paragraphs_related_pairs_lossless() -> None:
    """Every pair of seed paragraphs an aligner could pair (shared words), both ways,
    plus a fixed sample of unrelated pairs (slow to diff: cost grows with difference)."""
    paragraphs = seed_paragraphs()
    assert len(paragraphs) > 100
    opts = CompareOptions()
    unrelated = 0
    for a, b in itertools.combinations(paragraphs, 2):
        if jaccard(a, b) < 0.2:
            unrelated += 1
            if unrelated % 80:
                continue
        assert_well_formed(a, b, diff_texts(a, b, opts), opts)
        assert_well_formed(b, a, diff_texts(b, a, opts), opts)


@pytest.mark.skipif(
    not os.environ.get("RESDIFF_SLOW_TESTS"),
    reason="every pair of seed paragraphs takes 10-40 s; set RESDIFF_SLOW_TESTS=1",
)
def test_seed_paragraphs_all_pairs_lossless() -> None:
    paragraphs = seed_paragraphs()
    opts = CompareOptions()
    for a, b in itertools.permutations(paragraphs, 2):
        assert_well_formed(a, b, diff_texts(a, b, opts), opts)


def test_seed_paragraphs_close_pairs_every_option() -> None:
    """Under every option combination, each seed paragraph against its closest
    counterpart in the other seeds (where minor runs and small edits occur)."""
    paragraphs = seed_paragraphs()
    close = []
    for a in paragraphs:
        best = max((b for b in paragraphs if b != a), key=lambda b: jaccard(a, b), default=None)
        if best is not None and jaccard(a, best) >= 0.2:
            close.append((a, best))
    assert len(close) > 20
    for opts in ALL_OPTIONS:
        for a, b in close:
            assert_well_formed(a, b, diff_texts(a, b, opts), opts)
