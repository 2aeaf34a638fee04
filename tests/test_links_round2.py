"""Second round of link constructions: forces placed in a multi-force unit, forces named by
area in a list, units and alliances named by a collaboration's initials, operations run with
partners, a unit's own report ("the unit", "we"), and an agreement's tables. Invented texts;
each gives exactly its links, and the negatives none."""
from __future__ import annotations

import pytest

from extraction import links_of, normal

C, P = "collaboratesWith", "participatesIn"
UNIT = "South East Regional Organised Crime Unit"
NE = "North East Regional Special Operations Unit"
KESTREL = "Operation Kestrel"


def _in(unit: str, *forces: str) -> set[tuple[str, str, str]]:
    return {(force, C, unit) for force in forces}


def _pairs(*forces: str) -> set[tuple[str, str, str]]:
    return {(a, C, b) for i, a in enumerate(forces) for b in forces[i + 1 :]}


LINKS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("a person holds a post, not a programme", "Jane Smith, Kent Police's head of communications, spoke.",
     {("Jane Smith", "memberOf", "Kent Police")}),
    ("unit is a collaboration of the forces of the region",
     "The South East Regional Organised Crime Unit is a collaboration of the three forces of the region – "
     "Essex Police, Kent Police and Surrey Police.", _in(UNIT, "Essex Police", "Kent Police", "Surrey Police")),
    ("one of the forces in a unit", "Kent Police is one of six forces in the South East Regional Organised Crime Unit.",
     _in(UNIT, "Kent Police")),
    ("unit brings together forces",
     "The South East Regional Organised Crime Unit brings together Essex Police, Kent Police and Surrey Police.",
     _in(UNIT, "Essex Police", "Kent Police", "Surrey Police") | _pairs("Essex Police", "Kent Police", "Surrey Police")),
    ("areas in a unit, together with",
     "Kent Police is one of four forces in the South East Regional Organised Crime Unit, together with Essex, "
     "Norfolk and Suffolk.",
     _in(UNIT, "Kent Police", "Essex Police", "Norfolk Constabulary", "Suffolk Constabulary")
     | {("Kent Police", C, force) for force in ("Essex Police", "Norfolk Constabulary", "Suffolk Constabulary")}),
    ("unit the forces share with areas",
     "The South East Regional Organised Crime Unit, which the three forces share with Essex, Kent and Norfolk, "
     "handles serious crime.", _in(UNIT, "Essex Police", "Kent Police", "Norfolk Constabulary")),
    ("areas after colleagues in",
     "Durham Constabulary works with colleagues in Cleveland and Northumbria to tackle county lines.",
     {("Cleveland Police", C, "Durham Constabulary"), ("Durham Constabulary", C, "Northumbria Police")}),
    ("areas collaborating under an alliance",
     "Essex, Kent and Norfolk have collaborated since 2015 under the EKN Strategic Alliance.",
     _pairs("Essex Police", "Kent Police", "Norfolk Constabulary")
     | {(f, P, "EKN Strategic Alliance") for f in ("Essex Police", "Kent Police", "Norfolk Constabulary")}),
    ("unit named with initials, hosted", "The EKN Major Crime Unit is hosted by Kent Police.",
     {("EKN Major Crime Unit", C, "Kent Police")}),
    ("joint unit, hosted", "The Joint Protective Services Unit is hosted by Essex Police.",
     {("Essex Police", C, "Joint Protective Services Unit")}),
    ("centre named with two areas", "Kent Police works with the Kent and Medway Cyber Resilience Centre.",
     {("Kent Police", C, "Kent and Medway Cyber Resilience Centre")}),
    ("bodies named over two areas",
     "The Hampshire and Isle of Wight Violence Reduction Unit works with NHS Hampshire and Isle of Wight Integrated "
     "Care Board.", {("Hampshire and Isle of Wight Violence Reduction Unit", C,
                      "NHS Hampshire and Isle of Wight Integrated Care Board")}),
    ("a force's work with a body", "Kent Police's work with Medway Council means that victims are offered support.",
     {("Kent Police", C, "Medway Council")}),
    ("arrangements agreed with", "Kent Police agreed the arrangements with Medway Council before it stopped "
     "attending calls.", {("Kent Police", C, "Medway Council")}),
    ("area as a unit's lead force", "Serious crime is handled by the South East Regional Organised Crime Unit, for "
     "which Essex is the lead force.", _in(UNIT, "Essex Police")),
    ("a listed description with its name beside it",
     "Operation Kestrel brings Kent Police together with Medway Council and the charity Youth Futures Trust.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", C, "Youth Futures Trust"), ("Kent Police", P, KESTREL),
      ("Medway Council", P, KESTREL), ("Youth Futures Trust", P, KESTREL)}),
    ("the Commissioner's office as subject",
     "Kent Police and Crime Commissioner decision\n\nThe Commissioner's office will host the unit and will work with "
     "Medway Council to tackle violence.", {("Medway Council", C, "Office of the Kent Police and Crime Commissioner")}),
    ("area as one of the forces in a unit",
     "Essex is one of six forces in the South East Regional Organised Crime Unit.", _in(UNIT, "Essex Police")),
    ("operation set up by a force", "Operation Kestrel, set up by Kent Police in 2017, draws rural crime into one "
     "team.", {("Kent Police", P, KESTREL)}),
    ("shares a joint room with", "Kent Police shares its joint control room with Kent Fire and Rescue Service.",
     {("Kent Fire and Rescue Service", C, "Kent Police")}),
    ("operation run jointly with, another providing",
     "Operation Kestrel was run jointly with Border Force and HM Revenue and Customs, with Kent Police providing "
     "arrest teams.",
     {("Border Force", P, KESTREL), ("HM Revenue and Customs", P, KESTREL), ("Kent Police", P, KESTREL)}),
    ("scheme run with partners, in apposition",
     "£9,000 to Medway Council towards Project Lantern, a late-night safety scheme run with local traders and "
     "Kent Police over the winter.", {("Kent Police", P, "Project Lantern")}),
    ("operation which a force runs jointly with another",
     "The Chief Constable reported on Operation Kestrel, the force's work against county lines, which Kent Police "
     "runs jointly with British Transport Police on the railways.",
     {("British Transport Police", C, "Kent Police"), ("British Transport Police", P, KESTREL),
      ("Kent Police", P, KESTREL)}),
    ("operation, a force's response", "Operation Kestrel, Kent Police's response to knife crime, has cut stabbings.",
     {("Kent Police", P, KESTREL)}),
    ("list read on past a broken parse",
     "Kent Police shares intelligence with local authorities, the Department for Work and Pensions and the "
     "Gangmasters and Labour Abuse Authority to disrupt gangs.",
     {("Department for Work and Pensions", C, "Kent Police"), ("Gangmasters and Labour Abuse Authority", C, "Kent Police")}),
    ("a unit's own report: it, the unit, we, our",
     "NORTH EAST REGIONAL SPECIAL OPERATIONS UNIT\nANNUAL REPORT\n\n"
     "It is a collaboration of the three forces of the region – Durham Constabulary, Cleveland Police and "
     "Northumbria Police.\n"
     "Operation Kestrel, led by the unit with Cleveland Police, dismantled a gang.\n"
     "We work closely with the National Crime Agency.\n"
     "Our officers work alongside colleagues from Border Force.",
     _in(NE, "Durham Constabulary", "Cleveland Police", "Northumbria Police", "National Crime Agency", "Border Force")
     | {(NE, P, KESTREL), ("Cleveland Police", P, KESTREL)}),
    ("operation under its heading, run jointly with",
     "Annual report\n\nOperation Kestrel\nA regional investigation, run jointly with Durham Constabulary, into a "
     "drugs gang.", {("Durham Constabulary", P, KESTREL)}),
    ("a unit's report: an operation it runs with partners",
     "NORTH EAST REGIONAL SPECIAL OPERATIONS UNIT\n\nOperation Kestrel\nOur first labour exploitation case, run "
     "with Northumbria Police and Border Force.\n"
     "Operation Merlin targeted importation. The operation was run jointly with HM Revenue and Customs.",
     {("Northumbria Police", P, KESTREL), ("Border Force", P, KESTREL), (NE, P, KESTREL),
      (NE, C, "Northumbria Police"), (NE, C, "Border Force"), ("HM Revenue and Customs", P, "Operation Merlin"),
      (NE, P, "Operation Merlin"), (NE, C, "HM Revenue and Customs")}),
    ("the unit in a summary naming one unit near its start",
     "Summary of an agreement\nPublished by the Office of the Police and Crime Commissioner for Derbyshire\n\n"
     "The agreement brings the fraud work of the three forces into one team inside the "
     "East Midlands Special Operations Unit.\n\nThe unit works alongside the National Crime Agency.",
     {("East Midlands Special Operations Unit", C, "National Crime Agency")}),
    ("agreement's parties in a row",
     "Summary of a collaboration agreement\n\nParties\tChief Constable of Essex Police; Chief Constable of Kent "
     "Police; Chief Constable of Norfolk Constabulary\nReview\t2028",
     _pairs("Essex Police", "Kent Police", "Norfolk Constabulary")),
    ("agreement's parties share the unit it is about",
     "Summary of a collaboration agreement\nPublished by the Office of the Police and Crime Commissioner for "
     "Derbyshire\n\nEast Midlands Special Operations Unit – economic crime\n\nParties\tChief Constable of Derbyshire "
     "Constabulary; Chief Constable of Lincolnshire Police\nReview\t2028",
     _pairs("Derbyshire Constabulary", "Lincolnshire Police")
     | _in("East Midlands Special Operations Unit", "Derbyshire Constabulary", "Lincolnshire Police")),
    ("agreement's parties in a column",
     "Summary of a collaboration agreement\n\nParty\tSigned by\nChief Constable of Essex Police\tA Smith\n"
     "Chief Constable of Kent Police\tB Jones\n\nThe agreement runs to 2028.",
     _pairs("Essex Police", "Kent Police")),
    ("units and their host forces in a table",
     "Summary of a collaboration agreement\n\nUnit\tLead (host) force\tFunctions\n"
     "EKN Major Crime Unit\tKent\tHomicide\nJoint Protective Services Unit\tEssex Police\tFirearms\n\nEnd.",
     {("EKN Major Crime Unit", C, "Kent Police"), ("Essex Police", C, "Joint Protective Services Unit")}),
]

