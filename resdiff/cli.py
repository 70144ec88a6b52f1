"""Command line: ``resdiff A B [C ...]`` opens the TUI; subcommands are headless.

Headless commands (``parse``, ``report``, ``matrix``, ``corpus``, ``precedents``) never
import Textual: the TUI is imported only inside ``_run_tui``. stdout carries only the
report; diagnostics go to stderr as one line, ``resdiff: <file>: <problem>``, with exit
code 2.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NoReturn

from resdiff.errors import ResdiffError
from resdiff.exit_codes import ExitCode
from resdiff.present.sanitize import clean_terminal

if TYPE_CHECKING:
    from resdiff.model import CompareOptions
    from resdiff.pipeline import LoadOptions
    from resdiff.render import ReportOptions

SUBCOMMANDS = (
    "parse",
    "report",
    "matrix",
    "amendments",
    "apply",
    "demo",
    "open",
    "corpus",
    "precedents",
    "serve",
)
EXTENSIONS = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
    ".docx": "docx",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line with exit code 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"resdiff: {_one_line(message)} (see 'resdiff --help')\n")
        raise SystemExit(ExitCode.TROUBLE)


def _add_compare_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("comparison")
    g.add_argument(
        "--lens",
        action="append",
        default=[],
        metavar="FILE",
        help="extra lens (TOML) adding or overriding topics; repeatable",
    )
    g.add_argument(
        "--series",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the drafts are an ordered series (first draft first): add each clause's "
        "history (default: with three or more drafts)",
    )
    g.add_argument("--ignore-case", action="store_true", help="case differences are minor")
    g.add_argument(
        "--strict-whitespace",
        action="store_true",
        help="count whitespace and line-wrapping differences as changes",
    )
    g.add_argument(
        "--strict-quotes", action="store_true", help="count curly vs straight quotes as changes"
    )
    g.add_argument(
        "--ignore-punctuation", action="store_true", help="punctuation-only differences are minor"
    )


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--docx-changes",
        choices=("accept", "reject"),
        help="tracked changes inside .docx inputs: read them all accepted (default) or all "
        "rejected",
    )


def _count(value: str) -> int:
    """A non-negative integer option value."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {n}")
    return n


#: The narrowest text report ``--width`` accepts.
MIN_WIDTH = 40


def _width(value: str) -> int:
    """A text width option value: a number of columns, at least ``MIN_WIDTH``."""
    n = _count(value)
    if n < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"must be at least {MIN_WIDTH}: {n}")
    return n


def _add_terminal_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--width",
        type=_width,
        metavar="N",
        help="text report width in columns (default: $COLUMNS, else the terminal's, else 100)",
    )
    p.add_argument(
        "--no-pager",
        action="store_true",
        help="on a terminal, print a long report directly instead of through $PAGER (less)",
    )


