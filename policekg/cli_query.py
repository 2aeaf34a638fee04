"""The query commands: ``query``, ``ask``, ``load``, ``serve`` and ``push``.

Every one runs on pyoxigraph (:mod:`policekg.graph.query.sparql`); none loads spaCy.
"""
from __future__ import annotations

from pathlib import Path

import click
from pyoxigraph import Store

from policekg.cli_common import clear_errors, fail, one_of
from policekg.extract.errors import AccessError, InvalidInput
from policekg.graph.query import endpoint, sparql


FORMATS = ("table", "csv", "tsv", "json")


def _usage(question: sparql.SavedQuestion) -> str:
    """"--org NAME --org NAME", "[--recipient NAME] [--funder NAME] [--by funder|recipient|period]"."""
    parts = []
    for name, _ in question.params:
        one = " ".join([f"--{name} {'YEAR' if name in question.years else 'NAME'}"] * question.repeats.get(name, 1))
        parts.append(f"[{one}]" if name in question.optional else one)
    if question.group:
        parts.append("[--evidence]")
    if question.totals:
        parts.append("[--by funder|recipient|period]")
    return " ".join(parts)


def _echo(text: str) -> None:
    click.echo(text if text.endswith("\n") else text + "\n", nl=False)


def _store(graph_file: str | None, store_dir: str | None) -> Store:
    one_of(graph_file, store_dir)
    return sparql.open_store(graph_file=graph_file, store_dir=store_dir)


@click.command()
@click.argument("arguments", nargs=-1)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="Read the query from this file instead of the command line.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str),
              help="Query an on-disk store made by `policekg load` instead of a graph file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Result format (SELECT/ASK); CONSTRUCT and DESCRIBE always give Turtle.")
@clear_errors
def query(arguments: tuple[str, ...], query_file: str | None, store_dir: str | None, fmt: str) -> None:
    """Run a SPARQL query: policekg query GRAPH 'SPARQL' (or --store DIR 'SPARQL', or --file q.rq).

    The contract's prefixes (pko, org, prov, skos, schema, dcterms, …) are declared for you.
    Tables print an entity's label for its IRI, or a prefixed name (pko:Fund); csv, tsv and
    json keep full IRIs.

    \b
    Example:
        policekg query seeds.ttl 'SELECT ?force WHERE { ?force a pko:PoliceForce }'
        policekg query --store kg-store --file questions/money.rq --format csv
    """
    expected = (0 if store_dir else 1) + (0 if query_file else 1)
    if len(arguments) != expected:
        fail("usage: policekg query GRAPH 'SPARQL' | policekg query --store DIR 'SPARQL' (or --file FILE)")
    graph_file = None if store_dir else arguments[0]
    text = _read_query(query_file) if query_file else arguments[-1]
    store = _store(graph_file, store_dir)
    result = sparql.run_query(store, text)
    if fmt == "table":
        result = sparql.with_labels(store, result)
    _echo(sparql.format_result(result, fmt))


