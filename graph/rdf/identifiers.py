"""The graph's statements of a body's identifiers, so that it joins with other datasets.

A body of the reference lists that appears in a graph is ``skos:exactMatch`` its Wikidata item
(``http://www.wikidata.org/entity/Qnnn``) and carries its codes as literals: ``pko:policeUkId``
(the data.police.uk force id) and ``pko:onsCode`` (its police force area's ONS code). The codes
come from the bundled ``identifiers.csv``; nothing is fetched. Each scheme there has exactly one
way to be stated here, and a scheme with none is a bug (:func:`identifier_triples` raises).
"""
from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Literal
from rdflib import URIRef
from rdflib.term import Node

from policekg.extract.identifiers import identifiers_of

from policekg.graph.rdf.namespaces import PKO, SKOS, WD

Triple = tuple[URIRef, URIRef, Node]

STATEMENTS: dict[str, Callable[[str], tuple[URIRef, Node]]] = {
    "police-uk": lambda value: (PKO.policeUkId, Literal(value)),
    "ons": lambda value: (PKO.onsCode, Literal(value)),
    "wikidata": lambda value: (SKOS.exactMatch, WD[value]),
}


def identifier_triples(node: URIRef, key: str) -> list[Triple]:
    """The triples stating the identifiers of the entity ``key`` on ``node`` (none for a body
    without identifiers, or an entity the reference lists do not have)."""
    triples = []
    for identifier in identifiers_of().get(key, ()):
        if identifier.scheme not in STATEMENTS:
            raise ValueError(f"identifier scheme {identifier.scheme!r} has no statement in the graph")
        predicate, obj = STATEMENTS[identifier.scheme](identifier.value)
        triples.append((node, predicate, obj))
    return triples
