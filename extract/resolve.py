"""Entity resolution within one document: which mentions name the same entity.

Abbreviations defined in brackets, names written again where spaCy missed them, generic
names ("the Concordat") and short forms of people ("Ms Boyd") are resolved to the entity
they stand for; every mention then gets its corpus-wide key.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from .abbreviations import find_definitions
from .gazetteer import by_key, office_of
from .keys import entity_key
from .mentions import Mention, Occupied, alias_index, is_generic
from .model import Kind
from .names import PersonName, matches_short_form, personal_titles
from .resources import lexicon_cached, read_lines

MIN_PROPAGATED = 6
OFFICE_CATEGORIES = ("pcc", "pfcc", "mayor", "police-authority")
COMMISSIONER_CATEGORIES = ("pcc", "pfcc")
OFFICE_NAME = re.compile(r"^Office of the (?:.+ Police,? (?:Fire )?and Crime Commissioner|"
                         r"Police,? (?:Fire )?and Crime Commissioner for .+)$")


def expand_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later uses of "ROCU" name whatever "Regional Organised Crime Unit (ROCU)" named."""
    added: list[Mention] = []
    occupied = Occupied(mentions)
    starts = [m.start for m in mentions]
    longest = max((m.end - m.start for m in mentions), default=0)
    for definition in find_definitions(text):
        near = mentions[bisect_left(starts, definition.start - longest) : bisect_left(starts, definition.end)]
        named = next((m for m in near if m.start <= definition.start < m.end or m.end == definition.end), None)
        if named is None or named.anaphor:
            continue
        for match in _whole_words(text, definition.abbreviation):
            if occupied.is_free(match.start(), match.start() + 1):
                added.append(replace(named, start=match.start(), end=match.end(), text=match.group()))
                occupied.take(match.start(), match.end())
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _whole_words(text: str, word: str) -> Iterator[re.Match[str]]:
    r"""What ``re.finditer(rf"\b{re.escape(word)}\b", text)`` finds, tried only where ``word`` is
    written: a pattern opening on ``\b`` has no first letter to look for, so it is tried at every
    position of the text."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    position = text.find(word)
    while position >= 0:
        match = pattern.match(text, position)
        if match:
            yield match
        position = text.find(word, match.end() if match else position + 1)


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\w’'-]+", name.lower()))


@lru_cache(maxsize=65536)
def _names_the_same_kind(generic: str, specific: str) -> bool:
    """"Fire and Rescue Service" ~ "Kent Fire and Rescue Service"; "Office of the Police and
    Crime Commissioner" ~ "Office of the Kent Police and Crime Commissioner"."""
    words = iter(_words(specific))
    return len(_words(specific)) > len(_words(generic)) and all(w in words for w in _words(generic))


def resolve_generic(mentions: list[Mention]) -> list[Mention]:
    """A generic name ("the Concordat") is the specific one of that kind named last before it,
    or the only one the document names; otherwise it names nothing."""
    specific: dict[Kind, dict[str, list[Mention]]] = {Kind.PARTNER: {}, Kind.PROGRAMME: {}}
    for m in mentions:
        if m.kind in specific and not is_generic(m.name):
            specific[m.kind].setdefault(m.name, []).append(m)
    ends = {name: [s.end for s in found] for named in specific.values() for name, found in named.items()}
    matching: dict[tuple[Kind, str], list[list[Mention]]] = {}
    resolved: list[Mention] = []
    for m in mentions:
        if m.kind in specific and m.key is None and is_generic(m.name):
            if (m.kind, m.name) not in matching:
                matching[(m.kind, m.name)] = [found for name, found in specific[m.kind].items()
                                              if _names_the_same_kind(m.name, name)]
            groups = matching[(m.kind, m.name)]
            before = [found[bisect_right(ends[found[0].name], m.start) - 1] for found in groups
                      if found[0].end <= m.start]
            if not before and len({found[0].name.lower() for found in groups}) != 1:
                continue
            target = max(before, key=lambda s: (s.start, s.end)) if before else min(
                (found[0] for found in groups), key=lambda s: (s.start, s.end))
            m = replace(m, name=target.name, key=target.key)
        resolved.append(m)
    return resolved


@lexicon_cached
def _programme_tail() -> re.Pattern[str]:
    """A programme word ending a name: "New Horizon programme" is also written "New Horizon"."""
    cues = "|".join(re.escape(word) for word in read_lines("programme_cues.txt"))
    return re.compile(rf" (?:{cues})$", re.IGNORECASE)


def propagate_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name found once ("New Horizon", "Eleanor Pennicott") is the same entity wherever else
    the document writes it, including where spaCy did not see it."""
    found: list[Mention] = []
    names = {m.text: m for m in mentions if not m.anaphor and len(m.text) >= MIN_PROPAGATED
             and (m.kind is not Kind.PERSON or PersonName(m.text).is_full)}
    for m in [m for m in mentions if m.kind is Kind.PROGRAMME and not m.anaphor]:
        stem = _programme_tail().sub("", m.text)
        if stem != m.text and len(stem.split()) >= 2:
            names.setdefault(stem, m)
    occupied = Occupied(mentions)
    runs = _RunStarts(text)
    for surface, mention in sorted(names.items()):
        for start in _whole_word_positions(text, surface, runs):
            end = start + len(surface)
            if occupied.is_free(start, end):
                found.append(replace(mention, start=start, end=end))
                occupied.take(start, end)
    return sorted(mentions + found, key=lambda m: (m.start, m.end))


_WORD_RUN = re.compile(r"[\w-]+")


class _RunStarts:
    """Where runs of word characters and hyphens equal to a given one start in a text, found
    when first asked for: the names looked for have few first words, so indexing every word
    of the text (a Python object per word) costs more than a search of the text for each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, list[int]] = {}

    def __call__(self, run: str) -> list[int]:
        """Where ``run``, all word characters and hyphens, stands in the text as a whole run."""
        if run not in self.found:
            self.found[run] = self._search(run)
        return self.found[run]

    def _search(self, run: str) -> list[int]:
        text, starts = self.text, []
        position = text.find(run)
        while position >= 0:
            after = position + len(run)
            if not (position and _WORD_RUN.match(text, position - 1)) and not _WORD_RUN.match(text, after):
                starts.append(position)
            position = text.find(run, position + 1)
        return starts


