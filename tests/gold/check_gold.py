#!/usr/bin/env python3
"""Check the gold annotation files: shape, internal references and names found in the document.

The gold files follow the shared format that ``../shared/tools/score.py`` reads. A slip in one
(a relation naming an entity that is not there, an alias the document never writes, an amount
written as text) makes the yardstick silently skip or mis-score an item, so this script is run
after every edit::

    python tests/gold/check_gold.py                 # every set under tests/gold
    python tests/gold/check_gold.py tests/gold/heldout

Checks, per ``NAME.gold.json``:

* shape: ``document`` (the document's file name, ``NAME`` plus its suffix), ``entities``
  (type, name, aliases, optional), ``relations`` (type, a, b, role, optional, and an optional
  ``status``) and ``funds`` (amount in pounds as a number, period, funder, recipient, purpose,
  name, optional);
* every relation end and every fund party is the ``name`` of an entity of the same file, of a
  fitting kind (a person is a member of an organisation, an organisation takes part in a
  programme, funds go to organisations or programmes); no name or alias belongs to two
  entities; no relation is given twice;
* names occur in the document (case-insensitively, whitespace, line-end hyphenation and HTML
  character references aside): every alias must; the name must too, unless it is the
  canonical label of an entity the document writes only in another form (an area for a
  force, "OPCC" for a commissioner's office), in which case at least one alias must.

Exit status 0 when every file passes, 1 otherwise; one line per problem.
"""
from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from pathlib import Path

GOLD = Path(__file__).resolve().parent
REPO = GOLD.parents[1]
DOCUMENT_DIRS = {"examples": REPO / "examples"}
ENTITY_TYPES = {"PoliceForce", "PartnerOrganisation", "Programme", "Person"}
ORGANISATIONS = {"PoliceForce", "PartnerOrganisation"}
RELATION_ENDS = {
    "collaboratesWith": (ORGANISATIONS, ORGANISATIONS),
    "participatesIn": (ORGANISATIONS, {"Programme"}),
    "memberOf": ({"Person"}, ORGANISATIONS),
}
FUND_PARTIES = {"recipient": ORGANISATIONS | {"Programme"}, "funder": ORGANISATIONS | {"Person"}}
STATUSES = {"in place", "planned", "recommended", "ended"}
KEYS = {
    "entity": ({"type", "name", "aliases", "optional"}, set()),
    "relation": ({"type", "a", "b", "role", "optional"}, {"status"}),
    "fund": ({"amount", "period", "funder", "recipient", "purpose", "name", "optional"}, set()),
}


