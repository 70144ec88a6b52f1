"""Invariants of ``compare`` on random UN-like drafts and random negotiation edits.

Drafts are built from a small vocabulary (so clauses share boilerplate, the hard case
for alignment) with a header (symbol, date, sponsors, perhaps a title), preambular and
numbered operative paragraphs, sub-paragraphs and sub-sub-paragraphs, and footnotes; the
second draft is the first after random edits: move, split, merge, delete, insert,
reword, demote, and sponsors, date, symbol and footnotes changed. Whatever the aligner
decides, every clause and footnote must land in exactly one pair, every diff must
rebuild both texts, the counts must add up, the JSON must satisfy the schema - and the
JSON alone must rebuild each draft exactly, header and footnotes included.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

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


@dataclass
class Frame:
    """What a draft has around its paragraphs: the header's fields and the footnotes."""

    symbol: int
    day: int
    sponsors: list[str]
    title: str | None
    notes: list[list[str]]


def _draft_text(paras: Sequence[Para], frame: Frame | None = None) -> str:
    lines = [*_header_lines(frame), "The Security Council,", ""]
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
    for k, note in enumerate(frame.notes if frame else [], 1):
        lines += [f"[{k}] " + " ".join(note), ""]
    return "\n".join(lines)


def _header_lines(frame: Frame | None) -> list[str]:
    if frame is None:
        return []
    lines = [
        f"United Nations{' ' * 30}S/2024/{frame.symbol}",
        f"Security Council{' ' * 28}Distr.: General",
        f"{' ' * 44}{frame.day} March 2024",
        "",
    ]
    if frame.sponsors:
        names = frame.sponsors
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        lines += [f"{listed}: draft resolution", ""]
    if frame.title:
        lines += [frame.title, ""]
    return lines


words_st = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)
subs_st = st.lists(st.tuples(words_st, st.lists(words_st, max_size=3)), max_size=3)
pp_st = st.builds(Para, st.just("PP"), st.sampled_from(PP_OPENERS), words_st, st.just([]))
op_st = st.builds(Para, st.just("OP"), st.sampled_from(OP_OPENERS), words_st, subs_st)
draft_st = st.tuples(st.lists(pp_st, max_size=5), st.lists(op_st, min_size=1, max_size=7)).map(
    lambda t: [*t[0], *t[1]]
)

EDITS = ("move", "split", "merge", "delete", "insert", "reword", "demote")

SPONSORS = ["Algeria", "Bosnia and Herzegovina", "France", "Guyana", "Japan", "Malta"]
TITLES = ["The situation in the Middle East", "Maintenance of international peace"]
frame_st = st.builds(
    Frame,
    st.integers(100, 999),
    st.integers(1, 28),
    st.lists(st.sampled_from(SPONSORS), max_size=4, unique=True),
    st.one_of(st.none(), st.sampled_from(TITLES)),
    st.lists(words_st, max_size=3),
)
FRAME_EDITS = (
    "sponsor-in",
    "sponsor-out",
    "date",
    "symbol",
    "title",
    "note-word",
    "note-out",
    "note-in",
)


@st.composite
def edited_frame(draw: st.DrawFn, frame: Frame) -> Frame:
    """The header and footnotes after a few random edits."""
    out = replace(frame, sponsors=list(frame.sponsors), notes=[list(n) for n in frame.notes])
    for _ in range(draw(st.integers(0, 3))):
        edit = draw(st.sampled_from(FRAME_EDITS))
        if edit == "sponsor-in":
            name = draw(st.sampled_from(SPONSORS))
            if name not in out.sponsors:
                out.sponsors.insert(draw(st.integers(0, len(out.sponsors))), name)
        elif edit == "sponsor-out" and out.sponsors:
            out.sponsors.pop(draw(st.integers(0, len(out.sponsors) - 1)))
        elif edit == "date":
            out.day = draw(st.integers(1, 28))
        elif edit == "symbol":
            out.symbol = draw(st.integers(100, 999))
        elif edit == "title":
            out.title = draw(st.one_of(st.none(), st.sampled_from(TITLES)))
        elif edit == "note-word" and out.notes:
            note = out.notes[draw(st.integers(0, len(out.notes) - 1))]
            note[draw(st.integers(0, len(note) - 1))] = draw(st.sampled_from(WORDS))
        elif edit == "note-out" and out.notes:
            out.notes.pop(draw(st.integers(0, len(out.notes) - 1)))
        elif edit == "note-in":
            out.notes.insert(draw(st.integers(0, len(out.notes))), draw(words_st))
    return out


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


