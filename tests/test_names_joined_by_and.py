"""Two whole names joined by "and" are two names (``name_edges.py``): an acronym or words ending
with a type word, "and", then a name opening with a word of its own. A name whose part after
"and" opens with a generic word ("Social Care Trust") stays whole; so does one whose first part is no whole name,
unless the document writes that part on its own. Every text is invented;
each case checks exactly the partners it reads."""
from __future__ import annotations

import pytest

from policekg.extract.mentions import Mention
from policekg.extract.model import Kind
from policekg.extract.name_edges import with_known_heads

from extraction import partners_of

P = "PartnerOrganisation"


@pytest.mark.parametrize("text, expected", [
    ("Working jointly with BWT and Northshire Fire and Rescue Service made the exercise realistic.",
     {"BWT", "Northshire Fire and Rescue Service"}),
    ("The plan was agreed by the Northshire Farmers Union and Kestrel Wildlife Trust in May.",
     {"Northshire Farmers Union", "Kestrel Wildlife Trust"}),
])
def test_two_whole_names_are_two(nlp, text: str, expected: set[str]) -> None:
    assert partners_of(text, nlp) == expected


@pytest.mark.parametrize("text, expected", [
    ("Northshire Health and Social Care Trust attended the meeting.", {"Northshire Health and Social Care Trust"}),
    ("Officers met Northshire Fire and Rescue Service on Monday.", {"Northshire Fire and Rescue Service"}),
])
def test_a_name_with_and_inside_stays_whole(nlp, text: str, expected: set[str]) -> None:
    assert partners_of(text, nlp) == expected


def _partner(text: str, name: str, start: int = 0) -> Mention:
    at = text.index(name, start)
    return Mention(Kind.PARTNER, at, at + len(name), name, name)


def test_a_name_known_on_its_own_is_cut_from_a_name_after_and() -> None:
    text = "Organisation\tAmount\nKestrel Arts\t£2,000\nKestrel Arts and Northshire Youth Trust will help."
    joined = _partner(text, "Kestrel Arts and Northshire Youth Trust")
    mentions = with_known_heads([_partner(text, "Kestrel Arts"), joined])
    assert [(m.start, m.text) for m in mentions] == [
        (20, "Kestrel Arts"), (joined.start, "Kestrel Arts"), (joined.start + 17, "Northshire Youth Trust")]


def test_an_unknown_head_stays_joined() -> None:
    text = "Kestrel Arts and Northshire Youth Trust will help."
    joined = _partner(text, "Kestrel Arts and Northshire Youth Trust")
    assert with_known_heads([joined]) == [joined]
