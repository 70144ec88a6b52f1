"""The seeds' competing drafts pair as seeds/README.md says.

The intended alignment is the table in seeds/README.md, written with the seeds. These
tests run the real pipeline (load -> parse -> align).
"""

from __future__ import annotations

from resdiff.model import ClausePair, Document
from resdiff.pipeline import load
from resdiff.seeds import seed_dir

# (a ids, b ids, status, moved, kind change) for every top-level clause: 9001 -> 9002.
TIED_TO_DEMANDS = [
    ("PP1", "PP1", "unchanged", False, None),
    ("PP2", "PP2", "unchanged", False, None),
    ("PP3", "PP3", "unchanged", False, None),
    ("PP4 PP5", "PP4", "merged", False, None),
    ("PP6", "PP10", "modified", True, None),
    ("PP7", "PP5", "unchanged", False, None),
    ("PP8", "PP6", "unchanged", False, None),
    ("PP9", "PP9", "unchanged", False, None),
    ("PP10", "", "removed", False, None),
    ("PP11", "PP11", "unchanged", False, None),
    ("", "PP8", "added", False, None),
    ("OP1", "OP1", "modified", False, None),
    ("OP2", "OP2 OP3", "split", False, None),
    ("OP3", "OP4", "modified", False, None),
    ("OP4", "OP6", "modified", False, None),  # its (b) changed: 30 -> 15 days
    ("OP5", "OP7", "unchanged", False, None),
    ("OP6", "OP8", "modified", False, None),
    ("OP7", "", "removed", False, None),
    ("OP8", "PP7", "modified", True, ("operative", "preambular")),
    ("OP9", "OP10", "unchanged", False, None),
    ("OP10", "OP11", "modified", False, None),
    ("OP11", "OP5", "unchanged", True, None),
    ("OP12", "OP12", "unchanged", False, None),
    ("", "OP9", "added", False, None),
]


def _load(name: str, doc_id: str) -> Document:
    doc = load(str(seed_dir() / name), doc_id)
    assert doc.parse.structure == "un", doc.parse.note
    return doc


def _row(p: ClausePair) -> tuple[str, str, str, bool, object]:
    return (" ".join(p.a), " ".join(p.b), p.status, p.moved, p.kind_change)


def test_tied_against_demands_pairs_as_the_seeds_readme_says() -> None:
    a = _load("s-2024-9001-tied.txt", "A")
    b = _load("s-2024-9002-demands.txt", "B")
    from resdiff.align import align

    pairs = align(a, b)
    assert sorted(_row(p) for p in pairs) == sorted(TIED_TO_DEMANDS)
    sg = next(p for p in pairs if p.a == ("OP4",))
    kids = {(c.a, c.b): c for c in sg.children}
    assert kids[("OP4(a)",), ("OP6(a)",)].status == "unchanged"
    b_kid = kids[("OP4(b)",), ("OP6(b)",)]
    assert b_kid.status == "modified"
    assert [(c.a, c.b, c.status) for c in b_kid.children] == [
        (("OP4(b)(i)",), ("OP6(b)(i)",), "unchanged"),
        (("OP4(b)(ii)",), ("OP6(b)(ii)",), "unchanged"),
    ]
    assert kids[("OP4(c)",), ("OP6(c)",)].status == "unchanged"


def test_revision_with_other_layout_is_renumbering_plus_few_edits() -> None:
    a = _load("s-2024-9001-tied.txt", "A")
    r = _load("s-2024-9001-rev1-tied.txt", "B")
    from resdiff.align import align

    pairs = align(a, r)
    rows = {(" ".join(p.a), " ".join(p.b)): p for p in pairs}
    for k in range(1, 12):
        assert rows[f"PP{k}", f"PP{k}"].status == "unchanged"
    assert rows["OP1", "OP1"].status == "modified"
    assert rows["OP2", "OP2"].status == "unchanged"
    assert rows["OP3", "OP3"].status == "modified"
    assert rows["", "OP4"].status == "added"
    # OP4 keeps its chapeau but loses sub-paragraph (c): a modified paragraph.
    assert rows["OP4", "OP5"].status == "modified"
    assert all(r.op == "=" or r.minor for r in rows["OP4", "OP5"].diff)
    for k in range(5, 13):
        assert rows[f"OP{k}", f"OP{k + 1}"].status == "unchanged"
    assert not any(p.moved for p in pairs)
    sg = rows["OP4", "OP5"]
    assert [(c.a, c.b, c.status) for c in sg.children][-1] == (("OP4(c)",), (), "removed")


def test_every_pair_of_the_seeds_rebuilds_both_texts_and_covers_every_clause() -> None:
    a = _load("s-2024-9001-tied.txt", "A")
    b = _load("s-2024-9002-demands.txt", "B")
    from resdiff.align import align

    seen_a: list[str] = []
    seen_b: list[str] = []
    for top in align(a, b):
        for p in top.walk():
            assert p.text_a() == "\n".join(a.clause(x).text for x in p.a)
            assert p.text_b() == "\n".join(b.clause(x).text for x in p.b)
            seen_a += p.a
            seen_b += p.b
    assert sorted(seen_a) == sorted(c.id for top in a.clauses for c in top.walk())
    assert sorted(seen_b) == sorted(c.id for top in b.clauses for c in top.walk())
