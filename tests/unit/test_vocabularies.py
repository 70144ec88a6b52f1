"""Vocabularies spelled once: change kinds and link relations (model, schema), openers
(parser lexicon, rated by the lenses)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import get_args

import pytest

from resdiff.model import ChangeKind, Relation
from resdiff.parse.lexicon import Lexicon, load_lexicon
from resdiff.render.schema import load_schema
from resdiff.signals.lens import CHANGE_KINDS, RELATIONS, bundled_lens_path


def test_lens_schema_and_model_agree_on_kinds_and_relations() -> None:
    schema = load_schema()["$defs"]
    assert (
        CHANGE_KINDS
        == get_args(ChangeKind)
        == tuple(schema["change"]["properties"]["kind"]["enum"])
    )
    assert (
        RELATIONS == get_args(Relation) == tuple(schema["link"]["properties"]["relation"]["enum"])
    )


@pytest.mark.parametrize("name", ["default", "climate"])
def test_every_rated_opener_is_one_the_parser_knows(name: str) -> None:
    # The parser lexicon is the one list of openers; a lens only gives them strengths, so
    # each phrase a lens rates opens a paragraph of the kind the lens files it under.
    lexicon = load_lexicon("en")
    data = tomllib.loads(Path(bundled_lens_path(name)).read_text("utf-8"))
    unknown = [
        (kind, phrase)
        for scale in data.get("scales", {}).values()
        for kind in ("operative", "preambular")
        for phrase in scale.get(kind, {})
        if not _opens(lexicon, phrase, kind)
    ]
    assert unknown == []


@pytest.mark.parametrize("name", ["default", "climate"])
def test_every_skipped_word_is_a_lexicon_adverb(name: str) -> None:
    lexicon = load_lexicon("en")
    data = tomllib.loads(Path(bundled_lens_path(name)).read_text("utf-8"))
    adverbs = {" ".join(a) for a in lexicon.adverbs} | {"and"}  # "and also demands"
    assert set(data["openers"]["skip"]) <= adverbs


def _opens(lexicon: Lexicon, phrase: str, kind: str) -> bool:
    words = phrase.replace("*", "its").split()
    found = lexicon.opener(" ".join([words[0].capitalize(), *words[1:]]) + " the text")
    return found is not None and found.kind == kind
