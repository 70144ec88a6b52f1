"""Start-up budgets: how many modules each headless path imports, counted in a fresh
interpreter (counts, not milliseconds: they do not depend on the machine's load).

Each import costs start-up time (a dataclass, a compiled pattern, a data file read);
the budgets hold today's counts with some room (Python versions differ a little), so
a change that pulls a heavy package into a path fails here and is looked at. Measured
with CPython 3.11: ``import resdiff`` 27 modules, ``resdiff parse`` 99 (29 of resdiff),
``resdiff report --format json`` 143 (61), ``resdiff report`` (text) 139 (73, of which
rich's cell widths only: 6; rich's consoles and tables are no longer imported).
"""

from __future__ import annotations

import pytest

from tests.fresh_imports import imported_by

A = "seeds/s-2024-9001-tied.txt"
B = "seeds/s-2024-9002-demands.txt"


def _run(argv: list[str] | None) -> str:
    if argv is None:
        return "import resdiff"
    return (
        "from resdiff.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({argv!r})"
    )


CASES = {
    # name: (argv, budget of modules, modules that path must not import)
    "import": (None, 35, ("resdiff.pipeline", "resdiff.model", "dataclasses")),
    "parse": (
        ["parse", A],
        115,
        ("resdiff.align", "resdiff.diff", "resdiff.signals", "rich", "json", "zipfile"),
    ),
    "report-json": (
        ["report", "--format", "json", A, B],
        165,
        ("rich", "textual", "zipfile", "tempfile", "socket", "importlib.resources"),
    ),
    "report": (
        ["report", A, B],
        165,
        (
            "textual",
            "zipfile",
            "tempfile",
            "socket",
            "resdiff.signals.lensformat",
            "rich.console",
            "rich.table",
            "rich.text",
        ),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_modules_imported_within_budget(name: str) -> None:
    argv, budget, forbidden = CASES[name]
    modules = imported_by(_run(argv))
    assert len(modules) <= budget, f"{name}: {len(modules)} modules, budget {budget}"
    pulled = [m for m in modules if m in forbidden]
    assert not pulled, f"{name} imports {pulled}"
