"""The HTML report renders in a real browser (headless Chromium); skipped without one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "bench" / "screenshot_html.py"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.mark.skipif(
    not any(shutil.which(b) for b in BROWSERS),
    reason="no Chromium installed (apt-get install chromium)",
)
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    out = tmp_path / "report.png"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), "--width", "800", "--height", "600"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (800, 600)
    # A blank page compresses to almost nothing; a rendered report does not.
    assert len(data) > 20_000
