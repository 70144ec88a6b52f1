"""``corpus add``: read files and folders with resdiff's loader and index them, streamed.

One document at a time is read, parsed and written, so memory does not grow with the
corpus; all of them go in one transaction, so an interrupted add changes nothing. A file
named on the command line must be readable (else nothing is added); a file found in a
folder that cannot be read is skipped, reported through ``warn``, and the rest indexed.
In folders, only files named like drafts are read (``DRAFT_SUFFIXES``): a folder of
resolutions often holds metadata, spreadsheets and images too.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resdiff.corpus.entries import document_entry
from resdiff.corpus.store import CorpusStore
from resdiff.errors import InputError

if TYPE_CHECKING:
    from resdiff.pipeline import LoadOptions

#: In folders, files with these endings (or none) are read; others (.json, .csv, .png...)
#: are left alone and counted. A file named on the command line is read whatever its name.
DRAFT_SUFFIXES = frozenset(
    {"", ".txt", ".text", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm", ".xhtml"}
)


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one ``corpus add`` did. ``skipped`` pairs a path with its problem; ``other``
    lists the files in folders left alone because their names are not drafts'."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: tuple[tuple[str, str], ...] = ()
    other: tuple[str, ...] = ()

    @property
    def indexed(self) -> int:
        return self.added + self.updated + self.unchanged + self.replaced


def files_under(paths: Iterable[str], other: list[str] | None = None) -> Iterator[tuple[str, bool]]:
    """Each file to index and whether it was named (not found in a folder). Folders are
    walked in name order; hidden files and folders (".git", ".DS_Store") are left out,
    and files not named like drafts are added to ``other``."""
    for path in paths:
        if not os.path.isdir(path):
            yield path, True
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                if os.path.splitext(name)[1].lower() in DRAFT_SUFFIXES:
                    yield os.path.join(root, name), False
                elif other is not None:
                    other.append(os.path.join(root, name))


def add_paths(
    store: CorpusStore,
    paths: Sequence[str],
    *,
    warn: Callable[[str, str], None] = lambda path, problem: None,
    progress: Callable[[int], None] = lambda done: None,
    reading: LoadOptions | None = None,
) -> AddReport:
    """Index every file of ``paths`` (files or folders) in one transaction, read as
    ``reading`` says (tracked changes in Word files)."""
    from resdiff.pipeline import load

    counts: Counter[str] = Counter()
    skipped: list[tuple[str, str]] = []
    other: list[str] = []
    seen = 0
    with store.transaction():
        for path, named in files_under(paths, other):
            seen += 1
            try:
                document = load(path, options=reading)
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
            problem = (
                "no readable files"
                if skipped
                else "no draft files (only other types)"
                if other
                else "no files found"
            )
            raise InputError(f"{problem} in {where}; nothing added")
    return AddReport(
        added=counts["added"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        replaced=counts["replaced"],
        skipped=tuple(skipped),
        other=tuple(other),
    )
