"""Claim status of a link: whether the words of its own clause state it as in place, planned,
recommended or ended.

A sentence often states two things: "Kent Police continues to work with Essex Police and
should review its plans" states a collaboration that is in place, and a recommendation about
something else. So the status of a link is read only from the words that govern its clause:
the path in the dependency parse between its two mentions (or, with one of them outside the
sentence, from the mention up to its verb), the verbs that path hangs from through "to" and
"that" clauses ("plans to work with", "we recommend that X works with"), the verb a noun on
the path is the subject or object of ("its partnership with Y ended"), and the modifiers of
every word on the path: auxiliaries and modals ("will", "should"), negation and adverbs ("no
longer", "formerly"), time phrases ("from April next year"), adjectives ("the proposed
collaboration") and a condition's conjunction ("if funding is agreed, X would join"). Other
clauses of the sentence (a coordinated verb, a relative clause, a clause in brackets) do not
count.

The cues are regular expressions in ``patterns/status_cues.csv``, tried in file order over
those words (lower case, in text order, the mentions' own words left out); the first that
matches gives the status, and none gives "in place". A cue whose ``reach`` is "described"
also counts in the clause of what the link's relative clause describes: "the unit that A ran
with B was disbanded" ended the link, where "the unit that A runs with B should be reviewed"
recommends nothing about it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .mentions import Mention
from .resources import lexicon_cached, read_csv

IN_PLACE = "in place"
# Dependencies that start another clause: its words say nothing of the link's clause.
CLAUSE_EDGES = frozenset({"conj", "cc", "advcl", "relcl", "acl", "ccomp", "xcomp", "parataxis", "csubj",
                          "csubjpass", "appos", "punct", "dep", "meta"})
# Dependencies by which a clause hangs from the verb that governs its status.
GOVERNED = frozenset({"xcomp", "ccomp"})
# Dependencies by which a noun on the path is an argument of a verb.
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep", "oprd", "agent"})
# Modifiers whose words count, and how many levels below them ("from April next year").
MODIFIERS = {"aux": 1, "auxpass": 1, "neg": 0, "mark": 0, "prt": 0, "advmod": 2, "npadvmod": 2, "prep": 2,
             "amod": 1}
VERBS = ("VERB", "AUX")
# Where a pronoun stands for an end of the link the sentence does not name.
PRONOUN_ROLES = frozenset({"nsubj", "nsubjpass", "poss"})
# Children that give a verb a clause of its own: where a path from one mention stops climbing.
OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


@dataclass(frozen=True)
class StatusCue:
    """A status and the words that state it; ``described``: also in the clause of what the
    link's relative clause describes."""

    status: str
    pattern: re.Pattern[str]
    described: bool = False


@lexicon_cached
def status_cues() -> tuple[StatusCue, ...]:
    """Every row of ``status_cues.csv``, in file order."""
    return tuple(StatusCue(row["status"], re.compile(row["cue"], re.IGNORECASE), row.get("reach") == "described")
                 for row in read_csv("status_cues.csv"))


def claim_status(text: str) -> str:
    """"ended", "recommended", "planned" or "in place", from the first cue anywhere in ``text``:
    for a quote that states one thing, such as a fund's."""
    return next((cue.status for cue in status_cues() if cue.pattern.search(text)), IN_PLACE)


def link_status(sent: Span, subject: Mention, obj: Mention, offset: int, written: list[Mention]) -> str:
    """The status of the link between ``subject`` and ``obj`` stated in ``sent`` (whose line
    starts at ``offset`` in the document, and which names ``written``), from the words
    governing its clause. An end named elsewhere in the document stands where the sentence
    names it again, else where a pronoun stands as a subject or possessor ("that it will
    recruit from the scheme")."""
    spans = [_span(sent, _here(end, written), offset) for end in (subject, obj)]
    heads = [span.root for span in spans if span is not None]
    pronoun = next((t for t in sent if t.pos_ == "PRON" and t.dep_ in PRONOUN_ROLES), None) if len(heads) == 1 else None
    if pronoun is not None and pronoun.i != heads[0].i:
        heads.append(pronoun)
    clause = _with_governors(_path(heads) if heads else [sent.root])
    inside = {t.i for span in spans if span is not None for t in span}
    own = _text(_clause_words(clause), inside)
    top = clause[-1]
    host = _text(_clause_words(_with_governors([top.head])), inside) if top.dep_ in ("relcl", "acl") else ""
    for cue in status_cues():
        if cue.pattern.search(own) or (cue.described and cue.pattern.search(host)):
            return cue.status
    return IN_PLACE


