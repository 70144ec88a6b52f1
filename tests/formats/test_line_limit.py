"""A draft of more than ``MAX_LINES`` lines or paragraphs is refused in one line, and the
readers that could spend long before the text exists (Markdown, Word, PDF) refuse it
before doing that work: 1 MB of list items once made a comparison of 106 s and 2 GB."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.ingest import docx, markdown, reader
from tests.formats.builders import make_pdf_from_lines
from tests.formats.hostile import document_xml, paragraphs_xml, word_file

LIMIT = 50
OVER = "more than 50 lines or paragraphs: too long to compare as one draft"


def _items(n: int) -> list[str]:
    return [f"{i}. Demands measure {i};" for i in range(1, n + 1)]


def _text(n: int) -> bytes:
    return "\n\n".join(["The Security Council,", *_items(n)]).encode()


def _html(n: int) -> bytes:
    items = "".join(f"<li>Demands measure {i};" for i in range(n))
    return f"<html><body><p>The Security Council,</p><ol>{items}</ol></body></html>".encode()


def _docx(n: int) -> bytes:
    return word_file(document_xml(paragraphs_xml("The Security Council,", *_items(n))))


def _pdf(n: int) -> bytes:
    return make_pdf_from_lines("\n".join(["The Security Council,", *_items(n)]))


BUILDERS: dict[str, Callable[[int], bytes]] = {
    "draft.txt": _text,
    "draft.md": _text,
    "draft.html": _html,
    "draft.docx": _docx,
    "draft.pdf": _pdf,
}


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_LINES", LIMIT)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_over_the_limit_is_refused_as_it_is_read(
    name: str, tmp_path: Path, small_limit: None
) -> None:
    path = tmp_path / name
    path.write_bytes(BUILDERS[name](LIMIT // 2))  # a PDF adds its page furniture
    assert reader.read_source(str(path)).text
    path.write_bytes(BUILDERS[name](LIMIT + 5))
    with pytest.raises(InputError, match=OVER) as info:
        reader.read_source(str(path))
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("module", "work", "name"),
    [(markdown, "render_markdown", "draft.md"), (docx, "_paragraphs", "draft.docx")],
    ids=["markdown-before-rendering", "word-before-walking"],
)
def test_refused_before_the_slower_work(
    module: object,
    work: str,
    name: str,
    tmp_path: Path,
    small_limit: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(*args: object) -> None:
        raise AssertionError(f"{work} ran")

    monkeypatch.setattr(module, work, never)
    path = tmp_path / name
    path.write_bytes(BUILDERS[name](LIMIT + 5))
    with pytest.raises(InputError, match=OVER):
        reader.read_source(str(path))


def test_the_real_limit_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reader.MAX_LINES == 25_000
    path = tmp_path / "list.html"
    path.write_bytes(b"<html><body><ol>" + b"<li>x" * 30_000 + b"</ol></body></html>")
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"resdiff: {path}: more than 25,000 lines or paragraphs: too long to compare as one draft\n"
    )
