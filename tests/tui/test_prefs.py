"""Preferences (theme, layout) remembered in $XDG_CONFIG_HOME/resdiff/app.toml."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from resdiff import cli
from resdiff.tui import prefs
from resdiff.tui.app import make_app
from resdiff.tui.widgets.pair_view import PairView
from tests.builders import seed_comparison
from tests.tui.conftest import SIZE, toasts


async def test_theme_and_layout_are_remembered(private_config: Path) -> None:
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.press("v", "z", "M")
        await pilot.pause()
    saved = (private_config / "resdiff" / "app.toml").read_text(encoding="utf-8")
    assert 'theme = "textual-light"' in saved and 'view = "inline"' in saved
    assert "zoom = true" in saved and 'marks = "markers"' in saved
    again = make_app([], comparison=seed_comparison())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = again.screen.query_one(PairView)
        assert again.theme == "textual-light" and view.inline and view.markers
        assert again.screen.has_class("-zoom")


async def test_no_config_neither_reads_nor_writes(private_config: Path) -> None:
    path = prefs.default_path()
    path.parent.mkdir(parents=True)
    path.write_text('view = "inline"\n', encoding="utf-8")
    app = make_app([], comparison=seed_comparison(), config=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(PairView).inline
        await pilot.press("z")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == 'view = "inline"\n'


async def test_a_bad_preferences_file_is_a_notice_not_a_crash(private_config: Path) -> None:
    path = prefs.default_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "no-such-theme"\nview = "inline"\nfont = 3\n', encoding="utf-8")
    app = make_app([], comparison=seed_comparison())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        said = " ".join(toasts(app))
        assert "theme = 'no-such-theme' ignored" in said and "unknown setting 'font'" in said
        assert app.screen.query_one(PairView).inline  # the good setting still applies
    path.write_text("view = [", encoding="utf-8")
    broken = make_app([], comparison=seed_comparison())
    async with broken.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("not read" in toast for toast in toasts(broken))


def test_the_file_is_in_the_xdg_config_folder(tmp_path: Path) -> None:
    assert prefs.default_path({"XDG_CONFIG_HOME": str(tmp_path)}) == (
        tmp_path / "resdiff" / "app.toml"
    )
    home = Path.home() / ".config" / "resdiff" / "app.toml"
    assert prefs.default_path({}) == home
    assert prefs.default_path({"XDG_CONFIG_HOME": "relative/dir"}) == home  # per the spec


def test_the_cli_flag_turns_the_file_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    class Stop(Exception):
        pass

    def fake_make_app(files: list[str], **kwargs: object) -> None:
        seen.update(kwargs)
        raise Stop

    import resdiff.tui.app

    monkeypatch.setattr(resdiff.tui.app, "make_app", fake_make_app)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for argv, config in ((["demo"], True), (["demo", "--no-config"], False)):
        with pytest.raises(Stop):
            cli.main(["--debug", *argv])
        assert seen["config"] is config
