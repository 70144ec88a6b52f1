"""Handing a command to the warm server (``resdiff.warm.place.reachable`` said one may run).

Declines (returns None, and the command runs cold) at the first doubt, before anything
of the caller is sent: a server that is not a process like this one (``peer``), a
server of another installation, Python or interpreter settings (``wire.identity``), a
closed standard stream, a server that says no or does not answer in time. Once the
server's child has said it is ready and been told to go, the command is its: Ctrl-C is
passed on, and SIGTERM or SIGHUP end both, the caller by the same signal, as a cold run
ends. Imported only when a socket is there, before anything else of resdiff.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import struct
import sys

from resdiff.warm import peer, wire

TYPE_CHECKING = False  # typing's flag without importing typing (start-up)
if TYPE_CHECKING:
    from collections.abc import Iterator

#: Seconds to wait for the server's child to introduce itself and to get ready.
PATIENCE = 10.0
#: Seconds a caller ended by a signal waits for its worker to end first.
ENDING = 5.0
#: Signals passed on to the command, by the byte that names them.
PASSED_ON = {signal.SIGINT: b"I", signal.SIGTERM: b"T", signal.SIGHUP: b"H"}


def run(path: str, argv: list[str]) -> int | None:
    """The exit code of ``argv`` run by the warm server at ``path``, or None to run it
    here."""
    try:
        with _connected(path) as sock:
            if sock is None or not _introduced(sock):
                return None
            if _ask(sock, wire.caller_request("run", argv), [0, 1, 2]) != b"P":
                return None
            return await_exit(sock)
    except (OSError, ValueError):
        return None
    except KeyboardInterrupt:
        return 130  # before the worker began: nothing was run, as a cold run stopped early


@contextlib.contextmanager
def _connected(path: str) -> Iterator[socket.socket | None]:
    """A socket connected to a server that runs as we do, or None."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(PATIENCE)
        sock.connect(path)
        yield sock if peer.same_as_us(sock) else None


def _introduced(sock: socket.socket) -> bool:
    """The child's first words name an installation and interpreter exactly like ours."""
    return _line(sock) == wire.identity().hex().encode()


def _line(sock: socket.socket) -> bytes:
    """One line from the server, without its end; b"" at the end of the stream."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = sock.recv(1)
        if not chunk:
            return b""
        data += chunk
        if len(data) > 1 << 16:
            return b""
    return data[:-1]


def _ask(sock: socket.socket, request: wire.Request, fds: list[int]) -> bytes:
    """Send ``request`` with ``fds`` attached; the server's first answer."""
    body = request.encode()
    socket.send_fds(sock, [wire.MAGIC + struct.pack("!I", len(body))], fds)
    sock.sendall(body)
    return _line(sock)


def await_exit(sock: socket.socket) -> int:
    """Tell the waiting worker to go, and wait for its exit code, passing on the signals
    that would end a cold run (handled before the go, so none is lost in between)."""
    sock.settimeout(None)

    def pass_on(signum: int, _frame: object) -> None:
        with contextlib.suppress(OSError):
            sock.sendall(PASSED_ON[signal.Signals(signum)])
        if signum != signal.SIGINT:  # end as a cold run ends: by that very signal,
            with contextlib.suppress(OSError):  # once the worker has (it closes the socket)
                sock.settimeout(ENDING)
                while sock.recv(4096):
                    pass
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    for signum in PASSED_ON:
        signal.signal(signum, pass_on)
    sock.sendall(b"G")  # from here on, the command is the worker's
    line = _line(sock)
    if line.startswith(b"X") and line[1:].isdigit():
        return int(line[1:])
    sys.stderr.write("resdiff: the warm server's worker stopped unexpectedly\n")
    return 2


def ask(path: str, kind: str) -> list[bytes] | None:
    """Ask the server at ``path`` for its ``status``, or to ``stop``: the lines of its
    answer, or None when no server like us answered."""
    try:
        with _connected(path) as sock:
            if sock is None or not _introduced(sock):
                return None
            first = _ask(sock, wire.caller_request(kind, []), [])
            second = _line(sock)
    except OSError:
        return None
    return [first, second] if first.startswith(b"N") and second == b"X0" else None
