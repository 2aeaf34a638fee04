"""Shared fixtures: the spaCy pipeline and the seed/example builds are made once per session."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from policekg import api
from policekg.extract.model import Extraction

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEEDS = REPO.parent / "shared" / "seeds"
CHECK_CONTRACT = REPO.parent / "shared" / "tools" / "check_contract.py"


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
