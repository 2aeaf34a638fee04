"""Time: periods read into first and last days, documents' own dates, evidence dated by its
document, and the saved questions link-dates, timeline and changes, on invented texts and a
small invented graph with exact rows; and "what changed for Kent between 2016 and 2018/19" on
the samples."""
from __future__ import annotations

from datetime import date
import json
import threading
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from endpoint_client import base_url, request
from rdflib import Graph, Literal, URIRef

from policekg.cli import cli
from policekg.extract.dates import stated_date
from policekg.extract.metadata import document_date
from policekg.extract.model import DocumentInfo, Entity, Evidence, Extraction, Fund, Judgement, Kind, Link, Predicate
from policekg.extract.periods import Period, period_label, read_period
from policekg.graph.rdf import namespaces
from policekg.graph.rdf.build import build_rdf
from policekg.graph.query.endpoint import make_server
from policekg.graph.rdf.iri import Minter
from policekg.graph.rdf.namespaces import DCTERMS, DEFAULT_BASE, PKO
from policekg.graph.query.sparql import QueryError, ask, open_store, question_bindings, saved_questions

DATE = namespaces.XSD.date
RDF_TYPE = namespaces.RDF.type
M = Minter(DEFAULT_BASE)


# --- periods -------------------------------------------------------------------------------

FY_2019 = (date(2019, 4, 1), date(2020, 3, 31))


@pytest.mark.parametrize("text, start, end", [
    ("2019/20", *FY_2019),
    ("2019-20", *FY_2019),
    ("2019–20", *FY_2019),
    ("2019/2020", *FY_2019),
    ("2019-2020", *FY_2019),
    ("financial year 2019 to 2020", *FY_2019),
    ("Financial Year 2019/20", *FY_2019),
    ("the 2019/20 financial year", *FY_2019),
    ("fiscal year 2019-20", *FY_2019),
    ("FY2019/20", *FY_2019),
    ("FY 19/20", *FY_2019),
    ("financial year 2019", *FY_2019),
    ("April 2019 to March 2020", *FY_2019),
    ("1 April 2019 to 31 March 2020", *FY_2019),
    ("Apr 2019 - Mar 2020", *FY_2019),
    ("April 2019 until September 2019", date(2019, 4, 1), date(2019, 9, 30)),
    ("2015/16 to 2017/18", date(2015, 4, 1), date(2018, 3, 31)),
    ("2015/16–2017/18", date(2015, 4, 1), date(2018, 3, 31)),
    ("2023/25", date(2023, 4, 1), date(2025, 3, 31)),
    ("1999/00", date(1999, 4, 1), date(2000, 3, 31)),
    ("2016", date(2016, 1, 1), date(2016, 12, 31)),
])
def test_period_read_into_first_and_last_days(text: str, start: date, end: date) -> None:
    assert read_period(text) == Period(start, end)


@pytest.mark.parametrize("text", [
    "over the next four years", "per year", "in each of the next three years", "19/20", "12/03/2019",
    "2019 to 2020", "2019/18", "2019/30", "March 2020 to April 2019", "31 February 2019 to March 2020", "",
])
def test_period_without_dates_is_none(text: str) -> None:
    assert read_period(text) is None


@pytest.mark.parametrize("text, label", [
    ("2016", "2016"), ("2018-19", "2018/19"), ("FY2023/25", "2023/25"),
    ("April 2019 to September 2019", "2019-04-01/2019-09-30"),
])
def test_period_label_as_peel_and_budgets_write_it(text: str, label: str) -> None:
    assert period_label(read_period(text)) == label


