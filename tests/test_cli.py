"""The policekg command: builds, bad input, exact text, validation exit codes, help."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph

from policekg import document_text
from policekg.cli import cli
from policekg.graph.rdf.namespaces import PKO, RDF, RDFS

from conftest import EXAMPLES

BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03PNG\x00\x00",
    "latin1.txt": b"Kent Police works with Essex Police caf\xe9 \xe9t\xe9.",
    "corrupt.pdf": b"%PDF-1.4\n this is not really a PDF",
}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def corpus_with_bad_files(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    return folder


def test_cli_build_examples_writes_graph_and_summary(runner, tmp_path):
    out = tmp_path / "graph.ttl"
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents:" in result.output and "PoliceForce" in result.output and "seconds:" in result.output
    graph = Graph().parse(out)
    assert len(set(graph.subjects(RDF.type, PKO.Document))) == len(list(EXAMPLES.glob("*.*"))) - 1


def test_cli_build_reports_each_bad_file_and_builds_the_rest(runner, corpus_with_bad_files, tmp_path):
    out = tmp_path / "graph.ttl"
    result = runner.invoke(cli, ["build", str(corpus_with_bad_files), "-o", str(out)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    for name in BAD_FILES:
        assert sum(name in line for line in lines) == 1, result.output
    graph = Graph().parse(out)
    assert len(set(graph.subjects(RDF.type, PKO.Document))) == len(list(EXAMPLES.glob("*.*"))) - 1


def test_cli_build_failure_leaves_existing_graph_untouched(runner, tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("previous graph")
    (tmp_path / "only.txt").write_bytes(b"")
    result = runner.invoke(cli, ["build", str(tmp_path / "only.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text() == "previous graph"
    assert len(result.output.strip().splitlines()) <= 2


def test_cli_build_rejects_unknown_output_format(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "graph.xyz")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.name != "README.md"))
def test_cli_text_prints_exactly_the_cleaned_text(runner, name):
    result = runner.invoke(cli, ["text", str(EXAMPLES / name)])
    assert result.exit_code == 0
    assert result.output == document_text(EXAMPLES / name)


def test_cli_text_missing_file_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["text", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1


def test_cli_validate_exit_codes(runner, tmp_path):
    good = tmp_path / "good.ttl"
    assert runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(good), "-q"]).exit_code == 0
    assert runner.invoke(cli, ["validate", str(good)]).exit_code == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix pko: <https://w3id.org/policekg/ontology#> .\n<urn:x> a pko:PoliceForce .\n")
    result = runner.invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1 and result.output.strip()
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <<<")
    assert runner.invoke(cli, ["validate", str(broken)]).exit_code == 2


@pytest.mark.parametrize("command", ["build", "text", "validate", "evaluate", "show", "stats", "export", "query", "ask", "load", "serve"])
def test_cli_every_command_has_help_with_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_cli_build_reads_pdf_documents(runner, tmp_path):
    from pdf_factory import make_pdf

    (tmp_path / "joint.pdf").write_bytes(make_pdf([
        "Surrey Police has collaborated with Sussex Police for many years.",
        "Both forces take part in Operation Yellowhammer.",
    ]))
    out = tmp_path / "graph.ttl"
    assert runner.invoke(cli, ["build", str(tmp_path / "joint.pdf"), "-o", str(out), "-q"]).exit_code == 0
    graph = Graph().parse(out)
    forces = {str(label) for s in graph.subjects(RDF.type, PKO.PoliceForce) for label in graph.objects(s, RDFS.label)}
    assert forces == {"Surrey Police", "Sussex Police"}
    assert len(list(graph.subject_objects(PKO.collaboratesWith))) == 2


@pytest.mark.parametrize("base", ["not an iri", "https://example.org/no-separator", "https://example.org/a b/"])
def test_cli_build_rejects_bad_base_before_reading(runner, tmp_path, base):
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "g.ttl"), "--base", base])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "g.ttl").exists()


@pytest.fixture()
def examples_ttl(runner, tmp_path):
    path = tmp_path / "examples.ttl"
    assert runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(path), "-q"]).exit_code == 0
    return path


def test_cli_stats_prints_centrality_and_communities(runner, examples_ttl):
    result = runner.invoke(cli, ["stats", str(examples_ttl)])
    assert result.exit_code == 0
    assert "by betweenness" in result.output and "Communities" in result.output
    assert "Wiltshire Police" in result.output


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_cli_export_writes_a_network_with_kinds(runner, examples_ttl, tmp_path, suffix):
    import networkx as nx

    out = tmp_path / f"net{suffix}"
    result = runner.invoke(cli, ["export", str(examples_ttl), "-o", str(out), "--view", "all"])
    assert result.exit_code == 0
    network = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
    kinds = {data["kind"] for _, data in network.nodes(data=True)}
    assert {"PoliceForce", "PartnerOrganisation", "Programme", "Person"} <= kinds


def test_cli_network_commands_report_an_unknown_focus_in_one_line(runner, examples_ttl):
    result = runner.invoke(cli, ["stats", str(examples_ttl), "--focus", "No Such Body"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "no entity named 'No Such Body' in this view of the graph" in result.output


@pytest.fixture(scope="module")
def seeds_ttl(seeds_graph, tmp_path_factory):
    from policekg.graph.rdf.write import write_graph

    return write_graph(seeds_graph, tmp_path_factory.mktemp("seeds") / "seeds.ttl")


def test_cli_ask_collaborators_lists_partners_with_documents(runner, seeds_ttl):
    result = runner.invoke(cli, ["ask", "collaborators", str(seeds_ttl), "--org", "Kent Police"])
    assert result.exit_code == 0, result.output
    assert "Essex Police" in result.output and "Kent Fire and Rescue Service" in result.output
    assert "Kent PEEL 2016" in result.output


def test_cli_ask_funds_by_recipient(runner, seeds_ttl):
    result = runner.invoke(cli, ["ask", "funds", str(seeds_ttl), "--recipient", "Medway CSP", "--format", "csv"])
    assert result.exit_code == 0
    assert any("96782" in line and "2015/16" in line for line in result.output.splitlines())


def test_cli_ask_funds_table_shows_pounds(runner, seeds_ttl):
    result = runner.invoke(cli, ["ask", "funds", str(seeds_ttl), "--recipient", "Medway CSP"])
    assert result.exit_code == 0
    assert any(line.startswith("£96,782  2015/16") for line in result.output.splitlines())


def test_cli_ask_hostile_name_stays_a_literal(runner, seeds_ttl):
    result = runner.invoke(cli, ["ask", "collaborators", str(seeds_ttl), "--org", 'Kent" } ; DROP ALL ; #'])
    assert result.exit_code == 1  # a name no entity has, reported as such
    assert "no entity named 'Kent\" } ; DROP ALL ; #'" in result.output
    assert "Essex" not in result.output


@pytest.mark.parametrize("question, options, expected", [
    ("collaborators", ["--org", ""], "Error: collaborators: org is empty; give an organisation's name"),
    ("people", ["--org", "   "], "Error: people: org is empty"),
    ("judgements", ["--force", ""], "Error: judgements: force is empty"),
    ("evidence", ["--a", "Kent Police", "--b", " "], "Error: evidence: b is empty"),
    ("shared-partners", ["--org", "Kent Police", "--org", ""], "Error: shared-partners: org is empty"),
    ("funds", ["--recipient", ""], "Error: funds needs at least one of recipient, funder"),
])
def test_cli_ask_refuses_blank_names_in_one_line(runner, seeds_ttl, question, options, expected):
    result = runner.invoke(cli, ["ask", question, str(seeds_ttl), *options])
    assert result.exit_code == 2
    assert result.output.startswith(expected) and result.output.count("\n") == 1, result.output


def test_cli_ask_list_shows_every_question(runner):
    result = runner.invoke(cli, ["ask", "--list"])
    names = ["collaborators", "programmes", "people", "funds", "evidence", "judgements", "shared-partners"]
    assert all(name in result.output for name in names)


def test_cli_query_formats_and_errors(runner, examples_ttl):
    select = "SELECT ?force WHERE { ?force a pko:PoliceForce } ORDER BY ?force"
    as_json = runner.invoke(cli, ["query", str(examples_ttl), select, "--format", "json"])
    assert json.loads(as_json.output)["head"]["vars"] == ["force"]
    broken = runner.invoke(cli, ["query", str(examples_ttl), "SELECT ?x WHERE { ?x"])
    assert broken.exit_code == 2 and "line 1" in broken.output
    update = runner.invoke(cli, ["query", str(examples_ttl), "DELETE WHERE { ?s ?p ?o }"])
    assert update.exit_code == 2 and "not allowed" in update.output


def test_cli_load_then_query_the_store(runner, examples_ttl, tmp_path):
    store = tmp_path / "store"
    loaded = runner.invoke(cli, ["load", str(examples_ttl), "--store", str(store)])
    assert loaded.exit_code == 0 and "triples" in loaded.output
    result = runner.invoke(cli, ["ask", "judgements", "--store", str(store), "--force", "Dorset Police"])
    assert result.exit_code == 0 and "Investigating crime" in result.output
