"""`resdiff corpus add|list|remove` and `resdiff precedents`, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from resdiff import cli
from resdiff.render.schema import load_schema
from tests.conftest import ROOT
from tests.corpus.conftest import DRAFTS, LIBRARY, resolution, write

VELORIA = str(DRAFTS / "s-2022-9210-veloria.txt")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2 and out == ""
    assert err.startswith("resdiff: ") and err.count("\n") == 1, err
    for w in words:
        assert w in err, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "corpus.sqlite")
    code, out, _ = _run(capsys, "corpus", "add", str(LIBRARY), "--db", path)
    assert code == 0 and out.startswith("7 added.")
    return path


def test_add_list_remove(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "corpus", "list", "--db", db)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["KEY", "DATE", "SYMBOL", "PARAS", "SOURCE"]
    assert "S/RES/3101 (2019)" in lines[1] and "2019-03-14" in lines[1]  # oldest first
    assert lines[-1].startswith("7 documents (76 paragraphs)")
    code, out, err = _run(capsys, "corpus", "remove", "s/res/3101 (2019)", "--db", db)
    assert code == 0 and out.startswith("1 removed.") and "S/RES/3101 (2019)" in err
    key = json.loads(_run(capsys, "corpus", "list", "--db", db, "--format", "json")[1])
    docs = key["corpus"]["documents"]
    assert len(docs) == 6
    code, out, err = _run(
        capsys, "corpus", "remove", docs[0]["key"][:8], docs[1]["source"], "--db", db
    )
    assert code == 0 and out.startswith("2 removed.")


def test_adding_the_same_files_again_updates_them(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "corpus", "add", str(LIBRARY), "--db", db)
    assert code == 0 and out.startswith("0 added, 7 unchanged.")


def test_remove_of_an_unknown_item_removes_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "corpus", "remove", "S/RES/3101 (2019)", "S/RES/9", "--db", db)
    _one_line_error(code, out, err, "S/RES/9", "nothing removed")
    assert "S/RES/3101 (2019)" in _run(capsys, "corpus", "list", "--db", db)[1]


def test_an_unreadable_file_in_a_folder_is_one_line_and_the_rest_is_indexed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    write(folder, "good.txt", resolution("S/RES/1 (2001)", "1 May 2001", "1. Urges restraint;"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    db = str(tmp_path / "c.sqlite")
    code, out, err = _run(capsys, "corpus", "add", str(folder), "--db", db)
    assert code == 0 and out.startswith("1 added, 1 skipped.")
    assert err.count("\n") == 1 and "broken.docx" in err and "(skipped)" in err


def test_a_named_file_that_cannot_be_read_adds_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Path(db).read_bytes()
    code, out, err = _run(capsys, "corpus", "add", VELORIA, str(tmp_path / "nope.txt"), "--db", db)
    _one_line_error(code, out, err, "nope.txt")
    assert Path(db).read_bytes() == before


def test_missing_and_corrupt_databases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "none.sqlite")
    for argv in (["corpus", "list"], ["corpus", "remove", "x"], ["precedents", VELORIA]):
        code, out, err = _run(capsys, *argv, "--db", missing)
        _one_line_error(code, out, err, "none.sqlite", "no corpus database")
    assert not Path(missing).exists()
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"not a database, but precious notes\n" * 100)
    before = corrupt.read_bytes()
    for argv in (["corpus", "add", VELORIA], ["corpus", "list"], ["precedents", VELORIA]):
        code, out, err = _run(capsys, *argv, "--db", str(corrupt))
        _one_line_error(code, out, err, "corrupt.sqlite", "not a resdiff corpus")
    assert corrupt.read_bytes() == before


def test_a_draft_with_no_clauses(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = write(tmp_path, "blank.txt", "---\n\n***\n")
    code, out, err = _run(capsys, "precedents", str(blank), "--db", db)
    _one_line_error(code, out, err, "blank.txt", "no clauses")
    code, out, err = _run(capsys, "precedents", "--db", db)
    _one_line_error(code, out, err, "needs a draft")


def test_precedents_in_every_format(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "precedents", VELORIA, "--db", db)
    assert code == 0 and err == ""
    assert out.startswith("Precedents for S/2022/9210\n16 clauses: 8 identical, 6 adapted, 2 new.")
    assert "[-Condemns-]{+Strongly condemns+}" in out
    validator = jsonschema.Draft202012Validator(load_schema())
    code, out, _ = _run(capsys, "precedents", VELORIA, "--db", db, "--format", "json")
    data = json.loads(out)
    validator.validate(data)
    assert data["documents"][0]["symbol"] == "S/2022/9210"
    assert [p["status"] for p in data["precedents"]][:5] == [
        "adapted", "identical", "adapted", "identical", "new",
    ]  # fmt: skip
    listing = json.loads(_run(capsys, "corpus", "list", "--db", db, "--format", "json")[1])
    validator.validate(listing)
    for ext, start in ((".md", "# Precedents for S/2022/9210"), (".html", "<!DOCTYPE html>")):
        target = tmp_path / f"out{ext}"
        code, out, _ = _run(capsys, "precedents", VELORIA, "--db", db, "-o", str(target))
        assert code == 0 and out == ""
        assert target.read_text(encoding="utf-8").startswith(start)


def test_output_never_overwrites_the_draft_or_the_database(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Path(db).read_bytes()
    code, out, err = _run(capsys, "precedents", VELORIA, "--db", db, "-o", db, "--format", "txt")
    _one_line_error(code, out, err, "overwrite")
    assert Path(db).read_bytes() == before
    code, out, err = _run(capsys, "precedents", VELORIA, "--db", db, "-o", VELORIA)
    _one_line_error(code, out, err, "overwrite")


def test_the_demo_runs_on_the_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "precedents", "--demo")
    assert code == 0 and err == ""
    assert out.startswith("Precedents for S/2024/9002")
    assert "'as applicable' added to international law" in out
    assert "verb strengthened from 'Calls upon' to 'Demands'" in out


def _subprocess(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resdiff", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        timeout=120,
    )


def test_the_default_database_is_in_the_user_data_directory(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}
    env_no_var = {k: v for k, v in os.environ.items() if k != "RESDIFF_CORPUS"}
    base = {**env_no_var, **env, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "corpus", "add", VELORIA],
        capture_output=True, text=True, cwd=ROOT, env=base, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "resdiff" / "corpus.sqlite").is_file()
    other = tmp_path / "elsewhere.sqlite"
    done = _subprocess(["corpus", "add", VELORIA], {**env, "RESDIFF_CORPUS": str(other)})
    assert done.returncode == 0 and other.is_file()
    del base["XDG_DATA_HOME"]
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "corpus", "list"],
        capture_output=True, text=True, cwd=ROOT, env=base, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert str(tmp_path / "home" / ".local" / "share" / "resdiff" / "corpus.sqlite") in done.stderr
