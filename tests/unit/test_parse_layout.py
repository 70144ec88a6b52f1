"""Line-level helpers: splitting and paragraph ends."""

from __future__ import annotations

import pytest

from resdiff.parse.layout import ends_paragraph, split_lines


def test_split_lines_only_at_newline() -> None:
    text = "a\x0cb\u2028c\n  d\n\n"
    lines = split_lines(text)
    assert [text[ln.start : ln.end] for ln in lines] == ["a\x0cb\u2028c", "  d", "", ""]
    assert [ln.blank for ln in lines] == [False, False, True, True]
    assert text[lines[1].indent] == "d"


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("resolutions 2712 (2023),", True),
        ("of the matter.", True),
        ("the Secretary-General to:", True),
        ("hostages;  ", True),
        ('the item entitled "Peace".', True),
        ("the item entitled \u201cPeace.\u201d", True),
        ("of their profession,[^1]", True),
        ("of their profession,\u00b9", True),
        ("resolutions 2712 (2023)", False),
        ("the United States", False),
    ],
)
def test_ends_paragraph(line: str, ends: bool) -> None:
    (first,) = split_lines(line)
    assert ends_paragraph(line, first) is ends
