"""Terminal text report, laid out as rich would (``render.layout``) without importing it.

Differences are marked in the text itself, wdiff-style (``[-old-]{+new+}``), so the
report reads the same without colour, in a pipe, a file or a screen reader (a draft's own
``[-``, ``-]``, ``{+``, ``+}`` and backslashes are backslash-escaped there); colour
(red/green) is added only when ``ReportOptions.color`` says so. Width is
``ReportOptions.width`` (the CLI passes the terminal's width on a terminal) or 100.
All document text goes through ``clean_terminal`` and into ``Styled`` text (never
markup), so a draft cannot emit escape sequences.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from resdiff.model import Comparison, PositionsMatrix
from resdiff.present import cells, keydiffs
from resdiff.present.escape import clean_text as clean
from resdiff.present.escape import escape_markers
from resdiff.present.segments import (
    CUE_CLOSE,
    CUE_OPEN,
    Segment,
    by_op,
    cue_label,
    edges,
    shown_group,
    shown_text,
)
from resdiff.render import layout
from resdiff.render.layout import Column, Table
from resdiff.render.styled import Piece, Styled, cell_len, is_narrow, write
from resdiff.render.view import (
    Gap,
    PairRow,
    ReportOptions,
    ReportView,
    SectionView,
    build_view,
    count_keys,
    documents_facts,
)

DEFAULT_WIDTH = 100
STYLE_DELETED = "red"
STYLE_INSERTED = "green"
STYLE_HEADING = "bold"
STYLE_ADDRESS = "bold cyan"
STYLE_NOTE = "yellow"
STYLE_DIM = "dim"
STYLE_CUE = "bold underline"
#: Each kind of key difference has its own mark and word; the colour only adds to them.
STYLE_KINDS = {
    "linkage": "bold magenta",
    "weaker": "bold red",
    "stronger": "bold green",
    "demoted": "bold red",
    "promoted": "bold green",
    "removed": "bold red",
    "added": "bold green",
}


Spans = list[tuple[str, str]]  # (text, rich style; "" for none)


def diff_spans(segments: tuple[Segment, ...]) -> Spans:
    """The inline diff as (text, style) with [-deleted-] and {+inserted+} markers, and
    ⟨cue phrases⟩ marked."""
    if not any(seg.cue for seg in segments):  # the common case, kept fast
        return _plain_spans(segments)
    out: Spans = []
    for op, group in by_op(segments):
        pieces = shown_group(op, group)
        if op == "=":
            for seg in pieces:
                text = escape_markers(clean(seg.text))
                if seg.cue:
                    lead, core, trail = edges(text)
                    out += [(lead, ""), (f"{CUE_OPEN}{core}{CUE_CLOSE}", STYLE_CUE), (trail, "")]
                else:
                    out.append((text, ""))
            continue
        style = STYLE_DELETED if op == "-" else STYLE_INSERTED
        left, right = ("[-", "-]") if op == "-" else ("{+", "+}")
        # One marker pair per line, so a marked run never spans a line break.
        lines: list[Spans] = [[]]
        for seg in pieces:
            for k, part in enumerate(escape_markers(clean(seg.text)).split("\n")):
                if k:
                    lines.append([])
                if part and seg.cue and part.strip():
                    lead, core, trail = edges(part)
                    lines[-1] += [
                        (lead, style),
                        (f"{CUE_OPEN}{core}{CUE_CLOSE}", f"{style} {STYLE_CUE}"),
                        (trail, style),
                    ]
                elif part:
                    lines[-1].append((part, style))
        for k, line in enumerate(lines):
            if k:
                out.append(("\n", ""))
            if line:
                out += [(left, style), *line, (right, style)]
    return out


def _plain_spans(segments: tuple[Segment, ...]) -> Spans:
    """``diff_spans`` for a diff without cue phrases."""
    out: Spans = []
    for seg in segments:
        if seg.op == "=":
            out.append((escape_markers(clean(seg.text)), ""))
            continue
        style = STYLE_DELETED if seg.op == "-" else STYLE_INSERTED
        left, right = ("[-", "-]") if seg.op == "-" else ("{+", "+}")
        # One marker per line, so a marked run never spans a line break.
        for k, line in enumerate(escape_markers(clean(shown_text(seg))).split("\n")):
            if k:
                out.append(("\n", ""))
            if line:
                out.append((f"{left}{line}{right}", style))
    return out


def _heading(text: str) -> Styled:
    return Styled(clean(text), STYLE_HEADING)


def heading_lines(text: str, width: int) -> list[Styled]:
    """A heading of the line-by-line sections, wrapped at ``width`` as the paragraphs
    before them are (``layout.wrap``: at spaces, a word longer than the line folded), so
    a long file name in a title never runs past the width."""
    return layout.wrap(_heading(text), width)


#: Lines of a block, each a list of styled segments.
Block = list[list[Piece]]


def _paragraphs(parts: Sequence[Styled | Table], width: int) -> Block:
    """Paragraphs and tables one after the other, as a console prints them."""
    out: Block = []
    for part in parts:
        out += (
            layout.table_lines(part, width)
            if isinstance(part, Table)
            else layout.paragraph(part, width)
        )
    return out


def _documents(view: ReportView, width: int) -> Block:
    facts = documents_facts(view.documents)
    table = Table(
        columns=[Column(""), *(Column(d.id, overflow="fold") for d in view.documents)],
        rows=[
            [Styled(name), *(Styled(clean(f[i][1])) for f in facts)]
            for i, (name, _) in enumerate(facts[0])
        ],
        ruled=True,
    )
    return _paragraphs(
        [
            _heading("What was compared"),
            table,
            Styled(f"Shown: {view.filters}.", STYLE_DIM),
            Styled(""),
        ],
        width,
    )


def _kind(kind: keydiffs.Kind) -> Styled:
    return Styled(kind.label, STYLE_KINDS.get(kind.id, STYLE_NOTE))


#: The in-brief grid: the number, the kind, the headline.
_BRIEF_COLUMNS = (
    Column(justify="right", no_wrap=True),
    Column(no_wrap=True),
    Column(overflow="fold"),
)
#: The key differences' grid: the number, then the entry and its facets.
_KEYS_COLUMNS = (Column(justify="right", no_wrap=True), Column(overflow="fold"))


def _brief(view: ReportView, width: int) -> Block:
    """ "In brief": for each comparison its verdict and first key differences, then the
    legend of kinds."""
    parts: list[Styled | Table] = []
    for section in view.sections:
        parts += [_heading(f"In brief: {section.title}"), Styled(clean(section.verdict))]
        rows = [
            [
                Styled(f"{item.number}."),
                _kind(item.kind),
                Styled(escape_markers(clean(item.headline))),
            ]
            for item in section.headline
        ]
        if section.headline:
            parts.append(Table(_BRIEF_COLUMNS, rows))
        if len(section.keys) > len(section.headline):
            more = f"{len(section.headline)} of {len(section.keys)} key differences; all below."
            parts.append(Styled(more, STYLE_DIM))
        parts.append(Styled(""))
    if view.kinds:
        legend = Styled("Key: ", STYLE_DIM)
        for n, kind in enumerate(view.kinds):
            legend.append("; " if n else "")
            legend.append_text(_kind(kind))
            legend.append(f": {kind.meaning}", STYLE_DIM)
        parts += [legend, Styled("")]
    return _paragraphs(parts, width)


def _summary(section: SectionView, width: int) -> Block:
    parts: list[Styled | Table] = [
        _heading(f"Differences: {section.title}"),
        Styled(clean(section.verdict)),
        *(
            Styled(f"{level.name.capitalize()}: " + ", ".join(f"{k} {v}" for k, v in level.rows))
            for level in section.counts
        ),
        Styled(""),
        _heading("Key differences"),
    ]
    if not section.keys:
        parts.append(Styled("No changes in substance were found."))
    else:
        parts.append(Styled(count_keys(section), STYLE_DIM))
    rows: list[list[Styled]] = []
    for item in section.keys:
        line = _kind(item.kind)
        line.append(f" {clean(item.address)}", STYLE_ADDRESS)
        # A summary quotes the draft: its own "[-...-]" must not pass for a change.
        line.append(f": {escape_markers(clean(item.title))}")
        rows.append([Styled(f"{item.number}."), line])
        # Facets as rows of the one grid, wrapped here under their text.
        inner = width - len(f"{len(section.keys)}.") - 1 - 2
        for facet in item.facets:
            plain = escape_markers(clean(facet))
            bounds = [0, *break_offsets(plain, max(20, inner)), len(plain)]
            lines = [plain[i:j].rstrip() for i, j in itertools.pairwise(bounds)]
            rows.append([Styled(""), Styled("- " + "\n  ".join(lines))])
    if section.keys:
        parts.append(Table(_KEYS_COLUMNS, rows))
    parts.append(Styled(""))
    return _paragraphs(parts, width)


def _matrix(view: ReportView, matrix: PositionsMatrix, width: int) -> Block:
    labels = view.column_labels
    columns = [
        Column("Topic", overflow="fold"),
        *(Column(clean(labels.get(doc, doc)), overflow="fold") for doc in matrix.documents),
    ]
    rows = [
        [
            Styled(clean(matrix.labels.get(t, t))),
            *(
                Styled(clean(cells.report_text(cells.cell_view(matrix, t, doc))))
                for doc in matrix.documents
            ),
        ]
        for t in matrix.topics
    ]
    return _paragraphs([_heading("Positions"), Table(columns, rows, ruled=True), Styled("")], width)


_WORD = re.compile(r"[^ \n]+ *| +")
_NOT_SPACE = re.compile(r"[^ ]")


def break_offsets(plain: str, width: int) -> list[int]:
    """Where to break ``plain`` so no line is wider than ``width`` cells: greedy, at
    spaces, at newlines, and inside a word only when the word alone is too wide.

    rich's own wrapping is exact but costs ~0.3 ms a paragraph; this keeps a
    2,000-clause ``--all`` report well under a second. A line of one-cell characters
    (nearly every line of a draft) is cut by searching for spaces, not word by word.
    """
    offsets: list[int] = []
    start = 0
    for line in plain.split("\n"):
        cuts = _narrow_breaks(line, width) if is_narrow(line) else _word_breaks(line, width)
        offsets += [start + cut for cut in cuts]
        start += len(line) + 1
        offsets.append(start)
    return [o for o in offsets if 0 < o < len(plain)]


def _narrow_breaks(line: str, width: int) -> list[int]:
    """``break_offsets`` of a line without newlines whose characters are one cell wide:
    a line from ``p`` ends before the first word that reaches past ``p + width``."""
    out: list[int] = []
    last = len(line.rstrip(" "))
    p = 0
    while last - p > width:
        q = p + width
        if line[q] == " ":
            cut = _NOT_SPACE.search(line, q)
            s = cut.start() if cut else last
        else:
            s = max(p, line.rfind(" ", p, q) + 1)
        if s > p:
            out.append(s)
            p = s
            continue
        end = line.find(" ", p)  # a word wider than the line: fold it
        end = len(line) if end < 0 else end
        while end - p > width:
            p += width
            out.append(p)
    return out


def _word_breaks(line: str, width: int) -> list[int]:
    """``break_offsets`` of a line without newlines, word by word (any widths)."""
    offsets: list[int] = []
    col = 0
    for m in _WORD.finditer(line):
        token = m.group()
        word = token.rstrip(" ")
        trailing = len(token) - len(word)
        size = len(word) if word.isascii() else cell_len(word)
        if col and col + size > width:
            offsets.append(m.start())
            col = 0
        if size > width:  # fold a word wider than the line, by cells
            cuts = _fold(word, width)
            offsets += [m.start() + cut for cut in cuts]
            size = cell_len(word[cuts[-1] :])
        col += size + trailing
    return offsets


def _fold(word: str, width: int) -> list[int]:
    """Where to cut ``word`` (wider than ``width`` cells) so each piece fits: a piece
    holds at least one character, and a wide character is never cut in half."""
    cuts: list[int] = []
    col = 0
    for i, char in enumerate(word):
        size = cell_len(char)
        if col and col + size > width:
            cuts.append(i)
            col = 0
        col += size
    return cuts


#: A line of the clause-by-clause sections: plain text, or styled text with colour.
Line = str | Styled


def _wrapped(spans: Spans, indent: int, width: int, color: bool) -> list[Line]:
    """Wrap with a hanging ``indent``. Without colour, plain strings (the fast path for
    files and pipes); with colour, ``Styled`` lines cut from the whole paragraph, so a
    style runs on across a line break."""
    pad = " " * indent
    inner = max(20, width - indent)
    plain = "".join(text for text, _ in spans)
    offsets = break_offsets(plain, inner)
    if not color:
        bounds = [0, *offsets, len(plain)]
        return [pad + plain[i:j].rstrip() for i, j in itertools.pairwise(bounds)]
    out: list[Line] = []
    for line in Styled.assemble(spans).divide(offsets):
        line.rstrip()
        if line.plain.endswith("\n"):
            line.right_crop(1)
        line.rstrip()
        out.append(Styled(pad) + line if pad else line)
    return out


def joined_lines(lines: Sequence[Line], color: bool) -> str:
    """Lines as written, unwrapped: each in its colours, or plain."""
    if not color:
        return "\n".join(x if isinstance(x, str) else x.plain for x in lines)
    out = []
    for x in lines:
        if isinstance(x, str):
            out.append(x)
        else:
            out += [write(part.segments(), True) for part in x.split_lines()]
    return "\n".join(out)


def _row(row: PairRow, width: int, color: bool) -> list[Line]:
    indent = 2 * row.depth
    head: Spans = [
        (clean(row.address), STYLE_ADDRESS),
        ("  ", ""),
        (row.status, STYLE_NOTE if row.changed else STYLE_DIM),
    ]
    for note in row.notes:
        head += [(" · ", ""), (clean(note), STYLE_NOTE)]
    for ref in row.keys:
        head += [("  ", ""), (f"{ref.kind.label} #{ref.number}", STYLE_KINDS.get(ref.kind.id, ""))]
    lines = _wrapped(head, indent, width, color)
    if row.rewritten:
        # Rewritten: A's whole text, then B's, each readable on its own.
        before, after = row.before_after
        for side, segs in zip(row.side_labels, (before, after), strict=True):
            lines += _wrapped(
                [(f"{side}: ", STYLE_DIM), *diff_spans(segs)], indent + 4, width, color
            )
    else:
        lines += _wrapped(diff_spans(row.segments), indent + 4, width, color)
    for text, note in _cue_notes(row) if row.cues else ():
        lines += _wrapped([(text, STYLE_CUE), (f": {note}", STYLE_DIM)], indent + 4, width, color)
    return lines


def _cue_notes(row: PairRow) -> list[tuple[str, str]]:
    """'⟨in connection with⟩ (A), ⟨also demands⟩ (B)' and what they are, per signal."""
    by_note: dict[str, list[str]] = {}
    for side, text, note in row.marked_cues:
        by_note.setdefault(cue_label(note), []).append(
            f"{CUE_OPEN}{escape_markers(clean(text))}{CUE_CLOSE} ({side.upper()})"
        )
    return [(", ".join(texts), note) for note, texts in by_note.items()]


def _clauses(section: SectionView, width: int, color: bool) -> list[Line]:
    lines: list[Line] = [
        *heading_lines(f"Clause by clause: {section.title}", width),
        Styled(f"{section.shown} of {section.total} pairs shown.", STYLE_DIM),
    ]
    for item in section.items:
        if isinstance(item, Gap):
            lines += _wrapped([(item.text, STYLE_DIM)], 2 + 2 * item.depth, width, color)
        else:
            lines += _row(item, width, color)
    lines.append("")
    return lines


def _amendments(section: SectionView, width: int, color: bool) -> list[Line]:
    """The amendments turning A into B, in UN form, numbered with a hanging indent."""
    from resdiff.render import amendments as written  # only when asked for

    al = section.amendments
    assert al is not None
    lines: list[Line] = [
        *heading_lines(f"Amendments: {section.title}", width),
        *layout.wrap(Styled(clean(written.title(al)), STYLE_DIM), width),
    ]
    if written.note(al):
        lines += _wrapped([(clean(str(written.note(al))), STYLE_DIM)], 0, width, color)
    for number, paragraph in written.instructions(al):
        lead = f"{number}. "
        body = _wrapped([(clean(paragraph[0]), "")], len(lead), width, color)
        first = body[0]
        body[0] = (
            lead + first[len(lead) :]
            if isinstance(first, str)
            else Styled(lead) + first.divide([len(lead), len(first.plain)])[1]
        )
        lines += ["", *body]
        for quoted in paragraph[1:]:
            lines += _wrapped([(clean(quoted), "")], len(lead) + 2, width, color)
    if not al.amendments:
        lines.append(written.NONE_WRITTEN)
    lines.append("")
    return lines


def _agreed(section: SectionView, width: int, color: bool) -> list[Line]:
    """Where the later draft's language comes from, when a corpus was searched."""
    if section.comparison.precedents is None:
        return []
    from resdiff.render.precedents.text import agreed_section  # only with --corpus

    return ["", *agreed_section(section.comparison.precedents, width, color)]


def render_view(view: ReportView, *, color: bool = False, width: int | None = None) -> str:
    width = width or DEFAULT_WIDTH
    blocks = [
        layout.paragraph(Styled(f"resdiff report: {clean(view.title)}", STYLE_HEADING), width),
        layout.paragraph(Styled(""), width),
        _brief(view, width),
        _documents(view, width),
        *(_summary(section, width) for section in view.sections),
    ]
    if view.matrix is not None:
        blocks.append(_matrix(view, view.matrix, width))
    text = [write(line, color) for block in blocks for line in block]
    for section in view.sections:
        lines = _clauses(section, width, color)
        if section.amendments is not None:
            lines += _amendments(section, width, color)
        lines += _agreed(section, width, color)
        text.append(joined_lines(lines, color))
    out = [line.rstrip() for line in "\n".join(text).splitlines()]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_text(comparison: Comparison, view: ReportOptions) -> str:
    return render_view(build_view(comparison, view), color=view.color, width=view.width)
