"""Funds: money granted, allocated or invested, in prose and in allocation tables."""
from __future__ import annotations

import re

from .fund_cues import clause_at, cue, granting, head_before_verb, receiver_before_verb, receives, vetoed
from .fund_reading import FUNDERS, RECIPIENTS, FundReading, named_again, to_own_unit
from .fund_tables import table_funds
from .mentions import Mention, is_free
from .model import Kind
from .resolve import is_office
from .money import MONEY, PERIOD, amount

PURPOSE = re.compile(
    r"\b(?:to|in order to) (?:support|boost|help|fund|tackle|deliver|assist|improve|provide|develop|enhance|"
    r"increase|set up|pay for|run|expand|reduce|prevent|protect|address)\b[^.;:]{3,120}",
    re.IGNORECASE,
)
# "£X towards the rollout of the Y programme": the receiver may follow "the <noun> of".
TO = re.compile(r"\b(?:to|for|towards|into)\b(?:\s+the\s+[a-z]+\s+of)?(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
FROM = re.compile(r"\b(?:from|by)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
# "£240,000 in Project Lantern": "in" opens the recipient only after a verb of investing.
IN = re.compile(r"\bin(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
# "£180,000 of Home Office funding": the giver named between "of" and a grant word.
OF_GIVER = re.compile(r"\s+of\s+(?:the\s+)?$")
BRACKETED = re.compile(r"\s*\(\s*")
NAME_AFTER_TO = re.compile(
    r"\s+to (?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |in |& )?[A-Z][\w’'-]*){1,5})"
    r"(?=[,;.:]| for | to | and £|$)")
# "£25k for Teifi Youth Angels, whose …": in a line the money opens, "for" names the receiver.
NAME_AFTER_FOR = re.compile(
    r"\s+for (?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |in |& )?[A-Z][\w’'-]*){1,5})(?=[,;.:]| to |$)")
# "… a project run by Medway Boxing Club": the body after "by".
NAME_AFTER_BY = re.compile(
    r"\bby (?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |in |& )?[A-Z][\w’'-]*){1,5})(?=[,;.:]| to |$)")
# "… over three years to the Safer Homes service": a name the text does not otherwise know,
# before a programme word, later in the money's clause.
NAME_BEFORE_WORD = re.compile(
    r"\s+to (?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:and |of |for |in |& )?[A-Z][\w’'-]*){1,5})(?= [a-z])")
NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'-]*(?: (?:and |of |for |the )?[A-Z][\w’'-]*){1,5}) \($")
# "- Rhyl Youth Boxing Club – £2,500": a list line's name before a dash or colon and the money.
NAME_BEFORE_DASH = re.compile(
    r"^\s*(?:[-•●◦▪*]\s+)?(?P<name>[A-Z][\w’'-]*(?: (?:and |of |for |the |& )?[A-Z][\w’'-]*){0,6})\s*[–—:-]\s*$")
# "Brightwater Trust – mentoring for young people: £12,650.00": a list line's name, a dash,
# the purpose, then the money.
NAME_DASH_PURPOSE = re.compile(
    r"\s*(?:[-•●◦▪*]\s+)?(?P<name>[A-Z][\w’'-]*(?: (?:and |of |for |the |in |& )?[A-Z][\w’'-]*){0,6})"
    r"\s+[–—-]\s+(?P<purpose>[^£\n]{3,200})$")
# "£385,000 to the Trust, and £62,500 to Medway Youth Network": a second amount joined to a
# granted one in the same clause is granted too.
JOINED = re.compile(r"[^.;£\n]{0,120}?\band(?:\s+[a-z]+){0,2}\s+")
# "awarded the unit £540,000", "to the partnership": a body named again by its head noun.
THE_HEAD = re.compile(r"\b[Tt]he (?P<head>[a-z]+)\s*$")
# "A and B will each receive £X": the bodies listed before "each", and what joins them.
EACH = re.compile(r"\s+(?:\w+\s+){0,2}each\b")
LISTED_WITH = re.compile(r"\s*(?:,|,? and)\s+")
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
    """The first mention after the money introduced by ``cue`` ("to the Force", "from the Home Office").
    A "by" opens a giver only after a grant word ("funded by"), not "a scheme run by"."""
    cursor = after
    for m in mentions:
        if m.start < after:
            continue
        if m.start - after > 80:
            break
        found = opener.search(text[cursor : m.start]) if m.kind in kinds else None
        if found and (not found.group(0).lower().startswith("by") or
                      cue("grant").search(text[max(0, cursor - 40) : cursor + found.start()])):
            return m
        cursor = m.end
    return None


def _unnamed(name: re.Match[str], mentions: list[Mention]) -> Mention | None:
    """The body a bare name in a list line or before "(£X)" stands for: the mention there,
    else the name itself as a partner organisation. A force written by its area inside a
    longer name ("Safe in Kent") is part of that name, not the body."""
    start, end = name.start("name"), name.end("name")
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.kind in RECIPIENTS
              and not (_by_area(m) and (m.start, m.end) != (start, end))]
    if inside:
        return inside[0]
    if all(m.end <= start or m.start >= end or _by_area(m) for m in mentions):
        return Mention(Kind.PARTNER, start, end, name.group("name"), name.group("name"))
    return None


