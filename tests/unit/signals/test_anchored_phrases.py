"""Opener verbs compiled per first word on first use answer exactly as the one
alternation over every verb did."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resdiff.signals import compiled
from resdiff.signals.clausetext import fold
from resdiff.signals.compiled import alternation, anchored_phrases, group_index
from resdiff.signals.lens import load_lens
from tests.unit.test_diff_words_props import seed_paragraphs


def _as_alternation(regex: re.Pattern[str], order: list[int], text: str, pos: int) -> object:
    m = regex.match(text, pos)
    return None if m is None else (m.end(), group_index(m, order))


def test_every_seed_opener_and_word_position_as_the_alternation() -> None:
    phrases = [v.phrase for v in load_lens().verbs]
    regex, order = alternation(phrases)
    lazy = anchored_phrases(phrases)
    found = 0
    for para in seed_paragraphs():
        head = fold(para[:200])
        for pos in [0, *(m.start() for m in re.finditer(r"\b\w", head))]:
            expected = _as_alternation(regex, order, head, pos)
            assert lazy.match(head, pos) == expected, (head, pos)
            found += expected is not None
    assert found > 30
    assert lazy.ready and lazy.pending  # compiled for the words that came, not the rest


_PHRASES = [
    "demands", "demand(s)", "calls upon", "calls * upon", "Calls", "re-affirms", "reaffirms",
    "re:urges?\\b", "re:\\(a\\)", "stresses the need", "stresses", "U.N. welcomes", "welcomes",
]  # fmt: skip
_PIECES = ["Demands", "demand", "s", "calls", "upon", "Calls", " ", "  ", "re", "-",
           "affirms", "urge", "(a)", "stresses", "the", "need", "U.N.", "welcomes", "x",
           "\u212a", "_"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@example(["demand(s)", "demands"], "Demands")
@example(["re:urges?\\b", "urges all"], "urges all")
@example(["calls", "re:calls upon"], "calls upon")
@given(
    st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6, unique=True),
    st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
)
def test_random_phrases_and_texts_as_the_alternation(phrases: list[str], text: str) -> None:
    regex, order = alternation(phrases)
    lazy = anchored_phrases(phrases)
    for pos in range(len(text) + 1):
        assert lazy.match(text, pos) == _as_alternation(regex, order, text, pos), (text, pos)


@pytest.mark.parametrize("uses", [0, 10**9])  # always the regex; never the regex
def test_literal_and_regex_matching_alike(uses: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "LITERAL_USES", uses)
    phrases = [v.phrase for v in load_lens().verbs] + _PHRASES
    regex, order = alternation(phrases)
    lazy = anchored_phrases(phrases)
    texts = [fold(para[:200]) for para in seed_paragraphs()]
    texts += ["DEMANDS that", "Re-Affirms", "reaffirms\tall", "Demands-x", "Calls  upon", "é calls"]
    for text in texts:
        for pos in range(len(text) + 1):
            assert lazy.match(text, pos) == _as_alternation(regex, order, text, pos), (text, pos)
    if uses:  # only the words with a phrase that needs a regex ("re:", "*") compiled one
        assert lazy.ready and all(lazy.plain.get(key) is None for key in lazy.ready)
    else:  # every word that came was compiled
        assert all(key in lazy.ready for key, plain in lazy.plain.items() if plain)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6, unique=True),
    st.lists(
        st.sampled_from([*_PIECES, "\u0130", "\u00e9", "\t", "DEMANDS", "Re-Affirms"]), max_size=8
    ).map("".join),
)
def test_random_texts_on_the_literal_path_as_the_alternation(phrases: list[str], text: str) -> None:
    regex, order = alternation(phrases)
    lazy = anchored_phrases(phrases)
    lazy_uses = compiled.LITERAL_USES
    try:
        compiled.LITERAL_USES = 10**9
        for pos in range(len(text) + 1):
            assert lazy.match(text, pos) == _as_alternation(regex, order, text, pos), (text, pos)
    finally:
        compiled.LITERAL_USES = lazy_uses
