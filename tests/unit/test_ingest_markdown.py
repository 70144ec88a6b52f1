"""Markdown -> text: lists become numbered paragraphs and sub-paragraphs, emphasis goes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.ingest.markdown import render_markdown
from resdiff.labels import to_letters, to_roman


def test_ordered_list_keeps_printed_numbers_and_delimiter() -> None:
    text, _ = render_markdown("3) Demands x;\n4) Decides y.\n")
    assert text == "3) Demands x;\n\n4) Decides y.\n"


def test_nested_lists_become_lettered_then_roman_sub_paragraphs() -> None:
    md = "1. Requests:\n   1. one;\n   2. two:\n      - deep;\n      - deeper;\n2. Decides.\n"
    text, _ = render_markdown(md)
    assert text == (
        "1. Requests:\n\n"
        "    (a) one;\n\n"
        "    (b) two:\n\n"
        "        (i) deep;\n\n"
        "        (ii) deeper;\n\n"
        "2. Decides.\n"
    )


def test_emphasis_and_links_keep_only_their_text() -> None:
    text, _ = render_markdown("*Recalling* its **resolution** [2728](http://x) `(2024)`,\n")
    assert text == "Recalling its resolution 2728 (2024),\n"


def test_headings_are_reported_by_line() -> None:
    text, headings = render_markdown("# Part I\n\nText one\ncontinues.\n\n## A. Access\n\nMore.\n")
    assert text == "Part I\n\nText one\ncontinues.\n\nA. Access\n\nMore.\n"
    lines = text.split("\n")
    assert [lines[i] for i in headings] == ["Part I", "A. Access"]


def test_footnote_definitions_are_not_swallowed() -> None:
    text, _ = render_markdown("Text.[^1]\n\n[^1]: See resolution 2720 (2023).\n")
    assert "[^1]: See resolution 2720 (2023)." in text


def test_bullet_list_at_top_level_is_plain_paragraphs() -> None:
    text, _ = render_markdown("- Recalling a,\n- Noting b,\n")
    assert text == "Recalling a,\n\nNoting b,\n"


def test_labels() -> None:
    assert [to_letters(i) for i in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "bb"]
    assert [to_roman(n) for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]


def test_nested_items_that_carry_their_own_labels_are_not_labelled_twice() -> None:
    md = "2. Demands that all parties:\n   - (a) release all hostages;\n   - (b) comply;\n"
    text, _ = render_markdown(md)
    assert text == (
        "2. Demands that all parties:\n\n    (a) release all hostages;\n\n    (b) comply;\n"
    )
    # An unlabelled item that merely starts with a parenthesis still gets its label.
    text, _ = render_markdown("1. Requests:\n   - (UNRWA) to report;\n")
    assert text == "1. Requests:\n\n    (a) (UNRWA) to report;\n"


def test_labels_typed_by_the_writer_are_not_doubled() -> None:
    text, _ = render_markdown("1. Requests:\n   - (a) one;\n   - (b) two;\n")
    assert text == "1. Requests:\n\n    (a) one;\n\n    (b) two;\n"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("#*_-1.) \n\tab>`[]^:"), max_size=80))
def test_any_markdown_renders_and_heading_lines_exist(markdown: str) -> None:
    text, headings = render_markdown(markdown)
    lines = text.split("\n")
    assert all(0 <= i < len(lines) and lines[i].strip() for i in headings)
