"""The comparison model: the one set of values every stage produces and every front end renders.

Everything here is a frozen dataclass of plain data. The pipeline is
load -> parse -> align -> diff -> analyse -> render, and each stage hands the next one
of these values; nothing in this module computes anything beyond trivial views.

Vocabulary (see docs/glossary.md): the two sides of a comparison are always called
``a`` (the base) and ``b`` (the other draft). Clause ids are the addresses negotiators
use: ``PP3``, ``OP7``, ``OP7(a)``, ``OP7(a)(i)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from resdiff.corpus.model import Precedents

SCHEMA = "resdiff/1"

ClauseKind = Literal["preambular", "operative", "subparagraph", "heading", "other"]
Structure = Literal["un", "numbered", "paragraphs"]
PairStatus = Literal["unchanged", "modified", "added", "removed", "split", "merged"]
RunOp = Literal["=", "-", "+"]
Relation = Literal["conditional", "sequence", "parallel"]
Direction = Literal["stronger", "weaker"]
#: The change kinds about the document header rather than a clause.
HeaderChangeKind = Literal[
    "sponsor-added",
    "sponsor-removed",
    "symbol-changed",
    "date-changed",
    "title-changed",
    "author-changed",
]
ChangeKind = Literal[
    "linkage",
    "verb-strength",
    "kind-change",
    "qualifier-added",
    "qualifier-removed",
    "topic-added",
    "topic-removed",
    "actor-added",
    "actor-removed",
    "reference-added",
    "reference-removed",
    "number-changed",
    "clause-added",
    "clause-removed",
    HeaderChangeKind,
]
HEADER_CHANGE_KINDS: tuple[HeaderChangeKind, ...] = get_args(HeaderChangeKind)
#: What stands for a document's header block where clause ids go: in the header's pair
#: (``PairwiseComparison.header``) and in the changes about header fields. Never a
#: clause id.
HEADER_ID = "header"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Clause:
    """One paragraph of a draft, with its sub-paragraphs as children.

    ``span`` covers the clause's own region of ``Document.text``: its label ("1.",
    "(a)"), its text, and the whitespace after it, up to where its first child (or the
    next clause) starts. The spans of the header and of all clauses in pre-order tile
    the document text exactly, so nothing is lost. ``text`` is the clause's own text
    as written (label and surrounding whitespace stripped, children excluded): it is
    what gets displayed and diffed.
    """

    id: str
    kind: ClauseKind
    number: str | None
    label: str | None
    opener: str | None
    text: str
    span: Span
    children: tuple[Clause, ...] = ()

    def walk(self) -> Iterator[Clause]:
        """This clause, then its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def full_text(self) -> str:
        """Own text and children's texts joined by newlines (for whole-paragraph views)."""
        parts = [self.text, *(c.full_text for c in self.children)]
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class ParseInfo:
    """How the parser read a document; a fallback always says why."""

    structure: Structure
    note: str


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed draft.

    ``text`` is the decoded source with line endings normalised to ``\\n`` (the only
    change made to what was written); spans index into it. ``header`` is the span of the
    header block (symbol, date, sponsors, author line...), possibly empty. ``warnings``
    says what a reader should doubt in the copy (a text that looks cut, numbers that jump
    or repeat, an operative paragraph with no known opener); empty when nothing is.
    """

    id: str
    source: str
    format: str
    text: str
    symbol: str | None
    author: str | None
    date: str | None
    sponsors: tuple[str, ...]
    title: str | None
    language: str
    parse: ParseInfo
    header: Span
    clauses: tuple[Clause, ...]
    footnotes: tuple[Clause, ...] = ()
    warnings: tuple[str, ...] = ()

    def walk(self) -> Iterator[Clause]:
        """Every clause (footnotes last), in document order."""
        for clause in self.clauses:
            yield from clause.walk()
        for note in self.footnotes:
            yield from note.walk()

    def clause(self, clause_id: str) -> Clause:
        for c in self.walk():
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    @property
    def label(self) -> str:
        """A short human name: the symbol, else the file name."""
        if self.symbol:
            return self.symbol
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return name or self.id


@dataclass(frozen=True, slots=True)
class Run:
    """One run of an inline diff.

    ``op`` is ``=`` (in both), ``-`` (only in a) or ``+`` (only in b). ``minor`` marks
    a ``-``/``+`` couple that differs only in what the options ignore (whitespace,
    case, quote style, punctuation): it keeps the diff lossless without counting as a
    change.
    """

    op: RunOp
    text: str
    minor: bool = False


@dataclass(frozen=True, slots=True)
class ClausePair:
    """Which clause(s) of a became which clause(s) of b, and how their words differ.

    ``a``/``b`` hold clause ids (one side empty for added/removed, several on one side
    for split/merged). ``modified`` also covers a paragraph changed only through its
    sub-paragraphs (its own diff is then all ``=``). ``kind_change`` is
    ``(kind in a, kind in b)`` when, say, an operative paragraph was demoted to the
    preamble. ``diff`` joins the texts of several
    clauses with ``"\\n"``. ``children`` align sub-paragraphs within aligned parents.
    """

    a: tuple[str, ...]
    b: tuple[str, ...]
    status: PairStatus
    moved: bool
    similarity: float
    diff: tuple[Run, ...]
    children: tuple[ClausePair, ...] = ()
    kind_change: tuple[ClauseKind, ClauseKind] | None = None

    def text_a(self) -> str:
        return "".join(r.text for r in self.diff if r.op != "+")

    def text_b(self) -> str:
        return "".join(r.text for r in self.diff if r.op != "-")

    @property
    def changed(self) -> bool:
        """True unless nothing about the pair differs (renumbering alone is no change)."""
        return (
            self.status != "unchanged"
            or self.moved
            or self.kind_change is not None
            or any(c.changed for c in self.children)
        )

    def walk(self) -> Iterator[ClausePair]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Verb:
    """The opener's verb and its place on a strength scale (higher is stronger)."""

    text: str
    scale: str
    strength: float


