"""Token patterns run only on the Docs that hold a word each of them needs.

The ruler's token patterns mostly start with capitalised words repeated up to eight times
(``SHAPE ^X``, ``{1,8}``) and end on a fixed word ("Council", "Trust", "Programme"). spaCy's
Matcher opens a partial match for every such pattern on every capitalised token and carries
it for up to eight tokens, which made the ruler a large share of pipeline time although
policekg's Docs are single lines that rarely hold the fixed word. So each pattern is filed
under one word it cannot match without (its *anchor*: a token it requires, given as an
``ORTH``/``TEXT`` or ``LOWER`` value or list of values), and a Doc runs only the patterns
whose anchor it holds and whose every other required word it holds too ("Fire", "and",
"Rescue" before "Service"), since a line holding "Police" or "Service" rarely holds the rest.
A pattern with no such token runs on every Doc. The matches are exactly those of one Matcher
holding every pattern: which patterns run changes, not what a pattern matches.
"""
from __future__ import annotations

from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Anchor = tuple[int, frozenset[str]]  # attribute (ORTH or LOWER), the words any of which it needs
Group = tuple[Anchor, frozenset[frozenset[tuple[int, int]]]]  # an anchor, and each required token's (attribute, word hash) pairs
ATTRIBUTES = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}
OPTIONAL_OPS = ("?", "*", "!")


def _required(spec: dict[str, Any]) -> bool:
    """Whether a token spec must match at least one token: no ``OP``, ``+``, ``{n}``, ``{n,m}``,
    ``{n,}`` with ``n >= 1`` (not ``?``, ``*``, ``!``, ``{0,m}`` or ``{,m}``)."""
    op = spec.get("OP", spec.get("op"))
    if op is None or op in ("1", "+"):
        return True
    if op in OPTIONAL_OPS or not op.startswith("{"):
        return False
    low = op[1:-1].split(",")[0]
    return low.isdigit() and int(low) >= 1


def _words(value: Any) -> frozenset[str] | None:
    """The words a literal value allows: a string, or ``{"IN": [...]}``; ``None`` otherwise."""
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return frozenset(value["IN"])
    return None


def required_words(pattern: list[dict[str, Any]]) -> list[Anchor]:
    """Every token a pattern cannot match without that is given as literal words, in pattern order."""
    found = []
    for spec in pattern:
        if not _required(spec):
            continue
        for key, value in spec.items():
            attribute = ATTRIBUTES.get(key.upper())
            words = _words(value) if attribute is not None else None
            if words:
                found.append((attribute, words))
    return found


def anchor(pattern: list[dict[str, Any]]) -> Anchor | None:
    """The word a token pattern cannot match without, or ``None`` when it has none.

    Of the required tokens given as literal words, the one whose shortest word is longest is
    taken (ties: the later one), since short words ("of", "and") are the common ones.
    """
    best: Anchor | None = None
    for need in required_words(pattern):
        if best is None or min(map(len, need[1])) >= min(map(len, best[1])):
            best = need
    return best


class AnchoredMatcher:
    """A set of token patterns, each under a key, matched like one spaCy Matcher but run by
    anchor, and only where every word a pattern requires is present."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.always = Matcher(vocab, validate=False)
        self.by_group: dict[Group, Matcher] = {}
        self.groups_of: dict[tuple[int, int], list[Group]] = {}  # (attribute, word hash) -> groups anchored on it

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        """Add ``pattern`` under ``key`` (a string: matches carry its hash, as spaCy's do)."""
        found = anchor(pattern)
        if found is None:
            self.always.add(key, [pattern])
            return
        group = (found, frozenset(self._hashed(need) for need in required_words(pattern)))
        if group not in self.by_group:
            self.by_group[group] = Matcher(self.vocab, validate=False)
            for word in sorted(self._hashed(found)):
                self.groups_of.setdefault(word, []).append(group)
        self.by_group[group].add(key, [pattern])

    def _hashed(self, need: Anchor) -> frozenset[tuple[int, int]]:
        attribute, words = need
        return frozenset((attribute, self.vocab.strings.add(word)) for word in words)

    def __len__(self) -> int:
        return len(self.always) + sum(len(matcher) for matcher in self.by_group.values())

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(key hash, start, end)`` of every match of every pattern, as one Matcher would find them."""
        matches = list(self.always(doc)) if len(self.always) else []
        columns = doc.to_array([ORTH, LOWER]).T.tolist() if len(doc) else [[], []]
        present = {(ORTH, value) for value in columns[0]} | {(LOWER, value) for value in columns[1]}
        running: dict[Group, None] = {}
        for word in sorted(present & self.groups_of.keys()):
            running.update(dict.fromkeys(self.groups_of[word]))
        for group in running:
            if all(not present.isdisjoint(need) for need in group[1]):
                matches.extend(self.by_group[group](doc))
        return matches
