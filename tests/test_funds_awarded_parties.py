"""Funds, round four: awards whose parties were lost on unseen documents.

Numbered decision paragraphs with a passive award ("2.1 X is awarded £X"), plain-text tables
written with pipes, recipient cells naming a local body around a known one ("Brightwater
Women's Aid") or with a number ("Haven 42"), and a body named again by its head noun as the
subject of "was funded with" ("The operation was funded with £X from Y"), a table naming each
row's giver ("Source | Purpose | Amount"), an office written "Office of the X Police,
Crime and Victims' Commissioner", a giver not carried past a clause with its own subject, money
given to a unit in its own report, and "investigations", which are no investment.

Each case gives the exact funds expected as (amount, recipient, funder, period) by label;
every text is invented.
"""
from __future__ import annotations

import pytest

from policekg.extract.corpus import analyse_read, merge
from policekg.extract.read import document_from_bytes
from policekg.extract.read_text import pipe_tables_as_tabs

OFFICE = "Office of the Kent Police and Crime Commissioner"

FUNDS = [
    ("numbered paragraph, passive award, giver the issuing office",
     f"{OFFICE}\n\nDECISION NOTICE\n\n2. Awards\n\n2.1 Brightwater Trust is awarded £12,500 to extend its "
     "youth club into the Weald.\n",
     {("12500", "Brightwater Trust", OFFICE, None)}),
    ("plain-text pipe table below a lead-in of awards",
     f"{OFFICE}\n\nDECISION NOTICE\n\n2.4 Remaining awards are set out in the table below.\n\n"
     "Recipient | Project | Amount\nMarsh Street Angels | Weekend night-time patrols | £8,975.50\n"
     "Hollowmere Mencap | Awareness sessions | £6,295.00\nTotal | | £15,270.50\n",
     {("8975.5", "Marsh Street Angels", OFFICE, None), ("6295", "Hollowmere Mencap", OFFICE, None)}),
    ("a recipient cell names a local body around a known body's name",
     f"{OFFICE}\n\nThe Panel received the list of grants made by the Commissioner:\n\n"
     "Organisation\tAmount\nBrightwater Women's Aid\t£27,450\n",
     {("27450", "Brightwater Women's Aid", OFFICE, None)}),
    ("a recipient cell with a number in the name",
     f"{OFFICE}\n\nThe Panel received the list of grants made by the Commissioner:\n\n"
     "Organisation\tAmount\nHaven 42\t£18,000\nMedway Street Pastors\t£3,200\n",
     {("18000", "Haven 42", OFFICE, None), ("3200", "Medway Street Pastors", OFFICE, None)}),
    ("the operation was funded with money from a body",
     "Operation Kestrel is Kent Police's summer campaign against knife crime. The operation was funded with "
     "£120,000 from the Kent Violence Reduction Unit.",
     {("120000", "Operation Kestrel", "Kent Violence Reduction Unit", None)}),
    ("the project is funded with money from a body",
     "Kent Police runs Project Kestrel with Medway Council. The project is funded with "
     "£45,000 from the Home Office in 2024/25.",
     {("45000", "Project Kestrel", "Home Office", "2024/25")}),
    ("a table naming each row's giver in a source column",
     "Brightwater Community Safety Partnership plan\n\nThe Brightwater Community Safety Partnership brings partners "
     "together. The Medway Youth Partnership is consulted.\n\n5. Resources\n\n"
     "Source\tPurpose\tAmount\nMedway Council\tSafer Neighbourhoods Programme\t£245,500\n"
     "Home Office\tCommunity safety grants to the partnership\t£310,000\nTotal\t\t£555,500\n",
     {("245500", "Safer Neighbourhoods Programme", "Medway Council", None),
      ("310000", "Brightwater Community Safety Partnership", "Home Office", None)}),
    ("an office written as a police, crime and victims' commissioner's",
     "Office of the Kent Police, Crime and Victims' Commissioner\n\nCommunity grants\n\n"
     "Medway Youth Trust will receive £20,000 to run mentoring.",
     {("20000", "Medway Youth Trust", OFFICE, None)}),
    ("a giver in an earlier clause with its own subject gives nothing later",
     "The Home Office provided a grant of £40,000 through the College of Policing for the new unit, and the "
     "three commissioners jointly awarded £8,500 to the Kestrel Choices work in schools.",
     {("40000", None, "Home Office", None), ("8500", "Kestrel Choices", None, None)}),
    ("in a unit's own report money given with no receiver is the unit's",
     "Eastern Region Special Operations Unit\n\nAnnual report 2024/25\n\nThe unit's work grew this year. "
     "The Home Office provided a grant of £1,150,000 for the expansion of our cyber team.",
     {("1150000", "Eastern Region Special Operations Unit", "Home Office", None)}),
    ("a list of awards joined by and",
     f"{OFFICE}\n\nThe Commissioner reported on the grants. Awards included £2,500 to Medway Youth Boxing Club, "
     "£4,800 to Marsh Street Pastors and £3,000 to Hollowmere Men's Shed.",
     {("2500", "Medway Youth Boxing Club", OFFICE, None), ("4800", "Marsh Street Pastors", OFFICE, None),
      ("3000", "Hollowmere Men's Shed", OFFICE, None)}),
    ("money set aside for the scheme named before",
     f"{OFFICE}\n\nThe Commissioner reported on the Brightwater Small Grants Scheme. The OPCC had set aside "
     "£60,000 for the scheme in 2024/25.",
     {("60000", "Brightwater Small Grants Scheme", OFFICE, "2024/25")}),
    ("money to keep the pilot named before running",
     "Kent Police runs the Brightwater Diversion Pilot with Medway Council. The Home Office has committed "
     "£140,000 to keep the pilot running until March.",
     {("140000", "Brightwater Diversion Pilot", "Home Office", None)}),
    ("money to a name holding a shorter known name at its end",
     f"{OFFICE}\n\nThe Commissioner approved these grants:\n\n"
     "- £9,500 to Marshfield Rape and Sexual Abuse Support Service for counselling sessions;\n",
     {("9500", "Marshfield Rape and Sexual Abuse Support Service", OFFICE, None)}),
    ("bodies listed before each receive the amount each",
     f"{OFFICE}\n\nMedway Community Safety Partnership, Dartford Community Safety Partnership and Swale "
     "Community Safety Partnership will each receive £55,000 in 2024/25.",
     {("55000", "Medway Community Safety Partnership", OFFICE, "2024/25"),
      ("55000", "Dartford Community Safety Partnership", OFFICE, "2024/25"),
      ("55000", "Swale Community Safety Partnership", OFFICE, "2024/25")}),
    ("money towards the rollout of a programme",
     "Kent Police runs the KESTREL programme for high-risk offenders. The Home Office awarded £103,978.60 towards "
     "the rollout of the KESTREL programme in Medway.",
     {("103978.6", "KESTREL programme", "Home Office", None)}),
    ("money from a body named right after it",
     "Operation Kestrel began in May. A further £120,000 from the Home Office will pay for extra patrols.",
     {("120000", None, "Home Office", None)}),
    ("a table of the projects of a body whose bids were approved",
     f"{OFFICE}\n\nInnovation grants\n\nTwo bids from Kent Police were approved under the innovation strand, "
     "which pays for new ways of working that would not otherwise be funded from the force's core budget:\n\n"
     "Project\tDescription\tAward\nOperation Kestrel\tDrone patrols in the Weald\t£38,400\n"
     "Project Lantern\tRetail crime intelligence\t£22,750\n",
     {("38400", "Kent Police", OFFICE, None), ("22750", "Kent Police", OFFICE, None)}),
    ("an award that goes to a body in the office's papers",
     f"{OFFICE}\n\nThe biggest single award, £350,000 spread over three years, goes to Brightwater Survivors' "
     "Service, which supports adults affected by domestic abuse.",
     {("350000", "Brightwater Survivors' Service", OFFICE, "over three years")}),
    ("an award that goes to a force keeps no giver",
     f"{OFFICE}\n\nThe largest award, £90,000, goes to Kent Police for rural patrols.",
     {("90000", "Kent Police", None, None)}),
    ("without each only the nearest body receives",
     f"{OFFICE}\n\nMedway Community Safety Partnership met Swale Community Safety Partnership, which will "
     "receive £55,000 in 2024/25.",
     {("55000", "Swale Community Safety Partnership", OFFICE, "2024/25")}),
]

