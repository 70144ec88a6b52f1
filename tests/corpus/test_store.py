"""The SQLite store: documents keyed by content, every index kept consistent through
updates and removals, and a database that is not a corpus never touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from resdiff.corpus import sqlite as corpus_sqlite
from resdiff.corpus.entries import document_entry
from resdiff.corpus.keys import exact_key
from resdiff.corpus.sqlite import SqliteCorpus, open_sqlite
from resdiff.corpus.store import CorpusError, DocumentEntry, Scope
from resdiff.pipeline import load
from tests.corpus.conftest import resolution, write

SEIZED = "1. Decides to remain seized of the matter."
CHARTER = "Reaffirming its commitment to the purposes and principles of the Charter,"


def _entry(tmp_path: Path, name: str, symbol: str, date: str, *paragraphs: str) -> DocumentEntry:
    path = write(tmp_path, name, resolution(symbol, date, *paragraphs))
    return document_entry(load(str(path)), str(path))


def _counts(store: SqliteCorpus) -> dict[str, int]:
    tables = ("documents", "paragraphs", "fingerprints", "terms")
    out = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    out["fts"] = store.conn.execute(
        "SELECT count(*) FROM paragraph_stems WHERE paragraph_stems MATCH 'charter OR seized'"
    ).fetchone()[0]
    return out


def test_put_adds_then_finds_the_same_content_unchanged(
    store: SqliteCorpus, tmp_path: Path
) -> None:
    entry = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", CHARTER, SEIZED)
    with store.transaction():
        assert store.put(entry) == "added"
    with store.transaction():
        assert store.put(entry) == "unchanged"
    assert store.size() == (1, 2)
    (doc,) = store.documents()
    assert (doc.symbol, doc.date, doc.paragraphs) == ("S/RES/1 (2001)", "2001-05-01", 2)


def test_a_changed_file_replaces_its_older_version(store: SqliteCorpus, tmp_path: Path) -> None:
    first = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", CHARTER, SEIZED)
    second = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", SEIZED)
    with store.transaction():
        store.put(first)
        assert store.put(second) == "replaced"
    assert [d.key for d in store.documents()] == [second.key]
    total, found = store.identical(exact_key(CHARTER), Scope(), 10)
    assert (total, found) == (0, [])


def test_removing_everything_leaves_every_index_empty(store: SqliteCorpus, tmp_path: Path) -> None:
    a = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", CHARTER, SEIZED)
    b = _entry(tmp_path, "b.txt", "S/RES/2 (2002)", "1 May 2002", CHARTER, "1. Urges all parties.")
    with store.transaction():
        store.put(a)
        store.put(b)
    assert all(_counts(store).values())
    with store.transaction():
        assert store.remove([a.key, b.key, "0" * 64]) == 2
    assert _counts(store) == dict.fromkeys(_counts(store), 0)
    store.conn.execute("INSERT INTO paragraph_stems (paragraph_stems) VALUES ('integrity-check')")


def test_document_frequencies_follow_adds_and_removals(store: SqliteCorpus, tmp_path: Path) -> None:
    a = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", CHARTER, SEIZED)
    b = _entry(tmp_path, "b.txt", "S/RES/2 (2002)", "1 May 2002", CHARTER)
    with store.transaction():
        store.put(a)
        store.put(b)
    assert store.frequencies(["charter", "seized", "absent"]) == (3, {"charter": 2, "seized": 1})
    with store.transaction():
        store.remove([a.key])
    assert store.frequencies(["charter", "seized"]) == (1, {"charter": 1})


def test_identical_lists_oldest_first_within_scope(store: SqliteCorpus, tmp_path: Path) -> None:
    dates = ["3 March 2003", "1 January 2001", "2 February 2002"]
    entries = [
        _entry(tmp_path, f"{k}.txt", f"S/RES/{k} (x)", d, CHARTER, SEIZED)
        for k, d in enumerate(dates)
    ]
    with store.transaction():
        for e in entries:
            store.put(e)
    total, found = store.identical(exact_key(SEIZED[3:]), Scope(), 2)
    assert total == 3
    assert [p.document.date for p in found] == ["2001-01-01", "2002-02-02"]
    scope = Scope(exclude=entries[1].key, until="2002-12-31")
    total, found = store.identical(exact_key(SEIZED[3:]), scope, 10)
    assert (total, [p.document.date for p in found]) == (1, ["2002-02-02"])


def test_a_write_outside_a_transaction_is_a_bug(store: SqliteCorpus, tmp_path: Path) -> None:
    entry = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", SEIZED)
    with pytest.raises(RuntimeError):
        store.put(entry)


def test_a_failed_transaction_changes_nothing(store: SqliteCorpus, tmp_path: Path) -> None:
    a = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", CHARTER, SEIZED)
    b = _entry(tmp_path, "b.txt", "S/RES/2 (2002)", "1 May 2002", SEIZED)
    with store.transaction():
        store.put(a)
    before = _counts(store)
    with pytest.raises(KeyboardInterrupt), store.transaction():
        store.put(b)
        store.remove([a.key])
        raise KeyboardInterrupt
    assert _counts(store) == before
    assert [d.key for d in store.documents()] == [a.key]


# --- opening ----------------------------------------------------------------------------


def test_a_missing_database_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "corpus.sqlite"
    with pytest.raises(CorpusError, match="no corpus database here yet"):
        open_sqlite(str(path))
    assert not path.exists()
    open_sqlite(str(path), create=True).close()
    assert not path.exists()  # created, never written: removed again


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"This is a text file, not a database at all." * 20, "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000, "corpus"),
    ],
    ids=["text", "damaged"],
)
def test_a_file_that_is_not_a_corpus_is_refused_untouched(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "corpus.sqlite"
    path.write_bytes(content)
    for create in (False, True):
        with pytest.raises(CorpusError, match=problem) as info:
            open_sqlite(str(path), create=create)
        assert info.value.path == str(path)
    assert path.read_bytes() == content


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(CorpusError, match="another application"):
        open_sqlite(str(path), create=True)


def test_a_corpus_from_another_index_version_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "corpus.sqlite")
    store = open_sqlite(path, create=True)
    with store.transaction():
        pass
    store.conn.execute("UPDATE meta SET value = '0' WHERE key = 'index_version'")
    store.close()
    with pytest.raises(CorpusError, match="another version of resdiff"):
        open_sqlite(path)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="folder"):
        open_sqlite(str(tmp_path), create=True)


def test_without_fts5_the_store_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(corpus_sqlite, "has_fts5", lambda: False)
    with pytest.raises(CorpusError, match="FTS5"):
        open_sqlite(str(tmp_path / "c.sqlite"), create=True)
    assert not (tmp_path / "c.sqlite").exists()


def test_a_damaged_database_is_reported_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite"
    store = open_sqlite(str(path), create=True)
    entry = _entry(tmp_path, "a.txt", "S/RES/1 (2001)", "1 May 2001", CHARTER, SEIZED)
    with store.transaction():
        store.put(entry)
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 64] = b"\xee" * 64  # garble a table page
    path.write_bytes(bytes(data))
    with pytest.raises(CorpusError) as info:
        s = open_sqlite(str(path))
        try:
            s.documents()
            s.identical(exact_key(CHARTER), Scope(), 5)
            s.paragraphs(range(1, 10), Scope())
        finally:
            s.close()
    assert "\n" not in str(info.value)
