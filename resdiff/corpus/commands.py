"""The ``corpus`` and ``precedents`` commands: arguments, and what they print.

``resdiff.cli`` adds these parsers and dispatches here. The commands never import
Textual. Diagnostics go to stderr (a skipped file is one line naming it); stdout carries
the listing or the report.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from resdiff.errors import ResdiffError
from resdiff.exit_codes import ExitCode

if TYPE_CHECKING:
    from resdiff.corpus.sqlite import SqliteCorpus
    from resdiff.corpus.store import StoredDocument
    from resdiff.model import Comparison
    from resdiff.pipeline import LoadOptions

#: The bundled draft ``precedents --demo`` looks up, in the bundled corpus (seeds/corpus).
DEMO_DRAFT = "s-2024-9002-demands.txt"
DEMO_CORPUS = "corpus"
PRECEDENT_FORMATS = ("txt", "md", "html", "json")


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="FILE",
        help="corpus database (default: $RESDIFF_CORPUS, else "
        "$XDG_DATA_HOME/resdiff/corpus.sqlite, i.e. ~/.local/share/resdiff/corpus.sqlite)",
    )


def add_parsers(
    sub: argparse._SubParsersAction[Any],
    input_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``corpus`` (add, list, remove) and ``precedents`` to the main parser;
    ``input_options`` adds the options every command reading drafts takes."""
    p_corpus = sub.add_parser("corpus", help="manage the corpus of earlier texts (agreed language)")
    corpus_sub = p_corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    p_add = corpus_sub.add_parser("add", help="index files or folders (again: update them)")
    p_add.add_argument("paths", nargs="+", metavar="PATH")
    input_options(p_add)
    _db_option(p_add)
    p_list = corpus_sub.add_parser("list", help="list the documents in the corpus")
    p_list.add_argument("--format", choices=("txt", "json"), default="txt")
    _db_option(p_list)
    p_remove = corpus_sub.add_parser(
        "remove", help="remove documents (by file path, symbol or key from 'corpus list')"
    )
    p_remove.add_argument("items", nargs="+", metavar="ITEM")
    _db_option(p_remove)

    p_prec = sub.add_parser(
        "precedents", help="where each clause of a draft comes from (agreed language)"
    )
    p_prec.add_argument("draft", nargs="?", metavar="DRAFT")
    input_options(p_prec)
    _db_option(p_prec)
    p_prec.add_argument(
        "--demo",
        action="store_true",
        help="search the bundled sample corpus (seeds/corpus) instead of a database; "
        f"DRAFT defaults to the bundled {DEMO_DRAFT}",
    )
    p_prec.add_argument(
        "--top", type=int, default=3, metavar="N", help="precedents shown per clause (3)"
    )
    p_prec.add_argument(
        "--format",
        choices=PRECEDENT_FORMATS,
        help="report format (default: from -o's extension, else txt)",
    )
    p_prec.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    p_prec.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the text report (auto: only on a terminal)",
    )


def add_corpus_options(p: argparse.ArgumentParser) -> None:
    """``--corpus`` and ``--db`` for the commands that compare drafts (report, the app)."""
    p.add_argument(
        "--corpus",
        action="store_true",
        help="also say where each clause of the later drafts comes from (agreed language), "
        "searching the corpus database (see --db and 'resdiff corpus')",
    )
    _db_option(p)


def corpus_path(args: argparse.Namespace) -> str | None:
    """The database to search for agreed language, or ``None`` when not asked
    (``--db FILE`` alone asks, as ``--corpus`` does)."""
    if not (getattr(args, "corpus", False) or getattr(args, "db", None)):
        return None
    return _db_path(args)


def look_up_precedents(comparison: Comparison, db: str) -> Comparison:
    """``comparison`` with the precedents of its later drafts, from the database ``db``
    (a missing or damaged one is a one-line error naming it)."""
    from resdiff.corpus.agreed import with_precedents
    from resdiff.corpus.store import MissingCorpus

    try:
        with _opened(db) as store:
            return with_precedents(comparison, store)
    except MissingCorpus as exc:
        hint = "; or name one with --db FILE"
        raise MissingCorpus(exc.problem + hint, exc.path) from None


@contextmanager
def _opened(db: str | None, *, create: bool = False) -> Iterator[SqliteCorpus]:
    from resdiff.corpus.location import database_path
    from resdiff.corpus.sqlite import open_sqlite

    store = open_sqlite(database_path(db), create=create)
    try:
        yield store
    finally:
        store.close()


def _say(line: str) -> None:
    from resdiff.present.sanitize import clean_terminal

    sys.stderr.write(f"resdiff: {' '.join(clean_terminal(line).split())}\n")


def cmd_corpus(args: argparse.Namespace, reading: LoadOptions) -> int:
    """``reading`` says how the files added are read (tracked changes in Word files)."""
    if args.corpus_command == "add":
        return _add(args, reading)
    if args.corpus_command == "list":
        return _list(args)
    return _remove(args)