def _by_area(mention: Mention) -> bool:
    return mention.kind is Kind.FORCE and mention.text != mention.name


def _recipient(mentions: list[Mention], text: str, money_start: int, after: int, line_start: int,
               earlier: list[Mention], sentence_start: int) -> Mention | None:
    """Who receives: a name just before "(£X)", a list line's name before "– £X" or before
    "– purpose: £X", a body after "fund"/"award" ("fund Barnardo's £420,000", "awarded the
    unit £5,000"), the subject of "received £X" ("Medway Trust will receive £X"), else what
    the money goes "to" or "for" (or, after "invest", "in"), else the body a grant is "for
    the running of" before the money."""
    before = [m for m in mentions if m.end <= money_start and m.kind in RECIPIENTS]
    if before and BRACKETED.fullmatch(text[before[-1].end : money_start]):
        return before[-1]
    for pattern in (NAME_BEFORE_BRACKET, NAME_BEFORE_DASH):
        named = pattern.search(text, max(line_start, money_start - 80), money_start)
        found = _unnamed(named, mentions) if named else None
        if found is not None:
            return found
    listed = NAME_DASH_PURPOSE.match(text, line_start, money_start)
    if listed and not MONEY.search(listed.group("purpose")):
        found = _unnamed(listed, mentions)
        if found is not None:
            return found
    if before and text[before[-1].end : money_start].strip() == "" and \
            cue("given").search(text[max(0, before[-1].start - 12) : before[-1].start]):
        return before[-1]
    head = THE_HEAD.search(text, max(0, money_start - 30), money_start)
    if head and cue("given").search(text[max(0, head.start() - 20) : head.start()]):
        found = named_again(head.group("head"), earlier, head.start())
        if found is not None:
            return found
    found = _head_receiver(text, money_start, line_start, earlier)
    if found is not None:
        return found
    for m in reversed([m for m in before if money_start - m.end <= RECEIVER_REACH and m.start >= sentence_start]):
        if cue("received").search(text[m.end : money_start]):
            return m
    subject = receiver_before_verb().search(text, max(line_start, money_start - 80), money_start)
    if subject and receives(subject.group("verb")) and \
            not cue("not-a-name").match(subject.group("name").split()[0]):
        found = _unnamed(subject, mentions)
        if found is not None:
            return found
    found = _parties_after(mentions, text, after, RECIPIENTS, TO)
    if found is None and cue("invested-in").search(text[max(line_start, money_start - 40) : money_start]):
        found = _parties_after(mentions, text, after, RECIPIENTS, IN)
    if found is not None:
        return found
    named = NAME_AFTER_TO.match(text, after)
    if named is None and not text[line_start:money_start].strip():
        named = NAME_AFTER_FOR.match(text, after)
    kind = Kind.PARTNER
    if named is None:
        named = next((n for n in NAME_BEFORE_WORD.finditer(text, after, min(len(text), after + RECEIVER_REACH))
                      if cue("programme-word").match(text, n.end("name"))
                      and not re.search(r"[.;£]", text[after : n.start()])), None)
        kind = Kind.PROGRAMME
    if named and (is_free(named.start("name"), named.end("name"), mentions)
                  or kind is Kind.PARTNER and _ends_inside(named, mentions)):
        return Mention(kind, named.start("name"), named.end("name"), named.group("name"), named.group("name"))
    space = re.compile(r"\s*").match(text, after).end()
    head = cue("recipient-head").match(text, space)
    found = named_again(head.group("head"), earlier, after) if head else None
    if found is not None:
        return found
    runner = _runner(mentions, text, after, line_start)
    if runner is not None:
        return runner
    heads = [h for h in cue("recipient-head").finditer(text, max(line_start, money_start - 80), money_start)
             if cue("grant").search(text[max(line_start, h.start() - 25) : h.start()])]
    return named_again(heads[-1].group("head"), earlier, heads[-1].start()) if heads else None


