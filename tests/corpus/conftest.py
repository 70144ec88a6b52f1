"""Corpus test helpers: a store in a temporary file, the hand-written fixture corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from resdiff.corpus.indexing import add_paths
from resdiff.corpus.sqlite import SqliteCorpus, open_sqlite
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
LIBRARY = FIXTURES / "library"
DRAFTS = FIXTURES / "drafts"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteCorpus]:
    s = open_sqlite(str(tmp_path / "corpus.sqlite"), create=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteCorpus]:
    """The fixture library, indexed once per module."""
    path = tmp_path_factory.mktemp("library") / "corpus.sqlite"
    s = open_sqlite(str(path), create=True)
    add_paths(s, [str(LIBRARY)])
    yield s
    s.close()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def resolution(symbol: str, date: str, *paragraphs: str) -> str:
    """A small UN-style text: header, author line, then the paragraphs as given."""
    head = f"United Nations{' ' * 30}{symbol}\nSecurity Council{' ' * 30}{date}\n\n"
    return head + "The Security Council,\n\n" + "\n\n".join(paragraphs) + "\n"
