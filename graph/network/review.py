"""What in a built graph most needs a human eye: the queue ``policekg review`` shows.

The extractor's mistakes are not spread evenly, so an analyst's time goes furthest on four
kinds of item, listed in this order:

* likely duplicates: two entities that share a name, a person's two spellings whose
  surnames agree and whose initials fit ("P M Hill" and "Mike Hill"), an organisation and
  its acronym, or two names of one kind that are nearly the same (rapidfuzz);
* weak links: a link whose best evidence has a low confidence, or that was read only once
  from a weak quote (an analyst's own evidence is never weak);
* entities with no link at all;
* funds with neither a funder nor a recipient.

Each item carries the corrections rows (:mod:`policekg.extract.corrections`) its choices
would write: "merge" for a duplicate, "reject" for the rest, and "accept", after which the
next review no longer lists the item: for a duplicate "distinct" (the graph then states
``owl:differentFrom``), for a weak link the analyst's own evidence from the same quote
(``add-link`` or ``add-post``), for an unlinked entity or a fund "keep". Leaving an item
writes nothing. The thresholds are data (``review_checks.csv``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from pathlib import PurePath

import numpy as np
from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef

from policekg.extract.corrections import decision_row
from policekg.extract.model import Kind
from policekg.extract.resources import lexicon_cached, read_csv

from policekg.graph.rdf.namespaces import DCTERMS, ORG, OWL, PKO, PROV, RDF, RDFS, SKOS

CHECKS = ("duplicate", "weak link", "unlinked", "fund without party")
LINKS = (PKO.collaboratesWith, PKO.participatesIn, ORG.memberOf)
SYMMETRIC = frozenset({PKO.collaboratesWith})
NAMED_KINDS = (Kind.FORCE, Kind.PARTNER, Kind.PROGRAMME, Kind.PERSON)
SCORE_ROWS = 500  # names compared with all others per block of the similarity matrix
MAX_SHARED = 10  # a name shared by more entities than this is a generic word, not a duplicate
CONNECTIVES = frozenset({"and", "of", "the", "for", "in", "on", "&"})


@lexicon_cached
def thresholds() -> dict[str, float]:
    """The review settings of ``review_checks.csv`` by name."""
    return {row["setting"]: float(row["value"]) for row in read_csv("review_checks.csv")}


@dataclass(frozen=True)
class Choice:
    """One way to settle an item: its name ("merge", "reject") and the corrections row it writes."""

    name: str
    row: tuple[str, ...]


@dataclass(frozen=True)
class ReviewItem:
    """One thing to look at: which check found it, what it is, why, the quote behind it, the choices."""

    check: str
    title: str
    why: str
    quote: str = ""
    choices: tuple[Choice, ...] = ()


@dataclass
class _Entity:
    iri: URIRef
    kind: Kind
    label: str
    names: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    links: int = 0


@dataclass(frozen=True)
class _Reading:
    confidence: float
    quote: str
    document: str
    analyst: bool


class _Review:
    """The graph read once into what the checks need."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.sources = {doc: PurePath(str(graph.value(doc, DCTERMS.source) or doc)).name
                        for doc in graph.subjects(RDF.type, PKO.Document)}
        self.entities: dict[URIRef, _Entity] = {}
        for kind in NAMED_KINDS:
            for iri in sorted(graph.subjects(RDF.type, PKO[kind.value])):
                label = str(graph.value(iri, RDFS.label) or iri)
                names = {str(n) for n in graph.objects(iri, PKO.searchName)} | {" ".join(label.split()).lower()}
                documents = {self.sources.get(d, str(d)) for d in graph.objects(iri, PKO.mentionedIn)}
                self.entities[iri] = _Entity(iri, kind, label, names, documents)
        self.kept = {graph.value(node, PKO.correctedEntity) for node in graph.subjects(PKO.decision, Literal("keep"))}
        self.distinct = {frozenset(pair) for pair in graph.subject_objects(OWL.differentFrom)}
        labels = defaultdict(int)
        for entity in self.entities.values():
            labels[entity.label.casefold()] += 1
        self.unique_labels = {label for label, count in labels.items() if count == 1}
        for predicate in (*LINKS, PKO.funder, PKO.recipient):
            for subject, obj in graph.subject_objects(predicate):
                for end in (subject, obj):
                    if end in self.entities:
                        self.entities[end].links += 1

    def reference(self, entity: _Entity) -> str:
        """How a corrections row names ``entity``: its label when no other entity has it, else its key."""
        if entity.label.casefold() in self.unique_labels:
            return entity.label
        return f"{entity.kind.value}/{str(entity.iri).rstrip('/').rsplit('/', 1)[-1]}"

    def readings(self) -> dict[tuple[URIRef, URIRef, URIRef], list[_Reading]]:
        found: dict[tuple[URIRef, URIRef, URIRef], list[_Reading]] = defaultdict(list)
        graph = self.graph
        for node in graph.subjects(RDF.type, RDF.Statement):
            key = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))
            document = graph.value(node, PROV.wasDerivedFrom)
            found[key].append(_Reading(float(graph.value(node, PKO.confidence) or 0)
                                       , str(graph.value(node, PKO.quote) or ""),
                                       self.sources.get(document, ""),
                                       (node, RDF.type, PKO.AnalystStatement) in graph))
        return found


