"""The unit a document is about, and the words by which it names itself.

A regional organised crime unit's annual report names the unit in its heading and then says
"the unit", "we" and "our": those words are the unit there (``patterns/unit_references.csv``),
as "the force" is the force of an inspection report. A document is the unit's own report when
the first header line naming any organisation names exactly one, and it is a unit of
``units.csv`` or a body whose name ends in a head noun the references file lists (a
partnership's plan: "Safe Anytown Partnership Plan", then "the partnership"). A document that
names one unit of ``units.csv`` near its start and no other (an agreement's summary) is about it
too, but only "the unit" names it there: "we" is its writer.

Sentences that leave their subject unsaid are read here too (:class:`UnsaidSubjects`): a note
under a heading that names one body, and "It" right after a sentence about a body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from .abbreviations import find_definitions
from .doc_text import text_of
from .gazetteer import unit_keys
from .mentions import Mention, Occupied
from .metadata import header_lines
from .model import Kind
from .resolve import with_keys
from .resources import lexicon_cached, read_csv, read_lines

NEAR_START = 1500


@dataclass(frozen=True)
class OwnUnit:
    """The unit a document is about, and whether the document is the unit's own report."""

    unit: Mention
    own_report: bool


def about_unit(text: str, mentions: list[Mention]) -> OwnUnit | None:
    """The unit the document's header names alone, else the one unit the document names, when
    it names it near its start; with its corpus key, as its references carry it."""
    for start, end in header_lines(text):
        named = {m.key: m for m in mentions if start <= m.start < end and not m.anaphor
                 and m.kind in (Kind.FORCE, Kind.PARTNER)}
        if named:
            only = next(iter(named.values())) if len(named) == 1 else None
            if only is not None and (only.key in unit_keys() or _head(only.name) in _heads()):
                return OwnUnit(with_keys([only], None)[0], True)
            break
    units = [m for m in mentions if m.key in unit_keys() and not m.anaphor]
    if units and len({m.key for m in units}) == 1 and min(m.start for m in units) < NEAR_START:
        return OwnUnit(units[0], False)
    return None


def as_own_body(mentions: list[Mention], about: OwnUnit | None) -> list[Mention]:
    """The body's name without its place ("the Regional Organised Crime Unit", "the ROCU" in
    the Northshire Regional Organised Crime Unit's report) is the body, not a body of its own:
    a mention whose name ends the body's name, a word or more shorter, is the body."""
    if about is None:
        return mentions
    unit = about.unit
    words = unit.name.lower().split()
    suffixes = {" ".join(words[i:]) for i in range(1, len(words) - 1)}
    return [replace(m, kind=unit.kind, name=unit.name, key=unit.key)
            if m.kind is Kind.PARTNER and not m.anaphor and m.name.lower() in suffixes else m for m in mentions]


def _head(name: str) -> str:
    """The last word of a body's name, lower-cased: what kind of body it calls itself."""
    words = name.split()
    return words[-1].lower() if words else ""


@lexicon_cached
def _heads() -> frozenset[str]:
    """The head nouns by which a body can name itself ("the partnership")."""
    return frozenset(row["head"] for row in read_csv("unit_references.csv") if row["head"])


@lexicon_cached
def _reference(own_report: bool, head: str) -> re.Pattern[str]:
    phrases = sorted((row["words"] for row in read_csv("unit_references.csv")
                      if (own_report or row["where"] == "any") and row["head"] in ("", head)),
                     key=len, reverse=True)
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(map(re.escape, phrases))})(?=[’']s\b|(?![\w’'-]))")


def _own_head(unit: Mention) -> str:
    """The head noun the body names itself by: a unit of ``units.csv`` is a unit whatever its name."""
    return "unit" if unit.key in unit_keys() else _head(unit.name)


def unit_references(text: str, about: OwnUnit, taken: list[Mention]) -> list[Mention]:
    """"the unit", and in its own report "we" and its own teams: the document's unit, wherever no
    other mention takes the words."""
    occupied = Occupied(taken)
    unit = about.unit
    found = []
    for start, end in sorted(_referring_stretches(text, about)):
        if occupied.is_free(start, end):
            found.append(Mention(Kind.PARTNER, start, end, text[start:end], unit.name, unit.key, anaphor=True))
            occupied.take(start, end)
    return found


def _referring_stretches(text: str, about: OwnUnit) -> list[tuple[int, int]]:
    stretches = [_with_team(text, m) for m in _reference(about.own_report, _own_head(about.unit)).finditer(text)]
    if not about.own_report:
        return stretches
    return stretches + _team_stretches(text) + _kind_initials(text, about.unit.name)


SHORT_NAME_WORDS = 3


def _kind_initials(text: str, name: str) -> list[tuple[int, int]]:
    """The initials of the body's name without its place ("the ROCU" in the Northshire
    Regional Organised Crime Unit's own report): of a shorter ending of its name, three words
    or more."""
    words = name.split()
    initials = {"".join(w[0] for w in words[i:]).upper() for i in range(1, len(words) - SHORT_NAME_WORDS + 1)}
    if not initials:
        return []
    pattern = re.compile(rf"(?<![\w’'-])(?:{'|'.join(map(re.escape, sorted(initials)))})(?![\w’'-])")
    return [m.span() for m in pattern.finditer(text)]


