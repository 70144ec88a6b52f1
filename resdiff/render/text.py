"""Terminal text report. (Stub: counts and inline markers.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resdiff.model import Comparison
from resdiff.render.sanitize import clean_terminal

if TYPE_CHECKING:
    from resdiff.render import ReportOptions


def render_text(comparison: Comparison, view: ReportOptions) -> str:
    out: list[str] = []
    for pc in comparison.comparisons:
        a, b = comparison.document(pc.a), comparison.document(pc.b)
        out.append(f"{a.label} -> {b.label}")
        for p in pc.pairs:
            if not p.changed and not view.show_all:
                continue
            marks = "".join(
                f"[-{r.text}-]" if r.op == "-" else f"{{+{r.text}+}}" if r.op == "+" else r.text
                for r in p.diff
            )
            out.append(f"{','.join(p.a) or '-'} -> {','.join(p.b) or '-'} {p.status}: {marks}")
    return clean_terminal("\n".join(out)) + "\n"
