"""Markdown (.md): rendered to plain text through markdown-it-py's tokens.

The Document holds the *rendered* text, not the Markdown source: emphasis markers are
dropped (openers are often italic), a top-level ordered list becomes numbered
paragraphs ("1. ..."), nested list items become sub-paragraphs ("(a)", then "(i)"),
and headings become lines the parser is told are headings. Link reference
definitions are not consumed, so Markdown footnotes ("[^1]: ...") stay as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resdiff.errors import InputError
from resdiff.ingest import SourceText
from resdiff.ingest.decode import decode_bytes
from resdiff.ingest.reader import check_lines, nonblank_lines
from resdiff.labels import Labels, to_letters, to_roman

if TYPE_CHECKING:
    from markdown_it.token import Token

INDENT = "    "
#: Labels a writer may type at the start of a list item ("1.", "(a)", "a)", "iv.").
_TYPED_LABEL = Labels("number", "paren-number", "sub", "half-sub", "dot-sub")


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    heading: bool = False


@dataclass(slots=True)
class _Node:
    """A block of markdown-it's token stream and the blocks inside it: what its
    ``_Node`` builds, without descending into inline markup (3,000 nested
    emphasis markers took that past Python's recursion limit). Block nesting is bounded
    by markdown-it's ``maxNesting`` (20 in the CommonMark preset)."""

    token: Token  # the opening token of a pair, or the token itself
    children: list[_Node] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.token.type.removesuffix("_open")

    @property
    def content(self) -> str:
        return self.token.content

    @property
    def info(self) -> str:
        return self.token.info

    @property
    def markup(self) -> str:
        return self.token.markup


def _tree(tokens: Sequence[Token]) -> list[_Node]:
    """The top-level blocks of a token stream, built with a stack, not recursion."""
    top: list[_Node] = []
    open_children = [top]
    for token in tokens:
        if token.nesting == 1:
            node = _Node(token)
            open_children[-1].append(node)
            open_children.append(node.children)
        elif token.nesting == -1:
            if len(open_children) > 1:
                open_children.pop()
        else:
            open_children[-1].append(_Node(token))
    return top


def read_markdown(data: bytes, source: str) -> SourceText:
    markdown = decode_bytes(data, source)
    check_lines(nonblank_lines(markdown), source)  # markdown-it takes ~0.2 ms a list item
    try:
        text, heading_lines = render_markdown(markdown)
    except RecursionError as exc:  # markdown-it itself, on nesting it does not bound
        raise InputError("Markdown nested too deeply to read", source) from exc
    return SourceText(source=source, format="md", text=text, heading_lines=heading_lines)


def render_markdown(markdown: str) -> tuple[str, tuple[int, ...]]:
    """Markdown source -> (plain text with blank lines between blocks, heading line numbers)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").disable("reference")
    blocks = _blocks(_tree(md.parse(markdown)), list_depth=0)
    parts: list[str] = []
    heading_lines: list[int] = []
    line = 0
    for block in blocks:
        if not block.text.strip():
            continue
        n_lines = block.text.count("\n") + 1
        if block.heading:
            heading_lines.extend(range(line, line + n_lines))
        parts.append(block.text)
        line += n_lines + 1  # the blank line between blocks
    text = "\n\n".join(parts)
    return (text + "\n" if text else ""), tuple(heading_lines)


def _blocks(nodes: list[_Node], list_depth: int) -> list[_Block]:
    out: list[_Block] = []
    for node in nodes:
        kind = node.type
        if kind == "heading":
            out.append(_Block(_inline_of(node), heading=True))
        elif kind == "paragraph":
            out.append(_Block(_inline_of(node)))
        elif kind in ("bullet_list", "ordered_list"):
            out.extend(_list_blocks(node, list_depth))
        elif kind in ("fence", "code_block", "html_block"):
            out.append(_Block(node.content.rstrip("\n")))
        elif kind == "hr":
            continue
        else:  # blockquote and anything else with block children
            out.extend(_blocks(node.children, list_depth))
    return out


def _list_blocks(node: _Node, depth: int) -> list[_Block]:
    out: list[_Block] = []
    ordered = node.type == "ordered_list"
    for index, item in enumerate(node.children):
        label = _label(item, index, depth, ordered)
        own: list[str] = []
        nested: list[_Block] = []
        for child in item.children:
            if child.type in ("bullet_list", "ordered_list"):
                nested.extend(_list_blocks(child, depth + 1))
            else:
                own.extend(b.text for b in _blocks([child], depth))
        body = "\n".join(own)
        if _TYPED_LABEL.match(body):
            label = ""  # the writer typed the label: "- (a) text" keeps "(a)"
        first = f"{label} {body}" if label and body else (label or body)
        if first:
            out.append(_Block(_indent(first, depth)))
        out.extend(nested)
    return out


def _label(item: _Node, index: int, depth: int, ordered: bool) -> str:
    if depth == 0:
        return f"{item.info}{item.markup}" if ordered and item.info else ""
    # Past "(zzz...z)" and "(mmmcmxcix)" the labels turn decimal, as Word's and HTML's do.
    if depth % 2 == 1:
        return f"({to_letters(index + 1)})"
    return f"({to_roman(index + 1)})"


def _indent(text: str, depth: int) -> str:
    pad = INDENT * depth
    return "\n".join(pad + line if line else line for line in text.split("\n"))


def _inline_of(node: _Node) -> str:
    parts: list[str] = []
    for child in node.children:
        if child.type == "inline":
            parts.append(_inline_text(child))
    return "".join(parts)


def _inline_text(node: _Node) -> str:
    token = node.token
    if not token.children:
        return node.content
    parts: list[str] = []
    for tok in token.children:
        if tok.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif tok.type in ("text", "code_inline", "html_inline", "image"):
            parts.append(tok.content)
        # em/strong/link open and close tokens carry only markup: dropped.
    return "".join(parts)
