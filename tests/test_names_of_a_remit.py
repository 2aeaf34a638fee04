"""A name of a remit runs on over "and" (``context_names.py``): "Department for Rivers and
Coastal Affairs" is one name, not "Department for Rivers" and "Coastal Affairs", unless the
words after "and" name a body of their own. Every text is invented; each case checks exactly
the partners it reads."""
from __future__ import annotations

import pytest

from extraction import partners_of

P = "PartnerOrganisation"


@pytest.mark.parametrize("text, expected", [
    ("The Kestrel Authority is a public body sponsored by the Department for Rivers and Coastal Affairs.",
     {"Kestrel Authority", "Department for Rivers and Coastal Affairs"}),
    ("The helpline is funded by the Ministry of Harbours and Inland Waterways.",
     {"Ministry of Harbours and Inland Waterways"}),
])
def test_a_remit_runs_on_over_and(nlp, text: str, expected: set[str]) -> None:
    assert partners_of(text, nlp) == expected


@pytest.mark.parametrize("text, expected", [
    ("The scheme is funded by the Department for Rivers and the Northshire Youth Trust.",
     {"Department for Rivers", "Northshire Youth Trust"}),
    ("The project is funded by the Office for Harbours and Northshire Police.",
     {"Office for Harbours", "Northshire Police"}),
])
def test_a_body_after_and_is_a_name_of_its_own(nlp, text: str, expected: set[str]) -> None:
    assert partners_of(text, nlp) == expected
