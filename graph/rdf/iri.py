"""Minting deterministic IRIs for everything in the graph.

The graph has no blank nodes: every node gets an IRI under a base, derived only from
the extraction's keys and values, so the same extraction always gives the same graph
(and graphs from separate runs merge cleanly). Hashed IRIs hash the *base-relative*
parts, so changing the base changes only the prefix of each IRI.

Every path segment is either a valid slug, plain or marked with ``--`` and a hash (kept
as is, so keys stay readable), or any other text slugified *with a hash of the original
appended*, so distinct texts never share an IRI and every IRI parses in rdflib and
pyoxigraph alike.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from rdflib import URIRef

from policekg.extract.errors import InvalidInput
from policekg.extract.model import Kind
from policekg.extract.slug import short_hash, slugify

from policekg.graph.rdf.namespaces import DEFAULT_BASE

_SLUG = re.compile(r"[a-z0-9]+(?:--?[a-z0-9]+)*")  # what slugify makes: words, "--" before a hash
_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f]")

KIND_FOLDERS: dict[Kind, str] = {
    Kind.FORCE: "force",
    Kind.PARTNER: "org",
    Kind.PROGRAMME: "programme",
    Kind.PERSON: "person",
    Kind.FUND: "fund",
}


def _segment(text: str) -> str:
    """An IRI-safe path segment for ``text``: itself if already a slug, else slug + hash."""
    if _SLUG.fullmatch(text):
        return text
    return f"{slugify(text)}-{short_hash(text)}"


def check_base(base: str) -> str:
    """Return ``base`` if it can prefix minted IRIs, else raise ``ValueError`` saying why."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(f"base IRI {base!r} must be an absolute http(s) IRI, such as {DEFAULT_BASE!r}")
    if _IRI_FORBIDDEN.search(base):
        raise InvalidInput(f"base IRI {base!r} contains a space or a character not allowed in IRIs")
    if not base.endswith(("/", "#")):
        raise InvalidInput(f"base IRI {base!r} must end in '/' or '#' so minted names can follow it")
    return base


class Minter:
    """Mints the IRIs of entities, documents, evidence, memberships, roles and judgements."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)

    def _iri(self, folder: str, name: str) -> URIRef:
        return URIRef(f"{self.base}{folder}/{name}")

    def _local(self, term: str) -> str:
        """``term`` without the base, so hashes do not depend on where the graph is published."""
        text = str(term)
        return text[len(self.base):] if text.startswith(self.base) else text

    def entity(self, key: str) -> URIRef:
        """``"PoliceForce/kent-police"`` -> ``<base>force/kent-police`` (likewise org, programme...)."""
        kind_name, _, name = key.partition("/")
        try:
            folder = KIND_FOLDERS[Kind(kind_name)]
        except ValueError:
            kinds = ", ".join(kind.value for kind in Kind)
            raise InvalidInput(f"entity key {key!r} must start with one of {kinds} and '/'") from None
        return self._iri(folder, _segment(name))

    def document(self, document_id: str) -> URIRef:
        """The IRI of a document, from its id."""
        return self._iri("document", _segment(document_id))

    def evidence(self, document: str, start: int, end: int, subject: str, predicate: str, obj: str) -> URIRef:
        """The IRI of one reading of a triple: same document, span and triple give the same IRI."""
        parts = (document, str(start), str(end), subject, predicate, obj)
        return self._iri("evidence", short_hash(*(self._local(part) for part in parts)))

    def membership(self, person: str, organisation: str, role: str) -> URIRef:
        """The IRI of the membership of a person in an organisation in a role."""
        return self._iri("membership", short_hash(*(self._local(part) for part in (person, organisation, role))))

    def analyst(self, name: str) -> URIRef:
        """The agent an analyst's decisions are attributed to, by name."""
        return self._iri("analyst", _segment(name))

    def analyst_statement(self, *parts: str) -> URIRef:
        """An analyst's statement that is not evidence for a link, named by what it states."""
        return self._iri("analyst-statement", short_hash(*(self._local(part) for part in parts)))

    def role(self, post: str) -> URIRef:
        """The IRI of a post such as "Chief Constable"; case and spacing variants share it."""
        return self._iri("role", slugify(post))

    def area(self, key: str) -> URIRef:
        """The IRI of a canonical PEEL area, from its key in ``peel_areas.csv``."""
        return self._iri("area", _segment(key))

    def judgement(self, force_key: str, area: str, year: str) -> URIRef:
        """The IRI of a force's judgement in one area and year (long names are cut and hashed)."""
        force_name = _segment(force_key.partition("/")[2] or force_key)
        return self._iri("judgement", slugify(f"{force_name} {area} {year}"))
