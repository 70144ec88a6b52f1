"""Work the app must never wait for when it quits.

Textual's thread workers run in asyncio's default executor, whose threads are joined when
the event loop shuts down: quitting during a long comparison left a blank screen until it
finished. ``in_daemon_thread`` runs the function in a daemon thread of its own instead;
the caller awaits it (in an async worker, so ``exclusive`` and cancelling still work).
When the awaiting task is cancelled (the reader quit, or asked for another comparison),
the thread is stopped at its next Python instruction, so it no longer competes with the
app for the interpreter while the app shuts down or starts the new comparison.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Abandoned(BaseException):
    """Raised inside a worker thread whose result nobody waits for any more."""


async def in_daemon_thread(fn: Callable[[], T], name: str = "resdiff-work") -> T:
    """``fn()`` in a daemon thread; its result or its exception, awaited."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return  # cancelled before it started
        try:
            result = fn()
        except Abandoned:
            return
        except BaseException as exc:  # handed to the awaiting task, which decides
            future.set_exception(exc)
        else:
            future.set_result(result)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    try:
        return await asyncio.wrap_future(future)
    except asyncio.CancelledError:
        _stop(thread)
        raise


def _stop(thread: threading.Thread) -> None:
    """Raise ``Abandoned`` in ``thread`` at its next Python instruction (CPython's
    ``PyThreadState_SetAsyncExc``; a long call into C finishes first)."""
    import ctypes  # only when a thread is stopped: not on the way to the first paint

    if thread.ident is not None and thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(Abandoned)
        )
