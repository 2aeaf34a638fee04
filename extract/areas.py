"""Police forces named by their area: "Kent and Essex Police", "the forces of Avon and
Somerset, Dorset and Wiltshire", "a firearms collaboration with Essex".

An area name alone is a place ("Crime in Essex fell"); it names the area's force only next to
words of policing (``patterns/force_area_cues.csv``): a cue before a list of areas (one may
leave a gap, "…", for a few lower-case words: "joint rural patrols with Essex"), a force word
after it, or a word joining it to a policing body named just before ("the regional unit (ABC)
with Kent and Essex", "hosted by Kent Police on behalf of Essex and Surrey": a force or a
unit of ``units.csv``). A remark in brackets may stand before an area of the list ("Hampshire and
(to a lesser extent) Kent"); an area inside the remark is not read. A list is read whole, so "Avon and Somerset" is one area, and a list
that runs on into a name the gazetteer does not know ("with Kent and Medway councils", "with
Essex County Council") is not read at all.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .first_letters import first_letters
from .gazetteer import area_names, force_by_area, unit_keys
from .mentions import Mention
from .model import Kind
from .resources import lexicon_cached, read_csv

# The longest list read as one ("Avon and Somerset, Devon and Cornwall, … and Wiltshire"):
# a bound, so a list without its closing words costs linear time.
MAX_LISTED = 16

# What a cue's "…" stands for: one to three lower-case words ("joint … with": "joint rural patrols with").
GAP = r"(?:\s+[a-z][\w-]*){1,3}?"


def _alternation(phrases: list[str]) -> str:
    """Any of ``phrases``, the longest first, behind a test of the first letter (:mod:`.first_letters`)."""
    escaped = (re.escape(p).replace(r"\ ", r"\s+").replace(r"\s+…\s+", GAP + r"\s+")
               for p in sorted(phrases, key=len, reverse=True))
    return first_letters(phrases) + "(?:" + "|".join(escaped) + ")"


@lexicon_cached
def _cues() -> dict[str, list[str]]:
    cues: dict[str, list[str]] = {"before": [], "after": [], "body": []}
    for row in read_csv("force_area_cues.csv"):
        cues[row["position"]].append(row["words"])
    return cues


@lexicon_cached
def _area() -> re.Pattern[str]:
    areas = sorted({area for names in area_names().values() for area in names})
    return re.compile(rf"(?<![\w&-])(?:{_alternation(areas)})(?![\w&-])")


def _areas(group: str) -> str:
    """A list of areas as the named group, read whole: never cut short to pass the test after it
    (a lookahead and a backreference make it atomic); a remark in brackets may stand before an item."""
    area = _area().pattern
    aside = r"(?:\([^()\n]{1,40}\)\s+)?"  # "Hampshire and (to a lesser extent) Kent"
    listed = rf"{area}(?:,\s*{aside}{area}){{0,{MAX_LISTED - 2}}}(?:,?\s+(?:and|or|&)\s+{aside}{area})?"
    return rf"(?=(?P<{group}>{listed}))(?P={group})"


# A list that runs on into another name ("Kent and Medway councils" aside) is not read.
ENDS = r"(?![’']s\b)(?!\s+[A-Z])(?!,?\s+(?:and|or|&)\s+[A-Z])(?!-\w)"


@lexicon_cached
def _listed_areas() -> re.Pattern[str]:
    cues = _cues()
    return re.compile(
        rf"(?:\b(?i:{_alternation(cues['before'])})\s+(?:the\s+)?{_areas('listed')}{ENDS}"
        rf"|{_areas('named')}\s+(?i:{_alternation(cues['after'])})\b(?!\s+and\s+Crime|,?\s+Fire\b))"
    )


@lexicon_cached
def _joined_areas() -> re.Pattern[str]:
    """Areas joined to the body written just before them, its abbreviation in brackets between,
    matched from the end of that body's name; the list must end its phrase, so that an area
    describing a noun after it is no force ("Kent Police with Essex connections")."""
    return re.compile(rf"(?:\s*\([^()\n]{{1,12}}\))?,?\s+(?i:{_alternation(_cues()['body'])})\s+"
                      rf"{_areas('listed')}{ENDS}(?=\s*(?:[,.;:)]|$))", re.MULTILINE)


def _is_policing_body(mention: Mention) -> bool:
    return not mention.anaphor and (mention.kind is Kind.FORCE or mention.key in unit_keys())


def forces_by_area(text: str, bodies: Sequence[Mention] = ()) -> list[Mention]:
    """Each area of a list that a policing word, or a policing body of ``bodies`` joined to it,
    names as a force, as a mention of its force."""
    spans = [(m.start(g), m.end(g)) for m in _listed_areas().finditer(text) for g in ("listed", "named") if m.group(g)]
    joined = (_joined_areas().match(text, body.end) for body in bodies if _is_policing_body(body))
    spans += [(m.start("listed"), m.end("listed")) for m in joined if m is not None]
    return [mention for start, end in sorted(set(spans)) for mention in _forces_in(text, start, end)]


def _forces_in(text: str, start: int, end: int) -> list[Mention]:
    """The forces of the areas of one list, leaving out an area inside a remark in brackets."""
    found = []
    by_area = force_by_area()
    for area in _area().finditer(text, start, end):
        force = by_area.get(" ".join(area.group().split()).lower())
        aside = text.count("(", start, area.start()) > text.count(")", start, area.start())
        if force is not None and not aside:
            found.append(Mention(Kind.FORCE, area.start(), area.end(), area.group(), force.label, force.key))
    return found
