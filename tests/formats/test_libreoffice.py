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
from resdiff.render.redline import plan, units
from tests.formats.test_docx_report import _revised_sample, document, moved_case

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
        out.write_bytes(render_docx(comparison))
        a, b = comparison.documents
        cases[str(out)] = ([u.text for u in units(b)], [u.text for u in units(a)])
    a, b, pairwise = moved_case()
    out = tmp_path / "moved.docx"
    out.write_bytes(write_docx(plan(a, b, pairwise), a, b))
    cases[str(out)] = ([u.text for u in units(b)], [u.text for u in units(a)])
    run = subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), *cases], capture_output=True, text=True, check=True
    )
    seen = json.loads(run.stdout)
    for path, (b_text, a_text) in cases.items():
        assert seen[path]["accept"] == b_text, path
        assert seen[path]["reject"] == a_text, path
    assert document  # the helper module is shared with the XML tests


@pytest.mark.parametrize("seed", ["s-2024-9001-tied", "s-2024-9002-demands", "s-2024-9000-earlier"])
def test_pdf_printed_by_libreoffice_parses_like_the_text(seed: str, tmp_path: Path) -> None:
    """A PDF we did not lay out ourselves: LibreOffice prints our auto-numbered .docx."""
    from tests.formats.builders import make_docx
    from tests.formats.test_same_tree import clause_keys

    txt = Path(__file__).resolve().parents[2] / "seeds" / f"{seed}.txt"
    docx_path = tmp_path / f"{seed}.docx"
    docx_path.write_bytes(make_docx(txt.read_text("utf-8")))
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    pdf = tmp_path / f"{seed}.pdf"
    assert clause_keys(load(str(pdf))) == clause_keys(load(str(txt)))
