"""How the SPARQL endpoint answers one query: check it, run it, serialize the result.

Why a module of its own: this is the part that runs in a query worker process
(:mod:`policekg.graph.query.query_workers`), away from the HTTP server, so it must be importable
without the server and return everything (status, body, headers) as one picklable
:class:`Response`.

* The query is refused (403) if it holds a ``SERVICE`` pattern, decided from a parse
  (:mod:`policekg.graph.query.service_check`); a query that check cannot read is refused with 400.
* It is asked as ``policekg query`` asks it (:func:`policekg.graph.query.sparql.evaluate`): the
  contract's prefixes need not be declared, and named graphs are visible in the default graph.
* ``SELECT`` results are cut to ``row_limit`` rows, with ``X-Policekg-Truncated: true``.
* The format is the one the Accept header prefers (SPARQL JSON, XML, CSV or TSV; Turtle,
  N-Triples or RDF/XML for graphs), falling back to the first offer.

A saved question (:class:`Question`, ``GET /ask/NAME?org=…``) is answered as ``policekg ask``
answers it (:func:`policekg.graph.query.sparql.ask`): its names are looked up first, and one the
graph does not know is a 404 naming the closest names the graph does know, as JSON
(``{"error", "name", "suggestions"}``) for clients that take JSON, else as one line of text.
Answers are SPARQL JSON, CSV, TSV or an aligned ``text/plain`` table.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

import pyoxigraph as ox

from policekg.graph.query.known_names import UnknownName
from policekg.graph.query.service_check import UncheckedQuery, uses_service
from policekg.graph.query.sparql import QUERY_PREFIXES, QueryError, QueryResult, ask, evaluate, saved_questions
from policekg.graph.query.result_formats import as_solutions, csv_text, json_text, table, tsv_text, xml_text

TRUNCATED_HEADER = "X-Policekg-Truncated"
SERVICE_REFUSED = "federated queries (SERVICE) are not allowed"

Format = TypeVar("Format")

# Offers in preference order: the first is the default when Accept names nothing we have.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
QUESTION_FORMATS: dict[str, tuple[Callable[[QueryResult], str], str]] = {  # media range: writer, Content-Type
    "application/sparql-results+json": (json_text, "application/sparql-results+json"),
    "application/json": (json_text, "application/sparql-results+json"),
    "text/csv": (csv_text, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (tsv_text, "text/tab-separated-values; charset=utf-8"),
    "application/sparql-results+xml": (xml_text, "application/sparql-results+xml"),
    "text/plain": (table, "text/plain; charset=utf-8"),
}
QUESTION_FLAGS = ("evidence", "by")  # request fields that shape an answer rather than name things
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class Response:
    """What to send back: a status, a body and the headers beyond Content-Type/Length and CORS."""

    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)


def text_response(status: int, message: str) -> Response:
    """A plain-text response holding ``message`` on one line (clients print it as is)."""
    line = " ".join(message.split())
    return Response(status, (line + "\n").encode("utf-8"))


def parse_accept(header: str | None) -> list[str]:
    """The media ranges of an Accept header, most wanted first; ranges with q=0 are dropped."""
    ranges: list[tuple[float, str]] = []
    for item in (header or "*/*").split(","):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((quality, media.lower()))
    return [media for _, media in sorted(ranges, key=lambda pair: -pair[0])]


def negotiate(accept: str | None, offers: Mapping[str, Format]) -> Format:
    """The offered format the client prefers; the first offer when none is acceptable.

    Falling back instead of answering 406 is allowed by HTTP and keeps clients with narrow
    Accept headers (e.g. asking RDF/XML-only tools for a SELECT) working.
    """
    for media_range in parse_accept(accept):
        for media, rdf_format in offers.items():
            if media_range in ("*/*", media) or (media_range.endswith("/*") and media.startswith(media_range[:-1])):
                return rdf_format
    return next(iter(offers.values()))


def content_type(rdf_format: ox.QueryResultsFormat | ox.RdfFormat) -> str:
    """The Content-Type for ``rdf_format``: its canonical media type, with a charset for text types."""
    media = rdf_format.media_type
    return f"{media}; charset=utf-8" if media.startswith("text/") and "charset" not in media else media


def solutions_body(solutions: ox.QuerySolutions, rdf_format: ox.QueryResultsFormat, row_limit: int) -> tuple[bytes, bool]:
    """At most ``row_limit`` solutions serialized as ``rdf_format``, and whether rows were cut.

    pyoxigraph serializes only a whole result iterator, so the kept rows go through
    :func:`~.result_formats.as_solutions`.
    """
    variables = solutions.variables
    rows = list(islice(solutions, row_limit + 1))
    kept = as_solutions([variable.value for variable in variables],
                        ([row[variable] for variable in variables] for row in rows[:row_limit]))
    return kept.serialize(format=rdf_format), len(rows) > row_limit


def serialize_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, accept: str | None, row_limit: int) -> Response:
    """The response for a query result, in the format the Accept header asks for.

    Graphs go through :func:`pyoxigraph.serialize` so Turtle and RDF/XML use the contract's prefixes.
    """
    if isinstance(result, ox.QueryTriples):
        graph_format = negotiate(accept, GRAPH_FORMATS)
        body = ox.serialize(result, format=graph_format, prefixes=QUERY_PREFIXES)
        return Response(200, body, content_type(graph_format))
    results_format = negotiate(accept, RESULT_FORMATS)
    if isinstance(result, ox.QueryBoolean):
        return Response(200, result.serialize(format=results_format), content_type(results_format))
    body, truncated = solutions_body(result, results_format, row_limit)
    headers = {TRUNCATED_HEADER: "true"} if truncated else {}
    return Response(200, body, content_type(results_format), headers)


def answer(store: ox.Store, query: str, accept: str | None, row_limit: int, confined: bool) -> Response:
    """Check ``query``, run it on ``store`` and serialize its result; every failure becomes a response.

    ``confined`` says whether this process cannot open sockets (:mod:`policekg.graph.query.sandbox`).
    """
    try:
        if uses_service(query):
            return text_response(403, SERVICE_REFUSED)
    except UncheckedQuery as unchecked:
        return unreadable(query, unchecked, confined)
    try:
        return serialize_result(evaluate(store, query), accept, row_limit)
    except SyntaxError as error:
        return text_response(400, f"syntax error: {error}")
    except Exception as error:  # noqa: BLE001 - evaluation errors surface from pyoxigraph as several types
        return text_response(500, f"query failed: {error}")


def unreadable(query: str, unchecked: UncheckedQuery, confined: bool) -> Response:
    """400 for a query the SERVICE check cannot read, with pyoxigraph's syntax error when it has one.

    pyoxigraph's messages point at the mistake more precisely than the check's grammar, but
    pyoxigraph parses only by running the query; that is done (on an empty store) only where
    the process cannot open sockets, since the check has not ruled out SERVICE.
    """
    if confined:
        try:
            evaluate(ox.Store(), query)
        except SyntaxError as error:
            return text_response(400, f"syntax error: {error}")
        except Exception:  # noqa: BLE001 - it parsed; how it fails on an empty store does not matter
            pass
    return text_response(400, f"query refused: the endpoint's SERVICE check cannot read it ({unchecked}); "
                              "write it as SPARQL 1.1, with characters as themselves rather than \\u escapes")


@dataclass(frozen=True)
class Question:
    """A saved question asked over HTTP: its name and the request's fields (name → values)."""

    name: str
    fields: Mapping[str, list[str]]


