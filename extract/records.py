"""Document analyses as plain JSON: the cache's format, from which nothing can run code.

An analysis is written as nested JSON arrays, one per record with its fields in a fixed
order, and read back through the same table of fields (:data:`RECORDS`). Reading checks
every value's type and range: the result is exactly a record extraction could have made,
or :class:`CorruptRecord`. The record types are a closed set named here; no class is looked
up by name and nothing is evaluated. Changing a record's fields means changing its row
below and :data:`VERSION` (a test checks the rows against the dataclasses).
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from .document import DocumentAnalysis, FundRecord
from .funds import FundReading
from .mentions import Mention
from .model import GRADES, DocumentInfo, Evidence, Judgement, Kind, Link, Predicate

VERSION = 5
MAX_OFFSET = 2**53 - 1  # the largest integer every JSON reader keeps exactly
MAX_AMOUNT_DIGITS = 30  # pounds below 10**30, to at most 30 decimal places
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:E[+-]?\d{1,3})?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_KINDS = tuple(f"{kind.value}/" for kind in Kind)


class CorruptRecord(ValueError):
    """Data that is not an analysis this version of policekg writes."""


@dataclass(frozen=True)
class Field:
    """How one field's value becomes JSON and back; ``load`` raises :class:`CorruptRecord`."""

    dump: Callable[[Any], Any]
    load: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _check(valid: bool, what: str) -> None:
    if not valid:
        raise CorruptRecord(f"expected {what}")


def _text(value: Any) -> str:
    _check(type(value) is str and (value.isascii() or not _SURROGATE.search(value)), "text")
    return value


def _offset(value: Any) -> int:
    _check(type(value) is int and 0 <= value <= MAX_OFFSET, "a character offset")
    return value


def _page(value: Any) -> int:
    _check(type(value) is int and 1 <= value <= MAX_OFFSET, "a page number")
    return value


def _flag(value: Any) -> bool:
    _check(type(value) is bool, "true or false")
    return value


def _confidence(value: Any) -> float:
    _check(type(value) is float and math.isfinite(value) and 0.0 <= value <= 1.0, "a confidence from 0 to 1")
    return value


def _amount(value: Any) -> Decimal:
    """An amount as ``str(Decimal)`` writes it: finite, unsigned, of bounded size."""
    _check(type(value) is str and len(value) <= 2 * MAX_AMOUNT_DIGITS and bool(_AMOUNT.fullmatch(value)), "an amount")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CorruptRecord("expected an amount") from None
    _check(str(number) == value and number.adjusted() < MAX_AMOUNT_DIGITS
           and -number.as_tuple().exponent <= MAX_AMOUNT_DIGITS, "an amount of sensible size")
    return number


def _key(value: Any) -> str:
    _check(type(value) is str and value.startswith(_KINDS), "an entity key")
    return _text(value)


def _sha256(value: Any) -> str:
    _check(type(value) is str and bool(_SHA256.fullmatch(value)), "a sha256 digest")
    return value


def _date(value: Any) -> str:
    _check(type(value) is str and bool(_DATE.fullmatch(value)), "a YYYY-MM-DD date")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise CorruptRecord("expected a real date") from None
    return value


def _grade(value: Any) -> str:
    _check(type(value) is str and value in GRADES, "a grade")
    return value


def _member(enum: type[Enum]) -> Field:
    members = {member.value: member for member in enum}
    what = f"a {enum.__name__}"

    def load(value: Any) -> Enum:
        _check(type(value) is str and value in members, what)
        return members[value]

    return Field(lambda member: member.value, load)


def _optional(field: Field) -> Field:
    return Field(lambda value: None if value is None else field.dump(value),
                 lambda value: None if value is None else field.load(value))


def _list(field: Field) -> Field:
    dump, load = field.dump, field.load

    def load_list(value: Any) -> list:
        _check(type(value) is list, "a list")
        return [load(item) for item in value]

    return Field(lambda items: [dump(item) for item in items], load_list)


