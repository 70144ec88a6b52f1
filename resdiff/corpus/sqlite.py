"""The corpus in one embedded SQLite file (stdlib ``sqlite3`` with its FTS5 extension).

Layout in ``schema.sql``. Identical language is found through an index on each paragraph's
exact key, near-copies through an index of sampled phrase fingerprints, reworded
paragraphs through FTS5 over their stems (ranked by BM25); ``terms`` holds document
frequencies for the TF-IDF similarity. Writes happen inside ``transaction`` (one per
``corpus add``): an interrupted add leaves the file as it was (SQLite's rollback journal).
The FTS table is contentless and fingerprints are not stored twice, so deleting a
paragraph recomputes its stems and fingerprints from its text: ``meta.index_version``
records which ``keys.INDEX_VERSION`` made them.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from resdiff.align.terms import terms
from resdiff.corpus.keys import INDEX_VERSION, fingerprints
from resdiff.corpus.store import (
    CorpusError,
    DocumentEntry,
    MissingCorpus,
    PutOutcome,
    Scope,
    StoredDocument,
    StoredParagraph,
)
from resdiff.model import ClauseKind

#: "RSDC" in the SQLite header: this file is a resdiff corpus.
APPLICATION_ID = 0x52534443
#: The layout of schema.sql.
SCHEMA_VERSION = 1

#: A fingerprint shared by more paragraphs than this is boilerplate: it proposes nothing.
POSTING_CAP = 200
#: A clause with this many fingerprints proposes only paragraphs sharing two of them.
PHRASE_MIN_PRINTS = 4
#: Word search looks for paragraphs holding two of this many of a clause's rarest stems...
WORD_QUERY_TERMS = 4
#: ...each found in at most this share of the corpus's paragraphs (and at most
#: ``WORD_DF_CAP`` of them), so the full-text query stays small.
WORD_DF_SHARE = 0.01
WORD_DF_CAP = 3000
#: Pending document-frequency changes are written once this many terms have changed.
DF_FLUSH = 20_000
#: Ids per ``IN (...)`` list.
CHUNK = 500

_DOC_COLUMNS = (
    "d.key, d.source, d.format, d.symbol, d.date, d.author, d.title, d.paragraphs, d.added"
)
_IN_SCOPE = "d.key IS NOT ? AND (? IS NULL OR d.date IS NULL OR d.date <= ?)"

P = ParamSpec("P")
R = TypeVar("R")


def _guarded(
    method: Callable[Concatenate[SqliteCorpus, P], R],
) -> Callable[Concatenate[SqliteCorpus, P], R]:
    """SQLite's errors reach the user as one line naming the database."""

    @functools.wraps(method)
    def wrapper(self: SqliteCorpus, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise corpus_error(exc, self.path) from exc

    return wrapper


def corpus_error(exc: sqlite3.Error, path: str) -> CorpusError:
    message = str(exc)
    known = {
        "file is not a database": "not a resdiff corpus (not an SQLite database)",
        "database disk image is malformed": "the corpus database is damaged (malformed)",
        "database is locked": "the corpus is busy: another resdiff is writing to it",
        "attempt to write a readonly database": "cannot write to the corpus (read-only)",
        "unable to open database file": "cannot open the corpus database",
    }
    for cue, text in known.items():
        if cue in message:
            return CorpusError(text, path)
    return CorpusError(f"corpus database error: {message}", path)


def has_fts5() -> bool:
    """Whether this Python's SQLite was built with FTS5 (almost all are)."""
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5 (x)")
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def open_sqlite(path: str, *, create: bool = False) -> SqliteCorpus:
    """Open the corpus at ``path`` (``:memory:`` for a throwaway one). A missing file is
    created only with ``create``; a file that is not a resdiff corpus is never touched."""
    if not has_fts5():
        raise CorpusError(
            "this Python's SQLite has no FTS5 full-text search, which the corpus needs "
            "(use a Python built with a standard SQLite)",
            path,
        )
    created = False
    if path != ":memory:":
        target = Path(path)
        if target.is_dir():
            raise CorpusError("is a folder, not a corpus database", path)
        if not target.exists():
            if not create:
                raise MissingCorpus(
                    "no corpus database here yet (build one with 'resdiff corpus add PATH...')",
                    path,
                )
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CorpusError(f"cannot create its folder: {exc.strerror}", path) from exc
            created = True
    try:
        uri = "file::memory:" if path == ":memory:" else Path(path).absolute().as_uri()
        mode = "rwc" if created or path == ":memory:" else "rw"
        conn = sqlite3.connect(f"{uri}?mode={mode}", uri=True, isolation_level=None, timeout=5)
    except sqlite3.Error as exc:
        raise corpus_error(exc, path) from exc
    store = SqliteCorpus(conn, path, created)
    try:
        store.check(create)
    except BaseException:
        store.close()
        raise
    return store


class SqliteCorpus:
    """A ``CorpusStore`` on one SQLite connection."""

    def __init__(self, conn: sqlite3.Connection, path: str, created: bool) -> None:
        self.conn = conn
        self.path = path
        self._created = created
        self._fresh = False  # no schema yet: written by the first transaction
        self._depth = 0
        self._next_id = 0
        self._df: Counter[str] = Counter()
        self._docs: dict[int, StoredDocument] = {}
        self._size: tuple[int, int] | None = None

    # --- opening ------------------------------------------------------------------------

    @_guarded
    def check(self, create: bool) -> None:
        """Refuse anything but an empty file or a corpus of this layout."""
        self.conn.execute("PRAGMA cache_size = -32768")  # 32 MB at most, whatever the size
        # Fingerprints wait in a temporary table on disk until commit (see
        # ``_flush_fingerprints``): memory stays flat however much is added.
        self.conn.execute("PRAGMA temp_store = FILE")
        app = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        objects = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app == 0 and objects == 0:
            if not create:
                raise CorpusError("empty database, not a resdiff corpus yet", self.path)
            self._fresh = True
            return
        if app != APPLICATION_ID:
            raise CorpusError("not a resdiff corpus (another application's database)", self.path)
        if version != SCHEMA_VERSION:
            raise CorpusError(
                f"corpus written by another version of resdiff (layout {version}; this one "
                f"reads {SCHEMA_VERSION})",
                self.path,
            )
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'index_version'").fetchone()
        if row is None or row[0] != str(INDEX_VERSION):
            raise CorpusError(
                "corpus indexed by another version of resdiff: add its documents to a new database",
                self.path,
            )

    def _create_schema(self) -> None:
        text = resources.files("resdiff.corpus").joinpath("schema.sql").read_text("utf-8")
        lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
        for statement in "\n".join(lines).split(";"):
            if statement.strip():
                self.conn.execute(statement)
        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('index_version', ?)", (str(INDEX_VERSION),)
        )

    def close(self) -> None:
        """Close; a database file this store created and never wrote to is removed."""
        self.conn.close()
        if self._created and self._fresh:
            target = Path(self.path)
            try:
                if target.stat().st_size == 0:
                    target.unlink()
            except OSError:
                pass

    # --- writing ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            if self._fresh:
                self._create_schema()
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS pending_fingerprints "
                "(hash INTEGER NOT NULL, paragraph INTEGER NOT NULL)"
            )
        except sqlite3.Error as exc:
            raise corpus_error(exc, self.path) from exc
        self._depth = 1
        try:
            yield
            self._flush_df()
            self._flush_fingerprints()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._size = None
            self._df.clear()
            self._docs.clear()
            self._next_id = 0
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise corpus_error(exc, self.path) from exc
            raise
        finally:
            self._depth = 0
            self._size = None
        self._fresh = False

    def _require_transaction(self) -> None:
        if not self._depth:
            raise RuntimeError("corpus writes happen inside store.transaction()")

    @_guarded
    def put(self, entry: DocumentEntry) -> PutOutcome:
        self._require_transaction()
        c = self.conn
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        meta = (entry.source, entry.format, entry.symbol, entry.date, entry.author, entry.title)
        row = c.execute("SELECT id FROM documents WHERE key = ?", (entry.key,)).fetchone()
        if row is not None:
            doc_id = row[0]
            stored = c.execute(
                "SELECT clause, kind, opener, text FROM paragraphs WHERE document = ? "
                "ORDER BY position",
                (doc_id,),
            ).fetchall()
            same = stored == [(p.clause, p.kind, p.opener, p.text) for p in entry.paragraphs]
            if not same:
                self._delete_paragraphs(doc_id)
                self._insert_paragraphs(doc_id, entry)
            c.execute(
                "UPDATE documents SET source = ?, format = ?, symbol = ?, date = ?, author = ?, "
                "title = ?, paragraphs = ?, added = ? WHERE id = ?",
                (*meta, len(entry.paragraphs), now, doc_id),
            )
            self._docs.pop(doc_id, None)
            return "unchanged" if same else "updated"
        old = [r[0] for r in c.execute("SELECT id FROM documents WHERE source = ?", meta[:1])]
        for doc_id in old:
            self._delete_document(doc_id)
        cur = c.execute(
            "INSERT INTO documents (key, source, format, symbol, date, author, title, "
            "paragraphs, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.key, *meta, len(entry.paragraphs), now),
        )
        assert cur.lastrowid is not None
        self._insert_paragraphs(cur.lastrowid, entry)
        return "replaced" if old else "added"

    def _insert_paragraphs(self, doc_id: int, entry: DocumentEntry) -> None:
        c = self.conn
        if not self._next_id:
            self._next_id = c.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()[
                0
            ]
        base = self._next_id
        self._next_id += len(entry.paragraphs)
        ps = entry.paragraphs
        c.executemany(
            "INSERT INTO paragraphs (id, document, position, clause, kind, opener, text, exact) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (base + i, doc_id, i, p.clause, p.kind, p.opener, p.text, p.exact)
                for i, p in enumerate(ps)
            ],
        )
        c.executemany(
            "INSERT INTO temp.pending_fingerprints (hash, paragraph) VALUES (?, ?)",
            [(h, base + i) for i, p in enumerate(ps) for h in p.fingerprints],
        )
        c.executemany(
            "INSERT INTO paragraph_stems (rowid, stems) VALUES (?, ?)",
            [(base + i, " ".join(p.stems)) for i, p in enumerate(ps)],
        )
        for p in ps:
            self._df.update(set(p.stems))
        if len(self._df) > DF_FLUSH:
            self._flush_df()

    def _flush_fingerprints(self) -> None:
        """Move pending fingerprints into their index in key order: inserting them one
        document at a time, at random places of a large B-tree, costs several times more
        (measured: docs/performance.md, "Corpus")."""
        self.conn.execute(
            "INSERT INTO fingerprints (hash, paragraph) SELECT hash, paragraph "
            "FROM temp.pending_fingerprints ORDER BY hash, paragraph"
        )
        self.conn.execute("DELETE FROM temp.pending_fingerprints")

    def _delete_paragraphs(self, doc_id: int) -> None:
        self._flush_fingerprints()  # what is deleted may still be pending
        c = self.conn
        rows = c.execute("SELECT id, text FROM paragraphs WHERE document = ?", (doc_id,)).fetchall()
        fts: list[tuple[int, str]] = []
        fps: list[tuple[int, int]] = []
        for pid, text in rows:
            stems = terms(text)
            fts.append((pid, " ".join(stems)))
            fps += [(h, pid) for h in fingerprints(stems)]
            self._df.subtract(set(stems))
        c.executemany(
            "INSERT INTO paragraph_stems (paragraph_stems, rowid, stems) VALUES ('delete', ?, ?)",
            fts,
        )
        c.executemany("DELETE FROM fingerprints WHERE hash = ? AND paragraph = ?", fps)
        c.execute("DELETE FROM paragraphs WHERE document = ?", (doc_id,))

    def _delete_document(self, doc_id: int) -> None:
        self._delete_paragraphs(doc_id)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self._docs.pop(doc_id, None)

    def _flush_df(self) -> None:
        changed = [(t, n) for t, n in self._df.items() if n]
        self._df.clear()
        if not changed:
            return
        self.conn.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) "
            "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            changed,
        )
        self.conn.execute("DELETE FROM terms WHERE df <= 0")

    @_guarded
    def remove(self, keys: Iterable[str]) -> int:
        self._require_transaction()
        removed = 0
        for key in keys:
            row = self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()
            if row is not None:
                self._delete_document(row[0])
                removed += 1
        return removed

    # --- reading ------------------------------------------------------------------------

    @_guarded
    def documents(self) -> list[StoredDocument]:
        if self._fresh:
            return []
        rows = self.conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents d "
            "ORDER BY d.date IS NULL, d.date, d.symbol, d.source"
        )
        return [StoredDocument(*row) for row in rows]

    @_guarded
    def size(self) -> tuple[int, int]:
        if self._fresh:
            return 0, 0
        if self._size is None or self._depth:
            row = self.conn.execute("SELECT count(*), coalesce(sum(paragraphs), 0) FROM documents")
            docs, paragraphs = row.fetchone()
            self._size = int(docs), int(paragraphs)
        return self._size

    @_guarded
    def identical(self, exact: int, scope: Scope, limit: int) -> tuple[int, list[StoredParagraph]]:
        where = (
            "FROM paragraphs p JOIN documents d ON d.id = p.document "
            f"WHERE p.exact = ? AND {_IN_SCOPE}"
        )
        args = (exact, scope.exclude, scope.until, scope.until)
        if self._fresh:
            return 0, []
        total = self.conn.execute(f"SELECT count(*) {where}", args).fetchone()[0]
        if not total:
            return 0, []
        rows = self.conn.execute(
            f"SELECT {_PARAGRAPH_COLUMNS} {where} "
            "ORDER BY d.date IS NULL, d.date, d.symbol, d.source, p.position LIMIT ?",
            (*args, limit),
        ).fetchall()
        return int(total), [self._paragraph(row) for row in rows]

    @_guarded
    def phrase_candidates(self, prints: Sequence[int], limit: int) -> list[int]:
        """Paragraphs sharing the most fingerprints; two at least when the clause has
        ``PHRASE_MIN_PRINTS`` or more (one shared phrase of many is chance)."""
        shared: Counter[int] = Counter()
        query = "SELECT paragraph FROM fingerprints WHERE hash = ? LIMIT ?"
        for h in () if self._fresh else prints:
            rows = self.conn.execute(query, (h, POSTING_CAP + 1)).fetchall()
            if len(rows) <= POSTING_CAP:
                shared.update(r[0] for r in rows)
        least = 2 if len(prints) >= PHRASE_MIN_PRINTS else 1
        ranked = sorted(
            (kv for kv in shared.items() if kv[1] >= least), key=lambda kv: (-kv[1], kv[0])
        )
        return [pid for pid, _ in ranked[:limit]]

    @_guarded
    def word_candidates(self, stems: Sequence[str], limit: int) -> list[int]:
        """Paragraphs holding at least two of the clause's rarest words, ranked by BM25.
        (Ranking every paragraph holding any one of them costs ten times more.)"""
        if limit <= 0 or self._fresh:
            return []
        n, df = self.frequencies(stems)
        cap = min(WORD_DF_CAP, max(20, int(n * WORD_DF_SHARE)))
        rare = sorted((d, t) for t, d in df.items() if 0 < d <= cap)[:WORD_QUERY_TERMS]
        if len(rare) < 2:
            return []
        match = " OR ".join(
            f'("{a}" AND "{b}")' for (_, a), (_, b) in itertools.combinations(rare, 2)
        )
        rows = self.conn.execute(
            "SELECT rowid FROM paragraph_stems WHERE paragraph_stems MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [r[0] for r in rows]

    @_guarded
    def paragraphs(self, ids: Iterable[int], scope: Scope) -> dict[int, StoredParagraph]:
        wanted = [] if self._fresh else sorted(set(ids))
        out: dict[int, StoredParagraph] = {}
        for k in range(0, len(wanted), CHUNK):
            chunk = wanted[k : k + CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT {_PARAGRAPH_COLUMNS} FROM paragraphs p "
                f"JOIN documents d ON d.id = p.document WHERE p.id IN ({marks}) AND {_IN_SCOPE}",
                (*chunk, scope.exclude, scope.until, scope.until),
            )
            for row in rows:
                para = self._paragraph(row)
                out[para.id] = para
        return out

    @_guarded
    def frequencies(self, words: Iterable[str]) -> tuple[int, dict[str, int]]:
        wanted = [] if self._fresh else sorted(set(words))
        df: dict[str, int] = {}
        for k in range(0, len(wanted), CHUNK):
            chunk = wanted[k : k + CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", chunk)
            df.update(rows)
        return self.size()[1], df

    def _paragraph(self, row: Sequence[Any]) -> StoredParagraph:
        pid, doc_id, clause, kind, opener, text = row[:6]
        doc = self._docs.get(doc_id)
        if doc is None:
            doc = self._docs[doc_id] = StoredDocument(*row[6:])
        return StoredParagraph(pid, doc, clause, cast(ClauseKind, kind), opener, text)


_PARAGRAPH_COLUMNS = f"p.id, p.document, p.clause, p.kind, p.opener, p.text, {_DOC_COLUMNS}"
