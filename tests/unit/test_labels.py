"""The one label grammar and numbering helper, as every reader uses them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdiff.ingest import SourceText
from resdiff.labels import Labels, forms, letter_value, roman_value, to_letters, to_roman
from resdiff.parse.structure import parse_source
from resdiff.signals.clausetext import label_end


@given(st.integers(1, 3999))
def test_roman_numerals_round_trip(n: int) -> None:
    assert roman_value(to_roman(n), largest=3999) == n


@given(st.integers(1, 300))
def test_letter_labels_round_trip(n: int) -> None:
    assert letter_value(to_letters(n)) == n


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[("i", 1), ("iv", 4), ("ix", 9), ("xiv", 14), ("xl", 40), ("lxxxix", 89)],
        *[("iiii", None), ("a", None), ("c", None), ("xc", None), ("", None)],
    ],
)
def test_sub_paragraph_roman_numerals_stop_before_c(value: str, expected: int | None) -> None:
    assert roman_value(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("a", 1), ("h", 8), ("i", 9), ("z", 26), ("aa", 27), ("ab", None)]
)
def test_letter_value(value: str, expected: int | None) -> None:
    assert letter_value(value) == expected


@pytest.mark.parametrize(
    ("text", "form", "value"),
    [
        ("1. Demands", "number", "1"),
        ("1000. Decides", "number", "1000"),
        ("12) Urges", "number", "12"),
        ("(3) Notes", "paren-number", "3"),
        ("(c) hostages", "sub", "c"),
        ("(xiv) hostages", "sub", "xiv"),
        ("(aa) hostages", "sub", "aa"),
        ("b) hostages", "half-sub", "b"),
        ("2.1 Scope", "dotted", "2.1"),
    ],
)
def test_forms(text: str, form: str, value: str) -> None:
    found = Labels("number", "paren-number", "sub", "half-sub", "dotted").match(text)
    assert found is not None and (found.form, found.value) == (form, value)


@pytest.mark.parametrize("text", ["(ab) x", "1.x", "2024,", "(ivx) y", "1."])
def test_not_labels(text: str) -> None:
    assert Labels("number", "sub", "half-sub").match(text) is None


def test_a_label_may_stand_alone_only_where_the_reader_allows() -> None:
    assert Labels("number", alone=True).match("1.") is not None
    assert Labels("note-superscript", alone=True).match("\u00b9") is None  # needs a space


def test_operative_numbers_of_any_size() -> None:
    text = "The Security Council,\n\n999. Decides to act;\n\n1000. Decides to remain seized.\n"
    doc = parse_source(SourceText("t.txt", "txt", text))
    assert [c.id for c in doc.clauses] == ["OP999", "OP1000"]
    assert doc.clauses[1].text == "Decides to remain seized."


def test_signals_skip_a_label_left_in_a_text() -> None:
    assert label_end("  (iv)  Demands") == len("  (iv)  ")
    assert label_end("1000. Decides") == len("1000. ")
    assert label_end("Demands") == 0


def test_every_form_compiles_with_one_value_group() -> None:
    for form in forms().values():
        assert re.compile(form.pattern).groupindex.keys() == {"value"}, form.name


def test_no_reader_writes_its_own_label_pattern() -> None:
    # The spellings of the old per-reader regexes: a label pattern belongs in labels.toml.
    package = Path(__file__).resolve().parents[2] / "resdiff"
    spellings = [r"\d{1,3}[.)]", r"\d+[.)]", r"\([a-z]{1,", r"[ivxlc]+", r"[a-z]\))"]
    faces = ("render", "tui", "present")  # checked by their own tests
    owners = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if p.relative_to(package).parts[0] not in faces
        and any(s in p.read_text("utf-8") for s in spellings)
    ]
    assert owners == []
