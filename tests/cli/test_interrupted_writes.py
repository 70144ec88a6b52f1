"""Writes cut short: ``-o ""`` is an error, and what a killed writer leaves behind has a
documented name the next write to the same target can prove stale and remove."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff import write
from resdiff.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("1. Demands a ceasefire;\n", encoding="utf-8")
    b.write_text("1. Calls for a ceasefire;\n", encoding="utf-8")
    return str(a), str(b)


@pytest.mark.parametrize("command", ["report", "amendments", "apply"])
def test_an_empty_output_name_is_an_error(
    command: str, drafts: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, *drafts, "-o", ""]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "resdiff: -o was given an empty file name\n"


def _killed_write(target: Path) -> None:
    """Run the real writer in a child process that is killed (SIGKILL) after writing
    the temporary file and before renaming it."""
    code = (
        "import os, signal, sys\n"
        "from resdiff import write\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "write.write_atomic(sys.argv[1], 'half a report')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == -9


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_killed_write_leaves_a_documented_name_that_the_next_write_removes(
    drafts: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "report.txt"
    _killed_write(target)
    (left,) = _leftovers(tmp_path)
    assert not target.exists()
    assert left.startswith(".report.txt.resdiff-") and left.endswith(".tmp")
    assert main(["report", *drafts, "-o", str(target)]) == 1
    assert _leftovers(tmp_path) == []
    assert target.read_text(encoding="utf-8").startswith("resdiff report")


def test_only_provably_stale_files_of_this_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    _killed_write(target)
    (stale,) = _leftovers(tmp_path)
    host = stale.split("-")[1]
    dead_pid = stale.split("-")[2]
    keep = {
        # a writer that is still running (this test's own process)
        f".report.txt.resdiff-{host}-{os.getpid()}-abcd1234.tmp": "file",
        # another target in the same folder
        f".other.txt.resdiff-{host}-{dead_pid}-abcd1234.tmp": "file",
        # written on another host sharing the folder
        f".report.txt.resdiff-00000000-{dead_pid}-abcd1234.tmp": "file",
        # not a regular file
        f".report.txt.resdiff-{host}-{dead_pid}-link0000.tmp": "link",
        f".report.txt.resdiff-{host}-{dead_pid}-dir00000.tmp": "dir",
        # the user's own file with a similar name
        ".report.txt.backup.tmp": "file",
    }
    for name, kind in keep.items():
        path = tmp_path / name
        if kind == "file":
            path.write_text("x", encoding="utf-8")
        elif kind == "link":
            path.symlink_to(tmp_path / "elsewhere")
        else:
            path.mkdir()
    removed = write.remove_stale_temporaries(target)
    assert [p.name for p in removed] == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)


def test_a_long_target_name_still_gets_a_temporary_file(
    drafts: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / ("r" * 240 + ".txt")
    assert main(["report", *drafts, "-o", str(target)]) == 1
    assert target.exists() and _leftovers(tmp_path) == []


def test_the_host_is_named_as_the_socket_module_names_it() -> None:
    # Read without importing socket (start-up); the same name, so the same tag.
    import socket

    assert write._host_name() == socket.gethostname()
    assert len(write._host_tag()) == 8
