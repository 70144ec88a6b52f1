"""The real-text scorer's matching logic, on tiny annotations and reports written here.

No resdiff run and no real text: the reports are dictionaries shaped like the JSON
contract, so each test pins one rule of bench/real_accuracy.py.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import real_accuracy as ra


def change(kind: str, a: list[str], b: list[str], **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "kind": kind,
        "a": a,
        "b": b,
        "topic": None,
        "related": None,
        "from": None,
        "to": None,
        "direction": None,
        "summary": "",
    }
    base.update(extra)
    return base


def report(
    pairs: list[dict[str, Any]],
    changes: list[dict[str, Any]] | None = None,
    docs: tuple[dict[str, Any], dict[str, Any]] = ({}, {}),
) -> dict[str, Any]:
    return {
        "documents": list(docs),
        "comparisons": [{"pairs": pairs, "changes": changes or []}],
    }


def pair(a: list[str], b: list[str], status: str, children: Any = ()) -> dict[str, Any]:
    return {"a": a, "b": b, "status": status, "children": list(children)}


# ---------------------------------------------------------------- ids and items


def test_sub_paragraph_overlaps_its_paragraph_but_not_a_neighbour() -> None:
    assert ra.ids_overlap(["OP2(b)"], ["OP2"])
    assert ra.ids_overlap(["OP2"], ["OP2(b)(i)"])
    assert not ra.ids_overlap(["OP2"], ["OP21"])
    assert not ra.ids_overlap(["OP1"], [])


def test_item_needs_same_kind_unless_star_or_listed() -> None:
    c = change("clause-added", [], ["OP2"])
    assert ra.item_matches({"kind": "clause-added", "b": ["OP2"]}, c)
    assert ra.item_matches({"kind": "*", "b": ["OP2"]}, c)
    assert ra.item_matches({"kind": ["clause-removed", "clause-added"]}, c)
    assert not ra.item_matches({"kind": "clause-removed", "b": ["OP2"]}, c)


def test_item_sides_must_share_a_clause_and_empty_means_none() -> None:
    c = change("verb-strength", ["OP1"], ["OP1"])
    assert ra.item_matches({"kind": "verb-strength", "a": ["OP1", "OP3"]}, c)
    assert not ra.item_matches({"kind": "verb-strength", "a": ["OP3"]}, c)
    assert not ra.item_matches({"kind": "verb-strength", "a": []}, c)
    assert ra.item_matches({"kind": "actor-removed", "b": []}, change("actor-removed", ["PP1"], []))


def test_topic_and_related_match_in_either_order() -> None:
    c = change("linkage", ["OP1"], ["OP1"], topic="hostages", related="ceasefire")
    assert ra.item_matches({"kind": "linkage", "topic": "ceasefire", "related": "hostages"}, c)
    assert not ra.item_matches({"kind": "linkage", "topic": "ceasefire", "related": "access"}, c)
    assert not ra.item_matches({"kind": "linkage", "topic": "access"}, c)


def test_null_value_matches_null_and_the_string_none() -> None:
    item = {"kind": "linkage", "to": None}
    assert ra.item_matches(item, change("linkage", ["OP1"], ["OP1"], to="none"))
    assert ra.item_matches(item, change("linkage", ["OP1"], ["OP1"]))
    assert not ra.item_matches(item, change("linkage", ["OP1"], ["OP1"], to="conditional"))


def test_values_match_by_case_insensitive_substring() -> None:
    c = change("qualifier-added", ["OP1"], ["OP1"], to="for the month of Ramadan")
    assert ra.item_matches({"kind": "qualifier-added", "to": "ramadan"}, c)
    assert not ra.item_matches({"kind": "qualifier-added", "from": "ramadan"}, c)


def test_text_looks_in_summary_and_values() -> None:
    c = change("actor-added", [], ["OP3"], to="Hamas", summary="OP3: Hamas now named")
    assert ra.item_matches({"kind": "actor-added", "text": "hamas"}, c)
    assert not ra.item_matches({"kind": "actor-added", "text": "Israel"}, c)


def test_direction_must_be_equal_when_given() -> None:
    c = change("verb-strength", ["OP1"], ["OP1"], direction="weaker")
    assert ra.item_matches({"kind": "verb-strength", "direction": "weaker"}, c)
    assert not ra.item_matches({"kind": "verb-strength", "direction": "stronger"}, c)


# ---------------------------------------------------------------- alignment


def test_link_right_only_with_the_same_ids_on_each_side() -> None:
    ann = {
        "links": [
            {"a": ["OP1", "OP3"], "b": ["OP1"], "status": "merged"},
            {"a": ["OP2"], "b": ["PP3"], "status": "modified"},
        ]
    }
    rep = report(
        [
            pair(["OP1"], [], "removed"),
            pair(["OP3"], ["OP1"], "modified"),
            pair(["OP2"], ["PP3"], "modified"),
        ]
    )
    score = ra.score_alignment(ann, rep)
    assert (score.right, score.total, score.status_right) == (1, 2, 1)
    assert "OP1+OP3 -> OP1" in score.errors[0] and "OP1 -> - (removed)" in score.errors[0]


def test_alt_reading_counts_and_its_own_status_is_checked() -> None:
    link = {
        "a": ["OP1"],
        "b": ["OP1", "OP2"],
        "status": "split",
        "alt": [{"a": ["OP1"], "b": ["OP1"], "status": "modified"}],
    }
    score = ra.score_alignment({"links": [link]}, report([pair(["OP1"], ["OP1"], "unchanged")]))
    assert (score.right, score.status_right) == (1, 0)


def test_uncertain_links_are_kept_apart() -> None:
    ann = {"links": [{"a": ["PP2"], "b": ["PP2"], "status": "modified", "uncertain": True}]}
    score = ra.score_alignment(ann, report([pair(["PP2"], ["PP2"], "modified")]))
    assert (score.total, score.uncertain_total, score.uncertain_right) == (0, 1, 1)


def test_sub_paragraph_pairs_are_found_inside_their_parent() -> None:
    ann = {"links": [{"a": ["OP2(b)"], "b": ["OP2(c)"], "status": "modified"}]}
    rep = report([pair(["OP2"], ["OP2"], "modified", [pair(["OP2(b)"], ["OP2(c)"], "modified")])])
    assert ra.score_alignment(ann, rep).right == 1


# ---------------------------------------------------------------- differences

MERGE = {
    "links": [
        {"a": ["OP1", "OP3"], "b": ["OP1"], "status": "merged"},
        {"a": ["OP2"], "b": ["OP2"], "status": "modified"},
    ]
}


def test_removed_is_false_when_the_clause_was_merged() -> None:
    assert ra.is_false(MERGE, change("clause-removed", ["OP1"], []))
    assert not ra.is_false(MERGE, change("clause-removed", ["OP4"], []))


def test_kind_change_is_false_when_the_kind_was_kept() -> None:
    assert ra.is_false(MERGE, change("kind-change", ["OP2"], ["OP2"], direction="weaker"))
    demoted = {"links": [{"a": ["OP2"], "b": ["PP3"], "status": "modified"}]}
    assert not ra.is_false(demoted, change("kind-change", ["OP2"], ["PP3"]))


def test_accepted_item_beats_a_false_pattern() -> None:
    ann = {"links": [], "false": [{"kind": "*"}], "also": [{"kind": "actor-added", "b": ["OP3"]}]}
    assert not ra.is_false(ann, change("actor-added", [], ["OP3"]))
    assert ra.is_false(ann, change("actor-added", [], ["OP4"]))


def test_recall_precision_false_and_top() -> None:
    ann = {
        "links": MERGE["links"],
        "key": [
            {"kind": "linkage", "a": ["OP1"], "to": "conditional"},
            {"kind": "verb-strength", "a": ["OP2"]},
        ],
        "also": [{"kind": "qualifier-added"}],
        "top": [{"kind": "linkage"}],
        "top_reason": "linkage",
    }
    changes = [
        change("clause-removed", ["OP3"], []),
        change("qualifier-added", ["OP2"], ["OP2"]),
        change("verb-strength", ["OP2"], ["OP2"]),
        change("linkage", ["OP1"], ["OP1"], to="conditional"),
    ]
    score = ra.score_changes(ann, report([], changes), top_n=3)
    assert (score.key_found, score.key_found_top, score.key_total) == (2, 1, 2)
    assert (score.accepted_top, score.shown_top, score.false_top) == (2, 3, 1)
    assert score.top_ok is False
    assert any("top is" in e for e in score.errors)


def test_no_top_items_means_top_not_scored() -> None:
    score = ra.score_changes({"links": []}, report([], [change("clause-added", [], ["OP1"])]))
    assert score.top_ok is None


# ---------------------------------------------------------------- documents


def test_absent_warnings_field_reads_as_none_and_is_flagged() -> None:
    ann = {"warnings": {"a": True, "b": False}}
    score = ra.score_documents(ann, report([], docs=({}, {})))
    assert (score.warn_right, score.warn_total, score.warnings_absent) == (1, 2, True)


def test_warning_due_and_given() -> None:
    ann = {"warnings": {"a": True, "b": None}}
    docs = ({"warnings": ["no operative paragraph"]}, {"warnings": []})
    score = ra.score_documents(ann, report([], docs=docs))
    assert (score.warn_right, score.warn_total, score.warnings_absent) == (1, 1, False)


def test_header_fields_compared_case_insensitively_and_null_means_absent() -> None:
    ann = {
        "header": {
            "b": {"symbol": "A/ES-11/L.11", "date": None, "sponsors": ["United States of America"]}
        }
    }
    doc = {"symbol": "a/es-11/l.11", "date": "2014-02-28", "sponsors": ["United States of America"]}
    score = ra.score_documents(ann, report([], docs=({}, doc)))
    assert (score.header_right, score.header_total) == (2, 3)
    assert "b.date" in score.errors[0]


def test_header_changes_judged_by_the_annotated_header() -> None:
    ann = {
        "header": {
            "a": {"symbol": "A/87/L.14", "sponsors": ["Arcadia"]},
            "b": {"symbol": "A/87/L.14/Rev.1", "sponsors": ["Arcadia", "Westmark"]},
        },
        "false": [{"kind": "*"}],
    }
    h = ["header"]
    joins = change("sponsor-added", h, h, to="Westmark")
    wrong = change("sponsor-removed", h, h, **{"from": "Arcadia"})
    symbol = change("symbol-changed", h, h, **{"from": "A/87/L.14", "to": "A/87/L.14/Rev.1"})
    date = change("date-changed", h, h, **{"from": "2032-12-02", "to": "2032-12-06"})
    assert ra.is_accepted(ann, joins) and not ra.is_false(ann, joins)
    assert ra.is_accepted(ann, symbol) and not ra.is_false(ann, symbol)
    assert not ra.is_accepted(ann, wrong) and ra.is_false(ann, wrong)
    # no date annotated: neither accepted nor false ("*" covers clause differences only)
    assert not ra.is_accepted(ann, date) and not ra.is_false(ann, date)
    assert ra.is_false(ann, change("clause-added", [], ["OP3"]))


# ---------------------------------------------------------------- folder and totals


def write(folder: Path, name: str, data: Any) -> None:
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


def test_bad_folder_and_bad_file_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no annotation files"):
        ra.load_annotations(tmp_path)
    write(tmp_path, "x.json", {"a": "a.txt"})
    with pytest.raises(SystemExit, match="needs 'a', 'b' and 'links'"):
        ra.load_annotations(tmp_path)


def test_main_scores_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "p1.json",
        {
            "id": "p1",
            "a": "a.txt",
            "b": "b.txt",
            "links": [{"a": ["PP1"], "b": ["PP1"], "status": "unchanged"}],
            "key": [{"kind": "clause-added", "b": ["OP1"]}],
            "warnings": {"a": False, "b": False},
        },
    )
    fake = report(
        [pair(["PP1"], ["PP1"], "unchanged"), pair([], ["OP1"], "added")],
        [change("clause-added", [], ["OP1"])],
        docs=({"warnings": []}, {"warnings": []}),
    )
    seen: list[tuple[Path, Path]] = []

    def run(a: Path, b: Path) -> dict[str, Any]:
        seen.append((a, b))
        return fake

    monkeypatch.setattr(ra, "run_resdiff", run)
    assert ra.main([str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert seen == [(tmp_path / "a.txt", tmp_path / "b.txt")]
    t = out["totals"]
    assert (t["links_right"], t["key_found"], t["warn_right"], t["false_top"]) == (1, 1, 2, 0)
    assert ra.main([str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["pair", "links", "status"]
    assert "total" in table


def test_output_that_is_not_json_names_the_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray print before the report (a module shadowed by the working folder, say)
    stops the scorer with the pair's files and what came out, not a bare decode error."""

    def fake(cmd: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(cmd, 1, stdout="benchmark line\n{}", stderr="")

    monkeypatch.setattr(ra.subprocess, "run", fake)
    with pytest.raises(SystemExit, match=r"a\.txt b\.txt is not JSON; it begins: benchmark line"):
        ra.run_resdiff(Path("a.txt"), Path("b.txt"))
