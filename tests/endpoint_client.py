"""Talking to the SPARQL endpoint in tests: the small graph it serves, and HTTP helpers.

The graph holds three police forces plus filler triples, so cross products are slow.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from policekg.extract.model import DocumentInfo, Entity, Extraction, Kind
from policekg.graph.rdf.build import build_rdf
from policekg.graph.query.endpoint import SparqlServer
from policekg.graph.rdf.namespaces import DEFAULT_BASE

FORCES = {"PoliceForce/kent-police": "Kent Police", "PoliceForce/essex-police": "Essex Police", "PoliceForce/dorset-police": "Dorset Police"}
FILLER = 200  # extra triples so a three-way cross product takes about a second
FORCES_QUERY = "SELECT ?force ?label WHERE { ?force a pko:PoliceForce ; rdfs:label ?label } ORDER BY ?label"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ENDLESS_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # minutes of work
EXPECTED = sorted(FORCES.values())


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


def write_graph(path: Path) -> Path:
    """The contract graph of :func:`extraction` plus filler triples, written as Turtle to ``path``."""
    graph: Graph = build_rdf(extraction())
    for n in range(FILLER):
        graph.add((URIRef(f"{DEFAULT_BASE}filler/{n}"), URIRef(f"{DEFAULT_BASE}filler-value"), Literal(n)))
    graph.serialize(path, format="turtle")
    return path


def base_url(server: SparqlServer) -> str:
    """``http://host:port`` of a bound server."""
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


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


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes ``pids`` have used, from /proc."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")
