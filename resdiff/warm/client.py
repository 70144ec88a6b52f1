"""Handing a command to the warm server (``resdiff.warm.place.reachable`` said one may run).

Declines (returns None, and the command runs cold) at the first doubt: a server of
another user or another installation or Python, a closed standard stream, a server that
says no. Imported only when a socket is there, before anything else of resdiff.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import socket
import struct
import sys

#: First bytes of a request, with the protocol's version.
MAGIC = b"RDW1"


def package_dir() -> str:
    """This installation's ``resdiff`` folder: a server started from another one declines."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(path: str, argv: list[str]) -> int | None:
    """The exit code of ``argv`` run by the warm server at ``path``, or None to run it
    here."""
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    with sock:
        try:
            sock.connect(path)
            if peer_uid(sock) != os.getuid():
                return None
            send_request(sock, argv)
        except (OSError, ValueError):
            return None
        return await_exit(sock)


def peer_uid(sock: socket.socket) -> int | None:
    """The user running the other end (Linux's ``SO_PEERCRED``), None where unknown."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return int(struct.unpack("3i", raw)[1])


def request(argv: list[str]) -> dict[str, object]:
    """Everything a cold run would take from its process besides the streams."""
    mask = os.umask(0)
    os.umask(mask)
    streams = [
        [getattr(s, "encoding", None), getattr(s, "errors", None)]
        for s in (sys.stdin, sys.stdout, sys.stderr)
    ]
    return {
        "argv": [sys.argv[0] if sys.argv else "resdiff", *argv],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": mask,
        "package": package_dir(),
        "python": sys.version,
        "streams": streams,
    }


def send_request(sock: socket.socket, argv: list[str]) -> None:
    """The request with the caller's standard input, output and error attached."""
    body = marshal.dumps(request(argv))
    socket.send_fds(sock, [MAGIC + struct.pack("!I", len(body))], [0, 1, 2])
    sock.sendall(body)


def await_exit(sock: socket.socket) -> int | None:
    """Wait for the warm copy's exit code. Ctrl-C is passed on to it (it stops as a cold
    run would, and says so); a caller ended by SIGTERM or SIGHUP ends it too."""
    reader = sock.makefile("rb")
    worker: int | None = None
    while True:
        try:
            line = reader.readline()
        except KeyboardInterrupt:
            if worker is not None:
                os.kill(worker, signal.SIGINT)
            continue
        except OSError:
            line = b""
        if line.startswith(b"P") and worker is None:
            worker = int(line[1:])
            _pass_on_endings(worker)
        elif line.startswith(b"X"):
            return int(line[1:])
        elif worker is None:
            return None  # declined (or gone) before starting: run it here
        else:
            sys.stderr.write("resdiff: the warm server's worker stopped unexpectedly\n")
            return 2


def _pass_on_endings(worker: int) -> None:
    def end(signum: int, _frame: object) -> None:
        with contextlib.suppress(OSError):
            os.kill(worker, signum)
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, end)


def ask(path: str, what: str) -> list[bytes] | None:
    """Ask the server at ``path`` to ``stop`` or for its ``status``: the lines of its
    answer, or None when no server of ours answered."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(path)
            if peer_uid(sock) != os.getuid():
                return None
            body = marshal.dumps({what: True})
            socket.send_fds(sock, [MAGIC + struct.pack("!I", len(body))], [])
            sock.sendall(body)
            lines = sock.makefile("rb").readlines()
        except OSError:
            return None
    if len(lines) != 2 or lines[1] != b"X0\n" or not lines[0].startswith(b"N"):
        return None
    return lines
