"""PEEL judgements: each graded pillar, question or area a report states, as comparable data.

Four constructions are read. A *graded line*: an area (or question) line followed by a line
holding only a grade, and optionally a year line ("last inspected"), or the three on one line
or in one table row. A *carried-over marker* after a graded line ("our judgment from the 2017
inspection has been carried over"). A *prose grade of an earlier year* ("In 2017, we judged
the force as good at investigating crime", "in last year's efficiency inspection, the force
was judged to be good"). And an overall grade *the same as last year's*, which is the grade
of the pillar stated above it, for the cycle before. Each reading names its canonical area and pillar
(:mod:`.peel_frameworks`), its cycle, its grade on that cycle's scale, and whether the grade
was carried over from an earlier inspection. A grade shown for an earlier year ("Good 2016"
in a 2018/19 report) is two readings: that year's judgement, and the report's own, carried
over. One report gives one reading per canonical area and cycle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .peel_frameworks import (Area, area_of, areas_named, cycle_of, grade_of, grade_words, normalise, on_scale,
                              previous_cycle)
from .resources import lexicon_cached, read_csv

YEAR = r"(?:19|20)\d\d(?:/\d\d)?"
YEAR_LINE = re.compile(rf"^{YEAR}$")
YEAR_IN_TEXT = re.compile(rf"\b{YEAR}\b")
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
MAX_AREA = 160
LOOK_BACK = 4
LOOK_AHEAD = 3
MARKER_SENTENCES = 2
EXPLICIT, PROSE = 0, 1


@dataclass(frozen=True)
class JudgementReading:
    """``area`` (as written) graded ``grade`` (a pko grade name) in ``year`` (a PEEL cycle),
    read at ``start:end``; ``area_key`` and ``pillar`` come from the frameworks (None for a
    wording they do not list)."""

    area: str
    grade: str
    year: str
    start: int
    end: int
    area_key: str | None = None
    pillar: str | None = None
    carried_over: bool = False


@lexicon_cached
def _cues() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for row in read_csv("peel_cues.csv"):
        found.setdefault(row["kind"], []).append(normalise(row["cue"]))
    return {kind: tuple(sorted(cues, key=lambda c: (-len(c), c))) for kind, cues in found.items()}


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in words)


@lexicon_cached
def _patterns() -> dict[str, re.Pattern[str]]:
    grades, cues = _alternation(grade_words()), _cues()
    return {
        "grade_line": re.compile(rf"^(?:{grades})$", re.IGNORECASE),
        "inline": re.compile(rf"^(?P<area>[A-Z][^.\t]{{3,120}}?) (?P<grade>(?i:{grades})) (?P<year>{YEAR})$"),
        "not_area": re.compile(rf"^(?:(?:{_alternation(cues['not-area'])})\b|\d+$)", re.IGNORECASE),
        "judged": re.compile(rf"\b(?:{_alternation(cues['judged'])})\b[^.]{{0,60}}?\b(?:as|to be|to)\s"
                             rf"(?P<grade>{grades})\b", re.IGNORECASE),
        "carried": re.compile(rf"\b(?:{_alternation(cues['carried-over'])})\b", re.IGNORECASE),
        "carried_subject": re.compile(rf"\b(?:{_alternation(cues['carried-over-subject'])})\b", re.IGNORECASE),
        "last_year": re.compile(rf"\b(?:{_alternation(cues['last-year'])})\b", re.IGNORECASE),
        "same": re.compile(rf"\b(?:{_alternation(cues['same-as-last-year'])})\b", re.IGNORECASE),
    }


def _reading(area: str, grade: str, cycle: str, start: int, end: int, carried: bool = False) -> JudgementReading:
    known: Area | None = area_of(area, cycle)
    return JudgementReading(area, grade, cycle, start, end, known.key if known else None,
                            known.pillar if known else None, carried)


def _is_area(line: str) -> bool:
    return len(line) <= MAX_AREA and not line.endswith(".") and not _patterns()["not_area"].match(line) \
        and not _patterns()["grade_line"].match(line) and "\t" not in line and line[:1].isupper()


def _area_before(lines: list[tuple[int, str]], index: int, cycle: str) -> tuple[int, str] | None:
    """The area line a grade line at ``index`` grades: the nearest area line above it, or the
    pillar heading above the pillar's own (or an unlisted) question."""
    previous = [(s, l.strip()) for s, l in lines[max(0, index - LOOK_BACK) : index]
                if not _patterns()["not_area"].match(l.strip())]
    if not previous or not _is_area(previous[-1][1]):
        return None
    if previous[-1][1].endswith("?") and len(previous) > 1:
        above, question = area_of(previous[-2][1], cycle), area_of(previous[-1][1], cycle)
        if above is not None and above.key == above.pillar and (question is None or question == above):
            return previous[-2]
    return previous[-1]


def _carried_marker(lines: list[tuple[int, str]], index: int) -> tuple[int, str | None] | None:
    """The end of the sentence that says the grade at ``index`` was carried over, and the year it
    names, when one of the first sentences of the next text line says so of a judgement."""
    following = [(start, raw) for start, raw in lines[index + 1 : index + 1 + LOOK_AHEAD]
                 if not YEAR_LINE.match(raw.strip())]
    if not following or _patterns()["grade_line"].match(following[0][1].strip()):
        return None
    start, raw = following[0]
    for _, sentence in zip(range(MARKER_SENTENCES), SENTENCE.finditer(raw)):
        text = sentence.group()
        if _patterns()["carried"].search(text) and _patterns()["carried_subject"].search(text):
            year = YEAR_IN_TEXT.search(text)
            return start + sentence.end(), (year.group() if year else None)
    return None


