"""The main screen: owns the comparison and the reading state; everything else is a view.

State (the documents, which two are compared, the filter, the view mode, the selected
row) lives here. Widgets get attributes set from here and post messages back; the
comparison is computed in a worker thread so the terminal never freezes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from resdiff.errors import ResdiffError
from resdiff.model import ClauseHistory, Comparison, Document, PairwiseComparison
from resdiff.render import ReportOptions
from resdiff.tui import viewmodel as vm
from resdiff.tui.messages import ChangeChosen, PairSelected
from resdiff.tui.request import Request
from resdiff.tui.screens.dialogs import ErrorDialog, FilterDialog
from resdiff.tui.screens.export import ExportDialog
from resdiff.tui.screens.help import HelpScreen
from resdiff.tui.screens.open_file import OpenFileDialog
from resdiff.tui.screens.tables import HistoryScreen, MatrixScreen
from resdiff.tui.widgets.key_changes import KeyChangesPanel
from resdiff.tui.widgets.navigator import ClauseNavigator
from resdiff.tui.widgets.pair_view import PairView

NARROW = 100  # below this many columns the panels stack
SHORT = 30  # below this many rows too


class ComparisonReady(Message):
    """The worker finished: documents loaded (in the order used) and compared."""

    bubble = False

    def __init__(
        self, docs: list[Document], order: list[int], comparison: Comparison, history_ok: bool
    ) -> None:
        super().__init__()
        self.docs = docs
        self.order = order
        self.comparison = comparison
        self.history_ok = history_ok


class DocumentsLoaded(Message):
    """The drafts are read and parsed; comparing them is under way."""

    bubble = False

    def __init__(self, docs: list[Document]) -> None:
        super().__init__()
        self.docs = docs


class LoadFailed(Message):
    bubble = False

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_difference", "Next diff", tooltip="Next difference"),
        Binding("p", "previous_difference", "Prev", tooltip="Previous difference"),
        Binding("right_square_bracket", "next_key", "Key diff", tooltip="Next key difference"),
        Binding(
            "left_square_bracket",
            "previous_key",
            "Prev key",
            show=False,
            tooltip="Previous key difference",
        ),
        Binding("j", "cursor(1)", "Down", show=False, tooltip="Next clause"),
        Binding("k", "cursor(-1)", "Up", show=False, tooltip="Previous clause"),
        Binding("slash", "search", "Search", tooltip="Search both drafts"),
        Binding("f", "filter", "Filter", tooltip="Filter clauses (status, topic)"),
        Binding("question_mark", "help", "Help", tooltip="Help: keys and markers"),
        Binding("q", "app.quit", "Quit", tooltip="Quit"),
        Binding("u", "toggle_unchanged", "Unchanged", tooltip="Show or hide unchanged clauses"),
        Binding("v", "toggle_view", "View", tooltip="Side by side or inline view"),
        Binding("s", "swap", "Swap", tooltip="Swap sides (the other draft becomes the base)"),
        Binding("m", "matrix", "Matrix", show=False, tooltip="Positions matrix"),
        Binding("h", "history", "History", show=False, tooltip="History of the series"),
        Binding("e", "export", "Export", tooltip="Export the comparison as a report"),
        Binding("o", "open", "Open", show=False, tooltip="Open other drafts"),
        *(
            Binding(
                str(n),
                f"pick_other({n})",
                f"Draft {n}",
                show=False,
                tooltip=f"Compare the base with draft {n}",
            )
            for n in range(1, 10)
        ),
    ]

    def __init__(self, request: Request) -> None:
        super().__init__()
        self.files = list(request.files)  # the open dialog replaces them
        self.options = request.options
        self.load = request.load
        self.series = request.series
        self.docs: list[Document] = []
        self.order: list[int] = []
        self.comparison: Comparison | None = None
        self.history: tuple[ClauseHistory, ...] = ()
        self.history_note = "Open three or more drafts of one text, in order, to see a history."
        self.other = 0
        self.rows: tuple[vm.Row, ...] = ()
        self.shown: tuple[vm.Row, ...] = ()
        self.keys: tuple[vm.KeyChange, ...] = ()
        self.flt = vm.Filter()
        self.selected: int | None = None
        self.key_pos: int | None = None
        self.search_term = ""
        self.history_docs: tuple[Document, ...] = ()
        self._key_position: dict[int, int] = {}
        self._show_position = 1  # which draft (by position) to show after a compare
        self._initial = request.comparison

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static(id="drafts", markup=False)
        yield Static(id="status-line", markup=False)
        with Horizontal(id="body"):
            yield ClauseNavigator(id="navigator")
            with Vertical(id="detail"):
                yield PairView(id="pair")
                yield KeyChangesPanel(id="key-changes")
        yield Input(id="search", placeholder="search both drafts; Enter: next match, Esc: close")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#key-changes").border_title = "Key differences"
        self.query_one("#navigator").border_title = "Clauses"
        self.query_one("#drafts", Static).update(Text("resdiff"))
        if self._initial is not None:
            docs = list(self._initial.documents)
            self._show(docs, list(range(len(docs))), self._initial, history_ok=True)
        elif len(self.files) >= 2:
            self._start(None, None)
        else:
            self.action_open()

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW or event.size.height < SHORT
        self.set_class(narrow, "-narrow")
        self.query_one(PairView).notes_last = narrow

    # ------------------------------------------------------------ computing

    def _start(self, docs: list[Document] | None, order: list[int] | None) -> None:
        self.query_one("#body").loading = True
        self.query_one("#status-line", Static).update(Text("Comparing…"))
        self._compute(list(self.files), docs, order)

    @work(thread=True, exclusive=True, group="compare")
    def _compute(
        self, files: list[str], docs: list[Document] | None, order: list[int] | None
    ) -> None:
        from resdiff.pipeline import compare, is_series, load_all

        try:
            if docs is None:
                docs = load_all(files, self.load)
                self.post_message(DocumentsLoaded(docs))
            order = order if order is not None else list(range(len(docs)))
            in_order = order == sorted(order)
            series = is_series(len(docs), self.series if in_order else False)
            options = replace(self.options, series=series)
            comparison = compare(*(docs[i] for i in order), options=options)
        except ResdiffError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        except Exception as exc:  # a bug in a stage: say so instead of crashing the app
            self.post_message(LoadFailed(f"internal error while comparing: {exc!r}"))
            return
        self.post_message(ComparisonReady(docs, order, comparison, history_ok=in_order))

    @on(ComparisonReady)
    def _on_ready(self, message: ComparisonReady) -> None:
        self._show(message.docs, message.order, message.comparison, message.history_ok)

    @on(DocumentsLoaded)
    def _on_loaded(self, message: DocumentsLoaded) -> None:
        text = Text()
        for n, doc in enumerate(message.docs, 1):
            if n > 1:
                text.append("\n")
            text.append(f"{n} {doc.id}: ", style="bold")
            text.append(vm.describe_document(doc))
        self.query_one("#drafts", Static).update(text)
        self.query_one("#status-line", Static).update(
            Text(f"Comparing {len(message.docs)} drafts…")
        )

    @on(LoadFailed)
    def _on_failed(self, message: LoadFailed) -> None:
        self.query_one("#body").loading = False
        self.query_one("#status-line", Static).update(Text("Could not compare."))
        self.app.notify(message.problem, title="Cannot open", severity="error")

        def after(_: None) -> None:
            if self.comparison is None:
                self.action_open()

        self.app.push_screen(ErrorDialog("Cannot open these drafts", message.problem), after)

    def _show(
        self, docs: list[Document], order: list[int], comparison: Comparison, history_ok: bool
    ) -> None:
        self.query_one("#body").loading = False
        self.docs, self.order, self.comparison = docs, order, comparison
        if history_ok:
            self.history = comparison.history
            self.history_docs = comparison.documents
            if comparison.options.series and not comparison.history:
                self.history_note = "Compared as a series, but no clause history was found."
            elif not comparison.history:
                self.history_note = (
                    "Not a series: history needs three or more drafts of one text, "
                    "opened in order (first draft first)."
                )
        position, self._show_position = self._show_position, 1
        self.other = min(max(position - 1, 0), len(comparison.comparisons) - 1)
        self.selected = None
        self.key_pos = None
        self._load_pairwise()

    # ------------------------------------------------------------ deriving the view

    @property
    def pairwise(self) -> PairwiseComparison | None:
        if self.comparison is None or not self.comparison.comparisons:
            return None
        return self.comparison.comparisons[self.other]

    def _doc(self, doc_id: str) -> Document | None:
        assert self.comparison is not None
        try:
            return self.comparison.document(doc_id)
        except KeyError:
            return None

    def _load_pairwise(self) -> None:
        pc = self.pairwise
        assert self.comparison is not None
        if pc is None:
            return
        self.rows = vm.build_rows(self.comparison, pc)
        self.keys = vm.key_changes(pc, self.rows)
        self._key_position = {kc.index: pos for pos, kc in enumerate(self.keys)}
        self.key_pos = None
        self.query_one(KeyChangesPanel).show_changes(self.keys)
        self._update_header()
        doc_a, doc_b = self._doc(pc.a), self._doc(pc.b)
        self.query_one(PairView).labels = (
            f"{pc.a}: {doc_a.label if doc_a else pc.a}",
            f"{pc.b}: {doc_b.label if doc_b else pc.b}",
        )
        self._apply_filter(keep=None)
        first = vm.step(vm.differences(self.shown), None, True)
        if first is None and self.shown:
            first = self.shown[0].index
        if first is not None:
            # the key panel was just refilled and is not laid out yet: it starts at the
            # top (rank 1) and follows the selection from the reader's first move on
            self._goto(first, follow=False)
        self.query_one(ClauseNavigator).focus()

    def _update_header(self) -> None:
        pc = self.pairwise
        assert self.comparison is not None and pc is not None
        text = Text()
        for n, doc in enumerate(self.comparison.documents, 1):
            role = " (base)" if doc.id == pc.a else " (shown)" if doc.id == pc.b else ""
            style = "bold" if role else "dim"
            if n > 1:
                text.append("\n")
            text.append(f"{n} {doc.id}{role}: ", style=style)
            text.append(vm.describe_document(doc))
            if doc.parse.structure != "un":
                text.append(f"  [{doc.parse.structure}: {doc.parse.note}]", style="dim")
            if doc.warnings:
                text.append(f"  ! {vm.warnings_line(doc)}", style="bold")
        self.query_one("#drafts", Static).update(text)
        self._update_status()

    def _update_status(self) -> None:
        pc = self.pairwise
        if pc is None:
            return
        labels = self.comparison.matrix.labels if self.comparison and self.comparison.matrix else {}
        shown = f"showing {len(self.shown)}/{len(self.rows)}: {self.flt.describe(labels)}"
        line = f"{vm.counts_line(pc)}   {shown}"
        if not self.flt.show_unchanged:
            line += ", unchanged hidden"
        if self.search_term:
            line += f"   search: {self.search_term!r}"
        self.query_one("#status-line", Static).update(Text(line))

    def _apply_filter(self, keep: int | None) -> None:
        self.shown = vm.apply_filter(self.rows, self.flt)
        nav = self.query_one(ClauseNavigator)
        nav.show_rows(self.shown, keep)
        self._update_status()
        if not self.shown:
            self.selected = None
            self.query_one(PairView).display_data = None
        elif keep is None or not nav.select(keep):
            self._select(self.shown[nav.cursor].index, follow=False)

    def _goto(self, index: int, follow: bool = True) -> None:
        """Select row ``index``, widening the filter if it is hidden."""
        nav = self.query_one(ClauseNavigator)
        if not nav.select(index):
            self.flt = vm.Filter()
            self._apply_filter(keep=index)
            self.app.notify("Filter cleared to show that clause.", timeout=3)
            nav.select(index)
        self._select(index, follow)

    def _select(self, index: int, follow: bool = True) -> None:
        if index == self.selected or not 0 <= index < len(self.rows):
            return
        self.selected = index
        pc = self.pairwise
        assert pc is not None
        row = self.rows[index]
        changes = [pc.changes[i] for i in row.changes]
        self.query_one(PairView).display_data = vm.pair_display(
            row.pair, pc.a, pc.b, changes, row.runs
        )
        if row.changes and follow:  # show this clause's top-ranked change in the panel
            position = min(self._key_position[i] for i in row.changes)
            self.query_one(KeyChangesPanel).show_position(position)

    # ------------------------------------------------------------ messages from widgets

    @on(PairSelected)
    def _on_pair_selected(self, message: PairSelected) -> None:
        self._select(message.row)

    @on(ChangeChosen)
    def _on_change_chosen(self, message: ChangeChosen) -> None:
        self._jump_key(message.position)

    # ------------------------------------------------------------ actions

    def _need_comparison(self) -> bool:
        if self.pairwise is None:
            self.app.notify("Nothing is compared yet: press o to open drafts.", timeout=3)
            return False
        return True

    def _step_difference(self, forward: bool) -> None:
        if not self._need_comparison():
            return
        target = vm.step(vm.differences(self.shown), self.selected, forward)
        if target is None:
            where = "last" if forward else "first"
            self.app.notify(f"No more differences: this is the {where}.", timeout=2)
            return
        self._goto(target)

    def action_next_difference(self) -> None:
        self._step_difference(True)

    def action_previous_difference(self) -> None:
        self._step_difference(False)

    def _jump_key(self, position: int) -> None:
        if not self.keys or not 0 <= position < len(self.keys):
            return
        self.key_pos = position
        self.query_one(KeyChangesPanel).show_position(position)
        row = self.keys[position].row
        if row is not None:
            self._goto(row)

    def action_next_key(self) -> None:
        if not self._need_comparison():
            return
        if not self.keys:
            self.app.notify("No key differences in this comparison.", timeout=2)
            return
        pos = 0 if self.key_pos is None else min(self.key_pos + 1, len(self.keys) - 1)
        self._jump_key(pos)

    def action_previous_key(self) -> None:
        if not self._need_comparison() or not self.keys:
            return
        pos = 0 if self.key_pos is None else max(self.key_pos - 1, 0)
        self._jump_key(pos)

    def action_cursor(self, delta: int) -> None:
        nav = self.query_one(ClauseNavigator)
        if delta > 0:
            nav.action_cursor_down()
        else:
            nav.action_cursor_up()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("-shown")
        box.value = self.search_term
        box.focus()

    @on(Input.Submitted, "#search")
    def _on_search(self, event: Input.Submitted) -> None:
        event.stop()
        term = event.value.strip()
        self.search_term = term
        self.query_one(PairView).search_term = term
        matches = vm.search(self.rows, term)
        self._update_status()
        if not term:
            self._close_search()
            return
        if not matches:
            self.app.notify(f"Not found in either draft: {term!r}", severity="warning")
            return
        target = vm.step(matches, self.selected, True)
        if target is None:
            target = matches[0]
            self.app.notify("Search wrapped to the first match.", timeout=2)
        self._goto(target)
        n = matches.index(target) + 1
        self.query_one("#status-line", Static).update(
            Text(f"match {n} of {len(matches)} for {term!r} (Enter: next, Esc: close)")
        )

    def _close_search(self) -> None:
        box = self.query_one("#search", Input)
        box.remove_class("-shown")
        self.query_one(ClauseNavigator).focus()

    def key_escape(self) -> None:
        if self.query_one("#search", Input).has_class("-shown"):
            self._close_search()

    def action_filter(self) -> None:
        if not self._need_comparison() or self.comparison is None:
            return
        labels = self.comparison.matrix.labels if self.comparison.matrix else {}
        choices = vm.filter_choices(self.rows, labels)

        def done(flt: vm.Filter | None) -> None:
            if flt is not None:
                self.flt = flt
                self._apply_filter(keep=self.selected)

        self.app.push_screen(FilterDialog(choices, self.flt, labels), done)

    def action_toggle_unchanged(self) -> None:
        if not self._need_comparison():
            return
        self.flt = replace(self.flt, show_unchanged=not self.flt.show_unchanged)
        self._apply_filter(keep=self.selected)
        state = "shown" if self.flt.show_unchanged else "hidden"
        self.app.notify(f"Unchanged clauses {state}.", timeout=2)

    def action_toggle_view(self) -> None:
        pair = self.query_one(PairView)
        pair.inline = not pair.inline

    def action_swap(self) -> None:
        if not self._need_comparison() or self.comparison is None:
            return
        pc = self.pairwise
        assert pc is not None
        ids = [d.id for d in self.comparison.documents]
        base, other = ids.index(pc.a), ids.index(pc.b)
        order = list(self.order)
        order[base], order[other] = order[other], order[base]
        self._show_position = other  # the old base now sits where the shown draft was
        self._start(self.docs, order)

    def action_pick_other(self, n: int) -> None:
        if not self._need_comparison() or self.comparison is None:
            return
        if n == 1:
            self.app.notify("Draft 1 is the base. Press s to swap sides.", timeout=3)
            return
        if n - 2 >= len(self.comparison.comparisons):
            self.app.notify(f"There is no draft {n}.", timeout=2)
            return
        self.other = n - 2
        self.selected = None
        self._load_pairwise()

    def action_matrix(self) -> None:
        if not self._need_comparison() or self.comparison is None:
            return
        header, rows = vm.matrix_table(self.comparison)
        self.app.push_screen(MatrixScreen(header, rows))

    def action_history(self) -> None:
        if not self._need_comparison() or self.comparison is None:
            return
        header, rows = vm.history_table(self.history_docs, self.history)
        self.app.push_screen(HistoryScreen(header, rows, self.history_note))

    def action_export(self) -> None:
        if not self._need_comparison() or self.comparison is None:
            return
        view = ReportOptions(
            only="changed" if self.flt.mode == "changed" else None,
            topics=(self.flt.value,) if self.flt.mode == "topic" and self.flt.value else (),
        )

        def done(path: str | None) -> None:
            if path:
                self.app.notify(f"Report written to {path}", title="Exported")

        folder = str(Path.cwd())
        dialog = ExportDialog(self.comparison, self.files, view, folder, pairwise=self.other)
        self.app.push_screen(dialog, done)

    def action_open(self) -> None:
        def done(files: list[str] | None) -> None:
            if files and len(files) >= 2:
                self.files = files
                self.flt = vm.Filter(show_unchanged=self.flt.show_unchanged)  # new topics
                self.search_term = ""
                self.query_one(PairView).search_term = ""
                self._start(None, None)
            elif self.comparison is None:
                self.query_one("#status-line", Static).update(
                    Text("No drafts open: press o to open two or more drafts, q to quit.")
                )

        self.app.push_screen(OpenFileDialog(self.files), done)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
