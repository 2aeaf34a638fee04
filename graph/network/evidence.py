"""Evidence in context: every statement joining two named entities, with the sentences around it.

A quote alone is often too short to judge ("working with Essex"). Each evidence statement
records its document (whose ``dcterms:source`` is the path it was read from), the character
offsets of its quote in the document's cleaned text and, in a paged document, its page. When
the document is still at that path, and its cleaned text is still the one the graph was built
from (its SHA-256 matches), the statement's sentence and its neighbours are cut from that text
(sentences split by spaCy's rule-based sentencizer, which needs no model). Otherwise the quote
is given alone, with the reason.

Names are resolved as in every command: an unknown name raises
:class:`~policekg.graph.query.known_names.UnknownName` with the closest names the graph knows.
"""
from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from spacy.language import Language

from policekg.extract.errors import PoliceKGError
from policekg.extract.read import read_document

from policekg.graph.rdf.search_names import search_name
from policekg.graph.query.known_names import check_names
from policekg.graph.rdf.plain_terms import (
    COLLABORATES_WITH,
    CONFIDENCE,
    DERIVED_FROM,
    END,
    FUND,
    FUNDER,
    LABEL,
    MEMBER_OF,
    OBJECT,
    PAGE,
    PARTICIPATES_IN,
    PREDICATE,
    QUOTE,
    RECIPIENT,
    SEARCH_NAME,
    SHA256,
    SOURCE,
    START,
    STATEMENT,
    STATUS,
    SUBJECT,
    TITLE,
    TYPE,
)
from policekg.graph.network.projection import EDGE_LABELS
from policekg.graph.rdf.reading import grouped, least
from policekg.graph.rdf.tables import GraphSource, Tables, read_tables

AROUND = 1  # sentences shown either side of a statement's sentence
WINDOW = 3000  # characters read either side of a quote to find its sentences
RELATIONS = {COLLABORATES_WITH: EDGE_LABELS["collaboration"], PARTICIPATES_IN: EDGE_LABELS["participation"],
             MEMBER_OF: EDGE_LABELS["post"]}
FUND_PARTIES = (FUNDER, RECIPIENT)
# FUND, pko:Fund, is also the "predicate" a fund's two statements share: they state one link
# what evidence reads (predicate -> its objects are nodes): values as SPARQL gave them, literals kept
_READ = {predicate: predicate == TYPE for predicate in (
    TYPE, LABEL, SEARCH_NAME, SUBJECT, PREDICATE, OBJECT, *FUND_PARTIES, DERIVED_FROM, QUOTE, STATUS,
    CONFIDENCE, START, END, PAGE, TITLE, SOURCE, SHA256)}



@dataclass(frozen=True)
class Statement:
    """One evidence statement between the two entities: what it says and where it was read."""

    relation: str  # "Kent Police collaborates with Essex Police"
    quote: str
    document: str
    source: str
    sha256: str
    start: int | None
    end: int | None
    page: int | None
    status: str | None
    confidence: float | None


@dataclass(frozen=True)
class Context:
    """The statement's sentence and its neighbours, or, when the text cannot be had, why not."""

    sentence: str
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    missing: str | None = None  # why only the quote is shown


def graph_names(graph: GraphSource) -> dict[str, str]:
    """Every name an entity of ``graph`` answers to (search form) and the entity's label."""
    return {name: label for name, (_, label) in _Facts.of(graph).names().items()}


def statements_between(graph: GraphSource, a: str, b: str) -> list[Statement]:
    """The evidence statements of every link between the entities named ``a`` and ``b``, either way.

    Links are collaboration, participation, posts and funds (a fund whose funder is one and
    recipient the other). A statement read once but recorded both ways (collaboration is
    symmetric) is given once, in the direction that names ``a`` first. Sorted by document, then
    position. ``graph`` is a graph file (read in one streaming pass), a pyoxigraph store, an
    ``rdflib.Graph``, or their tables already read. Raises ``UnknownName`` for a name no entity has.
    """
    return _statements_between(_Facts.of(graph), a, b)


def _statements_between(facts: _Facts, a: str, b: str) -> list[Statement]:
    names = facts.names()
    check_names([a, b], {name: label for name, (_, label) in names.items()})
    first, second = names[search_name(a)][0], names[search_name(b)][0]
    links = list(_links(facts, first, second))
    details = _Details(facts, {node for node, *_ in links})
    found: dict[tuple, tuple[bool, Statement]] = {}
    for node, predicate, subject, relation in links:
        statement = details.statement(node, relation)
        key = (statement.document, statement.start, statement.end, statement.quote, predicate)
        preferred = subject in first
        if key not in found or (preferred and not found[key][0]):
            found[key] = (preferred, statement)
    return sorted((statement for _, statement in found.values()),
                  key=lambda s: (s.document, s.start or 0, s.end or 0, s.relation))


