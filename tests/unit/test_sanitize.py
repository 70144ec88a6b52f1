"""Document text shown to a reader: no escape sequences, no hidden reordering."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdiff import cli
from resdiff.present.sanitize import clean_terminal

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_overrides_are_shown_not_obeyed() -> None:
    shown = clean_terminal("Demands a \u202eerif-esaec\u202c now")
    assert shown == "Demands a ⟦U+202E⟧erif-esaec⟦U+202C⟧ now"
    assert not any(ch in clean_terminal(BIDI) for ch in BIDI)
    # Arabic, Chinese and Russian text, and right-to-left marks, are left alone.
    plain = "الأمم المتحدة 联合国 Совет \u200f"
    assert clean_terminal(plain) == plain


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_reports_carry_no_bidi_override_from_a_draft(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("1. Demands a ceasefire;\n", encoding="utf-8")
    b.write_text("1. Demands a \u202eerif-esaec\u202c;\n", encoding="utf-8")
    assert cli.main(["report", str(a), str(b), "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert "U+202E" in out and not any(ch in out for ch in BIDI)
    assert cli.main(["parse", str(b)]) == 0
    out = capsys.readouterr().out
    assert "⟦U+202E⟧erif-esaec⟦U+202C⟧" in out and not any(ch in out for ch in BIDI)


def test_unterminated_string_sequence_does_not_hide_the_next_lines() -> None:
    assert clean_terminal("a\x1b]8;;http://x\nsecond line") == "a\nsecond line"
    assert clean_terminal("a\x1bPq\nsecond line") == "a\nsecond line"


@given(st.text(alphabet=st.sampled_from("ab \n\t\x1b[]0;m\x07\x9b\x85\x00\u202e\u2066é")))
def test_the_fast_path_changes_nothing(text: str) -> None:
    """Text without any character the passes act on is returned as it is; the passes
    themselves give the same result on every text."""
    from resdiff.present import sanitize

    slow = sanitize._BIDI_CONTROLS.sub(
        sanitize._visible, sanitize._CONTROLS.sub("", sanitize._ESCAPES.sub("", text))
    )
    assert clean_terminal(text) == slow
