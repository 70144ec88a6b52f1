"""Format detection goes by content; the extension only separates txt from md."""

from __future__ import annotations

import io
import zipfile

import pytest

from resdiff.errors import InputError
from resdiff.ingest.reader import detect_format
from tests.formats.builders import SAMPLE, make_docx, make_pdf


def _zip(names: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in names.items():
            archive.writestr(name, text)
    return out.getvalue()


def test_pdf_and_docx_are_told_by_content_whatever_the_name() -> None:
    assert detect_format(make_pdf(SAMPLE), "draft.txt") == "pdf"
    assert detect_format(make_docx(SAMPLE), "draft.pdf") == "docx"
    assert detect_format(make_docx(SAMPLE), "-") == "docx"


def test_html_by_content_and_plain_text_by_extension() -> None:
    assert detect_format(b"<!DOCTYPE html><html><body>x</body></html>", "page.txt") == "html"
    assert detect_format(b"  <!-- saved --> <html lang=en>", "stdin") == "html"
    assert detect_format(b"<p>x</p>", "page.htm") == "html"
    assert detect_format(b"# Title\n\ntext", "a.md") == "md"
    assert detect_format(b"The Security Council,\n", "a.txt") == "txt"
    assert detect_format(b"<not html> but text", "a.txt") == "txt"


def test_zip_of_something_else_is_refused() -> None:
    data = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    with pytest.raises(InputError, match=r"not a Word document \(zip of something else\)"):
        detect_format(data, "draft.docx")


def test_truncated_docx_is_refused_as_corrupt() -> None:
    data = make_docx(SAMPLE)
    with pytest.raises(InputError, match="corrupt or truncated Word document"):
        detect_format(data[: len(data) // 2], "draft.docx")


def test_text_named_docx_or_pdf_is_refused() -> None:
    with pytest.raises(InputError, match="not a Word document"):
        detect_format(b"plain words", "draft.docx")
    with pytest.raises(InputError, match="not a PDF"):
        detect_format(b"plain words", "draft.pdf")
