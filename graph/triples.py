"""The graph a build makes, held as pyoxigraph triples from the build until it is written.

Why not an ``rdflib.Graph``: a million-triple graph takes about 1.4 GB in rdflib, and
converting its terms for pyoxigraph's writer costs ten times the writing itself. Here
each triple becomes a ``pyoxigraph.Triple`` once, when the build emits it, and writing
only puts the triples in the canonical order (:func:`policekg.graph.write.serialize`
describes it) and hands them to ``pyoxigraph.serialize``. Where a user asks for an
``rdflib.Graph`` (:func:`policekg.to_graph`), :meth:`Triples.to_rdflib` converts once.

Layout: triples are grouped by subject IRI, then predicate IRI, both plain ``str`` keys,
so ordering them is sorting strings. A (subject, predicate) with one object holds its
triple; one with several holds a dict of them used as a set, so a triple added twice is
kept once, as in rdflib. Each distinct IRI becomes one ``NamedNode`` (kept in
:attr:`Triples.iris`), which also tells the writer which prefixes the graph uses.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

import pyoxigraph
from rdflib import Graph, Literal, URIRef

from .namespaces import DEFAULT_BASE, RDF, bind_prefixes

Objects = pyoxigraph.Triple | dict[pyoxigraph.Triple, None]
"""What one (subject, predicate) holds: its one triple, or its triples as a set."""

_RDF_TYPE = str(RDF.type)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _object_text(triple: pyoxigraph.Triple) -> str:
    """The N-Triples form of a triple's object: the order of a property's several values."""
    return str(triple.object)


def predicate_order(predicates: tuple[str, ...]) -> tuple[str, ...]:
    """Predicates by IRI, but ``rdf:type`` (Turtle's ``a``) first, as Turtle is usually written."""
    ordered = sorted(predicates)
    if _RDF_TYPE in predicates:
        ordered.remove(_RDF_TYPE)
        ordered.insert(0, _RDF_TYPE)
    return tuple(ordered)


class Triples:
    """A graph as pyoxigraph triples grouped by subject and predicate, with the contract's prefixes.

    Build it with :meth:`add` (IRIs as ``str`` or ``URIRef``, literals from :meth:`literal`);
    write it with :func:`policekg.graph.write.write_graph`.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base
        graph = bind_prefixes(Graph(bind_namespaces="none"), base)
        self.prefixes: dict[str, str] = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
        """Prefix name to namespace, as :func:`~policekg.graph.namespaces.bind_prefixes` binds them for ``base``."""
        self.iris: dict[str, pyoxigraph.NamedNode] = {}
        """Every IRI of the graph (subjects, predicates, objects and datatypes), by its text."""
        self.subjects: dict[str, dict[str, Objects]] = {}
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def iri(self, text: str) -> pyoxigraph.NamedNode:
        """The one ``NamedNode`` of an IRI (``ValueError`` if it is not a valid IRI)."""
        text = str.__str__(text)  # a URIRef is a str whose == refuses plain strings: key by the text itself
        node = self.iris.get(text)
        if node is None:
            try:
                node = self.iris[text] = pyoxigraph.NamedNode(text)
            except ValueError as exc:
                raise ValueError(f"{text!r} is not a valid IRI: {exc}") from None
        return node

    def literal(self, lexical: str, datatype: str | None = None) -> pyoxigraph.Literal:
        """A plain literal, or one of ``datatype`` (an IRI, noted as used like any other)."""
        if datatype is None:
            return pyoxigraph.Literal(lexical)
        return pyoxigraph.Literal(lexical, datatype=self.iri(datatype))

    def add(self, subject: str, predicate: str, obj: str | pyoxigraph.Literal) -> None:
        """Add one triple; ``obj`` is an IRI when it is a ``str`` (a ``URIRef`` is one), else a literal."""
        subject, predicate = str.__str__(subject), str.__str__(predicate)
        triple = pyoxigraph.Triple(self.iri(subject), self.iri(predicate), self.iri(obj) if isinstance(obj, str) else obj)
        predicates = self.subjects.get(subject)
        if predicates is None:
            predicates = self.subjects[subject] = {}
        held = predicates.get(predicate)
        if held is None:
            predicates[predicate] = triple
        elif type(held) is dict:
            if triple in held:
                return
            held[triple] = None
        elif held == triple:
            return
        else:
            predicates[predicate] = {held: None, triple: None}
        self._size += 1

    def __iter__(self) -> Iterator[pyoxigraph.Triple]:
        """Every triple, grouped by subject but in no particular order (see :meth:`ordered`)."""
        for predicates in self.subjects.values():
            for held in predicates.values():
                yield from held if type(held) is dict else (held,)

    def ordered(self) -> Iterator[pyoxigraph.Triple]:
        """The triples in canonical order: subjects by IRI, their predicates as :func:`predicate_order`
        puts them, the objects of one predicate by their N-Triples form.

        Subjects of the same shape share one sort of their predicates (every evidence node
        has the same ones), and each subject's triples go to pyoxigraph as one list.
        """
        subjects, orders = self.subjects, {}
        for subject in sorted(subjects):
            predicates = subjects[subject]
            shape = tuple(predicates)
            order = orders.get(shape)
            if order is None:
                order = orders[shape] = predicate_order(shape)
            held = [predicates[predicate] for predicate in order]
            if dict in map(type, held):
                held = chain.from_iterable(sorted(h, key=_object_text) if type(h) is dict else (h,) for h in held)
            yield from held

    def to_rdflib(self) -> Graph:
        """The same graph as an ``rdflib.Graph`` with the same prefixes bound: one conversion, for the API."""
        graph = bind_prefixes(Graph(bind_namespaces="none"), self.base)
        iris: dict[str, URIRef] = {}

        def term(node: pyoxigraph.NamedNode | pyoxigraph.Literal) -> URIRef | Literal:
            if isinstance(node, pyoxigraph.NamedNode):
                text = node.value
                return iris.get(text) or iris.setdefault(text, URIRef(text))
            datatype = node.datatype.value
            if node.language:
                return Literal(node.value, lang=node.language)
            return Literal(node.value, datatype=None if datatype == _XSD_STRING else term(node.datatype))

        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in self)
        return graph
