"""The CLI turns only policekg's own errors into one line; anything else is a bug with a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policekg.cli import cli
from policekg.extract.errors import AccessError, InvalidInput, PoliceKGError
from policekg.graph.query.endpoint import make_server
from policekg.graph.rdf.iri import check_base
from policekg.graph.network.projection import to_networkx
from policekg.graph.query.stores import load_store
from policekg.graph.rdf.write import format_for
from rdflib import Graph


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: format_for("graph.xyz"), InvalidInput),
        (lambda: check_base("ftp://example.org/"), InvalidInput),
        (lambda: to_networkx(Graph(), view="nonsense"), InvalidInput),
        (lambda: make_server("no-such-graph.ttl", "127.0.0.1", 0, timeout=0), InvalidInput),
    ],
)
def test_expected_failures_are_policekg_errors(call, kind) -> None:
    with pytest.raises(kind) as caught:
        call()
    assert isinstance(caught.value, PoliceKGError)


def test_a_store_that_cannot_be_made_is_an_access_error(tmp_path: Path) -> None:
    graph = tmp_path / "graph.nt"
    graph.write_text("<https://x/a> <https://x/b> <https://x/c> .\n")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(AccessError, match="cannot make the store"):
        load_store(graph, blocker / "store")


def test_lexicon_copy_into_a_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(cli, ["lexicon", "copy", str(blocker / "lexicon")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_an_unexpected_exception_is_not_dressed_as_an_error(runner: CliRunner, monkeypatch, tmp_path: Path) -> None:
    def broken(path: str) -> None:
        raise ValueError("a bug, not a user's mistake")

    monkeypatch.setattr("policekg.cli_graph.validate_file", broken)
    result = runner.invoke(cli, ["validate", str(tmp_path / "graph.ttl")])
    assert isinstance(result.exception, ValueError)
    assert "Error:" not in result.output


def test_a_bug_prints_a_traceback(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import policekg.cli_graph\n"
        "from policekg.cli import cli\n"
        "def broken(path):\n"
        "    raise OSError('a bug, not a user mistake')\n"
        "policekg.cli_graph.validate_file = broken\n"
        "sys.argv = ['policekg', 'validate', 'graph.ttl']\n"
        "cli()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1
    assert "Traceback (most recent call last)" in done.stderr and "OSError: a bug" in done.stderr
    assert not any(line.startswith("Error:") for line in done.stderr.splitlines())


def test_a_query_file_that_is_not_text_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    graph = tmp_path / "graph.nt"
    graph.write_text("<https://x/a> <https://x/b> <https://x/c> .\n")
    query = tmp_path / "query.rq"
    query.write_bytes(b"SELECT \xff\xfe")
    result = runner.invoke(cli, ["query", str(graph), "--file", str(query)])
    assert result.exit_code == 2 and result.output.startswith("Error: ") and "not UTF-8" in result.output


def test_an_output_under_a_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    """The half-written file's folder does not exist: cleaning up must not turn into a traceback."""
    graph = tmp_path / "graph.nt"
    graph.write_text("<https://x/a> <https://x/b> <https://x/c> .\n")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(cli, ["export", str(graph), "-o", str(blocker / "network.graphml")])
    assert result.exit_code == 2 and result.output.startswith("Error: cannot write")
