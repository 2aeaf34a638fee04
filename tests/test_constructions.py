"""Links read from one construction at a time: the invented sentences of ``constructions.py``."""
from __future__ import annotations

import pytest

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read, merge
from policekg.extract.model import Predicate, ReadDocument

from constructions import LINKS, NOT_LINKS


def links_of(text: str, nlp) -> set[tuple[str, str, str]]:
    """Every link read from ``text`` by entity label; collaborations in one direction (sorted)."""
    extraction = merge([analyse_read(ReadDocument("case.txt", clean_text(text)), nlp)])
    label = {key: entity.label for key, entity in extraction.entities.items()}
    found = set()
    for link in extraction.links:
        subject, obj = label.get(link.subject, link.subject), label.get(link.object, link.object)
        if link.predicate is Predicate.COLLABORATES_WITH:
            subject, obj = sorted((subject, obj))
        found.add((subject, link.predicate.value, obj))
    return found


def _normal(links: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {(*sorted((a, b)),)[:1] + (p,) + (*sorted((a, b)),)[1:] if p == "collaboratesWith" else (a, p, b)
            for a, p, b in links}


@pytest.mark.parametrize(("name", "text", "expected"), LINKS, ids=[case[0] for case in LINKS])
def test_constructions_give_exactly_their_links(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == _normal(expected)


@pytest.mark.parametrize(("name", "text"), NOT_LINKS, ids=[case[0] for case in NOT_LINKS])
def test_constructions_that_state_no_link(nlp, name: str, text: str) -> None:
    assert links_of(text, nlp) == set()