@dataclass(frozen=True, slots=True)
class Mention:
    """A topic mentioned in a clause, at ``span`` (offsets into the clause's text)."""

    topic: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Link:
    """Two topics related inside one clause, and the cue phrase that says how."""

    topics: tuple[str, str]
    relation: Relation
    cue: str
    #: Where the cue's words sit in the clause text (a cue can come in pieces: "also
    #: demands ... unconditional"); left out of equality, which the relation decides.
    spans: tuple[Span, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ClauseSignals:
    """What a clause says in substance, as a lens reads it."""

    verb: Verb | None = None
    topics: tuple[Mention, ...] = ()
    qualifiers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    actors: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()

    @property
    def topic_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.topics:
            seen.setdefault(m.topic, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference in substance, ranked by ``weight`` (higher first).

    ``a``/``b`` are clause ids; ``from_``/``to`` are what the thing was and became
    (``from`` and ``to`` in JSON); ``summary`` is one plain deterministic sentence.
    """

    kind: ChangeKind
    topic: str | None
    related: str | None
    a: tuple[str, ...]
    b: tuple[str, ...]
    from_: str | None
    to: str | None
    direction: Direction | None
    weight: float
    summary: str


@dataclass(frozen=True, slots=True)
class ChangeGroup:
    """The ranked changes about one clause pair, as one key difference.

    ``a``/``b`` are the pair's clause ids (a change about clauses of one draft only, such
    as a topic newly mentioned, joins the pair holding them). ``changes`` lead with the
    change that names the group (a demotion before the verb change it brings), then
    follow their rank; ``positions`` are their indexes in the ranked list.
    """

    a: tuple[str, ...]
    b: tuple[str, ...]
    changes: tuple[Change, ...]
    positions: tuple[int, ...]

    @property
    def lead(self) -> Change:
        return self.changes[0]


@dataclass(frozen=True, slots=True)
class Counts:
    """Pairs by status at one level (paragraphs, or sub-paragraphs); ``moved`` counts the
    pairs marked moved, whatever their status."""

    unchanged: int = 0
    modified: int = 0
    added: int = 0
    removed: int = 0
    split: int = 0
    merged: int = 0
    moved: int = 0

    @property
    def differs(self) -> bool:
        return any((self.modified, self.added, self.removed, self.split, self.merged, self.moved))


@dataclass(frozen=True, slots=True)
class PairwiseComparison:
    """Document ``a`` (the base) against document ``b``: aligned pairs and ranked changes.

    ``counts`` counts the top-level pairs (paragraphs), ``sub_counts`` the sub-paragraph
    pairs below them at every depth: a sentence built from ``counts`` alone would hide a
    removed sub-paragraph (``resdiff.present.counts`` words both, for every face).

    ``header`` pairs the two header blocks (``Document.header``: symbol, date, sponsors,
    title, author line and whatever else comes before the first clause) as one pair,
    ``a == b == (HEADER_ID,)``, whose diff rebuilds both header texts; the fields that
    differ are also changes of their own kinds (``sponsor-added``...). ``footnotes`` are
    the footnotes aligned like clauses, counted in ``footnote_counts``. With them, the
    comparison holds every character of both drafts. ``header`` is ``None`` only in
    values built by hand.

    ``precedents`` says where the language of each clause of ``b`` comes from, when a
    corpus of earlier texts was searched (``resdiff.corpus.agreed``; otherwise ``None``).
    """

    a: str
    b: str
    pairs: tuple[ClausePair, ...]
    counts: Counts
    changes: tuple[Change, ...] = ()
    sub_counts: Counts = Counts()
    header: ClausePair | None = None
    footnotes: tuple[ClausePair, ...] = ()
    footnote_counts: Counts = Counts()
    precedents: Precedents | None = None

    @property
    def differs(self) -> bool:
        """Anything at all: a paragraph, the header, a footnote."""
        return (
            any(p.changed for p in self.pairs)
            or (self.header is not None and self.header.changed)
            or any(p.changed for p in self.footnotes)
        )


@dataclass(frozen=True, slots=True)
class WordOrigin:
    """A run of the last version's clause text and the document id that introduced it."""

    text: str
    introduced_in: str


@dataclass(frozen=True, slots=True)
class ClauseHistory:
    """One clause of the last version of a series: its status in every round, and blame.

    ``rounds`` has one ``(document id, clause ids there, status)`` per round, from the
    first draft's point of view onward; ``origins`` tiles the clause text.
    """

    clause: str
    rounds: tuple[tuple[str, tuple[str, ...], PairStatus], ...]
    origins: tuple[WordOrigin, ...]


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """A topic's position in one draft: strongest verb, its qualifiers and links."""

    verb: Verb | None
    clauses: tuple[str, ...]
    qualifiers: tuple[str, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class PositionsMatrix:
    """Rows are topics, columns are documents (by id); a missing cell means not mentioned."""

    topics: tuple[str, ...]
    labels: Mapping[str, str]
    documents: tuple[str, ...]
    cells: Mapping[tuple[str, str], MatrixCell]


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What the inline diff ignores, which lens reads the signals, and whether a series
    of drafts is ordered (enabling history/blame)."""

    ignore_case: bool = False
    ignore_whitespace: bool = True
    ignore_quotes: bool = True
    ignore_punctuation: bool = False
    lens_paths: tuple[str, ...] = ()
    series: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result every front end renders: documents, pairwise comparisons with the
    first document as base, clause signals, and (optionally) history and matrix."""

    documents: tuple[Document, ...]
    comparisons: tuple[PairwiseComparison, ...]
    signals: Mapping[str, Mapping[str, ClauseSignals]] = field(default_factory=dict)
    history: tuple[ClauseHistory, ...] = ()
    matrix: PositionsMatrix | None = None
    options: CompareOptions = field(default_factory=CompareOptions)

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    @property
    def differs(self) -> bool:
        return any(c.differs for c in self.comparisons)
