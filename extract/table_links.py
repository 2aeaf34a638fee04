"""Links a table states by its layout: an agreement's parties, a unit's host force.

A section 22A agreement lists its parties in a row ("Parties	Chief Constable of A; …") or a
column under "Party"; every force named there collaborates with every other, and with the
unit the agreement is about when the document is about one. A table with a
"Lead (host) force" column names, in each row, the force that hosts the unit the row opens
with, as a force or by its area ("Hertfordshire"); the two collaborate. The labels are
``patterns/table_columns.csv``. Rows are tab-separated lines; a table ends at its first line
without a tab.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import ORGANISATIONS
from .gazetteer import force_by_area
from .mentions import Mention
from .model import Kind
from .resources import lexicon_cached, read_csv


@dataclass(frozen=True)
class TableLink:
    """Two organisations a table row (``start``:``end``) shows working together."""

    subject: Mention
    object: Mention
    start: int
    end: int
    confidence: float


@lexicon_cached
def _labels() -> dict[str, str]:
    return {row["label"].lower(): row["role"] for row in read_csv("table_columns.csv")}


@lexicon_cached
def _confidence() -> dict[str, float]:
    return {row["role"]: float(row["confidence"]) for row in read_csv("table_columns.csv")}


def _cells(offset: int, line: str) -> list[tuple[int, int]]:
    return [(offset + m.start(), offset + m.end()) for m in re.finditer(r"[^\t]+", line)]


def _role(text: str, cell: tuple[int, int]) -> str | None:
    return _labels().get(" ".join(text[cell[0] : cell[1]].split()).lower().strip(" :*"))


def _within(mentions: list[Mention], start: int, end: int, kinds: tuple[Kind, ...]) -> list[Mention]:
    return [m for m in mentions if start <= m.start < end and m.kind in kinds and not m.anaphor]


def _host(text: str, cell: tuple[int, int], mentions: list[Mention]) -> Mention | None:
    """The force a host cell names: a force mention, or the whole cell an area of a force."""
    forces = _within(mentions, *cell, (Kind.FORCE,))
    if forces:
        return forces[0]
    force = force_by_area().get(" ".join(text[cell[0] : cell[1]].split()).lower())
    return Mention(Kind.FORCE, cell[0], cell[1], text[cell[0] : cell[1]], force.label, force.key) if force else None


def _parties(forces: list[Mention], start: int, end: int, unit: Mention | None) -> list[TableLink]:
    """Each party force with every other, and with the unit the agreement is about."""
    unique = list({m.key: m for m in forces}.values())
    found = [TableLink(a, b, start, end, _confidence()["party"]) for i, a in enumerate(unique) for b in unique[i + 1 :]]
    return found + [TableLink(force, unit, start, end, _confidence()["party"]) for force in unique] if unit else found


def table_links(text: str, lines: list[tuple[int, str]], mentions: list[Mention],
                unit: Mention | None = None) -> list[TableLink]:
    """Every link the document's party rows, party columns and host columns state; ``unit`` is
    the unit the document is about (:func:`own_unit.about_unit`), which the parties share."""
    found: list[TableLink] = []
    party_column: list[Mention] | None = None
    host_column: int | None = None
    table_start = 0
    for offset, line in lines:
        if "\t" not in line:
            if party_column:
                found += _parties(party_column, table_start, offset, unit)
            party_column, host_column = None, None
            continue
        cells = _cells(offset, line)
        roles = [_role(text, cell) for cell in cells]
        forces = _within(mentions, offset, offset + len(line), (Kind.FORCE,))
        if roles[0] == "party" and forces:
            found += _parties(forces, offset, offset + len(line), unit)
        elif roles[0] == "party":
            party_column, table_start = [], offset
        elif "host" in roles and not forces:
            host_column = roles.index("host")
        elif party_column is not None:
            party_column += _within(mentions, *cells[0], (Kind.FORCE,))
        elif host_column is not None and host_column < len(cells):
            unit = _within(mentions, *cells[0], ORGANISATIONS)
            host = _host(text, cells[host_column], mentions)
            if unit and host is not None and unit[0].key != host.key:
                found.append(TableLink(unit[0], host, offset, offset + len(line), _confidence()["host"]))
    if party_column:
        found += _parties(party_column, table_start, len(text), unit)
    return found
