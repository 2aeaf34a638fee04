"""Posts read one construction at a time: the POSTS cases of ``constructions.py`` and more.

Each case gives every memberOf link its text states, by entity label (people by their full
name without title); a case passes only when exactly those memberOf links are read.
"""
from __future__ import annotations

import pytest

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read, merge
from policekg.extract.model import Predicate, ReadDocument

from constructions import PANEL, POSTS

# Constructions not read yet. Strict: a case that starts passing fails here until it is taken
# off this list, so the list is always the true state of the gaps.
KNOWN_GAPS = {
    "fire sector post",  # the fire and rescue service is not found as an organisation
}

M = "memberOf"

# More invented sentences, one construction each, in the same form as POSTS.
MORE_POSTS: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("lower-case known post of organisation", "Lucy Hart, treasurer of Anytown Borough Council, presented the "
     "accounts.", {("Lucy Hart", "Anytown Borough Council", "Treasurer")}),
    ("name dash detective rank force", "Detective Chief Superintendent Omar Farooq – Essex Police",
     {("Omar Farooq", "Essex Police", "Detective Chief Superintendent")}),
    ("name dash commissioner for area", "Margaret Whitley – Police and Crime Commissioner for Gwent",
     {("Margaret Whitley", "Office of the Gwent Police and Crime Commissioner", "Police and Crime Commissioner")}),
    ("organisation assistant commissioner name", "Metropolitan Police Assistant Commissioner Ravi Singh opened the "
     "event.", {("Ravi Singh", "Metropolitan Police Service", "Assistant Commissioner")}),
    ("rank name of force", "Inspector Tom Reeve of British Transport Police said the patrols worked.",
     {("Tom Reeve", "British Transport Police", "Inspector")}),
    ("rank name comma force", "Chief Constable Simon Hale, Durham Constabulary",
     {("Simon Hale", "Durham Constabulary", "Chief Constable")}),
    ("councillor bracketed council", "Cllr Peter Lowe (Sunderland City Council) asked about the budget.",
     {("Peter Lowe", "Sunderland City Council", "Councillor")}),
    ("panel member bracket", PANEL + "Present:\nCouncillor Peter Lowe (Sunderland City Council)",
     {("Peter Lowe", "Sunderland City Council", "Councillor"),
      ("Peter Lowe", "Anytown and Borough Police and Crime Panel", "Member")}),
    ("attendance groups share brackets", PANEL + "Present:\nCouncillors P Lowe (Sunderland City Council), "
     "A Rahman and T Bellamy (Newcastle City Council)",
     {("P Lowe", "Sunderland City Council", "Councillor"), ("A Rahman", "Newcastle City Council", "Councillor"),
      ("T Bellamy", "Newcastle City Council", "Councillor"),
      ("P Lowe", "Anytown and Borough Police and Crime Panel", "Member"),
      ("A Rahman", "Anytown and Borough Police and Crime Panel", "Member"),
      ("T Bellamy", "Anytown and Borough Police and Crime Panel", "Member")}),
    ("panel named above the list", "Agenda and minutes\n\nAnytown and Borough Police and Crime Panel - 3 March "
     "2022\n\nPresent:\nCouncillor Peter Lowe (Sunderland City Council)",
     {("Peter Lowe", "Sunderland City Council", "Councillor"),
      ("Peter Lowe", "Anytown and Borough Police and Crime Panel", "Member")}),
    ("attendance without a panel", "Present:\nCouncillor Peter Lowe (Sunderland City Council)\n\nPeter Lowe "
     "wrote to Anytown Borough Council.", {("Peter Lowe", "Sunderland City Council", "Councillor")}),
    ("resolution vice-chair", PANEL + "(ii) That Councillor Moira Hetherington be appointed Vice-Chair for 2022/23.",
     {("Moira Hetherington", "Anytown and Borough Police and Crime Panel", "Vice-Chair")}),
]

# Texts that put a name next to an organisation without stating a membership.
NOT_POSTS: list[tuple[str, str]] = [
    ("letter to a council", "Jane Doe wrote to Anytown Borough Council about parking."),
    ("praised by a force", "Kent Police PEEL 2019\n\nSam Patel praised Essex Police for its work."),
    ("lower-case verb after name", "Jane Doe, writing to Anytown Borough Council, asked for help."),
    ("lower-case word that is no post", "Jane Doe, a resident of Anytown, wrote to Anytown Borough Council."),
    ("untitled name before a bracket", "Jane Doe (Anytown Borough Council) was not present."),
    ("force before an untitled name", "Essex Police Jane Doe was quoted in the paper."),
    ("resolution noting a report", PANEL + "RESOLVED – That the report of Councillor Moira Hetherington be noted."),
    ("resolution thanking a person", PANEL + "RESOLVED – That Councillor Moira Hetherington be thanked for her work."),
    ("untitled name of a force", "Jane Doe of Essex Police was quoted in the paper."),
    ("rank of another force's officer", "Kent Police PEEL 2019\n\nChief Superintendent Mark Ellis – Anytown Borough "
     "Council"),
]


def _cases(cases: list[tuple]) -> list:
    gap = pytest.mark.xfail(strict=True, reason="construction not read yet (KNOWN_GAPS)")
    return [pytest.param(*case, id=case[0], marks=[gap] if case[0] in KNOWN_GAPS else []) for case in cases]


def posts_of(text: str, nlp) -> set[tuple[str, str, str]]:
    """Every memberOf link read from ``text``, as (person, organisation, role) by entity label."""
    extraction = merge([analyse_read(ReadDocument("case.txt", clean_text(text)), nlp)])
    label = {key: entity.label for key, entity in extraction.entities.items()}
    return {(label.get(link.subject, link.subject), label.get(link.object, link.object), link.role or "")
            for link in extraction.links if link.predicate is Predicate.MEMBER_OF}


def _members(posts: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {(person, M, organisation) for person, organisation, _ in posts}


@pytest.mark.parametrize(("name", "text", "expected"), _cases(POSTS + MORE_POSTS))
def test_posts_give_exactly_their_memberships(nlp, name: str, text: str, expected: set) -> None:
    assert _members(posts_of(text, nlp)) == _members(expected)


@pytest.mark.parametrize(("name", "text"), _cases(NOT_POSTS))
def test_names_beside_organisations_that_are_not_posts(nlp, name: str, text: str) -> None:
    assert posts_of(text, nlp) == set()
