"""Clause alignment: the contract of issue 3 on small hand-made drafts, and properties."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.align import align
from resdiff.align.terms import stem, terms
from resdiff.model import ClausePair, Document
from resdiff.subsequence import increasing_subsequence
from tests.align_fixtures import make_document
from tests.builders import parsed

OPS = [
    "Decides to extend the mandate of the mission until the end of next year;",
    "Requests the Secretary-General to report every ninety days on the humanitarian situation;",
    "Requests the Secretary-General to report every ninety days on the electoral process;",
    "Urges all parties to respect the ceasefire agreement signed in the capital;",
    "Calls upon Member States to contribute to the trust fund for victims;",
    "Encourages regional organizations to support mediation between the communities;",
    "Condemns all attacks against peacekeepers and humanitarian workers;",
    "Decides to remain seized of the matter.",
]


def doc(doc_id: str, texts: list[str], prefix: str = "OP") -> Document:
    return make_document(doc_id, [(f"{prefix}{k}", t) for k, t in enumerate(texts, 1)])


def statuses(pairs: tuple[ClausePair, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    return [(p.a, p.b, p.status) for p in pairs]


def test_a_draft_against_itself_is_all_unchanged() -> None:
    d = doc("A", OPS)
    pairs = align(d, d)
    assert [p.status for p in pairs] == ["unchanged"] * len(OPS)
    assert not any(p.changed for p in pairs)
    assert all(p.similarity == 1.0 for p in pairs)


def test_empty_documents() -> None:
    empty, full = doc("A", []), doc("B", OPS[:3])
    assert align(empty, empty) == ()
    assert [p.status for p in align(empty, full)] == ["added"] * 3
    assert [p.status for p in align(full, empty)] == ["removed"] * 3
    assert [p.text_b() for p in align(empty, full)] == OPS[:3]


def test_renumbering_alone_is_no_change() -> None:
    a = doc("A", OPS)
    b = doc("B", ["Notes the report of the panel of experts;", *OPS])  # every OP renumbered
    pairs = align(a, b)
    assert statuses(pairs)[0] == ((), ("OP1",), "added")
    assert all(p.status == "unchanged" and not p.moved for p in pairs[1:])


def test_one_moved_paragraph_does_not_mark_its_neighbours() -> None:
    moved = [OPS[0], OPS[6], *OPS[1:6], OPS[7]]
    pairs = align(doc("A", OPS), doc("B", moved))
    assert [(p.a, p.b) for p in pairs if p.moved] == [(("OP7",), ("OP2",))]
    assert all(p.status == "unchanged" for p in pairs)


def test_moved_and_edited_is_one_moved_pair_with_its_word_diff() -> None:
    edited = OPS[6].replace("Condemns", "Strongly condemns")
    b = doc("B", [edited, *OPS[:6], OPS[7]])
    pairs = align(doc("A", OPS), b)
    p = pairs[0]
    assert (p.a, p.b, p.status, p.moved) == (("OP7",), ("OP1",), "modified", True)
    assert any(r.op == "+" and "Strongly" in r.text for r in p.diff)
    assert sum(p.moved for p in pairs) == 1


def test_boilerplate_twins_pair_by_their_distinct_words() -> None:
    """Two "Requests the Secretary-General to report every ninety days on ..." paragraphs
    that differ in one word each: swapped, each must find its twin, not its neighbour."""
    b = doc("B", [OPS[0], OPS[2], OPS[1], *OPS[3:]])
    pairs = align(doc("A", OPS), b)
    assert (("OP2",), ("OP3",), "unchanged") in statuses(pairs)
    assert (("OP3",), ("OP2",), "unchanged") in statuses(pairs)


def test_demoted_paragraph_aligns_with_kind_change() -> None:
    a = make_document("A", [("PP1", "Recalling its earlier resolutions,"), ("OP1", OPS[6])])
    demoted = "Condemning all attacks against peacekeepers and humanitarian workers,"
    b = make_document("B", [("PP1", "Recalling its earlier resolutions,"), ("PP2", demoted)])
    p = align(a, b)[1]
    assert (p.a, p.b, p.status) == (("OP1",), ("PP2",), "modified")
    assert p.kind_change == ("operative", "preambular")


def test_split_versus_modified_plus_added() -> None:
    a = doc("A", [OPS[0], OPS[3][:-1] + " and calls upon them to release all detainees;"])
    split = doc("B", [OPS[0], OPS[3], "Calls upon all parties to release all detainees;"])
    assert statuses(align(a, split))[1] == (("OP2",), ("OP2", "OP3"), "split")
    # The second paragraph is new matter, not taken from A's OP2: modified + added.
    new = doc("B", [OPS[0], OPS[3], "Welcomes the appointment of a special envoy;"])
    assert statuses(align(a, new))[1:] == [
        (("OP2",), ("OP2",), "modified"),
        ((), ("OP3",), "added"),
    ]


def test_a_one_word_paragraph_and_unrelated_texts() -> None:
    a = doc("A", ["Welcomes;", "The quick brown fox jumps over the lazy dog."], prefix="P")
    b = doc("B", ["Entirely different words about something else.", "Welcomes;"], prefix="P")
    pairs = align(a, b)
    assert ((("P1",), ("P2",), "unchanged")) in statuses(pairs)
    assert sorted(p.status for p in pairs) == ["added", "removed", "unchanged"]


def test_stems_unify_operative_and_preambular_openers() -> None:
    for op, pp in [
        ("condemns", "condemning"),
        ("calls", "calling"),
        ("takes", "taking"),
        ("emphasizes", "emphasizing"),
        ("stresses", "stressing"),
        ("notes", "noting"),
        ("recognizes", "recognizing"),
        ("decides", "deciding"),
    ]:
        assert stem(op) == stem(pp), (op, pp)


@given(st.lists(st.integers(0, 50), max_size=40))
@settings(max_examples=100)
def test_increasing_subsequence_is_increasing_and_longest(values: list[int]) -> None:
    picked = increasing_subsequence(values)
    chosen = [values[k] for k in picked]
    assert picked == sorted(picked) and all(x < y for x, y in pairwise(chosen))
    best = [1] * len(values)  # O(n^2) reference length
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i]:
                best[i] = max(best[i], best[j] + 1)
    assert len(picked) == max(best, default=0)


VOCABULARY = (
    "the council demands ceasefire humanitarian access hostages release parties "
    "secretary-general report days requests urges decides civilians protection "
    "immediate sustainable lasting permanent condemns calls upon member states"
)
WORDS = st.sampled_from(VOCABULARY.split())
TEXTS = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    a = draw(st.lists(TEXTS, max_size=14))
    b = list(a)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "insert", "edit", "move", "split", "merge"]))
        if op == "insert" or not b:
            b.insert(draw(st.integers(0, len(b))), draw(TEXTS))
            continue
        k = draw(st.integers(0, len(b) - 1))
        if op == "delete":
            del b[k]
        elif op == "edit":
            b[k] = b[k] + " " + draw(TEXTS)
        elif op == "move":
            b.insert(draw(st.integers(0, len(b) - 1)), b.pop(k))
        elif op == "split":
            words = b[k].split()
            cut = len(words) // 2
            b[k : k + 1] = [" ".join(words[:cut]), " ".join(words[cut:])]
        elif op == "merge" and k + 1 < len(b):
            b[k : k + 2] = [b[k] + " " + b[k + 1]]
    return a, b


@given(edited_pair())
@settings(max_examples=150, deadline=None)
def test_every_clause_lands_in_exactly_one_pair(texts: tuple[list[str], list[str]]) -> None:
    a, b = doc("A", texts[0]), doc("B", texts[1])
    pairs = align(a, b)
    assert sorted(x for p in pairs for x in p.a) == sorted(c.id for c in a.clauses)
    assert sorted(x for p in pairs for x in p.b) == sorted(c.id for c in b.clauses)
    for p in pairs:
        assert 0.0 <= p.similarity <= 1.0
        assert p.text_a() == "\n".join(a.clause(x).text for x in p.a)
        assert p.text_b() == "\n".join(b.clause(x).text for x in p.b)
        assert (p.status == "split") == (len(p.b) > 1)
        assert (p.status == "merged") == (len(p.a) > 1)
        assert (p.status == "added") == (not p.a)
        assert (p.status == "removed") == (not p.b)
        assert not (p.moved and p.status in ("added", "removed"))
    if texts[0] == texts[1]:
        assert all(p.status == "unchanged" and not p.moved for p in pairs)


def test_a_weak_match_in_place_does_not_stop_a_split() -> None:
    """A deleted paragraph standing just before a split one resembles the split's second
    half a little: it must not keep that half (a weak in-place match) and hide the split."""
    whole = (
        "Urges all parties to respect the ceasefire agreement signed in the capital, and "
        "calls upon them to release all detainees held in connection with the conflict;"
    )
    deleted = "Calls upon all parties to release the journalists held in the northern region;"
    a = doc("A", [OPS[0], deleted, whole, OPS[7]])
    b = doc(
        "B",
        [
            OPS[0],
            "Urges all parties to respect the ceasefire agreement signed in the capital;",
            "Calls upon all parties to release all detainees held in connection with the conflict;",
            OPS[7],
        ],
    )
    assert statuses(align(a, b))[1:3] == [
        (("OP2",), (), "removed"),
        (("OP3",), ("OP2", "OP3"), "split"),
    ]


@st.composite
def nested_pair(draw: st.DrawFn) -> tuple[Document, Document]:
    """Two drafts whose operative paragraphs have random sub-paragraphs, B an edit of A."""

    def rows(parents: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for k, (text, kids) in enumerate(parents, 1):
            out.append((f"OP{k}", text))
            out += [(f"OP{k}({chr(97 + m)})", kid) for m, kid in enumerate(kids)]
        return out

    parent = st.tuples(TEXTS, st.lists(TEXTS, max_size=4))
    a = draw(st.lists(parent, max_size=8))
    b = [(t, list(kids)) for t, kids in a]
    for _ in range(draw(st.integers(0, 5))):
        if not b or draw(st.booleans()):
            b.insert(draw(st.integers(0, len(b))), draw(parent))
            continue
        kids = b[draw(st.integers(0, len(b) - 1))][1]
        delete = draw(st.booleans())
        if kids and delete:
            del kids[draw(st.integers(0, len(kids) - 1))]
        else:
            kids.insert(draw(st.integers(0, len(kids))), draw(TEXTS))
        if draw(st.booleans()):
            b.reverse()
    return make_document("A", rows(a)), make_document("B", rows(b))


@given(nested_pair())
@settings(max_examples=80, deadline=None)
def test_sub_paragraphs_each_land_in_exactly_one_child_pair(
    docs: tuple[Document, Document],
) -> None:
    a, b = docs

    def check(pair: ClausePair) -> None:
        kids_a = [k.id for x in pair.a for k in a.clause(x).children]
        kids_b = [k.id for x in pair.b for k in b.clause(x).children]
        assert sorted(x for c in pair.children for x in c.a) == sorted(kids_a)
        assert sorted(x for c in pair.children for x in c.b) == sorted(kids_b)
        if not pair.b:
            assert all(c.status == "removed" for c in pair.children)
        if not pair.a:
            assert all(c.status == "added" for c in pair.children)
        for child in pair.children:
            check(child)

    for p in align(a, b):
        check(p)


def test_typographic_variants_do_not_stop_an_exact_match() -> None:
    """A PDF's soft hyphen, ligature and non-breaking space leave the clause the same."""
    plain = "Calls upon donors to increase financing for the ceasefire monitoring mission;"
    pdf = "Calls upon donors to increase ﬁnancing for the cease\u00adfire monitoring\u00a0mission;"
    pairs = align(doc("A", [OPS[0], plain]), doc("B", [pdf, OPS[0]]))
    assert {(p.a, p.b) for p in pairs} == {(("OP1",), ("OP2",)), (("OP2",), ("OP1",))}
    assert terms(pdf) == terms(plain)  # the same exact-match key


