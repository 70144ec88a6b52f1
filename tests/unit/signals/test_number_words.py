"""Shares written in words are numbers too: "fifty-five per cent" -> "sixty per cent"
is a number change, as "55 per cent" -> "60 per cent" is."""

from __future__ import annotations

import pytest

from resdiff.signals.extract import text_signals
from resdiff.signals.lens import load_lens


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