def flatten(text: str) -> str:
    """Text in the form names are searched in: character references decoded, curly quotes
    straightened, words split at a line end joined, whitespace collapsed, lower case."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def occurs(name: str, text: str) -> bool:
    """Whether ``name`` is written in the flattened document ``text``."""
    return flatten(name) in text


def _keys(kind: str, item: object, where: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: a {kind} must be an object"]
    required, extra = KEYS[kind]
    problems = [f"{where}: {kind} lacks {key!r}" for key in sorted(required - item.keys())]
    problems += [f"{where}: {kind} has unknown key {key!r}" for key in sorted(item.keys() - required - extra)]
    return problems


def _text_or_none(value: object) -> bool:
    return value is None or (isinstance(value, str) and bool(value.strip()))


def check_entities(data: dict, text: str | None, where: str) -> tuple[list[str], dict[str, str]]:
    """Problems with the entities, and the type of each entity by name."""
    problems: list[str] = []
    types: dict[str, str] = {}
    owner: dict[str, str] = {}
    for entity in data["entities"]:
        problems += _keys("entity", entity, where)
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
            continue
        name = entity["name"]
        here = f"{where}: entity {name!r}"
        if entity.get("type") not in ENTITY_TYPES:
            problems.append(f"{here}: unknown type {entity.get('type')!r}")
        aliases = entity.get("aliases")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{here}: aliases must be a list of names")
            aliases = []
        if not isinstance(entity.get("optional"), bool):
            problems.append(f"{here}: optional must be true or false")
        if name in types:
            problems.append(f"{here}: given twice")
        types[name] = entity.get("type")
        for form in [name, *aliases]:
            key = flatten(form)
            if owner.setdefault(key, name) != name:
                problems.append(f"{here}: {form!r} also names {owner[key]!r}")
        if text is None:
            continue
        problems += [f"{here}: alias {a!r} not in the document" for a in aliases if not occurs(a, text)]
        if not occurs(name, text) and not any(occurs(a, text) for a in aliases):
            problems.append(f"{here}: neither the name nor an alias is in the document")
    return problems, types


def check_relations(data: dict, types: dict[str, str], where: str) -> list[str]:
    """Problems with the relations: shape, ends that are entities of a fitting kind, repeats."""
    problems: list[str] = []
    seen: set[tuple] = set()
    for relation in data["relations"]:
        problems += _keys("relation", relation, where)
        if not isinstance(relation, dict):
            continue
        kind, a, b = relation.get("type"), relation.get("a"), relation.get("b")
        here = f"{where}: {kind} {a!r} -> {b!r}"
        if kind not in RELATION_ENDS:
            problems.append(f"{here}: unknown relation type")
            continue
        for end, allowed in zip((a, b), RELATION_ENDS[kind]):
            if end not in types:
                problems.append(f"{here}: {end!r} is not an entity name of this file")
            elif types[end] not in allowed:
                problems.append(f"{here}: {end!r} is a {types[end]}")
        if not _text_or_none(relation.get("role")):
            problems.append(f"{here}: role must be text or null")
        if not isinstance(relation.get("optional"), bool):
            problems.append(f"{here}: optional must be true or false")
        if "status" in relation and relation["status"] not in STATUSES:
            problems.append(f"{here}: status {relation['status']!r} is not one of {sorted(STATUSES)}")
        key = (kind, frozenset((a, b))) if kind == "collaboratesWith" else (kind, a, b)
        if key in seen:
            problems.append(f"{here}: given twice")
        seen.add(key)
    return problems


def check_funds(data: dict, types: dict[str, str], where: str) -> list[str]:
    """Problems with the funds: shape, a positive amount, parties that are entities."""
    problems: list[str] = []
    for fund in data["funds"]:
        problems += _keys("fund", fund, where)
        if not isinstance(fund, dict):
            continue
        amount = fund.get("amount")
        here = f"{where}: fund {amount!r}"
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0:
            problems.append(f"{here}: amount must be a positive number of pounds")
        for party, allowed in FUND_PARTIES.items():
            name = fund.get(party)
            if name is None:
                continue
            if name not in types:
                problems.append(f"{here}: {party} {name!r} is not an entity name of this file")
            elif types[name] not in allowed:
                problems.append(f"{here}: {party} {name!r} is a {types[name]}")
        for field in ("period", "purpose", "name"):
            if not _text_or_none(fund.get(field)):
                problems.append(f"{here}: {field} must be text or null")
        if not isinstance(fund.get("optional"), bool):
            problems.append(f"{here}: optional must be true or false")
    return problems


def find_document(path: Path, name: str) -> Path | None:
    """The annotated document: beside the gold file, in the set's document folder, or none."""
    folder = DOCUMENT_DIRS.get(path.parent.name, REPO / "tests" / path.parent.name)
    for candidate in (path.parent / name, folder / name):
        if candidate.is_file():
            return candidate
    return None


def check_file(path: Path) -> list[str]:
    """Every problem found in one gold file (an empty list when it is sound)."""
    where = f"{path.parent.name}/{path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"{where}: not readable as JSON ({error})"]
    if not isinstance(data, dict):
        return [f"{where}: the file must hold one JSON object"]
    problems = [f"{where}: lacks {key!r}" for key in ("document", "entities", "relations", "funds")
                if key not in data]
    problems += [f"{where}: {key!r} must be a list" for key in ("entities", "relations", "funds")
                 if key in data and not isinstance(data[key], list)]
    if problems:
        return problems
    document = data["document"]
    if not isinstance(document, str) or Path(document).stem + ".gold.json" != path.name:
        return [f"{where}: document {document!r} does not match the file name"]
    source = find_document(path, document)
    if source is None:
        problems.append(f"{where}: document {document!r} not found")
    text = flatten(source.read_text(encoding="utf-8")) if source else None
    entity_problems, types = check_entities(data, text, where)
    return (problems + entity_problems + check_relations(data, types, where)
            + check_funds(data, types, where))


def gold_files(arguments: list[str]) -> list[Path]:
    """The gold files named on the command line (files or folders), or every one here."""
    roots = [Path(a) for a in arguments] or [GOLD]
    files: list[Path] = []
    for root in roots:
        files += sorted(root.rglob("*.gold.json")) if root.is_dir() else [root]
    return files


def main(arguments: list[str]) -> int:
    files = gold_files(arguments)
    if not files:
        print("no gold files (*.gold.json) found")
        return 1
    problems = [problem for path in files for problem in check_file(path)]
    for problem in problems:
        print(problem)
    print(f"{len(files)} gold file(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
