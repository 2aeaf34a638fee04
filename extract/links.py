"""Links between entities read from sentence structure and cue words, with claim status."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from .mentions import Mention
from .model import Kind, Predicate
from .resources import read_csv

ORGANISATIONS = (Kind.FORCE, Kind.PARTNER)
SELF_REFERENCES = frozenset({"it", "force", "its"})


@dataclass(frozen=True)
class Cue:
    predicate: Predicate
    pattern: re.Pattern[str]
    confidence: float


@dataclass(frozen=True)
class SentenceLink:
    """A link read from one sentence, between mentions of that sentence."""

    subject: Mention
    predicate: Predicate
    object: Mention
    confidence: float
    status: str


@lru_cache(maxsize=None)
def cues() -> tuple[Cue, ...]:
    return tuple(
        Cue(Predicate(row["predicate"]), re.compile(rf"\b{row['cue']}\b", re.IGNORECASE), float(row["confidence"]))
        for row in read_csv("link_cues.csv")
    )


@lru_cache(maxsize=None)
def _status_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["status"], re.compile(row["cue"], re.IGNORECASE)) for row in read_csv("status_cues.csv"))


def claim_status(sentence: str) -> str:
    """"ended", "recommended", "planned" or "in place", from the sentence's wording."""
    for status, pattern in _status_cues():
        if pattern.search(sentence):
            return status
    return "in place"


def _mention_at(token: Token, mentions: list[Mention], offset: int) -> Mention | None:
    position = offset + token.idx
    return next((m for m in mentions if m.start <= position < m.end), None)


def _governing_verb(token: Token) -> Token:
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            return token
        token = token.head
    return token


def _subject(cue_token: Token, mentions: list[Mention], offset: int, self_mention: Mention | None) -> Mention | None:
    """The organisation that does the linking: the grammatical subject, or a possessor."""
    for child in cue_token.children:
        if child.dep_ == "poss":
            return _resolve_subject(child, mentions, offset, self_mention)
    verb = _governing_verb(cue_token)
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return _resolve_subject(subjects[0], mentions, offset, self_mention)
        if verb.dep_ not in ("conj", "xcomp", "advcl", "relcl", "acl") or verb.head is verb:
            break
        verb = verb.head
    return None


def _resolve_subject(token: Token, mentions: list[Mention], offset: int, self_mention: Mention | None) -> Mention | None:
    found = _mention_at(token, mentions, offset)
    if found is not None:
        return found
    if token.lower_ in SELF_REFERENCES:
        return self_mention
    return None


def sentence_links(sent: Span, mentions: list[Mention], offset: int, self_mention: Mention | None) -> list[SentenceLink]:
    """Links in one sentence: a cue, its subject organisation, and the mentions it governs."""
    text = sent.text
    status = claim_status(text)
    found: dict[tuple[str, Predicate, str], SentenceLink] = {}
    for cue in cues():
        for match in cue.pattern.finditer(text):
            position = offset + sent.start_char + match.start()
            if any(m.start <= position < m.end for m in mentions):
                continue
            cue_token = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                           alignment_mode="expand")
            if cue_token is None:
                continue
            subject = _subject(cue_token[-1], mentions, offset, self_mention)
            if subject is None or subject.kind not in ORGANISATIONS:
                continue
            wanted = ORGANISATIONS if cue.predicate is Predicate.COLLABORATES_WITH else (Kind.PROGRAMME,)
            scope = {t.i for t in _governing_verb(cue_token[-1]).subtree}
            for target in mentions:
                if target.kind not in wanted or target.start < position or target.key == subject.key:
                    continue
                head = sent.doc.char_span(target.start - offset, target.end - offset, alignment_mode="expand")
                if head is None or head.root.i not in scope:
                    continue
                link = SentenceLink(subject, cue.predicate, target, cue.confidence, status)
                found.setdefault((subject.key or "", cue.predicate, target.key or ""), link)
    return list(found.values())