# --- document dates --------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("Annual report\nPublished: 12 March 2019\nThe board met.", "2019-03-12"),
    ("Annual report\nPublished on 12th March, 2019\n", "2019-03-12"),
    ("Agenda\n**Date of meeting:** Tuesday 3 February 2015\n", "2015-02-03"),
    ("Agenda\nMeeting date: 3rd February 2015\n", "2015-02-03"),
    ("Letter to the panel\nDated 1st April 2020\n", "2020-04-01"),
    ("Decision notice\nDecision date: 14/05/2021\n", "2021-05-14"),
    ("Decision notice\nDate signed - 14.05.2021\n", "2021-05-14"),
    ("Report of the treasurer\nReport date: March 12, 2019\n", "2019-03-12"),
    ("Report of the treasurer\nDate of publication: 2019-03-12\n", "2019-03-12"),
    ("Northshire community safety plan\n12/03/2019\nThe plan sets out.", "2019-03-12"),
    ("Youth scheme launched\n\n04 May 2024 | Northtown\n\nThe scheme starts.", "2024-05-04"),
    ("Harbour grants 2024/25\nOffice of the Northshire Commissioner – published 3 June 2025\n", "2025-06-03"),
    ("Meeting documents\n• Meeting of Northshire Panel, Friday, 7th September, 2018 11.00 am (Item 4.)\n",
     "2018-09-07"),
])
def test_document_date_per_construction(text: str, iso: str) -> None:
    assert document_date(text) == iso


@pytest.mark.parametrize("text", [
    "Annual report\nPublished March 2019\n",  # a month is not a day
    "Agenda\nDate of meeting: 31 February 2019\n",  # no such day
    "The force recorded 12/03/2019 as the start.\nIt published a plan.\n",  # a numeric date inside a sentence
    "One\nTwo\nThree\nFour\nFive\nSix\nSeven\n12/03/2019\n",  # a numeric date line below the header
    "The plan was published: 12 March 2019 saw its launch.",  # a label not at a line's start
    "Budget\n12 March 2019 to 31 March 2020 is the plan's term.\n",  # a date opening a sentence
    "One\nTwo\nThree\nFour\nFive\nSix\nThe panel met on Friday, 7th September, 2018.\n",  # below the header
])
def test_no_document_date(text: str) -> None:
    assert document_date(text) is None


def test_earlier_readings_win_over_labels() -> None:
    """A decision's "Date:" field is read before a later "Published" line."""
    text = "Decision notice\nPublished: 1 May 2020\nDate: 3 June 2020\n"
    assert document_date(text) == "2020-06-03"
    assert stated_date(text) == "2020-05-01"


# --- the small invented graph ----------------------------------------------------------------

NORTH, SOUTH = "PoliceForce/northshire-police", "PoliceForce/southshire-police"
HARBOUR, RIVER = "PartnerOrganisation/harbour-trust", "PartnerOrganisation/river-council"
BEACON, ANN = "Programme/operation-beacon", "Person/ann-smith"
LABELS = {NORTH: "Northshire Police", SOUTH: "Southshire Police", HARBOUR: "Harbour Trust",
          RIVER: "River Council", BEACON: "Operation Beacon", ANN: "Ann Smith"}
KINDS = {"PoliceForce": Kind.FORCE, "PartnerOrganisation": Kind.PARTNER, "Programme": Kind.PROGRAMME,
         "Person": Kind.PERSON}
PLAN, REVIEW, PEEL = "Northshire plan 2015", "Northshire review 2017", "Northshire PEEL 2018/19"


def said(document: str, quote: str, status: str | None = "in place", start: int = 0) -> Evidence:
    return Evidence(document, quote, start, start + len(quote), 0.9, status)


