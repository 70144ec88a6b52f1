"""The corpus store's interface: what indexing and precedent search need, and nothing more.

``CorpusStore`` is a Protocol so the embedded SQLite store (``resdiff.corpus.sqlite``) can
be replaced by a shared server without touching indexing or search (docs/architecture.md,
"Sharing a corpus"). The records are plain frozen values; paragraph ids are the store's
own and mean nothing outside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Literal, Protocol

from resdiff.errors import ResdiffError
from resdiff.model import ClauseKind

PutOutcome = Literal["added", "updated", "unchanged", "replaced"]
"""What ``put`` did: a new document; a known one (same content) re-indexed or found
unchanged; or a new version of a file already indexed from the same path, which replaces
it."""


class CorpusError(ResdiffError):
    """The corpus database is missing, damaged, locked or not a resdiff corpus."""


class MissingCorpus(CorpusError):
    """No database at the path (and none was to be created)."""


@dataclass(frozen=True, slots=True)
class ParagraphEntry:
    """One paragraph as indexed: the clause's own text (sub-paragraphs are paragraphs of
    their own) and the keys it is found by (``resdiff.corpus.keys``)."""

    clause: str
    kind: ClauseKind
    opener: str | None
    text: str
    stems: tuple[str, ...]
    exact: int
    fingerprints: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the corpus knows of a document besides its paragraphs, keyed by its content
    (``keys.content_key``): the same fields going in (``DocumentEntry``) and coming out
    (``StoredDocument``)."""

    key: str
    source: str
    format: str
    symbol: str | None
    date: str | None
    author: str | None
    title: str | None

    @property
    def label(self) -> str:
        """The symbol, else the file name."""
        if self.symbol:
            return self.symbol
        return self.source.replace("\\", "/").rsplit("/", 1)[-1] or self.key[:12]


@dataclass(frozen=True, slots=True)
class DocumentEntry(DocumentMeta):
    """One document as indexed, with its paragraphs."""

    paragraphs: tuple[ParagraphEntry, ...]


@dataclass(frozen=True, slots=True)
class StoredDocument(DocumentMeta):
    """A document in the corpus, as ``corpus list`` shows it: how many paragraphs it has
    and when it was added."""

    paragraphs: int
    added: str


@dataclass(frozen=True, slots=True)
class StoredParagraph:
    """A paragraph fetched from the corpus, with its document."""

    id: int
    document: StoredDocument
    clause: str
    kind: ClauseKind
    opener: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Scope:
    """Which paragraphs a search may return: not those of ``exclude`` (a document key,
    the draft itself when it is in the corpus), nor of documents dated after ``until``
    (an ISO date; a later text cannot be a precedent). ``None`` lifts either limit."""

    exclude: str | None = None
    until: str | None = None


class CorpusStore(Protocol):
    """A corpus of paragraphs: written by ``put``/``remove`` inside ``transaction``, read
    by the precedent search through ``identical``, ``phrase_candidates``,
    ``word_candidates``, ``paragraphs`` and ``frequencies``."""

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside happen together or not at all."""
        ...

    def put(self, entry: DocumentEntry) -> PutOutcome:
        """Add a document, or update the one with the same content key."""
        ...

    def remove(self, keys: Iterable[str]) -> int:
        """Remove documents by content key; returns how many were removed."""
        ...

    def documents(self) -> list[StoredDocument]:
        """Every document, oldest first (undated last), then by symbol and source."""
        ...

    def size(self) -> tuple[int, int]:
        """(documents, paragraphs)."""
        ...

    def identical(self, exact: int, scope: Scope, limit: int) -> tuple[int, list[StoredParagraph]]:
        """Paragraphs with this exact key: how many in all, and the ``limit`` oldest."""
        ...

    def phrase_candidates(self, prints: Sequence[int], limit: int) -> list[int]:
        """Ids of paragraphs sharing the most of these fingerprints (phrases), best first;
        fingerprints shared by very many paragraphs (boilerplate) propose nothing."""
        ...

    def word_candidates(self, stems: Sequence[str], limit: int) -> list[int]:
        """Ids of paragraphs sharing the rarest of these stems, best first (full-text
        search): reworded paragraphs that kept their distinctive words."""
        ...

    def paragraphs(self, ids: Iterable[int], scope: Scope) -> dict[int, StoredParagraph]:
        """The paragraphs with these ids that ``scope`` allows."""
        ...

    def frequencies(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        """The number of paragraphs, and for each term how many paragraphs contain it."""
        ...

    def close(self) -> None: ...
