"""Score a graph against gold annotations: precision, recall and F1 per kind and link type.

Gold files (``DIR/*.gold.json``, the shared format described in ``tests/gold/README.md``) list
per document the entities, relations and funds a careful reader finds. An extracted item
matches a gold item of the same document when their names agree (label or any alias, compared
case- and punctuation-insensitively); each gold item matches at most one extracted item.
Optional gold items count neither way, nor do relations touching an optional entity. A fund's
funder is a link category of its own: right when the fund matches a gold fund whose funder
the output funder's names name. These are the rules of the project's yardstick
(``../shared/tools/score.py``), which remains the measure; this is the same reading built in.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePath

from pyoxigraph import Store
from rdflib import Graph

from policekg.extract.errors import PoliceKGError
from policekg.extract.link_types import link_types
from policekg.extract.model import Predicate

from policekg.graph.rdf.namespaces import PKO, expand
from policekg.graph.rdf.plain_terms import (
    ALIAS,
    AMOUNT,
    DERIVED_FROM,
    DOCUMENT,
    FUND,
    FUNDER,
    LABEL,
    MENTIONED_IN,
    OBJECT,
    PERIOD,
    PREDICATE,
    RECIPIENT,
    SOURCE,
    STATUS,
    SUBJECT,
    TYPE,
)
from policekg.graph.rdf.reading import Row, grouped, least
from policekg.graph.rdf.tables import Tables, read_tables

ENTITY_KINDS = ("PoliceForce", "PartnerOrganisation", "Programme", "Person")

# what evaluation reads: predicate -> whether its objects are nodes
_READ = {TYPE: True, SOURCE: False, LABEL: False, ALIAS: False, MENTIONED_IN: True, DERIVED_FROM: True,
         SUBJECT: True, PREDICATE: True, OBJECT: True, STATUS: False, AMOUNT: False, PERIOD: False,
         FUNDER: True, RECIPIENT: True}
LINK_TYPES = (*(p.value for p in Predicate), "funder")


def _symmetric(link_type: str | None) -> bool:
    """Whether a category is a symmetric link type (by the lexicon's table of link types)."""
    return any(t.symmetric and t.predicate.value == link_type for t in link_types().values())


class GoldError(PoliceKGError):
    """A gold annotation file is missing, unreadable or malformed."""


@dataclass
class Score:
    """Counts of one category and the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Evaluation:
    """Scores per category ("PoliceForce", …, "Fund", "collaboratesWith", …) and every error."""

    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    documents: int = 0
    status_agreed: int = 0
    status_compared: int = 0

    def total(self, categories: Iterable[str]) -> Score:
        total = Score()
        for category in categories:
            total.add(self.scores[category])
        return total


@dataclass(frozen=True)
class Item:
    """Something to match: names on each side, and what to show in an error line."""

    names: tuple[frozenset[str], ...]
    shown: str
    optional: bool = False
    amount: Decimal | None = None
    extra: str = ""
    statuses: frozenset[str] = frozenset()


def normalise(name: str) -> str:
    """The form names are compared in: lower case, "&" as "and", no "the", plain apostrophes."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("&", " and ").lower()
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


GENERIC_TAIL = re.compile(r" (?:programme|program|scheme|schemes|initiative|project)$")


def _names(*groups: Iterable[str]) -> frozenset[str]:
    """Normalised names, each also without a generic last word ("Police Now scheme" ~ "Police Now")."""
    names = {normalise(n) for group in groups for n in group if n and normalise(n)}
    return frozenset(names | {GENERIC_TAIL.sub("", n) for n in names})


def load_gold(folder: str | os.PathLike[str]) -> dict[str, dict]:
    """Gold annotations keyed by document file name."""
    path = Path(folder)
    if not path.is_dir():
        raise GoldError(f"{path}: gold folder not found")
    gold: dict[str, dict] = {}
    for file in sorted(path.glob("*.gold.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            gold[data["document"]] = data
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{file}: not a gold annotation file ({error})") from error
    if not gold:
        raise GoldError(f"{path}: no gold annotation files (*.gold.json)")
    return gold


class _GraphView:
    """What the graph says about each document, in the shapes the matcher needs.

    Read in one pass of the predicates it needs (:func:`~policekg.graph.rdf.tables.read_tables`:
    a graph file streamed, a store or an rdflib graph walked by predicate) and grouped by
    document here, so a big graph is read once rather than node by node.
    """

    def __init__(self, tables: Tables) -> None:
        kinds = grouped(tables.pairs(TYPE))
        typed = grouped((kind, node) for node, kind in tables.pairs(TYPE))
        sources = grouped(tables.pairs(SOURCE))
        rows = [(document, source) for document in typed.get(DOCUMENT, ())
                for source in sources.get(document) or [None]]
        self.documents = {PurePath(str(source)).name: document for document, source in sorted(rows, key=_row_key)}
        self.labels = grouped(tables.pairs(LABEL))
        self.aliases = grouped(tables.pairs(ALIAS))
        self.mentioned: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for node, document in tables.pairs(MENTIONED_IN):
            self.mentioned[document][node].update(kinds.get(node, ()))
        self.statements: dict[str, list[tuple[str, str | None, str | None, set[str]]]] = defaultdict(list)
        for document, predicate, subject, obj, statuses in _statements(tables):
            self.statements[document].append((predicate, subject, obj, statuses))
        amounts, periods, funders, recipients = (grouped(tables.pairs(p)) for p in (AMOUNT, PERIOD, FUNDER, RECIPIENT))
        self.fund_facts = {fund: (least(amounts.get(fund)), least(recipients.get(fund)), sorted(funders.get(fund, ())),
                                  least(periods.get(fund)))
                           for fund in typed.get(FUND, ())}

    def names(self, node: str | None) -> frozenset[str]:
        if node is None:
            return frozenset()
        return _names(self.labels.get(node, ()), self.aliases.get(node, ()))

    def label(self, node: str | None) -> str:
        """The node's label ("None" without one, as before), "-" for no node."""
        return "-" if node is None else str(least(self.labels.get(node)))

    def _mentioned(self, document: str, kind: str) -> list[str]:
        """The nodes of type pko:``kind`` mentioned in ``document``, in IRI order."""
        return sorted(node for node, kinds in self.mentioned[document].items() if str(PKO[kind]) in kinds)

    def entities(self, document: str, kind: str) -> list[Item]:
        return [Item((self.names(e),), self.label(e)) for e in self._mentioned(document, kind)]

    def links(self, document: str, link_type: str) -> list[Item]:
        predicate = str(expand(link_types()[Predicate(link_type)].curie))
        statuses: dict[tuple[str | None, str | None], set[str]] = {}
        for stated, subject, obj, found in self.statements[document]:
            if stated == predicate:
                pair = (subject, obj)
                pair = tuple(sorted(pair, key=str)) if _symmetric(link_type) else pair
                statuses.setdefault(pair, set()).update(found)
        return [Item((self.names(s), self.names(o)), f"{self.label(s)} -> {self.label(o)}",
                     statuses=frozenset(statuses[(s, o)])) for s, o in sorted(statuses, key=_row_key)]

    def funds(self, document: str) -> list[Item]:
        items = []
        for fund in self._mentioned(document, "Fund"):
            amount, recipient, _, period = self.fund_facts[fund]
            items.append(Item((self.names(recipient),), self.label(fund),
                              amount=Decimal(amount) if amount is not None else None, extra=period or ""))
        return items

    def funders(self, document: str) -> list[Item]:
        """One item per pko:funder of a fund of ``document``: (recipient names, funder names) and the amount."""
        items = []
        for fund in self._mentioned(document, "Fund"):
            amount, recipient, funders, _ = self.fund_facts[fund]
            if amount is None:
                continue
            for funder in funders:
                items.append(Item((self.names(recipient), self.names(funder)),
                                  f"{self.label(fund)} <- {self.label(funder)}", amount=Decimal(amount)))
        return items


def _row_key(row: Row) -> tuple[str, ...]:
    return tuple(value or "" for value in row)


def _statements(tables: Tables) -> Iterator[tuple[str, str, str | None, str | None, set[str]]]:
    """(document, predicate IRI, subject, object, statuses) of every node derived from a document."""
    subjects, predicates, objects, statuses = (grouped(tables.pairs(p)) for p in (SUBJECT, PREDICATE, OBJECT, STATUS))
    for statement, documents in grouped(tables.pairs(DERIVED_FROM)).items():
        predicate = least(predicates.get(statement))
        for document in documents if predicate is not None else ():
            yield (document, predicate, least(subjects.get(statement)), least(objects.get(statement)),
                   set(statuses.get(statement, ())))


def _gold_entities(gold: dict, kind: str) -> list[Item]:
    return [Item((_names([e["name"]], e.get("aliases") or []),), e["name"], bool(e.get("optional")))
            for e in gold.get("entities", []) if e.get("type") == kind]


def _gold_names(gold: dict) -> dict[str, frozenset[str]]:
    return {e["name"]: _names([e["name"]], e.get("aliases") or []) for e in gold.get("entities", [])}


def _optional_entities(gold: dict) -> set[str]:
    return {e["name"] for e in gold.get("entities", []) if e.get("optional")}


def _gold_links(gold: dict, link_type: str) -> list[Item]:
    if link_type == "funder":
        return _gold_funders(gold)
    names, optional = _gold_names(gold), _optional_entities(gold)
    items = []
    for link in gold.get("relations", []):
        if link.get("type") != link_type:
            continue
        a, b = link["a"], link["b"]
        status = frozenset({link["status"]}) if link.get("status") else frozenset()
        items.append(Item((names.get(a, _names([a])), names.get(b, _names([b]))), f"{a} -> {b}",
                          bool(link.get("optional")) or a in optional or b in optional, statuses=status))
    return items


def _amount(text: object) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", "").replace("£", ""))
    except InvalidOperation:
        return None


def _gold_funds(gold: dict) -> list[Item]:
    names, optional = _gold_names(gold), _optional_entities(gold)
    items = []
    for fund in gold.get("funds", []):
        recipient = fund.get("recipient")
        recipient_names = names.get(recipient, _names([recipient])) if recipient and recipient not in optional \
            else frozenset()
        shown = f"£{fund.get('amount')} to {recipient or '-'} ({fund.get('period') or '-'})"
        items.append(Item((recipient_names,), shown, bool(fund.get("optional")), _amount(fund.get("amount")),
                          str(fund.get("period") or "")))
    return items


def _gold_funders(gold: dict) -> list[Item]:
    names, optional = _gold_names(gold), _optional_entities(gold)
    items = []
    for fund in gold.get("funds", []):
        funder, recipient = fund.get("funder"), fund.get("recipient")
        if not funder:
            continue
        recipient_names = names.get(recipient, _names([recipient])) if recipient and recipient not in optional \
            else frozenset()
        items.append(Item((recipient_names, names.get(funder, _names([funder]))),
                          f"£{fund.get('amount')} <- {funder}", bool(fund.get("optional")) or funder in optional,
                          _amount(fund.get("amount"))))
    return items


def _same_amount(gold: Decimal | None, found: Decimal | None) -> bool:
    """Amounts agree within 1% (the yardstick's tolerance for rounding as written)."""
    return gold is not None and found is not None and abs(gold - found) <= abs(gold) / 100


def _same(gold: Item, found: Item, link_type: str | None) -> bool:
    if gold.amount is not None or found.amount is not None:
        if not _same_amount(gold.amount, found.amount):
            return False
        recipient = not gold.names[0] or bool(gold.names[0] & found.names[0])
        return recipient and (link_type != "funder" or bool(gold.names[1] & found.names[1]))
    if _symmetric(link_type):
        (a, b), (c, d) = gold.names, found.names
        return bool((a & c and b & d) or (a & d and b & c))
    return all(g & f for g, f in zip(gold.names, found.names))


def _shares_label(gold: Item, found: Item) -> bool:
    """Whether the found item carries the gold item's own label (not just an alias of it)."""
    return normalise(gold.shown) in found.names[0] or normalise(found.shown) in gold.names[0]


def _match(gold: list[Item], found: list[Item], link_type: str | None = None,
           pairs: list[tuple[Item, Item]] | None = None) -> tuple[Score, list[Item], list[Item]]:
    """One-to-one matching: required gold first, then optional; exact periods preferred for funds.
    Matched pairs are appended to ``pairs`` when given."""
    unmatched = list(found)
    score = Score()
    missed: list[Item] = []
    for item in sorted(gold, key=lambda g: g.optional):
        candidates = [f for f in unmatched if _same(item, f, link_type)]
        candidates.sort(key=lambda f: (f.extra != item.extra, not _shares_label(item, f)))
        if candidates:
            unmatched.remove(candidates[0])
            score.tp += 0 if item.optional else 1
            if pairs is not None:
                pairs.append((item, candidates[0]))
        elif not item.optional:
            score.fn += 1
            missed.append(item)
    score.fp = len(unmatched)
    return score, missed, unmatched


def evaluate(graph: Graph | Store | str | os.PathLike[str], gold_folder: str | os.PathLike[str]) -> Evaluation:
    """Score ``graph`` (a graph file, a pyoxigraph store or an ``rdflib.Graph``) against every
    gold file in ``gold_folder`` whose document it contains."""
    view = _GraphView(read_tables(graph, _READ))
    gold_files = load_gold(gold_folder)
    result = Evaluation(scores={c: Score() for c in (*ENTITY_KINDS, "Fund", *LINK_TYPES)})
    for name, gold in gold_files.items():
        document = view.documents.get(name)
        if document is None:
            result.errors.append(f"not in graph: document {name} (its gold items all count as missed)")
        result.documents += document is not None
        checks = [(kind, _gold_entities(gold, kind), view.entities(document, kind) if document else [], None)
                  for kind in ENTITY_KINDS]
        checks.append(("Fund", _gold_funds(gold), view.funds(document) if document else [], None))
        checks += [(t, _gold_links(gold, t), (view.funders(document) if t == "funder" else view.links(document, t))
                    if document else [], t) for t in LINK_TYPES]
        for category, gold_items, found, link_type in checks:
            matched: list[tuple[Item, Item]] = []
            score, missed, wrong = _match(gold_items, found, link_type, matched)
            compared = [(g, f) for g, f in matched if g.statuses and f.statuses]
            result.status_compared += len(compared)
            result.status_agreed += sum(bool(g.statuses & f.statuses) for g, f in compared)
            result.scores[category].add(score)
            result.errors += [f"missed {category} in {name}: {m.shown}" for m in missed]
            result.errors += [f"false {category} in {name}: {w.shown}" for w in wrong]
    return result


def report(evaluation: Evaluation) -> str:
    """The scores as an aligned table, with the overall entity and link rows."""
    rows = [(c, evaluation.scores[c]) for c in (*ENTITY_KINDS, "Fund")]
    rows.append(("entities (all kinds)", evaluation.total(ENTITY_KINDS)))
    rows += [(t, evaluation.scores[t]) for t in LINK_TYPES]
    rows.append(("links (all types)", evaluation.total(LINK_TYPES)))
    lines = [f"{'category':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, s in rows:
        lines.append(f"{name:<22}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    if evaluation.status_compared:
        lines.append(f"claim status agrees on {evaluation.status_agreed} of {evaluation.status_compared} "
                     f"matched links ({evaluation.status_agreed / evaluation.status_compared:.0%})")
    lines.append(f"documents scored: {evaluation.documents}")
    return "\n".join(lines)
