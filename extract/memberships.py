"""Who holds which post where: apposition, signature blocks, ranks and membership tables."""
from __future__ import annotations

import re

from .gazetteer import by_key, force_by_area
from .mentions import Mention, PostMention, alias_index
from .model import Kind
from .names import rank_posts
from .post_rules import (ORGANISATIONS, PCC, OrganisationRules, Post, known_post, known_posts, place_post,
                         post_and_place, post_label)
from .resources import lexicon_cached, read_csv

__all__ = ["OrganisationRules", "Post", "appositions", "known_post", "known_posts", "place_post", "rank",
           "settle_defaults", "signature", "table_row"]

SIGNATURE_LINES = 4
# "Commissioner for Kent Date: 1 May 2025": a label that cleaning joined onto a signature's post line.
LABEL_AFTER = re.compile(r"\s+[A-Z][a-z]+:.*$")
POST_LINE = re.compile(r"[A-Z][\w'’-]*(?:,? (?:of|and|&|for|[A-Z][\w'’-]*)){0,10}")


# What follows a name on its line: ", Post," "(Post)" or " – Post for Area" (a dash with
# space either side, so that a hyphenated surname is not split).
AFTER_NAME = re.compile(r"\s*(?:[,(]|\s[–—-])\s*([A-Z][\w'’ -]+?)(?:\s*\)|\s*,|$)")


def _titled_at_organisation(person: Mention, orgs: list[Mention], match: re.Match,
                            rules: OrganisationRules) -> Post | None:
    """"Councillor Name (Borough Council)" or "Chief Superintendent Name – Durham Constabulary":
    a person whose title is a post, followed by the organisation the post is held in."""
    post = rank_posts().get((person.title or "").lower())
    if post is None:
        return None
    start, end = person.end + match.start(1), person.end + match.end(1)
    # The organisation opens the stretch: "Name, Durham Constabulary" (and a next line's words
    # that cleaning joined on, "Durham Constabulary Chair, …").
    organisation = next((m for m in orgs if m.start == start and m.end <= end), None)
    if organisation is None:
        organisation = rules.for_rule(match.group(1), start, end) if match.group(1).lower() in alias_index() else None
    else:
        end = organisation.end
    if organisation is None or (post[1] == "force" and organisation.kind is not Kind.FORCE):
        return None
    return Post(person, post[0], organisation, person.start, end, 0.85)


# "Head of the Unit – Detective Superintendent Name": a post and "of", then (after the
# organisation) a dash or colon before the name.
POST_OF_BEFORE = re.compile(r"(?P<post>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,4})(?: (?:of|for|at)|,) (?:the )?$")
DASH_BEFORE = re.compile(r"\s*[–—:-]\s*")


# ", Area Manager (South)": the post after a representative's name, to a bracket, comma or the line's end.
ROW_POST_AFTER = re.compile(r",\s+(?P<post>[A-Z][\w'’-]*(?: (?:of|for|and|[A-Z][\w'’-]*)){0,5})(?=\s*(?:\(|,|$))",
                            re.MULTILINE)


def _post_of_organisation_before(person: Mention, orgs: list[Mention], line_start: int, text: str,
                                 line_end: int = 0) -> Post | None:
    """"Head of EMSOU – Detective Chief Superintendent Name": a post in the organisation
    written before the name it is held by; "Agency – Name, Post" (or "Force – Rank Name"),
    an organisation's representative in a membership list."""
    organisation = next((m for m in orgs if m.kind in ORGANISATIONS and m.end <= person.start
                         and DASH_BEFORE.fullmatch(text, m.end, person.start)), None)
    if organisation is None:
        return None
    post = POST_OF_BEFORE.search(text, max(line_start, organisation.start - 60), organisation.start)
    if post is not None:
        return Post(person, post.group("post"), organisation, post.start(), person.end, 0.85)
    # "Youth Justice Agency – Name, Area Manager": a list row of an organisation's representative.
    after = ROW_POST_AFTER.match(text, person.end, line_end or len(text))
    title = rank_posts().get((person.title or "").lower(), ("",))[0]
    role = after.group("post") if after else title
    return Post(person, role, organisation, organisation.start, after.end() if after else person.end, 0.85) \
        if role and (after or not text[person.end : line_end].strip()) else None


