"""The build emits pyoxigraph triples and the writer streams them: same graph, same bytes as the rdflib build.

``tests/oxbuild/*.nt`` and ``*-base.ttl`` were written by the rdflib builder and writer this
replaced (``build_rdf`` then ``serialize``) for the invented extractions named below; since
then they gained only the triples of later features (identifiers, document and evidence
dates, periods), each file checked to have lost nothing.
"""
from __future__ import annotations

import io
import random
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from test_graph_build import KENT, sample_extraction
from test_network import network_extraction
from test_network_views import views_extraction

from policekg import api
from policekg.cli import cli
from policekg.extract.model import Evidence, Extraction, Link, Predicate
from policekg.graph.rdf import triples as triples_module
from policekg.graph.rdf.build import build_rdf, build_triples
from policekg.graph.rdf.prefixes import SortedPrefixes
from policekg.graph.rdf.triples import Triples
from policekg.graph.rdf.write import FORMATS, serialize, write_graph

EXPECTED = Path(__file__).parent / "oxbuild"
EXTRACTIONS = {"sample": sample_extraction, "network": network_extraction, "views": views_extraction}
OTHER_BASE = "https://example.org/kg#"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # rdflib's own JSON-LD internals


def ntriples(data: bytes) -> set[str]:
    return {line for line in data.decode("utf-8").splitlines() if line}


def shuffled(extraction: Extraction, seed: int) -> Extraction:
    """The same records in another order (entities, documents, links, funds, judgements and their sets)."""
    rng = random.Random(seed)

    def mixed(items: list) -> list:
        return rng.sample(items, len(items))

    entities = dict(mixed(list(extraction.entities.items())))
    return Extraction(documents=mixed(extraction.documents), entities=entities, links=mixed(extraction.links),
                      funds=mixed(extraction.funds), judgements=mixed(extraction.judgements))


@pytest.mark.parametrize("name", sorted(EXTRACTIONS))
def test_oxbuild_triples_are_those_the_rdflib_build_made(name: str) -> None:
    built = build_triples(EXTRACTIONS[name]())
    expected = ntriples((EXPECTED / f"{name}.nt").read_bytes())
    assert ntriples(serialize(built, "nt")) == expected
    assert len(built) == len(expected)


@pytest.mark.parametrize("name", sorted(EXTRACTIONS))
def test_oxbuild_turtle_bytes_are_those_the_rdflib_writer_wrote(name: str) -> None:
    assert serialize(build_triples(EXTRACTIONS[name](), OTHER_BASE), "turtle") == \
        (EXPECTED / f"{name}-base.ttl").read_bytes()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig", "json-ld"])
def test_oxbuild_bytes_identical_across_record_orders(fmt: str, seed: int) -> None:
    extraction = sample_extraction()
    assert serialize(build_triples(shuffled(extraction, seed)), fmt) == serialize(build_triples(extraction), fmt)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig", "json-ld"])
def test_oxbuild_writes_what_an_rdflib_graph_of_it_writes(fmt: str) -> None:
    built = build_triples(sample_extraction())
    assert serialize(built, fmt) == serialize(built.to_rdflib(), fmt)


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_oxbuild_file_is_the_serialized_bytes(tmp_path: Path, suffix: str) -> None:
    built = build_triples(sample_extraction())
    path = write_graph(built, tmp_path / f"graph{suffix}")
    assert path.read_bytes() == serialize(built, FORMATS[suffix])
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_oxbuild_has_no_blank_nodes() -> None:
    for triple in build_triples(sample_extraction()):
        assert isinstance(triple.subject, pyoxigraph.NamedNode)
        assert isinstance(triple.object, (pyoxigraph.NamedNode, pyoxigraph.Literal))


def test_oxbuild_a_triple_added_twice_is_kept_once() -> None:
    extraction = sample_extraction()
    link = next(link for link in extraction.links if link.predicate is Predicate.COLLABORATES_WITH)
    again = Link(link.subject, link.predicate, link.object, replace(link.evidence, start=link.evidence.start + 1000,
                                                                  end=link.evidence.end + 1000))
    once, twice = build_triples(extraction), build_triples(replace(extraction, links=[*extraction.links, again]))
    assert len(twice) == len(once) + 2 * 11  # two new evidence nodes of 11 triples each (its document dated), no new link triples
    assert len(list(twice)) == len(twice)


