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
from pathlib import Path

import rdflib
from pyoxigraph import Store

from policekg.extract.errors import PoliceKGError
from policekg.extract.read import read_document

from policekg.graph.rdf.search_names import search_name
from policekg.graph.query.known_names import check_names
from policekg.graph.rdf.namespaces import ORG, PKO
from policekg.graph.network.projection import EDGE_LABELS
from policekg.graph.rdf.reading import as_store, columns, least, select

AROUND = 1  # sentences shown either side of a statement's sentence
WINDOW = 3000  # characters read either side of a quote to find its sentences
RELATIONS = {str(PKO.collaboratesWith): EDGE_LABELS["collaboration"],
             str(PKO.participatesIn): EDGE_LABELS["participation"], str(ORG.memberOf): EDGE_LABELS["post"]}
FUND_PARTIES = (str(PKO.funder), str(PKO.recipient))
FUND = str(PKO.Fund)  # the "predicate" a fund's two statements share: they state one link


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


def graph_names(graph: rdflib.Graph | Store) -> dict[str, str]:
    """Every name an entity of ``graph`` answers to (search form) and the entity's label."""
    return {name: label for name, (_, label) in _names(as_store(graph)).items()}


def _names(store: Store) -> dict[str, tuple[set[str], str]]:
    """Each search name: the entities answering to it and the label of the first (in IRI order)."""
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity, name, label in select(store, "names"):
        found = labels[(entity, name)]
        if label is not None:
            found.add(label)
    names: dict[str, tuple[set[str], str]] = {}
    for entity, name in sorted(labels):
        names.setdefault(name, (set(), min(labels[(entity, name)], default=entity)))[0].add(entity)
    return names


def statements_between(graph: rdflib.Graph | Store, a: str, b: str) -> list[Statement]:
    """The evidence statements of every link between the entities named ``a`` and ``b``, either way.

    Links are collaboration, participation, posts and funds (a fund whose funder is one and
    recipient the other). A statement read once but recorded both ways (collaboration is
    symmetric) is given once, in the direction that names ``a`` first. Sorted by document, then
    position. ``graph`` is a pyoxigraph store or an ``rdflib.Graph`` (copied into one). Raises
    ``UnknownName`` for a name no entity has.
    """
    store = as_store(graph)
    names = _names(store)
    check_names([a, b], {name: label for name, (_, label) in names.items()})
    first, second = names[search_name(a)][0], names[search_name(b)][0]
    found: dict[tuple, tuple[bool, Statement]] = {}
    for node, predicate, subject, relation in _links(store, first, second):
        statement = _statement(store, node, relation)
        key = (statement.document, statement.start, statement.end, statement.quote, predicate)
        preferred = subject in first
        if key not in found or (preferred and not found[key][0]):
            found[key] = (preferred, statement)
    return sorted((statement for _, statement in found.values()),
                  key=lambda s: (s.document, s.start or 0, s.end or 0, s.relation))


def _label(store: Store, node: str) -> str:
    """The least rdfs:label of ``node``, or its IRI."""
    label = least([label for _, label in select(store, "labels", node=node)])
    return node if label is None else label


def _links(store: Store, first: set[str], second: set[str]) -> Iterator[tuple[str, str, str, str]]:
    """Evidence nodes joining the two sets: (node, predicate, the link's first end, the relation it states),
    in IRI order of the nodes; the nodes are those whose subject or object is in either set."""
    touching = {row[1:] for entity in first | second for row in select(store, "touching", x=entity)}
    for node, subject, predicate, obj in sorted(touching):
        if predicate in RELATIONS and _joins(subject, obj, first, second):
            yield node, predicate, subject, f"{_label(store, subject)} {RELATIONS[predicate]} {_label(store, obj)}"
        elif predicate in FUND_PARTIES:
            parties = defaultdict(list)
            for _, role, party in select(store, "parties", fund=subject):
                parties[role].append(party)
            for funder in sorted(parties[FUND_PARTIES[0]]):
                for recipient in sorted(parties[FUND_PARTIES[1]]):
                    if _joins(funder, recipient, first, second) and obj in (funder, recipient):
                        yield node, FUND, funder, (f"{_label(store, funder)} funds {_label(store, recipient)}: "
                                                   f"{_label(store, subject)}")


def _joins(u: str, v: str, first: set[str], second: set[str]) -> bool:
    return (u in first and v in second) or (u in second and v in first)


def _statement(store: Store, node: str, relation: str) -> Statement:
    """The details of evidence node ``node`` and of its document (the first in IRI order)."""
    documents, quotes, starts, ends, pages, statuses, confidences = \
        columns(select(store, "statement", statement=node))[node]
    document = least(documents)
    titles, sources, hashes = columns(select(store, "document", document=document))[document] \
        if document is not None else ((), (), ())
    start, end, page, confidence = map(least, (starts, ends, pages, confidences))
    return Statement(
        relation=relation,
        quote=least(quotes) or "",
        document=least(titles) or document or "unknown document",
        source=least(sources) or "", sha256=least(hashes) or "",
        start=None if start is None else int(start), end=None if end is None else int(end),
        page=None if page is None else int(page), status=least(statuses),
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
        import spacy  # here, not at the top: the commands that import this module without citing never load it

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


def evidence_report(graph: rdflib.Graph | Store, a: str, b: str, *, around: int = AROUND,
                    folder: str | os.PathLike[str] | None = None) -> str:
    """The text ``policekg evidence`` prints: each statement between ``a`` and ``b`` in its context."""
    store = as_store(graph)
    statements = statements_between(store, a, b)
    names = graph_names(store)
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
