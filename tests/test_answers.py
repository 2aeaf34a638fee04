"""Answers an analyst can act on, on a small invented graph: one row per partner, programme or
post with counts, statuses, documents and a representative quote; money totalled by funder,
recipient and period; labels in tables, IRIs in CSV and JSON; unknown names refused everywhere
(API, CLI, the endpoint's saved questions) with the closest names."""
from __future__ import annotations

import csv
import io
import json
import threading
import urllib.parse
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from endpoint_client import base_url, request

from policekg.cli import cli
from policekg.extract.money import pounds_for_reading
from policekg.extract.model import DocumentInfo, Entity, Evidence, Extraction, Fund, Kind, Link, Predicate
from policekg.graph.rdf.build import build_rdf
from policekg.graph.query.endpoint import make_server
from policekg.graph.query.known_names import UnknownName
from policekg.graph.rdf.namespaces import DEFAULT_BASE
from policekg.graph.query.sparql import QueryError, ask, format_result, open_store, run_query, with_labels

KENT, ESSEX, TRUST = "PoliceForce/kent-police", "PoliceForce/essex-police", "PartnerOrganisation/health-trust"
OFFICE, RIVERSIDE, COUNCIL = ("PartnerOrganisation/office-of-the-commissioner", "PartnerOrganisation/riverside-trust",
                              "PartnerOrganisation/town-council")
LANTERN, JANE = "Programme/operation-lantern", "Person/jane-doe"
LABELS = {KENT: "Kent Police", ESSEX: "Essex Police", TRUST: "Health Trust", OFFICE: "Office of the Commissioner",
          RIVERSIDE: "Riverside Trust", COUNCIL: "Town Council", LANTERN: "Operation Lantern", JANE: "Jane Doe"}
KINDS = {"PoliceForce": Kind.FORCE, "PartnerOrganisation": Kind.PARTNER, "Programme": Kind.PROGRAMME,
         "Person": Kind.PERSON}
SHORT_QUOTE = "Kent and Essex share a unit."


def evidence(document: str, quote: str, confidence: float, status: str = "in place", start: int = 0) -> Evidence:
    return Evidence(document, quote, start, start + len(quote), confidence, status)


def extraction() -> Extraction:
    """Two invented reports: Kent works with Essex three times (two of them in the first report,
    equally confident), with a health trust once; runs one operation; has a chief constable;
    a commissioner's office funds two bodies in two years and once for a purpose alone."""
    documents = [DocumentInfo("d1", "corpus/d1.txt", "Report A", "1" * 64),
                 DocumentInfo("d2", "corpus/d2.txt", "Report B", "2" * 64)]
    entities = {key: Entity(key, KINDS[key.split("/")[0]], label, set(), {"d1", "d2"}) for key, label in LABELS.items()}
    entities[KENT].alt_labels.add("Kent")
    links = [
        Link(KENT, Predicate.COLLABORATES_WITH, ESSEX, evidence("d1", "Kent Police works with Essex Police.", 0.9)),
        Link(KENT, Predicate.COLLABORATES_WITH, ESSEX, evidence("d1", SHORT_QUOTE, 0.9, "planned", 100)),
        Link(ESSEX, Predicate.COLLABORATES_WITH, KENT, evidence("d2", "Essex Police trains with Kent Police.", 0.7)),
        Link(KENT, Predicate.COLLABORATES_WITH, TRUST, evidence("d2", "Kent Police joined the Health Trust.", 0.8,
                                                                 "ended", 50)),
        Link(KENT, Predicate.PARTICIPATES_IN, LANTERN, evidence("d1", "Kent Police runs Operation Lantern.", 0.8,
                                                                 start=200)),
        Link(KENT, Predicate.PARTICIPATES_IN, LANTERN, evidence("d2", "Operation Lantern, run by Kent Police.", 0.85,
                                                                 "planned", 200)),
        Link(JANE, Predicate.MEMBER_OF, KENT, evidence("d1", "Chief Constable Jane Doe", 0.85, start=300),
             role="Chief Constable"),
    ]
    funds = [
        Fund("Fund/a", "£1,000 to Riverside Trust", Decimal(1000), [evidence("d1", "Riverside Trust £1,000", 0.9)],
             "2015/16", OFFICE, RIVERSIDE, documents={"d1"}),
        Fund("Fund/b", "£2,500 to Town Council", Decimal("2500.50"), [evidence("d1", "Town Council £2,500.50", 0.9)],
             "2015/16", OFFICE, COUNCIL, documents={"d1"}),
        Fund("Fund/c", "£500 to Riverside Trust", Decimal(500), [evidence("d2", "Riverside Trust £500", 0.9)],
             "2016/17", OFFICE, RIVERSIDE, documents={"d2"}),
        Fund("Fund/d", "£300 for youth work", Decimal(300), [evidence("d2", "£300 for youth work", 0.9)],
             None, OFFICE, None, "youth work", documents={"d2"}),
    ]
    return Extraction(documents=documents, entities=entities, links=links, funds=funds)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("answers") / "small.ttl"
    build_rdf(extraction()).serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def store(graph_file: Path):
    return open_store(graph_file)


