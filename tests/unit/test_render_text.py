"""Terminal text reports: markers without colour, no escapes unless asked, width-aware."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.render import ReportOptions
from resdiff.render.styled import cell_len
from resdiff.render.text import break_offsets, render_text
from tests.builders import comparison as compared
from tests.builders import parsed
from tests.fixtures.comparisons import hostile_comparison, rich_comparison


def test_plain_text_has_no_escape_sequences_even_from_a_hostile_draft() -> None:
    for comparison in (rich_comparison(), hostile_comparison()):
        out = render_text(comparison, ReportOptions(show_all=True, color=False))
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    hostile = render_text(hostile_comparison(), ReportOptions(show_all=True))
    assert "<script>alert(1)</script>" in hostile
    assert "]8;;" not in hostile  # the OSC 8 hyperlink is gone, its words stay
    assert "link" in hostile


def test_colour_adds_escapes_but_never_from_document_text() -> None:
    out = render_text(hostile_comparison(), ReportOptions(show_all=True, color=True))
    assert "\x1b[" in out
    assert "\x1b]" not in out  # no OSC from the document
    assert "\x1b[31mred" not in out  # the draft's own red is stripped
    assert "\x1b[2J" not in out


def test_changes_are_marked_in_text_wdiff_style() -> None:
    out = render_text(rich_comparison(), ReportOptions(width=200))
    # OP1 is rewritten: A's whole text, then B's, its verb cue marked in both
    assert "A OP1 -> B OP1  modified · rewritten  ⇄ linkage #1" in out
    assert "    A OP1: [-⟨Supports⟩ efforts to secure a sustained ceasefire" in out
    assert "    B OP1: {+⟨Demands⟩ an immediate ceasefire" in out
    assert "    ⟨Supports⟩ (A), ⟨Demands⟩ (B): verb, key difference 1" in out
    assert "Report within [-30-]{+15+} days;" in out
    assert "A OP4 -> B PP4  modified · moved · kind: operative -> preambular (demoted)" in out
    assert "… 3 unchanged clauses …" in out
    # the split's line break is inside neither marker
    assert "{+;+}\n" in out and "{+Stresses+} the need" in out


def test_width_is_respected() -> None:
    for width in (60, 100, 140):
        out = render_text(rich_comparison(), ReportOptions(width=width, show_all=True))
        assert max(len(line) for line in out.splitlines()) <= width


def test_section_headings_wrap_at_the_width() -> None:
    """A draft without a symbol is named by its file: a long file name in "Clause by
    clause: ..." and "Amendments: ..." wraps as the headings before them do."""
    base = "The Security Council,\n\n1. Demands an immediate ceasefire;\n"
    names = [f"{side}-" + "a-very-long-file-name-for-a-draft-" * 2 + ".txt" for side in "ab"]
    a = parsed(base, "A", names[0])
    b = parsed(base.replace("immediate", "lasting"), "B", names[1])
    for color in (False, True):
        options = ReportOptions(width=60, amendments=True, color=color)
        out = render_text(compared(a, b), options)
        lines = out.splitlines()
        assert max(cell_len(strip_sgr(line)) for line in lines) <= 60
        for heading in ("Clause by clause: A", "Amendments: A"):
            assert any(strip_sgr(line).startswith(heading) for line in lines)
    wide = render_text(rich_comparison(), ReportOptions())
    assert max(len(line) for line in wide.splitlines()) <= 100


def test_deterministic_and_free_of_trailing_spaces() -> None:
    one = render_text(rich_comparison(), ReportOptions(show_all=True))
    assert one == render_text(rich_comparison(), ReportOptions(show_all=True))
    assert all(line == line.rstrip() for line in one.splitlines())


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("ab cdé\n  x中文한"), max_size=300),
    st.integers(min_value=5, max_value=40),
)
def test_break_offsets_keep_every_line_within_width(text: str, width: int) -> None:
    """Within ``width`` terminal cells, wide (Chinese, Korean) characters included: a
    word of them wider than the line is folded by cells, not by characters."""
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets))
    bounds = [0, *offsets, len(text)]
    lines = [text[i:j] for i, j in itertools.pairwise(bounds)]
    assert "".join(lines) == text  # nothing lost
    for line in lines:
        assert cell_len(line.rstrip(" \n")) <= width
    # a line break in the text is always a break in the output
    for i, ch in enumerate(text[:-1]):
        if ch == "\n":
            assert i + 1 in offsets


def test_a_drafts_own_marker_text_cannot_pass_for_a_change() -> None:
    """Text like '[-permanent-]' in a draft is escaped; only real changes carry bare markers."""
    from resdiff.present.segments import Segment
    from resdiff.render.text import diff_spans

    spans = diff_spans(
        (
            Segment("=", "Demands a "),
            Segment("+", "[-permanent-] truce {+now+} "),
            Segment("=", "ceasefire \\ today;"),
        )
    )
    shown = "".join(text for text, _ in spans)
    assert shown == "Demands a {+[\\-permanent\\-] truce {\\+now\\+} +}ceasefire \\\\ today;"
    assert shown.count("{+") == 1 and shown.count("[-") == 0


def strip_sgr(line: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", line)
