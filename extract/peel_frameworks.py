"""The PEEL frameworks as data: cycles, their grade scales, the canonical areas and their wordings.

Reports of different years word the same graded thing differently ("Fair treatment of the
public", "Treating the public fairly", "To what extent does the force treat all of the
people it serves with fairness and respect?"). Mapping every wording to one canonical area
(``peel_areas.csv``, ``peel_frameworks.csv``) and every way of writing a year to one cycle
(``peel_cycles.csv``) is what makes judgements comparable across years and forces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import lexicon_cached, read_csv

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})
_NOT_WORD = re.compile(r"[^a-z0-9'\- ]+")


@dataclass(frozen=True)
class Area:
    """A canonical PEEL area: ``key`` (its IRI name), ``label`` and the ``pillar`` it belongs to."""

    key: str
    label: str
    pillar: str


@dataclass(frozen=True)
class Cycle:
    """A PEEL cycle: its label, the other ways a year of it is written, and its grade scale."""

    label: str
    aliases: tuple[str, ...]
    grades: tuple[str, ...]


def normalise(wording: str) -> str:
    """``wording`` as wordings are compared: lower case, plain apostrophes, no other punctuation."""
    text = _NOT_WORD.sub(" ", wording.translate(_APOSTROPHES).lower())
    return " ".join(text.split())


@lexicon_cached
def areas() -> dict[str, Area]:
    """The canonical areas by key."""
    return {row["key"]: Area(row["key"], row["label"], row["pillar"]) for row in read_csv("peel_areas.csv")}


@lexicon_cached
def cycles() -> tuple[Cycle, ...]:
    """The PEEL cycles, oldest first."""
    return tuple(Cycle(row["cycle"], tuple(a for a in row["aliases"].split("|") if a), tuple(row["grades"].split("|")))
                 for row in read_csv("peel_cycles.csv"))


@lexicon_cached
def _cycle_names() -> dict[str, str]:
    names = {}
    for cycle in cycles():
        for name in (cycle.label, *cycle.aliases):
            names[name.replace("\u2013", "-")] = cycle.label
    return names


def cycle_of(year: str | None) -> str | None:
    """The cycle a year as written belongs to ("2017/18" -> "2017", "2019" -> "2018/19"), or None."""
    if not year:
        return None
    return _cycle_names().get(year.strip().replace("\u2013", "-"))


def previous_cycle(cycle: str) -> str | None:
    """The cycle before ``cycle`` ("last year" in a report of ``cycle``), or None for the first."""
    labels = [c.label for c in cycles()]
    index = labels.index(cycle) if cycle in labels else 0
    return labels[index - 1] if index > 0 else None


@lexicon_cached
def _grade_words() -> dict[str, str]:
    return {normalise(row["word"]): row["grade"] for row in read_csv("peel_grades.csv")}


def grade_words() -> tuple[str, ...]:
    """Every grade word, longest first (for building patterns)."""
    return tuple(sorted(_grade_words(), key=lambda w: (-len(w), w)))


def on_scale(grade: str, cycle: str | None) -> bool:
    """Whether the pko grade ``grade`` is on ``cycle``'s scale (any grade is, for an unknown cycle)."""
    scale = next((c.grades for c in cycles() if c.label == cycle), None)
    return scale is None or grade in scale


def grade_of(word: str, cycle: str | None) -> str | None:
    """The pko grade ``word`` gives in ``cycle`` (None when the cycle's scale has no such grade)."""
    grade = _grade_words().get(normalise(word))
    return grade if grade is not None and on_scale(grade, cycle) else None


@lexicon_cached
def _wordings() -> dict[str, dict[str, str]]:
    """Normalised wording -> {cycle: area key}, over every kind of wording; an area's own label
    is a wording of no particular cycle ("")."""
    found: dict[str, dict[str, str]] = {}
    for row in read_csv("peel_frameworks.csv"):
        found.setdefault(normalise(row["wording"]), {})[row["cycle"]] = row["area"]
    for area in areas().values():
        found.setdefault(normalise(area.label), {}).setdefault("", area.key)
    return found


def area_of(wording: str, cycle: str | None) -> Area | None:
    """The canonical area ``wording`` names, as ``cycle`` words it if it does, else as any cycle does."""
    by_cycle = _wordings().get(normalise(wording))
    if not by_cycle:
        return None
    key = by_cycle.get(cycle or "") or by_cycle[min(by_cycle)]
    return areas()[key]


@lexicon_cached
def _wording_pattern() -> re.Pattern[str]:
    alternatives = sorted(_wordings(), key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alternatives) + r")\b")


def areas_named(text: str, cycle: str | None) -> list[Area]:
    """The canonical areas a stretch of prose names, in order, each once (longest wordings win)."""
    found: list[Area] = []
    for match in _wording_pattern().finditer(normalise(text)):
        area = area_of(match.group(), cycle)
        if area is not None and area not in found:
            found.append(area)
    return found
