"""The change kinds and link relations are spelled once (model) and match the schema."""

from __future__ import annotations

from typing import get_args

from resdiff.model import ChangeKind, Relation
from resdiff.render.schema import load_schema
from resdiff.signals.lens import CHANGE_KINDS, RELATIONS


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
