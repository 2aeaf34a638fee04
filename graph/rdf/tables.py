"""The triples of a few chosen predicates, read in one pass into tables of plain strings.

The network commands need a handful of predicates (types, labels, the links of a view and
their evidence), never the whole graph indexed. Loading a million-triple file into a
pyoxigraph store costs about 2.5 times its parse (the store builds an index per triple
order), and asking it SPARQL costs more on top; streaming ``pyoxigraph.parse`` once and keeping
only the chosen predicates costs little more than the parse. :func:`read_tables` does that for
a graph file, and reads the same tables from a store or an ``rdflib.Graph`` the caller already
holds, so every source gives the same rows.

Values are plain strings, as the SPARQL reading of :mod:`policekg.graph.rdf.reading` gives
them: an IRI as the IRI, a literal as its lexical form, a blank node as ``_:id``. A
predicate declared as linking nodes keeps no literal objects (``FILTER(!isLiteral(?o))``), and
RDF-star triples as subjects are skipped. Every named graph of a TriG file counts, as in the
queries (the default graph is their union).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Store, parse

from policekg.extract.errors import AccessError, InvalidInput

from policekg.graph.collection import collection_paused
from policekg.graph.query.stores import RDF_FORMATS
from policekg.graph.rdf.halves import read_in_halves
from policekg.graph.rdf.write import GraphFileError, first_line, graph_file

Pair = tuple[str, str]  # (subject, object) as strings


class Tables:
    """For each chosen predicate (an IRI), its (subject, object) pairs, in reading order."""

    def __init__(self, rows: Mapping[str, list[Pair]]) -> None:
        self._rows = dict(rows)

    def pairs(self, predicate: str) -> list[Pair]:
        """The (subject, object) pairs of ``predicate``; ``KeyError`` if it was not chosen."""
        return self._rows[predicate]

    def __contains__(self, predicate: str) -> bool:
        return predicate in self._rows

    def chosen(self) -> set[str]:
        """The predicates read."""
        return set(self._rows)


# what tables are read from: a graph file, a pyoxigraph store, an rdflib graph, or tables already read
GraphSource = rdflib.Graph | Store | Tables | str | os.PathLike[str]


@collection_paused()
def read_tables(source: GraphSource, predicates: Mapping[str, bool], *,
                meanwhile: Callable[[], object] | None = None) -> Tables:
    """The tables of ``predicates`` (IRI → whether its objects are nodes, literals then left out)
    read from a graph file (by suffix), a pyoxigraph store or an ``rdflib.Graph``; tables
    already read are given back as they are if they hold every predicate.

    A graph file is parsed once, as a stream. ``meanwhile`` is called once: while a large file is
    parsed in two halves (after the second half's process has begun), else before reading.
    Raises :class:`GraphFileError` (one line) for a missing file, an unknown suffix or a file that
    does not parse, and ``ValueError`` for tables that lack a predicate.
    """
    if isinstance(source, (str, os.PathLike)):
        return _file_tables(source, predicates, meanwhile)
    if meanwhile is not None:
        meanwhile()
    if isinstance(source, Tables):
        missing = sorted(set(predicates) - source.chosen())
        if missing:
            raise InvalidInput(f"these tables were read without {', '.join(missing)}")
        return source
    if isinstance(source, Store):
        return Tables({predicate: list(_store_pairs(source, predicate, nodes))
                       for predicate, nodes in predicates.items()})
    if isinstance(source, rdflib.Graph):
        return Tables({predicate: list(_rdflib_pairs(source, predicate, nodes))
                       for predicate, nodes in predicates.items()})
    raise InvalidInput(f"cannot read tables from a {type(source).__name__}")


def _file_tables(file: str | os.PathLike[str], predicates: Mapping[str, bool],
                 meanwhile: Callable[[], object] | None) -> Tables:
    """One streaming parse of a graph file, keeping the chosen predicates' pairs; a large file
    is parsed in two halves at once (:mod:`policekg.graph.rdf.halves`) where that is safe."""
    path, fmt = graph_file(file)
    rdf_format = RDF_FORMATS[fmt]
    rows_of = partial(_rows, predicates=dict(predicates))
    called = []

    def once() -> None:
        if meanwhile is not None and not called:
            called.append(True)
            meanwhile()

    rows = read_in_halves(path, rdf_format, rows_of, _joined, once)
    if rows is not None:
        return Tables(rows)
    once()
    try:
        return Tables(rows_of(parse(path=str(path), format=rdf_format)))
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{path}: not valid {rdf_format.name}: {first_line(exc)}") from exc
    except OSError as exc:
        raise AccessError(f"{path}: cannot be read: {first_line(exc)}") from exc


def _rows(quads: Iterable, predicates: Mapping[str, bool]) -> dict[str, list[Pair]]:
    """The chosen predicates' pairs of ``quads``."""
    rows: dict[str, list[Pair]] = {predicate: [] for predicate in predicates}
    _stream(quads, rows, predicates)
    return rows


def _joined(first: dict[str, list[Pair]], second: dict[str, list[Pair]]) -> dict[str, list[Pair]]:
    """The rows of two halves of a file, in file order."""
    for predicate, pairs in first.items():
        pairs.extend(second[predicate])
    return first


def _stream(quads: Iterable, rows: dict[str, list[Pair]], predicates: Mapping[str, bool]) -> None:
    """Append each quad of a chosen predicate to its table; the loop every triple of a file
    passes through, so it does no more than it must.

    Each node is kept as one string however often it occurs (a statement is the subject of ten
    triples, an entity the object of thousands): that halves the rows' memory and what a
    second process sends back, and grouping them later is quicker, a string keeping its hash.
    Subjects come in runs (Turtle groups a subject's triples), so only a new one is looked up.
    """
    chosen = {NamedNode(predicate): (rows[predicate], nodes) for predicate, nodes in predicates.items()}
    find = chosen.get
    same = {}.setdefault
    last = ""
    for quad in quads:
        found = find(quad.predicate)
        if found is None:
            continue
        subject, obj = quad.subject, quad.object
        kind = type(obj)
        if kind is Literal:
            if found[1]:
                continue
            value = obj.value
        elif kind is NamedNode:
            value = obj.value
            value = same(value, value)
        elif kind is BlankNode:
            value = "_:" + obj.value
            value = same(value, value)
        else:
            continue
        kind = type(subject)
        if kind is NamedNode:
            node = subject.value
        elif kind is BlankNode:
            node = "_:" + subject.value
        else:
            continue
        if node != last:
            last = same(node, node)
        found[0].append((last, value))


def _store_pairs(store: Store, predicate: str, nodes: bool) -> Iterator[Pair]:
    """The pairs of ``predicate`` in every graph of ``store``, each once."""
    rows: list[Pair] = []
    _stream(store.quads_for_pattern(None, NamedNode(predicate), None), {predicate: rows}, {predicate: nodes})
    yield from dict.fromkeys(rows)


def _rdflib_pairs(graph: rdflib.Graph, predicate: str, nodes: bool) -> Iterator[Pair]:
    """The pairs of ``predicate`` in an ``rdflib.Graph``."""
    for subject, _, obj in graph.triples((None, rdflib.URIRef(predicate), None)):
        if isinstance(obj, rdflib.Literal):
            if nodes:
                continue
            yield _rdflib_text(subject), str(obj)
        elif isinstance(subject, (rdflib.URIRef, rdflib.BNode)) and isinstance(obj, (rdflib.URIRef, rdflib.BNode)):
            yield _rdflib_text(subject), _rdflib_text(obj)


def _rdflib_text(term: rdflib.term.Node) -> str:
    return f"_:{term}" if isinstance(term, rdflib.BNode) else str(term)