# "Lancashire's Police and Crime Commissioner Name": the area whose commissioner it is.
QUALIFIED = re.compile(r"(?:[A-Z][\w-]*|\w+['’]s?) $")
AREA_BEFORE = re.compile(r"(?P<area>[A-Z][\w-]*(?: (?:and|of|[A-Z][\w-]*)){0,5})['’]s $")


def _titled_commissioner(person: Mention, rules: OrganisationRules, line_start: int) -> Post | None:
    """"Police and Crime Commissioner Name", "Commissioner Name": a commissioner's title is a
    post in the office of the area written before it ("Kent's"), else in the document's own
    office (a bare "Commissioner" only when that is a commissioner's office the gazetteer
    knows, not a mayor's office or the Met)."""
    rule = known_posts().get((person.title or "").lower())
    if rule not in ("pcc-office", "own-pcc-office"):
        return None
    window = max(line_start, person.start - 60)
    area = AREA_BEFORE.search(rules.text, window, person.start)
    place = area.group("area") if area and area.group("area").lower() in force_by_area() else None
    if rule == "own-pcc-office" and not place and QUALIFIED.search(rules.text, window, person.start):
        return None  # "Information Commissioner Name", "the Victims' Commissioner Name": another post
    office = rules.pcc_office(place, person.start, person.end) if rule == "pcc-office" or place \
        else rules.for_rule(rule, person.start, person.end)
    if office is None:
        return None
    return Post(person, post_label(person.title or "") or PCC, office, area.start() if place else person.start,
                person.end, 0.75)


# "… hosted by Essex Police, whose Detective Superintendent Name leads it": the force owns the rank.
WHOSE = re.compile(r",\s+whose\s+")
# "Inspector Name of British Transport Police": what may stand between a ranked name and its force.
OF_FORCE = re.compile(r"\s+of\s+(?:the\s+)?")


def organisation_rank(person: Mention, orgs: list[Mention], text: str) -> Post | None:
    """"Metropolitan Police Deputy Assistant Commissioner Name", "Essex Police, whose Inspector
    Name" or "Inspector Name of British Transport Police": a force written straight before a
    police rank and a name, or straight after the name with "of", is the force the rank is held in
    (or the national policing body or unit of forces: "Commander Name of the National Crime Agency")."""
    post = rank_posts().get((person.title or "").lower())
    if post is None or post[1] != "force":
        return None
    force = next((m for m in orgs if m.kind is Kind.FORCE and m.end <= person.start
                  and (not text[m.end : person.start].strip() or WHOSE.fullmatch(text, m.end, person.start))), None)
    if force is not None:
        return Post(person, post[0], force, force.start, person.end, 0.85)
    after = OF_FORCE.match(text, person.end)
    force = next((m for m in orgs if _policing(m) and after and m.start == after.end()), None)
    return Post(person, post[0], force, person.start, force.end, 0.85) if force else None


# "The Chief Executive, Name", "The Chief Constable of Anytown Police, Name": capitalised words,
# one space between them (a pattern that can split a word two ways would take exponential
# time on a run of capitals), written straight before the name.
THE_POST = re.compile(r"\b[Tt]he (?P<post>[A-Z][\w'’-]*(?: (?:and|[A-Z][\w'’-]*)){0,5})(?: (?:of|for) (?:the )?"
                      r"(?P<of>[A-Z][\w'’&-]*(?: (?:and|of|&|[A-Z][\w'’&-]*)){0,7}))?, $")
# How far after a name its post can be written: "Name, Deputy Chief Executive of the …".
POST_REACH = 160