def _from_a_body(mentions: list[Mention], text: str, after: int) -> bool:
    """"A further £120,000 from the Home Office will pay for …": money that comes "from" a
    body named right after it is given by that body."""
    giver = _parties_after(mentions, text, after, (Kind.FORCE, Kind.PARTNER), FROM)
    return giver is not None and text[after : giver.start].lstrip().lower().startswith("from")


def _ends_inside(name: re.Match[str], mentions: list[Mention]) -> bool:
    """"£9,500 to Brightwater Women's Aid": the name the money goes to
    holds a shorter name found inside it, ending where it ends; the whole name is the body."""
    start, end = name.start("name"), name.end("name")
    overlapping = [m for m in mentions if m.start < end and m.end > start]
    return len(overlapping) == 1 and start < overlapping[0].start and overlapping[0].end == end \
        and overlapping[0].kind is Kind.PARTNER


def _head_receiver(text: str, money_start: int, line_start: int, earlier: list[Mention]) -> Mention | None:
    """"The operation was funded with £120,000 from …": a body named again by its head noun as
    the subject of a verb of receiving ("the operation" is the last "Operation X")."""
    subject = head_before_verb().search(text, max(line_start, money_start - 60), money_start)
    if subject is None or not receives(subject.group("verb")):
        return None
    return named_again(subject.group("head"), earlier, subject.start())


def _runner(mentions: list[Mention], text: str, after: int, line_start: int) -> Mention | None:
    """"£7,750 towards a mentoring project run by Medway Boxing Club": in a line the money
    opens, with no receiver named otherwise, the body that runs what the money pays for."""
    if text[line_start : after].lstrip()[:1] != "£":
        return None
    for name in NAME_AFTER_BY.finditer(text, after, min(len(text), after + RECEIVER_REACH)):
        if re.search(r"[.;£]", text[after : name.start("name")]):
            return None
        if cue("runner").search(text, max(after, name.start("name") - 20), name.start("name")):
            return _unnamed(name, mentions)
    return None


def _funder(mentions: list[Mention], text: str, money_start: int, after: int, sentence_start: int,
            issuer: Mention | None) -> Mention | None:
    """Who gives: what the money comes "from" or "by", the body between "£X of" and a grant
    word ("£180,000 of Home Office funding"), else the subject of "awarded £X" in the same
    sentence (the nearest name a giving verb follows: "The Home Office has awarded the force
    £X"), else the document's issuer where the writer gives in the first person ("I have
    committed £1.35m")."""
    found = _parties_after(mentions, text, after, FUNDERS, FROM)
    if found is not None:
        return found
    following = next((m for m in mentions if m.start >= after), None)
    if following is not None and following.kind in FUNDERS and OF_GIVER.fullmatch(text, after, following.start) \
            and cue("grant").match(text, following.end + 1):
        return following
    before = [m for m in mentions if m.kind in FUNDERS and m.end <= money_start
              and (sentence_start <= m.start or m.kind is Kind.PERSON or is_office(m))]
    ends = [m.start for m in before[1:]] + [money_start]
    found = _giver_before(text, before, ends)
    if found is None and issuer is not None and cue("self-giver").search(text, sentence_start, money_start):
        return issuer
    return found


def _giver_before(text: str, before: list[Mention], ends: list[int]) -> Mention | None:
    """The nearest name a giving verb follows, looking back no further than a clause that
    opens with a subject of its own (", and the four commissioners awarded £X"): a giver
    before it gave other money."""
    for m, end in zip(reversed(before), reversed(ends)):
        if _gives(text[m.end : end]):
            return m
        if cue("new-subject").search(text, m.end, end):
            return None
    return None


def _gives(after_name: str) -> bool:
    """A giving verb follows the name, and not as a passive of receiving ("The PCC was
    awarded £X": the PCC receives), nor after a clause of its own that another subject
    gives in ("… through the NPCC for the unit, and the four commissioners awarded £X")."""
    given = cue("given").search(after_name)
    if given is None or cue("new-subject").search(after_name, 0, given.start()):
        return False
    received = cue("received").search(after_name, 0, given.end())
    return received is None or received.end() != given.end()


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


def _vetoed_near(body: str, position: int, end: int, names: list[tuple[int, int]]) -> bool:
    """A saving/cost/budget cue in the clause of the money, within a few words of it; a
    body's name ("Violence Reduction Partnership", at ``names`` in ``body``) is no cue."""
    window_start = max(0, position - EXCLUDE_BEFORE)
    near = list(body[window_start : end + EXCLUDE_AFTER])
    for name_start, name_end in names:
        for index in range(max(name_start, window_start), min(name_end, window_start + len(near))):
            near[index - window_start] = " "
    plain = "".join(near)
    clause_start, clause_end = clause_at(plain, position - window_start)
    return vetoed(plain[clause_start:clause_end])


