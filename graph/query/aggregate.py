"""Answers summed up: one row per partner, programme or post, and money totalled.

A saved question that reads evidence returns one row per statement (``--evidence`` shows
them). Grouped on its ``# group:`` columns, each group becomes one row holding how many
evidence statements it has, their statuses, their documents and one representative quote:
the quote of the most confident statement, the shortest when several are as confident (then
the first in code-point order), so the same graph always gives the same row.

Funds are totalled once each (a fund read with two recipients still counts once in a total
over both): by any of funder, recipient and period (:func:`fund_totals`), and overall and
per period under a listing (:func:`fund_footer`).
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from pyoxigraph import Literal, NamedNode

from policekg.extract.money import pounds_for_reading

from policekg.graph.query.results import QueryError, QueryResult, Term, plain

STATEMENT = "statement"  # the column naming each evidence statement, counted as "evidence"
LISTED = {"status": "statuses", "document": "documents"}  # columns listed per group, and the list's name
QUOTE = "quote"
CONFIDENCE = "confidence"
FUND, AMOUNT = "fund", "amount"
TOTAL_BY = {"funder": "from", "recipient": "to", "period": "period"}  # a totals key and its column
_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_DECIMAL = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def _column(result: QueryResult, name: str) -> int:
    try:
        return result.variables.index(name)
    except ValueError:
        raise QueryError(f"the question has no column {name!r} to group or total by") from None


def summarise(result: QueryResult, keys: Sequence[str]) -> QueryResult:
    """One row per distinct value of the ``keys`` columns, in the order groups first appear."""
    key_index = [_column(result, key) for key in keys]
    statement = _column(result, STATEMENT)
    listed = [(result.variables.index(name), plural) for name, plural in LISTED.items() if name in result.variables]
    quote = result.variables.index(QUOTE) if QUOTE in result.variables else None
    groups: dict[tuple[Term | None, ...], list[tuple[Term | None, ...]]] = {}
    for row in result.rows:
        groups.setdefault(tuple(row[i] for i in key_index), []).append(row)
    rows = []
    for key, members in groups.items():
        count = len({row[statement] for row in members if row[statement] is not None})
        cells: list[Term | None] = [*key, Literal(str(count), datatype=_INTEGER)]
        cells += [_joined(row[i] for row in members) for i, _ in listed]
        if quote is not None:
            cells.append(_representative(result, members, quote))
        rows.append(tuple(cells))
    variables = [*keys, "evidence", *(plural for _, plural in listed)] + ([QUOTE] if quote is not None else [])
    return QueryResult("select", variables=variables, rows=rows, money=result.money)


def _joined(terms) -> Literal | None:
    """The distinct values, in code-point order, joined with "; "; unbound when there are none."""
    values = sorted({plain(term) for term in terms if term is not None})
    return Literal("; ".join(values)) if values else None


def _representative(result: QueryResult, members: list, quote: int) -> Literal | None:
    """The quote of the most confident statement; the shortest, then the first, among equals."""
    confidence = result.variables.index(CONFIDENCE) if CONFIDENCE in result.variables else None
    quoted = [(-_number(row[confidence]) if confidence is not None else 0, len(row[quote].value), row[quote].value)
              for row in members if row[quote] is not None]
    return Literal(min(quoted)[2]) if quoted else None


def _number(term: Term | None) -> Decimal:
    try:
        return Decimal(plain(term)) if term is not None else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def _funds(result: QueryResult) -> dict[Term, Decimal | None]:
    """Each fund of a funds answer once, with its amount (``None`` when it has none)."""
    fund, amount = _column(result, FUND), _column(result, AMOUNT)
    funds: dict[Term, Decimal | None] = {}
    for row in result.rows:
        funds.setdefault(row[fund], _number(row[amount]) if row[amount] is not None else None)
    return funds


def fund_totals(result: QueryResult, by: Sequence[str]) -> QueryResult:
    """One row per combination of the ``by`` parties (``funder``, ``recipient``, ``period``):
    how many allocations and their total, each fund counted once per group."""
    unknown = [name for name in by if name not in TOTAL_BY]
    if unknown or not by:
        raise QueryError(f"total funds by {', '.join(TOTAL_BY)} (got {', '.join(unknown) or 'nothing'})")
    columns = [column for name, column in TOTAL_BY.items() if name in by]
    key_index = [_column(result, column) for column in columns]
    amounts = _funds(result)
    fund = _column(result, FUND)
    groups: dict[tuple[Term | None, ...], set[Term]] = {}
    for row in result.rows:
        groups.setdefault(tuple(row[i] for i in key_index), set()).add(row[fund])
    rows = []
    for key in sorted(groups, key=lambda key: [plain(term) for term in key]):
        known = [amounts[item] for item in groups[key] if amounts[item] is not None]
        rows.append((*key, Literal(str(len(groups[key])), datatype=_INTEGER),
                     Literal(str(sum(known, Decimal(0))), datatype=_DECIMAL)))
    return QueryResult("select", variables=[*columns, "allocations", "total"], rows=rows, money=frozenset({"total"}))


def fund_footer(result: QueryResult) -> str:
    """The total of a funds listing, then its total per period: "total: £1,234 in 5 allocations"."""
    if not result.rows:
        return ""
    amounts = _funds(result)
    period = _column(result, "period")
    fund = _column(result, FUND)
    periods: dict[str, set[Term]] = {}
    for row in result.rows:
        periods.setdefault(plain(row[period]) or "no period", set()).add(row[fund])
    lines = [f"total: {_sum_text(amounts, amounts)}"]
    lines += [f"  {name}: {_sum_text(amounts, funds)}" for name, funds in sorted(periods.items())]
    return "\n".join(lines)


def _sum_text(amounts: dict[Term, Decimal | None], funds) -> str:
    known = [amounts[item] for item in funds if amounts[item] is not None]
    text = f"{pounds_for_reading(sum(known, Decimal(0)))} in {len(known)} allocation{'s' * (len(known) != 1)}"
    missing = len(list(funds)) - len(known)
    return text + (f" ({missing} more without an amount)" if missing else "")
