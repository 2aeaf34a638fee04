"""Person names without titles, ranks and honours, and matching short forms to full names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import lexicon_cached, read_csv, read_lines

_PAREN = re.compile(r"\s*\([^)]*\)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PersonName:
    """A name split into its title (if any) and the name proper."""

    name: str
    title: str | None = None

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def is_full(self) -> bool:
        """At least one given name written out (not only initials) before the surname."""
        return len(self.tokens) >= 2 and any(len(t.rstrip(".")) > 1 for t in self.tokens[:-1])


@lexicon_cached
def person_titles() -> tuple[str, ...]:
    """Titles, ranks and honorifics written before names, longest first."""
    titles = set(read_lines("titles.txt")) | {row["title"] for row in read_csv("ranks.csv")}
    return tuple(sorted(titles, key=len, reverse=True))


@lexicon_cached
def _titles_by_first_word() -> dict[str, tuple[tuple[int, str], ...]]:
    """Each title's length and lower-case form with the space after it, longest first, under its
    first word: a name can only open with the titles whose first word is its own, so
    :func:`split_title` tries those and not all of :func:`person_titles` for every name."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for title in person_titles():
        prefix = title.lower() + " "
        grouped.setdefault(prefix.split(" ", 1)[0], []).append((len(title), prefix))
    return {word: tuple(titles) for word, titles in grouped.items()}


@lexicon_cached
def _honours() -> frozenset[str]:
    return frozenset(read_lines("honours.txt"))


@lexicon_cached
def personal_titles() -> frozenset[str]:
    """Honorifics and ranks that make a lone surname a person ("Ms Ashton"), unlike posts
    ("Commissioner Inquiries")."""
    return frozenset(t.lower() for t in read_lines("honorifics.txt")) | frozenset(rank_posts())


@lexicon_cached
def rank_posts() -> dict[str, tuple[str, str]]:
    """Title or rank -> (post label, organisation rule) from ``ranks.csv``."""
    return {row["title"].lower(): (row["post"], row["organisation"]) for row in read_csv("ranks.csv")}


def split_title(text: str) -> PersonName:
    """Strip leading titles/ranks, trailing honours and bracketed roles from a name."""
    name = _SPACES.sub(" ", _PAREN.sub("", text)).strip(" ,;:")
    found: list[str] = []
    changed = True
    while changed:
        changed = False
        lowered = name.lower()
        for length, prefix in _titles_by_first_word().get(lowered.split(" ", 1)[0], ()):
            if lowered.startswith(prefix):
                found.append(name[:length])
                name = name[length + 1 :].lstrip()
                changed = True
                break
    words = [w for w in re.split(r"[ ,]+", name) if w]
    while words and words[-1].rstrip(".") in _honours():
        words.pop()
    main_title = found[-1] if found else None
    return PersonName(" ".join(words).strip(" ,"), main_title)


def is_plausible_name(name: PersonName) -> bool:
    """Capitalised words only, no digits: rules out most NER mistakes."""
    tokens = name.tokens
    if not tokens or len(tokens) > 5:
        return False
    return all(t[0].isupper() and not any(c.isdigit() for c in t) for t in tokens)


def matches_short_form(short: PersonName, full: PersonName) -> bool:
    """Whether "Boyd" / "A Barnes" / "R A Latchford" can be a short form of ``full``.

    Initials must agree with the given names written out; extra initials are middle names
    the full form leaves out.
    """
    if not full.is_full or short.surname.lower() != full.surname.lower():
        return False
    initials = [t.rstrip(".") for t in short.tokens[:-1]]
    given = full.tokens[:-1]
    if not initials:
        return True
    if any(len(t) > 1 for t in initials):
        return [t.lower() for t in initials] == [g.lower() for g in given[: len(initials)]]
    return all(g[0].lower() == i.lower() for i, g in zip(initials, given))
