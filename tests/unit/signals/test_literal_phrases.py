"""Plain lens phrases matched without a regex find exactly what the regex finds."""

from __future__ import annotations

import re
import sys
from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resdiff.signals import compiled
from resdiff.signals.clausetext import fold, lower
from resdiff.signals.compiled import make_scanner, phrase_regex
from resdiff.signals.lens import load_lens
from resdiff.signals.literal import SPECIAL, PhraseList, plain_words
from tests.unit.test_diff_words_props import seed_paragraphs


def _slots() -> list[tuple[list[str], bool]]:
    lens = load_lens()
    terms = [t for topic in lens.topics for t in topic.terms]
    quals = sorted(
        {w for t in lens.topics for q in t.qualifiers.values() for ws in q.values() for w in ws}
    )
    cues = [p for ps in lens.cues.values() for p in ps] + list(lens.cancel_cues)
    names = [w for ws in lens.actor_names.values() for w in ws]
    return [(terms, False), (quals, False), (cues, False), (names, True), (names, False)]


@cache
def _scanners() -> tuple[compiled.Scanner, compiled.Scanner]:
    """One scanner that always compiles, one that never does (built once: compiling
    every bucket is what the literal matchers save)."""
    return make_scanner(_slots()), make_scanner(_slots())


def _scan_both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    folded, low = fold(text), lower(text)
    by_regex_scanner, by_words_scanner = _scanners()
    monkeypatch.setattr(compiled, "LITERAL_USES", 0)
    by_regex = by_regex_scanner.scan(folded, low)
    monkeypatch.setattr(compiled, "LITERAL_USES", 10**9)
    by_words = by_words_scanner.scan(folded, low)
    return by_regex, by_words


def test_same_hits_on_the_seed_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for para in seed_paragraphs():
        by_regex, by_words = _scan_both(para, monkeypatch)
        assert by_words == by_regex, para
        found += sum(len(slot) for slot in by_words)  # type: ignore[attr-defined]
    assert found > 100


_VOCAB = [
    "cease-fire", "ceasefire", "cease fire", "hostage", "hostages", "Hostages", "release",
    "humanitarian", "access", "all", "the", "immediate", "Security Council", "Council",
    "United Nations", "in connection with", "leading to", "and", "also", "demands",
    "s", "-", " ", "  ", "\n", "_", "x", "é", "\u0130", "\u0131", "\u017f", "\u212a",
    ",", ".", "(", ")", "\u00a0", "\u2019",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=25).map("".join))
def test_same_hits_on_random_lens_words(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        by_regex, by_words = _scan_both(text, mp)
    assert by_words == by_regex


_PIECES = ["hostage", "s", "cease", "-", " ", "\t", "fire", "all", "x", "parties", "re",
           "establish", "ab1", "Ab1", "c", "d", "_", "ds", "S"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@example("hostage(s)", "xhostages", True)
@example("hostage(s)", "hostagesS", False)
@example("Ab1 c-d(s)", "Ab1 c dS", False)
@example("cease-fire", "cease_fire cease--fire cease \tfire", True)
@given(
    st.sampled_from(["hostage(s)", "cease-fire", "all parties", "re-establish", "Ab1 c-d(s)"]),
    st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
    st.booleans(),
)  # fmt: skip
def test_one_phrase_as_its_regex(phrase: str, text: str, ignore_case: bool) -> None:
    words = plain_words(phrase, ignore_case)
    assert words is not None
    regex = re.compile(phrase_regex(phrase), re.IGNORECASE if ignore_case else 0)
    subject = text.lower() if ignore_case else text
    for pos in range(len(subject)):
        m = regex.match(subject, pos)
        expected = (m.end(), 0) if m else None
        assert PhraseList([words]).match(subject, pos) == expected, (subject, pos)


def test_special_characters_are_all_that_ignorecase_adds() -> None:
    ascii_class = re.compile("[a-z0-9_]", re.IGNORECASE)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if ascii_class.fullmatch(chr(c))}
    assert found == set(SPECIAL)


def test_raw_and_wildcard_phrases_need_the_regex() -> None:
    assert plain_words("re:\\ball", True) is None
    assert plain_words("calls * upon", True) is None
    assert plain_words("Côte d'Ivoire", False) is None
    assert plain_words("hostage(s) taking", True) == ((("hostage",), True), (("taking",), False))
