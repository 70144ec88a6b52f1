"""Fuzz: a word added to B where a reader sees it is always reported, in every format and
in every way the format can write it (behind an XML comment, split across runs, as a
field's result, in emphasis, through character references...)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.properties import check_change_reported
from tests.fuzz.strategies import WRITERS, VisibleEdit, visible_edits

EXAMPLES = {"txt": 20, "md": 25, "html": 25, "docx": 50, "pdf": 8}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_visible_added_word_is_reported(fmt: str) -> None:
    @settings(
        max_examples=EXAMPLES[fmt],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    @given(edit=visible_edits(fmt))
    def check(edit: VisibleEdit) -> None:
        a, b = edit.files()
        check_change_reported(a, b, f"draft.{fmt}", edit.marked[2])

    check()
