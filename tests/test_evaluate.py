"""The evaluator: matching by names and aliases, optional items, funds by amount and recipient."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from policekg.extract.model import (DocumentInfo, Entity, Evidence, Extraction, Fund, Kind, Link, Predicate)
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.evaluate import GoldError, evaluate, normalise

DOC = DocumentInfo("doc-1", "reports/doc.txt", "Doc", "0" * 64)


def _evidence(start: int = 0) -> Evidence:
    return Evidence("doc-1", "a quote", start, start + 7, 0.9, "in place")


def _extraction() -> Extraction:
    entities = {
        "PoliceForce/kent-police": Entity("PoliceForce/kent-police", Kind.FORCE, "Kent Police", set(), {"doc-1"}),
        "PoliceForce/essex-police": Entity("PoliceForce/essex-police", Kind.FORCE, "Essex Police", set(), {"doc-1"}),
        "PartnerOrganisation/medway-csp": Entity("PartnerOrganisation/medway-csp", Kind.PARTNER,
                                                 "Medway Community Safety Partnership", {"Medway CSP"}, {"doc-1"}),
        "PartnerOrganisation/the-council": Entity("PartnerOrganisation/the-council", Kind.PARTNER, "Town Council",
                                                  set(), {"doc-1"}),
    }
    links = [Link("PoliceForce/essex-police", Predicate.COLLABORATES_WITH, "PoliceForce/kent-police", _evidence())]
    funds = [Fund("Fund/a", "£96,782 to Medway CSP (2015/16)", Decimal(96782), [_evidence(10)], "2015/16",
                  recipient="PartnerOrganisation/medway-csp", documents={"doc-1"})]
    return Extraction([DOC], entities, links, funds)


GOLD = {
    "document": "doc.txt",
    "entities": [
        {"type": "PoliceForce", "name": "Kent Police", "aliases": []},
        {"type": "PoliceForce", "name": "Essex Police", "aliases": []},
        {"type": "PoliceForce", "name": "Surrey Police", "aliases": [], "optional": True},
        {"type": "PartnerOrganisation", "name": "Medway CSP", "aliases": []},
        {"type": "PartnerOrganisation", "name": "Office of the Kent Police and Crime Commissioner", "aliases": []},
        {"type": "Programme", "name": "Operation Encompass", "aliases": []},
    ],
    "relations": [
        {"type": "collaboratesWith", "a": "Kent Police", "b": "Essex Police", "role": None, "status": "in place"},
        {"type": "collaboratesWith", "a": "Kent Police", "b": "Surrey Police", "role": None},
    ],
    "funds": [
        {"amount": 96782, "recipient": "Medway CSP", "funder": "Office of the Kent Police and Crime Commissioner",
         "period": "2015/16", "purpose": None},
        {"amount": 93395, "recipient": "Medway CSP", "funder": None, "period": "2016/17", "purpose": None},
    ],
}


@pytest.fixture()
def gold_dir(tmp_path):
    (tmp_path / "doc.gold.json").write_text(json.dumps(GOLD))
    return tmp_path


def test_evaluate_scores_each_category(gold_dir):
    result = evaluate(build_rdf(_extraction()), gold_dir)
    force, partner, programme = (result.scores[k] for k in ("PoliceForce", "PartnerOrganisation", "Programme"))
    assert (force.tp, force.fp, force.fn) == (2, 0, 0)
    assert (partner.tp, partner.fp, partner.fn) == (1, 1, 1)
    assert (programme.tp, programme.fn) == (0, 1)
    assert result.scores["collaboratesWith"].f1 == 1.0  # Kent–Surrey touches an optional entity
    fund = result.scores["Fund"]
    assert (fund.tp, fund.fp, fund.fn) == (1, 0, 1)
    funder = result.scores["funder"]
    assert (funder.tp, funder.fp, funder.fn) == (0, 0, 1)


def test_evaluate_lists_every_error(gold_dir):
    errors = evaluate(build_rdf(_extraction()), gold_dir).errors
    assert "false PartnerOrganisation in doc.txt: Town Council" in errors
    assert "missed Programme in doc.txt: Operation Encompass" in errors
    assert any(line.startswith("missed Fund in doc.txt: £93395") for line in errors)


def test_evaluate_reports_gold_documents_missing_from_the_graph(tmp_path):
    (tmp_path / "other.gold.json").write_text(json.dumps({**GOLD, "document": "other.txt"}))
    result = evaluate(build_rdf(_extraction()), tmp_path)
    assert result.documents == 0
    assert result.scores["PoliceForce"].fn == 2


@pytest.mark.parametrize("content", ["not json", json.dumps({"entities": []})])
def test_evaluate_rejects_malformed_gold(tmp_path, content):
    (tmp_path / "bad.gold.json").write_text(content)
    with pytest.raises(GoldError, match="bad.gold.json"):
        evaluate(build_rdf(_extraction()), tmp_path)


@pytest.mark.parametrize(("a", "b"), [
    ("Kent Fire & Rescue Service", "kent fire and rescue service"),
    ("The Home Office", "Home Office"),
    ("Police and Crime Commissioners’ Treasurers' Society", "Police and Crime Commissioners' Treasurers Society"),
])
def test_evaluate_names_compare_loosely(a, b):
    assert normalise(a) == normalise(b)


def test_evaluate_compares_claim_status_of_matched_links(gold_dir):
    result = evaluate(build_rdf(_extraction()), gold_dir)
    assert (result.status_agreed, result.status_compared) == (1, 1)


def test_evaluate_scores_funders_of_matched_funds(gold_dir):
    extraction = _extraction()
    office = "PartnerOrganisation/office-of-the-kent-police-and-crime-commissioner"
    extraction.entities[office] = Entity(office, Kind.PARTNER, "Office of the Kent Police and Crime Commissioner",
                                         set(), {"doc-1"})
    extraction.funds[0].funder = office
    funder = evaluate(build_rdf(extraction), gold_dir).scores["funder"]
    assert (funder.tp, funder.fp, funder.fn) == (1, 0, 0)
