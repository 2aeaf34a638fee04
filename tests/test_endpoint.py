"""The SPARQL endpoint: protocol, formats, read-only guard, limits, CORS and the query page.

Each server runs on 127.0.0.1 with an ephemeral port in a background thread over a read-only
on-disk store loaded from a small graph built here, and is always shut down afterwards.
"""
from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from policekg.extract.model import DocumentInfo, Entity, Extraction, Kind
from policekg.graph.build import build_rdf
from policekg.graph.endpoint import make_server
from policekg.graph.sparql import load_store, open_store
from policekg.graph.namespaces import DEFAULT_BASE

FORCES = {"PoliceForce/kent-police": "Kent Police", "PoliceForce/essex-police": "Essex Police", "PoliceForce/dorset-police": "Dorset Police"}
FILLER = 200  # extra triples so a three-way cross product takes about a second
FORCES_QUERY = "SELECT ?force ?label WHERE { ?force a pko:PoliceForce ; rdfs:label ?label } ORDER BY ?label"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass(frozen=True)
class Reply:
    """An HTTP answer as the tests see it."""

    status: int
    headers: Message
    body: str


def extraction() -> Extraction:
    """Three forces mentioned in one document."""
    document = DocumentInfo("doc-1", "corpus/doc-1.txt", "A report", "0" * 64)
    entities = {key: Entity(key, Kind.FORCE, label, set(), {"doc-1"}) for key, label in FORCES.items()}
    return Extraction(documents=[document], entities=entities)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """A read-only store holding the contract graph of :func:`extraction` plus filler triples."""
    folder = tmp_path_factory.mktemp("endpoint")
    graph: Graph = build_rdf(extraction())
    for n in range(FILLER):
        graph.add((URIRef(f"{DEFAULT_BASE}filler/{n}"), URIRef(f"{DEFAULT_BASE}filler-value"), Literal(n)))
    source = folder / "graph.ttl"
    graph.serialize(source, format="turtle")
    load_store(source, folder / "store")
    return open_store(store_dir=folder / "store")


@pytest.fixture
def serve(store: ox.Store) -> Iterator[Callable[..., str]]:
    """Start servers over ``store`` (keyword options as for ``make_server``); yields their base URL."""
    servers = []

    def start(**options: float) -> str:
        server = make_server(store, "127.0.0.1", 0, quiet=True, **options)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        host, port = server.server_address[:2]
        return f"http://{host}:{port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def url(serve: Callable[..., str]) -> str:
    """An endpoint with the default limits."""
    return serve()


