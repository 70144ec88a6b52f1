"""A draft's text reaches a person through every format, and through none as a side door
(issue 15, items 6 and 7): the Word file shows BiDi controls as the other formats do and
drops control sequences; the JSON writes C1 and BiDi controls as escapes (still the same
text once decoded); the text report's key differences cannot fake a change marker; the
Markdown report has no live link, even for a renderer that autolinks as GitHub does."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from resdiff.cli import main

HEAD = "The Security Council,\n\nRecalling its resolutions,\n\n1. Demands a ceasefire;\n"
# U+202E reverses what follows on screen; U+0085 is a C1 control (NEL); the OSC 8
# sequence is a terminal hyperlink, which the Word file used to keep half of.
BIDI = "2. Decides that \u202eevil\u202c words\x85 and \x1b]8;;http://x\x07link\x1b]8;;\x07 stay;\n"
FAKE = "2. Notes [-the-]{+a+} report;\n"
URLS = (
    "2. Welcomes the report at https://un.org/report_a, www.un.org/b and "
    "mailto:press@un.org, and writes to info@un.org (see http://x.org);\n"
)


def _files(tmp_path: Path, second: str) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HEAD, encoding="utf-8")
    b.write_text(HEAD + "\n" + second, encoding="utf-8")
    return str(a), str(b)


def _report(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["report", *argv, "--color", "never"]) == 1
    return capsys.readouterr().out


def test_word_shows_bidi_controls_and_drops_control_sequences(tmp_path: Path) -> None:
    a, b = _files(tmp_path, BIDI)
    out = tmp_path / "out.docx"
    assert main(["report", a, b, "-o", str(out)]) == 1
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "\u27e6U+202E\u27e7evil\u27e6U+202C\u27e7 words and link stay;" in xml
    assert not {"\u202e", "\u202c", "\x85", "\x1b"} & set(xml)
    assert "]8;;" not in xml


def test_json_escapes_c1_and_bidi_controls_and_keeps_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _files(tmp_path, BIDI)
    raw = _report(capsys, a, b, "--format", "json")
    assert not {"\u202e", "\u202c", "\x85", "\x1b"} & set(raw)
    assert "\\u202e" in raw and "\\u0085" in raw and "\\u001b" in raw
    (op2,) = [c for c in json.loads(raw)["documents"][1]["clauses"] if c["id"] == "OP2"]
    assert op2["text"] == BIDI[3:].rstrip("\n")


def test_text_summaries_escape_a_drafts_change_markers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _files(tmp_path, FAKE)
    out = _report(capsys, a, b, "--format", "txt")
    key = out[out.index("Key differences") : out.index("Clause by clause")]
    assert "B OP2: 'Notes [\\-the\\-]{\\+a\\+} report;'" in key
    assert "[-the-]" not in key and "{+a+}" not in key


def _flat(tokens: list[Token]) -> list[Token]:
    return [t for tok in tokens for t in [tok, *(tok.children or [])]]


@pytest.mark.parametrize("fuzzy", [True, False])
def test_markdown_urls_are_no_links_under_autolinking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fuzzy: bool
) -> None:
    """GitHub autolinks scheme URLs, "www." hosts and e-mail addresses; markdown-it with
    linkify (fuzzy: bare domains too) does at least as much."""
    a, b = _files(tmp_path, URLS)
    out = _report(capsys, a, b, "--format", "md", "--all")
    md = MarkdownIt("gfm-like")
    md.linkify.set({"fuzzy_link": fuzzy, "fuzzy_email": True})
    tokens = _flat(md.parse(out))
    links = [str(t.attrs.get("href")) for t in tokens if t.type == "link_open"]
    assert [h for h in links if not h.startswith("#")] == []  # only our own clause links
    code = [t.content for t in tokens if t.type == "code_inline"]
    for url in ("https://un.org/report_a", "www.un.org/b", "mailto:press@un.org", "info@un.org"):
        assert url in code, url
