"""The graph a build makes, held as pyoxigraph triples from the build until it is written.

Why not an ``rdflib.Graph``: a million-triple graph takes about 1.4 GB in rdflib, and
converting its terms for pyoxigraph's writer costs ten times the writing itself. Here
each triple becomes a ``pyoxigraph.Triple`` once, when the build emits it, and writing
only puts the subjects in order (:func:`policekg.graph.rdf.write.serialize` describes the
canonical order) and hands the triples to ``pyoxigraph.serialize``. Where a user asks for
an ``rdflib.Graph`` (:func:`policekg.to_graph`), :meth:`Triples.to_rdflib` converts once.

Layout: each subject IRI (a plain ``str``) holds its triples in a list already in the
canonical order, with a parallel list of the predicates' sort keys: ``bisect`` finds where
a new triple goes, among the objects of its predicate by their N-Triples form, so a
triple added twice is found there and kept once, as rdflib would. Writing is then one
sort of subject strings and one ``extend`` per subject. Each distinct IRI becomes one
``NamedNode`` (kept in :attr:`Triples.iris`), which also tells the writer which prefixes
the graph uses.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import pyoxigraph
from rdflib import Graph, Literal, URIRef

from policekg.graph.rdf.namespaces import DEFAULT_BASE, RDF, bind_prefixes

_RDF_TYPE = str(RDF.type)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def predicate_key(predicate: str) -> str:
    """The sort key of a predicate: its IRI, but ``rdf:type`` (Turtle's ``a``) first."""
    return "" if predicate == _RDF_TYPE else predicate


def _object_text(triple: pyoxigraph.Triple) -> str:
    """The N-Triples form of a triple's object: the order of one predicate's objects."""
    return str(triple.object)


class Triples:
    """A graph as pyoxigraph triples grouped by subject in predicate order, with the contract's prefixes.

    Build it with :meth:`add` (IRIs as ``str`` or ``URIRef``, literals from :meth:`literal`);
    write it with :func:`policekg.graph.rdf.write.write_graph`.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base
        graph = bind_prefixes(Graph(bind_namespaces="none"), base)
        self.prefixes: dict[str, str] = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
        """Prefix name to namespace, as :func:`~policekg.graph.rdf.namespaces.bind_prefixes` binds them for ``base``."""
        self.iris: dict[str, pyoxigraph.NamedNode] = {}
        """Every IRI of the graph (subjects, predicates, objects and datatypes), by its text."""
        self.subjects: dict[str, tuple[list[str], list[pyoxigraph.Triple]]] = {}
        """Each subject's predicate keys and triples, both in predicate order."""
        self._keys: dict[str, str] = {}  # one key string per predicate, shared by every subject
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
        node = self.iri(obj) if isinstance(obj, str) else obj
        triple = pyoxigraph.Triple(self.iri(subject), self.iri(predicate), node)
        key = self._keys.get(predicate)
        if key is None:
            key = self._keys[predicate] = predicate_key(predicate)
        held = self.subjects.get(subject)
        if held is None:
            self.subjects[subject] = ([key], [triple])
            self._size += 1
            return
        keys, triples = held
        at = bisect_right(keys, key)
        if at and keys[at - 1] is key:  # another object of this predicate: in N-Triples order, once
            first, text = bisect_left(keys, key, 0, at), _object_text(triple)
            at = bisect_right(triples, text, first, at, key=_object_text)
            if at > first and _object_text(triples[at - 1]) == text:  # the same term
                return
        keys.insert(at, key)
        triples.insert(at, triple)
        self._size += 1

    def __iter__(self) -> Iterator[pyoxigraph.Triple]:
        """Every triple, grouped by subject but in no particular order (see :meth:`ordered`)."""
        for _, triples in self.subjects.values():
            yield from triples

    def ordered(self) -> list[pyoxigraph.Triple]:
        """The triples in canonical order: subjects by IRI, their predicates by IRI with ``rdf:type``
        first, the objects of one predicate by their N-Triples form.

        Each subject's triples are kept in that order as they are added, so this only sorts
        the subjects. A list, not a generator: pyoxigraph takes one as fast as its own.
        """
        subjects = self.subjects
        result: list[pyoxigraph.Triple] = []
        extend = result.extend
        for subject in sorted(subjects):
            extend(subjects[subject][1])
        return result

    def to_rdflib(self) -> Graph:
        """The same graph as an ``rdflib.Graph`` with the same prefixes bound: one conversion, for the API."""
        graph = bind_prefixes(Graph(bind_namespaces="none"), self.base)
        iris: dict[str, URIRef] = {}

        def term(node: pyoxigraph.NamedNode | pyoxigraph.Literal) -> URIRef | Literal:
            if isinstance(node, pyoxigraph.NamedNode):
                text = node.value
                return iris.get(text) or iris.setdefault(text, URIRef(text))
            if node.language:
                return Literal(node.value, lang=node.language)
            datatype = node.datatype
            return Literal(node.value, datatype=None if datatype.value == _XSD_STRING else term(datatype))

        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in self)
        return graph
