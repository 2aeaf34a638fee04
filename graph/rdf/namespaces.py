"""Every namespace the graph uses, declared once.

Code elsewhere builds IRIs only from the names here, never from string literals.
``SH`` (SHACL) is re-exported for reading validation reports; it is not a data prefix.
:class:`PKO` is a closed namespace: a typo such as ``PKO.colaboratesWith`` raises
``AttributeError`` instead of silently minting a term the ontology does not define.
"""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
)

from policekg.extract.errors import InvalidInput

SCHEMA = SDO

DEFAULT_BASE = "https://w3id.org/policekg/id/"
BASE_PREFIX = "id"


class PKO(DefinedNamespace):
    """The policekg ontology (``ontology/policekg.ttl``): classes, properties and grades."""

    _fail = True
    _NS = Namespace("https://w3id.org/policekg/ontology#")

    # Classes
    PoliceForce: URIRef  # A UK police force or service.
    PartnerOrganisation: URIRef  # Any other named organisation a force works with.
    Programme: URIRef  # A named programme, operation, scheme, initiative, pilot or project.
    Person: URIRef  # A named individual.
    Fund: URIRef  # A named fund, or money granted, allocated or invested.
    Document: URIRef  # A policing document in the corpus.
    Judgement: URIRef  # A graded PEEL inspection judgement.
    Grade: URIRef  # A grade a judgement can give.
    Pillar: URIRef  # One of the four PEEL pillars.
    PeelArea: URIRef  # A canonical PEEL area, the same across cycles' wordings.
    AnalystStatement: URIRef  # A statement an analyst made in a corrections file.

    # Grade scheme and its concepts
    GradeScheme: URIRef  # The SKOS scheme of PEEL grades.
    Outstanding: URIRef  # The highest PEEL grade.
    Good: URIRef  # The second-highest PEEL grade.
    Adequate: URIRef  # Between Good and Requires improvement (2021/22 on).
    RequiresImprovement: URIRef  # The grade below Good.
    Inadequate: URIRef  # The lowest PEEL grade.
    Ungraded: URIRef  # Inspected but not graded.

    # Pillar scheme, its concepts, and the scheme of canonical areas
    PillarScheme: URIRef  # The SKOS scheme of PEEL pillars.
    Effectiveness: URIRef  # The effectiveness pillar.
    Efficiency: URIRef  # The efficiency pillar.
    Legitimacy: URIRef  # The legitimacy pillar.
    Leadership: URIRef  # The leadership pillar.
    PeelAreaScheme: URIRef  # The SKOS scheme of canonical PEEL areas.

    # Links between entities
    collaboratesWith: URIRef  # Two organisations work together (symmetric).
    participatesIn: URIRef  # An organisation runs or joins a programme.
    mentionedIn: URIRef  # An entity occurs in a document.
    funder: URIRef  # Who gives a fund's money.
    recipient: URIRef  # Who receives a fund's money.

    # Fund details
    amount: URIRef  # Amount in pounds (xsd:decimal).
    period: URIRef  # Period the money covers, as written.
    periodStart: URIRef  # First day of a fund's period or a report's inspection year (xsd:date).
    periodEnd: URIRef  # Last day (included) of that period (xsd:date).
    purpose: URIRef  # What the money is for.

    # Evidence on rdf:Statement nodes
    quote: URIRef  # The sentence a statement was read from.
    charStart: URIRef  # Start offset of the quote in the document text.
    charEnd: URIRef  # End offset of the quote in the document text.
    confidence: URIRef  # Extractor confidence, 0 to 1.
    page: URIRef  # The page of a paged document the quote starts on (1 for the first).
    status: URIRef  # Claim status: "in place", "planned", "recommended" or "ended".
    note: URIRef  # Why an analyst made a statement, in their words.
    decision: URIRef  # The corrections-file action an analyst's statement comes from.
    correctedEntity: URIRef  # The entity an analyst's merge, rename or change of kind is about.
    statedValue: URIRef  # The name, label or kind an analyst's statement gives the entity.

    # Document and judgement details
    searchName: URIRef  # A name of an entity in the form lookups use: lower case, single spaces.
    sha256: URIRef  # SHA-256 of a document's cleaned text.
    aboutForce: URIRef  # The force a document or judgement is about.
    area: URIRef  # The pillar or question judged, as written.
    grade: URIRef  # The grade a judgement gives.
    year: URIRef  # The PEEL cycle of a judgement ("2016", "2018/19").
    inspectionYear: URIRef  # The PEEL cycle a report is of, as written.
    canonicalArea: URIRef  # The canonical area a judgement's wording maps to.
    pillar: URIRef  # The pillar of a judgement or canonical area.
    carriedOver: URIRef  # Whether a judgement's grade was carried over from an earlier inspection.

    # Identifiers other datasets use (extract/patterns/identifiers.csv)
    policeUkId: URIRef  # A force's id in the data.police.uk API ("kent").
    onsCode: URIRef  # The ONS (GSS) code of a force's police force area ("E23000032").


WD = Namespace("http://www.wikidata.org/entity/")  # Wikidata items, the objects of skos:exactMatch

PREFIXES: dict[str, Namespace] = {
    "pko": PKO._NS,
    "org": Namespace(str(ORG)),
    "foaf": Namespace(str(FOAF)),
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    "schema": Namespace(str(SCHEMA)),
    "dcterms": Namespace(str(DCTERMS)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "owl": Namespace(str(OWL)),
}


def expand(curie: str) -> URIRef:
    """The IRI of a contract CURIE such as "pko:collaboratesWith" (a ``pko:`` term must be one
    :class:`PKO` defines); raises ``ValueError`` for an unknown prefix or term."""
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise InvalidInput(f"not a contract CURIE: {curie!r}")
    if prefix == "pko":
        try:
            return getattr(PKO, local)
        except AttributeError:
            raise InvalidInput(f"the policekg ontology defines no {curie}") from None
    return PREFIXES[prefix][local]


class CachedTerms:
    """A namespace whose terms, once looked up, are plain attributes.

    rdflib's closed namespaces check a name on every ``PKO.quote`` (a few microseconds);
    a build writing a million triples looks terms up millions of times. The first look-up
    goes through the namespace itself (so an unknown ``pko:`` term still raises
    ``AttributeError``), later ones are ordinary attribute reads of the same ``URIRef``.
    """

    def __init__(self, namespace: type[DefinedNamespace] | Namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> Graph:
    """Bind the contract's prefixes, and ``id:`` for the base of minted IRIs, on ``graph``.

    Existing bindings of the same prefixes are replaced so output always uses these names.
    Returns the graph for chaining.
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.bind(BASE_PREFIX, Namespace(base), override=True, replace=True)
    return graph


__all__ = [
    "BASE_PREFIX",
    "CachedTerms",
    "DCTERMS",
    "DEFAULT_BASE",
    "FOAF",
    "ORG",
    "OWL",
    "PKO",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH",
    "SKOS",
    "WD",
    "XSD",
    "bind_prefixes",
]