def _graded_lines(lines: list[tuple[int, str]], cycle: str) -> list[JudgementReading]:
    found: list[JudgementReading] = []
    for index, (start, raw) in enumerate(lines):
        line = raw.strip()
        cells = [cell.strip() for cell in line.split("\t")]
        inline = _patterns()["inline"].match(line)
        if inline:
            area, word, year, area_start = inline["area"], inline["grade"], inline["year"], start
            end = start + len(raw.rstrip())
        elif len(cells) in (2, 3) and _patterns()["grade_line"].match(cells[1]) and _is_area(cells[0]):
            area, word, area_start = cells[0], cells[1], start
            year = cells[2] if len(cells) == 3 and YEAR_LINE.match(cells[2]) else None
            end = start + len(raw.rstrip())
        elif _patterns()["grade_line"].match(line):
            above = _area_before(lines, index, cycle)
            if above is None:
                continue
            area_start, area = above
            word = line
            following = lines[index + 1] if index + 1 < len(lines) else (start, "")
            year = following[1].strip() if YEAR_LINE.match(following[1].strip()) else None
            end = following[0] + len(following[1].rstrip()) if year else start + len(raw.rstrip())
        else:
            continue
        found.extend(_stated(area, word, year, cycle, area_start, end, _carried_marker(lines, index)))
    return found


def _stated(area: str, word: str, year: str | None, cycle: str, start: int, end: int,
            marker: tuple[int, str | None] | None) -> list[JudgementReading]:
    """The readings one graded line gives: the report's own judgement, carried over when a year
    or marker says it comes from an earlier cycle, and that earlier cycle's judgement."""
    earlier = cycle_of(year) or year
    if marker is not None:
        end = max(end, marker[0])
        earlier = cycle_of(marker[1]) or earlier or marker[1]
    carried = marker is not None or (earlier is not None and earlier != cycle)
    grade = grade_of(word, cycle)
    if grade is None:
        return []
    readings = [_reading(area, grade, cycle, start, end, carried)]
    if earlier is not None and earlier != cycle and grade_of(word, earlier) is not None:
        readings.append(_reading(area, grade, earlier, start, end))
    return readings


def _prose(lines: list[tuple[int, str]], cycle: str) -> list[JudgementReading]:
    """Grades a report states in sentences for an earlier cycle than its own."""
    found: list[JudgementReading] = []
    for start, raw in lines:
        for sentence in SENTENCE.finditer(raw):
            text = sentence.group()
            judged = _patterns()["judged"].search(text)
            if judged is None:
                continue
            year = YEAR_IN_TEXT.search(text)
            earlier = cycle_of(year.group()) if year else (
                previous_cycle(cycle) if _patterns()["last_year"].search(text) else None)
            grade = grade_of(judged["grade"], earlier) if earlier else None
            if grade is None or earlier == cycle:
                continue
            named = areas_named(text[judged.end():], earlier) or areas_named(text[: judged.start()], earlier)
            begin = start + sentence.start() + len(text) - len(text.lstrip())
            for area in named:
                found.append(JudgementReading(area.label, grade, earlier, begin, start + sentence.end(),
                                              area.key, area.pillar))
    return found


def _same_as_before(lines: list[tuple[int, str]], cycle: str,
                    stated: list[JudgementReading]) -> list[JudgementReading]:
    """The cycle before's pillar grade, where a sentence says the overall grade is the same as
    last year's: the grade of the last pillar judgement stated above the sentence."""
    earlier = previous_cycle(cycle)
    pillars = sorted((r for r in stated if r.area_key is not None and r.area_key == r.pillar and r.year == cycle),
                     key=lambda r: r.start)
    found: list[JudgementReading] = []
    if earlier is None or not pillars:
        return found
    for start, raw in lines:
        for sentence in SENTENCE.finditer(raw):
            if not _patterns()["same"].search(sentence.group()):
                continue
            begin = start + sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
            above = [r for r in pillars if r.start < begin]
            if above and on_scale(above[-1].grade, earlier):
                found.append(replace(above[-1], year=earlier, start=begin, end=start + sentence.end(),
                                     carried_over=False))
    return found


def judgements(text: str, report_year: str | None) -> list[JudgementReading]:
    """Every judgement ``text`` states, one per canonical area (or unlisted wording) and cycle;
    a graded line without a year is of the report's cycle. A table or heading reading is kept
    over a prose one, an earlier one over a later one, and a grade any reading marks as carried
    over stays marked."""
    cycle = cycle_of(report_year) or report_year
    if cycle is None:
        return []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    stated = _graded_lines(lines, cycle)
    prose = _prose(lines, cycle) + _same_as_before(lines, cycle, stated)
    ranked = [(EXPLICIT, r) for r in stated] + [(PROSE, r) for r in prose]
    chosen: dict[tuple[str, str], JudgementReading] = {}
    carried: set[tuple[str, str]] = set()
    for _, reading in sorted(ranked, key=lambda pair: (pair[0], pair[1].start, pair[1].year)):
        key = (reading.area_key or normalise(reading.area), reading.year)
        chosen.setdefault(key, reading)
        if reading.carried_over:
            carried.add(key)
    return [replace(reading, carried_over=key in carried) for key, reading in chosen.items()]
