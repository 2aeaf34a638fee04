"""Grouping the rows a graph's tables give (:mod:`policekg.graph.rdf.tables`).

The network commands, ``evaluate`` and ``evidence`` stream a graph file once, keeping the
predicates they read as plain (subject, object) strings: an IRI as the IRI, a literal as its
lexical form, a blank node as ``_:id``. They group them with :func:`grouped` and take one value
with :func:`least`. (``query``, ``ask`` and ``validate`` load a store instead:
:func:`policekg.graph.query.stores.open_store`.)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

Row = tuple[str | None, ...]


def least(values: set[str] | list[str] | None) -> str | None:
    """The least of ``values`` in code-point order: the one value a node should have, should a
    graph give it several (so the same graph always reads the same); ``None`` if there are none."""
    return min(values) if values else None


def grouped(rows: Iterable[Row]) -> dict[str, set[str]]:
    """Two-column rows as {first: {second, …}}, unbound seconds left out."""
    groups: dict[str, set[str]] = defaultdict(set)
    for key, value in rows:
        if value is not None:
            groups[key].add(value)
    return groups
