"""`resdiff report --corpus`: agreed language in a comparison report (issue 17 item 3).

The bundled drafts against the bundled sample corpus (seeds/corpus): B's OP11 is
A/RES/78/990 OP3 with the verb weakened, its PP2 is in two earlier resolutions word for
word, its OP1 is new.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import jsonschema
import pytest

from resdiff import cli
from resdiff.render.schema import load_schema
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"
A = str(SEEDS / "s-2024-9000-earlier.txt")
B = str(SEEDS / "s-2024-9002-demands.txt")
C = str(SEEDS / "s-2024-9001-tied.txt")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "corpus.sqlite")
    code, out, _ = _run(capsys, "corpus", "add", str(SEEDS / "corpus"), "--db", path)
    assert code == 0 and out.startswith("3 added.")
    return path


def test_json_carries_each_later_drafts_precedents(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "report", A, B, C, "--format", "json", "--db", db)
    assert code == 1 and err == ""
    data = json.loads(out)
    jsonschema.validate(data, load_schema())
    first, second = data["comparisons"]
    assert first["precedents"]["search"]["corpus_documents"] == 3
    clauses = {c["clause"]: c for c in first["precedents"]["clauses"]}
    assert clauses["OP1"]["status"] == "new" and clauses["OP1"]["matches"] == []
    assert clauses["PP2"]["status"] == "identical" and clauses["PP2"]["identical"] == 2
    op11 = clauses["OP11"]
    assert op11["status"] == "adapted"
    top = op11["matches"][0]
    assert (top["symbol"], top["clause"]) == ("A/RES/78/990", "OP3")
    assert [c["kind"] for c in top["changes"]] == ["verb-strength"]
    assert top["changes"][0]["direction"] == "weaker"
    # C's own clauses, not B's: the second comparison looks up the second draft
    assert second["b"] == "C"
    assert [c["clause"] for c in second["precedents"]["clauses"]] != list(clauses)


def test_same_answer_as_the_precedents_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """One search, two faces: the report's section holds what `resdiff precedents` says."""
    _, out, _ = _run(capsys, "report", A, B, "--format", "json", "--db", db)
    in_report = json.loads(out)["comparisons"][0]["precedents"]["clauses"]
    _, out, _ = _run(capsys, "precedents", B, "--format", "json", "--db", db)
    assert in_report == json.loads(out)["precedents"]


def test_without_a_corpus_nothing_is_added(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "report", A, B, "--format", "json")
    assert code == 1 and "precedents" not in json.loads(out)["comparisons"][0]
    _, md, _ = _run(capsys, "report", A, B, "--format", "md")
    assert "Agreed language" not in md


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_a_last_section_per_comparison(
    fmt: str, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "report", A, B, "--format", fmt, "--db", db)
    assert code == 1 and err == ""
    title = "Agreed language in B S/2024/9002"
    assert out.count(title) == 1
    section = out[out.rindex(title) :]
    assert "28 clauses: 5 identical, 10 adapted, 13 new." in section
    assert "A/RES/78/990 OP3" in section
    # the diff from the precedent: the verb swapped, marked as every report marks it
    marks = {
        "md": ("[-~~Calls upon~~-]", "{+**Encourages**+}"),
        "txt": ("[-Calls upon-]", "{+Encourages+}"),
        "html": ('Calls upon<span class="vh">]</span></del>', "<ins><span"),
    }[fmt]
    for mark in marks:
        assert mark in section
    assert "verb weakened from 'Calls upon' to 'Encourages'" in html.unescape(section)


def test_html_section_is_linked_and_anchors_unique(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(capsys, "report", A, B, C, "--format", "html", "--db", db)
    assert '<a href="#c1-agreed">Agreed language: B</a>' in out
    assert '<a href="#c2-agreed">Agreed language: C</a>' in out
    assert 'id="c1-agreed"' in out and 'id="c2-agreed"' in out
    ids = [part.split('"', 1)[0] for part in out.split(' id="')[1:]]
    assert len(ids) == len(set(ids))
    links = {part.split('"', 1)[0] for part in out.split(' href="#')[1:]}
    assert links <= set(ids), links - set(ids)  # every fragment link lands somewhere


def test_missing_database_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    target = tmp_path / "r.md"
    code, out, err = _run(capsys, "report", A, B, "--db", str(missing), "-o", str(target))
    assert code == 2 and out == ""
    assert err.startswith("resdiff: ") and err.count("\n") == 1
    assert "none.sqlite" in err and "resdiff corpus add" in err
    assert not target.exists() and not missing.exists()


def test_refusals(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "report", A, B, "--db", db, "-o", str(tmp_path / "r.docx"))
    assert code == 2 and "agreed language" in err and not (tmp_path / "r.docx").exists()
    before = Path(db).read_bytes()
    code, _, err = _run(capsys, "report", A, B, "--db", db, "--format", "md", "-o", db)
    assert code == 2 and err.count("\n") == 1
    assert Path(db).read_bytes() == before  # never overwrite an input