def extraction() -> Extraction:
    """A plan (2015) and a review (2017) with dates, and an undated PEEL 2018/19 report: Northshire
    plans to work with Southshire, then does; works with Harbour Trust, which the report says
    ended; works with River Council first in the report; plans Operation Beacon in the review;
    Ann Smith, Southshire's adviser in the plan, is its chief constable in the report; its efficiency goes from good to outstanding."""
    documents = [DocumentInfo("plan", "plan.txt", PLAN, "1" * 64, "2015-06-01"),
                 DocumentInfo("review", "review.txt", REVIEW, "2" * 64, "2017-05-10"),
                 DocumentInfo("peel", "peel.txt", PEEL, "3" * 64, inspection_year="2018/19")]
    entities = {key: Entity(key, KINDS[key.split("/")[0]], label, set(), {"plan", "review", "peel"})
                for key, label in LABELS.items()}
    links = [
        Link(NORTH, Predicate.COLLABORATES_WITH, SOUTH, said("plan", "Northshire will work with Southshire.", "planned")),
        Link(NORTH, Predicate.COLLABORATES_WITH, SOUTH, said("review", "Northshire works with Southshire.")),
        Link(NORTH, Predicate.COLLABORATES_WITH, HARBOUR, said("plan", "Northshire works with Harbour Trust.", start=50)),
        Link(NORTH, Predicate.COLLABORATES_WITH, HARBOUR, said("peel", "Its work with Harbour Trust ended.", "ended")),
        Link(NORTH, Predicate.COLLABORATES_WITH, RIVER, said("peel", "Northshire works with River Council.", start=50)),
        Link(NORTH, Predicate.PARTICIPATES_IN, BEACON, said("review", "Northshire plans Operation Beacon.", "planned",
                                                            50)),
        Link(ANN, Predicate.MEMBER_OF, NORTH, said("peel", "Chief Constable Ann Smith", None, 100),
             role="Chief Constable"),
        Link(ANN, Predicate.MEMBER_OF, SOUTH, said("plan", "Ann Smith, adviser to Southshire", None, 100),
             role="Adviser"),
    ]
    funds = [Fund("Fund/a", "£1,000 to River Council", 1000, [said("plan", "River Council £1,000", None, 200)],
                  "2019/20", NORTH, RIVER, documents={"plan"}),
             Fund("Fund/b", "£2,000 to River Council", 2000, [said("plan", "River Council £2,000", None, 300)],
                  "over the next four years", NORTH, RIVER, documents={"plan"})]
    judgements = [
        Judgement(NORTH, "Efficiency", "Good", "2016", "review", said("review", "Efficiency Good", None, 400),
                  "efficiency", "efficiency"),
        Judgement(NORTH, "Efficiency", "Outstanding", "2018/19", "peel",
                  said("peel", "Efficiency Outstanding", None, 400), "efficiency", "efficiency"),
        Judgement(NORTH, "Legitimacy", "Good", "2016", "review", said("review", "Legitimacy Good", None, 500),
                  "legitimacy", "legitimacy"),
        Judgement(NORTH, "Legitimacy", "Good", "2018/19", "peel", said("peel", "Legitimacy Good", None, 500),
                  "legitimacy", "legitimacy"),
    ]
    return Extraction(documents=documents, entities=entities, links=links, funds=funds, judgements=judgements)


def iri(key: str) -> URIRef:
    return M.entity(key)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_rdf(extraction())