def test_boilerplate_alone_does_not_pair_paragraphs_in_place() -> None:
    """A deleted and a new "... requests the Secretary-General to ..." paragraph in the
    same place share only boilerplate: removed + added, not one modified pair. A rewrite in
    place that keeps a word of its own ("ceasefire") is still paired."""
    keep = [OPS[0], OPS[1], OPS[2], OPS[7]]  # two more "Requests the Secretary-General"
    old = "Requests the Secretary-General to continue to support Member States in this work;"
    new = "Further requests the Secretary-General to include the matter in country programmes;"
    pairs = align(doc("A", [keep[0], old, *keep[1:]]), doc("B", [keep[0], new, *keep[1:]]))
    assert (("OP2",), (), "removed") in statuses(pairs)
    assert ((), ("OP2",), "added") in statuses(pairs)
    old = "Determines the imperative of an immediate and sustained ceasefire to protect civilians;"
    new = "Demands an immediate ceasefire for the month of Ramadan, respected by all parties;"
    pairs = align(doc("A", [keep[0], old, *keep[1:]]), doc("B", [keep[0], new, *keep[1:]]))
    assert (("OP2",), ("OP2",), "modified") in statuses(pairs)


def test_a_shared_verb_alone_does_not_pair_paragraphs_in_place() -> None:
    """A removed "Expressing its deep concern at ..." and a new "Expresses its
    appreciation for ..." in the same place share only their verb's stem (rare: no other
    paragraph opens with it): removed + added, not one paragraph promoted. The same verb
    and a word of their own ("harvest") still pair; so do plain paragraphs (no opener)
    sharing their first word."""
    head = "The Security Council,\n\nRecalling its resolutions on Calvera,\n\n"
    head += "Welcoming the elections,\n\n"
    last = "\n\n2. Decides to remain seized of the matter.\n"
    a = parsed(head + "Expressing its deep concern at the food situation in Calvera,\n")
    b = parsed(head + "1. Expresses its appreciation for the Office in Calvera;" + last, "B")
    assert [p.status for p in align(a, b)][-3:] == ["added", "added", "removed"]
    a = parsed(head + "Expressing its deep concern at the failed harvest in Calvera,\n")
    b = parsed(head + "1. Expresses its appreciation for the harvest relief;" + last, "B")
    assert (("PP3",), ("OP1",), "modified") in statuses(align(a, b))
    a, b = parsed("Alpha beta.\n\nGamma."), parsed("Alpha delta.\n\nGamma.", "B")
    assert [p.status for p in align(a, b)] == ["modified", "unchanged"]


