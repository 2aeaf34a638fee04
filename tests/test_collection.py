"""Bulk graph work pauses the cyclic garbage collector and restores it as it was (graph/collection.py)."""
from __future__ import annotations

import gc

import pytest

from policekg.graph.collection import collection_paused


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one paused
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("a broken file")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_as_a_decorator_each_call_pauses() -> None:
    @collection_paused()
    def read() -> bool:
        return gc.isenabled()

    assert read() is False and read() is False
    assert gc.isenabled()
