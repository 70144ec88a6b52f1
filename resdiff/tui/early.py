"""The first comparison, started before the app itself: ``resdiff A B`` paints sooner.

Starting the app means importing Textual and building the window (0.4-0.7 s of CPU),
and none of it is needed to compare the drafts named on the command line. So the CLI
starts their comparison in a child process before it imports the app
(``start_early``), and the two run side by side on two cores; the app then only
receives the result, pickled through a pipe (about 0.1 s to pickle and unpickle for a
460-paragraph pair, against 0.5-1 s to compute it). In one process both would share
one interpreter lock, the window's first frames slowing the comparison down.

The child is forked while the CLI has no other thread (so it inherits the modules
already imported); where forking is not the platform's way, it is spawned. On a single
core nothing runs side by side, so nothing is started early there. The child never
writes to the terminal: what happens in it, results and errors alike, is sent back.
Nothing here imports Textual.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from resdiff.errors import ResdiffError
from resdiff.model import CompareOptions, Comparison, Document

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from resdiff.pipeline import LoadOptions

#: What the child sends: the drafts read (``particulars``, for the drafts line), then the
#: comparison, or the problem that stopped it.
Loaded = tuple[Literal["loaded"], list[Document]]
Done = tuple[Literal["done"], Comparison]
Failed = tuple[Literal["failed"], str]

#: How the child compares: the options, the series asked for, the corpus database.
_Job = tuple[CompareOptions, bool | None, str | None]


def load_drafts(files: Sequence[str], load: LoadOptions | None) -> list[Document]:
    """The drafts read and parsed, as every face reads them (``pipeline.load_all``)."""
    from resdiff.pipeline import load_all

    return load_all(files, load)


def compare_drafts(
    docs: Sequence[Document], options: CompareOptions, series: bool | None, corpus: str | None
) -> Comparison:
    """The comparison of ``docs`` (the first is the base), a series by the pipeline's rule,
    with the later drafts' precedents when a corpus database was given."""
    from resdiff.pipeline import compare, is_series

    comparison = compare(*docs, options=replace(options, series=is_series(len(docs), series)))
    if corpus is None:
        return comparison
    from resdiff.corpus.commands import look_up_precedents

    return look_up_precedents(comparison, corpus)


def particulars(docs: Sequence[Document]) -> list[Document]:
    """The drafts without their text: what the drafts line needs (symbol, sponsors,
    date...), a few hundred bytes to send where the drafts are megabytes."""
    return [replace(doc, text="", clauses=(), footnotes=()) for doc in docs]


class EarlyComparison:
    """A comparison of ``files`` running in a child process; ``receive`` gives its
    messages in order, ``stop`` ends it (the reader quit or opened other drafts)."""

    def __init__(self, files: Sequence[str], process: BaseProcess, conn: Connection) -> None:
        self.files = tuple(files)
        self._process = process
        self._conn = conn

    def receive(self) -> Loaded | Done | Failed:
        """The child's next message (blocks: call it from a thread). A child that died
        without a word is a failure said as one."""
        try:
            self._conn.poll(None)  # waiting, then reading at once
            with _collector_paused():
                message: Loaded | Done | Failed = self._conn.recv()
        except (EOFError, OSError):
            message = ("failed", "internal error: the comparison stopped without a result")
        return message

    def stop(self) -> None:
        """End the child if it still runs (after its last message it is ending anyway);
        never blocks: an ended child is reaped here or when the app ends."""
        if self._process.is_alive():
            self._process.terminate()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling a comparison creates a hundred thousand objects, and the cyclic
    garbage collector would go through the growing heap again and again meanwhile (half
    the time of unpickling the 1,840-paragraph pair); none of them is garbage yet."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _child(conn: Connection, files: list[str], load: LoadOptions | None, job: _Job) -> None:
    """In the child: read, describe, compare; every outcome is sent, nothing printed."""
    options, series, corpus = job
    try:
        docs = load_drafts(files, load)
        conn.send(("loaded", particulars(docs)))
        conn.send(("done", compare_drafts(docs, options, series, corpus)))
    except ResdiffError as exc:
        conn.send(("failed", str(exc)))
    except Exception as exc:  # a bug in a stage: said by the app, as in its own worker
        conn.send(("failed", f"internal error while comparing: {exc!r}"))
    finally:
        conn.close()


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def start_early(
    files: Sequence[str],
    options: CompareOptions,
    load: LoadOptions | None = None,
    series: bool | None = None,
    corpus: str | None = None,
) -> EarlyComparison | None:
    """Start comparing ``files`` in a child process, or ``None`` where it would not help
    (fewer than two drafts, standard input among them, a single core) or cannot start
    (no process to be had: the app then compares in its own thread, as for any later
    comparison). Call it before anything starts a thread (forking copies only the
    calling thread)."""
    if len(files) < 2 or "-" in files or _cores() < 2:
        return None
    import multiprocessing

    if sys.platform == "linux":
        context: multiprocessing.context.DefaultContext | multiprocessing.context.ForkContext
        context = multiprocessing.get_context("fork")
    else:  # the platform's own way (spawn on macOS and Windows)
        context = multiprocessing.get_context()
    receiving, sending = context.Pipe(duplex=False)
    job: _Job = (options, series, corpus)
    process = context.Process(
        target=_child, args=(sending, list(files), load, job), name="resdiff-compare", daemon=True
    )
    try:
        process.start()
    except OSError:  # out of processes or memory: nothing is lost, only the head start
        receiving.close()
        return None
    finally:
        sending.close()  # the child's end: ours closed, so a dead child reads as EOF
    return EarlyComparison(files, process, receiving)
