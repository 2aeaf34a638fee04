"""Cleaning and extraction take time in proportion to a document's length, whatever its shape.

Each test times the same shape at two sizes in one process, in CPU time, and compares the
ratio: work proportional to the text grows about as much as the text (4 times here), work
that rescans it grows with the square (16 times). The shapes are the ones that used to hang
a build: one endless word, a run of capitals after "the", lines that never end a sentence,
runs of capitalised words, deep brackets, many names, many posts, many abbreviations.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read
from policekg.extract.deadline import TimeLimitExceeded, time_limit
from policekg.extract.model import Failure, ReadDocument

GROWTH = 4
LINEAR_BOUND = 9  # twice the linear growth, well under the quadratic 16: room for a busy machine

UNITS = [
    "a", "A", "Abc ", "the ", "the A", "-", "a-\n", "(", ")", "\t", "£1,000 ", "(ABC) ", "Kent ",
    "Chief Constable ", "Mr John Smith, Chair of the Panel, ", "works with ", "Operation Alpha ",
    "Councillor Jane Doe\tAnytown Borough Council\n", "the quick brown fox jumps over the dog\n",
    "Kent Police works with Essex Police and ", "Alpha Beta Group (ABG) ", "‘Project One’ ",
    "Kent, Essex, Surrey, ", "Signed: Jo Bloggs\n", "2019/20\t", ", ", ". ", "\n\n",
]


def _cpu_seconds(work: Callable[[], object]) -> float:
    """The least CPU time of two runs of ``work`` (the least is the one least disturbed)."""
    timings = []
    for _ in range(2):
        started = time.process_time()
        work()
        timings.append(time.process_time() - started)
    return min(timings)


def _growth(work: Callable[[str], object], document: Callable[[int], str], size: int) -> float:
    """How many times longer ``work`` takes on a document ``GROWTH`` times longer.

    The longer run is stopped (and reported as growing past any bound) once it takes far
    longer than linear growth allows, so a quadratic regression fails instead of hanging.
    """
    small, large = document(size), document(size * GROWTH)
    base = max(_cpu_seconds(lambda: work(small)), 1e-3)
    try:
        with time_limit(3 * LINEAR_BOUND * base + 2):
            return _cpu_seconds(lambda: work(large)) / base
    except TimeLimitExceeded:
        return float("inf")


def _repeated(units: list[str]) -> Callable[[int], str]:
    """A document of about ``n`` characters made by repeating ``units`` in turn."""
    def document(n: int) -> str:
        block = "".join(units)
        return (block * (n // len(block) + 1))[:n]
    return document


SHAPES = st.lists(st.sampled_from(UNITS), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SHAPES)
def test_linear_time_cleaning_grows_with_the_text(units: list[str]) -> None:
    growth = _growth(clean_text, _repeated(units), 10_000)
    assert growth < LINEAR_BOUND, f"cleaning {units!r} grew {growth:.1f} times for {GROWTH} times the text"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(SHAPES)
def test_linear_time_extraction_grows_with_the_text(nlp, units: list[str]) -> None:
    def extract(text: str) -> None:
        result = analyse_read(ReadDocument("shape.txt", clean_text(text)), nlp)
        assert not isinstance(result, Failure), result.reason

    growth = _growth(extract, _repeated(units), 1_500)
    assert growth < LINEAR_BOUND, f"extracting {units!r} grew {growth:.1f} times for {GROWTH} times the text"


@pytest.mark.parametrize("units", [["A"], ["the A"], ["a"], ["Abc "], ["Chief Constable ", "Kent "],
                                   ["the quick brown fox jumps over the dog\n"], ["(ABC) "], ["("]])
def test_linear_time_extraction_of_the_shapes_that_hung_builds(nlp, units: list[str]) -> None:
    def extract(text: str) -> None:
        analyse_read(ReadDocument("shape.txt", clean_text(text)), nlp)

    growth = _growth(extract, _repeated(units), 1_500)
    assert growth < LINEAR_BOUND, f"extracting {units!r} grew {growth:.1f} times for {GROWTH} times the text"