def _read_query(path: str) -> str:
    """The text of a query file given with ``--file``; a file that cannot be read is one line."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from error
    except OSError as error:
        raise AccessError(f"{path}: cannot be read: {error.strerror or error}") from error


@click.command()
@click.argument("question", required=False)
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False, path_type=str))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str),
              help="Ask an on-disk store made by `policekg load` instead of a graph file.")
@click.option("--list", "list_questions", is_flag=True, help="List every saved question with its parameters.")
@click.option("--org", multiple=True, help="An organisation's name (label or alias, any case); repeat for two.")
@click.option("--recipient", help="Who receives money (funds).")
@click.option("--funder", help="Who gives money (funds).")
@click.option("--force", "force_name", help="A police force (judgements).")
@click.option("--a", "first", help="One end of a link (evidence, link-dates, timeline).")
@click.option("--b", "second", help="The other end of a link (evidence, timeline).")
@click.option("--from", "from_year", metavar="YEAR", help="The earlier year: 2016, 2018/19, FY2018/19 (changes).")
@click.option("--to", "to_year", metavar="YEAR", help="The later year, written the same ways (changes).")
@click.option("--evidence", is_flag=True,
              help="Every evidence statement instead of one row per partner, programme or post.")
@click.option("--by", "totals_by", multiple=True, type=click.Choice(("funder", "recipient", "period")),
              help="Funds: one row per funder, recipient or period (repeat to combine) with the allocations' total.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Tables print labels and pounds; csv, tsv and json keep IRIs and plain numbers.")
@clear_errors
def ask(question: str | None, graph_file: str | None, store_dir: str | None, list_questions: bool,
        org: tuple[str, ...], recipient: str | None, funder: str | None, force_name: str | None,
        first: str | None, second: str | None, from_year: str | None, to_year: str | None, evidence: bool,
        totals_by: tuple[str, ...], fmt: str) -> None:
    """Ask a saved question; names match labels and aliases, ignoring case.

    A name the graph does not know is an error (exit code 1) naming the closest names it does
    know, so an empty answer means the graph holds nothing about a name it knows. Partners,
    programmes and people come one row per item, with the number of evidence statements, their
    statuses, documents and a representative quote (--evidence lists the statements).

    \b
    Example:
        policekg ask --list
        policekg ask collaborators seeds.ttl --org "Kent Police"
        policekg ask collaborators seeds.ttl --org "Kent Police" --evidence
        policekg ask funds seeds.ttl --recipient "Medway CSP"
        policekg ask funds seeds.ttl --funder "Office of the Kent Police and Crime Commissioner" --by period
        policekg ask judgements seeds.ttl --force "Kent Police"
        policekg ask shared-partners --store kg-store --org "Kent Police" --org "Essex Police"
        policekg ask link-dates seeds.ttl --a "Kent Police"
        policekg ask timeline seeds.ttl --a "Kent Police" --b "Essex Police"
        policekg ask changes seeds.ttl --force "Kent Police" --from 2016 --to 2018/19
    """
    if list_questions or not question:
        for saved in sparql.saved_questions():
            click.echo(f"{saved.name} {_usage(saved)}\n    {saved.description}")
        return
    given = {"org": list(org), "recipient": recipient, "funder": funder, "force": force_name, "a": first,
             "b": second, "from": from_year, "to": to_year}
    values = {name: value for name, value in given.items() if value is not None and value != []}
    result = sparql.ask(_store(graph_file, store_dir), question, values, evidence=evidence, by=totals_by)
    _echo(sparql.format_result(result, fmt))


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Folder of the on-disk store (made, or replaced, by this command).")
@clear_errors
def load(graph_file: str, store_dir: str) -> None:
    """Load a graph into a persistent on-disk store, for fast repeated queries.

    \b
    Example:
        policekg load seeds.ttl --store kg-store
        policekg ask collaborators --store kg-store --org "Kent Police"
    """
    count = sparql.load_store(graph_file, store_dir)
    click.echo(f"loaded {count} triples into {store_dir}")


@click.command()
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False, path_type=str))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=str),
              help="Serve an on-disk store made by `policekg load` instead of a graph file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run.")
@click.option("--row-limit", default=10000, show_default=True, type=click.IntRange(min=1),
              help="Most rows a SELECT returns.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Query worker processes; a query past --timeout is stopped by killing its worker. "
                   "[default: one per core, at most 4]")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="A web page origin (e.g. http://localhost:8888) allowed to query from a browser; repeatable. "
                   "Without it, pages from other origins are refused.")
@clear_errors
def serve(graph_file: str | None, store_dir: str | None, host: str, port: int, timeout: float,
          row_limit: int, workers: int | None, cors_origins: tuple[str, ...]) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql, with a query page at /.

    Queries naming another server (SERVICE) are refused, and the processes running queries
    cannot open network connections (Linux).

    \b
    Example:
        policekg serve seeds.ttl
        policekg serve --store kg-store --port 8080 --timeout 30
        policekg serve seeds.ttl --cors-origin http://localhost:8888
    """
    one_of(graph_file, store_dir)
    endpoint.serve(store_dir or graph_file, host, port, timeout, row_limit, workers=workers, cors_origins=cors_origins)


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store URL, e.g. http://localhost:7878/store (Oxigraph) or http://localhost:3030/DATASET/data (Fuseki).")
@click.option("--graph", "graph_iri", metavar="IRI", help="Named graph to load into (default: the default graph).")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds to wait for the store at each step.")
@clear_errors
def push(graph_file: str, endpoint: str, graph_iri: str | None, append: bool, timeout: float) -> None:
    """Load a graph into any SPARQL 1.1 Graph Store (Oxigraph, Fuseki, GraphDB, …) over HTTP.

    Replaces the target graph unless --append is given.

    \b
    Example:
        policekg push seeds.ttl --endpoint http://localhost:7878/store
        policekg push seeds.ttl --endpoint http://localhost:3030/kg/data --graph https://example.org/seeds --append
    """
    from policekg.graph.query.push import push_graph

    result = push_graph(graph_file, endpoint, graph=graph_iri, replace=not append, timeout=timeout)
    status = f"{result.status} {result.reason}".strip()
    click.echo(f"{result.method} {result.url}: {status}, {result.bytes_sent} bytes of {result.content_type} sent")
