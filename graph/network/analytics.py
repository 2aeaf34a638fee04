"""Who is central, which groups work together, and who bridges them, in an entity network.

The functions take the graph :func:`policekg.graph.network.projection.to_networkx` returns (nodes with
``kind`` and ``label``; parallel typed edges with ``evidence``) or any networkx graph with
those node attributes. Parallel edges are collapsed into one weighted edge first, the weight
being how many readings back the tie: every edge counts its evidence records, at least one.

Weights only shape the communities (Louvain maximises weighted modularity, so well-evidenced
ties hold groups together). Degree and betweenness are computed on the unweighted graph:
betweenness would read weights as distances, making the best-evidenced ties the longest,
and evidence counts say more about how often a document repeats itself than about closeness.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from policekg.graph.collection import collection_paused
from policekg.graph.network.betweenness import betweenness as betweenness_of
from policekg.graph.network.views import ORGANISATION_KINDS

TOP = 10
MEMBERS_SHOWN = 8
# Betweenness is exact up to EXACT_LIMIT entities (Brandes: time ~ entities x links; 0.7 s of
# CPU for 1,000 entities and 3,000 links here) and above it estimated from SAMPLE_K source
# entities picked with the seed (1.2 s for 15,000 entities and 45,000 links), so that a
# regional corpus stays interactive.
EXACT_LIMIT = 1000
SAMPLE_K = 100


@dataclass(frozen=True)
class Centrality:
    """How central one entity is: normalised degree and betweenness, and its community ids."""

    label: str
    kind: str
    degree: float
    betweenness: float
    communities: tuple[int, ...]


def collapse(g: nx.Graph) -> nx.Graph:
    """A simple graph with one edge per linked pair, weighted by the evidence behind its parallel edges."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes(data=True), key=lambda item: item[0]))
    weights: dict[tuple, int] = {}
    for u, v, data in g.edges(data=True):
        if u != v:
            pair = tuple(sorted((u, v)))
            weights[pair] = weights.get(pair, 0) + max(1, len(data.get("evidence", ())))
    simple.add_weighted_edges_from((u, v, weight) for (u, v), weight in sorted(weights.items()))
    return simple


def _label(g: nx.Graph, node) -> str:
    return str(g.nodes[node].get("label", node))


def _node_communities(g: nx.Graph, simple: nx.Graph, seed: int) -> list[list]:
    """Louvain communities of ``simple`` (``g`` collapsed) as sorted lists of nodes: largest
    first, ties by their labels."""
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    groups = [sorted(group, key=lambda node: (_label(g, node), str(node))) for group in found]
    return sorted(groups, key=lambda group: (-len(group), [_label(g, node) for node in group]))


def communities(g: nx.Graph, seed: int = 42) -> list[list[str]]:
    """Groups of entities more tied to each other than to the rest (Louvain, seeded), as labels.

    Largest community first; the labels in each are sorted. The list index is the community id
    that :func:`centrality` and :func:`stats_report` use.
    """
    return _labels(g, _node_communities(g, collapse(g), seed))


def _labels(g: nx.Graph, groups: list[list]) -> list[list[str]]:
    return [[_label(g, node) for node in group] for group in groups]


def betweenness_sample(g: nx.Graph, exact_limit: int = EXACT_LIMIT) -> int | None:
    """How many source entities betweenness is estimated from, or ``None`` when it is exact
    (``g`` has at most ``exact_limit`` entities)."""
    return None if g.number_of_nodes() <= exact_limit else min(SAMPLE_K, g.number_of_nodes())


def centrality(g: nx.Graph, seed: int = 42, exact_limit: int = EXACT_LIMIT) -> list[Centrality]:
    """Every entity's degree and betweenness centrality, most between first.

    Betweenness is exact up to ``exact_limit`` entities and above it estimated from
    :func:`betweenness_sample` sources picked with ``seed`` (the same seed, the same figures).
    Sorted by betweenness, then degree (both descending), then label.
    """
    simple = collapse(g)
    return _centrality(g, simple, seed, exact_limit, _node_communities(g, simple, seed))


