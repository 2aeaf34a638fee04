"""Tests for policekg.graph.rdf.build, .iri and .namespaces: the exact triples of the contract.

``sample_extraction`` is also used by the write and validate tests.
"""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from policekg.extract.model import (
    DocumentInfo,
    Entity,
    Evidence,
    Extraction,
    Fund,
    Judgement,
    Kind,
    Link,
    Predicate,
)
from policekg.graph.rdf import namespaces
from policekg.graph.rdf.build import build_rdf, confidence_lexical, decimal_lexical
from policekg.graph.rdf.iri import Minter
from policekg.graph.rdf.namespaces import (
    DCTERMS,
    DEFAULT_BASE,
    ORG,
    PKO,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SKOS,
    bind_prefixes,
)
from policekg.graph.rdf.write import write_graph

# A module-level XSD (or SCHEMA) makes pytest's collection warn: it probes attributes on it.
DECIMAL, DATE, INTEGER = namespaces.XSD.decimal, namespaces.XSD.date, namespaces.XSD.integer

SHARED = Path(__file__).resolve().parents[2] / "shared"
CHECKER = SHARED / "tools" / "check_contract.py"

HOSTILE_QUOTES = [
    'Kent and Essex "share" a joint """ command unit',
    "a back\\slash, \\n that is not a newline, and a trailing backslash \\",
    "line one\nline two\r\nline three",
    "<script>alert(1)</script> and <a href=\"javascript:alert('x')\">click</a>",
    "emoji 🚓👮\u200d♀️ and RTL עברית العربية \u202e reversed",
    "tab\tand vertical tab\x0b and '''single''' quotes",
]
SHA = "0123456789abcdef" * 4
KENT, ESSEX = "PoliceForce/kent-police", "PoliceForce/essex-police"
HOME_OFFICE, FIRE = "PartnerOrganisation/home-office", "PartnerOrganisation/kent-fire-and-rescue-service"
ENCOMPASS, BARNES, ZOE = "Programme/operation-encompass", "Person/ann-barnes", "Person/zoe-billingham"
FUND = "Fund/police-innovation-fund"


def evidence(quote: str, start: int, document: str = "kent-peel-2016", confidence: float = 0.9,
             status: str | None = None) -> Evidence:
    """An evidence record whose end offset follows from the quote."""
    return Evidence(document, quote, start, start + len(quote), confidence, status)