def _whole_word_positions(text: str, surface: str, runs: _RunStarts) -> list[int]:
    r"""Where ``surface`` stands in ``text`` with no word character or hyphen against either end
    (what ``(?<![\w-])surface(?![\w-])`` finds); ``runs`` is :class:`_RunStarts` of ``text``.

    An occurrence starts where a run starts, and that run is the name's first run."""
    first = _WORD_RUN.match(surface)
    if first is None:
        return []
    found = []
    for position in runs(first.group()):
        end = position + len(surface)
        if text.startswith(surface, position) and not (end < len(text) and _WORD_RUN.match(text, end)):
            found.append(position)
    return found


def resolve_people(mentions: list[Mention]) -> list[Mention]:
    """"Ms Boyd" becomes Kerry Boyd when the document names exactly one such person; a titled
    surname the document never gives in full ("Ms Ashton") stays as written."""
    by_surname: dict[str, dict[str, PersonName]] = {}
    for m in mentions:
        person = PersonName(m.name)
        if m.kind is Kind.PERSON and person.is_full:
            by_surname.setdefault(person.surname.lower(), {})[person.name] = person
    candidates_of: dict[str, set[str]] = {}
    resolved: list[Mention] = []
    for m in mentions:
        short = PersonName(m.name)
        if m.kind is Kind.PERSON and m.name not in by_surname.get(short.surname.lower(), {}):
            if m.name not in candidates_of:
                candidates_of[m.name] = {f.name for f in by_surname.get(short.surname.lower(), {}).values()
                                         if matches_short_form(short, f)}
            candidates = candidates_of[m.name]
            if len(candidates) == 1:
                m = replace(m, name=next(iter(candidates)))
            elif len(m.name.split()) < 2 and (m.title or "").lower() not in personal_titles():
                continue
        resolved.append(m)
    return resolved


def is_office(mention: Mention) -> bool:
    """A commissioner's office (of a PCC, PFCC or mayor), by the reference list or by its name."""
    known = by_key().get(mention.key or "")
    return mention.kind is Kind.PARTNER and (known.category in OFFICE_CATEGORIES if known else
                                             bool(OFFICE_NAME.match(mention.name)))


def own_office(mentions: list[Mention], force: Mention | None, site: str | None = None) -> Mention | None:
    """The commissioner's office a document belongs to: the first one it names, else the office
    whose website it comes from (``site``, a key), else the office of a police and crime
    commissioner (or police, fire and crime commissioner) over the force the document is about.
    A mayor's office is "the Commissioner" of no document."""
    named = next((m for m in mentions if not m.anaphor and is_office(m)), None)
    if named is not None:
        return _gazetteer_keyed(named)
    office = by_key().get(site or "") or (office_of(force.key) if force is not None and force.key else None)
    if office is None or office.category not in COMMISSIONER_CATEGORIES:
        return None
    return Mention(Kind.PARTNER, 0, 0, office.label, office.label, office.key)


@lexicon_cached
def _office_reference() -> re.Pattern[str]:
    lines = read_lines("office_references.txt")
    after_the = sorted((line[4:] for line in lines if line.startswith("the ")), key=len, reverse=True)
    alone = sorted((line for line in lines if not line.startswith("the ")), key=len, reverse=True)
    return re.compile(rf"(?:\b[Tt]he (?:{'|'.join(map(re.escape, after_the))})|\b(?:{'|'.join(map(re.escape, alone))}))"
                      r"(?![\w’'-])(?! for [A-Z])")


def office_references(text: str, office: Mention | None, taken: list[Mention]) -> list[Mention]:
    """"the OPCC", "the Commissioner", "the Police, Fire and Crime Commissioner": the document's
    own office (:func:`own_office`), wherever no other mention already takes the words."""
    if office is None:
        return []
    occupied = Occupied(taken)
    found = []
    for match in _office_reference().finditer(text):
        if occupied.is_free(match.start(), match.end()):
            found.append(Mention(Kind.PARTNER, match.start(), match.end(), match.group(), office.name, office.key,
                                 anaphor=True))
            occupied.take(match.start(), match.end())
    return found


def _gazetteer_keyed(mention: Mention) -> Mention:
    """A name the gazetteer knows ("Office of the Hampshire Police and Crime Commissioner") gets
    its row's key and label; any other name its own key."""
    if mention.key is not None:
        return mention
    known = alias_index().get(mention.name.lower())
    if known is not None and known[1] is mention.kind:
        return replace(mention, key=known[0], name=known[2])
    return replace(mention, key=entity_key(mention.kind, mention.name))


def with_keys(mentions: list[Mention], force: Mention | None) -> list[Mention]:
    """Every mention with its corpus-wide key; "the force" is the document's own force, and is
    dropped when the document has none."""
    keyed = []
    for m in mentions:
        if m.anaphor and m.key is None and m.kind is Kind.FORCE:
            if force is None:
                continue
            m = replace(m, key=force.key, name=force.name)
        else:
            m = _gazetteer_keyed(m)
        keyed.append(m)
    return keyed
