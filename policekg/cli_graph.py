"""``policekg validate`` and ``policekg evaluate``: checking a graph against shapes and gold."""
from __future__ import annotations

import sys

import click

from policekg.cli_common import EXIT_PROBLEMS, clear_errors
from policekg.graph.rdf.evaluate import evaluate as score_graph
from policekg.graph.rdf.evaluate import report as evaluation_report
from policekg.graph.rdf.validate import validate_file


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@clear_errors
def validate(file: str) -> None:
    """Check a graph against the policekg SHACL shapes.

    Exit code 0: the graph conforms; 1: violations (listed one per line); 2: error.

    \b
    Example:
        policekg validate out/graph.ttl
    """
    result = validate_file(file)
    if result.conforms:
        click.echo(f"{file}: conforms")
        return
    for line in result.violations:
        click.echo(line)
    click.echo(f"{file}: {len(result.violations)} violation(s)", err=True)
    sys.exit(EXIT_PROBLEMS)


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--gold", required=True, type=click.Path(path_type=str),
              help="Folder of gold annotation files (NAME.gold.json, format in tests/gold/README.md).")
@click.option("--errors", is_flag=True, help="Also list every missed and every false item.")
@clear_errors
def evaluate(graph_file: str, gold: str, errors: bool) -> None:
    """Score a graph against gold annotations: precision, recall and F1 per kind and link type.

    Funds match on amount and recipient; names match on labels and aliases, ignoring case.

    \b
    Example:
        policekg build ../shared/seeds -o seeds.ttl
        policekg evaluate seeds.ttl --gold ../shared/gold/seeds --errors
    """
    result = score_graph(graph_file, gold)
    click.echo(evaluation_report(result))
    if errors:
        click.echo("")
        for line in sorted(result.errors):
            click.echo(line)
