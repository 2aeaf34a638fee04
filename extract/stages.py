"""Where a build spends its time: seconds per stage (read, nlp, resolve, link, ...).

A :class:`Stopwatch` is made current for the duration of a build (:func:`timing`) and the
stages report into it with :func:`stage`; with none current, :func:`stage` costs next to
nothing. ``policekg build`` and ``bench/build.py`` print the figures.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import perf_counter


class Stopwatch:
    """Seconds per named stage; a stage timed inside another counts for both."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds

    def report(self) -> str:
        """One line, stages in the order first timed: "read 0.4 s, nlp 12.1 s, ..."."""
        return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.seconds.items())


_current: ContextVar[Stopwatch | None] = ContextVar("policekg_stopwatch", default=None)


@contextmanager
def timing(stopwatch: Stopwatch) -> Iterator[Stopwatch]:
    """Make ``stopwatch`` the one :func:`stage` reports to, for the ``with`` block."""
    token = _current.set(stopwatch)
    try:
        yield stopwatch
    finally:
        _current.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the ``with`` block as stage ``name`` on the current stopwatch, if any."""
    stopwatch = _current.get()
    if stopwatch is None:
        yield
        return
    started = perf_counter()
    try:
        yield
    finally:
        stopwatch.add(name, perf_counter() - started)


def current() -> Stopwatch | None:
    """The stopwatch a build is timing into, or ``None``."""
    return _current.get()
