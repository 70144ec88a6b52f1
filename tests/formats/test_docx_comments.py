"""The Word report's comments: "In brief" and each key difference, anchored where a reader
looks for them, without touching the text that accepting or rejecting gives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

from resdiff.ingest.wordnumbering import w
from resdiff.model import Comparison
from resdiff.pipeline import compare, load
from resdiff.render.docx import render_docx
from resdiff.render.redline import plan
from resdiff.render.view import ReportOptions, build_view
from resdiff.render.wordcomments import plan_comments
from tests.builders import paragraphs

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed_pair() -> Comparison:
    return compare(
        load(str(SEEDS / "s-2024-9001-tied.txt")), load(str(SEEDS / "s-2024-9002-demands.txt"))
    )


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def test_brief_first_then_each_key_difference_on_its_clause() -> None:
    comparison = _seed_pair()
    pc = comparison.comparisons[0]
    redline = plan(*comparison.documents, pc)
    section = build_view(comparison, ReportOptions()).sections[0]
    comments = plan_comments(redline.paragraphs, section)
    brief = comments[0]
    assert brief.index == 0 and brief.lines[1] == section.verdict
    assert brief.lines[2].startswith("1. ⇄ linkage: OP1: the ceasefire is no longer conditional")
    assert brief.lines[-1] == "5 of 13 key differences here; each is a comment on its paragraph."
    keyed = comments[1:]
    assert len(keyed) == len(section.keys) == 13
    by_number = {int(c.lines[0].split()[2]): c for c in keyed}
    # the linkage change sits on B's OP1
    linkage = redline.paragraphs[by_number[1].index]
    assert "OP1" in linkage.b_keys and by_number[1].lines[0].endswith("(A OP1 -> B OP1)")
    assert by_number[1].lines[2].startswith("- verb strengthened")
    # a removed clause is commented on A's deleted paragraph
    removed = next(k for k in section.keys if k.address == "A OP7 -> B (none)")
    gone = redline.paragraphs[by_number[removed.number].index]
    assert gone.a_keys == ("OP7",) and gone.mark == "-" and not gone.b_keys
    # the header's changes go on the header
    header = next(k for k in section.keys if k.kind.word == "header")
    assert redline.paragraphs[by_number[header.number].index].b_keys[0].startswith("header:")


def test_comments_are_written_undated_and_leave_the_text_alone() -> None:
    comparison = _seed_pair()
    data = render_docx(comparison)
    notes = _part(data, "word/comments.xml").findall(w("comment"))
    assert len(notes) == 14
    assert all(n.get(w("author")) == "resdiff" and n.get(w("date")) is None for n in notes)
    body = _part(data, "word/document.xml")
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert sorted(int(e.get(w("id"))) for e in body.iter(w(tag))) == list(range(14)), tag
    # each range opens and closes in one paragraph; its reference run holds no text
    for start in body.iter(w("commentRangeStart")):
        paragraph = start.getparent()
        cid = start.get(w("id"))
        assert paragraph.find(f"{w('commentRangeEnd')}[@{w('id')}='{cid}']") is not None
        assert paragraph.tag == w("p")
    for ref in body.iter(w("commentReference")):
        assert ref.getparent().findall(w("t")) == []
    # python-docx reads the same comments back
    assert len(list(docx.Document(io.BytesIO(data)).comments)) == 14


def test_hostile_text_in_a_comment_is_shown_not_obeyed() -> None:
    hostile = "Condemns \u202eall attacks\x1b[2J on civilians;"
    a = paragraphs("A", ["Demands the release of all hostages;", hostile, "Decides to remain."])
    b = paragraphs("B", ["Demands the release of all hostages;", "Decides to remain."])
    xml = etree.tostring(_part(render_docx(compare(a, b)), "word/comments.xml"), encoding=str)
    assert "Condemns" in xml  # the removed clause is quoted in its comment
    assert "\u202e" not in xml and "\x1b" not in xml and "⟦U+202E⟧" in xml
