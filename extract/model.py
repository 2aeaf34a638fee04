"""The records extraction produces and the graph builder consumes.

Everything here is plain data: extraction fills it, ``policekg.graph`` turns it into
RDF. Entity identity is a *key* (``"PoliceForce/kent-police"``), stable across runs,
from which the graph mints IRIs.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Kind(str, Enum):
    """The five kinds of entity in the graph contract (values are ``pko:`` class names)."""

    FORCE = "PoliceForce"
    PARTNER = "PartnerOrganisation"
    PROGRAMME = "Programme"
    PERSON = "Person"
    FUND = "Fund"


class Predicate(str, Enum):
    """Link types between entities (values are the contract's local names)."""

    COLLABORATES_WITH = "collaboratesWith"
    PARTICIPATES_IN = "participatesIn"
    MEMBER_OF = "memberOf"


GRADES = ("Outstanding", "Good", "Adequate", "RequiresImprovement", "Inadequate", "Ungraded")


@dataclass(frozen=True)
class TableRow:
    """One row of a table as it stands in the cleaned text: its cells (TAB-joined on one
    line at ``start``..``end``) and the page it is on (``None`` in an unpaged document)."""

    cells: tuple[str, ...]
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True)
class Table:
    """A table read from a document: its header cells and its rows (the header row not
    among them), one table even where it was broken across pages."""

    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class ReadDocument:
    """A document as read from disk: its cleaned text and what the file format told us.

    ``pages`` holds the offset in ``text`` where each page starts (page 1 first), empty for
    a document without pages; ``tables`` the tables the format marked as tables.
    """

    source: str
    text: str
    title: str | None = None
    format: str = "txt"
    pages: tuple[int, ...] = ()
    tables: tuple[Table, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page (1-based) that the character at ``offset`` is on, ``None`` without pages."""
        if not self.pages:
            return None
        return max(1, bisect_right(self.pages, offset))


@dataclass(frozen=True)
class DocumentInfo:
    """A document in the corpus with its metadata; ``sha256`` is that of the cleaned text offsets refer to.

    The text itself is not kept: a build's memory grows with what it found, not with what it read.
    """

    id: str
    source: str
    title: str
    sha256: str
    date: str | None = None
    publisher: str | None = None
    about_force: str | None = None
    inspection_year: str | None = None  # the PEEL cycle a report is of, as written ("2018/19")


@dataclass(frozen=True)
class Evidence:
    """Where a link was read: a quote and its character offsets in a document's cleaned text."""

    document: str
    quote: str
    start: int
    end: int
    confidence: float
    status: str | None = None
    page: int | None = None


@dataclass
class Entity:
    """One real-world entity: a canonical label, other surface forms and where it occurs."""

    key: str
    kind: Kind
    label: str
    alt_labels: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Link:
    """One reading of a link between two entities; the same link read twice is two records."""

    subject: str
    predicate: Predicate
    object: str
    evidence: Evidence
    role: str | None = None


@dataclass
class Fund:
    """Money granted, allocated or invested; identical readings share one key."""

    key: str
    label: str
    amount: Decimal
    evidence: list[Evidence] = field(default_factory=list)
    period: str | None = None
    funder: str | None = None
    recipient: str | None = None
    purpose: str | None = None
    documents: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Judgement:
    """A graded PEEL judgement: ``grade`` is one of :data:`GRADES`, ``year`` a PEEL cycle.

    ``area`` is the pillar, question or area as the report words it; ``area_key`` the
    canonical area it maps to across cycles and ``pillar`` that area's pillar (both from
    ``peel_areas.csv``; None for a wording the frameworks do not list); ``carried_over`` says
    the grade was repeated from an earlier inspection rather than given afresh.
    """

    force: str
    area: str
    grade: str
    year: str
    document: str
    evidence: Evidence | None = None
    area_key: str | None = None
    pillar: str | None = None
    carried_over: bool = False


@dataclass
class Failure:
    """A document that could not be processed, with a one-line reason."""

    source: str
    reason: str


@dataclass
class CacheStats:
    """What a build did with its cache: entries used and stored, and sources whose entry was corrupt."""

    hits: int = 0
    stored: int = 0
    corrupt: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AnalystStatement:
    """An analyst's decision as the graph states it: evidence of its own kind, beside the machine's.

    ``predicate`` is a contract CURIE ("skos:altLabel" for a merge, "rdfs:label" for a rename,
    "rdf:type" for a change of kind, a link's CURIE for an added link or post); ``obj`` is an
    entity key when ``object_is_entity``, else the label or kind name stated. An added link or
    post has ``evidence``: the analyst's quote in a document of the corpus.
    """

    action: str
    subject: str
    predicate: str
    obj: str
    note: str
    source: str
    analyst: str
    date: str
    object_is_entity: bool = False
    evidence: Evidence | None = None


@dataclass
class CorrectionReport:
    """What a build did with the corrections files: decisions applied, decisions whose target
    is gone (each a line naming file and line), and what the analyst's rejections removed."""

    files: list[str] = field(default_factory=list)
    applied: int = 0
    unapplied: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from a corpus, resolved across documents (and, with a cache, how it was used)."""

    documents: list[DocumentInfo] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    funds: list[Fund] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    cache: CacheStats | None = None
    analyst: list[AnalystStatement] = field(default_factory=list)
    corrections: CorrectionReport | None = None
