"""Precedents as JSON (schema ``resdiff/1``: the ``precedents`` key; docs/json.md)."""

from __future__ import annotations

from typing import Any

from resdiff.corpus.model import Precedent, Precedents
from resdiff.model import SCHEMA
from resdiff.render.json import change_to_dict, document_to_dict, dumps, runs_to_list


def match_to_dict(m: Precedent) -> dict[str, Any]:
    d = m.document
    return {
        "status": m.status,
        "symbol": d.symbol,
        "source": d.source,
        "date": d.date,
        "author": d.author,
        "document": d.key,
        "clause": m.clause,
        "kind": m.kind,
        "text": m.text,
        "similarity": round(m.similarity, 4),
        "diff": runs_to_list(m.diff),
        "changes": [change_to_dict(c) for c in m.changes],
        "copies": [
            {
                "symbol": c.document.symbol,
                "source": c.document.source,
                "date": c.document.date,
                "document": c.document.key,
                "clause": c.clause,
            }
            for c in m.copies
        ],
    }


def search_to_dict(result: Precedents) -> dict[str, Any]:
    p = result.params
    return {
        "corpus_documents": result.corpus_documents,
        "corpus_paragraphs": result.corpus_paragraphs,
        "top": p.top,
        "adapted_min_similarity": p.adapted_min_similarity,
        "identical_limit": p.identical_limit,
    }


def clauses_to_list(result: Precedents) -> list[dict[str, Any]]:
    return [
        {
            "clause": c.clause,
            "status": c.status,
            "identical": c.identical,
            "matches": [match_to_dict(m) for m in c.matches],
        }
        for c in result.clauses
    ]


def precedents_to_dict(result: Precedents) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "documents": [document_to_dict(result.document)],
        "search": search_to_dict(result),
        "precedents": clauses_to_list(result),
    }


def render_json(result: Precedents) -> str:
    return dumps(precedents_to_dict(result))
