"""policekg push: graphs loaded into a real Oxigraph server over the SPARQL 1.1 Graph Store protocol.

The server is the ``oxigraph`` binary of the PyPI package of that name (the test extra); its
Graph Store is at ``/store`` and its SPARQL query endpoint at ``/query``.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef

import policekg
import policekg.ontology
from policekg.cli import cli
from policekg.graph.query.push import PushError, push_graph, target_url

STARTUP_SECONDS = 30
SHAPES = Path(policekg.ontology.__file__).with_name("shapes.ttl")
EX = "https://example.org/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """The base URL of an Oxigraph server on a free port, storing in a temporary folder."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    folder = tmp_path_factory.mktemp("oxigraph")
    base = f"http://127.0.0.1:{free_port()}"
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([binary, "serve", "--location", str(folder / "store"), "--bind", base[len("http://"):]],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not answers(base + "/"):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"oxigraph did not start: {(folder / 'server.log').read_text(errors='replace')}")
            time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture()
def store(server) -> str:
    return server + "/store"


def count(server: str, graph: str | None = None) -> int:
    """Triples in the server's default graph, or in the named graph ``graph``."""
    pattern = "?s ?p ?o" if graph is None else f"GRAPH <{graph}> {{ ?s ?p ?o }}"
    data = urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"}).encode()
    request = urllib.request.Request(server + "/query", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def small_graph(name: str, size: int = 5) -> Graph:
    graph = Graph()
    for index in range(size):
        subject = URIRef(f"{EX}{name}/{index}")
        graph.add((subject, URIRef(EX + "label"), Literal(f"{name} {index} — café", lang="en")))
    return graph


def write(graph: Graph, path: Path) -> Path:
    policekg.write_graph(graph, path)
    return path


def run(*args: str):
    return CliRunner().invoke(cli, ["push", *map(str, args)])


@pytest.fixture()
def no_requests(monkeypatch):
    """Fail the test if anything is sent over HTTP."""
    def refuse(*args, **kwargs):
        raise AssertionError("a request was sent")
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)


def test_push_shipped_turtle_then_query_counts_its_triples(server, store):
    result = run(SHAPES, "--endpoint", store)
    assert result.exit_code == 0, result.output
    assert result.output == f"PUT {store}?default: 204 No Content, {SHAPES.stat().st_size} bytes of text/turtle sent\n"
    assert count(server) == len(Graph().parse(SHAPES)) > 200  # blank nodes and RDF lists included


def test_push_twice_replaces(server, store, tmp_path):
    graph_file = write(small_graph("twice", 7), tmp_path / "g.ttl")
    for _ in range(2):
        result = push_graph(graph_file, store)
        assert (result.method, result.status, result.url) == ("PUT", 204, store + "?default")
        assert result.bytes_sent == graph_file.stat().st_size
        assert result.content_type == "text/turtle"
        assert count(server) == 7


def test_append_adds_to_the_graph(server, store, tmp_path):
    first = write(small_graph("first", 3), tmp_path / "first.ttl")
    second = write(small_graph("second", 4), tmp_path / "second.ttl")
    assert run(first, "--endpoint", store).exit_code == 0
    result = run(second, "--endpoint", store, "--append")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("POST ")
    assert count(server) == 7


def test_named_graph_leaves_default_graph_alone(server, store, tmp_path):
    write(small_graph("default", 2), tmp_path / "default.ttl")
    named = write(small_graph("named", 6), tmp_path / "named.ttl")
    assert run(tmp_path / "default.ttl", "--endpoint", store).exit_code == 0
    iri = EX + "graphs/named?x=1&y=ä#part"
    for _ in range(2):
        result = run(named, "--endpoint", store, "--graph", iri)
        assert result.exit_code == 0, result.output
    assert count(server, iri) == 6
    assert count(server) == 2
    assert run(named, "--endpoint", store, "--graph", iri, "--append").exit_code == 0
    assert count(server, iri) == 6  # the same triples again: a set, nothing new


@pytest.mark.parametrize("suffix", [".nt", ".jsonld"])
def test_ntriples_and_jsonld_files(server, store, tmp_path, suffix):
    graph_file = write(small_graph("format" + suffix, 5), tmp_path / f"g{suffix}")
    iri = EX + "graphs/" + suffix[1:]
    result = push_graph(graph_file, store, graph=iri)
    assert result.content_type == "application/n-triples"
    assert count(server, iri) == 5


