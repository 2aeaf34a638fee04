"""Policing bodies: the reference lists (forces, commissioners' offices, multi-force units) and
how documents name them: forces by their area, offices without their place, the document's
own force. Every text is invented; each case checks exactly the entities or links it reads."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policekg.extract.gazetteer import by_key, force_by_area, known_organisations, office_of
from policekg.extract.model import Kind
from policekg.extract.slug import slugify

from constructions import ENTITIES
from extraction import entities_of, extraction_of, links_of

PATTERNS = Path(__file__).resolve().parents[1] / "extract" / "patterns"
C = "collaboratesWith"


def _rows(name: str) -> list[dict[str, str]]:
    lines = (PATTERNS / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def about_of(text: str, nlp) -> str | None:
    return extraction_of(text, nlp).documents[0].about_force


# --- the reference lists


@pytest.mark.parametrize("name", ["forces.csv", "force_areas.csv", "offices.csv", "office_names.csv", "units.csv",
                                  "national_bodies.csv"])
def test_reference_files_parse_with_every_column_filled_in(name: str) -> None:
    rows = _rows(name)
    assert rows
    optional = {"aliases", "area", "host"}
    for row in rows:
        assert None not in row, f"{name}: a row with too many cells: {row}"
        assert all(value for column, value in row.items() if column not in optional), f"{name}: {row}"


def test_every_force_row_has_a_label_and_every_territorial_force_an_area_and_an_office() -> None:
    for row in _rows("forces.csv"):
        assert row["label"].strip() == row["label"] and row["label"]
        if row["kind"] == "territorial":
            assert row["area"]
            assert office_of(f"PoliceForce/{row['id']}") is not None, row["id"]


@pytest.mark.parametrize("name", ["offices.csv", "units.csv"])
def test_office_and_unit_ids_are_slugs_of_labels_sorted(name: str) -> None:
    ids = [row["id"] for row in _rows(name)]
    assert ids == sorted(ids)
    assert all(row["id"] == slugify(row["label"]) for row in _rows(name))


def test_offices_and_units_point_at_known_forces() -> None:
    forces = {row["id"] for row in _rows("forces.csv")}
    assert {row["force"] for row in _rows("offices.csv")} <= forces
    assert {row["force"] for row in _rows("force_areas.csv")} <= forces
    assert {row["host"] for row in _rows("units.csv") if row["host"]} <= forces
    assert {row["kind"] for row in _rows("offices.csv")} <= {row["kind"] for row in _rows("office_names.csv")} | {
        "mayor", "police-authority"}


def test_no_name_denotes_two_bodies() -> None:
    owner: dict[str, str] = {}
    for org in known_organisations():
        for name in {n.casefold() for n in org.names}:
            assert owner.setdefault(name, org.key) == org.key, f"{name!r}: {owner[name]} and {org.key}"
    assert len(owner) > 800


def test_offices_are_written_in_every_form_over_every_area_name() -> None:
    office = by_key()["PartnerOrganisation/office-of-the-avon-and-somerset-police-and-crime-commissioner"]
    assert {"Office of the Police and Crime Commissioner for Avon and Somerset", "Avon & Somerset OPCC"} <= set(
        office.aliases)
    assert {"Avon and Somerset Police and Crime Commissioner", "Police and Crime Commissioner for Avon & Somerset"} <= set(
        office.spellings)
    assert force_by_area()["avon & somerset"].label == "Avon and Somerset Police"


# --- entities named by the constructions


@pytest.mark.parametrize(("name", "text", "expected"), [
    pytest.param(*case, id=case[0]) for case in ENTITIES
    if case[0] in {"force by area in a list", "the OPCC alone", "police fire and crime commissioner",
                   "regional unit by acronym"}])
def test_construction_entities(nlp, name: str, text: str, expected: set) -> None:
    assert entities_of(text, nlp) == expected


FORCE, PARTNER = Kind.FORCE.value, Kind.PARTNER.value


@pytest.mark.parametrize(("text", "expected"), [
    ("Tarian and TITAN shared the intelligence.",
     {(PARTNER, "Tarian Regional Organised Crime Unit"), (PARTNER, "North West Regional Organised Crime Unit")}),
    ("The inquiry was led by EMSOU.", {(PARTNER, "East Midlands Special Operations Unit")}),
    ("Counter Terrorism Policing North East arrested two men.", {(PARTNER, "Counter Terrorism Policing North East")}),
    ("The forces of Notts and Lincs share a dog unit.", {(FORCE, "Nottinghamshire Police"), (FORCE, "Lincolnshire Police")}),
    ("Officers from Herts took part.", {(FORCE, "Hertfordshire Constabulary")}),
], ids=["rocu names", "rocu acronym", "counter terrorism region", "forces of short areas", "officers from an area"])
def test_bodies_by_their_names(nlp, text: str, expected: set) -> None:
    assert entities_of(text, nlp) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Office of the Police and Crime Commissioner for Glos published the plan.",
     "Office of the Gloucestershire Police and Crime Commissioner"),
    ("The Staffordshire PFCC approved the budget.", "Office of the Staffordshire Police, Fire and Crime Commissioner"),
    ("The Office of the Police, Fire and Crime Commissioner for Cumbria replied.",
     "Office of the Cumbria Police, Fire and Crime Commissioner"),
    ("Annual report\n\nMOPAC funds the project.", "Mayor's Office for Policing and Crime"),
], ids=["office for an area short form", "pfcc acronym", "pfcc office", "mayor's office"])
def test_offices_by_their_names(nlp, text: str, expected: str) -> None:
    """Only the offices: a commissioner's place may also make the document about its force."""
    assert {e for e in entities_of(text, nlp) if e[0] == PARTNER} == {(PARTNER, expected)}


