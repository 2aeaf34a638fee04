"""Tests for policekg.graph.rdf.write: formats, round trips, determinism and atomic writes."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from test_graph_build import HOSTILE_QUOTES, sample_extraction

from policekg.graph.rdf import write
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.namespaces import PKO, RDF, RDFS
from policekg.graph.rdf.write import FORMATS, format_for, serialize, write_graph

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


# --- pyoxigraph writer: tricky terms, determinism, prefixes, the store fast path -----------------------------------

EX = Namespace("http://example.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD namespace warns when pytest inspects it
TRICKY_IRIS = [
    URIRef("https://w3id.org/policekg/id/org/o'brien-&-sons_(uk)"),
    URIRef("http://example.org/ünïcode/路径"),
    URIRef("http://example.org/a?b=1&c=%20#frag"),
    URIRef("http://example.org/trailing."),
    URIRef("http://example.org/x~y!$*+,;=@:z"),
    URIRef("urn:isbn:0-123-45678-9"),
    URIRef("mailto:someone@example.org"),
]
TRICKY_LITERALS = [
    Literal("1500000.0", datatype=XSD.decimal),
    Literal("0.70", datatype=XSD.decimal),
    Literal("-12", datatype=XSD.integer),
    Literal("2016-11-03", datatype=XSD.date),
    Literal("2016-11-03T10:00:00Z", datatype=XSD.dateTime),
    Literal("1.5E3", datatype=XSD.double),
    Literal("true", datatype=XSD.boolean),
    Literal("a custom datatype", datatype=URIRef("http://example.org/types#custom")),
    Literal('say "hi"\n\\back\\slash\r\n\ttab \x0b\x00 nul \x7f del'),
    Literal("emoji 🚓👮‍♀️, RTL עברית العربية \u202e reversed, \u2028 separator, \ufeff bom"),
    Literal("'''triple''' \"\"\"quotes\"\"\" and a trailing backslash \\"),
    Literal(""),
    Literal("  spaces around  "),
    Literal("Zoë", lang="en-GB"),
    Literal("Heddlu", lang="cy"),
    Literal("<not an IRI> and _:not-a-blank-node and pko:not-a-name"),
]


def tricky_triples() -> list[tuple]:
    """Every tricky IRI as subject and object, every tricky literal, multi-valued properties, rdf:type."""
    triples = [(iri, EX.literal, literal) for iri in TRICKY_IRIS for literal in TRICKY_LITERALS[:3]]
    triples += [(TRICKY_IRIS[0], EX.literal, literal) for literal in TRICKY_LITERALS]
    triples += [(EX.s, EX.link, iri) for iri in TRICKY_IRIS]
    triples += [(iri, RDF.type, EX.Thing) for iri in TRICKY_IRIS]
    triples.append((EX.s, EX["p/q"], Literal("slash in a local name")))
    return list(dict.fromkeys(triples))


def tricky_graph(triples: list[tuple] | None = None) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in (("ex", EX), ("xsd", XSD), ("rdf", RDF), ("policekg", "https://w3id.org/policekg/id/")):
        graph.bind(prefix, namespace)
    for triple in tricky_triples() if triples is None else triples:
        graph.add(triple)
    return graph


def oxigraph_triples(triples: list[tuple]) -> set[pyoxigraph.Triple]:
    """The expected triples as pyoxigraph reads them."""
    convert = write.TermConverter().term
    return {pyoxigraph.Triple(*map(convert, triple)) for triple in triples}


@pytest.mark.parametrize("fmt", sorted(write.OXIGRAPH_FORMATS))
def test_write_tricky_terms_round_trip_exactly_in_rdflib_and_pyoxigraph(fmt: str) -> None:
    triples = tricky_triples()
    data = serialize(tricky_graph(triples), fmt)
    assert set(parse_rdflib(data, fmt)) == set(triples)
    quads = list(pyoxigraph.parse(data, format=OXIGRAPH_FORMATS[fmt]))
    assert {quad.triple for quad in quads} == oxigraph_triples(triples)
    assert len(quads) == len(triples)  # nothing written twice


def test_write_tricky_literals_keep_lexical_form_datatype_and_language() -> None:
    back = parse_rdflib(serialize(tricky_graph(), "turtle"), "turtle")
    written = set(back.objects(TRICKY_IRIS[0], EX.literal))
    for literal in TRICKY_LITERALS:
        match = [o for o in written if str(o) == str(literal) and o.datatype == literal.datatype]
        assert match, f"{literal!r} did not come back"
        assert (match[0].language or "").lower() == (literal.language or "").lower()


def test_write_nt_is_pyoxigraph_canonical_n_triples() -> None:
    data = serialize(tricky_graph(), "nt")
    triples = [quad.triple for quad in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)]
    assert pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) == data


def test_write_turtle_lines_follow_the_canonical_order() -> None:
    text = serialize(tricky_graph(), "nt").decode("utf-8")
    lines = text.split("\n")[:-1]  # not splitlines: a literal holds U+2028
    subjects = [line.split(" ", 1)[0] for line in lines]
    assert subjects == sorted(subjects, key=lambda term: term.strip("<>"))
    for subject in set(subjects):
        predicates = [line.split(" ", 2)[1].strip("<>") for line in lines if line.startswith(subject + " ")]
        if str(RDF.type) in predicates:
            assert predicates[0] == str(RDF.type)
            predicates.remove(str(RDF.type))
        assert predicates == sorted(predicates)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_write_bytes_identical_for_shuffled_tricky_terms_and_blank_nodes(seed: int) -> None:
    triples = tricky_triples() + [(BNode("b1"), EX.link, TRICKY_IRIS[1]), (EX.s, EX.link, BNode("b1")),
                                  (BNode("b2"), EX.literal, Literal("blank"))]
    prefixes = [("ex", EX), ("xsd", XSD), ("rdf", RDF), ("zz", URIRef("http://unused.example/"))]
    expected = {fmt: serialize(shuffled_copy(triples, prefixes, 0), fmt) for fmt in FORMATS.values()}
    for fmt in FORMATS.values():
        assert serialize(shuffled_copy(triples, prefixes, seed), fmt) == expected[fmt]


def test_write_bytes_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """Nothing may depend on Python's per-process string hashing (set and dict orders)."""
    script = tmp_path / "write_one.py"
    script.write_text(
        "import random, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from test_graph_write import shuffled_copy, tricky_triples\n"
        "from rdflib.namespace import RDF, XSD\n"
        "from policekg.graph.rdf.write import serialize\n"
        "prefixes = [('ex', 'http://example.org/'), ('xsd', XSD), ('rdf', RDF)]\n"
        "graph = shuffled_copy(tricky_triples(), prefixes, int(sys.argv[2]))\n"
        "sys.stdout.buffer.write(serialize(graph, 'turtle') + serialize(graph, 'nt'))\n",
        encoding="utf-8",
    )
    outputs = set()
    for seed, hash_seed in ((1, "1"), (2, "2"), (3, "random")):
        environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
        outputs.add(subprocess.run([sys.executable, str(script), str(Path(__file__).parent), str(seed)],
                                   check=True, capture_output=True, env=environment).stdout)
    assert len(outputs) == 1 and b"@prefix rdf:" in outputs.pop()


