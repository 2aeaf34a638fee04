"""Mentions: the entities spaCy marked in one line of a document, typed for the graph."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .doc_text import span_text
from .gazetteer import by_key, known_organisations
from .model import Kind
from .names import is_plausible_name, split_title
from .resources import lexicon_cached, read_csv, read_lines

MAX_TITLE_TOKENS = 4
# A post run into a body's name is one of the name's first words ("Locality Manager X").
MAX_POST_PREFIX_TOKENS = 3
KIND_FOR_LABEL = {"FORCE": Kind.FORCE, "PARTNER": Kind.PARTNER, "PROGRAMME": Kind.PROGRAMME}


@dataclass
class Mention:
    """A stretch of document text that names (or, if ``anaphor``, refers to) an entity."""

    kind: Kind
    start: int
    end: int
    text: str
    name: str
    key: str | None = None
    title: str | None = None
    anaphor: bool = False


@dataclass(frozen=True)
class PostMention:
    """A post written with its place, such as "Kent Police and Crime Commissioner"."""

    start: int
    end: int
    text: str


@lexicon_cached
def _word_set(name: str) -> frozenset[str]:
    return frozenset(read_lines(name))


@lexicon_cached
def alias_index() -> dict[str, tuple[str, Kind, str]]:
    """Lower-cased name or alias -> (key, kind, canonical label) for every known organisation."""
    return {name.lower(): (org.key, org.kind, org.label) for org in known_organisations() for name in org.names}


def _trim(span: Span) -> Span:
    stop = _word_set("name_stopwords.txt")
    start, end = _last_cell(span)
    doc = span.doc
    while start < end and (doc[start].lower_ in stop or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    words = [t.lower_ for t in doc[start:end]]
    for prefix in _heading_prefixes():
        if words[: len(prefix)] == list(prefix) and len(words) > len(prefix):
            return doc[start + len(prefix) : end]
    return _without_run_in_post(doc[start:end])


def _without_run_in_post(span: Span) -> Span:
    """``span`` without a person's post spaCy ran into the body's name: the words up to a post
    word among its first (``name_post_words.txt``: "Area Manager Northshire Housing Trust"),
    and a person named there with "of" ("Manager Jo Bell of Northshire Fire and Rescue
    Service"). Two words at least must stay."""
    posts = _word_set("name_post_words.txt")
    cut = max((i + 1 for i, token in enumerate(span[:MAX_POST_PREFIX_TOKENS]) if token.lower_ in posts), default=0)
    if not cut:
        return span
    rest = span[cut:]
    of = next((i for i, token in enumerate(rest[:MAX_TITLE_TOKENS]) if token.lower_ == "of"), None)
    if of is not None and rest[0].text in _word_set("given_names.txt"):
        rest = rest[of + 1 :]
    return rest if len(rest) >= 2 and rest[0].text[:1].isupper() else span


def _last_cell(span: Span) -> tuple[int, int]:
    """Token bounds of the part of ``span`` after its last TAB: a name never crosses a table
    cell, and spaCy, which reads a row as one sentence, can run one over a person's name in the
    cell before ("Jo Bell<TAB>Board" of a row "Jo Bell<TAB>Board Member")."""
    spaces = [token.i for token in span if token.is_space]
    return (spaces[-1] + 1 if spaces else span.start), span.end


@lexicon_cached
def _heading_prefixes() -> tuple[tuple[str, ...], ...]:
    """"Meeting of the Police and Crime Panel": words a heading writes before a body's name."""
    return tuple(sorted((tuple(line.lower().split()) for line in read_lines("name_heading_prefixes.txt")),
                        key=len, reverse=True))


def _has_word(text: str, words: frozenset[str]) -> bool:
    return bool(words) and _any_word(words).search(text) is not None


@lexicon_cached
def _any_word(words: frozenset[str]) -> re.Pattern[str]:
    """Any of ``words`` written as a word of its own, in one pattern compiled once."""
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in sorted(words))})\b")


def _organisation(span: Span, offset: int) -> Mention | None:
    """An organisation found by NER, kept only when its head word says it is one a force works with.

    Without such a head word it may be a person the model mistyped ("Helena Marchbank").
    """
    text = span_text(span)
    known = alias_index().get(text.lower())
    if known:
        key, kind, label = known
        return Mention(kind, offset + span.start_char, offset + span.end_char, text, label, key)
    span = _trim(span)
    text = span_text(span)
    if not text or _has_word(text, _word_set("internal_unit_cues.txt")):
        return None
    if span[-1].text not in _word_set("org_cues.txt"):
        return _person(span, offset)
    return _named(span, Kind.PARTNER, offset)


def is_free(start: int, end: int, taken: list[Mention]) -> bool:
    """Whether ``start:end`` overlaps none of the ``taken`` mentions."""
    return not any(m.start < end and start < m.end for m in taken)


class Occupied:
    """The stretches of a text that mentions already take, for many "is this free?" questions.

    :func:`is_free` scans every mention; this keeps the stretches sorted, so a question only
    looks at those starting within the longest stretch's length before it.
    """

    def __init__(self, taken: Iterable[Mention] = ()) -> None:
        self._spans = sorted((m.start, m.end) for m in taken)
        self._longest = max((end - start for start, end in self._spans), default=0)

    def is_free(self, start: int, end: int) -> bool:
        first = bisect_left(self._spans, (start - self._longest, start))
        last = bisect_left(self._spans, (end, end))
        return not any(s < end and start < e for s, e in self._spans[first:last])

    def take(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)


