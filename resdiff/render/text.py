"""Terminal text report, laid out by rich.

Differences are marked in the text itself, wdiff-style (``[-old-]{+new+}``), so the
report reads the same without colour, in a pipe, a file or a screen reader (a draft's own
``[-``, ``-]``, ``{+``, ``+}`` and backslashes are backslash-escaped there); colour
(red/green) is added only when ``ReportOptions.color`` says so. Width is
``ReportOptions.width`` (the CLI passes the terminal's width on a terminal) or 100.
All document text goes through ``clean_terminal`` and into rich ``Text`` objects
(never markup), so a draft cannot emit escape sequences or rich markup.
"""

from __future__ import annotations

import io
import itertools
import re

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

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


def diff_text(segments: tuple[Segment, ...]) -> Text:
    """The inline diff as a rich ``Text``, coloured where the console allows."""
    return Text.assemble(*diff_spans(segments))


def _heading(text: str) -> Text:
    return Text(clean(text), style=STYLE_HEADING)


def _documents(view: ReportView) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("")
    for d in view.documents:
        table.add_column(d.id, overflow="fold")
    facts = documents_facts(view.documents)
    for i, (name, _) in enumerate(facts[0]):
        table.add_row(name, *(Text(clean(f[i][1])) for f in facts))
    return Group(
        _heading("What was compared"),
        table,
        Text(f"Shown: {view.filters}.", style=STYLE_DIM),
        Text(""),
    )


def _kind(kind: keydiffs.Kind) -> Text:
    return Text(kind.label, style=STYLE_KINDS.get(kind.id, STYLE_NOTE))


def _brief(view: ReportView) -> RenderableType:
    """ "In brief": for each comparison its verdict and first key differences, then the
    legend of kinds."""
    parts: list[RenderableType] = []
    for section in view.sections:
        parts += [_heading(f"In brief: {section.title}"), Text(clean(section.verdict))]
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for item in section.headline:
            grid.add_row(
                f"{item.number}.", _kind(item.kind), Text(escape_markers(clean(item.headline)))
            )
        if section.headline:
            parts.append(grid)
        if len(section.keys) > len(section.headline):
            more = f"{len(section.headline)} of {len(section.keys)} key differences; all below."
            parts.append(Text(more, style=STYLE_DIM))
        parts.append(Text(""))
    if view.kinds:
        legend = Text("Key: ", style=STYLE_DIM)
        for n, kind in enumerate(view.kinds):
            legend.append("; " if n else "")
            legend.append_text(_kind(kind))
            legend.append(f": {kind.meaning}", style=STYLE_DIM)
        parts += [legend, Text("")]
    return Group(*parts)


def _summary(section: SectionView, width: int) -> RenderableType:
    parts: list[RenderableType] = [
        _heading(f"Differences: {section.title}"),
        Text(clean(section.verdict)),
        *(
            Text(f"{level.name.capitalize()}: " + ", ".join(f"{k} {v}" for k, v in level.rows))
            for level in section.counts
        ),
        Text(""),
        _heading("Key differences"),
    ]
    if not section.keys:
        parts.append(Text("No changes in substance were found."))
    else:
        parts.append(Text(count_keys(section), style=STYLE_DIM))
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for item in section.keys:
        line = _kind(item.kind)
        line.append(f" {clean(item.address)}", style=STYLE_ADDRESS)
        # A summary quotes the draft: its own "[-...-]" must not pass for a change.
        line.append(f": {escape_markers(clean(item.title))}")
        grid.add_row(f"{item.number}.", line)
        # Facets as rows of the one grid, wrapped here under their text: a grid nested
        # in each entry cost rich a measuring pass per entry.
        inner = width - len(f"{len(section.keys)}.") - 1 - 2
        for facet in item.facets:
            plain = escape_markers(clean(facet))
            bounds = [0, *break_offsets(plain, max(20, inner)), len(plain)]
            lines = [plain[i:j].rstrip() for i, j in itertools.pairwise(bounds)]
            grid.add_row("", Text("- " + "\n  ".join(lines)))
    if section.keys:
        parts.append(grid)
    parts.append(Text(""))
    return Group(*parts)


def _matrix(view: ReportView, matrix: PositionsMatrix) -> RenderableType:
    labels = view.column_labels
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Topic", overflow="fold")
    for doc in matrix.documents:
        table.add_column(clean(labels.get(doc, doc)), overflow="fold")
    for t in matrix.topics:
        table.add_row(
            Text(clean(matrix.labels.get(t, t))),
            *(
                Text(clean(cells.report_text(cells.cell_view(matrix, t, doc))))
                for doc in matrix.documents
            ),
        )
    return Group(_heading("Positions"), table, Text(""))


_WORD = re.compile(r"[^ \n]+ *|\n| +")


