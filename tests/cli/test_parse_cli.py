"""`resdiff parse`: what it prints, and one clean line for every bad input."""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.seeds import seed_path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "resdiff", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def test_parse_text_outline_of_a_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed_path("s-2024-9001-tied.txt"))]) == 0
    out = capsys.readouterr().out
    assert "symbol: S/2024/9001" in out
    assert "preambular 11" in out and "operative 12" in out and "subparagraph 5" in out
    assert "OP4(b)(ii)" in out
    assert "[Noting with grave concern]" in out


def test_parse_json_matches_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "json", str(seed_path("s-2024-9002-demands.txt"))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "resdiff/1"
    (doc,) = data["documents"]
    assert doc["id"] == "A"
    assert doc["symbol"] == "S/2024/9002"
    assert doc["author"] == "The Security Council"
    assert doc["parse"]["structure"] == "un"
    op6 = next(c for c in doc["clauses"] if c["id"] == "OP6")
    assert (op6["kind"], op6["number"], op6["opener"]) == ("operative", "6", "Requests")
    assert [c["id"] for c in op6["children"]] == ["OP6(a)", "OP6(b)", "OP6(c)"]
    assert op6["children"][1]["children"][0]["id"] == "OP6(b)(i)"


def test_parse_stdin() -> None:
    result = run_cli("parse", "-", stdin=b"The General Assembly,\r\n\r\n1. Decides;\r\n")
    assert result.returncode == 0
    assert b"OP1" in result.stdout and b"author: The General Assembly" in result.stdout


_RNG = random.Random(7)
#: High-half noise: not UTF-8, and no code page reads it as coherent text.
NOISE = bytes(_RNG.randrange(0x80, 0x100) for _ in range(300))


def _write(content: bytes) -> Callable[[Path], str]:
    def make(tmp: Path) -> str:
        path = tmp / "input.txt"
        path.write_bytes(content)
        return str(path)

    return make


BAD_INPUTS: dict[str, tuple[Callable[[Path], str], str]] = {
    "missing": (lambda tmp: str(tmp / "missing.txt"), "no such file"),
    "directory": (lambda tmp: str(tmp), "is a directory"),
    "empty": (_write(b""), "empty file"),
    "blank": (_write(b"  \n\n\t \n"), "empty file"),
    "binary": (_write(b"\x00\x01\x02GIF89a\x00\x00" * 20), "binary file"),
    "undecodable": (
        _write(NOISE),
        "cannot decode",
    ),
    "pdf": (_write(b"%PDF-1.7\n"), "PDF"),
    "html": (_write(b"<!DOCTYPE html><script>alert(1)</script>"), "empty file"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, problem = BAD_INPUTS[case]
    path = make(tmp_path)
    assert main(["parse", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"resdiff: {path}: ")
    assert problem in lines[0]
    assert "Traceback" not in captured.err


def test_too_large_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from resdiff.ingest import reader

    monkeypatch.setattr(reader, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Decides;\n" * 50)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"resdiff: {path}: file is larger than the 100-byte limit\n"


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    result = run_cli("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == f"resdiff: {path}: no such file\n"


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    result = run_cli("--debug", "parse", str(path))
    assert result.returncode != 0
    err = result.stderr.decode()
    assert "Traceback" in err and "InputError" in err and "no such file" in err
    with pytest.raises(InputError):
        main(["--debug", "parse", str(path)])


def test_empty_stdin_names_stdin() -> None:
    result = run_cli("parse", "-", stdin=b"")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == "resdiff: <stdin>: empty file\n"


def test_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Decides;")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", refuse)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"resdiff: {path}: permission denied\n")
