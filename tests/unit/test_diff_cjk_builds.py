"""The plain builds of the token and word-group patterns (without the CJK ranges, which
are slow to compile) find exactly what the full builds find on text they are used for."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resdiff.align.terms import terms
from resdiff.diff.tokens import _MARKS, CJK, _token_pattern, below_cjk, group_pattern, has_word_char
from tests.unit.test_diff_words_props import seed_paragraphs

_PIECES = ["Calls", " ", "upon", "thirty", "(30)", "2720 (2023)", "S/2024/239", "e\u0301",
           "U.N", "(iv)", "\u2019", "-", "\u2010", "\u00a0", "\n", "35,000", ".", "_", "\u02ff",
           "\u1ab0", "\u303f", "\u212a", "ab"]  # fmt: skip


def _same(text: str) -> None:
    assert below_cjk(text)
    assert _token_pattern(True).findall(text) == _token_pattern(False).findall(text)
    plain, full = group_pattern(True), group_pattern(False)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in full.finditer(text)]


def test_seed_paragraphs_same_tokens_and_groups() -> None:
    for para in seed_paragraphs():
        _same(para)


@settings(max_examples=300, deadline=None)
@example("thirty-one (31) e\u0301s")
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_random_text_below_cjk_same_tokens_and_groups(text: str) -> None:
    _same(text)


def test_cjk_text_uses_the_full_build() -> None:
    assert not below_cjk("决议 2720")
    assert below_cjk("") and below_cjk("r\u00e9solution \u2019\u303f")
    assert terms("安全理事会 decides") == ["安", "全", "理", "事", "会", "decid"]


#: The one class ``has_word_char`` stands for (word characters, combining marks, CJK).
_UNION = re.compile(rf"[\w{_MARKS}{CJK}]")


@settings(max_examples=500, deadline=None)
@example("\u30fb")  # katakana middle dot: CJK, not \w
@example("\u0301")
@given(
    st.text(max_size=6)
    | st.lists(st.sampled_from([*_PIECES, "\u30fb", "\u3099", "安"])).map("".join)
)
def test_has_word_char_is_the_union_class(text: str) -> None:
    assert has_word_char(text) == (_UNION.search(text) is not None)


def test_has_word_char_on_every_code_point_of_the_cjk_ranges_and_below() -> None:
    for code in [*range(0x3040, 0x3100), 0x33FF, 0x3400, 0x9FFF, 0xFA6E, *range(0x300)]:
        ch = chr(code)
        assert has_word_char(ch) == (_UNION.search(ch) is not None), hex(code)