def _add(args: argparse.Namespace, reading: LoadOptions) -> int:
    from resdiff.corpus.indexing import add_paths

    show_progress = sys.stderr.isatty()

    def progress(done: int) -> None:
        if show_progress and done % 50 == 0:
            sys.stderr.write(f"\rindexing... {done} files")
            sys.stderr.flush()

    with _opened(args.db, create=True) as store:
        try:
            report = add_paths(
                store,
                args.paths,
                warn=lambda path, problem: _say(f"{path}: {problem} (skipped)"),
                progress=progress,
                reading=reading,
            )
        finally:
            if show_progress:
                sys.stderr.write("\r\033[K")
        documents, paragraphs = store.size()
        where = store.path
    if report.other:
        kinds = sorted({os.path.splitext(p)[1].lower() for p in report.other})
        _say(
            f"{len(report.other)} other files in the folders were not read "
            f"({', '.join(kinds)}: not draft formats; name one to read it anyway)"
        )
    parts = [f"{report.added} added"]
    parts += [
        f"{n} {what}"
        for n, what in (
            (report.updated, "updated"),
            (report.replaced, "replaced (file changed)"),
            (report.unchanged, "unchanged"),
            (len(report.skipped), "skipped"),
        )
        if n
    ]
    sys.stdout.write(f"{', '.join(parts)}. {_holds(documents, paragraphs)}: {where}\n")
    return ExitCode.SAME


def _holds(documents: int, paragraphs: int) -> str:
    from resdiff.render.corpus import holdings

    return f"The corpus holds {holdings(documents, paragraphs)}"


def _list(args: argparse.Namespace) -> int:
    from resdiff.render.corpus import render_corpus
    from resdiff.write import write_stdout

    with _opened(args.db) as store:
        docs = store.documents()
        where = store.path
    write_stdout(render_corpus(docs, where, args.format))
    return ExitCode.SAME


def _matching(docs: Sequence[StoredDocument], item: str) -> list[StoredDocument]:
    """Documents an ITEM names: a key (or its first 6+ characters), a symbol (case
    ignored) or the file it was read from."""
    low = item.lower()
    path = os.path.abspath(item)
    found = [d for d in docs if len(low) >= 6 and d.key.startswith(low)]
    found += [d for d in docs if d.symbol and d.symbol.lower() == low and d not in found]
    found += [d for d in docs if d.source == path and d not in found]
    return found


def _remove(args: argparse.Namespace) -> int:
    with _opened(args.db) as store:
        docs = store.documents()
        chosen: dict[str, StoredDocument] = {}
        for item in args.items:
            found = _matching(docs, item)
            if not found:
                raise ResdiffError(
                    f"no document in the corpus matches {item!r} (see 'resdiff corpus list'); "
                    "nothing removed",
                    store.path,
                )
            chosen.update((d.key, d) for d in found)
        with store.transaction():
            store.remove(list(chosen))
        documents, paragraphs = store.size()
    for d in chosen.values():
        _say(f"removed {d.label} ({d.key[:12]})")
    sys.stdout.write(f"{len(chosen)} removed. {_holds(documents, paragraphs)}.\n")
    return ExitCode.SAME


def cmd_precedents(args: argparse.Namespace, fmt: str, reading: LoadOptions) -> int:
    """``fmt`` is the format asked for, or told by -o's extension (``resdiff.cli``);
    ``reading`` says how the draft is read."""
    from resdiff.corpus.params import PrecedentParams
    from resdiff.corpus.precedents import find_precedents
    from resdiff.corpus.store import MissingCorpus
    from resdiff.pipeline import load
    from resdiff.render.precedents import render_precedents
    from resdiff.write import check_not_input, write_atomic, write_stdout

    if args.top < 1:
        raise ResdiffError(f"--top must be 1 or more, not {args.top}")
    if fmt not in PRECEDENT_FORMATS:
        raise ResdiffError(f"precedents are written as txt, md, html or json, not {fmt}")
    draft_path = args.draft or (_demo_draft() if args.demo else None)
    if draft_path is None:
        raise ResdiffError("precedents needs a draft (or --demo for the bundled sample)")
    if args.output:
        check_not_input(args.output, [draft_path, *([] if args.demo else [_db_path(args)])])
    draft = load(draft_path, options=reading)
    params = PrecedentParams(top=args.top)
    try:
        opened = _demo_corpus() if args.demo else _opened(args.db)
        with opened as store:
            result = find_precedents(draft, store, params)
    except MissingCorpus as exc:
        hint = "; or try the bundled sample: 'resdiff precedents --demo'"
        raise MissingCorpus(exc.problem + hint, exc.path) from None
    on_terminal = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (
        args.color == "auto" and on_terminal and not os.environ.get("NO_COLOR")
    )
    width = shutil.get_terminal_size().columns if on_terminal else None
    data = render_precedents(result, fmt, color=color, width=width)
    if args.output:
        write_atomic(args.output, data)
    else:
        write_stdout(data)
    return ExitCode.SAME


def _db_path(args: argparse.Namespace) -> str:
    from resdiff.corpus.location import database_path

    return database_path(args.db)


def _demo_draft() -> str:
    from resdiff.seeds import seed_path

    return str(seed_path(DEMO_DRAFT))


@contextmanager
def _demo_corpus() -> Iterator[SqliteCorpus]:
    """The bundled sample corpus, indexed into a database in memory (a few ms)."""
    from resdiff.corpus.indexing import add_paths
    from resdiff.corpus.sqlite import open_sqlite
    from resdiff.seeds import seed_path

    store = open_sqlite(":memory:", create=True)
    try:
        add_paths(store, [str(seed_path(DEMO_CORPUS))])
        yield store
    finally:
        store.close()
