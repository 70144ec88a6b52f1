"""Property: any document text becomes inert HTML text, shown exactly (minus controls)."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.present.sanitize import clean_terminal
from resdiff.present.segments import Segment
from resdiff.render.html import diff_html

SPECIAL = ["<script>", "</p>", "<img src=x onerror=alert(1)>", "javascript:", "&lt;", "\x1b[31m"]
PIECES = st.sampled_from([*"ab <>&\"'=/;:()[]`*\n\t\x00\x07\x1b\x9b", *SPECIAL])
TEXT = st.lists(PIECES, min_size=1, max_size=15).map("".join)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if ("class", "vh") in attrs:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), TEXT), min_size=1, max_size=5))
def test_any_text_is_inert_and_shown(raw: list[tuple[str, str]]) -> None:
    segments = tuple(Segment(op, text) for op, text in raw)  # type: ignore[arg-type]
    reader = _Reader()
    reader.feed(diff_html(segments))
    reader.close()
    assert set(reader.tags) <= {"del", "ins", "span", "br"}
    assert set(reader.attrs) <= {("class", "vh"), ("class", "count")}
    shown = "".join(reader.text)
    if not any(clean_terminal(t).strip() or op != "=" for op, t in raw):
        return
    visible = str.maketrans({"¶": "\n", "␣": " "})  # whitespace-only changes, made visible
    expected = "".join(clean_terminal(t).replace("\n", "") for _, t in raw)
    got = shown.translate(visible).replace("\n", "")
    # (a tab changed on its own is shown as ␣, like a space)
    assert got.replace("\t", " ") in (expected.replace("\t", " "), "(empty)")