def _record(cls: type, *fields: tuple[str, Field]) -> Field:
    """A record as an array of its fields in the order given."""
    names = tuple(name for name, _ in fields)
    dumps = tuple(field.dump for _, field in fields)
    loads = tuple(field.load for _, field in fields)
    size, what = len(loads), f"a {cls.__name__} of {len(loads)} fields"

    def dump(record: Any) -> list:
        return [to_json(getattr(record, name)) for name, to_json in zip(names, dumps)]

    def load(value: Any) -> Any:
        _check(type(value) is list and len(value) == size, what)
        return cls(*[from_json(item) for from_json, item in zip(loads, value)])

    RECORDS[cls] = names
    return Field(dump, load)


RECORDS: dict[type, tuple[str, ...]] = {}
TEXT = Field(_same, _text)
OFFSET = Field(_same, _offset)
CONFIDENCE = Field(float, _confidence)
KEY = Field(_same, _key)
OPTIONAL_TEXT = _optional(TEXT)
OPTIONAL_KEY = _optional(KEY)

EVIDENCE = _record(Evidence, ("document", TEXT), ("quote", TEXT), ("start", OFFSET), ("end", OFFSET),
                   ("confidence", CONFIDENCE), ("status", OPTIONAL_TEXT), ("page", _optional(Field(_same, _page))))
MENTION = _record(Mention, ("kind", _member(Kind)), ("start", OFFSET), ("end", OFFSET), ("text", TEXT),
                  ("name", TEXT), ("key", OPTIONAL_KEY), ("title", OPTIONAL_TEXT), ("anaphor", Field(_same, _flag)))
LINK = _record(Link, ("subject", KEY), ("predicate", _member(Predicate)), ("object", KEY), ("evidence", EVIDENCE),
               ("role", OPTIONAL_TEXT))
FUND_READING = _record(FundReading, ("amount", Field(str, _amount)), ("start", OFFSET), ("end", OFFSET),
                       ("confidence", CONFIDENCE), ("period", OPTIONAL_TEXT), ("purpose", OPTIONAL_TEXT),
                       ("funder", _optional(MENTION)), ("recipient", _optional(MENTION)))
FUND_RECORD = _record(FundRecord, ("key", KEY), ("label", TEXT), ("reading", FUND_READING), ("evidence", EVIDENCE))
JUDGEMENT = _record(Judgement, ("force", KEY), ("area", TEXT), ("grade", Field(_same, _grade)), ("year", TEXT),
                    ("document", TEXT), ("evidence", _optional(EVIDENCE)), ("area_key", OPTIONAL_TEXT),
                    ("pillar", OPTIONAL_TEXT), ("carried_over", Field(_same, _flag)))
DOCUMENT_INFO = _record(DocumentInfo, ("id", TEXT), ("source", TEXT), ("title", TEXT), ("sha256", Field(_same, _sha256)),
                        ("date", _optional(Field(_same, _date))), ("publisher", OPTIONAL_KEY),
                        ("about_force", OPTIONAL_KEY), ("inspection_year", OPTIONAL_TEXT))
ANALYSIS = _record(DocumentAnalysis, ("info", DOCUMENT_INFO), ("mentions", _list(MENTION)), ("links", _list(LINK)),
                   ("funds", _list(FUND_RECORD)), ("judgements", _list(JUDGEMENT)))


def _no_constant(name: str) -> None:
    raise CorruptRecord(f"unexpected {name}")


def dump_analysis(analysis: DocumentAnalysis) -> bytes:
    """``analysis`` as UTF-8 JSON; ``ValueError`` if it holds a value JSON cannot carry."""
    data = [VERSION, ANALYSIS.dump(analysis)]
    return json.dumps(data, ensure_ascii=False, allow_nan=False, check_circular=False,
                      separators=(",", ":")).encode("utf-8")


def load_analysis(data: bytes) -> DocumentAnalysis:
    """The analysis :func:`dump_analysis` wrote; :class:`CorruptRecord` for anything else."""
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:  # bad UTF-8, bad JSON, numbers too long, nesting too deep
        raise CorruptRecord(f"not JSON: {error}") from None
    _check(type(value) is list and len(value) == 2 and type(value[0]) is int and value[0] == VERSION,
           f"a version {VERSION} analysis")
    return ANALYSIS.load(value[1])
