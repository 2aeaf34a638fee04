"""Funds, round three: grant lists in decision notices, receivers named before the money or
again by their head noun, programmes as receivers, givers in the first person or before
"funding", and the money that is still not a fund.

Each case gives the exact funds expected as (amount, recipient, funder, period) by label;
every text is invented.
"""
from __future__ import annotations

import pytest

from test_funds_constructions import funds_of

OFFICE = "Office of the Kent Police and Crime Commissioner"

FUNDS = [
    ("decision list: name – purpose: amount",
     f"{OFFICE}\n\nDECISION NOTICE\n\n3.1 The Commissioner approves the following grants for 2024/25:\n\n"
     "   Brightwater Youth Trust – mentoring for young people in Dartford: £12,650.00\n"
     "   Hollowmere Women’s Refuge – outreach workers in rural areas: £8,400.50\n",
     {("12650", "Brightwater Youth Trust", OFFICE, "2024/25"),
      ("8400.5", "Hollowmere Women’s Refuge", OFFICE, "2024/25")}),
    ("a cue word inside a body's name is no veto; an area inside a name is part of it",
     f"{OFFICE}\n\nThe Commissioner approves the following grants for 2024/25:\n\n"
     "   Safe in Kent – advisers at the referral centre: £15,250.50\n"
     "   Kent Violence Reduction Partnership – relationships education in colleges: £62,000.00\n",
     {("15250.5", "Safe in Kent", OFFICE, "2024/25"),
      ("62000", "Kent Violence Reduction Partnership", OFFICE, "2024/25")}),
    ("the subject of was awarded receives and does not give",
     "Medway Youth Trust was awarded £7,000 for its summer programme.",
     {("7000", "Medway Youth Trust", None, None)}),
    ("receiver with no giver named in the office's papers",
     f"{OFFICE}\n\nCommunity grants\n\nMedway Youth Trust will also receive £12,000 in 2024/25 to run mentoring.",
     {("12000", "Medway Youth Trust", OFFICE, "2024/25")}),
    ("a force receiving with no giver named keeps no giver",
     f"{OFFICE}\n\nKent Police will receive £2m in 2024/25 for extra officers.",
     {("2000000", "Kent Police", None, "2024/25")}),
    ("unbulleted list lines the money opens",
     f"{OFFICE}\n\nSmaller grants announced this week include:\n\n£25k for Teifi Youth Angels, whose volunteers "
     "help people get home safely;\n\n£18,400 to Medway Young Farmers' Trust for rural crime sessions in 2024/25;\n",
     {("25000", "Teifi Youth Angels", OFFICE, None),
      ("18400", "Medway Young Farmers' Trust", OFFICE, "2024/25")}),
    ("a list line's money towards a project run by a body",
     f"{OFFICE}\n\nSmaller grants announced this week include:\n\n£7,750 towards a mentoring project run by "
     "Medway Youth Boxing Club;\n",
     {("7750", "Medway Youth Boxing Club", OFFICE, None)}),
    ("second amount joined by and",
     "The Home Office has awarded £90,000 to Kent Police for its work on county lines, and £15,500 to "
     "Medway Youth Trust to run mentoring.",
     {("90000", "Kent Police", "Home Office", None), ("15500", "Medway Youth Trust", "Home Office", None)}),
    ("body named again with a capital",
     "Kent Community Safety Partnership published its plan. The Home Office has approved a grant of £45,000 to "
     "the Partnership for its youth programme.",
     {("45000", "Kent Community Safety Partnership", "Home Office", None)}),
    ("grant for the running of the panel",
     "Kent Police and Crime Panel met on 3 May. The Home Office grant for the running of the Panel in 2024/25 "
     "was £53,000.",
     {("53000", "Kent Police and Crime Panel", "Home Office", "2024/25")}),
    ("receiver before will receive",
     f"{OFFICE}\n\nCommunity grants\n\nMedway Youth Trust will receive £20,000 in 2024/25 from the Home Office "
     "to run mentoring.",
     {("20000", "Medway Youth Trust", "Home Office", "2024/25")}),
    ("acronym receiver before have been awarded",
     "HAVENS have been awarded £150,000 by the Home Office for 2024/25 to fund counselling.",
     {("150000", "HAVENS", "Home Office", "2024/25")}),
    ("first person giver invests in a programme run by a force",
     f"{OFFICE}\n\nPolice and crime plan\n\nOperation Lantern is a scheme run by Kent Police with local schools. "
     "I will invest £60,000 in 2024/25 in Operation Lantern, a scheme run by Kent Police.",
     {("60000", "Operation Lantern", OFFICE, "2024/25")}),
    ("unknown programme named later in the clause",
     f"{OFFICE}\n\nPolice and crime plan\n\nI have committed £1.2m over the three years of this plan to the "
     "Brightpath Victims service.",
     {("1200000", "Brightpath Victims", OFFICE, "over the three years")}),
    ("giver between of and funding",
     "The week of patrols was supported by £75,000 of Home Office funding.",
     {("75000", None, "Home Office", None)}),
    ("giver not taken from an earlier sentence",
     "Kent Police leads the county's work on burglary. In 2024/25 £30,000 was awarded to Medway Youth Trust.",
     {("30000", "Medway Youth Trust", None, "2024/25")}),
    ("table from the office's own budget",
     f"{OFFICE}\n\nThe Commissioner presented his proposed allocations from the OPCC commissioning budget to the "
     "community safety partnerships in the county for the coming year.\n\n"
     "Partnership\t2024/25 (£)\nMedway Community Safety Partnership\t182,400\n",
     {("182400", "Medway Community Safety Partnership", OFFICE, "2024/25")}),
    ("table from a unit's budget names no funder",
     f"{OFFICE}\n\nTo approve the following grant awards, to be funded from the Violence "
     "Reduction Unit's budget:\n\nRecipient\tAward 2024/25\nMedway Youth Trust\t£84,500\n",
     {("84500", "Medway Youth Trust", None, "2024/25")}),
    ("precept after a grant is not joined to it",
     "The Home Office awarded £40,000 to Kent Police. The precept rose by £12 and £8 for a band D property.",
     {("40000", "Kent Police", "Home Office", None)}),
]

NOT_FUNDS = [
    ("budget list after a lead-in", f"{OFFICE}\n\nThe Commissioner approves the following budget for 2024/25:\n\n"
     "   Pay – officers and staff: £4,000,000.00\n   Vehicles – fleet replacement: £300,000.00\n"),
    ("salary", "The Chief Executive will receive a salary of £95,000 per year."),
    ("savings before will receive", "Kent Police will receive savings of £2m from the merger of control rooms."),
    ("a line the money opens with no granting lead-in", f"{OFFICE}\n\nThe figures for the year:\n\n"
     "£25k for Medway Youth Angels, whose volunteers help people get home safely;\n"),
    ("cost of a programme", "The cost of Operation Lantern was £60,000 in 2024/25."),
]


@pytest.mark.parametrize(("name", "text", "expected"), FUNDS, ids=[case[0] for case in FUNDS])
def test_fund_round3(nlp, name: str, text: str, expected: set) -> None:
    assert funds_of(text, nlp) == expected


@pytest.mark.parametrize(("name", "text"), NOT_FUNDS, ids=[case[0] for case in NOT_FUNDS])
def test_not_funds_round3(nlp, name: str, text: str) -> None:
    assert funds_of(text, nlp) == set()
