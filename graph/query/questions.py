"""Saved questions: named SPARQL questions with parameters, asked by ``policekg ask``, the API and the endpoint.

Saved questions live in ``queries/*.rq``. Each file begins with comment lines::

    # name: collaborators
    # description: what it answers
    # param: org — an organisation's name (label or alias, any case)
    # group: partner

A parameter is bound as a plain string literal to the variable of the same name
(``?org``), which the query must project (pyoxigraph only substitutes projected
variables; :func:`ask` drops those constant columns from the answer). ``# param: name?``
marks an optional parameter, bound to "" when left out (pyoxigraph's ``BOUND()`` is false
for a substituted variable, so queries test ``?name = ""``; a question whose parameters are
all optional needs at least one of them); ``# param: name*2`` one given twice, bound to ``?name1`` and ``?name2``.
``# year: from, to`` marks parameters that are years, not names: "2016", "2018/19", "2018-19",
"FY2018/19" (:func:`~policekg.extract.periods.read_period`); ``?from`` is bound to the year as
PEEL writes it ("2018/19", which a judgement's ``pko:year`` matches) and ``?fromStart``,
``?fromEnd`` to its first and last days (``xsd:date``), which the query projects too.
``# money: amount`` marks columns of amounts in pounds, which tables show as "£96,782".
``# group: partner`` makes the answer one row per partner, summing up its evidence rows
(:func:`policekg.graph.query.aggregate.summarise`; ``evidence=True`` gives the rows themselves);
``# totals: fund`` marks a listing of funds, one ``?fund`` per allocation, which tables end
with its totals and which ``by`` totals by funder, recipient or period.
``queries/README.md`` says how to write a question that stays fast on a big graph.

Every name given is looked up first (:mod:`policekg.graph.query.known_names`): one no entity has
raises :class:`~policekg.graph.query.known_names.UnknownName` with the closest names, so an empty
answer always means that the graph holds nothing for names it knows.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store

from policekg.extract.periods import period_label, read_period

from policekg.graph.query.aggregate import FUND, STATEMENT, fund_footer, fund_totals, summarise
from policekg.graph.rdf.search_names import search_name
from policekg.graph.query.known_names import check_names, store_names
from policekg.graph.query.results import QueryError, QueryResult
from policekg.graph.query.running import run_query, with_labels

QUERY_DIR = Path(__file__).with_name("queries")


@dataclass(frozen=True)
class SavedQuestion:
    """A named SPARQL question with parameters, read from a ``queries/*.rq`` file.

    ``params`` lists (name, help); ``optional`` names the parameters that may be left out
    and ``repeats`` how many values a repeated parameter takes. ``money`` names the columns
    holding amounts in pounds (``# money: amount``), which tables show as "£96,782". ``group``
    names the columns an answer has one row per (``# group: partner``); ``totals`` says the
    answer lists funds, one ``?fund`` per allocation (``# totals: fund``).
    """

    name: str
    description: str
    params: list[tuple[str, str]]
    text: str
    optional: frozenset[str] = frozenset()
    repeats: Mapping[str, int] = field(default_factory=dict)
    money: frozenset[str] = frozenset()
    group: tuple[str, ...] = ()
    totals: bool = False
    years: frozenset[str] = frozenset()


_HEADER_LINE = re.compile(r"#\s*(name|description|param|money|group|totals|year):\s*(.*)")
YEAR_BOUNDS = ("Start", "End")  # suffixes of the variables a year parameter's first and last days are bound to
_DATE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
_PARAM = re.compile(r"([A-Za-z_]\w*)(\?|\*(\d+))?\s*(?:—|–|-)\s*(.+)")


def _parse_question(path: Path) -> SavedQuestion:
    """Read a saved question's header comments and text (``ValueError`` if the header is malformed)."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: list[tuple[str, str]] = []
    optional: set[str] = set()
    repeats: dict[str, int] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        if match is None:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key != "param":
            fields[key] = value
            continue
        param = _PARAM.fullmatch(value)
        if param is None:
            raise ValueError(f"{path}: malformed parameter line {line!r}; expected '# param: name — help'")
        name, marker, count, help_text = param.groups()
        params.append((name, help_text))
        if marker == "?":
            optional.add(name)
        elif count:
            repeats[name] = int(count)
    if "name" not in fields:
        raise ValueError(f"{path}: no '# name:' line")
    money = frozenset(fields.get("money", "").replace(",", " ").split())
    group = tuple(fields.get("group", "").replace(",", " ").split())
    years = frozenset(fields.get("year", "").replace(",", " ").split())
    return SavedQuestion(fields["name"], fields.get("description", ""), params, text, frozenset(optional), repeats,
                         money, group, fields.get("totals", "").strip() == FUND, years)


@cache
def _questions() -> tuple[SavedQuestion, ...]:
    return tuple(sorted((_parse_question(path) for path in QUERY_DIR.glob("*.rq")), key=lambda q: q.name))


def saved_questions() -> list[SavedQuestion]:
    """Every saved question, by name."""
    return list(_questions())


def _question(name: str) -> SavedQuestion:
    for question in _questions():
        if question.name == name:
            return question
    known = ", ".join(question.name for question in _questions())
    raise QueryError(f"no saved question {name!r}; the saved questions are {known}")


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def question_bindings(question: SavedQuestion, values: Mapping[str, str | list[str]]) -> dict[str, Literal]:
    """The variable bindings for a question's parameter values; :class:`QueryError` names what is missing.

    A blank (empty or whitespace-only) value is refused for a required parameter, since it could
    match nothing, and counts as left out for an optional one.
    """
    names = [name for name, _ in question.params]
    unknown = sorted(set(values) - set(names))
    if unknown:
        expected = ", ".join(names) or "no parameters"
        raise QueryError(f"{question.name} does not take {', '.join(unknown)}; it takes {expected}")
    given = {name: _as_list(values.get(name)) for name in names}
    for name, help_text in question.params:
        if any(not value.strip() for value in given[name]):
            if name not in question.optional:
                raise QueryError(f"{question.name}: {name} is empty; give {help_text}")
            given[name] = [value for value in given[name] if value.strip()]  # a blank optional value is left out
    bindings: dict[str, Literal] = {}
    for name, help_text in question.params:
        count = question.repeats.get(name, 1)
        if not given[name] and name in question.optional:
            bindings[name] = Literal("")
            continue
        if len(given[name]) != count:
            times = "" if count == 1 else f" {count} times (got {len(given[name])})"
            raise QueryError(f"{question.name} needs {name}{times}: {help_text}")
        if name in question.years:
            bindings.update(_year_bindings(question, name, help_text, given[name][0]))
            continue
        suffixes = [""] if name not in question.repeats else [str(i) for i in range(1, count + 1)]
        bindings.update({f"{name}{suffix}": Literal(search_name(value)) for suffix, value in zip(suffixes, given[name])})
    if names and not any(given.values()):
        raise QueryError(f"{question.name} needs at least one of {', '.join(names)}")
    return bindings


def _year_bindings(question: SavedQuestion, name: str, help_text: str, value: str) -> dict[str, Literal]:
    """A year parameter's bindings: the year as PEEL writes it, and its first and last days."""
    period = read_period(value)
    if period is None:
        raise QueryError(f"{question.name}: {name} {value!r} is not a year; give {help_text}")
    start, end = (Literal(day.isoformat(), datatype=_DATE) for day in (period.start, period.end))
    return {name: Literal(period_label(period)), f"{name}{YEAR_BOUNDS[0]}": start, f"{name}{YEAR_BOUNDS[1]}": end}


def ask(store: Store, name: str, values: Mapping[str, str | list[str]], *, evidence: bool = False,
        by: Sequence[str] = ()) -> QueryResult:
    """Answer saved question ``name`` with parameter ``values`` (a list for a repeated parameter).

    Every value but a year is a name, looked up first: one no entity has raises
    :class:`~policekg.graph.query.known_names.UnknownName` with the closest names. A question with a
    ``# group:`` line answers one row per group, or with ``evidence`` one row per statement; a
    funds question totals by ``by`` (any of ``funder``, ``recipient``, ``period``), and its
    listing's table ends with the totals. The parameter columns, constant by construction, are
    left out of the answer; the labels of its IRIs come with it, for tables.
    """
    question = _question(name)
    if evidence and not question.group:
        raise QueryError(f"{name} answers one row per item already; evidence rows are for "
                         f"{', '.join(q.name for q in _questions() if q.group)}")
    if by and not question.totals:
        raise QueryError(f"{name} has no amounts to total; totals are for "
                         f"{', '.join(q.name for q in _questions() if q.totals)}")
    bindings = question_bindings(question, values)
    names = [value for name, given in values.items() if name not in question.years for value in _as_list(given)]
    check_names(names, store_names(store))
    result = run_query(store, question.text, bindings)
    _keep(result, [variable for variable in result.variables if not _is_parameter(question, variable)])
    result.money = question.money
    if question.group:
        result = _keep(result, [v for v in result.variables if v != STATEMENT]) if evidence else \
            summarise(result, question.group)
    elif question.totals:
        if by:
            result = fund_totals(result, by)
        else:
            result.footer = fund_footer(result)
            _keep(result, [variable for variable in result.variables if variable != FUND])
    return with_labels(store, result)


def _keep(result: QueryResult, variables: list[str]) -> QueryResult:
    """``result`` with only the columns ``variables``, in their order."""
    index = [result.variables.index(variable) for variable in variables]
    result.variables = list(variables)
    result.rows = [tuple(row[i] for i in index) for row in result.rows]
    return result


def _is_parameter(question: SavedQuestion, variable: str) -> bool:
    """Whether ``variable`` is bound from a parameter (``org``, or ``org1`` for a repeated ``org``)."""
    for name, _ in question.params:
        if variable == name or (name in question.repeats and re.fullmatch(rf"{name}\d+", variable)):
            return True
        if name in question.years and variable in {f"{name}{bound}" for bound in YEAR_BOUNDS}:
            return True
    return False
