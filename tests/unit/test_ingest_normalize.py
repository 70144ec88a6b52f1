"""Matching text folds typographic variants; displayed text is never touched."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.ingest.normalize import normalize_for_matching


def test_quotes_spaces_hyphens_and_invisibles_fold() -> None:
    raw = "\u201cCouncil\u2019s\u201d\u00a0cease\u00adfire\u200b \u2013 non\u2011binary\r\nnext"
    assert normalize_for_matching(raw) == '"Council\'s" ceasefire - non-binary\nnext'


def test_nfc() -> None:
    assert normalize_for_matching("cafe\u0301") == "caf\u00e9"


def test_ligatures() -> None:
    assert normalize_for_matching("\ufb01nal o\ufb03ce") == "final office"


def test_curly_and_straight_variants_match() -> None:
    assert normalize_for_matching("the \u2018immediate\u2019 demand") == normalize_for_matching(
        "the 'immediate' demand"
    )


@settings(max_examples=200)
@given(st.text())
def test_idempotent_and_nfc(text: str) -> None:
    once = normalize_for_matching(text)
    assert normalize_for_matching(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(c in once for c in "\u00a0\u00ad\u200b\u2019\u201c\u2013\r")
