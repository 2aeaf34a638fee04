"""Benchmark ``policekg serve`` under many concurrent clients asking the saved questions.

Run by hand; prints latency percentiles (ms), errors and throughput::

    .venv/bin/python bench/endpoint.py --triples 100000 --clients 50 --queries 20

It writes a contract-shaped graph with ``bench/query.py``'s generator, starts ``policekg serve``
on it as a separate process, waits until it answers, then lets ``--clients`` threads each send
``--queries`` requests drawn (with a fixed seed) from the saved questions. The endpoint takes
plain SPARQL, so each question's parameter values travel in a ``VALUES`` block opening its
``WHERE`` group, written from pyoxigraph literals (a trailing ``VALUES`` would be joined only
after the whole pattern is evaluated: seconds instead of milliseconds). Target: no errors and
p99 under ten times p50.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from query import TRIPLES_PER_DOCUMENT, Generator, parameters

from policekg.graph.query.sparql import question_bindings, saved_questions

ACCEPT = "application/sparql-results+json"
WHERE = "\nWHERE {"
WARM_RUNS = 8  # sequential requests go to the workers in turn: enough for each of up to 8 to see a query


def question_queries(values: dict[str, dict[str, str | list[str]]]) -> dict[str, str]:
    """Each saved question's SPARQL with its parameter values bound by a ``VALUES`` block opening its ``WHERE``."""
    queries = {}
    for question in saved_questions():
        bindings = question_bindings(question, values[question.name])
        names = " ".join(f"?{name}" for name in bindings)
        row = " ".join(str(literal) for literal in bindings.values())
        if WHERE not in question.text:
            sys.exit(f"{question.name}: no '{WHERE}' line to bind its parameters at")
        queries[question.name] = question.text.replace(WHERE, f"{WHERE}\n  VALUES ({names}) {{ ({row}) }}", 1)
    return queries


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(base: str, query: str) -> tuple[float, int, int]:
    """Seconds, HTTP status (0 when the request failed) and result rows of one POSTed query."""
    request = urllib.request.Request(f"{base}/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read())
            rows = len(answer["results"]["bindings"]) if "results" in answer else 1
            return time.perf_counter() - started, response.status, rows
    except urllib.error.HTTPError as error:
        return time.perf_counter() - started, error.code, 0
    except OSError:
        return time.perf_counter() - started, 0, 0


def wait_until_up(base: str, server: subprocess.Popen, seconds: float = 120.0) -> float:
    """Seconds until the endpoint answers; exits if the server dies or never answers."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if server.poll() is not None:
            sys.exit(f"policekg serve exited with {server.returncode}")
        if ask(base, "ASK {}")[1] == 200:
            return time.perf_counter() - started
        time.sleep(0.2)
    sys.exit("policekg serve did not answer")


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000, help="approximate size of the generated graph")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--queries", type=int, default=20, help="queries each client sends")
    parser.add_argument("--workers", type=int, help="query worker processes (default: policekg serve's)")
    options = parser.parse_args()
    documents = max(1, options.triples // TRIPLES_PER_DOCUMENT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.nt"
        generator = Generator(documents)
        path.write_text("".join(generator.lines()), encoding="utf-8")
        queries = question_queries(parameters(generator))
        port = free_port()
        command = [sys.executable, "-m", "policekg", "serve", str(path), "--port", str(port)]
        command += ["--workers", str(options.workers)] if options.workers else []
        server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            print(f"graph: {documents} documents (~{documents * TRIPLES_PER_DOCUMENT} triples); "
                  f"endpoint up in {wait_until_up(base, server):.1f} s")
            run(base, queries, options.clients, options.queries)
        finally:
            server.terminate()
            server.wait(30)


def run(base: str, queries: dict[str, str], clients: int, per_client: int) -> None:
    """Ask every question alone (first, and once each worker has read it), then time ``clients`` x
    ``per_client`` requests and print the figures.

    A worker parses a query text it has not seen before (to refuse SERVICE); the first answer
    includes that, later ones come from its memory of verdicts, as on a server in use.
    """
    print(f"{'question':<16} {'status':>6} {'rows':>5} {'first ms':>9} {'warm ms':>8}")
    for name, query in queries.items():
        first, status, rows = ask(base, query)
        warm = statistics.median(ask(base, query)[0] for _ in range(WARM_RUNS))
        print(f"{name:<16} {status:>6} {rows:>5} {first * 1000:>9.1f} {warm * 1000:>8.1f}")
    mix = random.Random(11)
    plan = [[mix.choice(list(queries.values())) for _ in range(per_client)] for _ in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = [outcome for client in pool.map(lambda asks: [ask(base, query) for query in asks], plan)
                   for outcome in client]
    wall = time.perf_counter() - started
    latencies = sorted(seconds * 1000 for seconds, _, _ in results)
    errors = sum(status != 200 for _, status, _ in results)
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    print(f"{clients} clients x {per_client} queries: {len(results)} requests in {wall:.1f} s "
          f"({len(results) / wall:.0f}/s), errors {errors}")
    print(f"latency ms: p50 {p50:.0f}  p99 {p99:.0f}  max {latencies[-1]:.0f}  (p99/p50 {p99 / p50:.1f})")


if __name__ == "__main__":
    main()
