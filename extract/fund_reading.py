"""What one fund reading holds, and which kinds of entity may give or receive money."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from .mentions import Mention
from .model import Kind

RECIPIENTS = (Kind.FORCE, Kind.PARTNER, Kind.PROGRAMME)
FUNDERS = (Kind.FORCE, Kind.PARTNER, Kind.PERSON)


@dataclass(frozen=True)
class FundReading:
    """One fund read at ``start:end`` (a sentence or a table row)."""

    amount: Decimal
    start: int
    end: int
    confidence: float
    period: str | None = None
    purpose: str | None = None
    funder: Mention | None = None
    recipient: Mention | None = None


def named_again(head: str, earlier: list[Mention], position: int) -> Mention | None:
    """The body "the unit" or "the partnership" names again: of the bodies before ``position``
    whose name ends in that noun ("… Special Operations Unit"), or programmes it opens
    ("Operation Kestrel" for "the operation"), the one named most often (a plan's own
    partnership, not one it mentions in passing), the last of equals; "the force" is a
    force so chosen."""
    fitting = [m for m in earlier if m.end <= position and m.kind in RECIPIENTS and _fits(head.lower(), m)]
    counts = Counter(m.name for m in fitting)
    return max(reversed(fitting), key=lambda m: counts[m.name], default=None)


def _fits(head: str, mention: Mention) -> bool:
    words = mention.name.lower().split()
    return words[-1] == head or (head == "force" and mention.kind is Kind.FORCE) or \
        (mention.kind is Kind.PROGRAMME and words[0] == head)


def to_own_unit(reading: FundReading, unit: Mention | None) -> FundReading:
    """In a unit's own report (``unit``), money a named body gives with no receiver named is
    the unit's ("the Home Office provided a grant of £X for the expansion of our cyber team")."""
    if unit is None or reading.recipient is not None or reading.funder is None or reading.funder.name == unit.name:
        return reading
    return replace(reading, recipient=unit)
