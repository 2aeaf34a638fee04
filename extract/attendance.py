"""Attendance lists in minutes: who was present, for which council, in which panel role.

A heading ("Present:", ``heading`` cues) opens a list of the body's members; an officers'
heading ("In attendance:", ``officers`` cues) a list of people who are not members; a label
line inside a list ("Councillors:", "Independent co-opted members:") gives the role of the
lines under it. A list runs to the next other line ending in ":" or a blank line after its
first names. Lines opening with a list label ("Independent Members: …") and apologies
("Apologies were received from Councillor A Rahman (Newcastle City Council)", ``apologies``
cues) are read too: whoever sends apologies is a member who was absent.
Each line names people in groups, a group sharing the bracket that follows it:
"Councillors A Rahman and T Bellamy (Newcastle City Council), G Lister (North Tyneside
Council)"; "Independent Members: Mr R Qureshi and Mrs E Forster"; or one entry after another,
"Name – Post, Organisation Name – Post, Organisation", as cleaning joins list lines that do not
end a sentence. Every listed member is a member of the body holding the meeting and of the
council in their bracket. Cue words live in ``patterns/attendance.csv``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from .memberships import OrganisationRules, Post, known_post, place_post
from .mentions import Mention, alias_index
from .model import Kind
from .names import is_plausible_name, rank_posts, split_title
from .resources import lexicon_cached, read_csv, read_lines

BRACKET = re.compile(r"\(([^()]*)\)")
SEPARATOR = re.compile(r",\s*|\s+and\s+|\s*&\s*")
# A listed name: initials or given names, then a surname ("A Rahman", "Mrs E Forster").
NAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}")
# "Name – Post": a dash with space either side, so that a hyphenated surname is not split.
DASH = re.compile(r"\s[–—-]\s")
# How many capitalised words before a dash can be a name with its title.
NAME_WORDS = 5
INITIAL = re.compile(r"[A-Z]\.?")
BULLET = " -–•*"
# "Councillor Name (Chair) – Anytown Council": the council after a dash, past a bracketed role.
DASH_BODY = re.compile(r"\s*[–—-]\s+")


@dataclass(frozen=True)
class ListLine:
    """How to read one line of an attendance list: whether its people are members of the body
    holding the meeting, the role a label above gives them, where its names begin, and where
    the line naming the organisation of its group starts (-1 for none)."""

    members: bool
    role: str = ""
    skip: int = 0
    group: int = -1


@lexicon_cached
def _cues() -> dict[str, dict[str, str]]:
    """Cue kind -> {cue (lower case): role} from ``attendance.csv``."""
    cues: dict[str, dict[str, str]] = {}
    for row in read_csv("attendance.csv"):
        cues.setdefault(row["kind"], {})[row["cue"].lower()] = row["role"]
    return cues


@lexicon_cached
def _given_names() -> frozenset[str]:
    return frozenset(read_lines("given_names.txt"))


@lexicon_cached
def _org_words() -> frozenset[str]:
    """Head words of organisations ("Council"), which no listed name contains."""
    return frozenset(read_lines("org_cues.txt"))


def sections(lines: list[tuple[int, str]]) -> dict[int, ListLine]:
    """The lines inside attendance lists (by start offset), labelled list lines and apologies,
    each with how to read it. ``lines`` are the non-empty lines with their offsets."""
    inside: ListLine | None = None
    fresh = False
    found: dict[int, ListLine] = {}
    previous_end, previous = 0, ""
    for start, line in lines:
        stripped = line.strip()
        # A blank line (``lines`` holds none) ends a list, unless the next line is another entry
        # like the last (a web page's list items, each its own paragraph).
        if start - previous_end > 1 and not fresh and not _like_entry(previous, stripped) \
                and not (inside is not None and inside.group >= 0 and _group_line(stripped)):
            inside = None
        previous_end, previous = start + len(line), stripped
        head = _bare_head(stripped[:-1]) if stripped.endswith(":") else None
        if head is None and (stripped.lower() in _cues()["heading"] or stripped.lower() in _cues()["officers"]):
            head = stripped.lower()  # "PRESENT", "In attendance" alone on its line
        if head is not None and head in _cues()["heading"]:
            inside, fresh = ListLine(True), True
        elif head is not None and head in _cues()["officers"]:
            inside, fresh = ListLine(False), True
        elif head is not None and (head in _cues()["label"] or head in _cues()["title"]):
            inside, fresh = ListLine(True, _cues()["label"].get(head, "")), True
        elif head is not None:
            inside = None
        elif inside is not None and _group_line(stripped):
            inside, fresh = replace(inside, group=start), True
        elif inside is not None:
            found[start], fresh = inside, False
        elif _label(stripped):
            found[start] = ListLine(True)
        elif (opening := _heading_opening(line)) is not None:
            found[start] = opening
        elif (skip := _apology(line)) is not None:
            found[start] = ListLine(True, skip=skip)
    return found


# "Political members (nominated by Anytown Council):", "Also attending for item 6:": who chose
# them, or for what, is not part of the label.
HEAD_BRACKET = re.compile(r"\s*(?:\([^()]*\)|\bfor items? [\w ,.&-]+)\s*$")


def _bare_head(head: str) -> str:
    """A heading's words in lower case, without a bracket closing it."""
    return HEAD_BRACKET.sub("", head).strip().lower()


