"""Round trip as a property: for random UN-like drafts A and B (B is A after random
negotiation edits), applying the amendments written from their comparison to A gives
B's clauses: the same ids (so the same numbering), kinds and words. Headers and
footnotes are not amended (the comparison pairs them, the writer leaves them out): the
amended draft keeps A's."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from resdiff.amend import amendments
from resdiff.amend.apply import apply_amendments
from resdiff.amend.read import read_amendments
from resdiff.amend.words import canonical
from resdiff.labels import to_letters, to_roman
from resdiff.model import CompareOptions, Document
from resdiff.pipeline import compare
from resdiff.render.amendments import render_text
from tests.unit.test_pipeline_props import (
    Frame,
    Para,
    _document,
    _draft_text,
    draft_st,
    edited,
    edited_frame,
    frame_st,
)


def _shape(doc: Document) -> list[tuple[str, str, str]]:
    """The paragraphs (footnotes are not amended)."""
    return [(c.id, c.kind, canonical(c.text)) for top in doc.clauses for c in top.walk()]


def _numbered_as_the_un_does(doc: Document) -> bool:
    """Operative paragraphs 1, 2, 3..., sub-paragraphs (a), (b)... with (i), (ii)... below.
    The random edits can make a preambular paragraph open with an operative verb (the
    parser reads an unnumbered operative paragraph) or put (i) to (iii) under an (h) (the
    parser reads the letter i): printed numbering no renumbering can give."""
    numbers = [c.number for c in doc.clauses if c.kind == "operative"]
    if numbers != [str(n) for n in range(1, len(numbers) + 1)]:
        return False
    for top in doc.clauses:
        for clause in top.walk():
            labels = [c.number for c in clause.children]
            roman = clause is not top or labels[:1] == ["i"]
            expected = [to_roman(k + 1) if roman else to_letters(k + 1) for k in range(len(labels))]
            if labels != expected:
                return False
    return True


def _round_trip(a: Document, b: Document, options: CompareOptions) -> None:
    assume(_numbered_as_the_un_does(a) and _numbered_as_the_un_does(b))
    written = amendments(compare(a, b, options=options))
    if not written.amendments:
        assert _shape(a) == _shape(b)
        return
    read = read_amendments(render_text(written))
    assert [(x.number, x.op, x.new) for x in read.amendments] == [
        (x.number, x.op, x.new) for x in written.amendments
    ]
    amended = apply_amendments(a, read)
    assert _shape(amended.document) == _shape(b)
    assert [n.text for n in amended.document.footnotes] == [n.text for n in a.footnotes]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), paras=draft_st, frame=frame_st, strict=st.booleans())
def test_applying_the_written_amendments_gives_the_other_draft(
    data: st.DataObject, paras: list[Para], frame: Frame, strict: bool
) -> None:
    a = _document(_draft_text(paras, frame), "A")
    b = _document(_draft_text(data.draw(edited(paras)), data.draw(edited_frame(frame))), "B")
    options = CompareOptions(ignore_whitespace=not strict, ignore_quotes=not strict)
    _round_trip(a, b, options)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), paras=draft_st)
def test_round_trip_after_two_rounds_of_edits(data: st.DataObject, paras: list[Para]) -> None:
    second = data.draw(edited(paras))
    third = data.draw(edited(second))
    a = _document(_draft_text(paras), "A")
    c = _document(_draft_text(third), "B")
    _round_trip(a, c, CompareOptions())


@settings(max_examples=20, deadline=None)
@given(paras=draft_st)
def test_a_draft_needs_no_amendment_to_become_itself(paras: list[Para]) -> None:
    doc = _document(_draft_text(paras), "A")
    assert amendments(compare(doc, doc)).amendments == ()
