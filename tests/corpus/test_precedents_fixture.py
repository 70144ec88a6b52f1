"""Precedents on a corpus the code was never tuned on: fictional resolutions and drafts
of three organs, in three formats (tests/fixtures/corpus/library), and two new drafts
(tests/fixtures/corpus/drafts). Every clause's expected status and source is written
down here, by hand, from how the drafts were written."""

from __future__ import annotations

import pytest

from resdiff.corpus.keys import identity_text
from resdiff.corpus.model import ClausePrecedents, Precedents
from resdiff.corpus.precedents import find_precedents
from resdiff.corpus.sqlite import SqliteCorpus
from resdiff.pipeline import load
from tests.corpus.conftest import DRAFTS

HRC = "a-hrc-res-47-909.html"  # no symbol in its page: shown by file name
VELORIA_ALL = ["S/RES/3101 (2019)", "S/RES/3150 (2020)", "S/2021/140", "S/RES/3188 (2021)"]

#: clause -> (status, where it comes from). For identical language: every document that
#: holds it, oldest first. For adapted: the closest precedent, "SYMBOL CLAUSE".
VELORIA: dict[str, tuple[str, list[str] | str | None]] = {
    "PP1": ("adapted", "S/RES/3188 (2021) PP1"),  # resolution 3188 (2021) added to the list
    "PP2": ("identical", VELORIA_ALL),
    "PP3": ("adapted", "S/RES/3188 (2021) PP3"),  # figure and food insecurity added
    "PP4": ("identical", VELORIA_ALL),
    "PP5": ("new", None),
    "PP6": ("identical", VELORIA_ALL[1:]),  # "continues to constitute": not in 3101
    "PP7": ("identical", VELORIA_ALL),
    "OP1": ("adapted", "S/RES/3188 (2021) OP1"),  # until 15 March 2023
    "OP2": ("adapted", "S/RES/3188 (2021) OP2"),  # national dialogue added
    "OP3": ("identical", ["S/2021/140", "S/RES/3188 (2021)"]),
    "OP4": ("adapted", "S/RES/3188 (2021) OP4"),  # Condemns -> Strongly condemns
    "OP5": ("identical", ["S/2021/140", "S/RES/3188 (2021)"]),
    "OP5(a)": ("adapted", "S/RES/3188 (2021) OP5(a)"),  # ninety -> sixty days
    "OP5(b)": ("identical", ["S/2021/140", "S/RES/3188 (2021)"]),
    "OP5(c)": ("new", None),
    "OP6": ("identical", VELORIA_ALL),
}
MEDIA: dict[str, tuple[str, list[str] | str | None]] = {
    "PP1": ("identical", ["A/RES/74/988", "A/RES/76/988"]),
    "PP2": ("identical", ["A/RES/74/988", HRC, "A/RES/76/988"]),  # three organs
    "PP3": ("adapted", "A/RES/76/988 PP3"),  # "and elections"
    "PP4": ("adapted", "A/RES/76/988 PP5"),  # surveillance technologies
    "PP5": ("new", None),
    "OP1": ("identical", ["A/RES/76/988"]),
    "OP2": ("adapted", "A/RES/76/988 OP2"),  # "including online"
    "OP3": ("new", None),
    "OP4": ("adapted", "A/RES/76/988 OP4"),  # seventy-eighth -> seventy-ninth session
    "OP5": ("adapted", "A/RES/76/988 OP5"),
}


def _label(item: ClausePrecedents, k: int = 0) -> str:
    m = item.matches[k]
    return f"{m.document.label} {m.clause}"


def _check(result: Precedents, expected: dict[str, tuple[str, list[str] | str | None]]) -> None:
    found = {c.clause: c for c in result.clauses}
    assert list(found) == list(expected)
    for clause, (status, where) in expected.items():
        item = found[clause]
        assert item.status == status, clause
        if status == "new":
            assert item.matches == () and item.identical == 0, clause
        elif status == "identical":
            assert isinstance(where, list)
            listed = [m.document.label for m in item.matches if m.status == "identical"]
            assert listed == where, clause
            assert item.identical == len(where), clause
        else:
            assert _label(item) == where, clause
            assert item.identical == 0 and item.matches[0].status == "adapted", clause


@pytest.mark.parametrize(
    ("draft", "expected"),
    [("s-2022-9210-veloria.txt", VELORIA), ("a-c3-77-l99-media.txt", MEDIA)],
    ids=["council", "assembly"],
)
def test_every_clause_finds_its_source_with_the_right_status(
    library: SqliteCorpus, draft: str, expected: dict[str, tuple[str, list[str] | str | None]]
) -> None:
    _check(find_precedents(load(str(DRAFTS / draft)), library), expected)


def test_the_changes_are_the_ones_a_negotiator_looks_for(library: SqliteCorpus) -> None:
    result = find_precedents(load(str(DRAFTS / "s-2022-9210-veloria.txt")), library)
    top = {c.clause: c.matches[0] for c in result.clauses if c.matches}
    verb = [ch for ch in top["OP4"].changes if ch.kind == "verb-strength"]
    assert [(ch.from_, ch.to, ch.direction) for ch in verb] == [
        ("Condemns", "Strongly condemns", "stronger")
    ]
    numbers = [ch for ch in top["OP1"].changes if ch.kind == "number-changed"]
    assert [(ch.from_, ch.to) for ch in numbers] == [("until 15 March 2022", "until 15 March 2023")]
    # The draft of 5 March 2021 said "Calls upon"; the adopted text "Demands".
    second = next(c for c in result.clauses if c.clause == "OP2").matches[1]
    assert (second.document.label, second.clause) == ("S/2021/140", "OP2")
    verb = [ch for ch in second.changes if ch.kind == "verb-strength"]
    assert [(ch.from_, ch.to) for ch in verb] == [("Calls upon", "Demands")]


def test_a_text_carried_unchanged_is_one_precedent_with_copies(library: SqliteCorpus) -> None:
    result = find_precedents(load(str(DRAFTS / "s-2022-9210-veloria.txt")), library)
    op1 = next(c for c in result.clauses if c.clause == "OP1")
    first = op1.matches[0]
    assert [(c.document.label, c.clause) for c in first.copies] == [("S/2021/140", "OP1")]
    assert all(m.text != first.text for m in op1.matches[1:])


def test_every_diff_rebuilds_both_texts(library: SqliteCorpus) -> None:
    for name in ("s-2022-9210-veloria.txt", "a-c3-77-l99-media.txt"):
        draft = load(str(DRAFTS / name))
        result = find_precedents(draft, library)
        for item in result.clauses:
            for m in item.matches:
                assert "".join(r.text for r in m.diff if r.op != "+") == m.text
                assert "".join(r.text for r in m.diff if r.op != "-") == (
                    draft.clause(item.clause).text
                )
                if m.status == "identical":
                    assert identity_text(m.text) == identity_text(draft.clause(item.clause).text)
