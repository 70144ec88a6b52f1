"""Golden reports: one file per (input, format), compared byte for byte.

Inputs are the demo seed pair (``seeds/s-2024-9001-tied.txt`` vs
``seeds/s-2024-9002-demands.txt``, through the real pipeline and CLI, every format), the
revision pair (``...-9001-tied.txt`` vs the hard-wrapped ``...-9001-rev1-tied.txt``, md
and txt) and the hand-built ``rich_comparison`` fixture (every pair status, independent
of the engine).

When a change to the engine or a renderer is intended, regenerate and review the diff
by eye before committing::

    RESDIFF_REGEN_GOLDEN=1 python -m pytest -q tests/golden

JSON goldens are also validated against ``resdiff/render/schema.json`` when it exists.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resdiff import cli
from resdiff.render import ReportOptions, render_report
from tests.fixtures.comparisons import rich_comparison

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCHEMA = ROOT / "resdiff" / "render" / "schema.json"
REGEN = os.environ.get("RESDIFF_REGEN_GOLDEN") == "1"
DEMO = ("seeds/s-2024-9001-tied.txt", "seeds/s-2024-9002-demands.txt")
REV1 = ("seeds/s-2024-9001-tied.txt", "seeds/s-2024-9001-rev1-tied.txt")
FORMATS = ("json", "md", "html", "txt")


def _check(name: str, actual: str) -> None:
    path = HERE / name
    if REGEN:
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"{name} missing: run with RESDIFF_REGEN_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs: regenerate if intended (see module docstring)"


def _validate(text: str) -> None:
    if not SCHEMA.exists():
        return
    import jsonschema  # type: ignore[import-untyped]

    jsonschema.validate(json.loads(text), json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("fmt", FORMATS)
def test_demo_pair(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # sources appear as the relative paths given
    code = cli.main(["report", *DEMO, "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    if fmt == "json":
        _validate(out)
    _check(f"demo.{fmt}", out)


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_revision_pair(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code = cli.main(["report", *REV1, "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    _check(f"rev1.{fmt}", out)


@pytest.mark.parametrize("fmt", FORMATS)
def test_fixture(fmt: str) -> None:
    out = render_report(rich_comparison(), fmt, ReportOptions())
    assert isinstance(out, str)
    if fmt == "json":
        _validate(out)
    _check(f"fixture.{fmt}", out)
