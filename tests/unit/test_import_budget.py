"""Start-up budgets: how many modules each headless path imports, counted in a fresh
interpreter (counts, not milliseconds: they do not depend on the machine's load).

Each import costs start-up time (a dataclass, a compiled pattern, a data file read);
the budgets hold today's counts with some room (Python versions differ a little), so
a change that pulls a heavy package into a path fails here and is looked at. Measured
with CPython 3.11 (modules new to the probe, which has io, json and contextlib loaded):
``import resdiff`` 8 modules, ``resdiff parse`` 79 (34 of resdiff), ``resdiff report
--format json`` 121 (69), ``resdiff report`` (text) 133 (73; of rich only its cell
widths, 6 modules: its consoles and tables are not imported). With the bundled data
files' parsed copies cached (``datalists.read_toml``), no path imports tomllib.
"""

from __future__ import annotations

import pytest

from resdiff.datalists import read_toml
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
    "import": (None, 15, ("resdiff.pipeline", "resdiff.model", "dataclasses")),
    "parse": (
        ["parse", A],
        90,
        ("resdiff.align", "resdiff.diff", "resdiff.signals", "rich", "json", "zipfile", "tomllib"),
    ),
    "report-json": (
        ["report", "--format", "json", A, B],
        135,
        ("rich", "textual", "zipfile", "tempfile", "socket", "importlib.resources", "tomllib"),
    ),
    "report": (
        ["report", A, B],
        155,
        (
            "textual",
            "zipfile",
            "tempfile",
            "socket",
            "resdiff.signals.lensformat",
            "tomllib",
            "rich.console",
            "rich.table",
            "rich.text",
        ),
    ),
}

#: The data files a report reads, parsed once so that their cached copies exist (the
#: tests' own cache folder, ``tests/conftest.py``), as after a user's first run.
DATA_FILES = (
    ("resdiff", "data/labels.toml"),
    ("resdiff.parse.lexicons", "en/structure.toml"),
    ("resdiff.signals", "lenses/default.toml"),
)


@pytest.mark.parametrize("name", list(CASES))
def test_modules_imported_within_budget(name: str) -> None:
    argv, budget, forbidden = CASES[name]
    for package, path in DATA_FILES:
        read_toml(package, path)
    modules = imported_by(_run(argv))
    assert len(modules) <= budget, f"{name}: {len(modules)} modules, budget {budget}"
    pulled = [m for m in modules if m in forbidden]
    assert not pulled, f"{name} imports {pulled}"


def test_a_warm_run_imports_almost_nothing() -> None:
    """What the ``resdiff`` command imports before it hands a command to a warm server
    (``resdiff serve``): the client, a socket and the wire format, nothing of the
    pipeline, no typing (a warm seed-pair report is mostly this). The probe itself has
    loaded json, and with it re and enum, so those are not counted here."""
    setup = (
        "import os\n"
        "from resdiff.warm import place\n"
        "place.reachable(['report', 'a', 'b'], os.environ)\n"
        "import resdiff.warm.client\n"
    )
    modules = imported_by(setup)
    ours = [m for m in modules if m.startswith("resdiff")]
    assert ours == [
        "resdiff",
        "resdiff.warm",
        "resdiff.warm.client",
        "resdiff.warm.peer",
        "resdiff.warm.place",
        "resdiff.warm.wire",
    ]
    heavy = {"typing", "dataclasses", "argparse", "pathlib", "resdiff.cli"}
    assert heavy.isdisjoint(modules), sorted(heavy & set(modules))
    assert len(modules) <= 20, modules
