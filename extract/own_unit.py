"""The unit a document is about, and the words by which it names itself.

A regional organised crime unit's annual report names the unit in its heading and then says
"the unit", "we" and "our": those words are the unit there (``patterns/unit_references.csv``),
as "the force" is the force of an inspection report. A document is the unit's own report when
the first header line naming any organisation names exactly one, and it is a unit of
``units.csv``. A document that names one such unit near its start and no other (an
agreement's summary) is about it too, but only "the unit" names it there: "we" is its writer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import unit_keys
from .mentions import Mention, Occupied
from .metadata import header_lines
from .model import Kind
from .resources import lexicon_cached, read_csv

NEAR_START = 1500


@dataclass(frozen=True)
class OwnUnit:
    """The unit a document is about, and whether the document is the unit's own report."""

    unit: Mention
    own_report: bool


def about_unit(text: str, mentions: list[Mention]) -> OwnUnit | None:
    """The unit the document's header names alone, else the one unit the document names, when
    it names it near its start."""
    for start, end in header_lines(text):
        named = {m.key: m for m in mentions if start <= m.start < end and not m.anaphor
                 and m.kind in (Kind.FORCE, Kind.PARTNER)}
        if named:
            only = next(iter(named.values())) if len(named) == 1 else None
            if only is not None and only.key in unit_keys():
                return OwnUnit(only, True)
            break
    units = [m for m in mentions if m.key in unit_keys() and not m.anaphor]
    if units and len({m.key for m in units}) == 1 and min(m.start for m in units) < NEAR_START:
        return OwnUnit(units[0], False)
    return None


@lexicon_cached
def _reference(own_report: bool) -> re.Pattern[str]:
    phrases = sorted((row["words"] for row in read_csv("unit_references.csv") if own_report or row["where"] == "any"),
                     key=len, reverse=True)
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(map(re.escape, phrases))})(?![\w’'-])")


def unit_references(text: str, about: OwnUnit, taken: list[Mention]) -> list[Mention]:
    """"the unit", and in its own report "we": the document's unit, wherever no other mention
    takes the words."""
    occupied = Occupied(taken)
    found = []
    for match in _reference(about.own_report).finditer(text):
        if occupied.is_free(match.start(), match.end()):
            found.append(Mention(Kind.PARTNER, match.start(), match.end(), match.group(), about.unit.name,
                                 about.unit.key, anaphor=True))
            occupied.take(match.start(), match.end())
    return found