# "Name, Anytown Council's cabinet member for housing, said": a post the body owns.
POSSESSIVE_POST = re.compile(r"['’]s (?P<post>[A-Za-z][\w'’-]*(?: [\w'’-]+){0,7}),")
# "Name declared an interest as a trustee of Anytown Trust": the post a person acts in.
AS_POST = re.compile(r"\bas (?:an?|the) (?P<post>[A-Za-z][\w'’-]*(?: [A-Za-z][\w'’-]*){0,3}) (?:of|at|for) (?:the )?$")
# "Professor Name, of Anytown University, said": a name and the body it is of.
OF_ORGANISATION = re.compile(r",\s+of\s+(?:the\s+)?")
POST_BEFORE_ORGANISATION = re.compile(
    r"(?:\s*[,(]|\s+[–—-])\s*(?P<post>[A-Za-z][\w'’-]*(?: (?:&|to the|[A-Za-z][\w'’-]*)){0,6}?)"
    r"(?:\s*\([A-Z][^()]{0,40}\))?\s*(?:,|\(|\bat\b|\bof\b|\bfor\b|\bin\b)"
    r"\s*(?:the\s+)?"
)


# A lower-case word in a capitalised post other than those that join its words.
LOWER_WORD = re.compile(r" (?!(?:of|and|for|to|the) )[a-z]")


def _opens_with_known_post(post: str) -> bool:
    words = post.lower().split(" ")
    return any(" ".join(words[:count]) in known_posts() for count in range(1, len(words) + 1))


def _post_at_organisation(person: Mention, orgs: list[Mention], text: str) -> Post | None:
    """"Name, Post, Organisation", "Name, Post at/of the Organisation", "Name, of the
    Organisation", "Name, Organisation's post," and "Name … as a trustee of the Organisation"
    (a known post, in the same sentence)."""
    for organisation in orgs:
        if organisation.start < person.end:
            continue
        if organisation.start - person.end > POST_REACH:
            break
        if OF_ORGANISATION.fullmatch(text, person.end, organisation.start):
            return Post(person, "Member", organisation, person.start, organisation.end, 0.85)
        match = POST_BEFORE_ORGANISATION.fullmatch(text, person.end, organisation.start)
        # A post in lower case ("chair of the Partnership", "cabinet member for housing at")
        # only when it opens with a known post; one in capitals only when its words are.
        if match and (_opens_with_known_post(match.group("post")) if match.group("post")[0].islower()
                      else not LOWER_WORD.search(match.group("post") + " ")):
            role = match.group("post")
            return Post(person, role[0].upper() + role[1:], organisation, person.start, organisation.end, 0.9)
        if not text[person.end : organisation.start].strip(" ,(–—-"):
            held = POSSESSIVE_POST.match(text, organisation.end)
            if held and text[person.end : organisation.start].strip():
                role = held.group("post")
                return Post(person, role[0].upper() + role[1:], organisation, person.start, held.end("post"), 0.85)
            return None  # "Name, Durham Constabulary Chair, …": no post runs over the name's own body
        held = AS_POST.search(text, max(person.end, organisation.start - POST_REACH), organisation.start)
        if held and held.group("post").lower() in known_posts() \
                and not re.search(r"[.;]", text[person.end : organisation.start]):
            role = held.group("post")
            return Post(person, role[0].upper() + role[1:], organisation, person.start, organisation.end, 0.8)
    return None


def appositions(line_start: int, line: str, people: list[Mention], orgs: list[Mention],
                posts: list[PostMention], rules: OrganisationRules) -> list[Post]:
    """"Name, Post[, Organisation]", "The Post, Name," and "Name (Post)" in one line."""
    text = rules.text
    found: list[Post] = []
    for person in people:
        # A post never runs into the next name: "Name – Post, Body Name – Post, Body" is one
        # entry after another (list lines that cleaning joined).
        bound = min([p.start for p in people if p.start >= person.end] + [line_start + len(line)])
        after = text[person.end : min(bound, person.end + POST_REACH)]
        pcc_post = next((p for p in posts if 0 <= p.start - person.end <= len(after)
                         and not text[person.end : p.start].strip(" ,")), None)
        if pcc_post is not None:
            place = pcc_post.text[: -len(PCC)].strip() if pcc_post.text.endswith(PCC) else ""
            office = rules.pcc_office(place, pcc_post.start, pcc_post.end)
            if office is not None:
                found.append(Post(person, PCC, office, person.start, pcc_post.end, 0.9))
            continue
        named = _post_at_organisation(person, [o for o in orgs if o.end <= bound], text)
        if named is not None:
            found.append(named)
            continue
        match = AFTER_NAME.match(after)
        post = known_post(match.group(1), rules, person.start, person.end) if match else None
        if post is not None:
            found.append(Post(person, post[0], post[1], person.start, person.end + match.end(), 0.8))
            continue
        titled = _titled_at_organisation(person, orgs, match, rules) if match else None
        found += [titled] if titled else []
    for person in people:
        line_end = line_start + len(line)
        ranked = organisation_rank(person, orgs, text) \
            or _post_of_organisation_before(person, orgs, line_start, text, line_end) \
            or _titled_commissioner(person, rules, line_start) \
            or _post_line_joined(person, orgs, line_start, line, text)
        found += [ranked] if ranked else []
    for person in people:
        the_post = _the_post_before(person, orgs, line_start, rules)
        found += [the_post] if the_post else []
    return found


