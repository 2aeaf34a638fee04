"""PEEL judgements as comparable data: one construction per case, on invented report text.

Each case gives the exact judgements read: (canonical area, cycle, grade, carried over). The
graph cases check what a judgement node says, and the seed case that Kent's reports give one
row per canonical area and year.
"""
from __future__ import annotations


import pytest
from rdflib import Literal

import policekg

from policekg.extract.deadline import time_limit
from policekg.extract.judgements import judgements
from policekg.extract.model import DocumentInfo, Entity, Evidence, Extraction, Judgement, Kind
from policekg.extract.peel_frameworks import area_of, areas, cycle_of, grade_of, previous_cycle
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.iri import Minter
from policekg.graph.rdf.namespaces import PKO, PROV, RDF, SKOS
from policekg.graph.rdf.validate import validate_graph

SHA = "0" * 64
FORCE = "PoliceForce/northshire-police"
OTHER = "PoliceForce/southmoor-police"


def read(text: str, year: str) -> set[tuple[str | None, str, str, bool]]:
    return {(j.area_key, j.year, j.grade, j.carried_over) for j in judgements(text, year)}


# --- the frameworks --------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "cycle"), [
    ("2016", "2016"), ("2017/18", "2017"), ("2018/19", "2018/19"), ("2019", "2018/19"), ("2022", "2021/22"),
    ("2023–25", "2023/25"), ("2020", None), ("", None),
])
def test_years_as_written_name_their_cycle(written: str, cycle: str | None) -> None:
    assert cycle_of(written) == cycle


def test_last_year_is_the_cycle_before() -> None:
    assert previous_cycle("2016") == "2015"
    assert previous_cycle("2018/19") == "2017"
    assert previous_cycle("2014") is None


def test_adequate_is_a_grade_only_from_2021() -> None:
    assert grade_of("Adequate", "2021/22") == "Adequate"
    assert grade_of("adequate", "2016") is None
    assert grade_of("Requires improvement", "2016") == "RequiresImprovement"


@pytest.mark.parametrize(("wording", "cycle", "key"), [
    ("Fair treatment of the public", "2018/19", "treating-the-public-fairly"),
    ("Treating the public fairly", "2018/19", "treating-the-public-fairly"),
    ("To what extent does the force treat all of the people it serves with fairness and respect?", "2016",
     "treating-the-public-fairly"),
    ("Police powers and public treatment", "2023/25", "treating-the-public-fairly"),
    ("How well does the force understand the current and likely future demand?", "2016", "understanding-demand"),
    ("How well does the force understand demand?", "2017", "understanding-demand"),
    ("How well does the force use its resources?", "2017", "using-resources"),
    ("Meeting current demands and using resources", "2018/19", "using-resources"),
    ("How effectively does the force reduce crime and keep people safe?", "2018/19", "effectiveness"),
])
def test_wordings_of_different_years_map_to_one_canonical_area(wording: str, cycle: str, key: str) -> None:
    area = area_of(wording, cycle)
    assert area is not None and area.key == key


def test_every_canonical_area_has_a_pillar() -> None:
    assert {area.pillar for area in areas().values()} == {"effectiveness", "efficiency", "legitimacy", "leadership"}


# --- constructions ---------------------------------------------------------------------------


def test_graded_line_under_an_area() -> None:
    text = "Investigating crime\n\nRequires improvement\n\nThe force needs to supervise investigations better.\n"
    assert read(text, "2018/19") == {("investigating-crime", "2018/19", "RequiresImprovement", False)}


def test_area_grade_and_year_on_one_line() -> None:
    assert read("Protecting vulnerable people Good 2018/19\n", "2018/19") == {
        ("protecting-vulnerable-people", "2018/19", "Good", False)}