class Mentions(list):
    """Mentions sorted by start that can also say which of them covers a character.

    :meth:`at` looks only at mentions starting within the longest one's length before the
    character, so asking for every token of a sentence costs little more than the tokens.
    """

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        super().__init__(mentions)
        self._starts = [m.start for m in self]
        self._longest = max((m.end - m.start for m in self), default=0)

    def at(self, position: int) -> Mention | None:
        """The first mention whose stretch holds ``position``, or ``None``."""
        first = bisect_left(self._starts, position - self._longest)
        last = bisect_right(self._starts, position)
        return next((m for m in self[first:last] if m.start <= position < m.end), None)


def is_generic(name: str) -> bool:
    """Whether a name is only descriptive words ("the Fire and Rescue Service", "District Council")."""
    generic = _word_set("generic_org_words.txt")
    return all(word.lower() in generic for word in re.findall(r"[\w’'-]+", name))


@lexicon_cached
def _post_prefix() -> re.Pattern[str]:
    posts = sorted((row["post"] for row in read_csv("posts.csv")), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(p) for p in posts)}) of (?:the )?")


@lexicon_cached
def _held_post_prefix() -> re.Pattern[str]:
    """A rank written straight before a body's name in a list row ("Area Manager Youth Justice
    Agency"): the ``ranks.csv`` titles of two words or more."""
    words = sorted((row["title"] for row in read_csv("ranks.csv") if " " in row["title"]), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(p) for p in words)}) (?=[A-Z]\S* [A-Z])")


def _without_post(span: Span, kind: Kind = Kind.PARTNER) -> Span:
    """"Chair of Crime Rural Advisory Group" names the group, not a body called "Chair of …";
    "Area Manager Youth Justice Agency" names the agency, a post held there before it."""
    text = span_text(span)
    match = _post_prefix().match(text) or (_held_post_prefix().match(text) if kind is Kind.PARTNER else None)
    if not match:
        return span
    rest = span.doc.char_span(span.start_char + match.end(), span.end_char, alignment_mode="contract")
    return rest if rest is not None and len(rest) else span


def _named(span: Span, kind: Kind, offset: int) -> Mention | None:
    """A partner or programme matched by a pattern, without leading function words or posts."""
    span = _without_post(_trim(span), kind)
    if len(span) < 2 and kind is not Kind.PARTNER:
        return None
    text = span_text(span)
    if not text or (kind is Kind.PARTNER and not any(t.is_title or t.is_upper for t in span)):
        return None
    return Mention(kind, offset + span.start_char, offset + span.end_char, text, text)


def _with_hyphenated_tail(span: Span) -> Span:
    """"Rhian Vaughan" + "-Hughes": a double-barrelled surname the model cut at the hyphen."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title and not doc[end].whitespace_:
        end += 2
    return doc[span.start : end]


def _person(span: Span, offset: int) -> Mention | None:
    """A person NER found: a title, or a known given name first, tells names from other capitals."""
    span = _with_hyphenated_tail(span)
    text = span_text(span)
    person = split_title(text)
    if not is_plausible_name(person) or _has_word(person.name, _word_set("org_cues.txt")):
        return None
    if not person.title and (len(person.tokens) < 2 or person.tokens[0] not in _word_set("given_names.txt")):
        return None
    return Mention(Kind.PERSON, offset + span.start_char, offset + span.end_char, text, person.name,
                   title=person.title)


def _titled_person(span: Span, offset: int) -> Mention | None:
    """Extend a PERSON span left over a title NER left out ("ACC" + "Matthew Horne", "D/Supt")."""
    doc = span.doc
    best_start, best_title = span.start, split_title(span_text(span)).title or ""
    for start in range(span.start - 1, max(-1, span.start - MAX_TITLE_TOKENS - 1), -1):
        if doc[start].text in {",", ":", ";", "(", ")"} or doc[start].is_space:
            break
        title = split_title(span_text(doc[start : span.end])).title or ""
        if len(title) > len(best_title):
            best_start, best_title = start, title
    return _person(doc[best_start : span.end], offset)


def _first_cell(span: Span) -> Span:
    """The part of an entity before a tab: a tab ends a table cell, and no name runs from one
    cell into the next ("Jane Rowe<TAB>Chair" is a member and her role)."""
    for token in span:
        if "\t" in token.text:
            return span.doc[span.start : token.i]
        if "\t" in token.whitespace_:
            return span.doc[span.start : token.i + 1]
    return span


def mentions_in(doc: Doc, offset: int) -> tuple[list[Mention], list[PostMention]]:
    """Typed mentions and place-qualified posts in ``doc``, with offsets into the document."""
    mentions: list[Mention] = []
    posts: list[PostMention] = []
    for found in doc.ents:
        ent = _first_cell(found)
        if not len(ent):
            continue
        label, text = ent.label_, span_text(ent)
        mention: Mention | None = None
        known = by_key().get(ent.ent_id_) if ent.ent_id_ else None
        if label in KIND_FOR_LABEL and known is None and text.lower() in alias_index():
            known = by_key()[alias_index()[text.lower()][0]]
        if label in ("FORCE", "PARTNER", "ORG") and known is not None:
            mention = Mention(known.kind, offset + ent.start_char, offset + ent.end_char, text, known.label, known.key)
        elif label in KIND_FOR_LABEL:
            mention = _named(ent, KIND_FOR_LABEL[label], offset)
        elif label == "FORCE_REF":
            mention = Mention(Kind.FORCE, offset + ent.start_char, offset + ent.end_char, text, text, anaphor=True)
        elif label == "PCC_POST":
            posts.append(PostMention(offset + ent.start_char, offset + ent.end_char, text))
        elif label == "ORG":
            mention = _organisation(ent, offset)
        elif label == "PERSON":
            mention = _titled_person(ent, offset)
        elif label == "TITLED_PERSON":
            mention = _person(ent, offset)
        if mention is not None:
            mentions.append(mention)
    return mentions, posts
