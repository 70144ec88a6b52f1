"""On a terminal a long report goes through the pager, as git's output does; in a pipe,
with --no-pager, with PAGER empty or for a short report, it does not. Run on a real
pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = [str(ROOT / "seeds" / n) for n in ("s-2024-9001-tied.txt", "s-2024-9002-demands.txt")]


def _drain(master: int, chunks: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other end is closed and drained
            return
        if not chunk:
            return
        chunks.append(chunk)


def _on_terminal(args: list[str], env: dict[str, str], rows: int = 24) -> str:
    """What ``resdiff ARGS`` shows on a terminal of ``rows`` x 100 (read as it comes: a
    terminal holds only a few kilobytes)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    chunks: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(master, chunks))
    reader.start()
    try:
        subprocess.run(
            [sys.executable, "-m", "resdiff", *args],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(slave)
        reader.join(timeout=30)
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A pager that saves what it is given (and the LESS it got) in tmp_path/paged."""
    script = tmp_path / "pager.sh"
    script.write_text('cat > "$1"; echo "LESS=$LESS" >> "$1"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LESS", "COLUMNS", "NO_COLOR")}
    env.update(PAGER=f"sh {script} {tmp_path / 'paged'}", TERM="xterm", PYTHONPATH=str(ROOT))
    return env


def test_a_long_report_on_a_terminal_goes_through_the_pager(
    env: dict[str, str], tmp_path: Path
) -> None:
    shown = _on_terminal(["report", *DEMO], env)
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    assert "In brief" in paged and "\x1b[" in paged  # colour passes through (less -R)
    assert paged.rstrip().endswith("LESS=FRX")
    assert "In brief" not in shown


def test_no_pager_when_asked_empty_or_short(env: dict[str, str], tmp_path: Path) -> None:
    assert "In brief" in _on_terminal(["report", *DEMO, "--no-pager"], env)
    assert not (tmp_path / "paged").exists()
    assert "In brief" in _on_terminal(["report", *DEMO], {**env, "PAGER": ""})
    assert "In brief" in _on_terminal(["report", *DEMO], env, rows=1000)
    assert not (tmp_path / "paged").exists()


def test_never_in_a_pipe_and_no_colour_for_a_dumb_terminal(
    env: dict[str, str], tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "report", *DEMO],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert b"In brief" in done.stdout and not (tmp_path / "paged").exists()
    shown = _on_terminal(["report", *DEMO, "--no-pager"], {**env, "TERM": "dumb"})
    assert "In brief" in shown and "\x1b[" not in shown
