"""Names a user types, checked against the graph before a question is answered.

An empty answer must mean "nothing found", never "you misspelt the name": every name given
to a saved question or to ``--focus`` is looked up first, and an unknown one is an
:class:`UnknownName` error that offers the closest names the graph does know (rapidfuzz).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import Store
from rapidfuzz import fuzz, process

from policekg.extract.errors import PoliceKGError
from policekg.extract.gazetteer import known_organisations
from policekg.extract.model import Kind
from policekg.extract.resources import lexicon_cached

from policekg.graph.rdf.search_names import search_name
from policekg.graph.query.running import run_query

SUGGESTIONS = 3
SIMILARITY = 50  # score (0-100, see closest) below which a name is not offered as a suggestion
WORD_SIMILARITY = 80  # rapidfuzz ratio at which two words count as the same word misspelt

_NAMES = """
SELECT ?name ?label WHERE { ?entity pko:searchName ?name ; rdfs:label ?label }
"""


class UnknownName(PoliceKGError, ValueError):
    """A name that no entity in the graph has; ``suggestions`` holds the closest labels.

    The command was understood but names nothing, so it exits 1, like one that found problems.
    """

    exit_code = 1

    def __init__(self, name: str, suggestions: list[str], where: str = "in this graph") -> None:
        self.name = name
        self.suggestions = suggestions
        closest = f"closest: {'; '.join(suggestions)}" if suggestions else "no similar names"
        super().__init__(f"no entity named {name!r} {where} ({closest})")


@lexicon_cached
def _force_words() -> frozenset[str]:
    """The words that end the reference list's force names ("Police", "Constabulary"): one
    word class, so that "Kent Constabulary" finds "Kent Police"."""
    return frozenset(org.label[len(org.area):].strip().lower() for org in known_organisations()
                     if org.kind is Kind.FORCE and org.area and org.label.startswith(f"{org.area} ")
                     and len(org.label[len(org.area):].split()) == 1)


def _found(word: str, words: list[str]) -> bool:
    if word in _force_words() and _force_words().intersection(words):
        return True
    return process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY) is not None


def closest(name: str, known: Mapping[str, str], limit: int = SUGGESTIONS) -> list[str]:
    """The labels of up to ``limit`` known names most like ``name``, best first, each once.

    ``known`` maps a name in search form (lower case, single spaces) to its entity's label.
    The score is half the similarity of the whole names (rapidfuzz ratio) and half the share
    of the query's words found, each allowing a typo (and a force's "Police" and "Constabulary"
    standing for each other), in the candidate. A word weighs more the
    earlier it comes, since names put what tells them apart first: "Dorset Constabulary"
    finds "Dorset Police" before "Avon and Somerset Constabulary".
    """
    query = search_name(name)
    weights = [(word, 1 / position) for position, word in enumerate(query.split(), 1)]
    total = sum(weight for _, weight in weights) or 1.0
    scored = []
    for candidate in known:
        words = candidate.split()
        found = sum(weight for word, weight in weights if _found(word, words))
        score = fuzz.ratio(query, candidate) / 2 + 50 * found / total
        if score >= SIMILARITY:
            scored.append((-score, known[candidate]))
    labels: list[str] = []
    for _, label in sorted(scored):
        if label not in labels:
            labels.append(label)
        if len(labels) == limit:
            break
    return labels


def store_names(store: Store) -> dict[str, str]:
    """Every name an entity of the store answers to (search form) and the entity's label."""
    result = run_query(store, _NAMES)
    return {str(name.value): str(label.value) for name, label in sorted(result.rows, key=lambda row: str(row[0].value))}


def check_names(names: Iterable[str], known: Mapping[str, str], where: str = "in this graph") -> None:
    """Raise :class:`UnknownName` for the first of ``names`` (blank ones aside) that ``known`` lacks."""
    for name in names:
        if name.strip() and search_name(name) not in known:
            raise UnknownName(name, closest(name, known), where)
