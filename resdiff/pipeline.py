"""The pipeline every front end calls: load -> parse -> align -> diff -> analyse.

``load`` reads and parses one file; ``compare`` turns parsed documents into the one
``Comparison`` value that the TUI and every report render.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from resdiff.errors import ResdiffError
from resdiff.ingest.reader import read_source
from resdiff.model import (
    ClausePair,
    ClauseSignals,
    CompareOptions,
    Comparison,
    Counts,
    Document,
    PairwiseComparison,
)
from resdiff.parse.structure import parse_source
from resdiff.parse.warnings import text_layer_warnings

# The stages after parsing are imported by the functions that run them, so that loading
# drafts (``resdiff parse``) imports the readers and the parser only.
if TYPE_CHECKING:
    from resdiff.ingest.docx import Changes
    from resdiff.signals.lens import Lens

#: The drafts' ids, in the order given (``string.ascii_uppercase``, without importing
#: ``string``, which compiles a regular expression on import).
DOC_IDS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How drafts are read: ``docx_changes`` says whether tracked changes inside a Word
    file are all accepted or all rejected. The CLI and the app build one from what they
    were asked; the defaults live here only."""

    docx_changes: Changes = "accept"


def load(
    path: str | os.PathLike[str], doc_id: str = "A", options: LoadOptions | None = None
) -> Document:
    """Read and parse one draft (``-`` reads standard input). What the reader did that the
    user should know (changes accepted, a web page cut to the resolution) is added to
    ``Document.parse.note``; a text layer that splits words, whatever reading it got, to
    ``Document.warnings``. A ``pathlib.Path`` is taken as its string: the document's
    ``source`` is the name the reports print."""
    path = os.fspath(path)
    options = options or LoadOptions()
    source = read_source(path, options.docx_changes)
    document = parse_source(source, doc_id=doc_id)
    broken = text_layer_warnings(document.text)
    if broken:
        document = replace(document, warnings=(*document.warnings, *broken))
    if source.notes:
        note = "; ".join((document.parse.note, *source.notes))
        document = replace(document, parse=replace(document.parse, note=note))
    return document


def load_all(
    paths: Sequence[str | os.PathLike[str]], options: LoadOptions | None = None
) -> list[Document]:
    """Read and parse the drafts to compare, with ids A, B, C... in the order given; the
    one loader of the CLI and the app. Standard input ('-') can be read only once."""
    paths = [os.fspath(p) for p in paths]
    if sum(1 for p in paths if p == "-") > 1:
        raise ResdiffError("standard input ('-') can be given only once")
    if len(paths) > len(DOC_IDS):
        raise ResdiffError(f"at most {len(DOC_IDS)} drafts can be compared at once")
    return [load(p, doc_id=DOC_IDS[i], options=options) for i, p in enumerate(paths)]


def is_series(count: int, asked: bool | None = None) -> bool:
    """The one rule for every face: drafts are compared as an ordered series (draft ->
    rev.1 -> ... -> adopted, with each clause's history) when asked (``True``), never
    when told not to (``False``), and otherwise when three or more are compared in the
    order given (the app passes ``False`` once the reader changes the base)."""
    return asked if asked is not None else count >= 3


def count_pairs(pairs: Sequence[ClausePair]) -> Counts:
    """Counts of these pairs (not their children) by status; ``moved`` counts pairs
    marked moved."""
    by_status = Counter(p.status for p in pairs)
    return Counts(
        unchanged=by_status["unchanged"],
        modified=by_status["modified"],
        added=by_status["added"],
        removed=by_status["removed"],
        split=by_status["split"],
        merged=by_status["merged"],
        moved=sum(1 for p in pairs if p.moved),
    )


def count_subparagraphs(pairs: Sequence[ClausePair]) -> Counts:
    """``count_pairs`` over every sub-paragraph pair below ``pairs``, at any depth."""
    return count_pairs([sub for p in pairs for child in p.children for sub in child.walk()])


SignalsMemo = dict[tuple[str, str | None], ClauseSignals]


