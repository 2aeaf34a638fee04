"""Police forces named by their area: "Kent and Essex Police", "the forces of Avon and
Somerset, Dorset and Wiltshire", "a firearms collaboration with Essex".

An area name alone is a place ("Crime in Essex fell"); it names the area's force only next to
words of policing (``patterns/force_area_cues.csv``): a cue before a list of areas, or a
force word after it. A remark in brackets may stand before an area of the list ("Hampshire and
(to a lesser extent) Kent"); an area inside the remark is not read. A list is read whole, so "Avon and Somerset" is one area, and a list
that runs on into a name the gazetteer does not know ("with Kent and Medway councils", "with
Essex County Council") is not read at all.
"""
from __future__ import annotations

import re

from .gazetteer import area_names, force_by_area
from .mentions import Mention
from .model import Kind
from .resources import lexicon_cached, read_csv

# The longest list read as one ("Avon and Somerset, Devon and Cornwall, … and Wiltshire"):
# a bound, so a list without its closing words costs linear time.
MAX_LISTED = 16


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lexicon_cached
def _area() -> re.Pattern[str]:
    areas = sorted({area for names in area_names().values() for area in names})
    return re.compile(rf"(?<![\w&-])(?:{_alternation(areas)})(?![\w&-])")


@lexicon_cached
def _listed_areas() -> re.Pattern[str]:
    cues: dict[str, list[str]] = {"before": [], "after": []}
    for row in read_csv("force_area_cues.csv"):
        cues[row["position"]].append(row["words"])
    area = _area().pattern
    aside = r"(?:\([^()\n]{1,40}\)\s+)?"  # "Hampshire and (to a lesser extent) Kent"
    areas = rf"{area}(?:,\s*{aside}{area}){{0,{MAX_LISTED - 2}}}(?:,?\s+(?:and|or|&)\s+{aside}{area})?"
    ends = r"(?![’']s\b)(?!\s+[A-Z])(?!,?\s+(?:and|or|&)\s+[A-Z])(?!-\w)"
    return re.compile(
        rf"(?:\b(?i:{_alternation(cues['before'])})\s+(?:the\s+)?(?P<listed>{areas}){ends}"
        rf"|(?P<named>{areas})\s+(?i:{_alternation(cues['after'])})\b(?!\s+and\s+Crime|,?\s+Fire\b))"
    )


def forces_by_area(text: str) -> list[Mention]:
    """Each area of a list that a policing word names as a force, as a mention of its force."""
    found = []
    by_area = force_by_area()
    for match in _listed_areas().finditer(text):
        group = "listed" if match.group("listed") else "named"
        for area in _area().finditer(text, match.start(group), match.end(group)):
            force = by_area.get(" ".join(area.group().split()).lower())
            aside = text.count("(", match.start(group), area.start()) > text.count(")", match.start(group), area.start())
            if force is not None and not aside:
                found.append(Mention(Kind.FORCE, area.start(), area.end(), area.group(), force.label, force.key))
    return found
