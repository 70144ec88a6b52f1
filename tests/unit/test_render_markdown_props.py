"""Properties of Markdown escaping: any document text renders as exactly that text (a
URL as a code span, which no autolinker turns into a link)."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from resdiff.present.segments import Segment
from resdiff.render.markdown import diff_paragraph, escape

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Markdown's metacharacters, block starters, digits, entities and plain letters.
ALPHABET = st.sampled_from([*list("ab1. \\`*_[]()<>|~&#$!-+=:{}\"'/;"), "http://x", "&amp;"])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


def _inline(md: str) -> list[Token]:
    tokens = MD.parse(md)
    inline = [t for t in tokens if t.type == "inline"]
    assert [t.type for t in tokens if t.type not in ("inline",)] in (
        [],
        ["paragraph_open", "paragraph_close"],
    ), [t.type for t in tokens]
    return [c for t in inline for c in (t.children or [])]


def _norm(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=200)
@given(TEXT)
def test_escaped_text_renders_as_itself(text: str) -> None:
    children = _inline(f"x {escape(text)}")  # escape() is for text inside a line
    assert {c.type for c in children} <= {"text", "softbreak", "code_inline"}
    assert _norm("".join(c.content for c in children)) == _norm(f"x {text}")


SEGMENTS = st.lists(
    st.tuples(
        st.sampled_from(["=", "-", "+"]),
        st.lists(ALPHABET | st.just("\n"), min_size=1, max_size=12).map("".join),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=200)
@given(SEGMENTS)
def test_diff_paragraph_rebuilds_both_sides(raw: list[tuple[str, str]]) -> None:
    # a paragraph with nothing to show reads "(empty)"
    assume(any(op != "=" or text.strip() for op, text in raw))
    segments = tuple(Segment(op, text) for op, text in raw)  # type: ignore[arg-type]
    children = _inline(diff_paragraph(segments))
    marks = {"s_open": "\x01", "s_close": "\x02", "strong_open": "\x03", "strong_close": "\x04"}
    out = []
    for c in children:
        assert c.type in (*marks, "text", "code_inline", "softbreak", "hardbreak"), c.type
        out.append(marks.get(c.type, "\n" if "break" in c.type else c.content))
    text = "".join(out)
    deleted = re.compile(r"\[-(\s*)\x01(.*?)\x02(\s*)-\]", re.S)
    inserted = re.compile(r"\{\+(\s*)\x03(.*?)\x04(\s*)\+\}", re.S)
    visible = str.maketrans({"¶": "\n", "␣": " "})  # whitespace-only changes, made visible
    a = inserted.sub("", deleted.sub(r"\1\2\3", text)).translate(visible)
    b = deleted.sub("", inserted.sub(r"\1\2\3", text)).translate(visible)
    assert "\x01" not in a + b and "\x03" not in a + b
    want_a = "".join(t for op, t in raw if op != "+")
    want_b = "".join(t for op, t in raw if op != "-")
    assert _norm(a) == _norm(want_a)
    assert _norm(b) == _norm(want_b)
