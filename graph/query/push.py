"""Pushing a graph file to any SPARQL 1.1 Graph Store, standard library only.

Why: a graph is most useful next to other data, in a triple store that many people and tools
query. Every common store (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso, …) speaks
the SPARQL 1.1 Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/), so
one HTTP request loads a graph into any of them, without a client library.

What it does:

* Target: the store's default graph (``?default``), or the named graph ``?graph=IRI``; the
  parameter is appended to any query string the endpoint URL already has.
* ``PUT`` replaces that graph; ``POST`` (``replace=False``) adds the file's triples to it.
* Turtle (``.ttl``) and N-Triples (``.nt``) files are streamed as they are, never read into
  memory whole. JSON-LD (``.jsonld``) and TriG (``.trig``) files are parsed with
  :func:`policekg.graph.rdf.rdflib_reading.read_graph` and sent as N-Triples; every triple of a TriG file,
  whatever its graph, goes into the one target graph.
* The endpoint URL (http or https, with a host) and the graph IRI (absolute) are checked
  before anything is sent; redirects are not followed, since following one would turn a
  ``POST`` into a body-less ``GET``.
* Every failure, a refused connection, a timeout or an HTTP error status with the first line
  of the server's answer, becomes a one-line :class:`PushError`.
"""
from __future__ import annotations

import http.client
import os
import re
import socket
import urllib.error
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from policekg.extract.errors import InvalidInput, PoliceKGError

from policekg.graph.rdf.rdflib_reading import read_graph
from policekg.graph.rdf.write import graph_file

SENT_AS_IS: dict[str, str] = {".ttl": "text/turtle", ".nt": "application/n-triples"}
CONVERTED_TYPE = "application/n-triples"
ERROR_BODY_BYTES = 65536
ERROR_LINE_CHARS = 300

# An absolute IRI: a scheme, a colon, then only characters an IRIREF may hold.
_ABSOLUTE_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20\x7f]+')
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f]")


class PushError(PoliceKGError):
    """A graph could not be pushed: a bad endpoint URL or graph IRI, no connection, or an HTTP error."""


@dataclass(frozen=True)
class PushResult:
    """What was sent where, and the store's answer."""

    method: str
    url: str
    status: int
    reason: str
    bytes_sent: int
    content_type: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects become HTTP errors: urllib would re-send a ``POST`` as a ``GET`` without its body."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_endpoint(endpoint: str) -> None:
    """:class:`PushError` unless ``endpoint`` is a plain http(s) URL with a host.

    Credentials in the URL are refused without echoing them.
    """
    try:
        parts = urlsplit(endpoint)
    except ValueError:
        raise PushError(f"endpoint {endpoint!r} is not a valid URL") from None
    if "@" in parts.netloc:
        raise PushError("endpoint URL holds credentials (user:password@host); they are not supported")
    if _URL_UNSAFE.search(endpoint) or not endpoint.isascii():
        raise PushError(f"endpoint {endpoint!r} is not a URL: it has spaces or non-ASCII characters (percent-encode them)")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PushError(f"endpoint {endpoint!r} is not an http(s) URL with a host, e.g. http://localhost:7878/store")
    try:
        parts.port
    except ValueError:
        raise PushError(f"endpoint {endpoint!r} has a bad port") from None
    if parts.fragment:
        raise PushError(f"endpoint {endpoint!r} has a #fragment; give the Graph Store URL without it")
    named = sorted({"default", "graph"} & parse_qs(parts.query, keep_blank_values=True).keys())
    if named:
        raise PushError(f"endpoint {endpoint!r} already names a graph (?{named[0]}); give the Graph Store URL without it")


def check_graph_iri(graph: str) -> None:
    """:class:`PushError` unless ``graph`` is an absolute IRI (a scheme, then no spaces or ``<>"{}|^`\\``)."""
    if not _ABSOLUTE_IRI.fullmatch(graph):
        raise PushError(f"graph name {graph!r} is not an absolute IRI, e.g. https://example.org/graph/police")


