"""The ``show`` command: the network in a graph as an interactive page."""
from __future__ import annotations

import click

from policekg.cli_common import clear_errors
from policekg.cli_network import network_notes, network_options, read_network
from policekg.graph.collection import collection_paused


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", default="network.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=str), help="HTML page to write.")
@click.option("--title", default="policekg network", show_default=True, help="Heading of the page.")
@network_options
@clear_errors
@collection_paused()  # a network command makes big acyclic data, then ends
def show(graph_file: str, output: str, title: str, view: str, unconnected: bool, focus: str | None, depth: int,
         kinds: str | None, min_degree: int) -> None:
    """Draw the network in a graph as an interactive page that works offline.

    Nodes are coloured by kind and sized by how connected they are; hover a node or link to
    see its documents and evidence, click it to read and copy them in a side panel. The page
    loads nothing from the network.

    \b
    Example:
        policekg show seeds.ttl -o network.html
        policekg show seeds.ttl --focus "Kent Police" --depth 2 -o kent.html
        policekg show seeds.ttl --view money -o money.html
    """
    network = read_network(graph_file, view, unconnected, focus, depth, kinds, min_degree,
                           then="policekg.graph.network.view")
    from policekg.graph.network.view import render_network  # imported while the file was read
    path = render_network(network, output, title=title)
    click.echo(f"wrote {path}")
    for line in network_notes(network, list_funds=False):
        click.echo(line)