NOT_FUNDS = [
    ("a single line with pipes is no table",
     f"{OFFICE}\n\nHome | News | Contact\n\nThe budget for 2024/25 is £3,000,000.\n"),
    ("a cost after the head noun",
     "Operation Kestrel is Kent Police's summer campaign. The operation was costed at £120,000."),
    ("a source column under a budget heading",
     "Budget 2024/25\n\nSource\tAmount\nHome Office\t£120,000,000\nKent County Council\t£80,000,000\n"),
    ("income from a body is no grant",
     "The force's income of £3,000,000 from Medway Council rose this year."),
    ("investigations are no investment",
     "Courts made confiscation orders worth £4.7m following the unit's investigations."),
    ("a budget reduced by an amount",
     "Operation Kestrel is Kent Police's summer campaign. The operation's budget was reduced by £20,000."),
]


def funds_of_file(text: str, nlp, name: str = "case.txt") -> set[tuple[str, str | None, str | None, str | None]]:
    """Every fund read from ``text`` read as the file ``name``: amount, recipient, funder, period."""
    extraction = merge([analyse_read(document_from_bytes(text.encode("utf-8"), name), nlp)])
    label = {key: entity.label for key, entity in extraction.entities.items()}
    return {(str(f.amount), label.get(f.recipient, f.recipient) if f.recipient else None,
             label.get(f.funder, f.funder) if f.funder else None, f.period) for f in extraction.funds}


@pytest.mark.parametrize(("name", "text", "expected"), FUNDS, ids=[case[0] for case in FUNDS])
def test_awarded_parties(nlp, name: str, text: str, expected: set) -> None:
    assert funds_of_file(text, nlp) == expected


@pytest.mark.parametrize(("name", "text"), NOT_FUNDS, ids=[case[0] for case in NOT_FUNDS])
def test_not_funds_round4(nlp, name: str, text: str) -> None:
    assert funds_of_file(text, nlp) == set()


def test_pipe_rows_become_tab_rows() -> None:
    text = "Lead-in.\n| Recipient | Amount |\n|---|---|\n| Brightwater Trust | £4,500 |\nAfter | the table\n"
    assert pipe_tables_as_tabs(text) == "Lead-in.\nRecipient\tAmount\nBrightwater Trust\t£4,500\nAfter | the table\n"
