"""Checking a graph against the contract's SHACL shapes.

The shapes (``ontology/shapes.ttl``, unchanged) are evaluated on a pyoxigraph store holding
the data and the ontology side by side (so ``sh:class`` sees ``rdfs:subClassOf`` axioms, as
pySHACL's ``ont_graph`` did), without inference: the shapes are written against asserted
triples. :mod:`.shacl_check` explains why the store rather than pySHACL: a million triples
validate in well under a minute, and no rdflib copy of the data is made. A graph file is read
straight into the store by pyoxigraph's parser, keeping the prefixes it declares so the
violation lines name nodes as the file does.

File problems (missing file, unsupported suffix, text that does not parse) raise
:class:`GraphFileError`, a :class:`~policekg.extract.errors.PoliceKGError` and a
``ValueError``, with a one-line message naming the file.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph
import rdflib
from pyoxigraph import RdfFormat, Store
from rdflib import Graph
from rdflib.namespace import NamespaceManager, split_uri

from policekg.ontology import load_shapes, ontology_path

from policekg.graph.rdf.shacl_check import Checker, Result, kept_as_written, to_rdflib
from policekg.graph.rdf.shacl_shapes import read_shapes
from policekg.graph.query.stores import RDF_FORMATS
from policekg.graph.rdf.write import GraphFileError, first_line, graph_file


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of validation: whether the graph conforms, one line per problem, and a text report."""

    conforms: bool
    violations: list[str]
    report_text: str


class NodeNames:
    """Shows nodes as rdflib's Turtle does: ``prefix:name`` where the IRI's namespace is bound, else ``<iri>``.

    rdflib's own ``n3(namespace_manager)`` files every namespace it meets in a trie whose
    insertion grows with its size; over thousands of violating nodes that alone took a minute.
    """

    def __init__(self, names: NamespaceManager) -> None:
        self.names = names
        self.prefixes = {str(namespace): prefix for prefix, namespace in names.namespaces()}

    def show(self, node: rdflib.term.Node) -> str:
        """The node in Turtle, prefixed when its namespace (as rdflib splits it) has a prefix."""
        if not isinstance(node, rdflib.URIRef):
            return node.n3(self.names)
        try:
            namespace, name = split_uri(node)
        except ValueError:
            return node.n3()
        prefix = self.prefixes.get(namespace)
        return node.n3() if prefix is None else f"{prefix}:{name}"


def _violation_lines(results: Iterable[Result], names: NamespaceManager) -> list[str]:
    """One line per distinct violation, sorted: focus node, path (when there is one), messages.

    Nodes are shown as Turtle, prefixed where the data binds a prefix. Nested results
    (details of ``sh:node``) that repeat a line are reported once.
    """
    lines = set()
    nodes = NodeNames(names)
    for result in results:
        where = [nodes.show(to_rdflib(result.focus))] + ([nodes.show(result.path)] if result.path is not None else [])
        lines.add(f"{' '.join(where)}: {' '.join(result.messages) or 'violates a shape.'}")
    return sorted(lines)


def _report(lines: list[str]) -> str:
    """A plain-text report in pySHACL's layout: the verdict, then the results."""
    head = f"Validation Report\nConforms: {not lines}\n"
    return head + (f"Results ({len(lines)}):\n" + "\n".join(lines) + "\n" if lines else "")


class Data:
    """The data and the ontology: a store to query, and every literal exactly as written.

    Why both: oxigraph's store keeps literals in canonical form (``"01"^^xsd:integer`` reads
    back as ``"1"``, an ``xsd:positiveInteger`` as an ``xsd:integer``), while the shapes test
    datatypes and text as written, as pySHACL did. So triples whose object is a literal other
    than a plain string are also kept in a :class:`pyoxigraph.Dataset`, which keeps terms
    untouched; everything else comes from the store.
    """

    def __init__(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        literals: list[pyoxigraph.Quad] = []

        def keeping_literals() -> Iterator[pyoxigraph.Quad]:
            for quad in quads:
                if kept_as_written(quad.object):
                    literals.append(quad)
                yield quad

        self.store = Store()
        self.store.extend(keeping_literals())
        self.literals = pyoxigraph.Dataset(literals)


def _with_ontology(quads: Iterable[pyoxigraph.Quad]) -> Iterator[pyoxigraph.Quad]:
    """The data's quads, then the ontology's (mixed in, as pySHACL's ``ont_graph`` was)."""
    yield from quads
    yield from pyoxigraph.parse(path=str(ontology_path()), format=RdfFormat.TURTLE)


def _validate(data: Data, names: NamespaceManager) -> ValidationResult:
    """Run the shapes on ``data``; ``names`` prefixes the nodes in the lines."""
    shapes = load_shapes()
    checker = Checker(data.store, data.literals, shapes.namespace_manager)
    lines = _violation_lines(checker.run(read_shapes(shapes)), names)
    return ValidationResult(not lines, lines, _report(lines))


def validate_graph(graph: Graph) -> ValidationResult:
    """Validate ``graph`` against the contract shapes; the graph itself is not modified."""
    triples = graph.serialize(format="nt", encoding="utf-8")
    return _validate(Data(_with_ontology(pyoxigraph.parse(triples, format=RdfFormat.N_TRIPLES))), graph.namespace_manager)


def validate_file(path: str | os.PathLike[str]) -> ValidationResult:
    """Read a graph file (format from its suffix) into a store and validate it; see :class:`GraphFileError`."""
    path, fmt = graph_file(path)
    try:
        parser = pyoxigraph.parse(path=str(path), format=RDF_FORMATS[fmt])
        data = Data(_with_ontology(parser))
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{path}: not valid {fmt}: {first_line(exc)}") from exc
    names = Graph().namespace_manager  # rdflib's usual prefixes, as reading the file with rdflib bound them
    for prefix, namespace in sorted(parser.prefixes.items()):
        names.bind(prefix, namespace, override=True)
    return _validate(data, names)


__all__ = ["GraphFileError", "ValidationResult", "validate_file", "validate_graph"]
