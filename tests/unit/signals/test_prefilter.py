"""The literal pre-check never skips a pattern that would have matched."""

from __future__ import annotations

import re

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
    for p in (*c.references, *c.actor_patterns):
        if p.regex.search(text):
            assert may_match(p.hint, text), (p.source, text)
    for p in c.numbers:
        if p.regex.search(text):
            assert may_match(p.hint, low), (p.source, text)


def test_hints_read_the_pattern_source_without_cpythons_parser() -> None:
    assert literal_hint(r"\b((?:S|A|E)/(?:RES/)?\d+)") == ("/",)
    assert literal_hint(r"(?<=x)abc") == ("abc",)
    assert literal_hint(r"ab+c") == ("a",)  # "b" repeats: the run stops before it
    assert literal_hint(r"a(?i:bc)") is None  # scoped flags: no hint rather than a wrong one
    assert literal_hint(r"(a)\1") is None
    assert literal_hint(r"[)|(]xyz") == ("xyz",)


_ATOMS = st.sampled_from(["a", "b", "c", "ab", "bc", r"\.", ".", "[ab]", "[^a]", r"\s", r"\b"])
_QUANTS = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "+?"])


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()):
            inner = "|".join(draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3)))
            opener = draw(st.sampled_from(["(", "(?:", "(?P<g{}>", "(?=", "(?!"]))
            parts.append(opener.format(depth * 10 + len(parts)) + inner + ")")
        else:
            parts.append(draw(_ATOMS))
        parts[-1] += draw(_QUANTS) if parts[-1] not in (r"\b",) else ""
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(_patterns(), st.text(alphabet="abcAB. ", max_size=10), st.booleans())
def test_a_hint_is_never_wrong(pattern: str, text: str, ignore_case: bool) -> None:
    try:
        regex = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return
    hint = literal_hint(pattern, ignore_case)
    if regex.search(text):
        assert may_match(hint, text.lower() if ignore_case else text), (pattern, text, hint)