def _receives_unnamed_giver(recipient: Mention | None, issuer: Mention | None, before: str, clause: str) -> bool:
    """"Medway Youth Trust will receive £20,000", "HAVENS have been awarded £150,000", "£35,000
    goes to Medway Youth Trust" with no giver named, in a commissioner's papers: the money is
    the commissioner's office's. Not for the office itself, nor for a force (whose money
    mostly comes from elsewhere)."""
    return issuer is not None and recipient is not None and recipient.kind is not Kind.FORCE \
        and recipient.name != issuer.name and (cue("received").search(before) is not None
                                               or cue("goes-to").search(clause) is not None)


def list_row(line: str) -> bool:
    """A line of a grant list with no bullet: "Brightwater Trust – mentoring: £12,650.00", or
    a line the money opens ("£25k for Teifi Youth Angels, whose volunteers …;")."""
    money = MONEY.search(line)
    return money is not None and (NAME_DASH_PURPOSE.match(line, 0, money.start()) is not None
                                  or not line[: money.start()].strip())


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
    granted_end = None
    previous_end = line_start
    names = [(m.start - line_start, m.end - line_start) for m in mentions
             if m.kind is not Kind.PERSON and line_start <= m.start and m.end <= line_end]
    for match in MONEY.finditer(body):
        # the text a list row's name may start in: after the line's previous amount
        row_start, previous_end = previous_end, line_start + match.end()
        before = body[max(0, match.start() - CUE_WINDOW) : match.start()]
        after = body[match.end() : match.end() + CUE_WINDOW // 2]
        money_start = line_start + match.start()
        listed = _listed_after_name(mentions, text, money_start, line_start) and cue("grant").search(body)
        joined = granted_end is not None and JOINED.fullmatch(body, granted_end, match.start()) is not None
        granted_end = None
        if not (cue("grant").search(before) or cue("grant").search(after) or listed or introduced or joined
                or _from_a_body(mentions, text, line_start + match.end())):
            continue
        if _vetoed_near(body, match.start(), match.end(), names):
            continue
        granted_end = match.end()
        money_end = line_start + match.end()
        start, end = _sentence_around(money_start, money_end, sentences)
        rest = text[money_end:end]
        next_money = MONEY.search(rest)
        clause = rest[: next_money.start()] if next_money else rest
        period = PERIOD.search(clause) or PERIOD.search(text[start:money_start]) or \
            (PERIOD.search(lead_in) if introduced else None)
        passive = PASSIVE.match(rest)
        funder = _funder(mentions, text, money_start, money_end, start, issuer)
        if funder is None and introduced and not cue("own-source").search(lead_in):
            funder = issuer
        row = NAME_DASH_PURPOSE.match(text, row_start, money_start)
        purpose = _purpose(clause) or (row.group("purpose").strip(" :,–—-") if row else None)
        recipient = None if passive else _recipient(mentions, text, money_start, money_end, row_start,
                                                    earlier or mentions, start)
        if funder is None and _receives_unnamed_giver(recipient, issuer, text[start:money_start], clause):
            funder = issuer
        readings.extend(FundReading(
            amount=amount(match.group("number"), match.group("unit")),
            start=start, end=end, confidence=0.8,
            period=period.group(0) if period else None,
            purpose=purpose,
            funder=funder,
            recipient=each,
        ) for each in _each_receiver(recipient, mentions, text, money_start))
    return readings


def _each_receiver(recipient: Mention | None, mentions: list[Mention], text: str,
                   money_start: int) -> list[Mention | None]:
    """"Safer Marsh Partnership and Safer Hollow Partnership will each receive £55,000": every
    body listed with the receiver before "each" gets the amount; otherwise the receiver alone."""
    if recipient is None or recipient.end > money_start or not EACH.match(text, recipient.end, money_start):
        return [recipient]
    listed = [recipient]
    for m in reversed([m for m in mentions if m.end <= recipient.start and m.kind is recipient.kind]):
        if not LISTED_WITH.fullmatch(text, m.end, listed[0].start):
            break
        listed.insert(0, m)
    return [*listed]


__all__ = ["FUNDERS", "RECIPIENTS", "FundReading", "list_row", "prose_funds", "table_funds", "to_own_unit"]
