"""Money as written ("£1.5m", "£350,000", "£677,612.69", "£2.4 million", "£25k") and periods ("2015/16").

Pence are kept: an amount is read to the penny the document gives."""
from __future__ import annotations

import re
from decimal import Decimal

MONEY = re.compile(
    r"£\s?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?P<unit>bn|billion|m|million|k|thousand)\b)?",
    re.IGNORECASE,
)
UNITS = {"bn": 10**9, "billion": 10**9, "m": 10**6, "million": 10**6, "k": 10**3, "thousand": 10**3}
PERIOD = re.compile(
    r"(?:in each of the next \w+ years|each year for the next \w+ years|over (?:the )?(?:next )?\w+ years"
    r"(?: to \d{4}/\d{2})?|per (?:year|annum)|\b(?:19|20)\d\d/\d\d(?:\s?(?:to|–|-)\s?(?:19|20)\d\d/\d\d)?\b)",
    re.IGNORECASE,
)
TABLE_PERIOD = re.compile(
    r"^\s*(?P<period>(?:19|20)\d\d(?:/\d\d|-\d\d)?)\s*(?:\(?£(?P<unit>m|k|000)?\)?)?\s*$", re.IGNORECASE)
CELL_UNITS = {None: 1, "k": 10**3, "000": 10**3, "m": 10**6}
NUMBER_CELL = re.compile(r"^\s*£?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*$")


def amount(number: str, unit: str | None = None) -> Decimal:
    """Pounds as a Decimal: ("1.5", "m") -> 1500000."""
    value = Decimal(number.replace(",", ""))
    if unit:
        value *= UNITS[unit.lower()]
    return Decimal(int(value)) if value == value.to_integral() else value.normalize()


def format_pounds(value: Decimal) -> str:
    """"£96,782", "£1,500,000", "£487,405.40": the amount as labels and IRIs spell it, pence
    as the document wrote them."""
    if value == value.to_integral():
        return f"£{int(value):,}"
    return f"£{value:,.2f}" if -value.as_tuple().exponent <= 2 else f"£{value:,}"


def pounds_for_reading(value: Decimal) -> str:
    """"£96,782", "£1,250.50": the amount as tables and tooltips show it, pence only where there are some."""
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"
