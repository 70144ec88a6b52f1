"""The parsed data files kept in the user's cache folder are only ever what tomllib
gives for the file's current text (``datalists.read_toml``)."""

from __future__ import annotations

import marshal
import os
import tomllib
from pathlib import Path

import pytest

from resdiff import datalists
from resdiff.datalists import cache_file, data_path, read_text, read_toml

ROOT = Path(__file__).resolve().parents[2]
#: Every TOML file the package ships, as (package, path) for read_toml.
BUNDLED = [
    ("resdiff", "data/labels.toml"),
    ("resdiff.amend", "grammar.toml"),
    ("resdiff.parse.lexicons", "en/structure.toml"),
    ("resdiff.signals", "lenses/climate.toml"),
    ("resdiff.signals", "lenses/default.toml"),
]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "resdiff"


def test_every_bundled_file_is_listed() -> None:
    found = {Path(data_path(package, path)).resolve() for package, path in BUNDLED}
    assert found == set((ROOT / "resdiff").rglob("*.toml"))


@pytest.mark.parametrize(("package", "path"), BUNDLED)
def test_cold_and_warm_reads_are_what_tomllib_gives(
    package: str, path: str, cache_home: Path
) -> None:
    parsed = tomllib.loads(read_text(package, path))
    cold = read_toml(package, path)
    kept = cache_file(package, path)
    assert kept is not None and Path(kept).parent == cache_home and os.path.isfile(kept)
    warm = read_toml(package, path)
    # Equal, and of the same types all the way down (a list stays a list).
    assert cold == parsed and warm == parsed
    assert repr(warm) == repr(parsed)


def _write(folder: Path, text: str) -> tuple[str, str]:
    """A data file in a package of its own (``data_path`` finds it by the package)."""
    (folder / "pkg").mkdir(exist_ok=True)
    (folder / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "pkg" / "x.toml").write_text(text, encoding="utf-8")
    return "pkg", "x.toml"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(__import__("sys").modules, "pkg", raising=False)
    return tmp_path


def test_a_changed_file_is_parsed_again(package: Path, cache_home: Path) -> None:
    pkg, path = _write(package, 'a = "one"\n')
    assert read_toml(pkg, path) == {"a": "one"}
    pkg, path = _write(package, 'a = "two"\n')
    assert read_toml(pkg, path) == {"a": "two"}
    assert read_toml(pkg, path) == {"a": "two"}


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal data", marshal.dumps(["a list"]), marshal.dumps(("a = 1\n", [1]))],
)
def test_a_damaged_or_foreign_cache_file_is_a_miss(
    package: Path, cache_home: Path, content: bytes
) -> None:
    pkg, path = _write(package, "a = 1\n")
    kept = cache_file(pkg, path)
    assert kept is not None
    Path(kept).parent.mkdir(parents=True)
    Path(kept).write_bytes(content)
    assert read_toml(pkg, path) == {"a": 1}
    assert marshal.loads(Path(kept).read_bytes()) == ("a = 1\n", {"a": 1})  # rewritten


def test_a_cache_that_cannot_be_written_is_not_an_error(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # "resdiff" cannot go under a file
    pkg, path = _write(package, "a = 1\n")
    assert read_toml(pkg, path) == {"a": 1}
    assert read_toml(pkg, path) == {"a": 1}


def test_a_value_marshal_cannot_hold_is_parsed_every_time(package: Path, cache_home: Path) -> None:
    pkg, path = _write(package, "when = 2024-03-22\n")  # a date: not a marshal value
    assert str(read_toml(pkg, path)["when"]) == "2024-03-22"
    assert not list(cache_home.glob("*"))


def test_the_cache_folder_follows_xdg_and_the_python_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/used")
    kept = cache_file("resdiff", "data/labels.toml")
    assert kept is not None
    assert kept.startswith(os.path.join(os.path.expanduser("~"), ".cache", "resdiff"))
    assert datalists.sys.implementation.cache_tag in kept
