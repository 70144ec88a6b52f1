"""JSON: the machine contract (schema ``resdiff/1``, see docs/json.md and schema.json)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from resdiff.model import (
    SCHEMA,
    Change,
    Clause,
    ClauseHistory,
    ClausePair,
    ClauseSignals,
    Comparison,
    Counts,
    Document,
    PairwiseComparison,
    PositionsMatrix,
    Run,
)
from resdiff.parse.invariants import clause_frame
from resdiff.present.sanitize import BIDI_CHARACTERS
from resdiff.signals.groups import group_changes


def signals_to_dict(s: ClauseSignals) -> dict[str, Any]:
    return {
        "verb": (
            {"text": s.verb.text, "scale": s.verb.scale, "strength": s.verb.strength}
            if s.verb
            else None
        ),
        "topics": [
            {"topic": m.topic, "text": m.text, "span": [m.span.start, m.span.end]} for m in s.topics
        ],
        "qualifiers": {k: list(v) for k, v in s.qualifiers.items()},
        "links": [
            {
                "topics": list(link.topics),
                "relation": link.relation,
                "cue": link.cue,
                "spans": [[x.start, x.end] for x in link.spans],
            }
            for link in s.links
        ],
        "actors": list(s.actors),
        "references": list(s.references),
        "numbers": list(s.numbers),
    }


#: Signals already written, by the identity of their reading: drafts of one text share
#: the reading of each clause they repeat (``pipeline.compare``), so the JSON tree can
#: share its dictionary too (20,000 paragraphs: 20,000 fewer).
_Written = dict[int, dict[str, Any]]


def clause_to_dict(
    c: Clause,
    signals: Mapping[str, ClauseSignals] | None = None,
    text: str | None = None,
    written: _Written | None = None,
) -> dict[str, Any]:
    """A clause; with its document's ``text``, also what its span holds around its own
    text (``lead``, ``trail``), so the document can be rebuilt from the JSON."""
    out: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind,
        "number": c.number,
        "opener": c.opener,
        "text": c.text,
        "span": [c.span.start, c.span.end],
    }
    if text is not None:
        out["lead"], out["trail"] = clause_frame(text, c)
    if signals is not None and c.id in signals:
        out["signals"] = _signals_dict(signals[c.id], written)
    out["children"] = [clause_to_dict(ch, signals, text, written) for ch in c.children]
    return out


def _signals_dict(s: ClauseSignals, written: _Written | None) -> dict[str, Any]:
    if written is None:
        return signals_to_dict(s)
    done = written.get(id(s))
    if done is None:
        done = written[id(s)] = signals_to_dict(s)
    return done


def document_to_dict(
    d: Document,
    signals: Mapping[str, ClauseSignals] | None = None,
    written: _Written | None = None,
) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "format": d.format,
        "symbol": d.symbol,
        "author": d.author,
        "date": d.date,
        "sponsors": list(d.sponsors),
        "title": d.title,
        "language": d.language,
        "parse": {"structure": d.parse.structure, "note": d.parse.note},
        "warnings": list(d.warnings),
        "header": [d.header.start, d.header.end],
        "clauses": [clause_to_dict(c, signals, d.text, written) for c in d.clauses],
        "footnotes": [clause_to_dict(c, signals, d.text, written) for c in d.footnotes],
    }


def runs_to_list(runs: Sequence[Run]) -> list[list[str]]:
    """A word diff as ``[op, text]`` items, ``[op, text, "minor"]`` for minor ones."""
    return [[r.op, r.text, "minor"] if r.minor else [r.op, r.text] for r in runs]


def pair_to_dict(p: ClausePair) -> dict[str, Any]:
    return {
        "a": list(p.a),
        "b": list(p.b),
        "status": p.status,
        "moved": p.moved,
        "kind_change": list(p.kind_change) if p.kind_change else None,
        "similarity": round(p.similarity, 4),
        "diff": runs_to_list(p.diff),
        "children": [pair_to_dict(ch) for ch in p.children],
    }


def change_to_dict(c: Change) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "topic": c.topic,
        "related": c.related,
        "a": list(c.a),
        "b": list(c.b),
        "from": c.from_,
        "to": c.to,
        "direction": c.direction,
        "weight": round(c.weight, 4),
        "summary": c.summary,
    }


def counts_to_dict(counts: Counts) -> dict[str, int]:
    return {
        "unchanged": counts.unchanged,
        "modified": counts.modified,
        "added": counts.added,
        "removed": counts.removed,
        "split": counts.split,
        "merged": counts.merged,
        "moved": counts.moved,
    }


def pairwise_to_dict(pc: PairwiseComparison) -> dict[str, Any]:
    out = {
        "a": pc.a,
        "b": pc.b,
        "differs": pc.differs,
        "counts": counts_to_dict(pc.counts),
        "sub_counts": counts_to_dict(pc.sub_counts),
        "changes": [change_to_dict(c) for c in pc.changes],
        "groups": [
            {"a": list(g.a), "b": list(g.b), "changes": list(g.positions)}
            for g in group_changes(pc.changes)
        ],
        "pairs": [pair_to_dict(p) for p in pc.pairs],
        "header": pair_to_dict(pc.header) if pc.header is not None else None,
        "footnotes": [pair_to_dict(p) for p in pc.footnotes],
        "footnote_counts": counts_to_dict(pc.footnote_counts),
    }
    if pc.precedents is not None:  # only when a corpus was searched (--corpus)
        from resdiff.render.precedents.json import clauses_to_list, search_to_dict

        out["precedents"] = {
            "search": search_to_dict(pc.precedents),
            "clauses": clauses_to_list(pc.precedents),
        }
    return out


def history_to_dict(h: ClauseHistory) -> dict[str, Any]:
    return {
        "clause": h.clause,
        "rounds": [
            {"document": doc, "clauses": list(ids), "status": status}
            for doc, ids, status in h.rounds
        ],
        "origins": [{"text": o.text, "introduced_in": o.introduced_in} for o in h.origins],
    }


def matrix_to_dict(m: PositionsMatrix) -> dict[str, Any]:
    rows = []
    for topic in m.topics:
        cells: dict[str, Any] = {}
        for doc in m.documents:
            cell = m.cells.get((topic, doc))
            cells[doc] = (
                None
                if cell is None
                else {
                    "verb": (
                        {
                            "text": cell.verb.text,
                            "scale": cell.verb.scale,
                            "strength": cell.verb.strength,
                        }
                        if cell.verb
                        else None
                    ),
                    "clauses": list(cell.clauses),
                    "qualifiers": list(cell.qualifiers),
                    "links": [
                        {"topics": list(x.topics), "relation": x.relation, "cue": x.cue}
                        for x in cell.links
                    ],
                }
            )
        rows.append({"topic": topic, "label": m.labels.get(topic, topic), "cells": cells})
    return {"documents": list(m.documents), "rows": rows}


def comparison_to_dict(c: Comparison, *, amendments: bool = False) -> dict[str, Any]:
    """The comparison as JSON; ``amendments`` adds each pairwise comparison's amendment
    list (``comparisons[].amendments``)."""
    out = _comparison_dict(c)
    if amendments:
        from resdiff.amend.write import amendments as write
        from resdiff.render.amendments import amendment_to_dict

        for pc, item in zip(c.comparisons, out["comparisons"], strict=True):
            item["amendments"] = [amendment_to_dict(a) for a in write(c, pc).amendments]
    return out


def _comparison_dict(c: Comparison) -> dict[str, Any]:
    written: _Written = {}
    return {
        "schema": SCHEMA,
        "options": {
            "ignore_case": c.options.ignore_case,
            "ignore_whitespace": c.options.ignore_whitespace,
            "ignore_quotes": c.options.ignore_quotes,
            "ignore_punctuation": c.options.ignore_punctuation,
            "series": c.options.series,
        },
        "documents": [document_to_dict(d, c.signals.get(d.id), written) for d in c.documents],
        "comparisons": [pairwise_to_dict(pc) for pc in c.comparisons],
        "matrix": matrix_to_dict(c.matrix) if c.matrix else None,
        "history": [history_to_dict(h) for h in c.history],
    }


# DEL, the C1 controls and the BiDi embeddings, overrides and isolates: json escapes
# only C0 controls, and these would reach whoever reads the file in a terminal or an
# editor. (``str.translate`` is 4x faster than a regex's substitution over a megabyte
# of JSON; but it builds a new string character by character, 0.5 s for 7 MB, so it is
# run only where a search, 12x cheaper, finds one of them.)
_INVISIBLE = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *(ord(b) for b in BIDI_CHARACTERS))}


@cache
def _any_invisible() -> re.Pattern[str]:
    """Compiled for the first text that is not all ASCII (0.4 ms of start-up otherwise)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in _INVISIBLE) + "]")


