"""What the terminal app shows, computed from a ``Comparison`` without Textual.

The screens and widgets only lay these values out. Everything that decides something
(which pairs are differences, the text of a status marker, which rows a filter keeps,
where a key difference lives, where the app opens, what search and an address find,
the status line at a width, what is copied) is here, so it can be tested without a
terminal and reused by any other front end. Nothing here imports Textual.

``rows`` (the clause list and its filters), ``find`` (search and addresses), ``ranking``
(the key differences), ``pair`` (the selected pair), ``header`` (the drafts and status
lines), ``tables`` (history and matrix); everything is importable from here.
"""

from __future__ import annotations

from resdiff.tui.viewmodel.find import (
    clause_key,
    find_clause,
    search,
    search_pattern,
)
from resdiff.tui.viewmodel.header import (
    HeaderLine,
    counts_line,
    describe_document,
    document_label,
    header_lines,
    status_line,
    warnings_line,
)
from resdiff.tui.viewmodel.pair import (
    MAX_NOTES,
    PairDisplay,
    Segment,
    agreed_text,
    amendment_text,
    change_stops,
    pair_as_diff,
    pair_display,
    prepare,
    separated,
    side_text,
    with_markers,
)
from resdiff.tui.viewmodel.ranking import (
    KeyGroup,
    group_of_change,
    key_groups,
    listed_keys,
    opening,
)
from resdiff.tui.viewmodel.rows import (
    ADDRESS_MAX,
    BADGES,
    KIND_MARKER,
    MOVED_MARKER,
    STATUS_MARKERS,
    Filter,
    Row,
    Side,
    address,
    apply_filter,
    badges_for,
    build_rows,
    columns,
    differences,
    filter_choices,
    fit_address,
    fit_badges,
    preview,
    status_marker,
    status_symbol,
    step,
)
from resdiff.tui.viewmodel.tables import (
    aligned_cells,
    history_caption,
    history_legend,
    history_table,
    matrix_table,
)

__all__ = [
    "ADDRESS_MAX",
    "BADGES",
    "KIND_MARKER",
    "MAX_NOTES",
    "MOVED_MARKER",
    "STATUS_MARKERS",
    "Filter",
    "HeaderLine",
    "KeyGroup",
    "PairDisplay",
    "Row",
    "Segment",
    "Side",
    "address",
    "agreed_text",
    "aligned_cells",
    "amendment_text",
    "apply_filter",
    "badges_for",
    "build_rows",
    "change_stops",
    "clause_key",
    "columns",
    "counts_line",
    "describe_document",
    "differences",
    "document_label",
    "filter_choices",
    "find_clause",
    "fit_address",
    "fit_badges",
    "group_of_change",
    "header_lines",
    "history_caption",
    "history_legend",
    "history_table",
    "key_groups",
    "listed_keys",
    "matrix_table",
    "opening",
    "pair_as_diff",
    "pair_display",
    "prepare",
    "preview",
    "search",
    "search_pattern",
    "separated",
    "side_text",
    "status_line",
    "status_marker",
    "status_symbol",
    "step",
    "warnings_line",
    "with_markers",
]