def review(graph: Graph) -> list[ReviewItem]:
    """Every item of the review queue of ``graph``, most needing an eye first."""
    state = _Review(graph)
    return duplicates(state) + weak_links(state) + unlinked(state) + funds_without_party(state)


def _row(*args: str, **kwargs: str) -> tuple[str, ...]:
    return tuple(decision_row(*args, **kwargs))


def _initials_fit(one: list[str], other: list[str]) -> bool:
    """Given names that may be one person's: one side all initials, each full name's initial among them."""
    def initials(names: list[str]) -> bool:
        return bool(names) and all(len(name.rstrip(".")) == 1 for name in names)

    for short, full in ((one, other), (other, one)):
        if initials(short) and full and not initials(full):
            letters = {name[0].casefold() for name in short}
            return all(name[0].casefold() in letters for name in full)
    return False


def _acronym(label: str) -> str:
    words = [word for word in label.split() if word.lower() not in CONNECTIVES]
    return "".join(word[0] for word in words) if len(words) > 1 and all(w[0].isupper() for w in words) else ""


def duplicates(state: _Review) -> list[ReviewItem]:
    """Pairs of entities that are likely one: shared names, fitting initials, acronyms, near names."""
    found: dict[frozenset[URIRef], tuple[int, float, str]] = {}

    def note(one: _Entity, other: _Entity, rank: int, score: float, why: str) -> None:
        pair = frozenset((one.iri, other.iri))
        if len(pair) == 2 and pair not in state.distinct and (pair not in found or found[pair][:2] > (rank, -score)):
            found[pair] = (rank, -score, why)

    by_name: dict[str, list[_Entity]] = defaultdict(list)
    for entity in state.entities.values():
        for name in entity.names:
            by_name[name].append(entity)
    for name, group in sorted(by_name.items()):
        if len(group) <= MAX_SHARED:
            for one, other in combinations(group, 2):
                kinds = "" if one.kind is other.kind else f" (a {one.kind.value} and a {other.kind.value})"
                note(one, other, 0, 100, f"both are called {name!r}{kinds}")
    people: dict[str, list[_Entity]] = defaultdict(list)
    for entity in state.entities.values():
        if entity.kind is Kind.PERSON and len(entity.label.split()) > 1:
            people[entity.label.split()[-1].casefold()].append(entity)
    for group in people.values():
        for one, other in combinations(group, 2):
            if _initials_fit(one.label.split()[:-1], other.label.split()[:-1]):
                note(one, other, 1, 100, "same surname, and the initials fit the given names")
    for kind in NAMED_KINDS:
        group = [e for e in state.entities.values() if e.kind is kind]
        labels = {e.label: e for e in group}
        for entity in group:
            short = labels.get(_acronym(entity.label))
            if short is not None:
                note(entity, short, 2, 100, f"{short.label!r} is the initials of {entity.label!r}")
        cutoff, names = thresholds()["name_similarity"], [e.label for e in group]
        for first in range(0, len(names), SCORE_ROWS):  # a block of rows at a time: memory stays small
            scores = process.cdist(names[first:first + SCORE_ROWS], names, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=cutoff, dtype=np.uint8, workers=1)
            for row, j in zip(*np.nonzero(scores)):
                i = first + int(row)
                if i < j:
                    note(group[i], group[j], 3, float(scores[row, j]), f"names {scores[row, j]}% alike")
    items = []
    for pair, (_, _, why) in sorted(found.items(), key=lambda item: (item[1][:2], sorted(
            state.entities[iri].label for iri in item[0]))):
        kept, gone = sorted((state.entities[iri] for iri in pair),
                            key=lambda e: (-e.links, -len(e.documents), -len(e.label), e.label, str(e.iri)))
        sources = "; ".join(sorted({min(e.documents) for e in (gone, kept) if e.documents}))
        merge = _row("merge", state.reference(gone), obj=state.reference(kept), note=f"One entity: {why}",
                     source=sources)
        apart = _row("distinct", state.reference(gone), obj=state.reference(kept), note="Two entities",
                     source=sources)
        items.append(ReviewItem("duplicate", f"{gone.label} / {kept.label}", why,
                                choices=(Choice("merge", merge), Choice("accept", apart))))
    return items


