"""Entity resolution within one document: which mentions name the same entity.

Abbreviations defined in brackets, names written again where spaCy missed them, generic
names ("the Concordat") and short forms of people ("Ms Boyd") are resolved to the entity
they stand for; every mention then gets its corpus-wide key.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .abbreviations import find_definitions
from .keys import entity_key
from .mentions import Mention, Occupied, is_generic
from .model import Kind
from .names import PersonName, matches_short_form, personal_titles

MIN_PROPAGATED = 6
PROGRAMME_TAIL = re.compile(r" (?:programme|scheme|project|initiative|pilot)$", re.IGNORECASE)


def expand_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later uses of "ROCU" name whatever "Regional Organised Crime Unit (ROCU)" named."""
    added: list[Mention] = []
    for definition in find_definitions(text):
        named = next((m for m in mentions if m.start <= definition.start < m.end or m.end == definition.end), None)
        if named is None or named.anaphor:
            continue
        for match in re.finditer(rf"\b{re.escape(definition.abbreviation)}\b", text):
            if any(m.start <= match.start() < m.end for m in mentions + added):
                continue
            added.append(replace(named, start=match.start(), end=match.end(), text=match.group()))
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


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
    specific = [m for m in mentions if m.kind in (Kind.PARTNER, Kind.PROGRAMME) and not is_generic(m.name)]
    resolved: list[Mention] = []
    for m in mentions:
        if m.kind in (Kind.PARTNER, Kind.PROGRAMME) and m.key is None and is_generic(m.name):
            candidates = [s for s in specific if s.kind is m.kind and _names_the_same_kind(m.name, s.name)]
            before = [s for s in candidates if s.end <= m.start]
            if not before and len({s.name.lower() for s in candidates}) != 1:
                continue
            target = before[-1] if before else candidates[0]
            m = replace(m, name=target.name, key=target.key)
        resolved.append(m)
    return resolved


def propagate_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name found once ("New Horizon", "Eleanor Pennicott") is the same entity wherever else
    the document writes it, including where spaCy did not see it."""
    found: list[Mention] = []
    names = {m.text: m for m in mentions if not m.anaphor and len(m.text) >= MIN_PROPAGATED
             and (m.kind is not Kind.PERSON or PersonName(m.text).is_full)}
    for m in [m for m in mentions if m.kind is Kind.PROGRAMME and not m.anaphor]:
        stem = PROGRAMME_TAIL.sub("", m.text)
        if stem != m.text and len(stem.split()) >= 2:
            names.setdefault(stem, m)
    occupied = Occupied(mentions)
    for surface, mention in sorted(names.items()):
        for start in _whole_word_positions(text, surface):
            end = start + len(surface)
            if occupied.is_free(start, end):
                found.append(replace(mention, start=start, end=end))
                occupied.take(start, end)
    return sorted(mentions + found, key=lambda m: (m.start, m.end))


_WORD_CHARACTER = re.compile(r"[\w-]")


def _whole_word_positions(text: str, surface: str) -> list[int]:
    r"""Where ``surface`` stands in ``text`` with no word character or hyphen against either end
    (what ``(?<![\w-])surface(?![\w-])`` finds, without compiling a pattern per name)."""
    found, position = [], text.find(surface)
    while position >= 0:
        end = position + len(surface)
        before = text[position - 1] if position else ""
        after = text[end] if end < len(text) else ""
        if not (before and _WORD_CHARACTER.match(before)) and not (after and _WORD_CHARACTER.match(after)):
            found.append(position)
            position = text.find(surface, end)
        else:
            position = text.find(surface, position + 1)
    return found


def resolve_people(mentions: list[Mention]) -> list[Mention]:
    """"Ms Boyd" becomes Kerry Boyd when the document names exactly one such person; a titled
    surname the document never gives in full ("Ms Ashton") stays as written."""
    people = [PersonName(m.name) for m in mentions if m.kind is Kind.PERSON]
    full = {p.name: p for p in people if p.is_full}
    resolved: list[Mention] = []
    for m in mentions:
        if m.kind is Kind.PERSON and m.name not in full:
            candidates = {f.name for f in full.values() if matches_short_form(PersonName(m.name), f)}
            if len(candidates) == 1:
                m = replace(m, name=candidates.pop())
            elif len(m.name.split()) < 2 and (m.title or "").lower() not in personal_titles():
                continue
        resolved.append(m)
    return resolved


def with_keys(mentions: list[Mention], force: Mention | None) -> list[Mention]:
    keyed = []
    for m in mentions:
        if m.anaphor and m.key is None and m.kind is Kind.FORCE:
            if force is None:
                continue
            m = replace(m, key=force.key, name=force.name)
        elif m.key is None:
            m = replace(m, key=entity_key(m.kind, m.name))
        keyed.append(m)
    return keyed
