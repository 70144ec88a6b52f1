"""`resdiff matrix` in its three formats, and a bad lens as one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resdiff.cli import main
from resdiff.seeds import seed_path

SEEDS = [
    str(seed_path(n))
    for n in ("s-2024-9001-tied.txt", "s-2024-9002-demands.txt", "s-2024-9000-earlier.txt")
]


def test_matrix_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", *SEEDS, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == ["A", "B", "C"]
    ceasefire = next(r for r in data["rows"] if r["topic"] == "ceasefire")
    assert ceasefire["cells"]["B"]["verb"]["text"] == "Demands"
    assert ceasefire["cells"]["A"]["links"][0]["relation"] == "conditional"
    assert ceasefire["cells"]["B"]["links"][0]["relation"] == "parallel"
    assert "humanitarian" in ceasefire["cells"]["C"]["qualifiers"]


def test_matrix_md_and_txt(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", *SEEDS, "--format", "md"]) == 0
    md = capsys.readouterr().out.splitlines()
    assert md[0] == "| Topic | A S/2024/9001 | B S/2024/9002 | C S/2024/9000 |"
    assert any(line.startswith("| Ceasefire | Determines the imperative of") for line in md)
    assert main(["matrix", *SEEDS]) == 0
    txt = capsys.readouterr().out
    assert txt.splitlines()[0].startswith("Topic")
    assert "Hostages" in txt


def test_matrix_with_a_bad_lens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lens = tmp_path / "bad.toml"
    lens.write_text("[topics.ceasefire]\nweight = -1\n", encoding="utf-8")
    assert main(["matrix", *SEEDS[:2], "--lens", str(lens)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"resdiff: {lens}: invalid lens: topics.ceasefire.weight must be a number >= 0\n"
    )
