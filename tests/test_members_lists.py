"""Members and attendees of any body's meeting or membership list, not only a panel's: the body
a document's first line names holds a list with no panel named, headings without a colon
("Board members present"), and list labels with a bracket saying who chose the members.

Each case gives every memberOf link its invented text states, as (person, organisation) by
entity label; a case passes only when exactly those links are read.
"""
from __future__ import annotations

import pytest

from test_posts import _members, posts_of

BODY = "Northshire Community Safety Partnership"

MEMBER_LISTS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("table of members under a heading without a colon, body in the first line",
     BODY + "\n\nMinutes of the Partnership Meeting\n\nBoard members present\n\nName\tRole\n"
     "Jane Rowe\tChair\nAmir Patel\tBoard Member\n\n1. Welcome\n\nThe Chair welcomed members.",
     {("Jane Rowe", BODY, "Chair"), ("Amir Patel", BODY, "Member")}),
    ("label with a bracket naming who appointed the members",
     BODY + "\n\nMembership report\n\nIndependent members (appointed by the Northshire Policing Board):\n"
     "Dr Ruth Fenwick\nMr Kofi Mensah\n\nThe membership was noted.",
     {("Ruth Fenwick", BODY, "Independent Member"), ("Kofi Mensah", BODY, "Independent Member")}),
]

PANEL_NAME = "Anytown and Borough Police and Crime Panel"
WEB_LIST = (PANEL_NAME + "\n\nMinutes\n\nPresent:\n\nCouncillor Oliver Quince (Sunderland City Council)\n\n"
            "Councillor Hannah Marsh (Newcastle City Council)\n\nCo-opted independent members: Dr Ruth Fenwick\n\n"
            "1. Welcome")
MEMBER_LISTS += [
    ("list items each their own paragraph, then a label line", WEB_LIST,
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member"),
      ("Hannah Marsh", "Newcastle City Council", "Councillor"), ("Hannah Marsh", PANEL_NAME, "Member"),
      ("Ruth Fenwick", PANEL_NAME, "Co-opted Independent Member")}),
    ("a sentence opening with a title after the list is no entry (her council the only one named)",
     PANEL_NAME + "\n\nMinutes\n\nPresent:\n\nCouncillor Oliver Quince (Sunderland City Council)\n\n"
     "Councillor Hannah Marsh spoke about Operation Kestrel.",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member"),
      ("Hannah Marsh", "Sunderland City Council", "Councillor")}),
]

GROUPED = (BODY + "\n\nMinutes\n\nIn attendance\n\nNorthshire Fire and Rescue Service\n\n"
           "- Chief Fire Officer Jane Rowe\n"
           "- Tamsin Okafor, Chief Financial Officer\n\nBrightwater Borough Council\n\n"
           "- Idris Vantongeren, Head of Community Safety\n\n1. Welcome\n\nThe Chair welcomed everyone.")
MEMBER_LISTS += [
    ("officers grouped under their organisation's name, given names unknown", GROUPED,
     {("Jane Rowe", "Northshire Fire and Rescue Service", "Chief Fire Officer"),
      ("Tamsin Okafor", "Northshire Fire and Rescue Service", "Chief Financial Officer"),
      ("Idris Vantongeren", "Brightwater Borough Council", "Head of Community Safety")}),
]

MEMBER_LISTS += [
    ("attending for an item, and observing, each with an organisation after the name",
     BODY + "\n\nMinutes\n\nAlso attending for item 6:\n\n- Deputy Chief Officer Jane Rowe, Brightwater Trust\n\n"
     "Observing: Amir Patel, Northshire Fire and Rescue Service\n\n1. Welcome",
     {("Jane Rowe", "Brightwater Trust", "Deputy Chief Officer"),
      ("Amir Patel", "Northshire Fire and Rescue Service", "Member")}),
]

UNIT = "Northshire Regional Organised Crime Unit"
MEMBER_LISTS += [
    ("a signature's post line joined onto the titled name",
     UNIT + " annual report\n\nWe had a good year.\n\nDetective Chief Superintendent Alison Pettifer Head of the "
     + UNIT + "\n\n1. Who we are",
     {("Alison Pettifer", UNIT, "Head")}),
    ("a surname before 'of' and a force stays in the name",
     "News\n\nInspector Jane Rowe of British Transport Police led the patrols.",
     {("Jane Rowe", "British Transport Police", "Inspector")}),
]

MEMBER_LISTS += [
    ("an organisation's representatives, one row each",
     BODY + "\n\nMembership\n\nRepresentatives of designated organisations:\nBrightwater Trust – Jane Rowe, Area "
     "Manager (South)\nNorthshire Youth Justice Agency – Amir Patel, Head of Community Development\n\nNoted.",
     {("Jane Rowe", "Brightwater Trust", "Area Manager"),
      ("Amir Patel", "Northshire Youth Justice Agency", "Head of Community Development")}),
    ("a rank glued before the next row's organisation is no part of its name",
     BODY + "\n\nMembership\n\nRepresentatives:\nBrightwater Trust – Jane Rowe, Area Manager Northshire Youth "
     "Justice Agency – Amir Patel, Area Manager\n\nNoted.",
     {("Amir Patel", "Northshire Youth Justice Agency", "Area Manager")}),
]

MEMBER_LISTS += [
    ("a councillor in the one local council the document names",
     "Brightwater Borough Council\n\nReport\n\nCouncillor Jane Rowe opened the new youth hub in June.",
     {("Jane Rowe", "Brightwater Borough Council", "Councillor")}),
]

NOT_MEMBER_LISTS: list[tuple[str, str]] = [
    ("first line is not a body's name alone",
     "Report to the " + BODY + "\n\nBoard members present\n\nName\tRole\nJane Rowe\tChair\n\n1. Welcome"),
    ("body in the first line, names but no list",
     BODY + "\n\nAnnual report\n\nJane Rowe and Amir Patel spoke at the launch of the scheme."),
    ("an organisation, a dash and a name in the middle of a sentence",
     "News\n\nThe grant went to Brightwater Trust – Jane Rowe said the money would help – and the work began."),
    ("a councillor in a document naming two councils",
     "Report\n\nBrightwater Borough Council and Northshire County Council agreed the plan. Councillor Jane Rowe "
     "opened the new youth hub in June."),
    ("a councillor beside a national council only",
     "Report\n\nThe National Police Chiefs' Council published guidance. Councillor Jane Rowe opened the new youth "
     "hub in June."),
    ("an organisation's name over a list that is no attendance list",
     BODY + "\n\nOur partners\n\nBrightwater Borough Council\n\n- Tamsin Okafor, Head of Community Safety"),
]


@pytest.mark.parametrize(("name", "text", "expected"), MEMBER_LISTS, ids=[c[0] for c in MEMBER_LISTS])
def test_member_lists_give_exactly_their_memberships(nlp, name: str, text: str, expected: set) -> None:
    assert _members(posts_of(text, nlp)) == _members(expected)


@pytest.mark.parametrize(("name", "text"), NOT_MEMBER_LISTS, ids=[c[0] for c in NOT_MEMBER_LISTS])
def test_names_near_a_titled_body_that_are_not_members(nlp, name: str, text: str) -> None:
    assert posts_of(text, nlp) == set()
