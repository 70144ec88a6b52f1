"""Drafts under negotiation are confidential: resdiff must work with no network at all.

Each command runs in a fresh interpreter where opening any socket raises, so a code path
that tried to reach the network (a font, a schema, a model, telemetry) fails the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

_NO_NETWORK = """
import socket, sys
class _NoSocket(socket.socket):
    def __init__(self, *a, **k):
        raise OSError("network use attempted")
socket.socket = _NoSocket
socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError("network"))
from resdiff.cli import main
sys.exit(main(sys.argv[1:]))
"""

PAIR = [str(SEEDS / "s-2024-9001-tied.txt"), str(SEEDS / "s-2024-9002-demands.txt")]


def _offline(*args: str) -> subprocess.CompletedProcess[str]:
    """``resdiff ARGS`` in a fresh interpreter where no socket can be opened."""
    return subprocess.run(
        [sys.executable, "-c", _NO_NETWORK, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["parse", PAIR[0], "--format", "json"],
        ["matrix", *PAIR],
        *(["report", *PAIR, "--format", fmt] for fmt in ("json", "md", "html", "txt")),
    ],
    ids=lambda a: "-".join(x for x in a if not x.startswith("/"))[:40],
)
def test_runs_with_the_network_unreachable(args: list[str], tmp_path: Path) -> None:
    out = _offline(*args)
    assert out.returncode in (0, 1), out.stderr
    assert out.stdout and "network" not in out.stderr


def test_docx_report_with_the_network_unreachable(tmp_path: Path) -> None:
    target = tmp_path / "changes.docx"
    out = _offline("report", *PAIR, "-o", str(target))
    assert out.returncode == 1, out.stderr
    assert target.stat().st_size > 0


def test_corpus_and_precedents_with_the_network_unreachable(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.sqlite")
    for args in (
        ["corpus", "add", str(SEEDS / "corpus"), "--db", db],
        ["corpus", "list", "--db", db, "--format", "json"],
        ["precedents", str(SEEDS / "s-2024-9002-demands.txt"), "--db", db, "--format", "html"],
        ["precedents", "--demo", "--format", "json"],
    ):
        out = _offline(*args)
        assert out.returncode == 0, out.stderr
        assert out.stdout and "network" not in out.stderr
