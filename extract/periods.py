"""Periods as documents write them, read into first and last days.

A fund's period, a PEEL cycle and a year a user asks about are written many ways ("2019/20",
"2019-20", "2019/2020", "FY2019/20", "financial year 2019 to 2020", "April 2019 to March
2020", "2015/16 to 2017/18"). Queries that compare them need dates, so each is read into a
:class:`Period` with its first and last day. The readings:

- a split year ("2019/20", "2019-2020", "FY19/20") is a UK financial year, 1 April to 31 March;
  a later second year spans several ("2023/25": 1 April 2023 to 31 March 2025);
- "financial year 2019 to 2020" (or "fiscal year", "FY"; before or after the years) is the same;
- a bare year ("2016") is a calendar year, as PEEL's yearly cycles are;
- months, with or without days ("April 2019 to March 2020", "1 April 2019 to 31 March 2020"),
  run from the first day given (or the month's first) to the last (or the month's last);
- two periods joined by "to" or a dash run from the first's start to the second's end.

Anything else ("over the next four years", "per year") has no dates: :func:`read_period`
gives None rather than guess. The words around years live in ``patterns/period_words.csv``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .resources import lexicon_cached, read_csv

FIRST_MONTH, LAST_MONTH = 4, 3  # a UK financial year runs from 1 April to 31 March
MAX_SPAN = 5  # the most years one split year ("2023/25") may span
DASHES = "-–—/"


@dataclass(frozen=True)
class Period:
    """The first and last day of a period, both included."""

    start: date
    end: date


def _month_numbers() -> dict[str, int]:
    """English month names and their short forms ("apr"), by number: the calendar's, not a lexicon's."""
    names = {calendar.month_name[i].lower(): i for i in range(1, 13)}
    names.update({calendar.month_abbr[i].lower(): i for i in range(1, 13)})
    return names


MONTH_NUMBERS = _month_numbers()


def _words(role: str) -> list[str]:
    rows = [row["words"] for row in read_csv("period_words.csv") if row["role"] == role]
    return [re.escape(words).replace(r"\ ", r"\s+") for words in sorted(rows, key=len, reverse=True)]


@lexicon_cached
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A financial year's cue, one period, and two periods joined, as patterns over a whole text."""
    cue = "|".join(_words("financial"))
    through = rf"(?:\s*[{DASHES[:-1]}]\s*|\s+(?:{'|'.join(_words('through'))})\s+)"
    months = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    split = rf"(?P<first>(?:19|20)?\d\d)\s*[{DASHES}]\s*(?P<second>\d{{4}}|\d\d)"
    joined = rf"(?P<first2>(?:19|20)\d\d){through}(?P<second2>(?:19|20)\d\d)"

    def day(n: int) -> str:
        return rf"(?:(?P<d{n}>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m{n}>{months})\.?,?\s+(?P<y{n}>(?:19|20)\d\d)"

    month_range = day(1) + through + day(2)
    one = (rf"(?:the\s+)?(?:(?:{cue})\s*)?(?:{split}|{joined}|(?P<year>(?:19|20)\d\d))"
           rf"(?:\s+(?:{cue}))?|{month_range}")
    cue_pattern = re.compile(rf"\b(?:{cue})", re.IGNORECASE)
    return cue_pattern, re.compile(one, re.IGNORECASE), re.compile(through, re.IGNORECASE)


def _end_year(first: int, second: str) -> int | None:
    """The year a split year ends in: "20" after 2019 is 2020, "00" after 1999 is 2000."""
    if len(second) == 4:
        end = int(second)
    else:
        end = first - first % 100 + int(second)
        if end <= first:
            end += 100
    return end if 0 < end - first <= MAX_SPAN else None


def _financial(first: int, last: int) -> Period:
    return Period(date(first, FIRST_MONTH, 1), date(last, LAST_MONTH, calendar.monthrange(last, LAST_MONTH)[1]))


def _full_year(text: str) -> int:
    """A year written with two digits ("FY19/20") is in this century."""
    return int(text) if len(text) == 4 else 2000 + int(text)


def _one(match: re.Match[str], cue: bool) -> Period | None:
    """The period one match of the grammar's single period gives."""
    groups = match.groupdict()
    if groups["first"]:
        if len(groups["first"]) == 2 and not cue:
            return None
        first = _full_year(groups["first"])
        last = _end_year(first, groups["second"])
        return _financial(first, last) if last else None
    if groups["first2"]:
        first, last = int(groups["first2"]), int(groups["second2"])
        return _financial(first, last) if cue and 0 < last - first <= MAX_SPAN else None
    if groups["year"]:
        year = int(groups["year"])
        return _financial(year, year + 1) if cue else Period(date(year, 1, 1), date(year, 12, 31))
    try:
        start = date(int(groups["y1"]), MONTH_NUMBERS[groups["m1"].lower()], int(groups["d1"] or 1))
        end_year, end_month = int(groups["y2"]), MONTH_NUMBERS[groups["m2"].lower()]
        end = date(end_year, end_month, int(groups["d2"] or calendar.monthrange(end_year, end_month)[1]))
    except ValueError:
        return None
    return Period(start, end) if start <= end else None


def read_period(text: str) -> Period | None:
    """The first and last day of the period ``text`` writes, or None when it gives no dates.

    ``text`` is the period alone ("2019/20", "FY2019/20", "April 2019 to March 2020",
    "2015/16 to 2017/18"), as a fund's period or a year a user gives; see the module's readings.
    """
    cue_pattern, one, through = _grammar()
    text = " ".join(text.split()).strip(" .,;:()")
    whole = one.fullmatch(text)
    if whole:
        return _one(whole, bool(cue_pattern.search(text)))
    first = one.match(text)
    if first is None:
        return None
    joint = through.match(text, first.end())
    last = one.fullmatch(text, joint.end()) if joint else None
    if last is None:
        return None
    cue = bool(cue_pattern.search(text))
    start, end = _one(first, cue), _one(last, cue)
    if start is None or end is None or end.end < start.start:
        return None
    return Period(start.start, end.end)


def period_label(period: Period) -> str:
    """How PEEL and budgets write ``period``: "2016" for a calendar year, "2018/19" for a
    financial year (or "2023/25" for several), else its first and last days ("2019-04-01/2019-09-30")."""
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if (start.month, start.day, end.month, end.day) == (FIRST_MONTH, 1, LAST_MONTH, 31) and end.year > start.year:
        return f"{start.year}/{end.year % 100:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"
