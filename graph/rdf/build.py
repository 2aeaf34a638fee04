"""Turning an :class:`~policekg.extract.model.Extraction` into an RDF graph.

The graph follows the graph contract (``shared/graph-contract.md``): the five kinds of
entity, documents, links backed by ``rdf:Statement`` evidence nodes, memberships, funds
and PEEL judgements. A collaboration is asserted both ways, and each direction has its own
evidence node for every reading (same quote, offsets, confidence and status), so every
link triple in the graph is backed by a statement of exactly that triple. Every node has an IRI from :class:`~policekg.graph.rdf.iri.Minter`, so
the same extraction always gives the same triples, whatever order its records come in.

The triples go straight into pyoxigraph (:func:`build_triples` gives a
:class:`~policekg.graph.rdf.triples.Triples`, what ``policekg build`` writes); no rdflib graph
is made unless one is asked for (:func:`build_rdf`, behind :func:`policekg.to_graph`).

References to entity keys that are not in ``extraction.entities`` cannot be typed or
labelled, so they are skipped rather than left dangling: such links (and their evidence),
fund funders and recipients, document publishers and subjects, and judgements about an
unknown force. References to document ids are kept as they are; SHACL validation reports
one that names no document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from pyoxigraph import Literal
from rdflib import Graph, URIRef

from policekg.extract.model import GRADES, DocumentInfo, Entity, Evidence, Extraction, Fund, Judgement, Link, Predicate
from policekg.extract.link_types import link_type
from policekg.extract.peel_frameworks import Area
from policekg.extract.peel_frameworks import areas as peel_areas
from policekg.extract.periods import read_period
from policekg.ontology import load_ontology

from policekg.graph.rdf import namespaces
from policekg.graph.rdf.analyst import add_analyst_statements
from policekg.graph.rdf.identifiers import identifier_triples
from policekg.graph.rdf.iri import Minter
from policekg.graph.rdf.namespaces import DEFAULT_BASE, CachedTerms, expand
from policekg.graph.rdf.search_names import search_name
from policekg.graph.rdf.triples import Triples

DCTERMS, ORG, PKO, PROV, RDF, RDFS, SKOS, XSD = map(CachedTerms, (
    namespaces.DCTERMS, namespaces.ORG, namespaces.PKO, namespaces.PROV, namespaces.RDF, namespaces.RDFS,
    namespaces.SKOS, namespaces.XSD))

CONFIDENCE_PLACES = Decimal("0.01")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def decimal_lexical(value: Decimal | float | int) -> str:
    """The canonical ``xsd:decimal`` form of a number: "1500000.0", never "1.5E+6" or "1500000.00".

    The canonical form is also what rdflib's and pyoxigraph's Turtle writers print, so literals
    round-trip unchanged.
    """
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    whole, _, fraction = format(number.copy_abs() if number.is_zero() else number, "f").partition(".")
    return f"{whole}.{fraction.rstrip('0') or '0'}"


def confidence_lexical(confidence: float) -> str:
    """A confidence as an ``xsd:decimal`` lexical form rounded (half up) to two places."""
    return decimal_lexical(Decimal(str(confidence)).quantize(CONFIDENCE_PLACES, rounding=ROUND_HALF_UP))


def _is_iso_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date written ``YYYY-MM-DD``."""
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def date_lexical(document: DocumentInfo) -> str:
    """A document's date as an ``xsd:date`` lexical form; ``ValueError`` unless it is a real ``YYYY-MM-DD`` date."""
    if document.date is None or not _is_iso_date(document.date):
        raise ValueError(f"document {document.id!r} has date {document.date!r}, not a real YYYY-MM-DD date")
    return document.date


@cache
def grade_labels() -> dict[URIRef, str]:
    """The ``skos:prefLabel`` of each grade, read once from the ontology (the one source of truth)."""
    ontology = load_ontology()
    return {PKO[grade]: str(ontology.value(PKO[grade], SKOS.prefLabel)) for grade in GRADES}


