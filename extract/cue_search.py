"""Many cue patterns run over one sentence, each tried only where some cue matches.

A sentence is read against each of a few dozen cue patterns (``\\bjoint(?:ly)? work\\w*\\b`` …),
and such a pattern, opening on ``\\b``, is tried at every position of the text: dozens of
scans for the one or two places a cue stands. One scan with an alternation of them all
finds every position where any cue matches (:func:`cue_starts`); each pattern is then tried
at those positions only (:func:`matches_from`), which finds exactly what its ``finditer``
would, since it can match nowhere else.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def cue_starts(any_cue: re.Pattern[str], text: str) -> list[int]:
    """Every position of ``text`` where ``any_cue``, an alternation of the cue patterns (with
    their flags), matches: where at least one of them does."""
    starts = []
    match = any_cue.search(text)
    while match is not None:
        starts.append(match.start())
        match = any_cue.search(text, match.start() + 1) if match.start() < len(text) else None
    return starts


def matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a ``pattern`` that can match only at ``starts`` (sorted):
    each next match is the first at a start past the last match. After an empty match the
    rest is left to ``finditer`` itself, which has its own rule for what may follow one."""
    reached = 0
    for start in starts:
        if start < reached:
            continue
        match = pattern.match(text, start)
        if match is None:
            continue
        yield match
        if match.end() == start:
            rest = pattern.finditer(text, start)
            next(rest)
            yield from rest
            return
        reached = match.end()
