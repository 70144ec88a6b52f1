"""The writer: amendments from a comparison, in the form a delegation would write them,
that apply back to exactly the other draft."""

from __future__ import annotations

import itertools
import json

import jsonschema
import pytest

from resdiff.align.params import AlignParams
from resdiff.amend import amendments, write_amendments
from resdiff.amend.apply import apply_amendments
from resdiff.amend.read import read_amendments
from resdiff.amend.words import canonical, find
from resdiff.ingest import SourceText
from resdiff.model import CompareOptions, Document
from resdiff.parse.structure import parse_source
from resdiff.pipeline import compare, load
from resdiff.render.amendments import render_json, render_text
from resdiff.render.schema import load_schema
from tests.conftest import SEEDS

UN_SEEDS = sorted(p.name for p in SEEDS.glob("s-2024-900*.txt") if "amendments" not in p.name)


def _doc(text: str, doc_id: str = "A") -> Document:
    return parse_source(SourceText(f"{doc_id}.txt", "txt", text), doc_id)


def _shape(doc: Document) -> list[tuple[str, str, str]]:
    return [(c.id, c.kind, canonical(c.text)) for c in doc.walk()]


def _round_trip(a: Document, b: Document, options: CompareOptions | None = None) -> list[str]:
    written = amendments(compare(a, b, options=options))
    amended = apply_amendments(a, read_amendments(render_text(written)))
    assert _shape(amended.document) == _shape(b)
    return [x.instruction for x in written.amendments]


def test_the_seed_pair_reads_as_a_delegation_would_write_it() -> None:
    a = load(str(SEEDS / "s-2024-9001-tied.txt"))
    b = load(str(SEEDS / "s-2024-9002-demands.txt"))
    found = _round_trip(a, b)
    for expected in (
        "Delete the fifth preambular paragraph.",  # merged into the fourth
        "Move the sixth preambular paragraph to follow the ninth preambular paragraph.",
        "In the sixth preambular paragraph, after the word “Expressing”, insert the word “grave”.",
        "Delete the tenth preambular paragraph.",
        "In operative paragraph 2, delete the words “, and stresses the need to protect "
        "humanitarian personnel, medical facilities and United Nations premises”.",  # split
        "Move operative paragraph 11 to follow operative paragraph 3.",
        "In operative paragraph 4 (b), replace the word “30” with “15”.",
        "In operative paragraph 6, replace the word “Encourages” with “Urges”.",
        "Delete operative paragraph 7.",
        "Delete operative paragraph 8.",  # demoted to the preamble: deleted, then inserted
    ):
        assert expected in found
    assert any(
        f.startswith("Replace operative paragraph 1 with the following:\n“Demands") for f in found
    )
    assert any(
        f.startswith("Insert two new preambular paragraphs after the eighth preambular paragraph")
        for f in found
    )
    assert len(found) == 21


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(UN_SEEDS, 2)))
def test_round_trip_on_every_pair_of_seed_drafts(first: str, second: str) -> None:
    _round_trip(load(str(SEEDS / first)), load(str(SEEDS / second), "B"))


def test_below_the_rewrite_threshold_one_replace_above_it_word_edits() -> None:
    a = load(str(SEEDS / "s-2024-9001-tied.txt"))
    b = load(str(SEEDS / "s-2024-9002-demands.txt"), "B")
    (pc,) = compare(a, b).comparisons
    edited = write_amendments(a, b, pc, AlignParams(rewrite_below=0.0))
    op1 = [x for x in edited.amendments if x.target.clause == "OP1"]
    assert len(op1) > 1 and {x.op for x in op1} <= {"replace-words", "insert-words", "delete-words"}
    amended = apply_amendments(a, read_amendments(render_text(edited)))
    assert _shape(amended.document) == _shape(b)


def test_quoted_words_are_unambiguous_in_their_paragraph() -> None:
    a = load(str(SEEDS / "s-2024-9001-tied.txt"))
    for other in UN_SEEDS:
        written = amendments(compare(a, load(str(SEEDS / other), "B")))
        for x in written.amendments:
            quoted = x.old if x.op in ("replace-words", "delete-words") else x.target.words
            if quoted and x.target.clause:
                assert len(find(a.clause(x.target.clause).text, quoted)) == 1, x.instruction


def test_repeated_words_are_quoted_with_context() -> None:
    a = _doc(
        "The Council,\n\n1. Calls upon all parties to remove obstacles and to facilitate access;\n"
    )
    b = _doc(
        "The Council,\n\n1. Calls upon all parties to remove obstacles and facilitate access;\n",
        "B",
    )
    assert _round_trip(a, b) == ["In operative paragraph 1, replace the words “and to” with “and”."]


def test_what_the_options_ignore_is_no_amendment() -> None:
    a = _doc('The Council,\n\n1. Condemns so-called "buffer zones";\n')
    b = _doc("The Council,\n\n1. Condemns so-called “buffer zones”;\n", "B")
    assert amendments(compare(a, b)).amendments == ()
    strict = amendments(compare(a, b, options=CompareOptions(ignore_quotes=False)))
    assert strict.amendments and {x.op for x in strict.amendments} == {"replace-words"}
    amended = apply_amendments(a, read_amendments(render_text(strict)))
    assert amended.document.clause("OP1").text == "Condemns so-called “buffer zones”;"


def test_sub_paragraphs_added_removed_and_a_new_paragraph_at_the_start() -> None:
    a = _doc(
        "The Council,\n\nRecalling its resolutions,\n\n1. Requests the Secretary-General to:\n\n"
        "(a) Report on access;\n\n(b) Report on funding;\n\n2. Decides to remain seized.\n"
    )
    b = _doc(
        "The Council,\n\nMindful of the season,\n\nRecalling its resolutions,\n\n"
        "1. Requests the Secretary-General to:\n\n(a) Report on access;\n\n"
        "(b) Appoint an envoy;\n\n(c) Report on funding and on aid;\n\n"
        "2. Decides to remain seized.\n",
        "B",
    )
    found = _round_trip(a, b)
    assert found[0].startswith("Insert a new preambular paragraph before the first preambular")
    assert (
        "Insert a new subparagraph after operative paragraph 1 (a), to read:\n“Appoint an envoy;”"
        in found
    )


def test_the_json_list_follows_the_schema() -> None:
    a = load(str(SEEDS / "s-2024-9001-tied.txt"))
    b = load(str(SEEDS / "s-2024-9002-demands.txt"), "B")
    comparison = compare(a, b)
    data = json.loads(render_json(amendments(comparison), comparison.documents))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    first, second = data["amendments"][:2]
    assert list(first) == [
        "number",
        "op",
        "target",
        "old",
        "new",
        "instruction",
        "destination",
        "kind",
    ]
    assert (first["op"], first["target"]["clause"], first["target"]["position"]) == (
        "insert-words",
        "PP4",
        "end",
    )
    assert (second["op"], second["target"]["clause"]) == ("delete-paragraph", "PP5")


def test_quoted_text_holding_quote_marks_still_reads_back() -> None:
    a = _doc(
        'The Council,\n\n1. Rejects so-called "buffer zones" with "safe areas" and '
        "“corridors”;\n\n2. Notes the “plan”;\n"
    )
    b = _doc(
        'The Council,\n\n1. Rejects so-called "zones" with "safe areas" and “corridors”, '
        "now;\n\n2. Notes the “new plan”;\n",
        "B",
    )
    found = _round_trip(a, b, CompareOptions(ignore_quotes=False))
    assert (
        found[0] == 'In operative paragraph 1, replace the words “"buffer zones"” with “"zones"”.'
    )
    assert len(found) == 3
