"""What each golden report is made from: one function per file, shared by the test
(which compares) and ``python -m tests.golden.regen`` (which rewrites, on purpose).

- ``demo.*``: the demo seed pair (``seeds/s-2024-9001-tied.txt`` against
  ``seeds/s-2024-9002-demands.txt``) through the CLI, every text format: the reports a new
  user sees first.
- ``rev1.*``: the seed against its hard-wrapped revision (``...-9001-rev1-tied.txt``):
  wrapped lines are layout, not changes.
- ``fixture.*``: the hand-made comparison of ``tests/fixtures/comparisons.py`` (every
  pair status, fixed runs and ranking), independent of the engine: renderer changes only.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEMO = ("seeds/s-2024-9001-tied.txt", "seeds/s-2024-9002-demands.txt")
REV1 = ("seeds/s-2024-9001-tied.txt", "seeds/s-2024-9001-rev1-tied.txt")
FORMATS = ("json", "md", "html", "txt")


@contextlib.contextmanager
def _at_root() -> Iterator[None]:
    """Run from the repository root, so sources read as the relative paths given, and
    without ``$COLUMNS`` (the text report's width would follow it)."""
    before = Path.cwd()
    columns = os.environ.pop("COLUMNS", None)
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)
        if columns is not None:
            os.environ["COLUMNS"] = columns


def cli_report(files: tuple[str, ...], fmt: str) -> str:
    """What ``resdiff report FILES --format FMT`` prints (exit code 1: they differ)."""
    from resdiff import cli

    out = io.StringIO()
    with _at_root(), contextlib.redirect_stdout(out):
        code = cli.main(["report", *files, "--format", fmt])
    if code != 1:
        raise AssertionError(f"resdiff report exited {code}")
    return out.getvalue()


def fixture_report(fmt: str) -> str:
    from resdiff.render import ReportOptions, render_report
    from tests.fixtures.comparisons import rich_comparison

    out = render_report(rich_comparison(), fmt, ReportOptions())
    assert isinstance(out, str)
    return out


def _cases() -> dict[str, Callable[[], str]]:
    cases: dict[str, Callable[[], str]] = {}
    for fmt in FORMATS:
        cases[f"demo.{fmt}"] = lambda fmt=fmt: cli_report(DEMO, fmt)
        cases[f"fixture.{fmt}"] = lambda fmt=fmt: fixture_report(fmt)
    for fmt in ("md", "txt"):
        cases[f"rev1.{fmt}"] = lambda fmt=fmt: cli_report(REV1, fmt)
    return dict(sorted(cases.items()))


CASES = _cases()


def stored(name: str) -> str | None:
    path = HERE / name
    return path.read_bytes().decode("utf-8") if path.exists() else None
