"""What a report shows: collapsing, filters, addresses, notes and minor runs."""

from __future__ import annotations

import pytest

from resdiff.errors import ResdiffError
from resdiff.model import ClausePair, Run, RunOp
from resdiff.present.segments import inline_segments, reflow, side_segments
from resdiff.render import ReportOptions
from resdiff.render.view import Gap, PairRow, SectionView, build_view
from tests.fixtures.comparisons import rich_comparison


def _section(options: ReportOptions) -> SectionView:
    return build_view(rich_comparison(), options).sections[0]


def _rows(section: SectionView) -> list[PairRow]:
    return [i for i in section.items if isinstance(i, PairRow)]


def _addresses(section: SectionView) -> list[str]:
    return [r.address for r in _rows(section)]


def test_addresses_name_both_sides_and_join_split_parts() -> None:
    section = _section(ReportOptions(show_all=True))
    addresses = _addresses(section)
    assert "A OP2 -> B OP2 + OP3" in addresses
    assert "A PP3 + PP4 -> B PP3" in addresses
    assert "A PP6 -> B (none)" in addresses
    assert "A (none) -> B PP5" in addresses
    assert "A OP3(b) -> B OP4(b)" in addresses


def test_all_shows_every_pair_including_children_and_no_gap() -> None:
    section = _section(ReportOptions(show_all=True))
    assert not any(isinstance(i, Gap) for i in section.items)
    assert section.shown == section.total == 19
    assert [r.depth for r in _rows(section) if r.address.startswith("A OP3(")] == [1, 1]


def test_context_zero_shows_only_changes_and_counts_the_rest() -> None:
    section = _section(ReportOptions(context=0))
    rows = _rows(section)
    # Only own changes, plus OP3 as the parent of the changed OP3(b).
    assert all(r.changed for r in rows if r.address != "A OP3 -> B OP4")
    assert "A OP3 -> B OP4" in _addresses(section)
    assert "A OP3(a) -> B OP4(a)" not in _addresses(section)
    gaps = [i for i in section.items if isinstance(i, Gap)]
    assert sum(g.count for g in gaps) + len(rows) == section.total
    assert all(g.changed == 0 for g in gaps)
    assert gaps[0].text == "… 2 unchanged clauses …"


def test_context_one_adds_one_unchanged_neighbour_each_side() -> None:
    section = _section(ReportOptions(context=1))
    addresses = _addresses(section)
    assert "A PP2 -> B PP2" in addresses  # just before the merge
    assert "A PP1 -> B PP1" not in addresses
    assert "A OP5 -> B OP5" in addresses  # just after the kind change
    assert "A OP6 -> B OP6" not in addresses
    assert isinstance(section.items[0], Gap) and section.items[0].count == 1


def test_only_changed_drops_context() -> None:
    section = _section(ReportOptions(only="changed", context=5))
    assert "A PP2 -> B PP2" not in _addresses(section)
    assert "A OP10 -> B OP10" in _addresses(section)  # moved counts as a change


def test_only_signals_keeps_pairs_named_by_changes() -> None:
    section = _section(ReportOptions(only="signals"))
    addresses = set(_addresses(section))
    assert {"A OP1 -> B OP1", "A OP4 -> B PP4", "A PP6 -> B (none)"} <= addresses
    assert "A OP2 -> B OP2 + OP3" not in addresses  # split, but no change in substance
    hidden = [i for i in section.items if isinstance(i, Gap)]
    assert any(g.changed for g in hidden)
    assert "not shown" in next(g.text for g in hidden if g.changed)


def test_topic_focus_keeps_mentions_changes_and_matrix_row() -> None:
    view = build_view(rich_comparison(), ReportOptions(topics=("shields",)))
    section = view.sections[0]
    assert _addresses(section) == ["A PP6 -> B (none)"]
    assert [ch.kind for k in section.keys for ch in k.group.changes] == ["clause-removed"]
    assert section.changes == 1
    assert view.matrix is not None and view.matrix.topics == ("shields",)


def test_unknown_topic_is_an_error_listing_valid_ids() -> None:
    with pytest.raises(ResdiffError) as err:
        build_view(rich_comparison(), ReportOptions(topics=("nope",)))
    assert "nope" in str(err.value)
    assert "ceasefire, hostages, shields" in str(err.value)


def test_notes_say_moved_kind_change_and_renumbering() -> None:
    rows = {r.address: r for r in _rows(_section(ReportOptions(show_all=True)))}
    assert rows["A OP4 -> B PP4"].notes == ("moved", "kind: operative -> preambular (demoted)")
    assert rows["A OP3 -> B OP4"].notes == ("renumbered",)
    assert rows["A OP3 -> B OP4"].changed is False
    assert rows["A OP10 -> B OP10"].notes == ("moved",)
    assert rows["A PP5 -> B PP6"].notes == ("moved",)


def test_whitespace_moves_out_of_changes_only_at_word_boundaries() -> None:
    def shown(*runs: tuple[RunOp, str]) -> list[tuple[str, str]]:
        pair = ClausePair(("A",), ("B",), "modified", False, 0.5, tuple(Run(o, t) for o, t in runs))
        return [(s.op, s.text) for s in inline_segments(pair)]

    assert shown(("=", "Expressing "), ("+", "grave "), ("=", "concern")) == [
        ("=", "Expressing "),
        ("+", "grave"),
        ("=", " concern"),
    ]
    # A reads "ab": moving the space out would split A's word in two; it stays inside.
    assert shown(("=", "a"), ("+", " x "), ("=", "b")) == [("=", "a"), ("+", " x "), ("=", "b")]
    # whitespace-only changes are kept whole (shown with visible symbols by renderers)
    assert shown(("=", "a"), ("+", "\n"), ("=", "b")) == [("=", "a"), ("+", "\n"), ("=", "b")]


