"""Known organisations (every UK police force, national bodies) from the bundled CSVs."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Kind
from .resources import lexicon_cached, read_csv


@dataclass(frozen=True)
class KnownOrganisation:
    """A gazetteer row: its entity key, canonical label and the names that denote it."""

    key: str
    kind: Kind
    label: str
    aliases: tuple[str, ...]
    area: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def _aliases(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


@lexicon_cached
def known_organisations(folder: Path | None = None) -> tuple[KnownOrganisation, ...]:
    """Police forces (``forces.csv``) then national bodies (``national_bodies.csv``)."""
    forces = tuple(
        KnownOrganisation(f"{Kind.FORCE.value}/{row['id']}", Kind.FORCE, row["label"],
                          _aliases(row.get("aliases")), row.get("area", "") or "")
        for row in read_csv("forces.csv", folder)
    )
    bodies = tuple(
        KnownOrganisation(f"{Kind.PARTNER.value}/{row['id']}", Kind.PARTNER, row["label"],
                          _aliases(row.get("aliases")))
        for row in read_csv("national_bodies.csv", folder)
    )
    return forces + bodies


@lexicon_cached
def by_key(folder: Path | None = None) -> dict[str, KnownOrganisation]:
    """Gazetteer rows indexed by entity key."""
    return {org.key: org for org in known_organisations(folder)}


@lexicon_cached
def force_by_area(folder: Path | None = None) -> dict[str, KnownOrganisation]:
    """Police forces indexed by lower-cased area name ("kent", "avon and somerset")."""
    return {org.area.lower(): org for org in known_organisations(folder) if org.kind is Kind.FORCE and org.area}
