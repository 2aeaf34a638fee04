"""What one fund reading holds, and which kinds of entity may give or receive money."""
from __future__ import annotations

from dataclasses import dataclass
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
