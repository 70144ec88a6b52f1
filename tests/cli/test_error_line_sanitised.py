"""The one-line error on stderr is text for a terminal: a file name can carry escape
sequences (an OSC 52 clipboard write, a title change) and must reach the terminal inert."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.cli import main

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"  # would put "echo pwned" on the clipboard


@pytest.mark.parametrize(
    "name",
    [
        f"draft{OSC52}.txt",
        "draft\x1b]0;fake title\x1b\\.txt",
        "draft\x1b[2J\x1b[31m.txt",
        "draft\x9b31m\x85.txt",
    ],
    ids=["osc52", "osc-title", "csi", "c1"],
)
def test_a_hostile_file_name_reaches_stderr_inert(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / name
    assert main(["parse", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith(": no such file\n")
    assert not any(0x00 <= ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in err[:-1]), repr(err)
    assert f"{tmp_path}/draft" in err and ".txt: no such file" in err


def test_a_bidi_override_in_a_file_name_is_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "draft\u202etxt.exe"
    assert main(["parse", str(missing)]) == 2
    assert "draft\u27e6U+202E\u27e7txt.exe: no such file" in capsys.readouterr().err


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "draft\nresdiff: fake.txt: all good\u2028.txt"
    assert main(["parse", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("resdiff: ")
