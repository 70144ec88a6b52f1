"""Shared test configuration: hypothesis profiles and paths to the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI runs derandomized (same examples every run, no flaky reds) and without deadlines
# (a noisy 2-core machine is not a benchmark); locally, random exploration.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _report_width_from_no_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text reports take their width from ``$COLUMNS``: tests (and the commands they start)
    see none, whatever the shell that runs them exports."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture(autouse=True)
def private_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every test has a config folder of its own: the app's preferences file is never the
    reader's (``$XDG_CONFIG_HOME/resdiff/app.toml``)."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def private_cache(monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> Path:
    """Parsed data files are cached under ``$XDG_CACHE_HOME/resdiff``: the tests (and the
    commands they start) share one folder of their own, never the reader's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))
    return _session_cache


@pytest.fixture(autouse=True)
def cold_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The commands tests start run cold, never in a warm server the reader may have
    running (``resdiff serve``); tests/cli/test_warm.py starts its own."""
    monkeypatch.setenv("RESDIFF_WARM", "off")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
