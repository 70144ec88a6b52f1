"""A synthetic corpus of UN-style resolutions with known reuse, for tests and benchmarks.

Resolutions come in *series* (one agenda item, a new resolution every so often), as real
ones do: each takes the paragraphs of the series' last text and keeps most word for word
(``identical``), edits some (``adapted``: a few words replaced by words never used
before, a verb made stronger or weaker, a phrase appended, an operative paragraph moved
to the preamble), drops a few and writes new ones (``new``). Security Council texts end
with "Decides to remain seized of the matter.", which is therefore in most of them.

``generate(n_documents, seed)`` yields ``SynthDocument`` values in date order (streamed:
only the last text of each series is kept); ``write_corpus`` writes them as text files in
the layout resdiff reads. ``make_draft`` writes the next text of a series as a draft and
returns, for every clause, what the precedent search must find (``Truth``).

Run ``python bench/corpus_synth.py OUT_DIR --documents 5000`` to write a corpus.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.align_synth import FUNCTION, PP_OPENERS, SYLLABLES

#: Operative verbs, weakest first (a change of verb moves one or two steps up).
OP_VERBS = (
    "Takes note of",
    "Welcomes",
    "Encourages",
    "Invites",
    "Requests",
    "Urges",
    "Calls upon",
    "Demands",
    "Decides",
)
DOMAIN = (
    "humanitarian", "assistance", "civilians", "protection", "international", "law",
    "Member", "States", "United", "Nations", "Secretary-General", "report", "implementation",
    "development", "security", "peace", "cooperation", "sustainable", "capacity", "regional",
    "national", "institutions", "support", "efforts", "rights", "human", "women", "children",
    "access", "resources", "measures", "framework", "Council", "Assembly", "agencies",
    "programmes", "mandate", "commitments", "obligations", "dialogue", "stability",
    "recovery", "reconstruction", "refugees", "displaced", "persons", "elections",
)  # fmt: skip
#: Fresh words (see ``_Words.fresh``) start with this, which no other word does.
FRESH = "zu"
SEIZED = "Decides to remain seized of the matter"
CHAPEAU = "Requests the Secretary-General to:"


@dataclass
class SynthParagraph:
    """One paragraph; ``subs`` are its sub-paragraphs (a chapeau's (a), (b)...)."""

    kind: str  # "preambular" | "operative"
    opener: str
    body: str
    subs: list[str] = field(default_factory=list)

    def text(self, last: bool = False) -> str:
        if self.opener.endswith(":"):
            return self.opener
        end = "," if self.kind == "preambular" else ("." if last else ";")
        return f"{self.opener} {self.body}".rstrip() + end


@dataclass(frozen=True)
class Truth:
    """What the search must find for one clause of a draft: its status and, unless
    ``new``, the text of the paragraph it came from."""

    clause: str
    status: str
    source_text: str | None


@dataclass
class SynthDocument:
    index: int
    series: int
    symbol: str
    date: datetime.date
    council: bool
    title: str
    paragraphs: list[SynthParagraph]

    def clause_texts(self) -> list[tuple[str, str]]:
        """(clause id, text) in document order, as resdiff's parser numbers them."""
        out: list[tuple[str, str]] = []
        pp = op = 0
        ops = [p for p in self.paragraphs if p.kind == "operative"]
        for p in self.paragraphs:
            if p.kind == "preambular":
                pp += 1
                out.append((f"PP{pp}", p.text()))
                continue
            op += 1
            out.append((f"OP{op}", p.text(last=p is ops[-1])))
            for k, sub in enumerate(p.subs):
                out.append((f"OP{op}({chr(97 + k)})", f"{sub};"))
        return out

    def render(self) -> str:
        organ = "Security Council" if self.council else "General Assembly"
        day = f"{self.date.day} {self.date.strftime('%B')} {self.date.year}"
        lines = [
            f"United Nations{' ' * 40}{self.symbol}",
            f"{organ}{' ' * 38}Distr.: General",
            f"{' ' * 54}{day}",
            "",
            "Synthetic text generated for resdiff's tests and benchmarks.",
            "",
            self.title,
            "",
            f"The {organ},",
            "",
        ]
        ops = [p for p in self.paragraphs if p.kind == "operative"]
        n = 0
        for p in self.paragraphs:
            if p.kind == "preambular":
                lines += [p.text(), ""]
                continue
            n += 1
            lines += [f"{n}. {p.text(last=p is ops[-1])}", ""]
            for k, sub in enumerate(p.subs):
                lines += [f"    ({chr(97 + k)}) {sub};", ""]
        return "\n".join(lines)


class _Words:
    """Content words with a long tail (Zipf-like), and fresh words never used before."""

    def __init__(self, rng: random.Random, size: int = 6000) -> None:
        self.rng = rng
        vocab: set[str] = set()
        while len(vocab) < size:
            vocab.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocab = [*DOMAIN, *sorted(vocab)]
        self.cum: list[float] = []
        total = 0.0
        for k in range(len(self.vocab)):
            total += 1.0 / (k + 1) ** 0.8
            self.cum.append(total)
        self.fresh_count = 0

    def content(self, n: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def fresh(self) -> str:
        """A word no paragraph has used before (edits move away from every older text)."""
        self.fresh_count += 1
        n, out = self.fresh_count, ""
        while True:
            n, r = divmod(n, len(SYLLABLES))
            out += SYLLABLES[r]
            if not n:
                return FRESH + out

    def body(self, n: int) -> str:
        words = [
            self.rng.choice(FUNCTION) if self.rng.random() < 0.45 else self.content(1)[0]
            for _ in range(n)
        ]
        return " ".join(words)


class _Series:
    """One agenda item: its last text, and where the next one stands in time."""

    def __init__(self, number: int, council: bool, title: str) -> None:
        self.number = number
        self.council = council
        self.title = title
        self.last: list[SynthParagraph] = []
        self.count = 0


class Generator:
    """Resolutions in date order; ``series`` agenda items share the documents."""

    def __init__(self, seed: int = 1, paragraphs: int = 60, series: int = 120) -> None:
        self.rng = random.Random(seed)
        self.words = _Words(self.rng)
        self.paragraphs = paragraphs
        self.series = [_Series(k, council=k % 3 == 0, title=self._title()) for k in range(series)]
        self.day = datetime.date(1995, 1, 10)
        self.index = 0

    def _title(self) -> str:
        return " ".join(self.words.content(4)).capitalize()

    def _new(self, kind: str) -> SynthParagraph:
        length = max(10, int(self.rng.gauss(40, 12)))
        if kind == "preambular":
            return SynthParagraph(kind, self.rng.choice(PP_OPENERS), self.words.body(length))
        return SynthParagraph(kind, self.rng.choice(OP_VERBS), self.words.body(length))

    def adapt(self, p: SynthParagraph) -> SynthParagraph:
        """A version of ``p`` with a few edits, each using fresh words."""
        words = p.body.split()
        edit = self.rng.random()
        k = OP_VERBS.index(p.opener) if p.opener in OP_VERBS else len(OP_VERBS)
        if edit < 0.2 and k < len(OP_VERBS) - 1:
            # Verbs only ever get stronger along a series, so no edit returns to an
            # older wording (which would make the older text the closer precedent).
            opener = OP_VERBS[min(len(OP_VERBS) - 1, k + self.rng.choice((1, 2)))]
            words[self._editable(words)] = self.words.fresh()
            return replace(p, opener=opener, body=" ".join(words), subs=list(p.subs))
        if edit < 0.35 and len(words) < 55:
            extra = [self.words.fresh() for _ in range(self.rng.randint(3, 6))]
            return replace(p, body=" ".join([*words, "and", *extra]), subs=list(p.subs))
        for _ in range(self.rng.randint(1, max(1, len(words) // 10))):
            words[self._editable(words)] = self.words.fresh()
        return replace(p, body=" ".join(words), subs=list(p.subs))

    def _editable(self, words: list[str]) -> int:
        """A position no earlier edit wrote: an edit never undoes or rewrites another,
        so each version is closest to the one it was made from."""
        free = [i for i, w in enumerate(words) if not w.startswith(FRESH)]
        return self.rng.choice(free) if free else self.rng.randrange(len(words))

    def _next_text(self, s: _Series, size: int) -> list[SynthParagraph]:
        if not s.last:
            n_pp = size // 3
            out = [self._new("preambular") for _ in range(n_pp)]
            out += [self._new("operative") for _ in range(size - n_pp - 2)]
            subs = [self.words.body(self.rng.randint(8, 20)) for _ in range(3)]
            out.insert(n_pp + 1, SynthParagraph("operative", CHAPEAU, "", subs))
            if s.council:
                out.append(SynthParagraph("operative", SEIZED, ""))
            return out
        out = []
        for p in s.last:
            r = self.rng.random()
            if p.body == "" or r < 0.62:
                out.append(p)
            elif r < 0.85:
                out.append(self.adapt(p))
            elif r < 0.92:
                continue
            else:
                out.append(p)
                out.append(self._new(p.kind))
        return out

    def documents(self, n: int) -> Iterator[SynthDocument]:
        for _ in range(n):
            s = self.rng.choice(self.series)
            paragraphs = self._next_text(s, self.paragraphs)
            s.last = paragraphs
            s.count += 1
            self.day += datetime.timedelta(days=self.rng.randint(1, 3))
            self.index += 1
            year = self.day.year
            if s.council:
                symbol = f"S/RES/{3000 + self.index} ({year})"
            else:
                symbol = f"A/RES/{year - 1945}/{self.index}"
            yield SynthDocument(
                self.index, s.number, symbol, self.day, s.council, s.title, paragraphs
            )

    def draft(self, series: int, size: int) -> tuple[SynthDocument, list[Truth]]:
        """The next text of a series (not added to it), grown to ``size`` paragraphs
        with new ones; and what the search must find for each of its clauses."""
        s = self.series[series]
        sources: list[tuple[SynthParagraph, str]] = []
        for p in s.last:
            r = self.rng.random()
            if p.body == "" or r < 0.55:
                sources.append((p, "identical"))
            elif r < 0.9:
                sources.append((self.adapt(p), "adapted:" + p.text()))
            else:
                sources.append((self._new(p.kind), "new"))
        while len(sources) < size:
            kind = "operative" if self.rng.random() < 0.6 else "preambular"
            sources.insert(self.rng.randrange(len(sources)), (self._new(kind), "new"))
        sources.sort(key=lambda ps: ps[0].kind != "preambular")
        paragraphs = [p for p, _ in sources]
        self.day += datetime.timedelta(days=1)
        doc = SynthDocument(
            0, series, "A/DRAFT/1", self.day, s.council, s.title + " (draft)", paragraphs
        )
        return doc, _truth(doc, [how for _, how in sources])

    def fresh_draft(self, size: int) -> tuple[SynthDocument, list[Truth]]:
        """A text of ``size`` new paragraphs (no reuse at all): the search's worst case."""
        n_pp = size // 3
        paragraphs = [self._new("preambular") for _ in range(n_pp)]
        paragraphs += [self._new("operative") for _ in range(size - n_pp)]
        self.day += datetime.timedelta(days=1)
        doc = SynthDocument(0, -1, "A/DRAFT/2", self.day, False, "New text", paragraphs)
        return doc, _truth(doc, ["new"] * size)


def _truth(doc: SynthDocument, how: list[str]) -> list[Truth]:
    out: list[Truth] = []
    texts = iter(doc.clause_texts())
    for p, h in zip(doc.paragraphs, how, strict=True):
        cid, text = next(texts)
        if h == "identical":
            out.append(Truth(cid, "identical", text))
        elif h == "new":
            out.append(Truth(cid, "new", None))
        else:
            out.append(Truth(cid, "adapted", h.removeprefix("adapted:")))
        for _ in p.subs:
            sub_id, sub_text = next(texts)
            out.append(Truth(sub_id, "identical" if h != "new" else "new", sub_text))
    return out


def write_corpus(folder: Path, n: int, seed: int = 1, paragraphs: int = 60) -> Generator:
    """Write ``n`` resolutions as ``folder/NNNNN.txt``; returns the generator (its series
    hold the last text of each, for ``draft``)."""
    folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed, paragraphs, series=max(3, n // 40))
    for doc in gen.documents(n):
        (folder / f"{doc.index:05d}.txt").write_text(doc.render(), encoding="utf-8")
    return gen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--documents", type=int, default=5000)
    ap.add_argument("--paragraphs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write_corpus(args.folder, args.documents, args.seed, args.paragraphs)


if __name__ == "__main__":
    main()
