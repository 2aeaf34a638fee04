"""Allocation tables: one fund per row and amount column of any tab-separated table of grants.

A table is read when it has an amount column (cells of money, "£84,500", or bare numbers
under a year heading, "2015/16") and its heading, header row or lead-in sentence speaks of
granting money with no saving/cost/budget veto ("Grant awards 2024/25", "The Commissioner
awarded the following grants:"). Two year columns give two funds per row.

The rows' funder is the body the heading or lead-in names as giving ("… awarded by the
Home Office:"), else the document's issuer (a commissioner's grant list is the
commissioner's office's). A lead-in that takes the money "from the … budget" names no funder
and keeps the issuer out too: the table only shares out money already held; when it names
a commissioner's office as the budget's owner ("from the OPCC commissioning budget"), the
office is the funder.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from .clauses import word_classes
from .fund_cues import allocation_phrases, clause_at, cue, granting, vetoed
from .fund_reading import FUNDERS, RECIPIENTS, FundReading, named_again
from .mentions import Mention
from .model import Kind
from .resolve import is_office
from .money import CELL_UNITS, MONEY, NUMBER_CELL, PERIOD, TABLE_PERIOD, amount

# What may stand between a giver and the body its money goes to: "… grant to the …".
GIVEN_TO = re.compile(r"(?:\s+\S+){1,3}?\s+to\s+(?:the\s+)?")

MAX_HEADING = 80
MAX_LABEL = 40
LEAD_LINES = 3
# A name in a recipient column: capitalised words, with "and", "of", "for", "the" between,
# and numbers after the first ("Haven 42").
NAME_CELL = re.compile(r"^[A-Z][\w’'&.-]*(?: (?:and |of |for |the |& )?[A-Z0-9][\w’'.-]*){1,7}$")
TOTAL_ROW = re.compile(r"^(?:sub-?)?totals?\b|^net\b|^gross\b", re.IGNORECASE)
# A giver's giving verb follows within a few words ("The Commissioner has today awarded"); its
# "from"/"by" and grant word come within a few words before it ("grants awarded by the …").
GIVER_WORDS = 3
GIVER_REACH = 40


@dataclass(frozen=True)
class Parties:
    """Where a table's rows name their parties: the recipient and funder columns (if any),
    and the document's mentions, for a body a cell names again ("grants to the partnership")."""

    recipient_column: int | None
    giver_column: int | None
    earlier: list[Mention]
    bidder: Mention | None = None


@dataclass(frozen=True)
class Column:
    """An amount column: its index, its period and the multiplier of its bare numbers."""

    index: int
    period: str | None
    unit: int


def table_funds(text: str, mentions: list[Mention], places: frozenset[str] = frozenset(),
                issuer: Mention | None = None) -> list[FundReading]:
    """Funds in every allocation table of ``text``.

    A row's recipient is the body its recipient column (or, without one, its first cell, then
    any cell) names; a first cell that starts with a place (``places``: "Kent People's Trust")
    names a local body even without a cue word; any other first cell is the money's purpose.
    """
    lines = _lines_with_offsets(text)
    starts = [m.start for m in mentions]
    readings: list[FundReading] = []
    index = 0
    while index < len(lines):
        offset, line = lines[index]
        if "\t" not in line:
            index += 1
            continue
        end, rows = _table_rows(lines, index + 1)
        header = line
        if _money_cells(line):
            header, rows = "", [lines[index]] + rows
        above = [(o, t) for o, t in lines[max(0, index - LEAD_LINES) : index] if "\t" not in t]
        before = [t for _, t in above]
        columns = _amount_columns(header, [r for _, r in rows], _heading_period(before))
        allocation = _is_allocation(header, before)
        giver_column = _column(header, "funder-column")
        if columns and (allocation or _funded_by_rows(giver_column, header, before)):
            said = [(o, t) for o, t in above if len(t) <= MAX_HEADING or o == above[-1][0]]
            in_said = [mentions[bisect_left(starts, o) : bisect_left(starts, o + len(t))] for o, t in said]
            funder = _lead_funder(said, in_said, issuer) if allocation else None
            parties = Parties(_column(header, "recipient-column"), giver_column, mentions, _bidder(said, in_said))
            for row_offset, row in rows:
                in_row = mentions[bisect_left(starts, row_offset) : bisect_left(starts, row_offset + len(row))]
                giver = _cell_giver(row_offset, row, giver_column, in_row) or funder
                if giver is not None or allocation:
                    readings.extend(_row_funds(row_offset, row, columns, in_row, places, giver, parties))
            index = end
            continue
        index += 1
    return readings


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    result: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            result.append((position, line))
        position += len(line) + 1
    return result


def _table_rows(lines: list[tuple[int, str]], index: int) -> tuple[int, list[tuple[int, str]]]:
    """Rows after a header; a short label line between rows ("Organisation", "New") is skipped."""
    rows = []
    while index < len(lines):
        line = lines[index][1]
        if "\t" in line:
            rows.append(lines[index])
        elif not (len(line) <= MAX_LABEL and index + 1 < len(lines) and "\t" in lines[index + 1][1]):
            break
        index += 1
    return index, rows


