"""The app's agreed-language key (issue 17 item 3): `L` shows where the selected clause's
words come from in the corpus, then every clause's status, as the reports word it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from resdiff.corpus.agreed import with_precedents
from resdiff.corpus.indexing import add_paths
from resdiff.corpus.sqlite import SqliteCorpus, open_sqlite
from resdiff.model import Comparison
from resdiff.seeds import seed_path
from resdiff.tui.app import make_app
from resdiff.tui.screens.amendments import AgreedScreen
from tests.builders import SEED_PAIR, seed_comparison
from tests.tui.conftest import main_screen, toasts


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[tuple[str, SqliteCorpus]]:
    path = str(tmp_path / "corpus.sqlite")
    store = open_sqlite(path, create=True)
    add_paths(store, [str(seed_path("corpus"))])
    yield path, store
    store.close()


def _looked_up(store: SqliteCorpus) -> Comparison:
    return with_precedents(seed_comparison(), store)


async def test_l_shows_the_selected_clauses_precedents(
    corpus: tuple[str, SqliteCorpus],
) -> None:
    app = make_app([], comparison=_looked_up(corpus[1]))
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("g", *"OP11", "enter")
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgreedScreen)
        first = screen.text.splitlines()[0]
        assert first.startswith("OP11  adapted")
        assert "[-Calls upon-]{+Encourages+}" in screen.text  # the diff from A/RES/78/990 OP3
        assert "verb weakened from 'Calls upon' to 'Encourages'" in screen.text
        assert "Agreed language in B S/2024/9002" in screen.text  # then every clause
        assert "\x1b" not in screen.text
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == screen.text
        await pilot.press("escape")
        await pilot.pause()
        main_screen(app)


async def test_l_without_a_corpus_says_how_to_get_one() -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=(110, 34), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        main_screen(app)
        assert any("--corpus" in t for t in toasts(app))


async def test_the_app_looks_up_the_corpus_it_was_given(
    corpus: tuple[str, SqliteCorpus],
) -> None:
    files = [str(seed_path(n)) for n in SEED_PAIR]
    app = make_app(files, corpus=corpus[0], config=False)
    async with app.run_test(size=(110, 34)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pc = main_screen(app).pairwise
        assert pc is not None and pc.precedents is not None
        assert pc.precedents.document.id == "B"
        assert {c.status for c in pc.precedents.clauses} == {"identical", "adapted", "new"}
