"""The JSON report's text is exactly ``json.dumps(indent=2)``'s with the invisible controls
escaped (``escape_invisible``), written faster."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.render import json as json_module
from resdiff.render.json import dumps, escape_invisible

_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
    st.sampled_from(
        [
            '"',
            "\\",
            '",',
            "[",
            "]{",
            "}:",
            '\\"',
            "\\\\",
            '\\\\"',
            "\x00",
            "\x01",
            "\n",
            "\u2028",
            "\x85",
            "\u202e",
        ]
    ),
)
_TREE = st.recursive(
    _LEAF, lambda c: st.one_of(st.lists(c), st.dictionaries(st.text(), c)), max_leaves=30
)


@settings(max_examples=400)
@given(_TREE)
def test_same_text_as_the_pure_python_encoder(data: Any) -> None:
    expected = escape_invisible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    assert dumps(data) == expected
    assert json.loads(dumps(data)) == data


@settings(max_examples=300)
@given(_TREE, st.integers(1, 12))
def test_same_text_when_laid_out_a_few_characters_at_a_time(data: Any, chunk: int) -> None:
    """The layout cuts long text into chunks after a quote; tiny chunks cut everywhere."""
    expected = escape_invisible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    with mock.patch.object(json_module, "_CHUNK", chunk):
        assert dumps(data) == expected


def test_backslashes_and_quotes_next_to_each_other() -> None:
    data = ["\\", '\\"', '"\\', 'a\\\\"b"', {'\\"': ["\x00\x01", '"', "", "]\\,"]}]
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_nesting_and_empty_containers() -> None:
    data = {"a": [], "b": {}, "c": [[[]], {"d": [1, {"e": "x,y:[z]"}]}], "f": -0.5}
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_SOME_INVISIBLE = st.sampled_from(["\x7f", "\x85", "\x9f", "\u202e", "\u2066", "\u200f", "é", "a"])


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(max_size=5), _SOME_INVISIBLE)).map("".join))
def test_escaping_is_skipped_only_where_nothing_is_to_escape(text: str) -> None:
    """The search before the translation never skips a text that has one to escape."""
    plain = text if text.isascii() else text.translate(json_module._INVISIBLE)
    assert escape_invisible(text) == plain
