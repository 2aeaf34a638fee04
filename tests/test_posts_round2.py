"""Posts, second round: attendance layouts, officers' lists, apologies, decision notices and
the organisation a text attaches to a person over a default.

Each case gives every memberOf link its invented text states, by entity label (people by
their full name without title); a case passes only when exactly those links are read.
"""
from __future__ import annotations

import pytest

from constructions import PANEL
from test_posts import _members, posts_of

PANEL_NAME = "Anytown and Borough Police and Crime Panel"

POSTS_ROUND2: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("label line under the heading", PANEL + "PRESENT:\n\nCouncillors:\nCllr Oliver Quince (Sunderland City "
     "Council)\nCllr Hannah Marsh (Newcastle City Council)",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member"),
      ("Hannah Marsh", "Newcastle City Council", "Councillor"), ("Hannah Marsh", PANEL_NAME, "Member")}),
    ("co-opted members label", PANEL + "Present:\nIndependent co-opted members:\nDr Ruth Fenwick\nMr Kofi Mensah",
     {("Ruth Fenwick", PANEL_NAME, "Independent Co-opted Member"),
      ("Kofi Mensah", PANEL_NAME, "Independent Co-opted Member")}),
    ("one councillor a line, joined by cleaning", PANEL + "Present:\nCllr Oliver Quince (Sunderland City Council)\n"
     "Cllr Hannah Marsh (Newcastle City Council)\nCllr Peter Lowe (Gateshead Council)",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member"),
      ("Hannah Marsh", "Newcastle City Council", "Councillor"), ("Hannah Marsh", PANEL_NAME, "Member"),
      ("Peter Lowe", "Gateshead Council", "Councillor"), ("Peter Lowe", PANEL_NAME, "Member")}),
    ("chair in brackets", PANEL + "Present:\nCouncillor Oliver Quince (Chair)",
     {("Oliver Quince", PANEL_NAME, "Chair")}),
    ("apologies with council and co-opted member", PANEL + "Apologies for absence were received from Councillor "
     "Oliver Quince (Sunderland City Council) and Ruth Fenwick (Co-opted Member).",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member"),
      ("Ruth Fenwick", PANEL_NAME, "Co-opted Member")}),
    ("apologies, panel named later", "Minutes\n\nApologies were received from Cllr Oliver Quince (Sunderland City "
     "Council).\n\nRESOLVED that the minutes of the " + PANEL_NAME + " be signed.",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member")}),
    ("officers in attendance, run on", PANEL + "In attendance:\nJulia Abbott – Chief Executive, Office of the "
     "Police and Crime Commissioner for Gwent\nGeorge Pike – Assistant Chief Constable, Gwent Police\n"
     "K Norris – Legal Adviser to the Panel, Sunderland City Council",
     {("Julia Abbott", "Office of the Gwent Police and Crime Commissioner", "Chief Executive"),
      ("George Pike", "Gwent Police", "Assistant Chief Constable"),
      ("K Norris", "Sunderland City Council", "Legal Adviser to the Panel")}),
    ("officer with a commissioner's post, run on", PANEL + "Papers came from the Office of the Police and "
     "Crime Commissioner for Gwent.\n\nIn attendance:\nJulia Abbott – Police and Crime "
     "Commissioner for Gwent\nGeorge Pike – Chief of Staff and Monitoring Officer, OPCC",
     {("Julia Abbott", "Office of the Gwent Police and Crime Commissioner", "Police and Crime Commissioner"),
      ("George Pike", "Office of the Gwent Police and Crime Commissioner", "Chief of Staff and Monitoring Officer")}),
    ("signature with a label cleaning joined on", "Decision record\n\nSignature: [signed]\nJoan Pettifer\nPolice "
     "and Crime Commissioner for Gwent\nDate: 4 May 2025",
     {("Joan Pettifer", "Office of the Gwent Police and Crime Commissioner", "Police and Crime Commissioner")}),
    ("signature post of a unit", "Foreword\n\nWe had a busy year.\n\nDetective Superintendent Colin Braddock\n"
     "Head of the Eastern Region Special Operations Unit\n\nContents",
     {("Colin Braddock", "Eastern Region Special Operations Unit", "Head")}),
    ("signature of an inspector of constabulary", "Kent Police PEEL 2023\n\nSummary\n\nJoan Pettifer\n"
     "His Majesty's Inspector of Constabulary\n\nThe force is good.",
     {("Joan Pettifer", "HM Inspectorate of Constabulary and Fire & Rescue Services",
       "His Majesty's Inspector of Constabulary")}),
    ("signature of a police, fire and crime commissioner", "Our plan\n\nJoan Pettifer\nPolice, Fire and Crime "
     "Commissioner for Staffordshire\n\nOur priorities",
     {("Joan Pettifer", "Office of the Staffordshire Police, Fire and Crime Commissioner",
       "Police, Fire and Crime Commissioner")}),
    ("post of a unit before the ranked name", "Kent Police PEEL 2023\n\n- Head of the Eastern Region Special "
     "Operations Unit – Detective Superintendent Colin Braddock, responsible for the unit.",
     {("Colin Braddock", "Eastern Region Special Operations Unit", "Head")}),
    ("named force wins over the default", "Kent Police PEEL 2023\n\nInspector Colin Braddock of British Transport "
     "Police said the patrols worked.", {("Colin Braddock", "British Transport Police", "Inspector")}),
    ("rank, name, force, then a joined line", "Kent Police PEEL 2023\n\nChief Constable Colin Braddock, Essex "
     "Police\nChair, Eastern Region Special Operations Unit Board",
     {("Colin Braddock", "Essex Police", "Chief Constable")}),
    ("area's commissioner before the name", "Grants\n\nMore than £10,000 was given, Gwent's Police and Crime "
     "Commissioner Joan Pettifer announced.",
     {("Joan Pettifer", "Office of the Gwent Police and Crime Commissioner", "Police and Crime Commissioner")}),
    ("bare commissioner in a commissioner's office", "Office of the Police and Crime Commissioner for Gwent\n\n"
     "Commissioner Joan Pettifer said the grants would help.",
     {("Joan Pettifer", "Office of the Gwent Police and Crime Commissioner", "Commissioner")}),
    ("the post of a body, then the name", "Consultation\n\nThe Chief Constable of Gwent Police, Colin Braddock, "
     "was consulted.", {("Colin Braddock", "Gwent Police", "Chief Constable")}),
    ("the commissioner for an area, then the name", "Grants\n\nThe Police and Crime Commissioner for Gwent, Joan "
     "Pettifer, has approved the grants.",
     {("Joan Pettifer", "Office of the Gwent Police and Crime Commissioner", "Police and Crime Commissioner")}),
    ("name, of a body", "News\n\nProfessor Colin Braddock, of Anytown University, will lead the study.",
     {("Colin Braddock", "Anytown University", "Member")}),
    ("resolution appoints an independent member", PANEL + "RESOLVED – That Mr Colin Braddock be appointed as an "
     "Independent Member of the " + PANEL_NAME + " for four years.",
     {("Colin Braddock", PANEL_NAME, "Independent Member")}),
    ("resolution appoints a deputy commissioner", PANEL + "RESOLVED – That the Panel recommends to the Commissioner "
     "that Mr Colin Braddock be appointed as Deputy Police and Crime Commissioner for Gwent.",
     {("Colin Braddock", "Office of the Gwent Police and Crime Commissioner", "Deputy Police and Crime Commissioner")}),
    ("heading with its list on its line", PANEL + "PRESENT: Cllr O Quince (Chairman), Cllr H Marsh and Mr K Mensah",
     {("O Quince", PANEL_NAME, "Chair"), ("H Marsh", PANEL_NAME, "Member"), ("K Mensah", PANEL_NAME, "Member")}),
    ("officers inline, commissioner in brackets", PANEL + "Also in attendance: Mr Colin Braddock (Gwent Police and "
     "Crime Commissioner), Mrs Joan Pettifer (Chief Executive, Sunderland City Council)",
     {("Colin Braddock", "Office of the Gwent Police and Crime Commissioner", "Member"),
      ("Joan Pettifer", "Sunderland City Council", "Chief Executive")}),
    ("acting as a trustee of a body", PANEL + "Councillor Oliver Quince declared an interest as a trustee of "
     "Anytown Youth Trust and left the room.", {("Oliver Quince", "Anytown Youth Trust", "Trustee")}),
    ("a post the body owns", "News\n\nCouncillor Oliver Quince, Anytown Borough Council's cabinet member for "
     "community safety, said the scheme worked.",
     {("Oliver Quince", "Anytown Borough Council", "Cabinet member for community safety")}),
    ("force whose ranked officer", "News\n\nThe unit is hosted by Essex Police, whose Detective Superintendent "
     "Colin Braddock leads it.", {("Colin Braddock", "Essex Police", "Detective Superintendent")}),
    ("fire rank in the document's fire and rescue service", "Our plan\n\nI will work with Anytown Fire and "
     "Rescue Service and the Anytown Fire and Rescue Authority.\n\nChief Fire Officer Colin Braddock will "
     "report to me.", {("Colin Braddock", "Anytown Fire and Rescue Service", "Chief Fire Officer")}),
    ("lower-case known post of several words", "News\n\nRuth Fenwick, chief executive of Anytown Youth Trust, "
     "said the grant helped.", {("Ruth Fenwick", "Anytown Youth Trust", "Chief executive")}),
    ("lower-case post opening with a known post", "News\n\nCouncillor Oliver Quince, cabinet member for "
     "communities at Anytown Borough Council, welcomed it.",
     {("Oliver Quince", "Anytown Borough Council", "Cabinet member for communities")}),
    ("heading with a post between commas", "Gwent Police\n\nPresent: Mr Colin Braddock, Chief Finance Officer, OPCC.",
     {("Colin Braddock", "Office of the Gwent Police and Crime Commissioner", "Chief Finance Officer")}),
    ("chair in brackets, council after a dash", PANEL + "Members present:\nCouncillor Oliver Quince (Chair) – "
     "Sunderland City Council\nCouncillor Hannah Marsh – Newcastle City Council",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Chair"),
      ("Hannah Marsh", "Newcastle City Council", "Councillor"), ("Hannah Marsh", PANEL_NAME, "Member")}),
    ("heading without a colon, bulleted names", PANEL + "PRESENT\n- Councillor Oliver Quince (Sunderland City "
     "Council)\n- Councillor Hannah Marsh (Newcastle City Council)",
     {("Oliver Quince", "Sunderland City Council", "Councillor"), ("Oliver Quince", PANEL_NAME, "Member"),
      ("Hannah Marsh", "Newcastle City Council", "Councillor"), ("Hannah Marsh", PANEL_NAME, "Member")}),
    ("roles in brackets on one line", PANEL + "Present: Councillor Oliver Quince (Chair), Councillor Hannah Marsh "
     "(Vice-Chair), Mr Kofi Mensah (Independent Member)",
     {("Oliver Quince", PANEL_NAME, "Chair"), ("Hannah Marsh", PANEL_NAME, "Vice-Chair"),
      ("Kofi Mensah", PANEL_NAME, "Independent Member")}),
    ("table row of a co-opted member", PANEL + "Members\nCouncillor Oliver Quince\tCo-opted member – Sunderland "
     "City Council",
     {("Oliver Quince", "Sunderland City Council", "Co-opted member"), ("Oliver Quince", PANEL_NAME, "Co-opted member")}),
    ("rank of a national policing body", "News\n\nCommander Colin Braddock of the National Crime Agency said the "
     "work went well.", {("Colin Braddock", "National Crime Agency", "Commander")}),
    ("post with a bracketed qualifier", "Office of the Police and Crime Commissioner for Gwent\n\nAuthor: Julia "
     "Abbott, Commissioning Manager (Victims), OPCC",
     {("Julia Abbott", "Office of the Gwent Police and Crime Commissioner", "Commissioning Manager")}),
]

