"""Exact results on the bundled example documents (see examples/README.md for what each holds)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import EXAMPLES
from policekg import api
from policekg.extract.model import Kind, Predicate


def labels(extraction, kind):
    return {e.label for e in extraction.entities.values() if e.kind is kind}


def key_of(extraction, label):
    (key,) = [k for k, e in extraction.entities.items() if e.label == label]
    return key


def document(extraction, stem):
    (doc,) = [d for d in extraction.documents if d.source.endswith(stem)]
    return doc


def test_examples_police_forces(examples_extraction):
    assert labels(examples_extraction, Kind.FORCE) == {
        "Avon and Somerset Police", "Devon and Cornwall Police", "Dorset Police", "Gloucestershire Constabulary",
        "Wiltshire Police",
    }


@pytest.mark.parametrize("label", [
    "Dorset and Wiltshire Fire and Rescue Service", "Dorset HealthCare University NHS Foundation Trust",
    "Bournemouth University", "Home Office", "Gloucestershire Police and Crime Panel",
    "Gloucestershire County Council", "Forest of Dean District Council", "Gloucestershire Youth Offending Team",
    "Severn Haven Trust", "Gloucestershire Hospitals NHS Foundation Trust",
])
def test_examples_partners(examples_extraction, label):
    assert label in labels(examples_extraction, Kind.PARTNER)


@pytest.mark.parametrize("label", [
    "South West Collaboration Programme", "Digital Mobility Programme", "Tidemark Programme", "Operation Lanthorn",
    "Wessex Street Triage Pilot", "Gloucestershire Mental Health Crisis Care Concordat",
])
def test_examples_programmes(examples_extraction, label):
    assert label in labels(examples_extraction, Kind.PROGRAMME)


def test_examples_abbreviation_defined_in_brackets_is_an_alias(examples_extraction):
    fire = examples_extraction.entities[key_of(examples_extraction, "Dorset and Wiltshire Fire and Rescue Service")]
    assert "DWFRS" in fire.alt_labels


def test_examples_dropped_page_parts_are_not_read(examples_extraction):
    wiltshire = document(examples_extraction, "wiltshire-peel-2017-efficiency.html")
    home_office = examples_extraction.entities[key_of(examples_extraction, "Home Office")]
    assert wiltshire.id not in home_office.documents
    text = api.document_text(EXAMPLES / wiltshire.source.rsplit("/", 1)[-1])
    for phrase in ("Skip to content", "cookie", "Related links"):
        assert phrase.lower() not in text.lower()


@pytest.mark.parametrize(("stem", "title", "date", "force"), [
    ("wiltshire-peel-2017-efficiency.html", "Wiltshire PEEL 2017", "2017-11-14", "Wiltshire Police"),
    ("dorset-peel-2018-19-extract.txt", None, "2019-05-02", "Dorset Police"),
    ("gloucestershire-police-and-crime-panel-2019-06-minutes.md", "Gloucestershire Police and Crime Panel",
     "2019-06-11", "Gloucestershire Constabulary"),
    ("gloucestershire-commissioner-decision-2019-014.txt", "Decision Notice 2019/014", "2019-09-04",
     "Gloucestershire Constabulary"),
])
def test_examples_document_metadata(examples_extraction, stem, title, date, force):
    doc = document(examples_extraction, stem)
    if title is not None:
        assert doc.title == title
    assert doc.date == date
    assert doc.about_force == key_of(examples_extraction, force)


@pytest.mark.parametrize(("a", "b"), [
    ("Wiltshire Police", "Dorset and Wiltshire Fire and Rescue Service"),
    ("Wiltshire Police", "Avon and Somerset Police"),
    ("Dorset Police", "Dorset HealthCare University NHS Foundation Trust"),
    ("Dorset Police", "Bournemouth University"),
    ("Dorset Police", "Dorset and Wiltshire Fire and Rescue Service"),  # "a joint control room with"
])
def test_examples_collaborations(examples_extraction, a, b):
    pairs = {(link.subject, link.object) for link in examples_extraction.links
             if link.predicate is Predicate.COLLABORATES_WITH}
    assert (key_of(examples_extraction, a), key_of(examples_extraction, b)) in pairs


def test_examples_no_collaboration_from_co_occurrence_alone(examples_extraction):
    panel = document(examples_extraction, "gloucestershire-police-and-crime-panel-2019-06-minutes.md")
    assert not [link for link in examples_extraction.links
                if link.evidence.document == panel.id and link.predicate is Predicate.COLLABORATES_WITH]


def test_examples_participation(examples_extraction):
    links = {(link.subject, link.object) for link in examples_extraction.links
             if link.predicate is Predicate.PARTICIPATES_IN}
    assert (key_of(examples_extraction, "Wiltshire Police"),
            key_of(examples_extraction, "South West Collaboration Programme")) in links


@pytest.mark.parametrize(("person", "post", "organisation"), [
    ("Rowena Tallis", "Assistant Chief Constable", "Dorset Police"),
    ("Helena Marchbank", "HM Inspector of Constabulary", "HM Inspectorate of Constabulary and Fire & Rescue Services"),
    ("Robert Haverstock", "Chief Constable", "Gloucestershire Constabulary"),
    ("Eleanor Pennicott", "Police and Crime Commissioner", "Office of the Gloucestershire Police and Crime Commissioner"),
    ("Claire Bellingham", "Head of Service", "Gloucestershire Youth Offending Team"),
    ("Derek Mallinder", "Councillor", "Cheltenham Borough Council"),
    ("Joanna Pettigrew", "Councillor", "Forest of Dean District Council"),
    ("Keith Marwood", "Co-opted member", "Gloucestershire County Council"),
    ("Martin Dellow", "Vice-Chairman", "Gloucestershire Police and Crime Panel"),
    ("Fiona Caddick", "Independent Member", "Gloucestershire Police and Crime Panel"),
    ("Bernard Coldicott", "Member", "Gloucestershire County Council"),  # "Mr" is an honorific, not a post
    ("Bernard Coldicott", "Chairman", "Gloucestershire Police and Crime Panel"),
])
def test_examples_posts(examples_extraction, person, post, organisation):
    posts = {(link.subject, link.role, link.object) for link in examples_extraction.links
             if link.predicate is Predicate.MEMBER_OF}
    assert (key_of(examples_extraction, person), post, key_of(examples_extraction, organisation)) in posts


def test_examples_short_forms_resolve_to_full_names(examples_extraction):
    tallis = examples_extraction.entities[key_of(examples_extraction, "Rowena Tallis")]
    assert "Tallis" in tallis.alt_labels
    assert not [e for e in examples_extraction.entities.values()
                if e.kind is Kind.PERSON and len(e.label.split()) < 2]


ALLOCATIONS = {
    "Cheltenham CSP": (41250, 39800), "Cotswold CSP": (27600, 26650), "Forest of Dean CSP": (30400, 29350),
    "Gloucester CSP": (52800, 50950), "Stroud CSP": (34100, 32900), "Tewkesbury CSP": (29500, 28450),
    "Gloucestershire Youth Offending Team": (118500, 114350), "Severn Haven Trust": (20000, 20000),
}


def test_examples_allocation_table_funds(examples_extraction):
    found = {(f.recipient, f.amount, f.period) for f in examples_extraction.funds}
    for recipient, (first, second) in ALLOCATIONS.items():
        key = key_of(examples_extraction, recipient)
        assert (key, Decimal(first), "2019/20") in found
        assert (key, Decimal(second), "2020/21") in found
    purposes = {(f.purpose, f.amount, f.period) for f in examples_extraction.funds if f.recipient is None}
    assert ("Youth diversion activity", Decimal(15000), "2019/20") in purposes
    assert not [f for f in examples_extraction.funds if f.amount in (Decimal(369150), Decimal(357450))]


@pytest.mark.parametrize(("amount", "recipient", "funder", "period"), [
    (150000, "Gloucestershire Constabulary", "Office of the Gloucestershire Police and Crime Commissioner",
     "in each of the next two years"),
    (48000, "Severn Haven Trust", None, "2019/20"),
    (350000, "Dorset Police", "Home Office", None),
])
def test_examples_prose_funds(examples_extraction, amount, recipient, funder, period):
    funds = {(f.amount, f.recipient, f.funder, f.period) for f in examples_extraction.funds}
    funder_key = key_of(examples_extraction, funder) if funder else None
    assert (Decimal(amount), key_of(examples_extraction, recipient), funder_key, period) in funds


def test_examples_savings_are_not_funds(examples_extraction):
    assert not [f for f in examples_extraction.funds if f.amount == Decimal(12_000_000)]


DORSET_JUDGEMENTS = {
    ("Effectiveness", "Good", "2018/19"),
    ("Preventing crime and tackling anti-social behaviour", "Good", "2017"),
    ("Investigating crime", "RequiresImprovement", "2018/19"),
    ("Protecting vulnerable people", "Good", "2018/19"),
    ("Tackling serious and organised crime", "Good", "2017"),
    ("Armed response capability", "Ungraded", "2018/19"),
    ("Efficiency", "Good", "2018/19"),
    ("Meeting current demands and using resources", "Good", "2017"),
    ("Planning for the future", "Good", "2018/19"),
    ("Legitimacy", "Good", "2018/19"),
    ("Fair treatment of the public", "Good", "2017"),
    ("Ethical and lawful workforce behaviour", "RequiresImprovement", "2018/19"),
    ("Fair treatment of the workforce", "Good", "2017"),
    # a grade last inspected in 2017 is also the 2018/19 grade, carried over
    ("Preventing crime and tackling anti-social behaviour", "Good", "2018/19"),
    ("Tackling serious and organised crime", "Good", "2018/19"),
    ("Meeting current demands and using resources", "Good", "2018/19"),
    ("Fair treatment of the public", "Good", "2018/19"),
    ("Fair treatment of the workforce", "Good", "2018/19"),
}
WILTSHIRE_JUDGEMENTS = {
    ("Efficiency", "Good", "2017"),
    ("How well does the force understand demand?", "Good", "2017"),
    ("How well does the force use its resources?", "RequiresImprovement", "2017"),
    ("How well is the force planning for demand in the future?", "Good", "2017"),
}


@pytest.mark.parametrize(("force", "expected"), [
    ("Dorset Police", DORSET_JUDGEMENTS), ("Wiltshire Police", WILTSHIRE_JUDGEMENTS),
])
def test_examples_judgements(examples_extraction, force, expected):
    key = key_of(examples_extraction, force)
    assert {(j.area, j.grade, j.year) for j in examples_extraction.judgements if j.force == key} == expected


def test_examples_judgements_only_in_peel_reports(examples_extraction):
    forces = {j.force for j in examples_extraction.judgements}
    assert forces == {key_of(examples_extraction, "Dorset Police"), key_of(examples_extraction, "Wiltshire Police")}


def test_examples_entities_resolve_across_documents(examples_extraction):
    for label in ("Severn Haven Trust", "Gloucestershire County Council"):
        assert len(examples_extraction.entities[key_of(examples_extraction, label)].documents) == 2
