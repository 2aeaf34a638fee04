"""A query's answer written out: an aligned table for people, SPARQL 1.1 CSV, TSV, JSON and XML for tools.

Tables print labels (or prefixed names) and amounts in pounds; CSV, TSV, JSON and XML keep
every IRI and number as it is, so a program reading them loses nothing. pyoxigraph writes
those four (:func:`as_solutions`), so they follow the standards exactly as its endpoint's do.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

import pyoxigraph
from pyoxigraph import QueryResultsFormat, RdfFormat

from policekg.extract.money import pounds_for_reading

from policekg.graph.rdf.namespaces import PREFIXES
from policekg.graph.query.results import QueryError, QueryResult, Term, plain

RESULT_FORMATS = ("table", "csv", "tsv", "json", "turtle")

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL 1.1 results) or ``turtle``.

    Graph results (CONSTRUCT, DESCRIBE) come out as Turtle for ``table`` and ``turtle``,
    and as JSON-LD for ``json``.
    """
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        return _graph_text(result.triples, fmt)
    if fmt == "turtle":
        raise QueryError("turtle is for CONSTRUCT and DESCRIBE results; use table, csv, tsv or json")
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    return {"table": table, "csv": csv_text, "tsv": tsv_text, "json": json_text}[fmt](result)


def _graph_text(triples: list[pyoxigraph.Triple], fmt: str) -> str:
    if fmt in ("csv", "tsv"):
        raise QueryError(f"{fmt} is for SELECT results; use turtle or json for a graph")
    rdf_format = RdfFormat.JSON_LD if fmt == "json" else RdfFormat.TURTLE
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=_PREFIXES).decode("utf-8")


def table(result: QueryResult) -> str:
    """Aligned columns of readable values under a header and a rule, then the footer; no trailing spaces."""
    money = [name in result.money for name in result.variables]
    cells = [[pounds(term) if is_money else " ".join(result.readable(term).split()) for term, is_money in zip(row, money)]
             for row in result.rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(result.variables)]
    lines = [result.variables, ["-" * width for width in widths], *cells]
    text = "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines)
    return f"{text}\n\n{result.footer}" if result.footer else text


def pounds(term: Term | None) -> str:
    """An amount as a reader expects it ("£96,782", "£1,250.50"); anything not a number as it is."""
    try:
        return pounds_for_reading(Decimal(plain(term)))
    except InvalidOperation:
        return plain(term)


def term_text(term: Term | None) -> str:
    """A term as the SPARQL TSV results format writes it (empty when unbound)."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.Triple):
        return f"<<( {term_text(term.subject)} {term_text(term.predicate)} {term_text(term.object)} )>>"
    return str(term)


def as_solutions(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> pyoxigraph.QuerySolutions:
    """Rows as pyoxigraph query solutions, so that pyoxigraph writes every results format.

    pyoxigraph serializes only solutions it made, so the rows are written as SPARQL TSV (each
    term in its own syntax, nothing lost) and read back by pyoxigraph's results parser.
    """
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join(term_text(term) for term in row) for row in rows]
    return pyoxigraph.parse_query_results("\n".join(lines) + "\n", QueryResultsFormat.TSV)


def _written(result: QueryResult, fmt: QueryResultsFormat) -> str:
    return as_solutions(result.variables, result.rows).serialize(format=fmt).decode("utf-8")


def csv_text(result: QueryResult) -> str:
    """SPARQL 1.1 CSV (written by pyoxigraph): variable names, then IRIs and literal text, CRLF line ends."""
    return _written(result, QueryResultsFormat.CSV)


def tsv_text(result: QueryResult) -> str:
    """SPARQL 1.1 TSV (written by pyoxigraph): ``?name`` headers, then terms written as in Turtle."""
    return _written(result, QueryResultsFormat.TSV)


def json_text(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (written by pyoxigraph)."""
    return _written(result, QueryResultsFormat.JSON)


def xml_text(result: QueryResult) -> str:
    """SPARQL Query Results XML (written by pyoxigraph)."""
    return _written(result, QueryResultsFormat.XML)
