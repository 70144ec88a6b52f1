"""The modules a fresh interpreter imports to run some code: start-up is measured in
modules (not milliseconds, which depend on the machine's load)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PROBE = """
import contextlib, io, json, sys
before = set(sys.modules)
{setup}
new = sorted(set(sys.modules) - before)
print("MODULES:" + json.dumps(new))
"""


def imported_by(setup: str) -> list[str]:
    """Modules ``setup`` (Python source; ``contextlib`` and ``io`` are there) imports,
    run in a new interpreter from the repository root."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(setup=setup)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("MODULES:"))
    return list(json.loads(line.removeprefix("MODULES:")))
