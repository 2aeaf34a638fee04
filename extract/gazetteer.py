"""Known organisations from the bundled reference lists: every UK police force
(``forces.csv``), every commissioner's office (``offices.csv``), the units forces run
together (``units.csv``) and national bodies (``national_bodies.csv``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Kind
from .resources import lexicon_cached, read_csv


@dataclass(frozen=True)
class KnownOrganisation:
    """A gazetteer row: its entity key, canonical label and the names that denote it.

    ``area`` is a territorial force's area; ``force`` the key of the force an office
    oversees or a unit is hosted by; ``spellings`` other ways of writing the name that the
    ruler does not read as it (an office's post form) but that are given as its aliases.
    """

    key: str
    kind: Kind
    label: str
    aliases: tuple[str, ...]
    area: str = ""
    force: str = ""
    category: str = ""
    spellings: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def _aliases(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


def _unique(names: list[str], label: str) -> tuple[str, ...]:
    """Names in order, each once (case-insensitively), without the label."""
    seen = {label.casefold()}
    kept = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return tuple(kept)


@lexicon_cached
def area_names(folder: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Force key -> its area and the area's other names ("Avon and Somerset", "Avon & Somerset")."""
    names: dict[str, list[str]] = {}
    for row in read_csv("forces.csv", folder):
        if row.get("area"):
            names.setdefault(f"{Kind.FORCE.value}/{row['id']}", []).append(row["area"])
    for row in read_csv("force_areas.csv", folder):
        names.setdefault(f"{Kind.FORCE.value}/{row['force']}", []).append(row["area"])
    return {key: tuple(found) for key, found in names.items()}


def _forces(folder: Path | None) -> tuple[KnownOrganisation, ...]:
    return tuple(
        KnownOrganisation(f"{Kind.FORCE.value}/{row['id']}", Kind.FORCE, row["label"],
                          _aliases(row.get("aliases")), row.get("area", "") or "", category=row["kind"])
        for row in read_csv("forces.csv", folder)
    )


def _offices(folder: Path | None) -> tuple[KnownOrganisation, ...]:
    """Offices with every form of ``office_names.csv`` for their kind, over every name of the area."""
    forms: dict[str, list[tuple[str, bool]]] = {}
    for row in read_csv("office_names.csv", folder):
        forms.setdefault(row["kind"], []).append((row["form"], row["match"] == "yes"))
    areas = area_names(folder)
    offices = []
    for row in read_csv("offices.csv", folder):
        force = f"{Kind.FORCE.value}/{row['force']}"
        written = [(form.replace("{area}", area), match)
                   for form, match in forms.get(row["kind"], ()) for area in areas.get(force, ())]
        aliases = _unique([*_aliases(row.get("aliases")), *(name for name, match in written if match)], row["label"])
        spellings = _unique([name for name, match in written if not match], row["label"])
        offices.append(KnownOrganisation(f"{Kind.PARTNER.value}/{row['id']}", Kind.PARTNER, row["label"], aliases,
                                         force=force, category=row["kind"], spellings=spellings))
    return tuple(offices)


def _units(folder: Path | None) -> tuple[KnownOrganisation, ...]:
    return tuple(
        KnownOrganisation(f"{Kind.PARTNER.value}/{row['id']}", Kind.PARTNER, row["label"], _aliases(row.get("aliases")),
                          force=f"{Kind.FORCE.value}/{row['host']}" if row.get("host") else "",
                          category=row["category"])
        for row in read_csv("units.csv", folder)
    )


@lexicon_cached
def known_organisations(folder: Path | None = None) -> tuple[KnownOrganisation, ...]:
    """Police forces, then commissioners' offices, multi-force units and national bodies."""
    bodies = tuple(
        KnownOrganisation(f"{Kind.PARTNER.value}/{row['id']}", Kind.PARTNER, row["label"],
                          _aliases(row.get("aliases")), category=row["category"])
        for row in read_csv("national_bodies.csv", folder)
    )
    return _forces(folder) + _offices(folder) + _units(folder) + bodies


@lexicon_cached
def by_key(folder: Path | None = None) -> dict[str, KnownOrganisation]:
    """Gazetteer rows indexed by entity key."""
    return {org.key: org for org in known_organisations(folder)}


@lexicon_cached
def force_by_area(folder: Path | None = None) -> dict[str, KnownOrganisation]:
    """Police forces indexed by every lower-cased name of their area ("kent", "avon & somerset")."""
    forces = by_key(folder)
    return {area.lower(): forces[key] for key, areas in area_names(folder).items() for area in areas}


@lexicon_cached
def office_of(force_key: str, folder: Path | None = None) -> KnownOrganisation | None:
    """The commissioner's office (or mayor's office) that oversees the force ``force_key``."""
    return next((org for org in known_organisations(folder)
                 if org.force == force_key and org.category in ("pcc", "pfcc", "mayor", "police-authority")), None)


def other_spellings(key: str) -> tuple[str, ...]:
    """Every other way the gazetteer writes a commissioner's office ("Office of the Police and
    Crime Commissioner for Kent", "Kent OPCC", "Kent Police and Crime Commissioner"), given as its
    aliases whichever one a document used; nothing for other entities."""
    known = by_key().get(key)
    if known is None or known.category not in ("pcc", "pfcc"):
        return ()
    return known.aliases + known.spellings


@lexicon_cached
def unit_keys() -> frozenset[str]:
    """The keys of the units several forces run together (``units.csv``)."""
    return frozenset(unit.key for unit in _units(None))
