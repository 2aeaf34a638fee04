"""Invented sentences, one construction each, and the links a careful reader takes from them.

Each case is (name, text, links): ``links`` lists every link the text states, as
``(subject, predicate, object)`` with entity labels; a collaboration is written once, in
either direction. The first line of a text may set the scene (a report's title names the
force "the force" is; a panel's heading names the panel) as real documents do.
"""
from __future__ import annotations

C, P, M = "collaboratesWith", "participatesIn", "memberOf"

KENT_REPORT = "Kent Police: PEEL assessment 2021/22\n\n"
PANEL = "Anytown and Borough Police and Crime Panel\n\nMinutes of the meeting held on 3 March 2022\n\n"

LINKS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    # --- collaboration: verbs, nouns and prepositions of joint working
    ("verb with", "Kent Police works closely with Essex Police on firearms training.",
     {("Kent Police", C, "Essex Police")}),
    ("coordinated subjects together", "Surrey Police and Sussex Police work together on major crime.",
     {("Surrey Police", C, "Sussex Police")}),
    ("three subjects jointly", "Avon and Somerset Police, Wiltshire Police and Gloucestershire Constabulary jointly run a "
     "firearms unit.",
     {("Avon and Somerset Police", C, "Wiltshire Police"), ("Avon and Somerset Police", C, "Gloucestershire Constabulary"),
      ("Wiltshire Police", C, "Gloucestershire Constabulary")}),
    ("collaboration between", "A collaboration between Surrey Police and Sussex Police provides specialist crime "
     "services.", {("Surrey Police", C, "Sussex Police")}),
    ("in conjunction with", "Essex Police worked in conjunction with the National Crime Agency and HM Revenue and "
     "Customs.", {("Essex Police", C, "National Crime Agency"), ("Essex Police", C, "HM Revenue and Customs")}),
    ("in partnership with", "Norfolk Constabulary, in partnership with Norfolk County Council, has opened a new hub.",
     {("Norfolk Constabulary", C, "Norfolk County Council")}),
    ("alongside", "Durham Constabulary officers patrolled alongside British Transport Police.",
     {("Durham Constabulary", C, "British Transport Police")}),
    ("memorandum", "Cumbria Constabulary signed a memorandum of understanding with Police Scotland.",
     {("Cumbria Constabulary", C, "Police Scotland")}),
    ("co-located", "Lancashire Constabulary is co-located with Lancashire Fire and Rescue Service at Preston.",
     {("Lancashire Constabulary", C, "Lancashire Fire and Rescue Service")}),
    ("shares with", "Derbyshire Constabulary shares a headquarters with Derbyshire Fire and Rescue Service.",
     {("Derbyshire Constabulary", C, "Derbyshire Fire and Rescue Service")}),
    ("possessive partnership", "Hampshire Constabulary's partnership with Southampton City Council has cut repeat "
     "burglary.", {("Hampshire Constabulary", C, "Southampton City Council")}),
    ("relative clause", "Suffolk Constabulary, which works alongside Suffolk County Council, has a new strategy.",
     {("Suffolk Constabulary", C, "Suffolk County Council")}),
    # --- "the force" and forces named by their area
    ("the force", KENT_REPORT + "The force works well with Kent County Council.",
     {("Kent Police", C, "Kent County Council")}),
    ("officers of the force", KENT_REPORT + "Officers worked jointly with British Transport Police at stations.",
     {("Kent Police", C, "British Transport Police")}),
    ("collaboration with an area", KENT_REPORT + "The force has a firearms collaboration with Essex.",
     {("Kent Police", C, "Essex Police")}),
    ("forces of areas", "The forces of Avon and Somerset, Dorset and Wiltshire share an air support unit.",
     {("Avon and Somerset Police", C, "Dorset Police"), ("Avon and Somerset Police", C, "Wiltshire Police"),
      ("Dorset Police", C, "Wiltshire Police")}),
    ("shared police", "Kent and Essex Police share a serious crime directorate.", {("Kent Police", C, "Essex Police")}),
    # --- hosting and multi-force units
    ("hosted by", "The South East Regional Organised Crime Unit is hosted by Thames Valley Police.",
     {("South East Regional Organised Crime Unit", C, "Thames Valley Police")}),
    ("as the host force", "The unit was formed in 2012, with Thames Valley Police as the host force, and is known as "
     "the South East Regional Organised Crime Unit.",
     {("South East Regional Organised Crime Unit", C, "Thames Valley Police")}),
    ("unit made up of forces", "The East Midlands Special Operations Unit is made up of officers from Derbyshire "
     "Constabulary, Leicestershire Police and Lincolnshire Police.",
     {("East Midlands Special Operations Unit", C, "Derbyshire Constabulary"),
      ("East Midlands Special Operations Unit", C, "Leicestershire Police"),
      ("East Midlands Special Operations Unit", C, "Lincolnshire Police"),
      ("Derbyshire Constabulary", C, "Leicestershire Police"), ("Derbyshire Constabulary", C, "Lincolnshire Police"),
      ("Leicestershire Police", C, "Lincolnshire Police")}),
    # --- participation in programmes
    ("joined", "Kent Police joined Operation Encompass in 2016.", {("Kent Police", P, "Operation Encompass")}),
    ("part of", "Bedfordshire Police is part of the Eastern Region Special Operations Unit.",
     {("Bedfordshire Police", C, "Eastern Region Special Operations Unit")}),
    ("runs a scheme", "Gwent Police runs the Safer Streets scheme in Newport.", {("Gwent Police", P, "Safer Streets scheme")}),
    ("led by", "Operation Sceptre, led by Merseyside Police, targets knife crime.",
     {("Merseyside Police", P, "Operation Sceptre")}),
    ("passive run by, in partnership", "The Horizon project is run by Brightpath in partnership with Anytown Borough "
     "Council.", {("Brightpath", P, "Horizon project"), ("Anytown Borough Council", P, "Horizon project"),
                  ("Brightpath", C, "Anytown Borough Council")}),
    ("co-ordinated by", "Operation Tern was co-ordinated by the North East Regional Special Operations Unit.",
     {("North East Regional Special Operations Unit", P, "Operation Tern")}),
    ("under operation", "Under Operation Nightjar, Lancashire Constabulary and Natural England patrol moorland.",
     {("Lancashire Constabulary", P, "Operation Nightjar"), ("Natural England", P, "Operation Nightjar"),
      ("Lancashire Constabulary", C, "Natural England")}),
    ("apposition joint initiative", "Operation Falcon, a joint initiative of the Metropolitan Police Service and the "
     "City of London Police, tackles fraud.",
     {("Metropolitan Police Service", P, "Operation Falcon"), ("City of London Police", P, "Operation Falcon"),
      ("Metropolitan Police Service", C, "City of London Police")}),
    ("delivered by", "The Cook and Connect programme is delivered by Skelmersdale Community Kitchen.",
     {("Skelmersdale Community Kitchen", P, "Cook and Connect programme")}),
]