def title_body(text: str, mentions: list[Mention]) -> Mention | None:
    """The body a document's first line names, in any case ("SCOTTISH POLICE AUTHORITY"):
    minutes and reports carry at their head the name of the body whose meeting or membership
    they record, so an attendance list with no panel named is that body's."""
    first = text.lstrip().split("\n", 1)[0].strip().lower()
    return next((m for m in mentions if m.kind is Kind.PARTNER and not m.anaphor and m.name.lower() == first), None)


def _group_line(line: str) -> bool:
    """Whether a list line is only an organisation's name ("Police Scotland", "Anytown Borough
    Council"), heading the entries of its people below it."""
    if re.search(r"[,:;()]", line) or not line[:1].isupper():
        return False
    return line.lower() in alias_index() or line.rsplit(" ", 1)[-1] in _org_words()


def _like_entry(previous: str, line: str) -> bool:
    """Whether ``line`` is a list entry opening as the one before it did, with a title from
    ``attendance.csv`` ("Councillor Name (Council)" after "Councillor Name (Council)"), and
    is no sentence."""
    first = previous.split(" ", 1)[0].lower()
    return first in _cues()["title"] and line.split(" ", 1)[0].lower() == first and not line.endswith(".")


def _label(line: str) -> bool:
    """Whether a line opens with a list label ("Independent Members: …")."""
    label = re.match(r"([A-Za-z -]+):", line)
    return bool(label) and label.group(1).strip().lower() in _cues()["label"]


def _heading_opening(line: str) -> ListLine | None:
    """"PRESENT: Mr A Hill (Chairman), Cllr P Todd, …": a heading with its list on its line."""
    label = re.match(r"([A-Za-z ]{3,40}):\s*", line)
    head = label.group(1).strip().lower() if label else ""
    if head in _cues()["heading"] or head in _cues()["officers"]:
        return ListLine(head in _cues()["heading"], skip=label.end())
    return None


# "Apologies for absence were received from …", "Apologies: …": where the names begin.
APOLOGY = re.compile(r"(?P<cue>[A-Za-z ]{3,40}?)(?::|\s[^:.]{0,60}?\bfrom\b)\s*")


def _apology(line: str) -> int | None:
    match = APOLOGY.match(line)
    if match and match.group("cue").strip().lower() in _cues()["apologies"]:
        return match.end()
    return None


def _name_before_dash(part: str) -> tuple[int, str] | None:
    """"… Council J Whitaker – Legal Adviser": the name an entry of a run-on list writes before
    its dash, starting at its first title, initial or known given name; its offset in ``part``."""
    dash = DASH.search(part)
    if dash is None:
        return None
    words = list(re.finditer(r"\S+", part[: dash.start()]))[-NAME_WORDS:]
    while any(not word.group(0)[0].isupper() for word in words):
        words.pop(0)
    for word in words:
        text = word.group(0)
        if text.lower() in _cues()["title"] or _named_first(part[word.start() : dash.start()]):
            return word.start(), part[word.start() : dash.start()]
    return None


def _parts(chunk: str) -> list[tuple[int, str]]:
    """The stretches of a chunk between commas and "and", each from its first word on (after
    a list item's bullet)."""
    found, position = [], 0
    for separator in [*SEPARATOR.finditer(chunk), None]:
        part = chunk[position : separator.start() if separator else len(chunk)]
        found.append((position + len(part) - len(part.lstrip(BULLET)), part.strip(BULLET)))
        position = separator.end() if separator else position
    return found


def _named_first(text: str) -> bool:
    """Whether a name opens with a title, an initial or a known given name: in a list, other
    capitalised words are posts and bodies ("Present: Name, Chief Finance Officer, OPCC")."""
    first = text.split(" ", 1)[0]
    return bool(split_title(text).title) or bool(INITIAL.fullmatch(first)) or first in _given_names()


