"""The network commands end without the interpreter's teardown (policekg/cli.py, main): what they
print still arrives whole, in order, with the right exit code, through a pipe as on a terminal.

Each case runs ``python -m policekg`` in a fresh process, since the quick exit ends the process."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GRAPH = """\
@prefix pko: <https://w3id.org/policekg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/id/police-force/northshire-police> a pko:PoliceForce ;
    rdfs:label "Northshire Police" ; pko:collaboratesWith <https://example.org/id/org/ely-trust> .
<https://example.org/id/org/ely-trust> a pko:PartnerOrganisation ; rdfs:label "Ely Trust" .
<https://example.org/id/org/lone-trust> a pko:PartnerOrganisation ; rdfs:label "Lone Trust" .
"""


def policekg(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policekg", *arguments], capture_output=True, text=True,
                          cwd=cwd, timeout=120, check=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    return tmp_path


def test_stats_prints_its_whole_report_through_a_pipe(folder: Path) -> None:
    done = policekg("stats", "graph.ttl", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Entities: 2  Edges: 1\n")
    assert "Bridging organisations (0)" in done.stdout and done.stdout.endswith("\n")


def test_show_writes_its_page_then_says_so(folder: Path) -> None:
    done = policekg("show", "graph.ttl", "-o", "net.html", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["wrote net.html", "hid 1 unconnected entity (give --unconnected to show them)"]
    assert (folder / "net.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_an_error_keeps_its_line_and_its_exit_code(folder: Path) -> None:
    done = policekg("export", "absent.ttl", "-o", "net.graphml", cwd=folder)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("Error: absent.ttl") and done.stdout == ""


def test_a_reader_that_stops_early_ends_the_command_quietly(folder: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "policekg", "stats", "graph.ttl"], cwd=folder,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()
