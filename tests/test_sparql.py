"""SPARQL over the seeds graph: saved questions, safety of parameters, errors, formats, stores."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from pyoxigraph import Literal, NamedNode
from rdflib import Graph
from rdflib.namespace import XSD

from policekg.graph.query.sparql import (
    QUERY_PREFIXES,
    QueryError,
    QueryResult,
    ask,
    format_result,
    graph_store,
    load_store,
    open_store,
    question_bindings,
    run_query,
    saved_questions,
)
from policekg.graph.query.known_names import UnknownName
from policekg.graph.rdf.write import GraphFileError, write_graph

HOSTILE = 'Kent" } ; DROP ALL ; #'


@pytest.fixture(scope="module")
def seeds_file(seeds_graph, tmp_path_factory):
    return write_graph(seeds_graph, tmp_path_factory.mktemp("sparql") / "seeds.ttl")


@pytest.fixture(scope="module")
def store(seeds_file):
    return open_store(seeds_file)


def values(result: QueryResult, column: str) -> list[str]:
    """The values of one column as a table shows them (labels for IRIs)."""
    index = result.variables.index(column)
    return [result.readable(row[index]) for row in result.rows]


def records(result: QueryResult) -> list[dict[str, str]]:
    """Rows as dicts of values as a table shows them (labels for IRIs)."""
    return [{name: result.readable(term) for name, term in zip(result.variables, row)} for row in result.rows]


def test_every_saved_question_is_described():
    questions = {question.name: question for question in saved_questions()}
    assert set(questions) == {"collaborators", "programmes", "people", "funds", "evidence", "judgements",
                              "shared-partners", "grades", "link-dates", "timeline", "changes"}
    for question in questions.values():
        assert question.description and question.params
        assert all(help_text for _, help_text in question.params)


def test_collaborators_with_documents(store):
    rows = records(ask(store, "collaborators", {"org": "Kent Police"}))
    partners = {row["partner"] for row in rows}
    assert {"Essex Police", "Kent Fire and Rescue Service"} <= partners
    essex_documents = next(row["documents"] for row in rows if row["partner"] == "Essex Police").split("; ")
    assert "Kent PEEL 2016" in essex_documents
    assert all(row["documents"] for row in rows)


@pytest.mark.parametrize("name", ["kent police", "KENT POLICE", "Kent"])
def test_names_match_in_any_case_and_by_alias(store, name):
    expected = ask(store, "collaborators", {"org": "Kent Police"})
    assert ask(store, "collaborators", {"org": name}).rows == expected.rows


def test_results_are_ordered_deterministically(store):
    first = ask(store, "evidence", {"a": "Kent Police", "b": "Essex Police"})
    assert ask(store, "evidence", {"a": "Kent Police", "b": "Essex Police"}).rows == first.rows


def test_programmes(store):
    programmes = set(values(ask(store, "programmes", {"org": "Kent Police"}), "programme"))
    assert {"Operation Encompass", "seven-force strategic collaboration programme"} <= programmes


def test_people_with_posts(store):
    rows = records(ask(store, "people", {"org": "Kent Police"}))
    assert {"person": "Alan Pughsley", "post": "Chief Constable"}.items() <= rows[0].items()


def test_funds_to_a_recipient(store):
    rows = records(ask(store, "funds", {"recipient": "Medway CSP"}))
    assert any(Decimal(row["amount"]) == 96782 and row["period"] == "2015/16" for row in rows)
    assert {row["to"] for row in rows} == {"Medway Community Safety Partnership"}
    assert all(row["document"] for row in rows)


@pytest.mark.parametrize(("value", "shown"), [
    (Literal("96782", datatype=NamedNode(str(XSD.decimal))), "£96,782"),
    (Literal("1250.5", datatype=NamedNode(str(XSD.decimal))), "£1,250.50"),
    (Literal("unknown"), "unknown"),
    (None, ""),
])
def test_money_columns_read_as_pounds_in_tables_only(value, shown):
    result = QueryResult("select", ["amount"], [(value,)], money=frozenset({"amount"}))
    assert format_result(result, "table").split("\n")[2] == shown
    assert "£" not in format_result(result, "csv")


def test_funds_from_a_funder(store):
    rows = records(ask(store, "funds", {"funder": "ministry of justice"}))
    assert rows and {row["from"] for row in rows} == {"Ministry of Justice"}


def test_judgements(store):
    rows = records(ask(store, "judgements", {"force": "Kent Police"}))
    assert any(row["area"] == "Efficiency" and row["grade"] == "Good" and row["year"] == "2016" for row in rows)
    assert all(row["document"] for row in rows)


def test_shared_partners(store):
    result = ask(store, "shared-partners", {"org": ["Crown Prosecution Service", "Safeguarding Vulnerable Adults Board"]})
    assert values(result, "partner") == ["Kent Police"]


def test_evidence_quotes(store):
    rows = records(ask(store, "evidence", {"a": "Kent Police", "b": "Essex Police"}))
    assert rows
    assert all(row["quote"] and row["document"] and row["confidence"] for row in rows)
    assert any("Essex" in row["quote"] for row in rows)
    assert {row["link"] for row in rows} == {"pko:collaboratesWith"}


@pytest.mark.parametrize(("a", "b"), [("Kent Police", "Essex Police"), ("Essex Police", "Kent Police")])
def test_evidence_shows_each_reading_of_a_collaboration_once_from_a_to_b(store, a, b):
    rows = records(ask(store, "evidence", {"a": a, "b": b}))
    readings = [(row["quote"], row["document"]) for row in rows]
    assert len(readings) == len(set(readings))
    assert {(row["subject"], row["object"]) for row in rows} == {(a, b)}


def test_parameter_columns_are_left_out(store):
    assert "org" not in ask(store, "collaborators", {"org": "Kent Police"}).variables


def test_hostile_parameter_stays_a_literal(store):
    before = len(store)
    for question, values in (("collaborators", {"org": HOSTILE}), ("funds", {"recipient": HOSTILE})):
        with pytest.raises(UnknownName):
            ask(store, question, values)
        saved = next(q for q in saved_questions() if q.name == question)
        assert run_query(store, saved.text, question_bindings(saved, values)).rows == []
    assert len(store) == before


@pytest.mark.parametrize("name, given, expected", [
    ("nonsense", {}, "saved questions are"),
    ("collaborators", {}, "needs org"),
    ("funds", {}, "at least one of recipient, funder"),
    ("shared-partners", {"org": "Kent Police"}, "needs org 2 times"),
    ("people", {"org": "Kent Police", "person": "x"}, "does not take person"),
    ("collaborators", {"org": ""}, "collaborators: org is empty; give an organisation's name"),
    ("judgements", {"force": " \t"}, "judgements: force is empty"),
    ("shared-partners", {"org": ["Kent Police", " "]}, "shared-partners: org is empty"),
    ("funds", {"recipient": "  "}, "at least one of recipient, funder"),
])
def test_bad_questions_are_explained(store, name, given, expected):
    with pytest.raises(QueryError, match=expected):
        ask(store, name, given)


def test_syntax_error_is_one_line_with_position_in_the_users_text(store):
    with pytest.raises(QueryError) as caught:
        run_query(store, "SELECT ?s\nWHERE { ?s pko:label }")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("invalid SPARQL at line 2, column ")


def test_own_prefix_declarations_are_kept(store):
    sparql = "PREFIX pko: <http://example.org/other#>\nASK { ?s a pko:PoliceForce }"
    assert run_query(store, sparql).boolean is False
    assert run_query(store, "ASK { ?s a pko:PoliceForce }").boolean is True
    assert QUERY_PREFIXES["pko"] == "https://w3id.org/policekg/ontology#"


@pytest.mark.parametrize("update", [
    "DROP ALL",
    "PREFIX ex: <http://example.org/#>\n# comment\nINSERT DATA { ex:a ex:b ex:c }",
    "delete where { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
])
def test_updates_are_refused(store, update):
    before = len(store)
    with pytest.raises(QueryError, match="updates are not allowed"):
        run_query(store, update)
    assert len(store) == before


def test_bindings_are_substituted(store):
    result = run_query(store, "SELECT ?label ?f WHERE { ?f rdfs:label ?label }", {"label": Literal("Essex Police")})
    assert len(result.rows) == 1


LABELS = "SELECT ?force ?label WHERE { ?force a pko:PoliceForce ; rdfs:label ?label } ORDER BY ?label"


def test_table_is_aligned(store):
    lines = format_result(run_query(store, LABELS), "table").splitlines()
    assert lines[0].split() == ["force", "label"]
    column = lines[0].index("label")
    assert all(line[column - 2:column] == "  " and line[column] != " " for line in lines[2:])
    assert "Essex Police" in format_result(run_query(store, LABELS))


def test_csv_and_tsv(store):
    result = run_query(store, LABELS)
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["force", "label"] and len(rows) == len(result.rows) + 1
    assert rows[1][0].startswith("https://")
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?force\t?label"
    assert tsv[1].startswith("<https://") and tsv[1].endswith('"')


def test_json_results(store):
    document = json.loads(format_result(run_query(store, LABELS), "json"))
    assert document["head"]["vars"] == ["force", "label"]
    first = document["results"]["bindings"][0]
    assert first["force"]["type"] == "uri" and first["label"]["type"] == "literal"
    assert json.loads(format_result(run_query(store, "ASK { ?s ?p ?o }"), "json"))["boolean"] is True


def test_construct_gives_turtle(store):
    result = run_query(store, "CONSTRUCT { ?f rdfs:label ?l } WHERE { ?f a pko:PoliceForce ; rdfs:label ?l }")
    assert result.kind == "graph" and result.triples
    text = format_result(result, "turtle")
    assert "@prefix rdfs:" in text
    assert len(Graph().parse(data=text, format="turtle")) == len(result.triples)
    with pytest.raises(QueryError):
        format_result(result, "csv")


def test_open_store_needs_exactly_one_source(seeds_file, tmp_path):
    with pytest.raises(ValueError):
        open_store()
    with pytest.raises(ValueError):
        open_store(seeds_file, tmp_path)
    with pytest.raises(GraphFileError, match="no such file"):
        open_store(tmp_path / "missing.ttl")
    (tmp_path / "bad.ttl").write_text("<a> <b> .\n")
    with pytest.raises(GraphFileError, match="not valid"):
        open_store(tmp_path / "bad.ttl")


def test_persistent_store_answers_the_same(seeds_file, store, tmp_path):
    folder = tmp_path / "store"
    assert load_store(seeds_file, folder) == len(store)
    assert load_store(seeds_file, folder) == len(store)  # replacing an existing store
    on_disk = open_store(store_dir=folder)
    question = {"org": "Kent Police"}
    assert ask(on_disk, "collaborators", question).rows == ask(store, "collaborators", question).rows
    with pytest.raises(RuntimeError, match="read-write"):  # opened read-only
        on_disk.update("DROP ALL")


def test_a_built_graph_is_queried_without_a_file(seeds_graph, store):
    in_memory = graph_store(seeds_graph)
    assert len(in_memory) == len(store)
    assert ask(in_memory, "collaborators", {"org": "Kent Police"}).rows == ask(store, "collaborators", {"org": "Kent Police"}).rows


def test_records_give_numbers_as_numbers(store):
    records = ask(store, "funds", {"recipient": "Medway CSP"}).records()
    assert {"amount": 96782.0, "period": "2015/16"}.items() <= next(r for r in records if r["period"] == "2015/16").items()
    assert all(record["purpose"] is None or isinstance(record["purpose"], str) for record in records)
