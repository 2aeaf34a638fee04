"""Betweenness computed for many sources at once (graph/network/betweenness.py): the figures
networkx gives, exact and sampled, and ties kept as ties."""
from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policekg.graph.network.betweenness import betweenness

# networkx 3.6 scales sampled sources apart from the rest, as policekg does (checked on 3.6; older ones may not)
SAMPLED_AS_NETWORKX = tuple(int(part) for part in nx.__version__.split(".")[:2]) >= (3, 6)


def test_a_path_of_three_puts_everything_on_its_middle() -> None:
    assert betweenness(nx.path_graph(["Northshire Police", "Brightwater Trust", "Southshire Police"])) == {
        "Northshire Police": 0.0, "Brightwater Trust": 1.0, "Southshire Police": 0.0}


def test_a_cycle_ties_every_node_exactly() -> None:
    values = set(betweenness(nx.cycle_graph(9)).values())
    assert len(values) == 1


def test_isolated_nodes_self_loops_and_tiny_graphs() -> None:
    g = nx.Graph([(0, 1), (1, 2), (2, 2)])
    g.add_node(3)
    assert betweenness(g) == {0: 0.0, 1: pytest.approx(2 / 6), 2: 0.0, 3: 0.0}
    assert betweenness(nx.Graph([(0, 1)])) == {0: 0.0, 1: 0.0}
    assert betweenness(nx.empty_graph(1)) == {0: 0.0}


def test_two_sources_or_more_than_there_are_nodes_is_exact() -> None:
    g = nx.lollipop_graph(4, 3)
    assert betweenness(g, sources=100) == betweenness(g)


@settings(max_examples=40, deadline=None)
@given(nodes=st.integers(3, 40), density=st.floats(0.05, 0.5), graph_seed=st.integers(0, 10_000),
       sources=st.one_of(st.none(), st.integers(2, 40)), seed=st.integers(0, 100))
def test_the_figures_networkx_gives(nodes: int, density: float, graph_seed: int, sources: int | None,
                                    seed: int) -> None:
    g = nx.gnp_random_graph(nodes, density, seed=graph_seed)
    k = None if sources is None or not SAMPLED_AS_NETWORKX else min(sources, nodes)
    expected = nx.betweenness_centrality(g, k=k, seed=seed)
    found = betweenness(g, k, seed=seed)
    assert list(found) == list(g)
    assert all(found[node] == pytest.approx(expected[node], abs=1e-11) for node in g)