class _Facts:
    """The tables evidence reads (:data:`_READ`). Only the labels are grouped whole (names are
    looked up among all of them); of any other predicate, only the few nodes asked about are."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    @classmethod
    def of(cls, graph: GraphSource) -> _Facts:
        return cls(read_tables(graph, _READ))

    def about(self, predicate: str, nodes: set[str]) -> dict[str, set[str]]:
        """{node: its values of ``predicate``}, for ``nodes`` alone."""
        found: dict[str, set[str]] = defaultdict(set)
        for node, value in self.tables.pairs(predicate):
            if node in nodes:
                found[node].add(value)
        return found

    @cached_property
    def labels(self) -> dict[str, set[str]]:
        return grouped(self.tables.pairs(LABEL))

    def label(self, node: str) -> str:
        """The least rdfs:label of ``node``, or its IRI."""
        label = least(self.labels.get(node))
        return node if label is None else label

    def names(self) -> dict[str, tuple[set[str], str]]:
        """Each search name: the entities answering to it and the label of the first (in IRI order)."""
        names: dict[str, tuple[set[str], str]] = {}
        for entity, name in sorted(set(self.tables.pairs(SEARCH_NAME))):
            names.setdefault(name, (set(), min(self.labels.get(entity, ()), default=entity)))[0].add(entity)
        return names


def _links(facts: _Facts, first: set[str], second: set[str]) -> Iterator[tuple[str, str, str, str]]:
    """Evidence nodes joining the two sets: (node, predicate, the link's first end, the relation it states),
    in IRI order of the nodes; the nodes are those whose subject or object is in either set."""
    ends = first | second
    touched = {node for predicate in (SUBJECT, OBJECT) for node, value in facts.tables.pairs(predicate)
               if value in ends}
    statements = [node for node, kinds in facts.about(TYPE, touched).items() if STATEMENT in kinds]
    subjects, predicates, objects = (facts.about(column, touched) for column in (SUBJECT, PREDICATE, OBJECT))
    touching = {(node, subject, predicate, obj) for node in statements for subject in subjects[node]
                for predicate in predicates[node] for obj in objects[node]}
    funds = {subject for _, subject, predicate, _ in touching if predicate in FUND_PARTIES}
    funders, recipients = (facts.about(role, funds) for role in FUND_PARTIES)
    for node, subject, predicate, obj in sorted(touching):
        if predicate in RELATIONS and _joins(subject, obj, first, second):
            yield node, predicate, subject, f"{facts.label(subject)} {RELATIONS[predicate]} {facts.label(obj)}"
        elif predicate in FUND_PARTIES:
            for funder in sorted(funders[subject]):
                for recipient in sorted(recipients[subject]):
                    if _joins(funder, recipient, first, second) and obj in (funder, recipient):
                        yield node, FUND, funder, (f"{facts.label(funder)} funds {facts.label(recipient)}: "
                                                   f"{facts.label(subject)}")


def _joins(u: str, v: str, first: set[str], second: set[str]) -> bool:
    return (u in first and v in second) or (u in second and v in first)


class _Details:
    """What the evidence nodes ``nodes`` say, and of their documents, read in one pass per predicate."""

    def __init__(self, facts: _Facts, nodes: set[str]) -> None:
        self.of_node = {predicate: facts.about(predicate, nodes)
                        for predicate in (DERIVED_FROM, QUOTE, START, END, PAGE, STATUS, CONFIDENCE)}
        documents = {document for found in self.of_node[DERIVED_FROM].values() for document in found}
        self.of_document = {predicate: facts.about(predicate, documents) for predicate in (TITLE, SOURCE, SHA256)}

    def statement(self, node: str, relation: str) -> Statement:
        """The details of evidence node ``node`` and of its document (the first in IRI order)."""
        document = least(self.of_node[DERIVED_FROM].get(node))
        start, end, page, confidence, quote, status = (least(self.of_node[predicate].get(node)) for predicate in (
            START, END, PAGE, CONFIDENCE, QUOTE, STATUS))
        title, source, sha256 = (least(self.of_document[predicate].get(document)) if document is not None else None
                                 for predicate in (TITLE, SOURCE, SHA256))
        return Statement(
            relation=relation, quote=quote or "", document=title or document or "unknown document",
            source=source or "", sha256=sha256 or "",
            start=None if start is None else int(start), end=None if end is None else int(end),
            page=None if page is None else int(page), status=status,
            confidence=None if confidence is None else float(confidence),
        )


class DocumentTexts:
    """Cleaned document texts, read once each, checked against the SHA-256 the graph recorded.

    A relative source path is looked for from the working folder, then from ``folder`` (the
    graph file's folder).
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = None if folder is None else Path(folder)
        self.texts: dict[tuple[str, str], str | Context] = {}

    @cached_property
    def sentencizer(self) -> Language:
        """spaCy's rule-based sentence splitter, loaded when a document's text is first cut (loading
        spaCy takes a second, which a report whose documents are elsewhere does without)."""
        import spacy  # here, not at the top: the commands that import this module without citing never load it

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    def text(self, source: str, sha256: str) -> str | Context:
        """The document's text, or a :class:`Context` saying why there is none."""
        if (source, sha256) not in self.texts:
            self.texts[(source, sha256)] = self._read(source, sha256)
        return self.texts[(source, sha256)]

    def _read(self, source: str, sha256: str) -> str | Context:
        candidates = [Path(source)] if source else []
        if source and self.folder is not None and not Path(source).is_absolute():
            candidates.append(self.folder / source)
        path = next((candidate for candidate in candidates if candidate.is_file()), None)
        if path is None:
            return Context("", missing=f"the document is not at {source or 'its recorded path'}")
        try:
            text = read_document(path).text
        except PoliceKGError as error:
            return Context("", missing=f"the document at {path} cannot be read ({error})")
        if sha256 and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
            return Context("", missing=f"the document at {path} has changed since the graph was built")
        return text

    def context(self, statement: Statement, around: int = AROUND) -> Context:
        """``statement``'s sentence with ``around`` sentences either side, cut from its document."""
        text = self.text(statement.source, statement.sha256)
        if isinstance(text, Context):
            return text
        if statement.start is None or statement.end is None or not 0 <= statement.start <= statement.end <= len(text):
            return Context("", missing="the statement has no offsets in its document")
        low = max(0, statement.start - WINDOW)
        window = self.sentencizer(text[low:min(len(text), statement.end + WINDOW)])
        sentences = list(window.sents)
        start, end = statement.start - low, statement.end - low
        first = next(i for i, sent in enumerate(sentences) if sent.end_char > start or i == len(sentences) - 1)
        last = next((i for i, sent in enumerate(sentences) if i >= first and sent.end_char >= end), first)
        return Context(
            sentence=_plain(window.text[sentences[first].start_char:sentences[last].end_char]),
            before=[_plain(sent.text) for sent in sentences[max(0, first - around):first]],
            after=[_plain(sent.text) for sent in sentences[last + 1:last + 1 + around]],
        )


def _plain(text: str) -> str:
    """Text on one line: runs of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def evidence_report(graph: GraphSource, a: str, b: str, *, around: int = AROUND,
                    folder: str | os.PathLike[str] | None = None) -> str:
    """The text ``policekg evidence`` prints: each statement between ``a`` and ``b`` in its context."""
    facts = _Facts.of(graph)
    statements = _statements_between(facts, a, b)
    names = {name: label for name, (_, label) in facts.names().items()}
    heading = f"{names[search_name(a)]} — {names[search_name(b)]}: {len(statements)} statement(s)"
    if not statements:
        return heading + "\n"
    texts = DocumentTexts(folder)
    blocks = [heading]
    for number, statement in enumerate(statements, 1):
        blocks.append(_block(number, statement, texts.context(statement, around)))
    return "\n\n".join(blocks) + "\n"


def _block(number: int, statement: Statement, context: Context) -> str:
    where = [statement.document]
    if statement.page is not None:
        where.append(f"page {statement.page}")
    if statement.start is not None and statement.end is not None:
        where.append(f"characters {statement.start}–{statement.end}")
    facts = [statement.status] if statement.status else []
    if statement.confidence is not None:
        facts.append(f"confidence {statement.confidence:.2f}")
    lines = [f"[{number}] {statement.relation}" + (f" ({', '.join(facts)})" if facts else ""),
             f"    {', '.join(where)}" + (f" ({statement.source})" if statement.source else "")]
    if context.missing:
        lines.append(f"    no context: {context.missing}; the quote alone:")
        lines.append(f"    > {_plain(statement.quote)}")
        return "\n".join(lines)
    lines.extend(f"      {sentence}" for sentence in context.before)
    lines.append(f"    > {context.sentence}")
    lines.extend(f"      {sentence}" for sentence in context.after)
    return "\n".join(lines)