def break_offsets(plain: str, width: int) -> list[int]:
    """Where to break ``plain`` so no line is wider than ``width`` cells: greedy, at
    spaces, at newlines, and inside a word only when the word alone is too wide.

    rich's own wrapping is exact but costs ~0.3 ms a paragraph; this keeps a
    2,000-clause ``--all`` report well under a second.
    """
    offsets: list[int] = []
    col = 0
    for m in _WORD.finditer(plain):
        token = m.group()
        if token == "\n":
            offsets.append(m.end())
            col = 0
            continue
        word = token.rstrip(" ")
        trailing = len(token) - len(word)
        size = len(word) if word.isascii() else cell_len(word)
        if col and col + size > width:
            offsets.append(m.start())
            col = 0
        pos = m.start()
        while size > width:  # fold a word wider than the line
            pos += width
            offsets.append(pos)
            word = word[width:]
            size = len(word) if word.isascii() else cell_len(word)
        col += size + trailing
    return [o for o in offsets if 0 < o < len(plain)]


def _wrapped(spans: Spans, indent: int, width: int, color: bool) -> list[str | Text]:
    """Wrap with a hanging ``indent``. Without colour, plain strings (no rich objects:
    this is the fast path for files and pipes); with colour, ``Text`` lines whose
    styles survive ``Text.divide``. rich's own Padding pads every line to the full
    width and its wrapping costs ~0.3 ms a paragraph."""
    pad = " " * indent
    inner = max(20, width - indent)
    plain = "".join(text for text, _ in spans)
    offsets = break_offsets(plain, inner)
    if not color:
        bounds = [0, *offsets, len(plain)]
        return [pad + plain[i:j].rstrip() for i, j in itertools.pairwise(bounds)]
    out: list[str | Text] = []
    for line in Text.assemble(*spans).divide(offsets):
        line.rstrip()
        if line.plain.endswith("\n"):
            line.right_crop(1)
        line.rstrip()
        out.append(Text(pad) + line if pad else line)
    return out


def _row(row: PairRow, width: int, color: bool) -> list[str | Text]:
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


def _clauses(section: SectionView, width: int, color: bool) -> list[str | Text]:
    lines: list[str | Text] = [
        _heading(f"Clause by clause: {section.title}"),
        Text(f"{section.shown} of {section.total} pairs shown.", style=STYLE_DIM),
    ]
    for item in section.items:
        if isinstance(item, Gap):
            lines += _wrapped([(item.text, STYLE_DIM)], 2 + 2 * item.depth, width, color)
        else:
            lines += _row(item, width, color)
    lines.append("")
    return lines


def _amendments(section: SectionView, width: int, color: bool) -> list[str | Text]:
    """The amendments turning A into B, in UN form, numbered with a hanging indent."""
    from resdiff.render import amendments as written  # only when asked for

    al = section.amendments
    assert al is not None
    lines: list[str | Text] = [
        _heading(f"Amendments: {section.title}"),
        Text(clean(written.title(al)), style=STYLE_DIM),
    ]
    if written.note(al):
        lines += _wrapped([(clean(str(written.note(al))), STYLE_DIM)], 0, width, color)
    for number, paragraph in written.instructions(al):
        lead = f"{number}. "
        body = _wrapped([(clean(paragraph[0]), "")], len(lead), width, color)
        first = body[0]
        body[0] = (
            lead + first[len(lead) :] if isinstance(first, str) else Text(lead) + first[len(lead) :]
        )
        lines += ["", *body]
        for quoted in paragraph[1:]:
            lines += _wrapped([(clean(quoted), "")], len(lead) + 2, width, color)
    if not al.amendments:
        lines.append(written.NONE_WRITTEN)
    lines.append("")
    return lines


def _agreed(section: SectionView, width: int, color: bool) -> list[str | Text]:
    """Where the later draft's language comes from, when a corpus was searched."""
    if section.comparison.precedents is None:
        return []
    from resdiff.render.precedents.text import agreed_section  # only with --corpus

    return ["", *agreed_section(section.comparison.precedents, width, color)]


def render_view(view: ReportView, *, color: bool = False, width: int | None = None) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or DEFAULT_WIDTH,
        color_system="standard" if color else None,
        force_terminal=color,
        force_interactive=False,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(Text(f"resdiff report: {clean(view.title)}", style=STYLE_HEADING))
    console.print(Text(""))
    console.print(_brief(view))
    console.print(_documents(view))
    for section in view.sections:
        console.print(_summary(section, console.width))
    if view.matrix is not None:
        console.print(_matrix(view, view.matrix))
    for section in view.sections:
        lines = _clauses(section, console.width, color)
        if section.amendments is not None:
            lines += _amendments(section, console.width, color)
        lines += _agreed(section, console.width, color)
        if color:
            joined = Text("\n").join(x if isinstance(x, Text) else Text(x) for x in lines)
            console.print(joined, soft_wrap=True)
        else:
            buffer.write("\n".join(x if isinstance(x, str) else x.plain for x in lines) + "\n")
    out = [line.rstrip() for line in buffer.getvalue().splitlines()]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_text(comparison: Comparison, view: ReportOptions) -> str:
    return render_view(build_view(comparison, view), color=view.color, width=view.width)
