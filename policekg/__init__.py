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

from importlib import import_module
from typing import Any

# Where each public name lives. They are imported on first use (PEP 562), so a command that only
# reads a graph never pays for spaCy, and ``import policekg`` stays cheap.
_PUBLIC = {
    "policekg.api": ("build_graph", "document_text", "documents", "extract_documents", "to_graph", "to_triples"),
    "policekg.extract.errors": ("DocumentError", "PoliceKGError"),
    "policekg.graph.network.analytics": ("bridges", "centrality", "communities", "stats_report"),
    "policekg.graph.network.export": ("export_network",),
    "policekg.graph.network.projection": ("to_networkx",),
    "policekg.graph.query.sparql": (
        "QueryError", "QueryResult", "ask", "format_result", "graph_store", "load_store", "open_store",
        "run_query", "saved_questions",
    ),
    "policekg.graph.rdf.rdflib_reading": ("read_graph",),
    "policekg.graph.rdf.validate": ("ValidationResult", "validate_file", "validate_graph"),
    "policekg.graph.network.view": ("NetworkView", "network_view", "render_network"),
    "policekg.graph.rdf.write": ("write_graph",),
}
_HOME = {name: module for module, names in _PUBLIC.items() for name in names}



def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for; ``__version__`` is
    read from the installed metadata then too (importing that costs a command 20 ms)."""
    if name == "__version__":
        from importlib.metadata import version
        globals()[name] = version("policekg")
        return globals()[name]
    if name not in _HOME:
        raise AttributeError(f"module 'policekg' has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = sorted(_HOME)
