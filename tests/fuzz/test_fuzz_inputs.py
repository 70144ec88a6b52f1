"""Fuzz: hostile inputs of every format are read or refused in one line, in proportion to
their size, and what is read is parsed without losing a character.

The budget is small (the whole fuzz suite runs in well under a minute in CI, with
``HYPOTHESIS_PROFILE=ci``); ``bench/fuzz_campaign.py`` runs the same checks on many more
inputs and measures time and memory.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resdiff.cli import main
from tests.fuzz.properties import read_checked, saved
from tests.fuzz.strategies import HOSTILE

#: Examples per format: small, for CI; the campaign raises it.
EXAMPLES = {"txt": 60, "md": 60, "html": 60, "docx": 80, "pdf": 40}
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@pytest.mark.parametrize("fmt", sorted(HOSTILE))
def test_hostile_input_is_read_or_refused_in_one_line(fmt: str) -> None:
    strategy, name = HOSTILE[fmt]

    @settings(FUZZ, max_examples=EXAMPLES[fmt])
    @given(data=strategy)
    def check(data: bytes) -> None:
        read_checked(data, name)

    check()


@settings(FUZZ, max_examples=10)
@given(fmt=st.sampled_from(sorted(HOSTILE)), data=st.data())
def test_the_command_line_says_one_line_or_reports(fmt: str, data: st.DataObject) -> None:
    """Through ``main``: exit 0/1 with a report, or exit 2 with one line naming the file."""
    import contextlib
    import io

    strategy, name = HOSTILE[fmt]
    path = saved(data.draw(strategy), name)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["report", path, path, "--format", "json"])
    if code == 2:
        assert out.getvalue() == ""
        assert err.getvalue().startswith(f"resdiff: {path}: ") and err.getvalue().count("\n") == 1
        assert "internal error" not in err.getvalue()
    else:
        assert code == 0 and err.getvalue() == "" and out.getvalue().startswith("{")