def test_oxbuild_objects_of_one_predicate_in_n_triples_order() -> None:
    graph = Triples()
    for text in ["b", "a!", "a", 'a"', "A"]:
        graph.add("https://example.org/s", "https://example.org/p", graph.literal(text))
    graph.add("https://example.org/s", "https://example.org/p", graph.literal("a"))
    written = [str(triple.object) for triple in graph.ordered()]
    assert written == sorted(written) and len(written) == 5


def test_oxbuild_api_functions_return_rdflib_graphs(nlp, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Kent Police works with Kent County Council on the Safer Streets scheme.\n",
                                       encoding="utf-8")
    extraction = api.extract_documents([tmp_path], nlp=nlp)
    graph = api.to_graph(extraction)
    assert isinstance(graph, Graph)
    assert isinstance(api.build_graph([tmp_path], nlp=nlp), Graph)
    assert isinstance(api.to_triples(extraction), Triples)
    assert ntriples(serialize(graph, "nt")) == ntriples(serialize(api.to_triples(extraction), "nt"))


def test_oxbuild_cli_build_never_makes_an_rdflib_graph(nlp, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text("Kent Police works with Kent County Council.\n", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise AssertionError("policekg build went through rdflib")

    monkeypatch.setattr(triples_module.Triples, "to_rdflib", refuse)
    monkeypatch.setattr(api, "build_rdf", refuse)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "docs"), "-o", str(tmp_path / "g.ttl"), "-q",
                                      "--no-cache", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g.ttl").read_bytes().startswith(b"@prefix ")


def test_oxbuild_build_rdf_is_the_triples_converted() -> None:
    extraction = sample_extraction()
    graph = build_rdf(extraction)
    assert isinstance(graph, Graph)
    assert serialize(graph, "turtle") == serialize(build_triples(extraction), "turtle")
    assert ("id", "https://w3id.org/policekg/id/") in {(p, str(n)) for p, n in graph.namespaces()}


def test_oxbuild_unknown_entity_of_a_link_is_still_skipped() -> None:
    extraction = sample_extraction()
    evidence = Evidence("kent-peel-2016", "Kent Police works with nobody.", 0, 30, 0.9)
    stray = Link(KENT, Predicate.COLLABORATES_WITH, "PartnerOrganisation/nobody", evidence)
    assert serialize(build_triples(replace(extraction, links=[*extraction.links, stray])), "nt") == \
        serialize(build_triples(extraction), "nt")


@pytest.mark.parametrize("chunks", [[b"@prefix b: <http://b/> .\n@prefix a: <http://a/> .\n<x> <y> <z> .\n"],
                                    [b"@prefix b: <http://b/> .\n@pre", b"fix a: <http://a/> .\n<x>", b" <y> <z> .\n"]])
def test_oxbuild_prefix_lines_sorted_whatever_the_chunks(chunks: list[bytes]) -> None:
    out = io.BytesIO()
    stream = SortedPrefixes(out, {"b": "http://b/", "a": "http://a/"})
    for chunk in chunks:
        stream.write(chunk)
    stream.flush()
    assert out.getvalue() == b"@prefix a: <http://a/> .\n@prefix b: <http://b/> .\n\n<x> <y> <z> .\n"


@pytest.mark.parametrize("data", [b"", b"@prefix a: <http://a/> .\n", b"<x> <y> <z> .\n" * 3])
def test_oxbuild_unexpected_or_short_output_passes_unchanged(data: bytes) -> None:
    out = io.BytesIO()
    stream = SortedPrefixes(out, {"b": "http://b/", "a": "http://a/"})
    stream.write(data)
    stream.flush()
    assert out.getvalue() == data


def test_json_ld_reads_back_as_the_same_graph(tmp_path: Path) -> None:
    built = build_triples(sample_extraction())
    path = write_graph(built, tmp_path / "graph.jsonld")
    assert isomorphic(Graph().parse(path, format="json-ld"), built.to_rdflib())
