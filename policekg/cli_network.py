"""What the network commands (``show``, ``stats``, ``export``) share: their options and their reading.

Each reads a graph file in one streaming pass and projects it onto a networkx network (the
view, focus and filters of :func:`network_options`, read by :func:`read_network`).
:func:`network_notes` is what ``show`` and ``export`` print after writing: how many unconnected
entities the view hid and the funds it could not draw for want of a funder or a recipient.
Each command is a module of its own (``cli_show``, ``cli_stats``, ``cli_export``), so that it
imports only what it needs: the page's pyvis, the analytics' numpy. None of them imports a
network library before the file is being read: :func:`read_network` imports them while a
large file's second half is parsed by another process, where their 0.2 s costs nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

import click

from policekg.graph.network.network_facts import predicates_for
from policekg.graph.network.views import VIEW_EDGE_TYPES, VIEWS
from policekg.graph.rdf.tables import read_tables

if TYPE_CHECKING:
    import networkx as nx


def network_notes(network: nx.MultiGraph, *, list_funds: bool) -> list[str]:
    """Lines on what the network leaves out; ``list_funds`` names each fund not drawn, else counts them."""
    from policekg.graph.network.export import unplaced_fund_line  # loaded by the time a network is
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


def read_network(graph_file: str, view: str, unconnected: bool, focus: str | None, depth: int, kinds: str | None,
                 min_degree: int, *, then: str | None = None) -> nx.MultiGraph:
    """The network a command's options ask for (:func:`network_options`), read from ``graph_file``.

    The projection's networkx, and ``then`` (the module the command uses next), are imported
    while the file is read."""
    modules = ["policekg.graph.network.projection", *([then] if then else [])]
    tables = read_tables(graph_file, predicates_for(VIEW_EDGE_TYPES[view]),
                         meanwhile=lambda: [import_module(module) for module in modules])
    from policekg.graph.network.projection import to_networkx  # imported above, while the file was read
    chosen = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
    return to_networkx(tables, view, focus=focus, depth=depth, kinds=chosen, min_degree=min_degree,
                       unconnected=unconnected)
