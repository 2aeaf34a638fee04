"""Funds read from one construction at a time: invented sentences, small tables and lists.

Each case gives the exact funds expected as (amount, recipient, funder, period) by label;
the negatives are money that is not granted (a budget, a saving, a precept, a cost).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read, merge
from policekg.extract.model import ReadDocument

FUNDS = [
    ("committed", "The Home Office has committed £250,000 to Kent Police to tackle county lines.",
     {("250000", "Kent Police", "Home Office", None)}),
    ("contributed", "Essex Police contributed £80,000 to Kent Police in 2023/24.",
     {("80000", "Kent Police", "Essex Police", "2023/24")}),
    ("pence kept", "The Ministry of Justice awarded £12,345.67 to Kent Police for victim services.",
     {("12345.67", "Kent Police", "Ministry of Justice", None)}),
    ("cost in another clause", "The Home Office awarded £40,000 to Kent Police, but the cost of the new vans rose.",
     {("40000", "Kent Police", "Home Office", None)}),
    ("grant from a budget", "The Commissioner will allocate £25,000 from the commissioning budget to Kent Police.",
     {("25000", "Kent Police", "Office of the Kent Police and Crime Commissioner", None)}),
    ("money table with recipient column",
     "Office of the Kent Police and Crime Commissioner\n\nCommunity grant awards 2024/25\n\n"
     "Organisation\tProject\tAward\nNorthfield Youth Trust\tSummer football\t£4,500\n"
     "Riverside Women's Refuge\tPeer support\t£3,000\nTotal\t\t£7,500\n",
     {("4500", "Northfield Youth Trust", "Office of the Kent Police and Crime Commissioner", "2024/25"),
      ("3000", "Riverside Women's Refuge", "Office of the Kent Police and Crime Commissioner", "2024/25")}),
    ("two year columns",
     "Office of the Kent Police and Crime Commissioner\n\nCommunity safety grants\n\n\t2023/24\t2024/25\n"
     "Kent Police\t12000\t11500\n",
     {("12000", "Kent Police", "Office of the Kent Police and Crime Commissioner", "2023/24"),
      ("11500", "Kent Police", "Office of the Kent Police and Crime Commissioner", "2024/25")}),
    ("lead-in names the giver",
     "The Home Office has awarded the following grants for the coming year to partners in the county:\n\n"
     "Recipient\tAmount\nKent Police\t£60,000\n",
     {("60000", "Kent Police", "Home Office", None)}),
    ("awarded the force",
     "Kent Police leads the county's work on fraud. The Home Office has awarded the force £120,000 for 2024/25.",
     {("120000", "Kent Police", "Home Office", "2024/25")}),
    ("a person as giver", "Office of the Kent Police and Crime Commissioner\n\nMrs Jane Doe reported on grants from "
     "her Community Fund. Awards had gone to Northfield Youth Trust (£8,500).",
     {("8500", "Northfield Youth Trust", "Office of the Kent Police and Crime Commissioner", None)}),
    ("lead-in names money given to the office",
     "Office of the Kent Police and Crime Commissioner\n\nThe Chief Finance Officer presented the allocations of "
     "community safety funding to partners, smaller after a cut in the Home Office grant to the Office of the Kent "
     "Police and Crime Commissioner.\n\n"
     "Partner\t2024/25\nNorthfield Youth Trust\t£4,000\n",
     {("4000", "Northfield Youth Trust", "Office of the Kent Police and Crime Commissioner", "2024/25")}),
    ("the commissioner's post as giver", "Community safety grants\n\nThe Police and Crime Commissioner for Kent has "
     "awarded the following grants:\n\nRecipient\tAmount\nNorthfield Youth Trust\t£4,500\n",
     {("4500", "Northfield Youth Trust", "Office of the Kent Police and Crime Commissioner", None)}),
    ("same allocation twice", "The Home Office awarded £30,000 to Kent Police. Kent Police received £30,000 from the "
     "Home Office.", {("30000", "Kent Police", "Home Office", None)}),
]

NOT_FUNDS = [
    ("budget line", "The force's budget for 2024/25 is £3,000,000."),
    ("saving", "The force saved £2m last year by merging control rooms."),
    ("precept", "The precept for a band D property rose by £12 in 2024/25."),
    ("cost", "The cost of the new custody suite was £5m."),
    ("budget table", "Budget 2024/25\n\nItem\tAmount\nPay\t£4,000,000\nVehicles\t£300,000\n"),
    ("table of figures", "Our year in numbers\n\nMeasure\t2023/24\t2024/25\nArrests\t164\t187\nCash seized\t£1.9m\t£2.4m\n"),
]


def funds_of(text: str, nlp) -> set[tuple[str, str | None, str | None, str | None]]:
    """Every fund read from ``text``: amount, recipient label, funder label, period."""
    extraction = merge([analyse_read(ReadDocument("case.txt", clean_text(text)), nlp)])
    label = {key: entity.label for key, entity in extraction.entities.items()}
    return {(str(f.amount), label.get(f.recipient, f.recipient) if f.recipient else None,
             label.get(f.funder, f.funder) if f.funder else None, f.period) for f in extraction.funds}


@pytest.mark.parametrize(("name", "text", "expected"), FUNDS, ids=[case[0] for case in FUNDS])
def test_fund_constructions(nlp, name: str, text: str, expected: set) -> None:
    assert funds_of(text, nlp) == expected


@pytest.mark.parametrize(("name", "text"), NOT_FUNDS, ids=[case[0] for case in NOT_FUNDS])
def test_not_funds(nlp, name: str, text: str) -> None:
    assert funds_of(text, nlp) == set()


def test_pence_survive_reading() -> None:
    from policekg.extract.money import MONEY, amount, format_pounds
    match = MONEY.search("an additional £677,612.69 from the Ministry")
    value = amount(match.group("number"), match.group("unit"))
    assert value == Decimal("677612.69") and format_pounds(value) == "£677,612.69"
