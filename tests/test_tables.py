"""The network reads a graph file in one streaming pass, keeping only the predicates a view needs
(graph/rdf/tables.py): the same rows from a file, a store and an rdflib.Graph, and the same
network from each, on small invented graphs."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store
from test_oxread import PREFIXES, TRUST, TURTLE, N, T, same

from policekg.graph.network.projection import to_networkx
from policekg.graph.network.views import VIEWS
from policekg.graph.query.stores import open_store
from policekg.graph.rdf.tables import read_tables
from policekg.graph.rdf.rdflib_reading import read_graph
from policekg.extract.errors import InvalidInput
from policekg.graph.network.network_facts import predicates_for
from policekg.graph.network.views import VIEW_EDGE_TYPES
from policekg.graph.rdf.write import GraphFileError

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
COLLABORATES = "https://w3id.org/policekg/ontology#collaboratesWith"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CHOSEN = {LABEL: False, COLLABORATES: True}


@pytest.fixture(scope="module")
def turtle_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tables") / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def sources(path: Path, view: str = "collaboration") -> dict[str, object]:
    return {"file": path, "store": open_store(graph_file=path), "rdflib": read_graph(path),
            "tables": read_tables(path, predicates_for(VIEW_EDGE_TYPES[view]))}


def test_a_file_keeps_only_the_chosen_predicates_as_plain_strings(turtle_file: Path) -> None:
    tables = read_tables(turtle_file, CHOSEN)
    assert dict(tables.pairs(LABEL))[T] == TRUST
    assert tables.pairs(COLLABORATES) == [(N, T)]  # the literal object "not a node" is left out
    assert "http://www.w3.org/2004/02/skos/core#altLabel" not in tables


def test_a_file_a_store_and_an_rdflib_graph_give_the_same_rows(turtle_file: Path) -> None:
    rows = {name: {predicate: sorted(read_tables(source, CHOSEN).pairs(predicate)) for predicate in CHOSEN}
            for name, source in sources(turtle_file).items()}
    assert rows["file"] == rows["store"] == rows["rdflib"]


@pytest.mark.parametrize("view", VIEWS)
def test_a_file_gives_the_network_a_store_gives(turtle_file: Path, view: str) -> None:
    networks = {name: to_networkx(source, view, unconnected=True)
                for name, source in sources(turtle_file, view).items()}
    same(networks["file"], networks["store"])
    same(networks["file"], networks["rdflib"])
    same(networks["file"], networks["tables"])


def test_tables_already_read_are_given_back_if_they_hold_every_predicate(turtle_file: Path) -> None:
    tables = read_tables(turtle_file, CHOSEN)
    assert read_tables(tables, {LABEL: False}) is tables
    with pytest.raises(InvalidInput, match="without https://w3id.org/policekg/ontology#quote"):
        read_tables(tables, {**CHOSEN, "https://w3id.org/policekg/ontology#quote": False})


def test_each_node_is_one_string_however_often_it_occurs(turtle_file: Path) -> None:
    tables = read_tables(turtle_file, {**CHOSEN, TYPE: True})
    nodes = [node for predicate in (LABEL, COLLABORATES, TYPE) for pair in tables.pairs(predicate) for node in pair
             if node == N]
    assert len(nodes) > 2 and all(node is nodes[0] for node in nodes)


@pytest.mark.parametrize("source", ["file", "store", "rdflib", "tables"])
def test_what_is_done_meanwhile_is_done_once(turtle_file: Path, source: str) -> None:
    calls = []
    read_tables(sources(turtle_file)[source], CHOSEN, meanwhile=lambda: calls.append(1))
    assert calls == [1]


def test_blank_nodes_read_as_underscore_ids(tmp_path: Path) -> None:
    path = tmp_path / "blank.ttl"
    path.write_text(PREFIXES + ':north pko:collaboratesWith [ rdfs:label "A body with no IRI" ] .\n', encoding="utf-8")
    tables = read_tables(path, CHOSEN)
    [(subject, blank)] = tables.pairs(COLLABORATES)
    assert subject == N and blank.startswith("_:")
    assert tables.pairs(LABEL) == [(blank, "A body with no IRI")]


def test_every_named_graph_of_a_trig_file_counts(tmp_path: Path) -> None:
    path = tmp_path / "graphs.trig"
    path.write_text(PREFIXES + ':g1 { :north rdfs:label "Northshire Police" }\n'
                               ':g2 { :north pko:collaboratesWith :trust }\n', encoding="utf-8")
    tables = read_tables(path, CHOSEN)
    assert tables.pairs(LABEL) == [(N, "Northshire Police")]
    assert tables.pairs(COLLABORATES) == [(N, T)]


def test_a_store_gives_each_triple_once_whatever_its_graphs(tmp_path: Path) -> None:
    store = Store()
    store.load(PREFIXES + ':g1 { :north rdfs:label "N" } :g2 { :north rdfs:label "N" }', format=RdfFormat.TRIG)
    assert read_tables(store, CHOSEN).pairs(LABEL) == [(N, "N")]


def test_a_broken_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(PREFIXES + ":north rdfs:label \"never closed .\n", encoding="utf-8")
    with pytest.raises(GraphFileError) as raised:
        read_tables(path, CHOSEN)
    assert str(raised.value).startswith(f"{path}: not valid Turtle: ") and "\n" not in str(raised.value)


def test_a_missing_file_or_an_unknown_suffix_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError):
        read_tables(tmp_path / "absent.ttl", CHOSEN)
    (tmp_path / "graph.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(GraphFileError):
        read_tables(tmp_path / "graph.csv", CHOSEN)