def target_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store URL for ``graph`` (the default graph when ``None``) at ``endpoint``."""
    check_endpoint(endpoint)
    if graph is not None:
        check_graph_iri(graph)
    parts = urlsplit(endpoint)
    parameter = "default" if graph is None else urlencode({"graph": graph})
    query = parts.query.rstrip("&")
    query = f"{query}&{parameter}" if query else parameter
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def _open_body(path: Path, files: ExitStack) -> tuple[BinaryIO | bytes, int, str]:
    """The body to send for ``path``, its size in bytes and its Content-Type.

    Turtle and N-Triples: the open file (closed by ``files``); JSON-LD and TriG: N-Triples bytes.
    """
    graph_file(path)
    media = SENT_AS_IS.get(path.suffix.lower())
    if media is None:
        data = read_graph(path).serialize(format="nt", encoding="utf-8")
        return data, len(data), CONVERTED_TYPE
    stream = files.enter_context(path.open("rb"))
    return stream, os.fstat(stream.fileno()).st_size, media


def _first_line(error: urllib.error.HTTPError) -> str:
    """The first non-blank line of an error response's body, shortened; "" when there is none."""
    try:
        body = error.read(ERROR_BODY_BYTES).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        return ""
    line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return line if len(line) <= ERROR_LINE_CHARS else line[:ERROR_LINE_CHARS] + "…"


def _http_error(method: str, url: str, error: urllib.error.HTTPError) -> PushError:
    """One line for an error status: the status, its reason, the server's first line (or where it redirects)."""
    message = f"{method} {url}: HTTP {error.code} {error.reason or ''}".rstrip()
    location = error.headers.get("Location") if error.headers else None
    if 300 <= error.code < 400 and location:
        detail = f"redirected to {location} (redirects are not followed)"
    else:
        detail = _first_line(error)
    return PushError(f"{message}: {detail}" if detail else message)


def _reason(error: BaseException) -> str:
    """A short reason for a connection failure: "Connection refused", "Name or service not known", …"""
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())


def _send(request: urllib.request.Request, endpoint: str, timeout: float) -> tuple[int, str]:
    """Send ``request``; its status and reason, or :class:`PushError` on any failure."""
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read()
            return response.status, response.reason or ""
    except urllib.error.HTTPError as error:
        with error:
            raise _http_error(request.get_method(), request.full_url, error) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise PushError(f"no answer from {endpoint} within {timeout:g} s") from None
        if isinstance(error.reason, (ConnectionRefusedError, socket.gaierror)):
            raise PushError(f"cannot reach {endpoint}: {_reason(error.reason)}") from None
        raise PushError(f"connection to {endpoint} failed: {_reason(error.reason)}") from None
    except TimeoutError:
        raise PushError(f"no answer from {endpoint} within {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as error:
        raise PushError(f"connection to {endpoint} failed: {_reason(error)}") from None


def push_graph(
    graph_file: str | os.PathLike[str],
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = True,
    timeout: float = 60.0,
) -> PushResult:
    """Load ``graph_file`` into the Graph Store at ``endpoint``; return what was sent and the answer.

    ``graph`` names the target graph (an absolute IRI; the default graph when ``None``).
    ``replace`` sends ``PUT``, which replaces that graph; otherwise ``POST`` adds to it.
    ``timeout`` is how many seconds to wait at each step: connecting, sending, the answer.
    """
    if timeout <= 0:
        raise InvalidInput("timeout must be positive")
    url = target_url(endpoint, graph)
    method = "PUT" if replace else "POST"
    with ExitStack() as files:
        body, size, media = _open_body(Path(graph_file), files)
        headers = {"Content-Type": media, "Content-Length": str(size)}
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        status, reason = _send(request, endpoint, timeout)
    return PushResult(method, url, status, reason, size, media)
