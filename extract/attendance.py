"""Attendance lists in minutes: who was present, for which council, in which panel role.

"Present:" opens a list that runs to the next heading ending in ":" or a blank line.
Each line names people in groups, a group sharing the bracket that follows it:
"Councillors A Rahman and T Bellamy (Newcastle City Council), G Lister (North Tyneside
Council)"; "Independent Members: Mr R Qureshi and Mrs E Forster". Every listed person is a
member of the body holding the meeting (the document's publisher) and of the council in
their bracket. Cue words live in ``patterns/attendance.csv``.
"""
from __future__ import annotations

import re

from .memberships import Post
from .mentions import Mention
from .model import Kind
from .names import PersonName, is_plausible_name, split_title
from .resources import lexicon_cached, read_csv

BRACKET = re.compile(r"\(([^()]*)\)")
SEPARATOR = re.compile(r",\s*|\s+and\s+|\s*&\s*")
# A listed name: initials or given names, then a surname ("A Rahman", "Mrs E Forster").
NAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}")


@lexicon_cached
def _cues() -> dict[str, dict[str, str]]:
    """Cue kind -> {cue (lower case): role} from ``attendance.csv``."""
    cues: dict[str, dict[str, str]] = {}
    for row in read_csv("attendance.csv"):
        cues.setdefault(row["kind"], {})[row["cue"].lower()] = row["role"]
    return cues


def sections(lines: list[tuple[int, str]]) -> set[int]:
    """Start offsets of the lines inside attendance lists, and of labelled list lines."""
    inside, found = False, set()
    for start, line in lines:
        stripped = line.strip()
        if stripped.endswith(":") and stripped[:-1].strip().lower() in _cues()["heading"]:
            inside = True
        elif not stripped or stripped.endswith(":"):
            inside = False
        elif inside or _label(stripped):
            found.add(start)
    return found


def _label(line: str) -> bool:
    """Whether a line opens with a list label ("Independent Members: …")."""
    label = re.match(r"([A-Za-z -]+):", line)
    return bool(label) and label.group(1).strip().lower() in _cues()["label"]


def _pieces(start: int, chunk: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The role a chunk's label or title gives, and the names in it with their offsets."""
    role = ""
    label = re.match(r"\s*([A-Za-z -]+):\s*", chunk)
    if label and label.group(1).strip().lower() in _cues()["label"]:
        role = _cues()["label"][label.group(1).strip().lower()]
        start, chunk = start + label.end(), chunk[label.end():]
    names = []
    position = 0
    for part in SEPARATOR.split(chunk) + [""]:
        offset = chunk.find(part, position) if part else len(chunk)
        position = offset + len(part)
        word = part.strip().split(" ", 1)
        if len(word) == 2 and word[0].lower() in _cues()["title"]:
            role = role or _cues()["title"][word[0].lower()]
        name = split_title(part.split(" ", 1)[1] if len(word) == 2 and word[0].lower() in _cues()["title"]
                           else part)
        if part.strip() and NAME.fullmatch(name.name) and is_plausible_name(name):
            names.append((start + offset, start + offset + len(part.rstrip()), name.name))
    return role, names


def people(line_start: int, line: str) -> list[Mention]:
    """Person mentions for every name listed on an attendance line."""
    found = []
    for chunk_start, chunk in _chunks(line):
        for start, end, name in _pieces(line_start + chunk_start, chunk)[1]:
            found.append(Mention(Kind.PERSON, start, end, line[start - line_start : end - line_start], name))
    return found


def _chunks(line: str) -> list[tuple[int, str]]:
    """The stretches of a line between its brackets."""
    chunks, position = [], 0
    for bracket in BRACKET.finditer(line):
        chunks.append((position, line[position : bracket.start()]))
        position = bracket.end()
    chunks.append((position, line[position:]))
    return chunks


def posts(line_start: int, line: str, listed: list[Mention], orgs: list[Mention],
          body: Mention | None) -> list[Post]:
    """Memberships an attendance line states: each group of names to the council in the
    brackets after it, and every name to the body holding the meeting."""
    brackets = list(BRACKET.finditer(line))
    groups: list[tuple[list[Mention], str, list]] = []
    title = ""
    for index, (chunk_start, chunk) in enumerate(_chunks(line)):
        if chunk.strip(" ,;") or not groups:
            role, names = _pieces(line_start + chunk_start, chunk)
            title = role or title
            group = [p for p in listed if any(s <= p.start < e or p.start <= s < p.end for s, e, _ in names)]
            labelled = role if role in _cues()["label"].values() else ""
            groups.append((group, labelled or title, [None, labelled or "Member"]))
        if index < len(brackets):
            inner = brackets[index]
            council = next((o for o in orgs if o.kind in (Kind.FORCE, Kind.PARTNER)
                            and line_start + inner.start(1) <= o.start and o.end <= line_start + inner.end(1)), None)
            state = groups[-1][2]
            state[0] = state[0] or council
            state[1] = _cues()["bracket"].get(inner.group(1).strip().lower(), state[1])
    found: list[Post] = []
    end = line_start + len(line)
    for group, role, (council, body_role) in groups:
        for person in group:
            if council is not None:
                found.append(Post(person, role or "Member", council, person.start, end, 0.9))
            if body is not None:
                found.append(Post(person, body_role, body, person.start, end, 0.9))
    return found


# "RESOLVED – That Councillor Name be appointed Chair of the Panel": a bounded stretch for the
# name, so the search stays linear.
RESOLUTION = re.compile(r"\b[Tt]hat (?P<who>[^.;]{3,80}?) be (?P<verb>[a-z-]+) (?:as )?(?:the )?"
                        r"(?P<post>[A-Z][\w-]*(?: [A-Z][\w-]*)?)")


def resolutions(line_start: int, line: str, people_in_line: list[Mention], orgs: list[Mention],
                meeting: Mention | None) -> list[Post]:
    """A resolution appointing a person to a panel role (``bracket`` cues: Chair,
    Vice-Chair) makes them a member of the panel holding the meeting, in that role."""
    if meeting is None:
        return []
    found = []
    for match in RESOLUTION.finditer(line):
        role = _cues()["bracket"].get(match.group("post").lower())
        if match.group("verb") not in _cues()["appoint"] or role is None:
            continue
        start, end = line_start + match.start("who"), line_start + match.end("who")
        person = next((p for p in people_in_line if start <= p.start and p.end <= end), None)
        elsewhere = any(o.start >= line_start + match.end() and o.key != meeting.key for o in orgs)
        if person is not None and not elsewhere:
            found.append(Post(person, role, meeting, line_start + match.start(), line_start + len(line), 0.85))
    return found
