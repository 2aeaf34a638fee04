"""What the network projection reads from a graph: a few predicates' tables, grouped in Python.

:func:`policekg.graph.network.projection.to_networkx` needs, for a million-triple graph, tens
of thousands of labels, documents and evidence statements. Each view names the predicates it
needs (:func:`predicates_for`); they are read in one pass (:func:`policekg.graph.rdf.tables.read_tables`,
a streaming parse of a graph file, with no store) and grouped once here into dicts keyed by
IRI. The collaboration view thus never reads posts or funds.

Where the contract says a node has one value (a statement's quote, a fund's amount) and a
graph has several, the least is taken, so the same graph always gives the same network.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from itertools import repeat

from policekg.graph.rdf.namespaces import PKO
from policekg.graph.rdf.plain_terms import (
    ALIAS,
    AMOUNT,
    COLLABORATES_WITH,
    CONFIDENCE,
    DERIVED_FROM,
    END,
    FUND,
    FUNDER,
    LABEL,
    MEMBER,
    MEMBER_OF,
    MEMBERSHIP,
    MENTIONED_IN,
    OBJECT,
    ORGANIZATION,
    PAGE,
    PARTICIPATES_IN,
    PERIOD,
    PREDICATE,
    QUOTE,
    RECIPIENT,
    ROLE,
    START,
    STATEMENT,
    STATUS,
    SUBJECT,
    TITLE,
    TYPE,
)
from policekg.graph.rdf.tables import Tables

Evidence = dict[str, object]
Pair = tuple[str | None, str | None]  # (subject, object) of a reified triple
Fund = tuple[str | None, str | None, list[str], list[str]]  # amount, period, funders, recipients

# predicate -> whether its objects are nodes (literal objects are then not read)
_EVERY_VIEW = {TYPE: True, LABEL: False, ALIAS: False, MENTIONED_IN: True, TITLE: False,
               SUBJECT: True, PREDICATE: True, OBJECT: True, DERIVED_FROM: True, QUOTE: False, STATUS: False,
               CONFIDENCE: False, PAGE: False, START: False, END: False}
_EDGE_PREDICATES = {
    "collaboration": {COLLABORATES_WITH: True},
    "participation": {PARTICIPATES_IN: True},
    "post": {MEMBER_OF: True, ROLE: True, MEMBER: True, ORGANIZATION: True},
    "funding": {FUNDER: True, RECIPIENT: True, AMOUNT: False, PERIOD: False},
}


def predicates_for(edge_types: Iterable[str]) -> dict[str, bool]:
    """The predicates a projection onto ``edge_types`` reads (IRI → objects are nodes)."""
    chosen = dict(_EVERY_VIEW)
    for edge_type in edge_types:
        chosen.update(_EDGE_PREDICATES[edge_type])
    return chosen


def _least(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{subject: the least of its objects}: one value per node, the same whatever the order read."""
    pairs = list(pairs)
    found = dict(pairs)
    if len(found) == len(pairs):
        return found  # each subject has one value (the contract's case), so it is the least
    found = {}
    get = found.get
    for subject, obj in pairs:
        current = get(subject)
        if current is None or obj < current:
            found[subject] = obj
    return found


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """{subject: {object, …}}."""
    groups: dict[str, set[str]] = defaultdict(set)
    for subject, obj in pairs:
        groups[subject].add(obj)
    return groups


