"""Writing an entity network for Gephi and other graph tools: GraphML or GEXF, chosen by suffix.

Both formats hold only scalar attributes, so lists and dicts are flattened: aliases and
documents are joined with " | ", and an edge's evidence becomes ``evidence_count`` plus
``evidence_quote`` (the first quote); a funding edge's ``funds`` (records with their own
evidence) become ``fund_count``, its ``fund``, ``amount`` and ``total`` staying as text. The
view, the number of unconnected entities it hid and the funds it could not draw (no funder or
no recipient: see :func:`unplaced_fund_line`) are graph attributes, which GraphML keeps and
GEXF has no place for. Each edge's key (its type) is kept as ``relation``,
and edges get unique ids ("e0", "e1", …) since GraphML and GEXF ids must not repeat.
Characters XML 1.0 cannot hold (most control characters) become U+FFFD; everything else,
markup, quotes, newlines and emoji included, is escaped by the writers and reads back as is.
The file is written in full to a temporary file beside the target, then moved over it.
"""
from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from policekg.extract.errors import InvalidInput

from policekg.graph.network.view_text import fund_heading
from policekg.graph.rdf.write import atomic_write_bytes

WRITERS: dict[str, Callable[[nx.Graph, io.BytesIO], None]] = {
    ".gexf": nx.write_gexf,
    ".graphml": nx.write_graphml,
}
LIST_SEPARATOR = " | "
RECORDS = ("evidence", "funds")  # edge attributes that are lists of records, summarised
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_network(g: nx.MultiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``g`` to ``path`` as GraphML (``.graphml``) or GEXF (``.gexf``); return the path.

    Raises ``ValueError`` for any other suffix. Parent folders are created; an existing file
    is replaced only once the new one is complete.
    """
    target = Path(path)
    writer = WRITERS.get(target.suffix.lower())
    if writer is None:
        raise InvalidInput(f"cannot export a network to {os.fspath(path)!r}; "
                         f"use a file ending in one of {', '.join(sorted(WRITERS))}")
    buffer = io.BytesIO()
    writer(flatten(g), buffer)
    atomic_write_bytes(target, buffer.getvalue())
    return target


def flatten(g: nx.Graph) -> nx.MultiGraph:
    """A copy of ``g`` whose attributes are all strings, numbers or booleans safe to write as XML."""
    flat = nx.MultiGraph()
    flat.graph.update(_graph_attributes(g.graph))
    for node, data in g.nodes(data=True):
        flat.add_node(_text(node), **_scalars(data))
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for index, (u, v, key, data) in enumerate(edges):
        attributes = _scalars({name: value for name, value in data.items() if name not in RECORDS})
        if key is not None:
            attributes["relation"] = _text(key)
        if "evidence" in data:
            evidence = list(data["evidence"])
            attributes["evidence_count"] = len(evidence)
            attributes["evidence_quote"] = _text(evidence[0].get("quote", "")) if evidence else ""
        if "funds" in data:
            attributes["fund_count"] = len(data["funds"])
        flat.add_edge(_text(u), _text(v), key=f"e{index}", **attributes)
    return flat


def unplaced_fund_line(fund: dict) -> str:
    """A fund the network could not draw, on one line: "Reserve: £250,000 (funder: not named; recipient: Kent Police)"."""
    label = fund_heading(str(fund.get("fund") or "Fund"), str(fund.get("label") or ""))
    return (f"{label} (funder: {fund.get('funder') or 'not named'}; "
            f"recipient: {fund.get('recipient') or 'not named'})")


def _graph_attributes(data: dict) -> dict[str, str | int | float | bool]:
    """The network's own attributes as scalars: its view, how many entities it hid, the funds it could not draw."""
    attributes = _scalars({name: value for name, value in data.items() if name != "funds_without_parties"})
    if "funds_without_parties" in data:
        funds = list(data["funds_without_parties"])
        attributes["funds_without_parties"] = len(funds)
        attributes["funds_without_parties_list"] = _text(LIST_SEPARATOR.join(unplaced_fund_line(f) for f in funds))
    return attributes


def _scalars(data: dict) -> dict[str, str | int | float | bool]:
    """Attributes as writable scalars: ``None`` dropped, lists joined, anything else as text."""
    result: dict[str, str | int | float | bool] = {}
    for name, value in data.items():
        if value is None:
            continue
        if isinstance(value, (bool, int, float)):
            result[_text(name)] = value
        elif isinstance(value, (list, tuple)):
            result[_text(name)] = _text(LIST_SEPARATOR.join(map(str, value)))
        elif isinstance(value, (set, frozenset)):
            result[_text(name)] = _text(LIST_SEPARATOR.join(sorted(map(str, value))))
        else:
            result[_text(name)] = _text(value)
    return result


def _text(value: object) -> str:
    """``value`` as a string XML 1.0 can carry."""
    return _NOT_XML.sub("\ufffd", str(value))
