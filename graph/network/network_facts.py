"""What the network projection reads from a graph, as whole tables asked of a pyoxigraph store.

:func:`policekg.graph.network.projection.to_networkx` needs, for a million-triple graph, tens of
thousands of labels, documents and evidence statements. Asking rdflib for them node by node
was most of the time ``policekg show`` took; here each kind of fact is one SPARQL query
(``queries/read/*.rq``) over the whole store, grouped once in Python and looked up in dicts
keyed by IRI. Each table is read only when a view needs it: the collaboration view reads the
evidence of collaborations alone, and never reads funds.

Where the contract says a node has one value (a statement's quote, a fund's amount) and a
graph has several, the least is taken, so the same graph always gives the same network.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from pyoxigraph import Store

from policekg.graph.rdf.namespaces import PKO
from policekg.graph.rdf.reading import columns, grouped, least, select

Evidence = dict[str, object]
Pair = tuple[str | None, str | None]  # (subject, object) of a reified triple
Fund = tuple[str | None, str | None, list[str], list[str]]  # amount, period, funders, recipients


class NetworkFacts:
    """The facts of one store the projection needs, each table read on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._evidence: dict[str, dict[Pair, list[Evidence]]] = {}

    def entities(self, kinds: tuple[str, ...]) -> dict[str, str]:
        """Each entity (IRI) of ``kinds`` with its kind (the first of ``kinds`` if typed twice)."""
        typed: dict[str, list[str]] = defaultdict(list)
        for entity, kind in select(self.store, "entities"):
            typed[kind].append(entity)
        found: dict[str, str] = {}
        for kind in kinds:
            for entity in typed[str(PKO[kind])]:
                found.setdefault(entity, kind)
        return found

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {node: min(labels) for node, labels in grouped(select(self.store, "labels")).items()}

    def label(self, node: str) -> str:
        """The rdfs:label of ``node`` (the least, should there be several), or its IRI."""
        return self._labels.get(node, node)

    @cached_property
    def aliases(self) -> dict[str, set[str]]:
        return grouped(select(self.store, "aliases"))

    @cached_property
    def _mentions(self) -> dict[str, set[str]]:
        return grouped(select(self.store, "mentions"))

    @cached_property
    def _titles(self) -> dict[str, str]:
        return {document: min(titles) for document, titles in grouped(select(self.store, "titles")).items()}

    def title(self, document: str) -> str:
        """A document's title (the least of several), or its IRI when it has none."""
        return self._titles.get(document, document)

    def documents(self, node: str) -> list[str]:
        """The titles of the documents ``node`` is mentioned in, sorted, each once."""
        return sorted({self.title(document) for document in self._mentions.get(node, ())})

    def evidence(self, predicate: str) -> dict[Pair, list[Evidence]]:
        """The evidence records of every reified triple with ``predicate``, keyed by (subject, object)."""
        if predicate not in self._evidence:
            self._evidence[predicate] = self._read_evidence(predicate)
        return self._evidence[predicate]

    def _read_evidence(self, predicate: str) -> dict[Pair, list[Evidence]]:
        index: dict[Pair, list[Evidence]] = defaultdict(list)
        statements = columns(select(self.store, "statements", predicate=predicate))
        for subjects, _, objects, documents, quotes, statuses, confidences, pages, starts, ends in statements.values():
            titles = sorted(self.title(document) for document in documents)
            status, confidence, page = least(statuses), least(confidences), least(pages)
            record: Evidence = {
                "quote": least(quotes) or "",
                "document": titles[0] if titles else "",
                "status": status,
                "confidence": None if confidence is None else float(confidence),
            }
            if page is not None:
                record["page"] = int(page)
            for name, offsets in (("start", starts), ("end", ends)):
                if offsets:
                    record[name] = int(least(offsets))
            index[(least(subjects), least(objects))].append(record)
        return index

    def pairs(self, query: str) -> list[tuple[str, str]]:
        """The two-column rows of a read query (collaborations, participations, posts), sorted."""
        return sorted(select(self.store, query))

    def roles(self) -> dict[Pair, set[str]]:
        """The role labels of the memberships of each (person, organisation)."""
        roles: dict[Pair, set[str]] = defaultdict(set)
        for member, organisation, role in select(self.store, "roles"):
            roles[(member, organisation)].add(role)
        return roles

    @cached_property
    def funds(self) -> dict[str, Fund]:
        """Each fund in IRI order: (amount, period, funders sorted, recipients sorted)."""
        found = columns(select(self.store, "funds"))
        return {fund: (least(amounts), least(periods), sorted(funders), sorted(recipients))
                for fund, (amounts, periods, funders, recipients) in sorted(found.items())}
