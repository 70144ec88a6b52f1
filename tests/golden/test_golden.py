"""Golden reports: one file per (input, format), compared byte for byte, plus targeted
assertions saying what each golden is there to protect (so a regenerated golden cannot
quietly drop it).

The inputs are described in ``tests/golden/cases.py``. The test only compares; when a
change to the engine or a renderer is intended, regenerate on purpose and review::

    python -m tests.golden.regen         # prints what changed in each file

JSON goldens are also validated against ``resdiff/render/schema.json``.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from resdiff.present.counts import HEADER_FIELDS
from tests.golden.cases import CASES, DEMO, ROOT, cli_report, fixture_report, stored

SCHEMA = ROOT / "resdiff" / "render" / "schema.json"


@cache
def produced(name: str) -> str:
    return CASES[name]()


@pytest.mark.parametrize("name", list(CASES))
def test_golden(name: str) -> None:
    expected = stored(name)
    assert expected is not None, f"{name} missing: run python -m tests.golden.regen {name}"
    assert produced(name) == expected, f"{name} differs: see python -m tests.golden.regen --check"


def _validate(text: str) -> None:
    import jsonschema  # type: ignore[import-untyped]

    jsonschema.validate(json.loads(text), json.loads(SCHEMA.read_text(encoding="utf-8")))


# --- what the demo goldens protect: every face says what the JSON says -----------------


def _demo_json() -> dict:  # type: ignore[type-arg]
    text = produced("demo.json")
    _validate(text)
    data: dict = json.loads(text)  # type: ignore[type-arg]
    return data


def test_demo_json_is_valid_and_leads_with_the_linkage() -> None:
    """The case the project started from: the ceasefire untied from hostage release."""
    pc = _demo_json()["comparisons"][0]
    assert pc["changes"][0]["kind"] == "linkage"
    assert "no longer conditional" in pc["changes"][0]["summary"]
    assert pc["differs"] is True


def test_demo_json_groups_one_entry_per_clause_pair() -> None:
    """The key differences by clause: OP1's linkage first, every change in one group."""
    pc = _demo_json()["comparisons"][0]
    groups = pc["groups"]
    keys = [(tuple(g["a"]), tuple(g["b"])) for g in groups]
    assert len(keys) == len(set(keys))
    assert sorted(i for g in groups for i in g["changes"]) == list(range(len(pc["changes"])))
    assert keys[0] == (("OP1",), ("OP1",)) and groups[0]["changes"][0] == 0


def _flat(fmt: str, text: str) -> str:
    if fmt == "html":
        text = re.sub(r"<[^>]+>", "", text).replace("&#x27;", "'").replace("&gt;", ">")
    if fmt == "md":
        text = re.sub(r"\\([\\`*_\[\]<|~&#${}])", r"\1", text)
        text = re.sub(r"\]\(#[^)]*\)", "", text).replace("[", "").replace("**", "")
    return " ".join(text.split())


