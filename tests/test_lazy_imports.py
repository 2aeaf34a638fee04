"""Commands that only read a graph never load spaCy: they start in a fraction of the time.

Each case runs in a fresh interpreter, since this test session has long since imported spaCy.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GRAPH = """\
@prefix pko: <https://w3id.org/policekg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/id/police-force/northshire-police> a pko:PoliceForce ;
    rdfs:label "Northshire Police" .
"""


def spacy_loaded_after(code: str, cwd: Path) -> bool:
    """Run ``code`` in a new interpreter and say whether spaCy was imported by the end."""
    script = f"import sys\n{code}\nprint('spacy' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] == "True"


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def test_importing_policekg_does_not_load_spacy(tmp_path: Path) -> None:
    assert not spacy_loaded_after("import policekg\npolicekg.to_networkx\npolicekg.open_store", tmp_path)


def test_a_name_of_the_api_is_there_when_asked_for(tmp_path: Path) -> None:
    assert spacy_loaded_after("import policekg\npolicekg.build_graph", tmp_path)


@pytest.mark.parametrize("arguments", [
    ["query", "graph.ttl", "SELECT * WHERE { ?s ?p ?o }"],
    ["ask", "--list"],
    ["show", "graph.ttl", "-o", "net.html"],
    ["stats", "graph.ttl"],
    ["export", "graph.ttl", "-o", "net.graphml"],
    ["validate", "graph.ttl"],
    ["evaluate", "graph.ttl", "--gold", "."],
    ["review", "graph.ttl"],
    ["lexicon", "files"],
    ["--help"],
])
def test_a_reading_command_does_not_load_spacy(graph_file: Path, arguments: list[str]) -> None:
    code = ("from policekg.cli import cli\n"
            f"try:\n    cli({arguments!r}, prog_name='policekg')\nexcept SystemExit:\n    pass")
    assert not spacy_loaded_after(code, graph_file.parent)


def test_the_command_list_reads_each_commands_help_as_click_does() -> None:
    from importlib import import_module
    from inspect import cleandoc

    from policekg.cli import COMMANDS, _docstring

    for name, (module, attribute) in COMMANDS.items():
        assert _docstring(module, attribute) == cleandoc(getattr(import_module(module), attribute).help), name
