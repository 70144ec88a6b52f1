"""`resdiff A B` on a terminal: what is checked before the app starts, and exit codes that
agree between `resdiff demo` and `resdiff A B`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import resdiff.tui.app
from resdiff import cli
from resdiff.seeds import demo_paths


def _fail_if_app_is_made(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the app must not start for a mistyped path")


@pytest.mark.parametrize("command", [[], ["open"]])
def test_a_mistyped_path_is_one_line_and_exit_2(
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(resdiff.tui.app, "make_app", _fail_if_app_is_made)
    typo = str(tmp_path / "drfat-b.txt")
    assert cli.main([*command, demo_paths()[0], typo]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"resdiff: {typo}: no such file\n"
    assert cli.main([*command, demo_paths()[0], str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_demo_in_a_pipe_exits_as_a_comparison_does(capsys: pytest.CaptureFixture[str]) -> None:
    """Differences: exit 1, for `resdiff demo > file` as for `resdiff A B > file`."""
    assert cli.main(demo_paths()) == 1
    capsys.readouterr()
    assert cli.main(["demo"]) == 1
    assert "Key differences" in capsys.readouterr().out
    assert cli.main(["demo", "--report"]) == 1
