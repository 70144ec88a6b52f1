"""`resdiff A B` without a terminal: a text report, never the app's screen codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff import cli

DRAFT_A = "Recalling its resolutions,\n\n1. Demands a ceasefire;\n"
DRAFT_B = "Recalling its resolutions,\n\n1. Calls for a ceasefire;\n"


def _fail_if_app_starts(*_args: object, **_kwargs: object) -> int:
    raise AssertionError("the interactive app must not start without a terminal")


def test_open_in_a_pipe_prints_the_text_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cli, "_run_tui", _fail_if_app_starts)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DRAFT_A, encoding="utf-8")
    b.write_text(DRAFT_B, encoding="utf-8")
    assert cli.main([str(a), str(b)]) == 1
    out, err = capsys.readouterr()
    assert "[-⟨Demands⟩-]{+⟨Calls for⟩+}" in out and "\x1b" not in out and err == ""
    assert cli.main([str(a), str(a)]) == 0
    capsys.readouterr()
    # A missing file is the usual one-line error, not an app stuck waiting for keys.
    assert cli.main([str(tmp_path / "missing.txt"), str(a)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "missing.txt: no such file" in err


def test_open_one_draft_in_a_pipe_says_why(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cli, "_run_tui", _fail_if_app_starts)
    a = tmp_path / "a.txt"
    a.write_text(DRAFT_A, encoding="utf-8")
    assert cli.main([str(a)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "needs a terminal" in err


def test_the_apps_options_may_come_before_the_drafts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`resdiff --no-config A B` is `resdiff open --no-config A B`, as `resdiff A B
    --no-config` is; only help and the version are resdiff's own."""
    monkeypatch.setattr(cli, "_run_tui", _fail_if_app_starts)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DRAFT_A, encoding="utf-8")
    b.write_text(DRAFT_B, encoding="utf-8")
    assert cli.main(["--no-config", "--ignore-case", str(a), str(b)]) == 1
    out, err = capsys.readouterr()
    assert "Calls for" in out and err == ""
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("resdiff ")
