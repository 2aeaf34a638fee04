"""Funds: money granted, allocated or invested, in prose and in allocation tables."""
from __future__ import annotations

import re

from .fund_cues import clause_at, cue, granting, vetoed
from .fund_reading import FUNDERS, RECIPIENTS, FundReading
from .fund_tables import table_funds
from .mentions import Mention, is_free
from .model import Kind
from .money import MONEY, PERIOD, amount

PURPOSE = re.compile(
    r"\b(?:to|in order to) (?:support|boost|help|fund|tackle|deliver|assist|improve|provide|develop|enhance|"
    r"increase|set up|pay for|run|expand|reduce|prevent|protect|address)\b[^.;:]{3,120}",
    re.IGNORECASE,
)
TO = re.compile(r"\b(?:to|for|towards|into)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
FROM = re.compile(r"\b(?:from|by)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
BRACKETED = re.compile(r"\s*\(\s*")
NAME_AFTER_TO = re.compile(
    r"\s+to (?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |in |& )?[A-Z][\w’'-]*){1,5})(?=[,;.:]| for | to |$)")
NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'-]*(?: (?:and |of |for |the )?[A-Z][\w’'-]*){1,5}) \($")
# "- Rhyl Youth Boxing Club – £2,500": a list line's name before a dash or colon and the money.
NAME_BEFORE_DASH = re.compile(
    r"^\s*(?:[-•●◦▪*]\s+)?(?P<name>[A-Z][\w’'-]*(?: (?:and |of |for |the |& )?[A-Z][\w’'-]*){0,6})\s*[–—:-]\s*$")
# "awarded the unit £540,000", "to the partnership": a body named again by its head noun.
THE_HEAD = re.compile(r"\b[Tt]he (?P<head>[a-z]+)\s*$")
CUE_WINDOW = 70
EXCLUDE_BEFORE = 60
EXCLUDE_AFTER = 30
RECEIVER_REACH = 160
PASSIVE = re.compile(r"\s+(?:had|has|have) been (?:awarded|allocated|granted)\b(?! to)")
MAX_PURPOSE_WORDS = 14


def _purpose(text: str) -> str | None:
    match = PURPOSE.search(text)
    if not match:
        return None
    words = re.split(r",? and another\b|, including\b", match.group(0))[0].split()
    return " ".join(words[:MAX_PURPOSE_WORDS]).rstrip(",")


def _parties_after(mentions: list[Mention], text: str, after: int, kinds: tuple[Kind, ...],
                   opener: re.Pattern[str]) -> Mention | None:
    """The first mention after the money introduced by ``cue`` ("to the Force", "from the Home Office")."""
    cursor = after
    for m in mentions:
        if m.start < after:
            continue
        if m.start - after > 80:
            break
        if m.kind in kinds and opener.search(text[cursor : m.start]):
            return m
        cursor = m.end
    return None


def _named_again(head: str, earlier: list[Mention], position: int) -> Mention | None:
    """The body "the unit" or "the partnership" names again: the last one before ``position``
    whose name ends in that noun ("… Special Operations Unit"); "the force" is the last force."""
    for m in reversed([m for m in earlier if m.end <= position and m.kind in RECIPIENTS]):
        if m.name.split()[-1].lower() == head or (head == "force" and m.kind is Kind.FORCE):
            return m
    return None


def _unnamed(name: re.Match[str], mentions: list[Mention]) -> Mention | None:
    """The body a bare name in a list line or before "(£X)" stands for: the mention there,
    else the name itself as a partner organisation."""
    inside = [m for m in mentions if name.start("name") <= m.start and m.end <= name.end("name")
              and m.kind in RECIPIENTS]
    if inside:
        return inside[0]
    if all(m.end <= name.start("name") or m.start >= name.end("name") for m in mentions):
        return Mention(Kind.PARTNER, name.start("name"), name.end("name"), name.group("name"), name.group("name"))
    return None


def _recipient(mentions: list[Mention], text: str, money_start: int, after: int, line_start: int,
               earlier: list[Mention]) -> Mention | None:
    """Who receives: a name just before "(£X)", a list line's name before "– £X", a body
    after "fund"/"award" ("fund Barnardo's £420,000", "awarded the unit £5,000"), the subject
    of "received £X", else what the money goes "to" or "for"."""
    before = [m for m in mentions if m.end <= money_start and m.kind in RECIPIENTS]
    if before and BRACKETED.fullmatch(text[before[-1].end : money_start]):
        return before[-1]
    for pattern in (NAME_BEFORE_BRACKET, NAME_BEFORE_DASH):
        named = pattern.search(text, max(line_start, money_start - 80), money_start)
        found = _unnamed(named, mentions) if named else None
        if found is not None:
            return found
    if before and text[before[-1].end : money_start].strip() == "" and \
            cue("given").search(text[max(0, before[-1].start - 12) : before[-1].start]):
        return before[-1]
    head = THE_HEAD.search(text, max(0, money_start - 30), money_start)
    if head and cue("given").search(text[max(0, head.start() - 20) : head.start()]):
        found = _named_again(head.group("head"), earlier, head.start())
        if found is not None:
            return found
    for m in reversed([m for m in before if money_start - m.end <= RECEIVER_REACH]):
        if cue("received").search(text[m.end : money_start]):
            return m
    found = _parties_after(mentions, text, after, RECIPIENTS, TO)
    if found is not None:
        return found
    named = NAME_AFTER_TO.match(text, after)
    if named and is_free(named.start("name"), named.end("name"), mentions):
        return Mention(Kind.PARTNER, named.start("name"), named.end("name"), named.group("name"), named.group("name"))
    head = re.compile(r"\s+to the (?P<head>[a-z]+)\b").match(text, after)
    return _named_again(head.group("head"), earlier, after) if head else None


def _funder(mentions: list[Mention], text: str, money_start: int, after: int) -> Mention | None:
    """Who gives: what the money comes "from" or "by", else the subject of "awarded £X" (the
    nearest name a giving verb follows: "The Home Office has awarded the force £X")."""
    found = _parties_after(mentions, text, after, FUNDERS, FROM)
    if found is not None:
        return found
    before = [m for m in mentions if m.kind in FUNDERS and m.end <= money_start]
    ends = [m.start for m in before[1:]] + [money_start]
    return next((m for m, end in zip(reversed(before), reversed(ends))
                 if cue("given").search(text[m.end : end])), None)


def _sentence_around(position: int, end: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence holding ``position:end``, joined with the next when the parser split the
    money itself ("£0." | "6m will be set aside")."""
    first = next((i for i, (s, e) in enumerate(sentences) if s <= position < e), None)
    if first is None:
        return position, end
    last = first
    while sentences[last][1] < end and last + 1 < len(sentences):
        last += 1
    return sentences[first][0], sentences[last][1]


def _listed_after_name(mentions: list[Mention], text: str, money_start: int, line_start: int) -> bool:
    """"Rhyl Youth Boxing Club (£2,500)" or "- Rhyl Youth Boxing Club – £2,500": an amount
    right after a name."""
    before = [m for m in mentions if m.end <= money_start and m.kind in RECIPIENTS]
    if before and BRACKETED.fullmatch(text[before[-1].end : money_start]) is not None:
        return True
    window = max(line_start, money_start - 80)
    return NAME_BEFORE_BRACKET.search(text, window, money_start) is not None or \
        NAME_BEFORE_DASH.match(text, line_start, money_start) is not None


def _vetoed_near(body: str, position: int, end: int) -> bool:
    """A saving/cost/budget cue in the clause of the money, within a few words of it."""
    window_start = max(0, position - EXCLUDE_BEFORE)
    near = body[window_start : end + EXCLUDE_AFTER]
    clause_start, clause_end = clause_at(near, position - window_start)
    return vetoed(near[clause_start:clause_end])


def prose_funds(line: tuple[int, int], sentences: list[tuple[int, int]], text: str,
                mentions: list[Mention], lead_in: str = "", earlier: list[Mention] | None = None,
                issuer: Mention | None = None) -> list[FundReading]:
    """Funds in one line of prose: money with a granting cue nearby (or, for a list item, in
    the line that introduces the list) and no saving/cost cue in its clause.

    ``earlier`` are the document's mentions (for "the unit" named again); ``issuer`` the
    body that issues the document, the funder of a list of grants its lead-in introduces
    without naming a giver ("Grants awarded this year:").
    """
    line_start, line_end = line
    body = text[line_start:line_end]
    readings: list[FundReading] = []
    introduced = bool(lead_in) and granting(lead_in)
    for match in MONEY.finditer(body):
        before = body[max(0, match.start() - CUE_WINDOW) : match.start()]
        after = body[match.end() : match.end() + CUE_WINDOW // 2]
        money_start = line_start + match.start()
        listed = _listed_after_name(mentions, text, money_start, line_start) and cue("grant").search(body)
        if not (cue("grant").search(before) or cue("grant").search(after) or listed or introduced):
            continue
        if _vetoed_near(body, match.start(), match.end()):
            continue
        money_end = line_start + match.end()
        start, end = _sentence_around(money_start, money_end, sentences)
        rest = text[money_end:end]
        next_money = MONEY.search(rest)
        clause = rest[: next_money.start()] if next_money else rest
        period = PERIOD.search(clause) or PERIOD.search(text[start:money_start])
        passive = PASSIVE.match(rest)
        funder = _funder(mentions, text, money_start, money_end)
        if funder is None and introduced and not cue("own-source").search(lead_in):
            funder = issuer
        readings.append(FundReading(
            amount=amount(match.group("number"), match.group("unit")),
            start=start, end=end, confidence=0.8,
            period=period.group(0) if period else None,
            purpose=_purpose(clause),
            funder=funder,
            recipient=None if passive else _recipient(mentions, text, money_start, money_end, line_start,
                                                      earlier or mentions),
        ))
    return readings


__all__ = ["FUNDERS", "RECIPIENTS", "FundReading", "prose_funds", "table_funds"]
