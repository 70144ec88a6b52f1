"""Positions matrix: topics x drafts, strongest verb, qualifiers, links; three renderings."""

from __future__ import annotations

import json

from resdiff.model import Comparison
from resdiff.pipeline import document_signals
from resdiff.render import render_matrix
from resdiff.signals.lens import Lens
from resdiff.signals.matrix import build_matrix
from tests.unit.signals.conftest import OP1_DEMANDS, OP1_TIED, clause, document


def _comparison(lens: Lens) -> Comparison:
    docs = (
        document(
            "A",
            [
                clause("PP1", "Welcoming efforts towards a ceasefire,", "preambular"),
                clause("OP1", OP1_TIED),
            ],
        ),
        document("B", [clause("OP1", OP1_DEMANDS)]),
        document("C", [clause("OP1", "Encourages humanitarian pauses;")]),
    )
    signals = {d.id: document_signals(d, lens) for d in docs}
    return Comparison(
        documents=docs,
        comparisons=(),
        signals=signals,
        matrix=build_matrix(docs, signals, lens),
    )


def test_cells_hold_strongest_verb_qualifiers_links(lens: Lens) -> None:
    m = _comparison(lens).matrix
    assert m is not None
    assert m.topics[:2] == ("ceasefire", "hostages")
    assert m.documents == ("A", "B", "C")
    a = m.cells[("ceasefire", "A")]
    assert a.verb is not None and a.verb.text == "Determines the imperative of"
    assert a.clauses == ("PP1", "OP1")
    assert a.qualifiers == ("immediate", "sustained")
    assert [x.relation for x in a.links] == ["conditional"]
    b = m.cells[("ceasefire", "B")]
    assert b.verb is not None and b.verb.text == "Demands"
    assert [x.relation for x in b.links] == ["parallel"]
    assert ("hostages", "C") not in m.cells
    assert m.labels["ceasefire"] == "Ceasefire"


def test_renderings(lens: Lens) -> None:
    comparison = _comparison(lens)
    data = json.loads(render_matrix(comparison, "json"))
    row = data["rows"][0]
    assert row["topic"] == "ceasefire"
    assert row["cells"]["B"]["verb"]["text"] == "Demands"
    assert row["cells"]["C"]["qualifiers"] == ["humanitarian"]

    md = render_matrix(comparison, "md").splitlines()
    assert md[0] == "| Topic | A a.txt | B b.txt | C c.txt |"
    assert md[1] == "|---|---|---|---|"
    # Document text is escaped in Markdown; links name the other topic by its label.
    assert md[2].startswith(r"| Ceasefire | Determines the imperative of \[immediate, sustained\]")
    assert r"\{parallel: Hostages\}" in md[2]
    hostages = next(line for line in md if line.startswith("| Hostages"))
    assert hostages.endswith("| - |")

    txt = render_matrix(comparison, "txt")
    assert txt.splitlines()[0].split() == ["Topic", "A", "a.txt", "B", "b.txt", "C", "c.txt"]
    assert "Encourages [humanitarian] (OP1)" in txt
    assert all(len(line) <= 24 + 3 * 36 for line in txt.splitlines())


def test_subparagraph_takes_its_parents_verb(lens: Lens) -> None:
    from dataclasses import replace

    parent = replace(
        clause("OP4", "Requests the Secretary-General to:"),
        children=(clause("OP4(b)", "Report on humanitarian access;", "subparagraph"),),
    )
    doc = document("A", [parent])
    m = build_matrix([doc], {"A": document_signals(doc, lens)}, lens)
    cell = m.cells[("humanitarian-access", "A")]
    assert cell.verb is not None and cell.verb.text == "Requests"
    assert cell.clauses == ("OP4(b)",)
