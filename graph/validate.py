"""Checking a graph against the contract's SHACL shapes.

Validation runs pyshacl with the shipped shapes, the ontology as the ontology graph
(mixed into a copy of the data, so ``sh:class`` sees ``rdfs:subClassOf`` axioms) and no
inference: the shapes are written against asserted triples, and skipping RDFS/OWL
inference keeps validation fast.

File problems (missing file, unsupported suffix, text that does not parse) raise
:class:`GraphFileError`, a :class:`~policekg.extract.errors.PoliceKGError` and a
``ValueError``, with a one-line message naming the file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import pyshacl
from rdflib import Graph

from policekg.ontology import load_ontology, load_shapes

from .namespaces import SH
from .write import GraphFileError, read_graph


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of validation: whether the graph conforms, one line per problem, and pyshacl's report."""

    conforms: bool
    violations: list[str]
    report_text: str


def _violation_lines(report: Graph, data: Graph) -> list[str]:
    """One line per distinct violation, sorted: focus node, path (when there is one), message.

    Nodes are shown as Turtle, prefixed where the data graph binds a prefix. Nested results
    (``sh:detail``) that repeat a line are reported once.
    """
    lines = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        where = [node.n3(data.namespace_manager) for node in
                 (report.value(result, SH.focusNode), report.value(result, SH.resultPath)) if node is not None]
        messages = sorted(str(message) for message in report.objects(result, SH.resultMessage))
        lines.add(f"{' '.join(where)}: {' '.join(messages) or 'violates a shape.'}")
    return sorted(lines)


def validate_graph(graph: Graph) -> ValidationResult:
    """Validate ``graph`` against the contract shapes; the graph itself is not modified."""
    conforms, report, report_text = pyshacl.validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
    )
    if not isinstance(report, Graph):
        raise RuntimeError(f"the SHACL shapes could not be run: {report_text}")
    return ValidationResult(bool(conforms), _violation_lines(report, graph), str(report_text))


def validate_file(path: str | os.PathLike[str]) -> ValidationResult:
    """Parse a graph file (format from its suffix) and validate it; see :class:`GraphFileError`."""
    return validate_graph(read_graph(path))


__all__ = ["GraphFileError", "ValidationResult", "validate_file", "validate_graph"]
