"""The endpoint under load and abuse: queries stopped at their timeout, long queries, the
sources it serves, many clients at once, and clients that stall or hang up.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from endpoint_client import (ENDLESS_QUERY, EXPECTED, FORCES, FORCES_QUERY, SLOW_QUERY, base_url, cpu_seconds, get,
                             labels)

from policekg.graph.query.endpoint import SparqlServer, make_server
from policekg.graph.query.sparql import open_store

LOG_LINE = re.compile(r"(GET|POST|OPTIONS|-) \S+ \d{3} \d+ms")


@pytest.fixture
def url(serving: Callable[..., SparqlServer]) -> str:
    """An endpoint with the default limits."""
    return base_url(serving())


def test_endpoint_checks_and_runs_long_queries(url: str) -> None:
    block = " ".join(f"<http://example.org/{n}> <http://example.org/p> ?o{n} ." for n in range(300))
    query = f"SELECT DISTINCT ?force WHERE {{ {{ ?force a pko:PoliceForce }} UNION {{ {block} }} }}"
    reply = get(url, query)
    assert reply.status == 200 and len(json.loads(reply.body)["results"]["bindings"]) == len(FORCES)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes' CPU time from /proc")
def test_endpoint_timed_out_query_is_stopped(serving: Callable[..., SparqlServer]) -> None:
    server = serving(timeout=0.5, workers=1)
    assert server.pool is not None
    [worker] = server.pool.pids()
    started = time.perf_counter()
    reply = get(base_url(server), ENDLESS_QUERY)
    assert reply.status == 503 and "stopped" in reply.body
    assert time.perf_counter() - started < 5
    assert not Path(f"/proc/{worker}").exists()  # killed and reaped, not left computing
    deadline = time.monotonic() + 30
    while get(base_url(server), "ASK { ?s ?p ?o }").status != 200:  # a replacement takes over
        assert time.monotonic() < deadline
    replacements = server.pool.pids()
    assert len(replacements) == 1 and worker not in replacements
    spent = cpu_seconds(replacements)
    time.sleep(0.5)
    assert cpu_seconds(replacements) - spent < 0.05


@pytest.mark.parametrize("kind", ["graph-file", "store-object"])
def test_endpoint_serves_a_graph_file_or_a_store_object(serving: Callable[..., SparqlServer], endpoint_graph_file: Path,
                                                        endpoint_store_folder: Path, kind: str) -> None:
    source = endpoint_graph_file if kind == "graph-file" else open_store(store_dir=endpoint_store_folder)
    server = serving(source)
    assert labels(get(base_url(server), FORCES_QUERY)) == EXPECTED
    temporary = server.temporary
    assert temporary is not None and temporary.is_dir()
    server.shutdown()
    server.server_close()
    assert not temporary.exists()


def test_make_server_names_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not an oxigraph store"):
        make_server(tmp_path, "127.0.0.1", 0, quiet=True)


def test_endpoint_answers_fifty_clients_at_once(url: str) -> None:
    with ThreadPoolExecutor(50) as clients:
        replies = list(clients.map(lambda _: get(url, FORCES_QUERY), range(100)))
    assert {reply.status for reply in replies} == {200}
    assert all(labels(reply) == EXPECTED for reply in replies)


def test_endpoint_drops_slow_and_vanishing_clients_quietly(serving: Callable[..., SparqlServer],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    server = serving(threads=2, client_timeout=0.3, quiet=False)
    host, port = server.server_address[:2]
    threads = threading.active_count()
    vanishing = socket.create_connection((host, port))
    vanishing.sendall(b"GET /sparql?query=" + urllib.parse.quote(SLOW_QUERY.replace("(COUNT(*) AS ?n)", "*")).encode()
                      + b" HTTP/1.0\r\n\r\n")
    vanishing.close()  # gone before its answer (10000 rows) is written
    time.sleep(0.2)
    slow = [socket.create_connection((host, port)) for _ in range(30)]
    for connection in slow:
        connection.sendall(b"GET /sparql?query=ASK")  # never finishes its request line
    assert threading.active_count() <= threads  # no thread per connection
    busy = 0
    for connection in slow:
        connection.settimeout(3)
        busy += connection.recv(100).startswith(b"HTTP/1.0 503")
        connection.close()
    assert busy >= 30 - 2 - 8  # beyond the handler threads and their waiting list: refused at once
    assert get(base_url(server), FORCES_QUERY).status == 200
    errors = capsys.readouterr().err
    assert "Traceback" not in errors
    assert all(LOG_LINE.fullmatch(line) for line in errors.splitlines()), errors


def test_make_server_names_a_port_in_use(serving: Callable[..., SparqlServer], endpoint_store_folder: Path) -> None:
    host, port = serving().server_address[:2]
    with pytest.raises(OSError, match=f"cannot listen on {host}:{port}"):
        make_server(endpoint_store_folder, host, port, quiet=True)
