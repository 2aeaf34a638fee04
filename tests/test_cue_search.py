"""Tests for policekg.extract.cue_search: cue patterns tried only where some cue matches find
exactly what each pattern's own ``finditer`` finds, empty and overlapping matches included."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policekg.extract.cue_search import cue_starts, matches_from
from policekg.extract.links import _any_agent_cue, agent_cues, any_cue, cues

PIECES = ["work", "works with", "jointly", " ", ", ", "with", "Kent", "ſhare", "share", "İn", "in partnership with",
          "led by", "run", "K", "-", "’s", "part of", "took part in", "collaborating", "set up by", "\n"]
texts = st.one_of(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.text(max_size=30))
TOY = [re.compile(p, re.IGNORECASE) for p in (r"a*", r"\baa\b", r"a(?=a)", r"(?<=a)b?", r"ab|ba")]
TOY_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in TOY), re.IGNORECASE)


def _same(patterns: list[re.Pattern[str]], combined: re.Pattern[str], text: str) -> None:
    starts = cue_starts(combined, text)
    for pattern in patterns:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches_from(pattern, text, starts)] == expected, (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_link_and_agent_cues_match_as_finditer(text: str) -> None:
    _same([cue.pattern for cue in cues()], any_cue(), text)
    _same(list(agent_cues()), _any_agent_cue(), text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ", max_size=12))
def test_empty_and_overlapping_matches_as_finditer(text: str) -> None:
    _same(TOY, TOY_ANY, text)
