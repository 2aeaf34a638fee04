"""Opening and loading the stores that SPARQL questions are asked of (pyoxigraph).

A graph file is read into an in-memory store; ``policekg load`` makes an on-disk store once,
which later commands open read-only. A failed load never damages an existing store.
"""
from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, Store

from policekg.extract.errors import AccessError, PoliceKGError

from policekg.graph.rdf.write import GraphFileError, first_line
from policekg.graph.rdf.write import graph_file as existing_graph_file

# pyoxigraph's format for each rdflib format name that graph files are written in
RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "json-ld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
}


class StoreError(PoliceKGError, ValueError):
    """An on-disk store could not be opened or created."""


def _rdf_format(file: str | os.PathLike[str]) -> tuple[Path, RdfFormat]:
    """The path of an existing graph file and its pyoxigraph format (from the suffix)."""
    path, fmt = existing_graph_file(file)
    return path, RDF_FORMATS[fmt]


def _fill(store: Store, path: Path, fmt: RdfFormat, bulk: bool) -> None:
    """Parse ``path`` into ``store``, turning a parse failure into one :class:`GraphFileError` line."""
    try:
        (store.bulk_load if bulk else store.load)(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{path}: not valid {fmt.name}: {first_line(exc)}") from exc
    except OSError as exc:
        raise AccessError(f"{path}: cannot be loaded: {first_line(exc)}") from exc


def open_store(graph_file: str | os.PathLike[str] | None = None, store_dir: str | os.PathLike[str] | None = None) -> Store:
    """A store to query: in memory from a graph file, or an on-disk store opened read-only.

    Exactly one of ``graph_file`` (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``) and
    ``store_dir`` (made by :func:`load_store`) must be given.
    """
    if (graph_file is None) == (store_dir is None):
        raise ValueError("give exactly one of a graph file and a store folder")
    if graph_file is not None:
        path, fmt = _rdf_format(graph_file)
        store = Store()
        _fill(store, path, fmt, bulk=False)
        return store
    folder = Path(store_dir)
    if not _is_store(folder):
        raise StoreError(f"{folder}: not an oxigraph store folder (make one with load_store)")
    try:
        return Store.read_only(str(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open the store: {first_line(exc)}") from exc


def graph_store(graph: rdflib.Graph) -> Store:
    """An in-memory store holding ``graph`` (as built by :func:`policekg.build_graph`), to query without a file."""
    store = Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    return store


def _is_store(folder: Path) -> bool:
    """Whether ``folder`` holds an oxigraph (RocksDB) store."""
    return (folder / "CURRENT").is_file() and (folder / "IDENTITY").is_file()


def load_store(graph_file: str | os.PathLike[str], store_dir: str | os.PathLike[str]) -> int:
    """Create, or replace, an on-disk store holding a graph file; return how many triples it holds.

    The store is built in a temporary folder beside ``store_dir`` and swapped in only
    when complete, so a failed load leaves an existing store as it was. A folder that is
    neither empty nor a store is never replaced.
    """
    path, fmt = _rdf_format(graph_file)
    target = Path(store_dir)
    if target.exists() and not _is_store(target) and any(target.iterdir()):
        raise StoreError(f"{target}: exists and is not an oxigraph store; refusing to replace it")
    building = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        count = _build_store(building, path, fmt)
        _swap_in(building, target)
    except OSError as exc:
        raise AccessError(f"{target}: cannot make the store: {first_line(exc)}") from exc
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return count


def _build_store(folder: Path, path: Path, fmt: RdfFormat) -> int:
    """Bulk-load ``path`` into a new store at ``folder``, flush it and close it; return its size."""
    store = Store(str(folder))
    _fill(store, path, fmt, bulk=True)
    store.flush()
    count = len(store)
    del store  # closes the database so it can be moved
    return count


def _swap_in(building: Path, target: Path) -> None:
    """Move a finished store over ``target``, removing what was there."""
    if target.exists():
        retired = target.with_name(f".{target.name}.{secrets.token_hex(8)}.old")
        os.replace(target, retired)
        os.replace(building, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(building, target)
