"""policekg: policing documents in, a knowledge graph out.

    >>> import policekg
    >>> graph = policekg.build_graph(["examples/"])
    >>> policekg.write_graph(graph, "out/graph.ttl")
    >>> store = policekg.graph_store(graph)          # or open_store("out/graph.ttl")
    >>> policekg.ask(store, "collaborators", {"org": "Kent Police"}).records()
    >>> policekg.network_view(policekg.to_networkx(graph))   # interactive, inline in Jupyter
"""
from pkgutil import extend_path

# Run from a source checkout, this folder holds only the thin layer; the installed package
# (with extract, graph and ontology mapped in by setup.cfg) supplies the rest.
__path__ = extend_path(__path__, __name__)

from importlib.metadata import version

from policekg.api import build_graph, document_text, documents, extract_documents, to_graph, to_triples
from policekg.extract.errors import DocumentError, PoliceKGError
from policekg.graph.network.analytics import bridges, centrality, communities, stats_report
from policekg.graph.network.export import export_network
from policekg.graph.network.projection import to_networkx
from policekg.graph.query.sparql import (
    QueryError,
    QueryResult,
    ask,
    format_result,
    graph_store,
    load_store,
    open_store,
    run_query,
    saved_questions,
)
from policekg.graph.rdf.validate import ValidationResult, validate_file, validate_graph
from policekg.graph.network.view import NetworkView, network_view, render_network
from policekg.graph.rdf.write import write_graph

__version__ = version("policekg")

__all__ = [
    "DocumentError",
    "PoliceKGError",
    "QueryError",
    "QueryResult",
    "NetworkView",
    "ValidationResult",
    "ask",
    "bridges",
    "build_graph",
    "centrality",
    "communities",
    "document_text",
    "documents",
    "export_network",
    "extract_documents",
    "format_result",
    "graph_store",
    "load_store",
    "network_view",
    "open_store",
    "render_network",
    "run_query",
    "saved_questions",
    "stats_report",
    "to_graph",
    "to_networkx",
    "to_triples",
    "validate_file",
    "validate_graph",
    "write_graph",
]