class NetworkFacts:
    """The facts of one graph's tables the projection needs, each grouped on first use."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._ones: dict[str, dict[str, str]] = {}
        self._manys: dict[str, dict[str, set[str]]] = {}
        self._evidence: dict[str, dict[Pair, list[Evidence]]] = {}

    @cached_property
    def _typed(self) -> dict[str, set[str]]:
        """{class IRI: its instances}."""
        typed: dict[str, set[str]] = defaultdict(set)
        for node, kind in self.tables.pairs(TYPE):
            typed[kind].add(node)
        return typed

    def entities(self, kinds: tuple[str, ...]) -> dict[str, str]:
        """Each entity (IRI) of ``kinds`` with its kind (the first of ``kinds`` if typed twice)."""
        found: dict[str, str] = {}
        for kind in kinds:
            for entity in self._typed.get(str(PKO[kind]), ()):
                if not entity.startswith("_:"):
                    found.setdefault(entity, kind)
        return found

    def _one(self, predicate: str) -> dict[str, str]:
        """{node: its least value of ``predicate``}, grouped once."""
        if predicate not in self._ones:
            self._ones[predicate] = _least(self.tables.pairs(predicate))
        return self._ones[predicate]

    def _many(self, predicate: str) -> dict[str, set[str]]:
        """{node: its values of ``predicate``}, grouped once."""
        if predicate not in self._manys:
            self._manys[predicate] = _grouped(self.tables.pairs(predicate))
        return self._manys[predicate]

    def label(self, node: str) -> str:
        """The rdfs:label of ``node`` (the least, should there be several), or its IRI."""
        return self._one(LABEL).get(node, node)

    @property
    def aliases(self) -> dict[str, set[str]]:
        return self._many(ALIAS)

    def title(self, document: str) -> str:
        """A document's title (the least of several), or its IRI when it has none."""
        return self._one(TITLE).get(document, document)

    def documents(self, node: str) -> list[str]:
        """The titles of the documents ``node`` is mentioned in, sorted, each once."""
        return sorted({self.title(document) for document in self._many(MENTIONED_IN).get(node, ())})

    def evidence(self, predicate: str) -> dict[Pair, list[Evidence]]:
        """The evidence records of every reified triple with ``predicate``, keyed by (subject, object)."""
        if predicate not in self._evidence:
            self._evidence[predicate] = self._read_evidence(predicate)
        return self._evidence[predicate]

    def _read_evidence(self, predicate: str) -> dict[Pair, list[Evidence]]:
        """Each statement of ``predicate`` as a record; each column is looked up for every
        statement at once (``map`` over a dict's ``get``), leaving one short loop to build them."""
        index: dict[Pair, list[Evidence]] = defaultdict(list)
        statements = self._typed.get(STATEMENT, set())
        stating = sorted({statement for statement, stated in self.tables.pairs(PREDICATE)
                          if stated == predicate and statement in statements})
        chosen = set(stating)
        documents = _least((statement, self.title(document)) for statement, document in self.tables.pairs(DERIVED_FROM)
                           if statement in chosen)
        columns = [map(self._one(column).get, stating) for column in (SUBJECT, OBJECT, QUOTE, STATUS, CONFIDENCE,
                                                                       PAGE, START, END)]
        for subject, obj, quote, status, confidence, page, start, end, document in zip(
                *columns, map(documents.get, stating, repeat(""))):
            record: Evidence = {
                "quote": quote or "",
                "document": document,
                "status": status,
                "confidence": None if confidence is None else float(confidence),
            }
            if page is not None:
                record["page"] = int(page)
            if start is not None:
                record["start"] = int(start)
            if end is not None:
                record["end"] = int(end)
            index[(subject, obj)].append(record)
        return index

    def pairs(self, predicate: str) -> list[tuple[str, str]]:
        """The (subject, object) pairs of a link predicate, sorted, each once."""
        return sorted(set(self.tables.pairs(predicate)))

    def roles(self) -> dict[Pair, set[str]]:
        """The role labels of the memberships of each (person, organisation)."""
        labels, posts = self._many(LABEL), self._many(ROLE)
        members, organisations = self._many(MEMBER), self._many(ORGANIZATION)
        roles: dict[Pair, set[str]] = defaultdict(set)
        for membership in self._typed.get(MEMBERSHIP, ()):
            names = {label for post in posts.get(membership, ()) for label in labels.get(post, ())}
            if not names:
                continue
            for member in members.get(membership) or [None]:
                for organisation in organisations.get(membership) or [None]:
                    roles[(member, organisation)].update(names)
        return roles

    @cached_property
    def funds(self) -> dict[str, Fund]:
        """Each fund in IRI order: (amount, period, funders sorted, recipients sorted)."""
        amounts, periods = self._one(AMOUNT), self._one(PERIOD)
        funders, recipients = self._many(FUNDER), self._many(RECIPIENT)
        return {fund: (amounts.get(fund), periods.get(fund), sorted(funders.get(fund, ())),
                       sorted(recipients.get(fund, ())))
                for fund in sorted(self._typed.get(FUND, ()))}
