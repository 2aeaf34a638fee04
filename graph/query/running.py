"""Running a read-only SPARQL query: pyoxigraph is the engine, rdflib stays the builder's API.

Every query gets the contract's prefixes (:data:`QUERY_PREFIXES`, passed to pyoxigraph as
default prefixes, so a query's own ``PREFIX`` lines win and error positions refer to the
user's text). Update requests are refused before they reach the engine. Values supplied by
a user are bound through pyoxigraph's ``substitutions`` (SEP-0007), never pasted into the
query text, so a hostile value stays a literal.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph
from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Variable

from policekg.graph.rdf.namespaces import PREFIXES
from policekg.graph.query.results import QueryError, QueryResult
from policekg.graph.rdf.write import first_line

QUERY_PREFIXES: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
UPDATE_REFUSED = "updates are not allowed: this is a read-only query interface"

_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?:PREFIX\s+[\w.-]*:\s*|BASE\s*)<[^>]*>)*", re.IGNORECASE)
_UPDATE_KEYWORD = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_UNSELECTED = re.compile(r"does not contains? variable \?(\w+) in its SELECT projection")
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_CHARACTER_CLASS = re.compile(r",?\s*\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")
_LABELS = "SELECT ?entity ?label WHERE {{ VALUES ?entity {{ {iris} }} ?entity rdfs:label|skos:prefLabel|dcterms:title ?label }}"
LABEL_BATCH = 500  # IRIs looked up per labels query


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update request (its first keyword after the prologue)."""
    prologue = _PROLOGUE.match(sparql)
    return bool(_UPDATE_KEYWORD.match(sparql, prologue.end() if prologue else 0))


def _syntax_message(error: SyntaxError) -> str:
    """One line for a syntax error: its position in the user's text and what was expected."""
    match = _POSITION.match(str(error))
    if match is None:
        return f"invalid SPARQL: {first_line(error)}"
    return f"invalid SPARQL at line {match.group(1)}, column {match.group(2)}: {_expected(match.group(3))}"


def _expected(detail: str) -> str:
    """The parser's complaint on one line, without its long lists of character classes."""
    if "Prefix not found" in detail:
        return "undeclared prefix"
    raw = " ".join(detail.split())
    short = " ".join(_CHARACTER_CLASS.sub("", detail).split()).rstrip(",")
    useful = short not in ("", "expected", "expected one of")
    return short if useful else (raw if len(raw) <= 120 else raw[:117] + "...")


Binding = Literal | NamedNode | str


def _substitutions(bindings: Mapping[str, Binding] | None) -> dict[Variable, Literal | NamedNode]:
    """pyoxigraph substitutions; a plain ``str`` value becomes a string literal."""
    return {Variable(name.lstrip("?$")): Literal(value) if isinstance(value, str) else value
            for name, value in (bindings or {}).items()}


def evaluate(store: Store, sparql: str, bindings: Mapping[str, Binding] | None = None
             ) -> QuerySolutions | QueryBoolean | pyoxigraph.QueryTriples:
    """pyoxigraph's lazy answer to ``sparql``, as every policekg interface asks it.

    The contract's prefixes are predeclared, ``bindings`` are substituted for variables (by
    name) and triples in any named graph are visible as if in the default graph. Raises
    pyoxigraph's own errors; callers decide how to report them. A binding given as a plain
    ``str`` is a string literal (``{"name": "Kent Police"}``).
    """
    return store.query(sparql, prefixes=QUERY_PREFIXES, substitutions=_substitutions(bindings),
                       use_default_graph_as_union=True)


def run_query(store: Store, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
    """Run a read-only SPARQL query through :func:`evaluate` and read its answer completely.

    Raises :class:`QueryError` for an update request, bad syntax (with line and column in
    ``sparql``) or a query the engine cannot evaluate.
    """
    if is_update(sparql):
        raise QueryError(UPDATE_REFUSED)
    try:
        return _read(evaluate(store, sparql, bindings))
    except SyntaxError as exc:
        raise QueryError(_syntax_message(exc)) from exc
    except (RuntimeError, OSError, ValueError, TypeError) as exc:
        unselected = _UNSELECTED.search(str(exc))
        if unselected:
            raise QueryError(f"bound variable ?{unselected.group(1)} must be selected too: add it to the SELECT list "
                             "(the engine substitutes only selected variables)") from exc
        raise QueryError(f"query failed: {first_line(exc)}") from exc


def _read(answer: QuerySolutions | QueryBoolean | pyoxigraph.QueryTriples) -> QueryResult:
    """Read a pyoxigraph answer completely (evaluation is lazy and may still fail here)."""
    if isinstance(answer, QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, QuerySolutions):
        variables = [variable.value for variable in answer.variables]
        rows = [tuple(solution[name] for name in variables) for solution in answer]
        return QueryResult("select", variables=variables, rows=rows)
    return QueryResult("graph", triples=list(answer))


def with_labels(store: Store, result: QueryResult) -> QueryResult:
    """``result`` with the labels (``rdfs:label``, ``skos:prefLabel`` or a document's ``dcterms:title``;
    the first in code-point order when there are several) of the IRIs in its rows, for tables to print."""
    iris = sorted({term.value for row in result.rows for term in row if isinstance(term, NamedNode)})
    labels: dict[str, str] = {}
    for start in range(0, len(iris), LABEL_BATCH):
        batch = " ".join(f"<{iri}>" for iri in iris[start:start + LABEL_BATCH])
        answer = run_query(store, _LABELS.format(iris=batch))
        for entity, label in sorted(answer.rows, key=lambda row: (row[0].value, row[1].value)):
            labels.setdefault(entity.value, label.value)
    result.labels = labels
    return result
