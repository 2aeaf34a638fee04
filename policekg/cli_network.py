"""``policekg evidence``, and what the network commands say about what they left out.

``evidence`` prints every statement joining two entities with the sentences around it, so
a reader can judge a link without opening the document. :func:`network_notes` is what
``show`` and ``export`` print after writing: how many unconnected entities the view hid and
the funds it could not draw for want of a funder or a recipient.
"""
from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

from policekg.graph.network.evidence import AROUND, evidence_report
from policekg.graph.network.export import unplaced_fund_line
from policekg.graph.rdf.reading import load_graph


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


def register(cli: click.Group, clear_errors) -> None:
    """Add the ``evidence`` command to ``cli``."""

    @cli.command()
    @click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
    @click.option("--a", "first", required=True, help="One entity (label or alias, any case).")
    @click.option("--b", "second", required=True, help="The other entity.")
    @click.option("--around", type=click.IntRange(min=0), default=AROUND, show_default=True,
                  help="Sentences shown before and after each statement's sentence.")
    @clear_errors
    def evidence(graph_file: str, first: str, second: str, around: int) -> None:
        """Print each statement linking two entities, in its sentence with the sentences around it.

        Each statement gives its document, page and character offsets. The context is cut from
        the document at its recorded path (or that path from the graph file's folder) when its
        text is unchanged since the build; otherwise the quote is printed alone, saying why.
        An unknown name exits 1 with the closest names.

        \b
        Example:
            policekg evidence seeds.ttl --a "Kent Police" --b "Essex Police"
            policekg evidence seeds.ttl --a "Kent Police" --b "Home Office" --around 2
        """
        graph = load_graph(graph_file)
        click.echo(evidence_report(graph, first, second, around=around, folder=Path(graph_file).parent), nl=False)
