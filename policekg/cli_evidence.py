"""The ``evidence`` command: every statement joining two entities, in its sentence.

It prints each statement with the sentences around it, cut from the document it was read
from, so a reader can judge a link without opening the document. A module of its own because
it reads documents (PDF, Word, web pages), which the network commands never need to import.
"""
from __future__ import annotations

from pathlib import Path

import click

from policekg.cli_common import clear_errors
from policekg.graph.collection import collection_paused
from policekg.graph.network.evidence import AROUND, evidence_report


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--a", "first", required=True, help="One entity (label or alias, any case).")
@click.option("--b", "second", required=True, help="The other entity.")
@click.option("--around", type=click.IntRange(min=0), default=AROUND, show_default=True,
              help="Sentences shown before and after each statement's sentence.")
@clear_errors
@collection_paused()  # the graph's tables are big and acyclic
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
    click.echo(evidence_report(graph_file, first, second, around=around, folder=Path(graph_file).parent), nl=False)
