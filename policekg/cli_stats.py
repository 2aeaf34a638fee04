"""The ``stats`` command: centrality, communities and bridges of the network in a graph."""
from __future__ import annotations

import click

from policekg.cli_common import clear_errors
from policekg.cli_network import network_options, read_network
from policekg.graph.collection import collection_paused


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@network_options
@clear_errors
@collection_paused()  # a network command makes big acyclic data, then ends
def stats(graph_file: str, view: str, unconnected: bool, focus: str | None, depth: int, kinds: str | None,
          min_degree: int) -> None:
    """Centrality, communities and bridging organisations of the network in a graph.

    \b
    Example:
        policekg stats seeds.ttl
        policekg stats seeds.ttl --view all --min-degree 1
    """
    network = read_network(graph_file, view, unconnected, focus, depth, kinds, min_degree,
                           then="policekg.graph.network.analytics")
    from policekg.graph.network.analytics import stats_report  # imported while the file was read
    click.echo(stats_report(network))
