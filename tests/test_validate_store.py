"""Validation on a pyoxigraph store gives pySHACL's verdicts and lines, for every shape and breakage.

pySHACL (a test dependency only) is the reference: each graph here is validated both ways
and the violation lines must be identical, including the details nested under ``sh:node``
and pySHACL's default messages for constraints the shapes give no message of their own.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from test_graph_build import M
from test_graph_validate import BREAKAGES, GOOD, some_evidence

from policekg.extract.errors import PoliceKGError
from policekg.graph.rdf.namespaces import ORG, PKO, RDF, SH, XSD
from policekg.graph.rdf.shacl_shapes import ShapesError, as_anti_join, read_shapes
from policekg.graph.rdf.validate import validate_file, validate_graph
from policekg.graph.rdf.rdflib_reading import read_graph
from policekg.graph.rdf.write import write_graph
from policekg.ontology import load_ontology, load_shapes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from query import Generator  # noqa: E402  (the benchmark's contract-shaped graphs)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")


def pyshacl_lines(graph: Graph) -> list[str]:
    """The lines policekg printed when it ran pySHACL with the ontology as ``ont_graph``."""
    _, report, _ = pyshacl.validate(graph, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none")
    lines = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        where = [node.n3(graph.namespace_manager) for node in
                 (report.value(result, SH.focusNode), report.value(result, SH.resultPath)) if node is not None]
        messages = sorted(str(message) for message in report.objects(result, SH.resultMessage))
        lines.add(f"{' '.join(where)}: {' '.join(messages) or 'violates a shape.'}")
    return sorted(lines)


def unlabelled(lines: list[str]) -> list[str]:
    """Lines with blank node labels blanked: each parser labels blank nodes its own way."""
    return sorted(re.sub(r"_:\w+", "_:b", line) for line in lines)


def broken(breakage: Callable[[Graph], None]) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in GOOD.namespaces():
        graph.bind(prefix, namespace)
    graph += GOOD
    breakage(graph)
    return graph


def blank_evidence_node(graph: Graph) -> None:
    """An evidence node that is a blank node: EvidenceShape's own sh:nodeKind, which has no message."""
    node = some_evidence(graph, ORG.memberOf)
    blank = BNode("evidence")
    for predicate, obj in list(graph.predicate_objects(node)):
        graph.add((blank, predicate, obj))
    graph.remove((node, None, None))


def role_of_wrong_kind(graph: Graph) -> None:
    """A membership whose role is not typed org:Role: sh:node fails, with RoleShape's sh:class as detail."""
    graph.remove((M.role("Police and Crime Commissioner"), RDF.type, ORG.Role))


def evidence_start_after_end(graph: Graph) -> None:
    node = some_evidence(graph, ORG.memberOf)
    graph.set((node, PKO.charStart, Literal(10**6)))


EXTRA = [blank_evidence_node, role_of_wrong_kind, evidence_start_after_end]


@pytest.mark.parametrize("breakage", [b for b, _ in BREAKAGES] + EXTRA, ids=lambda b: b.__name__)
def test_store_validation_matches_pyshacl(breakage: Callable[[Graph], None]) -> None:
    graph = broken(breakage)
    lines = validate_graph(graph).violations
    assert lines and unlabelled(lines) == unlabelled(pyshacl_lines(graph))


def test_generated_graph_matches_pyshacl(tmp_path: Path) -> None:
    """The benchmark's graphs leave PEEL areas and roles untyped: thousands of lines at scale, a few here."""
    path = tmp_path / "generated.nt"
    path.write_text("".join(Generator(2).lines()), encoding="utf-8")
    result = validate_file(path)
    assert not result.conforms and f"Results ({len(result.violations)}):" in result.report_text
    assert any(line.endswith(": Value does not have class org:Role") for line in result.violations)
    assert result.violations == pyshacl_lines(read_graph(path))


def test_file_lines_use_the_files_prefixes(tmp_path: Path) -> None:
    graph = broken(role_of_wrong_kind)
    path = write_graph(graph, tmp_path / "graph.ttl")
    assert validate_file(path).violations == pyshacl_lines(read_graph(path))


def test_not_exists_becomes_minus_only_where_equivalent() -> None:
    query = "SELECT $this ?s WHERE { ?s $this ?o . FILTER NOT EXISTS { ?o $this ?s } }"
    assert as_anti_join(query) == "SELECT $this ?s WHERE { ?s $this ?o . MINUS { ?o $this ?s }\n}"
    for unchanged in [
        "SELECT ?s WHERE { ?s ?p ?o . FILTER NOT EXISTS { ?x ?q ?y } }",  # nothing shared: MINUS would keep all
        "SELECT ?s WHERE { ?s ?p ?o . OPTIONAL { ?s ?q ?r } FILTER NOT EXISTS { ?r ?q ?s } }",
        'SELECT ?s WHERE { ?s ?p "{" . FILTER NOT EXISTS { ?s ?p ?s } }',
        "SELECT ?s WHERE { ?s ?p ?o . FILTER NOT EXISTS { ?s ?p ?o FILTER(?o > 1) } }",
    ]:
        assert as_anti_join(unchanged) == unchanged


def test_unsupported_shape_feature_is_refused_in_one_line() -> None:
    shapes = load_shapes()
    shapes.add((URIRef("https://example.org/SomeShape"), RDF.type, SH.NodeShape))
    shapes.add((URIRef("https://example.org/SomeShape"), SH.closed, Literal(True)))
    with pytest.raises(ShapesError, match="sh:closed is not supported") as caught:
        read_shapes(shapes)
    assert isinstance(caught.value, PoliceKGError) and "\n" not in str(caught.value)


def page_as_written(graph: Graph) -> None:
    """A page as the build writes it: xsd:positiveInteger, which oxigraph's store would read back as xsd:integer."""
    graph.set((some_evidence(graph, ORG.memberOf), PKO.page, Literal("2", datatype=XSD.positiveInteger)))


def test_literals_are_checked_as_written() -> None:
    graph = broken(page_as_written)
    assert validate_graph(graph).conforms and pyshacl_lines(graph) == []
    graph.set((some_evidence(graph, ORG.memberOf), PKO.page, Literal("02", datatype=XSD.integer)))
    lines = validate_graph(graph).violations
    assert lines and lines == pyshacl_lines(graph)
