"""Links read from clause structure: spaCy's DependencyMatcher over patterns kept as data.

Each pattern of ``patterns/link_patterns.jsonl`` has a name, an invented example sentence
(``tests/test_clauses.py`` checks it gives exactly its links), a predicate, a confidence and
a dependency pattern whose nodes play roles by their ``RIGHT_ID``: ``cue`` (the word the
match is anchored on), ``agent`` (who acts), ``partner`` (who or what the agents act with or
on) and ``programme`` (what agents and partners take part in); other nodes only shape the
match. Word classes (``"@joint_noun"``) are lists in ``patterns/link_words.csv``, written
once and shared by every pattern.

What a match states:

- each agent with each partner: two organisations collaborate; an organisation and a
  programme, it takes part in it (for a ``collaboratesWith`` pattern only organisations);
- with ``"together": true``, every agent with every other ("A, B and C jointly run …");
- every organisation in a role takes part in the ``programme`` ("… run by X in partnership
  with Y": X and Y with each other and each in the programme).

A role's word stands for its mention and every mention coordinated with it ("A, B and C");
"the scheme" for the programme the line named before, "the force" for the report's force.
A cue whose verb or noun is negated ("does not work with", "no partnership with"), or a
match with any negated verb ("led by A and not run with B"), states no link, and a match
reaches no further than its own sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, LOWER, POS
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .doc_text import text_of
from .mentions import Mention, Mentions
from .model import Kind, Predicate
from .resources import LexiconError, lexicon_cached, read_csv, read_jsonl, read_lines

ORGANISATIONS = (Kind.FORCE, Kind.PARTNER)
ROLES = ("agent", "partner", "programme")
NEEDED_ATTRIBUTES = {"LOWER": LOWER, "DEP": DEP, "POS": POS}  # the node attributes a sentence is checked for
Need = tuple[int, frozenset[int]]  # an attribute and the values (as ids) one of which some token must have


@dataclass(frozen=True)
class ClausePattern:
    """One construction: its dependency pattern and what a match of it states."""

    name: str
    example: str
    predicate: Predicate
    confidence: float
    together: bool
    pattern: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ClauseLink:
    """A link a pattern read: subject, predicate, object and the pattern's confidence."""

    subject: Mention
    predicate: Predicate
    object: Mention
    confidence: float
    pattern: str


@lexicon_cached
def self_references() -> tuple[str, ...]:
    """Words that stand for the organisation a document is about ("it", "its", "the force"):
    the ``self_reference`` class of ``link_words.csv``."""
    return word_classes().get("self_reference", ())


@lexicon_cached
def word_classes() -> dict[str, tuple[str, ...]]:
    """The word classes of ``link_words.csv``, lower-cased, by class name."""
    classes: dict[str, list[str]] = {}
    for row in read_csv("link_words.csv"):
        classes.setdefault(row["class"], []).append(row["word"].lower())
    return {name: tuple(words) for name, words in classes.items()}


def _with_classes(value: Any, name: str) -> Any:
    """``value`` with every ``"@class"`` string replaced by that class's words."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in word_classes():
            raise LexiconError(f"link pattern {name!r} uses {value}, which link_words.csv does not define")
        return list(word_classes()[value[1:]])
    if isinstance(value, dict):
        return {key: _with_classes(item, name) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_classes(item, name) for item in value]
    return value


@lexicon_cached
def clause_patterns() -> tuple[ClausePattern, ...]:
    """Every pattern of ``link_patterns.jsonl``, word classes filled in."""
    return tuple(
        ClausePattern(row["name"], row["example"], Predicate(row["predicate"]), float(row["confidence"]),
                      bool(row.get("together")), tuple(_with_classes(row["pattern"], row["name"])))
        for row in read_jsonl("link_patterns.jsonl")
    )


@lexicon_cached
def _matcher(vocab: Vocab) -> tuple[DependencyMatcher, dict[int, ClausePattern]]:
    matcher = DependencyMatcher(vocab)
    by_id = {}
    for pattern in clause_patterns():
        matcher.add(pattern.name, [list(pattern.pattern)])
        by_id[vocab.strings[pattern.name]] = pattern
    return matcher, by_id


def _literal(value: Any) -> tuple[str, ...]:
    """The values a node's attribute allows when written as a string or ``{"IN": [...]}``; none
    (so no need) for any other form."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        return tuple(value["IN"])
    return ()


