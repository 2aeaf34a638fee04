"""policekg: policing documents in, a knowledge graph out.

    >>> import policekg
    >>> graph = policekg.build_graph(["examples/"])
    >>> policekg.write_graph(graph, "out/graph.ttl")
"""
from pkgutil import extend_path

# Run from a source checkout, this folder holds only the thin layer; the installed package
# (with extract, graph and ontology mapped in by setup.cfg) supplies the rest.
__path__ = extend_path(__path__, __name__)

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
