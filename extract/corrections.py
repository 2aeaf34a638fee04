"""The corrections file: an analyst's decisions about the graph, kept as data beside the corpus.

No extractor is perfect, and an analyst's decision ("these two names are one chairman",
"this link is wrong") must survive every rebuild. So decisions live in a CSV file an
analyst edits in a spreadsheet or a text editor, ``corrections.csv`` in the corpus folder
(or one given with ``policekg build --corrections FILE``), and every build applies them
(:mod:`.correct`). CSV, not YAML: it needs nothing beyond the standard library and opens
in any spreadsheet.

The file has a header row naming its columns (any order; ``role`` and ``quote`` may be
left out) and one decision per row::

    action,subject,predicate,object,role,quote,note,source,analyst,date
    merge,P M Hill,,Mike Hill,,,Same chairman,panel minutes,A Analyst,2026-12-05

A row whose first cell starts with ``#`` is a comment (``policekg review`` writes its
suggestions that way: delete the ``#`` to make one a decision). Anything else that is not
a decision is a :class:`CorrectionsError` naming the file and line.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import PoliceKGError
from .model import Kind, Predicate

FILE_NAME = "corrections.csv"
COLUMNS = ("action", "subject", "predicate", "object", "role", "quote", "note", "source", "analyst", "date")
OPTIONAL_COLUMNS = frozenset({"predicate", "object", "role", "quote"})
REQUIRED_CELLS = ("subject", "note", "source", "analyst", "date")
# What each action needs besides the cells every decision needs, and what it means.
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "merge": (("object",), "the entity named by subject becomes one with the entity named by object"),
    "rename": (("object",), "the entity named by subject gets object as its label"),
    "kind": (("object",), "the entity named by subject is of the kind object (Person, PoliceForce, ...)"),
    "reject-entity": ((), "the entity named by subject is not an entity: it and its links go"),
    "reject-link": (("predicate", "object"), "no link subject-predicate-object; every reading of it goes"),
    "add-link": (("predicate", "object", "quote"), "a link subject-predicate-object, read in source's quote"),
    "add-post": (("object", "role", "quote"), "person subject holds post role in organisation object"),
    "distinct": (("object",), "the entities named by subject and object are two, not one"),
    "keep": ((), "the entity (or fund) named by subject is right as it is, linked or not"),
}


def link_predicate(text: str) -> Predicate:
    """The link type a decision names ("collaboratesWith", "pko:collaboratesWith", "org:memberOf");
    ``ValueError`` for any other text."""
    name = text.strip().removeprefix("pko:").removeprefix("org:").lower()
    for predicate in Predicate:
        if predicate.value.lower() == name:
            return predicate
    raise ValueError(f"{text!r} is not a link type (one of {', '.join(p.value for p in Predicate)})")


def entity_kind(text: str) -> Kind:
    """The kind a ``kind`` decision names ("Person", "PartnerOrganisation", ...; funds are not
    re-kinded); ``ValueError`` for any other text."""
    for kind in Kind:
        if kind is not Kind.FUND and kind.value.lower() == text.strip().lower():
            return kind
    names = ", ".join(kind.value for kind in Kind if kind is not Kind.FUND)
    raise ValueError(f"{text!r} is not a kind of entity (one of {names})")


class CorrectionsError(PoliceKGError):
    """A corrections file that cannot be read as decisions; the message names file and line."""


@dataclass(frozen=True)
class Decision:
    """One row of a corrections file, as written (names are resolved when applied)."""

    file: str
    line: int
    action: str
    subject: str
    note: str
    source: str
    analyst: str
    date: str
    predicate: str = ""
    object: str = ""
    role: str = ""
    quote: str = ""

    @property
    def where(self) -> str:
        """"corrections.csv line 4": where the decision is written, for messages."""
        return f"{self.file} line {self.line}"


def corrections_files(paths: list[str | os.PathLike[str]], given: str | os.PathLike[str] | None) -> list[Path]:
    """The corrections files a build applies: ``given`` if any, else ``corrections.csv`` in each folder built."""
    if given is not None:
        return [Path(given)]
    found = (Path(path) / FILE_NAME for path in paths if Path(path).is_dir())
    return [path for path in found if path.is_file()]


def read_corrections(path: str | os.PathLike[str]) -> list[Decision]:
    """Every decision in the file at ``path``, in file order; :class:`CorrectionsError` for
    a file that cannot be read or a row that is not a whole decision."""
    name = Path(path).as_posix()
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorrectionsError(f"{name}: cannot read corrections ({error})") from None
    if not rows:
        raise CorrectionsError(f"{name} line 1: no header row (expected columns {', '.join(COLUMNS)})")
    header = [cell.strip().lower() for cell in rows[0]]
    _check_header(name, header)
    decisions = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            raise CorrectionsError(f"{name} line {number}: {len(row)} cells, but the header names {len(header)}")
        cells = {column: " ".join(cell.split()) for column, cell in zip(header, row)}
        decisions.append(_decision(name, number, cells))
    return decisions


def _check_header(name: str, header: list[str]) -> None:
    unknown = [column for column in header if column not in COLUMNS]
    if unknown:
        raise CorrectionsError(f"{name} line 1: unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")
    missing = [column for column in COLUMNS if column not in header and column not in OPTIONAL_COLUMNS]
    if missing:
        raise CorrectionsError(f"{name} line 1: no column {missing[0]!r} (columns: {', '.join(COLUMNS)})")
    if len(set(header)) != len(header):
        raise CorrectionsError(f"{name} line 1: a column is named twice")


def _decision(name: str, line: int, cells: dict[str, str]) -> Decision:
    action = cells.get("action", "").lower()
    if action not in ACTIONS:
        raise CorrectionsError(f"{name} line {line}: unknown action {action!r} (actions: {', '.join(ACTIONS)})")
    needed, _ = ACTIONS[action]
    for column in REQUIRED_CELLS + needed:
        if not cells.get(column):
            raise CorrectionsError(f"{name} line {line}: {action} needs a value for {column}")
    try:
        date.fromisoformat(cells["date"])
    except ValueError:
        raise CorrectionsError(f"{name} line {line}: date {cells['date']!r} is not a YYYY-MM-DD date") from None
    if len(cells["date"]) != 10:
        raise CorrectionsError(f"{name} line {line}: date {cells['date']!r} is not a YYYY-MM-DD date")
    try:
        if cells.get("predicate") and action in ("reject-link", "add-link"):
            link_predicate(cells["predicate"])
        if action == "kind":
            entity_kind(cells["object"])
    except ValueError as error:
        raise CorrectionsError(f"{name} line {line}: {error}") from None
    fields = {column: cells.get(column, "") for column in COLUMNS if column != "action"}
    return Decision(name, line, action, **fields)


def decision_row(action: str, subject: str, *, predicate: str = "", obj: str = "", role: str = "", quote: str = "",
                 note: str = "", source: str = "", analyst: str = "", day: str = "") -> list[str]:
    """The cells of one decision in :data:`COLUMNS` order (what ``policekg review`` suggests)."""
    values = {"action": action, "subject": subject, "predicate": predicate, "object": obj, "role": role,
              "quote": quote, "note": note, "source": source, "analyst": analyst, "date": day}
    return [values[column] for column in COLUMNS]
