"""Bodies that "also took part", with no "in" to say in what: a report on one exercise or
operation names it once and then lists who else joined ("Crews from A, B and C also took
part, as did volunteers from D"). They take part in the programme the document named last
before the sentence; without one, the sentence states nothing.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .clauses import ORGANISATIONS, is_negated, word_classes
from .doc_text import span_text
from .links import SentenceLink
from .mentions import Mention
from .model import Predicate

CONFIDENCE = 0.65


def took_part(sent: Span, mentions: list[Mention], offset: int, programme: Mention | None) -> list[SentenceLink]:
    """Every organisation named in the subject of an intransitive "took part" (or of an "as
    did …" clause beside it) takes part in ``programme``, the one named last before."""
    if programme is None or "part" not in span_text(sent).lower():
        return []  # no word "part" in the sentence: cheaper to see in its text than token by token
    found: list[SentenceLink] = []
    for verb in (t.head for t in sent if t.lower_ == "part" and t.dep_ == "dobj"):
        if verb.lower_ not in word_classes().get("take_part", ()) or is_negated(verb) or _says_in_what(verb):
            continue
        for subject in _subjects(verb):
            start, end = offset + subject.left_edge.idx, offset + subject.right_edge.idx + len(subject.right_edge)
            found += [SentenceLink(m, Predicate.PARTICIPATES_IN, programme, CONFIDENCE) for m in mentions
                      if m.kind in ORGANISATIONS and m.key and start <= m.start and m.end <= end]
    return found


def _says_in_what(verb: Token) -> bool:
    """Whether "took part" names what it was part of ("in the launch", "of the team")."""
    part = next(c for c in verb.children if c.lower_ == "part")
    return any(c.dep_ == "prep" and c.lower_ in ("in", "of") for c in (*verb.children, *part.children))


def _subjects(verb: Token) -> list[Token]:
    """The subject of "took part", and that of an "as did …" clause hung on it."""
    clauses = [verb] + [c for c in verb.children if c.dep_ == "advcl" and c.lemma_ == "do"
                        and any(g.lower_ == "as" for g in c.children)]
    return [c for clause in clauses for c in clause.children if c.dep_ == "nsubj"]
