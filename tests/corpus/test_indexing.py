"""``corpus add``: folders walked, unreadable files skipped (and said), one transaction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resdiff.corpus import indexing
from resdiff.corpus.indexing import add_paths, files_under
from resdiff.corpus.sqlite import SqliteCorpus, open_sqlite
from resdiff.corpus.store import DocumentEntry
from resdiff.errors import InputError
from resdiff.model import Document
from tests.conftest import ROOT
from tests.corpus.conftest import LIBRARY, resolution, write


def _folder(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    for k in range(n):
        write(
            folder / ("sub" if k % 2 else ""),
            f"r{k}.txt",
            resolution(
                f"S/RES/{k} (2001)",
                f"{k + 1} May 2001",
                f"Recalling resolution {k} and its annexes on paragraph {k},",
                f"1. Decides to remain seized of the matter number {k}.",
            ),
        )
    return folder


def test_folders_are_walked_in_order_without_hidden_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    write(folder, ".hidden.txt", "Recalling,")
    write(folder, "r0.json", '{"symbol": "S/RES/0 (2001)"}')
    write(folder, "README", "Recalling,")
    (folder / ".git").mkdir()
    write(folder / ".git", "HEAD.txt", "Recalling,")
    other: list[str] = []
    found = [Path(p).relative_to(folder).as_posix() for p, _ in files_under([str(folder)], other)]
    assert found == ["README", "r0.txt", "r2.txt", "sub/r1.txt"]
    assert other == [str(folder / "r0.json")]
    named = str(folder / "r0.json")
    assert list(files_under([named], other)) == [(named, True)]  # named: read whatever its name


def test_an_unreadable_file_in_a_folder_is_skipped_and_named(
    store: SqliteCorpus, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    said: list[tuple[str, str]] = []
    report = add_paths(store, [str(folder)], warn=lambda p, problem: said.append((p, problem)))
    assert report.added == 3 and report.indexed == 3
    assert sorted(Path(p).name for p, _ in said) == ["empty.txt", "image.txt", "scan.pdf"]
    assert all(problem and "\n" not in problem for _, problem in said)
    assert report.skipped == tuple(said)
    assert store.size()[0] == 3


def test_a_named_file_that_cannot_be_read_adds_nothing(store: SqliteCorpus, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with pytest.raises(InputError, match=r"missing\.txt"):
        add_paths(store, [str(folder), str(tmp_path / "missing.txt")])
    assert store.documents() == []


def test_nothing_readable_is_an_error(store: SqliteCorpus, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no files found"):
        add_paths(store, [str(tmp_path / "empty")])
    (tmp_path / "empty" / "notes.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"no draft files \(only other types\)"):
        add_paths(store, [str(tmp_path / "empty")])
    (tmp_path / "empty" / "x.txt").write_bytes(b"\x00\x01" * 50)
    with pytest.raises(InputError, match="no readable files"):
        add_paths(store, [str(tmp_path / "empty")])


def test_adding_again_updates_instead_of_duplicating(store: SqliteCorpus, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    add_paths(store, [str(folder)])
    again = add_paths(store, [str(folder)])
    assert (again.added, again.unchanged) == (0, 3)
    path = folder / "r0.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n2. Urges restraint.\n", "utf-8")
    changed = add_paths(store, [str(folder)])
    assert (changed.replaced, changed.unchanged) == (1, 2)
    assert store.size()[0] == 3


def test_an_interrupted_add_leaves_the_corpus_as_it_was(
    store: SqliteCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_paths(store, [str(LIBRARY)])
    before = [(d.key, d.paragraphs) for d in store.documents()]
    rows = store.conn.execute("SELECT count(*) FROM fingerprints").fetchone()
    real = indexing.document_entry
    calls = 0

    def interrupted(document: Document, source: str | None = None) -> DocumentEntry:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real(document, source)

    monkeypatch.setattr(indexing, "document_entry", interrupted)
    with pytest.raises(KeyboardInterrupt):
        add_paths(store, [str(_folder(tmp_path, 5))])
    assert [(d.key, d.paragraphs) for d in store.documents()] == before
    assert store.conn.execute("SELECT count(*) FROM fingerprints").fetchone() == rows


def test_a_killed_add_leaves_the_database_file_as_it_was(tmp_path: Path) -> None:
    """SIGKILL in the middle of the transaction: SQLite's journal puts the file back."""
    db = tmp_path / "corpus.sqlite"
    seed = open_sqlite(str(db), create=True)
    add_paths(seed, [str(LIBRARY)])
    before = [(d.key, d.paragraphs) for d in seed.documents()]
    seed.close()
    folder = _folder(tmp_path, 400)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "resdiff", "corpus", "add", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    journal = Path(str(db) + "-journal")
    deadline = time.monotonic() + 60
    while not journal.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the add finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after = open_sqlite(str(db))
    try:
        assert [(d.key, d.paragraphs) for d in after.documents()] == before
        assert after.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        after.close()
