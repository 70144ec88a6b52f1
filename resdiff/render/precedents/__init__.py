"""Render a ``Precedents`` value (``resdiff precedents``) as json, md, html or txt.

One module per format, each a function of the value; ``view.py`` holds what they all
show the same way (titles, addresses, the diff as segments).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resdiff.corpus.model import Precedents

FORMATS = ("txt", "md", "html", "json")


def render_precedents(
    result: Precedents, fmt: str, *, color: bool = False, width: int | None = None
) -> str:
    if fmt == "json":
        from resdiff.render.precedents.json import render_json

        return render_json(result)
    if fmt == "md":
        from resdiff.render.precedents.markdown import render_markdown

        return render_markdown(result)
    if fmt == "html":
        from resdiff.render.precedents.html import render_html

        return render_html(result)
    if fmt == "txt":
        from resdiff.render.precedents.text import render_text

        return render_text(result, color=color, width=width)
    raise ValueError(f"unknown precedents format {fmt!r}")
