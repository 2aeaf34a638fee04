"""The tutorial notebooks run top to bottom, on the bundled examples and on other documents.

Each run executes a notebook in a fresh kernel (nbclient), from a copy of the notebooks
folder placed next to a link to ``examples/``: the notebooks' own defaults are what is tested,
and nothing is written into the repository. A failing cell fails the test with its traceback.
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import nbformat
import pytest
from nbclient import NotebookClient
from nbformat import NotebookNode
from rdflib import Graph

from conftest import EXAMPLES, REPO

NOTEBOOKS = REPO / "notebooks"
NAMES = ["01-build", "02-query", "03-explore"]
DOCUMENTS_LINE = re.compile(r'^DOCUMENTS = Path\("[^"]*"\)', re.MULTILINE)


def read(name: str) -> NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def run(book: NotebookNode, folder: Path) -> NotebookNode:
    """Execute ``book`` with ``folder`` as its working directory; raises on the first failing cell."""
    NotebookClient(book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return book


def outputs(book: NotebookNode, mime: str) -> list[str]:
    """Every output of one MIME type ("stream" for printed text), in order."""
    found = []
    for cell in book.cells:
        for output in cell.get("outputs", []):
            if mime == "stream" and output.output_type == "stream":
                found.append(output.text)
            elif mime in output.get("data", {}):
                found.append(output.data[mime])
    return found


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A folder laid out like the repository: ``notebooks/`` beside ``examples/``."""
    root = tmp_path_factory.mktemp("tutorial")
    (root / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    (root / "notebooks").mkdir()
    return root / "notebooks"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs_and_reads_one_folder(name):
    book = read(name)
    code = [cell for cell in book.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code), "clear outputs before saving"
    assert len(DOCUMENTS_LINE.findall(code[0].source)) == 1
    assert not any(DOCUMENTS_LINE.search(cell.source) for cell in code[1:])
    assert book.cells[0].cell_type == "markdown" and book.cells[0].source.startswith("# ")


def test_build_notebook_on_the_examples(workspace):
    book = run(read("01-build"), workspace)
    printed = "".join(outputs(book, "stream"))
    assert "4 documents" in printed and "skipped" not in printed
    assert "conforms" in printed and "does not conform" not in printed
    graph = Graph().parse(workspace / "out" / "graph.ttl")
    assert f"{len(graph):,} triples written" in printed
    tables = "".join(outputs(book, "text/html"))
    assert "Dorset and Wiltshire Fire and Rescue Service" in tables
    assert "£2,500,000" in tables  # the funds table, amounts as pounds
    assert "joint control room" in tables  # a link's quote


def test_query_notebook_on_the_examples(workspace):
    book = run(read("02-query"), workspace)
    printed = "".join(outputs(book, "stream"))
    assert "Asking about Dorset Police" in printed
    assert "Dorset Police and Wiltshire Police" in printed
    assert "£2,500,000" in printed  # the funds question's table
    assert re.search(r"Joined [1-9]\d* of \d+ forces with the table by ONS code", printed)  # identifiers join
    tables = "".join(outputs(book, "text/html"))
    assert "Devon and Cornwall Police" in tables  # a collaborator of Dorset Police
    assert "Assistant Chief Constable" in tables  # a post
    assert "Requires Improvement" in tables  # a grade
    assert len(outputs(book, "image/png")) == 1  # money by recipient and period


def test_explore_notebook_on_the_examples(workspace):
    book = run(read("03-explore"), workspace)
    frames = [html for html in outputs(book, "text/html") if html.startswith("<iframe")]
    assert len(frames) == 3  # the whole network, the close-up and the money flows
    tables = "".join(html for html in outputs(book, "text/html") if not html.startswith("<iframe"))
    assert "Gloucester CSP" in tables  # a recipient of the commissioner's money
    assert all('sandbox="allow-scripts"' in frame and "srcdoc=" in frame for frame in frames)
    assert len(outputs(book, "image/png")) == 1  # the centrality chart
    printed = "".join(outputs(book, "stream"))
    assert "Dorset Police: 4 partners" in printed
    network = nx.read_graphml(workspace / "out" / "network.graphml")
    assert f"{network.number_of_nodes()} organisations" in printed
    assert (workspace / "out" / "network.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("name", "expected"), [
    ("01-build", "conforms"),
    ("02-query", "Asking about Kent Police"),
    ("03-explore", "Kent Police: "),
])
def test_notebook_runs_on_other_documents_by_changing_one_line(name, expected, seeds_dir, tmp_path):
    book = read(name)
    first = next(cell for cell in book.cells if cell.cell_type == "code")
    first.source = DOCUMENTS_LINE.sub(f"DOCUMENTS = Path({str(seeds_dir)!r})", first.source)
    printed = "".join(outputs(run(book, tmp_path), "stream"))
    assert expected in printed