@pytest.mark.parametrize("text", [
    "Crime in Essex fell by a tenth.",
    "The family moved from Dorset to Wiltshire in 2019.",
    "Most burglaries in Kent and Essex happen at night.",
    "The scheme is run in partnership with Kent and Medway councils.",
    "Anyone can phone the Essex helpline.",
], ids=["place", "places", "places in a list", "list running on to another place", "area as adjective"])
def test_an_area_as_a_place_is_no_force(nlp, text: str) -> None:
    assert not {e for e in entities_of(text, nlp) if e[0] == FORCE}


def test_a_council_after_a_collaboration_cue_is_no_force(nlp) -> None:
    assert entities_of("The scheme is a collaboration with Essex County Council.", nlp) == {
        (PARTNER, "Essex County Council")}


# --- links through areas and the document's own body


@pytest.mark.parametrize(("text", "expected"), [
    ("Kent Police: annual report\n\nThe force has a collaboration with Surrey and Sussex.",
     {("Kent Police", C, "Surrey Police"), ("Kent Police", C, "Sussex Police")}),
    ("The forces of Cumbria and Lancashire work together on roads policing.",
     {("Cumbria Constabulary", C, "Lancashire Constabulary")}),
], ids=["collaboration with a list of areas", "forces of two areas"])
def test_links_through_areas(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


def test_the_pfcc_is_the_own_forces_office(nlp) -> None:
    text = "Essex Police\n\nQuarterly performance report\n\nThe PFCC funds the scheme."
    assert entities_of(text, nlp) == {(FORCE, "Essex Police"),
                                      (PARTNER, "Office of the Essex Police, Fire and Crime Commissioner")}


def test_the_commissioner_of_a_force_overseen_by_a_mayor_is_no_office(nlp) -> None:
    text = "Metropolitan Police Service\n\nAnnual report\n\nThe Commissioner opened the new station."
    assert entities_of(text, nlp) == {(FORCE, "Metropolitan Police Service")}


def test_own_force_from_the_header_not_from_how_often_others_are_named(nlp) -> None:
    text = ("Dorset Police\n\nMutual aid\n\nDevon and Cornwall Police asked for help. Devon and Cornwall Police "
            "thanked everyone. Devon and Cornwall Police sent a letter.")
    assert about_of(text, nlp) == "PoliceForce/dorset-police"


def test_own_force_from_the_publisher_line(nlp) -> None:
    text = "Annual report on stop and search\n\nThe year in figures.\n\nMore detail.\n\nAnd more.\n\n" \
           "Published by Gwent Police, 2021"
    assert about_of(text, nlp) == "PoliceForce/gwent-police"


def test_own_force_from_the_commissioner_named_in_the_header(nlp) -> None:
    text = "Office of the Police and Crime Commissioner for Norfolk\n\nDecision 2021/07\n\nThe grant is approved."
    assert about_of(text, nlp) == "PoliceForce/norfolk-constabulary"


def test_the_pcc_of_a_document_from_a_commissioners_website(nlp) -> None:
    text = "Source: https://www.northwales-pcc.gov.uk/news/\n\nGrants\n\nThe PCC gave £5,000 to the Home Office."
    assert {e for e in entities_of(text, nlp) if e[0] == PARTNER} == {
        (PARTNER, "Office of the North Wales Police and Crime Commissioner"), (PARTNER, "Home Office")}


def test_a_website_that_is_no_commissioners_names_no_office(nlp) -> None:
    text = "Source: https://www.northwales-news.co.uk/\n\nGrants\n\nThe PCC gave £5,000 to the Home Office."
    assert {e for e in entities_of(text, nlp) if e[0] == PARTNER} == {(PARTNER, "Home Office")}


@pytest.mark.parametrize("unit", ["Kent, Essex and ", "collaboration with Kent, ", "Avon and Somerset and Avon and ",
                                  "forces of Kent, (and ", "forces of Kent, (x) "])
def test_long_lists_of_areas_are_read(unit: str) -> None:
    from policekg.extract.areas import forces_by_area
    from policekg.extract.deadline import time_limit

    with time_limit(60):  # far beyond the linear time; growth is measured by bench/linear_time.py
        found = forces_by_area(unit * 16000 + "x")
    assert {mention.name for mention in found} <= {"Kent Police"}


def test_the_constabulary_is_the_own_force(nlp) -> None:
    text = "Norfolk Constabulary\n\nAnnual report\n\nThe Constabulary works closely with Norfolk County Council."
    assert links_of(text, nlp) == {("Norfolk Constabulary", C, "Norfolk County Council")}


def test_a_remark_in_brackets_inside_a_list_of_areas(nlp) -> None:
    text = "The unit has officers from forces of Surrey, Sussex and (since 2020, unlike Kent) Hampshire."
    assert entities_of(text, nlp) == {(FORCE, "Surrey Police"), (FORCE, "Sussex Police"),
                                      (FORCE, "Hampshire and Isle of Wight Constabulary")}


def test_the_opcc_acronym_alone_is_the_own_office(nlp) -> None:
    text = "Cheshire Constabulary\n\nPresent: Mr Ian Fenwright, Chief Finance Officer, OPCC."
    assert links_of(text, nlp) == {("Ian Fenwright", "memberOf", "Office of the Cheshire Police and Crime Commissioner")}