NOT_POSTS_ROUND2: list[tuple[str, str]] = [
    ("officers are not panel members", PANEL + "In attendance:\nJulia Abbott – Press Officer"),
    ("apologies from an unnamed body", PANEL + "Apologies were received from the Chief Constable."),
    ("another commissioner's title", "Office of the Police and Crime Commissioner for Gwent\n\nThe Information "
     "Commissioner Joan Pettifer wrote a letter."),
    ("acting as a member of the public", "News\n\nOliver Quince spoke as a member of the public at Anytown "
     "Borough Council."),
    ("as a trustee, in another sentence", "News\n\nOliver Quince spoke as a trustee. Anytown Youth Trust "
     "welcomed the grant."),
    ("fire rank, no fire and rescue service named", "Our plan\n\nChief Fire Officer Colin Braddock will "
     "report to me."),
    ("fire rank, two services named", "Our plan\n\nAnytown Fire and Rescue Service and Borchester Fire and "
     "Rescue Service will merge.\n\nChief Fire Officer Colin Braddock will report to me."),
    ("lower-case words that open no post", "News\n\nRuth Fenwick, speaking for local families at Anytown "
     "Borough Council, asked for help."),
    ("a list after a blank line has ended", PANEL + "Present:\nNone recorded\n\nOliver Quince spoke to residents."),
]


@pytest.mark.parametrize(("name", "text", "expected"), [pytest.param(*c, id=c[0]) for c in POSTS_ROUND2])
def test_posts_round2(nlp, name: str, text: str, expected: set) -> None:
    assert _members(posts_of(text, nlp)) == _members(expected)


@pytest.mark.parametrize(("name", "text"), [pytest.param(*c, id=c[0]) for c in NOT_POSTS_ROUND2])
def test_not_posts_round2(nlp, name: str, text: str) -> None:
    assert posts_of(text, nlp) == set()
