"""Units of extraction on small texts written for the tests."""
from __future__ import annotations

from decimal import Decimal

import pytest
import spacy

from policekg.extract.abbreviations import find_definitions
from policekg.extract.keys import entity_key
from policekg.extract.status import claim_status
from policekg.extract.model import Kind
from policekg.extract.money import MONEY, amount
from policekg.extract.names import PersonName, matches_short_form, split_title


@pytest.mark.parametrize(("written", "name", "title"), [
    ("ACC Matthew Horne", "Matthew Horne", "ACC"),
    ("Mr P M Hill, OBE", "P M Hill", "Mr"),
    ("Cllr Mrs M Lowther", "M Lowther", "Mrs"),
    ("Det Supt Jane Doe", "Jane Doe", "Det Supt"),
    ("Ms Boyd", "Boyd", "Ms"),
    ("Zoë Billingham", "Zoë Billingham", None),
])
def test_names_split_title(written, name, title):
    assert split_title(written) == PersonName(name, title)


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("Boyd", "Kerry Boyd", True),
    ("A Barnes", "Ann Barnes", True),
    ("B Barnes", "Ann Barnes", False),
    ("Horne", "Matthew Horne", True),
    ("Hill", "M Hill", False),
    ("R A Latchford", "Roger Latchford", True),
    ("P M Hill", "Mike Hill", False),
])
def test_names_short_forms(short, full, expected):
    assert matches_short_form(PersonName(short), PersonName(full)) is expected


@pytest.mark.parametrize(("written", "pounds"), [
    ("£1.5m", Decimal("1500000")), ("£350,000", Decimal("350000")), ("£2.4 million", Decimal("2400000")),
    ("£25k", Decimal("25000")), ("£96,782", Decimal("96782")), ("£0.25", Decimal("0.25")),
])
def test_money_amounts(written, pounds):
    match = MONEY.search(written)
    assert amount(match.group("number"), match.group("unit")) == pounds


@pytest.mark.parametrize(("text", "abbreviation", "long_form"), [
    ("backlogs in the incident management unit (IMU) grew", "IMU", "incident management unit"),
    ("the Regional Organised Crime Unit (ROCU) said", "ROCU", "Regional Organised Crime Unit"),
    ("two multi-agency safeguarding hubs (MASHs) run", "MASHs", "multi-agency safeguarding hubs"),
])
def test_abbreviations_defined_in_brackets(text, abbreviation, long_form):
    (definition,) = find_definitions(text)
    assert (definition.abbreviation, text[definition.start : definition.end]) == (abbreviation, long_form)


def test_abbreviations_not_spelled_by_initials_are_ignored():
    assert find_definitions("the force's online team (XYZ) met") == []


@pytest.mark.parametrize(("sentence", "status"), [
    ("The force has collaborated with Essex Police for years.", "in place"),
    ("The force intends to increase its collaboration with the fire service.", "planned"),
    ("The force should work more closely with the council.", "recommended"),
    ("The joint unit with Surrey Police was disbanded in 2018.", "ended"),
])
def test_links_claim_status(sentence, status):
    assert claim_status(sentence) == status


@pytest.mark.parametrize(("a", "b"), [
    ("Medway CSP", "Medway Community Safety Partnership"),
    ("Kent Fire & Rescue Service", "Kent Fire and Rescue Service"),
    ("seven-force strategic collaboration programme", "seven-force strategic collaboration"),
])
def test_keys_spellings_share_a_key(a, b):
    kind = Kind.PROGRAMME if "programme" in a else Kind.PARTNER
    assert entity_key(kind, a) == entity_key(kind, b)


def test_ruler_factory_is_registered_for_any_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("policekg_ruler")
    doc = nlp("Kent Police works with Essex Police and Kent Fire and Rescue Service on Operation Encompass.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kent Police", "FORCE"), ("Essex Police", "FORCE"), ("Kent Fire and Rescue Service", "PARTNER"),
        ("Operation Encompass", "PROGRAMME"),
    ]
    assert doc.ents[0].ent_id_ == "PoliceForce/kent-police"


@pytest.mark.parametrize("text", ["MPs met police leaders.", "Police now have powers to act."])
def test_ruler_gazetteer_is_case_sensitive(text):
    nlp = spacy.blank("en")
    nlp.add_pipe("policekg_ruler")
    assert [e.label_ for e in nlp(text).ents if e.label_ in ("FORCE", "PARTNER")] == []
