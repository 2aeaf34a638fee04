"""Querying a graph with SPARQL: pyoxigraph is the engine, rdflib stays the builder's API.

Every query gets the contract's prefixes (:data:`QUERY_PREFIXES`, passed to pyoxigraph as
default prefixes, so a query's own ``PREFIX`` lines win and error positions refer to the
user's text) so users can write ``pko:`` and friends without declaring them. The interface is read-only: update
requests are refused before they reach the engine. Values supplied by a user are bound
through pyoxigraph's ``substitutions`` (SEP-0007), never pasted into the query text, so a
hostile value stays a literal.

Saved questions live in ``queries/*.rq``. Each file begins with comment lines::

    # name: collaborators
    # description: what it answers
    # param: org — an organisation's name (label or alias, any case)

A parameter is bound as a plain string literal to the variable of the same name
(``?org``), which the query must project (pyoxigraph only substitutes projected
variables; :func:`ask` drops those constant columns from the answer). ``# param: name?``
marks an optional parameter, bound to "" when left out (pyoxigraph's ``BOUND()`` is false
for a substituted variable, so queries test ``?name = ""``; a question whose parameters are
all optional needs at least one of them); ``# param: name*2`` one given twice, bound to ``?name1`` and ``?name2``.
``# money: amount`` marks columns of amounts in pounds, which tables show as "£96,782".
``queries/README.md`` says how to write a question that stays fast on a big graph.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import pyoxigraph
import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Store, Variable

from policekg.extract.errors import PoliceKGError
from policekg.extract.money import pounds_for_reading

from .build import search_name
from .known_names import check_names, store_names
from .namespaces import PREFIXES
from .write import GraphFileError, format_for

QUERY_PREFIXES: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
QUERY_DIR = Path(__file__).with_name("queries")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "turtle")

Term = NamedNode | BlankNode | Literal | pyoxigraph.Triple

_RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "json-ld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
}
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?:PREFIX\s+[\w.-]*:\s*|BASE\s*)<[^>]*>)*", re.IGNORECASE)
_UPDATE_KEYWORD = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_UNSELECTED = re.compile(r"does not contains? variable \?(\w+) in its SELECT projection")
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_CHARACTER_CLASS = re.compile(r",?\s*\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_NUMBERS: dict[str, type] = {_XSD + "integer": int, _XSD + "int": int, _XSD + "long": int,
                             _XSD + "decimal": float, _XSD + "double": float, _XSD + "float": float}
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
UPDATE_REFUSED = "updates are not allowed: this is a read-only query interface"


class QueryError(PoliceKGError):
    """A query could not be run: bad syntax (with its position), an update, or a bad question."""


class StoreError(PoliceKGError, ValueError):
    """An on-disk store could not be opened or created."""


@dataclass
class QueryResult:
    """A query's answer, fully read: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[pyoxigraph.Triple] = field(default_factory=list)
    money: frozenset[str] = frozenset()  # columns of amounts in pounds, shown as "£96,782" in tables

    def records(self) -> list[dict[str, str | int | float | None]]:
        """SELECT rows as dicts for pandas or plain Python: numbers as int or float, other terms as
        :func:`plain` text, unbound as ``None``."""
        return [{name: _python(term) for name, term in zip(self.variables, row)} for row in self.rows]


# --- opening and loading stores -------------------------------------------------------


def _rdf_format(graph_file: str | os.PathLike[str]) -> tuple[Path, RdfFormat]:
    """The path of an existing graph file and its pyoxigraph format (from the suffix)."""
    path = Path(graph_file)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        return path, _RDF_FORMATS[format_for(path)]
    except ValueError as exc:
        raise GraphFileError(str(exc)) from None


