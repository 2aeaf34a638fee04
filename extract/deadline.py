"""A wall-clock limit on the work done for one document, in any thread of any process.

The text work of a build takes time in proportion to a document's size, but a limit is
still needed for what cannot be foreseen (a library meeting input it handles badly): a
document that takes too long must cost one skipped line, not the build. Processes can't be
killed from inside themselves and threads can't be killed at all, so the limit raises
:class:`TimeLimitExceeded` in the thread doing the work, through the interpreter's
``PyThreadState_SetAsyncExc``. It arrives at the next Python instruction: a single call into
C code that never returns is not interrupted (extraction makes no such call on purpose).

The exception derives from :class:`BaseException`, like ``KeyboardInterrupt``, so that code
which catches ``Exception`` to turn bugs into failures does not swallow it.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS_PER_MB = 180.0
MEGABYTE = 1024 * 1024


class TimeLimitExceeded(BaseException):
    """The work of one document ran past its time limit."""


def document_limit(seconds_per_mb: float | None, size_bytes: int) -> float | None:
    """The limit for a document of ``size_bytes``: ``seconds_per_mb`` for each megabyte, and
    at least that much for a smaller one; ``None`` or 0 means no limit."""
    if not seconds_per_mb:
        return None
    return seconds_per_mb * max(1.0, size_bytes / MEGABYTE)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make ``exception`` pending in thread ``thread_id`` (``None`` withdraws a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


class _Alarm:
    """Raises :class:`TimeLimitExceeded` in one thread unless disarmed first."""

    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.armed = True
        self.fired = False

    def fire(self) -> None:
        with self.lock:
            if self.armed:
                self.fired = True
                _raise_in(self.thread_id, TimeLimitExceeded)

    def disarm(self) -> None:
        """After this returns no exception of this alarm is pending: one not yet delivered is withdrawn."""
        with self.lock:
            self.armed = False
            if self.fired:
                _raise_in(self.thread_id, None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in this thread if the block runs longer than ``seconds``.

    Catch it *around* the ``with`` statement: it may surface as the block ends.
    ``None`` or 0 sets no limit.
    """
    if not seconds:
        yield
        return
    alarm = _Alarm(threading.get_ident())
    timer = threading.Timer(seconds, alarm.fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        alarm.disarm()
