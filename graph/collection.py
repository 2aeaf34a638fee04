"""Pausing Python's cyclic garbage collector while a graph is read or drawn in bulk.

The collector runs after every 700 new container objects, and now and then walks every object
alive. Reading a million-triple file for the network makes about 750,000 tuples, and drawing it
tens of thousands of dicts, none of which can form a reference cycle: the collector spent 0.7 s
of a 4.5 s ``policekg show`` walking them. Bulk work runs with it paused; reference counting
still frees every object as usual, and the collector is restored as it was (a pause inside a
pause leaves it paused).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off, then restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
