"""The cues that tell a grant from other money, and the clause a cue counts in.

A "cost" or "budget" in one clause says nothing about money granted in another ("The
Commissioner awarded £5,000 to the Trust, while the cost of the hall is met by the council"),
so the vetoes of ``patterns/fund_cues.csv`` are read clause by clause. Money taken "from the
commissioning budget" is a grant's source, not a budget line, and is no veto either.
"""
from __future__ import annotations

import re

from .resources import lexicon_cached, read_csv, read_lines


@lexicon_cached
def cue(kind: str) -> re.Pattern[str]:
    """The regular expression of one ``kind`` of ``fund_cues.csv`` (grant, not-a-fund, given, …)."""
    row = next(r for r in read_csv("fund_cues.csv") if r["kind"] == kind)
    return re.compile(row["cue"], re.IGNORECASE)


@lexicon_cached
def receiver_before_verb() -> re.Pattern[str]:
    """"Medway Youth Trust will receive £20,000", "HAVENS have been awarded £150,000": a
    capitalised name, the auxiliaries of ``auxiliary``, one verb, the words of ``amount-lead``
    ("a grant of") and the money's position."""
    rows = {r["kind"]: r["cue"] for r in read_csv("fund_cues.csv")}
    return re.compile(
        r"(?<![\w’'-])(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |& )?[A-Z][\w’'-]*){0,5})"
        rf"(?P<verb>(?: (?:{rows['auxiliary']}))* \w+)(?: (?:{rows['amount-lead']}))* $")


@lexicon_cached
def head_before_verb() -> re.Pattern[str]:
    """"The operation was funded with £120,000": a body named again by its head noun, then the
    verb phrase and amount lead of :func:`receiver_before_verb`."""
    rows = {r["kind"]: r["cue"] for r in read_csv("fund_cues.csv")}
    return re.compile(
        r"\b[Tt]he (?P<head>[a-z]+)"
        rf"(?P<verb>(?: (?:{rows['auxiliary']}))* \w+)(?: (?:{rows['amount-lead']}))* $")


def receives(verb: str) -> bool:
    """A verb phrase of receiving money: "will receive", "was awarded", "was funded"."""
    return cue("received").search(verb) is not None or cue("funded-passive").search(verb) is not None


@lexicon_cached
def allocation_phrases() -> tuple[str, ...]:
    """Heading phrases that make a table an allocation table by themselves."""
    return tuple(read_lines("allocation_cues.txt"))


def clauses(text: str) -> list[tuple[int, int]]:
    """``text`` cut into clauses at sentence punctuation and clause-opening conjunctions."""
    bounds = []
    start = 0
    for match in cue("clause-break").finditer(text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def clause_at(text: str, position: int) -> tuple[int, int]:
    """The clause of ``text`` holding ``position`` (the whole text when none is found)."""
    return next(((s, e) for s, e in clauses(text) if s <= position < e), (0, len(text)))


def vetoed(clause: str) -> bool:
    """A saving/cost/budget cue in this clause, once any "from the … budget" source is set aside."""
    return cue("not-a-fund").search(cue("own-source").sub(" ", clause)) is not None


def granting(text: str) -> bool:
    """Some clause of ``text`` speaks of granting money and none of its vetoes."""
    return any(cue("grant").search(text[s:e]) and not vetoed(text[s:e]) for s, e in clauses(text))
