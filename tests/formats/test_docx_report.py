"""The tracked-changes .docx: accept-all gives B, reject-all gives A, read back from the XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from resdiff.cli import main
from resdiff.ingest.docx import read_docx
from resdiff.ingest.wordnumbering import w
from resdiff.model import Clause, ClausePair, Document, PairwiseComparison, ParseInfo, Span
from resdiff.pipeline import compare, load
from resdiff.render.docx import write_docx
from resdiff.render.redline import accepted, plan, rejected, units
from tests.formats.builders import SAMPLE

WORDS = ["Demands", "calls", "ceasefire", "immediate", "release", "hostages", "all", "parties"]


def document(doc_id: str, paragraphs: list[str]) -> Document:
    """A document whose clauses are the given paragraphs (no parser involved)."""
    text = ""
    clauses = []
    for i, p in enumerate(paragraphs, 1):
        start = len(text)
        text += p + "\n\n"
        clauses.append(Clause(f"P{i}", "other", None, None, None, p, Span(start, len(text))))
    return Document(
        doc_id, f"{doc_id}.txt", "txt", text, None, None, None, (), None, "en",
        ParseInfo("paragraphs", "built by the test"), Span(0, 0), tuple(clauses),
    )  # fmt: skip


def read_back(data: bytes, changes: str) -> list[str]:
    text = read_docx(data, "out.docx", changes)  # type: ignore[arg-type]
    return [p.strip() for p in text.text.split("\n\n") if p.strip()]


paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@st.composite
def drafts_and_pairs(draw: st.DrawFn) -> tuple[Document, Document, PairwiseComparison]:
    """Two drafts and an arbitrary alignment between them - even a silly one: whatever
    the aligner says, the Word file must accept to B and reject to A."""
    pa = draw(st.lists(paragraph, min_size=0, max_size=7))
    pb = draw(st.lists(paragraph, min_size=0, max_size=7))
    a, b = document("A", pa), document("B", pb)
    targets = [draw(st.none() | st.integers(0, len(pb) - 1)) if pb else None for _ in pa]
    pairs: list[ClausePair] = []
    used_b: set[int] = set()
    for j in sorted({t for t in targets if t is not None}):
        a_ids = tuple(f"P{i + 1}" for i, t in enumerate(targets) if t == j)
        b_idx = [j] + ([j + 1] if draw(st.booleans()) and j + 1 < len(pb) else [])
        b_idx = [k for k in b_idx if k not in used_b]
        used_b.update(b_idx)
        b_ids = tuple(f"P{k + 1}" for k in b_idx)
        pairs.append(ClausePair(a_ids, b_ids, "modified", draw(st.booleans()), 0.5, ()))
    for i, t in enumerate(targets):
        if t is None and draw(st.booleans()):
            pairs.append(ClausePair((f"P{i + 1}",), (), "removed", False, 0.0, ()))
    draw(st.randoms()).shuffle(pairs)
    return a, b, PairwiseComparison("A", "B", tuple(pairs), compare_counts())


def compare_counts():  # type: ignore[no-untyped-def]
    from resdiff.model import Counts

    return Counts()


@settings(max_examples=200, deadline=None)
@given(drafts_and_pairs())
def test_plan_accepts_to_b_and_rejects_to_a(
    case: tuple[Document, Document, PairwiseComparison],
) -> None:
    a, b, pairwise = case
    paragraphs = plan(a, b, pairwise)
    assert accepted(paragraphs) == [u.text for u in units(b)]
    assert rejected(paragraphs) == [u.text for u in units(a)]


@settings(max_examples=25, deadline=None)
@given(drafts_and_pairs())
def test_word_xml_accepts_to_b_and_rejects_to_a(
    case: tuple[Document, Document, PairwiseComparison],
) -> None:
    a, b, pairwise = case
    data = write_docx(plan(a, b, pairwise), a, b)
    assert read_back(data, "accept") == [u.text for u in units(b)]
    assert read_back(data, "reject") == [u.text for u in units(a)]


def _revised_sample(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(SAMPLE, "utf-8")
    changed = (
        SAMPLE.replace("Demands that all parties", "Calls upon all parties to")
        .replace("    (c) Appoint a coordinator for the basin;\n\n", "")
        .replace("within 30 days", "within 15 days")
    )
    moved = (
        "3. Encourages Member States to provide additional funding to meet the needs of the "
        "population;\n\n"
    )
    changed = changed.replace(moved, "").replace("1. ", moved.replace("3.", "1.") + "2. ", 1)
    b.write_text(changed, "utf-8")
    return a, b


def test_report_command_writes_tracked_changes(tmp_path: Path) -> None:
    a, b = _revised_sample(tmp_path)
    out = tmp_path / "changes.docx"
    code = main(["report", str(a), str(b), "-o", str(out)])
    assert code == 1  # the drafts differ
    data = out.read_bytes()
    docs = compare(load(str(a)), load(str(b)))
    assert read_back(data, "accept") == [u.text for u in units(docs.documents[1])]
    assert read_back(data, "reject") == [u.text for u in units(docs.documents[0])]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    revisions = [el for tag in ("ins", "del") for el in root.iter(w(tag))]
    assert revisions and all(el.get(w("author")) == "resdiff" for el in revisions)
    assert any(el.tag == w("del") for el in root.iter(w("del")))
    ids = [el.get(w("id")) for el in root.iter() if el.get(w("id")) is not None]
    assert len(ids) == len(set(ids))  # revision ids are unique


def test_report_is_deterministic(tmp_path: Path) -> None:
    a, b = _revised_sample(tmp_path)
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    main(["report", str(a), str(b), "-o", str(first)])
    main(["report", str(a), str(b), "--format", "docx", "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()


def moved_case() -> tuple[Document, Document, PairwiseComparison]:
    """The last paragraph moved to the top, plus an edit, an addition and a removal."""
    a = document("A", ["Alpha one.", "Beta two.", "Gamma three.", "Delta four.", "Omega."])
    b = document("B", ["Delta four.", "Alpha one.", "Beta 2.", "New.", "Gamma three."])
    pairs = (
        ClausePair(("P4",), ("P1",), "unchanged", True, 1.0, ()),
        ClausePair(("P1",), ("P2",), "unchanged", False, 1.0, ()),
        ClausePair(("P2",), ("P3",), "modified", False, 0.8, ()),
        ClausePair((), ("P4",), "added", False, 0.0, ()),
        ClausePair(("P3",), ("P5",), "unchanged", False, 1.0, ()),
        ClausePair(("P5",), (), "removed", False, 0.0, ()),
    )
    return a, b, PairwiseComparison("A", "B", pairs, compare_counts())


def test_moved_paragraph_is_a_word_move() -> None:
    a, b, pairwise = moved_case()
    data = write_docx(plan(a, b, pairwise), a, b)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    moved_from = ["".join(m.itertext()) for m in root.iter(w("moveFrom")) if len(m)]
    moved_to = ["".join(m.itertext()) for m in root.iter(w("moveTo")) if len(m)]
    assert moved_from == ["Delta four."] and moved_to == ["Delta four."]
    names = {el.get(w("name")) for el in root.iter(w("moveFromRangeStart"), w("moveToRangeStart"))}
    assert len(names) == 1
    assert read_back(data, "accept") == [u.text for u in units(b)]
    assert read_back(data, "reject") == [u.text for u in units(a)]


def test_same_drafts_give_the_same_report_whatever_their_formats(tmp_path: Path) -> None:
    from tests.formats.builders import make_docx, make_pdf
    from tests.formats.conftest import seed_text

    a_text, b_text = seed_text("s-2024-9001-tied.txt"), seed_text("s-2024-9002-demands.txt")
    (tmp_path / "a.txt").write_text(a_text, "utf-8")
    (tmp_path / "b.txt").write_text(b_text, "utf-8")
    (tmp_path / "a.docx").write_bytes(make_docx(a_text))
    (tmp_path / "b.pdf").write_bytes(make_pdf(b_text))
    for a, b, out in (("a.txt", "b.txt", "1.docx"), ("a.docx", "b.pdf", "2.docx")):
        main(["report", str(tmp_path / a), str(tmp_path / b), "-o", str(tmp_path / out)])
    assert (tmp_path / "1.docx").read_bytes() == (tmp_path / "2.docx").read_bytes()
