"""Evaluating SHACL shapes on a pyoxigraph store, with pySHACL's verdicts and default messages.

Why not pySHACL itself: it walks rdflib graphs triple by triple, and needs the data copied
into rdflib first (a million triples: minutes to read, minutes more to validate). Here the
store does the scanning: each target is one index lookup per class, each property shape one
scan of its predicate, each SPARQL constraint a query with ``$this`` substituted, and only
the value checks run in Python. The semantics follow pySHACL's for every component
:mod:`.shacl_shapes` accepts (class membership through ``rdfs:subClassOf*``, ill-typed
literals failing ``sh:datatype``, strings never comparing with numbers, nested results of
``sh:node`` reported as details), so the violation lines are the ones pySHACL gave.

The store is queried with the default graph as the union of all graphs: the ontology is
loaded beside the data, as pySHACL's ``ont_graph`` is mixed in, and a TriG file's named
graphs all count. Literal values are read from a :class:`pyoxigraph.Dataset` that keeps them
as written (the store canonicalizes them); a SPARQL constraint sees the store's canonical
literals, the one place where a literal's spelling could differ from pySHACL's view.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

import rdflib
from pyoxigraph import BlankNode, Dataset, Literal, NamedNode, Store, Variable
from rdflib import RDF, RDFS, XSD
from rdflib.namespace import NamespaceManager

from policekg.graph.rdf.namespaces import SH
from policekg.graph.rdf.shacl_shapes import Shape, SparqlConstraint

Term = NamedNode | BlankNode | Literal
_RDF_TYPE = NamedNode(str(RDF.type))
_XSD_STRING = str(XSD.string)
_XSD_STRING_NODE = NamedNode(_XSD_STRING)
_PYTHON_TYPES = {XSD.string: str, RDF.langString: str, XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
_NODE_KINDS = {SH.IRI: (NamedNode,), SH.BlankNode: (BlankNode,), SH.Literal: (Literal,),
               SH.BlankNodeOrIRI: (BlankNode, NamedNode), SH.BlankNodeOrLiteral: (BlankNode, Literal),
               SH.IRIOrLiteral: (NamedNode, Literal)}
_NONE: frozenset[Term] = frozenset()  # the values of a focus node that has none
_FOCUS = "\x00focus\x00"  # stands for the focus node in a default message
_RANGES = {"minInclusive": (">=", lambda c: c >= 0), "minExclusive": (">", lambda c: c > 0),
           "maxInclusive": ("<=", lambda c: c <= 0), "maxExclusive": ("<", lambda c: c < 0)}


@dataclass(frozen=True)
class Result:
    """One validation result: the focus node, the path (None for a node shape) and its messages."""

    focus: Term
    path: rdflib.URIRef | None
    messages: tuple[str, ...]


def kept_as_written(term: Term) -> bool:
    """Whether a term is one the store would rewrite: a literal other than a plain string
    (numbers, dates and booleans are canonicalized, language tags lower-cased)."""
    return isinstance(term, Literal) and term.datatype != _XSD_STRING_NODE


def to_rdflib(term: Term) -> rdflib.term.Node:
    """The rdflib form of a store term; a plain string has no datatype, as rdflib's parsers give it."""
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return rdflib.Literal(term.value, datatype=None if datatype == _XSD_STRING else rdflib.URIRef(datatype))


def _has_datatype(value: rdflib.Literal, datatype: rdflib.URIRef) -> bool:
    """pySHACL's sh:datatype test: the same datatype, well-formed, and a value of the right Python type."""
    actual = value.datatype or (RDF.langString if value.language else XSD.string)
    if actual != datatype or getattr(value, "ill_typed", False):
        return datatype == RDFS.Literal
    expected = _PYTHON_TYPES.get(datatype)
    return expected is None or isinstance(value.value, expected) and not (expected is int and isinstance(value.value, bool))


def _comparable(value: rdflib.term.Node) -> object | None:
    """What pySHACL compares: a literal's Python value, an IRI's text; None for a blank node."""
    if isinstance(value, rdflib.Literal):
        return value.value
    return str(value) if isinstance(value, rdflib.URIRef) else None


def _compare(left: object, right: object) -> int | None:
    """-1, 0 or 1; None when the two cannot be compared (a string against anything else, unlike types)."""
    if left is None or right is None or isinstance(left, str) != isinstance(right, str):
        return None
    try:
        return (left > right) - (left < right)
    except TypeError:
        return None


