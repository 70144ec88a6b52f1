"""The HTML reader: page chrome dropped, lists numbered, the resolution found in a page."""

from __future__ import annotations

from pathlib import Path

from resdiff.ingest.html import read_html
from resdiff.ingest.reader import read_source

RESOLUTION = """
<p>The Security Council,</p>
<p><i>Recalling</i> its earlier resolutions on the river basin,</p>
<p><i>Deeply concerned</i> by the drought,</p>
<ol>
  <li>Demands that all parties allow passage of convoys;</li>
  <li>Requests the Secretary-General to:
    <ol><li>Establish a mechanism;</li><li>Report within 30 days;</li></ol>
  </li>
  <li>Decides to remain seized of the matter.</li>
</ol>
"""

PARAGRAPHS = [
    "The Security Council,",
    "Recalling its earlier resolutions on the river basin,",
    "Deeply concerned by the drought,",
    "1. Demands that all parties allow passage of convoys;",
    "2. Requests the Secretary-General to:",
    "(a) Establish a mechanism;",
    "(b) Report within 30 days;",
    "3. Decides to remain seized of the matter.",
]


def page(body: str) -> bytes:
    return f"""<!DOCTYPE html><html><head><title>T</title><style>p {{ color: red }}</style>
<script>var x = "The General Assembly,";</script></head><body>
<header><a href="/">Home</a> | <a href="/press">Press</a></header>
<nav><ul><li>Meetings coverage</li><li>Press releases</li></ul></nav>
{body}
<footer>Copyright United Nations</footer>
<div role="navigation">Back to top</div></body></html>""".encode()


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def test_chrome_dropped_and_lists_numbered(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"  # told by content, not by name
    path.write_bytes(page(RESOLUTION))
    src = read_source(str(path))
    assert src.format == "html"
    assert [p.strip() for p in paragraphs(src.text)] == PARAGRAPHS
    assert src.notes == ()
    for chrome in ("Home", "Meetings coverage", "Copyright", "color: red", "var x", "Back to"):
        assert chrome not in src.text


def test_press_release_is_cut_to_the_resolution() -> None:
    body = (
        "<h1>Council adopts resolution on the river basin</h1>"
        "<p>The Council met this morning and adopted the text by 14 votes to none.</p>"
        "<p>The full text of the resolution reads as follows:</p>"
        + RESOLUTION
        + "<h2>Statements</h2><p>The representative of Examplestan said the text was weak.</p>"
        "<ol><li>First point of the speaker.</li></ol>"
    )
    src = read_html(page(body), "press.html")
    assert [p.strip() for p in paragraphs(src.text)] == PARAGRAPHS
    assert src.notes and "resolution part" in src.notes[0]


def test_header_lines_above_the_author_are_kept() -> None:
    body = "<p>Press release.</p><p>S/2099/17</p><p>Examplestan: draft resolution</p>" + RESOLUTION
    src = read_html(page(body), "doc.html")
    assert paragraphs(src.text)[:3] == ["S/2099/17", "Examplestan: draft resolution", PARAGRAPHS[0]]


def test_headings_and_entities() -> None:
    src = read_html(b"<h2>Annex &amp; appendix</h2><p>Caf&eacute;&nbsp;text</p>", "a.html")
    assert paragraphs(src.text) == ["Annex & appendix", "Café text\n"]
    assert src.text.split("\n")[src.heading_lines[0]] == "Annex & appendix"


def test_declared_legacy_charset_is_honoured() -> None:
    data = '<html><head><meta charset="windows-1252"></head><p>“quoted”</p></html>'
    src = read_html(data.encode("cp1252"), "legacy.html")
    assert "“quoted”" in src.text


def test_unclosed_tags_inside_dropped_chrome_do_not_leak() -> None:
    """Tags left open inside a <nav> are dropped with it, and the page goes on after its
    end tag (this walk used to search the open-tag stack for every end tag: quadratic)."""
    body = "<nav>" + "<b><span>menu" * 50 + "</i>" * 20 + "</nav>" + RESOLUTION
    assert [p.strip() for p in paragraphs(read_html(page(body), "p.html").text)] == PARAGRAPHS
