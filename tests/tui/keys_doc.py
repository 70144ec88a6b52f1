"""The key table of docs/tui.md, generated from the bindings (never written by hand).

``python -m tests.tui.keys_doc`` rewrites the table between the markers in docs/tui.md;
``--check`` exits 1 if it differs (``tests/tui/test_keys_doc.py`` runs the check). The
help screen and the command palette read the same bindings (``resdiff.tui.keys``).
"""

from __future__ import annotations

import sys

from resdiff.tui import keys
from resdiff.tui.screens.main import MainScreen
from resdiff.tui.widgets.navigator import ClauseNavigator
from tests.conftest import ROOT

DOC = ROOT / "docs" / "tui.md"
START = "<!-- keys: generated from the bindings by `python -m tests.tui.keys_doc` -->\n"
END = "<!-- end of keys -->\n"


def table() -> str:
    return keys.markdown_table(keys.table(ClauseNavigator.BINDINGS, MainScreen.BINDINGS))


def documented(text: str) -> str:
    """The generated part of ``text`` (between the markers)."""
    start = text.index(START) + len(START)
    return text[start : text.index(END, start)]


def updated(text: str) -> str:
    start = text.index(START) + len(START)
    return text[:start] + table() + text[text.index(END, start) :]


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    if "--check" in argv:
        same = documented(text) == table()
        print("docs/tui.md: keys up to date" if same else "docs/tui.md: keys differ")
        return 0 if same else 1
    DOC.write_text(updated(text), encoding="utf-8")
    print("docs/tui.md: keys written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