def sample_extraction() -> Extraction:
    """A small extraction with every kind of record, hostile quotes and dangling references."""
    docs = [
        DocumentInfo("kent-peel-2016", "corpus/kent-peel-2016.pdf", "PEEL: Police efficiency 2016 – Kent", SHA,
                     "2016-11-03", "PartnerOrganisation/hmicfrs", KENT),
        DocumentInfo("essex-plan-2017", "corpus/essex plan.html", 'Essex "Police and Crime" Plan <2017>', SHA),
    ]
    entities = [
        Entity(KENT, Kind.FORCE, "Kent Police", {"Kent Police", "Kent Constabulary", "the Kent force"},
               {"kent-peel-2016"}),
        Entity(ESSEX, Kind.FORCE, "Essex Police", set(), {"kent-peel-2016", "essex-plan-2017"}),
        Entity(HOME_OFFICE, Kind.PARTNER, "Home Office", {"the Home Office"}, {"kent-peel-2016"}),
        Entity(FIRE, Kind.PARTNER, "Kent Fire and Rescue Service", {"KFRS"}, {"kent-peel-2016"}),
        Entity(ENCOMPASS, Kind.PROGRAMME, "Operation Encompass", set(), {"essex-plan-2017"}),
        Entity(BARNES, Kind.PERSON, "Ann Barnes", {"PCC Ann Barnes"}, {"kent-peel-2016"}),
        Entity(ZOE, Kind.PERSON, "Zoë Billingham", {'Zoë "HMI" <b>Billingham</b>'}, {"kent-peel-2016"}),
    ]
    links = [
        Link(KENT, Predicate.COLLABORATES_WITH, ESSEX, evidence(HOSTILE_QUOTES[0], 100, confidence=0.905,
                                                                status="in place")),
        Link(KENT, Predicate.COLLABORATES_WITH, ESSEX, evidence(HOSTILE_QUOTES[1], 500, "essex-plan-2017")),
        Link(KENT, Predicate.COLLABORATES_WITH, FIRE, evidence(HOSTILE_QUOTES[2], 900, status="planned")),
        Link(ESSEX, Predicate.PARTICIPATES_IN, ENCOMPASS, evidence(HOSTILE_QUOTES[3], 40, "essex-plan-2017",
                                                                  status="recommended")),
        Link(BARNES, Predicate.MEMBER_OF, KENT, evidence(HOSTILE_QUOTES[4], 10, confidence=0.7),
             role="Police and Crime Commissioner"),
        Link(BARNES, Predicate.MEMBER_OF, KENT, evidence("Kent's PCC, Ann Barnes", 2000, confidence=0.6),
             role="police and crime  commissioner"),
        Link(ZOE, Predicate.MEMBER_OF, HOME_OFFICE, evidence("Zoë Billingham said", 3000), role=None),
        Link("Person/nobody", Predicate.MEMBER_OF, KENT, evidence("a ghost", 1)),
        Link(KENT, Predicate.PARTICIPATES_IN, "Programme/unknown", evidence("an unknown programme", 2)),
    ]
    funds = [
        Fund(FUND, "Police Innovation Fund", Decimal("1.5E+6"),
             [evidence(HOSTILE_QUOTES[5], 1200), evidence("£1.5m innovation money", 40, "essex-plan-2017")],
             "2015/16", HOME_OFFICE, KENT, "body-worn video", {"kent-peel-2016", "essex-plan-2017"}),
        Fund("Fund/reserve", "General reserve", Decimal("250000.00"), [evidence("a reserve of £250,000", 5)],
             funder="PartnerOrganisation/nobody", documents={"kent-peel-2016"}),
    ]
    judgements = [
        Judgement(KENT, "Efficiency", "Good", "2016", "kent-peel-2016", evidence("Kent is good", 60)),
        Judgement(ESSEX, "Planning for the future", "RequiresImprovement", "2018/19", "essex-plan-2017"),
        Judgement("PoliceForce/atlantis", "Efficiency", "Inadequate", "2016", "kent-peel-2016"),
    ]
    return Extraction(docs, {e.key: e for e in entities}, links, funds, judgements)


M = Minter()


def iri(key: str) -> URIRef:
    return M.entity(key)


def doc(document_id: str) -> URIRef:
    return M.document(document_id)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_rdf(sample_extraction())


def statements_for(graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef) -> list[URIRef]:
    return sorted(
        node for node in graph.subjects(RDF.subject, subject)
        if (node, RDF.predicate, predicate) in graph and (node, RDF.object, obj) in graph
    )


# --- namespaces -----------------------------------------------------------------------------


def test_namespaces_pko_closed_namespace_rejects_typo() -> None:
    with pytest.raises(AttributeError, match="colaboratesWith"):
        PKO.colaboratesWith  # noqa: B018


def test_namespaces_bind_prefixes_binds_contract_prefixes_and_base() -> None:
    graph = bind_prefixes(Graph(bind_namespaces="none"), "https://example.org/kg/")
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    assert {p: bound[p] for p in PREFIXES} == {p: str(ns) for p, ns in PREFIXES.items()}
    assert bound["schema"] == "https://schema.org/"
    assert bound["id"] == "https://example.org/kg/"


# --- iri --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("PoliceForce/kent-police", "force/kent-police"),
        ("PartnerOrganisation/home-office", "org/home-office"),
        ("Programme/operation-encompass", "programme/operation-encompass"),
        ("Person/ann-barnes", "person/ann-barnes"),
        ("Fund/police-innovation-fund", "fund/police-innovation-fund"),
    ],
)
def test_iri_entity_folders(key: str, path: str) -> None:
    assert Minter().entity(key) == URIRef(DEFAULT_BASE + path)


@pytest.mark.parametrize(
    "base",
    ["ftp://example.org/", "https://example.org", "example.org/", "https://exa mple.org/", "", "https:///x/",
     "https://example.org/<x>/"],
)
def test_iri_rejects_bad_base(base: str) -> None:
    with pytest.raises(ValueError, match="base IRI"):
        Minter(base)


