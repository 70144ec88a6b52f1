"""Work the app must never wait for when it quits.

Textual's thread workers run in asyncio's default executor, whose threads are joined when
the event loop shuts down: quitting during a long comparison left a blank screen until it
finished. ``in_daemon_thread`` runs the function in a daemon thread of its own instead;
the caller awaits it (in an async worker, so ``exclusive`` and cancelling still work),
and on quit the process exits without joining it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def in_daemon_thread(fn: Callable[[], T], name: str = "resdiff-work") -> T:
    """``fn()`` in a daemon thread; its result or its exception, awaited."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return  # cancelled before it started
        try:
            result = fn()
        except BaseException as exc:  # handed to the awaiting task, which decides
            future.set_exception(exc)
        else:
            future.set_result(result)

    threading.Thread(target=run, name=name, daemon=True).start()
    return await asyncio.wrap_future(future)