NOT_LINKS: list[tuple[str, str]] = [
    ("one of the largest forces", "Kent Police is one of the largest forces in England."),
    ("training brought together officers", "The training brought together officers from across the region."),
    ("scheme run with little money", "Operation Kestrel, a programme the council criticised, was run with little money."),
    ("a report shared with a council", "The report, which the force shared with Medway Council, was published."),
    ("worked under direction", "Kent Police has worked under the direction of the Home Office."),
    ("the unit outside a unit's report", "The unit works closely with the National Crime Agency."),
    ("we outside a unit's report", "Kent Police annual report\n\nWe work closely with the National Crime Agency."),
    ("a heading followed by another subject", "Annual report\n\nOperation Kestrel\nThe council's report, praised "
     "by many, was published."),
    ("we in a summary naming one unit is its writer",
     "Summary of an agreement\nPublished by the Office of the Police and Crime Commissioner for Derbyshire\n\n"
     "The agreement sets up a team inside the East Midlands Special Operations Unit.\n\n"
     "We work alongside the National Crime Agency."),
    ("the unit in a summary naming two units",
     "Summary of an agreement\n\nThe agreement covers the East Midlands Special Operations Unit and the South East "
     "Regional Organised Crime Unit.\n\nThe unit works alongside the National Crime Agency."),
    ("set up by a time", "Operation Kestrel's team was set up by the end of the year."),
    ("an area as one of the safest counties", "Essex is one of the safest counties in England."),
    ("an area as a lead county", "Essex is the lead county for tourism."),
    ("a force's work with people", "Kent Police's work with young people is good."),
    ("a table without party or host columns",
     "Grants\n\nUnit\tManager\tFunctions\nEKN Major Crime Unit\tKent\tHomicide\n\nEnd."),
]


@pytest.mark.parametrize(("name", "text", "expected"), LINKS, ids=[case[0] for case in LINKS])
def test_round_two_constructions_give_exactly_their_links(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text"), NOT_LINKS, ids=[case[0] for case in NOT_LINKS])
def test_round_two_sentences_that_state_no_link(nlp, name: str, text: str) -> None:
    assert links_of(text, nlp) == set()
