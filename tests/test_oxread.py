"""The reading commands read graph files with pyoxigraph and SPARQL (graph/rdf/reading.py,
graph/network/network_facts.py): the exact projection of small invented graphs written as Turtle, and
the same network, scores and evidence whether a caller gives an rdflib.Graph or a store."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat, Store
from test_network import network_extraction

from policekg.cli import cli
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.evaluate import evaluate, report
from policekg.graph.network.evidence import graph_names, statements_between
from policekg.graph.network.projection import to_networkx
from policekg.graph.network.views import VIEWS
from policekg.graph.query.stores import open_store
from policekg.graph.rdf.rdflib_reading import read_graph
from policekg.graph.rdf.tables import read_tables
from policekg.graph.rdf.write import GraphFileError

PREFIXES = """@prefix pko: <https://w3id.org/policekg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <http://example.org/> .
"""

# Two forces, a partner named with quotes, tabs and a line break, a fund each way between
# the forces, a fund with no funder, evidence read in two documents, numbers typed loosely.
TURTLE = PREFIXES + r"""
:north a pko:PoliceForce ; rdfs:label "Northshire Police" ; skos:altLabel "NP", "Northshire Constabulary" ;
    pko:searchName "northshire police" ; pko:mentionedIn :doc1, :doc2 .
:south a pko:PoliceForce ; rdfs:label "Southshire Police" ; pko:searchName "southshire police" ;
    pko:mentionedIn :doc1 .
:trust a pko:PartnerOrganisation ; rdfs:label "The \"Safe\"\tTrust\nof Ely \\ café 🚓" ; pko:mentionedIn :doc2 .
:doc1 a pko:Document ; dcterms:title "Plan B", "Plan A" ; dcterms:source "docs/plan.txt" .
:doc2 a pko:Document ; dcterms:source "docs/untitled.txt" .
:north pko:collaboratesWith :trust , "not a node" .
:s1 a rdf:Statement ; rdf:subject :north ; rdf:predicate pko:collaboratesWith ; rdf:object :trust ;
    prov:wasDerivedFrom :doc2, :doc1 ; pko:quote "works with the \"Safe\" Trust" ; pko:status "in place" ;
    pko:confidence "0.8"^^xsd:double ; pko:page "3"^^xsd:positiveInteger ; pko:charStart 10 ; pko:charEnd 40 .
:northFund a pko:Fund ; rdfs:label "Mutual aid" ; pko:amount "1200.50"^^xsd:decimal ; pko:period "2020/21" ;
    pko:funder :north ; pko:recipient :south ; pko:mentionedIn :doc1 .
:southFund a pko:Fund ; rdfs:label "Mutual aid back" ; pko:amount 300 ;
    pko:funder :south ; pko:recipient :north ; pko:mentionedIn :doc1 .
