"""read_source: format detection, the reader registry, and every kind of bad input."""

from __future__ import annotations

import errno
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from resdiff.errors import InputError
from resdiff.ingest import SourceText, reader
from resdiff.ingest.reader import READERS, detect_format, get_reader, read_source


def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (b"%PDF-1.7\n...", "draft.txt", "pdf"),
        (_docx_bytes(), "draft.bin", "docx"),
        (b"  <!DOCTYPE html><html><body>x</body></html>", "draft.txt", "html"),
        (b"\xef\xbb\xbf<html lang='en'>", "draft", "html"),
        (b"<p>fragment</p>", "draft.htm", "html"),
        (b"# Title\n\ntext", "draft.md", "md"),
        (b"# Title\n\ntext", "draft.MARKDOWN", "md"),
        (b"# Title\n\ntext", "draft.txt", "txt"),
        (b"1. Decides;", "draft", "txt"),
    ],
)
def test_format_is_detected_by_content_then_extension(data: bytes, name: str, fmt: str) -> None:
    assert detect_format(data, name) == fmt


def test_a_zip_that_is_not_word_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("other.txt", "x")
    with pytest.raises(InputError, match=r"not a Word document \(zip of something else\)"):
        detect_format(buf.getvalue(), "a.docx")


def test_every_detected_format_has_a_reader() -> None:
    samples = [b"plain", b"%PDF-1.4 x", _docx_bytes(), b"<!DOCTYPE html><p>x</p>"]
    formats = {detect_format(d, "x") for d in samples} | {detect_format(b"# x", "x.md")}
    assert formats == set(READERS)
    assert all(callable(get_reader(f)) for f in formats)


def test_registering_a_reader_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(READERS, "pdf", "resdiff.ingest.plaintext:read_text")
    fn = get_reader("pdf")
    result = fn(b"%PDF-ish text", "x.pdf")
    assert isinstance(result, SourceText)
    assert result.text == "%PDF-ish text"


def test_reading_is_lazy() -> None:
    """Importing the reader does not import the format modules or the detector."""
    import subprocess

    code = (
        "import sys, resdiff.ingest.reader; "
        "print(any(m in sys.modules for m in "
        "('resdiff.ingest.markdown', 'markdown_it', 'charset_normalizer')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_txt_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(b"The Security Council,\r\n\r\n1. Decides;\r\n")
    src = read_source(str(path))
    assert src == SourceText(str(path), "txt", "The Security Council,\n\n1. Decides;\n")


def test_markdown_file_is_rendered(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("# Draft\n\n*Recalling* x,\n", encoding="utf-8")
    src = read_source(str(path))
    assert src.format == "md"
    assert src.text == "Draft\n\nRecalling x,\n"
    assert src.heading_lines == (0,)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Decides;\n")))
    src = read_source("-")
    assert (src.source, src.text) == ("<stdin>", "Decides;\n")


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="empty"):
        read_source("-")


def _problem(path: str) -> str:
    with pytest.raises(InputError) as err:
        read_source(path)
    assert err.value.path == path
    return err.value.problem


def test_missing_file(tmp_path: Path) -> None:
    assert _problem(str(tmp_path / "nope.txt")) == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert _problem(str(tmp_path)) == "is a directory, not a file"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u00a0\n".encode(), b"\xef\xbb\xbf"])
def test_empty_or_blank_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(content)
    assert _problem(str(path)).startswith("empty file")


def test_empty_markdown_after_rendering(tmp_path: Path) -> None:
    path = tmp_path / "e.md"
    path.write_bytes(b"---\n\n***\n")
    assert _problem(str(path)).startswith("empty file")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 10)
    assert _problem(str(path)) == "binary file, not text"


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_INPUT_BYTES", 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Decides;\n" * 200)
    assert "larger than" in _problem(str(path))


def test_real_limit_is_20_mb() -> None:
    assert reader.MAX_INPUT_BYTES == 20 * 1024 * 1024


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX, not root")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Decides;")
    path.chmod(0)
    try:
        assert _problem(str(path)) == "permission denied"
    finally:
        path.chmod(0o600)


def test_permission_denied_is_reported_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also checked when tests run as root (where chmod 0 does not stop reading)."""
    path = tmp_path / "locked.txt"
    path.write_text("Decides;")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", refuse)
    assert _problem(str(path)) == "permission denied"
