"""The tracked-changes .docx: accept-all gives B, reject-all gives A, read back from the XML;
the revisions are the comparison's own word diff; renumbering is no revision."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from resdiff.align.rewrite import is_rewritten
from resdiff.cli import main
from resdiff.diff import diff_texts
from resdiff.ingest.docx import read_docx
from resdiff.ingest.wordnumbering import w
from resdiff.model import ClausePair, CompareOptions, Counts, Document, PairwiseComparison, Run
from resdiff.pipeline import compare, load
from resdiff.render.docx import render_docx, write_docx
from resdiff.render.redline import Side, accepted, expected, plan, rejected
from tests.builders import clause, document, paragraphs
from tests.formats.builders import SAMPLE

WORDS = ["Demands", "calls", "ceasefire", "immediate", "release", "hostages", "all", "parties"]
QUOTED = [*WORDS, "\u2018all\u2019", "'all'", "\u201cparties\u201d", '"parties"']
LABELS = ["1.", "2.", "3.", "4.", "(a)", "(b)", "4 bis", "Article 2", None]


def full(draft: Side) -> list[str]:
    """Each paragraph as a reader sees it, its number included, whitespace collapsed."""
    return [" ".join(draft.seen(i).split()) for i in range(len(draft.units))]


def test_list_numbers_are_the_drafts_labels() -> None:
    """B's labels exactly; A's with the same numbers (in B's punctuation where they differ)."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for other in ("s-2024-9002-demands.txt", "s-2024-9001-rev1-tied.txt"):
        comparison = compare(load(str(seeds / "s-2024-9001-tied.txt")), load(str(seeds / other)))
        redline = plan(*comparison.documents, comparison.comparisons[0])
        for draft in (redline.a, redline.b):
            assert len(draft.lists.written) >= 15
            for i, number in draft.lists.written.items():
                label = draft.units[i].label or ""
                assert number.strip("().") == label.strip("().")
        assert all(redline.b.units[i].label == n for i, n in redline.b.lists.written.items())


def read_back(data: bytes, changes: str) -> list[str]:
    text = read_docx(data, "out.docx", changes)  # type: ignore[arg-type]
    return [" ".join(p.split()) for p in text.text.split("\n\n") if p.strip()]


def xml_root(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def labelled(doc_id: str, texts: list[str], labels: list[str | None]) -> Document:
    return document(
        doc_id,
        [
            clause(f"P{i}", t, kind="other", label=lab)
            for i, (t, lab) in enumerate(zip(texts, labels, strict=True), 1)
        ],
    )


@st.composite
def drafts_and_pairs(
    draw: st.DrawFn, words: list[str] = WORDS
) -> tuple[Document, Document, PairwiseComparison]:
    """Two labelled drafts and an arbitrary alignment between them - even a silly one:
    whatever the aligner says, the Word file must accept to B and reject to A. Each pair
    carries the engine's word diff of its clauses, as the aligner's pairs do."""
    paragraph = st.lists(st.sampled_from(words), min_size=1, max_size=6).map(" ".join)
    pa = draw(st.lists(paragraph, min_size=0, max_size=7))
    pb = draw(st.lists(paragraph, min_size=0, max_size=7))
    label = st.sampled_from(LABELS)
    a = labelled("A", pa, [draw(label) for _ in pa])
    b = labelled("B", pb, [draw(label) for _ in pb])
    targets = [draw(st.none() | st.integers(0, len(pb) - 1)) if pb else None for _ in pa]
    pairs: list[ClausePair] = []
    used_b: set[int] = set()
    for j in sorted({t for t in targets if t is not None}):
        a_idx = [i for i, t in enumerate(targets) if t == j]
        b_idx = [j] + ([j + 1] if draw(st.booleans()) and j + 1 < len(pb) else [])
        b_idx = [k for k in b_idx if k not in used_b]
        used_b.update(b_idx)
        runs = diff_texts("\n".join(pa[i] for i in a_idx), "\n".join(pb[k] for k in b_idx))
        a_ids = tuple(f"P{i + 1}" for i in a_idx)
        b_ids = tuple(f"P{k + 1}" for k in b_idx)
        pairs.append(ClausePair(a_ids, b_ids, "modified", draw(st.booleans()), 0.5, runs))
    for i, t in enumerate(targets):
        if t is None and draw(st.booleans()):
            pairs.append(ClausePair((f"P{i + 1}",), (), "removed", False, 0.0, ()))
    draw(st.randoms()).shuffle(pairs)
    return a, b, PairwiseComparison("A", "B", tuple(pairs), Counts())


@settings(max_examples=200, deadline=None)
@given(drafts_and_pairs())
def test_plan_accepts_to_b_and_rejects_to_a(
    case: tuple[Document, Document, PairwiseComparison],
) -> None:
    redline = plan(*case)
    assert accepted(redline.paragraphs) == expected(redline.b)
    assert rejected(redline.paragraphs) == expected(redline.a)


@settings(max_examples=25, deadline=None)
@given(drafts_and_pairs())
def test_word_xml_accepts_to_b_and_rejects_to_a(
    case: tuple[Document, Document, PairwiseComparison],
) -> None:
    a, b, pairwise = case
    redline = plan(a, b, pairwise)
    data = write_docx(redline, a, b)
    assert read_back(data, "accept") == full(redline.b)
    assert read_back(data, "reject") == full(redline.a)


@settings(max_examples=100, deadline=None)
@given(drafts_and_pairs(QUOTED))
def test_ignored_differences_show_as_b_text(
    case: tuple[Document, Document, PairwiseComparison],
) -> None:
    """Curly and straight quotes are one difference the options ignore: Word shows B's
    quotes unmarked, as every face does, so "reject all" gives A as B writes its quotes
    (exactly A where the options ignore nothing)."""
    options = CompareOptions()
    redline = plan(*case, options)
    assert accepted(redline.paragraphs) == expected(redline.b)
    for got, want in zip(rejected(redline.paragraphs), expected(redline.a), strict=True):
        assert all(r.op == "=" or r.minor for r in diff_texts(got, want, options))
    strict = CompareOptions(ignore_whitespace=False, ignore_quotes=False)
    a, b, pc = case
    exact = plan(a, b, _rediffed(pc, a, b, strict), strict)
    assert rejected(exact.paragraphs) == expected(exact.a)


def _rediffed(
    pc: PairwiseComparison, a: Document, b: Document, options: CompareOptions
) -> PairwiseComparison:
    ta = {c.id: c.text for c in a.walk()}
    tb = {c.id: c.text for c in b.walk()}
    pairs = tuple(
        ClausePair(
            p.a,
            p.b,
            p.status,
            p.moved,
            p.similarity,
            diff_texts("\n".join(ta[i] for i in p.a), "\n".join(tb[j] for j in p.b), options),
        )
        for p in pc.pairs
    )
    return PairwiseComparison(pc.a, pc.b, pairs, pc.counts)


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
    comparison = compare(load(str(a)), load(str(b)))
    redline = plan(*comparison.documents, comparison.comparisons[0])
    assert read_back(data, "accept") == full(redline.b)
    assert read_back(data, "reject") == full(redline.a)
    root = xml_root(data)
    revisions = [el for tag in ("ins", "del") for el in root.iter(w(tag))]
    assert revisions and all(el.get(w("author")) == "resdiff" for el in revisions)
    assert any(el.tag == w("del") for el in root.iter(w("del")))
    # Revision and comment ids are unique; a range's end repeats its start's id, as OOXML
    # requires, and so does a comment's reference.
    ids = [
        el.get(w("id"))
        for el in root.iter()
        if el.get(w("id")) is not None
        and not str(el.tag).endswith(("RangeEnd", "commentReference"))
    ]
    assert len(ids) == len(set(ids))


def test_report_is_deterministic(tmp_path: Path) -> None:
    a, b = _revised_sample(tmp_path)
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    main(["report", str(a), str(b), "-o", str(first)])
    main(["report", str(a), str(b), "--format", "docx", "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()


def moved_case() -> tuple[Document, Document, PairwiseComparison]:
    """The last paragraph moved to the top, plus an edit, an addition and a removal."""
    a = labelled(
        "A", ["Alpha one.", "Beta two.", "Gamma three.", "Delta four.", "Omega."], [None] * 5
    )
    b = labelled("B", ["Delta four.", "Alpha one.", "Beta 2.", "New.", "Gamma three."], [None] * 5)
    pairs = (
        ClausePair(("P4",), ("P1",), "unchanged", True, 1.0, ()),
        ClausePair(("P1",), ("P2",), "unchanged", False, 1.0, ()),
        ClausePair(("P2",), ("P3",), "modified", False, 0.8, diff_texts("Beta two.", "Beta 2.")),
        ClausePair((), ("P4",), "added", False, 0.0, ()),
        ClausePair(("P3",), ("P5",), "unchanged", False, 1.0, ()),
        ClausePair(("P5",), (), "removed", False, 0.0, ()),
    )
    return a, b, PairwiseComparison("A", "B", pairs, Counts())


def test_moved_paragraph_is_a_word_move() -> None:
    a, b, pairwise = moved_case()
    redline = plan(a, b, pairwise)
    data = write_docx(redline, a, b)
    root = xml_root(data)
    moved_from = ["".join(m.itertext()) for m in root.iter(w("moveFrom")) if len(m)]
    moved_to = ["".join(m.itertext()) for m in root.iter(w("moveTo")) if len(m)]
    assert moved_from == ["Delta four."] and moved_to == ["Delta four."]
    names = {el.get(w("name")) for el in root.iter(w("moveFromRangeStart"), w("moveToRangeStart"))}
    assert len(names) == 1
    assert read_back(data, "accept") == full(redline.b)
    assert read_back(data, "reject") == full(redline.a)


def _revised_texts(root: etree._Element, tag: str) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(w(tag))]


def test_phrase_swap_is_one_deletion_and_one_insertion() -> None:
    """The one word diff (phrase-level) is what Word shows, not a word-by-word interleave
    ("~~Calls~~Demands ~~upon~~that")."""
    a = paragraphs("A", ["Calls upon all parties to comply with international law;"])
    b = paragraphs("B", ["Demands that all parties comply with international law;"])
    data = render_docx(compare(a, b))
    root = xml_root(data)
    assert _revised_texts(root, "del") == ["Calls upon", "to "]
    assert _revised_texts(root, "ins") == ["Demands that"]


def test_revisions_are_the_comparisons_own_runs() -> None:
    """Every changed word of the seed pair's in-place pairs, as the JSON diff has it."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    comparison = compare(
        load(str(seeds / "s-2024-9001-tied.txt")), load(str(seeds / "s-2024-9002-demands.txt"))
    )
    pc = comparison.comparisons[0]
    redline = plan(*comparison.documents, pc, comparison.options)
    by_text = {
        "".join(x.text for x in p.pieces if x.op != "-"): p
        for p in redline.paragraphs
        if any(x.op != "=" for x in p.pieces)
    }
    checked = rewritten = 0
    for pair in (p for top in pc.pairs for p in top.walk()):
        if pair.moved or len(pair.a) != 1 or len(pair.b) != 1 or pair.status != "modified":
            continue
        runs = [r for r in pair.diff if not r.minor]
        if not any(r.op != "=" for r in runs):
            continue
        paragraph = by_text[pair.text_b()]
        if is_rewritten(pair):  # as every face shows it: A's whole text, then B's
            runs = [Run("-", pair.text_a()), Run("+", pair.text_b())]
            rewritten += 1
        assert [(x.op, x.text) for x in paragraph.pieces if x.op != "="] == [
            (r.op, r.text) for r in runs if r.op != "="
        ]
        checked += 1
    assert checked >= 4 and rewritten == 1


def test_a_rewritten_paragraph_is_deleted_whole_then_inserted_whole() -> None:
    """Below the one rewrite threshold (align.rewrite), Word shows the old paragraph
    deleted and the new one inserted, not a word-by-word interleave."""
    old = (
        "Determines the imperative of an immediate and sustained ceasefire to protect "
        "civilians, in connection with the release of all remaining hostages;"
    )
    new = (
        "Demands an immediate ceasefire for the month of Ramadan and also demands the "
        "immediate and unconditional release of all hostages;"
    )
    a = paragraphs("A", [old, "Decides to remain seized of the matter."])
    b = paragraphs("B", [new, "Decides to remain seized of the matter."])
    comparison = compare(a, b)
    assert is_rewritten(comparison.comparisons[0].pairs[0])
    data = render_docx(comparison)
    root = xml_root(data)
    assert _revised_texts(root, "del") == [old]
    assert _revised_texts(root, "ins") == [new]
    assert read_back(data, "accept")[-2:] == [
        f"1. {new}",
        "2. Decides to remain seized of the matter.",
    ]
    assert read_back(data, "reject")[-2][-len(old) :] == old


def test_renumbered_unchanged_paragraph_carries_no_revision() -> None:
    ops = [
        "Demands an immediate ceasefire;",
        "Calls upon all parties to release all hostages;",
        "Decides to remain seized of the matter.",
    ]
    a = paragraphs("A", ops)
    b = paragraphs("B", ["Welcomes the report of the Secretary-General;", *ops])
    data = render_docx(compare(a, b))
    root = xml_root(data)
    kept = [p for p in root.iter(w("p")) if "".join(p.itertext()) in ops]
    assert len(kept) == 3
    for p in kept:
        assert p.find(f".//{w('ins')}") is None and p.find(f".//{w('del')}") is None
        assert p.find(f".//{w('pPrChange')}") is None
        assert p.find(f"{w('pPr')}/{w('numPr')}") is not None  # the number is Word's
    assert read_back(data, "accept")[1:] == [f"{n}. {t}" for n, t in enumerate(ops, 2)]
    assert read_back(data, "reject") == [f"{n}. {t}" for n, t in enumerate(ops, 1)]


def test_a_label_word_cannot_number_stays_text() -> None:
    """'2 bis' is no list number: it is written as text, and its change is a revision."""
    a = document(
        "A",
        [clause("OP1", "Demands a ceasefire;"), clause("OP2", "Notes the report;", label="2 bis")],
    )
    b = document(
        "B", [clause("OP1", "Demands a ceasefire;"), clause("OP2", "Notes the report;", label="2.")]
    )
    redline = plan(*compare(a, b).documents, compare(a, b).comparisons[0])
    assert redline.a.lists.numbered == {0}
    assert redline.b.lists.numbered == {0, 1}
    assert accepted(redline.paragraphs) == ["Demands a ceasefire;", "Notes the report;"]
    assert rejected(redline.paragraphs) == ["Demands a ceasefire;", "2 bis Notes the report;"]
    assert ("-", "2 bis ") in [(x.op, x.text) for p in redline.paragraphs for x in p.pieces]
    data = write_docx(redline, *compare(a, b).documents)
    assert read_back(data, "reject") == ["1. Demands a ceasefire;", "2 bis Notes the report;"]
    assert read_back(data, "accept") == ["1. Demands a ceasefire;", "2. Notes the report;"]


def test_demotion_in_place_is_a_formatting_revision() -> None:
    """OP2 becomes PP2 without moving: B's paragraph is unnumbered, A's numbering is kept
    as a formatting revision, so "reject all" numbers it again."""
    a = document(
        "A",
        [
            clause("PP1", "Recalling its resolutions,"),
            clause("OP1", "Condemns all attacks;"),
            clause("OP2", "Decides to remain seized;"),
        ],
    )
    b = document(
        "B",
        [
            clause("PP1", "Recalling its resolutions,"),
            clause("PP2", "Condemning all attacks,"),
            clause("OP1", "Decides to remain seized;"),
        ],
    )
    comparison = compare(a, b)
    data = render_docx(comparison)
    assert read_back(data, "accept") == [
        "Recalling its resolutions,",
        "Condemning all attacks,",
        "1. Decides to remain seized;",
    ]
    assert read_back(data, "reject") == [
        "Recalling its resolutions,",
        "1. Condemns all attacks;",
        "2. Decides to remain seized;",
    ]
    changed = [p for p in xml_root(data).iter(w("p")) if p.find(f".//{w('pPrChange')}") is not None]
    assert len(changed) == 1 and "attacks" in "".join(changed[0].itertext())


def test_three_drafts_are_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for n, text in enumerate(
        ["Demands a ceasefire;", "Demands a lasting ceasefire;", "Urges a ceasefire;"]
    ):
        path = tmp_path / f"d{n}.txt"
        path.write_text(f"The Security Council,\n\n1. {text}\n", "utf-8")
        files.append(str(path))
    out = tmp_path / "x.docx"
    assert main(["report", *files, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "one comparison" in err and "3 drafts" in err
    assert not out.exists()


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


def test_a_drafts_warnings_are_in_the_word_files_comments() -> None:
    """The body is B exactly, so a warning (a copy cut short) goes in the properties."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "phenomena" / "4c-cut-mid-list"
    comparison = compare(load(str(fixtures / "a.txt")), load(str(fixtures / "b.txt")))
    props = docx.Document(io.BytesIO(render_docx(comparison))).core_properties
    b = comparison.documents[1]
    assert b.warnings and not comparison.documents[0].warnings
    assert f"Warnings on {b.label}: {b.warnings[0]}" in props.comments
    assert "Warnings on a.txt" not in props.comments
