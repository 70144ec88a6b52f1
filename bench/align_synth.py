"""Synthetic resolution pairs with known edits, for the alignment benchmark.

``make_pair(n_paragraphs, seed)`` builds draft A (preamble then operative part, UN-style
openers, Zipf-distributed vocabulary with shared boilerplate phrases) and draft B by
applying rewordings, moves (some also edited), deletions, insertions, splits, merges
and demotions (operative -> preambular) to A. It returns both as ``Document`` values
built directly (no parser) and the truth: which clause(s) of A became which of B.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from resdiff.model import Clause, Document, ParseInfo, Span

PP_OPENERS = [
    "Recalling",
    "Reaffirming",
    "Recognizing",
    "Noting with concern",
    "Expressing deep concern",
    "Welcoming",
    "Stressing",
    "Emphasizing",
    "Bearing in mind",
    "Mindful",
    "Condemning",
    "Acknowledging",
]
OP_VERBS = [
    ("Decides", "Deciding"),
    ("Requests", "Requesting"),
    ("Urges", "Urging"),
    ("Calls upon", "Calling upon"),
    ("Encourages", "Encouraging"),
    ("Condemns", "Condemning"),
    ("Welcomes", "Welcoming"),
    ("Stresses", "Stressing"),
    ("Reaffirms", "Reaffirming"),
    ("Invites", "Inviting"),
    ("Emphasizes", "Emphasizing"),
    ("Notes", "Noting"),
]
BOILERPLATE = [
    "the Secretary-General to report to the General Assembly at its next session on",
    "all Member States in accordance with international law and the Charter of the United Nations",
    "the relevant United Nations entities within their respective mandates and existing resources",
    "international humanitarian law and international human rights law, as applicable",
    "its commitment to the full implementation of the 2030 Agenda for Sustainable Development",
    "the important role of civil society, including women and young people,",
]
FUNCTION = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "on",
    "with",
    "by",
    "all",
    "its",
    "their",
    "as",
    "a",
    "at",
    "that",
    "including",
    "from",
    "under",
    "through",
    "be",
    "is",
    "are",
    "this",
    "such",
    "further",
    "relevant",
    "also",
]
SYLLABLES = [
    "ra",
    "ne",
    "to",
    "mi",
    "sa",
    "lo",
    "ve",
    "ri",
    "ta",
    "po",
    "de",
    "ka",
    "su",
    "li",
    "me",
    "no",
    "ga",
    "bi",
    "fe",
    "ho",
    "ju",
    "ko",
    "lu",
    "ma",
    "pa",
    "qui",
    "ro",
    "se",
    "ti",
    "vo",
    "ze",
    "an",
    "el",
    "in",
    "or",
    "us",
    "al",
    "en",
]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class _Words:
    """Zipf-like sampling of content words, mixed with function words."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        self.vocab = _vocabulary(rng, size)
        self.weights = [1.0 / (k + 1) ** 0.9 for k in range(size)]

    def content(self, n: int) -> list[str]:
        return self.rng.choices(self.vocab, self.weights, k=n)

    def body(self, n: int) -> str:
        out: list[str] = []
        while len(out) < n:
            r = self.rng.random()
            if r < 0.04:
                out.extend(self.rng.choice(BOILERPLATE).split())
            elif r < 0.5:
                out.append(self.rng.choice(FUNCTION))
            else:
                out.extend(self.content(1))
        return " ".join(out[:n])


@dataclass
class Para:
    kind: str  # "preambular" | "operative"
    opener: str
    body: str
    origin: tuple[int, ...]  # indices into A's paragraphs this one came from
    moved: bool = False
    demoted: bool = False

    def text(self) -> str:
        end = "," if self.kind == "preambular" else ";"
        return f"{self.opener} {self.body}{end}"


@dataclass
class SynthPair:
    a: Document
    b: Document
    truth: list[tuple[tuple[str, ...], tuple[str, ...]]]
    hard: set[str] = field(default_factory=set)  # A/B clause ids moved, split, merged, demoted
    words: int = 0
    moved: set[str] = field(default_factory=set)  # A/B ids of moved or demoted clauses
    grouped: set[str] = field(default_factory=set)  # A/B ids in splits and merges


def _op_from_pp(op: str) -> str:
    for verb, participle in OP_VERBS:
        if op == verb:
            return participle
    return op


def _document(doc_id: str, paras: list[Para]) -> tuple[Document, list[str]]:
    clauses: list[Clause] = []
    ids: list[str] = []
    parts: list[str] = []
    pos = 0
    pp = op = 0
    for p in paras:
        if p.kind == "preambular":
            pp += 1
            cid, number, label = f"PP{pp}", None, None
        else:
            op += 1
            cid, number, label = f"OP{op}", str(op), f"{op}."
        body = p.text()
        chunk = (f"{label} " if label else "") + body + "\n\n"
        clauses.append(
            Clause(cid, p.kind, number, label, p.opener, body, Span(pos, pos + len(chunk)))  # type: ignore[arg-type]
        )
        parts.append(chunk)
        pos += len(chunk)
        ids.append(cid)
    doc = Document(
        id=doc_id,
        source=f"synthetic-{doc_id}.txt",
        format="txt",
        text="".join(parts),
        symbol=None,
        author="The General Assembly,",
        date=None,
        sponsors=(),
        title=None,
        language="en",
        parse=ParseInfo("un", "synthetic"),
        header=Span(0, 0),
        clauses=tuple(clauses),
    )
    return doc, ids