def _pieces(start: int, chunk: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The role a chunk's label or title gives, and the names in it with their offsets."""
    role = ""
    label = re.match(r"\s*([A-Za-z -]+):\s*", chunk)
    if label and label.group(1).strip().lower() in _cues()["label"]:
        role = _cues()["label"][label.group(1).strip().lower()]
        start, chunk = start + label.end(), chunk[label.end():]
    names = []
    for offset, part in _parts(chunk):
        before_dash = _name_before_dash(part)
        if before_dash is not None:
            offset, part = offset + before_dash[0], before_dash[1]
        word = part.strip().split(" ", 1)
        if len(word) == 2 and word[0].lower() in _cues()["title"]:
            role = role or _cues()["title"][word[0].lower()]
        name = split_title(part.split(" ", 1)[1] if len(word) == 2 and word[0].lower() in _cues()["title"]
                           else part)
        if part.strip() and NAME.fullmatch(name.name) and is_plausible_name(name) \
                and not any(w in _org_words() for w in name.tokens):
            names.append((start + offset, start + offset + len(part.rstrip()), name.name))
    return role, names


def people(line_start: int, line: str, how: ListLine) -> list[Mention]:
    """Person mentions for every name listed on an attendance line (in a table row, its first
    cell: "Jane Rowe<TAB>Chair" lists a name and a role)."""
    line = line.split("\t", 1)[0]
    found = []
    for chunk_start, chunk in _chunks(line, how.skip):
        for start, end, name in _pieces(line_start + chunk_start, chunk)[1]:
            if not _named_first(line[start - line_start : end - line_start]) \
                    and not _opens_row(line, start - line_start, end - line_start):
                continue
            found.append(Mention(Kind.PERSON, start, end, line[start - line_start : end - line_start], name))
    return found


# A list entry's post after its name: "- Name, Post" (a capital after the comma).
ROW_POST = re.compile(r",\s+[A-Z]")


def _opens_row(line: str, start: int, end: int) -> bool:
    """Whether a name opens its list line and a post follows it after a comma ("- Kirsten
    Baird, Chief Financial Officer"): a membership row's shape shows a person whatever the
    given name."""
    return not line[:start].strip(BULLET) and bool(ROW_POST.match(line, end))


def heading_organisation(how: ListLine, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The organisation named by the line heading a list line's group (``starts`` holds the
    sorted ``mentions``' starts)."""
    if how.group < 0:
        return None
    at = mentions[bisect_left(starts, how.group) : bisect_right(starts, how.group)]
    return next((m for m in at if m.kind in (Kind.FORCE, Kind.PARTNER)), None)


# "Observing: Name, Anytown Inspectorate (AI)": the organisation runs to the line's end or a bracket.
ORGANISATION_END = re.compile(r"\s*(?:\([^()]*\))?\s*$")


def _organisation_after(line_start: int, line: str, person: Mention, orgs: list[Mention]) -> Mention | None:
    """The organisation written straight after a listed name and a comma, ending its entry
    ("Name, Brightwater Trust"): where the listed person comes from."""
    comma = re.compile(r",\s+").match(line, person.end - line_start)
    if comma is None:
        return None
    return next((o for o in orgs if o.kind in (Kind.FORCE, Kind.PARTNER) and o.start == line_start + comma.end()
                 and ORGANISATION_END.match(line, o.end - line_start)), None)


def _row_post(line: str, end: int) -> str:
    """The post written after a name and a comma, to the end of its line ("Chief Executive")."""
    match = ROW_POST.match(line, end)
    return line[match.end() - 1 :].strip(" ,.;") if match else ""


def _chunks(line: str, skip: int = 0) -> list[tuple[int, str]]:
    """The stretches of a line between its brackets, from ``skip`` on."""
    chunks, position = [], skip
    for bracket in BRACKET.finditer(line, skip):
        chunks.append((position, line[position : bracket.start()]))
        position = bracket.end()
    chunks.append((position, line[position:]))
    return chunks


def posts(line_start: int, line: str, listed: list[Mention], orgs: list[Mention],
          body: Mention | None, how: ListLine, rules: OrganisationRules,
          heading_org: Mention | None = None) -> list[Post]:
    """Memberships an attendance line states: each group of names to the council in the
    brackets after it (else to the organisation whose name heads their group of lines, in
    the post written after the name), and, in a list of members, every name to the body
    holding the meeting."""
    brackets = list(BRACKET.finditer(line, how.skip))
    groups: list[tuple[list[Mention], str, list]] = []
    title = ""
    for index, (chunk_start, chunk) in enumerate(_chunks(line, how.skip)):
        dash = DASH_BODY.match(chunk)
        after_dash = next((o for o in orgs if o.kind in (Kind.FORCE, Kind.PARTNER)
                           and o.start == line_start + chunk_start + dash.end()), None) if dash and groups else None
        if after_dash is not None:
            groups[-1][2][0] = groups[-1][2][0] or after_dash
            chunk_end, chunk_start = chunk_start + len(chunk), after_dash.end - line_start
            chunk = line[chunk_start:chunk_end]  # names may follow the council, on a joined line
        if chunk.strip(" ,;.") or not groups:
            role, names = _pieces(line_start + chunk_start, chunk)
            title = role or title
            group = [p for p in listed if any(s <= p.start < e or p.start <= s < p.end for s, e, _ in names)]
            labelled = role if role in _cues()["label"].values() else how.role
            groups.append((group, labelled or title, [None, labelled or "Member"]))
        if index < len(brackets):
            inner = brackets[index]
            # The body ends the bracket: "(Chief Executive, Anytown Council)"; not "(Kent
            # Police and Crime Commissioner)", whose commissioner's post names its office.
            council = next((o for o in orgs if o.kind in (Kind.FORCE, Kind.PARTNER)
                            and line_start + inner.start(1) <= o.start
                            and o.end == line_start + inner.start(1) + len(inner.group(1).rstrip())), None)
            held = None if council else place_post(inner.group(1), rules, line_start + inner.start(1),
                                                  line_start + inner.end(1))
            council = council or (held[1] if held else None)
            state = groups[-1][2]
            state[0] = state[0] or council
            state[1] = _cues()["bracket"].get(inner.group(1).strip().lower(), state[1])
    found: list[Post] = []
    end = line_start + len(line)
    for group, role, (council, body_role) in groups:
        for person in group:
            ranked = rank_posts().get((person.title or "").lower(), ("",))[0]
            if council is not None:
                found.append(Post(person, role or ranked or "Member", council, person.start, end, 0.9))
            elif (after := _organisation_after(line_start, line, person, orgs)) is not None:
                found.append(Post(person, ranked or "Member", after, person.start, end, 0.85))
            elif heading_org is not None:
                held = ", ".join(p for p in (ranked, _row_post(line, person.end - line_start)) if p) or role or "Member"
                found.append(Post(person, held, heading_org, person.start, end, 0.85))
            if body is not None and how.members:
                found.append(Post(person, body_role, body, person.start, end, 0.9))
    return found


# "RESOLVED – That Councillor Name be appointed Chair of the Panel": a bounded stretch for the
# name, so the search stays linear.
RESOLUTION = re.compile(r"\b[Tt]hat (?P<who>[^.;]{3,100}?) be (?P<verb>[a-z-]+) (?:as )?(?:an? |the )?"
                        r"(?P<post>[A-Z][\w-]*(?: (?:and|[A-Z][\w-]*)){0,5})(?: for (?P<place>[A-Z][\w-]*"
                        r"(?: (?:and|of|[A-Z][\w-]*)){0,4}))?")


def resolutions(line_start: int, line: str, people_in_line: list[Mention], orgs: list[Mention],
                meeting: Mention | None, rules: OrganisationRules) -> list[Post]:
    """A resolution appointing a person to a panel role (``bracket`` and ``label`` cues: Chair,
    Vice-Chair, Independent Member) makes them a member of the panel holding the meeting, in
    that role; appointing them to a known post ("Deputy Police and Crime Commissioner for
    Gwent") makes them a member of the organisation the post implies."""
    found = []
    for match in RESOLUTION.finditer(line):
        if match.group("verb") not in _cues()["appoint"]:
            continue
        start, end = line_start + match.start("who"), line_start + match.end("who")
        person = next((p for p in reversed(people_in_line) if start <= p.start and p.end <= end), None)
        if person is None:
            continue
        post = match.group("post")
        role = _cues()["bracket"].get(post.lower()) or _cues()["label"].get(post.lower())
        if role and meeting is not None and not any(o.start >= line_start + match.end() and o.key != meeting.key
                                                    for o in orgs):
            found.append(Post(person, role, meeting, line_start + match.start(), line_start + len(line), 0.85))
            continue
        written = post + (f" for {match.group('place')}" if match.group("place") else "")
        known = known_post(written, rules, line_start + match.start("post"), line_start + match.end())
        if known is not None and not role:
            found.append(Post(person, known[0], known[1], line_start + match.start(), line_start + len(line), 0.85))
    return found
