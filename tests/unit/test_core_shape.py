"""The core's house rules, checked on its source: short functions, no private CPython
imports, typed scanner hits."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "resdiff"
#: The faces (render/, tui/, present/, cli.py) are checked by their own tests.
FACES = ("render", "tui", "present")


def _core_modules() -> list[Path]:
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.relative_to(PACKAGE).parts[0] not in FACES and p.name != "cli.py"
    ]


def test_no_function_in_the_core_is_over_80_lines() -> None:
    long = [
        f"{p.relative_to(PACKAGE)}:{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for p in _core_modules()
        for node in ast.walk(ast.parse(p.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 80
    ]
    assert long == []


def test_nothing_imports_the_private_regex_parser() -> None:
    private = re.compile(r"re\._parser|re\._constants|sre_parse|sre_compile")
    assert [p.name for p in PACKAGE.rglob("*.py") if private.search(p.read_text("utf-8"))] == []


def test_scanner_hits_need_no_type_ignore() -> None:
    signals = PACKAGE / "signals"
    for name in ("compiled.py", "topics.py", "links.py", "actors.py", "extract.py"):
        assert "type: ignore" not in (signals / name).read_text("utf-8"), name
