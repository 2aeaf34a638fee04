"""A query's answer written out: an aligned table for people, SPARQL 1.1 CSV, TSV and JSON for tools.

Tables print labels (or prefixed names) and amounts in pounds; CSV, TSV and JSON keep every
IRI and number as it is, so a program reading them loses nothing.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal, InvalidOperation

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat

from policekg.extract.money import pounds_for_reading

from .namespaces import PREFIXES
from .results import QueryError, QueryResult, Term, plain

RESULT_FORMATS = ("table", "csv", "tsv", "json", "turtle")

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
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


def csv_text(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: variable names, then IRIs and literal text, CRLF line ends."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_csv_value(term) for term in row] for row in result.rows)
    return output.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, (Literal, NamedNode)) else str(term)


def tsv_text(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: ``?name`` headers, then terms written as in Turtle."""
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def json_text(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            value["datatype"] = term.datatype.value
        return value
    return {"type": "triple", "value": str(term)}
