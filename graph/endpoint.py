"""A read-only SPARQL 1.1 Protocol endpoint over a :class:`pyoxigraph.Store`, standard library only.

Why: tools, notebooks and browsers can then query the graph over HTTP (``GET``/``POST /sparql``)
without a triple-store server. ``GET /`` serves a small self-contained query page.

What it guarantees:

* Read-only. Updates (an ``update=`` field, an ``application/sparql-update`` body, or an update
  operation sent as ``query``) are refused with 403 before anything runs, and only
  :meth:`Store.query` is ever called; :func:`policekg.graph.sparql.open_store` opens an on-disk
  store that pyoxigraph itself refuses to write to. ``SERVICE`` (federated query) is refused too: pyoxigraph would fetch
  any URL the query names, which would let a client make this process send HTTP requests.
* Queries are asked as ``policekg query`` asks them (:func:`policekg.graph.sparql.evaluate`):
  the contract's prefixes need not be declared (a query's own ``PREFIX`` lines win, and
  syntax-error positions refer to the client's text), and triples in named graphs (a TriG
  file's) are visible in the default graph.
* Timeout: each query runs (and is serialized, since pyoxigraph evaluates lazily) in its own
  daemon thread. Past ``timeout`` seconds the client gets 503; pyoxigraph cannot cancel a
  running query, so that thread keeps running until the query ends and its result is dropped.
* Row limit: ``SELECT`` results are cut to ``row_limit`` rows, with ``X-Policekg-Truncated: true``.
"""
from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from typing import TypeVar
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .sparql import QUERY_PREFIXES, evaluate, is_update

SPARQL_PATH = "/sparql"
TRUNCATED_HEADER = "X-Policekg-Truncated"
MAX_BODY_BYTES = 1_000_000

Format = TypeVar("Format", ox.QueryResultsFormat, ox.RdfFormat)

# Offers in preference order: the first is the default when Accept names nothing we have.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": TRUNCATED_HEADER,
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; form-action 'none'; base-uri 'none'"
)

# Comments and BASE/PREFIX declarations: what may precede the first keyword of an operation.
# Text that cannot hold a keyword: escapes in prefixed names, strings, IRIs and comments.
_NOT_CODE = re.compile(
    r'''\\.|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n\r]*''',
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w?$:\\-])SERVICE(?![\w:-])", re.IGNORECASE)


@dataclass(frozen=True)
class Response:
    """What to send back: a status, a body and the headers beyond Content-Type/Length and CORS."""

    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)


