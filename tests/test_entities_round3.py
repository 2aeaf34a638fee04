"""Organisations named without a type word, kept by their context (``context_names.py``), and
names run across hyphens, commas and ampersands (``name_edges.py``). Every text is invented;
each case checks exactly the entities it reads."""
from __future__ import annotations

import pytest

from extraction import entities_of

P, F, R = "PartnerOrganisation", "PoliceForce", "Programme"


CASES = [
    ("run by", "The helpline is run by Brightpath for victims across the county.",
     {(P, "Brightpath")}),
    ("delivered by", "The project, delivered by Survive, helps families.", {(P, "Survive")}),
    ("the charity", "The service was commissioned from the charity Northwind.", {(P, "Northwind")}),
    ("a local charity", "The commissioner funded Harbourlight, a local charity supporting survivors.",
     {(P, "Harbourlight")}),
    ("partners including", "The board works with partners including Age UK, Stop Scams UK and Kent Police.",
     {(P, "Age UK"), (P, "Stop Scams UK"), (F, "Kent Police")}),
    ("listed with a known body", "Kent Police, G4S and Age UK signed the agreement.",
     {(F, "Kent Police"), (P, "G4S"), (P, "Age UK")}),
    ("defined abbreviation", "Independent Domestic Abuse Services (IDAS) will deliver the service.",
     {(P, "Independent Domestic Abuse Services")}),
    ("table of recipients", "Organisation\tAmount\nBrightpath\t£12,000\nHarbourlight Trust\t£5,000\nTotal\t£17,000",
     {(P, "Brightpath"), (P, "Harbourlight Trust")}),
    ("table row beside an amount", "Grants awarded\tAmount\nNorthwind Youth Club\t£2,500",
     {(P, "Northwind Youth Club")}),
    ("comma inside a name", "Tees, Esk and Wear Valleys NHS Foundation Trust attended the meeting.",
     {(P, "Tees, Esk and Wear Valleys NHS Foundation Trust")}),
    ("two names joined by and", "The National Farmers' Union and Lincolnshire County Council agreed the plan.",
     {(P, "National Farmers' Union"), (P, "Lincolnshire County Council")}),
    ("and inside the first name", "I met Cheshire Fire and Rescue and North West Ambulance Service today.",
     {(P, "Cheshire Fire and Rescue"), (P, "North West Ambulance Service")}),
    ("a force and a service with and inside", "Dyfed-Powys Police and Mid and West Wales Fire and Rescue Service agreed.",
     {(F, "Dyfed-Powys Police"), (P, "Mid and West Wales Fire and Rescue Service")}),
    ("description after a name", "My office runs it with IDAS, the specialist domestic abuse charity, and others.",
     {(P, "IDAS")}),
    ("described though taken for a person", "Services are shared through Enable Northshire, the joint enabling "
     "services directorate.", {(P, "Enable Northshire")}),
    ("run by a force with a partner", "Project Horizon, a programme run by Kent Police with Compass REACH, helps.",
     {(R, "Project Horizon"), (F, "Kent Police"), (P, "Compass REACH")}),
    ("sponsored by", "The unit, sponsored by UK Finance, is made up of officers.", {(P, "UK Finance")}),
    ("partnership with", "It ended its partnership with G4S, which has now ended.", {(P, "G4S")}),
    ("list of grants", "The Commissioner approves the following grants:\n\nNorthwind – ISVA service: £412,650.00\n"
     "Safe in Kentshire – domestic abuse advisers: £156,250.50",
     {(P, "Northwind"), (P, "Safe in Kentshire")}),
    ("hyphenated place", "Stockton-on-Tees Borough Council agreed.", {(P, "Stockton-on-Tees Borough Council")}),
    ("two areas stay one name", "We met Kent and Medway NHS Trust.", {(P, "Kent and Medway NHS Trust")}),
    ("office with an ampersand", "The Office of the Kent Police & Crime Commissioner published the report.",
     {(P, "Office of the Kent Police and Crime Commissioner"), (F, "Kent Police")}),
    ("heading words before a panel", "Meeting of Thames Vale Police and Crime Panel, Friday, 7th September, 2018",
     {(P, "Thames Vale Police and Crime Panel")}),
]

NEGATIVES = [
    ("a person after run by", "The scheme is delivered by John Smith in Maidstone.", {("Person", "John Smith")}),
    ("a place after run by", "The service is run by Kent for residents.", set()),
    ("an agenda heading", "Work Programme\nThe panel noted the Work Programme.", set()),
    ("agenda heading in capitals", "WORK PROGRAMME", set()),
    ("a role listed with a body", "Kent Police, Lead Analyst and others attended.", {(F, "Kent Police")}),
    ("a town listed with a body", "Kent Police and Maidstone worked on it.", {(F, "Kent Police")}),
    ("towns listed with a body", "Kent Police, Leeds and Bristol worked on it.", {(F, "Kent Police")}),
    ("a place before a listed name", "Partners in Scotland, Dumfries and Galloway Council joined.",
     {(P, "Dumfries and Galloway Council")}),
    ("a council and a two-place council", "We work with Middlesbrough Council and Redcar and Cleveland Borough Council.",
     {(P, "Middlesbrough Council"), (P, "Redcar and Cleveland Borough Council")}),
    ("a table's total and various", "Organisation\tAmount\nVarious\t£3,150\nTotal\t£3,150", set()),
    ("a word with a lower-case tail", "The Devon-based charity helps.", set()),
    ("a kind of body in the plural", "Officers work in conjunction with the Safeguarding Children Boards.", set()),
    ("a list of costs", "Costs for the year:\nStaffing – two posts: £60,000", set()),
    ("a heading is no cue", "Partners\nThe partners met on Friday.", set()),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_organisations_named_by_context(name: str, text: str, expected: set, nlp) -> None:
    assert entities_of(text, nlp) == expected


@pytest.mark.parametrize("name, text, expected", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_what_context_does_not_make_an_organisation(name: str, text: str, expected: set, nlp) -> None:
    assert entities_of(text, nlp) == expected