def make_pair(n: int, seed: int = 1, words_per_para: int = 65) -> SynthPair:
    rng = random.Random(seed)
    w = _Words(rng)
    n_pp = max(2, n * 15 // 100)
    a: list[Para] = []
    for k in range(n):
        length = max(8, int(rng.gauss(words_per_para, words_per_para / 3)))
        if k < n_pp:
            a.append(Para("preambular", rng.choice(PP_OPENERS), w.body(length), (k,)))
        else:
            a.append(Para("operative", rng.choice(OP_VERBS)[0], w.body(length), (k,)))
    b = [Para(p.kind, p.opener, p.body, p.origin) for p in a]

    def pick_op() -> int:
        return rng.randrange(n_pp, len(b))

    def pick_simple() -> int:
        """An operative paragraph from exactly one A paragraph, not split, not moved."""
        while True:
            k = pick_op()
            o = b[k].origin
            if len(o) == 1 and not b[k].moved and sum(q.origin == o for q in b) == 1:
                return k

    def free_slot(lo: int, hi: int) -> int:
        """A position not between two halves of a split."""
        while True:
            j = rng.randrange(lo, hi)
            if j == 0 or j >= len(b) or b[j - 1].origin != b[j].origin or not b[j].origin:
                return j

    edits = max(1, n // 33)  # about 3% of paragraphs per kind of edit
    for _ in range(edits * 3):  # rewordings: ~10%
        p = b[rng.randrange(len(b))]
        words = p.body.split()
        for _ in range(max(1, len(words) // 6)):
            words[rng.randrange(len(words))] = w.content(1)[0]
        p.body = " ".join(words)
    for _ in range(edits):  # deletions
        del b[pick_op()]
    for _ in range(edits):  # insertions
        k = rng.randrange(len(b) + 1)
        kind = "preambular" if k < n_pp else "operative"
        opener = rng.choice(PP_OPENERS) if kind == "preambular" else rng.choice(OP_VERBS)[0]
        b.insert(k, Para(kind, opener, w.body(int(words_per_para * 0.8)), ()))
    for _ in range(edits):  # splits
        k = pick_op()
        p = b[k]
        if len(p.origin) != 1:
            continue
        words = p.body.split()
        cut = len(words) // 2
        first = Para(p.kind, p.opener, " ".join(words[:cut]), p.origin)
        second = Para(p.kind, "Also " + p.opener.lower(), " ".join(words[cut:]), p.origin)
        b[k : k + 1] = [first, second]
    for _ in range(edits):  # merges of two neighbours from A
        k = rng.randrange(n_pp, len(b) - 1)
        x, y = b[k], b[k + 1]
        if len(x.origin) != 1 or len(y.origin) != 1 or y.origin[0] != x.origin[0] + 1:
            continue
        if any(q.origin == x.origin or q.origin == y.origin for q in b if q not in (x, y)):
            continue
        merged = Para(
            x.kind, x.opener, f"{x.body}, and {y.opener.lower()} {y.body}", (*x.origin, *y.origin)
        )
        b[k : k + 2] = [merged]
    for _ in range(edits):  # moves (half of them also edited)
        k = pick_simple()
        p = b.pop(k)
        if rng.random() < 0.5:
            p.body = p.body + " " + w.body(6)
        j = free_slot(n_pp + 1, len(b))
        while abs(j - k) < 5:
            j = free_slot(n_pp + 1, len(b))
        p.moved = True
        b.insert(j, p)
    for _ in range(edits):  # demotions: an operative paragraph becomes preambular
        k = pick_simple()
        p = b.pop(k)
        p.kind, p.opener, p.demoted = "preambular", _op_from_pp(p.opener), True
        b.insert(free_slot(1, n_pp), p)

    doc_a, ids_a = _document("A", a)
    doc_b, ids_b = _document("B", b)
    groups: dict[tuple[int, ...], list[str]] = {}
    moved: set[str] = set()
    grouped: set[str] = set()
    for p, bid in zip(b, ids_b, strict=True):
        if not p.origin:
            continue
        groups.setdefault(p.origin, []).append(bid)
        if p.moved or p.demoted:
            moved.add(bid)
            moved.update(ids_a[i] for i in p.origin)
        if len(p.origin) > 1:
            grouped.add(bid)
            grouped.update(ids_a[i] for i in p.origin)
    truth: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for origin, bids in groups.items():
        aids = tuple(ids_a[i] for i in origin)
        truth.append((aids, tuple(bids)))
        if len(bids) > 1:
            grouped.update(aids)
            grouped.update(bids)
    used_a = {i for o in groups for i in o}
    truth += [((ids_a[i],), ()) for i in range(len(a)) if i not in used_a]
    truth += [((), (bid,)) for p, bid in zip(b, ids_b, strict=True) if not p.origin]
    words = sum(len(p.text().split()) for p in a)
    return SynthPair(doc_a, doc_b, truth, moved | grouped, words, moved, grouped)
