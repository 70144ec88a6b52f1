"""``corpus add``: read files and folders with resdiff's loader and index them, streamed.

One document at a time is read, parsed and written, so memory does not grow with the
corpus; all of them go in one transaction, so an interrupted add changes nothing. A file
named on the command line must be readable (else nothing is added); a file found in a
folder that cannot be read is skipped, reported through ``warn``, and the rest indexed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from resdiff.corpus.entries import document_entry
from resdiff.corpus.store import CorpusStore
from resdiff.errors import InputError


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one ``corpus add`` did; ``skipped`` pairs a path with its problem."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: tuple[tuple[str, str], ...] = ()

    @property
    def indexed(self) -> int:
        return self.added + self.updated + self.unchanged + self.replaced


def files_under(paths: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each file to index and whether it was named (not found in a folder). Folders are
    walked in name order; hidden files and folders (".git", ".DS_Store") are left out."""
    for path in paths:
        if not os.path.isdir(path):
            yield path, True
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.join(root, name), False


def add_paths(
    store: CorpusStore,
    paths: Sequence[str],
    *,
    warn: Callable[[str, str], None] = lambda path, problem: None,
    progress: Callable[[int], None] = lambda done: None,
    docx_changes: str = "accept",
) -> AddReport:
    """Index every file of ``paths`` (files or folders) in one transaction."""
    from resdiff.pipeline import load

    counts: Counter[str] = Counter()
    skipped: list[tuple[str, str]] = []
    seen = 0
    with store.transaction():
        for path, named in files_under(paths):
            seen += 1
            try:
                document = load(path, docx_changes=docx_changes)
                if not any(True for _ in document.walk()):
                    raise InputError("no paragraphs found", path)
            except InputError as exc:
                if named:
                    raise
                skipped.append((path, exc.problem))
                warn(path, exc.problem)
                continue
            counts[store.put(document_entry(document, os.path.abspath(path)))] += 1
            progress(seen)
        if not counts:
            where = ", ".join(paths)
            problem = "no readable files" if skipped else "no files found"
            raise InputError(f"{problem} in {where}; nothing added")
    return AddReport(
        added=counts["added"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        replaced=counts["replaced"],
        skipped=tuple(skipped),
    )