def table_rows(text: str) -> list[list[str]]:
    """The cells of an aligned table (split on runs of two spaces), header and rule dropped."""
    return [[cell for cell in line.split("  ") if cell] for line in text.split("\n\n")[0].splitlines()[2:]]


def iri(key: str) -> str:
    folder = {"PoliceForce": "force", "PartnerOrganisation": "org", "Programme": "programme", "Person": "person"}
    kind, _, name = key.partition("/")
    return f"{DEFAULT_BASE}{folder[kind]}/{name}"


def test_collaborators_one_row_per_partner_with_counts_statuses_documents_and_a_quote(store) -> None:
    result = ask(store, "collaborators", {"org": "Kent Police"})
    assert result.variables == ["partner", "evidence", "statuses", "documents", "quote"]
    assert result.records() == [
        {"partner": "Essex Police", "evidence": 3, "statuses": "in place; planned", "documents": "Report A; Report B",
         "quote": SHORT_QUOTE},
        {"partner": "Health Trust", "evidence": 1, "statuses": "ended", "documents": "Report B",
         "quote": "Kent Police joined the Health Trust."},
    ]


def test_collaborators_count_each_reading_once_from_either_side(store) -> None:
    rows = ask(store, "collaborators", {"org": "Essex Police"}).records()
    assert [(row["partner"], row["evidence"]) for row in rows] == [("Kent Police", 3)]


def test_evidence_option_gives_every_statement(store) -> None:
    result = ask(store, "collaborators", {"org": "Kent"}, evidence=True)
    assert result.variables == ["partner", "status", "document", "quote", "page", "confidence"]
    quotes = [(row["partner"], row["document"], row["quote"]) for row in result.records()]
    assert quotes == [
        ("Essex Police", "Report A", "Kent Police works with Essex Police."),
        ("Essex Police", "Report A", SHORT_QUOTE),
        ("Essex Police", "Report B", "Essex Police trains with Kent Police."),
        ("Health Trust", "Report B", "Kent Police joined the Health Trust."),
    ]


def test_programmes_one_row_per_programme_quoting_the_most_confident(store) -> None:
    assert ask(store, "programmes", {"org": "Kent Police"}).records() == [
        {"programme": "Operation Lantern", "evidence": 2, "statuses": "in place; planned",
         "documents": "Report A; Report B", "quote": "Operation Lantern, run by Kent Police."}]


def test_people_one_row_per_post_with_evidence(store) -> None:
    assert ask(store, "people", {"org": "Kent Police"}).records() == [
        {"person": "Jane Doe", "post": "Chief Constable", "evidence": 1, "statuses": "in place",
         "documents": "Report A", "quote": "Chief Constable Jane Doe"}]


def test_tables_print_labels_while_csv_and_json_keep_iris(store) -> None:
    result = ask(store, "collaborators", {"org": "Kent Police"})
    table = format_result(result, "table")
    assert [row[:2] for row in table_rows(table)] == [["Essex Police", "3"], ["Health Trust", "1"]]
    assert DEFAULT_BASE not in table
    rows = list(csv.DictReader(io.StringIO(format_result(result, "csv"))))
    assert [row["partner"] for row in rows] == [iri(ESSEX), iri(TRUST)]
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert bindings[0]["partner"] == {"type": "uri", "value": iri(ESSEX)}
    assert bindings[0]["evidence"]["value"] == "3"


def test_query_tables_print_labels_or_prefixed_names(store, graph_file: Path) -> None:
    text = f"SELECT ?s ?p ?o WHERE {{ <{iri(KENT)}> ?p ?o . BIND(<{iri(KENT)}> AS ?s) " \
           "FILTER(?p IN (rdf:type, pko:collaboratesWith)) } ORDER BY ?o"
    result = with_labels(store, run_query(store, text))
    assert table_rows(format_result(result, "table")) == [
        ["Kent Police", "pko:collaboratesWith", "Essex Police"],
        ["Kent Police", "pko:collaboratesWith", "Health Trust"],
        ["Kent Police", "rdf:type", "pko:PoliceForce"],
    ]
    runner = CliRunner()
    shown = runner.invoke(cli, ["query", str(graph_file),
                                "SELECT ?s WHERE { ?s a rdf:Statement ; rdf:subject ?x . ?x rdfs:label 'Jane Doe' }"])
    assert shown.exit_code == 0 and shown.output.splitlines()[2].startswith("id:evidence/")
    as_csv = runner.invoke(cli, ["query", str(graph_file), "SELECT ?f WHERE { ?f a pko:PoliceForce } ORDER BY ?f",
                                 "--format", "csv"])
    assert as_csv.output.split() == ["f", iri(ESSEX), iri(KENT)]


