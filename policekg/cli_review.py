"""``policekg review`` and what a build says about the analyst's corrections it applied.

:func:`correction_lines` is the part of ``build``'s summary on the corrections file: how
many decisions were applied, and every link or entity a rejection removed (a rejected link
is gone from the graph, so the summary is where it is still seen).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from policekg.cli_common import clear_errors
from policekg.extract.model import CorrectionReport
from policekg.graph.network.review import CHECKS
from policekg.graph.network.review import review as review_queue
from policekg.graph.network.review_page import review_table, write_review_page, write_suggestions
from policekg.graph.rdf.rdflib_reading import read_graph


def correction_lines(report: CorrectionReport) -> list[str]:
    """Summary lines for ``report``: counts, then each rejection (decisions not applied are
    printed as warnings on their own)."""
    files = ", ".join(report.files)
    lines = [f"corrections: {report.applied} applied, {len(report.unapplied)} not applied ({files})"]
    lines.extend(f"  rejected {line}" for line in report.rejected)
    return lines


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--page", type=click.Path(dir_okay=False, path_type=str), default=None, metavar="FILE",
              help="Also write the queue as an HTML page with leave / accept / merge / reject choices that "
                   "make corrections lines to copy or download.")
@click.option("--corrections-out", type=click.Path(dir_okay=False, path_type=str), default=None, metavar="FILE",
              help="Also write every suggested decision to FILE as a corrections file, each line commented "
                   "out with '#': delete the '#' of the lines to keep.")
@click.option("--analyst", default="", help="Your name, filled into the lines the page and FILE suggest.")
@click.option("--date", "day", default=None, metavar="YYYY-MM-DD",
              help="The date filled into suggested lines.  [default: today]")
@click.option("--check", "checks", multiple=True, type=click.Choice(CHECKS),
              help="Show only items of this check (repeatable).  [default: all]")
@clear_errors
def review(graph_file: str, page: str | None, corrections_out: str | None, analyst: str, day: str | None,
           checks: tuple[str, ...]) -> None:
    """List what in a graph most needs a human eye, as a table (and a page, or a corrections file).

    In order: likely duplicates (same name, fitting initials such as "P M Hill" and
    "Mike Hill", acronyms, near names), weak links (low confidence, or read once from a
    weak quote), entities with no link, and funds with neither funder nor recipient.
    Decisions go in a corrections file that every build applies (see `policekg build
    --corrections`).

    \b
    Example:
        policekg build reports/ -o out/graph.ttl
        policekg review out/graph.ttl
        policekg review out/graph.ttl --page out/review.html --analyst "A Analyst"
        policekg review out/graph.ttl --corrections-out reports/corrections.csv
        policekg build reports/ -o out/graph.ttl     # applies reports/corrections.csv
    """
    items = [item for item in review_queue(read_graph(graph_file)) if not checks or item.check in checks]
    day = day or date.today().isoformat()
    click.echo(review_table(items))
    if page:
        write_review_page(items, page, title=f"policekg review: {Path(graph_file).name}", analyst=analyst,
                          day=day)
        click.echo(f"wrote {page}")
    if corrections_out:
        write_suggestions(items, corrections_out, analyst=analyst, day=day)
        click.echo(f"wrote {corrections_out}")