@pytest.mark.parametrize("base", ["http://example.org/kg/", "https://example.org/kg#"])
def test_iri_accepts_slash_and_hash_bases(base: str) -> None:
    assert str(Minter(base).entity(KENT)).startswith(base)


@pytest.mark.parametrize("key", ["kent-police", "Force/kent-police", "/kent-police"])
def test_iri_rejects_key_of_unknown_kind(key: str) -> None:
    with pytest.raises(ValueError, match="must start with one of"):
        Minter().entity(key)


@given(st.text(max_size=120))
def test_iri_any_key_text_gives_a_parseable_iri(text: str) -> None:
    node = Minter().entity("Person/" + text)
    assert node.startswith(DEFAULT_BASE + "person/")
    pyoxigraph.NamedNode(str(node))
    assert len(Graph().parse(data=f"<{node}> <{node}> <{node}> .", format="nt")) == 1


@given(st.text(max_size=40), st.text(max_size=40))
def test_iri_distinct_keys_get_distinct_iris(first: str, second: str) -> None:
    if first != second:
        assert Minter().entity("Person/" + first) != Minter().entity("Person/" + second)


def test_iri_judgement_and_role_are_readable_and_long_names_hashed() -> None:
    minter = Minter()
    assert minter.judgement(KENT, "Planning for the future", "2018/19") == URIRef(
        DEFAULT_BASE + "judgement/kent-police-planning-for-the-future-2018-19")
    long_area = "a very long area name " * 10
    slug = str(minter.judgement(KENT, long_area, "2016")).rsplit("/", 1)[1]
    assert len(slug) <= 91 and slug != minter.judgement(KENT, long_area + "x", "2016").rsplit("/", 1)[1]
    assert minter.role("Chief Constable") == minter.role("chief  constable")


def test_iri_hashes_do_not_depend_on_base() -> None:
    def hashes(base: str) -> set[str]:
        graph = build_rdf(sample_extraction(), base)
        return {str(s).rsplit("/", 1)[1] for s in graph.subjects(RDF.type, RDF.Statement)}

    assert hashes(DEFAULT_BASE) == hashes("https://example.org/other/")


# --- literals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lexical"),
    [(Decimal("1.5E+6"), "1500000.0"), (Decimal("250000.00"), "250000.0"), (Decimal("0.125"), "0.125"),
     (3, "3.0"), (Decimal("-0"), "0.0"), (2.5, "2.5")],
)
def test_build_decimal_literal_is_canonical(value: Decimal | int | float, lexical: str) -> None:
    assert decimal_lexical(value) == lexical


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("inf")])
def test_build_decimal_literal_rejects_non_finite(value: Decimal | float) -> None:
    with pytest.raises(ValueError, match="finite"):
        decimal_lexical(value)


@pytest.mark.parametrize(("value", "lexical"), [(0.905, "0.91"), (0.9, "0.9"), (1, "1.0"), (0.0049, "0.0")])
def test_build_confidence_rounded_to_two_places(value: float, lexical: str) -> None:
    assert confidence_lexical(value) == lexical


# --- entities and documents -------------------------------------------------------------------


