"""History of a series: hand-built drafts where the right answer is known."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import align
from resdiff.diff import diff_texts
from resdiff.history import build_history
from resdiff.model import (
    ClauseHistory,
    ClausePair,
    CompareOptions,
    Document,
    PairStatus,
)
from tests.builders import clause, document

OPTIONS = CompareOptions()


def make_doc(doc_id: str, paragraphs: Sequence[str | tuple[str, Sequence[str]]]) -> Document:
    """A draft of numbered operative paragraphs (with optional sub-paragraphs)."""
    clauses = []
    for n, para in enumerate(paragraphs, 1):
        text, subs = (para, ()) if isinstance(para, str) else para
        children = [clause(f"OP{n}({x})", sub) for x, sub in zip("abcdefgh", subs, strict=False)]
        clauses.append(clause(f"OP{n}", text, *children))
    return document(doc_id, clauses, structure="numbered", note="built by hand for a test")


def origins(h: ClauseHistory) -> list[tuple[str, str]]:
    return [(o.text, o.introduced_in) for o in h.origins]


def by_clause(history: Sequence[ClauseHistory]) -> dict[str, ClauseHistory]:
    return {h.clause: h for h in history}


SEIZED = "Decides to remain seized of the matter."
REPORT = "Requests the Secretary-General to report on the implementation of this resolution;"
HOSTAGES = "Demands the immediate and unconditional release of all hostages;"

SERIES = [
    make_doc("A", ["Demands an immediate ceasefire;", REPORT, SEIZED]),
    make_doc("B", ["Demands an immediate and lasting ceasefire;", REPORT, SEIZED]),
    make_doc("C", ["Demands an immediate and lasting ceasefire;", REPORT, HOSTAGES, SEIZED]),
    make_doc(
        "D",
        [
            "Demands an immediate and lasting ceasefire for the month of Ramadan;",
            REPORT,
            HOSTAGES,
            SEIZED,
        ],
    ),
]


def test_blame_in_a_four_draft_series() -> None:
    history = by_clause(build_history(SERIES, OPTIONS))
    assert list(history) == ["OP1", "OP2", "OP3", "OP4"]
    assert origins(history["OP1"]) == [
        ("Demands an immediate ", "A"),
        ("and lasting ", "B"),
        ("ceasefire", "A"),
        (" for the month of Ramadan", "D"),
        (";", "A"),
    ]
    assert origins(history["OP2"]) == [(REPORT, "A")]
    assert origins(history["OP3"]) == [(HOSTAGES, "C")]


def test_rounds_in_a_four_draft_series() -> None:
    history = by_clause(build_history(SERIES, OPTIONS))
    assert history["OP1"].rounds == (
        ("A", ("OP1",), "modified"),
        ("B", ("OP1",), "unchanged"),
        ("C", ("OP1",), "modified"),
    )
    # Added in rev.2 (C): the rounds start where it appears.
    assert history["OP3"].rounds == (("B", (), "added"), ("C", ("OP3",), "unchanged"))
    # Renumbered from OP3 to OP4 in C: never a change.
    assert history["OP4"].rounds == (
        ("A", ("OP3",), "unchanged"),
        ("B", ("OP3",), "unchanged"),
        ("C", ("OP4",), "unchanged"),
    )


def test_a_word_struck_and_restored_is_blamed_on_the_restoring_draft() -> None:
    series = [
        make_doc("A", ["Calls for a permanent ceasefire;"]),
        make_doc("B", ["Calls for a ceasefire;"]),
        make_doc("C", ["Calls for a permanent ceasefire;"]),
    ]
    (h,) = build_history(series, OPTIONS)
    assert origins(h) == [("Calls for a ", "A"), ("permanent ", "C"), ("ceasefire;", "A")]
    assert h.rounds == (("A", ("OP1",), "modified"), ("B", ("OP1",), "modified"))


def test_ignored_differences_keep_the_older_origin() -> None:
    series = [
        make_doc("A", ["Demands an immediate\nceasefire;"]),
        make_doc("B", ["demands an immediate ceasefire;"]),
    ]
    (h,) = build_history(series, CompareOptions(ignore_case=True))
    assert origins(h) == [("demands an immediate ceasefire;", "A")]
    (h,) = build_history(series, CompareOptions(ignore_case=False))
    assert origins(h) == [("demands", "B"), (" an immediate ceasefire;", "A")]


def test_a_single_draft_is_its_own_origin() -> None:
    (h,) = build_history([make_doc("A", ["Welcomes the report;"])], OPTIONS)
    assert h.rounds == () and origins(h) == [("Welcomes the report;", "A")]
    assert build_history([], OPTIONS) == ()


def _pair(
    a_doc: Document, b_doc: Document, a: tuple[str, ...], b: tuple[str, ...], status: PairStatus
) -> ClausePair:
    old = "\n".join(a_doc.clause(c).text for c in a)
    new = "\n".join(b_doc.clause(c).text for c in b)
    return ClausePair(a, b, status, False, 0.9, diff_texts(old, new))


def test_merge_then_split_with_a_scripted_alignment() -> None:
    a = make_doc("A", ["Condemns all attacks on civilians;", "Condemns attacks on hospitals;"])
    b = make_doc("B", ["Condemns all attacks on civilians and on hospitals;"])
    c = make_doc(
        "C", ["Strongly condemns all attacks on civilians;", "Condemns attacks on schools;"]
    )

    def scripted(x: Document, y: Document, options: CompareOptions) -> tuple[ClausePair, ...]:
        if (x.id, y.id) == ("A", "B"):
            return (_pair(x, y, ("OP1", "OP2"), ("OP1",), "merged"),)
        return (_pair(x, y, ("OP1",), ("OP1", "OP2"), "split"),)

    history = by_clause(build_history([a, b, c], OPTIONS, aligner=scripted))
    assert history["OP1"].rounds == (("A", ("OP1", "OP2"), "merged"), ("B", ("OP1",), "split"))
    assert history["OP2"].rounds == history["OP1"].rounds
    # B dropped the ";" after "civilians" when it merged the paragraphs, so C's is new.
    assert origins(history["OP1"]) == [
        ("Strongly condemns", "C"),
        (" all attacks on civilians", "A"),
        (";", "C"),
    ]
    assert origins(history["OP2"]) == [
        ("Condemns attacks", "C"),
        (" on ", "A"),
        ("schools", "C"),
        (";", "A"),
    ]
    for h in history.values():
        assert "".join(o.text for o in h.origins) == c.clause(h.clause).text


def test_sub_paragraphs_get_history_when_aligned() -> None:
    a = make_doc(
        "A", [("Requests the Secretary-General to:", ["report monthly;", "brief the Council."])]
    )
    b = make_doc(
        "B",
        [("Requests the Secretary-General to:", ["report every two weeks;", "brief the Council."])],
    )

    def scripted(x: Document, y: Document, options: CompareOptions) -> tuple[ClausePair, ...]:
        children = (
            _pair(x, y, ("OP1(a)",), ("OP1(a)",), "modified"),
            _pair(x, y, ("OP1(b)",), ("OP1(b)",), "unchanged"),
        )
        top = _pair(x, y, ("OP1",), ("OP1",), "unchanged")
        return (ClausePair(top.a, top.b, top.status, False, 1.0, top.diff, children),)

    history = by_clause(build_history([a, b], OPTIONS, aligner=scripted))
    assert list(history) == ["OP1", "OP1(a)", "OP1(b)"]
    assert history["OP1(a)"].rounds == (("A", ("OP1(a)",), "modified"),)
    assert origins(history["OP1(a)"]) == [("report ", "A"), ("every two weeks", "B"), (";", "A")]


words = st.sampled_from(
    [
        "ceasefire",
        "immediate",
        "lasting",
        "Demands",
        "demands",
        "all",
        "parties",
        "\u201chostages\u201d",
        "35,000",
        ",",
        ";",
        " ",
        "\n",
    ]
)
paragraph = st.lists(words, min_size=1, max_size=12).map("".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(paragraph, min_size=1, max_size=4), min_size=2, max_size=4))
def test_origins_tile_every_final_clause(drafts: list[list[str]]) -> None:
    docs = [make_doc("ABCD"[i], paras) for i, paras in enumerate(drafts)]
    history = build_history(docs, OPTIONS)
    final = docs[-1]
    assert [h.clause for h in history] == [c.id for c in final.clauses]
    ids = {d.id for d in docs}
    for h in history:
        assert "".join(o.text for o in h.origins) == final.clause(h.clause).text
        assert all(o.text and o.introduced_in in ids for o in h.origins)
        assert [r[0] for r in h.rounds] == [d.id for d in docs[-1 - len(h.rounds) : -1]]


def test_blame_does_not_trust_a_pair_diff_of_other_texts() -> None:
    """An aligner whose pair diffs are missing (or of other texts) gets them recomputed."""

    def without_diffs(x: Document, y: Document, options: CompareOptions) -> tuple[ClausePair, ...]:
        return tuple(
            ClausePair(p.a, p.b, p.status, p.moved, p.similarity, ()) for p in align(x, y, options)
        )

    expected = build_history(SERIES, OPTIONS)
    assert build_history(SERIES, OPTIONS, aligner=without_diffs) == expected
    assert origins(by_clause(expected)["OP1"])[1] == ("and lasting ", "B")