def test_trig_file_with_named_graphs_goes_into_the_one_target(server, store, tmp_path):
    dataset = Dataset()
    for name, size in (("a", 2), ("b", 3)):
        named = dataset.graph(URIRef(EX + "source/" + name))
        for triple in small_graph("trig-" + name, size):
            named.add(triple)
    graph_file = tmp_path / "g.trig"
    dataset.serialize(graph_file, format="trig")
    iri = EX + "graphs/trig"
    result = run(graph_file, "--endpoint", store, "--graph", iri)
    assert result.exit_code == 0, result.output
    assert count(server, iri) == 5


def test_endpoint_with_a_query_string(server, tmp_path):
    graph_file = write(small_graph("query-string", 3), tmp_path / "g.nt")
    iri = EX + "graphs/query-string"
    result = push_graph(graph_file, server + "/store?client=policekg", graph=iri)
    assert result.url == f"{server}/store?client=policekg&graph=https%3A%2F%2Fexample.org%2Fgraphs%2Fquery-string"
    assert count(server, iri) == 3


def test_target_url():
    assert target_url("http://h:7878/store") == "http://h:7878/store?default"
    assert target_url("https://h/ds/data?a=1&", "urn:x:y") == "https://h/ds/data?a=1&graph=urn%3Ax%3Ay"
    assert target_url("http://h") == "http://h/?default"


def test_invalid_file_is_reported_by_the_server_on_one_line(store, tmp_path):
    graph_file = tmp_path / "bad.ttl"
    graph_file.write_text("this is not turtle .\n", encoding="utf-8")
    result = run(graph_file, "--endpoint", store)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert f"PUT {store}?default: HTTP 400 Bad Request: " in result.output


def test_wrong_path_is_one_line_with_status(server, tmp_path):
    graph_file = write(small_graph("path", 1), tmp_path / "g.ttl")
    result = run(graph_file, "--endpoint", server + "/nowhere")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "HTTP 404 Not Found" in result.output


def test_unreachable_endpoint_is_one_line(tmp_path):
    graph_file = write(small_graph("closed", 1), tmp_path / "g.ttl")
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    result = run(graph_file, "--endpoint", endpoint)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: cannot reach {endpoint}: Connection refused"]


def test_silent_server_times_out(tmp_path):
    graph_file = write(small_graph("silent", 1), tmp_path / "g.ttl")
    with socket.socket() as listener:  # accepts connections (the backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
        started = time.monotonic()
        result = run(graph_file, "--endpoint", endpoint, "--timeout", "0.3")
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: no answer from {endpoint} within 0.3 s"]


class Redirecting(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(301)
        self.send_header("Location", "https://elsewhere.example/store")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_redirect_is_not_followed(tmp_path):
    graph_file = write(small_graph("redirect", 1), tmp_path / "g.ttl")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirecting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/store"
        with pytest.raises(PushError, match="HTTP 301 .*redirected to https://elsewhere.example/store"):
            push_graph(graph_file, endpoint, replace=False, timeout=5)
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("endpoint", ["ftp://x", "not a url", "x", "http://", "http:///store", "http://h:port/store",
                                      "http://user:secret@h/store", "http://h/store?default", "http://h/store#x",
                                      "http://[::1/store"])
def test_bad_endpoint_is_refused_before_any_request(no_requests, tmp_path, endpoint):
    graph_file = write(small_graph("refused", 1), tmp_path / "g.ttl")
    result = run(graph_file, "--endpoint", endpoint)
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Error: endpoint") and "secret" not in result.output


@pytest.mark.parametrize("iri", ["graphs/relative", "", "http://h/with space", "<http://h/g>"])
def test_relative_graph_iri_is_refused_before_any_request(no_requests, tmp_path, iri):
    graph_file = write(small_graph("refused", 1), tmp_path / "g.ttl")
    result = run(graph_file, "--endpoint", "http://127.0.0.1:7878/store", "--graph", iri)
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "is not an absolute IRI" in result.output


@pytest.mark.parametrize("name", ["missing.ttl", "graph.rdf"])
def test_missing_or_unknown_file_is_one_line(no_requests, tmp_path, name):
    if name.endswith(".rdf"):
        (tmp_path / name).write_text("<rdf:RDF/>", encoding="utf-8")
    result = run(tmp_path / name, "--endpoint", "http://127.0.0.1:7878/store")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert name in result.output