:reserve a pko:Fund ; rdfs:label "Reserve" ; pko:recipient :north ; pko:mentionedIn :doc1 .
"""
N, S, T = "http://example.org/north", "http://example.org/south", "http://example.org/trust"
TRUST = "The \"Safe\"\tTrust\nof Ely \\ café 🚓"


@pytest.fixture(scope="module")
def turtle_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("oxread") / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def same(first: nx.MultiGraph, second: nx.MultiGraph) -> None:
    """Two networks with the same nodes, edges (in order) and attributes."""
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
    assert first.graph == second.graph


def test_rows_are_plain_strings_with_escapes_undone(turtle_file: Path) -> None:
    labels = dict(read_tables(turtle_file, {"http://www.w3.org/2000/01/rdf-schema#label": False}).pairs(
        "http://www.w3.org/2000/01/rdf-schema#label"))
    assert labels[T] == TRUST
    assert labels["http://example.org/northFund"] == "Mutual aid"


def test_the_projection_of_an_invented_graph(turtle_file: Path) -> None:
    network = to_networkx(open_store(graph_file=turtle_file), "all")
    assert list(network.nodes(data=True)) == [
        (N, {"kind": "PoliceForce", "label": "Northshire Police", "aliases": ["NP", "Northshire Constabulary"],
             "documents": ["Plan A", "http://example.org/doc2"]}),
        (S, {"kind": "PoliceForce", "label": "Southshire Police", "aliases": [], "documents": ["Plan A"]}),
        (T, {"kind": "PartnerOrganisation", "label": TRUST, "aliases": [], "documents": ["http://example.org/doc2"]}),
    ]
    assert network.edges[N, T, "collaboration"] == {"label": "collaborates with", "evidence": [
        {"quote": 'works with the "Safe" Trust', "document": "Plan A", "status": "in place", "confidence": 0.8,
         "page": 3, "start": 10, "end": 40}]}
    funding = network.edges[N, S, "funding"]
    assert funding["origin"] == N  # the first fund in IRI order (:northFund) says where the edge starts
    assert (funding["fund"], funding["amount"], funding["period"], funding["total"]) == \
        ("Mutual aid; Mutual aid back", "1200.5; 300", "2020/21", "1500.5")
    assert funding["label"] == "£1,200.5 (2020/21); £300"
    assert network.graph["funds_without_parties"] == [
        {"fund": "Reserve", "amount": "", "period": "", "label": "an unknown amount", "funder": "",
         "recipient": "Northshire Police", "documents": ["Plan A"], "evidence": []}]
    assert sorted(network.edges(keys=True)) == [(N, S, "funding"), (N, T, "collaboration")]


def test_a_literal_object_is_never_an_edge(turtle_file: Path) -> None:
    network = to_networkx(open_store(graph_file=turtle_file), "collaboration")
    assert list(network.edges(keys=True)) == [(N, T, "collaboration")]


@pytest.mark.parametrize("view", VIEWS)
def test_rdflib_graph_and_store_give_the_same_network(view: str) -> None:
    graph = build_rdf(network_extraction())
    store = Store()
    store.load(graph.serialize(format="turtle", encoding="utf-8"), format=RdfFormat.TURTLE)
    same(to_networkx(graph, view), to_networkx(store, view))
    same(to_networkx(graph, view, unconnected=True, min_degree=1),
         to_networkx(store, view, unconnected=True, min_degree=1))


def test_a_file_gives_the_network_its_rdflib_reading_gives(turtle_file: Path) -> None:
    for view in VIEWS:
        same(to_networkx(read_graph(turtle_file), view, unconnected=True), to_networkx(open_store(graph_file=turtle_file), view,
                                                                                      unconnected=True))


def test_focus_on_a_store(turtle_file: Path) -> None:
    network = to_networkx(open_store(graph_file=turtle_file), "all", focus="northshire constabulary", depth=1)
    assert sorted(network) == [N, S, T]
    assert sorted(to_networkx(open_store(graph_file=turtle_file), "money", focus="Southshire Police", depth=1)) == [N, S]


def test_evidence_from_a_store_and_from_rdflib(turtle_file: Path) -> None:
    store, graph = open_store(graph_file=turtle_file), read_graph(turtle_file)
    assert graph_names(store) == graph_names(graph) == {"northshire police": "Northshire Police",
                                                         "southshire police": "Southshire Police"}


def test_evaluate_reads_a_file_and_a_store_as_it_read_rdflib(tmp_path: Path) -> None:
    graph = build_rdf(network_extraction())
    path = tmp_path / "graph.ttl"
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "kent.gold.json").write_text(
        '{"document": "kent.txt", "entities": [{"name": "Kent Police", "type": "PoliceForce"},'
        ' {"name": "Essex Police", "type": "PoliceForce"}, {"name": "Missing Trust", "type": "PartnerOrganisation"}],'
        ' "relations": [{"a": "Kent Police", "b": "Essex Police", "type": "collaboratesWith", "status": "in place"}],'
        ' "funds": [{"amount": "96782", "recipient": "Kent Police", "funder": "Home Office", "period": "2015/16"}]}',
        encoding="utf-8")
    from_store, from_graph, from_file = evaluate(open_store(graph_file=path), gold), evaluate(graph, gold), evaluate(path, gold)
    assert report(from_store) == report(from_graph) == report(from_file)
    assert sorted(from_store.errors) == sorted(from_graph.errors) == sorted(from_file.errors)
    assert from_store.scores["PoliceForce"].tp == 2 and from_store.scores["collaboratesWith"].tp == 1
    assert "missed PartnerOrganisation in kent.txt: Missing Trust" in from_store.errors


def test_statements_between_from_a_store_from_rdflib_and_from_a_file(tmp_path: Path) -> None:
    graph = build_rdf(network_extraction())
    store = Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    path = tmp_path / "graph.nt"
    path.write_text(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"), encoding="utf-8")
    for a, b in (("Kent Police", "Essex Police"), ("Home Office", "Kent Police"), ("Ann Barnes", "Kent Police")):
        assert statements_between(store, a, b) == statements_between(graph, a, b) == statements_between(path, a, b)
    assert [s.relation for s in statements_between(store, "Home Office", "Kent Police")] == [
        "Home Office funds Kent Police: Police Innovation Fund",
        "Home Office funds Kent Police: Police Innovation Fund top-up"]


def test_a_bad_graph_file_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(PREFIXES + ":a :b", encoding="utf-8")
    with pytest.raises(GraphFileError, match="not valid Turtle"):
        open_store(graph_file=broken)
    result = CliRunner().invoke(cli, ["stats", str(broken)])
    assert result.exit_code != 0 and "not valid Turtle" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_stats_on_a_file(turtle_file: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", str(turtle_file), "--view", "all"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Entities: 3  Edges: 2\n")


def test_node_sizes_are_networkx_degree_centrality_of_the_simple_graph() -> None:
    from policekg.graph.network.view import MAX_NODE_SIZE, MIN_NODE_SIZE, _node_sizes

    g = nx.MultiGraph()
    g.add_edges_from([("a", "b", "collaboration"), ("a", "b", "funding"), ("b", "c", "post"), ("c", "c", "post")])
    g.add_node("d")
    centrality = nx.degree_centrality(nx.Graph(g))
    top = max(centrality.values())
    assert _node_sizes(g) == {node: MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * centrality[node] / top
                              for node in g}
