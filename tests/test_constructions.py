"""Links read from one construction at a time: the invented sentences of ``constructions.py``."""
from __future__ import annotations

import pytest

from constructions import LINKS, NOT_LINKS
from extraction import links_of, normal

# Constructions the extraction does not read yet. Strict: a case that starts passing fails
# here until it is taken off this list, so the list is always the true state of the gaps.
KNOWN_GAPS = {
    "possessive partnership",
    "passive run by, in partnership",
}


def _cases(cases: list[tuple]) -> list:
    """The cases as pytest params, the known gaps marked as strict expected failures."""
    gap = pytest.mark.xfail(strict=True, reason="construction not read yet (KNOWN_GAPS)")
    return [pytest.param(*case, id=case[0], marks=[gap] if case[0] in KNOWN_GAPS else []) for case in cases]


@pytest.mark.parametrize(("name", "text", "expected"), _cases(LINKS))
def test_constructions_give_exactly_their_links(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text"), _cases(NOT_LINKS))
def test_constructions_that_state_no_link(nlp, name: str, text: str) -> None:
    assert links_of(text, nlp) == set()
