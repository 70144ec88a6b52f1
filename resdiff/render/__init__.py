"""Render: functions of a ``Comparison`` (or a ``Document``) to json, md, html, txt, docx.

Each format lives in its own module; this one only dispatches, so importing it stays
cheap and never pulls in the TUI. ``ReportOptions`` lives beside the view builder
(``render.view``), which the text formats share.
"""

from __future__ import annotations

from resdiff.errors import ResdiffError
from resdiff.exit_codes import ExitCode
from resdiff.model import Change, Comparison
from resdiff.render.view import ReportOptions

__all__ = [
    "REPORT_FORMATS",
    "SELECTING_FORMATS",
    "ReportOptions",
    "check_format_options",
    "exit_code_for",
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


def exit_code_for(comparison: Comparison, fail_on: str | None = None) -> ExitCode:
    """0 when nothing differs, 1 when something does (or, with ``fail_on``, when a change
    of that kind was found)."""
    if fail_on is None:
        return ExitCode.DIFFERENT if comparison.differs else ExitCode.SAME
    found = any(_matches(ch, fail_on) for pc in comparison.comparisons for ch in pc.changes)
    return ExitCode.DIFFERENT if found else ExitCode.SAME


def _matches(change: Change, fail_on: str) -> bool:
    if fail_on == "weaker":
        return change.kind in ("verb-strength", "kind-change") and change.direction == "weaker"
    if fail_on == "linkage":
        return change.kind == "linkage"
    if fail_on == "removed":
        return change.kind in ("clause-removed", "topic-removed")
    raise ValueError(f"unknown --fail-on kind {fail_on!r}")
