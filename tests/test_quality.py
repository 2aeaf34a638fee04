"""Extraction quality against the gold annotations, with floors a little under what we reach.

The figures behind the floors come from ``policekg evaluate GRAPH --gold DIR``; a change that
makes extraction worse anywhere fails here.
"""
from __future__ import annotations

import pytest

from policekg import api
from policekg.graph.evaluate import ENTITY_KINDS, LINK_TYPES, evaluate

from conftest import REPO

GOLD = REPO / "tests" / "gold"

SEED_FLOORS = {
    "PoliceForce": 0.95, "PartnerOrganisation": 0.92, "Programme": 0.92, "Person": 0.94, "Fund": 0.90,
    "collaboratesWith": 0.82, "participatesIn": 0.82, "memberOf": 0.94,
}
EXAMPLE_FLOORS = {
    "PoliceForce": 0.95, "PartnerOrganisation": 0.95, "Programme": 0.88, "Person": 0.95, "Fund": 0.95,
    "collaboratesWith": 0.95, "participatesIn": 0.90, "memberOf": 0.94,
}


@pytest.mark.parametrize(("category", "floor"), sorted(SEED_FLOORS.items()))
def test_quality_on_the_seeds(seeds_graph, category, floor):
    result = evaluate(seeds_graph, GOLD / "seeds")
    assert result.documents == 5
    assert result.scores[category].f1 >= floor, "\n".join(e for e in result.errors if category in e)


@pytest.mark.parametrize(("category", "floor"), sorted(EXAMPLE_FLOORS.items()))
def test_quality_on_the_examples(examples_graph, category, floor):
    result = evaluate(examples_graph, GOLD / "examples")
    assert result.documents == 4
    assert result.scores[category].f1 >= floor, "\n".join(e for e in result.errors if category in e)


@pytest.fixture(scope="session")
def written_apart(nlp):
    """Graphs of the document sets written and annotated apart from the rules."""
    return {name: api.to_graph(api.extract_documents([REPO / "tests" / name], nlp=nlp))
            for name in ("unseen", "heldout", "heldout3")}


@pytest.mark.parametrize("name", ["unseen", "heldout", "heldout3"])
@pytest.mark.parametrize(("categories", "floor"), [(ENTITY_KINDS, 0.88), (LINK_TYPES, 0.72)])
def test_quality_on_documents_written_apart(written_apart, name, categories, floor):
    result = evaluate(written_apart[name], GOLD / name)
    assert result.documents == 3
    assert result.total(categories).f1 >= floor, "\n".join(result.errors)


@pytest.mark.parametrize("name", ["unseen", "heldout", "heldout3"])
def test_quality_funds_on_documents_written_apart(written_apart, name):
    result = evaluate(written_apart[name], GOLD / name)
    assert result.scores["Fund"].f1 >= 0.68, "\n".join(e for e in result.errors if "Fund" in e)
