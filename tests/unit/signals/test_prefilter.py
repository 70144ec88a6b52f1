"""The literal pre-check never skips a pattern that would have matched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.signals.lens import Lens
from resdiff.signals.prefilter import literal_hint, may_match

PIECES = [
    "resolution 2720 (2023)",
    "S/2024/239",
    "Article 25 of the Charter",
    "Chapter VII",
    "within 30 days",
    "by 31 March 2024",
    "7 October 2023",
    "the Government of Freedonia",
    "Hamas and other armed groups",
    "International Court of Justice",
    "ICJ",
    "IHL",
    "2 per cent",
    "days",
    "(",
    "/",
    "the",
    " ",
]


def test_hints_of_simple_patterns() -> None:
    assert literal_hint(r"\bChapter ([IVX]+)") == ("Chapter ",)
    assert literal_hint(r"\bfoo|\bbar") == ("foo", "bar")
    assert literal_hint(r"\d+") is None
    assert literal_hint(r"(?:ab)?x") == ("x",)
    assert literal_hint(r"WITHIN", ignore_case=True) == ("within",)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_pre_check_is_safe(lens: Lens, text: str) -> None:
    c = lens.compiled
    low = text.lower()
    for regex, _entry, hint in (*c.references, *c.actor_patterns):
        if regex.search(text):
            assert may_match(hint, text), (regex.pattern, text)
    for regex, _entry, hint in c.numbers:
        if regex.search(text):
            assert may_match(hint, low), (regex.pattern, text)