class Checker:
    """Evaluates shapes on one store; caches class extents and converted literals for the run."""

    def __init__(self, store: Store, literals: Dataset, shapes_namespaces: NamespaceManager) -> None:
        self.store = store
        self.literals = literals
        self.names = shapes_namespaces
        self._instances: dict[NamedNode, frozenset[Term]] = {}
        self._literals: dict[Literal, rdflib.term.Node] = {}

    def run(self, shapes: Iterable[Shape]) -> list[Result]:
        """Every result of every shape that has targets of its own."""
        results: list[Result] = []
        for shape in shapes:
            if shape.has_targets:
                for found in self.check(shape, self.focus_nodes(shape)).values():
                    results.extend(found)
        return results

    def _rdflib(self, term: Term) -> rdflib.term.Node:
        """rdflib form of a value, cached (the same literals recur across nodes)."""
        if not isinstance(term, Literal):
            return to_rdflib(term)
        converted = self._literals.get(term)
        if converted is None:
            converted = self._literals[term] = to_rdflib(term)
        return converted

    def instances(self, cls: rdflib.URIRef) -> frozenset[Term]:
        """Every node typed ``cls`` or a subclass of it (``rdfs:subClassOf*``), as pySHACL counts them."""
        key = NamedNode(str(cls))
        if key not in self._instances:
            classes = [row["c"] for row in self.store.query(
                "SELECT DISTINCT ?c ?target WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?target }",
                substitutions={Variable("target"): key}, use_default_graph_as_union=True)]
            self._instances[key] = frozenset(quad.subject for c in classes
                                             for quad in self.store.quads_for_pattern(None, _RDF_TYPE, c, None))
        return self._instances[key]

    def focus_nodes(self, shape: Shape) -> set[Term]:
        """The shape's targets: class instances, named nodes, subjects or objects of a predicate."""
        focus: set[Term] = set()
        for cls in shape.target_classes:
            focus |= self.instances(cls)
        focus.update(self._store_term(node) for node in shape.target_nodes)
        for predicate in shape.target_subjects_of:
            focus.update(quad.subject for quad in self.store.quads_for_pattern(None, NamedNode(str(predicate)), None, None))
        for predicate in shape.target_objects_of:
            focus.update(quad.object for quad in self.store.quads_for_pattern(None, NamedNode(str(predicate)), None, None))
        return focus

    @staticmethod
    def _store_term(node: rdflib.term.Node) -> Term:
        if isinstance(node, rdflib.URIRef):
            return NamedNode(str(node))
        if isinstance(node, rdflib.BNode):
            return BlankNode(str(node))
        return Literal(str(node), datatype=NamedNode(node.datatype) if node.datatype else None, language=node.language)

    def values(self, focus: Collection[Term], predicate: rdflib.URIRef) -> dict[Term, set[Term]]:
        """The values of ``predicate`` of those focus nodes that have some (one scan of the predicate).

        Typed literals come from ``literals``, as written; the store holds them in canonical form.
        """
        found: dict[Term, set[Term]] = {}
        key = NamedNode(str(predicate))
        for quad in self.store.quads_for_pattern(None, key, None, None):
            subject = quad.subject
            if subject in focus and not kept_as_written(value := quad.object):
                found.setdefault(subject, set()).add(value)
        for quad in self.literals.quads_for_predicate(key):
            subject = quad.subject
            if subject in focus:
                found.setdefault(subject, set()).add(quad.object)
        return found

    def check(self, shape: Shape, focus: set[Term]) -> dict[Term, list[Result]]:
        """The results of ``shape`` on ``focus``, keyed by the focus node they are about."""
        results: dict[Term, list[Result]] = defaultdict(list)
        value_sets = self.values(focus, shape.path) if shape.path is not None else {node: {node} for node in focus}
        value_sets.update((node, _NONE) for node in focus - value_sets.keys())
        for name, parameter in shape.constraints:
            for node, found in self._constraint(shape, name, parameter, value_sets).items():
                results[node].extend(found)
        for prop in shape.properties:
            for node, found in self.check(prop, focus).items():
                results[node].extend(found)
        for constraint in shape.sparql:
            for node in sorted(focus, key=str):
                results[node].extend(self._sparql(shape, constraint, node))
        return results

    def _result(self, shape: Shape, node: Term, default: str) -> Result:
        """A result with the shape's messages, else the component's default (``_FOCUS`` filled in).

        The focus node is only written out when the default is used: naming nodes through
        rdflib's namespace manager is slow, and shapes normally carry their own messages.
        """
        if shape.messages:
            return Result(node, shape.path, shape.messages)
        return Result(node, shape.path, (default.replace(_FOCUS, self._show(to_rdflib(node))),))

    def _show(self, node: rdflib.term.Node) -> str:
        return node.n3(self.names)

    def _constraint(self, shape: Shape, name: str, parameter: object,
                    value_sets: dict[Term, set[Term]]) -> dict[Term, list[Result]]:
        """Results of one constraint component over every focus node's values."""
        results: dict[Term, list[Result]] = defaultdict(list)
        if name in ("minCount", "maxCount"):
            too_few = name == "minCount"
            sign = "Less than" if too_few else "More than"
            for node, values in value_sets.items():
                if (len(values) < parameter) if too_few else (len(values) > parameter):
                    message = f"{sign} {parameter} values on {_FOCUS}->{self._show(shape.path)}"
                    results[node].append(self._result(shape, node, message))
            return results
        if name == "node":
            return self._node(shape, parameter, value_sets)
        test, message = self._value_test(shape, name, parameter, value_sets.keys())
        for node, values in value_sets.items():
            if any(not test(node, value) for value in values):
                results[node].append(self._result(shape, node, message))
        return results

    def _value_test(self, shape: Shape, name: str, parameter: object,
                    focus: Collection[Term]) -> tuple[Callable[[Term, Term], bool], str]:
        """A test of one value node (given its focus node) for a value-based component, and its default message.

        A message may hold ``_FOCUS``, replaced by the focus node.
        """
        if name == "nodeKind":
            kinds = _NODE_KINDS[parameter]
            return (lambda _node, value: isinstance(value, kinds)), f"Value is not of Node Kind {self._show(parameter)}"
        if name == "datatype":
            return (lambda _node, value: isinstance(value, Literal) and _has_datatype(self._rdflib(value), parameter),
                    f"Value is not Literal with datatype {self._show(parameter)}")
        if name == "class":
            members = self.instances(parameter)
            return (lambda _node, value: value in members), f"Value does not have class {self._show(parameter)}"
        if name == "in":
            return (lambda _node, value: self._rdflib(value) in parameter,
                    f"Value not in list {sorted(str(item) for item in parameter)}")
        if name == "pattern":
            pattern, flags = parameter
            compiled = re.compile(pattern, sum(getattr(re, flag.upper()) for flag in flags if flag in "imsx"))
            return (lambda _node, value: not isinstance(value, BlankNode) and compiled.search(value.value) is not None,
                    f"Value does not match pattern '{pattern}'")
        if name in _RANGES:
            sign, accept = _RANGES[name]
            bound = _comparable(parameter)

            def in_range(_node: Term, value: Term) -> bool:
                order = _compare(_comparable(self._rdflib(value)), bound) if isinstance(value, Literal) else None
                return order is not None and accept(order)
            return in_range, f"Value is not {sign} {self._show(parameter)}"
        return self._pair_test(shape, name, parameter, focus)

    def _pair_test(self, shape: Shape, name: str, other: rdflib.URIRef,
                   focus: Collection[Term]) -> tuple[Callable[[Term, Term], bool], str]:
        """sh:disjoint, sh:lessThan and sh:lessThanOrEquals: each value against the focus node's values of ``other``."""
        partners = self.values(focus, other)
        show = f"{_FOCUS}->{self._show(shape.path)}"
        if name == "disjoint":
            return (lambda node, value: value not in partners.get(node, ())), f"Value of {show} == {self._show(other)}"
        strict = name == "lessThan"

        def less(node: Term, value: Term) -> bool:
            mine = _comparable(self._rdflib(value))
            for partner in partners.get(node, ()):
                order = _compare(mine, _comparable(self._rdflib(partner)))
                if order is None or order > 0 or (strict and order == 0):
                    return False
            return True
        return less, f"Value of {show} {'<' if strict else '<='} {self._show(other)}"

    def _node(self, shape: Shape, target: Shape, value_sets: dict[Term, set[Term]]) -> dict[Term, list[Result]]:
        """sh:node: a value that fails the node shape gives a result here, with the nested results as details."""
        nested = self.check(target, set().union(*value_sets.values()) if value_sets else set())
        results: dict[Term, list[Result]] = defaultdict(list)
        for node, values in value_sets.items():
            failing = [value for value in values if nested.get(value)]
            if failing:
                results[node].append(self._result(shape, node, f"Value does not conform to Shape {self._show(target.node)}."))
                for value in failing:
                    results[node].extend(nested[value])
        return results

    def _sparql(self, shape: Shape, constraint: SparqlConstraint, node: Term) -> list[Result]:
        """One row of a SPARQL constraint is one result; ``{?var}`` in a message becomes the row's value."""
        results = []
        messages = constraint.messages or shape.messages
        solutions = self.store.query(constraint.query, substitutions={Variable("this"): node},
                                     use_default_graph_as_union=True)
        variables = solutions.variables
        for row in solutions:
            bound = {variable.value: row[variable] for variable in variables if row[variable] is not None}
            bound.setdefault("this", node)
            path = bound.get("path")
            texts = tuple(_substitute(message, bound) for message in messages)
            results.append(Result(node, rdflib.URIRef(path.value) if path is not None else None, texts))
        return results


def _substitute(message: str, bound: dict[str, Term]) -> str:
    """pySHACL's message templates: ``{?name}`` or ``{$name}`` replaced by the bound term's text."""
    for name, value in bound.items():
        message = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _, text=value.value: text, message)
    return message
