"""A graph file as an ``rdflib.Graph``, parsed by pyoxigraph and converted once.

Some callers want rdflib's own object (``policekg review``, the public API's users). rdflib's
parsers took 175 s for a million-triple Turtle file; pyoxigraph parses it in about a second,
so the file is parsed there and each term converted to its rdflib twin: what costs now is
rdflib building its graph, not reading the text.

Terms come out as rdflib's parsers make them: a literal typed ``xsd:string`` is rdflib's plain
literal (RDF 1.1 makes them one), a language-tagged literal keeps its tag, any other datatype is
kept; blank nodes keep their labels (unique within the file). Every triple of a TriG file,
whatever its graph, is kept; the file's prefixes are bound over rdflib's usual ones.
"""
from __future__ import annotations

import os

from pyoxigraph import BlankNode, Literal, NamedNode, parse
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdflibLiteral
from rdflib.namespace import XSD
from rdflib.term import Node

from policekg.extract.errors import AccessError

from policekg.graph.query.stores import RDF_FORMATS
from policekg.graph.rdf.write import GraphFileError, first_line, graph_file

_STRING = str(XSD.string)
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def read_graph(path: str | os.PathLike[str]) -> Graph:
    """Parse a graph file by suffix (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``) into an rdflib Graph.

    Raises :class:`GraphFileError` (one line) for a missing file, an unknown suffix, a file that
    does not parse, or an RDF-star triple term, which rdflib cannot hold.
    """
    path, fmt = graph_file(path)
    graph = Graph()  # rdflib's usual prefixes, as its parsers bound them
    quads = parse(path=str(path), format=RDF_FORMATS[fmt])
    terms: dict[object, Node] = {}
    try:
        graph.addN((_term(quad.subject, terms), _term(quad.predicate, terms), _term(quad.object, terms), graph)
                   for quad in quads)
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{path}: not valid {RDF_FORMATS[fmt].name}: {first_line(exc)}") from exc
    except OSError as exc:
        raise AccessError(f"{path}: cannot be read: {first_line(exc)}") from exc
    for prefix, namespace in sorted(quads.prefixes.items()):
        graph.bind(prefix, namespace, override=True)
    return graph


def _term(term: object, known: dict[object, Node]) -> Node:
    """The rdflib term for a pyoxigraph term, made once per distinct term (IRIs repeat a lot)."""
    found = known.get(term)
    if found is None:
        found = known[term] = _convert(term)
    return found


def _convert(term: object) -> Node:
    kind = type(term)
    if kind is NamedNode:
        return URIRef(term.value)
    if kind is BlankNode:
        return BNode(term.value)
    if kind is Literal:
        datatype = term.datatype.value
        if term.language is not None:
            return RdflibLiteral(term.value, lang=term.language)
        return RdflibLiteral(term.value, datatype=None if datatype in (_STRING, _LANG_STRING) else URIRef(datatype))
    raise ValueError(f"an RDF-star triple term ({term}), which rdflib cannot hold")
