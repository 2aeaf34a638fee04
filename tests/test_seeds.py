"""The seed documents build into a contract-valid graph holding the facts they state."""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph
import pytest
from rdflib import Literal

from policekg import api, validate_graph
from policekg.graph.rdf.namespaces import ORG, PKO, PROV, RDF, RDFS, SKOS
from policekg.graph.rdf.write import serialize
from graph_queries import node_with_name, nodes_labelled

from conftest import assert_contract


@pytest.mark.parametrize("label", ["Kent Police", "Essex Police", "Leicestershire Police", "Northamptonshire Police"])
def test_seeds_force_once_however_written(seeds_graph, label):
    assert len(nodes_labelled(seeds_graph, "PoliceForce", label)) == 1
    named = [n for n in seeds_graph.subjects(RDF.type, PKO.PoliceForce)
             if any(label.lower() == str(o).lower() for o in seeds_graph.objects(n, SKOS.altLabel))]
    assert named == []


@pytest.mark.parametrize("label", ["Kent Fire and Rescue Service", "College of Policing", "National Crime Agency",
                                   "Home Office"])
def test_seeds_partners(seeds_graph, label):
    assert node_with_name(seeds_graph, "PartnerOrganisation", label)


@pytest.mark.parametrize("label", ["seven-force strategic collaboration programme", "Operation Encompass"])
def test_seeds_programmes(seeds_graph, label):
    assert node_with_name(seeds_graph, "Programme", label)


@pytest.mark.parametrize(("person", "post"), [
    ("Ann Barnes", "Police and Crime Commissioner"),
    ("Alan Pughsley", "Chief Constable"),
    ("Zoë Billingham", "HM Inspector of Constabulary"),
])
def test_seeds_people_with_posts(seeds_graph, person, post):
    (node,) = nodes_labelled(seeds_graph, "Person", person)
    roles = {str(seeds_graph.value(seeds_graph.value(m, ORG.role), RDFS.label))
             for m in seeds_graph.subjects(ORG.member, node)}
    assert post in roles
    assert (node, ORG.memberOf, None) in seeds_graph


def test_seeds_person_labels_have_no_titles(seeds_graph):
    labels = [str(seeds_graph.value(p, RDFS.label)) for p in seeds_graph.subjects(RDF.type, PKO.Person)]
    assert "Matthew Horne" in labels
    assert not [label for label in labels if label.split()[0] in {"Mr", "Mrs", "Ms", "ACC", "Cllr", "Councillor"}]


def test_seeds_ms_boyd_is_kerry_boyd(seeds_graph):
    (node,) = nodes_labelled(seeds_graph, "Person", "Kerry Boyd")
    assert Literal("Boyd") in set(seeds_graph.objects(node, SKOS.altLabel))


def test_seeds_kent_collaborates_with_essex_with_quote(seeds_graph):
    (kent,) = nodes_labelled(seeds_graph, "PoliceForce", "Kent Police")
    (essex,) = nodes_labelled(seeds_graph, "PoliceForce", "Essex Police")
    assert (kent, PKO.collaboratesWith, essex) in seeds_graph
    assert (essex, PKO.collaboratesWith, kent) in seeds_graph
    quotes = [str(seeds_graph.value(s, PKO.quote)) for s in seeds_graph.subjects(RDF.subject, kent)
              if seeds_graph.value(s, RDF.object) == essex]
    assert any("Essex Police" in q for q in quotes)


def test_seeds_every_collaboration_direction_has_its_own_evidence(seeds_graph):
    statements = {}
    for node in seeds_graph.subjects(RDF.predicate, PKO.collaboratesWith):
        triple = (seeds_graph.value(node, RDF.subject), seeds_graph.value(node, RDF.object))
        statements.setdefault(triple, set()).add(node)
    pairs = set(seeds_graph.subject_objects(PKO.collaboratesWith))
    assert pairs and set(statements) == pairs
    for a, b in pairs:
        assert not statements[(a, b)] & statements[(b, a)]
        quotes = {seeds_graph.value(n, PKO.quote) for n in statements[(a, b)]}
        assert quotes == {seeds_graph.value(n, PKO.quote) for n in statements[(b, a)]}


def test_seeds_allocation_table_row_is_a_fund(seeds_graph):
    (medway,) = node_with_name(seeds_graph, "PartnerOrganisation", "Medway CSP")
    funds = {(seeds_graph.value(f, PKO.amount).toPython(), str(seeds_graph.value(f, PKO.period)))
             for f in seeds_graph.subjects(PKO.recipient, medway)}
    assert (Decimal("96782"), "2015/16") in funds
    assert (Decimal("93395"), "2016/17") in funds


def test_seeds_kent_2016_efficiency_good(seeds_graph):
    (kent,) = nodes_labelled(seeds_graph, "PoliceForce", "Kent Police")
    found = {(str(seeds_graph.value(j, PKO.area)), seeds_graph.value(j, PKO.grade), str(seeds_graph.value(j, PKO.year)))
             for j in seeds_graph.subjects(PKO.aboutForce, kent) if (j, RDF.type, PKO.Judgement) in seeds_graph}
    assert ("Efficiency", PKO.Good, "2016") in found
    assert ("How well does the force understand the current and likely future demand?", PKO.Outstanding,
            "2016") in found


def test_seeds_evidence_offsets_point_at_the_quote(seeds_extraction):
    texts = {d.id: api.document_text(d.source) for d in seeds_extraction.documents}
    for link in seeds_extraction.links:
        evidence = link.evidence
        assert texts[evidence.document][evidence.start : evidence.end].strip() == evidence.quote


def test_seeds_graph_passes_the_contract_check(seeds_graph, tmp_path):
    path = tmp_path / "seeds.ttl"
    path.write_bytes(serialize(seeds_graph, "turtle"))
    assert_contract(path)


def test_seeds_graph_conforms_to_the_shapes(seeds_graph):
    result = validate_graph(seeds_graph)
    assert result.conforms, "\n".join(result.violations[:20])


def test_seeds_graph_parses_in_pyoxigraph(seeds_graph):
    data = serialize(seeds_graph, "turtle")
    triples = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(seeds_graph)


def test_seeds_second_build_is_byte_identical(seeds_graph, seeds_dir, nlp):
    again = api.to_graph(api.extract_documents([seeds_dir], nlp=nlp))
    assert serialize(again, "turtle") == serialize(seeds_graph, "turtle")


def test_seeds_every_statement_has_provenance(seeds_graph):
    for statement in seeds_graph.subjects(RDF.type, RDF.Statement):
        assert (statement, PROV.wasDerivedFrom, None) in seeds_graph
