"""PEEL judgements: each graded pillar or question a report states, with its grade and year."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import read_lines

GRADE_WORDS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires improvement": "RequiresImprovement",
    "inadequate": "Inadequate",
    "ungraded": "Ungraded",
}
_GRADE = "(Outstanding|Good|Requires improvement|Inadequate|Ungraded)"
GRADE_LINE = re.compile(rf"^{_GRADE}$", re.IGNORECASE)
INLINE = re.compile(rf"^(?P<area>[A-Z][^.\t]{{3,120}}?) (?P<grade>{_GRADE}) (?P<year>\d{{4}}(?:/\d{{2}})?)$")
YEAR_LINE = re.compile(r"^\d{4}(?:/\d{2})?$")
NOT_AREA = re.compile(r"^(?:last updated|last inspected|summary|overall summary|\d+$)", re.IGNORECASE)
MAX_AREA = 160


@dataclass(frozen=True)
class JudgementReading:
    """``area`` graded ``grade`` (a pko grade name) for ``year``; read at ``start:end``."""

    area: str
    grade: str
    year: str
    start: int
    end: int


def _is_area(line: str) -> bool:
    return len(line) <= MAX_AREA and not line.endswith(".") and not NOT_AREA.match(line) \
        and not GRADE_LINE.match(line) and "\t" not in line and line[:1].isupper()


def judgements(text: str, report_year: str | None) -> list[JudgementReading]:
    """Every "area / grade [/ year]" the text states; the report's year where none is given."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    pillars = frozenset(p.lower() for p in read_lines("peel_areas.txt"))
    found: dict[tuple[str, str], JudgementReading] = {}
    for index, (start, raw) in enumerate(lines):
        line = raw.strip()
        inline = INLINE.match(line)
        if inline:
            reading = JudgementReading(inline["area"], GRADE_WORDS[inline["grade"].lower()], inline["year"],
                                       start, start + len(raw))
            found.setdefault((reading.area, reading.year), reading)
            continue
        if not GRADE_LINE.match(line):
            continue
        previous = [(s, l.strip()) for s, l in lines[max(0, index - 4) : index] if not NOT_AREA.match(l.strip())]
        if not previous or not _is_area(previous[-1][1]):
            continue
        area_start, area = previous[-1]
        if area.endswith("?") and len(previous) > 1 and previous[-2][1].lower() in pillars:
            area_start, area = previous[-2]
        following = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        year = following if YEAR_LINE.match(following) else report_year
        if year is None:
            continue
        reading = JudgementReading(area, GRADE_WORDS[line.lower()], year, area_start, start + len(raw))
        found.setdefault((reading.area, reading.year), reading)
    return list(found.values())