class Refusal(Exception):
    """A request the endpoint will not run; becomes a one-line plain-text response."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def text_response(status: int, message: str) -> Response:
    """A plain-text response holding ``message`` on one line (clients print it as is)."""
    line = " ".join(message.split())
    return Response(status, (line + "\n").encode("utf-8"))


def is_read_only(store: ox.Store) -> bool:
    """Whether pyoxigraph refuses writes to ``store``; probes with an empty update, which changes nothing."""
    try:
        store.update("INSERT DATA {}")
    except RuntimeError:
        return True
    return False


def uses_service(text: str) -> bool:
    """Whether ``text`` has a ``SERVICE`` keyword outside strings, IRIs and comments."""
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", text)))


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


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """A term as the SPARQL TSV results format writes it (empty when unbound)."""
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return f"<<( {term_text(term.subject)} {term_text(term.predicate)} {term_text(term.object)} )>>"
    return str(term)


def solutions_body(solutions: ox.QuerySolutions, rdf_format: ox.QueryResultsFormat, row_limit: int) -> tuple[bytes, bool]:
    """At most ``row_limit`` solutions serialized as ``rdf_format``, and whether rows were cut.

    pyoxigraph serializes only a whole result iterator, so the kept rows are written as TSV
    (the terms in their own syntax), read back with pyoxigraph and serialized by it.
    """
    variables = solutions.variables
    rows = list(islice(solutions, row_limit + 1))
    lines = ["\t".join(str(variable) for variable in variables)]
    lines += ["\t".join(term_text(row[variable]) for variable in variables) for row in rows[:row_limit]]
    kept = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
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


def execute(store: ox.Store, query: str, accept: str | None, row_limit: int) -> Response:
    """Run ``query`` on ``store`` and serialize its result; every failure becomes a response.

    Runs in the worker thread, so it must never raise: the caller tells a timeout from a
    finished query by whether the thread is still alive.
    """
    try:
        result = evaluate(store, query)
        return serialize_result(result, accept, row_limit)
    except SyntaxError as error:
        return text_response(400, f"syntax error: {error}")
    except Exception as error:  # noqa: BLE001 - evaluation errors surface from pyoxigraph as several types
        return text_response(500, f"query failed: {error}")


def run_with_timeout(work: Callable[[], Response], timeout: float) -> Response:
    """``work()`` run in a daemon thread, or 503 if it is still running after ``timeout`` seconds."""
    outcome: list[Response] = []
    worker = threading.Thread(target=lambda: outcome.append(work()), name="sparql-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive() or not outcome:
        return text_response(503, f"query did not finish within {timeout:g} s")
    return outcome[0]


def query_from(params: Mapping[str, list[str]]) -> str:
    """The one query in the protocol parameters; :class:`Refusal` for updates and malformed requests."""
    if "update" in params:
        raise Refusal(403, "this endpoint is read-only: SPARQL updates are not accepted")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise Refusal(400, "default-graph-uri and named-graph-uri are not supported")
    queries = params.get("query", [])
    if len(queries) != 1:
        raise Refusal(400, "expected exactly one 'query' parameter")
    query = queries[0]
    if is_update(query):
        raise Refusal(403, "this endpoint is read-only: SPARQL updates are not accepted")
    if uses_service(query):
        raise Refusal(403, "federated queries (SERVICE) are not allowed")
    return query


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the store and limits its handlers use."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ox.Store, *, query_timeout: float, row_limit: int, quiet: bool) -> None:
        super().__init__(address, SparqlHandler)
        self.store = store
        self.query_timeout = query_timeout
        self.row_limit = row_limit
        self.quiet = quiet


class SparqlHandler(BaseHTTPRequestHandler):
    """Routes ``/sparql`` (SPARQL 1.1 Protocol query operation) and ``/`` (the query page)."""

    server: SparqlServer
    server_version = "policekg-sparql/0.1"
    timeout = 60  # seconds a silent client may hold a connection (and a thread)

    def do_GET(self) -> None:
        """``/`` is the page; ``/sparql?query=…`` runs a query."""
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(Response(200, PAGE.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": PAGE_POLICY}))
        elif url.path == SPARQL_PATH:
            self._answer(lambda: parse_qs(url.query, keep_blank_values=True))
        else:
            self._send(text_response(404, f"not found: {url.path}"))

    def do_POST(self) -> None:
        """``/sparql`` with a direct ``application/sparql-query`` body or a form-encoded ``query``."""
        url = urlsplit(self.path)
        if url.path == SPARQL_PATH:
            self._answer(lambda: self._post_params(url.query))
        else:
            self._send(text_response(404, f"not found: {url.path}"))

    def do_OPTIONS(self) -> None:
        """CORS preflight: any origin may GET or POST queries."""
        self._send(Response(204, b"", headers=PREFLIGHT_HEADERS))

    def _answer(self, params: Callable[[], Mapping[str, list[str]]]) -> None:
        """Run the query the request carries and send the result, or the refusal."""
        try:
            query = query_from(params())
        except Refusal as refusal:
            self._send(text_response(refusal.status, str(refusal)))
            return
        server = self.server
        accept = self.headers.get("Accept")
        self._send(run_with_timeout(lambda: execute(server.store, query, accept, server.row_limit), server.query_timeout))

    def _post_params(self, url_query: str) -> dict[str, list[str]]:
        """The protocol parameters of a POST, read from its body according to its Content-Type."""
        body = self._read_body()
        media = self.headers.get_content_type()
        if media == "application/sparql-query":
            return {**parse_qs(url_query, keep_blank_values=True), "query": [body]}
        if media == "application/x-www-form-urlencoded":
            return parse_qs(body, keep_blank_values=True)
        if media == "application/sparql-update":
            return {"update": [body]}
        raise Refusal(415, f"unsupported Content-Type {media}: send application/sparql-query or a form")

    def _read_body(self) -> str:
        """The request body as text; :class:`Refusal` when it is too large or not UTF-8."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Refusal(400, "bad Content-Length") from None
        if not 0 <= length <= MAX_BODY_BYTES:
            raise Refusal(413, f"request body over {MAX_BODY_BYTES} bytes")
        try:
            return self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "request body is not UTF-8") from None

    def _send(self, response: Response) -> None:
        """Write ``response`` with its length and the CORS headers every answer carries."""
        self.send_response(response.status)
        headers = {"Content-Length": str(len(response.body)), **CORS_HEADERS, **response.headers}
        if response.body:
            headers["Content-Type"] = response.content_type
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def parse_request(self) -> bool:
        """Start the request's clock (for the log line), then parse as usual."""
        self._started = time.perf_counter()
        return super().parse_request()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """One line per request on stderr: method, path (without the query string), status, ms."""
        if self.server.quiet:
            return
        elapsed = (time.perf_counter() - getattr(self, "_started", time.perf_counter())) * 1000
        path = urlsplit(self.path).path if hasattr(self, "path") else "-"
        sys.stderr.write(f"{self.command or '-'} {path} {int(code)} {elapsed:.0f}ms\n")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Silenced: the base class uses it for protocol errors, whose status the request's line shows."""


