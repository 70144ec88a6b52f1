"""The headless paths never load Textual (fast start, and the core stays UI-free)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DRAFTS = Path(__file__).resolve().parents[1] / "tui" / "drafts"
ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import contextlib, io, sys
{setup}
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("TEXTUAL:" + ",".join(loaded))
"""


def _loaded_textual(setup: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("TEXTUAL:"))
    return line.removeprefix("TEXTUAL:")


A = str(DRAFTS / "draft-one.txt")
B = str(DRAFTS / "draft-two.txt")


@pytest.mark.parametrize(
    "setup",
    [
        "import resdiff",
        "import resdiff.tui.viewmodel",
        "from resdiff.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['parse', {A!r}])",
        "from resdiff.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['report', {A!r}, {B!r}])",
        "from resdiff.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['amendments', {A!r}, {B!r}])",
        "from resdiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['apply'])",
        "import resdiff.corpus.precedents, resdiff.corpus.sqlite, resdiff.render.precedents.html",
        "from resdiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['precedents', '--demo'])",
        "import tempfile\nfrom resdiff.cli import main\n"
        "db = tempfile.mkdtemp() + '/c.sqlite'\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['corpus', 'add', {A!r}, '--db', db])\n"
        "    main(['corpus', 'list', '--db', db])",
    ],
    ids=[
        "import",
        "viewmodel",
        "parse",
        "report",
        "amendments",
        "apply",
        "corpus-modules",
        "precedents",
        "corpus",
    ],
)
def test_headless_paths_do_not_import_textual(setup: str) -> None:
    assert _loaded_textual(setup) == ""


def test_the_probe_would_notice_textual() -> None:
    assert "textual.app" in _loaded_textual("import resdiff.tui.app")