def escape_invisible(text: str) -> str:
    """JSON text with C1 controls and BiDi controls written as ``\\u`` escapes. Outside
    strings JSON holds none of them, so the result is the same JSON, decoded the same.
    (An all-ASCII text is returned as it is, DEL included, as it always was.)"""
    if text.isascii() or not _any_invisible().search(text):
        return text
    return text.translate(_INVISIBLE)


def dumps(data: Any) -> str:
    """Deterministic JSON text: sorted nowhere (order is meaningful), fixed indent; text
    as UTF-8 but for the controls ``escape_invisible`` writes as escapes.

    The layout is ``json.dumps(data, ensure_ascii=False, indent=2)`` exactly, made faster:
    an indent makes ``json`` use its pure-Python encoder (a tenth of a huge comparison's
    time), so the C encoder writes compact text and ``_indented`` lays it out.
    """
    # ``data`` is a tree built afresh for the report: no cycle to look for (the C
    # encoder would otherwise note and forget every container, a tenth of its time).
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return escape_invisible(_indented(compact)) + "\n"


# The C encoder escapes every control character inside strings, so these two never occur
# in its text: they stand in for the escaped backslash and the escaped quote while the
# text is cut at its quotes, so that every quote left starts or ends a string.
_BACKSLASH, _QUOTE = "\x00", "\x01"

