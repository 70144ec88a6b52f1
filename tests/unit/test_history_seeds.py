"""History over the seed drafts: earlier draft (9000) -> 9001 -> 9001/Rev.1 (the seeds
README gives the answers)."""

from __future__ import annotations

from resdiff.history import build_history
from resdiff.model import ClauseHistory, CompareOptions, Document
from resdiff.pipeline import load
from resdiff.seeds import seed_path


def series(*names: str) -> list[Document]:
    docs = [load(str(seed_path(n)), doc_id="ABC"[i]) for i, n in enumerate(names)]
    assert all(d.parse.structure == "un" for d in docs), [d.parse.note for d in docs]
    return docs


def blamed_on(h: ClauseHistory, doc_id: str) -> str:
    return " ".join("".join(o.text for o in h.origins if o.introduced_in == doc_id).split())


def test_revision_blames_only_its_own_words() -> None:
    docs = series("s-2024-9001-tied.txt", "s-2024-9001-rev1-tied.txt")
    history = {h.clause: h for h in build_history(docs, CompareOptions())}
    # Re-wrapping every line at 70 characters is no new wording: the preamble is all A's.
    for n in range(1, 12):
        h = history[f"PP{n}"]
        assert blamed_on(h, "B") == "", h.clause
        assert h.rounds == (("A", (f"PP{n}",), "unchanged"),)
    # "immediate and sustained" -> "immediate, sustained and durable": only that is new.
    op1 = history["OP1"]
    assert "durable" in blamed_on(op1, "B")
    assert "Determines the imperative of an immediate" in blamed_on(op1, "A")
    assert len(blamed_on(op1, "B")) < 25
    assert op1.rounds == (("A", ("OP1",), "modified"),)
    # The verb softened in OP3.
    assert blamed_on(history["OP3"], "B").startswith("Urges")
    # OP4 is new in Rev.1; the old OP5 is now OP6, renumbered only.
    assert history["OP4"].rounds == (("A", (), "added"),)
    assert blamed_on(history["OP4"], "A") == ""
    assert history["OP6"].rounds == (("A", ("OP5",), "unchanged"),)


def test_three_drafts_trace_back_to_the_earliest() -> None:
    docs = series("s-2024-9000-earlier.txt", "s-2024-9001-tied.txt", "s-2024-9001-rev1-tied.txt")
    history = {h.clause: h for h in build_history(docs, CompareOptions())}
    # 9000's PP7 is word for word 9001's PP11 (two-State solution), kept in Rev.1.
    pp11 = history["PP11"]
    assert pp11.rounds == (("A", ("PP7",), "unchanged"), ("B", ("PP11",), "unchanged"))
    assert [o.introduced_in for o in pp11.origins] == ["A"]
    # The qualifier added in Rev.1 is C's, whatever 9001 took from 9000.
    assert "durable" in blamed_on(history["OP1"], "C")
    for h in history.values():
        final = docs[-1].clause(h.clause).text
        assert "".join(o.text for o in h.origins) == final
