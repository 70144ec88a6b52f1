-- The resdiff corpus (SQLite). See docs/corpus.md and resdiff/corpus/sqlite.py.
-- PRAGMA application_id and user_version mark the file as a resdiff corpus of this layout.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per document, keyed by the SHA-256 of its decoded text.
CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    source     TEXT NOT NULL,
    format     TEXT NOT NULL,
    symbol     TEXT,
    date       TEXT,           -- ISO 8601 (YYYY-MM-DD) when the header gives one
    author     TEXT,
    title      TEXT,
    paragraphs INTEGER NOT NULL,
    added      TEXT NOT NULL   -- when it was (last) indexed, UTC
);
CREATE INDEX documents_source ON documents (source);

-- One row per clause with text (sub-paragraphs are paragraphs of their own).
CREATE TABLE paragraphs (
    id       INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,  -- order in the document
    clause   TEXT NOT NULL,     -- PP3, OP7(a)...
    kind     TEXT NOT NULL,
    opener   TEXT,
    text     TEXT NOT NULL,     -- as written
    exact    INTEGER NOT NULL   -- keys.exact_key: equal for identical language
);
CREATE INDEX paragraphs_exact ON paragraphs (exact);
CREATE INDEX paragraphs_document ON paragraphs (document);

-- keys.fingerprints: sampled three-word phrases, for near-copies.
CREATE TABLE fingerprints (
    hash      INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (hash, paragraph)
) WITHOUT ROWID;

-- How many paragraphs hold each stem: the IDF of the aligner's TF-IDF similarity.
CREATE TABLE terms (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Full-text index of each paragraph's stems (rowid = paragraphs.id), for reworded
-- paragraphs that keep their rare words but few whole phrases. Contentless: the text is
-- in paragraphs; deleting recomputes the stems from it.
CREATE VIRTUAL TABLE paragraph_stems USING fts5 (
    stems, content = '', tokenize = 'unicode61 remove_diacritics 0'
);
