"""Every key is described once, in the bindings: docs/tui.md, the help screen and the
command palette all show what the bindings say."""

from __future__ import annotations

from resdiff.tui import keys
from resdiff.tui.app import make_app
from resdiff.tui.screens.help import HelpScreen
from resdiff.tui.screens.main import MainScreen
from tests.builders import seed_comparison
from tests.tui import keys_doc
from tests.tui.conftest import SIZE


def test_the_docs_key_table_is_the_bindings() -> None:
    """After changing a binding, run ``python -m tests.tui.keys_doc``."""
    assert keys_doc.documented(keys_doc.DOC.read_text(encoding="utf-8")) == keys_doc.table()


def test_every_binding_of_the_main_screen_says_what_it_does() -> None:
    for binding in keys.described(MainScreen.BINDINGS):
        assert binding.tooltip, binding.action
    rows = dict(keys.table(MainScreen.BINDINGS))
    for key in ("n", "]", "}", "g :", "/", "y", "P", "a", "z", "M", "1…9", "?", "q"):
        assert key in rows, key


async def test_the_help_screen_lists_every_key() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen._keys == keys.table(
            app.screen_stack[-2].query_one("#navigator").BINDINGS,  # type: ignore[attr-defined]
            MainScreen.BINDINGS,
        )
