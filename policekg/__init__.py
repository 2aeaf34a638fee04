"""policekg: policing documents in, a knowledge graph out.

    >>> import policekg
    >>> graph = policekg.build_graph(["examples/"])
    >>> policekg.write_graph(graph, "out/graph.ttl")
"""
from importlib.metadata import version

from policekg.api import build_graph, document_text, documents, extract_documents, to_graph
from policekg.extract.errors import DocumentError, PoliceKGError
from policekg.graph.validate import ValidationResult, validate_file, validate_graph
from policekg.graph.write import write_graph

__version__ = version("policekg")

__all__ = [
    "DocumentError",
    "PoliceKGError",
    "ValidationResult",
    "build_graph",
    "document_text",
    "documents",
    "extract_documents",
    "to_graph",
    "validate_file",
    "validate_graph",
    "write_graph",
]