def document_signals(
    document: Document, lens: Lens, memo: SignalsMemo | None = None
) -> dict[str, ClauseSignals]:
    """Signals of every clause. A clause's signals depend only on its text and opener
    (and the lens), so ``memo`` shares them between drafts that repeat a clause."""
    from resdiff.signals.extract import clause_signals

    if memo is None:
        return {c.id: clause_signals(c, lens) for c in document.walk()}
    out: dict[str, ClauseSignals] = {}
    for c in document.walk():
        key = (c.text, c.opener)
        found = memo.get(key)
        if found is None:
            found = memo[key] = clause_signals(c, lens)
        out[c.id] = found
    return out


def _checked(documents: Sequence[Document], options: CompareOptions | None) -> CompareOptions:
    if len(documents) < 2:
        raise ValueError("compare needs at least two documents")
    if len(documents) > len(DOC_IDS):
        raise ValueError(f"compare takes at most {len(DOC_IDS)} documents")
    for d in documents:
        if not isinstance(d, Document):
            raise TypeError(f"compare takes Document values (from load(path)), not {d!r}")
    if options is not None and not isinstance(options, CompareOptions):
        raise TypeError(f"options must be a CompareOptions, not {type(options).__name__}")
    return options or CompareOptions()


def positions(*documents: Document, options: CompareOptions | None = None) -> Comparison:
    """What the positions matrix needs and nothing more: the documents, their signals
    and the matrix, as ``compare`` has them, without aligning the drafts (its
    ``comparisons`` and ``history`` are empty)."""
    from resdiff.signals.lens import load_lens
    from resdiff.signals.matrix import build_matrix

    options = _checked(documents, options)
    docs = tuple(replace(d, id=DOC_IDS[i]) for i, d in enumerate(documents))
    lens = load_lens(options.lens_paths)
    memo: SignalsMemo = {}
    signals = {d.id: document_signals(d, lens, memo) for d in docs}
    return Comparison(
        documents=docs,
        comparisons=(),
        signals=signals,
        history=(),
        matrix=build_matrix(docs, signals, lens),
        options=options,
    )


def compare(*documents: Document, options: CompareOptions | None = None) -> Comparison:
    """Compare each document after the first with the first (the base).

    Documents are given ids A, B, C... in the order passed. With ``options.series``
    the documents are an ordered series (draft -> rev.1 -> ... -> adopted) and the
    comparison also carries each final clause's history.
    """
    from resdiff.align import align, align_footnotes, align_header
    from resdiff.history import build_history
    from resdiff.signals.changes import find_changes
    from resdiff.signals.lens import load_lens
    from resdiff.signals.matrix import build_matrix

    options = _checked(documents, options)
    docs = tuple(replace(d, id=DOC_IDS[i]) for i, d in enumerate(documents))
    lens = load_lens(options.lens_paths)
    memo: SignalsMemo = {}  # drafts of one text repeat most clauses word for word
    signals = {d.id: document_signals(d, lens, memo) for d in docs}
    base = docs[0]
    comparisons = []
    aligned: dict[tuple[str, str], tuple[ClausePair, ...]] = {}
    for other in docs[1:]:
        pairs = aligned[(base.id, other.id)] = align(base, other, options)
        notes = align_footnotes(base, other, options)
        header = align_header(base, other, options)
        changes = find_changes(
            base, other, (*pairs, *notes), signals[base.id], signals[other.id], lens, header
        )
        comparisons.append(
            PairwiseComparison(
                a=base.id,
                b=other.id,
                pairs=pairs,
                counts=count_pairs(pairs),
                changes=changes,
                sub_counts=count_subparagraphs(pairs),
                header=header,
                footnotes=notes,
                footnote_counts=count_pairs(notes),
            )
        )
    history = build_history(docs, options, _reusing(aligned)) if options.series else ()
    return Comparison(
        documents=docs,
        comparisons=tuple(comparisons),
        signals=signals,
        history=history,
        matrix=build_matrix(docs, signals, lens),
        options=options,
    )


def _reusing(
    aligned: Mapping[tuple[str, str], tuple[ClausePair, ...]],
) -> Callable[[Document, Document, CompareOptions], tuple[ClausePair, ...]]:
    """An aligner for the history that reuses the alignments already made (the series'
    first step, A to B, is also the first comparison)."""

    from resdiff.align import align

    def aligner(a: Document, b: Document, options: CompareOptions) -> tuple[ClausePair, ...]:
        found = aligned.get((a.id, b.id))
        return found if found is not None else align(a, b, options)

    return aligner
