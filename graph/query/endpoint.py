"""A read-only SPARQL 1.1 Protocol endpoint over an on-disk pyoxigraph store, standard library only.

Why: tools, notebooks and browsers can then query the graph over HTTP (``GET``/``POST /sparql``)
without a triple-store server. ``GET /`` serves a small self-contained query page. ``GET /ask``
lists the saved questions and ``GET /ask/NAME?org=Kent+Police`` asks one as ``policekg ask``
does (``evidence=true``, ``by=period`` too); a name the graph does not know is a 404 with the
closest names it does know (:func:`policekg.graph.query.answer.answer_question`).

What it guarantees, so that it cannot be turned against the machine it runs on:

* Read-only. Updates (an ``update=`` field, an ``application/sparql-update`` body, or an update
  operation sent as ``query``) are refused with 403, and the workers open the store read-only.
* No requests to other servers. pyoxigraph would fetch any URL a ``SERVICE`` pattern names; such
  queries are refused (403) from a parse of the query, and the processes that run queries cannot
  open sockets at all on Linux (:mod:`policekg.graph.query.sandbox`).
* Bounded work. Queries run in a pool of worker processes (:mod:`policekg.graph.query.query_workers`);
  one still running after ``timeout`` seconds is killed (503) and its worker replaced. Connections
  are served by a fixed number of threads behind a listen backlog of :attr:`SparqlServer.request_queue_size`;
  past that the server answers 503 at once. Clients that stall or hang up are dropped quietly.
* Browsers. No CORS by default: a web page from another origin can neither read answers nor
  make the server run queries (a request whose ``Origin`` is neither this server nor listed with
  ``cors_origins`` is refused with 403). Listed origins are echoed in ``Access-Control-Allow-Origin``.
  A server listening on a loopback address also refuses requests whose ``Host`` names another
  machine, which defeats DNS rebinding.
* ``SELECT`` results are cut to ``row_limit`` rows, with ``X-Policekg-Truncated: true``; results
  are JSON, XML, CSV or TSV by ``Accept`` (:mod:`policekg.graph.query.answer`).
"""
from __future__ import annotations

import contextlib
import ipaddress
import queue
import shutil
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from policekg.extract.errors import AccessError, InvalidInput

from policekg.graph.query.answer import TRUNCATED_HEADER, Question, Response, question_list, text_response
from policekg.graph.query.endpoint_page import query_page
from policekg.graph.query.query_workers import QueryPool, Source, default_workers, prepare_store
from policekg.graph.query.sparql import is_update

SPARQL_PATH = "/sparql"
ASK_PATH = "/ask"
MAX_BODY_BYTES = 1_000_000
PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; form-action 'none'; base-uri 'none'"
)
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
BUSY = b"server busy: too many connections; try again\n"
BUSY_RESPONSE = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                 b"Retry-After: 1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(BUSY), BUSY))


