"""Forces named by their area in statements of collaboration, and the links they take part in.

An area joined to a policing body written just before it ("the unit (ABC) with Kent and
Essex", "hosted by Kent Police on behalf of Essex"), after a cue with a gap ("joint rural
patrols with Essex") or "in place with"; the forces of a list taking part in a unit with the
subject ("takes part in the Unit with A and B"), or working "in collaboration with A and B
through the Unit", its list of forces however the parse hangs it together; a unit's work
"co-ordinated with" a force. Invented sentences; the areas
are real, as the gazetteer must know them.
"""
from __future__ import annotations

import pytest

from policekg.extract.areas import forces_by_area
from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read, merge
from policekg.extract.mentions import Mention
from policekg.extract.model import Kind, ReadDocument

from extraction import entities_of, links_of, normal

C, P = "collaboratesWith", "participatesIn"
FORCE = Kind.FORCE.value
UNIT = "South East Regional Organised Crime Unit"
KESTREL = "Operation Kestrel"
KENT_REPORT = "Kent Police: annual report\n\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kent Police: annual report\n\nThe force will explore joint rural patrols with Essex and Surrey.",
     {"Kent Police", "Essex Police", "Surrey Police"}),
    ("Work is also in place with Essex and Suffolk for the delivery of shared services.",
     {"Essex Police", "Suffolk Constabulary"}),
    (f"The force takes part in the {UNIT} (SEROCU) with Surrey, Sussex and Hampshire, and that its work goes well.",
     {"Surrey Police", "Sussex Police", "Hampshire and Isle of Wight Constabulary"}),
    ("The dog unit, hosted by Kent Police on behalf of Essex and Norfolk, opened in May.",
     {"Kent Police", "Essex Police", "Norfolk Constabulary"}),
    ("Officers from Kent Police, alongside Essex, searched the woods.", {"Kent Police", "Essex Police"}),
], ids=["joint noun with, a gap", "in place with", "unit with, its abbreviation between", "force on behalf of",
        "force alongside"])
def test_areas_in_a_collaboration_are_forces(nlp, text: str, expected: set) -> None:
    assert {name for kind, name in entities_of(text, nlp) if kind == FORCE} == expected


@pytest.mark.parametrize("text", [
    "Joint rural patrols with Essex County Council began in May.",
    "The scheme is in place with Kent and Medway councils.",
    "The charity works in Essex with Kent families.",
    "Northshire families met the Kent Police with Essex connections.",
    "A joint meeting was held in Essex with residents.",
    f"The {UNIT} with Essex, Kent and Medway Council officers met.",
], ids=["gap cue before a council", "in place with a list running on", "place then with", "with not joined to a body",
        "joint without with before the area", "body with a list running on to a council"])
def test_areas_outside_a_collaboration_stay_places(nlp, text: str) -> None:
    assert not {e for e in entities_of(text, nlp) if e[0] == FORCE} - {(FORCE, "Kent Police")}


def test_a_list_is_read_whole_or_not_at_all() -> None:
    """A list cut short would pass the test after it: "with Kent, Essex and Suffolk County
    Council" names no force, not Kent alone."""
    assert forces_by_area("The scheme is a collaboration with Kent, Essex and Suffolk County Council.") == []


def test_only_a_policing_body_joins_areas_to_it() -> None:
    text = "Brightwater Trust, with Essex and Kent, ran the event."
    charity = Mention(Kind.PARTNER, 0, 17, "Brightwater Trust", "Brightwater Trust", "brightwater-trust")
    assert forces_by_area(text, [charity]) == []
    force = Mention(Kind.FORCE, 0, 17, "Brightwater Trust", "Norfolk Constabulary", "norfolk-constabulary")
    assert [m.name for m in forces_by_area(text, [force])] == ["Essex Police", "Kent Police"]


LINKS = [
    ("unit with areas", KENT_REPORT + f"The force continues to take part in the {UNIT} with Essex and Surrey.",
     {("Kent Police", C, UNIT), ("Essex Police", C, UNIT), ("Surrey Police", C, UNIT),
      ("Kent Police", C, "Essex Police"), ("Kent Police", C, "Surrey Police")}),
    ("operation with a force", f"Norfolk Constabulary will take part in {KESTREL} with Suffolk Constabulary.",
     {("Norfolk Constabulary", P, KESTREL), ("Suffolk Constabulary", P, KESTREL),
      ("Norfolk Constabulary", C, "Suffolk Constabulary")}),
    ("in collaboration with areas through a unit", f"Kent Police works in collaboration with Essex and Norfolk "
     f"through the {UNIT}.",
     {("Kent Police", C, UNIT), ("Essex Police", C, UNIT), ("Norfolk Constabulary", C, UNIT),
      ("Kent Police", C, "Essex Police"), ("Kent Police", C, "Norfolk Constabulary")}),
    ("passive, in collaboration with areas through a unit", f"Organised crime is tackled in collaboration with "
     f"Surrey and Sussex through the {UNIT}.", {("Surrey Police", C, UNIT), ("Sussex Police", C, UNIT)}),
    ("a unit's work co-ordinated with a force", f"The {UNIT}'s cyber work is co-ordinated with Essex Police.",
     {(UNIT, C, "Essex Police")}),
    ("member forces listed, parsed as an apposition", "Staffordshire Police: annual report\n\nIt works with "
     f"Essex Police, Kent Police and Surrey Police through the {UNIT} (SEROCU), which provides specialist "
     "capabilities such as undercover policing.",
     {("Staffordshire Police", C, UNIT), ("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Surrey Police", C, UNIT),
      ("Staffordshire Police", C, "Essex Police"), ("Staffordshire Police", C, "Kent Police"),
      ("Staffordshire Police", C, "Surrey Police")}),
    ("joint patrols with areas", KENT_REPORT + "The force will explore joint rural patrols with Essex and Surrey.",
     {("Kent Police", C, "Essex Police"), ("Kent Police", C, "Surrey Police")}),
]


@pytest.mark.parametrize(("name", "text", "expected"), LINKS, ids=[case[0] for case in LINKS])
def test_links_of_forces_named_by_area(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize("text", [
    f"Kent Police does not take part in the {UNIT} with Essex and Surrey.",
    "The timing of the patrols was co-ordinated with the tide.",
    f"Kent Police took part in {KESTREL} with a week of school visits.",
], ids=["negated", "co-ordinated with no body", "with no body"])
def test_no_links_of_forces_named_by_area(nlp, text: str) -> None:
    assert not {link for link in links_of(text, nlp) if link[1] == C}


def test_a_planned_joint_patrol_with_areas_is_planned(nlp) -> None:
    extraction = merge([analyse_read(ReadDocument("case.txt", clean_text(
        KENT_REPORT + "The force will explore joint rural patrols with Essex and Surrey.")), nlp)])
    label = {key: entity.label for key, entity in extraction.entities.items()}
    assert {(label[link.object], link.evidence.status) for link in extraction.links} == {
        ("Essex Police", "planned"), ("Surrey Police", "planned")}
