"""The view model decides what the app shows; it is plain Python, tested without a terminal."""

from __future__ import annotations

from resdiff.model import ClausePair, Run
from resdiff.tui import viewmodel as vm
from tests.tui.rich_comparison import rich_comparison


def _rows() -> tuple[vm.Row, ...]:
    c = rich_comparison()
    return vm.build_rows(c, c.comparisons[0])


def test_rows_flatten_children_after_their_parent() -> None:
    rows = _rows()
    addresses = [r.address for r in rows]
    assert addresses[:7] == [
        "PP1",
        "PP2",
        "PP3→OP8",
        "OP1",
        "OP2",
        "OP2→OP3+OP4",
        "OP2(a)→OP3(a)",
    ]
    assert rows[6].depth == 1 and rows[5].depth == 0


def test_markers_do_not_rely_on_colour() -> None:
    rows = {r.address: r for r in _rows()}
    assert rows["PP2"].marker == "~ modified"
    assert rows["OP2"].marker == "+ added"
    assert rows["OP2→OP3+OP4"].marker == "< split"
    assert rows["OP3+OP4→OP5"].marker == "> merged"
    assert rows["PP3→OP8"].marker == "↷ moved ⇅ kind"
    assert rows["PP1"].marker == ""
    assert vm.status_symbol(rows["OP5→PP3"].pair) == "↷⇅"
    removed = ClausePair(("OP1",), (), "removed", False, 0.0, (Run("-", "x"),))
    assert vm.status_marker(removed) == "- removed"


def test_badges_show_kind_and_direction() -> None:
    rows = {r.address: r for r in _rows()}
    assert rows["OP1"].badges == "link verb▲"
    assert rows["OP5→PP3"].badges == "kind▼"
    assert rows["OP9"].badges == ""  # clause-added is already said by the marker


def test_differences_are_changed_rows_in_document_order() -> None:
    rows = _rows()
    diffs = [rows[i].address for i in vm.differences(rows)]
    assert "PP1" not in diffs and "OP6" not in diffs
    assert diffs[0] == "PP2" and diffs[-1] == "OP9"


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
    assert [r.address for r in added] == ["OP2", "OP9"]
    moved = vm.apply_filter(rows, vm.Filter("status", "moved"))
    assert {r.address for r in moved} == {"PP3→OP8", "OP5→PP3"}
    hostages = vm.apply_filter(rows, vm.Filter("topic", "hostages"))
    assert {r.address for r in hostages} == {"OP1", "OP2"}
    no_unchanged = vm.apply_filter(rows, vm.Filter(show_unchanged=False))
    assert all(r.changed for r in no_unchanged) and len(no_unchanged) < len(rows)
    choices = vm.filter_choices(rows, {"ceasefire": "Ceasefire"})
    assert vm.Filter("status", "split") in choices and vm.Filter("topic", "aid") in choices


def test_search_finds_text_in_either_draft() -> None:
    rows = _rows()
    assert [rows[i].address for i in vm.search(rows, "DEEP concern")] == ["PP2"]
    assert [rows[i].address for i in vm.search(rows, "catastrophic")] == ["PP2"]
    assert vm.search(rows, "   ") == ()


def test_key_changes_ranked_and_mapped_to_rows() -> None:
    c = rich_comparison()
    rows = vm.build_rows(c, c.comparisons[0])
    keys = vm.key_changes(c.comparisons[0], rows)
    assert [k.change.kind for k in keys[:3]] == ["linkage", "verb-strength", "kind-change"]
    assert keys[0].row is not None and rows[keys[0].row].address == "OP1"
    assert (
        keys[1].label == "2. ▲ OP1 moves from 'determines the imperative' to 'demands' (stronger)."
    )


def test_pair_display_columns_reconstruct_each_side() -> None:
    for row in _rows():
        if row.address == "OP7":  # carries escape sequences, checked below
            continue
        d = vm.pair_display(row.pair, "A", "B")
        assert "".join(t for _, t in d.left) == row.pair.text_a()
        assert "".join(t for _, t in d.right) == row.pair.text_b()
        assert all(op in "=-" for op, _ in d.left)
        assert all(op in "=+" for op, _ in d.right)
        assert "".join(t for op, t in d.inline if op != "-") == row.pair.text_b()


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
    rows = {r.address: r for r in _rows()}
    d = vm.pair_display(rows["OP7"].pair, "A", "B")
    shown = "".join(t for _, t in d.left) + rows["OP7"].preview
    assert "\x1b" not in shown and "\x07" not in shown
    assert "for calm" in shown


def test_header_history_and_matrix_tables() -> None:
    c = rich_comparison()
    assert (
        vm.describe_document(c.documents[0])
        == "S/2099/1 · United States of America · 22 March 2099"
    )
    header, table = vm.history_table(c.documents, c.history)
    assert header == ["clause in S/2099/3", "S/2099/1", "S/2099/2", "S/2099/3"]
    assert table[1] == ["OP1", "= OP1", "~ OP1", "= OP1"]
    header, table = vm.matrix_table(c)
    assert header[1:] == ["S/2099/1", "S/2099/2", "S/2099/3"]
    assert table[1][1] == "—"  # hostages not mentioned in A
    assert table[0][2] == "demands\nimmediate, lasting, sustainable\nOP1"


def test_long_renumbered_addresses_keep_the_new_number() -> None:
    pair = ClausePair(("OP4(b)(ii)",), ("OP6(b)(ii)",), "unchanged", False, 1.0, ())
    row = vm.Row(0, pair, 2, vm.address(pair), "", "", "", frozenset())
    assert vm.fit_address(row, 40) == "    OP4(b)(ii)→OP6(b)(ii)"
    assert vm.fit_address(row, 20) == "    (ii)→(ii)"
    assert vm.fit_address(row, 12) == "    →OP6(b)("


def test_many_changes_in_one_pair_are_capped_in_the_notes() -> None:
    c = rich_comparison()
    pc = c.comparisons[0]
    pair = pc.pairs[3]  # OP1
    many = [pc.changes[1]] * 5
    notes = vm.pair_display(pair, "A", "B", many).notes
    assert len(notes) == vm.MAX_NOTES + 1
    assert notes[-1] == "… and 2 more key differences here"


def test_bidirectional_overrides_are_shown_not_obeyed() -> None:
    pair = ClausePair(("OP1",), ("OP1",), "unchanged", False, 1.0, (Run("=", "Demands \u202eall"),))
    d = vm.pair_display(pair, "A", "B")
    assert "\u202e" not in d.left[0][1] and "⟦U+202E⟧" in d.left[0][1]
    assert "⟦U+202E⟧" in vm.preview(pair)


def test_counts_line_leaves_out_zeros() -> None:
    c = rich_comparison()
    line = vm.counts_line(c.comparisons[0])
    assert line == "~2 modified  +2 added  <1 split  >1 merged  ↷2 moved  5 key differences"
