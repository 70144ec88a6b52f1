"""The library API as a user calls it: clear errors for wrong arguments, stable results."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff import CompareOptions, Document, compare, load
from resdiff.render.json import render_comparison

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seeds() -> tuple[Document, ...]:
    return tuple(
        load(str(SEEDS / name))
        for name in ("s-2024-9001-tied.txt", "s-2024-9002-demands.txt", "s-2024-9000-earlier.txt")
    )


def test_wrong_arguments_say_what_is_wrong() -> None:
    a, b, _ = _seeds()
    with pytest.raises(ValueError, match="at least two documents"):
        compare(a)
    with pytest.raises(TypeError, match=r"Document values \(from load\(path\)\)"):
        compare(a, "seeds/s-2024-9002-demands.txt")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="options must be a CompareOptions, not dict"):
        compare(a, b, options={"ignore_case": True})  # type: ignore[arg-type]


def test_three_drafts_pair_each_with_the_base_and_repeat_exactly() -> None:
    a, b, c = _seeds()
    first = compare(a, b, c, options=CompareOptions(series=True))
    assert [(pc.a, pc.b) for pc in first.comparisons] == [("A", "B"), ("A", "C")]
    assert first.history
    again = compare(*_seeds(), options=CompareOptions(series=True))
    assert render_comparison(first) == render_comparison(again)


def test_a_path_object_loads_as_its_name(tmp_path: Path) -> None:
    """``load(Path(...))`` as ``load(str)``: the source is the printed name, so a draft
    without a symbol is labelled by its file name and the JSON report can be written."""
    draft = tmp_path / "no-symbol.txt"
    draft.write_text("The General Assembly,\n\n1. Decides to remain seized.\n", "utf-8")
    doc = load(draft)
    assert doc.source == str(draft) and doc.label == "no-symbol.txt"
    assert render_comparison(compare(doc, load(draft, doc_id="B")))