@cache
def pillar_concepts() -> dict[str, URIRef]:
    """The pillar concepts of the ontology by lower-case label ("efficiency": ``pko:Efficiency``)."""
    ontology = load_ontology()
    return {str(ontology.value(pillar, SKOS.prefLabel)).lower(): URIRef(pillar)
            for pillar in sorted(ontology.subjects(SKOS.inScheme, PKO.PillarScheme))}


def judgement_groups(judgements: list[Judgement]) -> list[list[Judgement]]:
    """The readings of each (force, canonical area, cycle), whatever order they come in: a
    reading not carried over first, then by document and offset."""
    groups: dict[tuple[str, str, str], list[Judgement]] = {}
    for judgement in judgements:
        groups.setdefault((judgement.force, judgement.area_key or judgement.area, judgement.year), []).append(judgement)

    def order(judgement: Judgement) -> tuple:
        evidence = judgement.evidence
        return (judgement.carried_over, judgement.document, evidence.start if evidence else -1, judgement.area,
                judgement.grade)

    return [sorted(groups[key], key=order) for key in sorted(groups)]


@dataclass(frozen=True)
class _Reading:
    """One evidence reading of the triple (subject, predicate, obj)."""

    subject: URIRef
    predicate: URIRef
    obj: URIRef
    evidence: Evidence

    def rank(self) -> tuple:
        """Order for picking one reading when two share an IRI, independent of input order."""
        return (self.evidence.confidence, self.evidence.status or "", self.evidence.quote)


