"""Drafts that differ only in their header or in a footnote differ, in every face: exit 1,
a verdict that says where, the change named (issue 15, items 2 and 3). Before, the
header and the footnotes were in no pair: such drafts were "B does not differ from A",
exit 0."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from resdiff.cli import main
from resdiff.ingest.wordnumbering import w
from resdiff.pipeline import compare
from resdiff.present.counts import verdict
from tests.builders import parsed

DRAFT = """United Nations                                        S/2024/310
Security Council                                      Distr.: General
                                                      12 April 2024
                                                      Original: English

France and Ghana: draft resolution

The situation in the Middle East

The Security Council,

Recalling its resolution 2712 (2023),[1]

1. Demands an immediate ceasefire;

2. Decides to remain seized of the matter.

[1] Adopted on 15 November 2023.
"""

SPONSORS = DRAFT.replace("France and Ghana", "Algeria, France and Ghana")
FOOTNOTE = DRAFT.replace("15 November 2023.", "15 November 2023 by 12 votes.")


def _changes(a: str, b: str) -> list[tuple[str, str]]:
    (pc,) = compare(parsed(a, "A"), parsed(b, "B")).comparisons
    return [(ch.kind, ch.summary) for ch in pc.changes]


def test_sponsors_joining_and_leaving_are_changes_of_their_own_kinds() -> None:
    assert _changes(DRAFT, SPONSORS) == [("sponsor-added", "Algeria joins the sponsors")]
    swapped = DRAFT.replace("France and Ghana", "Algeria and Ghana")
    assert _changes(DRAFT, swapped) == [
        ("sponsor-added", "Algeria joins the sponsors"),
        ("sponsor-removed", "France is no longer a sponsor"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "kind", "summary"),
    [
        ("S/2024/310", "S/2024/310/Rev.1", "symbol-changed",
         "document symbol changed from 'S/2024/310' to 'S/2024/310/Rev.1'"),
        ("12 April 2024", "15 April 2024", "date-changed",
         "date changed from '2024-04-12' to '2024-04-15'"),
        ("The situation in the Middle East", "The situation in Gaza", "title-changed",
         "title changed from 'The situation in the Middle East' to 'The situation in Gaza'"),
        ("The Security Council,", "The General Assembly,", "author-changed",
         "author changed from 'The Security Council' to 'The General Assembly'"),
    ],
)  # fmt: skip
def test_each_header_field_is_compared(old: str, new: str, kind: str, summary: str) -> None:
    assert (kind, summary) in _changes(DRAFT, DRAFT.replace(old, new))


def test_a_header_line_outside_the_fields_still_differs() -> None:
    (pc,) = compare(
        parsed(DRAFT, "A"), parsed(DRAFT.replace("Distr.: General", "Distr.: Limited"), "B")
    ).comparisons
    assert pc.differs and pc.changes == ()
    assert verdict(pc).startswith("B differs from A in the header; paragraphs: none changed")


def test_a_header_laid_out_differently_does_not_differ() -> None:
    (pc,) = compare(parsed(DRAFT, "A"), parsed(DRAFT.replace("      12", "12"), "B")).comparisons
    assert not pc.differs and pc.header is not None and pc.header.status == "unchanged"


def test_footnotes_are_aligned_diffed_and_counted() -> None:
    (pc,) = compare(parsed(DRAFT, "A"), parsed(FOOTNOTE, "B")).comparisons
    (note,) = pc.footnotes
    assert (note.a, note.b, note.status) == (("FN1",), ("FN1",), "modified")
    assert [r.text for r in note.diff if r.op == "+"] == [" by 12 votes"]
    assert pc.footnote_counts.modified == 1 and pc.differs
    assert verdict(pc) == "B differs from A in paragraphs: none changed; footnotes: 1 modified."


def test_a_footnote_added_is_a_clause_added_change() -> None:
    more = DRAFT + "\n[2] See also resolution 2720 (2023).\n"
    (pc,) = compare(parsed(DRAFT, "A"), parsed(more, "B")).comparisons
    assert [p.status for p in pc.footnotes] == ["unchanged", "added"]
    assert ("clause-added", ("FN2",)) in [(ch.kind, ch.b) for ch in pc.changes]


def test_the_amendments_leave_footnotes_and_header_out() -> None:
    from resdiff.amend import amendments

    for other in (SPONSORS, FOOTNOTE):
        assert amendments(compare(parsed(DRAFT, "A"), parsed(other, "B"))).amendments == ()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    paths = []
    for name, text in (("a", DRAFT), ("sponsors", SPONSORS), ("footnote", FOOTNOTE)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], paths[2]


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
@pytest.mark.parametrize(
    ("other", "said"),
    [
        ("sponsors", ["the header (sponsors)", "Algeria joins the sponsors", "Algeria,"]),
        ("footnote", ["footnotes: 1 modified", "A FN1 -&gt; B FN1", "by 12 votes"]),
    ],
)
def test_every_text_format_says_it(
    pair: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    other: str,
    said: list[str],
) -> None:
    a, sponsors, footnote = pair
    b = sponsors if other == "sponsors" else footnote
    code = main(["report", str(a), str(b), "--format", fmt, "--color", "never"])
    out = capsys.readouterr().out
    if fmt == "html":  # the text a reader sees (an arrow sits in a no-break span)
        out = re.sub(r'<span class="nb">(.*?)</span>', r"\1", out)
    assert code == 1
    assert "does not differ" not in out
    for phrase in said:
        shown = phrase if fmt == "html" else phrase.replace("&gt;", ">")
        assert shown in out, (fmt, phrase)


def test_the_json_holds_the_header_pair_the_footnote_pairs_and_the_changes(
    pair: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, sponsors, footnote = pair
    assert main(["report", str(a), str(sponsors), "--format", "json"]) == 1
    (pc,) = json.loads(capsys.readouterr().out)["comparisons"]
    assert pc["differs"] and pc["header"]["status"] == "modified"
    assert ["+", "Algeria, "] in pc["header"]["diff"]
    assert [(c["kind"], c["to"], c["a"]) for c in pc["changes"]] == [
        ("sponsor-added", "Algeria", ["header"])
    ]
    assert main(["report", str(a), str(footnote), "--format", "json"]) == 1
    (pc,) = json.loads(capsys.readouterr().out)["comparisons"]
    assert pc["footnote_counts"]["modified"] == 1
    assert [p["status"] for p in pc["footnotes"]] == ["modified"]


def _inserted(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        from lxml import etree

        root = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in ins.iter(w("t"))) for ins in root.iter(w("ins"))]


def test_the_word_output_tracks_header_and_footnote_changes(
    pair: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    a, sponsors, footnote = pair
    out = tmp_path / "out.docx"
    assert main(["report", str(a), str(sponsors), "-o", str(out)]) == 1
    assert "Algeria, " in _inserted(out.read_bytes())
    assert main(["report", str(a), str(footnote), "-o", str(out)]) == 1
    assert " by 12 votes" in _inserted(out.read_bytes())
