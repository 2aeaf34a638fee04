"""Applying an analyst's decisions (:mod:`.corrections`) to a resolved :class:`Extraction`.

Decisions are applied after the corpus is merged and before the graph is built, so a
build from the cache, from worker processes or from a Dask cluster gets them alike, and
they survive every rebuild. Each decision names entities as an analyst sees them (a
label, another name, or an entity key such as ``Person/mike-hill``); a decision whose
target is no longer in the extraction is not applied and is reported with its file and
line, never silently dropped. What a decision states (a merged name, a new label or kind,
an added link) becomes an :class:`AnalystStatement`, which the graph writes as evidence
attributed to the analyst; what it rejects is gone from the graph and listed in the report.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePath

from .corrections import Decision, entity_kind, link_predicate
from .errors import DocumentError
from .link_types import link_type
from .model import (AnalystStatement, CorrectionReport, DocumentInfo, Entity, Evidence, Extraction, Fund, Kind,
                    Link, Predicate, ReadDocument)
from .read import read_document

ANALYST_CONFIDENCE = 1.0  # an analyst's own reading of a quote is not a guess


class NotApplied(Exception):
    """A decision whose target is not in the extraction; the message says what is missing."""


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


class Corrector:
    """Applies decisions to one extraction in order, keeping the report of what it did."""

    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction
        self.report = extraction.corrections or CorrectionReport()
        self.moved: dict[str, str] = {}  # entity keys merged away or re-kinded: where they went
        self.texts: dict[str, ReadDocument] = {}

    def apply(self, decisions: Iterable[Decision]) -> CorrectionReport:
        for decision in decisions:
            try:
                getattr(self, decision.action.replace("-", "_"))(decision)
            except NotApplied as reason:
                self.report.unapplied.append(f"{decision.where}: {decision.action} {decision.subject!r}: {reason}")
            else:
                self.report.applied += 1
        self.extraction.corrections = self.report
        return self.report

    # Finding what a decision names

    def entity(self, name: str) -> Entity:
        """The entity ``name`` names: a key (followed through merges), else the one entity with
        that label, else the one with that other name; :class:`NotApplied` when none or several."""
        entities = self.extraction.entities
        key = name
        while key in self.moved:
            key = self.moved[key]
        if key in entities:
            return entities[key]
        wanted = _folded(name)
        for names in (lambda e: {e.label}, lambda e: e.alt_labels):
            found = sorted(e.key for e in entities.values() if e.kind is not Kind.FUND
                           and any(_folded(n) == wanted for n in names(e)))
            if len(found) == 1:
                return entities[found[0]]
            if found:
                raise NotApplied(f"{name!r} names {len(found)} entities ({', '.join(found)}): give the key")
        raise NotApplied(f"no entity named {name!r}")

    def document(self, source: str) -> DocumentInfo:
        """The document of the corpus ``source`` names: its path, file name, stem or id."""
        for document in self.extraction.documents:
            path = PurePath(document.source)
            if source in (document.source, path.name, path.stem, document.id):
                return document
        raise NotApplied(f"source {source!r} is not a document of the corpus")

    def evidence(self, decision: Decision) -> Evidence:
        """The analyst's quote located in the source document, as evidence the graph can cite."""
        info = self.document(decision.source)
        if info.id not in self.texts:
            try:
                read = read_document(info.source)
            except DocumentError as error:
                raise NotApplied(f"cannot read source {info.source}: {error.reason}") from None
            if hashlib.sha256(read.text.encode("utf-8")).hexdigest() != info.sha256:
                raise NotApplied(f"source {info.source} changed since it was extracted")
            self.texts[info.id] = read
        read = self.texts[info.id]
        words = decision.quote.split()
        match = re.search(r"\s+".join(re.escape(word) for word in words), read.text)
        if match is None:
            raise NotApplied(f"quote not found in {info.source}")
        return Evidence(info.id, match.group(), match.start(), match.end(), ANALYST_CONFIDENCE,
                        page=read.page_at(match.start()))

    def statement(self, decision: Decision, subject: str, predicate: str, obj: str, *,
                  object_is_entity: bool = False, evidence: Evidence | None = None) -> None:
        self.extraction.analyst.append(AnalystStatement(
            decision.action, subject, predicate, obj, decision.note, decision.source, decision.analyst,
            decision.date, object_is_entity, evidence))

    # Changing entity keys everywhere they are used

    def rekey(self, old: str, new: str) -> None:
        """Every reference to entity ``old`` now names ``new``; links that become self-links go."""
        def swap(key: str | None) -> str | None:
            return new if key == old else key

        ex = self.extraction
        ex.links = [replace(link, subject=swap(link.subject), object=swap(link.object)) for link in ex.links
                    if {swap(link.subject), swap(link.object)} != {new}]
        for fund in ex.funds:
            fund.funder, fund.recipient = swap(fund.funder), swap(fund.recipient)
        ex.judgements = [replace(j, force=swap(j.force)) for j in ex.judgements]
        ex.documents = [replace(d, publisher=swap(d.publisher), about_force=swap(d.about_force))
                        for d in ex.documents]
        ex.analyst = [replace(s, subject=swap(s.subject), obj=swap(s.obj) if s.object_is_entity else s.obj)
                      for s in ex.analyst]
        self.moved[old] = new

    # The actions, one method each (named as in the file, "-" as "_")

    def merge(self, decision: Decision) -> None:
        gone, kept = self.entity(decision.subject), self.entity(decision.object)
        if gone.key == kept.key:
            raise NotApplied(f"{decision.subject!r} and {decision.object!r} are already one entity ({kept.key})")
        self.fold(gone, kept)
        self.statement(decision, kept.key, "skos:altLabel", gone.label)

    def fold(self, gone: Entity, kept: Entity) -> None:
        """``gone`` becomes part of ``kept``: its names become other names of ``kept``."""
        kept.alt_labels |= ({gone.label} | gone.alt_labels) - {kept.label}
        kept.documents |= gone.documents
        del self.extraction.entities[gone.key]
        self.rekey(gone.key, kept.key)

    def rename(self, decision: Decision) -> None:
        entity = self.entity(decision.subject)
        entity.alt_labels = (entity.alt_labels | {entity.label}) - {decision.object}
        entity.label = decision.object
        self.statement(decision, entity.key, "rdfs:label", decision.object)

    def kind(self, decision: Decision) -> None:
        entity, kind = self.entity(decision.subject), entity_kind(decision.object)
        if entity.kind is kind:
            raise NotApplied(f"{entity.key} is already a {kind.value}")
        new_key = f"{kind.value}/{entity.key.partition('/')[2]}"
        entities = self.extraction.entities
        if new_key in entities:
            self.fold(entity, entities[new_key])
        else:
            del entities[entity.key]
            entities[new_key] = replace(entity, key=new_key, kind=kind)
            self.rekey(entity.key, new_key)
        self.statement(decision, new_key, "rdf:type", kind.value)
        self.drop_misfits(decision, entities[new_key])

    def drop_misfits(self, decision: Decision, entity: Entity) -> None:
        """Links of ``entity`` that its new kind cannot have go, and are listed as rejected."""
        entities = self.extraction.entities
        misfits: dict[tuple[str, str, str], int] = {}
        kept = []
        for link in self.extraction.links:
            if entity.key in (link.subject, link.object) and not link_type(link.predicate).joins(
                    entities[link.subject].kind, entities[link.object].kind):
                described = (entities[link.subject].label, link.predicate.value, entities[link.object].label)
                misfits[described] = misfits.get(described, 0) + 1
            else:
                kept.append(link)
        self.extraction.links = kept
        for (subject, predicate, obj), count in sorted(misfits.items()):
            self.report.rejected.append(f"link {subject} {predicate} {obj}: {count} reading(s), which a "
                                        f"{entity.kind.value} cannot have ({decision.where})")

    def reject_entity(self, decision: Decision) -> None:
        ex = self.extraction
        funds = [f for f in ex.funds if decision.subject == f.key or _folded(decision.subject) == _folded(f.label)]
        if funds or decision.subject.startswith(f"{Kind.FUND.value}/"):
            self.reject_fund(decision, funds)
            return
        entity = self.entity(decision.subject)
        kept = [link for link in ex.links if entity.key not in (link.subject, link.object)]
        removed = len(ex.links) - len(kept)
        ex.links = kept
        del ex.entities[entity.key]
        for fund in ex.funds:
            fund.funder = None if fund.funder == entity.key else fund.funder
            fund.recipient = None if fund.recipient == entity.key else fund.recipient
        self.report.rejected.append(f"entity {entity.label} ({entity.key}) and {removed} link reading(s) "
                                    f"({decision.where})")

    def reject_fund(self, decision: Decision, funds: list[Fund]) -> None:
        """A fund is rejected like an entity; the name must pick out one fund."""
        if len(funds) != 1:
            raise NotApplied(f"{decision.subject!r} names {len(funds)} funds: give the key" if funds
                             else f"no fund {decision.subject!r}")
        fund = funds[0]
        self.extraction.funds.remove(fund)
        self.extraction.entities.pop(fund.key, None)
        self.report.rejected.append(f"fund {fund.label} ({fund.key}) ({decision.where})")

    def reject_link(self, decision: Decision) -> None:
        subject, obj = self.entity(decision.subject), self.entity(decision.object)
        predicate = link_predicate(decision.predicate)
        pairs = {(subject.key, obj.key)}
        if link_type(predicate).symmetric:
            pairs.add((obj.key, subject.key))
        ex = self.extraction
        kept = [link for link in ex.links if not (link.predicate is predicate and (link.subject, link.object) in pairs)]
        removed = len(ex.links) - len(kept)
        if not removed:
            raise NotApplied(f"no link {subject.label} {predicate.value} {obj.label} in the extraction")
        ex.links = kept
        self.report.rejected.append(f"link {subject.label} {predicate.value} {obj.label}: {removed} reading(s) "
                                    f"({decision.where})")

    def add_link(self, decision: Decision) -> None:
        subject, obj = self.entity(decision.subject), self.entity(decision.object)
        predicate = link_predicate(decision.predicate)
        if predicate is Predicate.MEMBER_OF:
            raise NotApplied("a post is added with add-post, which names the role")
        self.added(decision, Link(subject.key, predicate, obj.key, self.evidence(decision)))

    def distinct(self, decision: Decision) -> None:
        one, other = self.entity(decision.subject), self.entity(decision.object)
        if one.key == other.key:
            raise NotApplied(f"{decision.subject!r} and {decision.object!r} are one entity ({one.key})")
        self.statement(decision, one.key, "owl:differentFrom", other.key, object_is_entity=True)

    def keep(self, decision: Decision) -> None:
        ex = self.extraction
        funds = [f for f in ex.funds if decision.subject == f.key or _folded(decision.subject) == _folded(f.label)]
        if len(funds) == 1:
            self.statement(decision, funds[0].key, "rdfs:label", funds[0].label)
            return
        entity = self.entity(decision.subject)
        self.statement(decision, entity.key, "rdfs:label", entity.label)

    def add_post(self, decision: Decision) -> None:
        person, organisation = self.entity(decision.subject), self.entity(decision.object)
        if person.kind is not Kind.PERSON:
            raise NotApplied(f"{person.label} ({person.key}) is not a person")
        link = Link(person.key, Predicate.MEMBER_OF, organisation.key, self.evidence(decision), decision.role)
        self.added(decision, link)

    def added(self, decision: Decision, link: Link) -> None:
        kinds = self.extraction.entities[link.subject].kind, self.extraction.entities[link.object].kind
        if not link_type(link.predicate).joins(*kinds):
            raise NotApplied(f"a {link.predicate.value} link cannot join a {kinds[0].value} to a {kinds[1].value}")
        self.extraction.links.append(link)
        self.statement(decision, link.subject, link_type(link.predicate).curie, link.object, object_is_entity=True,
                       evidence=link.evidence)


def apply_corrections(extraction: Extraction, decisions: Iterable[Decision], files: list[str]) -> CorrectionReport:
    """Apply ``decisions`` (read from ``files``) to ``extraction`` in order; the report says
    how many were applied, which were not and why, and what rejections removed."""
    corrector = Corrector(extraction)
    corrector.report.files.extend(files)
    return corrector.apply(decisions)