@dataclass
class _Builder:
    """Adds an extraction's records to a graph; evidence and roles are written at the end."""

    graph: Triples
    minter: Minter
    entities: dict[str, Entity]
    readings: dict[URIRef, _Reading] = field(default_factory=dict)
    role_labels: dict[URIRef, set[str]] = field(default_factory=dict)
    dates: dict[str, Literal] = field(default_factory=dict)  # each dated document's date, for its evidence

    def add(self, triple: tuple[URIRef, URIRef, URIRef | Literal]) -> None:
        """Emit one triple: subject and predicate IRIs, an object IRI or literal."""
        self.graph.add(*triple)

    def typed(self, lexical: str, datatype: URIRef) -> Literal:
        """A literal of ``datatype`` (plain literals are ``Literal(text)``)."""
        return self.graph.literal(lexical, datatype)

    def known(self, key: str | None) -> URIRef | None:
        """The IRI of an entity key, or None when the key is absent or names no entity."""
        return self.minter.entity(key) if key is not None and key in self.entities else None

    def document(self, doc: DocumentInfo) -> None:
        node = self.minter.document(doc.id)
        self.add((node, RDF.type, PKO.Document))
        self.add((node, DCTERMS.title, Literal(doc.title)))
        self.add((node, DCTERMS.source, Literal(doc.source)))
        self.add((node, PKO.sha256, Literal(doc.sha256)))
        if doc.date:
            self.dates[doc.id] = self.typed(date_lexical(doc), XSD.date)
            self.add((node, DCTERMS.date, self.dates[doc.id]))
        if doc.inspection_year:
            self.add((node, PKO.inspectionYear, Literal(doc.inspection_year)))
            self.period(node, doc.inspection_year)
        for predicate, key in ((DCTERMS.publisher, doc.publisher), (PKO.aboutForce, doc.about_force)):
            target = self.known(key)
            if target is not None:
                self.add((node, predicate, target))

    def period(self, node: URIRef, text: str) -> None:
        """The first and last day of the period ``text`` writes, where it gives them (see
        :func:`~policekg.extract.periods.read_period`): the text itself stays as written."""
        period = read_period(text)
        if period is not None:
            self.add((node, PKO.periodStart, self.typed(period.start.isoformat(), XSD.date)))
            self.add((node, PKO.periodEnd, self.typed(period.end.isoformat(), XSD.date)))

    def mentioned_in(self, node: URIRef, documents: set[str]) -> None:
        for document_id in documents:
            self.add((node, PKO.mentionedIn, self.minter.document(document_id)))

    def entity(self, entity: Entity) -> None:
        node = self.minter.entity(entity.key)
        self.add((node, RDF.type, PKO[entity.kind.value]))
        self.add((node, RDFS.label, Literal(entity.label)))
        for alt in entity.alt_labels - {entity.label}:
            self.add((node, SKOS.altLabel, Literal(alt)))
        for name in {search_name(n) for n in entity.alt_labels | {entity.label}}:
            self.add((node, PKO.searchName, Literal(name)))
        for triple in identifier_triples(node, entity.key):
            self.add(triple)
        self.mentioned_in(node, entity.documents)

    def reading(self, subject: URIRef, predicate: URIRef, obj: URIRef, evidence: Evidence) -> None:
        """Record one evidence reading; of two readings with the same IRI keep the higher ranked."""
        new = _Reading(subject, predicate, obj, evidence)
        iri = self.minter.evidence(
            self.minter.document(evidence.document), evidence.start, evidence.end, subject, predicate, obj
        )
        old = self.readings.get(iri)
        if old is None or new.rank() > old.rank():
            self.readings[iri] = new

    def link(self, link: Link) -> None:
        subject, obj = self.known(link.subject), self.known(link.object)
        if subject is None or obj is None:
            return
        kind = link_type(link.predicate)
        predicate = expand(kind.curie)
        self.add((subject, predicate, obj))
        self.reading(subject, predicate, obj, link.evidence)
        if kind.symmetric:
            self.add((obj, predicate, subject))
            self.reading(obj, predicate, subject, link.evidence)
        post = " ".join((link.role or "").split())
        if link.predicate is Predicate.MEMBER_OF and post:
            self.membership(subject, obj, post)

    def membership(self, person: URIRef, organisation: URIRef, post: str) -> None:
        """One org:Membership per (person, organisation, role); spelling variants of a post share a role."""
        role = self.minter.role(post)
        self.role_labels.setdefault(role, set()).add(post)
        node = self.minter.membership(person, organisation, role)
        self.add((node, RDF.type, ORG.Membership))
        self.add((node, ORG.member, person))
        self.add((node, ORG.organization, organisation))
        self.add((node, ORG.role, role))

    def fund(self, fund: Fund) -> None:
        node = self.minter.entity(fund.key)
        self.add((node, RDF.type, PKO.Fund))
        if fund.key in self.entities:
            if fund.label != self.entities[fund.key].label:
                self.add((node, SKOS.altLabel, Literal(fund.label)))
        else:
            self.add((node, RDFS.label, Literal(fund.label)))
        self.add((node, PKO.amount, self.typed(decimal_lexical(fund.amount), XSD.decimal)))
        for predicate, text in ((PKO.period, fund.period), (PKO.purpose, fund.purpose)):
            if text:
                self.add((node, predicate, Literal(text)))
        if fund.period:
            self.period(node, fund.period)
        for predicate, key in ((PKO.funder, fund.funder), (PKO.recipient, fund.recipient)):
            target = self.known(key)
            if target is not None:
                self.add((node, predicate, target))
                for evidence in fund.evidence:
                    self.reading(node, predicate, target, evidence)
        self.mentioned_in(node, fund.documents)

    def judgement(self, readings: list[Judgement]) -> None:
        """One judgement node for a force, canonical area and cycle, from every reading of it.

        The first reading (see :func:`judgement_groups`) gives the grade; readings with another
        grade are dropped, so every evidence node backs the grade the node asserts. The grade
        counts as carried over when any reading says so.
        """
        for judgement in readings:
            if judgement.grade not in GRADES:
                raise ValueError(
                    f"judgement of {judgement.force} ({judgement.area}, {judgement.year}) has grade "
                    f"{judgement.grade!r}; expected one of {', '.join(GRADES)}"
                )
        first = readings[0]
        force = self.known(first.force)
        if force is None:
            return
        agreeing = [j for j in readings if j.grade == first.grade]
        node = self.minter.judgement(first.force, first.area_key or first.area, first.year)
        grade = PKO[first.grade]
        area = peel_areas().get(first.area_key or "")
        name = area.label if area is not None else first.area
        label = f"{self.entities[first.force].label}: {name} ({first.year}): {grade_labels()[grade]}"
        self.add((node, RDF.type, PKO.Judgement))
        self.add((node, RDFS.label, Literal(label)))
        self.add((node, PKO.aboutForce, force))
        self.add((node, PKO.area, Literal(first.area)))
        self.add((node, PKO.grade, grade))
        self.add((node, PKO.year, Literal(first.year)))
        self.add((node, PKO.carriedOver, self.typed("true" if any(j.carried_over for j in agreeing) else "false",
                                                    XSD.boolean)))
        if area is not None:
            self.peel_area(node, area)
        for judgement in agreeing:
            self.add((node, PROV.wasDerivedFrom, self.minter.document(judgement.document)))
            if judgement.evidence is not None:
                self.reading(node, PKO.grade, grade, judgement.evidence)

    def peel_area(self, judgement: URIRef, area: Area) -> None:
        """Name the judgement's canonical area and pillar, and describe the area as a concept."""
        node, pillar = self.minter.area(area.key), pillar_concepts().get(area.pillar)
        self.add((judgement, PKO.canonicalArea, node))
        self.add((node, RDF.type, PKO.PeelArea))
        self.add((node, SKOS.prefLabel, Literal(area.label)))
        self.add((node, SKOS.inScheme, PKO.PeelAreaScheme))
        if pillar is not None:
            self.add((judgement, PKO.pillar, pillar))
            self.add((node, PKO.pillar, pillar))

    def finish(self) -> None:
        """Write the evidence nodes and the roles collected while adding records."""
        while self.readings:  # popped, so that a reading's memory is free once its node is written
            self.evidence_node(*self.readings.popitem())
        for role, posts in self.role_labels.items():
            self.add((role, RDF.type, ORG.Role))
            self.add((role, RDFS.label, Literal(min(posts))))

    def evidence_node(self, node: URIRef, reading: _Reading) -> None:
        evidence = reading.evidence
        self.add((node, RDF.type, RDF.Statement))
        self.add((node, RDF.subject, reading.subject))
        self.add((node, RDF.predicate, reading.predicate))
        self.add((node, RDF.object, reading.obj))
        self.add((node, PROV.wasDerivedFrom, self.minter.document(evidence.document)))
        if evidence.document in self.dates:
            self.add((node, DCTERMS.date, self.dates[evidence.document]))
        self.add((node, PKO.quote, Literal(evidence.quote)))
        self.add((node, PKO.charStart, self.typed(str(int(evidence.start)), XSD.integer)))
        self.add((node, PKO.charEnd, self.typed(str(int(evidence.end)), XSD.integer)))
        self.add((node, PKO.confidence, self.typed(confidence_lexical(evidence.confidence), XSD.decimal)))
        if evidence.page is not None:
            self.add((node, PKO.page, self.typed(str(int(evidence.page)), XSD.positiveInteger)))
        if evidence.status:
            self.add((node, PKO.status, Literal(evidence.status)))