def _first_line(error: BaseException) -> str:
    """The first non-empty line of an exception's message, or its type name."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _fill(store: Store, path: Path, fmt: RdfFormat, bulk: bool) -> None:
    """Parse ``path`` into ``store``, turning a parse failure into one :class:`GraphFileError` line."""
    try:
        (store.bulk_load if bulk else store.load)(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{path}: not valid {fmt.name}: {_first_line(exc)}") from exc


def open_store(graph_file: str | os.PathLike[str] | None = None, store_dir: str | os.PathLike[str] | None = None) -> Store:
    """A store to query: in memory from a graph file, or an on-disk store opened read-only.

    Exactly one of ``graph_file`` (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``) and
    ``store_dir`` (made by :func:`load_store`) must be given.
    """
    if (graph_file is None) == (store_dir is None):
        raise ValueError("give exactly one of a graph file and a store folder")
    if graph_file is not None:
        path, fmt = _rdf_format(graph_file)
        store = Store()
        _fill(store, path, fmt, bulk=False)
        return store
    folder = Path(store_dir)
    if not _is_store(folder):
        raise StoreError(f"{folder}: not an oxigraph store folder (make one with load_store)")
    try:
        return Store.read_only(str(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open the store: {_first_line(exc)}") from exc


def graph_store(graph: rdflib.Graph) -> Store:
    """An in-memory store holding ``graph`` (as built by :func:`policekg.build_graph`), to query without a file."""
    store = Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    return store


def _is_store(folder: Path) -> bool:
    """Whether ``folder`` holds an oxigraph (RocksDB) store."""
    return (folder / "CURRENT").is_file() and (folder / "IDENTITY").is_file()


def load_store(graph_file: str | os.PathLike[str], store_dir: str | os.PathLike[str]) -> int:
    """Create, or replace, an on-disk store holding a graph file; return how many triples it holds.

    The store is built in a temporary folder beside ``store_dir`` and swapped in only
    when complete, so a failed load leaves an existing store as it was. A folder that is
    neither empty nor a store is never replaced.
    """
    path, fmt = _rdf_format(graph_file)
    target = Path(store_dir)
    if target.exists() and not _is_store(target) and any(target.iterdir()):
        raise StoreError(f"{target}: exists and is not an oxigraph store; refusing to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    try:
        count = _build_store(building, path, fmt)
        _swap_in(building, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return count


def _build_store(folder: Path, path: Path, fmt: RdfFormat) -> int:
    """Bulk-load ``path`` into a new store at ``folder``, flush it and close it; return its size."""
    store = Store(str(folder))
    _fill(store, path, fmt, bulk=True)
    store.flush()
    count = len(store)
    del store  # closes the database so it can be moved
    return count


def _swap_in(building: Path, target: Path) -> None:
    """Move a finished store over ``target``, removing what was there."""
    if target.exists():
        retired = target.with_name(f".{target.name}.{secrets.token_hex(8)}.old")
        os.replace(target, retired)
        os.replace(building, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(building, target)


# --- running queries ------------------------------------------------------------------


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update request (its first keyword after the prologue)."""
    prologue = _PROLOGUE.match(sparql)
    return bool(_UPDATE_KEYWORD.match(sparql, prologue.end() if prologue else 0))


def _syntax_message(error: SyntaxError) -> str:
    """One line for a syntax error: its position in the user's text and what was expected."""
    match = _POSITION.match(str(error))
    if match is None:
        return f"invalid SPARQL: {_first_line(error)}"
    return f"invalid SPARQL at line {match.group(1)}, column {match.group(2)}: {_expected(match.group(3))}"


def _expected(detail: str) -> str:
    """The parser's complaint on one line, without its long lists of character classes."""
    if "Prefix not found" in detail:
        return "undeclared prefix"
    raw = " ".join(detail.split())
    short = " ".join(_CHARACTER_CLASS.sub("", detail).split()).rstrip(",")
    useful = short not in ("", "expected", "expected one of")
    return short if useful else (raw if len(raw) <= 120 else raw[:117] + "...")


Binding = Literal | NamedNode | str


def _substitutions(bindings: Mapping[str, Binding] | None) -> dict[Variable, Literal | NamedNode]:
    """pyoxigraph substitutions; a plain ``str`` value becomes a string literal."""
    return {Variable(name.lstrip("?$")): Literal(value) if isinstance(value, str) else value
            for name, value in (bindings or {}).items()}


def evaluate(store: Store, sparql: str, bindings: Mapping[str, Binding] | None = None
             ) -> QuerySolutions | QueryBoolean | pyoxigraph.QueryTriples:
    """pyoxigraph's lazy answer to ``sparql``, as every policekg interface asks it.

    The contract's prefixes are predeclared, ``bindings`` are substituted for variables (by
    name) and triples in any named graph are visible as if in the default graph. Raises
    pyoxigraph's own errors; callers decide how to report them. A binding given as a plain
    ``str`` is a string literal (``{"name": "Kent Police"}``).
    """
    return store.query(sparql, prefixes=QUERY_PREFIXES, substitutions=_substitutions(bindings),
                       use_default_graph_as_union=True)


