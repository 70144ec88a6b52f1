"""Render: functions of a ``Comparison`` (or a ``Document``) to json, md, html, txt, docx.

Each format lives in its own module; this one only dispatches, so importing it stays
cheap and never pulls in the TUI. ``ReportOptions`` lives beside the view builder
(``render.view``), which the text formats share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from resdiff.errors import ResdiffError
from resdiff.exit_codes import ExitCode
from resdiff.model import Change, ChangeKind, Comparison
from resdiff.render.view import ReportOptions

__all__ = [
    "FAIL_ON_GROUPS",
    "FAIL_ON_KINDS",
    "REPORT_FORMATS",
    "SELECTING_FORMATS",
    "ReportOptions",
    "check_format_options",
    "exit_code_for",
    "fail_on_kinds",
    "render_matrix",
    "render_report",
]

REPORT_FORMATS = ("json", "md", "html", "txt", "docx")
#: Formats that show a chosen part of the comparison (--context, --only, --topic); the
#: others (JSON, the contract; Word, B's whole text with tracked changes) hold it all.
SELECTING_FORMATS = ("md", "html", "txt")


def check_format_options(fmt: str, options: ReportOptions) -> None:
    """A format that holds the whole comparison refuses options that would select part
    of it, instead of silently ignoring them."""
    if options.amendments and fmt == "docx":
        raise ResdiffError(
            "--amendments cannot apply to a docx report, which holds B's text with tracked "
            "changes; use 'resdiff amendments -o FILE.docx' for the amendments in Word"
        )
    if fmt in SELECTING_FORMATS or not options.selects:
        return
    given = [
        name
        for name, used in (
            ("--topic", bool(options.topics)),
            ("--only", options.only is not None),
            ("--context", options.context != 1),
        )
        if used
    ]
    whole = "the whole comparison" if fmt == "json" else "B's whole text with tracked changes"
    raise ResdiffError(
        f"{' and '.join(given)} cannot apply to a {fmt} report, which holds {whole}; "
        f"use md, html or txt to show part of it"
    )


def render_report(
    comparison: Comparison, fmt: str, options: ReportOptions, *, pairwise: int | None = None
) -> str | bytes:
    """The report in ``fmt``; raises ``ResdiffError`` for options the format cannot honour.

    ``pairwise`` is for Word, which holds one comparison: which one (0: B against A, 1: C
    against A...); without it a Word report of more than two drafts is an error."""
    check_format_options(fmt, options)
    if fmt == "json":
        from resdiff.render import json

        return json.render_comparison(comparison, amendments=options.amendments)
    if fmt == "txt":
        from resdiff.render import text

        return text.render_text(comparison, options)
    if fmt == "docx":
        from resdiff.render import docx

        return docx.render_docx(comparison, pairwise)
    if fmt == "md":
        from resdiff.render import markdown

        return markdown.render_markdown(comparison, options)
    if fmt == "html":
        from resdiff.render import html

        return html.render_html(comparison, options)
    raise ValueError(f"unknown report format {fmt!r}")


def render_matrix(comparison: Comparison, fmt: str) -> str:
    from resdiff.render import matrix

    return matrix.render_matrix(comparison, fmt)


#: ``--fail-on`` groups, a reader's questions: was anything weakened (a verb, or a
#: paragraph demoted), was a link between topics made, broken or changed, was anything
#: removed (any ``*-removed`` kind). Any change kind may be named on its own as well.
FAIL_ON_GROUPS = ("weaker", "linkage", "removed")
FAIL_ON_KINDS: tuple[str, ...] = (*FAIL_ON_GROUPS, *get_args(ChangeKind))


def fail_on_kinds(value: str) -> tuple[str, ...]:
    """``--fail-on weaker,sponsor-removed`` as its names, checked: a misspelt kind would
    otherwise make a CI gate that never fails."""
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in FAIL_ON_KINDS]
    if unknown or not names:
        problem = f"unknown kind {', '.join(map(repr, unknown))}" if unknown else "no kind given"
        raise ResdiffError(
            f"--fail-on: {problem}; use {', '.join(FAIL_ON_GROUPS)} "
            "or a change kind such as sponsor-removed (docs/reports.md)"
        )
    return names


def exit_code_for(comparison: Comparison, fail_on: Sequence[str] | str | None = None) -> ExitCode:
    """0 when nothing differs, 1 when something does (or, with ``fail_on``, when a change
    of one of those kinds or groups was found)."""
    if fail_on is None:
        return ExitCode.DIFFERENT if comparison.differs else ExitCode.SAME
    names = fail_on_kinds(fail_on) if isinstance(fail_on, str) else tuple(fail_on)
    found = any(
        _matches(ch, name) for pc in comparison.comparisons for ch in pc.changes for name in names
    )
    return ExitCode.DIFFERENT if found else ExitCode.SAME


def _matches(change: Change, fail_on: str) -> bool:
    if fail_on == "weaker":
        return change.kind in ("verb-strength", "kind-change") and change.direction == "weaker"
    if fail_on == "removed":
        return change.kind.endswith("-removed")
    if fail_on in FAIL_ON_KINDS:
        return change.kind == fail_on
    raise ValueError(f"unknown --fail-on kind {fail_on!r}")
