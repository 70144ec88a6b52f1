"""The headless paths never load Textual (fast start, and the core stays UI-free)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fresh_imports import imported_by

DRAFTS = Path(__file__).resolve().parents[1] / "tui" / "drafts"


def _loaded_textual(setup: str) -> str:
    return ",".join(m for m in imported_by(setup) if m == "textual" or m.startswith("textual."))


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
