"""Reading SHACL shapes into plain objects that :mod:`.shacl_check` evaluates on a pyoxigraph store.

The shapes graph is small (the contract's ``ontology/shapes.ttl``), so it is read with rdflib;
only the data is large. Exactly the SHACL Core features the shapes file may use are
understood: targets (class, node, subjects of, objects of), ``sh:property`` with a single
predicate as path, ``sh:node``, SPARQL-based constraints and the value, cardinality, string,
range and property-pair components listed in ``COMPONENTS``. Anything else in a shape is
refused with a :class:`ShapesError` instead of being silently ignored, so an edit to the
shapes can never make validation quietly weaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from policekg.extract.errors import PoliceKGError

from policekg.graph.rdf.namespaces import SH

COMPONENTS = ("minCount", "maxCount", "nodeKind", "datatype", "class", "disjoint", "pattern", "minInclusive",
              "maxInclusive", "minExclusive", "maxExclusive", "lessThan", "lessThanOrEquals", "in", "node")
"""Constraint parameters understood, by local name in the SHACL namespace."""

_STRUCTURE = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property, SH.path,
              SH.sparql, SH.message, SH.flags}
_DESCRIPTIVE = {RDF.type, RDFS.label, RDFS.comment, SH.name, SH.description, SH.order, SH.group}


_NOT_EXISTS_FORM = re.compile(
    r"^(?P<head>\s*SELECT\s[^{]*WHERE\s*\{)(?P<outer>[^{}]*)FILTER\s+NOT\s+EXISTS\s*\{(?P<inner>[^{}]*)\}\s*\}\s*$",
    re.IGNORECASE)
_KEYWORD = re.compile(r"\b(?:FILTER|OPTIONAL|UNION|MINUS|BIND|VALUES|GRAPH|SERVICE|EXISTS)\b|[\"'()]", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")


def as_anti_join(select: str) -> str:
    """``{ P . FILTER NOT EXISTS { Q } }`` as ``{ P MINUS { Q } }`` where the two mean the same; else unchanged.

    Why: oxigraph evaluates ``FILTER NOT EXISTS`` row by row without its indexes (minutes on a
    million triples), while ``MINUS`` is a hash anti-join (well under a second). They agree
    when P and Q are plain triple patterns (every variable of P is then bound in each row) and
    Q shares a variable with P; the rewrite is made only then, so a query it cannot prove
    equivalent runs as written.
    """
    form = _NOT_EXISTS_FORM.match(select)
    if form is None or _KEYWORD.search(form["outer"]) or _KEYWORD.search(form["inner"]):
        return select
    if not set(_VARIABLE.findall(form["outer"])) & set(_VARIABLE.findall(form["inner"])):
        return select
    return f"{form['head']}{form['outer']}MINUS {{{form['inner']}}}\n}}"


class ShapesError(PoliceKGError, ValueError):
    """The shapes use a SHACL feature this validator does not evaluate."""


@dataclass(frozen=True)
class SparqlConstraint:
    """A ``sh:sparql`` SELECT constraint: its query (prefixes declared) and its own messages."""

    query: str
    messages: tuple[str, ...]


@dataclass(eq=False)
class Shape:
    """A node shape (``path`` is None) or a property shape, with its targets and constraints."""

    node: Node
    path: URIRef | None = None
    messages: tuple[str, ...] = ()
    target_classes: tuple[URIRef, ...] = ()
    target_nodes: tuple[Node, ...] = ()
    target_subjects_of: tuple[URIRef, ...] = ()
    target_objects_of: tuple[URIRef, ...] = ()
    constraints: list[tuple[str, object]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    sparql: list[SparqlConstraint] = field(default_factory=list)

    @property
    def has_targets(self) -> bool:
        """Whether the shape selects focus nodes of its own (rather than only through another shape)."""
        return bool(self.target_classes or self.target_nodes or self.target_subjects_of or self.target_objects_of)


def _objects(graph: Graph, node: Node, predicate: URIRef) -> tuple:
    return tuple(sorted(graph.objects(node, predicate)))


def _one(graph: Graph, node: Node, predicate: URIRef) -> Node:
    values = _objects(graph, node, predicate)
    if len(values) != 1:
        raise ShapesError(f"shape {node.n3(graph.namespace_manager)}: {predicate.n3(graph.namespace_manager)} "
                          f"must have exactly one value")
    return values[0]


def _prefix_lines(graph: Graph, constraint: Node) -> str:
    """``PREFIX`` lines for the ``sh:declare`` of every ontology named by ``sh:prefixes``."""
    lines = []
    for ontology in _objects(graph, constraint, SH.prefixes):
        for declaration in graph.objects(ontology, SH.declare):
            prefix, namespace = graph.value(declaration, SH.prefix), graph.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(lines))


class ShapeReader:
    """Turns the shapes graph into :class:`Shape` objects, each read once (shared by reference)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.shapes: dict[Node, Shape] = {}

    def all_shapes(self) -> list[Shape]:
        """Every shape declared or referenced, in a stable order."""
        graph = self.graph
        nodes = set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape))
        for target in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            nodes |= set(graph.subjects(target, None))
        return [self.shape(node) for node in sorted(nodes)]

    def shape(self, node: Node) -> Shape:
        """The shape at ``node``, read on first use."""
        if node in self.shapes:
            return self.shapes[node]
        graph = self.graph
        path = graph.value(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise ShapesError(f"shape {node.n3(graph.namespace_manager)}: only a single predicate is supported as sh:path")
        shape = Shape(
            node, path,
            messages=tuple(sorted(str(message) for message in graph.objects(node, SH.message))),
            target_classes=_objects(graph, node, SH.targetClass),
            target_nodes=_objects(graph, node, SH.targetNode),
            target_subjects_of=_objects(graph, node, SH.targetSubjectsOf),
            target_objects_of=_objects(graph, node, SH.targetObjectsOf),
        )
        self.shapes[node] = shape
        self._read_constraints(shape)
        return shape

    def _read_constraints(self, shape: Shape) -> None:
        graph = self.graph
        for predicate in sorted(set(graph.predicates(shape.node, None))):
            name = predicate.removeprefix(str(SH)) if predicate.startswith(str(SH)) else None
            if predicate in _DESCRIPTIVE or predicate in _STRUCTURE - {SH.property, SH.sparql}:
                continue
            if predicate == SH.property:
                shape.properties = [self.shape(node) for node in _objects(graph, shape.node, SH.property)]
            elif predicate == SH.sparql:
                shape.sparql = [self._sparql(node) for node in _objects(graph, shape.node, SH.sparql)]
            elif name in COMPONENTS:
                shape.constraints.extend((name, self._parameter(shape, name, value))
                                         for value in _objects(graph, shape.node, predicate))
            else:
                raise ShapesError(f"shape {shape.node.n3(graph.namespace_manager)}: "
                                  f"{predicate.n3(graph.namespace_manager)} is not supported by policekg's validator")

    def _parameter(self, shape: Shape, name: str, value: Node) -> object:
        """A constraint's parameter in the form the checks use."""
        if name == "node":
            return self.shape(value)
        if name == "in":
            return frozenset(Collection(self.graph, value))
        if name == "pattern":
            flags = self.graph.value(shape.node, SH.flags)
            return (str(value), str(flags) if flags is not None else "")
        if name in ("minCount", "maxCount"):
            if not isinstance(value, Literal) or not isinstance(value.value, int):
                raise ShapesError(f"shape {shape.node.n3(self.graph.namespace_manager)}: sh:{name} must be an integer")
            return value.value
        return value

    def _sparql(self, node: Node) -> SparqlConstraint:
        graph = self.graph
        if not isinstance(node, (BNode, URIRef)) or graph.value(node, SH.select) is None:
            raise ShapesError("only SELECT-based sh:sparql constraints are supported")
        query = f"{_prefix_lines(graph, node)}\n{as_anti_join(str(_one(graph, node, SH.select)))}"
        messages = tuple(sorted(str(message) for message in graph.objects(node, SH.message)))
        return SparqlConstraint(query, messages)


def read_shapes(graph: Graph) -> list[Shape]:
    """Every shape of ``graph``; see the module docstring for what is supported."""
    return ShapeReader(graph).all_shapes()