def weak_links(state: _Review) -> list[ReviewItem]:
    """Links whose best evidence is weak, or read once from a weak quote; weakest first."""
    low, single = thresholds()["low_confidence"], thresholds()["weak_single"]
    found = []
    readings = state.readings()
    for (subject, predicate, obj), found_readings in readings.items():
        if predicate not in LINKS or subject not in state.entities or obj not in state.entities:
            continue
        if predicate in SYMMETRIC and str(subject) > str(obj):
            continue
        if predicate in SYMMETRIC:
            found_readings = found_readings + readings.get((obj, predicate, subject), [])
        if any(reading.analyst for reading in found_readings):
            continue
        best = max(found_readings, key=lambda r: (r.confidence, r.quote))
        if best.confidence < low:
            why = f"best evidence has confidence {best.confidence:.2f}"
        elif len({(r.document, r.quote) for r in found_readings}) == 1 and best.confidence < single:
            why = f"read once, at confidence {best.confidence:.2f}"
        else:
            continue
        one, other = state.entities[subject], state.entities[obj]
        name = predicate.rsplit("#", 1)[-1]
        reject = _row("reject-link", state.reference(one), predicate=name, obj=state.reference(other),
                      note=f"Wrong link ({why})", source=best.document)
        choices = (Choice("reject", reject),) + _accept(state, one, predicate, other, best)
        found.append((best.confidence, one.label, name, other.label,
                      ReviewItem("weak link", f"{one.label} {name} {other.label}", why, best.quote, choices)))
    return [item for *_, item in sorted(found, key=lambda row: row[:4])]


def _accept(state: _Review, one: _Entity, predicate: URIRef, other: _Entity, best: _Reading) -> tuple[Choice, ...]:
    """Accepting a weak link is the analyst's own reading of the same quote: an ``add-link`` (or,
    for a post, ``add-post`` with the post the graph holds) that puts their evidence beside the
    machine's, after which the link is no longer weak. None for a post the graph has no role for."""
    if predicate == ORG.memberOf:
        graph = state.graph
        roles = sorted(str(graph.value(graph.value(m, ORG.role), RDFS.label)) for m in graph.subjects(ORG.member, one.iri)
                       if graph.value(m, ORG.organization) == other.iri and graph.value(m, ORG.role) is not None)
        if not roles:
            return ()
        row = _row("add-post", state.reference(one), obj=state.reference(other), role=roles[0], quote=best.quote,
                   note="Checked: the quote says so", source=best.document)
    else:
        row = _row("add-link", state.reference(one), predicate=predicate.rsplit("#", 1)[-1],
                   obj=state.reference(other), quote=best.quote, note="Checked: the quote says so",
                   source=best.document)
    return (Choice("accept", row),)


def unlinked(state: _Review) -> list[ReviewItem]:
    """Entities with no link of any type: often a false entity, or a link the extractor missed."""
    items = []
    for entity in sorted(state.entities.values(), key=lambda e: (e.kind.value, e.label, str(e.iri))):
        if entity.links or entity.iri in state.kept:
            continue
        count = len(entity.documents)
        why = f"a {entity.kind.value} with no link, in {count} document{'s' if count != 1 else ''}"
        source = "; ".join(sorted(entity.documents)[:1])
        reject = _row("reject-entity", state.reference(entity), note="Not an entity", source=source)
        keep = _row("keep", state.reference(entity), note="A real entity", source=source)
        items.append(ReviewItem("unlinked", entity.label, why, choices=(Choice("reject", reject),
                                                                        Choice("accept", keep))))
    return items


def funds_without_party(state: _Review) -> list[ReviewItem]:
    """Funds the graph cannot place: neither a funder nor a recipient was read."""
    graph, items = state.graph, []
    for fund in sorted(graph.subjects(RDF.type, PKO.Fund)):
        if fund in state.kept or graph.value(fund, PKO.funder) is not None \
                or graph.value(fund, PKO.recipient) is not None:
            continue
        label = str(graph.value(fund, RDFS.label) or graph.value(fund, SKOS.altLabel) or fund)
        amount = Decimal(str(graph.value(fund, PKO.amount) or 0)).normalize()
        documents = sorted(state.sources.get(d, str(d)) for d in graph.objects(fund, PKO.mentionedIn))
        reference = f"{Kind.FUND.value}/{str(fund).rstrip('/').rsplit('/', 1)[-1]}"
        source = "; ".join(documents[:1])
        reject = _row("reject-entity", reference, note="Not a fund", source=source)
        keep = _row("keep", reference, note="A real fund", source=source)
        items.append(ReviewItem("fund without party", label, f"£{amount:,f}: no funder and no recipient",
                                choices=(Choice("reject", reject), Choice("accept", keep))))
    return items
