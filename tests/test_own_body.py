"""The document's own body as the unsaid subject: a partnership or unit whose own document names
it in its title and then calls it "the partnership", "we", "our"; and notes under a heading that
names a body ("What is the Unit?") that leave their subject out. Every text is invented; each case
checks exactly the links it reads."""
from __future__ import annotations

import pytest

from extraction import links_of

C = "collaboratesWith"

PLAN = "Brightwater Community Safety Partnership Plan 2024–2027\n\n"
UNIT_REPORT = "Northshire Regional Organised Crime Unit Annual Report 2024/25\n\n"
UNIT = "Northshire Regional Organised Crime Unit"
BWP = "Brightwater Partnership"


@pytest.mark.parametrize(("text", "expected"), [
    (PLAN + "The partnership works closely with the Kestrel Valley Community Safety Partnership.",
     {("Brightwater Community Safety Partnership", C, "Kestrel Valley Community Safety Partnership")}),
    (PLAN + "## Priorities\n\nThe partnership will work with Brightwater University on night-time safety.",
     {("Brightwater Community Safety Partnership", C, "Brightwater University")}),
])
def test_a_partnership_named_in_its_title_is_the_partnership(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


@pytest.mark.parametrize("text", [
    # a trust's report: "the partnership" is not the trust
    "Brightwater Housing Trust Annual Report 2024\n\nThe partnership works closely with Brightwater University.",
    # a title naming two bodies names no own body
    "Brightwater Community Safety Partnership and Kestrel Valley Council Joint Plan\n\n"
    "The partnership works closely with Brightwater University.",
])
def test_no_own_partnership_no_link(nlp, text: str) -> None:
    assert links_of(text, nlp) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Meeting of the Anytown Police and Crime Panel\n\nWhat is the Brightwater Partnership?\n\n"
     "Worked in conjunction with the National Crime Agency and Brightwater University to tackle fraud\n\n"
     "Had responsibility for fraud prevention in the county",
     {(BWP, C, "National Crime Agency"), (BWP, C, "Brightwater University")}),
    ("Meeting of the Anytown Police and Crime Panel\n\nWhat is the Brightwater Partnership?\n\n"
     "- Worked in partnership with the National Crime Agency\n- Reported to the board each quarter",
     {(BWP, C, "National Crime Agency")}),
    ("Meeting of the Anytown Police and Crime Panel\n\nWhat is the Northshire Regional Organised Crime Unit?\n\n"
     "Comprised of police officers & staff from forces of Sussex and Surrey. The PCC said it made sense.",
     {(UNIT, C, "Sussex Police"),
      (UNIT, C, "Surrey Police")}),
    (UNIT_REPORT + "What is the Unit?\n\n- Worked in conjunction with the National Crime Agency and the Kestrel "
     "Trust to combat fraud\n- Comprised of officers from Kent Police and Essex Police",
     {("National Crime Agency", C, UNIT), ("Kestrel Trust", C, UNIT), ("Kent Police", C, UNIT),
      ("Essex Police", C, UNIT)}),
])
def test_subjectless_lines_under_a_heading_take_its_body(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


@pytest.mark.parametrize("text", [
    # a note with its own subject keeps it: the heading's body is not the subject
    "Meeting of the Anytown Police and Crime Panel\n\nWhat is the Brightwater Partnership?\n\n"
    "The panel worked in conjunction with the National Crime Agency on its review.",
    # a heading naming two bodies gives no subject to the lines below it
    "Meeting of the Anytown Police and Crime Panel\n\nBrightwater Partnership and Kestrel Trust\n\n"
    "Worked in conjunction with the National Crime Agency to tackle fraud",
    # people from places are no body's: no body is named to be comprised of them
    "Meeting of the Anytown Police and Crime Panel\n\nThe audience was comprised of residents from Brightwater "
    "and Kestrel.",
])
def test_subjectless_lines_without_one_heading_body_no_link(nlp, text: str) -> None:
    assert links_of(text, nlp) == set()


P = "participatesIn"


@pytest.mark.parametrize(("text", "expected"), [
    # a team the unit's own report defines is the unit
    (UNIT_REPORT + "The unit runs the Regional Asset Recovery Team (RART).\n\n"
     "Operation Kestrel targeted money laundering. It was run jointly by the RART, HM Revenue and Customs and the "
     "Gangmasters and Labour Abuse Authority.",
     {(UNIT, P, "Operation Kestrel"), ("HM Revenue and Customs", P, "Operation Kestrel"),
      ("Gangmasters and Labour Abuse Authority", P, "Operation Kestrel"),
      ("HM Revenue and Customs", C, UNIT),
      ("Gangmasters and Labour Abuse Authority", C, UNIT),
      ("Gangmasters and Labour Abuse Authority", C, "HM Revenue and Customs")}),
    (UNIT_REPORT + "Operation Heron was run jointly by the unit, HM Revenue and Customs and the National Crime Agency.",
     {(UNIT, P, "Operation Heron"), ("HM Revenue and Customs", P, "Operation Heron"),
      ("National Crime Agency", P, "Operation Heron"), ("HM Revenue and Customs", C, UNIT),
      ("National Crime Agency", C, UNIT),
      ("HM Revenue and Customs", C, "National Crime Agency")}),
    # runners without "jointly" take part, but are not said to work with each other
    (UNIT_REPORT + "Operation Heron was led by the unit, HM Revenue and Customs and the National Crime Agency.",
     {(UNIT, P, "Operation Heron"), ("HM Revenue and Customs", P, "Operation Heron"),
      ("National Crime Agency", P, "Operation Heron")}),
    (UNIT_REPORT + "The Regional Cyber Crime Unit (RCCU) gives advice to small firms. This year the team worked with "
     "Brightwater University on ransomware.",
     {("Brightwater University", C, UNIT)}),
])
def test_a_units_own_teams_are_the_unit(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


@pytest.mark.parametrize("text", [
    # outside the unit's own report a defined team is no one's, and "the team" is nobody
    "Anytown Police and Crime Panel minutes\n\nThe Regional Cyber Crime Unit (RCCU) gives advice to small firms. "
    "This year the team worked with Brightwater University on ransomware.",
])
def test_teams_outside_an_own_report_no_link(nlp, text: str) -> None:
    assert links_of(text, nlp) == set()


@pytest.mark.parametrize(("text", "expected"), [
    (UNIT_REPORT + "The assessment was refreshed with Brightwater University, with which we share intelligence on "
     "county lines.", {("Brightwater University", C, UNIT)}),
    (UNIT_REPORT + "We thank our partners at Lloyds Banking Group, who second fraud analysts to the unit.",
     {("Lloyds Banking Group", C, UNIT)}),
    (UNIT_REPORT + "We thank our partners at Brightwater Building Society and Kestrel Banking Group, who second "
     "analysts to the unit.",
     {("Brightwater Building Society", C, UNIT),
      ("Kestrel Banking Group", C, UNIT)}),
    # the parse takes "A and B Group" for one name with "A and" inside it: both are partners
    ("Kent Police thanked its partners at Northshire Building Society and Lloyds Banking Group for their help.",
     {("Kent Police", C, "Northshire Building Society"), ("Kent Police", C, "Lloyds Banking Group")}),
    (UNIT_REPORT + "The unit's cyber crime team works with Brightwater University to help small firms.",
     {("Brightwater University", C, UNIT)}),
    (UNIT_REPORT + "Our economic crime team worked with the Kestrel Trust on romance fraud.",
     {("Kestrel Trust", C, UNIT)}),
])
def test_we_and_our_in_a_units_own_report(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


@pytest.mark.parametrize("text", [
    # a relative clause that states no joint work
    UNIT_REPORT + "The assessment was sent to Brightwater University, with which we disagree on county lines.",
    # "our partners" with no one named at them
    UNIT_REPORT + "We thank our partners for their support at Brightwater University's conference centre.",
    # a unit's team, but in a document that is not the unit's own
    "Anytown Police and Crime Panel minutes\n\nOur economic crime team worked with the Kestrel Trust on romance fraud.",
])
def test_we_and_our_no_link(nlp, text: str) -> None:
    assert links_of(text, nlp) == set()


@pytest.mark.parametrize(("text", "expected"), [
    (UNIT_REPORT + "The ROCU works closely with the Kestrel Trust.",
     {("Kestrel Trust", C, UNIT)}),
    (UNIT_REPORT + "The Regional Organised Crime Unit works with Brightwater Council.",
     {("Brightwater Council", C, UNIT)}),
])
def test_the_bodys_name_without_its_place_is_the_body(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


def test_a_kind_of_body_in_another_document_is_not_made_a_named_one(nlp) -> None:
    found = links_of("Anytown Police and Crime Panel minutes\n\nThe Regional Organised Crime Unit works with "
                     "Brightwater Council.", nlp)
    assert not any("Northshire" in end for link in found for end in (link[0], link[2]))


def test_kind_initials_outside_an_own_report_no_link(nlp) -> None:
    text = "Anytown Police and Crime Panel minutes\n\nThe ROCU works closely with the Kestrel Trust."
    assert links_of(text, nlp) == set()


VRU = "Northshire Violence Reduction Unit"


@pytest.mark.parametrize(("text", "expected"), [
    ("Decision Record 0042\n\nThe Northshire Violence Reduction Unit was set up in 2019 and is hosted by the OPCC. "
     "It brings together Kent Police, Medway Council and the Kestrel Trust.",
     {("Kent Police", C, VRU), ("Medway Council", C, VRU), ("Kestrel Trust", C, VRU),
      ("Kent Police", C, "Medway Council"), ("Kent Police", C, "Kestrel Trust"),
      ("Kestrel Trust", C, "Medway Council")}),
])
def test_it_after_a_sentence_about_a_body_is_that_body(nlp, text: str, expected: set) -> None:
    assert links_of(text, nlp) == expected


@pytest.mark.parametrize("text", [
    # the sentence before is about a report, not a body: "It" is no one named
    "Decision Record 0042\n\nThe report was sent to the Kestrel Trust. It works closely with Medway Council.",
    # "It" on the next line is not carried over from the line before
    "Decision Record 0042\n\nThe Kestrel Trust was set up in 2019.\n\nIt works closely with Medway Council.",
])
def test_it_without_a_body_just_before_no_link(nlp, text: str) -> None:
    assert links_of(text, nlp) == set()