def run_query(store: Store, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
    """Run a read-only SPARQL query through :func:`evaluate` and read its answer completely.

    Raises :class:`QueryError` for an update request, bad syntax (with line and column in
    ``sparql``) or a query the engine cannot evaluate.
    """
    if is_update(sparql):
        raise QueryError(UPDATE_REFUSED)
    try:
        return _read(evaluate(store, sparql, bindings))
    except SyntaxError as exc:
        raise QueryError(_syntax_message(exc)) from exc
    except (RuntimeError, OSError, ValueError, TypeError) as exc:
        unselected = _UNSELECTED.search(str(exc))
        if unselected:
            raise QueryError(f"bound variable ?{unselected.group(1)} must be selected too: add it to the SELECT list "
                             "(the engine substitutes only selected variables)") from exc
        raise QueryError(f"query failed: {_first_line(exc)}") from exc


def _read(answer: QuerySolutions | QueryBoolean | pyoxigraph.QueryTriples) -> QueryResult:
    """Read a pyoxigraph answer completely (evaluation is lazy and may still fail here)."""
    if isinstance(answer, QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, QuerySolutions):
        variables = [variable.value for variable in answer.variables]
        rows = [tuple(solution[name] for name in variables) for solution in answer]
        return QueryResult("select", variables=variables, rows=rows)
    return QueryResult("graph", triples=list(answer))


# --- formatting results ---------------------------------------------------------------


def shorten(iri: str) -> str:
    """``iri`` as a prefixed name when it falls under one of the contract's namespaces."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        local = iri[len(str(namespace)):]
        if iri.startswith(str(namespace)) and re.fullmatch(r"[\w.-]*", local) and not local.endswith("."):
            return f"{prefix}:{local}"
    return iri


def plain(term: Term | None) -> str:
    """A term as a person reads it: a literal's text, a short IRI, ``_:id``, or '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return shorten(term.value)
    return str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL 1.1 results) or ``turtle``.

    Graph results (CONSTRUCT, DESCRIBE) come out as Turtle for ``table`` and ``turtle``,
    and as JSON-LD for ``json``.
    """
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "graph":
        return _graph_text(result.triples, fmt)
    if fmt == "turtle":
        raise QueryError("turtle is for CONSTRUCT and DESCRIBE results; use table, csv, tsv or json")
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](result)


def _graph_text(triples: list[pyoxigraph.Triple], fmt: str) -> str:
    if fmt in ("csv", "tsv"):
        raise QueryError(f"{fmt} is for SELECT results; use turtle or json for a graph")
    rdf_format = RdfFormat.JSON_LD if fmt == "json" else RdfFormat.TURTLE
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=QUERY_PREFIXES).decode("utf-8")


def _table(result: QueryResult) -> str:
    """Aligned columns of plain values under a header and a rule; no trailing spaces."""
    money = [name in result.money for name in result.variables]
    cells = [[_pounds(term) if is_money else " ".join(plain(term).split()) for term, is_money in zip(row, money)]
             for row in result.rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(result.variables)]
    lines = [result.variables, ["-" * width for width in widths], *cells]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines)


def _python(term: Term | None) -> str | int | float | None:
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype.value in _NUMBERS:
        try:
            return _NUMBERS[term.datatype.value](term.value)
        except ValueError:
            return term.value
    return plain(term)


def _pounds(term: Term | None) -> str:
    """An amount as a reader expects it ("£96,782", "£1,250.50"); anything not a number as it is."""
    try:
        return pounds_for_reading(Decimal(plain(term)))
    except InvalidOperation:
        return plain(term)


def _csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: variable names, then IRIs and literal text, CRLF line ends."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_csv_value(term) for term in row] for row in result.rows)
    return output.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, (Literal, NamedNode)) else str(term)


def _tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: ``?name`` headers, then terms written as in Turtle."""
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            value["datatype"] = term.datatype.value
        return value
    return {"type": "triple", "value": str(term)}


# --- saved questions ------------------------------------------------------------------


@dataclass(frozen=True)
class SavedQuestion:
    """A named SPARQL question with parameters, read from a ``queries/*.rq`` file.

    ``params`` lists (name, help); ``optional`` names the parameters that may be left out
    and ``repeats`` how many values a repeated parameter takes. ``money`` names the columns
    holding amounts in pounds (``# money: amount``), which tables show as "£96,782".
    """

    name: str
    description: str
    params: list[tuple[str, str]]
    text: str
    optional: frozenset[str] = frozenset()
    repeats: Mapping[str, int] = field(default_factory=dict)
    money: frozenset[str] = frozenset()


_HEADER_LINE = re.compile(r"#\s*(name|description|param|money):\s*(.*)")
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
    return SavedQuestion(fields["name"], fields.get("description", ""), params, text, frozenset(optional), repeats, money)


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
        suffixes = [""] if name not in question.repeats else [str(i) for i in range(1, count + 1)]
        bindings.update({f"{name}{suffix}": Literal(search_name(value)) for suffix, value in zip(suffixes, given[name])})
    if names and not any(given.values()):
        raise QueryError(f"{question.name} needs at least one of {', '.join(names)}")
    return bindings


def ask(store: Store, name: str, values: Mapping[str, str | list[str]]) -> QueryResult:
    """Answer saved question ``name`` with parameter ``values`` (a list for a repeated parameter).

    Every value is a name, looked up first: one no entity has raises
    :class:`~policekg.graph.known_names.UnknownName` with the closest names, so an empty
    answer always means that the graph holds nothing for names it knows.

    The parameter columns, constant by construction, are left out of the answer.
    """
    question = _question(name)
    bindings = question_bindings(question, values)
    check_names([value for given in values.values() for value in _as_list(given)], store_names(store))
    result = run_query(store, question.text, bindings)
    keep = [i for i, variable in enumerate(result.variables) if not _is_parameter(question, variable)]
    result.variables = [result.variables[i] for i in keep]
    result.rows = [tuple(row[i] for i in keep) for row in result.rows]
    result.money = question.money
    return result


def _is_parameter(question: SavedQuestion, variable: str) -> bool:
    """Whether ``variable`` is bound from a parameter (``org``, or ``org1`` for a repeated ``org``)."""
    for name, _ in question.params:
        if variable == name or (name in question.repeats and re.fullmatch(rf"{name}\d+", variable)):
            return True
    return False
