"""A name spaCy cut short runs on (``name_edges.py``) over the one or two capitalised words
after it that end with a type word. Every text is invented; each case checks the exact names."""
from __future__ import annotations

import pytest

from policekg.extract.mentions import Mention
from policekg.extract.model import Kind
from policekg.extract.name_edges import with_whole_names


def names_after_run_on(text: str, found: str) -> list[str]:
    start = text.index(found)
    mention = Mention(Kind.PARTNER, start, start + len(found), found, found)
    return [m.text for m in with_whole_names(text, [mention], [])]


@pytest.mark.parametrize("text, found, expected", [
    ("Patients were seen by Northshire and Vale University Health Board staff.",
     "Northshire and Vale University", ["Northshire and Vale University Health Board"]),
    ("The plan went to the Safer Kestrelford Partnership Board in May.",
     "Safer Kestrelford Partnership", ["Safer Kestrelford Partnership Board"]),
])
def test_a_name_cut_before_its_type_word_runs_on(text: str, found: str, expected: list[str]) -> None:
    assert names_after_run_on(text, found) == expected


@pytest.mark.parametrize("text, found", [
    ("Jo Bell of Brightwater Trust Board Member Services spoke.", "Brightwater Trust"),
    ("The Brightwater Trust Annual Report was noted.", "Brightwater Trust"),
    ("Brightwater Trust met on Monday.", "Brightwater Trust"),
])
def test_a_name_followed_by_other_words_stays(text: str, found: str) -> None:
    assert names_after_run_on(text, found) == [found]
