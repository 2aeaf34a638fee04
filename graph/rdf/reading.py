"""Reading a graph for the evidence and question commands: pyoxigraph and SPARQL.

Parsing a graph file into rdflib took 175 s for a million triples; pyoxigraph parses it in
seconds. So the commands that ask questions of a graph (``evidence``, ``query``, ``ask``)
load a file into a pyoxigraph store once (:func:`load_graph`) and ask it what they
need with the SPARQL queries of ``queries/read/*.rq`` (:func:`select`), each returning a
whole table (every label, every evidence statement of a document) that Python then groups: a
few queries over the whole graph, never one per node. A caller holding an ``rdflib.Graph``
(the public API) has it copied into a store once (:func:`as_store`). The network commands and
``evaluate`` need no store: they stream the file once (:mod:`policekg.graph.rdf.tables`).

Rows come back as plain strings, read from pyoxigraph's SPARQL TSV serialization: an IRI
as the IRI, a literal as its lexical form (what ``str()`` of an rdflib term gave), a blank
node as ``_:id``, and ``None`` where a variable is unbound. Making a Python term object for
each of a million cells costs more than the query; splitting TSV lines costs little.
Note that pyoxigraph keeps numbers in canonical form ("1.50" as a decimal reads "1.5").
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, NamedNode, QueryResultsFormat, QuerySolutions, Store

from policekg.graph.query.running import evaluate
from policekg.graph.query.stores import graph_store, open_store

READ_QUERY_DIR = Path(__file__).with_name("queries") / "read"

Row = tuple[str | None, ...]

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def load_graph(graph_file: str | os.PathLike[str]) -> Store:
    """A graph file (by suffix: ``.ttl``, ``.nt``, ``.jsonld``, ``.trig``) in an in-memory store.

    Raises :class:`~policekg.graph.rdf.write.GraphFileError` (one line) for a missing file, an
    unknown suffix or a file that does not parse.
    """
    return open_store(graph_file=graph_file)


def as_store(graph: rdflib.Graph | Store) -> Store:
    """``graph`` as a store to query: a store as it is, an ``rdflib.Graph`` copied into one."""
    return graph if isinstance(graph, Store) else graph_store(graph)


@cache
def _query(name: str) -> str:
    return (READ_QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def node(value: str) -> NamedNode | BlankNode:
    """The store's node for a value a row gave (an IRI or ``_:id``), to bind in a query."""
    return BlankNode(value[2:]) if value.startswith("_:") else NamedNode(value)


def select(store: Store, name: str, **bindings: str) -> Iterator[Row]:
    """The rows of the read query ``queries/read/NAME.rq``, values in the order it selects them
    (``None`` where unbound); each of ``bindings`` (an IRI or ``_:id``) is substituted for the
    variable of that name."""
    solutions = evaluate(store, _query(name), {variable: node(value) for variable, value in bindings.items()})
    assert isinstance(solutions, QuerySolutions), f"{name}.rq must be a SELECT query"
    lines = solutions.serialize(format=QueryResultsFormat.TSV).decode("utf-8").split("\n")
    for line in lines[1:]:
        if line:
            yield tuple(map(_value, line.split("\t")))


def _value(field: str) -> str | None:
    """One TSV cell as a plain string: IRI, lexical form, ``_:id`` or a bare number; ``None`` if empty."""
    if not field:
        return None
    if field[0] == "<":
        return field[1:-1]
    if field[0] == '"':
        body = field[1:field.rfind('"')]
        return _ESCAPE.sub(_unescape, body) if "\\" in body else body
    return field


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _ESCAPED.get(match.group(3), match.group(3))


def least(values: set[str] | list[str] | None) -> str | None:
    """The least of ``values`` in code-point order: the one value a node should have, should a
    graph give it several (so the same graph always reads the same); ``None`` if there are none."""
    return min(values) if values else None


def grouped(rows: Iterable[Row]) -> dict[str, set[str]]:
    """Two-column rows as {first: {second, …}}, unbound seconds left out."""
    groups: dict[str, set[str]] = defaultdict(set)
    for key, value in rows:
        if value is not None:
            groups[key].add(value)
    return groups


def columns(rows: Iterable[Row]) -> dict[str, list[set[str]]]:
    """Rows grouped by their first value: for each, the set of values each other column took
    (a query with several OPTIONALs gives one row per combination of values)."""
    found: dict[str, list[set[str]]] = {}
    for key, *values in rows:
        sets = found.get(key)
        if sets is None:
            found[key] = [set() if value is None else {value} for value in values]
            continue
        for column, value in zip(sets, values):
            if value is not None:
                column.add(value)
    return found