class Refusal(Exception):
    """A request the endpoint will not run; becomes a one-line plain-text response."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def web_origin(text: str) -> str:
    """``text`` as a web origin (``scheme://host[:port]``, lower case); ``ValueError`` if it is not one."""
    url = urlsplit(text.strip().rstrip("/"))
    if url.scheme not in ("http", "https") or not url.hostname or url.path or url.query or url.fragment or url.username:
        raise InvalidInput(f"not a web origin: {text!r}; give scheme://host[:port], e.g. http://localhost:8888")
    return f"{url.scheme}://{url.netloc}".lower()


@dataclass(frozen=True)
class AccessPolicy:
    """Which browsers' requests are served: same-origin ones, plus those from ``cors_origins``.

    ``loopback`` is set when the server listens on a loopback address; requests must then name
    a loopback host, so a hostile domain rebound to 127.0.0.1 cannot reach it.
    """

    cors_origins: frozenset[str] = frozenset()
    loopback: bool = True

    def refusal(self, host: str | None, origin: str | None) -> str | None:
        """Why a request with these ``Host`` and ``Origin`` headers is refused, or ``None``."""
        if host and self.loopback and not _is_loopback(host):
            return f"Host {host} is not this server's loopback address"
        if origin is None or origin.lower() == f"http://{host or ''}".lower() or origin.lower() in self.cors_origins:
            return None
        return f"requests from {origin} are not allowed (allow a web page's origin with --cors-origin)"

    def headers(self, origin: str | None) -> dict[str, str]:
        """The CORS headers for a response to ``origin``: none unless it is listed."""
        if not self.cors_origins:
            return {}
        if origin is None or origin.lower() not in self.cors_origins:
            return {"Vary": "Origin"}
        return {"Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": TRUNCATED_HEADER, "Vary": "Origin"}


def _is_loopback(host: str) -> bool:
    """Whether ``host`` (an address as ``--host`` takes it, or a Host header's ``name[:port]``) is this machine."""
    try:
        bare_ipv6 = host.count(":") > 1 and not host.startswith("[")
        name = host if bare_ipv6 else urlsplit(f"//{host}").hostname or ""
    except ValueError:  # a malformed Host header
        return False
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def query_from(params: Mapping[str, list[str]]) -> str:
    """The one query in the protocol parameters; :class:`Refusal` for updates and malformed requests."""
    if "update" in params:
        raise Refusal(403, "this endpoint is read-only: SPARQL updates are not accepted")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise Refusal(400, "default-graph-uri and named-graph-uri are not supported")
    queries = params.get("query", [])
    if len(queries) != 1:
        raise Refusal(400, "expected exactly one 'query' parameter")
    if is_update(queries[0]):
        raise Refusal(403, "this endpoint is read-only: SPARQL updates are not accepted")
    return queries[0]


class SparqlServer(HTTPServer):
    """An HTTP server with a fixed set of handler threads, a bounded wait list and a query pool.

    Accepted connections wait in a list of ``4 * threads``; a connection arriving when it is full
    gets an immediate 503. Each server owns its pool and, for a copied graph, its temporary store.
    """

    request_queue_size = 128  # the listen backlog: connections the kernel holds before accept

    def __init__(self, address: tuple[str, int], *, policy: AccessPolicy, threads: int, client_timeout: float,
                 quiet: bool) -> None:
        self.policy = policy
        self.client_timeout = client_timeout
        self.quiet = quiet
        self.pool: QueryPool | None = None
        self.temporary: Path | None = None
        self._waiting: queue.Queue[tuple[socket.socket, tuple] | None] = queue.Queue(maxsize=4 * threads)
        self._threads: list[threading.Thread] = []
        super().__init__(address, SparqlHandler)  # binds; closes itself (server_close) if it cannot
        self._threads = [threading.Thread(target=self._serve_waiting, name=f"sparql-http-{n}", daemon=True)
                         for n in range(threads)]
        for thread in self._threads:
            thread.start()

    def process_request(self, request: socket.socket, client_address: tuple) -> None:  # type: ignore[override]
        """Hand the connection to a handler thread, or answer 503 at once when too many wait."""
        try:
            self._waiting.put_nowait((request, client_address))
        except queue.Full:
            try:
                request.setblocking(False)
                request.send(BUSY_RESPONSE)
            except OSError:
                pass
            self.shutdown_request(request)

    def _serve_waiting(self) -> None:
        while (item := self._waiting.get()) is not None:
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:  # noqa: BLE001 - reported by handle_error, as socketserver does
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request: object, client_address: tuple) -> None:
        """Say nothing about clients that hang up or stall; one line for anything else."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError) or self.quiet:
            return
        sys.stderr.write(f"error answering {client_address[0]}: {type(error).__name__}: {error}\n")

    def server_close(self) -> None:
        """Close the socket, drop waiting connections, stop the threads and workers, remove the temporary store."""
        super().server_close()
        while True:
            try:
                item = self._waiting.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self.shutdown_request(item[0])
        for _ in self._threads:
            with contextlib.suppress(queue.Full):  # a thread that finds no stop sign is a daemon anyway
                self._waiting.put_nowait(None)
        if self.pool is not None:
            self.pool.close()
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)


class SparqlHandler(BaseHTTPRequestHandler):
    """Routes ``/sparql`` (SPARQL 1.1 Protocol query operation), ``/ask`` (saved questions) and ``/`` (the query page)."""

    server: SparqlServer
    server_version = "policekg-sparql/0.2"

    def setup(self) -> None:
        """Give up on a client silent for ``client_timeout`` seconds (it holds a thread meanwhile)."""
        self.timeout = self.server.client_timeout
        super().setup()

    def do_GET(self) -> None:
        """``/`` is the page; ``/sparql?query=…`` runs a query; ``/ask/NAME?…`` asks a saved question."""
        url = urlsplit(self.path)
        if url.path == "/":
            self._answer(lambda: Response(200, query_page().encode("utf-8"), "text/html; charset=utf-8",
                                          {"Content-Security-Policy": PAGE_POLICY}))
        elif url.path == SPARQL_PATH:
            self._answer(lambda: self._query(parse_qs(url.query, keep_blank_values=True)))
        elif url.path == ASK_PATH:
            self._answer(question_list)
        elif url.path.startswith(ASK_PATH + "/"):
            question = Question(unquote(url.path[len(ASK_PATH) + 1:]), parse_qs(url.query, keep_blank_values=True))
            self._answer(lambda: self._run(question))
        else:
            self._send(text_response(404, f"not found: {url.path}"))

    def do_POST(self) -> None:
        """``/sparql`` with a direct ``application/sparql-query`` body or a form-encoded ``query``."""
        url = urlsplit(self.path)
        if url.path == SPARQL_PATH:
            self._answer(lambda: self._query(self._post_params(url.query)))
        else:
            self._send(text_response(404, f"not found: {url.path}"))

    def do_OPTIONS(self) -> None:
        """CORS preflight: only origins given with ``cors_origins`` may go on."""
        self._answer(lambda: Response(204, b"", headers=PREFLIGHT_HEADERS if self._origin() else {"Allow": "GET, POST, OPTIONS"}))

    def _origin(self) -> str | None:
        return self.headers.get("Origin")

    def _answer(self, work: Callable[[], Response]) -> None:
        """Send what ``work`` returns, once the request passes the access policy; refusals become responses."""
        reason = self.server.policy.refusal(self.headers.get("Host"), self._origin())
        try:
            if reason is not None:
                raise Refusal(403, reason)
            response = work()
        except Refusal as refusal:
            response = text_response(refusal.status, str(refusal))
        self._send(response)

    def _query(self, params: Mapping[str, list[str]]) -> Response:
        return self._run(query_from(params))

    def _run(self, query: str | Question) -> Response:
        pool = self.server.pool
        assert pool is not None, "make_server attaches the pool before serving"
        return pool.run(query, self.headers.get("Accept"))

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
        """Write ``response`` with its length and the CORS headers the request's origin gets."""
        self.send_response(response.status)
        headers = {"Content-Length": str(len(response.body)), **self.server.policy.headers(self._origin()), **response.headers}
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
        """Silenced: the base class uses it for protocol errors and timeouts, which are the client's business."""


