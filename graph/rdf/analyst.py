"""An analyst's statements in the graph: PROV evidence of its own kind, beside the machine's.

An added link or post is backed by an ordinary evidence node (``rdf:Statement`` with the
analyst's quote, its offsets in the document and ``prov:wasDerivedFrom`` the document),
which :mod:`.build` writes like any other reading; this module adds to that node that it
is a ``pko:AnalystStatement`` ``prov:wasAttributedTo`` the analyst, with the decision's
date (``dcterms:created``: the evidence's ``dcterms:date`` is its document's) and note. A merge, rename, change of kind, "distinct" or "keep" states something about an
entity rather than a link, so it gets a node of its own: ``pko:correctedEntity`` the
entity, ``pko:statedValue`` the name merged into it, its new label or kind, the other
entity's label (distinct) or its own (keep), and ``dcterms:source`` the analyst's source
as written; "distinct" also states ``owl:differentFrom`` between the two entities. It is not an ``rdf:Statement``: it
has no quote, and the contract's evidence nodes always do. Every analyst is a ``prov:Person`` with a label.
"""
from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal
from rdflib import URIRef

from policekg.extract.link_types import link_types
from policekg.extract.model import AnalystStatement, Entity

from policekg.graph.rdf.iri import Minter
from policekg.graph.rdf.namespaces import DCTERMS, OWL, PKO, PROV, RDF, RDFS, XSD, expand
from policekg.graph.rdf.triples import Triples


def add_analyst_statements(graph: Triples, minter: Minter, statements: Iterable[AnalystStatement],
                           entities: dict[str, Entity], funds: Iterable[str] = ()) -> None:
    """Write each statement whose entities (or fund, of keys ``funds``) are still in the graph,
    attributed to its analyst."""
    known = set(entities) | set(funds)
    for statement in statements:
        if statement.subject not in known or (statement.object_is_entity and statement.obj not in entities):
            continue
        subject = minter.entity(statement.subject)
        if statement.evidence is not None:
            nodes = _link_evidence(minter, statement, subject)
        else:
            node = minter.analyst_statement(statement.action, subject, statement.obj, statement.analyst,
                                            statement.date, statement.note)
            graph.add(node, PKO.correctedEntity, subject)
            value = entities[statement.obj].label if statement.object_is_entity else statement.obj
            graph.add(node, PKO.statedValue, Literal(value))
            if statement.predicate == "owl:differentFrom":
                graph.add(subject, OWL.differentFrom, minter.entity(statement.obj))
            graph.add(node, DCTERMS.source, Literal(statement.source))
            nodes = [node]
        agent = minter.analyst(statement.analyst)
        graph.add(agent, RDF.type, PROV.Person)
        graph.add(agent, RDF.type, PROV.Agent)
        graph.add(agent, RDFS.label, Literal(statement.analyst))
        for node in nodes:
            graph.add(node, RDF.type, PKO.AnalystStatement)
            graph.add(node, PKO.decision, Literal(statement.action))
            graph.add(node, PROV.wasAttributedTo, agent)
            graph.add(node, DCTERMS.created, graph.literal(statement.date, XSD.date))
            graph.add(node, PKO.note, Literal(statement.note))


def _link_evidence(minter: Minter, statement: AnalystStatement, subject: URIRef) -> list[URIRef]:
    """The evidence nodes the builder wrote for an added link: one per direction the graph asserts."""
    evidence = statement.evidence
    assert evidence is not None
    predicate, obj = expand(statement.predicate), minter.entity(statement.obj)
    document = minter.document(evidence.document)
    directions = [(subject, obj)]
    if any(kind.curie == statement.predicate and kind.symmetric for kind in link_types().values()):
        directions.append((obj, subject))
    return [minter.evidence(document, evidence.start, evidence.end, s, predicate, o) for s, o in directions]
