"""Tests for policekg.graph.network.projection: the exact nodes, edges and attributes of the projection.

``network_extraction`` is also used by the export tests.
"""
from __future__ import annotations

from decimal import Decimal

import networkx as nx
import pytest
from rdflib import Graph

from policekg.extract.model import DocumentInfo, Entity, Evidence, Extraction, Fund, Kind, Link, Predicate
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.iri import Minter
from policekg.graph.network.projection import to_networkx
from policekg.graph.network.views import EDGE_TYPES, VIEWS

SHA = "0" * 64
KENT, ESSEX = "PoliceForce/kent-police", "PoliceForce/essex-police"
FIRE, HOME = "PartnerOrganisation/kent-fire-and-rescue-service", "PartnerOrganisation/home-office"
LONELY, ENCOMPASS = "PartnerOrganisation/lonely-trust", "Programme/operation-encompass"
BARNES, ZOE = "Person/ann-barnes", "Person/zoe-billingham"
KENT_DOC, ESSEX_DOC = "Kent PEEL 2016", 'Essex "Police and Crime" Plan <2017>'
HOSTILE = "<script>alert('x')</script> \"joint\"\nworking 🚓"
ALL_KINDS = {"PoliceForce", "PartnerOrganisation", "Programme", "Person"}


def evidence(quote: str, start: int, document: str = "kent", confidence: float = 0.9,
             status: str | None = "in place") -> Evidence:
    return Evidence(document, quote, start, start + len(quote), confidence, status)


def network_extraction() -> Extraction:
    """Every edge type: two-way collaboration evidence, two funds on one pair, a fund with no funder."""
    docs = [DocumentInfo("kent", "kent.txt", KENT_DOC, SHA),
            DocumentInfo("essex", "essex.txt", ESSEX_DOC, SHA)]
    entities = [
        Entity(KENT, Kind.FORCE, "Kent Police", {"Kent Constabulary", "the Kent force"}, {"kent"}),
        Entity(ESSEX, Kind.FORCE, "Essex Police", set(), {"kent", "essex"}),
        Entity(FIRE, Kind.PARTNER, "Kent Fire and Rescue Service", {"KFRS"}, {"kent"}),
        Entity(HOME, Kind.PARTNER, "Home Office", set(), {"kent"}),
        Entity(LONELY, Kind.PARTNER, "Lonely Trust", set(), {"essex"}),
        Entity(ENCOMPASS, Kind.PROGRAMME, "Operation Encompass", set(), {"essex"}),
        Entity(BARNES, Kind.PERSON, "Ann Barnes", {"PCC Ann Barnes"}, {"kent"}),
        Entity(ZOE, Kind.PERSON, "Zoë Billingham", set(), {"kent"}),
    ]
    links = [
        Link(KENT, Predicate.COLLABORATES_WITH, ESSEX, evidence(HOSTILE, 10)),
        Link(ESSEX, Predicate.COLLABORATES_WITH, KENT, evidence("Essex works with Kent", 5, "essex", 0.8)),
        Link(KENT, Predicate.COLLABORATES_WITH, FIRE, evidence("Kent and KFRS share a site", 90, status="planned")),
        Link(ESSEX, Predicate.PARTICIPATES_IN, ENCOMPASS, evidence("Essex runs Operation Encompass", 50, "essex")),
        Link(KENT, Predicate.PARTICIPATES_IN, ENCOMPASS, evidence("Kent joined Operation Encompass", 200)),
        Link(BARNES, Predicate.MEMBER_OF, KENT, evidence("PCC Ann Barnes", 300, confidence=0.7),
             role="Police and Crime Commissioner"),
        Link(ZOE, Predicate.MEMBER_OF, HOME, evidence("Zoë Billingham of the Home Office", 400)),
    ]
    funds = [
        Fund("Fund/innovation", "Police Innovation Fund", Decimal("96782"),
             [evidence("£96,782 from the Home Office", 500)], "2015/16", HOME, KENT),
        Fund("Fund/top-up", "Police Innovation Fund top-up", Decimal("50000.00"),
             [evidence("a further £50,000", 600)], "2016/17", HOME, KENT),
        Fund("Fund/fire", "Fire grant", Decimal("1.5E+6"), [evidence("£1.5m for KFRS", 700)], None, HOME, FIRE),
        Fund("Fund/reserve", "General reserve", Decimal("250000"), [evidence("a reserve of £250,000", 800)],
             recipient=KENT),
    ]
    return Extraction(docs, {e.key: e for e in entities}, links, funds)


M = Minter()


def node(key: str) -> str:
    return str(M.entity(key))


def labels(network: nx.MultiGraph) -> set[str]:
    return {label for _, label in network.nodes(data="label")}


def edge_set(network: nx.MultiGraph) -> set[tuple[str, str, str]]:
    """Edges as (label, label, type) with the two labels sorted."""
    return {(*sorted((network.nodes[u]["label"], network.nodes[v]["label"])), key)
            for u, v, key in network.edges(keys=True)}


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return build_rdf(network_extraction())


