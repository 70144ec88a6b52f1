"""One typography table: alignment, signals and the word diff fold the same characters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resdiff.diff import diff_texts, token_key
from resdiff.ingest.normalize import normalize_for_matching
from resdiff.model import CompareOptions, Run
from resdiff.signals.clausetext import fold, lower
from resdiff.typography import DASHES, DOUBLE_QUOTES, INVISIBLE, SINGLE_QUOTES, SPACES

QUOTES_ONLY = CompareOptions(
    ignore_case=False, ignore_whitespace=False, ignore_quotes=True, ignore_punctuation=False
)


@pytest.mark.parametrize(("chars", "plain"), [(SINGLE_QUOTES, "'"), (DOUBLE_QUOTES, '"')])
def test_every_quote_is_straightened_by_every_view(chars: str, plain: str) -> None:
    for c in chars:
        assert normalize_for_matching(c) == plain, hex(ord(c))
        assert fold(c) == plain, hex(ord(c))
        assert token_key(c, QUOTES_ONLY) == plain, hex(ord(c))


def test_the_backtick_and_the_apostrophes_typed_for_one_are_quotes() -> None:
    # Decided once: a backtick, U+02BC and U+00B4 are single quotes in all three views.
    for c in "`\u02bc\u00b4":
        assert c in SINGLE_QUOTES
    runs = diff_texts("the Council\u02bcs `decision'", "the Council's 'decision'", QUOTES_ONLY)
    assert all(r.minor for r in runs if r.op != "=")
    assert [r.op for r in runs].count("-") == 2


def test_same_length_fold_keeps_offsets_and_reads_invisibles_as_hyphens() -> None:
    text = f"cease{INVISIBLE[-1]}fire{SPACES[0]}{DASHES[3]} \ufb01nal"
    assert len(fold(text)) == len(text) == len(lower(text))
    assert fold(text) == "cease-fire - \ufb01nal"  # a ligature cannot fold in place
    assert normalize_for_matching(text) == "ceasefire - final"


def test_a_dash_is_not_a_quote_difference() -> None:
    runs = diff_texts("a \u2013 b", "a - b", QUOTES_ONLY)
    assert Run("-", "\u2013") in runs and not any(r.minor for r in runs)


def test_no_other_module_lists_typographic_variants() -> None:
    package = Path(__file__).resolve().parents[2] / "resdiff"
    # Characters only a typography table would name. (Curly quotes written out in
    # messages, or as the quotation marks an amendment opens with, are not folding.)
    marks = ["\\u201c", "\\u2018", "\\u02bc", "\\u2212", "\\u200b", "\\ufb01", "\ufb03"]
    owners = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if any(m in path.read_text("utf-8") for m in marks)
    )
    assert owners == ["typography.py"]
    assert not re.search(r"maketrans", (package / "signals" / "clausetext.py").read_text())
