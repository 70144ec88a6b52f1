"""Markdown reports, read back with markdown-it-py the way a GFM renderer reads them."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin

from resdiff.present.segments import Segment
from resdiff.render import ReportOptions
from resdiff.render.markdown import diff_paragraph, escape, render_markdown
from resdiff.render.view import PairRow, build_view
from tests.fixtures.comparisons import HOSTILE, hostile_comparison, rich_comparison

MD = MarkdownIt("gfm-like")
#: Headings with the ids GitHub gives them, to check that our fragment links resolve.
MD_ANCHORS = MarkdownIt("gfm-like").use(anchors_plugin, max_level=6)


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []

    def walk(tokens: list[Token]) -> None:
        for t in tokens:
            out.append(t)
            if t.children:
                walk(t.children)

    walk(MD.parse(text))
    return out


def _inline_text(inline: Token) -> str:
    """Inline children as text, with sentinels where strikethrough and bold start/end."""
    marks = {"s_open": "\x01", "s_close": "\x02", "strong_open": "\x03", "strong_close": "\x04"}
    out = []
    for t in inline.children or []:
        if t.type in marks:
            out.append(marks[t.type])
        elif t.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t.type in ("text", "code_inline"):
            out.append(t.content)
        else:
            raise AssertionError(f"unexpected inline token {t.type}")
    return "".join(out)


def _sides(inline: Token) -> tuple[str, str]:
    """Rebuild A's and B's text from one rendered diff paragraph."""
    text = _inline_text(inline).replace("\u27e8", "").replace("\u27e9", "")  # cue marks
    deleted = re.compile(r"\[-(\s*)\x01(.*?)\x02(\s*)-\]", re.S)
    inserted = re.compile(r"\{\+(\s*)\x03(.*?)\x04(\s*)\+\}", re.S)
    assert "\x01" not in deleted.sub("", text) and "\x03" not in inserted.sub("", text)
    a = inserted.sub("", deleted.sub(r"\1\2\3", text))
    b = deleted.sub("", inserted.sub(r"\1\2\3", text))
    return a, b


def _norm(text: str) -> str:
    return " ".join(text.split())


def _diff_paragraphs(md: str) -> dict[str, list[Token]]:
    """Address of each pair -> the inline tokens of its diff: the first paragraph after
    the heading that is not the italic line of notes, and for a rewritten pair the one
    after it (A's text, then B's, each after an italic label)."""
    tokens = MD.parse(md)
    out: dict[str, list[Token]] = {}
    for i, t in enumerate(tokens):
        if t.type == "heading_open" and "->" in tokens[i + 1].content and t.tag > "h2":
            address = tokens[i + 1].content.rsplit(" (", 1)[0]
            inlines = (x for x in tokens[i + 3 :] if x.type == "inline")
            inline = next(inlines)
            kids = inline.children or []
            if kids and kids[0].type == "em_open" and kids[-1].type == "em_close":
                inline = next(inlines)
            kids = inline.children or []
            if kids and kids[0].type == "em_open":  # a label: "*A OP1:* [-...-]"
                out[address] = [inline, next(inlines)]
            else:
                out[address] = [inline]
    return out


def _whole(inline: Token, left: str, right: str) -> str:
    """One side of a rewritten pair: the text after its italic label, inside brackets."""
    kids = inline.children or []
    end = next(k for k, t in enumerate(kids) if t.type == "em_close")
    text = "".join(t.content for t in kids[end + 1 :] if t.type == "text").strip()
    assert text.startswith(left) and text.endswith(right), text
    return text[len(left) : -len(right)].replace("\u27e8", "").replace("\u27e9", "")


def test_structure_headings_tables_and_marks() -> None:
    md = render_markdown(rich_comparison(), ReportOptions())
    tokens = _tokens(md)
    types = [t.type for t in tokens]
    assert [t.tag for t in tokens if t.type == "heading_open"][:2] == ["h1", "h2"]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    for wanted in ("What was compared", "Positions", "Key differences", "Counts"):
        assert wanted in headings
    assert "A OP2 -> B OP2 + OP3 (split)" in headings
    # documents, counts x2, matrix
    assert types.count("table_open") == 4
    assert "s_open" in types and "strong_open" in types
    assert not {"html_inline", "html_block", "image", "fence", "code_block"} & set(types)
    _links_resolve(md)


def _heading_ids(md: str) -> set[str]:
    return set(re.findall(r'<h[1-6] id="([^"]+)"', MD_ANCHORS.render(md)))


def _links_resolve(md: str) -> list[str]:
    """Every link is one of ours: a fragment naming a heading of the report."""
    links = _links(_tokens(md))
    ids = _heading_ids(md)
    assert all(link.startswith("#") and link[1:] in ids for link in links), (links, ids)
    return links


def test_key_differences_link_every_clause_they_name_to_its_heading() -> None:
    md = render_markdown(rich_comparison(), ReportOptions())
    links = _links_resolve(md)
    assert "#a-op1---b-op1-modified" in links
    keys = md.split("### Key differences", 1)[1].split("\n## ", 1)[0]
    # OP2 -> OP2 + OP3 is a split: both of B's clauses link to the one pair heading.
    assert keys.count("](#a-op1---b-op1-modified)") >= 2


def test_the_headline_comes_first() -> None:
    md = render_markdown(rich_comparison(), ReportOptions())
    tokens = MD.parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    # One "In brief" per comparison (B and C against A), right under the title.
    assert headings[1:4] == [
        "In brief: A S/2099/1 -> B S/2099/2",
        "In brief: A S/2099/1 -> C notes.txt",
        "What was compared",
    ]


def test_every_diff_paragraph_rebuilds_both_texts() -> None:
    comparison = rich_comparison()
    md = render_markdown(comparison, ReportOptions(show_all=True))
    paragraphs = _diff_paragraphs(md)
    rows = [
        i for s in build_view(comparison, ReportOptions(show_all=True)).sections for i in s.items
    ]
    checked = 0
    for row in rows:
        assert isinstance(row, PairRow)
        inlines = paragraphs[row.address]
        if row.rewritten:
            before, after = inlines
            assert _norm(_whole(before, "[-", "-]")) == _norm(row.pair.text_a())
            assert _norm(_whole(after, "{+", "+}")) == _norm(row.pair.text_b())
            checked += 1
            continue
        a, b = _sides(inlines[0])
        segs = row.segments
        assert _norm(a) == _norm("".join(s.text for s in segs if s.op != "+"))
        assert _norm(b) == _norm(row.pair.text_b())
        checked += 1
    assert checked == len(paragraphs) >= 19


def test_hostile_text_stays_text() -> None:
    md = render_markdown(hostile_comparison(), ReportOptions(show_all=True))
    assert "\x1b" not in md and "\x07" not in md
    tokens = _tokens(md)
    bad = {"html_inline", "html_block", "image", "code_inline", "fence"}
    assert not [t.type for t in tokens if t.type in bad]
    # Links are ours only: fragments to headings, never from document text.
    _links_resolve(md)
    rendered = MD.render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<svg" not in rendered
    assert "javascript:" not in re.findall(r'href="([^"]*)"', rendered)
    # The text itself is visible, escaped, not dropped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "[click](javascript:alert(1))" in rendered
    assert "*star* _under_ | pipe ~~strike~~ # hash `tick` &amp;amp; \\back" in rendered
    # Hostile text in table cells does not break a table: every row has the header's width.
    widths: list[int] = []
    for t in MD.parse(md):
        if t.type == "tr_open":
            widths.append(0)
        elif t.type in ("th_open", "td_open"):
            widths[-1] += 1
        elif t.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []


def _links(tokens: list[Token]) -> list[str]:
    return [str(t.attrs.get("href")) for t in tokens if t.type == "link_open"]


def test_document_text_cannot_open_blocks_or_links() -> None:
    tricky = [
        Segment("-", "x"),
        Segment("=", "(javascript:alert(1)) and"),
        Segment("+", "y"),
        Segment("=", "\n# heading\n- item\n1. one\n> quote\n    code\n===\n[a]: http://e"),
    ]
    md = diff_paragraph(tuple(tricky))
    tokens = _tokens(md)
    types = {t.type for t in tokens}
    assert types <= {
        "paragraph_open",
        "paragraph_close",
        "inline",
        "text",
        "s_open",
        "s_close",
        "strong_open",
        "strong_close",
        "hardbreak",
        "softbreak",
        "code_inline",
    }
    # A URL is a code span: not even a linkifying renderer makes it a link.
    assert _links(tokens) == []
    # Starting with a deletion must not make a link reference definition.
    first = diff_paragraph((Segment("-", "a"), Segment("=", ": http://x")))
    assert "paragraph_open" in {t.type for t in _tokens(first)}


def test_escape_leaves_plain_prose_readable() -> None:
    assert escape("Recalling resolution 2712 (2023), the Secretary-General.") == (
        "Recalling resolution 2712 (2023), the Secretary-General."
    )
    assert escape("a*b_c") == "a\\*b\\_c"


def test_markers_survive_as_plain_text_without_colour() -> None:
    md = render_markdown(rich_comparison(), ReportOptions())
    assert "Report within [-~~30~~-]{+**15**+} days;" in md
    # a rewritten pair: A's whole text, then B's, bracketed but not struck through
    assert "*A OP1:* \\[-⟨Supports⟩ efforts to secure a sustained ceasefire" in md
    assert "*B OP1:* {+⟨Demands⟩ an immediate ceasefire" in md
    assert HOSTILE not in md


def test_braces_from_a_draft_are_escaped_so_they_cannot_mimic_insertion_markers() -> None:
    from resdiff.render.markdown import escape

    assert escape("{+ conditional +}") == "\\{+ conditional +\\}"