def _money_cells(line: str) -> bool:
    return any(MONEY.match(cell.strip()) for cell in line.split("\t")[1:])


def _heading_period(before: list[str]) -> str | None:
    """The period a short heading gives the whole table ("Community awards 2024/25")."""
    for line in reversed(before):
        found = PERIOD.search(line) if len(line) <= MAX_HEADING else None
        if found:
            return found.group(0)
    return None


def _amount_columns(header: str, rows: list[str], default_period: str | None) -> list[Column]:
    """Columns headed by a year (bare numbers below) or holding money in most rows."""
    heads = header.split("\t") if header else []
    width = max([len(heads)] + [len(r.split("\t")) for r in rows])
    data = [r.split("\t") for r in rows if not TOTAL_ROW.match(r.split("\t")[0].strip())]
    columns = []
    for index in range(1, width):
        head = heads[index] if index < len(heads) else ""
        year = TABLE_PERIOD.match(head)
        money = sum(1 for cells in data if index < len(cells) and MONEY.match(cells[index].strip()))
        if year:
            unit = CELL_UNITS[(year.group("unit") or "").lower() or None]
            columns.append(Column(index, year.group("period"), unit))
        elif data and 2 * money >= len(data):
            period = PERIOD.search(head)
            columns.append(Column(index, period.group(0) if period else default_period, 1))
    return columns


def _is_allocation(header: str, before: list[str]) -> bool:
    """A granting heading, header or lead-in, and no veto in the headings or header row.

    A long lead-in vetoes the table only when none of its clauses grants: "The budget is
    £3m, shared by the forces:" does; "To approve these awards, funded from the budget:" not.
    """
    headings = [header] + [line for line in before if len(line) <= MAX_HEADING]
    lead = " ".join(line for line in before if len(line) > MAX_HEADING)
    if any(vetoed(line) for line in headings):
        return False
    context = " ".join([header] + before).lower()
    if any(phrase in context for phrase in allocation_phrases()):
        return True
    if lead and vetoed(lead) and not granting(lead):
        return False
    return any(cue("grant").search(line) for line in headings) or granting(lead)


def _lead_funder(said: list[tuple[int, str]], mentions: list[list[Mention]], issuer: Mention | None) -> Mention | None:
    """Who gives the table's money, from its headings and the line just before it: the
    subject of a giving verb ("The Commissioner has awarded"), or the body after "from"/"by"
    following a grant word ("grants awarded by the Home Office"); else the document's issuer.
    Money taken "from the … budget" has no funder to name unless the budget's owner is
    a commissioner's office ("from the OPCC commissioning budget")."""
    for (offset, line), in_line in zip(said, mentions):
        for source in (s for s in cue("own-source").finditer(line) if not _negated(line, s.start())):
            return next((m for m in in_line if (is_office(m) or m.kind is Kind.PERSON)
                         and offset + source.start() <= m.start and m.end <= offset + source.end()), None)
    for (offset, line), in_line in zip(said, mentions):
        for m in (m for m in in_line if m.kind in FUNDERS):
            before = line[max(0, m.start - offset - GIVER_REACH) : m.start - offset]
            after = " ".join(line[m.end - offset :].split()[:GIVER_WORDS])
            if cue("given").search(after) and not cue("received").search(after) \
                    and not re.search(r"\bto\s+(?:the\s+)?$", before) and not _gives_to_a_name(m, in_line, line, offset):
                return m
            if re.search(r"\b(?:from|by)\s+(?:the\s+)?$", before) and cue("grant").search(before) \
                    and not _negated(line, m.start - offset):
                return m
    return issuer


def _negated(line: str, position: int) -> bool:
    """"… which would not otherwise be funded from the force's budget": a negation earlier in
    the clause of ``position`` (the ``negation`` words of ``link_words.csv``)."""
    start, _ = clause_at(line, position)
    return bool(set(re.findall(r"[\w']+", line[start:position].lower())) & set(word_classes()["negation"]))


def _bidder(said: list[tuple[int, str]], mentions: list[list[Mention]]) -> Mention | None:
    """"Two bids from Northshire Police were approved:": the body whose bids the table's rows
    are receives every row's money (the rows name its projects)."""
    for (offset, line), in_line in zip(said, mentions):
        for m in (m for m in in_line if m.kind in (Kind.FORCE, Kind.PARTNER)):
            if cue("bidder").search(line, 0, m.start - offset):
                return m
    return None


def _gives_to_a_name(giver: Mention, in_line: list[Mention], line: str, offset: int) -> bool:
    """"the Home Office grant to the Commissioner": the giver's money goes to a body the line
    names, not to the rows of the table below."""
    return any(m.start > giver.end and GIVEN_TO.fullmatch(line, giver.end - offset, m.start - offset) for m in in_line)


def _column(header: str, kind: str) -> int | None:
    """The column whose heading is a cue of ``kind`` ("recipient-column": "Organisation";
    "funder-column": "Source", "Funder")."""
    heads = header.split("\t") if header else []
    return next((i for i, head in enumerate(heads) if cue(kind).match(head)), None)


