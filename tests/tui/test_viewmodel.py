"""The view model decides what the app shows; it is plain Python, tested without a terminal.

The comparison is the real engine's, of three drafts written for the tests
(``tests/fixtures/drafts/series-*.txt``): what the app shows is what the engine found.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.model import ClausePair, Run
from resdiff.present.segments import inline_segments
from resdiff.tui import viewmodel as vm
from tests.builders import escaped_comparison, series_comparison


def _rows() -> tuple[vm.Row, ...]:
    c = series_comparison()
    return vm.build_rows(c, c.comparisons[0])


def _by_address() -> dict[str, vm.Row]:
    return {r.address: r for r in _rows()}


def test_rows_flatten_children_after_their_parent() -> None:
    rows = _rows()
    assert [r.address for r in rows] == [
        "header",  # the drafts' headers differ: their pair comes first, as in the reports
        "PP1",
        "PP2",
        "OP6→PP3",
        "OP1",
        "OP2",
        "OP2→OP3+OP4",
        "OP3→OP5",
        "OP3(a)→OP5(a)",
        "OP3(b)→OP5(b)",
        "OP4+OP5→OP6",
        "OP7",
        "PP3→OP8",
        "OP8→OP9",
    ]
    assert [r.depth for r in rows[7:10]] == [0, 1, 1]


def test_markers_do_not_rely_on_colour() -> None:
    rows = _by_address()
    assert rows["PP2"].marker == "~ modified"
    assert rows["OP2"].marker == "+ added"
    assert rows["OP2→OP3+OP4"].marker == "< split"
    assert rows["OP4+OP5→OP6"].marker == "> merged"
    assert rows["OP6→PP3"].marker == "~ modified ↷ moved ⇅ kind"
    assert rows["PP1"].marker == "" and rows["OP3(a)→OP5(a)"].marker == ""
    assert vm.status_symbol(rows["PP3→OP8"].pair) == "~↷⇅"
    removed = ClausePair(("OP1",), (), "removed", False, 0.0, (Run("-", "x"),))
    assert vm.status_marker(removed) == "- removed"


def test_badges_show_kind_and_direction() -> None:
    rows = _by_address()
    assert rows["OP1"].badges == "link verb▲ qual"
    assert rows["OP6→PP3"].badges == "verb▼ kind▼"
    assert rows["PP3→OP8"].badges == "verb▲ kind▲"
    assert rows["OP2"].badges == ""  # clause-added is already said by the marker


def test_differences_are_changed_rows_in_document_order() -> None:
    rows = _rows()
    diffs = [rows[i].address for i in vm.differences(rows)]
    assert diffs == [
        "header",
        "PP2",
        "OP6→PP3",
        "OP1",
        "OP2",
        "OP2→OP3+OP4",
        "OP3→OP5",  # changed through its sub-paragraph
        "OP3(b)→OP5(b)",
        "OP4+OP5→OP6",
        "PP3→OP8",
    ]


def test_step_moves_without_wrapping() -> None:
    assert vm.step((2, 5, 9), None, True) == 2
    assert vm.step((2, 5, 9), None, False) == 9
    assert vm.step((2, 5, 9), 5, True) == 9
    assert vm.step((2, 5, 9), 9, True) is None
    assert vm.step((2, 5, 9), 3, False) == 2
    assert vm.step((), 3, True) is None


def test_filters() -> None:
    rows = _rows()
    added = vm.apply_filter(rows, vm.Filter("status", "added"))
    assert [r.address for r in added] == ["OP2"]
    moved = vm.apply_filter(rows, vm.Filter("status", "moved"))
    assert {r.address for r in moved} == {"OP6→PP3", "PP3→OP8"}
    kind = vm.apply_filter(rows, vm.Filter("status", "kind"))
    assert {r.address for r in kind} == {"OP6→PP3", "PP3→OP8"}
    hostages = vm.apply_filter(rows, vm.Filter("topic", "hostages"))
    assert {r.address for r in hostages} == {"OP1", "OP2"}
    no_unchanged = vm.apply_filter(rows, vm.Filter(show_unchanged=False))
    assert all(r.changed for r in no_unchanged) and len(no_unchanged) < len(rows)
    choices = vm.filter_choices(rows, {"ceasefire": "Ceasefire"})
    assert vm.Filter("status", "split") in choices and vm.Filter("topic", "ceasefire") in choices


def test_search_finds_text_in_either_draft() -> None:
    rows = _rows()
    assert [rows[i].address for i in vm.search(rows, "DEEP concern")] == ["PP2"]
    assert [rows[i].address for i in vm.search(rows, "catastrophic")] == ["PP2"]
    assert [rows[i].address for i in vm.search(rows, "focal point")] == ["OP2→OP3+OP4"]
    assert vm.search(rows, "   ") == ()


def test_search_ignores_whitespace_and_finds_addresses() -> None:
    rows = _rows()
    assert [rows[i].address for i in vm.search(rows, "focal\n  point")] == ["OP2→OP3+OP4"]
    # an address names the clause in either draft: OP3 is A's OP3 and B's OP3 (a split half)
    assert [rows[i].address for i in vm.search(rows, "op3")] == ["OP2→OP3+OP4", "OP3→OP5"]
    pattern = vm.search_pattern("durable  ceasefire")
    assert pattern is not None and pattern.search("a Durable\nceasefire")
    assert vm.search_pattern(" ") is None


def test_find_clause_by_address() -> None:
    rows = _rows()

    def found(query: str) -> str | None:
        row = vm.find_clause(rows, query)
        return None if row is None else rows[row].address

    assert found("OP3") == "OP2→OP3+OP4"  # B's OP3 first: the shown draft
    assert found("A OP3") == found("a:op3") == "OP3→OP5"
    assert found("5(a)") == found("op 5 (a)") == "OP3(a)→OP5(a)"
    assert found("PP3") == "OP6→PP3"
    assert found("B OP6") == "OP4+OP5→OP6"
    assert found("OP99") is None and found("") is None and found("C OP1") is None


def test_key_differences_are_the_reports_groups_mapped_to_rows() -> None:
    """One entry per clause pair, in the reports' order and words (their text report's
    list says "N. <mark> <word> <address>: <title>" and a line per facet)."""
    from resdiff.render.view import key_section

    c = series_comparison()
    rows = vm.build_rows(c, c.comparisons[0])
    keys = vm.key_groups(c, 0, rows)
    reported = key_section(c, 0).keys
    assert [k.item for k in keys] == list(reported)
    assert len(keys) < len(c.comparisons[0].changes)  # grouped: 6 entries for 15 changes
    first = keys[0]
    assert first.row is not None and rows[first.row].address == "OP1"
    assert first.label.startswith(
        "1. ⇄ linkage A OP1 -> B OP1: the ceasefire is no longer conditional on"
    )
    assert first.facets[0] == "verb strengthened from 'Determines the imperative of' to 'Demands'"
    demotion = next(k for k in keys if k.item.kind.id == "demoted")
    assert demotion.row is not None and rows[demotion.row].address == "OP6→PP3"
    assert demotion.text == (
        "⤓ demoted A OP6 -> B PP3: demoted from the operative part to the preamble"
    )
    assert demotion.facets == ("verb weakened from 'Condemns' to 'Condemning'",)
    # every change belongs to exactly one entry
    owner = vm.group_of_change(keys)
    assert sorted(owner) == list(range(len(c.comparisons[0].changes)))


def test_listed_key_differences_follow_the_filter() -> None:
    c = series_comparison()
    rows = vm.build_rows(c, c.comparisons[0])
    keys = vm.key_groups(c, 0, rows)
    assert vm.listed_keys(keys, rows, vm.Filter()) == tuple(range(len(keys)))
    only = vm.Filter("status", "added")
    listed = vm.listed_keys(keys, vm.apply_filter(rows, only), only)
    assert [keys[p].item.kind.id for p in listed] == ["added"]


def test_pair_display_columns_reconstruct_each_side() -> None:
    for row in _rows():
        d = vm.pair_display(row.pair, "A", "B", runs=row.runs)
        # the header's columns and line ends are shown as single spaces, as in the reports
        same = _squeezed if row.address == "header" else str
        assert same("".join(t for _, t in d.left)) == same(row.pair.text_a())
        assert same("".join(t for _, t in d.right)) == same(row.pair.text_b())
        assert all(op in "=-" for op, _ in d.left)
        assert all(op in "=+" for op, _ in d.right)
        assert same("".join(t for op, t in d.inline if op != "-")) == same(row.pair.text_b())


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def test_the_app_marks_the_words_the_reports_mark() -> None:
    """The inline view is the shared segments (present.segments), word for word."""
    row = _by_address()["OP1"]
    d = vm.pair_display(row.pair, "A", "B", runs=row.runs)
    assert [(op, t) for op, t in d.inline if op != "="] == [
        (s.op, s.text) for s in inline_segments(row.pair, row.runs) if s.op != "="
    ]
    marked = [
        (s.op, w)
        for s in inline_segments(row.pair, row.runs)
        if s.op != "="
        for w in s.text.split()
    ]
    assert ("-", "Determines") in marked and ("+", "Demands") in marked


def test_minor_differences_are_not_marked() -> None:
    pair = ClausePair(
        ("OP1",),
        ("OP1",),
        "unchanged",
        False,
        1.0,
        (Run("=", "Demands "), Run("-", "‘all’", minor=True), Run("+", "'all'", minor=True)),
    )
    d = vm.pair_display(pair, "A", "B")
    assert d.left == (("=", "Demands ‘all’"),)
    assert d.right == (("=", "Demands 'all'"),)
    assert d.inline == (("=", "Demands 'all'"),)


def test_control_sequences_never_reach_the_view() -> None:
    c = escaped_comparison()
    (row,) = [r for r in vm.build_rows(c, c.comparisons[0]) if r.pair.status == "modified"]
    assert "\x1b" in row.pair.text_a()  # the model keeps the text as written
    d = vm.pair_display(row.pair, "A", "B", runs=row.runs)
    shown = "".join(t for _, t in d.left + d.right + d.inline) + row.preview + d.title
    assert "\x1b" not in shown and "\x07" not in shown
    assert "for calm" in shown and ("+", "urgent") in [(op, t.strip()) for op, t in d.inline]


def test_header_history_and_matrix_tables() -> None:
    c = series_comparison()
    assert vm.describe_document(c.documents[0]) == "S/2099/1 · Freedonia · 2099-03-22"
    header, table = vm.history_table(c.documents, c.history)
    assert header == ["clause in S/2099/3", "S/2099/1", "S/2099/2"]
    rounds = {line[0]: line[1:] for line in table}
    assert rounds["OP3"] == ["< OP2", "~ OP3"]  # split from OP2, then 30 -> 15 days
    assert rounds["PP3"] == ["~ OP6", "= PP3"]  # the demoted condemnation
    assert rounds["OP9"] == ["", "+ —"]  # new in S/2099/3
    header, table = vm.matrix_table(c)
    assert header[1:] == ["S/2099/1", "S/2099/2", "S/2099/3"]
    cells = {label: vm.aligned_cells(row, 60) for label, row in table}
    assert cells["Ceasefire"][0].splitlines()[0] == "Determines the imperative of"
    assert "⚭ conditional: Hostages" in cells["Ceasefire"][0]
    # S/2099/2 has no link: its clauses wait on the line where S/2099/1's are
    assert cells["Ceasefire"][1] == "Demands\nimmediate, sustained, lasting, sustainable\n\nOP1"


def test_matrix_cells_line_up_across_drafts() -> None:
    _, table = vm.matrix_table(series_comparison())
    for label, row in table:
        for width in (16, 30):
            columns = [cell.split("\n") for cell in vm.aligned_cells(row, width)]
            assert all(len(line) <= width for lines in columns for line in lines), label
            # every draft's clauses (the last slot) start on the same line
            starts = {
                next(n for n, line in enumerate(lines) if re.match(r"(OP|PP)\d", line))
                for lines in columns
                if lines != ["—"]
            }
            assert len(starts) == 1, (label, columns)


def test_long_renumbered_addresses_keep_the_new_number() -> None:
    pair = ClausePair(("OP4(b)(ii)",), ("OP6(b)(ii)",), "unchanged", False, 1.0, ())
    row = vm.Row(0, pair, 2, vm.address(pair), "", "", "", frozenset())
    assert vm.fit_address(row, 40) == "    (ii)"  # the parent row names the rest
    other = ClausePair(("OP4(b)",), ("OP6(c)",), "unchanged", False, 1.0, ())
    relabelled = vm.Row(0, other, 1, vm.address(other), "", "", "", frozenset())
    assert vm.fit_address(relabelled, 40) == "  (b)→(c)"
    assert vm.fit_address(row, 6) == "  (ii)"
    moved = ClausePair(("PP4", "PP5"), ("PP4",), "merged", False, 1.0, ())
    merged = vm.Row(0, moved, 0, vm.address(moved), "", "", "", frozenset())
    assert vm.fit_address(merged, 8) == "→PP4"


def test_many_changes_in_one_pair_are_capped_in_the_notes() -> None:
    c = series_comparison()
    pc = c.comparisons[0]
    row = _by_address()["OP1"]
    many = [pc.changes[i] for i in row.changes] * 2
    notes = vm.pair_display(row.pair, "A", "B", many).notes
    assert len(notes) == vm.MAX_NOTES + 1
    assert notes[-1] == f"… and {len(many) - vm.MAX_NOTES} more changes here"


def test_kind_change_notes_say_demoted() -> None:
    row = _by_address()["OP6→PP3"]
    notes = vm.pair_display(row.pair, "A", "B", runs=row.runs).notes
    assert "⇅ kind changed: operative → preambular (demoted)" in notes
    assert "↷ moved: OP6 in A is now PP3 in B" in notes


def test_bidirectional_overrides_are_shown_not_obeyed() -> None:
    pair = ClausePair(("OP1",), ("OP1",), "unchanged", False, 1.0, (Run("=", "Demands \u202eall"),))
    d = vm.pair_display(pair, "A", "B")
    assert "\u202e" not in d.left[0][1] and "⟦U+202E⟧" in d.left[0][1]
    assert "⟦U+202E⟧" in vm.preview(pair)


def test_counts_line_leaves_out_zeros() -> None:
    pc = series_comparison().comparisons[0]
    # the series' drafts differ in their headers too (sponsors, symbol, date: 5 changes)
    assert vm.counts_line(pc, 6) == (
        "the header (sponsors, symbol, date); "
        "paragraphs: 5 modified, 1 added, 1 split, 1 merged, 2 moved; "
        "sub-paragraphs: 1 modified · 6 key differences"
    )
    assert vm.counts_line(pc, 6, short=True) == "~header | ~5 +1 <1 >1 ↷2 | sub ~1 · 6 key"


def test_warnings_line_joins_the_warnings_and_strips_control_sequences() -> None:
    from dataclasses import replace

    doc = escaped_comparison().documents[0]
    warned = replace(
        doc, warnings=("OP1 opens with no known operative phrase ('\x1b[31mX ...')", "b")
    )
    line = vm.warnings_line(warned)
    assert "\x1b" not in line
    assert line.startswith("OP1 opens with no known operative phrase") and line.endswith("; b")
    # the drafts line carries them: in full after the draft, as '!' when compact
    full = vm.header_lines([warned], warned.id, "", 200, compact=False)
    assert ("  ! " + line, "warning") in full[0]
    (compact,) = vm.header_lines([warned], warned.id, "", 80, compact=True)
    assert compact[0][0].endswith(" base !")


def test_badges_keep_whole_words_and_say_when_more_follow() -> None:
    assert vm.fit_badges("sponsor", 7) == "sponsor"
    assert vm.fit_badges("link verb▲ qual actor", 7) == "link …"
    assert vm.fit_badges("link verb▲ qual actor", 12) == "link verb▲ …"
    assert vm.fit_badges("verb▼ kind", 6) == "verb▼…"
    assert vm.fit_badges("sponsor", 4) == "spo…"  # a narrow column cuts the first
    for width in range(1, 25):
        assert len(vm.fit_badges("link verb▲ qual actor", width)) <= width


def test_the_badge_column_shows_a_first_badge_in_full_at_ordinary_widths() -> None:
    """The header's ``sponsor`` read ``spons…`` in a clause list 46 wide (a 110-column
    terminal): the column now fits each row's first badge, up to a fifth of the width."""
    c = series_comparison()
    rows = vm.build_rows(c, c.comparisons[0])
    header = next(r for r in rows if r.address == "header")
    assert header.badges.startswith("sponsor")
    for width in (46, 60, 78):
        _, _, badges = vm.columns(rows, width)
        assert vm.fit_badges(header.badges, badges).startswith("sponsor")
    _, _, narrow = vm.columns(rows, 24)
    assert narrow <= 24 // 5


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_panel_takes_the_groups_in_whatever_order_the_changes_come(data: st.DataObject) -> None:
    """Whatever order the ranking gives the changes, the app lists the reports' groups in
    theirs, every change in exactly one entry, each entry on a row holding one of its
    changes, and a filter lists exactly the entries with a change in the rows it keeps."""
    from dataclasses import replace

    from resdiff.render.view import key_section

    c = series_comparison()
    pc = c.comparisons[0]
    changes = data.draw(st.permutations(pc.changes))
    c = replace(c, comparisons=(replace(pc, changes=tuple(changes)), *c.comparisons[1:]))
    rows = vm.build_rows(c, c.comparisons[0])
    keys = vm.key_groups(c, 0, rows)
    assert [k.item for k in keys] == list(key_section(c, 0).keys)
    assert sorted(i for k in keys for i in k.changes) == list(range(len(changes)))
    for k in keys:
        assert k.row is not None and set(rows[k.row].changes) & set(k.changes)
    flt = data.draw(st.sampled_from(vm.filter_choices(rows, {})))
    shown = vm.apply_filter(rows, flt)
    in_rows = {i for r in shown for i in r.changes}
    listed = set(vm.listed_keys(keys, shown, flt))
    assert {p for p, k in enumerate(keys) if set(k.changes) & in_rows} <= listed
    if flt.mode != "topic":
        assert {p for p, k in enumerate(keys) if set(k.changes) & in_rows} == listed
