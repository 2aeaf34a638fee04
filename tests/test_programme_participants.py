"""Who takes part in an operation, programme or scheme: the bodies named around it.

Invented sentences, each asserting exactly the links it states: the body that leads an
operation and those it is run with ("led by A and run with B and C", "led by A, ran … with
B", "run by A with B"), a scheme's joint owners ("the joint scheme of A and B"), a later sentence or clause
about the operation ("The investigation was supported by A", "… notes that it is also
supported by A"), a purpose clause ("A will work with B to deliver the X scheme"), a list the
parse broke ("of A and B" with A hung on B), an organisation acting through a part of it
("A's children's services"), a participle deep in an operation's description ("Operation X,
a … operation on the network run by A with B"), "A extended the X scheme", a scheme "run
with" others in a force's report, and a programme done "in partnership with" bodies.
"""
from __future__ import annotations

import pytest

from extraction import links_of, normal

C, P = "collaboratesWith", "participatesIn"
KESTREL = "Operation Kestrel"
NIGHTS = "Safer Nights scheme"

CASES: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("led by, run with a list", f"{KESTREL} was led by Kent Police and run with British Transport Police, Brightwater "
     "Trust and Medway Council, whose staff were trained to spot exploitation.",
     {("Kent Police", C, "British Transport Police"), ("Kent Police", C, "Brightwater Trust"),
      ("Kent Police", C, "Medway Council"), ("Kent Police", P, KESTREL), ("British Transport Police", P, KESTREL),
      ("Brightwater Trust", P, KESTREL), ("Medway Council", P, KESTREL)}),
    ("led by a force's unit, run with", f"{KESTREL} was led by Essex Police's marine unit and run with "
     "Brightwater Trust.",
     {("Essex Police", C, "Brightwater Trust"), ("Essex Police", P, KESTREL), ("Brightwater Trust", P, KESTREL)}),
    ("led by, ran for a time with", f"{KESTREL}, led by Kent Police as the lead force, ran for two weeks in May "
     "with Essex Police and the National Crime Agency.",
     {("Kent Police", C, "Essex Police"), ("Kent Police", C, "National Crime Agency"), ("Kent Police", P, KESTREL),
      ("Essex Police", P, KESTREL), ("National Crime Agency", P, KESTREL)}),
    ("the joint scheme of two bodies", f"{KESTREL} is the joint diversion scheme of Kent Police and Medway Council "
     "for young people.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", P, KESTREL), ("Medway Council", P, KESTREL)}),
    ("the investigation, supported by", f"{KESTREL}, led by Kent Police, dismantled a drugs network. The "
     "investigation was supported by the National Crime Agency and Border Force.",
     {("Kent Police", P, KESTREL), ("National Crime Agency", P, KESTREL), ("Border Force", P, KESTREL)}),
    ("it is also supported by", f"{KESTREL} began in May. It is also supported by Essex Police.",
     {("Essex Police", P, KESTREL)}),
    ("work with, to deliver a scheme", "Kent Police will work with Harbour Trust, Brightwater Trust, and Medway "
     f"Council to deliver the {NIGHTS} in Maidstone.",
     {("Kent Police", C, "Harbour Trust"), ("Kent Police", C, "Brightwater Trust"),
      ("Kent Police", C, "Medway Council"), ("Kent Police", P, NIGHTS), ("Harbour Trust", P, NIGHTS),
      ("Brightwater Trust", P, NIGHTS), ("Medway Council", P, NIGHTS)}),
]

CASES += [
    ("a council's service, brought together", f"{KESTREL} brings Kent Police together with Medway Council's "
     "children's services.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", P, KESTREL), ("Medway Council", P, KESTREL)}),
    ("an operation described, then run by and with", f"The panel heard the results of {KESTREL}, a six-week "
     "operation against knife crime on the rail network run by Kent Police with British Transport Police and "
     "Medway Council.",
     {("Kent Police", C, "British Transport Police"), ("Kent Police", C, "Medway Council"), ("Kent Police", P, KESTREL),
      ("British Transport Police", P, KESTREL), ("Medway Council", P, KESTREL)}),
    ("extended a programme", "Brightwater Trust has extended the Safer Nights scheme to Maidstone.",
     {("Brightwater Trust", P, NIGHTS)}),
]

