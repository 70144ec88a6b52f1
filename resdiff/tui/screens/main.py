"""The main screen: owns the comparison and the reading state; everything else is a view.

State (the documents, which two are compared, the filter, the view mode, the selected
row) lives here. Widgets get attributes set from here and post messages back; the
comparison is computed in a worker thread so the terminal never freezes.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Input, Static

from resdiff.errors import ResdiffError
from resdiff.model import (
    ClauseHistory,
    Comparison,
    Document,
    PairwiseComparison,
)
from resdiff.tui import keys
from resdiff.tui import viewmodel as vm
from resdiff.tui.background import in_daemon_thread
from resdiff.tui.early import compare_drafts, load_drafts
from resdiff.tui.messages import (
    ChangeChosen,
    ComparisonReady,
    DocumentsLoaded,
    LoadFailed,
    PairSelected,
)
from resdiff.tui.request import Request
from resdiff.tui.screens import bindings
from resdiff.tui.widgets.footer import KeysFooter
from resdiff.tui.widgets.key_changes import KeyChangesPanel
from resdiff.tui.widgets.navigator import ClauseNavigator
from resdiff.tui.widgets.pair_view import PairView

# The dialogs and screens opened by a key, the pager and the report renderer are
# imported when first used: none of them is needed for the first paint.
if TYPE_CHECKING:
    from resdiff.render import ReportOptions
    from resdiff.tui.app import ResdiffApp
    from resdiff.tui.early import EarlyComparison

NARROW = 100  # below this many columns the panels stack
SHORT = 30  # below this many rows too
TALL = 40  # stacked, from this many rows the key differences show too
WIDE = 160  # from this many columns the clause list takes a smaller share


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.BINDINGS

    def __init__(self, request: Request) -> None:
        super().__init__()
        self.files = list(request.files)  # the open dialog replaces them
        self.options = request.options
        self.load = request.load
        self.series = request.series
        self.corpus = request.corpus
        self.docs: list[Document] = []
        self.order: list[int] = []
        self.comparison: Comparison | None = None
        self.computing = False  # a comparison is under way in the worker
        self.history: tuple[ClauseHistory, ...] = ()
        self.history_note = "Open three or more drafts of one text, in order, to see a history."
        self.other = 0
        self.rows: tuple[vm.Row, ...] = ()
        self.shown: tuple[vm.Row, ...] = ()
        self.keys: tuple[vm.KeyGroup, ...] = ()
        self.flt = vm.Filter()
        self.selected: int | None = None
        self.key_pos: int | None = None
        self.search_term = ""
        self.search_hit: tuple[int, int] | None = None  # (match, of how many) for the term
        self.history_docs: tuple[Document, ...] = ()
        self._key_position: dict[int, int] = {}  # change index -> key difference position
        self.listed_keys: tuple[int, ...] = ()  # the key differences the panel lists
        self._show_position = 1  # which draft (by position) to show after a compare
        self._initial = request.comparison
        self._early = request.early  # the comparison of ``files`` the CLI started

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
        yield Input(id="goto", placeholder="go to a clause: OP7, PP3, 7(a), A OP7 (Esc: close)")
        yield KeysFooter(bindings.FOOTER)

    @property
    def _app(self) -> ResdiffApp:
        return cast("ResdiffApp", self.app)

    def on_mount(self) -> None:
        prefs = self._app.preferences
        view = self.query_one(PairView)
        view.inline = prefs.view == "inline"
        # without colour (NO_COLOR) or with 16 colours, changes carry [-old-]{+new+}
        plain = self.app.no_color or self.app.console.color_system in (None, "standard")
        view.markers = prefs.marks == "markers" or (prefs.marks == "auto" and plain)
        self.set_class(prefs.zoom, "-zoom")
        self.query_one("#key-changes").border_title = "Key differences"
        self.query_one("#navigator").border_title = "Clauses"
        self.query_one("#drafts", Static).update(Text("resdiff"))
        if self._initial is not None:
            docs = list(self._initial.documents)
            self._show(docs, list(range(len(docs))), self._initial, history_ok=True)
        elif len(self.files) >= 2:
            self._start(None, None)
            if self._early is not None:  # idle until it arrives, once the window is up
                self.call_after_refresh(self._prepare)
        else:
            self.action_open()

    def on_resize(self, event: Resize) -> None:
        self._lay_out(event.size.width, event.size.height)

    def _lay_out(self, width: int, height: int) -> None:
        """Classes for the .tcss: ``-narrow`` stacks the panels (the key differences
        only when tall: ``-tall``), ``-wide`` gives the pair view more of the width."""
        narrow = width < NARROW or height < SHORT
        self.set_class(narrow, "-narrow")
        self.set_class(narrow and height >= TALL, "-tall")
        self.set_class(width >= WIDE, "-wide")
        if self.comparison is not None:
            self._update_header()

    # ------------------------------------------------------------ computing

    def _start(self, docs: list[Document] | None, order: list[int] | None) -> None:
        self.computing = True
        self.query_one("#body").loading = True
        self.query_one("#status-line", Static).update(Text("Comparing…"))
        self._compute(list(self.files), docs, order)

    @work(exclusive=True, group="compare")
    async def _compute(
        self, files: list[str], docs: list[Document] | None, order: list[int] | None
    ) -> None:
        """Load and compare ``files`` (or compare ``docs`` in ``order``) off the event
        loop, so the screen stays responsive and quitting never waits for a long
        comparison: the comparison the CLI started before the app (``tui.early``) is
        received, any other one computed in a daemon thread (``_compare_here``)."""
        early, self._early = self._early, None
        try:
            if early is not None and docs is None and tuple(files) == early.files:
                comparison = await self._receive(early)
                docs, order = list(comparison.documents), list(range(len(comparison.documents)))
            else:
                if early is not None:  # another comparison was asked for meanwhile
                    early.stop()
                docs, order, comparison = await self._compare_here(files, docs, order)
        except ResdiffError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        except Exception as exc:  # a bug in a stage: say so instead of crashing the app
            self.post_message(LoadFailed(f"internal error while comparing: {exc!r}"))
            return
        in_order = order == sorted(order)
        self.post_message(ComparisonReady(docs, order, comparison, history_ok=in_order))

    async def _compare_here(
        self, files: list[str], docs: list[Document] | None, order: list[int] | None
    ) -> tuple[list[Document], list[int], Comparison]:
        """In a daemon thread (``in_daemon_thread``); the pipeline is imported there too
        (a third of a second), not on the screen's event loop."""
        if docs is None:
            docs = await in_daemon_thread(partial(load_drafts, files, self.load))
            self.post_message(DocumentsLoaded(docs))
        order = order if order is not None else list(range(len(docs)))
        chosen = [docs[i] for i in order]
        asked = self.series if order == sorted(order) else False
        job = partial(compare_drafts, chosen, self.options, asked, self.corpus)
        return docs, order, await in_daemon_thread(job)

    @work(group="prepare")
    async def _prepare(self) -> None:
        """While the comparison is computed in another process, import what showing it
        needs (``vm.prepare``), which would otherwise delay its first paint."""
        await in_daemon_thread(vm.prepare, name="resdiff-prepare")

    async def _receive(self, early: EarlyComparison) -> Comparison:
        """The early comparison's result, the drafts line said as soon as they are read;
        its problem raised as ``ResdiffError``; the child stopped however this ends."""
        try:
            while True:
                message = await in_daemon_thread(early.receive, name="resdiff-receive")
                if message[0] == "loaded":
                    self.post_message(DocumentsLoaded(message[1]))
                elif message[0] == "done":
                    return message[1]
                else:
                    raise ResdiffError(message[1])
        finally:
            early.stop()

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
        from resdiff.tui.screens.dialogs import ErrorDialog

        self.computing = False
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
        self.computing = False
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
        self.keys = vm.key_groups(self.comparison, self.other, self.rows)
        self._key_position = vm.group_of_change(self.keys)
        self.key_pos = None
        self._update_header()
        doc_a, doc_b = self._doc(pc.a), self._doc(pc.b)
        self.query_one(PairView).labels = (
            f"{pc.a}: {vm.document_label(doc_a) if doc_a else pc.a}",
            f"{pc.b}: {vm.document_label(doc_b) if doc_b else pc.b}",
        )
        self._apply_filter(keep=None)
        first, self.key_pos = vm.opening(self.keys, self.shown)
        if first is not None:
            self._goto(first, follow=False)
        if self.key_pos is not None:
            # the key panel was just refilled and is laid out after this refresh
            self.call_after_refresh(self.query_one(KeyChangesPanel).show_position, self.key_pos)
        self.query_one(ClauseNavigator).focus()

    def _update_header(self) -> None:
        pc = self.pairwise
        assert self.comparison is not None and pc is not None
        docs = self.comparison.documents
        width, height = self.size.width - 2, self.size.height  # the header's padding
        compact = self.has_class("-narrow") or len(docs) > max(2, height // 10)
        styles = {"base": "bold", "shown": "bold", "other": "dim", "note": "dim", "warning": "bold"}
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, line in enumerate(vm.header_lines(docs, pc.a, pc.b, width, compact)):
            if n:
                text.append("\n")
            for chunk, role in line:
                text.append(chunk, style=styles[role])
        self.query_one("#drafts", Static).update(text)
        self._update_status()

    def _update_status(self) -> None:
        pc = self.pairwise
        if pc is None:
            return
        labels = self.comparison.matrix.labels if self.comparison and self.comparison.matrix else {}
        described = self.flt.describe(labels)
        if not self.flt.show_unchanged:
            described += ", unchanged hidden"
        search = None
        if self.search_term and self.search_hit is not None:
            search = (self.search_term, *self.search_hit)
        listing = (len(self.shown), len(self.rows), described)
        line = vm.status_line(pc, len(self.keys), listing, search, self.size.width - 2)
        self.query_one("#status-line", Static).update(Text(line, no_wrap=True))

    def _apply_filter(self, keep: int | None) -> None:
        self.shown = vm.apply_filter(self.rows, self.flt)
        self.listed_keys = vm.listed_keys(self.keys, self.shown, self.flt)
        self.query_one(KeyChangesPanel).show_keys(self.keys, self.listed_keys)
        if self.key_pos is not None and self.key_pos not in self.listed_keys:
            self.key_pos = None
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
        notes = vm.MAX_NOTES if self.size.height >= TALL else vm.MAX_NOTES - 1  # room for words
        self.query_one(PairView).display_data = vm.pair_display(
            row.pair, pc.a, pc.b, changes, row.runs, notes
        )
        if row.changes and follow:  # show this clause's first key difference in the panel
            position = min(self._key_position[i] for i in row.changes)
            self.query_one(KeyChangesPanel).show_position(position)

    def offers(self, action: str) -> bool:
        """Whether the command palette lists ``action`` now: "compare the base with draft
        N" only for a draft that exists and is not the one shown."""
        if not action.startswith("pick_other("):
            return True
        if self.comparison is None or self.pairwise is None:
            return False
        n = int(action[len("pick_other(") : -1])
        ids = [d.id for d in self.comparison.documents]
        return 2 <= n <= len(ids) and ids[n - 1] != self.pairwise.b

    # ------------------------------------------------------------ messages from widgets

    @on(PairSelected)
    def _on_pair_selected(self, message: PairSelected) -> None:
        """The reader moved the cursor. A jump the screen made (``]``, ``n``, ``g``...) was
        selected when made; acting on its message again, after later keys, would bring
        back a row already left (and its first key difference to the panel)."""
        if not message.jumped:
            self._select(message.row)

    @on(ChangeChosen)
    def _on_change_chosen(self, message: ChangeChosen) -> None:
        self._jump_key(message.position)

    # ------------------------------------------------------------ actions

    def _need_comparison(self) -> bool:
        if self.computing:
            self.app.notify("Still comparing the drafts…", timeout=2)
            return False
        if self.pairwise is None:
            self.app.notify("Nothing is compared yet: press o to open drafts.", timeout=3)
            return False
        return True

    def _step_difference(self, forward: bool) -> None:
        if not self._need_comparison():
            return
        listed = vm.differences(self.shown)
        target = vm.step(listed, self.selected, forward)
        if target is None:
            if listed:
                where = "last" if forward else "first"
                self.app.notify(f"No more differences: this is the {where}.", timeout=2)
            elif vm.differences(self.rows):
                self.app.notify("No differences among the clauses listed.", timeout=2)
            else:
                self.app.notify("No differences: these drafts say the same.", timeout=2)
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
        panel = self.query_one(KeyChangesPanel)
        panel.show_position(position)
        key = self.keys[position]
        if not panel.display:  # a small terminal: say which one it is (the panel would)
            said = f"Key difference {key.number} of {len(self.keys)}: {key.text}"
            self.app.notify(said, timeout=3)
        row = key.row_among(self.shown)
        if row is not None:  # the panel keeps this one, not the clause's first
            self._goto(row, follow=False)

    def _step_key(self, forward: bool) -> None:
        """``]``/``[``: the next key difference (the reports' order) among those listed."""
        if not self._need_comparison():
            return
        if not self.listed_keys:
            where = "in this comparison" if not self.keys else "in the clauses listed"
            self.app.notify(f"No key differences {where}.", timeout=2)
            return
        pos = vm.step(self.listed_keys, self.key_pos, forward)
        if pos is None:
            where = "last" if forward else "first"
            self.app.notify(f"This is the {where} key difference listed.", timeout=2)
            return
        self._jump_key(pos)

    def action_next_key(self) -> None:
        self._step_key(True)

    def action_previous_key(self) -> None:
        self._step_key(False)

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
        if not term:
            self._close_search()
            return
        self.search_term = term
        self.query_one(PairView).search_term = term
        matches = vm.search(self.rows, term)
        self.search_hit = (0, 0)
        if not matches:
            self._update_status()
            self.app.notify(f"Not found in either draft: {term!r}", severity="warning")
            return
        target = vm.step(matches, self.selected, True)
        if target is None:
            target = matches[0]
            self.app.notify("Search wrapped to the first match.", timeout=2)
        self.search_hit = (matches.index(target) + 1, len(matches))
        self._goto(target)
        self._update_status()

    def _close_search(self) -> None:
        """Esc (or Enter on an empty box): the box closes and the search ends."""
        box = self.query_one("#search", Input)
        box.remove_class("-shown")
        self.search_term = ""
        self.search_hit = None
        self.query_one(PairView).search_term = ""
        self._update_status()
        self.query_one(ClauseNavigator).focus()

    def key_escape(self) -> None:
        if self.query_one("#search", Input).has_class("-shown"):
            self._close_search()
        self._close_goto()

    def action_goto(self) -> None:
        if not self._need_comparison():
            return
        box = self.query_one("#goto", Input)
        box.add_class("-shown")
        box.value = ""
        box.focus()

    @on(Input.Submitted, "#goto")
    def _on_goto(self, event: Input.Submitted) -> None:
        event.stop()
        pc = self.pairwise
        address = event.value.strip()
        if pc is None or not address:
            self._close_goto()
            return
        row = vm.find_clause(self.rows, address, pc.a, pc.b)
        if row is None:
            self.app.notify(f"No clause {address} in {pc.b} or {pc.a}.", severity="warning")
            return
        self._close_goto()
        self._goto(row)

    def _close_goto(self) -> None:
        box = self.query_one("#goto", Input)
        if box.has_class("-shown"):
            box.remove_class("-shown")
            self.query_one(ClauseNavigator).focus()

    def action_filter(self) -> None:
        from resdiff.tui.screens.dialogs import FilterDialog

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
        self._app.remember(view="inline" if pair.inline else "columns")

    def action_toggle_markers(self) -> None:
        view = self.query_one(PairView)
        view.markers = not view.markers
        self._app.remember(marks="markers" if view.markers else "colour")
        how = "as [-old-]{+new+}" if view.markers else "by colour and strike-through"
        self.app.notify(f"Changes shown {how}.", timeout=2)

    def _step_change(self, forward: bool) -> None:
        if not self._need_comparison():
            return
        view = self.query_one(PairView)
        if not view.next_change(forward):
            _, total = view.change_position
            where = "last" if forward else "first"
            said = f"This is the {where} change in this clause." if total else "No changes here."
            self.app.notify(said, timeout=2)

    def action_next_change(self) -> None:
        self._step_change(True)

    def action_previous_change(self) -> None:
        self._step_change(False)

    def _selected_row(self) -> vm.Row | None:
        if not self._need_comparison() or self.selected is None:
            return None
        return self.rows[self.selected]

    def _labels(self) -> tuple[str, str]:
        """The two drafts compared, by id and label: ("A S/2024/9001", "B S/2024/9002")."""
        pc = self.pairwise
        assert pc is not None
        docs = (self._doc(pc.a), self._doc(pc.b))
        ids = (pc.a, pc.b)
        return tuple(  # type: ignore[return-value]
            f"{i} {vm.document_label(d)}" if d else i for i, d in zip(ids, docs, strict=True)
        )

    def action_copy(self) -> None:
        from resdiff.tui.screens.dialogs import ChoiceDialog

        row = self._selected_row()
        if row is None:
            return
        label_a, label_b = self._labels()
        choices = []
        if row.pair.b:
            choices.append(("b", f"{label_b}'s text ({'+'.join(row.pair.b)})"))
        if row.pair.a:
            choices.append(("a", f"{label_a}'s text ({'+'.join(row.pair.a)})"))
        choices.append(("d", "the pair as a text diff ([-old-]{+new+})"))

        def done(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "d":
                text, what = vm.pair_as_diff(row, label_a, label_b), "the pair as a diff"
            elif choice == "a":
                text, what = vm.side_text(row, "a"), f"{label_a}'s text"
            else:
                text, what = vm.side_text(row, "b"), f"{label_b}'s text"
            self.app.copy_to_clipboard(text)
            self.app.notify(f"Copied {what} ({len(text)} characters) to the clipboard.", timeout=3)

        self.app.push_screen(ChoiceDialog(f"Copy {row.address}", choices), done)

    def _report_view(self) -> ReportOptions:
        """The report options the navigator's filter stands for (export, pager)."""
        from resdiff.render import ReportOptions

        return ReportOptions(
            only="changed" if self.flt.mode == "changed" else None,
            topics=(self.flt.value,) if self.flt.mode == "topic" and self.flt.value else (),
        )

    def action_pager(self) -> None:
        from resdiff.render import render_report
        from resdiff.tui.pager import page
        from resdiff.tui.screens.dialogs import ChoiceDialog

        row = self._selected_row()
        if row is None or self.comparison is None:
            return
        choices = [
            ("p", f"this pair ({row.address}) as a text diff"),
            ("r", "the whole report (text, as resdiff report writes it)"),
        ]
        comparison = self.comparison

        def done(choice: str | None) -> None:
            if choice is None:
                return
            width = self.app.size.width
            if choice == "p":
                text = vm.pair_as_diff(row, *self._labels(), width=width) + "\n"
            else:
                view = replace(self._report_view(), width=width)
                text = str(render_report(comparison, "txt", view))
            try:
                page(self.app, text)
            except ResdiffError as exc:
                self.app.notify(str(exc), title="Pager", severity="error")

        self.app.push_screen(ChoiceDialog("Open in the pager", choices), done)

    def action_amendments(self) -> None:
        if self._need_comparison():
            self._write_amendments()

    @work(exclusive=True, group="amendments")
    async def _write_amendments(self) -> None:
        from resdiff.tui.screens.amendments import AmendmentsScreen

        comparison, pc = self.comparison, self.pairwise
        assert comparison is not None and pc is not None
        text = await in_daemon_thread(partial(vm.amendment_text, comparison, pc))
        label_a, label_b = self._labels()
        title = f"Amendments turning {label_a} into {label_b} (numbered as in {pc.a})"
        self.app.push_screen(AmendmentsScreen(title, text))

    def action_agreed(self) -> None:
        from resdiff.tui.screens.amendments import AgreedScreen

        row = self._selected_row()
        pc = self.pairwise
        if row is None or pc is None:
            return
        text = vm.agreed_text(pc, row, max(40, self.app.size.width - 4))
        if text is None:
            self.app.notify(
                "No corpus was searched: start resdiff with --corpus (or --db FILE) "
                "to see where each clause's language comes from.",
                title="Agreed language",
                timeout=5,
            )
            return
        _, label_b = self._labels()
        self.app.push_screen(AgreedScreen(f"Agreed language in {label_b}: {row.address}", text))

    def action_zoom(self) -> None:
        self.toggle_class("-zoom")
        self._app.remember(zoom=self.has_class("-zoom"))
        if self.has_class("-zoom"):
            self.query_one(PairView).focus()
        else:
            self.query_one(ClauseNavigator).focus()

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
        from resdiff.tui.screens.tables import MatrixScreen

        if not self._need_comparison() or self.comparison is None:
            return
        header, rows = vm.matrix_table(self.comparison)
        self.app.push_screen(MatrixScreen(header, rows))

    def action_history(self) -> None:
        from resdiff.tui.screens.tables import HistoryScreen

        if not self._need_comparison() or self.comparison is None:
            return
        header, rows = vm.history_table(self.history_docs, self.history)
        base = self._doc(self.pairwise.a) if self.pairwise else None
        caption = vm.history_caption(self.history_docs, base.label if base else None)
        screen = HistoryScreen(header, rows, self.history_note, caption, vm.history_legend())
        self.app.push_screen(screen)

    def action_export(self) -> None:
        from resdiff.tui.screens.export import ExportDialog

        if not self._need_comparison() or self.comparison is None:
            return
        view = self._report_view()

        def done(path: str | None) -> None:
            if path:
                self.app.notify(f"Report written to {path}", title="Exported")

        folder = str(Path.cwd())
        dialog = ExportDialog(self.comparison, self.files, view, folder, pairwise=self.other)
        self.app.push_screen(dialog, done)

    def action_open(self) -> None:
        from resdiff.tui.screens.open_file import OpenFileDialog

        def done(files: list[str] | None) -> None:
            if files and len(files) >= 2:
                self.files = files
                self.flt = vm.Filter(show_unchanged=self.flt.show_unchanged)  # new topics
                self.search_term, self.search_hit = "", None
                self.query_one(PairView).search_term = ""
                self._start(None, None)
            elif self.comparison is None:
                self.query_one("#status-line", Static).update(
                    Text("No drafts open: press o to open two or more drafts, q to quit.")
                )

        self.app.push_screen(OpenFileDialog(self.files), done)

    def action_help(self) -> None:
        from resdiff.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(keys.table(ClauseNavigator.BINDINGS, self.BINDINGS)))
