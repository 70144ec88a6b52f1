"""The JSON Schema of the ``resdiff/1`` output, shipped in the package (docs/json.md)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every ``--format json`` output validates against."""
    text = resources.files("resdiff.render").joinpath("schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
