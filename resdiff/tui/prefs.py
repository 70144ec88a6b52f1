"""The app's preferences (theme and layout), remembered in a small file.

The file is ``$XDG_CONFIG_HOME/resdiff/app.toml`` (``~/.config/resdiff/app.toml`` when
the variable is unset), written by the app when the reader changes the theme, the view,
the marks or the zoom, and read at start; ``--no-config`` ignores it (neither read nor
written). A damaged file or an unknown value is never fatal: the app says which setting
it ignored and uses the default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Literal

from resdiff.errors import ResdiffError
from resdiff.write import write_atomic

View = Literal["columns", "inline"]
Marks = Literal["auto", "colour", "markers"]
VIEWS: tuple[View, ...] = ("columns", "inline")
MARKS: tuple[Marks, ...] = ("auto", "colour", "markers")


@dataclass(frozen=True, slots=True)
class Preferences:
    """``theme``: a Textual theme name (``None``: Textual's default); ``view``: the pair
    side by side (``columns``) or ``inline``; ``marks``: changes by colour and
    strike-through, as ``[-old-]{+new+}`` markers, or ``auto`` (markers without colour
    or with 16 colours); ``zoom``: the pair view alone."""

    theme: str | None = None
    view: View = "columns"
    marks: Marks = "auto"
    zoom: bool = False


def default_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "resdiff" / "app.toml"


def read(path: Path, themes: set[str]) -> tuple[Preferences, list[str]]:
    """The preferences in ``path`` (defaults when it does not exist) and what was ignored
    in it, one phrase each; ``themes`` are the theme names the app knows."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences(), []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Preferences(), [f"{path}: not read ({_reason(exc)})"]
    prefs, ignored = Preferences(), []
    checks = {
        "theme": lambda v: isinstance(v, str) and v in themes,
        "view": lambda v: v in VIEWS,
        "marks": lambda v: v in MARKS,
        "zoom": lambda v: isinstance(v, bool),
    }
    for key, value in data.items():
        check = checks.get(key)
        if check is None:
            ignored.append(f"{path}: unknown setting {key!r} ignored")
        elif not check(value):
            ignored.append(f"{path}: {key} = {value!r} ignored")
        else:
            prefs = replace(prefs, **{key: value})
    return prefs, ignored


def write(path: Path, prefs: Preferences) -> None:
    """Write ``prefs`` (atomically); raises ``ResdiffError`` when it cannot."""
    lines = ["# resdiff app preferences, written by the app (resdiff --no-config ignores them)"]
    for f in fields(prefs):
        value = getattr(prefs, f.name)
        if value is None:
            continue
        shown = ("true" if value else "false") if isinstance(value, bool) else _quoted(value)
        lines.append(f"{f.name} = {shown}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ResdiffError(f"cannot create the folder ({_reason(exc)})", str(path)) from None
    write_atomic(str(path), "\n".join(lines) + "\n")


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return (exc.strerror or str(exc)).lower()
    return str(exc).splitlines()[0]
