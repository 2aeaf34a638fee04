"""The unit a document is about, and the words by which it names itself.

A regional organised crime unit's annual report names the unit in its heading and then says
"the unit" and "we": those words are the unit there (``patterns/unit_references.txt``), as
"the force" is the force of an inspection report. A document is about a unit when the first
header line naming any organisation names exactly one, and it is a unit of ``units.csv``.
"""
from __future__ import annotations

import re

from .gazetteer import unit_keys
from .mentions import Mention, Occupied
from .metadata import header_lines
from .model import Kind
from .resources import lexicon_cached, read_lines


def about_unit(text: str, mentions: list[Mention]) -> Mention | None:
    """The unit the document's header names, when the first header line naming an
    organisation names that unit alone."""
    for start, end in header_lines(text):
        named = {m.key: m for m in mentions if start <= m.start < end and not m.anaphor
                 and m.kind in (Kind.FORCE, Kind.PARTNER)}
        if named:
            only = next(iter(named.values())) if len(named) == 1 else None
            return only if only is not None and only.key in unit_keys() else None
    return None


@lexicon_cached
def _reference() -> re.Pattern[str]:
    phrases = sorted(read_lines("unit_references.txt"), key=len, reverse=True)
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(map(re.escape, phrases))})(?![\w’'-])")


def unit_references(text: str, unit: Mention, taken: list[Mention]) -> list[Mention]:
    """"the unit", "we": the document's own unit, wherever no other mention takes the words."""
    occupied = Occupied(taken)
    found = []
    for match in _reference().finditer(text):
        if occupied.is_free(match.start(), match.end()):
            found.append(Mention(Kind.PARTNER, match.start(), match.end(), match.group(), unit.name, unit.key,
                                 anaphor=True))
            occupied.take(match.start(), match.end())
    return found