def test_build_entity_exact_triples(graph: Graph) -> None:
    assert set(graph.predicate_objects(iri(KENT))) == {
        (RDF.type, PKO.PoliceForce),
        (RDFS.label, Literal("Kent Police")),
        (SKOS.altLabel, Literal("Kent Constabulary")),
        (SKOS.altLabel, Literal("the Kent force")),
        (PKO.searchName, Literal("kent police")),
        (PKO.searchName, Literal("kent constabulary")),
        (PKO.searchName, Literal("the kent force")),
        (PKO.mentionedIn, doc("kent-peel-2016")),
        (PKO.collaboratesWith, iri(ESSEX)),
        (PKO.collaboratesWith, iri(FIRE)),
        (PKO.policeUkId, Literal("kent")),
        (PKO.onsCode, Literal("E23000032")),
        (SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q3195294")),
    }
    assert set(graph.predicate_objects(iri(ZOE))) == {
        (RDF.type, PKO.Person),
        (RDFS.label, Literal("Zoë Billingham")),
        (SKOS.altLabel, Literal('Zoë "HMI" <b>Billingham</b>')),
        (PKO.searchName, Literal("zoë billingham")),
        (PKO.searchName, Literal('zoë "hmi" <b>billingham</b>')),
        (PKO.mentionedIn, doc("kent-peel-2016")),
        (ORG.memberOf, iri(HOME_OFFICE)),
    }


@pytest.mark.parametrize(
    ("key", "kind"),
    [(KENT, PKO.PoliceForce), (HOME_OFFICE, PKO.PartnerOrganisation), (ENCOMPASS, PKO.Programme),
     (BARNES, PKO.Person), (FUND, PKO.Fund)],
)
def test_build_every_kind_has_one_label_and_is_mentioned(graph: Graph, key: str, kind: URIRef) -> None:
    node = iri(key)
    assert (node, RDF.type, kind) in graph
    assert len(set(graph.objects(node, RDFS.label))) == 1
    assert not set(graph.objects(node, RDFS.label)) & set(graph.objects(node, SKOS.altLabel))
    assert set(graph.objects(node, PKO.mentionedIn)) <= set(graph.subjects(RDF.type, PKO.Document))
    assert (node, PKO.mentionedIn, None) in graph


def test_build_document_exact_triples(graph: Graph) -> None:
    assert set(graph.predicate_objects(doc("kent-peel-2016"))) == {
        (RDF.type, PKO.Document),
        (DCTERMS.title, Literal("PEEL: Police efficiency 2016 – Kent")),
        (DCTERMS.source, Literal("corpus/kent-peel-2016.pdf")),
        (PKO.sha256, Literal(SHA)),
        (DCTERMS.date, Literal("2016-11-03", datatype=DATE)),
        (PKO.aboutForce, iri(KENT)),
    }  # the publisher names no entity, so it is skipped
    assert set(graph.predicate_objects(doc("essex-plan-2017"))) == {
        (RDF.type, PKO.Document),
        (DCTERMS.title, Literal('Essex "Police and Crime" Plan <2017>')),
        (DCTERMS.source, Literal("corpus/essex plan.html")),
        (PKO.sha256, Literal(SHA)),
    }


@pytest.mark.parametrize("bad_date", ["2016-13-45", "03/11/2016", "20161103", "2016-W44-4", "2016-11-03T10:00"])
def test_build_rejects_document_date_that_is_not_iso(bad_date: str) -> None:
    extraction = sample_extraction()
    extraction.documents[1] = DocumentInfo("essex-plan-2017", "e.html", "E", SHA, date=bad_date)
    with pytest.raises(ValueError, match="essex-plan-2017"):
        build_rdf(extraction)


def test_build_document_publisher_when_known() -> None:
    extraction = sample_extraction()
    extraction.documents[0] = DocumentInfo("kent-peel-2016", "k.pdf", "K", SHA, publisher=HOME_OFFICE)
    graph = build_rdf(extraction)
    assert (doc("kent-peel-2016"), DCTERMS.publisher, iri(HOME_OFFICE)) in graph


# --- links and evidence -----------------------------------------------------------------------


def test_build_collaboration_is_asserted_both_ways(graph: Graph) -> None:
    assert (iri(KENT), PKO.collaboratesWith, iri(ESSEX)) in graph
    assert (iri(ESSEX), PKO.collaboratesWith, iri(KENT)) in graph
    assert (iri(FIRE), PKO.collaboratesWith, iri(KENT)) in graph


def test_build_link_read_twice_gets_two_evidence_nodes_each_way(graph: Graph) -> None:
    for subject, obj in ((KENT, ESSEX), (ESSEX, KENT)):
        nodes = statements_for(graph, iri(subject), PKO.collaboratesWith, iri(obj))
        assert len(nodes) == 2
        assert {graph.value(n, PROV.wasDerivedFrom) for n in nodes} == {doc("kent-peel-2016"), doc("essex-plan-2017")}


def test_build_every_collaboration_triple_has_its_own_evidence(graph: Graph) -> None:
    details = (PROV.wasDerivedFrom, PKO.quote, PKO.charStart, PKO.charEnd, PKO.confidence, PKO.status)
    triples = list(graph.subject_objects(PKO.collaboratesWith))
    assert len(triples) == 4
    for a, b in triples:
        forward = statements_for(graph, a, PKO.collaboratesWith, b)
        backward = statements_for(graph, b, PKO.collaboratesWith, a)
        assert forward and not set(forward) & set(backward)
        readings = {tuple(graph.value(n, p) for p in details) for n in forward}
        assert readings == {tuple(graph.value(n, p) for p in details) for n in backward}
        assert len(readings) == len(forward)


def test_build_one_reading_read_both_ways_keeps_one_node_each_way() -> None:
    extraction = sample_extraction()
    reading = evidence("Kent and Essex share a unit", 7)
    extraction.links = [Link(KENT, Predicate.COLLABORATES_WITH, ESSEX, reading),
                        Link(ESSEX, Predicate.COLLABORATES_WITH, KENT, reading)]
    graph = build_rdf(extraction)
    assert len(statements_for(graph, iri(KENT), PKO.collaboratesWith, iri(ESSEX))) == 1
    assert len(statements_for(graph, iri(ESSEX), PKO.collaboratesWith, iri(KENT))) == 1


@pytest.mark.parametrize(("subject", "obj"), [(KENT, ESSEX), (ESSEX, KENT)], ids=["as read", "reverse"])
def test_build_evidence_node_exact_triples(graph: Graph, subject: str, obj: str) -> None:
    quote = HOSTILE_QUOTES[0]
    node = M.evidence(doc("kent-peel-2016"), 100, 100 + len(quote), iri(subject), PKO.collaboratesWith, iri(obj))
    assert set(graph.predicate_objects(node)) == {
        (RDF.type, RDF.Statement),
        (RDF.subject, iri(subject)),
        (RDF.predicate, PKO.collaboratesWith),
        (RDF.object, iri(obj)),
        (PROV.wasDerivedFrom, doc("kent-peel-2016")),
        (DCTERMS.date, Literal("2016-11-03", datatype=DATE)),
        (PKO.quote, Literal(quote)),
        (PKO.charStart, Literal(100)),
        (PKO.charEnd, Literal(100 + len(quote))),
        (PKO.confidence, Literal("0.91", datatype=DECIMAL)),
        (PKO.status, Literal("in place")),
    }
    assert graph.value(node, PKO.charStart).datatype == INTEGER


@pytest.mark.parametrize("quote", HOSTILE_QUOTES)
def test_build_hostile_quotes_kept_verbatim(graph: Graph, quote: str) -> None:
    assert (None, PKO.quote, Literal(quote)) in graph


def test_build_participation_and_membership(graph: Graph) -> None:
    assert (iri(ESSEX), PKO.participatesIn, iri(ENCOMPASS)) in graph
    assert len(statements_for(graph, iri(ESSEX), PKO.participatesIn, iri(ENCOMPASS))) == 1
    assert len(statements_for(graph, iri(BARNES), ORG.memberOf, iri(KENT))) == 2
    memberships = set(graph.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 1  # two readings of one post; Zoë's link names no post
    membership = memberships.pop()
    role = M.role("Police and Crime Commissioner")
    assert set(graph.predicate_objects(membership)) == {
        (RDF.type, ORG.Membership),
        (ORG.member, iri(BARNES)),
        (ORG.organization, iri(KENT)),
        (ORG.role, role),
    }
    assert set(graph.predicate_objects(role)) == {
        (RDF.type, ORG.Role),
        (RDFS.label, Literal("Police and Crime Commissioner")),
    }
    assert (iri(ZOE), ORG.memberOf, iri(HOME_OFFICE)) in graph


def test_build_skips_links_to_unknown_entities(graph: Graph) -> None:
    assert (M.entity("Person/nobody"), None, None) not in graph
    assert (None, None, M.entity("Programme/unknown")) not in graph
    assert (None, RDF.object, M.entity("Programme/unknown")) not in graph


def test_build_duplicate_readings_keep_the_most_confident() -> None:
    extraction = sample_extraction()
    reading = evidence("same span", 7, confidence=0.3)
    extraction.links = [
        Link(KENT, Predicate.PARTICIPATES_IN, ENCOMPASS, reading),
        Link(KENT, Predicate.PARTICIPATES_IN, ENCOMPASS, Evidence(reading.document, reading.quote, 7, reading.end, 0.8)),
    ]
    graph = build_rdf(extraction)
    (node,) = statements_for(graph, iri(KENT), PKO.participatesIn, iri(ENCOMPASS))
    assert list(graph.objects(node, PKO.confidence)) == [Literal("0.8", datatype=DECIMAL)]


# --- funds and judgements ---------------------------------------------------------------------


def test_build_fund_exact_triples(graph: Graph) -> None:
    assert set(graph.predicate_objects(iri(FUND))) == {
        (RDF.type, PKO.Fund),
        (RDFS.label, Literal("Police Innovation Fund")),
        (PKO.amount, Literal("1500000.0", datatype=DECIMAL)),
        (PKO.period, Literal("2015/16")),
        (PKO.periodStart, Literal("2015-04-01", datatype=DATE)),
        (PKO.periodEnd, Literal("2016-03-31", datatype=DATE)),
        (PKO.purpose, Literal("body-worn video")),
        (PKO.funder, iri(HOME_OFFICE)),
        (PKO.recipient, iri(KENT)),
        (PKO.mentionedIn, doc("kent-peel-2016")),
        (PKO.mentionedIn, doc("essex-plan-2017")),
    }
    assert len(statements_for(graph, iri(FUND), PKO.funder, iri(HOME_OFFICE))) == 2
    assert len(statements_for(graph, iri(FUND), PKO.recipient, iri(KENT))) == 2


def test_build_fund_with_unknown_funder_keeps_fund_without_funder(graph: Graph) -> None:
    reserve = iri("Fund/reserve")
    assert (reserve, PKO.amount, Literal("250000.0", datatype=DECIMAL)) in graph
    assert (reserve, PKO.funder, None) not in graph
    assert (None, RDF.subject, reserve) not in graph


def test_build_fund_that_is_also_an_entity_keeps_one_label() -> None:
    extraction = sample_extraction()
    extraction.entities[FUND] = Entity(FUND, Kind.FUND, "Innovation Fund", set(), {"kent-peel-2016"})
    graph = build_rdf(extraction)
    assert list(graph.objects(iri(FUND), RDFS.label)) == [Literal("Innovation Fund")]
    assert (iri(FUND), SKOS.altLabel, Literal("Police Innovation Fund")) in graph


def test_build_judgement_exact_triples(graph: Graph) -> None:
    node = M.judgement(KENT, "Efficiency", "2016")
    assert set(graph.predicate_objects(node)) == {
        (RDF.type, PKO.Judgement),
        (RDFS.label, Literal("Kent Police: Efficiency (2016): Good")),
        (PKO.aboutForce, iri(KENT)),
        (PKO.area, Literal("Efficiency")),
        (PKO.grade, PKO.Good),
        (PKO.year, Literal("2016")),
        (PKO.carriedOver, Literal(False)),
        (PROV.wasDerivedFrom, doc("kent-peel-2016")),
    }
    assert len(statements_for(graph, node, PKO.grade, PKO.Good)) == 1
    essex = M.judgement(ESSEX, "Planning for the future", "2018/19")
    assert graph.value(essex, RDFS.label) == Literal(
        "Essex Police: Planning for the future (2018/19): Requires improvement")


def test_build_skips_judgement_about_unknown_force(graph: Graph) -> None:
    assert len(set(graph.subjects(RDF.type, PKO.Judgement))) == 2


def test_build_rejects_grade_outside_the_scheme() -> None:
    extraction = sample_extraction()
    extraction.judgements.append(Judgement(KENT, "Legitimacy", "Excellent", "2017", "kent-peel-2016"))
    with pytest.raises(ValueError, match="'Excellent'"):
        build_rdf(extraction)


# --- whole graph ------------------------------------------------------------------------------


def test_build_has_no_blank_nodes(graph: Graph) -> None:
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_build_uses_custom_base() -> None:
    base = "https://example.org/kg/"
    graph = build_rdf(sample_extraction(), base)
    minted = {s for s in graph.subjects() if not str(s).startswith(str(PKO))}
    assert minted and all(str(s).startswith(base) for s in minted)


def test_build_passes_contract_checker(graph: Graph, tmp_path: Path) -> None:
    if not CHECKER.is_file():
        pytest.skip(f"contract checker not found at {CHECKER} (the shared folder is outside this checkout)")
    path = write_graph(graph, tmp_path / "graph.ttl")
    run = subprocess.run([sys.executable, str(CHECKER), str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "FAIL" not in run.stdout
