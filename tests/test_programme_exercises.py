"""Exercises and pathways as programmes, and who takes part in them.

Invented sentences, each asserting exactly the links it states: "Exercise X" and "the X
Pathway" are programme names; "the exercise" and "the pathway" written in lower case refer to
the one named before (or to nothing); and a programme "jointly governed by" or "planned (over
some time) by" bodies has them taking part. Also a programme run with others: "A runs
Operation X, which …, with B" ("with" on the programme) and "Operation X, which A runs jointly
with B and in partnership with C" (each takes part). And bodies that "also took part", with
no "in", take part in the programme the document named last before; "Operation X, in which A
takes part"; "joint work between A and B on Operation X"; and a list of who runs it that the
parse broke after an abbreviation in brackets ("jointly with A (AB), B and C") is read on.
"""
from __future__ import annotations

import pytest

from extraction import links_of, normal

C, P = "collaboratesWith", "participatesIn"
SHIELD = "Exercise Kestrel Shield"
PATHWAY = "Brightwater Crisis Pathway"

CASES: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("an exercise brought together", f"{SHIELD} brought together Kent Police, Brightwater Trust and Medway Council.",
     {("Kent Police", C, "Brightwater Trust"), ("Kent Police", C, "Medway Council"),
      ("Brightwater Trust", C, "Medway Council"), ("Kent Police", P, SHIELD), ("Brightwater Trust", P, SHIELD),
      ("Medway Council", P, SHIELD)}),
    ("the exercise, in a later paragraph, planned by", f"Officers from Kent Police have completed {SHIELD} at the "
     "harbour.\n\nThe exercise, which ran overnight, tested the response. It was planned over nine months by "
     "Kent Police together with Brightwater Trust and Medway Council.",
     {("Kent Police", C, "Brightwater Trust"), ("Kent Police", C, "Medway Council"), ("Kent Police", P, SHIELD),
      ("Brightwater Trust", P, SHIELD), ("Medway Council", P, SHIELD)}),
    ("a pathway jointly governed by", f"The {PATHWAY} is jointly governed by Kent Police and Medway Council.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", P, PATHWAY), ("Medway Council", P, PATHWAY)}),
    ("the pathway, jointly governed by", f"Kent Police reported on the {PATHWAY}.\n\nUnder it, callers are "
     "transferred to nurses. The pathway is jointly governed by Kent Police and Medway Council.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", P, PATHWAY), ("Medway Council", P, PATHWAY)}),
]

CASES += [
    ("a body runs an operation with", "Kent Police runs Operation Kestrel with Brightwater Trust.",
     {("Kent Police", C, "Brightwater Trust"), ("Kent Police", P, "Operation Kestrel"),
      ("Brightwater Trust", P, "Operation Kestrel")}),
    ("bodies jointly run an operation, described, with", "Kent Police and Essex Police jointly run Operation "
     "Kestrel, which targets drug supply across the estuary, with Medway Council.",
     {("Kent Police", C, "Essex Police"), ("Kent Police", C, "Medway Council"), ("Essex Police", C, "Medway Council"),
      ("Kent Police", P, "Operation Kestrel"), ("Essex Police", P, "Operation Kestrel"),
      ("Medway Council", P, "Operation Kestrel")}),
    ("which a body runs jointly with and in partnership with", "Project Waymark, which Kent Police runs jointly "
     "with Medway Council and in partnership with Brightwater Trust, trains officers.",
     {("Kent Police", C, "Medway Council"), ("Kent Police", C, "Brightwater Trust"),
      ("Kent Police", P, "Project Waymark"), ("Medway Council", P, "Project Waymark"),
      ("Brightwater Trust", P, "Project Waymark")}),
]

CASES += [
    ("also took part, as did", f"Officers from Kent Police have completed {SHIELD} at the harbour.\n\nThe "
     "exercise, which ran overnight, tested the response.\n\nCrews from Essex Police, Medway Council and Surrey "
     "Police also took part, as did volunteers from the Brightwater Trust, who acted as casualties.",
     {("Essex Police", P, SHIELD), ("Medway Council", P, SHIELD), ("Surrey Police", P, SHIELD),
      ("Brightwater Trust", P, SHIELD)}),
]

CASES += [
    ("in which a body takes part", "Brightwater Trust will run its sessions during the weeks of action under "
     "Operation Kestrel, in which Kent Police takes part.",
     {("Brightwater Trust", P, "Operation Kestrel"), ("Kent Police", P, "Operation Kestrel")}),
    ("joint work between, on an operation", "We saw effective joint work between Kent Police and Essex Police on "
     "Operation Kestrel, an investigation into firearms.",
     {("Kent Police", C, "Essex Police"), ("Kent Police", P, "Operation Kestrel"),
      ("Essex Police", P, "Operation Kestrel")}),
]

REPORT = "Kent Police: PEEL assessment 2024\n\nProject Waymark, the long-running effort to tackle harassment on " \
    "public transport, is led by the force jointly with Brightwater Transport Trust (BTT)"

CASES += [
    ("a list broken after an abbreviation, read on", f"{REPORT}, Essex Police and Surrey Police. Reports have risen.",
     {("Kent Police", C, "Brightwater Transport Trust"), ("Kent Police", C, "Essex Police"),
      ("Kent Police", C, "Surrey Police"), ("Kent Police", P, "Project Waymark"),
      ("Brightwater Transport Trust", P, "Project Waymark"), ("Essex Police", P, "Project Waymark"),
      ("Surrey Police", P, "Project Waymark")}),
]

NOT_PARTICIPANTS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("the exercise with no exercise named", "The panel discussed the exercise. It was planned by Kent Police "
     "together with Brightwater Trust.", {("Kent Police", C, "Brightwater Trust")}),
    ("an operation run with money, not with a body", "Kent Police runs Operation Kestrel with funding from the "
     "lottery.", {("Kent Police", P, "Operation Kestrel")}),
]

NONE: list[tuple[str, str]] = [
    ("a lower-case pathway is no name", "Kent Police described the Brightwater referral pathway in May."),
    ("a report planned by a body", "The report was planned by Kent Police."),
    ("also took part, no programme named", "Kent Police published its annual report. Officers from Essex Police "
     "also took part."),
    ("took part in something else", "Kent Police completed Operation Kestrel. Officers from Essex Police took "
     "part in the launch of the report."),
    ("in which a body plays no part", "The panel discussed Operation Kestrel, in which Kent Police takes no "
     "part."),
    ("did not take part", "Kent Police completed Operation Kestrel. Officers from Essex Police did not take part."),
]


def test_a_list_is_not_read_on_into_another_clause(nlp) -> None:
    links = links_of(f"{REPORT}, while Essex Police runs a separate patrol.", nlp)
    assert ("Brightwater Transport Trust", P, "Project Waymark") in links
    assert ("Essex Police", P, "Project Waymark") not in links


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_exercises_and_pathways_read_exactly(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text", "expected"), NOT_PARTICIPANTS, ids=[case[0] for case in NOT_PARTICIPANTS])
def test_exercises_and_pathways_only_where_named(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text"), NONE, ids=[case[0] for case in NONE])
def test_exercises_and_pathways_none_without_a_programme(nlp, name: str, text: str) -> None:
    assert links_of(text, nlp) == set()