# "Rank Name Head of the Unit": a signature's post line that cleaning joined onto the name.
JOINED_POST = re.compile(r" (?P<post>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}) (?:of|for) (?:the )?")


def _post_line_joined(person: Mention, orgs: list[Mention], line_start: int, line: str, text: str) -> Post | None:
    """"Detective Superintendent Name Head of the Unit" alone on its line: a titled name, then
    a post of the organisation that ends the line."""
    match = JOINED_POST.match(text, person.end) if person.title and not text[line_start : person.start].strip() \
        else None
    end = line_start + len(line.rstrip())
    organisation = next((m for m in orgs if m.kind in ORGANISATIONS and match and m.start == match.end()
                         and m.end == end), None)
    return Post(person, match.group("post"), organisation, person.start, end, 0.85) if organisation else None


def _the_post_before(person: Mention, orgs: list[Mention], line_start: int, rules: OrganisationRules) -> Post | None:
    """"The Chief Executive, Name", "The Chief Constable of Anytown Police, Name", "The Police
    and Crime Commissioner for Gwent, Name": a post (of a named organisation, or a known post
    and the organisation it implies) in apposition before the name."""
    match = THE_POST.search(rules.text, max(line_start, person.start - POST_REACH), person.start)
    if match is None:
        return None
    if match.group("of"):
        organisation = next((m for m in orgs if m.kind in ORGANISATIONS and m.start == match.start("of")
                             and m.end == match.end("of")), None)
        if organisation is not None:
            return Post(person, match.group("post"), organisation, match.start(), person.end, 0.85)
    known = known_post(match.group("post") + (f" for {match.group('of')}" if match.group("of") else ""), rules,
                        match.start(), match.end())
    return Post(person, known[0], known[1], match.start(), person.end, 0.85) if known else None



def signature(person: Mention, next_lines: list[tuple[int, str]], orgs: list[Mention],
              rules: OrganisationRules) -> Post | None:
    """A name alone on a line, its post on the next line, and its organisation on one of the
    few lines after that (or the one the post implies)."""
    if not next_lines:
        return None
    start, line = next_lines[0]
    line = LABEL_AFTER.sub("", line)
    # "Head of the Regional Organised Crime Unit": the post line ends with its organisation.
    organisation = next((m for m in orgs if m.kind in ORGANISATIONS and start < m.start
                         and m.end == start + len(line.rstrip())), None)
    held = POST_OF_BEFORE.fullmatch(line, 0, organisation.start - start) if organisation is not None else None
    if held is not None:
        return Post(person, held.group("post"), organisation, person.start, start + len(line), 0.85)
    role = post_label(line) or (line.strip() if POST_LINE.fullmatch(line.strip()) else None)
    if role is None:
        return None
    post, place = post_and_place(role)
    organisation = None
    for org_start, org_line in next_lines[1:]:
        organisation = next((m for m in orgs if m.kind in ORGANISATIONS and m.start == org_start
                             and m.end == org_start + len(org_line.rstrip())), None)
        if organisation is not None:
            break
    rule = known_posts().get(post.lower(), "")
    if organisation is None and rule == "pcc-office" and place:
        organisation = rules.pcc_office(place, start, start + len(line))
    organisation = organisation or rules.for_rule(rule, start, start + len(line))
    if organisation is None:
        return None
    return Post(person, post, organisation, person.start, start + len(line), 0.85)