def test_funds_list_each_allocation_and_total_them(store) -> None:
    result = ask(store, "funds", {"funder": "Office of the Commissioner"})
    assert [(row["to"], row["amount"], row["period"]) for row in result.records()] == [
        ("Town Council", 2500.5, "2015/16"), ("Riverside Trust", 1000.0, "2015/16"),
        ("Riverside Trust", 500.0, "2016/17"), (None, 300.0, None)]
    assert format_result(result, "table").split("\n\n")[1].splitlines() == [
        "total: £4,300.50 in 4 allocations",
        "  2015/16: £3,500.50 in 2 allocations",
        "  2016/17: £500 in 1 allocation",
        "  no period: £300 in 1 allocation",
    ]
    assert "total" not in format_result(result, "csv")


@pytest.mark.parametrize(("by", "expected"), [
    (["period"], [("", 1, 300.0), ("2015/16", 2, 3500.5), ("2016/17", 1, 500.0)]),
    (["recipient"], [("", 1, 300.0), ("Riverside Trust", 2, 1500.0), ("Town Council", 1, 2500.5)]),
    (["funder"], [("Office of the Commissioner", 4, 4300.5)]),
])
def test_funds_total_by_funder_recipient_or_period(store, by: list[str], expected: list[tuple]) -> None:
    result = ask(store, "funds", {"funder": "Office of the Commissioner"}, by=by)
    rows = [(row[result.variables[0]] or "", row["allocations"], row["total"]) for row in result.records()]
    assert sorted(rows) == expected


def test_funds_totals_combine_funder_and_recipient(store) -> None:
    result = ask(store, "funds", {"funder": "Office of the Commissioner", "recipient": "Riverside Trust"},
                 by=["recipient", "period"])
    assert result.records() == [{"to": "Riverside Trust", "period": "2015/16", "allocations": 1, "total": 1000.0},
                                {"to": "Riverside Trust", "period": "2016/17", "allocations": 1, "total": 500.0}]
    assert table_rows(format_result(result, "table"))[0] == ["Riverside Trust", "2015/16", "1", "£1,000"]


@pytest.mark.parametrize(("question", "options", "message"), [
    ("funds", {"by": ["colour"]}, "total funds by funder, recipient, period"),
    ("collaborators", {"by": ["period"]}, "collaborators has no amounts to total"),
    ("funds", {"evidence": True}, "funds answers one row per item already"),
])
def test_options_a_question_does_not_take_are_refused(store, question: str, options: dict, message: str) -> None:
    values = {"funds": {"funder": "Office of the Commissioner"}, "collaborators": {"org": "Kent Police"}}[question]
    with pytest.raises(QueryError, match=message):
        ask(store, question, values, **options)


@pytest.mark.parametrize(("arguments", "typed"), [
    (["funds", "--funder", "Office of the Comissioner"], "Office of the Comissioner"),
    (["funds", "--funder", "Office of the Commissioner", "--recipient", "Riverside Trsut"], "Riverside Trsut"),
    (["judgements", "--force", "Kent Polise"], "Kent Polise"),
    (["evidence", "--a", "Kent Police", "--b", "Esex Police"], "Esex Police"),
])
def test_cli_every_name_option_is_checked(graph_file: Path, arguments: list[str], typed: str) -> None:
    result = CliRunner().invoke(cli, ["ask", arguments[0], str(graph_file), *arguments[1:]])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no entity named {typed!r} in this graph (closest: ")
    assert len(result.output.strip().splitlines()) == 1


def test_cli_funds_by_funder_and_recipient(graph_file: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "funds", str(graph_file), "--funder", "Office of the Commissioner",
                                      "--recipient", "Riverside Trust", "--by", "period"])
    assert result.exit_code == 0
    assert table_rows(result.output) == [["2015/16", "1", "£1,000"], ["2016/17", "1", "£500"]]


def test_cli_evidence_flag(graph_file: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "programmes", str(graph_file), "--org", "Kent Police", "--evidence"])
    assert result.exit_code == 0
    assert [row[0] for row in table_rows(result.output)] == ["Operation Lantern", "Operation Lantern"]


def test_api_unknown_name_is_an_exception_with_suggestions(store) -> None:
    with pytest.raises(UnknownName) as raised:
        ask(store, "people", {"org": "Kent Polise"})
    assert raised.value.suggestions[0] == "Kent Police"


@pytest.fixture(scope="module")
def url(graph_file: Path) -> Iterator[str]:
    server = make_server(graph_file, "127.0.0.1", 0, quiet=True, workers=1)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield base_url(server)
    server.shutdown()
    server.server_close()


