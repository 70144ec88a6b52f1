"""Shares written in words are numbers too: "fifty-five per cent" -> "sixty per cent"
is a number change, as "55 per cent" -> "60 per cent" is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.signals.extract import text_signals
from resdiff.signals.lens import load_lens
from resdiff.signals.references import _Spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shared in the proportion of fifty-five per cent to A", ("fifty-five per cent",)),
        ("not more than seventy percent of the flow", ("seventy percent",)),
        ("one hundred per cent of the costs", ("one hundred per cent",)),
        ("55 per cent to A", ("55 per cent",)),
        ("fifty-five States voted", ()),
    ],
)
def test_shares_in_words_are_numbers(text: str, expected: tuple[str, ...]) -> None:
    assert text_signals(text, load_lens(())).numbers == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(1, 8), st.integers(0, 60), st.integers(1, 8)),
        max_size=20,
    )
)
def test_taken_spans_answer_overlap_like_a_plain_list(
    steps: list[tuple[int, int, int, int]],
) -> None:
    """The bisect structure that keeps number finding linear gives the plain answer."""
    spans, plain = _Spans([]), []
    for start, length, q_start, q_length in steps:
        q_end = q_start + q_length
        assert spans.overlaps(q_start, q_end) == any(q_start < e and s < q_end for s, e in plain)
        spans.add(start, start + length)
        plain.append((start, start + length))