def _needs(pattern: ClausePattern) -> set[Need]:
    """What a sentence must hold for ``pattern`` to match in it: for each word, dependency or part
    of speech a node asks for, some token with one of the values it allows."""
    return {(attribute, frozenset(get_string_id(v) for v in values))
            for node in pattern.pattern for name, value in node["RIGHT_ATTRS"].items()
            if (attribute := NEEDED_ATTRIBUTES.get(name)) is not None and (values := _literal(value))}


class _PatternIndex:
    """Every pattern in a DependencyMatcher of its own, run only on sentences that hold what it
    needs (:func:`_needs`): the DependencyMatcher's cost grows with its patterns' nodes, whether
    they can match or not, and most sentences can match none or few of the patterns."""

    def __init__(self, vocab: Vocab) -> None:
        needs = {pattern.name: _needs(pattern) for pattern in clause_patterns()}
        numbers: dict[Need, int] = {}
        for need in (need for pattern_needs in needs.values() for need in pattern_needs):
            numbers.setdefault(need, len(numbers))
        self.met_by: dict[int, dict[int, set[int]]] = {attribute: {} for attribute in NEEDED_ATTRIBUTES.values()}
        for (attribute, values), number in numbers.items():
            for value in values:
                self.met_by[attribute].setdefault(value, set()).add(number)
        self.matchers: list[tuple[frozenset[int], DependencyMatcher]] = []
        self._doc: Doc | None = None
        self._doc_columns: list[list[int]] = []
        for pattern in clause_patterns():
            matcher = DependencyMatcher(vocab)
            matcher.add(pattern.name, [list(pattern.pattern)])
            self.matchers.append((frozenset(numbers[need] for need in needs[pattern.name]), matcher))

    def candidates(self, sent: Span) -> list[DependencyMatcher]:
        """The matchers of the patterns whose every need ``sent`` meets."""
        met: set[int] = set()
        for met_by, column in zip(self.met_by.values(), self._columns(sent.doc)):
            for value in met_by.keys() & column[sent.start : sent.end]:
                met |= met_by[value]
        return [matcher for needs, matcher in self.matchers if needs <= met]

    def _columns(self, doc: Doc) -> list[list[int]]:
        """The needed attributes of every token of ``doc``, one list per attribute: read once
        for the doc's last sentence asked about and kept for its others."""
        if self._doc is not doc:
            self._doc = doc
            self._doc_columns = doc.to_array(list(NEEDED_ATTRIBUTES.values())).T.tolist()
        return self._doc_columns


@lexicon_cached
def _pattern_index(vocab: Vocab) -> _PatternIndex:
    return _PatternIndex(vocab)


@lexicon_cached
def _programme_words() -> frozenset[str]:
    return frozenset(read_lines("programme_cues.txt"))


@lexicon_cached
def _referring() -> frozenset[str]:
    return frozenset(word_classes().get("refers_back", ()))


@lexicon_cached
def _negations() -> frozenset[str]:
    return frozenset(word_classes().get("negation", ()))


def is_negated(token: Token) -> bool:
    """Whether the clause of ``token`` is denied: "does not work with", "has no partnership with"."""
    negations = _negations()
    for word in (token, token.head):
        if any(c.dep_ in ("neg", "det") and c.lower_ in negations for c in word.children):
            return True
        if word.dep_ not in ("dobj", "pobj", "prep", "attr", "acomp", "advmod", "xcomp"):
            break
    return False