def test_table_row_of_area_grade_and_year() -> None:
    text = "Area\tGrade\tLast inspected\nInvestigating crime\tGood\t2018/19\nPlanning for the future\tInadequate\n"
    assert read(text, "2018/19") == {("investigating-crime", "2018/19", "Good", False),
                                     ("planning-for-the-future", "2018/19", "Inadequate", False)}


def test_pillar_heading_above_its_question_names_the_pillar() -> None:
    text = "Legitimacy\n\nHow legitimate is the force at keeping people safe and reducing crime?\n\nGood\n"
    found = judgements(text, "2016")
    assert [(j.area, j.area_key, j.pillar) for j in found] == [("Legitimacy", "legitimacy", "legitimacy")]


def test_grade_last_inspected_earlier_is_that_years_and_the_reports_carried_over() -> None:
    text = "Tackling serious and organised crime\n\nGood\n\n2017\n"
    assert read(text, "2018/19") == {("serious-organised-crime", "2017", "Good", False),
                                     ("serious-organised-crime", "2018/19", "Good", True)}


def test_carried_over_marker_after_a_graded_line() -> None:
    text = ("Treating the workforce fairly\n\nOutstanding\n\nWe did not inspect this question in detail this year, "
            "so our judgment from the 2017/18 legitimacy inspection has been carried over. Other text.\n")
    assert read(text, "2018/19") == {("treating-the-workforce-fairly", "2017", "Outstanding", False),
                                     ("treating-the-workforce-fairly", "2018/19", "Outstanding", True)}
    evidence = {j.year: text[j.start:j.end] for j in judgements(text, "2018/19")}
    assert evidence["2018/19"].endswith("has been carried over.")


def test_carried_forward_money_after_a_grade_is_not_a_carried_over_grade() -> None:
    text = "Planning for the future\n\nGood\n\nThe force has reserves of £5m carried forward into next year.\n"
    assert read(text, "2018/19") == {("planning-for-the-future", "2018/19", "Good", False)}


def test_earlier_year_prose_grade() -> None:
    text = "In 2017, we judged the force as good at investigating crime and at protecting vulnerable people.\n"
    assert read(text, "2018/19") == {("investigating-crime", "2017", "Good", False),
                                     ("protecting-vulnerable-people", "2017", "Good", False)}
    found = judgements(text, "2018/19")
    assert {text[j.start:j.end] for j in found} == {text.strip()}


def test_last_years_prose_grade_names_the_pillar_of_the_inspection() -> None:
    text = "The force is efficient. In last year's efficiency inspection, the force was judged to be inadequate.\n"
    assert read(text, "2016") == {("efficiency", "2015", "Inadequate", False)}


def test_prose_grade_to_require_improvement() -> None:
    text = "In our 2016 inspection the force was judged to require improvement in understanding demand.\n"
    assert read(text, "2017") == {("understanding-demand", "2016", "RequiresImprovement", False)}


def test_overall_grade_the_same_as_last_year() -> None:
    text = ("Legitimacy\n\nHow legitimate is the force at keeping people safe and reducing crime?\n\n"
            "Requires improvement\n\nThe force requires improvement. Our overall judgment this year is the same as "
            "last year.\n")
    assert read(text, "2017") == {("legitimacy", "2017", "RequiresImprovement", False),
                                  ("legitimacy", "2016", "RequiresImprovement", False)}


@pytest.mark.parametrize("text", [
    "The force is good at investigating crime.\n",
    "In 2018 we judged the force as good at investigating crime.\n",
    "In 2017, we judged the force as good at its parking arrangements.\n",
    "In 2017 the force opened a good new custody suite for investigating crime.\n",
])
def test_prose_of_the_reports_own_year_or_no_area_is_not_read(text: str) -> None:
    assert read(text, "2018/19") == set()


