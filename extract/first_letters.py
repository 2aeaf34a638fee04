"""A cheap test before an alternation of many phrases that a pattern tries everywhere.

A pattern that opens on ``\\b`` or a lookbehind has no first letter for Python's ``re`` to
look for, so it is tried at every position of a text, and an alternation tries each of its
phrases there. A lookahead for the set of letters the phrases start with settles most
positions with one test, and matches exactly what the alternation alone would.
"""
from __future__ import annotations

from collections.abc import Iterable


def first_letters(phrases: Iterable[str]) -> str:
    """A lookahead for the letters or digits ``phrases`` start with (case is the pattern's, so it
    folds like the phrases under ``re.IGNORECASE``); none when a phrase starts otherwise, or
    there are no phrases, as the test would then not be the same."""
    phrases = list(phrases)
    if not phrases or not all(p[:1].isalnum() for p in phrases):
        return ""
    return f"(?=[{''.join(sorted({p[0] for p in phrases}))}])"