NOT_LINKS: list[tuple[str, str]] = [
    ("mere co-occurrence", "Kent Police and Essex Police published their figures on the same day."),
    ("area as a place", "Crime in Essex fell while Kent Police recruited more officers."),
    ("negated", "Kent Police does not work with Essex Police on firearms."),
]

# Posts: (name, text, {(person, organisation, role)}) — every memberOf the text states.
POSTS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("name, post, organisation", "Jane Doe, Chief Executive, Anytown Borough Council, opened the meeting.",
     {("Jane Doe", "Anytown Borough Council", "Chief Executive")}),
    ("name, post of organisation", "The report was presented by Sam Patel, Head of Community Safety at Anytown Borough "
     "Council.", {("Sam Patel", "Anytown Borough Council", "Head of Community Safety")}),
    ("name, chair of organisation", "Priya Shah, chair of the Anytown Safeguarding Children Partnership, welcomed the "
     "plan.", {("Priya Shah", "Anytown Safeguarding Children Partnership", "Chair")}),
    ("the post, name", "Kent Police PEEL 2019\n\nThe Chief Constable, Alan Whitfield, attended.",
     {("Alan Whitfield", "Kent Police", "Chief Constable")}),
    ("rank before name", "Kent Police PEEL 2019\n\nAssistant Chief Constable Nadia Brennan leads the work.",
     {("Nadia Brennan", "Kent Police", "Assistant Chief Constable")}),
    ("organisation rank name", "Metropolitan Police Deputy Assistant Commissioner Jo Bloggs spoke at the launch.",
     {("Jo Bloggs", "Metropolitan Police Service", "Deputy Assistant Commissioner")}),
    ("name dash post for area", "Joanne Mulholland – Police and Crime Commissioner for Northumbria",
     {("Joanne Mulholland", "Office of the Northumbria Police and Crime Commissioner", "Police and Crime Commissioner")}),
    ("name dash rank organisation", "Chief Superintendent Mark Ellis – Durham Constabulary",
     {("Mark Ellis", "Durham Constabulary", "Chief Superintendent")}),
    ("bracketed council", PANEL + "Present:\nCouncillor M Hetherington (Gateshead Council) (in the Chair)",
     {("M Hetherington", "Gateshead Council", "Councillor"),
      ("M Hetherington", "Anytown and Borough Police and Crime Panel", "Chair")}),
    ("coordinated names one bracket", PANEL + "Present:\nCouncillors A Rahman and T Bellamy (Newcastle City Council)",
     {("A Rahman", "Newcastle City Council", "Councillor"), ("T Bellamy", "Newcastle City Council", "Councillor"),
      ("A Rahman", "Anytown and Borough Police and Crime Panel", "Member"),
      ("T Bellamy", "Anytown and Borough Police and Crime Panel", "Member")}),
    ("independent members", PANEL + "Independent Members: Mr R Qureshi and Mrs E Forster",
     {("R Qureshi", "Anytown and Borough Police and Crime Panel", "Independent Member"),
      ("E Forster", "Anytown and Borough Police and Crime Panel", "Independent Member")}),
    ("table row", PANEL + "Councillor Jane Doe\tAnytown Borough Council",
     {("Jane Doe", "Anytown Borough Council", "Councillor"),
      ("Jane Doe", "Anytown and Borough Police and Crime Panel", "Member")}),
    ("resolution appoints", PANEL + "RESOLVED – That Councillor Moira Hetherington be appointed Chair of the Panel.",
     {("Moira Hetherington", "Anytown and Borough Police and Crime Panel", "Chair")}),
    ("fire sector post", "Karen Holloway, Chief Fire Officer of Essex County Fire and Rescue Service, welcomed the plan.",
     {("Karen Holloway", "Essex County Fire and Rescue Service", "Chief Fire Officer")}),
    ("health sector post", "Dr Amir Khan, Medical Director at Somerset NHS Foundation Trust, joined the board.",
     {("Amir Khan", "Somerset NHS Foundation Trust", "Medical Director")}),
]

