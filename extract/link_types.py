"""The link types: which contract property each predicate is, whether it is symmetric, which kinds it joins.

One table (``patterns/link_types.csv``) says it for extraction and the graph alike, and a
test checks it against the ontology, so a link type's symmetry or allowed kinds cannot
differ between the stage that reads links and the one that writes them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Kind, Predicate
from .resources import LexiconError, lexicon_cached, read_csv


@dataclass(frozen=True)
class LinkType:
    """One predicate: its contract property as a CURIE ("pko:collaboratesWith"), its symmetry,
    and the kinds of entity allowed as its subject and object."""

    predicate: Predicate
    curie: str
    symmetric: bool
    subjects: frozenset[Kind]
    objects: frozenset[Kind]

    def joins(self, subject: Kind, obj: Kind) -> bool:
        """Whether a link of this type may go from a ``subject`` entity to an ``obj`` entity."""
        return subject in self.subjects and obj in self.objects


def _kinds(cell: str) -> frozenset[Kind]:
    return frozenset(Kind(value.strip()) for value in cell.split("|") if value.strip())


@lexicon_cached
def link_types() -> dict[Predicate, LinkType]:
    """Every link type of the lexicon, by predicate; a predicate without a row is an error."""
    try:
        found = {Predicate(row["predicate"]): LinkType(
            Predicate(row["predicate"]), row["property"], row["symmetric"] == "yes",
            _kinds(row["subjects"]), _kinds(row["objects"])) for row in read_csv("link_types.csv")}
    except (KeyError, ValueError) as error:
        raise LexiconError(f"link_types.csv: {error}") from None
    missing = sorted(p.value for p in Predicate if p not in found)
    if missing:
        raise LexiconError(f"link_types.csv has no row for {', '.join(missing)}")
    return found


def link_type(predicate: Predicate) -> LinkType:
    """The link type of ``predicate``."""
    return link_types()[predicate]
