"""Unreadable inputs: one clear line on stderr, exit code 2, from the real command line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from resdiff.cli import main
from tests.formats.builders import SAMPLE, make_docx, make_encrypted_pdf, make_scanned_pdf
from tests.formats.hostile import deep_page_tree
from tests.formats.test_reader_boundary import decompression_bomb, nested_arrays


def _other_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


TOO_DEEP = "PDF too deeply nested or too large to read safely"
CASES = {
    "locked.pdf": (make_encrypted_pdf, "encrypted PDF: cannot read"),
    # pypdf's limit errors and its recursion (issue 15): were "internal error"
    "deep-tree.pdf": (lambda: deep_page_tree(5000), TOO_DEEP),
    "nested.pdf": (nested_arrays, TOO_DEEP),
    "bomb.pdf": (decompression_bomb, TOO_DEEP),
    "scan.pdf": (make_scanned_pdf, "no text layer: run OCR first"),
    "cut.docx": (lambda: make_docx(SAMPLE)[:2000], "corrupt or truncated Word document"),
    "odt.docx": (_other_zip, "not a Word document (zip of something else)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_line_and_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, problem = CASES[name]
    path = tmp_path / name
    path.write_bytes(build())
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"resdiff: {path}: {problem}")
    assert "internal error" not in captured.err


def test_docx_changes_option_reaches_the_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.formats.builders import body_xml
    from tests.formats.test_docx_reader import TRACKED

    path = tmp_path / "tracked.docx"
    path.write_bytes(body_xml(TRACKED))
    assert main(["parse", "--format", "json", str(path)]) == 0
    accepted = capsys.readouterr().out
    assert main(["parse", "--format", "json", "--docx-changes", "reject", str(path)]) == 0
    rejected = capsys.readouterr().out
    assert "an immediate" in accepted and "a sustained" not in accepted
    assert "a sustained" in rejected and "an immediate" not in rejected
