"""Hand the terminal to the reader's pager ($PAGER) for a long text, then come back.

The app suspends itself (Textual's ``App.suspend``: the screen is restored as it was
before the app started, the pager runs, the app redraws when it exits).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

from textual.app import App, SuspendNotSupported

from resdiff.errors import ResdiffError


def pager_command() -> list[str]:
    """``$PAGER`` split as a shell would; without one, ``less`` (or ``more``)."""
    value = os.environ.get("PAGER", "").strip()
    if value:
        return shlex.split(value)
    for name in ("less", "more"):
        found = shutil.which(name)
        if found:
            return [found]
    raise ResdiffError("no pager found: set $PAGER (for example PAGER=less)")


def page(app: App[int], text: str) -> None:
    """Show ``text`` in the pager; raises ``ResdiffError`` when it cannot run."""
    command = pager_command()
    try:
        with app.suspend():
            subprocess.run(command, input=text, text=True, encoding="utf-8", check=False)
    except SuspendNotSupported:
        raise ResdiffError("this terminal cannot hand the screen to a pager") from None
    except OSError as exc:
        raise ResdiffError(f"cannot run the pager {command[0]!r}: {exc.strerror or exc}") from None
