"""Tests for policekg.graph.network.analytics on a tiny two-cluster network and on the seed documents."""
from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from policekg.graph.network import analytics
from policekg.graph.network.analytics import Centrality, bridges, centrality, collapse, communities, stats_report
from policekg.graph.network.projection import to_networkx

KENT_GROUP = ["Kent County Council", "Kent Fire and Rescue Service", "Kent Police",
              "Kent Police and Crime Commissioner"]
ESSEX_GROUP = ["Essex County Council", "Essex Fire and Rescue Service", "Essex Police"]


def two_clusters() -> nx.MultiGraph:
    """A Kent clique of four and an Essex triangle, joined only by Kent Police and Essex Police."""
    g = nx.MultiGraph()
    for label in KENT_GROUP + ESSEX_GROUP:
        kind = "PoliceForce" if label.endswith("Police") else "PartnerOrganisation"
        g.add_node(label.lower(), label=label, kind=kind)
    kent, essex = [label.lower() for label in KENT_GROUP], [label.lower() for label in ESSEX_GROUP]
    for group in (kent, essex):
        for i, u in enumerate(group):
            for v in group[i + 1:]:
                g.add_edge(u, v, key="collaboration", evidence=[{"quote": f"{u} and {v}"}])
    g.add_edge("kent police", "essex police", key="collaboration", evidence=[{"quote": "Kent and Essex"}])
    return g


def test_analytics_communities_two_clusters_largest_first() -> None:
    assert communities(two_clusters()) == [KENT_GROUP, ESSEX_GROUP]


def test_analytics_communities_are_reproducible_with_a_seed() -> None:
    g = two_clusters()
    assert communities(g, seed=7) == communities(g, seed=7)


def test_analytics_centrality_order_and_values() -> None:
    rows = centrality(two_clusters())
    assert [row.label for row in rows] == [
        "Kent Police", "Essex Police", "Kent County Council", "Kent Fire and Rescue Service",
        "Kent Police and Crime Commissioner", "Essex County Council", "Essex Fire and Rescue Service",
    ]
    assert rows[0] == Centrality("Kent Police", "PoliceForce", pytest.approx(4 / 6), pytest.approx(9 / 15), (0,))
    assert rows[1] == Centrality("Essex Police", "PoliceForce", pytest.approx(3 / 6), pytest.approx(8 / 15), (1,))
    assert [row.communities for row in rows[2:]] == [(0,), (0,), (0,), (1,), (1,)]
    assert all(row.betweenness == 0 for row in rows[2:])


def test_analytics_centrality_ties_broken_by_label() -> None:
    g = nx.MultiGraph()
    for name in ("b", "a", "c"):
        g.add_node(name, label=name.upper(), kind="PartnerOrganisation")
    g.add_edge("a", "b", key="collaboration")
    assert [row.label for row in centrality(g)] == ["A", "B", "C"]


def test_analytics_bridges_two_clusters() -> None:
    g = two_clusters()
    assert bridges(g, communities(g)) == [("Essex Police", 2), ("Kent Police", 2)]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("Programme", []), ("Person", []), ("PartnerOrganisation", [("Hub", 3)]), ("PoliceForce", [("Hub", 3)])],
)
def test_analytics_bridges_counts_only_organisations(kind: str, expected: list) -> None:
    g = nx.MultiGraph()
    g.add_node("hub", label="Hub", kind=kind)
    for name in ("x", "y", "z"):
        g.add_node(name, label=name, kind="PartnerOrganisation")
        g.add_edge("hub", name, key="collaboration")
    assert bridges(g, [["x"], ["y"], ["z", "Hub"]]) == expected


def test_analytics_collapse_weights_parallel_edges_by_evidence() -> None:
    g = nx.MultiGraph()
    g.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"})])
    g.add_edge("a", "b", key="collaboration", evidence=[{"quote": "1"}, {"quote": "2"}])
    g.add_edge("a", "b", key="funding", evidence=[])
    simple = collapse(g)
    assert type(simple) is nx.Graph
    assert list(simple.edges(data=True)) == [("a", "b", {"weight": 3})]
    assert simple.nodes["a"] == {"label": "A"}


def test_analytics_stats_report_tables() -> None:
    report = stats_report(two_clusters()).splitlines()
    assert report[:6] == [
        "Entities: 7  Edges: 10",
        "",
        "Top 7 by betweenness (exact)",
        "rank  label                               kind                 degree  betweenness  community",
        "----  ----------------------------------  -------------------  ------  -----------  ---------",
        "   1  Kent Police                         PoliceForce           0.667        0.600          0",
    ]
    assert report[-8:] == [
        " 0     4  Kent County Council, Kent Fire and Rescue Service, Kent Police, Kent Police and Crime Commissioner",
        " 1     3  Essex County Council, Essex Fire and Rescue Service, Essex Police",
        "",
        "Bridging organisations (2)",
        "label         communities",
        "------------  -----------",
        "Essex Police            2",
        "Kent Police             2",
    ]


def test_analytics_stats_report_top_limits_rows() -> None:
    table = stats_report(two_clusters(), top=2).split("\n\n")[1].splitlines()
    assert table[0] == "Top 2 by betweenness (exact)"
    assert len(table) == 5
    assert table[3].startswith("   1  Kent Police ") and table[4].startswith("   2  Essex Police ")


def test_analytics_empty_network() -> None:
    g = nx.MultiGraph()
    assert (centrality(g), communities(g), bridges(g, [])) == ([], [], [])
    assert stats_report(g).startswith("Entities: 0  Edges: 0\n")


def test_analytics_seeds_kent_police_is_a_collaboration_hub(seeds_graph: Graph) -> None:
    network = to_networkx(seeds_graph, "collaboration")
    kent = next(n for n, label in network.nodes(data="label") if label == "Kent Police")
    partners = {network.nodes[n]["label"] for n in network.neighbors(kent)}
    assert {"Essex Police", "Kent Fire and Rescue Service"} <= partners
    by_degree = sorted(centrality(network), key=lambda row: (-row.degree, row.label))
    assert "Kent Police" in [row.label for row in by_degree[:3]]
    assert any("Kent Police" in group for group in communities(network))


def test_analytics_betweenness_above_the_exact_limit_is_sampled_with_the_seed_and_said(monkeypatch) -> None:
    monkeypatch.setattr(analytics, "SAMPLE_K", 5)
    g = nx.MultiGraph()
    for i in range(30):
        g.add_node(f"n{i}", kind="PartnerOrganisation", label=f"Body {i:02d}")
    for i in range(29):
        g.add_edge(f"n{i}", f"n{i + 1}")
    g.add_edge("n0", "n15")
    exact = {row.label: row.betweenness for row in centrality(g)}
    sampled = {row.label: row.betweenness for row in centrality(g, seed=7, exact_limit=10)}
    assert sampled == {row.label: row.betweenness for row in centrality(g, seed=7, exact_limit=10)}
    assert sampled != exact and set(sampled) == set(exact)
    assert stats_report(g).splitlines()[2] == "Top 10 by betweenness (exact)"
    assert stats_report(g, seed=7, exact_limit=10).splitlines()[2] == (
        "Top 10 by betweenness (estimated from 5 of 30 entities as sources (seed 7; exact up to 10))")
