"""The precedent search: what counts as earlier, what is listed, and the synthetic corpus
with known reuse (bench/corpus_synth.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus_synth import write_corpus
from resdiff.corpus.indexing import add_paths
from resdiff.corpus.keys import identity_text
from resdiff.corpus.params import PrecedentParams
from resdiff.corpus.precedents import find_precedents
from resdiff.corpus.sqlite import SqliteCorpus
from resdiff.errors import InputError
from resdiff.pipeline import load
from tests.corpus.conftest import DRAFTS, LIBRARY, resolution, write

VELORIA = DRAFTS / "s-2022-9210-veloria.txt"


def test_the_draft_itself_is_not_its_own_precedent(store: SqliteCorpus) -> None:
    add_paths(store, [str(LIBRARY), str(VELORIA)])
    result = find_precedents(load(str(VELORIA)), store)
    assert all(m.document.symbol != "S/2022/9210" for c in result.clauses for m in c.matches)
    assert result.count("new") == 2


def test_later_texts_are_not_precedents(store: SqliteCorpus, tmp_path: Path) -> None:
    add_paths(store, [str(LIBRARY / "s-res-3188-2021.txt")])
    text = VELORIA.read_text(encoding="utf-8").replace("8 March 2022", "8 March 2020")
    early = load(str(write(tmp_path, "early.txt", text)))
    assert early.date == "2020-03-08"
    result = find_precedents(early, store)
    assert all(c.status == "new" for c in result.clauses)
    undated = load(str(write(tmp_path, "undated.txt", text.replace("8 March 2020", ""))))
    assert undated.date is None
    assert find_precedents(undated, store).count("new") == 2


def test_a_draft_without_clauses_is_refused(store: SqliteCorpus, tmp_path: Path) -> None:
    add_paths(store, [str(LIBRARY)])
    header_only = (
        "United Nations                       S/2022/1\n"
        "Security Council                     1 May 2022\n\n"
        "France: draft resolution\n\nThe Security Council,\n"
    )
    for text in (header_only, "---\n\n***\n\n. . .\n"):
        draft = load(str(write(tmp_path, "blank.txt", text)))
        with pytest.raises(InputError, match="no clauses") as info:
            find_precedents(draft, store)
        assert info.value.path == draft.source


def test_top_limits_matches_but_identical_language_is_listed_whole(
    store: SqliteCorpus, tmp_path: Path
) -> None:
    add_paths(store, [str(LIBRARY)])
    result = find_precedents(load(str(VELORIA)), store, PrecedentParams(top=1))
    by = {c.clause: c for c in result.clauses}
    assert len(by["PP2"].matches) == 4  # identical in four documents: all listed
    assert len(by["OP2"].matches) == 1
    capped = find_precedents(load(str(VELORIA)), store, PrecedentParams(identical_limit=2))
    pp2 = next(c for c in capped.clauses if c.clause == "PP2")
    assert pp2.identical == 4
    assert [m.document.label for m in pp2.matches[:2]] == ["S/RES/3101 (2019)", "S/RES/3150 (2020)"]
    assert all(m.status == "adapted" for m in pp2.matches[2:])


def test_a_threshold_decides_between_adapted_and_new(store: SqliteCorpus, tmp_path: Path) -> None:
    base = "1. Calls upon all parties to facilitate the safe return of displaced persons;"
    edited = "1. Urges all parties to facilitate the safe and dignified return of refugees;"
    write(tmp_path / ".", "a.txt", resolution("S/RES/1 (2001)", "1 May 2001", base))
    add_paths(store, [str(tmp_path / "a.txt")])
    draft = load(str(write(tmp_path, "d.txt", resolution("S/2002/1", "1 May 2002", edited))))
    (item,) = find_precedents(draft, store).clauses
    similarity = item.matches[0].similarity
    assert item.status == "adapted" and 0.5 <= similarity < 1
    strict = PrecedentParams(adapted_min_similarity=similarity + 0.01)
    (item,) = find_precedents(draft, store, strict).clauses
    assert item.status == "new"


def test_an_empty_corpus_finds_everything_new(store: SqliteCorpus) -> None:
    result = find_precedents(load(str(VELORIA)), store)
    assert result.count("new") == len(result.clauses) == 16
    assert (result.corpus_documents, result.corpus_paragraphs) == (0, 0)


@pytest.mark.parametrize("seed", [3, 8])
def test_the_synthetic_corpus_reuse_is_found(
    store: SqliteCorpus, tmp_path: Path, seed: int
) -> None:
    """Known reuse: each series' next text keeps, edits and writes paragraphs."""
    gen = write_corpus(tmp_path / "corpus", 120, seed=seed, paragraphs=20)
    add_paths(store, [str(tmp_path / "corpus")])
    for series in range(2):
        synth, truth = gen.draft(series, 30)
        draft = load(str(write(tmp_path, f"draft{series}.txt", synth.render())))
        found = {c.clause: c for c in find_precedents(draft, store).clauses}
        assert {t.status for t in truth} == {"identical", "adapted", "new"}
        for t in truth:
            item = found[t.clause]
            assert item.status == t.status, t
            if t.source_text is not None:
                top = item.matches[0].text
                assert identity_text(top) == identity_text(t.source_text), t