def test_network_constants() -> None:
    assert VIEWS == ("collaboration", "all", "money", "programme")
    assert EDGE_TYPES == ("collaboration", "participation", "post", "funding")


def test_network_collaboration_view_keeps_collaborating_organisations(rdf: Graph) -> None:
    network = to_networkx(rdf)
    assert isinstance(network, nx.MultiGraph)
    assert list(network) == sorted([node(ESSEX), node(FIRE), node(KENT)])
    assert edge_set(network) == {("Essex Police", "Kent Police", "collaboration"),
                                 ("Kent Fire and Rescue Service", "Kent Police", "collaboration")}


def test_network_all_view_keeps_every_linked_entity_and_edge_type(rdf: Graph) -> None:
    network = to_networkx(rdf, "all")
    assert {kind for _, kind in network.nodes(data="kind")} == ALL_KINDS
    assert labels(network) == {"Kent Police", "Essex Police", "Kent Fire and Rescue Service", "Home Office",
                               "Operation Encompass", "Ann Barnes", "Zoë Billingham"}
    assert network.graph["hidden"] == 1
    assert edge_set(network) == {
        ("Essex Police", "Kent Police", "collaboration"),
        ("Kent Fire and Rescue Service", "Kent Police", "collaboration"),
        ("Essex Police", "Operation Encompass", "participation"),
        ("Kent Police", "Operation Encompass", "participation"),
        ("Ann Barnes", "Kent Police", "post"),
        ("Home Office", "Zoë Billingham", "post"),
        ("Home Office", "Kent Police", "funding"),
        ("Home Office", "Kent Fire and Rescue Service", "funding"),
    }
    shown = to_networkx(rdf, "all", unconnected=True)
    assert labels(shown) == labels(network) | {"Lonely Trust"}
    assert shown.degree(node(LONELY)) == 0 and shown.graph["hidden"] == 0


def test_network_node_attributes(rdf: Graph) -> None:
    assert to_networkx(rdf).nodes[node(KENT)] == {
        "kind": "PoliceForce",
        "label": "Kent Police",
        "aliases": ["Kent Constabulary", "the Kent force"],
        "documents": [KENT_DOC],
    }
    assert to_networkx(rdf).nodes[node(ESSEX)]["documents"] == sorted([ESSEX_DOC, KENT_DOC])


def test_network_collaboration_edge_joins_evidence_of_both_directions(rdf: Graph) -> None:
    data = to_networkx(rdf).edges[node(ESSEX), node(KENT), "collaboration"]
    assert data == {
        "label": "collaborates with",
        "evidence": [
            {"quote": "Essex works with Kent", "document": ESSEX_DOC, "status": "in place", "confidence": 0.8,
             "start": 5, "end": 26},
            {"quote": HOSTILE, "document": KENT_DOC, "status": "in place", "confidence": 0.9,
             "start": 10, "end": 10 + len(HOSTILE)},
        ],
    }


def test_network_participation_and_post_edges(rdf: Graph) -> None:
    network = to_networkx(rdf, "all")
    assert network.edges[node(KENT), node(ENCOMPASS), "participation"] == {
        "label": "takes part in",
        "origin": node(KENT),
        "evidence": [{"quote": "Kent joined Operation Encompass", "document": KENT_DOC, "status": "in place",
                      "confidence": 0.9, "start": 200, "end": 231}],
    }
    post = network.edges[node(BARNES), node(KENT), "post"]
    assert (post["role"], post["label"], post["origin"]) == (
        "Police and Crime Commissioner", "Police and Crime Commissioner", node(BARNES))
    assert [e["quote"] for e in post["evidence"]] == ["PCC Ann Barnes"]


def test_network_post_without_role_reads_member_of(rdf: Graph) -> None:
    data = to_networkx(rdf, "all").edges[node(ZOE), node(HOME), "post"]
    assert data["label"] == "member of"
    assert "role" not in data


def test_network_funding_edge_from_one_fund(rdf: Graph) -> None:
    data = to_networkx(rdf, "all").edges[node(HOME), node(FIRE), "funding"]
    quotes = [{"quote": "£1.5m for KFRS", "document": KENT_DOC, "status": "in place", "confidence": 0.9,
               "start": 700, "end": 714}]
    assert data == {
        "fund": "Fire grant", "amount": "1500000", "period": "", "label": "£1,500,000", "origin": node(HOME),
        "total": "1500000", "evidence": quotes,
        "funds": [{"fund": "Fire grant", "amount": "1500000", "period": "", "label": "£1,500,000",
                   "evidence": quotes}],
    }


def test_network_funding_edge_lists_every_fund_between_a_pair(rdf: Graph) -> None:
    data = to_networkx(rdf, "all").edges[node(HOME), node(KENT), "funding"]
    assert data["fund"] == "Police Innovation Fund; Police Innovation Fund top-up"
    assert data["amount"] == "96782; 50000"
    assert data["period"] == "2015/16; 2016/17"
    assert data["label"] == "£96,782 (2015/16); £50,000 (2016/17)"
    assert [e["quote"] for e in data["evidence"]] == ["a further £50,000", "£96,782 from the Home Office"]
    assert data["total"] == "146782"
    assert [(f["fund"], f["label"], [e["quote"] for e in f["evidence"]]) for f in data["funds"]] == [
        ("Police Innovation Fund", "£96,782 (2015/16)", ["£96,782 from the Home Office"]),
        ("Police Innovation Fund top-up", "£50,000 (2016/17)", ["a further £50,000"])]


