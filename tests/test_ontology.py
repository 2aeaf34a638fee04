"""Tests for policekg.ontology: the OWL ontology and SHACL shapes shipped with the package."""
from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import get_type_hints

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from policekg.graph.rdf import namespaces
from policekg.graph.rdf.namespaces import DCTERMS, FOAF, ORG, OWL, PKO, PROV, RDF, RDFS, SH, SKOS
from policekg.ontology import load_ontology, load_shapes, ontology_path, shapes_path

ONTOLOGY_IRI = URIRef(str(PKO).rstrip("#"))
ONTOLOGY = load_ontology()
SHAPES = load_shapes()
CLASS_TYPES = (OWL.Class,)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)
GRADES = [PKO.Outstanding, PKO.Good, PKO.Adequate, PKO.RequiresImprovement, PKO.Inadequate, PKO.Ungraded]


def defined_terms() -> set[URIRef]:
    """Every pko: term the ontology describes (subjects in the pko: namespace)."""
    return {s for s in ONTOLOGY.subjects() if isinstance(s, URIRef) and s.startswith(str(PKO))}


@pytest.mark.parametrize("path_of", [ontology_path, shapes_path])
def test_ontology_files_ship_and_parse_in_rdflib_and_pyoxigraph(path_of: object) -> None:
    path = path_of()
    assert isinstance(path, Path) and path.is_file() and path.suffix == ".ttl"
    triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(Graph().parse(path, format="turtle")) > 100


def test_ontology_loaders_return_fresh_graphs() -> None:
    first = load_ontology()
    first.remove((None, None, None))
    assert len(load_ontology()) == len(ONTOLOGY) > 0


def test_ontology_header() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTOLOGY
    assert ONTOLOGY.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal(version("policekg"))
    for predicate in (RDFS.label, RDFS.comment, DCTERMS.created, DCTERMS.license):
        assert ONTOLOGY.value(ONTOLOGY_IRI, predicate) is not None, predicate


def test_ontology_every_class_and_property_has_english_label_and_comment() -> None:
    terms = {s for kind in CLASS_TYPES + PROPERTY_TYPES for s in ONTOLOGY.subjects(RDF.type, kind)}
    terms |= set(GRADES) | {PKO.GradeScheme}
    assert len(terms) >= 30
    for term in terms:
        for predicate in (RDFS.label, RDFS.comment):
            values = list(ONTOLOGY.objects(term, predicate))
            assert len(values) == 1 and values[0].language == "en", (term, predicate)


def test_ontology_pko_namespace_lists_exactly_the_ontology_terms() -> None:
    declared = {PKO[name] for name in get_type_hints(PKO) if not name.startswith("_")}
    assert declared == defined_terms()


def test_ontology_pko_rejects_undefined_terms() -> None:
    with pytest.raises(AttributeError):
        PKO.colaboratesWith  # noqa: B018
    with pytest.raises(AttributeError):
        PKO["Excellent"]


@pytest.mark.parametrize(
    ("term", "relation", "parent"),
    [
        (PKO.PoliceForce, RDFS.subClassOf, ORG.FormalOrganization),
        (PKO.PartnerOrganisation, RDFS.subClassOf, ORG.Organization),
        (PKO.Programme, RDFS.subClassOf, namespaces.SCHEMA.Project),
        (PKO.Programme, RDFS.subClassOf, PROV.Activity),
        (PKO.Person, RDFS.subClassOf, FOAF.Person),
        (PKO.Fund, RDFS.subClassOf, namespaces.SCHEMA.MonetaryGrant),
        (PKO.Document, RDFS.subClassOf, PROV.Entity),
        (PKO.Document, RDFS.subClassOf, FOAF.Document),
        (PKO.Judgement, RDFS.subClassOf, PROV.Entity),
        (PKO.Grade, RDFS.subClassOf, SKOS.Concept),
        (PKO.collaboratesWith, RDF.type, OWL.SymmetricProperty),
        (PKO.collaboratesWith, RDFS.subPropertyOf, ORG.linkedTo),
        (PKO.funder, RDFS.subPropertyOf, namespaces.SCHEMA.funder),
        (PKO.amount, RDFS.subPropertyOf, namespaces.SCHEMA.amount),
        (PKO.amount, RDFS.range, namespaces.XSD.decimal),
        (PKO.mentionedIn, RDFS.range, PKO.Document),
        (PKO.grade, RDFS.range, PKO.Grade),
        (PKO.GradeScheme, RDF.type, SKOS.ConceptScheme),
    ],
)
def test_ontology_alignment(term: URIRef, relation: URIRef, parent: URIRef) -> None:
    assert (term, relation, parent) in ONTOLOGY


def test_ontology_grade_scheme_is_ordered() -> None:
    for order, grade in enumerate(GRADES, start=1):
        assert (grade, RDF.type, PKO.Grade) in ONTOLOGY
        assert (grade, SKOS.inScheme, PKO.GradeScheme) in ONTOLOGY
        assert ONTOLOGY.value(grade, SKOS.notation).toPython() == order
        assert ONTOLOGY.value(grade, SKOS.prefLabel).language == "en"
    assert ONTOLOGY.value(PKO.RequiresImprovement, SKOS.prefLabel) == Literal("Requires improvement", lang="en")


@pytest.mark.parametrize(
    "target",
    [PKO.PoliceForce, PKO.PartnerOrganisation, PKO.Programme, PKO.Person, PKO.Fund, PKO.Document, PKO.Judgement,
     RDF.Statement, ORG.Membership],
)
def test_ontology_shapes_target_every_contract_class(target: URIRef) -> None:
    assert (None, SH.targetClass, target) in SHAPES


def test_ontology_shapes_messages_are_sentences() -> None:
    constraints = set(SHAPES.subjects(RDF.type, SH.PropertyShape)) | set(SHAPES.objects(None, SH.sparql))
    assert len(constraints) > 30
    for constraint in constraints:
        message = SHAPES.value(constraint, SH.message)
        assert message is not None, constraint
        assert message[0].isupper() or message[0] == "{", message
        assert message.endswith("."), message
