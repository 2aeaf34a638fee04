"""Funds: money granted, allocated or invested, in prose and in allocation tables."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from .mentions import Mention, is_free
from .model import Kind
from .money import CELL_UNITS, MONEY, NUMBER_CELL, PERIOD, TABLE_PERIOD, amount
from .resources import lexicon_cached, read_csv, read_lines

RECIPIENTS = (Kind.FORCE, Kind.PARTNER, Kind.PROGRAMME)
FUNDERS = (Kind.FORCE, Kind.PARTNER, Kind.PERSON)
PURPOSE = re.compile(
    r"\b(?:to|in order to) (?:support|boost|help|fund|tackle|deliver|assist|improve|provide|develop|enhance|"
    r"increase|set up|pay for|run|expand|reduce|prevent|protect|address)\b[^.;:]{3,120}",
    re.IGNORECASE,
)
TO = re.compile(r"\b(?:to|for|towards|into)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
FROM = re.compile(r"\b(?:from|by)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
RECEIVED = re.compile(r"\b(?:receiv\w+|secur\w+|accept\w+|was awarded|were awarded|has been awarded|won)\b",
                      re.IGNORECASE)
BRACKETED = re.compile(r"\s*\(\s*")
NAME_AFTER_TO = re.compile(
    r"\s+to (?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |in |& )?[A-Z][\w’'-]*){1,5})(?=[,;.:]| for | to |$)")
NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'-]*(?: (?:and |of |for |the )?[A-Z][\w’'-]*){1,5}) \($")
GIVEN = re.compile(r"\b(?:award\w*|allocat\w*|grant\w*|provid\w+|invest\w*|donat\w+|contribut\w+|gave|give\w*|fund)\b",
                   re.IGNORECASE)
CUE_WINDOW = 70
EXCLUDE_BEFORE = 60
EXCLUDE_AFTER = 30
RECEIVER_REACH = 160
PASSIVE = re.compile(r"\s+(?:had|has|have) been (?:awarded|allocated|granted)\b(?! to)")
MAX_PURPOSE_WORDS = 14
MAX_HEADING = 80
MAX_LABEL = 40
TOTAL_ROW = re.compile(r"^(?:sub-?)?totals?\b|^net\b|^gross\b", re.IGNORECASE)


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


@lexicon_cached
def _cue(kind: str) -> re.Pattern[str]:
    row = next(r for r in read_csv("fund_cues.csv") if r["kind"] == kind)
    return re.compile(row["cue"], re.IGNORECASE)


def _purpose(text: str) -> str | None:
    match = PURPOSE.search(text)
    if not match:
        return None
    words = re.split(r",? and another\b|, including\b", match.group(0))[0].split()
    return " ".join(words[:MAX_PURPOSE_WORDS]).rstrip(",")


def _parties_after(mentions: list[Mention], text: str, after: int, kinds: tuple[Kind, ...],
                   cue: re.Pattern[str]) -> Mention | None:
    """The first mention after the money introduced by ``cue`` ("to the Force", "from the Home Office")."""
    cursor = after
    for m in mentions:
        if m.start < after:
            continue
        if m.start - after > 80:
            break
        if m.kind in kinds and cue.search(text[cursor : m.start]):
            return m
        cursor = m.end
    return None


def _recipient(mentions: list[Mention], text: str, money_start: int, after: int) -> Mention | None:
    """Who receives: a name just before "(£X)" or after "fund"/"award" ("fund Barnardo's
    £420,000"), the subject of "received £X", else what the money goes "to" or "for"."""
    before = [m for m in mentions if m.end <= money_start and m.kind in RECIPIENTS]
    if before and BRACKETED.fullmatch(text[before[-1].end : money_start]):
        return before[-1]
    named = NAME_BEFORE_BRACKET.search(text, max(0, money_start - 80), money_start)
    if named and all(m.end <= named.start("name") or m.start >= named.end("name") for m in mentions):
        name = named.group("name")
        return Mention(Kind.PARTNER, named.start("name"), named.end("name"), name, name)
    if before and text[before[-1].end : money_start].strip() == "" and \
            GIVEN.search(text[max(0, before[-1].start - 12) : before[-1].start]):
        return before[-1]
    for m in reversed([m for m in before if money_start - m.end <= RECEIVER_REACH]):
        if RECEIVED.search(text[m.end : money_start]):
            return m
    found = _parties_after(mentions, text, after, RECIPIENTS, TO)
    if found is not None:
        return found
    named = NAME_AFTER_TO.match(text, after)
    if named and is_free(named.start("name"), named.end("name"), mentions):
        return Mention(Kind.PARTNER, named.start("name"), named.end("name"), named.group("name"), named.group("name"))
    return None


def _funder(mentions: list[Mention], text: str, money_start: int, after: int) -> Mention | None:
    """Who gives: what the money comes "from" or "by", else the subject of "awarded £X"."""
    found = _parties_after(mentions, text, after, FUNDERS, FROM)
    if found is not None:
        return found
    before = [m for m in mentions if m.kind in FUNDERS and m.end <= money_start]
    if before and GIVEN.search(text[before[-1].end : money_start]):
        return before[-1]
    return None


def _sentence_around(position: int, end: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence holding ``position:end``, joined with the next when the parser split the
    money itself ("£0." | "6m will be set aside")."""
    first = next((i for i, (s, e) in enumerate(sentences) if s <= position < e), None)
    if first is None:
        return position, end
    last = first
    while sentences[last][1] < end and last + 1 < len(sentences):
        last += 1
    return sentences[first][0], sentences[last][1]


def _listed_after_name(mentions: list[Mention], text: str, money_start: int) -> bool:
    """"Rhyl Youth Boxing Club (£2,500)": an amount in brackets right after a name."""
    before = [m for m in mentions if m.end <= money_start and m.kind in RECIPIENTS]
    if before and BRACKETED.fullmatch(text[before[-1].end : money_start]) is not None:
        return True
    return NAME_BEFORE_BRACKET.search(text, max(0, money_start - 80), money_start) is not None


def prose_funds(line: tuple[int, int], sentences: list[tuple[int, int]], text: str,
                mentions: list[Mention], lead_in: str = "") -> list[FundReading]:
    """Funds in one line of prose: money with a granting cue nearby (or, for a list item, in
    the line that introduces the list) and no saving/cost cue."""
    line_start, line_end = line
    body = text[line_start:line_end]
    readings: list[FundReading] = []
    introduced = bool(lead_in) and _cue("grant").search(lead_in) is not None \
        and not _cue("not-a-fund").search(lead_in)
    for match in MONEY.finditer(body):
        before = body[max(0, match.start() - CUE_WINDOW) : match.start()]
        after = body[match.end() : match.end() + CUE_WINDOW // 2]
        money_start = line_start + match.start()
        listed = _listed_after_name(mentions, text, money_start) and _cue("grant").search(body)
        if not (_cue("grant").search(before) or _cue("grant").search(after) or listed or introduced):
            continue
        near = body[max(0, match.start() - EXCLUDE_BEFORE) : match.end() + EXCLUDE_AFTER]
        if _cue("not-a-fund").search(near):
            continue
        money_end = line_start + match.end()
        start, end = _sentence_around(money_start, money_end, sentences)
        rest = text[money_end:end]
        next_money = MONEY.search(rest)
        clause = rest[: next_money.start()] if next_money else rest
        period = PERIOD.search(clause) or PERIOD.search(text[start:money_start])
        passive = PASSIVE.match(rest)
        readings.append(FundReading(
            amount=amount(match.group("number"), match.group("unit")),
            start=start, end=end, confidence=0.8,
            period=period.group(0) if period else None,
            purpose=_purpose(clause),
            funder=_funder(mentions, text, money_start, money_end),
            recipient=None if passive else _recipient(mentions, text, money_start, money_end),
        ))
    return readings


def _is_allocation_table(header: str, before: list[str]) -> bool:
    """Allocation cues in the header or the lines before it; no budget/saving cue in headings."""
    headings = " ".join([header] + [line for line in before if len(line) <= MAX_HEADING]).lower()
    context = " ".join([header] + before).lower()
    return any(cue in context for cue in read_lines("allocation_cues.txt")) and not _cue("not-a-fund").search(headings)


def table_funds(text: str, mentions: list[Mention], places: frozenset[str] = frozenset()) -> list[FundReading]:
    """One fund per amount cell of every allocation table (rows: recipient, columns: periods).

    A row's recipient is the body its first cell names; a first cell that starts with a
    place (``places``: "Kent People's Trust") names a local body even without a cue word;
    any other first cell is the purpose of the money.
    """
    lines = _lines_with_offsets(text)
    starts = [m.start for m in mentions]
    readings: list[FundReading] = []
    index = 0
    while index < len(lines):
        offset, line = lines[index]
        cells = line.split("\t")
        headers = [TABLE_PERIOD.match(c) for c in cells[1:]]
        periods = [(h.group("period"), CELL_UNITS[(h.group("unit") or "").lower() or None]) if h else None
                   for h in headers]
        if "\t" in line and any(periods):
            before = [text for _, text in lines[max(0, index - 3) : index] if "\t" not in text]
            if _is_allocation_table(line, before):
                index, rows = _table_rows(lines, index + 1)
                for row_offset, row in rows:
                    in_row = mentions[bisect_left(starts, row_offset) : bisect_left(starts, row_offset + len(row))]
                    readings.extend(_row_funds(row_offset, row, periods, in_row, places))
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


def _local_body(offset: int, cell: str, places: frozenset[str]) -> Mention | None:
    name = re.sub(r"\s*\([^)]*\)", "", cell).strip()
    if not name or name.split()[0] not in places or len(name.split()) < 2:
        return None
    return Mention(Kind.PARTNER, offset, offset + len(name), name, name)


def _row_funds(offset: int, row: str, periods: list[tuple[str, int] | None], mentions: list[Mention],
               places: frozenset[str]) -> list[FundReading]:
    cells = row.split("\t")
    name = cells[0].strip()
    if not name or TOTAL_ROW.match(name):
        return []
    name_end = offset + len(cells[0])
    recipient = next((m for m in mentions if offset <= m.start and m.end <= name_end and m.kind in RECIPIENTS),
                     None) or _local_body(offset, cells[0], places)
    readings = []
    for header, cell in zip(periods, cells[1:]):
        number = NUMBER_CELL.match(cell)
        if header is None or number is None or Decimal(number.group(1).replace(",", "")) == 0:
            continue
        period, unit = header
        readings.append(FundReading(
            amount=amount(number.group(1)) * unit, start=offset, end=offset + len(row), confidence=0.9,
            period=period, purpose=None if recipient else name, recipient=recipient,
        ))
    return readings