def test_key_differences_link_every_clause_to_its_shown_pair() -> None:
    section = _section(ReportOptions())
    anchors = {a: r.address for r in _rows(section) for a in r.anchors}
    linkage = section.keys[0]
    assert linkage.target == "A-OP1" and anchors["A-OP1"] == "A OP1 -> B OP1"
    assert [r.anchor for r in (*linkage.a, *linkage.b)] == ["A-OP1", "B-OP1"]
    assert anchors["B-OP1"] == "A OP1 -> B OP1"


def test_anchors_are_stable_clause_ids_and_unique() -> None:
    view = build_view(rich_comparison(), ReportOptions(show_all=True))
    anchors = [a for s in view.sections for r in s.rows() for a in r.anchors]
    assert len(anchors) == len(set(anchors))
    rows = {r.address: r for r in view.sections[0].rows()}
    assert rows["A OP2 -> B OP2 + OP3"].anchors == ("A-OP2", "B-OP2", "B-OP3")
    assert rows["A (none) -> B PP5"].anchor == "B-PP5"
    # the base's clauses in the second comparison name it
    assert next(view.sections[1].rows()).anchor.endswith("-C")


def test_headline_is_the_first_five_key_differences_one_per_pair() -> None:
    section = _section(ReportOptions())
    assert len(section.headline) <= 5 and section.headline == section.keys[:5]
    keys = [(k.group.a, k.group.b) for k in section.keys]
    assert len(keys) == len(set(keys))
    rows = {r.address: r for r in _rows(section)}
    assert [k.number for k in rows["A OP1 -> B OP1"].keys] == [1]


def test_minor_runs_show_as_b_text_not_as_changes() -> None:
    pair = ClausePair(
        ("OP1",),
        ("OP1",),
        "modified",
        False,
        0.9,
        (
            Run("=", "Demands"),
            Run("-", "  ", minor=True),
            Run("+", " ", minor=True),
            Run("=", "a "),
            Run("-", "“truce”", minor=True),
            Run("+", '"truce"', minor=True),
            Run("-", " now"),
        ),
    )
    segs = inline_segments(pair)
    # (the space before a deletion at the end moves out of it, as wdiff shows it)
    assert [(s.op, s.text) for s in segs] == [("=", 'Demands a "truce" '), ("-", "now")]
    assert "".join(s.text for s in side_segments(pair, "a")) == pair.text_a()
    assert "".join(s.text for s in side_segments(pair, "b")) == pair.text_b()
    assert [s.op for s in side_segments(pair, "a")] == ["=", "-"]


def test_reflow_turns_wraps_into_spaces_and_keeps_clause_joins() -> None:
    texts_a = {"OP2": "Demands that all\n  parties comply, and stresses\nthe need"}
    texts_b = {"OP2": "Demands that all parties\ncomply;", "OP3": "Stresses the\nneed"}
    pair = ClausePair(
        ("OP2",),
        ("OP2", "OP3"),
        "split",
        False,
        0.8,
        (
            Run("=", "Demands that all"),
            Run("-", "\n  ", minor=True),
            Run("+", " ", minor=True),
            Run("=", "parties"),
            Run("-", " ", minor=True),
            Run("+", "\n", minor=True),
            Run("=", "comply"),
            Run("-", ", and stresses\nthe need"),
            Run("+", ";\nStresses the\nneed"),
        ),
    )
    assert pair.text_a() == texts_a["OP2"]
    assert pair.text_b() == "\n".join((texts_b["OP2"], texts_b["OP3"]))
    runs = reflow(pair, texts_a, texts_b)
    # the only line break left is where B's OP2 ends and OP3 begins
    assert "".join(r.text for r in runs if r.op != "-") == (
        "Demands that all parties comply;\nStresses the need"
    )
    assert "\n" not in "".join(r.text for r in runs if r.op != "+")
    assert [(s.op, s.text) for s in inline_segments(pair, runs)][-2:] == [
        ("-", ", and stresses the need"),
        ("+", ";\nStresses the need"),
    ]
    # the clauses of a split cannot be found: shown as written
    assert reflow(pair, texts_a, {}) == pair.diff


def test_a_warnings_row_only_when_a_draft_has_warnings() -> None:
    from dataclasses import replace

    from resdiff import load
    from resdiff.render.view import documents_facts
    from resdiff.seeds import DEMO_PAIR, seed_path

    a, b = (
        load(str(seed_path(name)), doc_id) for name, doc_id in zip(DEMO_PAIR, "AB", strict=True)
    )
    assert all("Warnings" not in dict(rows) for rows in documents_facts([a, b]))
    cut = replace(
        b, warnings=("no operative paragraph: the copy may stop before the operative part",)
    )
    facts = [dict(rows) for rows in documents_facts([a, cut])]
    assert facts[0]["Warnings"] == "-"
    assert facts[1]["Warnings"].startswith("no operative paragraph")
