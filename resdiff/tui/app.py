"""The Textual app. (Stub.)"""

from __future__ import annotations

from textual.app import App

from resdiff.model import CompareOptions


def make_app(files: list[str], options: CompareOptions | None = None) -> App[int]:
    raise NotImplementedError("the interactive app is not built yet")
