"""A hostile draft through the real pipeline and CLI: every report format stays inert."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from resdiff import cli

ROOT = Path(__file__).resolve().parent.parent.parent
HOSTILE_DRAFT = (
    "United Nations S/<script>alert(0)</script>\n\n"
    "The Security Council,\n\n"
    "Recalling <script>alert(1)</script> and <img src=x onerror=alert(2)>,\n\n"
    '1. Demands [click](javascript:alert(3)) "><svg onload=alert(4)> now;\n\n'
    "2. Decides \x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b[2J *a* _b_ | c;\n"
)
PLAIN_DRAFT = (
    "United Nations S/1\n\nThe Security Council,\n\nRecalling its resolutions,\n\n"
    "1. Demands a ceasefire;\n\n2. Decides to remain seized.\n"
)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "plain.txt", tmp_path / "hostile.txt"
    a.write_text(PLAIN_DRAFT, encoding="utf-8")
    b.write_text(HOSTILE_DRAFT, encoding="utf-8")
    return str(a), str(b)


def _report(capsys: pytest.CaptureFixture[str], a: str, b: str, fmt: str) -> str:
    code = cli.main(["report", a, b, "--all", "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    return out


def test_html(capsys: pytest.CaptureFixture[str], drafts: tuple[str, str]) -> None:
    out = _report(capsys, *drafts, "html")
    assert "\x1b" not in out and "\x07" not in out
    checker = _Checker()
    checker.feed(out)
    assert not checker.tags & {"script", "img", "svg", "iframe", "object", "embed"}
    assert not [n for n, _ in checker.attrs if n.startswith("on")]
    assert not [v for _, v in checker.attrs if v and "javascript:" in v.lower()]
    text = "".join(checker.text)
    for visible in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:"):
        assert visible in text


def test_markdown(capsys: pytest.CaptureFixture[str], drafts: tuple[str, str]) -> None:
    out = _report(capsys, *drafts, "md")
    assert "\x1b" not in out and "\x07" not in out
    md = MarkdownIt("gfm-like")
    tokens = md.parse(out)
    flat = [t for tok in tokens for t in [tok, *(tok.children or [])]]
    assert not [t for t in flat if t.type in ("html_inline", "html_block", "image")]
    hrefs = [t.attrs.get("href") for t in flat if t.type == "link_open"]
    assert not [h for h in hrefs if "javascript" in str(h)]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md.render(out)


def test_text_and_json(capsys: pytest.CaptureFixture[str], drafts: tuple[str, str]) -> None:
    out = _report(capsys, *drafts, "txt")
    assert "\x1b" not in out and "\x07" not in out
    assert "<script>alert(1)</script>" in out
    raw = _report(capsys, *drafts, "json")
    assert "\x1b" not in raw and "\x07" not in raw  # JSON escapes control characters
    data = json.loads(raw)
    assert data["schema"] == "resdiff/1"
    # ...and keeps the text exactly, as data
    texts = [c["text"] for c in data["documents"][1]["clauses"]]
    assert any("\x1b[31mred" in t for t in texts)


def test_report_never_imports_the_tui(drafts: tuple[str, str]) -> None:
    code = (
        "import sys; from resdiff import cli; "
        f"rc = cli.main(['report', {drafts[0]!r}, {drafts[1]!r}, '--format', 'html', "
        f"'-o', {drafts[0] + '.html'!r}]); "
        "assert 'textual' not in sys.modules, 'textual imported'; "
        "assert 'rich' not in sys.modules, 'rich imported for html'; "
        "sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stderr