def _here(mention: Mention, written: list[Mention]) -> Mention:
    """``mention`` as the sentence writes it, if it does."""
    return next((m for m in written if m.key == mention.key and not m.anaphor), mention)


def _text(words: list[Token], left_out: set[int]) -> str:
    """The words in text order, lower case, without those of ``left_out``."""
    return " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i) if t.i not in left_out)


def _span(sent: Span, mention: Mention, offset: int) -> Span | None:
    """The tokens of ``mention`` when it is written in ``sent``."""
    start, end = mention.start - offset, mention.end - offset
    if start < sent.start_char or end > sent.end_char:
        return None
    return sent.doc.char_span(start, end, alignment_mode="expand")


def _ancestors(token: Token) -> list[Token]:
    """``token`` and every word above it, up to its sentence's root."""
    found = [token]
    while found[-1].head.i != found[-1].i:
        found.append(found[-1].head)
    return found


def _path(heads: list[Token]) -> list[Token]:
    """The words between two mentions in the parse (up to where their branches meet), or, for
    one mention, from it up to the first verb with a clause of its own (a subject or an
    auxiliary other than the path's words); the highest word last."""
    first = _ancestors(heads[0])
    if len(heads) == 2:
        second = _ancestors(heads[1])
        above = {t.i for t in second}
        meet = next((i for i, t in enumerate(first) if t.i in above), len(first) - 1)
        top = first[meet]
        return second[: next(i for i, t in enumerate(second) if t.i == top.i)] + first[: meet + 1]
    on_path = {t.i for t in first}
    verb = next((i for i, t in enumerate(first) if t.pos_ in VERBS and any(
        c.dep_ in OWN_CLAUSE and c.i not in on_path for c in t.children)), len(first) - 1)
    return first[: verb + 1]


def _with_governors(path: list[Token]) -> list[Token]:
    """The path and the verbs of its clause: the verb whose subject or object a noun at its top
    is ("the partnership with Y ended"), the verbs above it through "to" and "that" clauses
    ("plans to work with", "we recommend that X works with", "plans to invest … to support
    its programme"), and the verbs below any of these through "to" clauses ("A and B are to
    set up a joint team"). ``path[-1]`` is its top."""
    top = path[-1]
    found = list(path)
    while top.pos_ not in VERBS and top.dep_ in ARGUMENTS and top.head.i != top.i:
        top = top.head
        found.append(top)
    while _governed(top) and top.head.i != top.i:
        top = top.head
        found.append(top)
    below = [t for t in found if t.pos_ in VERBS]
    while below:
        below = [c for t in below for c in t.children if c.dep_ == "xcomp"]
        found += below
    return found


def _governed(verb: Token) -> bool:
    """Whether ``verb`` heads a clause whose status the verb above it sets: a complement ("plans
    to work", "recommend that … works") or an infinitive of purpose ("invest … to support")."""
    return verb.dep_ in GOVERNED or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO"
                                                                   for c in verb.children))


def _clause_words(path: list[Token]) -> list[Token]:
    """The words on the path and their modifiers (a condition by its conjunction and verb)."""
    words = {t.i: t for t in path}
    for token in path:
        for child in token.children:
            if child.dep_ in MODIFIERS:
                words.update((t.i, t) for t in _below(child, MODIFIERS[child.dep_]))
            elif child.dep_ == "advcl":
                marks = [c for c in child.children if c.dep_ == "mark"]
                words.update((t.i, t) for t in marks + ([child] if marks else []))
    return list(words.values())


def _below(token: Token, depth: int) -> list[Token]:
    """``token`` and the words up to ``depth`` levels under it, not crossing into another clause."""
    found, level = [token], [token]
    for _ in range(depth):
        level = [c for t in level for c in t.children if c.dep_ not in CLAUSE_EDGES]
        found += level
    return found