@pytest.fixture(scope="module")
def graph_file(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("time") / "small.ttl"
    graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def store(graph_file: Path):
    return open_store(graph_file)


def day(text: str) -> Literal:
    return Literal(text, datatype=DATE)


def test_report_states_its_inspection_year_and_its_days(graph: Graph) -> None:
    node = M.document("peel")
    assert set(graph.objects(node, PKO.inspectionYear)) == {Literal("2018/19")}
    assert set(graph.objects(node, PKO.periodStart)) == {day("2018-04-01")}
    assert set(graph.objects(node, PKO.periodEnd)) == {day("2019-03-31")}
    assert (node, DCTERMS.date, None) not in graph


def test_dated_document_states_no_inspection_year(graph: Graph) -> None:
    node = M.document("plan")
    assert set(graph.objects(node, DCTERMS.date)) == {day("2015-06-01")}
    assert (node, PKO.inspectionYear, None) not in graph and (node, PKO.periodStart, None) not in graph


def test_fund_period_kept_as_written_with_its_days(graph: Graph) -> None:
    node = iri("Fund/a")
    assert set(graph.objects(node, PKO.period)) == {Literal("2019/20")}
    assert set(graph.objects(node, PKO.periodStart)) == {day("2019-04-01")}
    assert set(graph.objects(node, PKO.periodEnd)) == {day("2020-03-31")}


def test_fund_period_without_dates_kept_as_written_only(graph: Graph) -> None:
    node = iri("Fund/b")
    assert set(graph.objects(node, PKO.period)) == {Literal("over the next four years")}
    assert (node, PKO.periodStart, None) not in graph and (node, PKO.periodEnd, None) not in graph


def test_evidence_carries_its_documents_date(graph: Graph) -> None:
    quote = "Northshire works with Harbour Trust."
    node = M.evidence(M.document("plan"), 50, 50 + len(quote), iri(NORTH), PKO.collaboratesWith, iri(HARBOUR))
    assert set(graph.objects(node, DCTERMS.date)) == {day("2015-06-01")}


def test_evidence_of_an_undated_document_has_no_date(graph: Graph) -> None:
    quote = "Northshire works with River Council."
    node = M.evidence(M.document("peel"), 50, 50 + len(quote), iri(NORTH), PKO.collaboratesWith, iri(RIVER))
    assert (node, RDF_TYPE, None) in graph
    assert (node, DCTERMS.date, None) not in graph



def test_link_dates_first_and_last_dated_evidence(store) -> None:
    result = ask(store, "link-dates", {"a": "Northshire Police"})
    assert result.variables == ["subject", "link", "object", "first", "last", "statements"]
    north = "Northshire Police"
    one, two = "£1,000 to River Council", "£2,000 to River Council"

    def row(subject: str, link: str, obj: str, first: str, last: str, statements: int) -> dict:
        return {"subject": subject, "link": link, "object": obj, "first": first, "last": last,
                "statements": statements}

    assert result.records() == [
        row(north, "collaboratesWith", "Harbour Trust", "2015-06-01", "2015-06-01", 1),
        row(one, "funder", north, "2015-06-01", "2015-06-01", 1),
        row(two, "funder", north, "2015-06-01", "2015-06-01", 1),
        row(north, "collaboratesWith", "Southshire Police", "2015-06-01", "2017-05-10", 2),
        row(north, "participatesIn", "Operation Beacon", "2017-05-10", "2017-05-10", 1),
    ]  # a collaboration once, from Northshire; Ann Smith's post, read only from the undated report, has no dates


def test_timeline_of_a_link_planned_then_in_place(store) -> None:
    result = ask(store, "timeline", {"a": "Northshire Police", "b": "southshire police"})
    assert result.records() == [
        {"other": "Southshire Police", "link": "collaboratesWith", "when": "2015-06-01", "status": "planned",
         "statements": 1, "example": "Northshire will work with Southshire.", "document": PLAN},
        {"other": "Southshire Police", "link": "collaboratesWith", "when": "2017-05-10", "status": "in place",
         "statements": 1, "example": "Northshire works with Southshire.", "document": REVIEW},
    ]


def test_timeline_of_a_programme_reads_the_links_to_it(store) -> None:
    result = ask(store, "timeline", {"a": "Operation Beacon"})
    assert result.records() == [
        {"other": "Northshire Police", "link": "participatesIn", "when": "2017-05-10", "status": "planned",
         "statements": 1, "example": "Northshire plans Operation Beacon.", "document": REVIEW},
    ]


def test_timeline_of_an_undated_report_gives_its_inspection_year(store) -> None:
    result = ask(store, "timeline", {"a": "Northshire Police", "b": "Harbour Trust"})
    assert [(row["when"], row["status"], row["document"]) for row in result.records()] == [
        ("2015-06-01", "in place", PLAN), ("2018/19", "ended", PEEL)]


def test_changes_between_two_years(store) -> None:
    result = ask(store, "changes", {"force": "Northshire Police", "from": "2016", "to": "2018-19"})
    assert result.variables == ["change", "item", "before", "after", "document", "example"]
    assert result.records() == [
        {"change": "ended collaboration", "item": "Harbour Trust", "before": "", "after": "ended",
         "document": PEEL, "example": "Its work with Harbour Trust ended."},
        {"change": "grade change", "item": "Efficiency", "before": "Good", "after": "Outstanding",
         "document": PEEL, "example": "Efficiency Outstanding"},
        {"change": "new partner", "item": "River Council", "before": "", "after": "in place",
         "document": PEEL, "example": "Northshire works with River Council."},
        {"change": "new post", "item": "Ann Smith", "before": "", "after": "Chief Constable",
         "document": PEEL, "example": "Chief Constable Ann Smith"},
    ]


def test_changes_from_an_earlier_year_finds_the_programme(store) -> None:
    result = ask(store, "changes", {"force": "Northshire Police", "from": "2015", "to": "2017"})
    assert [(row["change"], row["item"], row["after"]) for row in result.records()] == [
        ("new programme", "Operation Beacon", "planned")]


def test_year_parameters_are_bound_as_a_year_and_its_days() -> None:
    question = next(q for q in saved_questions() if q.name == "changes")
    bindings = question_bindings(question, {"force": "Northshire Police", "from": "FY2018/19", "to": "2019"})
    assert {name: (value.value, value.datatype.value) for name, value in bindings.items()} == {
        "force": ("northshire police", str(namespaces.XSD.string)),
        "from": ("2018/19", str(namespaces.XSD.string)),
        "fromStart": ("2018-04-01", str(DATE)), "fromEnd": ("2019-03-31", str(DATE)),
        "to": ("2019", str(namespaces.XSD.string)),
        "toStart": ("2019-01-01", str(DATE)), "toEnd": ("2019-12-31", str(DATE)),
    }


def test_a_year_that_is_not_one_is_refused(store) -> None:
    with pytest.raises(QueryError, match=r"changes: to 'soon' is not a year"):
        ask(store, "changes", {"force": "Northshire Police", "from": "2016", "to": "soon"})


def test_cli_changes_with_from_and_to(graph_file: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "changes", str(graph_file), "--force", "Northshire Police",
                                      "--from", "2016", "--to", "2018/19", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "change,item,before,after,document,example"
    assert len(result.output.splitlines()) == 5


def test_cli_lists_year_parameters_as_years() -> None:
    result = CliRunner().invoke(cli, ["ask", "--list"])
    assert "changes --force NAME --from YEAR --to YEAR" in result.output
    assert "timeline --a NAME [--b NAME]" in result.output


def test_endpoint_asks_changes_with_years(graph_file: Path) -> None:
    server = make_server(graph_file, "127.0.0.1", 0, quiet=True, workers=1)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        fields = urllib.parse.urlencode([("force", "Northshire Police"), ("from", "2016"), ("to", "2018/19")])
        reply = request(f"{base_url(server)}/ask/changes?{fields}", headers={"Accept": "application/json"})
        bad = request(f"{base_url(server)}/ask/changes?force=Northshire+Police&from=2016&to=soon",
                      headers={"Accept": "application/json"})
    finally:
        server.shutdown()
        server.server_close()
    assert reply.status == 200
    bindings = json.loads(reply.body)["results"]["bindings"]
    assert [row["change"]["value"] for row in bindings] == ["ended collaboration", "grade change", "new partner",
                                                           "new post"]
    assert bad.status == 400 and "is not a year" in json.loads(bad.body)["error"]


# --- the samples -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_store(seeds_graph: Graph, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("time-seeds") / "seeds.ttl"
    seeds_graph.serialize(path, format="turtle")
    return open_store(path)


def test_seeds_kent_changes_between_2016_and_2018_19(seeds_store) -> None:
    rows = ask(seeds_store, "changes", {"force": "Kent Police", "from": "2016", "to": "2018/19"}).records()
    grades = {(row["item"], row["before"], row["after"]) for row in rows if row["change"] == "grade change"}
    assert grades == {("Efficiency", "Good", "Outstanding"), ("Planning for the future", "Good", "Outstanding"),
                      ("Meeting current demands and using resources", "Good", "Outstanding")}
    partners = {row["item"] for row in rows if row["change"] == "new partner"}
    assert "Immigration Enforcement" in partners and "Essex Police" not in partners
    assert all(row["document"] == "Kent Police PEEL 2018/19" for row in rows)


def test_seeds_peel_reports_state_their_inspection_years(seeds_graph: Graph) -> None:
    years = sorted(str(year) for year in seeds_graph.objects(None, PKO.inspectionYear))
    assert years == ["2016", "2016", "2017", "2018/19"]
