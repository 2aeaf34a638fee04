"""What the network projection reads from a graph, as whole tables asked of a pyoxigraph store.

:func:`policekg.graph.network.to_networkx` needs, for a million-triple graph, tens of
thousands of labels, documents and evidence statements. Asking rdflib for them node by node
was most of the time ``policekg show`` took; here each kind of fact is one SPARQL query
(``queries/read/*.rq``) over the whole store, grouped once in Python and looked up in dicts.
Each table is read only when a view needs it (the collaboration view never reads funds).

Where the contract says a node has one value (a statement's quote, a fund's amount) and a
graph has several, the least is taken, so the same graph always gives the same network.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from pyoxigraph import Store

from .reading import Term, columns, grouped, least, number, select, text

Evidence = dict[str, object]
Triple = tuple[Term | None, Term | None, Term | None]


class NetworkFacts:
    """The facts of one store the projection needs, each table read on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def entities(self, kinds: tuple[str, ...]) -> dict[Term, str]:
        """Each entity of ``kinds`` with its kind (the first of ``kinds`` if typed twice)."""
        typed: dict[str, list[Term]] = defaultdict(list)
        for entity, kind in select(self.store, "entities"):
            typed[text(kind).rsplit("#", 1)[-1]].append(entity)
        found: dict[Term, str] = {}
        for kind in kinds:
            for entity in typed[kind]:
                found.setdefault(entity, kind)
        return found

    @cached_property
    def _labels(self) -> dict[Term, str]:
        return {node: min(text(label) for label in labels) for node, labels in grouped(select(self.store, "labels")).items()}

    def label(self, node: Term) -> str:
        """The rdfs:label of ``node`` (the least, should there be several), or its IRI."""
        return self._labels.get(node, text(node))

    @cached_property
    def aliases(self) -> dict[Term, set[Term]]:
        return grouped(select(self.store, "aliases"))

    @cached_property
    def mentions(self) -> dict[Term, set[Term]]:
        return grouped(select(self.store, "mentions"))

    @cached_property
    def _titles(self) -> dict[Term, str]:
        return {document: min(text(title) for title in titles)
                for document, titles in grouped(select(self.store, "titles")).items()}

    def title(self, document: Term) -> str:
        """A document's title (the least of several), or its IRI when it has none."""
        return self._titles.get(document, text(document))

    def documents(self, node: Term) -> list[str]:
        """The titles of the documents ``node`` is mentioned in, sorted, each once."""
        return sorted({self.title(document) for document in self.mentions.get(node, ())})

    @cached_property
    def evidence(self) -> dict[Triple, list[Evidence]]:
        """The evidence records of every reified triple, keyed by (subject, predicate, object)."""
        index: dict[Triple, list[Evidence]] = defaultdict(list)
        for subjects, predicates, objects, documents, quotes, statuses, confidences, pages, starts, ends in \
                columns(select(self.store, "statements")).values():
            titles = sorted(self.title(document) for document in documents)
            status, confidence, page = least(statuses), least(confidences), least(pages)
            record: Evidence = {
                "quote": text(least(quotes)) if quotes else "",
                "document": titles[0] if titles else "",
                "status": None if status is None else text(status),
                "confidence": None if confidence is None else float(number(confidence)),
            }
            if page is not None:
                record["page"] = int(number(page))
            for name, offsets in (("start", starts), ("end", ends)):
                if offsets:
                    record[name] = int(number(least(offsets)))
            index[(least(subjects), least(predicates), least(objects))].append(record)
        return index

    def pairs(self, query: str) -> list[tuple[Term, Term]]:
        """The two-column rows of a read query (collaborations, participations, posts), sorted."""
        return sorted(select(self.store, query), key=lambda row: (text(row[0]), text(row[1])))

    def roles(self) -> dict[tuple[Term | None, Term | None], set[str]]:
        """The role labels of the memberships of each (person, organisation)."""
        roles: dict[tuple[Term | None, Term | None], set[str]] = defaultdict(set)
        for member, organisation, role in select(self.store, "roles"):
            roles[(member, organisation)].add(text(role))
        return roles

    @cached_property
    def funds(self) -> dict[Term, tuple[Term | None, Term | None, list[Term], list[Term]]]:
        """Each fund: (amount, period, funders sorted, recipients sorted)."""
        found = columns(select(self.store, "funds"))
        return {fund: (least(amounts), least(periods), sorted(funders, key=text), sorted(recipients, key=text))
                for fund, (amounts, periods, funders, recipients) in sorted(found.items(), key=lambda item: text(item[0]))}
