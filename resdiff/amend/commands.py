"""What ``resdiff amendments`` and ``resdiff apply`` do, once the CLI has read the
arguments: load, compute, render completely, then write (atomically, never over an
input). Errors are ``ResdiffError``s; the CLI prints them as one line."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from resdiff.errors import InputError, ResdiffError
from resdiff.exit_codes import ExitCode
from resdiff.model import CompareOptions

if TYPE_CHECKING:
    from resdiff.pipeline import LoadOptions


def _inputs(files: Sequence[str], names: tuple[str, str]) -> list[str]:
    """Two files, or none for the bundled example."""
    if not files:
        from resdiff.seeds import seed_path

        return [str(seed_path(n)) for n in names]
    if len(files) != 2:
        raise ResdiffError(
            f"give two files ({names[0]} and {names[1]} style), or none for the bundled example"
        )
    if files.count("-") > 1:
        raise ResdiffError("standard input ('-') can be given only once")
    return list(files)


def _check_output(output: str | None, inputs: Sequence[str], fmt: str) -> None:
    """Before any work: a Word file needs a file to go to, never one of the inputs."""
    from resdiff.write import check_not_input

    if fmt == "docx" and not output:
        raise ResdiffError("a .docx output needs -o FILE")
    if output:
        check_not_input(output, inputs)


def _write(data: str | bytes, output: str | None) -> None:
    """Only once everything is rendered: a failure leaves nothing behind."""
    from resdiff.write import write_atomic, write_stdout

    if output:
        write_atomic(output, data)
    else:
        write_stdout(data)


def amendments_command(
    files: Sequence[str],
    fmt: str,
    output: str | None,
    options: CompareOptions,
    reading: LoadOptions | None = None,
) -> int:
    """Write the amendments turning the first draft into the second."""
    from resdiff.amend.write import amendments
    from resdiff.pipeline import compare, load
    from resdiff.render.amendments import render_amendments
    from resdiff.seeds import DEMO_PAIR

    paths = _inputs(files, DEMO_PAIR)
    _check_output(output, paths, fmt)
    a = load(paths[0], "A", reading)
    b = load(paths[1], "B", reading)
    comparison = compare(a, b, options=options)
    found = amendments(comparison)
    data = render_amendments(found, fmt, comparison.documents)
    _write(data, output)
    return ExitCode.DIFFERENT if found.amendments else ExitCode.SAME


def apply_command(
    files: Sequence[str],
    fmt: str,
    output: str | None,
    only: Collection[int] | None,
    reading: LoadOptions | None = None,
) -> int:
    """Apply an amendment document to a draft and write the amended draft."""
    from resdiff.amend.apply import apply_amendments
    from resdiff.amend.read import read_amendments
    from resdiff.ingest.reader import read_source
    from resdiff.pipeline import LoadOptions, load
    from resdiff.render.amendments import render_amended
    from resdiff.seeds import EXAMPLE_AMENDMENTS

    paths = _inputs(files, EXAMPLE_AMENDMENTS)
    _check_output(output, paths, fmt)
    reading = reading or LoadOptions()
    draft = load(paths[0], "A", reading)
    source = read_source(paths[1], reading.docx_changes)
    listed = read_amendments(source.text, paths[1])
    if not listed.amendments:
        raise InputError("no amendment instructions found", paths[1])
    amended = apply_amendments(draft, listed, only, source=paths[1])
    _write(render_amended(amended, fmt), output)
    return ExitCode.SAME
