"""Shared fixtures: the spaCy pipeline and the seed/example builds are made once per session."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from policekg import api
from policekg.extract.model import Extraction

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEEDS = REPO.parent / "shared" / "seeds"
CHECK_CONTRACT = REPO.parent / "shared" / "tools" / "check_contract.py"


def assert_contract(path: Path) -> None:
    """Run the shared contract checker on a Turtle file (skipped where ../shared is absent)."""
    if not CHECK_CONTRACT.exists():
        pytest.skip(f"contract checker not found at {CHECK_CONTRACT}")
    result = subprocess.run([sys.executable, str(CHECK_CONTRACT), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.fixture(scope="session")
def nlp():
    return api.default_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_extraction(nlp, seeds_dir) -> Extraction:
    return api.extract_documents([seeds_dir], nlp=nlp)


@pytest.fixture(scope="session")
def seeds_graph(seeds_extraction) -> Graph:
    return api.to_graph(seeds_extraction)


@pytest.fixture(scope="session")
def examples_extraction(nlp) -> Extraction:
    return api.extract_documents([EXAMPLES], nlp=nlp)


@pytest.fixture(scope="session")
def examples_graph(examples_extraction) -> Graph:
    return api.to_graph(examples_extraction)


@pytest.fixture
def recorder():
    """A local HTTP server that records every request: a SERVICE call that escaped would land here."""
    from service_spellings import Recorder

    server = Recorder()
    yield server
    server.close()


@pytest.fixture(scope="session")
def endpoint_graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SPARQL endpoint tests' graph (``endpoint_client.write_graph``) as Turtle."""
    from endpoint_client import write_graph

    return write_graph(tmp_path_factory.mktemp("endpoint") / "graph.ttl")


@pytest.fixture(scope="session")
def endpoint_store_folder(endpoint_graph_file: Path) -> Path:
    """An on-disk store (as ``policekg load`` makes) holding the endpoint tests' graph."""
    from policekg.graph.query.sparql import load_store

    folder = endpoint_graph_file.with_name("store")
    load_store(endpoint_graph_file, folder)
    return folder


@pytest.fixture
def serving(endpoint_store_folder: Path):
    """Start SPARQL endpoints in background threads (over the endpoint store folder unless given
    another source; keyword options as for ``make_server``); all are shut down afterwards."""
    import threading

    from policekg.graph.query.endpoint import make_server

    servers = []

    def start(source=None, **options):
        server = make_server(source or endpoint_store_folder, "127.0.0.1", 0, **{"quiet": True, **options})
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
