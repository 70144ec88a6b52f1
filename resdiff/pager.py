"""A report longer than the terminal goes through a pager, as git's output does.

The pager is ``$RESDIFF_PAGER``, else ``$PAGER``, else ``less``; an empty value or
``cat`` means none. ``less`` gets ``LESS=FRX`` unless the reader set ``LESS`` (quit when
the report fits on one screen, pass colours through, leave the screen as it was), as git
sets it. The CLI asks for a pager only when standard output is a terminal, and
``--no-pager`` skips it.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import signal
import subprocess
from collections.abc import Mapping

#: What git gives ``less`` when the reader has not set ``LESS``.
LESS_DEFAULT = "FRX"


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to run, or None for none."""
    for name in ("RESDIFF_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            return None if command in ("", "cat") else command
    return "less"


def _runnable(command: str) -> bool:
    try:
        words = shlex.split(command)
    except ValueError:
        return False
    return bool(words) and shutil.which(words[0]) is not None


def page(text: str, environ: Mapping[str, str], rows: int) -> bool:
    """Show ``text`` through the pager when it is longer than ``rows`` lines; False when
    it was not paged (short, no pager, or the pager cannot run): the caller writes it."""
    command = pager_command(environ)
    if command is None or text.count("\n") < rows or not _runnable(command):
        return False
    env = dict(environ)
    env.setdefault("LESS", LESS_DEFAULT)
    env.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    # The reader stops the pager with q or Ctrl-C: the pager handles the keys, we wait.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write(text.encode("utf-8"))
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