def test_a_repeated_paragraph_pairs_with_the_copy_in_its_place() -> None:
    """A heading found twice in a and once in b pairs with the one standing where it
    stands in b, not with the first copy (which would then look moved)."""
    rows_a = [("H1", "Follow-up"), *[(f"OP{k}", t) for k, t in enumerate(OPS[:3], 1)]]
    rows_a += [("H2", "Follow-up"), ("OP4", OPS[3])]
    rows_b = [*[(f"OP{k}", t) for k, t in enumerate(OPS[:3], 1)], ("H1", "Follow-up")]
    rows_b += [("OP4", OPS[3])]
    pairs = align(make_document("A", rows_a), make_document("B", rows_b))
    assert (("H2",), ("H1",), "unchanged") in statuses(pairs)
    assert (("H1",), (), "removed") in statuses(pairs)
    assert not any(p.moved for p in pairs)


def test_chinese_clauses_with_an_edit_still_pair() -> None:
    from resdiff.pipeline import compare
    from tests.builders import parsed

    def doc(text: str, doc_id: str) -> Document:
        return parsed(text, doc_id, source=f"{doc_id}.txt")

    a = doc("安全理事会，\n\n1. 要求立即停火；\n\n2. 呼吁各方释放所有人质；\n", "A")
    b = doc("安全理事会，\n\n1. 要求立即持久停火；\n\n2. 呼吁各方释放所有人质；\n", "B")
    (pc,) = compare(a, b).comparisons
    assert [(p.a, p.b, p.status) for p in pc.pairs][-2:] == [
        (("1",), ("1",), "modified"),
        (("2",), ("2",), "unchanged"),
    ]
