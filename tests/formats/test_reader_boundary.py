"""Every problem a library meets in a hostile input reaches the user as one line naming
the file, exit code 2 - never "internal error". The cases are those an adversarial
campaign found; each input is built here (the PDF ones run in test_bad_input_cli)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resdiff.cli import main
from tests.formats.hostile import one_page_pdf, text_content

OPERATIVE = b"1. Demands an immediate ceasefire;"


def nested_arrays() -> bytes:
    """A content stream whose operand nests 5,000 arrays deep (pypdf recursed)."""
    return one_page_pdf(b"BT /F1 12 Tf 72 720 Td " + b"[" * 5000 + b"(x)" + b"]" * 5000 + b" TJ ET")


def decompression_bomb() -> bytes:
    """A 300 KB stream that inflates past pypdf's limit."""
    return one_page_pdf(text_content("The Security Council,") + b" " * 100_000_000, flate=True)


def _emphasis() -> bytes:
    """3,000 nested emphasis markers: markdown-it's syntax tree recursed."""
    return b"The Security Council,\n\n1. Demands " + b"*" * 3000 + b"x" + b"*" * 3000 + b";\n"


def _undefined_charset() -> bytes:
    return (
        b'<html><head><meta charset="undefined"></head><body><p>The Security Council,</p>'
        b"<ol><li>Demands an immediate ceasefire.</li></ol></body></html>"
    )


def _one_line(err: str, path: Path, problem: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith(f"resdiff: {path}: {problem}"), err
    assert "internal error" not in err


def test_deeply_nested_markdown_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not an error at all: the reader walks markdown-it's tokens without recursion."""
    path = tmp_path / "emphasis.md"
    path.write_bytes(_emphasis())
    assert main(["parse", "--format", "json", str(path)]) == 0
    assert "Demands x;" in capsys.readouterr().out


def test_a_bogus_declared_charset_is_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a browser does: an unknown or unusable charset label falls back to UTF-8."""
    path = tmp_path / "page.html"
    path.write_bytes(_undefined_charset())
    assert main(["parse", "--format", "json", str(path)]) == 0
    assert "Demands an immediate ceasefire." in capsys.readouterr().out


@pytest.mark.parametrize("charset", ["undefined", "hex", "rot13", "base64", "zlib", "idna"])
def test_charsets_that_are_not_text_encodings_are_ignored(charset: str) -> None:
    from resdiff.ingest.html import read_html

    data = _undefined_charset().replace(b"undefined", charset.encode())
    assert "Demands an immediate ceasefire." in read_html(data, "page.html").text


def _loop(tmp_path: Path) -> Path:
    one, two = tmp_path / "loop1", tmp_path / "loop2"
    os.symlink(two, one)
    os.symlink(one, two)
    return one


def test_output_through_a_symlink_loop_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(OPERATIVE)
    b.write_bytes(OPERATIVE.replace(b"Demands", b"Calls for"))
    loop = _loop(tmp_path)
    assert main(["report", str(a), str(b), "-o", str(loop), "--format", "txt"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    _one_line(captured.err, loop, "too many levels of symbolic links")


def test_an_input_that_is_a_symlink_loop_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = tmp_path / "b.txt"
    b.write_bytes(OPERATIVE)
    loop = _loop(tmp_path)
    assert main(["report", str(loop), str(b), "-o", str(tmp_path / "out.txt")]) == 2
    _one_line(capsys.readouterr().err, loop, "cannot read: too many levels of symbolic links")


def _patched_zip(data: bytes, offset: int, value: int) -> bytes:
    """The same zip with a two-byte field of every central directory entry replaced."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + offset : at + offset + 2] = value.to_bytes(2, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


@pytest.mark.parametrize(
    ("offset", "value", "problem"),
    [
        (10, 99, "corrupt Word document (NotImplementedError"),  # compression method 99
        (6, 235, "corrupt or truncated Word document (zip file version 23.5)"),
    ],
    ids=["unknown-compression", "newer-zip-version"],
)
def test_a_word_file_zipped_in_an_unknown_way_is_one_line(
    offset: int, value: int, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzz suite: zipfile raised NotImplementedError, once through
    python-docx and once while the format was being told."""
    from tests.formats.hostile import document_xml, paragraphs_xml, word_file

    path = tmp_path / "odd.docx"
    path.write_bytes(_patched_zip(word_file(document_xml(paragraphs_xml("x"))), offset, value))
    assert main(["parse", str(path)]) == 2
    _one_line(capsys.readouterr().err, path, problem)
