"""Whether a query asks for a federated ``SERVICE`` call, read from a parse of the query.

Why: pyoxigraph sends an HTTP request to any IRI a ``SERVICE`` pattern names, so the endpoint
must refuse those queries, and a guess from the query's text (a regular expression) disagrees
with pyoxigraph's own reading sooner or later. pyoxigraph does not expose its parse, so the query
is parsed with rdflib's SPARQL 1.1 grammar and the parse tree is searched for a
``ServiceGraphPattern`` (in any group, subquery, OPTIONAL, UNION, MINUS, GRAPH, or EXISTS).

The two parsers must read the text the same way; where they could differ the check is made
stricter, never looser:

* pyoxigraph reads ``\\uXXXX`` escapes only inside IRIs, strings and names, whereas
  rdflib's :func:`~rdflib.plugins.sparql.parser.parseQuery` expands them everywhere first,
  which can end a comment or a string early. The check parses the text as given, so a query
  with such an escape either fails to parse (refused) or reads as pyoxigraph reads it.
* pyoxigraph ends a ``#`` comment at a carriage return as well as at a line feed; the check
  reads carriage returns as line feeds so it sees the same code.
* A query the grammar cannot read is not run at all (:class:`UncheckedQuery`).

The worker process that runs the query is also forbidden to open sockets
(:mod:`policekg.graph.query.sandbox`), so a disagreement left here still cannot reach the network.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import Query
from rdflib.plugins.sparql.parserutils import CompValue

SERVICE_PATTERN = "ServiceGraphPattern"


class UncheckedQuery(ValueError):
    """The query cannot be read by the check's grammar, so whether it calls SERVICE is unknown."""

    def __init__(self, line: int, column: int, detail: str) -> None:
        super().__init__(f"at {line}:{column}: {detail}")
        self.line = line
        self.column = column


REMEMBERED = 1024  # verdicts kept per process ...
REMEMBERED_LENGTH = 20_000  # ... for queries up to this many characters: at most about 20 MB


def uses_service(query: str) -> bool:
    """Whether ``query`` holds a ``SERVICE`` pattern anywhere; :class:`UncheckedQuery` if it cannot tell.

    Parsing is slow (tens of milliseconds), so verdicts on queries of ordinary length are
    remembered: an endpoint sees the same queries again and again. Long triple blocks make the
    parser recurse once per triple; the caller provides a deep enough stack (running out of
    recursion counts as unreadable).
    """
    return _remembered(query) if len(query) <= REMEMBERED_LENGTH else _verdict(query)


def _verdict(query: str) -> bool:
    text = query.replace("\r\n", " \n").replace("\r", "\n")
    try:
        tree = Query.parse_string(text, parse_all=True)
    except ParseBaseException as error:
        raise UncheckedQuery(error.lineno, error.col, error.msg) from None
    except RecursionError:
        raise UncheckedQuery(1, 1, "the query is nested too deeply to check") from None
    return any(node.name == SERVICE_PATTERN for node in _nodes(tree))


_remembered = lru_cache(maxsize=REMEMBERED)(_verdict)


def _nodes(tree: object) -> Iterator[CompValue]:
    """Every named node (rdflib's ``CompValue``) in a parse tree, depth first, without recursion."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)
