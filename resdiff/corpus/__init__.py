"""The corpus of earlier texts, and the precedent search built on it.

``open_corpus(path)`` opens the store (embedded SQLite; ``store.CorpusStore`` is the
interface), ``indexing.add_paths`` fills it, ``find_precedents(draft, store)`` returns a
``Precedents`` value that every format renders (``resdiff.render.precedents``).
See docs/corpus.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resdiff.corpus.location import database_path
    from resdiff.corpus.precedents import find_precedents
    from resdiff.corpus.sqlite import open_sqlite as open_corpus

__all__ = ["database_path", "find_precedents", "open_corpus"]

_LAZY = {
    "database_path": ("resdiff.corpus.location", "database_path"),
    "find_precedents": ("resdiff.corpus.precedents", "find_precedents"),
    "open_corpus": ("resdiff.corpus.sqlite", "open_sqlite"),
}


def __getattr__(name: str) -> Any:
    """Import on first use: ``resdiff corpus list`` need not load the pipeline."""
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module 'resdiff.corpus' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(found[0]), found[1])
