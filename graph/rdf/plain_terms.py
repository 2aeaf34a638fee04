"""The contract's terms as the plain strings a graph's tables hold (:mod:`.tables`).

The readers that stream a graph file (the network projection, ``evaluate``, ``evidence``) key
their tables by predicate IRI and compare classes as strings; they take those strings from
here, made once from the namespaces declared in :mod:`.namespaces`.
"""
from __future__ import annotations

from policekg.graph.rdf.namespaces import DCTERMS, ORG, PKO, PROV, RDF, RDFS, SKOS

TYPE, LABEL, ALIAS, SEARCH_NAME = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(PKO.searchName)
MENTIONED_IN, TITLE, SOURCE, SHA256 = str(PKO.mentionedIn), str(DCTERMS.title), str(DCTERMS.source), str(PKO.sha256)
SUBJECT, PREDICATE, OBJECT, DERIVED_FROM = str(RDF.subject), str(RDF.predicate), str(RDF.object), str(PROV.wasDerivedFrom)
QUOTE, STATUS, CONFIDENCE, PAGE = str(PKO.quote), str(PKO.status), str(PKO.confidence), str(PKO.page)
START, END = str(PKO.charStart), str(PKO.charEnd)
COLLABORATES_WITH, PARTICIPATES_IN, MEMBER_OF = str(PKO.collaboratesWith), str(PKO.participatesIn), str(ORG.memberOf)
ROLE, MEMBER, ORGANIZATION = str(ORG.role), str(ORG.member), str(ORG.organization)
FUNDER, RECIPIENT, AMOUNT, PERIOD = str(PKO.funder), str(PKO.recipient), str(PKO.amount), str(PKO.period)
STATEMENT, MEMBERSHIP, FUND, DOCUMENT = str(RDF.Statement), str(ORG.Membership), str(PKO.Fund), str(PKO.Document)
