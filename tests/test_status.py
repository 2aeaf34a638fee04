"""Claim status read from a link's own clause (``extract/status.py``): invented sentences, one
form each, and the exact links with the status each states."""
from __future__ import annotations

import pytest

from policekg.extract.status import claim_status

from extraction import labelled_links

C, P = "collaboratesWith", "participatesIn"
REPORT = "Kent Police: PEEL assessment 2021/22\n\n"

CASES: list[tuple[str, str, set[tuple[str, str, str, str]]]] = [
    # --- in place, whatever else the sentence says
    ("continues, beside a recommendation", "Kent Police continues to work closely with Essex Police and should review "
     "its plans.", {("Essex Police", C, "Kent Police", "in place")}),
    ("has worked since", "Kent Police has worked with Essex Police since 2015.",
     {("Essex Police", C, "Kent Police", "in place")}),
    ("despite a later recommendation", "Kent Police works with Essex Police, although the arrangement should be "
     "reviewed.", {("Essex Police", C, "Kent Police", "in place")}),
    ("future of another clause", "Surrey Police and Sussex Police have worked together since 2014, and the forces will "
     "merge their dog units next year.", {("Surrey Police", C, "Sussex Police", "in place")}),
    ("recommendation in a relative clause", "Kent Police, which should review its estate, works closely with Essex "
     "Police.", {("Essex Police", C, "Kent Police", "in place")}),
    ("if needed is no condition", "If needed, Kent Police works with Essex Police.",
     {("Essex Police", C, "Kent Police", "in place")}),
    ("infinitive of purpose, done", REPORT + "The force has invested £2m to support its Digital Patrol Programme.",
     {("Kent Police", P, "Digital Patrol Programme", "in place")}),
    # --- planned
    ("will", "Kent Police will join the Safer Streets Programme.",
     {("Kent Police", P, "Safer Streets Programme", "planned")}),
    ("plans to", "Kent Police plans to work with Essex Police.", {("Essex Police", C, "Kent Police", "planned")}),
    ("is to", "Kent Police is to work with Essex Police.", {("Essex Police", C, "Kent Police", "planned")}),
    ("from April next year", "Kent Police joins the Safer Streets Programme from April next year.",
     {("Kent Police", P, "Safer Streets Programme", "planned")}),
    ("conditional would", "If funding is agreed, Kent Police would join the Safer Streets Programme.",
     {("Kent Police", P, "Safer Streets Programme", "planned")}),
    ("condition after", "Kent Police would join the Safer Streets Programme if funding is agreed.",
     {("Kent Police", P, "Safer Streets Programme", "planned")}),
    ("in talks", REPORT + "The force is in talks with Essex Police about a shared custody suite.",
     {("Essex Police", C, "Kent Police", "planned")}),
    ("coordinated subjects are to", "Kent Police and Essex Police are to set up a joint dog unit next year.",
     {("Essex Police", C, "Kent Police", "planned")}),
    ("pronoun for the force", REPORT + "The force has confirmed that it will recruit from the Safer Streets Programme "
     "from 2019.", {("Kent Police", P, "Safer Streets Programme", "planned")}),
    ("infinitive of purpose", REPORT + "The force plans to invest £2m over three years to support its Digital Patrol "
     "Programme.", {("Kent Police", P, "Digital Patrol Programme", "planned")}),
    ("proposed", "The proposed collaboration between Kent Police and Essex Police would save money.",
     {("Essex Police", C, "Kent Police", "planned")}),
    # --- recommended
    ("should", "Kent Police should work with Essex Police.", {("Essex Police", C, "Kent Police", "recommended")}),
    ("we recommend", "We recommend that Kent Police works with Essex Police.",
     {("Essex Police", C, "Kent Police", "recommended")}),
    ("needs to", "Kent Police needs to work with Essex Police.", {("Essex Police", C, "Kent Police", "recommended")}),
    # --- ended
    ("no longer", "Kent Police no longer works with Essex Police.", {("Essex Police", C, "Kent Police", "ended")}),
    ("withdrew from", "Kent Police withdrew from its collaboration with Essex Police in 2019.",
     {("Essex Police", C, "Kent Police", "ended")}),
    ("ended its collaboration", "Kent Police ended its collaboration with Essex Police last year.",
     {("Essex Police", C, "Kent Police", "ended")}),
    ("formerly", "Kent Police formerly worked with Essex Police.", {("Essex Police", C, "Kent Police", "ended")}),
    ("described thing wound up", REPORT + "The custody service, which the force shared with Essex Police, was wound "
     "up in 2019.", {("Essex Police", C, "Kent Police", "ended")}),
]

NO_LINK = [
    ("does not", "Kent Police does not work with Essex Police."),
    ("never", "Kent Police has never worked with Essex Police."),
    ("no partnership", "Kent Police has no partnership with Essex Police."),
]


def statuses_of(text: str, nlp) -> set[tuple[str, str, str, str]]:
    """Every link read from ``text`` by entity label with its claim status; collaborations sorted."""
    return {(subject, predicate, obj, link.evidence.status) for subject, predicate, obj, link in labelled_links(text, nlp)}


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_link_has_the_status_of_its_own_clause(nlp, name: str, text: str, expected: set) -> None:
    assert statuses_of(text, nlp) == expected


@pytest.mark.parametrize(("name", "text"), NO_LINK, ids=[case[0] for case in NO_LINK])
def test_a_negated_link_is_no_link(nlp, name: str, text: str) -> None:
    assert statuses_of(text, nlp) == set()


def test_two_links_of_one_sentence_keep_their_own_statuses(nlp) -> None:
    text = "Kent Police works with Essex Police, and Kent Police will join the Safer Streets Programme."
    assert statuses_of(text, nlp) == {("Essex Police", C, "Kent Police", "in place"),
                                      ("Kent Police", P, "Safer Streets Programme", "planned")}


@pytest.mark.parametrize(("text", "status"), [
    ("£20,000 will be awarded to the project.", "planned"),
    ("£20,000 was awarded to the project.", "in place"),
])
def test_a_quote_that_states_one_thing_reads_its_first_cue(text: str, status: str) -> None:
    assert claim_status(text) == status
