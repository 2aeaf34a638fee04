"""A document's own date, where it states one in a way :mod:`metadata`'s first readings miss.

:func:`~policekg.extract.metadata.document_date` reads "Last updated 03/11/2016", a decision's
"Date:" field, a line that is only a date, and the day a meeting "will be held on". Documents
state their date in more ways: after a label at the start of a line ("Published: 12 March
2019", "Date of meeting: Tuesday 3 February 2015", "Dated 1st April 2020", "Report date:
12/03/2019"; labels in ``patterns/date_labels.txt``), and as a numeric date alone on a line of
the header, under the title. Dates are day first, as UK documents write them; a month without
a day ("March 2019") is not a date and is left alone.
"""
from __future__ import annotations

import re
from datetime import date

from .periods import MONTH_NUMBERS
from .resources import lexicon_cached, read_lines

HEADER_LINES = 6  # lines at the top of a document where a bare numeric date is its own
_MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
DATE = (rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<month>{_MONTHS})\.?,?\s+(?P<year>(?:19|20)\d\d)"
        rf"|(?P<month2>{_MONTHS})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)"
        r"|(?P<day3>\d{1,2})(?P<sep>[./-])(?P<month3>\d{1,2})(?P=sep)(?P<year3>(?:19|20)\d\d)"
        r"|(?P<year4>(?:19|20)\d\d)-(?P<month4>\d\d)-(?P<day4>\d\d))\b")
NUMERIC_LINE = re.compile(
    r"[ \t*_]*(?P<day3>\d{1,2})(?P<sep>[./-])(?P<month3>\d{1,2})(?P=sep)(?P<year3>(?:19|20)\d\d)[ \t*_]*")


@lexicon_cached
def _labelled() -> re.Pattern[str]:
    """A label of ``date_labels.txt`` at the start of a line, then the date."""
    labels = sorted(read_lines("date_labels.txt"), key=len, reverse=True)
    words = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(rf"^[ \t*_•-]*(?:{words})[ \t*_]*(?:[:–-][ \t*_]*)?(?:on\s+)?{_WEEKDAY}{DATE}",
                      re.IGNORECASE | re.MULTILINE)


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
    """The date a label states at a line's start, else a numeric date alone on a header line (ISO)."""
    for match in _labelled().finditer(text):
        found = _iso(match)
        if found:
            return found
    header = [line for line in text.splitlines() if line.strip()][:HEADER_LINES]
    for line in header:
        match = NUMERIC_LINE.fullmatch(line)
        if match:
            found = _iso(match)
            if found:
                return found
    return None
