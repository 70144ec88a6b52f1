"""A Word file is a zip: a tiny one can unpack to gigabytes. It is refused before any of
it is unpacked (a 400 KB file took 850 MB of memory)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from resdiff.errors import InputError
from resdiff.ingest import reader


def _docx_bytes(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def test_a_word_file_that_unpacks_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 100_000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_bytes("<w:document>" + " " * 200_000 + "</w:document>"))
    assert bomb.stat().st_size < 5_000
    with pytest.raises(InputError, match="unpacks to more than 0 MB") as err:
        reader.read_source(str(bomb))
    assert err.value.path == str(bomb)
    # Below the limit the same kind of file is a Word document (it fails later, as XML).
    small = _docx_bytes("<w:document>" + " " * 1_000 + "</w:document>")
    assert reader.detect_format(small, "small.docx") == "docx"