def make_server(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 10.0,
    row_limit: int = 10000,
    quiet: bool = False,
) -> ThreadingHTTPServer:
    """A bound, not yet serving, endpoint over ``store``; port 0 picks a free port (see ``server_address``)."""
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    if row_limit < 0:
        raise ValueError("row_limit must not be negative")
    return SparqlServer((host, port), store, query_timeout=timeout, row_limit=row_limit, quiet=quiet)


def serve(store: ox.Store, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0, row_limit: int = 10000) -> None:
    """Serve ``store`` until Ctrl-C, then close the socket cleanly."""
    server = make_server(store, host, port, timeout=timeout, row_limit=row_limit)
    bound_host, bound_port = server.server_address[:2]
    mode = "read-only store" if is_read_only(store) else "writable store (the endpoint still never writes)"
    sys.stderr.write(f"SPARQL endpoint on http://{bound_host}:{bound_port}{SPARQL_PATH} ({mode}); Ctrl-C stops\n")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.stderr.write("stopping\n")
    finally:
        server.server_close()


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>policekg SPARQL</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1.5em; }
textarea { width: 100%; height: 12em; font: 13px monospace; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; font: 13px monospace; }
th { background: #eee; }
#status { margin-left: 1em; }
pre { background: #f6f6f6; padding: 0.5em; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>policekg SPARQL</h1>
<p>Read-only. The prefixes pko:, org:, foaf:, prov:, skos:, schema:, dcterms:, rdf:, rdfs:, xsd: and owl: need no declaration. Ctrl+Enter runs.</p>
<textarea id="query" spellcheck="false">SELECT ?force ?label WHERE {
  ?force a pko:PoliceForce ; rdfs:label ?label .
} ORDER BY ?label LIMIT 100</textarea>
<div><button id="run" type="button">Run</button><span id="status"></span></div>
<table id="results"><thead></thead><tbody></tbody></table>
<pre id="text" hidden></pre>
<script>
"use strict";
const $ = (id) => document.getElementById(id);

function termText(term) {
  if (!term) return "";
  if (term.type === "uri") return "<" + term.value + ">";
  if (term.type === "bnode") return "_:" + term.value;
  if (term.type === "triple") return "<<( " + ["subject", "predicate", "object"].map((k) => termText(term.value[k])).join(" ") + " )>>";
  if (term["xml:lang"]) return JSON.stringify(term.value) + "@" + term["xml:lang"];
  const plain = !term.datatype || term.datatype.endsWith("/XMLSchema#string");
  return plain ? term.value : JSON.stringify(term.value) + "^^<" + term.datatype + ">";
}

function row(cells, tag) {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const el = document.createElement(tag);
    el.textContent = cell;
    tr.appendChild(el);
  }
  return tr;
}

function clear() {
  $("results").tHead.replaceChildren();
  $("results").tBodies[0].replaceChildren();
  $("text").textContent = "";
  $("text").hidden = true;
}

function showTable(data) {
  if ("boolean" in data) return "ASK: " + data.boolean;
  const vars = data.head.vars;
  $("results").tHead.appendChild(row(vars, "th"));
  const body = $("results").tBodies[0];
  for (const binding of data.results.bindings) body.appendChild(row(vars.map((v) => termText(binding[v])), "td"));
  return data.results.bindings.length + " rows";
}

function showText(text) {
  $("text").textContent = text;
  $("text").hidden = false;
}

async function run() {
  clear();
  $("status").textContent = "running…";
  const started = performance.now();
  try {
    const response = await fetch("sparql", {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: $("query").value,
    });
    const text = await response.text();
    const ms = Math.round(performance.now() - started);
    if (!response.ok) { $("status").textContent = response.status + ": " + text; return; }
    const json = (response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json");
    let summary = json ? showTable(JSON.parse(text)) : (showText(text), "graph");
    if (response.headers.get("X-Policekg-Truncated") === "true") summary += " (truncated by the row limit)";
    $("status").textContent = summary + ", " + ms + " ms";
  } catch (error) {
    $("status").textContent = "request failed: " + error;
  }
}

$("run").addEventListener("click", run);
$("query").addEventListener("keydown", (event) => { if (event.key === "Enter" && event.ctrlKey) run(); });
</script>
</body>
</html>
"""
