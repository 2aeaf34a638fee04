"""The policekg OWL ontology and SHACL shapes, shipped as package data.

The Turtle files sit beside this module and are installed with the package
(``setup.cfg`` ships ``policekg.ontology = *.ttl``), so they are found through
:mod:`importlib.resources` whether policekg runs from a checkout, an editable
install or a wheel.
"""
from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from rdflib import Graph

ONTOLOGY_FILE = "policekg.ttl"
SHAPES_FILE = "shapes.ttl"


def _data_path(name: str) -> Path:
    """The file system path of a Turtle file shipped in this package.

    policekg is installed as plain files (never zipped), so the path outlives ``as_file``.
    """
    with as_file(files(__name__) / name) as path:
        return Path(path)


def ontology_path() -> Path:
    """Where the OWL ontology (Turtle) is installed."""
    return _data_path(ONTOLOGY_FILE)


def shapes_path() -> Path:
    """Where the SHACL shapes (Turtle) are installed."""
    return _data_path(SHAPES_FILE)


def _load(name: str) -> Graph:
    """Parse a shipped Turtle file into a fresh graph (callers may modify it)."""
    graph = Graph()
    graph.parse(data=(files(__name__) / name).read_bytes(), format="turtle")
    return graph


def load_ontology() -> Graph:
    """The ontology as a new rdflib graph."""
    return _load(ONTOLOGY_FILE)


def load_shapes() -> Graph:
    """The SHACL shapes as a new rdflib graph."""
    return _load(SHAPES_FILE)