def make_server(
    source: Source,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 10.0,
    row_limit: int = 10000,
    workers: int | None = None,
    threads: int = 16,
    client_timeout: float = 10.0,
    cors_origins: Iterable[str] = (),
    quiet: bool = False,
) -> SparqlServer:
    """A bound endpoint with its query workers started, not yet serving; port 0 picks a free port.

    ``source`` is a store folder (made by ``policekg load``), a graph file, or a
    :class:`pyoxigraph.Store` (the last two are copied into a temporary store first).
    ``workers`` query processes (default :func:`~policekg.graph.query.query_workers.default_workers`)
    and ``threads`` connection handlers serve it; a client silent for ``client_timeout``
    seconds is dropped. Workers are separate processes, so a script calling this must do so
    under ``if __name__ == "__main__":`` (notebooks and the ``policekg`` command need nothing).
    """
    if timeout <= 0:
        raise InvalidInput("timeout must be positive")
    if row_limit < 0:
        raise InvalidInput("row_limit must not be negative")
    if threads < 1:
        raise InvalidInput("threads must be at least 1")
    policy = AccessPolicy(frozenset(web_origin(origin) for origin in cors_origins), _is_loopback(host))
    try:
        server = SparqlServer((host, port), policy=policy, threads=threads, client_timeout=client_timeout, quiet=quiet)
    except OSError as error:
        raise AccessError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    try:
        folder, server.temporary = prepare_store(source)
        server.pool = QueryPool(folder, workers=workers or default_workers(), timeout=timeout, row_limit=row_limit)
    except BaseException:
        server.server_close()
        raise
    return server


def serve(source: Source, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0, row_limit: int = 10000,
          *, workers: int | None = None, cors_origins: Iterable[str] = ()) -> None:
    """Serve ``source`` until Ctrl-C (or SIGTERM), then close the socket, stop the workers and remove
    the temporary store."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    server = make_server(source, host, port, timeout=timeout, row_limit=row_limit, workers=workers, cors_origins=cors_origins)
    bound_host, bound_port = server.server_address[:2]
    pool = server.pool
    assert pool is not None
    confinement = pool.confinement or "query workers cannot open sockets"
    sys.stderr.write(f"SPARQL endpoint on http://{bound_host}:{bound_port}{SPARQL_PATH} (read-only; "
                     f"{len(pool.pids())} query workers; {confinement}); Ctrl-C stops\n")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.stderr.write("stopping\n")
    finally:
        server.server_close()


def _stop(signum: int, frame: object) -> None:
    """SIGTERM handler: stop :func:`serve` as Ctrl-C does, so it cleans up."""
    raise KeyboardInterrupt
