"""Evidence in context: every statement joining two named entities, with the sentences around it.

A quote alone is often too short to judge ("working with Essex"). Each evidence statement
records its document (whose ``dcterms:source`` is the path it was read from), the character
offsets of its quote in the document's cleaned text and, in a paged document, its page. When
the document is still at that path, and its cleaned text is still the one the graph was built
from (its SHA-256 matches), the statement's sentence and its neighbours are cut from that text
(sentences split by spaCy's rule-based sentencizer, which needs no model). Otherwise the quote
is given alone, with the reason.

Names are resolved as in every command: an unknown name raises
:class:`~policekg.graph.known_names.UnknownName` with the closest names the graph knows.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
import spacy
from rdflib import URIRef
from rdflib.term import Node

from policekg.extract.errors import PoliceKGError
from policekg.extract.read import read_document

from .build import search_name
from .known_names import check_names
from .namespaces import DCTERMS, ORG, PKO, PROV, RDF, RDFS
from .network import EDGE_LABELS

AROUND = 1  # sentences shown either side of a statement's sentence
WINDOW = 3000  # characters read either side of a quote to find its sentences
RELATIONS = {PKO.collaboratesWith: EDGE_LABELS["collaboration"], PKO.participatesIn: EDGE_LABELS["participation"],
             ORG.memberOf: EDGE_LABELS["post"]}


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


def graph_names(graph: rdflib.Graph) -> dict[str, str]:
    """Every name an entity of ``graph`` answers to (search form) and the entity's label."""
    names: dict[str, str] = {}
    for entity, name in sorted(graph.subject_objects(PKO.searchName)):
        labels = sorted(str(label) for label in graph.objects(entity, RDFS.label))
        names.setdefault(str(name), labels[0] if labels else str(entity))
    return names


def _entities(graph: rdflib.Graph, name: str) -> set[Node]:
    return set(graph.subjects(PKO.searchName, rdflib.Literal(search_name(name))))


def _label(graph: rdflib.Graph, node: Node) -> str:
    labels = sorted(str(label) for label in graph.objects(node, RDFS.label))
    return labels[0] if labels else str(node)


def statements_between(graph: rdflib.Graph, a: str, b: str) -> list[Statement]:
    """The evidence statements of every link between the entities named ``a`` and ``b``, either way.

    Links are collaboration, participation, posts and funds (a fund whose funder is one and
    recipient the other). A statement read once but recorded both ways (collaboration is
    symmetric) is given once, in the direction that names ``a`` first. Sorted by document, then
    position. Raises ``UnknownName`` for a name no entity has.
    """
    check_names([a, b], graph_names(graph))
    first, second = _entities(graph, a), _entities(graph, b)
    found: dict[tuple, tuple[bool, Statement]] = {}
    for node, predicate, subject, relation in _links(graph, first, second):
        statement = _statement(graph, node, relation)
        key = (statement.document, statement.start, statement.end, statement.quote, predicate)
        preferred = subject in first
        if key not in found or (preferred and not found[key][0]):
            found[key] = (preferred, statement)
    return sorted((statement for _, statement in found.values()),
                  key=lambda s: (s.document, s.start or 0, s.end or 0, s.relation))


def _links(graph: rdflib.Graph, first: set[Node], second: set[Node]) -> Iterator[tuple[Node, Node, Node, str]]:
    """Evidence nodes joining the two sets: (node, predicate, the link's first end, the relation it states)."""
    for node in sorted(graph.subjects(RDF.type, RDF.Statement)):
        subject, predicate, obj = (graph.value(node, part) for part in (RDF.subject, RDF.predicate, RDF.object))
        if predicate in RELATIONS and _joins(subject, obj, first, second):
            yield node, predicate, subject, f"{_label(graph, subject)} {RELATIONS[predicate]} {_label(graph, obj)}"
        elif predicate in (PKO.funder, PKO.recipient):
            for funder in sorted(graph.objects(subject, PKO.funder)):
                for recipient in sorted(graph.objects(subject, PKO.recipient)):
                    if _joins(funder, recipient, first, second) and obj in (funder, recipient):
                        yield node, PKO.Fund, funder, (f"{_label(graph, funder)} funds {_label(graph, recipient)}: "
                                                       f"{_label(graph, subject)}")


def _joins(u: Node, v: Node, first: set[Node], second: set[Node]) -> bool:
    return (u in first and v in second) or (u in second and v in first)


def _statement(graph: rdflib.Graph, node: Node, relation: str) -> Statement:
    documents = sorted(graph.objects(node, PROV.wasDerivedFrom))
    document = documents[0] if documents else None

    def value(subject: Node | None, predicate: URIRef):
        found = None if subject is None else graph.value(subject, predicate)
        return None if found is None else found.toPython()

    return Statement(
        relation=relation,
        quote=str(value(node, PKO.quote) or ""),
        document=str(value(document, DCTERMS.title) or document or "unknown document"),
        source=str(value(document, DCTERMS.source) or ""), sha256=str(value(document, PKO.sha256) or ""),
        start=value(node, PKO.charStart), end=value(node, PKO.charEnd), page=value(node, PKO.page),
        status=None if value(node, PKO.status) is None else str(value(node, PKO.status)),
        confidence=None if value(node, PKO.confidence) is None else float(value(node, PKO.confidence)),
    )


class DocumentTexts:
    """Cleaned document texts, read once each, checked against the SHA-256 the graph recorded.

    A relative source path is looked for from the working folder, then from ``folder`` (the
    graph file's folder).
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = None if folder is None else Path(folder)
        self.texts: dict[tuple[str, str], str | Context] = {}
        self.sentencizer = spacy.blank("en")
        self.sentencizer.add_pipe("sentencizer")

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


def evidence_report(graph: rdflib.Graph, a: str, b: str, *, around: int = AROUND,
                    folder: str | os.PathLike[str] | None = None) -> str:
    """The text ``policekg evidence`` prints: each statement between ``a`` and ``b`` in its context."""
    statements = statements_between(graph, a, b)
    names = graph_names(graph)
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
