"""Writing a graph to a file: deterministic bytes, written atomically.

Determinism: rdflib's serializers walk the store in insertion order (and number any
generated prefixes in that order), so the same triples added in another order can
give different bytes. :func:`serialize` therefore copies the graph into a fresh store,
binding prefixes and adding triples in sorted order, and serializes the copy: equal
graphs (without blank nodes, which the contract forbids) give byte-identical files.

Atomicity: the whole file is serialized in memory first, written to a temporary file
beside the target, flushed to disk and moved over the target with :func:`os.replace`.
On any failure the temporary file is removed and an existing target is left as it was.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Node

from policekg.extract.errors import PoliceKGError

FORMATS: dict[str, str] = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}


def format_for(path: str | os.PathLike[str]) -> str:
    """The rdflib format name for a file, from its suffix (``ValueError`` if unsupported)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        supported = ", ".join(sorted(FORMATS))
        raise ValueError(f"cannot tell the RDF format of {os.fspath(path)!r}; use a file ending in one of {supported}")
    return FORMATS[suffix]


def _term_key(term: Node) -> tuple[str, str, str, str]:
    """A total, insertion-independent sort key for an RDF term."""
    datatype = getattr(term, "datatype", None) or ""
    language = getattr(term, "language", None) or ""
    return (type(term).__name__, str(term), str(datatype), language)


def _canonical_copy(graph: Graph, fmt: str) -> Graph:
    """A copy of ``graph`` whose prefixes and triples were added in sorted order.

    TriG gets a dataset holding the triples in its default graph, so the output names no
    (randomly identified) graph.
    """
    copy = Dataset(default_union=False) if fmt == "trig" else Graph(bind_namespaces="none")
    for prefix, namespace in sorted(graph.namespaces()):
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph, key=lambda spo: tuple(_term_key(term) for term in spo)):
        copy.add(triple)
    return copy


def serialize(graph: Graph, fmt: str) -> bytes:
    """The UTF-8 bytes of ``graph`` in rdflib format ``fmt`` (one of :data:`FORMATS`' values).

    Writes one graph: a dataset (``context_aware``) raises ``TypeError`` rather than
    silently losing its graph names.
    """
    if fmt not in FORMATS.values():
        raise ValueError(f"unsupported RDF format {fmt!r}; use one of {', '.join(sorted(FORMATS.values()))}")
    if graph.context_aware:
        raise TypeError("serialize writes a single rdflib Graph, not a dataset of named graphs")
    return _canonical_copy(graph, fmt).serialize(format=fmt, encoding="utf-8")


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX only; a no-op elsewhere)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or leave it untouched on failure."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def write_graph(graph: Graph, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write ``graph`` to ``path`` (format from the suffix unless given); return the path.

    Parent folders are created. Serialization happens before the file system is touched,
    so a graph that cannot be serialized leaves any existing file as it was.
    """
    target = Path(path)
    data = serialize(graph, fmt or format_for(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    return target


class GraphFileError(PoliceKGError, ValueError):
    """A graph file could not be read: missing, of an unknown format, or not valid RDF."""


def read_graph(path: str | os.PathLike[str]) -> Graph:
    """Parse a graph file by suffix; every triple of a TriG file, whatever its graph, is kept."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        fmt = format_for(path)
    except ValueError as exc:
        raise GraphFileError(str(exc)) from None
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types; report one line, keep the cause
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise GraphFileError(f"{path}: not valid {fmt}: {reason}") from exc
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace)
    for subject, predicate, obj, _ in dataset.quads():
        graph.add((subject, predicate, obj))
    return graph
