"""Opening phrases: longest match, adverbs, word boundaries, data files per language."""

from __future__ import annotations

import pytest

from resdiff.parse.lexicon import load_lexicon

LEX = load_lexicon("en")


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("Expressing deep concern about", "preambular", "Expressing deep concern"),
        ("Expressing concern that", "preambular", "Expressing concern"),
        ("Calls upon all parties", "operative", "Calls upon"),
        ("Calls for the release", "operative", "Calls for"),
        ("Strongly condemns the", "operative", "Strongly condemns"),
        ("Also demands the", "operative", "Also demands"),
        ("Once again calls upon", "operative", "Once again calls upon"),
        ("Also strongly condemns", "operative", "Also strongly condemns"),
        ("Further recalling its", "preambular", "Further recalling"),
        ("Takes note of", "operative", "Takes note"),
        ("Taking note of", "preambular", "Taking note"),
        ("Expresses its grave\nconcern at", "operative", "Expresses its grave concern"),
        ("Bearing in mind that", "preambular", "Bearing in mind"),
        ("Notes that", "operative", "Notes"),
        ("Noting, however,", "preambular", "Noting"),
        ("DECIDES to act", "operative", "DECIDES"),
    ],
)
def test_openers(text: str, kind: str, phrase: str) -> None:
    found = LEX.opener(text)
    assert found is not None
    assert (found.kind, found.text) == (kind, phrase)


@pytest.mark.parametrize("text", ["Notingham is a city", "The Council", "Also", "1. Decides", ""])
def test_not_openers(text: str) -> None:
    assert LEX.opener(text) is None


def test_opener_end_offset_points_into_the_text() -> None:
    text = "  1. Calls upon all"
    found = LEX.opener(text, 5)
    assert found is not None and text[5 : found.end] == "Calls upon"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("The Security Council,", "The Security Council"),
        ("  The General Assembly,  ", "The General Assembly"),
        ("The Human Rights Council,", "The Human Rights Council"),
        (
            "The Commission on Population and Development,",
            "The Commission on Population and Development",
        ),
        ("The Security Council", None),
        ("The municipalities of the river,", None),
    ],
)
def test_author_lines(line: str, author: str | None) -> None:
    assert LEX.author(line) == author


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no parser lexicon"):
        load_lexicon("xx")