def _add_report_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``resdiff report``: which drafts, which format and file, what to show."""
    from resdiff.render import REPORT_FORMATS

    p_report = sub.add_parser("report", help="write a comparison report")
    p_report.add_argument("files", nargs="+", metavar="FILE")
    _add_input_options(p_report)
    p_report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        help="report format (default: from -o's extension, else txt)",
    )
    p_report.add_argument(
        "-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout"
    )
    p_report.add_argument(
        "--context",
        type=_count,
        default=1,
        metavar="N",
        help="unchanged clauses shown around each change (default 1; md, html, txt)",
    )
    p_report.add_argument("--all", action="store_true", help="show every clause")
    p_report.add_argument(
        "--only",
        choices=("changed", "signals"),
        help="show only changed clauses, or only those with signal changes (md, html, txt)",
    )
    p_report.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="ID",
        help="focus on clauses mentioning this topic; repeatable (md, html, txt)",
    )
    p_report.add_argument(
        "--amendments",
        action="store_true",
        help="add the amendments turning A into each other draft, in UN form (md, html, txt, json)",
    )
    p_report.add_argument(
        "--fail-on",
        metavar="KIND[,KIND]",
        help=(
            "exit 1 only when a change of these kinds is found: weaker, linkage, removed, "
            "or a change kind such as sponsor-removed"
        ),
    )
    from resdiff.corpus.commands import add_corpus_options

    add_corpus_options(p_report)
    p_report.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in text reports (auto: only on a terminal, not with NO_COLOR or TERM=dumb)",
    )
    _add_terminal_options(p_report)
    _add_compare_options(p_report)


def _numbers(value: str) -> list[int]:
    """Instruction numbers: "2,5" or "2-4,7"."""
    out: list[int] = []
    for part in value.split(","):
        first, _, last = part.strip().partition("-")
        try:
            lo, hi = int(first), int(last or first)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not instruction numbers: {value!r}") from None
        if lo < 1 or hi < lo:
            raise argparse.ArgumentTypeError(f"not instruction numbers: {value!r}")
        out += range(lo, hi + 1)
    return out


def _add_amendment_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "amendments",
        help="write the UN-style amendments that turn draft A into draft B",
        description="Write the amendments (in UN drafting form) that turn draft A into "
        "draft B. With no files: the bundled sample pair. See docs/amendments.md.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="A B (default: the sample pair)")
    _add_input_options(p)
    p.add_argument(
        "--format", choices=("txt", "md", "json", "docx"), help="default: from -o, else txt"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout"
    )
    _add_compare_options(p)
    p = sub.add_parser(
        "apply",
        help="apply an amendment document to a draft",
        description="Apply an amendment document to the draft as tabled and print the "
        "amended draft, renumbered. With no files: the bundled example. Any instruction "
        "that cannot apply exactly stops the command (exit 2, nothing written).",
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help="DRAFT AMENDMENTS (default: the example)"
    )
    p.add_argument(
        "--only", type=_numbers, metavar="N,M", help="apply only these instructions (e.g. 1,3-5)"
    )
    p.add_argument("--format", choices=("txt", "md", "docx"), help="default: from -o, else txt")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout"
    )
    _add_input_options(p)


def _add_app_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-config",
        action="store_true",
        help="ignore the app's preferences file (theme, layout): neither read nor written",
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``command`` given) one with only that command's parser:
    argparse spends more time adding arguments than reading them, so a run builds only
    the command it runs."""

    def wanted(*names: str) -> bool:
        return command is None or command in names

    parser = _Parser(
        prog="resdiff",
        description=(
            "Compare draft UN resolutions clause by clause. 'resdiff A B [C ...]' opens "
            "the interactive app; the subcommands below are headless."
        ),
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.set_defaults(docx_changes=None)  # commands that read no Word files use the default
    from resdiff import __version__

    parser.add_argument("--version", action="version", version=f"resdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    if wanted("open"):
        from resdiff.corpus.commands import add_corpus_options

        p_open = sub.add_parser("open", help="open drafts in the interactive app (the default)")
        p_open.add_argument("files", nargs="*", metavar="FILE")
        _add_input_options(p_open)
        _add_compare_options(p_open)
        _add_app_options(p_open)
        add_corpus_options(p_open)

    if wanted("demo"):
        p_demo = sub.add_parser("demo", help="compare the bundled sample drafts")
        p_demo.add_argument(
            "--report", action="store_true", help="print a text report instead of opening the app"
        )
        _add_terminal_options(p_demo)
        _add_compare_options(p_demo)
        _add_app_options(p_demo)

    if wanted("parse"):
        p_parse = sub.add_parser("parse", help="print what the parser saw in a draft")
        p_parse.add_argument("files", nargs="+", metavar="FILE")
        p_parse.add_argument("--format", choices=("text", "json"), default="text")
        _add_input_options(p_parse)

    if wanted("report"):
        _add_report_parser(sub)
    if wanted("amendments", "apply"):
        _add_amendment_commands(sub)
    if wanted("matrix"):
        p_matrix = sub.add_parser("matrix", help="positions matrix: topics x drafts")
        p_matrix.add_argument("files", nargs="+", metavar="FILE")
        p_matrix.add_argument("--format", choices=("txt", "md", "json"), default="txt")
        p_matrix.add_argument("--lens", action="append", default=[], metavar="FILE")
        _add_input_options(p_matrix)
    if wanted("corpus", "precedents"):
        from resdiff.corpus.commands import add_parsers as add_corpus_commands

        add_corpus_commands(sub, _add_input_options)
    if wanted("serve"):
        p_serve = sub.add_parser(
            "serve",
            help="keep resdiff loaded, so that scripts' commands start warm",
            description=(
                "Keep resdiff loaded in the foreground; while it runs, resdiff commands "
                "whose output is not a terminal are run by it, with the same output, "
                "about 0.15 s sooner each (docs/warm.md)."
            ),
        )
        what = p_serve.add_mutually_exclusive_group()
        what.add_argument("--stop", action="store_true", help="stop the running server")
        what.add_argument(
            "--status", action="store_true", help="say whether a server runs (exit 1 if not)"
        )
        p_serve.add_argument(
            "--idle",
            type=_minutes,
            default=60.0,
            metavar="MINUTES",
            help="stop after this long without a command (default 60; 0: never)",
        )
    return parser


def _minutes(value: str) -> float:
    try:
        minutes = float(value)
    except ValueError:
        minutes = -1.0
    if not 0 <= minutes < 1e6:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {value!r}")
    return minutes


def _compare_options(args: argparse.Namespace, count: int) -> CompareOptions:
    """What the comparison ignores and reads, for ``count`` drafts (the series rule is the
    pipeline's)."""
    from resdiff.model import CompareOptions
    from resdiff.pipeline import is_series

    return CompareOptions(
        ignore_case=args.ignore_case,
        ignore_whitespace=not args.strict_whitespace,
        ignore_quotes=not args.strict_quotes,
        ignore_punctuation=args.ignore_punctuation,
        lens_paths=tuple(args.lens),
        series=is_series(count, args.series),
    )


def _load_options(args: argparse.Namespace) -> LoadOptions:
    from resdiff.pipeline import LoadOptions

    return LoadOptions(docx_changes=args.docx_changes) if args.docx_changes else LoadOptions()


def cmd_parse(args: argparse.Namespace) -> int:
    from resdiff.pipeline import load_all
    from resdiff.write import write_stdout

    docs = load_all(args.files, _load_options(args))
    if args.format == "json":
        from resdiff.render import json as render_json

        write_stdout(render_json.render_documents(docs))
    else:
        from resdiff.render import outline

        write_stdout("\n".join(outline.render_outline(d) for d in docs))
    return ExitCode.SAME


def _report_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one ``output``'s extension names, else txt."""
    if fmt:
        return fmt
    if output:
        ext = os.path.splitext(output)[1].lower()
        if ext in EXTENSIONS:
            return EXTENSIONS[ext]
        raise ResdiffError(
            f"cannot tell the format from extension {ext or '(none)'!r}; use --format", output
        )
    return "txt"


def _output(value: str | None) -> str | None:
    """The ``-o`` file, None for standard output ("-", as for inputs, or no ``-o``). An
    empty name - an unset variable in ``-o "$OUT"`` - is an error, not "no -o"."""
    if value == "":
        raise ResdiffError("-o was given an empty file name")
    return None if value == "-" else value


@dataclass(frozen=True, slots=True)
class _Report:
    """A report to make: what to read, how to compare, what to show, where to write."""

    files: Sequence[str]
    load: LoadOptions
    compare: CompareOptions
    fmt: str
    view: ReportOptions
    output: str | None = None
    #: Change kinds and groups that make the exit code 1 (``--fail-on``), checked.
    fail_on: tuple[str, ...] | None = None
    #: The corpus database to search for agreed language (``--corpus``/``--db``).
    corpus: str | None = None
    #: Through the pager when it is longer than the terminal (standard output only).
    page: bool = False
    #: What the reports call the drafts instead of their paths (the bundled samples).
    names: Sequence[str] | None = None


def _colour(asked: str, to_terminal: bool) -> bool:
    """``always``, ``never``, or on a terminal that shows colour and was not told not to
    (``NO_COLOR``, ``TERM=dumb``)."""
    if asked != "auto":
        return asked == "always"
    return to_terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _columns(asked: int | None, to_terminal: bool) -> int | None:
    """``--width``, else ``$COLUMNS`` (a whole number, at least ``MIN_WIDTH``), else the
    terminal's width, else None (the report's default, so files and pipes are
    reproducible)."""
    if asked:
        return asked
    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) >= MIN_WIDTH:
        return int(value)
    return shutil.get_terminal_size().columns if to_terminal else None


def _corpus(args: argparse.Namespace) -> str | None:
    """The corpus asked for (``--corpus``/``--db``), if any; the corpus package is
    imported only by the commands that take it (start-up)."""
    from resdiff.corpus.commands import corpus_path

    return corpus_path(args)


def _view(args: argparse.Namespace, to_terminal: bool) -> ReportOptions:
    """The report options asked for; colour and width follow the terminal, if any."""
    from resdiff.render import ReportOptions

    return ReportOptions(
        context=args.context,
        show_all=args.all,
        only=args.only,
        topics=tuple(args.topic),
        color=_colour(args.color, to_terminal),
        width=_columns(args.width, to_terminal),
        amendments=args.amendments,
    )


def cmd_report(args: argparse.Namespace) -> int:
    if len(args.files) < 2:
        raise ResdiffError("report needs at least two drafts")
    args.output = _output(args.output)
    to_terminal = args.output is None and sys.stdout.isatty()
    report = _Report(
        files=args.files,
        load=_load_options(args),
        compare=_compare_options(args, len(args.files)),
        fmt=_report_format(args.format, args.output),
        view=_view(args, to_terminal),
        output=args.output,
        fail_on=_fail_on(args.fail_on),
        corpus=_corpus(args),
        page=to_terminal and not args.no_pager,
    )
    return _make_report(report)


def _fail_on(value: str | None) -> tuple[str, ...] | None:
    from resdiff.render import fail_on_kinds

    return None if value is None else fail_on_kinds(value)


def _make_report(report: _Report) -> int:
    """Check, load, compare, render completely, then write: a failure leaves nothing."""
    from resdiff.pipeline import compare, load_all
    from resdiff.render import check_format_options, exit_code_for, render_report
    from resdiff.write import check_not_input, write_atomic, write_stdout

    if report.output:
        check_not_input(report.output, [*report.files, *([report.corpus] if report.corpus else [])])
    if report.fmt == "docx" and report.corpus:
        raise ResdiffError(
            "a .docx report does not show agreed language; use md, html, txt or json"
        )
    if report.fmt == "docx" and not report.output:
        raise ResdiffError("a .docx report needs -o FILE")
    if report.fmt == "docx" and len(report.files) > 2:
        raise ResdiffError(
            f"a Word report holds one comparison (B against A) but {len(report.files)} "
            "drafts were given; compare two at a time"
        )
    check_format_options(report.fmt, report.view)
    docs = load_all(report.files, report.load)
    if report.names:
        docs = [replace(d, source=n) for d, n in zip(docs, report.names, strict=True)]
    comparison = compare(*docs, options=report.compare)
    if report.corpus:
        from resdiff.corpus.commands import look_up_precedents

        comparison = look_up_precedents(comparison, report.corpus)
    data = render_report(comparison, report.fmt, report.view)
    if report.output:
        write_atomic(report.output, data)
    elif not (report.page and isinstance(data, str) and _paged(data)):
        write_stdout(data)
    return exit_code_for(comparison, report.fail_on)


def _paged(text: str) -> bool:
    from resdiff.pager import page

    return page(text, os.environ, shutil.get_terminal_size().lines)


def cmd_matrix(args: argparse.Namespace) -> int:
    from resdiff.model import CompareOptions
    from resdiff.pipeline import load_all, positions
    from resdiff.render import render_matrix
    from resdiff.write import write_stdout

    if len(args.files) < 2:
        raise ResdiffError("matrix needs at least two drafts")
    docs = load_all(args.files, _load_options(args))
    comparison = positions(*docs, options=CompareOptions(lens_paths=tuple(args.lens)))
    write_stdout(render_matrix(comparison, args.format))
    return ExitCode.SAME


def cmd_amendments(args: argparse.Namespace) -> int:
    from resdiff.amend.commands import amendments_command

    output = _output(args.output)
    fmt = _report_format(args.format, output)
    count = len(args.files) or 2  # no files: the sample pair
    options = _compare_options(args, count)
    return amendments_command(args.files, fmt, output, options, _load_options(args))


def cmd_apply(args: argparse.Namespace) -> int:
    from resdiff.amend.commands import apply_command

    output = _output(args.output)
    fmt = _report_format(args.format, output)
    if fmt not in ("txt", "md", "docx"):
        raise ResdiffError(f"an amended draft is written as txt, md or docx, not {fmt}", output)
    return apply_command(args.files, fmt, output, args.only, _load_options(args))


def _run_tui(files: Sequence[str], args: argparse.Namespace) -> int:
    from resdiff.ingest.reader import check_readable

    for path in files:  # a mistyped path is one line, as for diff, not an app
        if path != "-":
            check_readable(path)
    options, load, corpus = _compare_options(args, len(files)), _load_options(args), _corpus(args)
    from resdiff.tui.early import start_early  # the comparison runs while Textual loads

    early = start_early(files, options, load, args.series, corpus)
    from resdiff.tui.app import make_app, run_app

    app = make_app(
        list(files),
        options=options,
        load=load,
        series=args.series,
        config=not args.no_config,
        corpus=corpus,
        early=early,
    )
    return run_app(app)


def _text_report(
    args: argparse.Namespace, files: Sequence[str], names: Sequence[str] | None = None
) -> int:
    """The text report, for when there is no terminal to run the app in (or the demo's
    report was asked for): on a terminal, in its width and colours, through the pager."""
    from resdiff.render import ReportOptions

    to_terminal = sys.stdout.isatty()
    report = _Report(
        files=files,
        load=_load_options(args),
        compare=_compare_options(args, len(files)),
        fmt="txt",
        view=ReportOptions(
            color=_colour("auto", to_terminal),
            width=_columns(getattr(args, "width", None), to_terminal),
        ),
        page=to_terminal and not getattr(args, "no_pager", False),
        names=names,
        corpus=_corpus(args),
    )
    return _make_report(report)


def cmd_demo(args: argparse.Namespace) -> int:
    from resdiff.seeds import DEMO_PAIR, demo_paths

    files = demo_paths()
    if args.report or not sys.stdout.isatty():
        # The drafts by their bundled names, not where the package is installed; 1: the
        # sample drafts differ, as `resdiff A B`.
        return _text_report(args, files, names=[f"{n} (bundled sample)" for n in DEMO_PAIR])
    return _run_tui(files, args)


def cmd_open(args: argparse.Namespace) -> int:
    if not sys.stdout.isatty():
        # In a pipe or redirected to a file the app would write screen-control codes and
        # wait for keys; print the text report instead, as `resdiff demo` does.
        if len(args.files) < 2:
            raise ResdiffError(
                "the interactive app needs a terminal; in a pipe give two or more drafts "
                "for a text report, or use 'resdiff report'"
            )
        return _text_report(args, args.files)
    return _run_tui(args.files, args)


def cmd_corpus(args: argparse.Namespace) -> int:
    from resdiff.corpus.commands import cmd_corpus

    return cmd_corpus(args, _load_options(args))


def cmd_precedents(args: argparse.Namespace) -> int:
    from resdiff.corpus.commands import cmd_precedents

    if args.output == "-":
        args.output = None  # "-o -": standard output
    return cmd_precedents(args, _report_format(args.format, args.output), _load_options(args))


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the warm server in the foreground (``&`` or a service manager puts it aside),
    or stop it, or say whether one runs."""
    from resdiff.warm import place

    path = place.socket_path(os.environ)
    if not (args.stop or args.status):
        from resdiff.warm.server import serve

        return serve(args.idle)
    from resdiff.warm.client import ask

    running = place.private(os.path.dirname(path)) and place.owned_socket(path)
    answer = ask(path, "stop" if args.stop else "status") if running else None
    if answer is None:
        if running:
            raise ResdiffError(f"{path}: the warm server there does not answer")
        sys.stderr.write("resdiff: no warm server is running\n")
        return ExitCode.SAME if args.stop else ExitCode.DIFFERENT
    pid, count = (int(n) for n in answer[0][1:].split())
    done = "stopped" if args.stop else "running"
    runs = "1 command" if count == 1 else f"{count} commands"
    sys.stderr.write(f"resdiff: warm server {done} at {path} (pid {pid}, {runs} run)\n")
    return ExitCode.SAME


COMMANDS = {
    "parse": cmd_parse,
    "report": cmd_report,
    "matrix": cmd_matrix,
    "amendments": cmd_amendments,
    "apply": cmd_apply,
    "demo": cmd_demo,
    "open": cmd_open,
    "corpus": cmd_corpus,
    "precedents": cmd_precedents,
    "serve": cmd_serve,
}


#: Young objects allocated between two collections, and collections of one generation
#: between two of the next (Python's defaults: 700, 10, 10).
BATCH_GC_THRESHOLDS = (20_000, 100, 100)


def _collect_less() -> tuple[int, ...]:
    """A batch command builds millions of small objects that all live until it exits
    (the drafts, their signals, the report's tree) and makes almost no cyclic garbage.
    At the default thresholds the cycle collector walks them again and again: a fifth
    of a 20,000-paragraph report (docs/performance.md, issue 16). The app keeps the
    defaults (it runs long, and freezes what it keeps). Returns the thresholds before,
    which ``main`` restores for a caller that goes on."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    return before


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `resdiff A B` means `resdiff open A B`: the files (or the app's options) come first,
    # no subcommand; only help and the version belong to resdiff itself.
    first = next((a for a in argv if a != "--debug"), None)
    if first is None or (first not in SUBCOMMANDS and first not in ("-h", "--help", "--version")):
        argv.insert(argv.index(first) if first is not None else len(argv), "open")
    command = next((a for a in argv if a != "--debug"), None)
    parser = build_parser(command if command in SUBCOMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return ExitCode.TROUBLE
    thresholds = _collect_less() if args.command not in ("open", "serve") else None
    try:
        return int(COMMANDS[args.command](args))
    except ResdiffError as exc:
        if args.debug:
            raise
        sys.stderr.write(f"resdiff: {_one_line(str(exc))}\n")
        return ExitCode.TROUBLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); not our trouble.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.SAME
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        sys.stderr.write(
            f"resdiff: internal error: {_one_line(repr(exc))} (rerun with --debug for details)\n"
        )
        return ExitCode.TROUBLE
    finally:
        if thresholds is not None:
            import gc

            gc.set_threshold(*thresholds)


def _one_line(message: str) -> str:
    """A message for stderr: control sequences stripped first (a file name may carry an
    OSC 52 clipboard write), then every kind of line break and run of spaces made one
    space."""
    return " ".join(clean_terminal(message).split())
