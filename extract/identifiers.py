"""Identifiers other datasets use for the bodies of the reference lists.

An analyst joins the graph with crime statistics, budgets or Wikidata through the codes everyone
else uses for the same body: a force's data.police.uk id, its police force area's ONS code, a
body's Wikidata item. They live in ``identifiers.csv`` (one row per identifier, each citing the
source it was confirmed in) and the shape of each scheme's values in ``identifier_schemes.csv``.
Both are checked when first read, so a mistyped code or a row for a body the reference lists do
not have stops the build with one line saying where, rather than reaching the graph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import known_organisations
from .resources import LexiconError, lexicon_cached, lexicon_path, read_csv

IDENTIFIERS_FILE = "identifiers.csv"
SCHEMES_FILE = "identifier_schemes.csv"


@dataclass(frozen=True)
class Scheme:
    """An identifier scheme: its name, the whole-value pattern its codes match, what it names."""

    name: str
    pattern: re.Pattern[str]
    description: str


@dataclass(frozen=True)
class Identifier:
    """One identifier of one body: ``key`` is the body's entity key ("PoliceForce/kent-police")."""

    key: str
    scheme: str
    value: str
    source: str


@lexicon_cached
def schemes() -> dict[str, Scheme]:
    """The identifier schemes by name, with their patterns compiled."""
    found: dict[str, Scheme] = {}
    for row in read_csv(SCHEMES_FILE):
        try:
            pattern = re.compile(row["pattern"])
        except re.error as error:
            raise LexiconError(f"lexicon file {lexicon_path(SCHEMES_FILE)}: scheme {row['scheme']!r} has a bad "
                               f"pattern: {error}") from None
        found[row["scheme"]] = Scheme(row["scheme"], pattern, row.get("description", "") or "")
    return found


@lexicon_cached
def body_keys() -> dict[str, str]:
    """Reference-list id ("kent-police") -> entity key ("PoliceForce/kent-police")."""
    return {org.key.partition("/")[2]: org.key for org in known_organisations()}


def _checked(row: dict[str, str], line: int, seen: set[tuple[str, str]]) -> Identifier:
    """The identifier of one row, or a :class:`LexiconError` naming the line and what is wrong."""
    where = f"lexicon file {lexicon_path(IDENTIFIERS_FILE)}, row {line}"
    body, scheme, value, source = (row.get(name) or "" for name in ("body", "scheme", "value", "source"))
    if body not in body_keys():
        raise LexiconError(f"{where}: {body!r} is no body of the reference lists")
    if scheme not in schemes():
        raise LexiconError(f"{where}: unknown scheme {scheme!r} (known: {', '.join(sorted(schemes()))})")
    if not schemes()[scheme].pattern.fullmatch(value):
        raise LexiconError(f"{where}: {value!r} is not a {scheme} identifier ({schemes()[scheme].description})")
    if not source.strip():
        raise LexiconError(f"{where}: no source for {body} {scheme} {value}")
    if (body, scheme) in seen:
        raise LexiconError(f"{where}: a second {scheme} identifier for {body}")
    seen.add((body, scheme))
    return Identifier(body_keys()[body], scheme, value, source)


@lexicon_cached
def identifiers() -> tuple[Identifier, ...]:
    """Every identifier of ``identifiers.csv``, checked, in file order."""
    seen: set[tuple[str, str]] = set()
    return tuple(_checked(row, line, seen) for line, row in enumerate(read_csv(IDENTIFIERS_FILE), 1))


@lexicon_cached
def identifiers_of() -> dict[str, tuple[Identifier, ...]]:
    """Entity key -> its identifiers, sorted by scheme (so the graph states them in one order)."""
    found: dict[str, list[Identifier]] = {}
    for identifier in identifiers():
        found.setdefault(identifier.key, []).append(identifier)
    return {key: tuple(sorted(ids, key=lambda i: i.scheme)) for key, ids in found.items()}
