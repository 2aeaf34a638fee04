"""The network commands: ``show``, ``stats`` and ``export``.

Each reads a graph file in one streaming pass and projects it onto a networkx network (the
view, focus and filters of :func:`network_options`). :func:`network_notes` is what ``show`` and ``export`` print after writing: how many
unconnected entities the view hid and the funds it could not draw for want of a funder or a
recipient.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click
import networkx as nx

from policekg.cli_common import clear_errors
from policekg.graph.network.analytics import stats_report
from policekg.graph.network.export import export_network, unplaced_fund_line
from policekg.graph.network.projection import VIEWS, to_networkx
from policekg.graph.network.view import render_network


def network_notes(network: nx.MultiGraph, *, list_funds: bool) -> list[str]:
    """Lines on what the network leaves out; ``list_funds`` names each fund not drawn, else counts them."""
    lines = []
    hidden = int(network.graph.get("hidden") or 0)
    if hidden:
        lines.append(f"hid {hidden} unconnected {'entity' if hidden == 1 else 'entities'} "
                     "(give --unconnected to show them)")
    funds = list(network.graph.get("funds_without_parties") or [])
    if funds:
        lines.append(f"not drawn: {len(funds)} fund(s) without a funder or a recipient"
                     + (":" if list_funds else " (listed on the page)"))
        if list_funds:
            lines.extend(f"  {unplaced_fund_line(fund)}" for fund in funds)
    return lines


def network_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose which part of the graph a network command looks at."""
    options = [
        click.option("--view", type=click.Choice(VIEWS), default="collaboration", show_default=True,
                     help="collaboration: organisations and their collaboration links, and every force; all: every "
                          "kind and link; money: funder to recipient; programme: organisations and their programmes."),
        click.option("--unconnected", is_flag=True, help="Also show entities with no link in the view (hidden by default)."),
        click.option("--focus", help="Only the neighbourhood of this entity (label or alias)."),
        click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
                     help="How many links out from --focus."),
        click.option("--kinds", help="Comma-separated entity kinds to keep, e.g. PoliceForce,PartnerOrganisation."),
        click.option("--min-degree", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Drop entities with fewer links than this."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _network(graph_file: str, view: str, unconnected: bool, focus: str | None, depth: int, kinds: str | None,
             min_degree: int):
    chosen = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
    return to_networkx(graph_file, view, focus=focus, depth=depth, kinds=chosen, min_degree=min_degree,
                       unconnected=unconnected)


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", default="network.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=str), help="HTML page to write.")
@click.option("--title", default="policekg network", show_default=True, help="Heading of the page.")
@network_options
@clear_errors
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
    network = _network(graph_file, view, unconnected, focus, depth, kinds, min_degree)
    path = render_network(network, output, title=title)
    click.echo(f"wrote {path}")
    for line in network_notes(network, list_funds=False):
        click.echo(line)


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@network_options
@clear_errors
def stats(graph_file: str, view: str, unconnected: bool, focus: str | None, depth: int, kinds: str | None,
          min_degree: int) -> None:
    """Centrality, communities and bridging organisations of the network in a graph.

    \b
    Example:
        policekg stats seeds.ttl
        policekg stats seeds.ttl --view all --min-degree 1
    """
    click.echo(stats_report(_network(graph_file, view, unconnected, focus, depth, kinds, min_degree)))


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="Network file to write: .graphml or .gexf (for Gephi), with kinds and labels as attributes.")
@network_options
@clear_errors
def export(graph_file: str, output: str, view: str, unconnected: bool, focus: str | None, depth: int,
           kinds: str | None, min_degree: int) -> None:
    """Export the network in a graph for Gephi and other network tools.

    \b
    Example:
        policekg export seeds.ttl -o seeds.graphml --view all
    """
    network = _network(graph_file, view, unconnected, focus, depth, kinds, min_degree)
    path = export_network(network, output)
    click.echo(f"wrote {path}")
    for line in network_notes(network, list_funds=True):
        click.echo(line)
