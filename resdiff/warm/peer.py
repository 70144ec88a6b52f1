"""Who is at the other end of the socket, and whether it may stand in for us.

A warm command is run by the server's child with the server's process context; a cold
one with the caller's. Both ends therefore insist that the other runs as the very same
kind of process: same user and groups, same capabilities and security restrictions, same
resource limits, same namespaces and root. A sandboxed process of the same user (no
capabilities, another mount namespace, a lower file-size limit) is declined by the
server and runs cold, within its limits; a caller never talks to a server it could not
itself be. Linux only (``/proc``); elsewhere nothing is the same and everything runs
cold.
"""

from __future__ import annotations

import os
import socket
import struct

#: Lines of /proc/PID/status that make up a process's privileges.
STATUS_FIELDS = (
    "Uid:",
    "Gid:",
    "Groups:",
    "CapInh:",
    "CapPrm:",
    "CapEff:",
    "CapBnd:",
    "CapAmb:",
    "NoNewPrivs:",
    "Seccomp:",
)
NAMESPACES = ("mnt", "user", "pid", "net", "ipc", "uts")


def peer_pid(sock: socket.socket) -> int | None:
    """The process at the other end (``SO_PEERCRED``): for a server, the one that
    listens. None where the system does not say."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, _ = struct.unpack("3i", raw)
    return int(pid) if uid == os.getuid() else None


def context(pid: int) -> tuple[str, ...] | None:
    """What a process may do and see, as /proc says; None if it cannot be read."""
    base = f"/proc/{pid}"
    try:
        with open(f"{base}/status", encoding="ascii", errors="replace") as status:
            lines = [ln.strip() for ln in status if ln.startswith(STATUS_FIELDS)]
        with open(f"{base}/limits", encoding="ascii", errors="replace") as limits:
            lines.append(limits.read())
        lines.extend(os.readlink(f"{base}/ns/{ns}") for ns in NAMESPACES)
        lines.append(os.readlink(f"{base}/root"))
    except OSError:
        return None
    return tuple(lines) if len(lines) == len(STATUS_FIELDS) + len(NAMESPACES) + 2 else None


def same_as_us(sock: socket.socket) -> bool:
    """The process at the other end runs as we do (user, privileges, limits, namespaces)."""
    pid = peer_pid(sock)
    if pid is None:
        return False
    theirs = context(pid)
    return theirs is not None and theirs == context(os.getpid())