# Entities a reader names from a text, by kind, where no word of a fixed list gives them away.
ENTITIES: list[tuple[str, str, set[tuple[str, str]]]] = [
    ("run by a charity", "The drop-in is run by Brightpath, a local charity.", {("PartnerOrganisation", "Brightpath")}),
    ("named project", "The Horizon project supports young people leaving care.", {("Programme", "Horizon project")}),
    ("defined acronym", "The Tyneside Youth Futures (TYF) mentors will start in May. TYF is funded for two years.",
     {("PartnerOrganisation", "Tyneside Youth Futures")}),
    ("hyphen and ampersand", "Stoke-on-Trent City Council and Bath & North East Somerset Council signed up.",
     {("PartnerOrganisation", "Stoke-on-Trent City Council"),
      ("PartnerOrganisation", "Bath & North East Somerset Council")}),
    ("force by area in a list", "Officers from Derbyshire, Lincolnshire and Nottinghamshire forces took part.",
     {("PoliceForce", "Derbyshire Constabulary"), ("PoliceForce", "Lincolnshire Police"),
      ("PoliceForce", "Nottinghamshire Police")}),
    ("the OPCC alone", "Kent Police PEEL 2019\n\nThe OPCC funds the scheme.",
     {("PoliceForce", "Kent Police"), ("PartnerOrganisation", "Office of the Kent Police and Crime Commissioner")}),
    ("police fire and crime commissioner", "The Police, Fire and Crime Commissioner for Essex set the budget.",
     {("PartnerOrganisation", "Office of the Essex Police, Fire and Crime Commissioner")}),
    ("regional unit by acronym", "SEROCU seized 40 kilograms of cocaine.",
     {("PartnerOrganisation", "South East Regional Organised Crime Unit")}),
]