def _rebuild(data: dict[str, Any], doc: int) -> str:
    """One draft's text from the JSON alone: the header's runs, then every clause and
    footnote in reading order as lead + its text + trail, each text taken from the runs
    of the pair holding it (several clauses of one pair: the runs give their texts
    joined by newlines, which the documents' texts must match)."""
    document = data["documents"][doc]
    pc = data["comparisons"][0]
    side, dropped = ("a", "+") if doc == 0 else ("b", "-")
    kept = lambda runs: "".join(r[1] for r in runs if r[0] != dropped)  # noqa: E731

    def nodes(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for item in items:
            yield item
            yield from nodes(item["children"])

    own = {c["id"]: c for c in nodes(document["clauses"] + document["footnotes"])}
    texts: dict[str, str] = {}
    for pair in nodes(pc["pairs"] + pc["footnotes"]):
        ids = pair[side]
        if len(ids) == 1:
            texts[ids[0]] = kept(pair["diff"])
        elif ids:
            assert kept(pair["diff"]) == "\n".join(own[i]["text"] for i in ids)
            texts.update((i, own[i]["text"]) for i in ids)
    assert pc["header"][side] == ["header"]
    body = (c["lead"] + texts[c["id"]] + c["trail"] for c in own.values())
    return kept(pc["header"]["diff"]) + "".join(body)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), paras=draft_st, frame=frame_st, ignore_case=st.booleans())
def test_compare_pairs_every_clause_once_and_rebuilds_both_texts(
    data: st.DataObject, paras: list[Para], frame: Frame, ignore_case: bool
) -> None:
    a = _document(_draft_text(paras, frame), "A")
    b = _document(_draft_text(data.draw(edited(paras)), data.draw(edited_frame(frame))), "B")
    result = compare(a, b, options=CompareOptions(ignore_case=ignore_case))
    (pc,) = result.comparisons
    texts: dict[str, str] = {}
    for doc in (a, b):
        for c in doc.walk():
            texts[f"{doc.id}:{c.id}"] = c.text
            texts[f"{doc.id}>{c.id}"] = " ".join(ch.id for ch in c.children)
    _check_level(pc.pairs, [c.id for c in a.clauses], [c.id for c in b.clauses], texts)
    _check_level(pc.footnotes, [c.id for c in a.footnotes], [c.id for c in b.footnotes], texts)
    assert pc.header is not None
    assert pc.header.text_a() == a.header.slice(a.text)
    assert pc.header.text_b() == b.header.slice(b.text)
    assert pc.differs == (
        any(p.changed for p in (*pc.pairs, *pc.footnotes)) or pc.header.status == "modified"
    )
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
    notes = Counter(p.status for p in pc.footnotes)
    assert (pc.footnote_counts.modified, pc.footnote_counts.added) == (
        notes["modified"],
        notes["added"],
    )
    assert sum(notes.values()) == len(pc.footnotes)
    for p in (q for top in (*pc.pairs, *pc.footnotes) for q in top.walk()):
        assert (p.status == "added") == (not p.a) and (p.status == "removed") == (not p.b)
        assert len(p.a) == 1 or p.status == "merged" or not p.a
        assert len(p.b) == 1 or p.status == "split" or not p.b
    data_json = json.loads(render_comparison(result))
    VALIDATOR.validate(data_json)
    assert _rebuild(data_json, 0) == a.text
    assert _rebuild(data_json, 1) == b.text


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