def request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None) -> Reply:
    """Send a request and return the reply, error statuses included."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return Reply(response.status, response.headers, response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read().decode("utf-8"))


def get(base: str, query: str, accept: str | None = None) -> Reply:
    """``GET /sparql?query=…``."""
    return request(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept} if accept else {})


def post_form(base: str, fields: dict[str, str]) -> Reply:
    """``POST /sparql`` with a form-encoded body."""
    body = urllib.parse.urlencode(fields).encode()
    return request(f"{base}/sparql", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})


def post_direct(base: str, text: str, content_type: str = "application/sparql-query") -> Reply:
    """``POST /sparql`` with the operation as the body."""
    return request(f"{base}/sparql", data=text.encode(), headers={"Content-Type": content_type})


def labels(reply: Reply) -> list[str]:
    """The ``label`` column of a JSON SELECT reply."""
    return [row["label"]["value"] for row in json.loads(reply.body)["results"]["bindings"]]


EXPECTED = sorted(FORCES.values())


# --- protocol and formats -----------------------------------------------------------------------


def test_sparqlwrapper_gets_json_select(url: str) -> None:
    sparqlwrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper is not installed (pip install SPARQLWrapper)")
    for method in (sparqlwrapper.GET, sparqlwrapper.POST):
        client = sparqlwrapper.SPARQLWrapper(f"{url}/sparql")
        client.setQuery(FORCES_QUERY)
        client.setReturnFormat(sparqlwrapper.JSON)
        client.setMethod(method)
        results = client.query().convert()
        assert results["head"]["vars"] == ["force", "label"]
        assert [row["label"]["value"] for row in results["results"]["bindings"]] == EXPECTED
        assert results["results"]["bindings"][0]["force"] == {"type": "uri", "value": f"{DEFAULT_BASE}force/dorset-police"}


def test_get_and_both_posts_give_json_by_default(url: str) -> None:
    for reply in (get(url, FORCES_QUERY), post_form(url, {"query": FORCES_QUERY}), post_direct(url, FORCES_QUERY)):
        assert reply.status == 200
        assert reply.headers.get_content_type() == "application/sparql-results+json"
        assert labels(reply) == EXPECTED
        assert "X-Policekg-Truncated" not in reply.headers


def test_declared_prefix_overrides_the_default(url: str) -> None:
    reply = get(url, "PREFIX pko: <http://example.org/other#> " + FORCES_QUERY)
    assert reply.status == 200 and labels(reply) == []


def test_xml_results_by_accept(url: str) -> None:
    reply = get(url, FORCES_QUERY, "application/sparql-results+xml")
    assert reply.headers.get_content_type() == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    found = [node.text for node in ET.fromstring(reply.body).iterfind(".//r:binding[@name='label']/r:literal", ns)]
    assert found == EXPECTED


@pytest.mark.parametrize(("accept", "delimiter"), [("text/csv", ","), ("text/tab-separated-values", "\t")])
def test_csv_and_tsv_results_by_accept(url: str, accept: str, delimiter: str) -> None:
    reply = get(url, FORCES_QUERY, accept)
    assert reply.headers.get_content_type() == accept
    rows = list(csv.reader(io.StringIO(reply.body), delimiter=delimiter))
    assert rows[0] == (["force", "label"] if accept == "text/csv" else ["?force", "?label"])
    assert [row[1].strip('"') for row in rows[1:]] == EXPECTED


def test_accept_quality_values_are_honoured(url: str) -> None:
    reply = get(url, FORCES_QUERY, "application/sparql-results+json;q=0.5, text/csv")
    assert reply.headers.get_content_type() == "text/csv"


def test_ask_answers_a_boolean(url: str) -> None:
    assert json.loads(get(url, "ASK { ?force a pko:PoliceForce }").body)["boolean"] is True


def test_construct_returns_turtle_or_ntriples(url: str) -> None:
    query = "CONSTRUCT { ?force rdfs:label ?label } WHERE { ?force a pko:PoliceForce ; rdfs:label ?label }"
    turtle = get(url, query)
    assert turtle.status == 200 and turtle.headers.get_content_type() == "text/turtle"
    parsed = Graph().parse(data=turtle.body, format="turtle")
    assert sorted(str(label) for label in parsed.objects()) == EXPECTED
    ntriples = get(url, query, "application/n-triples")
    assert ntriples.headers.get_content_type() == "application/n-triples"
    assert len(Graph().parse(data=ntriples.body, format="nt")) == len(FORCES)


# --- read-only ------------------------------------------------------------------------------------


INSERT = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"


@pytest.mark.parametrize(
    "send",
    [
        lambda base: post_form(base, {"update": INSERT}),
        lambda base: post_direct(base, INSERT, "application/sparql-update"),
        lambda base: get(base, INSERT),
        lambda base: post_form(base, {"query": "PREFIX ex: <http://example.org/>\n# comment\n" + INSERT}),
        lambda base: post_direct(base, "DELETE WHERE { ?s ?p ?o }"),
    ],
    ids=["update-field", "update-body", "insert-as-get-query", "insert-after-prologue", "delete-as-query-body"],
)
def test_updates_are_refused_and_the_store_is_unchanged(url: str, store: ox.Store, send: Callable[[str], Reply]) -> None:
    before = len(store)
    reply = send(url)
    assert reply.status == 403
    assert reply.headers.get_content_type() == "text/plain"
    assert reply.body.count("\n") == 1 and "read-only" in reply.body
    assert len(store) == before


def test_store_itself_refuses_writes(store: ox.Store) -> None:
    with pytest.raises(RuntimeError):
        store.update(INSERT)


def test_service_is_refused(url: str) -> None:
    reply = get(url, f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}")
    assert reply.status == 403 and "SERVICE" in reply.body


def test_service_in_strings_iris_and_names_is_allowed(url: str) -> None:
    query = 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) FILTER(?service != <http://x/SERVICE>) } # SERVICE'
    assert get(url, query).status == 200


# --- errors and limits ----------------------------------------------------------------------------


def test_syntax_error_is_400_with_its_position_in_the_client_text(url: str) -> None:
    reply = get(url, "SELECT ?s\nWHERE {\n  ?s ?p\n}")
    assert reply.status == 400
    assert reply.body.count("\n") == 1
    assert re.search(r"\b4:\d+\b", reply.body), reply.body  # line 4 of what the client sent


def test_missing_query_and_unknown_body_type(url: str) -> None:
    assert request(f"{url}/sparql").status == 400
    assert post_direct(url, FORCES_QUERY, "text/plain").status == 415
    assert request(f"{url}/nowhere").status == 404


def test_row_limit_truncates_and_sets_header(serve: Callable[..., str]) -> None:
    base = serve(row_limit=2)
    reply = get(base, FORCES_QUERY)
    assert labels(reply) == EXPECTED[:2]
    assert reply.headers["X-Policekg-Truncated"] == "true"
    assert "X-Policekg-Truncated" not in get(base, "SELECT * WHERE { ?f a pko:PoliceForce } LIMIT 2").headers


def test_slow_query_times_out_with_503(serve: Callable[..., str]) -> None:
    base = serve(timeout=0.2)
    started = time.perf_counter()
    reply = get(base, SLOW_QUERY)
    assert reply.status == 503
    assert time.perf_counter() - started < 1.0
    assert get(base, "ASK { ?s ?p ?o }").status == 200  # still answering while the abandoned query runs


# --- browsers -------------------------------------------------------------------------------------


def test_cors_headers_and_preflight(url: str) -> None:
    assert get(url, FORCES_QUERY).headers["Access-Control-Allow-Origin"] == "*"
    preflight = request(f"{url}/sparql", method="OPTIONS", headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"})
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert {"GET", "POST"} <= {m.strip() for m in preflight.headers["Access-Control-Allow-Methods"].split(",")}
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()


def test_page_is_self_contained(url: str) -> None:
    page = request(f"{url}/")
    assert page.status == 200 and page.headers.get_content_type() == "text/html"
    assert "<textarea" in page.body and "fetch(" in page.body
    assert not re.search(r"https?://|\b(?:src|href)\s*=|@import|url\(", page.body)
    assert "innerHTML" not in page.body
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