def test_two_wordings_of_one_area_in_one_report_are_one_judgement() -> None:
    text = ("Fair treatment of the public\nOutstanding\n\n2018/19\n\nLater in the report\n\n"
            "Treating the public fairly\n\nOutstanding\n\nThe force treats people fairly.\n")
    found = judgements(text, "2018/19")
    assert [(j.area, j.area_key, j.year, j.grade) for j in found] == [
        ("Fair treatment of the public", "treating-the-public-fairly", "2018/19", "Outstanding")]


def test_adequate_grade_from_2021() -> None:
    text = "Responding to the public\n\nAdequate\n\nManaging offenders and suspects\n\nGood\n"
    assert read(text, "2021/22") == {("responding-to-the-public", "2021/22", "Adequate", False),
                                     ("managing-offenders", "2021/22", "Good", False)}


def test_adequate_before_2021_is_not_a_grade() -> None:
    assert read("Investigating crime\n\nAdequate\n", "2016") == set()


def test_wording_the_frameworks_do_not_list_keeps_its_words() -> None:
    found = judgements("Custody arrangements\n\nGood\n", "2016")
    assert [(j.area, j.area_key, j.pillar, j.year) for j in found] == [("Custody arrangements", None, None, "2016")]


def test_reading_a_long_run_of_judgements_finishes() -> None:
    unit = ("Investigating crime\n\nGood\n\n2017\n\nIn 2017, we judged the force as good at investigating crime. "
            "It was judged to be good last year and the judgment has been carried over.\n")
    with time_limit(60):  # far beyond the tenth of a second this takes; growth is measured by bench/linear_time.py
        found = judgements(unit * 1600, "2018/19")
    assert {(j.area, j.grade, j.year) for j in found} == {("Investigating crime", "Good", "2017"),
                                                          ("Investigating crime", "Good", "2018/19")}


# --- the graph -------------------------------------------------------------------------------


def evidence(quote: str, document: str, start: int = 10) -> Evidence:
    return Evidence(document, quote, start, start + len(quote), 0.9, page=2)


def extraction(judgement_list: list[Judgement]) -> Extraction:
    docs = [DocumentInfo("peel-a", "a.pdf", "Northshire PEEL 2018/19", SHA),
            DocumentInfo("peel-b", "b.pdf", "Northshire PEEL 2017", SHA)]
    entities = {key: Entity(key, Kind.FORCE, label, set(), {"peel-a"})
                for key, label in ((FORCE, "Northshire Police"), (OTHER, "Southmoor Police"))}
    return Extraction(docs, entities, [], [], judgement_list)


def test_graph_judgement_names_canonical_area_pillar_and_carried_over() -> None:
    graph = build_rdf(extraction([
        Judgement(FORCE, "Fair treatment of the public", "Good", "2018/19", "peel-a",
                  evidence("Fair treatment of the public Good 2017", "peel-a"), "treating-the-public-fairly",
                  "legitimacy", True),
    ]))
    minter = Minter()
    node = minter.judgement(FORCE, "treating-the-public-fairly", "2018/19")
    area = minter.area("treating-the-public-fairly")
    assert graph.value(node, PKO.canonicalArea) == area
    assert graph.value(node, PKO.pillar) == PKO.Legitimacy
    assert graph.value(node, PKO.carriedOver) == Literal(True)
    assert graph.value(node, PKO.area) == Literal("Fair treatment of the public")
    assert (area, RDF.type, PKO.PeelArea) in graph
    assert graph.value(area, SKOS.prefLabel) == Literal("Treating the public fairly")
    assert graph.value(area, PKO.pillar) == PKO.Legitimacy
    statement = graph.value(predicate=RDF.subject, object=node)
    assert graph.value(statement, PKO.quote) == Literal("Fair treatment of the public Good 2017")
    assert graph.value(statement, PKO.page) is not None
    assert validate_graph(graph).conforms


