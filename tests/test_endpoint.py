"""The SPARQL endpoint: protocol, formats, read-only guard, SERVICE refusal, limits, CORS and the page.

Each server runs on 127.0.0.1 with an ephemeral port in a background thread over an on-disk
store loaded from a small graph (``endpoint_client``; its query workers open it read-only), and
is always shut down afterwards. Load, stopped queries and sources: ``test_endpoint_load.py``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from endpoint_client import (EXPECTED, FORCES, FORCES_QUERY, SLOW_QUERY, Reply, base_url, get, labels, post_direct,
                             post_form, request)
from rdflib import Graph
from service_spellings import BENIGN, EXECUTED, NOT_EXECUTED, Recorder

from policekg.graph.query.endpoint import SparqlServer, make_server
from policekg.graph.rdf.namespaces import DEFAULT_BASE
from policekg.graph.query.sparql import open_store

@pytest.fixture(scope="module")
def store(endpoint_store_folder: Path) -> ox.Store:
    """The store folder opened read-only, to count what it holds."""
    return open_store(store_dir=endpoint_store_folder)


@pytest.fixture
def serve(serving: Callable[..., SparqlServer]) -> Callable[..., str]:
    """Start servers as :func:`serving` does; returns their base URL."""
    return lambda **options: base_url(serving(**options))


@pytest.fixture
def url(serve: Callable[..., str]) -> str:
    """An endpoint with the default limits."""
    return serve()


@pytest.fixture(scope="module")
def shared_url(endpoint_store_folder: Path) -> Iterator[str]:
    """One endpoint with the default limits for a module's worth of read-only tests."""
    server = make_server(endpoint_store_folder, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield base_url(server)
    server.shutdown()
    server.server_close()


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


REFUSED_SPELLINGS = {**EXECUTED, **NOT_EXECUTED}


@pytest.mark.parametrize("spelling", REFUSED_SPELLINGS.values(), ids=REFUSED_SPELLINGS.keys())
def test_endpoint_no_service_spelling_reaches_the_network(shared_url: str, recorder: Recorder, spelling: str) -> None:
    reply = post_direct(shared_url, recorder.query(spelling))
    assert reply.status in (400, 403), reply.body
    assert reply.body.count("\n") == 1
    assert recorder.requests == []


@pytest.mark.parametrize("spelling", BENIGN.values(), ids=BENIGN.keys())
def test_endpoint_runs_queries_that_only_mention_service(shared_url: str, recorder: Recorder, spelling: str) -> None:
    assert post_direct(shared_url, recorder.query(spelling)).status == 200
    assert recorder.requests == []


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.uname().machine not in ("x86_64", "aarch64"),
                    reason="the socket sandbox needs Linux on x86-64 or AArch64")
def test_endpoint_query_workers_cannot_open_sockets(serving: Callable[..., SparqlServer]) -> None:
    server = serving()
    assert server.pool is not None and server.pool.confinement is None
    for pid in server.pool.pids():
        status = Path(f"/proc/{pid}/status").read_text()
        assert re.search(r"^Seccomp:\s+2$", status, re.MULTILINE) and re.search(r"^NoNewPrivs:\s+1$", status, re.MULTILINE)


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


def test_endpoint_sends_no_cors_headers_by_default(url: str) -> None:
    reply = get(url, FORCES_QUERY)
    assert reply.status == 200
    assert not [name for name in reply.headers if name.lower().startswith("access-control-")]


def test_endpoint_refuses_pages_from_other_origins(url: str) -> None:
    query = f"{url}/sparql?{urllib.parse.urlencode({'query': FORCES_QUERY})}"
    for origin in ("http://evil.example", "null", "http://localhost:8888"):
        reply = request(query, headers={"Origin": origin})
        assert reply.status == 403 and "--cors-origin" in reply.body
        assert "Access-Control-Allow-Origin" not in reply.headers
    preflight = request(f"{url}/sparql", method="OPTIONS",
                        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert preflight.status == 403


def test_endpoint_query_page_posts_from_its_own_origin(url: str) -> None:
    reply = request(f"{url}/sparql", data=FORCES_QUERY.encode(),
                    headers={"Content-Type": "application/sparql-query", "Origin": url})
    assert reply.status == 200 and labels(reply) == EXPECTED


def test_endpoint_cors_allow_list_echoes_listed_origins_only(serve: Callable[..., str]) -> None:
    base = serve(cors_origins=["http://localhost:8888", "https://Notebooks.example.org/"])
    query = f"{base}/sparql?{urllib.parse.urlencode({'query': FORCES_QUERY})}"
    reply = request(query, headers={"Origin": "http://localhost:8888"})
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == "http://localhost:8888"
    assert "X-Policekg-Truncated" in reply.headers["Access-Control-Expose-Headers"]
    assert "Origin" in reply.headers["Vary"]
    preflight = request(f"{base}/sparql", method="OPTIONS",
                        headers={"Origin": "https://notebooks.example.org", "Access-Control-Request-Method": "POST"})
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://notebooks.example.org"
    assert {"GET", "POST"} <= {m.strip() for m in preflight.headers["Access-Control-Allow-Methods"].split(",")}
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    other = request(query, headers={"Origin": "http://localhost:9999"})
    assert other.status == 403 and "Access-Control-Allow-Origin" not in other.headers


@pytest.mark.parametrize("origin", ["*", "localhost:8888", "http://x.example/path", "ftp://x.example"])
def test_make_server_refuses_what_is_not_an_origin(endpoint_store_folder: Path, origin: str) -> None:
    with pytest.raises(ValueError, match="not a web origin"):
        make_server(endpoint_store_folder, "127.0.0.1", 0, cors_origins=[origin], quiet=True)


@pytest.mark.parametrize(("host", "status"), [
    ("rebound.example:{port}", 403), ("127.0.0.1.rebound.example:{port}", 403), ("[::1:{port}", 403),
    ("localhost:{port}", 200), ("[::1]:{port}", 200), ("127.0.0.1:{port}", 200),
])
def test_endpoint_refuses_host_names_of_other_machines(shared_url: str, host: str, status: int) -> None:
    port = urllib.parse.urlsplit(shared_url).port
    query = f"{shared_url}/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    assert request(query, headers={"Host": host.format(port=port)}).status == status  # DNS rebinding when 403


def test_page_is_self_contained(url: str) -> None:
    page = request(f"{url}/")
    assert page.status == 200 and page.headers.get_content_type() == "text/html"
    assert "<textarea" in page.body and "fetch(" in page.body
    assert not re.search(r"https?://|\b(?:src|href)\s*=|@import|url\(", page.body)
    assert "innerHTML" not in page.body
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
