"""Where the warm server listens, and whether that place can be trusted.

The socket lives in a folder only its user can enter (``$XDG_RUNTIME_DIR/resdiff``, else
``$TMPDIR/resdiff-<uid>``). Both sides check the folder before use: a folder someone
else made or opened to others could host a stranger's server, which would receive the
caller's environment and streams. Imports nothing beyond ``os``: the client runs this on
every command.
"""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False  # typing's flag without importing typing (start-up)
if TYPE_CHECKING:
    from collections.abc import Mapping

#: Environment variable: ``off`` (or ``0``) makes every command run cold.
SWITCH = "RESDIFF_WARM"
SOCKET_NAME = "warm.sock"
#: AF_UNIX paths are limited to 107 bytes on Linux.
MAX_PATH = 107


def enabled(environ: Mapping[str, str]) -> bool:
    """Not switched off by ``RESDIFF_WARM``."""
    return environ.get(SWITCH, "").strip().lower() not in ("off", "0", "no", "false")


def folder(environ: Mapping[str, str]) -> str:
    """The private folder of the server's socket and lock."""
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        return os.path.join(runtime, "resdiff")
    tmp = environ.get("TMPDIR", "") or "/tmp"
    return os.path.join(tmp, f"resdiff-{os.getuid()}")


def socket_path(environ: Mapping[str, str]) -> str:
    """Where the server listens."""
    return os.path.join(folder(environ), SOCKET_NAME)


def private(path: str) -> bool:
    """A folder (not a link) owned by this user that nobody else can enter or list."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def owned_socket(path: str) -> bool:
    """A socket (not a link) owned by this user."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def reachable(argv: list[str], environ: Mapping[str, str]) -> str | None:
    """The socket of a warm server worth trying for ``argv``, or None to run cold: not
    switched off, not ``serve`` itself, output not to a terminal (the pager and the
    terminal's size belong to the caller's session, not the server's), and a private
    folder holding a socket of ours."""
    command = next((a for a in argv if a != "--debug"), None)
    if command == "serve" or not enabled(environ) or not hasattr(os, "getuid"):
        return None
    if any(a.startswith(("/dev/fd/", "/proc/", "/dev/std")) for a in argv):
        return None  # the caller's own open files (process substitution): not the server's
    try:
        if os.isatty(1):
            return None
    except OSError:
        return None
    path = socket_path(environ)
    if private(os.path.dirname(path)) and owned_socket(path):
        return path
    return None
