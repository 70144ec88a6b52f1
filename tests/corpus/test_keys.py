"""Exact keys say "identical" exactly when the words are the same; fingerprints survive
small edits; both are stable across runs (the store recomputes them to delete)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resdiff.align.terms import terms
from resdiff.corpus.keys import (
    INDEX_VERSION,
    content_key,
    exact_key,
    fingerprints,
    identity_text,
)

PARAGRAPH = (
    "Calls upon all parties to comply with their obligations under international law, "
    "including international humanitarian law, in particular with regard to the "
    "protection of civilians;"
)


def test_identical_ignores_case_quotes_spacing_and_the_closing_mark() -> None:
    variants = [
        PARAGRAPH.upper(),
        PARAGRAPH.replace(" ", "  ").replace(",", ",\n"),
        PARAGRAPH[:-1] + ".",
        PARAGRAPH[:-1] + ",",
        PARAGRAPH[:-1],
        PARAGRAPH.replace("Calls", "\u00a0Calls"),
    ]
    assert {exact_key(v) for v in variants} == {exact_key(PARAGRAPH)}
    assert exact_key("the \u201cagreed\u201d text") == exact_key('the "agreed" text')


def test_identical_does_not_ignore_words_or_inner_punctuation() -> None:
    assert exact_key(PARAGRAPH) != exact_key(PARAGRAPH.replace("Calls upon", "Urges"))
    assert exact_key(PARAGRAPH) != exact_key(PARAGRAPH.replace("law, including", "law including"))
    assert exact_key(PARAGRAPH) != exact_key(PARAGRAPH + " as applicable")


def test_identity_text_is_what_is_compared() -> None:
    assert identity_text("  Decides to remain\u00a0SEIZED of the matter. ") == (
        "decides to remain seized of the matter"
    )


def test_keys_are_stable_across_runs() -> None:
    # These values are stored in corpora. If this test fails, a change altered them:
    # bump keys.INDEX_VERSION so old corpora are refused instead of silently corrupted.
    assert INDEX_VERSION == 1
    assert exact_key("Decides to remain seized of the matter.") == -897722776825683192
    assert fingerprints(terms(PARAGRAPH)) == [
        48818616,
        196323306,
        702594230,
        1253895202,
        1588531002,
        3685172130,
        4110661892,
    ]
    assert content_key("x") == ("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881")


def test_function_words_alone_make_no_fingerprint() -> None:
    assert fingerprints(terms("of the and to the")) == []
    assert fingerprints([]) == []
    assert len(fingerprints(terms("Ceasefire"))) == 1


def test_a_small_edit_keeps_most_fingerprints() -> None:
    before = set(fingerprints(terms(PARAGRAPH)))
    after = set(fingerprints(terms(PARAGRAPH.replace("Calls upon", "Demands that"))))
    assert len(before & after) >= len(before) - 2


_WORDS = (
    "ceasefire hostages release immediate sustained humanitarian access parties civilians "
    "protection obligations international law council members states region"
)
WORDS = st.sampled_from(_WORDS.split())


@given(st.lists(WORDS, min_size=6, max_size=40), st.integers(0, 39), WORDS)
def test_replacing_one_word_removes_at_most_two_phrases(
    words: list[str], position: int, new: str
) -> None:
    """A phrase is two neighbouring content words: one changed word touches two."""
    edited = list(words)
    edited[position % len(words)] = new
    before = set(fingerprints(terms(" ".join(words))))
    after = set(fingerprints(terms(" ".join(edited))))
    sampled_min = 1  # the smallest hash is kept whatever it is, and may change
    assert len(before - after) <= 2 + sampled_min
