"""Which programme names a document really gives, and which of them are one programme.

A programme is a name, not a description: "the out of court disposals pilot" and "the ‘develop
you’ scheme" name one, "the new pilot" does not. A name in lower case is a programme only when
the text names it as one somewhere: in quotes, with a programme word after it whose words
before hold a noun ("the out of court disposals pilot", not "the new pilot"), or defined with
an abbreviation in brackets. Names with capitals are names already.

Within a document, a programme written without the qualifiers it had before ("the Mental
Health Crisis Care Concordat" after "the West Mercia Mental Health Crisis Care Concordat") is
the one programme the document names with them, and a defined abbreviation written with a
programme word ("the ESNP programme") is the programme it abbreviates; across documents, names that differ only in a
generic last word or a word of the same kind (``patterns/programme_heads.csv``) share a key
(``keys.programme_core``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from .keys import normalise_name, programme_core, programme_heads
from .mentions import Mention
from .model import Kind
from .resources import lexicon_cached, read_lines
from .textual import QUOTE_CLOSE, QUOTE_OPEN

DEFINED = re.compile(r"\s*\(\s*[A-Z][A-Za-z&]{1,9}\s*\)")
NOUNS = ("NOUN", "PROPN")
MIN_SHARED_WORDS = 2


@lexicon_cached
def _programme_words() -> frozenset[str]:
    """Words that say a name is a programme: those of ``programme_cues.txt`` and the last words
    of ``programme_heads.csv``."""
    return frozenset(read_lines("programme_cues.txt")) | frozenset(programme_heads())


@lexicon_cached
def _word_after() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in sorted(_programme_words(), key=len, reverse=True))
    return re.compile(rf"[{QUOTE_CLOSE}]?\s+(?:{words})s?\b", re.IGNORECASE)


def named_programmes(text: str, mentions: list[Mention], line_docs: list[tuple[int, Doc]]) -> list[Mention]:
    """``mentions`` without the lower-case programme names the document never names as one."""
    lower = {m.name for m in mentions if m.kind is Kind.PROGRAMME and not m.anaphor and m.name == m.name.lower()}
    if not lower:
        return mentions
    starts = [offset for offset, _ in line_docs]
    named = {m.name for m in mentions if m.name in lower and not m.anaphor and _named_here(text, m, line_docs, starts)}
    return [m for m in mentions if m.name not in lower - named or m.anaphor]


def _named_here(text: str, mention: Mention, line_docs: list[tuple[int, Doc]], starts: list[int]) -> bool:
    """Whether this occurrence names a programme: quoted, defined, or "the X pilot" with a noun in X."""
    before, after = text[mention.start - 1 : mention.start], text[mention.end : mention.end + 1]
    if before and after and before in QUOTE_OPEN and after in QUOTE_CLOSE:
        return True
    if DEFINED.match(text, mention.end):
        return True
    words = mention.text.split()
    if words[-1].lower() in _programme_words():
        qualifiers_end = mention.end - len(words[-1])
    elif _word_after().match(text, mention.end):
        qualifiers_end = mention.end
    else:
        return False
    line = bisect_right(starts, mention.start) - 1
    if line < 0:
        return False
    offset, doc = line_docs[line]
    span = doc.char_span(mention.start - offset, qualifiers_end - offset, alignment_mode="expand")
    return span is not None and any(t.pos_ in NOUNS for t in span)


def programme_variants(mentions: list[Mention]) -> list[Mention]:
    """A programme name that is the end of exactly one longer programme name of the document
    (its qualifiers left off), or a defined abbreviation with a programme word ("the ESNP
    programme" after "Emergency Services Network Programme (ESNP)"), names that programme."""
    programmes = [m for m in mentions if m.kind is Kind.PROGRAMME and not m.anaphor]
    words_of = {m.name: tuple(normalise_name(m.name, Kind.PROGRAMME).split()) for m in programmes}
    defined = {m.text: m.name for m in programmes if m.text != m.name and m.text.isupper() and " " not in m.text}
    names: dict[tuple[str, ...], str] = {}
    for name, words in words_of.items():
        names.setdefault(words, name)
    ending_with: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for words in names:
        for size in range(MIN_SHARED_WORDS, len(words)):
            ending_with.setdefault(words[-size:], []).append(words)
    target: dict[tuple[str, ...], str] = {}
    for words, name in names.items():
        expansion = defined.get(programme_core(name))
        if expansion is not None and expansion != name:
            target[words] = expansion
            continue
        longer = sorted(ending_with.get(words, ()), key=len)
        if longer and all(other == longer[-1][-len(other):] for other in longer):
            target[words] = names[longer[-1]]
    if not target:
        return mentions
    return [replace(m, name=target[words_of[m.name]])
            if m.kind is Kind.PROGRAMME and not m.anaphor and words_of[m.name] in target else m for m in mentions]