class _Reader:
    """The mentions a matched word stands for, in one sentence."""

    def __init__(self, mentions: Mentions, offset: int, self_mention: Mention | None,
                 previous_programme: Mention | None) -> None:
        self.mentions, self.offset = mentions, offset
        self.self_mention, self.previous = self_mention, previous_programme

    def _one(self, token: Token) -> Mention | None:
        found = self.mentions.at(self.offset + token.idx)
        if found is not None:
            return found
        referring = any(c.lower_ in _referring() for c in token.children)
        if token.lower_ in self_references() and (token.lower_ != "force" or referring):
            return self.self_mention
        if token.lower_ in _programme_words() and referring:
            return self.previous
        return self._owner(token)

    def _owner(self, token: Token) -> Mention | None:
        """An organisation's part or service written with its owner ("Kent Police's roads unit",
        "Medway Council's children's services"), which the text names no further: the owner
        acts through it."""
        for child in token.children:
            if child.dep_ == "poss":
                found = self.mentions.at(self.offset + child.idx)
                if found is not None and found.kind in ORGANISATIONS:
                    return found
        return None

    def standing_for(self, token: Token) -> list[Mention]:
        """The mention at ``token`` and every mention coordinated with it, in text order; a list
        the parse took for an apposition ("A, B and C" as A with "B and C" beside it), or for a
        modifier of the last name ("A and B Group" as one name with "A and" inside it), counts too."""
        first = self._one(token)
        words = [token]
        if first is not None and not first.anaphor:
            span = token.doc.char_span(first.start - self.offset, first.end - self.offset, alignment_mode="expand")
            words = list(span) if span is not None else words
        found: dict[str, Mention] = {first.key or first.name: first} if first is not None else {}
        appositions = [c for word in words for c in word.children if c.dep_ == "appos"]
        listed = [c for c in appositions if c.conjuncts]
        listed += [c for word in words for c in word.children
                   if c.dep_ in ("nmod", "compound") and any(g.dep_ == "cc" for g in c.children)]
        listed += _misparsed_first_items(words)
        for word in words + listed:
            for other in (word, *word.conjuncts):
                mention = self._one(other) or self._named_beside(other)
                if mention is not None:
                    found.setdefault(mention.key or mention.name, mention)
        for mention in (m for c in appositions if not c.conjuncts for m in self._names_only(c)):
            found.setdefault(mention.key or mention.name, mention)
        return sorted(found.values(), key=lambda m: m.start)

    def _names_only(self, token: Token) -> list[Mention]:
        """The names of an apposition that is nothing but a list of names, which the parse hung
        together in its own way ("A, B Police and C Police" with B under C): each word is in a
        name, a comma or "and"."""
        named = [(t, self.mentions.at(self.offset + t.idx)) for t in token.subtree]
        if any(m is None and t.dep_ not in ("punct", "cc") for t, m in named):
            return []
        names: list[Mention] = []
        for _, mention in named:
            if mention is not None and not mention.anaphor and mention not in names:
                names.append(mention)
        return names

    def _named_beside(self, token: Token) -> Mention | None:
        """A list item that is a description with the name beside it ("the charity The
        Matthew Project"): the mention its apposition names."""
        return next((m for c in token.children if c.dep_ == "appos" and (m := self._one(c)) is not None), None)


def _misparsed_first_items(words: list[Token]) -> list[Token]:
    """The first item of a list the parse hung as a modifier of the last ("of A and B" read
    with A as a modifier of B, "and" under A): such a modifier is an item of the list too."""
    return [c for word in words for c in word.children
            if c.dep_ == "nmod" and c.i < word.i and any(g.dep_ == "cc" for g in c.children)]


def _link(a: Mention, b: Mention, predicate: Predicate, pattern: ClausePattern) -> ClauseLink | None:
    if a.key == b.key:
        return None
    if a.kind in ORGANISATIONS and b.kind in ORGANISATIONS:
        return ClauseLink(a, Predicate.COLLABORATES_WITH, b, pattern.confidence, pattern.name)
    if predicate is Predicate.PARTICIPATES_IN:
        if a.kind in ORGANISATIONS and b.kind is Kind.PROGRAMME:
            return ClauseLink(a, predicate, b, pattern.confidence, pattern.name)
        if b.kind in ORGANISATIONS and a.kind is Kind.PROGRAMME:
            return ClauseLink(b, predicate, a, pattern.confidence, pattern.name)
    return None