# Pieces between strings: an empty container, a bracket, a comma or colon, or a scalar.
_TOKEN = re.compile(r"\[\]|\{\}|[\[\]{},:]|[^\[\]{},:]+")


#: Characters of compact text laid out at a time. Cutting all of it at its quotes at once
#: made a list of millions of strings (200 MB for 20,000 paragraphs); pieces that fit
#: in the processor's caches are also laid out faster (16 KB: 0.67 s against 0.88 s for
#: the whole 42 MB at once, 1 MB: 1.1 s).
_CHUNK = 1 << 14


def _indented(compact: str) -> str:
    """Compact JSON laid out as ``indent=2`` lays it out, character for character.

    Strings are copied; only the text between them (brackets, commas, colons, numbers,
    literals) is rewritten, and each such piece is rewritten once per depth it occurs at.
    The text is cut at its quotes (``str.split``, several times cheaper than a regular
    expression for strings), 16 KB at a time, its escaped quotes and backslashes held
    aside meanwhile.
    """
    escaped = "\\" in compact
    if escaped:
        compact = compact.replace("\\\\", _BACKSLASH).replace('\\"', _QUOTE)
    layout = _Layout()
    chunks: list[str] = []
    start, first_piece = 0, 0
    while start < len(compact):
        # Cut just after a quote, so that no piece between strings is cut in two.
        stop = compact.find('"', start + _CHUNK) + 1 or len(compact)
        parts = compact[start:stop].split('"')
        layout.lay(parts, first_piece)
        chunks.append('"'.join(parts))
        # The next chunk goes on with this chunk's last part (empty if it ends in a quote).
        first_piece = (first_piece - len(parts) + 1) % 2
        start = stop
    text = "".join(chunks)
    if escaped:
        text = text.replace(_QUOTE, '\\"').replace(_BACKSLASH, "\\\\")
    return text


class _Layout:
    """The depth reached so far, and each piece already laid out at a depth."""

    def __init__(self) -> None:
        self.depth = 0
        self.seen: dict[tuple[str, int], tuple[str, int]] = {}

    def lay(self, parts: list[str], first_piece: int) -> None:
        """Lay out in place the pieces between strings: ``parts`` alternate, from index
        ``first_piece``, between a piece and a string's contents."""
        depth, seen = self.depth, self.seen
        for k in range(first_piece, len(parts), 2):
            key = (parts[k], depth)
            done = seen.get(key)
            if done is None:
                done = seen[key] = _layout(parts[k], depth)
            parts[k], depth = done
        self.depth = depth


def _layout(piece: str, depth: int) -> tuple[str, int]:
    """One piece between strings, laid out at ``depth``; and the depth after it."""
    out: list[str] = []
    for token in _TOKEN.findall(piece):
        if token in "[{":
            depth += 1
            out.append(token + "\n" + "  " * depth)
        elif token in "]}":
            depth -= 1
            out.append("\n" + "  " * depth + token)
        elif token == ",":
            out.append(",\n" + "  " * depth)
        elif token == ":":
            out.append(": ")
        else:
            out.append(token)  # a scalar, or an empty container: "[]", "{}"
    return "".join(out), depth


def render_comparison(c: Comparison, *, amendments: bool = False) -> str:
    return dumps(comparison_to_dict(c, amendments=amendments))


def render_documents(docs: list[Document]) -> str:
    return dumps({"schema": SCHEMA, "documents": [document_to_dict(d) for d in docs]})
