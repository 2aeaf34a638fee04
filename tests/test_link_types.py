"""The table of link types agrees with the ontology, and the graph writes links as it says."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from policekg.extract.link_types import link_types
from policekg.extract.model import Kind, Predicate
from policekg.graph.rdf.namespaces import FOAF, ORG, PKO, expand
from policekg.ontology import load_ontology

CLASS_OF = {kind: PKO[kind.value] for kind in Kind}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


# Subclass axioms of the vocabularies the ontology builds on (W3C ORG, FOAF), not restated in it.
EXTERNAL = {ORG.FormalOrganization: ORG.Organization, ORG.Organization: FOAF.Agent, FOAF.Person: FOAF.Agent}


def _superclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    found = set(ontology.transitive_objects(cls, RDFS.subClassOf))
    for known in list(found):
        while known in EXTERNAL:
            known = EXTERNAL[known]
            found.add(known)
    return found


@pytest.mark.parametrize("predicate", list(Predicate), ids=lambda p: p.value)
def test_link_types_every_predicate_has_a_row(predicate: Predicate) -> None:
    assert link_types()[predicate].predicate is predicate


@pytest.mark.parametrize("predicate", list(Predicate), ids=lambda p: p.value)
def test_link_types_symmetry_agrees_with_the_ontology(ontology: Graph, predicate: Predicate) -> None:
    kind = link_types()[predicate]
    prop = expand(kind.curie)
    if prop.startswith(str(PKO._NS)):
        assert ((prop, RDF.type, OWL.SymmetricProperty) in ontology) is kind.symmetric
    else:
        assert not kind.symmetric  # terms of other vocabularies (org:memberOf) are not symmetric


@pytest.mark.parametrize("predicate", list(Predicate), ids=lambda p: p.value)
def test_link_types_kinds_fall_in_the_domain_and_range(ontology: Graph, predicate: Predicate) -> None:
    kind = link_types()[predicate]
    prop = expand(kind.curie)
    domain = ontology.value(prop, RDFS.domain) or (FOAF.Agent if prop == ORG.memberOf else None)
    range_ = ontology.value(prop, RDFS.range) or (ORG.Organization if prop == ORG.memberOf else None)
    for subject in kind.subjects:
        assert domain in _superclasses(ontology, CLASS_OF[subject]), subject
    for obj in kind.objects:
        assert range_ in _superclasses(ontology, CLASS_OF[obj]), obj


@pytest.mark.parametrize(("curie", "message"), [("pko:colaboratesWith", "defines no"), ("nope:x", "not a contract")])
def test_expand_refuses_unknown_terms(curie: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        expand(curie)
