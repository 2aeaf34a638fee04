"""A document's own date, where it states one in a way :mod:`metadata`'s first readings miss.

:func:`~policekg.extract.metadata.document_date` reads "Last updated 03/11/2016", a decision's
"Date:" field, a line that is only a date, and the day a meeting "will be held on". Documents
state their date in more ways: after a label at the start of a line ("Published: 12 March
2019", "Date of meeting: Tuesday 3 February 2015", "Dated 1st April 2020", "Report date:
12/03/2019"; labels in ``patterns/date_labels.txt``), and on a line of the header, under the
title: a date that opens the line ("03 March 2025 | Place", "12/03/2019"), a label after a
dash or bar ("Office of the Commissioner – published 3 June 2025"), or a date after its
weekday ("Meeting of the Panel, Friday, 7th September, 2018"). Dates are day first, as UK
documents write them; a month without a day ("March 2019") is not a date and is left alone.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from itertools import islice

from .periods import MONTH_NUMBERS
from .resources import lexicon_cached, read_lines

HEADER_LINES = 6  # non-empty lines at the top of a document read as its header
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAYS = "|".join(day.lower() for day in calendar.day_name)  # the calendar's English names
_WEEKDAY = rf"(?:(?:{_WEEKDAYS}),?\s+)?"
DATE = (rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<month>{_MONTHS})\.?,?\s+(?P<year>(?:19|20)\d\d)"
        rf"|(?P<month2>{_MONTHS})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)"
        r"|(?P<day3>\d{1,2})(?P<sep>[./-])(?P<month3>\d{1,2})(?P=sep)(?P<year3>(?:19|20)\d\d)"
        r"|(?P<year4>(?:19|20)\d\d)-(?P<month4>\d\d)-(?P<day4>\d\d))\b")
LEADING = re.compile(rf"[ \t*_•]*{_WEEKDAY}{DATE}[ \t*_]*(?:[|–—,]|$)", re.IGNORECASE)
AFTER_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAYS}),?\s+{DATE}", re.IGNORECASE)


def _label_words() -> str:
    labels = sorted(read_lines("date_labels.txt"), key=len, reverse=True)
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)


@lexicon_cached
def _labelled() -> re.Pattern[str]:
    """A label of ``date_labels.txt`` at the start of a line, then the date."""
    return re.compile(rf"^[ \t*_•-]*(?:{_label_words()})[ \t*_]*(?:[:–-][ \t*_]*)?(?:on\s+)?{_WEEKDAY}{DATE}",
                      re.IGNORECASE | re.MULTILINE)


@lexicon_cached
def _labelled_after_dash() -> re.Pattern[str]:
    """A label after a dash or bar within a line ("… – published 3 June 2025"), then the date."""
    return re.compile(rf"(?:\s[–—-]|\|)\s*(?:{_label_words()})[ \t*_]*(?::[ \t*_]*)?(?:on\s+)?{_WEEKDAY}{DATE}",
                      re.IGNORECASE)


def _iso(match: re.Match[str]) -> str | None:
    """The ISO form of the date one match of :data:`DATE` found, or None for no such day."""
    groups = {name: value for name, value in match.groupdict().items() if value}
    day = groups.get("day") or groups.get("day2") or groups.get("day3") or groups.get("day4")
    month = groups.get("month") or groups.get("month2") or groups.get("month3") or groups.get("month4")
    year = groups.get("year") or groups.get("year2") or groups.get("year3") or groups.get("year4")
    if day is None or month is None or year is None:
        return None
    number = int(month) if month.isdigit() else MONTH_NUMBERS[month.lower().rstrip(".")]
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def stated_date(text: str) -> str | None:
    """The date a label states at a line's start, else one a header line states (see the module) (ISO)."""
    for match in _labelled().finditer(text):
        found = _iso(match)
        if found:
            return found
    for line in islice((found.group() for found in _LINE.finditer(text)), HEADER_LINES):
        for match in (LEADING.match(line), _labelled_after_dash().search(line), AFTER_WEEKDAY.search(line)):
            found = _iso(match) if match else None
            if found:
                return found
    return None
