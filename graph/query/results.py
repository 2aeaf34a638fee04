"""What a query's answer is, and how its terms read to a person.

A :class:`QueryResult` is read completely from the engine. Besides its rows it may carry the
labels of the IRIs it holds (:func:`policekg.graph.query.running.with_labels`), so a table can
print "Essex Police" where CSV and JSON keep the IRI.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode

from policekg.extract.errors import PoliceKGError

from policekg.graph.rdf.namespaces import BASE_PREFIX, DEFAULT_BASE, PREFIXES

Term = NamedNode | BlankNode | Literal | pyoxigraph.Triple

_XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS: dict[str, type] = {_XSD + "integer": int, _XSD + "int": int, _XSD + "long": int,
                            _XSD + "decimal": float, _XSD + "double": float, _XSD + "float": float}
_LOCAL_NAME = re.compile(r"[\w.-]*")


class QueryError(PoliceKGError):
    """A query could not be run: bad syntax (with its position), an update, or a bad question."""


@dataclass
class QueryResult:
    """A query's answer, fully read: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE.

    ``labels`` maps IRIs of the rows to their labels (tables and :meth:`records` show those);
    ``money`` names columns of amounts in pounds, shown as "£96,782" in tables; ``footer``
    is text a table prints under its rows (a saved question's totals).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[pyoxigraph.Triple] = field(default_factory=list)
    money: frozenset[str] = frozenset()
    labels: Mapping[str, str] = field(default_factory=dict)
    footer: str = ""

    def readable(self, term: Term | None) -> str:
        """A term as a table shows it: an IRI's label when known, else a prefixed name (``id:`` for
        the default base), else :func:`plain`."""
        if isinstance(term, NamedNode):
            if term.value in self.labels:
                return self.labels[term.value]
            if term.value.startswith(DEFAULT_BASE):
                return f"{BASE_PREFIX}:{term.value[len(DEFAULT_BASE):]}"
        return plain(term)

    def records(self) -> list[dict[str, str | int | float | None]]:
        """SELECT rows as dicts for pandas or plain Python: numbers as int or float, IRIs as their
        labels where known, other terms as :func:`plain` text, unbound as ``None``."""
        return [{name: self._python(term) for name, term in zip(self.variables, row)} for row in self.rows]

    def _python(self, term: Term | None) -> str | int | float | None:
        if term is None:
            return None
        if isinstance(term, Literal) and term.datatype.value in NUMBERS:
            try:
                return NUMBERS[term.datatype.value](term.value)
            except ValueError:
                return term.value
        return self.readable(term)


def shorten(iri: str) -> str:
    """``iri`` as a prefixed name when it falls under one of the contract's namespaces."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        local = iri[len(str(namespace)):]
        if iri.startswith(str(namespace)) and _LOCAL_NAME.fullmatch(local) and not local.endswith("."):
            return f"{prefix}:{local}"
    return iri


def plain(term: Term | None) -> str:
    """A term as a person reads it: a literal's text, a short IRI, ``_:id``, or '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return shorten(term.value)
    return str(term)
