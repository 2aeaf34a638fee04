"""Results written by pyoxigraph: every format reads back to the same rows, awkward terms included."""
from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, QueryResultsFormat, parse_query_results

from policekg.graph.query.result_formats import csv_text, json_text, tsv_text, xml_text
from policekg.graph.query.results import QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"
ROWS = [
    (NamedNode("https://example.org/id/org/a-partner"), Literal("Tab\there, \"quoted\",\nnew line"), None),
    (BlankNode("b0"), Literal("Gwasanaeth", language="cy"), Literal("96782", datatype=NamedNode(XSD + "integer"))),
    (NamedNode("https://example.org/id/org/é"), Literal("£1.5m — ünïcode"), Literal("0.85", datatype=NamedNode(XSD + "decimal"))),
]
RESULT = QueryResult("select", ["org", "label", "amount"], ROWS)


@pytest.mark.parametrize(("write", "fmt"), [(json_text, QueryResultsFormat.JSON), (xml_text, QueryResultsFormat.XML),
                                            (tsv_text, QueryResultsFormat.TSV)])
def test_every_term_reads_back(write, fmt) -> None:
    solutions = parse_query_results(write(RESULT), fmt)
    assert [variable.value for variable in solutions.variables] == RESULT.variables
    assert [tuple(row[name] for name in RESULT.variables) for row in solutions] == ROWS


def test_csv_keeps_text_and_iris_with_crlf() -> None:
    text = csv_text(RESULT)
    assert text.startswith("org,label,amount\r\n")
    assert '"Tab\there, ""quoted"",\nnew line"' in text and "https://example.org/id/org/é" in text
    assert text.endswith("\r\n")


def test_no_rows_still_names_the_variables() -> None:
    empty = QueryResult("select", ["org"], [])
    assert parse_query_results(json_text(empty), QueryResultsFormat.JSON).variables[0].value == "org"
    assert tsv_text(empty) == "?org\n"
