"""The ``export`` command: the network in a graph as GraphML or GEXF, for Gephi."""
from __future__ import annotations

import click

from policekg.cli_common import clear_errors
from policekg.cli_network import network_notes, network_options, read_network
from policekg.graph.collection import collection_paused


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="Network file to write: .graphml or .gexf (for Gephi), with kinds and labels as attributes.")
@network_options
@clear_errors
@collection_paused()  # a network command makes big acyclic data, then ends
def export(graph_file: str, output: str, view: str, unconnected: bool, focus: str | None, depth: int,
           kinds: str | None, min_degree: int) -> None:
    """Export the network in a graph for Gephi and other network tools.

    \b
    Example:
        policekg export seeds.ttl -o seeds.graphml --view all
    """
    network = read_network(graph_file, view, unconnected, focus, depth, kinds, min_degree,
                           then="policekg.graph.network.export")
    from policekg.graph.network.export import export_network  # imported while the file was read
    path = export_network(network, output)
    click.echo(f"wrote {path}")
    for line in network_notes(network, list_funds=True):
        click.echo(line)
