"""Names bounded by the layout around them: columns aligned with spaces in plain text are table
cells, a document's header fields ("Date: …") are lines of their own, and a person's post
spaCy runs into a body's name is no part of it. Every text is invented; each case checks
exactly the entities it reads, or the exact text a reading gives. A name spaCy runs across a
TAB keeps only its own cell."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from policekg.extract.clean import clean_text
from policekg.extract.mentions import _organisation
from policekg.extract.read_text import aligned_tables_as_tabs

from extraction import entities_of

P = "PartnerOrganisation"


ALIGNED = (
    "The panel recommends these awards:\n\n"
    "  Group                         Project                       Amount\n"
    "  Brightwater Trust             Night patrols for the town    £2,000.00\n"
    "  Kestrel Youth Hub             Summer boxing sessions        £1,500.00\n"
    "  Total                                                       £3,500.00\n"
)


def test_aligned_columns_become_tab_rows() -> None:
    rows = aligned_tables_as_tabs(ALIGNED).split("\n")[2:6]
    assert rows == [
        "Group\tProject\tAmount",
        "Brightwater Trust\tNight patrols for the town\t£2,000.00",
        "Kestrel Youth Hub\tSummer boxing sessions\t£1,500.00",
        "Total\t\t£3,500.00",
    ]


def test_names_in_aligned_columns_are_bounded_by_their_cells(nlp) -> None:
    assert entities_of(ALIGNED, nlp, layout=True) == {(P, "Brightwater Trust"), (P, "Kestrel Youth Hub")}


@pytest.mark.parametrize("text", [
    "Title:              Grants to the Northshire youth project\nDate of decision:   9 July 2024\n",
    "The board met twice.  It agreed the plan.\nThe chair  thanked members.\n",
    "Only one line    with a gap.\n",
])
def test_fields_and_prose_are_no_aligned_table(text: str) -> None:
    assert aligned_tables_as_tabs(text) == text


def test_header_fields_keep_their_own_lines() -> None:
    text = ("Report to: Partnership Meeting, Northshire Civic Hall, Kestrelford\n"
            "Date: 16 September 2025\n")
    assert clean_text(text) == text.rstrip("\n")


def test_a_long_broken_line_still_joins_the_next() -> None:
    text = "Report to: the Partnership meeting held at the Northshire Arts Centre in\nKestrelford on Monday.\n"
    assert clean_text(text).count("\n") == 0


def test_header_field_value_is_not_glued_to_the_next_label(nlp) -> None:
    text = ("Author: Jo Bell, Partnerships Manager, Brightwater Trust\n"
            "Status: Public\n\nThe report was agreed.\n")
    assert entities_of(text, nlp, layout=True) == {(P, "Brightwater Trust"), ("Person", "Jo Bell")}


@pytest.mark.parametrize("text, expected", [
    ("Northshire Police thanked Sam Ridley, Area Manager Northshire Health and Social Care Trust, for his help.",
     (P, "Northshire Health and Social Care Trust")),
    ("The visit was led by Group Manager Jo Bell of Northshire Fire and Rescue Service last week.",
     (P, "Northshire Fire and Rescue Service")),
])
def test_a_post_run_into_a_body_name_is_trimmed(nlp, text: str, expected: tuple[str, str]) -> None:
    partners = {entity for entity in entities_of(text, nlp, layout=True) if entity[0] == P}
    assert partners == {expected}


@pytest.mark.parametrize("row, expected", [
    ("Jo Bell\tBoard Member", "Board"),
    ("Jo Bell\tBrightwater Youth Trust", "Brightwater Youth Trust"),
])
def test_a_name_spacy_runs_across_a_cell_keeps_its_own_cell(nlp, row: str, expected: str) -> None:
    doc = nlp(row)
    mention = _organisation(Span(doc, 0, len(doc) - (row.endswith("Member")), "ORG"), 0)
    assert mention is not None and mention.text == expected