CASES += [
    ("a scheme run with, in a force's report", "Kent Police: PEEL assessment 2021/22\n\nNeighbourhood teams make good "
     "use of Project Kestrel, a scheme run with Medway Council and Swale Borough Council.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", C, "Swale Borough Council"),
      ("Kent Police", P, "Project Kestrel"), ("Medway Council", P, "Project Kestrel"),
      ("Swale Borough Council", P, "Project Kestrel")}),
]

CASES += [
    ("a body's scheme, extended in partnership with", f"{KESTREL}, Kent Police's deferred prosecution scheme, was "
     "extended to women offenders in partnership with Brightwater Trust and Medway Council.",
     {("Kent Police", C, "Brightwater Trust"), ("Kent Police", C, "Medway Council"), ("Kent Police", P, KESTREL),
      ("Brightwater Trust", P, KESTREL), ("Medway Council", P, KESTREL)}),
    ("launched a programme in partnership with", f"Kent Police launched {KESTREL} in partnership with Brightwater "
     "Trust.",
     {("Kent Police", C, "Brightwater Trust"), ("Kent Police", P, KESTREL), ("Brightwater Trust", P, KESTREL)}),
]

CASES += [
    ("that it is also supported by", f"{KESTREL} began in May. The Commissioner notes that it is also supported by "
     "Essex Police.", {("Essex Police", P, KESTREL)}),
    ("that the scheme is run by", f"{KESTREL} began in May. The Commissioner notes that the scheme is run by Medway "
     "Council.", {("Medway Council", P, KESTREL)}),
]

CASES += [
    ("led by a body with another", f"{KESTREL}, led by Kent Police with Essex Police, dismantled a drugs network.",
     {("Kent Police", C, "Essex Police"), ("Kent Police", P, KESTREL), ("Essex Police", P, KESTREL)}),
    ("run by a body, with a body's support", f"{KESTREL} was run by Kent Police with Medway Council's support.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", P, KESTREL), ("Medway Council", P, KESTREL)}),
]

NOT_PARTICIPANTS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("a network run by and with, no programme described", "The panel heard about the rail network run by Kent "
     "Police with British Transport Police.", {("Kent Police", C, "British Transport Police")}),
    ("a contract in partnership with, no programme", "Kent Police signed a contract in partnership with Brightwater "
     "Trust.", {("Kent Police", C, "Brightwater Trust")}),
    ("work with, to reach a place", "Kent Police will work with Medway Council to reach Maidstone.",
     {("Kent Police", C, "Medway Council")}),
]

NONE: list[tuple[str, str]] = [
    ("written by a body with another, not run", "The report was written by Kent Police with Essex Police."),
    ("that the report was supported by", f"{KESTREL} began in May. The Commissioner notes that the report was "
     "supported by Essex Police."),
    ("extended thanks, no programme", "Brightwater Trust extended its thanks to Kent Police."),
    ("the investigation, no programme before", "Kent Police published its figures. The investigation was supported "
     "by the National Crime Agency."),
    ("a scheme of one body, not joint, with no programme", "The scheme of Kent Police and Medway Council ended."),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_programme_participants_read_exactly(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text", "expected"), NOT_PARTICIPANTS, ids=[case[0] for case in NOT_PARTICIPANTS])
def test_programme_participants_only_where_stated(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text"), NONE, ids=[case[0] for case in NONE])
def test_programme_participants_none_without_a_programme(nlp, name: str, text: str) -> None:
    assert links_of(text, nlp) == set()


def test_programme_participants_not_run_with_states_no_collaboration(nlp) -> None:
    links = links_of(f"{KESTREL} was led by Kent Police and was not run with Essex Police.", nlp)
    assert ("Kent Police", P, KESTREL) in links
    assert not [link for link in links if link[1] == C]
