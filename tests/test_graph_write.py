"""Tests for policekg.graph.write: formats, round trips, determinism and atomic writes."""
from __future__ import annotations

import os
import random
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from test_graph_build import HOSTILE_QUOTES, sample_extraction

from policekg.graph import write
from policekg.graph.build import build_rdf
from policekg.graph.namespaces import PKO, RDFS
from policekg.graph.write import FORMATS, format_for, serialize, write_graph

OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD,
    "trig": pyoxigraph.RdfFormat.TRIG,
}
SAMPLE = build_rdf(sample_extraction())
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # rdflib's own TriG internals
TRIPLES = sorted(SAMPLE)


def parse_rdflib(data: bytes, fmt: str) -> Graph:
    """Parse with rdflib; TriG goes through a dataset and is flattened to one graph."""
    if fmt != "trig":
        return Graph().parse(data=data, format=fmt)
    dataset = Dataset()
    dataset.parse(data=data, format=fmt)
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def assert_same_meaning(actual: Graph, expected: Graph) -> None:
    """Compare graphs as RDF, printing the triples only one side has when they differ."""
    if not isomorphic(actual, expected):
        _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
        pytest.fail(f"only in actual:\n{only_actual.serialize(format='nt')}\n"
                    f"only in expected:\n{only_expected.serialize(format='nt')}")


def shuffled_copy(triples: list, prefixes: list, seed: int) -> Graph:
    """A graph holding ``triples`` and ``prefixes``, added in an order decided by ``seed``."""
    rng = random.Random(seed)
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in rng.sample(prefixes, len(prefixes)):
        graph.bind(prefix, namespace)
    for triple in rng.sample(triples, len(triples)):
        graph.add(triple)
    return graph


@pytest.mark.parametrize(("name", "fmt"), [("g.ttl", "turtle"), ("a/b.NT", "nt"), ("x.jsonld", "json-ld"),
                                            ("y.trig", "trig")])
def test_write_format_for_suffix(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


@pytest.mark.parametrize("name", ["graph.rdf", "graph", "graph.ttl.bak"])
def test_write_format_for_unknown_suffix_lists_supported(name: str) -> None:
    with pytest.raises(ValueError, match=r"\.jsonld, \.nt, \.trig, \.ttl"):
        format_for(name)


def test_write_serialize_rejects_unknown_format_and_datasets() -> None:
    with pytest.raises(ValueError, match="unsupported RDF format"):
        serialize(SAMPLE, "xml")
    with pytest.raises(TypeError, match="single rdflib Graph"):
        serialize(Dataset(), "trig")


@pytest.mark.parametrize("fmt", sorted(FORMATS.values()))
def test_write_round_trips_in_rdflib_and_pyoxigraph(fmt: str) -> None:
    data = serialize(SAMPLE, fmt)
    assert_same_meaning(parse_rdflib(data, fmt), SAMPLE)
    quads = list(pyoxigraph.parse(data, format=OXIGRAPH_FORMATS[fmt]))
    assert len(quads) == len(SAMPLE)
    assert all(isinstance(quad.graph_name, pyoxigraph.DefaultGraph) for quad in quads)


def test_write_hostile_quotes_survive_pyoxigraph_store(tmp_path: Path) -> None:
    path = write_graph(SAMPLE, tmp_path / "graph.ttl")
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    quotes = {row["q"].value for row in store.query(f"SELECT ?q WHERE {{ ?s <{PKO.quote}> ?q }}")}
    assert set(HOSTILE_QUOTES) <= quotes


def test_write_turtle_uses_contract_prefixes() -> None:
    text = serialize(SAMPLE, "turtle").decode("utf-8")
    for line in ("@prefix pko: <https://w3id.org/policekg/ontology#> .", "@prefix org: <http://www.w3.org/ns/org#> ."):
        assert line in text
    assert "pko:amount 1500000.0" in text


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
@pytest.mark.parametrize("fmt", sorted(FORMATS.values()))
def test_write_bytes_identical_for_shuffled_insertion(fmt: str, seed: int) -> None:
    prefixes = sorted(SAMPLE.namespaces())
    assert serialize(shuffled_copy(TRIPLES, prefixes, seed), fmt) == serialize(SAMPLE, fmt)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    labels=st.lists(st.text(), min_size=1, max_size=8, unique=True),
    predicates=st.lists(st.sampled_from(["a", "b", "c/d", "e#f"]), min_size=1, max_size=3, unique=True),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_write_bytes_identical_for_arbitrary_text(labels: list[str], predicates: list[str], seed: int) -> None:
    """Unbound namespaces get generated prefixes; their numbering must not follow insertion order."""
    subject = URIRef("https://example.org/s")
    triples = [(subject, URIRef("https://example.org/p/" + p), Literal(label)) for p in predicates for label in labels]
    triples.append((subject, RDFS.label, Literal(labels[0], lang="en")))
    for fmt in FORMATS.values():
        first = serialize(shuffled_copy(triples, [], seed), fmt)
        assert first == serialize(shuffled_copy(triples, [], seed + 1), fmt)
        assert len(parse_rdflib(first, fmt)) == len(triples)


def test_write_bytes_identical_for_shuffled_extraction() -> None:
    extraction = sample_extraction()
    rng = random.Random(7)
    extraction.entities = dict(rng.sample(list(extraction.entities.items()), len(extraction.entities)))
    for records in (extraction.documents, extraction.links, extraction.funds, extraction.judgements):
        rng.shuffle(records)
    assert serialize(build_rdf(extraction), "turtle") == serialize(SAMPLE, "turtle")


def test_write_graph_creates_folders_and_returns_path(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "graph.nt"
    assert write_graph(SAMPLE, target) == target
    assert target.read_bytes() == serialize(SAMPLE, "nt")
    assert write_graph(SAMPLE, tmp_path / "graph.txt", fmt="turtle").read_bytes() == serialize(SAMPLE, "turtle")


def test_write_graph_overwrites_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    write_graph(SAMPLE, target)
    assert target.read_bytes() == serialize(SAMPLE, "turtle")
    assert os.listdir(tmp_path) == ["graph.ttl"]


def _fail(*args: object, **kwargs: object) -> None:
    raise OSError("disk on fire")


@pytest.mark.parametrize(("target", "name"), [(write, "serialize"), (os, "fsync"), (os, "replace")])
def test_write_graph_failure_leaves_existing_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: object, name: str
) -> None:
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"previous contents")
    monkeypatch.setattr(target, name, _fail)
    with pytest.raises(OSError, match="disk on fire"):
        write_graph(SAMPLE, path)
    monkeypatch.undo()
    assert path.read_bytes() == b"previous contents"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_write_graph_file_is_readable_by_others_per_umask(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = write_graph(SAMPLE, tmp_path / "graph.ttl")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