def _funded_by_rows(giver_column: int | None, header: str, before: list[str]) -> bool:
    """A table naming each row's giver ("Source | Purpose | Amount") lists money given, even
    below a lead-in that speaks of no grant, unless a heading or its header row is a budget's
    or a saving's."""
    headings = [header] + [line for line in before if len(line) <= MAX_HEADING]
    return giver_column is not None and not any(vetoed(line) for line in headings)


def _cell_giver(offset: int, row: str, giver_column: int | None, mentions: list[Mention]) -> Mention | None:
    """The body a row's funder cell names (a force, an organisation; not a person)."""
    if giver_column is None:
        return None
    cells = row.split("\t")
    if giver_column >= len(cells):
        return None
    start = offset + sum(len(cell) + 1 for cell in cells[:giver_column])
    end = start + len(cells[giver_column])
    return next((m for m in mentions if start <= m.start and m.end <= end and m.kind in (Kind.FORCE, Kind.PARTNER)),
                None)


def _local_body(offset: int, cell: str, places: frozenset[str]) -> Mention | None:
    name = re.sub(r"\s*\([^)]*\)", "", cell).strip()
    if not name or name.split()[0] not in places or len(name.split()) < 2:
        return None
    return Mention(Kind.PARTNER, offset, offset + len(name), name, name)


def _cell_recipient(cells: list[str], offset: int, mentions: list[Mention], places: frozenset[str],
                    parties: Parties, amounts: set[int]) -> Mention | None:
    """The body the row names in its recipient column, else in any cell but the amounts and
    the giver's; else a body a cell names again ("Community safety grants to the partnership")."""
    recipient_column = parties.recipient_column
    order = ([recipient_column] if recipient_column is not None else []) + \
        [i for i in range(len(cells)) if i != recipient_column and i not in amounts and i != parties.giver_column]
    bounds = []
    position = offset
    for cell in cells:
        bounds.append((position, position + len(cell)))
        position += len(cell) + 1
    for index in order:
        if index >= len(cells):
            continue
        start, end = bounds[index]
        found = next((m for m in mentions if start <= m.start and m.end <= end and m.kind in RECIPIENTS), None)
        if found is None and index == 0:
            found = _local_body(start, cells[0], places)
        if index == recipient_column and (found is None or _inside_name(found, start, cells[index])):
            found = _named_cell(start, cells[index]) or found
        if found is not None:
            return found
    heads = (cue("recipient-head").search(cells[i]) for i in order if i < len(cells))
    head = next((h for h in heads if h), None)
    return named_again(head.group("head"), parties.earlier, offset) if head else None


def _inside_name(mention: Mention, offset: int, cell: str) -> bool:
    """"Brightwater Women's Aid": a known body's name ends a longer name that fills the
    recipient cell; the cell names a local body of its own."""
    name = NAME_CELL.match(re.sub(r"\s*\([^)]*\)", "", cell).strip())
    return name is not None and mention.start > offset and mention.end == offset + name.end()


def _named_cell(offset: int, cell: str) -> Mention | None:
    """A recipient column's cell that is a name ("Solent Youth Horizons"), as an organisation."""
    name = NAME_CELL.match(re.sub(r"\s*\([^)]*\)", "", cell).strip())
    if name is None:
        return None
    return Mention(Kind.PARTNER, offset, offset + len(name.group(0)), name.group(0), name.group(0))


def _cell_amount(cell: str, unit: int) -> tuple[Decimal, str | None] | None:
    """The money of a cell ("£84,500", "£2.4m over four years", "28858") and any period in it."""
    money = MONEY.match(cell.strip())
    if money:
        period = PERIOD.search(cell, money.end())
        return amount(money.group("number"), money.group("unit")), period.group(0) if period else None
    number = NUMBER_CELL.match(cell)
    if number:
        return amount(number.group(1)) * unit, None
    return None


def _row_funds(offset: int, row: str, columns: list[Column], mentions: list[Mention], places: frozenset[str],
               funder: Mention | None, parties: Parties) -> list[FundReading]:
    cells = row.split("\t")
    name = cells[0].strip()
    if not name or TOTAL_ROW.match(name):
        return []
    recipient = parties.bidder or _cell_recipient(cells, offset, mentions, places, parties, {c.index for c in columns})
    if parties.giver_column == 0:
        name = next((cell.strip() for i, cell in enumerate(cells[1:], 1)
                     if cell.strip() and i not in {c.index for c in columns}), name)
    readings = []
    for column in columns:
        read = _cell_amount(cells[column.index], column.unit) if column.index < len(cells) else None
        if read is None or read[0] == 0:
            continue
        value, cell_period = read
        readings.append(FundReading(
            amount=value, start=offset, end=offset + len(row), confidence=0.9,
            period=cell_period or column.period, purpose=name if recipient is None or parties.bidder else None,
            funder=funder, recipient=recipient,
        ))
    return readings
