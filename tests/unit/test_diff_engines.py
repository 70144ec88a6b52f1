"""The two diff engines (the C++ port and the pure-Python original of diff-match-patch)
give the same word diffs, byte for byte: the fast one is only a speed-up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.diff import diff_texts, engine
from resdiff.model import CompareOptions
from tests.unit.test_diff_words_props import options, pairs, seed_paragraphs

needs_both = pytest.mark.skipif(
    engine.ENGINES != ("fast", "pure"),
    reason="fast-diff-match-patch has no wheel for this platform (the pure engine is used)",
)


@pytest.fixture
def restore_engine() -> Iterator[None]:
    before = engine.ENGINES[0]
    yield
    engine.use_engine(before)


def _both(a: str, b: str, opts: CompareOptions) -> tuple[object, object]:
    engine.use_engine("pure")
    pure = diff_texts(a, b, opts)
    engine.use_engine("fast")
    fast = diff_texts(a, b, opts)
    return pure, fast


@needs_both
@settings(max_examples=400, deadline=None)
@given(pairs, options)
def test_same_runs_from_both_engines(pair: tuple[str, str], opts: CompareOptions) -> None:
    try:
        pure, fast = _both(*pair, opts)
    finally:
        engine.use_engine("fast")
    assert pure == fast


@needs_both
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_same_runs_on_seed_paragraphs(data: st.DataObject) -> None:
    paras = seed_paragraphs()
    a = data.draw(st.sampled_from(paras))
    b = data.draw(st.sampled_from(paras))
    try:
        pure, fast = _both(a, b, CompareOptions())
    finally:
        engine.use_engine("fast")
    assert pure == fast


@needs_both
def test_raw_diffs_agree_with_and_without_cleanup(restore_engine: None) -> None:
    a, b = "abcdefghij" * 3, "abXdefYhij" * 2 + "Z"
    for semantic in (False, True):
        engine.use_engine("pure")
        pure = engine._diff_main(a, b, semantic)
        engine.use_engine("fast")
        assert engine._diff_main(a, b, semantic) == pure


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="not installed"):
        engine.use_engine("slow")  # type: ignore[arg-type]


@needs_both
@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcde \ue000\U000f0000", max_size=300),
    st.text(alphabet="abcde \ue000\U000f0000", max_size=300),
    st.booleans(),
)
def test_same_raw_diffs_on_encoded_strings(a: str, b: str, semantic: bool) -> None:
    try:
        engine.use_engine("pure")
        pure = engine._diff_main(a, b, semantic)
        engine.use_engine("fast")
        assert engine._diff_main(a, b, semantic) == pure
    finally:
        engine.use_engine("fast")
