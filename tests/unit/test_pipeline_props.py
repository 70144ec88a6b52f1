"""Invariants of ``compare`` on random UN-like drafts and random negotiation edits.

Drafts are built from a small vocabulary (so clauses share boilerplate, the hard case
for alignment) with preambular and numbered operative paragraphs, sub-paragraphs and
sub-sub-paragraphs; the second draft is the first after random edits: move, split,
merge, delete, insert, reword, demote. Whatever the aligner decides, every clause must
land in exactly one pair, every diff must rebuild both texts, the counts must add up and
the JSON must satisfy the schema.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import jsonschema  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resdiff.labels import to_letters, to_roman
from resdiff.model import ClausePair, CompareOptions, Document
from resdiff.pipeline import compare
from resdiff.render.json import render_comparison
from resdiff.render.schema import load_schema
from tests.builders import parsed

VALIDATOR = jsonschema.Draft202012Validator(load_schema())

PP_OPENERS = ["Recalling", "Reaffirming", "Expressing deep concern at", "Noting", "Stressing"]
OP_OPENERS = ["Demands", "Calls upon", "Requests", "Urges", "Decides", "Encourages"]
# Operative verbs and the preambular form a demoted paragraph takes.
DEMOTED = {
    "Demands": "Demanding",
    "Calls upon": "Calling upon",
    "Requests": "Requesting",
    "Urges": "Urging",
    "Decides": "Deciding",
    "Encourages": "Encouraging",
}
WORDS = [
    w
    for line in (
        "an immediate sustained ceasefire the release of all hostages humanitarian access to",
        "civilians in Gaza parties international law Secretary-General report within 30 days",
        "and unconditional full rapid safe unhindered, Member States funding",
    )
    for w in line.split()
]


@dataclass
class Para:
    """One paragraph of a draft before it is written out as text."""

    kind: str  # "PP" or "OP"
    opener: str
    words: list[str]
    subs: list[tuple[list[str], list[list[str]]]]


def _draft_text(paras: Sequence[Para]) -> str:
    lines = ["The Security Council,", ""]
    n = 0
    for p in paras:
        body = " ".join([p.opener, *p.words])
        if p.kind == "PP":
            lines += [body + ",", ""]
            continue
        n += 1
        lines += [f"{n}. {body}" + (":" if p.subs else ";"), ""]
        for i, (words, subsubs) in enumerate(p.subs):
            lines += [f"({to_letters(i + 1)}) " + " ".join(words) + (":" if subsubs else ";"), ""]
            for j, sub in enumerate(subsubs):
                lines += [f"({to_roman(j + 1)}) " + " ".join(sub) + ";", ""]
    return "\n".join(lines)


words_st = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)
subs_st = st.lists(st.tuples(words_st, st.lists(words_st, max_size=3)), max_size=3)
pp_st = st.builds(Para, st.just("PP"), st.sampled_from(PP_OPENERS), words_st, st.just([]))
op_st = st.builds(Para, st.just("OP"), st.sampled_from(OP_OPENERS), words_st, subs_st)
draft_st = st.tuples(st.lists(pp_st, max_size=5), st.lists(op_st, min_size=1, max_size=7)).map(
    lambda t: [*t[0], *t[1]]
)

EDITS = ("move", "split", "merge", "delete", "insert", "reword", "demote")


@st.composite
def edited(draw: st.DrawFn, paras: list[Para]) -> list[Para]:
    """The draft after a few random edits."""
    out = [replace(p, words=list(p.words), subs=list(p.subs)) for p in paras]
    for _ in range(draw(st.integers(0, 4))):
        edit = draw(st.sampled_from(EDITS))
        if not out:
            out.append(draw(op_st))
            continue
        i = draw(st.integers(0, len(out) - 1))
        p = out[i]
        if edit == "move":
            out.insert(draw(st.integers(0, len(out) - 1)), out.pop(i))
        elif edit == "split" and len(p.words) > 1:
            cut = draw(st.integers(1, len(p.words) - 1))
            second = Para(p.kind, draw(st.sampled_from(OP_OPENERS)), p.words[cut:], p.subs)
            out[i : i + 1] = [replace(p, words=p.words[:cut], subs=[]), second]
        elif edit == "merge" and i + 1 < len(out):
            nxt = out.pop(i + 1)
            out[i] = replace(p, words=[*p.words, "and", *nxt.words], subs=[*p.subs, *nxt.subs])
        elif edit == "delete":
            out.pop(i)
        elif edit == "insert":
            out.insert(i, draw(st.one_of(pp_st, op_st)))
        elif edit == "reword":
            k = draw(st.integers(0, len(p.words) - 1))
            p.words[k] = draw(st.sampled_from(WORDS))
        elif edit == "demote" and p.kind == "OP":
            out[i] = Para("PP", DEMOTED[p.opener], p.words, [])
    # A draft keeps its preamble before its operative part, as the parser expects.
    return [p for p in out if p.kind == "PP"] + [p for p in out if p.kind == "OP"]


def _document(text: str, doc_id: str) -> Document:
    return parsed(text, doc_id, source=f"{doc_id}.txt")


def _ids(pairs: Iterable[ClausePair], side: str) -> list[str]:
    return [i for p in pairs for i in (p.a if side == "a" else p.b)]


def _check_level(
    pairs: Sequence[ClausePair], a_ids: list[str], b_ids: list[str], texts: dict[str, str]
) -> None:
    """Each clause of this level in exactly one pair; diffs rebuild both sides."""
    assert Counter(_ids(pairs, "a")) == Counter(a_ids)
    assert Counter(_ids(pairs, "b")) == Counter(b_ids)
    for p in pairs:
        assert p.text_a() == "\n".join(texts["A:" + i] for i in p.a)
        assert p.text_b() == "\n".join(texts["B:" + i] for i in p.b)
        _check_level(
            p.children,
            [ch for i in p.a for ch in texts["A>" + i].split()],
            [ch for j in p.b for ch in texts["B>" + j].split()],
            texts,
        )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), paras=draft_st, ignore_case=st.booleans())
def test_compare_pairs_every_clause_once_and_rebuilds_both_texts(
    data: st.DataObject, paras: list[Para], ignore_case: bool
) -> None:
    a = _document(_draft_text(paras), "A")
    b = _document(_draft_text(data.draw(edited(paras))), "B")
    result = compare(a, b, options=CompareOptions(ignore_case=ignore_case))
    (pc,) = result.comparisons
    texts: dict[str, str] = {}
    for doc in (a, b):
        for c in doc.walk():
            texts[f"{doc.id}:{c.id}"] = c.text
            texts[f"{doc.id}>{c.id}"] = " ".join(ch.id for ch in c.children)
    _check_level(pc.pairs, [c.id for c in a.clauses], [c.id for c in b.clauses], texts)
    counts = pc.counts
    by_status = Counter(p.status for p in pc.pairs)
    assert counts.unchanged == by_status["unchanged"]
    assert counts.modified == by_status["modified"]
    assert counts.added == by_status["added"] and counts.removed == by_status["removed"]
    assert counts.split == by_status["split"] and counts.merged == by_status["merged"]
    assert sum(by_status.values()) == len(pc.pairs)
    assert counts.moved == sum(p.moved for p in pc.pairs)
    subs = [q for top in pc.pairs for child in top.children for q in child.walk()]
    by_sub = Counter(q.status for q in subs)
    sub = pc.sub_counts
    assert (sub.unchanged, sub.modified, sub.added, sub.removed) == (
        by_sub["unchanged"],
        by_sub["modified"],
        by_sub["added"],
        by_sub["removed"],
    )
    assert sum(by_sub.values()) == len(subs) and sub.moved == sum(q.moved for q in subs)
    for p in (q for top in pc.pairs for q in top.walk()):
        assert (p.status == "added") == (not p.a) and (p.status == "removed") == (not p.b)
        assert len(p.a) == 1 or p.status == "merged" or not p.a
        assert len(p.b) == 1 or p.status == "split" or not p.b
    VALIDATOR.validate(json.loads(render_comparison(result)))


@settings(max_examples=20, deadline=None)
@given(paras=draft_st)
def test_a_draft_against_itself_is_all_unchanged(paras: list[Para]) -> None:
    doc = _document(_draft_text(paras), "A")
    (pc,) = compare(doc, doc).comparisons
    assert not pc.differs
    assert all(p.status == "unchanged" and not p.moved for top in pc.pairs for p in top.walk())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), paras=draft_st)
def test_series_history_covers_every_clause_of_the_last_draft(
    data: st.DataObject, paras: list[Para]
) -> None:
    second = data.draw(edited(paras))
    third = data.draw(edited(second))
    docs = [_document(_draft_text(p), i) for p, i in ((paras, "A"), (second, "B"), (third, "C"))]
    result = compare(*docs, options=CompareOptions(series=True))
    last = {c.id: c.text for c in docs[-1].walk()}
    assert sorted(h.clause for h in result.history) == sorted(last)
    for h in result.history:
        assert "".join(o.text for o in h.origins) == last[h.clause]
        assert {o.introduced_in for o in h.origins} <= {"A", "B", "C"}
    VALIDATOR.validate(json.loads(render_comparison(result)))