def _stated(pattern: ClausePattern, roles: dict[str, list[Mention]]) -> list[ClauseLink]:
    agents, partners, programmes = roles["agent"], roles["partner"], roles["programme"]
    pairs = [(a, p, pattern.predicate) for a in agents for p in partners]
    if pattern.together:
        pairs += [(a, b, pattern.predicate) for i, a in enumerate(agents) for b in agents[i + 1 :]]
    pairs += [(m, programme, Predicate.PARTICIPATES_IN) for programme in programmes for m in agents + partners]
    return [link for a, b, predicate in pairs if (link := _link(a, b, predicate, pattern)) is not None]


def _matches(sent: Span) -> list[tuple[ClausePattern, list[int]]]:
    """Every match in ``sent``, in order, as token indices of its doc. A sentence is matched only
    by the patterns it can match (:class:`_PatternIndex`), none when there are none, and as a doc
    of its own (spaCy's DependencyMatcher misreads a span that does not start its doc, and a
    whole line costs more), which is its doc itself when it is the whole doc."""
    running = _pattern_index(sent.doc.vocab).candidates(sent)
    if not running:
        return []
    _, by_id = _matcher(sent.doc.vocab)
    doc = sent.doc if sent.start == 0 and sent.end == len(sent.doc) else sent.as_doc()
    matches = sorted((match for matcher in running for match in matcher(doc)), key=lambda match: (match[1], match[0]))
    return [(by_id[match_id], [sent.start + i for i in token_ids]) for match_id, token_ids in matches]


def clause_links(sent: Span, mentions: list[Mention], offset: int, self_mention: Mention | None = None,
                 previous_programme: Mention | None = None) -> list[ClauseLink]:
    """The links the patterns read in one sentence (``offset``: where its line starts in the document)."""
    reader = _Reader(Mentions(mentions), offset, self_mention, previous_programme)
    found = []
    for pattern, token_ids in _matches(sent):
        ids = [node["RIGHT_ID"] for node in pattern.pattern]
        cue = sent.doc[token_ids[ids.index("cue")]]
        if is_negated(cue) or any(sent.doc[i].pos_ == "VERB" and is_negated(sent.doc[i]) for i in token_ids):
            continue
        roles: dict[str, list[Mention]] = {role: [] for role in ROLES}
        for node, i in zip(ids, token_ids):
            if node in roles:
                roles[node] += [m for m in reader.standing_for(sent.doc[i]) if m not in roles[node]]
        for role in ("agent", "partner"):
            roles[role] += _run_on(sent, roles[role], mentions, offset)
        found += _stated(pattern, roles)
    return found


def _run_on(sent: Span, role: list[Mention], mentions: list[Mention], offset: int) -> list[Mention]:
    """The rest of a list the parse broke off after the last body a role holds in this sentence
    (not one it stands for from elsewhere: "it", the programme named before)."""
    start, end = offset + sent.start_char, offset + sent.end_char
    here = sorted((m for m in role if start <= m.start < end), key=lambda m: m.end)
    return list_run_on(sent, here, mentions, ORGANISATIONS, offset) if here else []


def joins(between: str) -> bool:
    """Whether ``between`` only joins two items of a list: a comma or a ``list_joiner`` word of
    ``link_words.csv`` ("and"), after the brackets of an abbreviation ("A (AB), C")."""
    word = between.strip(" ,()").lower()
    return not word or word in word_classes().get("list_joiner", ())


def list_run_on(sent: Span, found: list[Mention], mentions: list[Mention], wanted: tuple[Kind, ...],
                offset: int) -> list[Mention]:
    """The rest of a list whose first items a cue governs, where the parse broke it off ("with
    local authorities, A and the B to disrupt …" read with B as a new clause's subject): each
    mention joined to the one before by a comma or a ``list_joiner`` word."""
    text, last, more = text_of(sent.doc), found[-1], []
    for target in (m for m in mentions if m.start >= last.end):
        if target.kind not in wanted or not joins(text[last.end - offset : target.start - offset]):
            break
        if all(target.key != m.key for m in found + more):
            more.append(target)
        last = target
    return more
