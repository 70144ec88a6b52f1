"""Every key of the main screen: what it does (for the help, the palette and the docs)
and which ones the footer shows first. The screen binds them (``MainScreen.BINDINGS``)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: The number keys, one line in the help and the docs.
DRAFT_KEYS = Binding.Group("With three or more drafts: compare the base with draft N")

#: The footer's keys by importance: as many as fit the width are shown.
FOOTER = (
    "next_difference",
    "next_key",
    "goto",
    "search",
    "help",
    "app.quit",
    "filter",
    "toggle_view",
    "copy",
    "matrix",
    "history",
    "open",
    "previous_difference",
    "zoom",
    "export",
)


#: Every key of the main screen, in the order the help and docs/tui.md list them
#: (``description``: the footer's word; ``tooltip``: what the key does, for the help,
#: the command palette and the docs). The footer shows the ``show=True`` ones.
BINDINGS: list[BindingType] = [
    Binding("n", "next_difference", "Next", tooltip="Next difference, in document order"),
    Binding("p", "previous_difference", "Prev", tooltip="Previous difference"),
    Binding(
        "right_square_bracket",
        "next_key",
        "Key",
        tooltip="Next key difference, one per clause pair (the app opens on the first)",
    ),
    Binding(
        "left_square_bracket",
        "previous_key",
        "Prev key",
        show=False,
        tooltip="Previous key difference",
    ),
    Binding(
        "right_curly_bracket",
        "next_change",
        "Next change",
        show=False,
        tooltip="Next change inside this clause (the next line holding one)",
    ),
    Binding(
        "left_curly_bracket",
        "previous_change",
        "Prev change",
        show=False,
        tooltip="Previous change inside this clause",
    ),
    Binding("j", "cursor(1)", "Down", show=False, tooltip="Next clause in the list"),
    Binding("k", "cursor(-1)", "Up", show=False, tooltip="Previous clause in the list"),
    Binding(
        "g,colon",
        "goto",
        "Go to",
        tooltip="Go to a clause by its address (OP7, PP3, 7(a), FN1, header; A OP7: in A)",
    ),
    Binding("slash", "search", "Search", tooltip="Search both drafts (text or address)"),
    Binding("f", "filter", "Filter", tooltip="Filter the clauses (changed, status, topic)"),
    Binding(
        "u",
        "toggle_unchanged",
        "Unchanged",
        show=False,
        tooltip="Show or hide unchanged clauses",
    ),
    Binding("v", "toggle_view", "View", tooltip="Side by side or inline view"),
    Binding("z", "zoom", "Zoom", tooltip="Zoom: the pair view alone, or all panels again"),
    Binding(
        "M",
        "toggle_markers",
        "Marks",
        show=False,
        tooltip="Changes by colour and strike-through, or as [-old-]{+new+}",
    ),
    Binding("y", "copy", "Copy", tooltip="Copy: B's text, A's text or the pair as a diff"),
    Binding(
        "P",
        "pager",
        "Pager",
        show=False,
        tooltip="Open the pair, or the whole report, in $PAGER",
    ),
    Binding(
        "a",
        "amendments",
        "Amend",
        show=False,
        tooltip="The amendments turning the base into the shown draft (UN form)",
    ),
    Binding(
        "L",
        "agreed",
        "Agreed",
        show=False,
        tooltip="Agreed language: where the clause's words come from (with --corpus)",
    ),
    Binding("e", "export", "Export", tooltip="Export the comparison as a report"),
    Binding("m", "matrix", "Matrix", tooltip="Positions matrix: each topic in each draft"),
    Binding("h", "history", "History", tooltip="History of a series of drafts"),
    Binding(
        "s",
        "swap",
        "Swap",
        show=False,
        tooltip="Swap sides (the shown draft becomes the base)",
    ),
    *(
        Binding(
            str(n),
            f"pick_other({n})",
            f"Draft {n}",
            show=False,
            tooltip=f"Compare the base with draft {n}",
            group=DRAFT_KEYS,
        )
        for n in range(1, 10)
    ),
    Binding("o", "open", "Open", tooltip="Open other drafts"),
    Binding("question_mark", "help", "Keys", tooltip="Help: every key and marker"),
    Binding("q", "app.quit", "Quit", tooltip="Quit"),
]