def _centrality(g: nx.Graph, simple: nx.Graph, seed: int, exact_limit: int, groups: list[list]) -> list[Centrality]:
    """:func:`centrality` given ``g`` collapsed and the communities' nodes (a report collapses
    and runs Louvain once)."""
    degree = nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    betweenness = betweenness_of(simple, betweenness_sample(simple, exact_limit), seed=seed)
    member_of = {node: index for index, group in enumerate(groups) for node in group}
    rows = [
        Centrality(_label(g, node), str(data.get("kind", "")), degree[node], betweenness[node], (member_of[node],))
        for node, data in simple.nodes(data=True)
    ]
    return sorted(rows, key=lambda row: (-row.betweenness, -row.degree, row.label))


def bridges(g: nx.Graph, communities: list[list[str]]) -> list[tuple[str, int]]:
    """Organisations whose neighbours fall in two or more communities, with how many.

    ``communities`` are label lists as :func:`communities` returns. Most communities first,
    ties by label.
    """
    community_of = {label: index for index, group in enumerate(communities) for label in group}
    found = []
    for node, data in g.nodes(data=True):
        if data.get("kind") not in ORGANISATION_KINDS:
            continue
        spanned = {community_of[_label(g, n)] for n in g.neighbors(node) if _label(g, n) in community_of}
        if len(spanned) >= 2:
            found.append((_label(g, node), len(spanned)))
    return sorted(found, key=lambda item: (-item[1], item[0]))


def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    """Text table lines with columns padded to their widest cell; ``numeric`` columns align right."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]

    def line(cells: list[str]) -> str:
        padded = (cell.rjust(w) if i in numeric else cell.ljust(w) for i, (cell, w) in enumerate(zip(cells, widths)))
        return "  ".join(padded).rstrip()

    return [line(headers), line(["-" * width for width in widths]), *(line(row) for row in rows)]


def _members(labels: list[str]) -> str:
    """A community's members, cut short after :data:`MEMBERS_SHOWN` names."""
    shown = ", ".join(labels[:MEMBERS_SHOWN])
    hidden = len(labels) - MEMBERS_SHOWN
    return f"{shown}, … (+{hidden} more)" if hidden > 0 else shown


@collection_paused()
def stats_report(g: nx.Graph, top: int = TOP, seed: int = 42, exact_limit: int = EXACT_LIMIT) -> str:
    """A plain-text report: the ``top`` most central entities, the communities and the bridging
    organisations; it says whether betweenness is exact or estimated, and from how many sources."""
    simple = collapse(g)
    node_groups = _node_communities(g, simple, seed)
    groups = _labels(g, node_groups)
    ranked = _centrality(g, simple, seed, exact_limit, node_groups)[:top]
    sample = betweenness_sample(g, exact_limit)
    how = "exact" if sample is None else \
        f"estimated from {sample} of {g.number_of_nodes()} entities as sources (seed {seed}; exact up to {exact_limit})"
    central = [
        [str(rank), row.label, row.kind, f"{row.degree:.3f}", f"{row.betweenness:.3f}",
         ",".join(map(str, row.communities))]
        for rank, row in enumerate(ranked, 1)
    ]
    lines = [f"Entities: {g.number_of_nodes()}  Edges: {g.number_of_edges()}", "",
             f"Top {len(ranked)} by betweenness ({how})", *_table(
                 ["rank", "label", "kind", "degree", "betweenness", "community"], central, {0, 3, 4, 5})]
    lines += ["", f"Communities ({len(groups)})", *_table(
        ["id", "size", "members"], [[str(i), str(len(group)), _members(group)] for i, group in enumerate(groups)],
        {0, 1})]
    crossing = bridges(g, groups)
    lines += ["", f"Bridging organisations ({len(crossing)})", *_table(
        ["label", "communities"], [[label, str(count)] for label, count in crossing], {1})]
    return "\n".join(lines) + "\n"
