"""Opt-in: LibreOffice's own "accept all" / "reject all" on our tracked-changes .docx.

Our tests read the XML back with Word's semantics; LibreOffice merges adjacent revisions
and once disagreed (see ``redline.shift_marks``), so this asks LibreOffice itself. Needs
``soffice`` and ``python3-uno``; runs only with ``RESDIFF_LIBREOFFICE=1`` (about 10 s).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from resdiff.pipeline import compare, load
from resdiff.render.docx import render_docx, write_docx
from resdiff.render.redline import plan
from tests.formats.test_docx_report import _revised_sample, full, moved_case

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("lo_accept_reject.py")


def _available() -> bool:
    if os.environ.get("RESDIFF_LIBREOFFICE") != "1" or shutil.which("soffice") is None:
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(
    not _available(), reason="set RESDIFF_LIBREOFFICE=1 with soffice and python3-uno installed"
)


def _convert(path: Path, fmt: str, tmp_path: Path) -> Path:
    """``path`` converted by headless LibreOffice into ``tmp_path`` (its own profile)."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            fmt,
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return tmp_path / f"{path.stem}.{fmt}"


def test_libreoffice_accepts_to_b_and_rejects_to_a(tmp_path: Path) -> None:
    cases: dict[str, tuple[list[str], list[str]]] = {}
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    pairs = [
        (str(seeds / "s-2024-9001-tied.txt"), str(seeds / "s-2024-9002-demands.txt")),
        (str(seeds / "s-2024-9001-tied.txt"), str(seeds / "s-2024-9001-rev1-tied.txt")),
        (str(seeds / "s-2024-9000-earlier.txt"), str(seeds / "s-2024-9002-demands.txt")),
        tuple(str(p) for p in _revised_sample(tmp_path)),
    ]
    for n, (a_path, b_path) in enumerate(pairs):
        comparison = compare(load(a_path), load(b_path))
        out = tmp_path / f"case{n}.docx"
        redline = plan(*comparison.documents, comparison.comparisons[0], comparison.options)
        # Without the comments: LibreOffice 7.4 loads no document with comments through
        # UNO (headless), so they are checked by converting below.
        out.write_bytes(write_docx(redline, *comparison.documents))
        cases[str(out)] = (full(redline.b), full(redline.a))
    a, b, pairwise = moved_case()
    out = tmp_path / "moved.docx"
    redline = plan(a, b, pairwise)
    out.write_bytes(write_docx(redline, a, b))
    cases[str(out)] = (full(redline.b), full(redline.a))
    run = subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), *cases], capture_output=True, text=True, check=True
    )
    seen = json.loads(run.stdout)
    for path, (b_text, a_text) in cases.items():
        assert seen[path]["accept"] == b_text, path
        assert seen[path]["reject"] == a_text, path


def test_libreoffice_opens_the_report_with_its_comments(tmp_path: Path) -> None:
    """LibreOffice reads every comment of the Word report as an annotation, on the
    paragraphs resdiff anchored them to."""
    import zipfile

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    comparison = compare(
        load(str(seeds / "s-2024-9001-tied.txt")), load(str(seeds / "s-2024-9002-demands.txt"))
    )
    report = tmp_path / "report.docx"
    report.write_bytes(render_docx(comparison))
    content = zipfile.ZipFile(_convert(report, "odt", tmp_path)).read("content.xml").decode()
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == 14
    assert "resdiff, in brief" in content and "Key difference 13 of 13" in content


@pytest.mark.parametrize("seed", ["s-2024-9001-tied", "s-2024-9002-demands", "s-2024-9000-earlier"])
def test_pdf_printed_by_libreoffice_parses_like_the_text(seed: str, tmp_path: Path) -> None:
    """A PDF we did not lay out ourselves: LibreOffice prints our auto-numbered .docx."""
    from tests.formats.builders import make_docx
    from tests.formats.test_same_tree import clause_keys

    txt = Path(__file__).resolve().parents[2] / "seeds" / f"{seed}.txt"
    docx_path = tmp_path / f"{seed}.docx"
    docx_path.write_bytes(make_docx(txt.read_text("utf-8")))
    pdf = _convert(docx_path, "pdf", tmp_path)
    assert clause_keys(load(str(pdf))) == clause_keys(load(str(txt)))


def test_footnotes_survive_word_to_pdf(tmp_path: Path) -> None:
    """A .docx with a footnote, printed by LibreOffice: the PDF reader finds the marker and
    the note at the page foot, and both files parse to the same clauses and footnotes."""
    from tests.formats.builders import body_xml
    from tests.formats.test_docx_reader import R, _with_footnotes
    from tests.formats.test_same_tree import clause_keys

    xml = (
        "<w:p>"
        + R.format("The Security Council,")
        + "</w:p><w:p>"
        + R.format("Recalling its resolution 2720 (2023)")
        + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        + '<w:footnoteReference w:id="1"/></w:r>'
        + R.format(", and the statement of its President,")
        + "</w:p><w:p>"
        + R.format("1. Decides to remain seized of the matter.")
        + "</w:p>"
    )
    docx_path = tmp_path / "notes.docx"
    docx_path.write_bytes(_with_footnotes(body_xml(xml)))
    pdf = _convert(docx_path, "pdf", tmp_path)
    from_docx = load(str(docx_path))
    assert [c.id for c in from_docx.footnotes] == ["FN1"]
    assert clause_keys(load(str(pdf))) == clause_keys(from_docx)
