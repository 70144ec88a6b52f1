"""Render: functions of a ``Comparison`` (or a ``Document``) to json, md, html, txt, docx.

Each format lives in its own module; this one only dispatches, so importing it stays
cheap and never pulls in the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resdiff.exit_codes import ExitCode
from resdiff.model import Change, Comparison


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What a report shows: unchanged context around changes, filters, colour."""

    context: int = 1
    show_all: bool = False
    only: Literal["changed", "signals"] | None = None
    topics: tuple[str, ...] = ()
    color: bool = False
    width: int | None = None


def render_report(comparison: Comparison, fmt: str, view: ReportOptions) -> str | bytes:
    if fmt == "json":
        from resdiff.render import json

        return json.render_comparison(comparison)
    if fmt == "txt":
        from resdiff.render import text

        return text.render_text(comparison, view)
    if fmt == "docx":
        from resdiff.render import docx

        return docx.render_docx(comparison)
    raise NotImplementedError(f"format {fmt} is not available yet")


def render_matrix(comparison: Comparison, fmt: str) -> str:
    from resdiff.render import json

    if comparison.matrix is None:
        return ""
    return json.dumps(json.matrix_to_dict(comparison.matrix))


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
