"""Abbreviations defined in brackets ("Regional Organised Crime Unit (ROCU)")."""
from __future__ import annotations

import re
from dataclasses import dataclass

_DEFINITION = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "&"})
MAX_WORDS = 10
# A long form is read from at most this many characters before its bracket (MAX_WORDS words
# fit easily), so a line with many brackets costs time in proportion to its length.
MAX_LONG_FORM_CHARS = 400


@dataclass(frozen=True)
class Definition:
    """``abbreviation`` stands for ``text[start:end]``."""

    abbreviation: str
    start: int
    end: int


def _letters(abbreviation: str) -> str:
    core = abbreviation[:-1] if abbreviation.endswith("s") and abbreviation[:-1].isupper() else abbreviation
    return "".join(c for c in core if c.isupper())


def _match(letters: str, words: list[str]) -> int | None:
    """How many trailing ``words`` spell ``letters`` by initials (minor words optional)."""

    def solve(i: int, j: int) -> int | None:
        if i < 0:
            return j + 1
        if j < 0 or len(words) - j > MAX_WORDS:
            return None
        word = words[j]
        if word[0].lower() == letters[i].lower():
            found = solve(i - 1, j - 1)
            if found is not None:
                return found
        if word.lower() in MINOR_WORDS:
            return solve(i, j - 1)
        return None

    start = solve(len(letters) - 1, len(words) - 1)
    return None if start is None else len(words) - start


def _pieces(words: list[re.Match[str]]) -> list[tuple[int, str]]:
    """Words split at hyphens ("multi-agency" counts as two initials), with their offsets."""
    pieces: list[tuple[int, str]] = []
    for word in words:
        position = word.start()
        for piece in word.group().split("-"):
            pieces.append((position, piece))
            position += len(piece) + 1
    return pieces


def find_definitions(text: str) -> list[Definition]:
    """Every "long form (ABBR)" whose initials spell the abbreviation."""
    found: list[Definition] = []
    for match in _DEFINITION.finditer(text):
        letters = _letters(match.group(1))
        if len(letters) < 2:
            continue
        window = max(0, match.start() - MAX_LONG_FORM_CHARS)
        line_start = max(window, text.rfind("\n", window, match.start()) + 1)
        before = list(_WORD.finditer(text, line_start, match.start()))
        pieces = _pieces(before)
        count = _match(letters, [piece for _, piece in pieces])
        if count is None:
            continue
        start = pieces[len(pieces) - count][0]
        end = before[-1].end()
        if text[end : match.start()].strip():
            continue
        found.append(Definition(match.group(1), start, end))
    return found
