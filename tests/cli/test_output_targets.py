"""Where `-o` may point: "-" is standard output, /dev/stdout works in a pipe, and the
file behind standard input is an input too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from resdiff import cli

DRAFT_A = "1. Demands a ceasefire;\n"
DRAFT_B = "1. Calls for a ceasefire;\n"


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DRAFT_A, encoding="utf-8")
    b.write_text(DRAFT_B, encoding="utf-8")
    return a, b


def _resdiff(*argv: str, stdin: Path | None = None) -> tuple[int, str, str]:
    with open(stdin or "/dev/null", "rb") as fh:
        done = subprocess.run(
            [sys.executable, "-m", "resdiff", *argv],
            stdin=fh,
            capture_output=True,
            check=False,
            env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"},
        )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def test_dash_output_is_standard_output(
    capsys: pytest.CaptureFixture[str], drafts: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = drafts
    monkeypatch.chdir(a.parent)
    assert cli.main(["report", str(a), str(b), "-o", "-", "--format", "md"]) == 1
    assert capsys.readouterr().out.startswith("# resdiff report")
    assert not (a.parent / "-").exists()


def test_dev_stdout_into_a_pipe(drafts: tuple[Path, Path]) -> None:
    a, b = drafts
    code, out, err = _resdiff("report", str(a), str(b), "-o", "/dev/stdout", "--format", "md")
    assert (code, err) == (1, "") and out.startswith("# resdiff report")


def test_output_over_the_file_given_as_standard_input_is_refused(
    drafts: tuple[Path, Path],
) -> None:
    a, b = drafts
    code, out, err = _resdiff("report", "-", str(b), "-o", str(a), "--format", "md", stdin=a)
    assert code == 2 and out == "" and "refusing to overwrite an input file" in err
    assert a.read_text(encoding="utf-8") == DRAFT_A
    code, _, err = _resdiff("report", "-", str(b), "-o", str(a.parent / "r.md"), stdin=a)
    assert code == 1 and err == "" and (a.parent / "r.md").exists()