def test_graph_one_judgement_per_force_area_and_year_across_documents() -> None:
    readings = [
        Judgement(FORCE, "Treating the public fairly", "Good", "2017", "peel-a", evidence("judged good", "peel-a"),
                  "treating-the-public-fairly", "legitimacy"),
        Judgement(FORCE, "To what extent does the force treat all of the people it serves with fairness and respect?",
                  "Good", "2017", "peel-b", evidence("Good", "peel-b"), "treating-the-public-fairly", "legitimacy"),
    ]
    for ordered in (readings, readings[::-1]):
        graph = build_rdf(extraction(ordered))
        nodes = set(graph.subjects(RDF.type, PKO.Judgement))
        assert len(nodes) == 1
        node = nodes.pop()
        assert set(graph.objects(node, PROV.wasDerivedFrom)) == {Minter().document("peel-a"),
                                                                   Minter().document("peel-b")}
        assert len(set(graph.subjects(RDF.subject, node))) == 2
        assert graph.value(node, PKO.carriedOver) == Literal(False)


def test_graph_adequate_grade_conforms() -> None:
    graph = build_rdf(extraction([
        Judgement(OTHER, "Responding to the public", "Adequate", "2021/22", "peel-a", None,
                  "responding-to-the-public", "effectiveness"),
    ]))
    node = Minter().judgement(OTHER, "responding-to-the-public", "2021/22")
    assert graph.value(node, PKO.grade) == PKO.Adequate
    assert validate_graph(graph).conforms


def test_grades_question_compares_years_and_forces() -> None:
    graph = build_rdf(extraction([
        Judgement(FORCE, "Investigating crime", "Good", "2018/19", "peel-a", evidence("Investigating crime Good", "peel-a"),
                  "investigating-crime", "effectiveness"),
        Judgement(FORCE, "How effective is the force at investigating crime and reducing re-offending?",
                  "RequiresImprovement", "2017", "peel-b", evidence("Requires improvement", "peel-b"),
                  "investigating-crime", "effectiveness"),
        Judgement(OTHER, "Investigating crime", "Inadequate", "2018/19", "peel-a", None, "investigating-crime",
                  "effectiveness"),
    ]))
    rows = policekg.ask(policekg.graph_store(graph), "grades", {"force": "northshire police"}).records()
    assert [(r["pillar"], r["area"], r["year"], r["grade"], r["otherForces"]) for r in rows] == [
        ("Effectiveness", "Investigating crime", "2017", "Requires improvement", ""),
        ("Effectiveness", "Investigating crime", "2018/19", "Good", "Southmoor Police: Inadequate"),
    ]
    assert [r["quote"] for r in rows] == ["Requires improvement", "Investigating crime Good"]


# --- the seeds -------------------------------------------------------------------------------


def test_kent_seed_gives_one_row_per_canonical_area_and_year(seeds_extraction: Extraction) -> None:
    kent = [j for j in seeds_extraction.judgements if j.force == "PoliceForce/kent-police"]
    keys = [(j.area_key, j.year) for j in kent]
    assert kent and all(key for key, _ in keys)
    assert len(keys) == len(set(keys))
    carried = {(j.area_key, j.year) for j in kent if j.carried_over}
    assert ("treating-the-public-fairly", "2018/19") in carried
    assert ("treating-the-public-fairly", "2017") in set(keys) - carried
    assert ("efficiency", "2015") in set(keys)
    assert all(j.evidence is not None and j.evidence.quote for j in kent)


def test_grades_question_on_the_seeds_one_row_per_area_and_year(seeds_graph) -> None:
    rows = policekg.ask(policekg.graph_store(seeds_graph), "grades", {"force": "Kent Police"}).records()
    keys = [(row["area"], row["year"]) for row in rows]
    assert rows and len(keys) == len(set(keys))
    assert all(row["quote"] and row["document"] and row["pillar"] for row in rows)
    efficiency = next(row for row in rows if (row["area"], row["year"]) == ("Efficiency", "2016"))
    assert set(efficiency["otherForces"].split("; ")) == {"Leicestershire Police: Good", "Northamptonshire Police: Good"}