@lexicon_cached
def _possessed_team() -> re.Pattern[str]:
    """A team the body's possessive names: "the unit's cyber crime team", "our control room"."""
    cues = sorted((cue.lower() for cue in read_lines("internal_unit_cues.txt")), key=len, reverse=True)
    return re.compile(rf"(?:[’']s)?(?: [a-z][a-z-]*){{0,3}}? (?:{'|'.join(map(re.escape, cues))})(?![\w’'-])")


def _with_team(text: str, reference: re.Match[str]) -> tuple[int, int]:
    """The reference's stretch, taking in the team it possesses: that team's work is the body's."""
    team = _possessed_team().match(text, reference.end())
    possessive = team is not None and (text.startswith(("’", "'"), reference.end())
                                       or reference.group().lower() == "our")
    return (reference.start(), team.end()) if possessive else reference.span()


def _team_stretches(text: str) -> list[tuple[int, int]]:
    """A body's own teams, which its own report defines ("the Regional Cyber Crime Unit (RCCU)",
    `patterns/internal_unit_cues.txt` for the head word): the long form and every later use of
    the abbreviation. A team's work is the body's, as an officer's is the force's."""
    cues = frozenset(read_lines("internal_unit_cues.txt"))
    stretches = []
    for definition in find_definitions(text):
        if text[definition.start : definition.end].split()[-1] not in cues:
            continue
        stretches.append((definition.start, definition.end))
        used = re.compile(rf"(?<![\w’'-]){re.escape(definition.abbreviation)}(?![\w’'-])")
        stretches += [m.span() for m in used.finditer(text, definition.end)]
    return stretches


HEADING_WORDS = 8
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_BULLET = re.compile(r"^\s*(?:[-•●◦▪*–]|\(?\d{1,2}[.)])\s+")


def heading_body(line: Doc, named: list[Mention], body: Mention | None) -> Mention | None:
    """The body a heading line names alone ("What is the Unit?", "About Northshire Partnership"):
    the lines below it that leave their subject unsaid are about it. A heading naming no body, or
    several, ends the last one's reach; a line of prose, a list item or a subjectless note keeps it."""
    whole = text_of(line)
    text = whole.strip()
    if not text or text.endswith((".", ",", ";")) or len(text.split()) > HEADING_WORDS or _BULLET.match(whole) \
            or any(subjectless(sent) for sent in line.sents):
        return body
    bodies = {m.key or m.name: m for m in named if m.kind in (Kind.FORCE, Kind.PARTNER)}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def subjectless(sent: Span) -> bool:
    """A sentence that opens on its verb and has no subject ("Worked in conjunction with A and
    B", "- Comprised of officers from A"): a list item or note that leaves its body unsaid. Only
    the first word is looked at, so the rest of the sentence is not read for it."""
    first = next((t for t in sent if not t.is_punct and not t.is_space and not _BULLET.fullmatch(t.text + " ")), None)
    if first is None or first.pos_ not in ("VERB", "AUX") or first.tag_ not in ("VBD", "VBN", "VBZ", "VBG"):
        return False
    return not any(t.dep_ in _SUBJECTS for t in sent)


def _sentence_subject(sent: Span, mentions: list[Mention], offset: int) -> Mention | None:
    """The organisation named as the subject of a sentence's main verb: what it is about."""
    for token in sent.root.children:
        if token.dep_ in ("nsubj", "nsubjpass"):
            found = next((m for m in mentions if m.start <= offset + token.idx < m.end), None)
            return found if found is not None and found.kind in (Kind.FORCE, Kind.PARTNER) else None
    return None


def _opens_with_it(sent: Span) -> bool:
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text == "It" and first.dep_ in ("nsubj", "nsubjpass")


class UnsaidSubjects:
    """Who a sentence is about when it does not say, read line by line: "It" right after a
    sentence about a body ("The Unit was set up in 2019. It brings together A, B and C") is
    that body; a subjectless note is about the one body the last heading named
    (:func:`heading_body`); otherwise "it" is the document's own (``own``)."""

    def __init__(self, own: Mention | None) -> None:
        self.own = own
        self.headed: Mention | None = None
        self.topic: Mention | None = None

    def of(self, sent: Span, mentions: list[Mention], offset: int,
           lead: Mention | None) -> tuple[Mention | None, Mention | None]:
        """The body "it" means in ``sent``, and the subject it leaves unsaid (a list's ``lead``
        first); the sentence's own subject becomes the topic for the next."""
        it = self.topic if self.topic is not None and _opens_with_it(sent) else self.own
        self.topic = _sentence_subject(sent, mentions, offset)
        return it, lead or (self.headed if subjectless(sent) else None)

    def after_line(self, line: Doc, named: list[Mention]) -> None:
        """A line ends: its topic with it, and a heading sets the body notes below it are about."""
        self.topic = None
        self.headed = heading_body(line, named, self.headed)
