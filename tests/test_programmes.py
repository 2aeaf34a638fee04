"""Programmes worth the name (``extract/programme_names.py``, ``keys.programme_core``): invented
texts and the exact programme entities each gives, with every surface form kept as an alias."""
from __future__ import annotations

import pytest

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read, merge
from policekg.extract.keys import entity_key
from policekg.extract.model import Kind, ReadDocument

Programmes = set[tuple[str, frozenset[str]]]


def programmes_of(texts: list[str], nlp) -> Programmes:
    """The programme entities of the documents ``texts``: (label, aliases)."""
    extraction = merge([analyse_read(ReadDocument(f"case{i}.txt", clean_text(text)), nlp)
                        for i, text in enumerate(texts)])
    return {(e.label, frozenset(e.alt_labels)) for e in extraction.entities.values() if e.kind is Kind.PROGRAMME}


CASES: list[tuple[str, list[str], Programmes]] = [
    # --- merged: the same qualifiers and head, a generic word or a word of the same kind apart
    ("alliance and collaboration programme", [
        "Kent Police is part of the seven-force strategic alliance. The seven-force strategic collaboration "
        "programme saves money."],
     {("seven-force strategic collaboration programme", frozenset({"seven-force strategic alliance"}))}),
    ("generic last word, across documents", [
        "Kent Police runs the Safer Roads Programme with Medway Council.",
        "Essex Police joined the Safer Roads scheme in 2020."],
     {("Safer Roads Programme", frozenset({"Safer Roads scheme"}))}),
    ("abbreviation and its expansion", [
        "Kent Police joined the Emergency Services Network Programme (ESNP) in 2019. ESNP will replace Airwave."],
     {("Emergency Services Network Programme", frozenset({"ESNP"}))}),
    ("defined abbreviation with a programme word", [
        "Kent Police runs the Safer Roads Initiative (SRI) with Medway Council. The SRI scheme cut collisions."],
     {("Safer Roads Initiative", frozenset({"SRI", "SRI scheme"}))}),
    ("qualifiers left off later", [
        "Kent Police signed the Kent Mental Health Crisis Care Concordat. The Mental Health Crisis Care Concordat "
        "sets standards for the county."],
     {("Kent Mental Health Crisis Care Concordat", frozenset({"Mental Health Crisis Care Concordat"}))}),
    # --- not merged
    ("other qualifiers", [
        "Kent Police runs the Safer Roads Programme and the Safer Streets Programme."],
     {("Safer Roads Programme", frozenset()), ("Safer Streets Programme", frozenset())}),
    ("an abbreviation the text never defines", [
        "Kent Police runs the SRI scheme with Medway Council. The Safer Roads Initiative is new."],
     {("SRI scheme", frozenset()), ("Safer Roads Initiative", frozenset())}),
    ("two longer names: which one is unknown", [
        "Kent Police signed the North Kent Mental Health Concordat and the South Kent Mental Health Concordat. "
        "The Mental Health Concordat sets standards."],
     {("North Kent Mental Health Concordat", frozenset()), ("South Kent Mental Health Concordat", frozenset()),
      ("Mental Health Concordat", frozenset())}),
    # --- a lower-case phrase only where the text names it as one
    ("quoted lower-case name", [
        "Kent Police runs the ‘walk and talk’ scheme with Medway Council. Officers walk and talk with residents."],
     {("walk and talk", frozenset())}),
    ("the X pilot with a noun", [
        "Kent Police took part in the out of court disposals pilot run by the Ministry of Justice."],
     {("out of court disposals pilot", frozenset())}),
    ("the new pilot is a description", [
        "Kent Police ran the new pilot with Essex Police. The successful pilot ended in May."],
     set()),
    ("a lower-case phrase without a programme word", [
        "Kent Police improved its channel shift work with Essex Police."],
     set()),
]


@pytest.mark.parametrize(("name", "texts", "expected"), CASES, ids=[case[0] for case in CASES])
def test_programme_entities(nlp, name: str, texts: list[str], expected: Programmes) -> None:
    assert programmes_of(texts, nlp) == expected


@pytest.mark.parametrize(("first", "second"), [
    ("seven-force strategic alliance", "seven-force strategic collaboration programme"),
    ("Police Now scheme", "Police Now"),
    ("Street Triage Pilot", "Street Triage pilot scheme"),
])
def test_near_duplicate_names_share_a_key(first: str, second: str) -> None:
    assert entity_key(Kind.PROGRAMME, first) == entity_key(Kind.PROGRAMME, second)


@pytest.mark.parametrize(("first", "second"), [
    ("seven-force strategic alliance", "seven-force strategic review"),
    ("Safer Roads Programme", "Safer Streets Programme"),
    ("Pilot", "Programme"),
])
def test_different_programmes_keep_their_keys(first: str, second: str) -> None:
    assert entity_key(Kind.PROGRAMME, first) != entity_key(Kind.PROGRAMME, second)
