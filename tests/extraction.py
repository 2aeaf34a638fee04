"""Reading an invented text as policekg reads a document, for tests that assert exactly the
entities and links it gives. One copy of these helpers serves every construction test."""
from __future__ import annotations

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read, merge
from policekg.extract.model import Extraction, Predicate, ReadDocument
from policekg.extract.read_text import read_text

PARTNER = "PartnerOrganisation"


def extraction_of(text: str, nlp, *, layout: bool = False) -> Extraction:
    """``text`` read as the document "case.txt": cleaned as any text is, or, with ``layout``, read
    as a plain-text file is (aligned columns become table rows)."""
    return merge([analyse_read(ReadDocument("case.txt", read_text(text) if layout else clean_text(text)), nlp)])


def entities_of(text: str, nlp, *, layout: bool = False) -> set[tuple[str, str]]:
    """Every entity read from ``text`` as (kind, label)."""
    return {(e.kind.value, e.label) for e in extraction_of(text, nlp, layout=layout).entities.values()}


def partners_of(text: str, nlp, *, layout: bool = False) -> set[str]:
    """The labels of the partner organisations read from ``text``."""
    return {label for kind, label in entities_of(text, nlp, layout=layout) if kind == PARTNER}


def labelled_links(text: str, nlp) -> list[tuple[str, str, str, object]]:
    """Every link read from ``text`` as (subject label, predicate, object label, link);
    collaborations in one direction (sorted)."""
    extraction = extraction_of(text, nlp)
    label = {key: entity.label for key, entity in extraction.entities.items()}
    found = []
    for link in extraction.links:
        subject, obj = label.get(link.subject, link.subject), label.get(link.object, link.object)
        if link.predicate is Predicate.COLLABORATES_WITH:
            subject, obj = sorted((subject, obj))
        found.append((subject, link.predicate.value, obj, link))
    return found


def links_of(text: str, nlp) -> set[tuple[str, str, str]]:
    """Every link read from ``text`` by entity label; collaborations in one direction (sorted)."""
    return {(subject, predicate, obj) for subject, predicate, obj, _ in labelled_links(text, nlp)}


def normal(links: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Expected links with each collaboration in the one direction :func:`links_of` gives."""
    return {(*sorted((a, b)),)[:1] + (p,) + (*sorted((a, b)),)[1:] if p == "collaboratesWith" else (a, p, b)
            for a, p, b in links}
