"""HTML reports: self-contained, inert with hostile input, accessible structure."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from resdiff.render import ReportOptions
from resdiff.render.html import render_html
from tests.fixtures.comparisons import hostile_comparison, rich_comparison

VOID = {"meta", "br", "img", "link", "input", "hr", "col", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parent: Element | None
    children: list[Element] = field(default_factory=list)
    parts: list[str | Element] = field(default_factory=list)

    def all_text(self) -> str:
        return "".join(p if isinstance(p, str) else p.all_text() for p in self.parts)

    def iter(self) -> list[Element]:
        out = [self]
        for c in self.children:
            out.extend(c.iter())
        return out


class Tree(HTMLParser):
    """A tiny DOM: enough to check tags, attributes, nesting and text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root
        self.order: list[Element] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, dict(attrs), self.current)
        self.current.children.append(el)
        self.current.parts.append(el)
        self.order.append(el)
        if tag not in VOID:
            self.current = el

    def handle_endtag(self, tag: str) -> None:
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.parts.append(data)

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.order if e.tag == tag]


@pytest.fixture(scope="module")
def rich_html() -> str:
    return render_html(rich_comparison(), ReportOptions())


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile_comparison(), ReportOptions(show_all=True))


def test_well_formed_and_self_contained(rich_html: str) -> None:
    tree = Tree(rich_html)  # the parser asserts every element closes properly
    assert tree.current is tree.root
    assert rich_html.startswith('<!DOCTYPE html>\n<html lang="en">')
    for tag in ("script", "link", "img", "iframe", "object", "embed", "svg", "base", "form"):
        assert not tree.find(tag), tag
    for el in tree.order:
        for name, value in el.attrs.items():
            assert name not in ("src", "srcset", "action", "style"), (el.tag, name)
            if name == "href":
                assert value is not None and value.startswith("#")
    style = tree.find("style")[0].all_text()
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "prefers-color-scheme: dark" in style and "@media print" in style


def test_fragment_links_resolve_and_ids_are_unique(rich_html: str) -> None:
    tree = Tree(rich_html)
    ids = [e.attrs["id"] for e in tree.order if e.attrs.get("id")]
    assert len(ids) == len(set(ids))
    targets = {str(e.attrs["href"])[1:] for e in tree.find("a") if e.attrs.get("href")}
    assert targets and targets <= set(ids)
    # the key differences link every clause they name, by stable ids
    changes = next(e for e in tree.find("ol") if e.attrs.get("class") == "changes")
    links = [a.attrs["href"] for a in changes.iter() if a.tag == "a"]
    assert links[:2] == ["#A-OP1", "#B-OP1"]
    pair = next(e for e in tree.order if e.attrs.get("id") == "A-OP1")
    assert pair.tag == "article" and "A OP1 -> B OP1" in pair.all_text()
    # a split's second clause is a target too, inside its pair
    split = next(e for e in tree.order if e.attrs.get("id") == "B-OP3")
    assert any(a.attrs.get("id") == "A-OP2" for a in _ancestors(split))
    # the base's clauses in the second comparison (A -> C) say which comparison
    assert "A-PP6-C" in ids and "C-PP5" in ids


def test_pairs_carry_badges_linking_back_to_their_key_difference(rich_html: str) -> None:
    tree = Tree(rich_html)
    pair = next(e for e in tree.order if e.attrs.get("id") == "A-OP1")
    badges = [a for a in pair.iter() if a.tag == "a" and "sig" in (a.attrs.get("class") or "")]
    assert badges and badges[0].attrs["href"] == "#c1-k1"
    assert "linkage" in badges[0].all_text() and "key difference 1" in badges[0].all_text()
    entry = next(e for e in tree.order if e.attrs.get("id") == "c1-k1")
    assert entry.tag == "li" and "linkage" in entry.all_text()


def test_the_first_block_is_the_headline(rich_html: str) -> None:
    tree = Tree(rich_html)
    (main,) = tree.find("main")
    first = main.children[0]
    assert first.tag == "section" and first.attrs.get("class") == "brief"
    assert first.children[0].all_text() == "In brief"
    (header,) = tree.find("header")
    assert [e.tag for e in header.children] == ["h1"]  # the title, nothing else
    headline = [e for e in first.iter() if e.tag == "ol"]
    assert all(len([li for li in ol.children if li.tag == "li"]) <= 5 for ol in headline)
    first_entry = headline[0].children[0]
    assert "linkage" in first_entry.all_text() and "ties the ceasefire" in first_entry.all_text()