def rank(person: Mention, rules: OrganisationRules, sentence: tuple[int, int], text: str = "",
         mentions: list[Mention] | None = None) -> Post | None:
    """A police rank written before a name ("ACC Matthew Horne") is a post in the force the
    document is about, unless the name is followed by another body it belongs to
    ("Chief Superintendent Name – Anytown Borough Council"); another sector's rank ("Chief
    Fire Officer Name") is a post in the body its ``ranks.csv`` rule names."""
    if not person.title:
        return None
    named = AFTER_NAME.match(text, person.end) if text else None
    if named and any(m.start == named.start(1) and m.kind is not Kind.FORCE for m in mentions or ()):
        return None
    post = rank_posts().get(person.title.lower())
    if post is None or not post[1]:
        return None
    organisation = rules.about_force if post[1] == "force" else rules.for_rule(post[1], *sentence)
    if organisation is None:
        return None
    return Post(person, post[0], organisation, sentence[0], sentence[1], 0.75, default=post[1] == "force")


@lexicon_cached
def _policing_categories() -> frozenset[str]:
    """Gazetteer categories of bodies whose officers hold police ranks: the units forces run
    together (``units.csv``) and national policing bodies."""
    return frozenset(row["category"] for row in read_csv("units.csv")) | {"national-policing"}


def _policing(organisation: Mention) -> bool:
    known = by_key().get(organisation.key or "")
    return organisation.kind is Kind.FORCE or (known is not None and known.category in _policing_categories())


def settle_defaults(posts: list[Post]) -> list[Post]:
    """The posts without the default force of a ranked person whom the text attaches to a
    force or a unit of forces ("Inspector Name of British Transport Police", "Head of the
    Regional Organised Crime Unit – Detective Superintendent Name"): the force the text names
    wins over the force the document is about, and an officer of a multi-force unit is not
    given the force that happens to be the document's."""
    attached = {p.person.key for p in posts if not p.default and _policing(p.organisation)}
    return [p for p in posts if not (p.default and p.person.key in attached)]


@lexicon_cached
def _panel_roles() -> frozenset[str]:
    """Roles on a panel (``attendance.csv`` bracket and label cues: "co-opted member")."""
    return frozenset(row["cue"].lower() for row in read_csv("attendance.csv") if row["kind"] in ("bracket", "label"))


def table_row(line_start: int, line: str, people: list[Mention], orgs: list[Mention],
              body: Mention | None) -> list[Post]:
    """A membership row: "Councillor Name<TAB>Borough Council", "Name (Chairman)<TAB>…".

    The person sits for the row's organisation; a bracketed role ("Chairman") and an
    "Independent Member" are posts in the body whose membership list it is, and a
    councillor (or ranked officer) sitting for an organisation is a member of that body too.
    """
    cells = line.split("\t")
    if len(cells) != 2:
        return []
    first_end = line_start + len(cells[0])
    person = next((p for p in people if p.start < first_end), None)
    if person is None:
        return []
    end = line_start + len(line)
    organisation = next((m for m in orgs if m.start > first_end and m.kind in ORGANISATIONS), None)
    bracket = re.search(r"\(([^)]+)\)", cells[0])
    prefix = re.match(r"\s*([A-Z][\w -]+?)\s+[–-]\s+", cells[1])
    title = rank_posts().get(person.title.lower(), (None, ""))[0] if person.title else None  # "Cllr", not "Mr"
    posts = []
    if organisation is not None:
        role = (prefix.group(1) if prefix else None) or title or "Member"
        posts.append(Post(person, role, organisation, line_start, end, 0.95))
    body_role = (bracket.group(1) if bracket else None) or (post_label(cells[1]) if organisation is None else None)
    # A councillor (or officer by rank) listed for their organisation is a member of the body
    # whose list it is.
    body_role = body_role or ("Member" if organisation is not None and title and not prefix else None)
    # "Co-opted member – Dover District Council": a role on the body whose list it is.
    body_role = body_role or (prefix.group(1) if prefix and prefix.group(1).lower() in _panel_roles() else None)
    if body is not None and body_role:
        posts.append(Post(person, body_role, body, line_start, end, 0.95))
    return posts
