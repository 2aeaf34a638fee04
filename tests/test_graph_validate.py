"""Tests for policekg.graph.rdf.validate: the shapes accept a good graph and explain a bad one."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from test_graph_build import BARNES, ESSEX, FUND, KENT, M, sample_extraction

from policekg.extract.errors import PoliceKGError
from policekg.graph.rdf import namespaces
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.namespaces import ORG, PKO, PROV, RDF, RDFS
from policekg.graph.rdf.validate import GraphFileError, ValidationResult, validate_file, validate_graph
from policekg.graph.rdf.write import FORMATS, write_graph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # rdflib's own TriG internals
OPEN_PKO = Namespace(str(PKO))  # to write terms the ontology does not define
DECIMAL = namespaces.XSD.decimal  # a module-level XSD upsets pytest's collection
GOOD = build_rdf(sample_extraction())


def kent_efficiency() -> object:
    return M.judgement(KENT, "Efficiency", "2016")


def some_evidence(graph: Graph, predicate: object) -> object:
    return next(iter(sorted(graph.subjects(RDF.predicate, predicate))))


def drop_label(graph: Graph) -> None:
    graph.remove((M.entity(KENT), RDFS.label, None))


def one_way_collaboration(graph: Graph) -> None:
    graph.remove((M.entity(ESSEX), PKO.collaboratesWith, M.entity(KENT)))


def link_without_evidence(graph: Graph) -> None:
    graph.add((M.entity(KENT), PKO.participatesIn, M.entity("Programme/operation-encompass")))


def reverse_collaboration_without_evidence(graph: Graph) -> None:
    for node in list(graph.subjects(RDF.subject, M.entity(ESSEX))):
        if (node, RDF.predicate, PKO.collaboratesWith) in graph:
            graph.remove((node, None, None))


def grade_outside_scheme(graph: Graph) -> None:
    graph.set((kent_efficiency(), PKO.grade, OPEN_PKO.Excellent))


def bad_sha(graph: Graph) -> None:
    graph.set((M.document("kent-peel-2016"), PKO.sha256, Literal("not-a-digest")))


def confidence_above_one(graph: Graph) -> None:
    graph.set((some_evidence(graph, ORG.memberOf), PKO.confidence, Literal("1.5", datatype=DECIMAL)))


def unknown_status(graph: Graph) -> None:
    graph.set((some_evidence(graph, ORG.memberOf), PKO.status, Literal("rumoured")))


def role_without_label(graph: Graph) -> None:
    graph.remove((M.role("Police and Crime Commissioner"), RDFS.label, None))


def mentioned_in_unknown_document(graph: Graph) -> None:
    graph.add((M.entity(BARNES), PKO.mentionedIn, M.document("no-such-document")))


def fund_amount_as_string(graph: Graph) -> None:
    graph.set((M.entity(FUND), PKO.amount, Literal("£1.5m")))


def judgement_without_source(graph: Graph) -> None:
    graph.remove((kent_efficiency(), PROV.wasDerivedFrom, None))


def untyped_reification(graph: Graph) -> None:
    graph.remove((some_evidence(graph, PKO.participatesIn), RDF.type, RDF.Statement))


BREAKAGES: list[tuple[Callable[[Graph], None], str]] = [
    (drop_label, "<https://w3id.org/policekg/id/force/kent-police> rdfs:label: An entity must have exactly one"),
    (one_way_collaboration, "but the reverse pko:collaboratesWith triple is missing"),
    (link_without_evidence, "has no rdf:Statement evidence node"),
    (reverse_collaboration_without_evidence, "The link from https://w3id.org/policekg/id/force/essex-police to "
                                             "https://w3id.org/policekg/id/force/kent-police has no rdf:Statement"),
    (grade_outside_scheme, "pko:grade: A judgement must have exactly one pko:grade from pko:GradeScheme"),
    (bad_sha, "pko:sha256: A document must have exactly one pko:sha256 of 64 hexadecimal digits."),
    (confidence_above_one, "pko:confidence: An evidence node must have exactly one pko:confidence"),
    (unknown_status, "pko:status: An evidence node may have at most one pko:status"),
    (role_without_label, "org:role: A membership must have exactly one org:role"),
    (mentioned_in_unknown_document, "pko:mentionedIn: An entity must be pko:mentionedIn at least one document"),
    (fund_amount_as_string, "pko:amount: A fund must have exactly one pko:amount"),
    (judgement_without_source, "prov:wasDerivedFrom: A judgement must be prov:wasDerivedFrom"),
    (untyped_reification, "must be typed rdf:Statement"),
]


def test_validate_good_graph_conforms() -> None:
    result = validate_graph(GOOD)
    assert result == ValidationResult(True, [], result.report_text)
    assert "Conforms: True" in result.report_text


@pytest.mark.parametrize(("breakage", "expected"), BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_validate_reports_readable_violation(breakage: Callable[[Graph], None], expected: str) -> None:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in GOOD.namespaces():
        graph.bind(prefix, namespace)
    graph += GOOD
    breakage(graph)
    result = validate_graph(graph)
    assert not result.conforms
    assert any(expected in line for line in result.violations), "\n".join(result.violations)
    assert all("\n" not in line and line.endswith(".") for line in result.violations)


def test_validate_does_not_modify_the_graph() -> None:
    before = set(GOOD)
    validate_graph(GOOD)
    assert set(GOOD) == before


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_validate_file_in_every_format(tmp_path: Path, suffix: str) -> None:
    assert validate_file(write_graph(GOOD, tmp_path / f"graph{suffix}")).conforms


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.ttl", None, "no such file"),
        ("graph.rdf", "<a> <b> <c> .", "cannot tell the RDF format"),
        ("graph.ttl", '<https://x/a> <https://x/b> "unterminated .', "not valid turtle"),
        ("graph.jsonld", "{not json", "not valid json-ld"),
    ],
)
def test_validate_file_errors_are_one_line(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(GraphFileError, match=message) as caught:
        validate_file(path)
    assert isinstance(caught.value, PoliceKGError) and isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)