@pytest.mark.parametrize(
    ("view", "kinds", "expected"),
    [
        ("all", ["PoliceForce", "Programme"], {"Kent Police", "Essex Police", "Operation Encompass"}),
        ("all", ["Person"], set()),
        ("money", ["PartnerOrganisation"], {"Home Office", "Kent Fire and Rescue Service"}),
        ("collaboration", ["PoliceForce"], {"Kent Police", "Essex Police"}),
        ("collaboration", ["PartnerOrganisation"], set()),
        ("collaboration", ["Person"], set()),
    ],
)
def test_network_kinds_keep_only_those_kinds(rdf: Graph, view: str, kinds: list[str], expected: set[str]) -> None:
    assert labels(to_networkx(rdf, view, kinds=kinds)) == expected


@pytest.mark.parametrize(
    ("focus", "depth", "expected"),
    [
        ("kfrs", 1, {"Kent Fire and Rescue Service", "Kent Police", "Home Office"}),
        ("KENT POLICE", 0, {"Kent Police"}),
        ("the kent force", 1, {"Kent Police", "Essex Police", "Kent Fire and Rescue Service", "Operation Encompass",
                               "Ann Barnes", "Home Office"}),
        ("Zoë Billingham", 2, {"Zoë Billingham", "Home Office", "Kent Police", "Kent Fire and Rescue Service"}),
    ],
)
def test_network_focus_gives_ego_network(rdf: Graph, focus: str, depth: int, expected: set[str]) -> None:
    assert labels(to_networkx(rdf, "all", focus=focus, depth=depth)) == expected


def test_network_focus_keeps_edges_among_kept_nodes(rdf: Graph) -> None:
    assert edge_set(to_networkx(rdf, "all", focus="Essex Police", depth=1)) == {
        ("Essex Police", "Kent Police", "collaboration"),
        ("Essex Police", "Operation Encompass", "participation"),
        ("Kent Police", "Operation Encompass", "participation"),
    }


@pytest.mark.parametrize(
    ("view", "focus"),
    [("all", "Nobody"), ("collaboration", "Operation Encompass")],
)
def test_network_focus_outside_the_view_raises(rdf: Graph, view: str, focus: str) -> None:
    with pytest.raises(ValueError, match=f"no entity named '{focus}'"):
        to_networkx(rdf, view, focus=focus)


def test_network_focus_on_an_organisation_without_links_shows_it_alone(rdf: Graph) -> None:
    network = to_networkx(rdf, "collaboration", focus="Lonely Trust")
    assert [label for _, label in network.nodes(data="label")] == ["Lonely Trust"]


@pytest.mark.parametrize(
    ("min_degree", "expected"),
    [
        (1, {"Kent Police", "Essex Police", "Kent Fire and Rescue Service", "Home Office", "Operation Encompass",
             "Ann Barnes", "Zoë Billingham"}),
        (2, {"Kent Police", "Essex Police", "Kent Fire and Rescue Service", "Home Office", "Operation Encompass"}),
        (3, {"Kent Police", "Home Office"}),
        (4, {"Kent Police"}),
        (6, set()),
    ],
)
def test_network_min_degree_drops_sparser_nodes(rdf: Graph, min_degree: int, expected: set[str]) -> None:
    assert labels(to_networkx(rdf, "all", min_degree=min_degree)) == expected


def test_network_min_degree_applies_after_focus(rdf: Graph) -> None:
    assert labels(to_networkx(rdf, "all", focus="KFRS", depth=1, min_degree=2)) == {
        "Kent Fire and Rescue Service", "Kent Police", "Home Office"}
    assert labels(to_networkx(rdf, "all", focus="Essex Police", depth=1, min_degree=3)) == set()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"view": "everything"}, "unknown view 'everything'; use one of collaboration, all"),
        ({"kinds": ["Force"]}, "unknown kind"),
        ({"depth": -1}, "depth must be 0 or more"),
    ],
)
def test_network_rejects_bad_arguments(rdf: Graph, arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_networkx(rdf, **arguments)


def test_network_is_deterministic_whatever_the_triple_order(rdf: Graph) -> None:
    shuffled = Graph()
    for triple in sorted(rdf, reverse=True):
        shuffled.add(triple)
    for view in VIEWS:
        first, second = to_networkx(rdf, view), to_networkx(shuffled, view)
        assert list(first.nodes(data=True)) == list(second.nodes(data=True))
        assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
        assert list(first) == sorted(first)


def test_network_empty_graph_gives_empty_network() -> None:
    for view in VIEWS:
        assert to_networkx(Graph(), view).number_of_nodes() == 0