def asked(url: str, name: str, fields: list[tuple[str, str]], accept: str = "application/json"):
    return request(f"{url}/ask/{name}?{urllib.parse.urlencode(fields)}", headers={"Accept": accept})


def test_endpoint_unknown_name_is_404_with_the_closest_names_as_json(url: str) -> None:
    reply = asked(url, "collaborators", [("org", "Kent Polise")])
    assert reply.status == 404
    assert reply.headers.get_content_type() == "application/json"
    body = json.loads(reply.body)
    assert body["name"] == "Kent Polise" and body["suggestions"][0] == "Kent Police"
    assert body["error"].startswith("no entity named 'Kent Polise' in this graph (closest: Kent Police")


def test_endpoint_unknown_name_is_one_line_of_text_for_text_clients(url: str) -> None:
    reply = asked(url, "funds", [("funder", "Office of the Commissioner"), ("recipient", "Riverside Trsut")],
                  "text/plain")
    assert reply.status == 404
    assert reply.body.startswith("no entity named 'Riverside Trsut' in this graph (closest: Riverside Trust")
    assert reply.body.count("\n") == 1


def test_endpoint_answers_a_saved_question_as_the_cli_does(url: str) -> None:
    reply = asked(url, "collaborators", [("org", "kent")])
    assert reply.status == 200
    bindings = json.loads(reply.body)["results"]["bindings"]
    assert [(row["partner"]["value"], row["evidence"]["value"]) for row in bindings] == [(iri(ESSEX), "3"),
                                                                                          (iri(TRUST), "1")]
    table = asked(url, "funds", [("funder", "Office of the Commissioner"), ("by", "period")], "text/plain")
    assert table.status == 200 and table_rows(table.body)[1] == ["2015/16", "2", "£3,500.50"]
    evidence = asked(url, "programmes", [("org", "Kent Police"), ("evidence", "true")], "text/csv")
    assert len(list(csv.DictReader(io.StringIO(evidence.body)))) == 2


@pytest.mark.parametrize(("name", "fields", "status", "message"), [
    ("nothing", [("org", "Kent Police")], 404, "no saved question 'nothing'"),
    ("collaborators", [("colour", "red")], 400, "collaborators does not take colour"),
    ("collaborators", [], 400, "collaborators needs org"),
])
def test_endpoint_bad_questions_are_4xx(url: str, name: str, fields: list, status: int, message: str) -> None:
    reply = asked(url, name, fields)
    assert reply.status == status
    assert json.loads(reply.body)["error"].startswith(message)


def test_endpoint_lists_the_saved_questions(url: str) -> None:
    questions = {q["name"]: q for q in json.loads(request(f"{url}/ask").body)["questions"]}
    assert questions["funds"]["params"][0] == {"name": "recipient", "help": questions["funds"]["params"][0]["help"],
                                               "optional": True, "repeats": 1}
    assert questions["shared-partners"]["params"][0]["repeats"] == 2


def test_sample_commissioners_grant_table_is_listed_and_totalled(seeds_graph, tmp_path: Path) -> None:
    """On the sample documents: the commissioner's office's allocations, one row each, and their
    totals, which add up to the amounts listed (overall and per period)."""
    path = tmp_path / "seeds.ttl"
    seeds_graph.serialize(path, format="turtle")
    office = "Office of the Kent Police and Crime Commissioner"
    store = open_store(path)
    listing = ask(store, "funds", {"funder": office})
    records = listing.records()
    assert {row["from"] for row in records} == {office}
    by_period: dict[str, list[Decimal]] = {}
    for row in records:
        by_period.setdefault(row["period"] or "no period", []).append(Decimal(str(row["amount"])))
    assert len(by_period["2015/16"]) >= 30 and len(by_period["2016/17"]) >= 30
    totals = {row["period"] or "no period": (row["allocations"], Decimal(str(row["total"])))
              for row in ask(store, "funds", {"funder": office}, by=["period"]).records()}
    assert totals == {period: (len(amounts), sum(amounts)) for period, amounts in by_period.items()}
    output = CliRunner().invoke(cli, ["ask", "funds", str(path), "--funder", office]).output
    total = pounds_for_reading(sum(sum(amounts) for amounts in by_period.values()))
    assert output.split("\n\n")[1].splitlines()[0] == f"total: {total} in {len(records)} allocations"


def test_shared_partners_are_labels_in_tables_and_iris_in_csv(store) -> None:
    result = ask(store, "shared-partners", {"org": ["Essex Police", "Health Trust"]})
    assert table_rows(format_result(result, "table")) == [["Kent Police"]]
    assert format_result(result, "csv").split() == ["partner", iri(KENT)]