def build_triples(extraction: Extraction, base: str = DEFAULT_BASE) -> Triples:
    """The contract graph of ``extraction`` as pyoxigraph triples, with entity IRIs minted under ``base``.

    Raises ``ValueError`` for a base that cannot prefix IRIs, an entity key of no known
    kind, a document date that is not ``YYYY-MM-DD``, a judgement grade outside
    :data:`~policekg.extract.model.GRADES`, or a fund amount that is not a finite number:
    each is a bug upstream, not a fact about the documents.
    """
    minter = Minter(base)
    graph = Triples(base)
    builder = _Builder(graph, minter, extraction.entities)
    for doc in extraction.documents:
        builder.document(doc)
    for entity in extraction.entities.values():
        builder.entity(entity)
    for link in extraction.links:
        builder.link(link)
    for fund in extraction.funds:
        builder.fund(fund)
    for readings in judgement_groups(extraction.judgements):
        builder.judgement(readings)
    builder.finish()
    add_analyst_statements(graph, builder.minter, extraction.analyst, extraction.entities,
                           (fund.key for fund in extraction.funds))
    return graph


def build_rdf(extraction: Extraction, base: str = DEFAULT_BASE) -> Graph:
    """The contract graph of ``extraction`` as an ``rdflib.Graph``: :func:`build_triples`, converted once.

    For callers that want rdflib's API; building and writing a file needs no rdflib graph.
    """
    return build_triples(extraction, base).to_rdflib()