def question_list() -> Response:
    """The saved questions, their descriptions and parameters, as JSON (``GET /ask``)."""
    questions = [{"name": question.name, "description": question.description,
                  "params": [{"name": name, "help": help_text, "optional": name in question.optional,
                              "repeats": question.repeats.get(name, 1)} for name, help_text in question.params]}
                 for question in saved_questions()]
    return Response(200, json.dumps({"questions": questions}, ensure_ascii=False).encode("utf-8"),
                    "application/json")


def answer_question(store: ox.Store, question: Question, accept: str | None, row_limit: int) -> Response:
    """Answer a saved question: its answer in the format Accept prefers, cut to ``row_limit`` rows;
    404 for an unknown question or name (with the closest names), 400 for bad fields."""
    write, media = negotiate(accept, QUESTION_FORMATS)
    values = {name: given for name, given in question.fields.items() if name not in QUESTION_FLAGS}
    evidence = any(value.lower() in ("1", "true", "yes") for value in question.fields.get("evidence", []))
    try:
        if question.name not in {saved.name for saved in saved_questions()}:
            return _error(404, media, f"no saved question {question.name!r}; the saved questions are "
                                      f"{', '.join(saved.name for saved in saved_questions())}")
        result = ask(store, question.name, values, evidence=evidence, by=question.fields.get("by", []))
    except UnknownName as unknown:
        return _error(404, media, str(unknown), name=unknown.name, suggestions=unknown.suggestions)
    except QueryError as error:
        return _error(400, media, str(error))
    except Exception as error:  # noqa: BLE001 - as for a query: the client gets one line, the worker lives on
        return _error(500, media, f"question failed: {error}")
    truncated = len(result.rows) > row_limit
    result.rows = result.rows[:row_limit]
    headers = {TRUNCATED_HEADER: "true"} if truncated else {}
    return Response(200, write(result).encode("utf-8"), media, headers)


def _error(status: int, media: str, message: str, **details: object) -> Response:
    """An error as JSON for clients that asked for JSON, else as one line of text."""
    if "json" not in media:
        return text_response(status, message)
    body = json.dumps({"error": " ".join(message.split()), **details}, ensure_ascii=False)
    return Response(status, body.encode("utf-8"), "application/json")
