"""Reading a graph for the network, evaluation and evidence commands: pyoxigraph and SPARQL.

Parsing a graph file into rdflib took 175 s for a million triples; pyoxigraph parses it in
seconds. So the reading commands load a file into a pyoxigraph store once
(:func:`load_graph`) and ask it what they need with the SPARQL queries of
``queries/read/*.rq`` (:func:`select`), each returning whole tables (every label, every
evidence statement) that Python then groups: a few queries over the whole graph, never one
per node. A caller holding an ``rdflib.Graph`` (the public API) has it copied into a store
once (:func:`as_store`).

The helpers below turn the terms of an answer into the Python values the rdflib-based code
had (``str(literal)``, ``literal.toPython()``), so the outputs stay byte-identical.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Store

from .running import evaluate
from .stores import graph_store, open_store

READ_QUERY_DIR = Path(__file__).with_name("queries") / "read"
XSD = "http://www.w3.org/2001/XMLSchema#"
_FLOATS = {f"{XSD}double", f"{XSD}float"}

Term = NamedNode | BlankNode | Literal
Row = tuple[Term | None, ...]


def load_graph(graph_file: str | os.PathLike[str]) -> Store:
    """A graph file (by suffix: ``.ttl``, ``.nt``, ``.jsonld``, ``.trig``) in an in-memory store.

    Raises :class:`~policekg.graph.write.GraphFileError` (one line) for a missing file, an
    unknown suffix or a file that does not parse.
    """
    return open_store(graph_file=graph_file)


def as_store(graph: rdflib.Graph | Store) -> Store:
    """``graph`` as a store to query: a store as it is, an ``rdflib.Graph`` copied into one."""
    return graph if isinstance(graph, Store) else graph_store(graph)


@cache
def _query(name: str) -> str:
    return (READ_QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def select(store: Store, name: str, **bindings: Term) -> Iterator[Row]:
    """The rows of the read query ``queries/read/NAME.rq``, terms in the order it selects them
    (``None`` where unbound); ``bindings`` are substituted for variables of that name."""
    solutions = evaluate(store, _query(name), bindings)
    assert isinstance(solutions, QuerySolutions), f"{name}.rq must be a SELECT query"
    for solution in solutions:
        yield tuple(solution)


def text(term: Term) -> str:
    """A term as ``str()`` gave it in rdflib: an IRI, a blank node's id or a literal's lexical form."""
    return term.value


def least(terms: Iterable[Term] | None) -> Term | None:
    """The least of ``terms`` by their text: the one value a node should have, should a graph
    give it several (so the same graph always reads the same), or ``None`` when there are none."""
    return min(terms or (), key=text, default=None)


def grouped(rows: Iterable[Row]) -> dict[Term, set[Term]]:
    """Two-column rows as {first: {second, …}}, unbound seconds left out."""
    groups: dict[Term, set[Term]] = defaultdict(set)
    for key, value in rows:
        if value is not None:
            groups[key].add(value)
    return groups


def columns(rows: Iterable[Row]) -> dict[Term, list[set[Term]]]:
    """Rows grouped by their first term: for each, the set of values each other column took
    (a query with several OPTIONALs gives one row per combination of values)."""
    found: dict[Term, list[set[Term]]] = {}
    for key, *values in rows:
        sets = found.setdefault(key, [set() for _ in values])
        for column, value in zip(sets, values):
            if value is not None:
                column.add(value)
    return found


def number(term: Term) -> int | float | Decimal | str:
    """A numeric literal's value as rdflib's ``toPython()`` gives it: an int for integer types,
    a float for doubles and floats, a Decimal for decimals; the text of anything else."""
    lexical = term.value
    if not isinstance(term, Literal):
        return lexical
    datatype = term.datatype.value
    try:
        if datatype in _FLOATS:
            return float(lexical)
        if datatype == f"{XSD}decimal":
            return Decimal(lexical)
        if datatype.startswith(XSD) and datatype[len(XSD):].lower().endswith(("integer", "int", "long", "short",
                                                                               "byte")):
            return int(lexical)
    except ValueError:
        return lexical
    return lexical


def value_text(term: Term | None) -> str:
    """``str(graph.value(...) or "")``: the text of a term, "" when there is none."""
    return "" if term is None else term.value