def test_write_turtle_prefixes_sorted_used_and_valid() -> None:
    graph = Graph(bind_namespaces="none")
    graph.bind("zeta", EX)
    graph.bind("alpha", "http://alpha.example/")
    graph.bind("unused", "http://unused.example/")
    graph.bind("1bad", "http://bad.example/")  # not a Turtle prefix name: its IRIs are written in full
    graph.add((EX.s, URIRef("http://alpha.example/p"), URIRef("http://bad.example/o")))
    graph.add((EX.s, EX.q, Literal("x")))
    text = serialize(graph, "turtle").decode("utf-8")
    assert text.startswith("@prefix alpha: <http://alpha.example/> .\n@prefix zeta: <http://example.org/> .\n\n")
    assert "unused" not in text and "1bad" not in text and "<http://bad.example/o>" in text
    assert "zeta:s alpha:p <http://bad.example/o> ;\n\tzeta:q \"x\" .\n" in text
    assert text.count("@prefix") == 2


def test_write_turtle_default_rdflib_bindings_only_used_ones_declared() -> None:
    graph = Graph()  # rdflib binds some thirty namespaces by default
    graph.add((EX.s, RDFS.label, Literal("label")))
    graph.add((EX.s, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")))
    header = [line for line in serialize(graph, "turtle").decode("utf-8").splitlines() if line.startswith("@prefix")]
    assert header == ["@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
                      "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
                      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]


def test_write_uses_rdflibs_store_index_for_a_plain_graph() -> None:
    """The fast path: if rdflib renames its store internals, writing silently gets several times slower."""
    assert write.subject_index(SAMPLE) is SAMPLE.store._Memory__spo


def test_write_graph_sharing_a_store_writes_only_its_own_triples() -> None:
    dataset = Dataset()
    first, second = dataset.graph(URIRef("http://example.org/g1")), dataset.graph(URIRef("http://example.org/g2"))
    triples = tricky_triples()
    for triple in triples:
        first.add(triple)
    second.add((EX.other, EX.literal, Literal("not in the first graph")))
    alone = Graph(bind_namespaces="none")
    for prefix, namespace in dataset.namespaces():
        alone.bind(prefix, namespace)
    for triple in triples:
        alone.add(triple)
    assert write.subject_index(first) is not dataset.store._Memory__spo
    for fmt in write.OXIGRAPH_FORMATS:
        assert serialize(first, fmt) == serialize(alone, fmt)


def test_write_other_stores_and_removed_triples_give_the_same_bytes() -> None:
    triples = tricky_triples()
    simple = Graph(store="SimpleMemory", bind_namespaces="none")
    with_removed = tricky_graph(triples)
    for prefix, namespace in with_removed.namespaces():
        simple.bind(prefix, namespace)
    for triple in triples:
        simple.add(triple)
    extra = [(EX.gone, EX.literal, Literal("removed again")), (EX.s, EX.link, EX.gone), (EX.s, EX.gone, Literal("x"))]
    for triple in extra:
        with_removed.add(triple)
    for triple in extra:
        with_removed.remove(triple)
    for fmt in write.OXIGRAPH_FORMATS:
        assert serialize(simple, fmt) == serialize(with_removed, fmt) == serialize(tricky_graph(triples), fmt)


def test_write_string_typed_and_plain_literals_are_one_term() -> None:
    """RDF 1.1: "x" and "x"^^xsd:string are the same literal, which rdflib keeps apart; it is written once."""
    graph = Graph(bind_namespaces="none")
    graph.add((EX.s, EX.p, Literal("x")))
    graph.add((EX.s, EX.p, Literal("x", datatype=XSD.string)))
    assert serialize(graph, "nt") == b'<http://example.org/s> <http://example.org/p> "x" .\n'


def test_write_blank_nodes_do_not_crash() -> None:
    graph = Graph(bind_namespaces="none")
    graph.add((BNode("b1"), EX.p, BNode()))
    graph.add((EX.s, EX.p, BNode("b1")))
    graph.add((BNode("a label with spaces"), EX.p, Literal("written under a hex label")))
    for fmt in FORMATS.values():
        assert_same_meaning(parse_rdflib(serialize(graph, fmt), fmt), graph)


def test_write_invalid_terms_raise_and_leave_the_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"previous contents")
    graph = Graph(bind_namespaces="none")
    graph.add((EX.s, EX.p, URIRef("http://example.org/has space")))
    with pytest.raises(ValueError, match=r"cannot write the triples of .*example.org/s.*has space.* not a valid IRI"):
        write_graph(graph, path)
    assert path.read_bytes() == b"previous contents" and os.listdir(tmp_path) == ["graph.ttl"]
    blank_predicate = Graph(bind_namespaces="none")
    blank_predicate.add((EX.s, BNode("p"), Literal("x")))
    with pytest.raises(TypeError):
        serialize(blank_predicate, "nt")


@pytest.mark.parametrize("fmt", sorted(FORMATS.values()))
def test_write_empty_graph(fmt: str) -> None:
    assert len(parse_rdflib(serialize(Graph(), fmt), fmt)) == 0


def test_write_iris_ending_in_a_dot_are_written_in_full_for_rdflib() -> None:
    """pyoxigraph would write ``ex:end\\.``, valid Turtle that rdflib cannot read, so ``ex:`` is not used at all."""
    graph = Graph(bind_namespaces="none")
    graph.bind("ex", EX)
    graph.bind("other", "http://other.example/")
    graph.add((EX.s, URIRef("http://other.example/p"), URIRef("http://example.org/end.")))
    text = serialize(graph, "turtle").decode("utf-8")
    assert text == ("@prefix other: <http://other.example/> .\n\n"
                    "<http://example.org/s> other:p <http://example.org/end.> .\n")
    assert set(parse_rdflib(text.encode(), "turtle")) == set(graph)


def test_write_turtle_spells_out_iris_a_prefix_would_need_escapes_for() -> None:
    text = serialize(build_rdf(sample_extraction()), "turtle").decode("utf-8")
    assert "@prefix id:" not in text  # entity IRIs hold "/": "id:force\/kent-police" reads badly
    assert "<https://w3id.org/policekg/id/force/kent-police>" in text
    assert "\\/" not in text
    assert "pko:PoliceForce" in text  # plain local names keep their prefixes
