"""Small SPARQL helpers for asserting facts about built graphs (values bound, never formatted)."""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.term import Node

from policekg.graph.rdf.namespaces import PREFIXES


def nodes_labelled(graph: Graph, kind: str, label: str) -> list[Node]:
    """Entities of ``pko:<kind>`` whose rdfs:label is ``label``."""
    rows = graph.query(
        "SELECT ?e WHERE { ?e a ?kind ; rdfs:label ?label }",
        initNs=PREFIXES,
        initBindings={"kind": PREFIXES["pko"][kind], "label": Literal(label)},
    )
    return [row.e for row in rows]


def node_with_name(graph: Graph, kind: str, name: str) -> list[Node]:
    """Entities of ``pko:<kind>`` with ``name`` as label or alternative label."""
    rows = graph.query(
        "SELECT DISTINCT ?e WHERE { ?e a ?kind . { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } }",
        initNs=PREFIXES,
        initBindings={"kind": PREFIXES["pko"][kind], "name": Literal(name)},
    )
    return [row.e for row in rows]