def test_narrow_screens_scroll_tables_in_their_box_and_keep_arrows_whole(
    rich_html: str,
) -> None:
    """At 390 px a wide table scrolls inside its own box, not the page; an arrow in our
    own text ("A OP1 -> B OP1") never breaks across lines."""
    tree = Tree(rich_html)
    for table in tree.find("table"):
        boxes = []
        up = table.parent
        while up is not None:
            boxes.append(up.attrs.get("class") or "")
            up = up.parent
        side_by_side = any("sbs" in c.split() for c in boxes)  # fixed layout, 50% each
        assert side_by_side or boxes[0] == "scroll", table.attrs
    arrows = [e for e in tree.order if e.tag in ("h1", "h2", "h3", "h4", "a", "li")]
    for el in arrows:
        for part in el.parts:
            assert not (isinstance(part, str) and "->" in part), el.all_text()
    css = rich_html[rich_html.index("<style>") : rich_html.index("</style>")]
    assert ".nb { white-space: nowrap; }" in css
    narrow = css[css.index("@media (max-width: 40rem)") :]
    assert ".matrix td { overflow-wrap: anywhere; }" in narrow.split("\n}")[0]


def test_headings_do_not_skip_levels(rich_html: str) -> None:
    levels = [int(e.tag[1]) for e in Tree(rich_html).order if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1


def test_tables_are_semantic(rich_html: str) -> None:
    tree = Tree(rich_html)
    tables = tree.find("table")
    assert len(tables) >= 5
    for table in tables:
        assert table.children[0].tag == "caption" and table.children[0].all_text().strip()
        for th in (e for e in table.iter() if e.tag == "th"):
            in_head = any(p.tag == "thead" for p in _ancestors(th))
            assert th.attrs.get("scope") == ("col" if in_head else "row")


def _ancestors(el: Element) -> list[Element]:
    out = []
    while el.parent is not None:
        el = el.parent
        out.append(el)
    return out


def test_changes_are_labelled_in_text_not_only_colour(rich_html: str) -> None:
    tree = Tree(rich_html)
    for el in tree.find("del") + tree.find("ins"):
        label = el.children[0]
        assert label.tag == "span" and label.attrs.get("class") == "vh"
        word = "deleted" if el.tag == "del" else "inserted"
        assert label.all_text() == f"[{word}: "
    badges = {e.all_text() for e in tree.order if "badge" in (e.attrs.get("class") or "")}
    assert {"moved", "split", "merged", "kind: operative -> preambular (demoted)"} <= badges


def _shown(el: Element) -> str:
    text = el.all_text()
    for label in ("[deleted: ", "[inserted: ", "]"):
        text = text.replace(label, "")
    return re.sub(r" \(cue: [^)]*\)", "", text)


def test_inline_and_side_by_side_views_are_both_present(rich_html: str) -> None:
    tree = Tree(rich_html)
    pair = next(e for e in tree.order if e.attrs.get("id") == "A-PP3")
    details = next(e for e in pair.iter() if e.tag == "details")
    assert details.children[0].tag == "summary"
    cells = [e for e in details.iter() if e.tag == "td"]
    assert _shown(cells[0]) == (
        "Expressing deep concern about the situation,Noting with concern the risk of famine,"
    )
    assert _shown(cells[1]) == (
        "Expressing deep concern about the situation, and noting with concern the risk of famine,"
    )
    inline = next(e for e in pair.iter() if e.tag == "p")
    assert "[deleted: Noting] [inserted: and noting]" in inline.all_text()


def test_a_rewritten_pair_shows_the_old_text_then_the_new(rich_html: str) -> None:
    """OP1 keeps 40% of its text: each side whole and readable, no side by side."""
    tree = Tree(rich_html)
    pair = next(e for e in tree.order if e.attrs.get("id") == "A-OP1")
    before, after = [e for e in pair.children if e.tag == "p" and "text" in e.attrs["class"]]
    assert before.attrs["class"] == "text before" and after.attrs["class"] == "text after"
    assert _shown(before) == (
        "A OP1 Supports efforts to secure a sustained ceasefire  "
        "in connection with the release of all hostages;"
    )
    assert _shown(after) == (
        "B OP1 Demands an immediate ceasefire , and also demands the unconditional "
        "release of all hostages;"
    )
    assert not [e for e in pair.iter() if e.tag == "details"]
    # the verb that changed is marked in both, naming its key difference
    marks = [e for e in pair.iter() if e.tag == "mark" and e.attrs.get("title")]
    assert [m.attrs["title"].split(":")[0] for m in marks] == ["verb, key difference 1"] * 2
    assert [_shown(m) for m in marks] == ["Supports", "Demands"]


def test_hostile_draft_is_inert_and_visible(hostile_html: str) -> None:
    assert "\x1b" not in hostile_html and "\x07" not in hostile_html
    tree = Tree(hostile_html)
    assert tree.current is tree.root
    for tag in ("script", "img", "svg", "iframe", "b", "i", "em"):
        assert not tree.find(tag), tag
    for el in tree.order:
        for name, value in el.attrs.items():
            assert not name.startswith("on"), (el.tag, name)
            assert "javascript:" not in (value or "").lower()
    text = tree.root.all_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "[click](javascript:alert(1))" in text
    assert '"><svg onload=alert(1)>' in text
    assert "S/<script>alert('sym')</script>" in text
    assert "red" in text and "link" in text  # the words stay, the escapes go


def test_deterministic() -> None:
    one = render_html(rich_comparison(), ReportOptions(show_all=True))
    two = render_html(rich_comparison(), ReportOptions(show_all=True))
    assert one == two
