"""Cleaning and extraction finish on long documents, whatever their shape.

Each shape (a few units of text repeated: one endless word, a run of capitals after "the",
lines that never end a sentence, runs of capitalised words, deep brackets, many names, posts
and abbreviations: the shapes that once hung a build) is read at a length where work in
proportion to the text takes a second or two, under a time limit far beyond that: work that
backtracks or rescans the text would need minutes or hours there. How the work grows with the
text is measured by ``bench/linear_time.py`` (timings belong to benchmarks, not tests).
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read
from policekg.extract.deadline import TimeLimitExceeded, time_limit
from policekg.extract.model import Failure, ReadDocument

LIMIT_SECONDS = 120
"""Far beyond the linear work at these lengths, far below what backtracking or rescanning needs."""
CLEAN_CHARS = 1_000_000
EXTRACT_CHARS = 8_000

UNITS = [
    "a", "A", "Abc ", "the ", "the A", "-", "a-\n", "(", ")", "\t", "£1,000 ", "(ABC) ", "Kent ",
    "Chief Constable ", "Mr John Smith, Chair of the Panel, ", "works with ", "Operation Alpha ",
    "Councillor Jane Doe\tAnytown Borough Council\n", "the quick brown fox jumps over the dog\n",
    "Kent Police works with Essex Police and ", "Alpha Beta Group (ABG) ", "‘Project One’ ",
    "Kent, Essex, Surrey, ", "Signed: Jo Bloggs\n", "2019/20\t", ", ", ". ", "\n\n",
]


def repeated(units: list[str], size: int) -> str:
    """A text of ``size`` characters made by repeating ``units`` in turn."""
    block = "".join(units)
    return (block * (size // len(block) + 1))[:size]


def finishes(work: Callable[[], object]) -> bool:
    """Whether ``work`` finishes within :data:`LIMIT_SECONDS`."""
    try:
        with time_limit(LIMIT_SECONDS):
            work()
    except TimeLimitExceeded:
        return False
    return True


SHAPES = st.lists(st.sampled_from(UNITS), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SHAPES)
def test_linear_time_cleaning_finishes_on_long_text_of_any_shape(units: list[str]) -> None:
    text = repeated(units, CLEAN_CHARS)
    assert finishes(lambda: clean_text(text)), f"cleaning {units!r} did not finish"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(SHAPES)
def test_linear_time_extraction_finishes_on_long_text_of_any_shape(nlp, units: list[str]) -> None:
    def extract() -> None:
        result = analyse_read(ReadDocument("shape.txt", clean_text(repeated(units, EXTRACT_CHARS))), nlp)
        assert not isinstance(result, Failure), result.reason

    assert finishes(extract), f"extracting {units!r} did not finish"


@pytest.mark.parametrize("units", [["A"], ["the A"], ["a"], ["Abc "], ["Chief Constable ", "Kent "],
                                   ["the quick brown fox jumps over the dog\n"], ["(ABC) "], ["("]])
def test_linear_time_extraction_finishes_on_the_shapes_that_hung_builds(nlp, units: list[str]) -> None:
    text = clean_text(repeated(units, EXTRACT_CHARS))
    assert finishes(lambda: analyse_read(ReadDocument("shape.txt", text), nlp)), f"extracting {units!r} did not finish"