def _said(change: dict) -> str:  # type: ignore[type-arg]
    """What a key difference says of a change: its sentence after the address, or for a
    qualifier, actor or sponsor, the word or name itself."""
    if change["kind"].startswith(("qualifier-", "actor-")) and change["a"] and change["b"]:
        return change["to"] or change["from"]
    if change["kind"].startswith("sponsor-"):  # the header's entry names each sponsor
        return change["to"] or change["from"]
    summary: str = change["summary"]
    if change["kind"].startswith("clause-"):
        return summary.split(": ", 1)[1]
    return summary.split(": ", 1)[1] if summary.startswith(("OP", "PP")) else summary


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_demo_reports_list_every_change_by_clause_in_the_json_order(fmt: str) -> None:
    """Each text face shows the key differences grouped as the JSON groups them, in
    order, every ranked change said in its group, with the same counts."""
    pc = _demo_json()["comparisons"][0]
    flat = _flat(fmt, produced(f"demo.{fmt}"))
    keys = flat.split("Key differences", 2)[-1].split("Positions", 1)[0]
    positions = []
    for group in pc["groups"]:
        changes = [pc["changes"][i] for i in group["changes"]]
        lead = " ".join(_said(changes[0]).split())
        assert lead in keys, lead
        at = keys.index(lead)
        positions.append(at)
        entry = keys[at:]
        for change in changes[1:]:
            assert " ".join(_said(change).split()) in entry[:1500], change["summary"]
    assert positions == sorted(positions)
    levels = []
    if pc["header"]["status"] == "modified":  # the seeds' headers: new sponsors, symbol, date
        kinds = {c["kind"] for c in pc["changes"]}
        fields = dict.fromkeys(f for k, f in HEADER_FIELDS.items() if k in kinds)
        levels.append(f"the header ({', '.join(fields)})")
    for name, counts in (("paragraphs", pc["counts"]), ("sub-paragraphs", pc["sub_counts"])):
        said = ", ".join(f"{n} {k}" for k, n in counts.items() if n and k != "unchanged")
        levels.append(f"{name}: {said or 'none changed'}")
    assert f"B differs from A in {'; '.join(levels)}." in flat


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_demo_headline_comes_first_linkage_first_at_most_five(fmt: str) -> None:
    """'In brief' opens every text report: at most five entries, the linkage first."""
    flat = _flat(fmt, produced(f"demo.{fmt}"))
    brief = flat.split("In brief", 1)[1].split("What was compared", 1)[0]
    assert flat.index("In brief") < flat.index("What was compared")
    if fmt == "html":
        (headline,) = re.findall(r'<ol class="headline">(.*?)</ol>', produced("demo.html"), re.S)
        assert headline.count("<li") == 5
        brief = brief.replace("⇄ linkage OP1", "1. ⇄ linkage OP1")
    else:
        entries = re.findall(r"(?:^|\s)(\d)\. [⇄▲▼⤓⤒✕+•☰]", brief)
        assert entries == ["1", "2", "3", "4", "5"]
    assert re.search(r"1\. ⇄ linkage:? OP1: the ceasefire is no longer conditional", brief)


def test_demo_reports_name_every_changed_pair() -> None:
    """Every changed top-level pair of the JSON has a row in the text report."""
    pc = _demo_json()["comparisons"][0]
    txt = " ".join(produced("demo.txt").split())
    for pair in pc["pairs"]:
        if pair["status"] != "unchanged" or pair["moved"]:
            a = " + ".join(pair["a"]) or "(none)"
            b = " + ".join(pair["b"]) or "(none)"
            assert f"A {a} -> B {b} {pair['status']}" in txt


# --- what the revision goldens protect: hard wrapping is layout --------------------------


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_revision_wrapping_is_not_a_change(fmt: str) -> None:
    text = produced(f"rev1.{fmt}")
    assert "¶" not in text and "␣" not in text
    # The removed sub-paragraph is counted in the sentence, not hidden behind "1 added".
    assert (
        "B differs from A in the header (symbol, date); paragraphs: 3 modified, 1 added; "
        "sub-paragraphs: 1 removed."
    ) in " ".join(text.split())


# --- what the fixture goldens protect: renderers alone, every status -------------------


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_fixture_reports_show_every_status_and_note(fmt: str) -> None:
    text = produced(f"fixture.{fmt}")
    for word in ("modified", "added", "removed", "split", "merged", "moved", "renumbered"):
        assert word in text, word
    assert ("demoted" in text and "… 2 unchanged clauses …" not in text) or fmt == "html"


def test_fixture_json_is_valid() -> None:
    _validate(produced("fixture.json"))


def test_the_cli_and_the_library_write_the_same_fixture_bytes() -> None:
    assert fixture_report("md") == produced("fixture.md")
    assert cli_report(DEMO, "md") == produced("demo.md")
