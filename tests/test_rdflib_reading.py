"""A graph file as an rdflib.Graph, parsed by pyoxigraph (graph/rdf/rdflib_reading.py): the graph
rdflib's own parser gives, on small invented files of every suffix."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from test_oxread import PREFIXES, TURTLE

from policekg.graph.rdf.rdflib_reading import read_graph
from policekg.graph.rdf.write import GraphFileError

EX = "http://example.org/"


def rdflib_reading(path: Path, fmt: str) -> Graph:
    """What rdflib's own parser gives, every graph's triples in one graph."""
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    graph = Graph()
    for subject, predicate, obj, _ in dataset.quads():
        graph.add((subject, predicate, obj))
    return graph


@pytest.mark.parametrize(("suffix", "fmt"), [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"),
                                             (".trig", "trig")])
def test_every_suffix_gives_what_rdflib_parses(tmp_path: Path, suffix: str, fmt: str) -> None:
    source = Graph()
    source.parse(data=TURTLE, format="turtle")
    path = tmp_path / f"graph{suffix}"
    source.serialize(path, format=fmt, encoding="utf-8")
    assert isomorphic(read_graph(path), rdflib_reading(path, fmt))


def test_literals_keep_their_kind(tmp_path: Path) -> None:
    path = tmp_path / "literals.ttl"
    path.write_text(PREFIXES + ':a :plain "Northshire" ; :typed "Northshire"^^xsd:string ; :tagged "Gogledd"@cy ;\n'
                               '   :amount "1200.50"^^xsd:decimal ; :count 3 ; :unknown "x"^^:ownType .\n', encoding="utf-8")
    objects = {str(p).removeprefix(EX): o for _, p, o in read_graph(path)}
    assert objects["plain"] == Literal("Northshire") and objects["plain"].datatype is None
    assert objects["typed"] == Literal("Northshire") and objects["typed"].datatype is None
    assert objects["tagged"] == Literal("Gogledd", lang="cy")
    assert objects["amount"] == Literal("1200.50", datatype=XSD.decimal)
    assert objects["count"] == Literal("3", datatype=XSD.integer)
    assert objects["unknown"] == Literal("x", datatype=URIRef(EX + "ownType"))


def test_blank_nodes_stay_one_node_each(tmp_path: Path) -> None:
    path = tmp_path / "blank.ttl"
    path.write_text(PREFIXES + ':a :partner _:trust . _:trust :label "Brightwater Trust" .\n', encoding="utf-8")
    graph = read_graph(path)
    [trust] = graph.objects(URIRef(EX + "a"), URIRef(EX + "partner"))
    assert isinstance(trust, BNode)
    assert graph.value(trust, URIRef(EX + "label")) == Literal("Brightwater Trust")


def test_every_graph_of_a_trig_file_counts_and_its_prefixes_are_bound(tmp_path: Path) -> None:
    path = tmp_path / "graphs.trig"
    path.write_text('@prefix nk: <http://example.org/northshire#> .\n'
                    'nk:g1 { nk:a nk:b nk:c } nk:g2 { nk:a nk:b nk:d }\n', encoding="utf-8")
    graph = read_graph(path)
    assert len(graph) == 2
    assert ("nk", URIRef("http://example.org/northshire#")) in set(graph.namespaces())


def test_a_broken_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.nt"
    path.write_text("<http://example.org/a> <http://example.org/b> .\n", encoding="utf-8")
    with pytest.raises(GraphFileError) as raised:
        read_graph(path)
    assert str(raised.value).startswith(f"{path}: not valid N-Triples: ") and "\n" not in str(raised.value)


def test_it_is_public(tmp_path: Path) -> None:
    import policekg

    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    assert policekg.read_graph is read_graph
    assert len(policekg.read_graph(path)) == len(rdflib_reading(path, "turtle"))
