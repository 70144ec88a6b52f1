"""`resdiff report ... --format json`: the output validates against the shipped schema,
and the exit code says 0 (same), 1 (differs), 2 (trouble), like diff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from resdiff.cli import main
from resdiff.model import (
    Change,
    ClauseHistory,
    ClauseSignals,
    Link,
    MatrixCell,
    Mention,
    PositionsMatrix,
    Span,
    Verb,
    WordOrigin,
)
from resdiff.render.json import comparison_to_dict
from resdiff.render.schema import load_schema
from tests.align_fixtures import FIXTURES, load_labelled

VALIDATOR = jsonschema.Draft202012Validator(load_schema())

DRAFT = """The Security Council,

Recalling its earlier resolutions on the situation,

Expressing deep concern at the humanitarian situation,

1. Demands an immediate ceasefire;

2. Requests the Secretary-General to report within 30 days;

3. Decides to remain seized of the matter.
"""
REVISED = """The Security Council,

Recalling its earlier resolutions on the situation,

Expressing grave concern at the humanitarian situation,

1. Requests the Secretary-General to report within 15 days;

2. Demands an immediate ceasefire;

3. Decides to remain seized of the matter.
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def report(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any, str]:
    code = main(["report", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else None, err


def errors(data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_differing_drafts_exit_1_and_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write(tmp_path, "a.txt", DRAFT), write(tmp_path, "b.txt", REVISED)
    code, data, err = report([a, b], capsys)
    assert (code, err) == (1, "")
    assert errors(data) == []
    assert data["schema"] == "resdiff/1"
    comp = data["comparisons"][0]
    assert (comp["a"], comp["b"], comp["differs"]) == ("A", "B", True)
    assert comp["counts"]["moved"] >= 1
    for pair in comp["pairs"]:
        a_text = "".join(r[1] for r in pair["diff"] if r[0] != "+")
        b_text = "".join(r[1] for r in pair["diff"] if r[0] != "-")
        assert a_text == "\n".join(_text(data, 0, x) for x in pair["a"])
        assert b_text == "\n".join(_text(data, 1, x) for x in pair["b"])


def _text(data: Any, doc: int, clause_id: str) -> str:
    stack = list(data["documents"][doc]["clauses"])
    while stack:
        c = stack.pop()
        if c["id"] == clause_id:
            return str(c["text"])
        stack.extend(c["children"])
    raise KeyError(clause_id)


def test_a_draft_against_itself_exits_0_all_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", DRAFT)
    code, data, _ = report([a, a], capsys)
    assert code == 0
    assert errors(data) == []
    comp = data["comparisons"][0]
    assert comp["differs"] is False
    assert {p["status"] for p in comp["pairs"]} == {"unchanged"}
    assert comp["counts"]["unchanged"] == len(comp["pairs"]) > 0


def test_three_drafts_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = write(tmp_path, "a.txt", DRAFT), write(tmp_path, "b.txt", REVISED)
    out = tmp_path / "out.json"
    code = main(["report", a, b, a, "-o", str(out)])
    assert code == 1 and capsys.readouterr().out == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert errors(data) == []
    assert [(c["a"], c["b"], c["differs"]) for c in data["comparisons"]] == [
        ("A", "B", True),
        ("A", "C", False),
    ]


def test_unstructured_texts_compare_paragraph_by_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", "Some prose.\n\nMore prose here.")
    b = write(tmp_path, "b.txt", "More prose here.\n\nSome prose, edited.\n\nA new line.")
    code, data, _ = report([a, b], capsys)
    assert code == 1 and errors(data) == []
    statuses = sorted(p["status"] for p in data["comparisons"][0]["pairs"])
    assert statuses == ["added", "modified", "unchanged"]


@pytest.mark.parametrize(
    "args",
    [["missing.txt", "a.txt"], ["a.txt"], ["a.txt", "a.txt", "-o", "a.txt"]],
    ids=["missing file", "one draft", "output over input"],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    write(tmp_path, "a.txt", DRAFT)
    monkeypatch.chdir(tmp_path)
    code, data, err = report(args, capsys)
    assert code == 2 and data is None
    assert err.startswith("resdiff: ") and err.count("\n") == 1


def test_every_part_of_the_schema_is_exercised() -> None:
    """Signals, changes, matrix and history are empty until their stages land: fill them
    by hand so the schema's description of them is checked against the renderer."""
    from dataclasses import replace

    from resdiff.pipeline import compare

    lp = load_labelled(next(FIXTURES.glob("02-*.txt")))
    comparison = compare(lp.a, lp.b)
    link = Link(("ceasefire", "hostages"), "conditional", "in connection with")
    verb = Verb("Demands", "obligation", 5.0)
    signals = ClauseSignals(
        verb=verb,
        topics=(Mention("ceasefire", "ceasefire", Span(3, 12)),),
        qualifiers={"ceasefire": ("immediate",)},
        links=(link,),
        actors=("all parties",),
        references=("2720 (2023)",),
        numbers=("30 days",),
    )
    change = Change(
        "linkage", "ceasefire", "hostages", ("OP1",), ("OP1",), "conditional", "parallel",
        None, 9.5, "OP1: the ceasefire is no longer conditional on hostage release",
    )  # fmt: skip
    matrix = PositionsMatrix(
        topics=("ceasefire", "hostages"),
        labels={"ceasefire": "Ceasefire"},
        documents=("A", "B"),
        cells={("ceasefire", "A"): MatrixCell(verb, ("OP1",), ("immediate",), (link,))},
    )
    history = ClauseHistory(
        "OP1",
        (("A", ("OP1",), "unchanged"), ("B", ("OP1",), "modified")),
        (WordOrigin("Calls upon ", "B"), WordOrigin("all States", "A")),
    )
    rich = replace(
        comparison,
        signals={"A": {"OP1": signals}, "B": {"OP1": ClauseSignals()}},
        comparisons=(replace(comparison.comparisons[0], changes=(change,)),),
        matrix=matrix,
        history=(history,),
    )
    data = comparison_to_dict(rich)
    assert errors(data) == []
    assert data["documents"][0]["clauses"][8]["signals"]["verb"]["text"] == "Demands"
    broken = json.loads(json.dumps(data))
    broken["comparisons"][0]["pairs"][0]["status"] = "renumbered"
    del broken["comparisons"][0]["counts"]["moved"]
    assert len(errors(broken)) == 2
