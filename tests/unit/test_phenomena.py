"""What real drafts do to a comparison, reproduced in our own drafts (issue 10).

Each folder of tests/fixtures/phenomena holds two small UN-style drafts and an
``expect.json`` in the annotation format of bench/real_accuracy.py (which clause became
which, the key differences, what must not be reported, warnings and header fields). The
pair is compared through the library and the JSON contract, and scored with the same
rules as the real-text benchmark: every link found, every key difference among the first
ten differences and nothing false there, the expected first difference, the warnings and the
header fields right.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest

from bench import real_accuracy as ra
from resdiff import compare, load
from resdiff.parse.invariants import tiling_problems
from resdiff.render.json import comparison_to_dict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "phenomena"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expect.json").is_file())


@cache
def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name / "expect.json").read_text("utf-8"))
    return data


@cache
def report(name: str) -> dict[str, Any]:
    folder = FIXTURES / name
    a = load(str(folder / "a.txt"), "A")
    b = load(str(folder / "b.txt"), "B")
    return comparison_to_dict(compare(a, b))


def test_every_phenomenon_has_pairs() -> None:
    numbers = {int("".join(takewhile(str.isdigit, name))) for name in CASES}
    assert numbers == set(range(1, 11))
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", CASES)
def test_alignment(name: str) -> None:
    score = ra.score_alignment(expected(name), report(name))
    assert (score.right, score.status_right) == (score.total, score.total), score.errors


@pytest.mark.parametrize("name", CASES)
def test_key_differences_found_and_nothing_false_on_top(name: str) -> None:
    score = ra.score_changes(expected(name), report(name))
    assert score.key_found == score.key_total, score.errors
    assert score.key_found_top == score.key_total, "a key difference below the tenth item"
    assert score.false_top == 0, score.errors
    assert score.top_ok is not False, score.errors


@pytest.mark.parametrize("name", CASES)
def test_warnings_and_header(name: str) -> None:
    score = ra.score_documents(expected(name), report(name))
    assert not score.warnings_absent
    assert score.warn_right == score.warn_total, score.errors
    assert score.header_right == score.header_total, score.errors


@pytest.mark.parametrize("name", CASES)
def test_every_copy_parses_whole(name: str) -> None:
    for side in "ab":
        doc = load(str(FIXTURES / name / f"{side}.txt"))
        assert tiling_problems(doc) == []


def test_linkage_that_appears_has_null_from() -> None:
    change = next(
        c
        for c in report("9a-linkage-from-null")["comparisons"][0]["changes"]
        if c["kind"] == "linkage"
    )
    assert (change["from"], change["to"]) == (None, "parallel")


def test_linkage_that_goes_has_null_to() -> None:
    change = next(
        c
        for c in report("9b-linkage-to-null")["comparisons"][0]["changes"]
        if c["kind"] == "linkage"
    )
    assert (change["from"], change["to"]) == ("conditional", None)
