"""Document metadata read from the text: title, date, and the force a document is about."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from .dates import stated_date
from .gazetteer import by_key, force_by_area, known_organisations, office_of
from .mentions import Mention, alias_index
from .model import Kind
from .resources import lexicon_cached, read_csv, read_lines

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_MONTH_YEAR = rf"(\d{{1,2}})(?:st|nd|rd|th)?,? {_MONTH},? (\d{{4}})"
DATE_PATTERNS = (
    re.compile(r"Last updated:? (\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE),
    re.compile(rf"^Date(?: of decision)?:\s*(?:\w+day,? )?{_DAY_MONTH_YEAR}", re.IGNORECASE | re.MULTILINE),
    re.compile(rf"^(?:Published:?\s*)?(?:\w+day,? )?{_DAY_MONTH_YEAR}$", re.IGNORECASE | re.MULTILINE),
    re.compile(rf"\b(?:will be held|held)\b[^.\n]{{0,200}}? on \**(?:\w+day,? )?{_DAY_MONTH_YEAR}"),
)
PEEL_TITLE = re.compile(r"^(?P<area>[A-Z][\w&' -]+?) PEEL (?P<year>\d{4}(?:/\d{2})?)$", re.MULTILINE)
MAX_TITLE = 120
HEADER_LINES, HEADER_CHARS = 4, 600
PUBLISHED_BY = re.compile(r"^(?:Published|Produced|Issued|Prepared) by\b[^\n]*", re.MULTILINE | re.IGNORECASE)


@lexicon_cached
def _generic_headings() -> frozenset[str]:
    return frozenset(read_lines("generic_headings.txt"))


def _to_iso(day: str, month: str, year: str) -> str | None:
    number = int(month) if month.isdigit() else MONTHS[month.lower()]
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def document_date(text: str) -> str | None:
    """The date the document gives: last updated, decision date, or meeting date, else one
    after another label or alone under the title (:func:`~policekg.extract.dates.stated_date`) (ISO)."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            return _to_iso(*match.groups())
    return stated_date(text)


def peel_title(text: str) -> re.Match[str] | None:
    """An "<Area> PEEL <year>" heading line, as HMICFRS web pages start."""
    return PEEL_TITLE.search(text[:2000])


def document_title(text: str, given: str | None) -> str | None:
    """The format's title, a PEEL heading, or the first line that reads like a title."""
    if given and given.strip():
        return " ".join(given.split())
    heading = peel_title(text)
    if heading:
        return heading.group(0)
    generic: list[str] = []
    for line in text.splitlines()[:40]:
        line = line.strip()
        if not line or "\t" in line:
            continue
        if line.lower().strip(":") in _generic_headings():
            generic.append(line)
            continue
        if len(line) <= MAX_TITLE and not re.search(r"[.;,:]$", line) and not re.match(r"^[\d•\-–(]", line):
            return line
    return generic[0] if generic else None


def header_lines(text: str) -> list[tuple[int, int]]:
    """A document's header: its first :data:`HEADER_LINES` non-empty lines, within
    :data:`HEADER_CHARS` characters."""
    return [(line.start(), line.end()) for line in re.finditer(r"[^\n]*\S[^\n]*", text[:HEADER_CHARS])][:HEADER_LINES]


SOURCE_URL = re.compile(r"https?://(?:www\.)?(?P<host>[\w.-]+)")

# How far around a commissioner's post its area is looked for: characters, and words of the area.
AREA_REACH = 60
MAX_AREA_WORDS = 6


@lexicon_cached
def _site_marks() -> frozenset[str]:
    return frozenset(read_lines("office_sites.txt"))


def _compact(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def source_office(text: str) -> str | None:
    """The commissioner's office whose website a document was taken from, as a web address in its
    header gives it ("Source: https://www.westmercia-pcc.gov.uk/..."): the key of its office."""
    compact_areas = {_compact(area): force for area, force in force_by_area().items()}
    for start, end in header_lines(text):
        for url in SOURCE_URL.finditer(text, start, end):
            parts = re.split(r"[-.]", url.group("host").lower())
            if not _site_marks() & set(parts):
                continue
            force = next((compact_areas[p] for p in parts if p in compact_areas), None)
            office = office_of(force.key) if force is not None else None
            if office is not None:
                return office.key
    return None


@lexicon_cached
def _commissioner_posts() -> tuple[re.Pattern[str], dict[str, str]]:
    """The commissioners' posts as ``office_names.csv`` writes them around an area ("Police and
    Crime Commissioner for {area}", "{area} PCC"), as one pattern of the post's words, and every
    such spelling of every office in the reference list, with the office's key."""
    posts = {row["form"].replace(" for {area}", "").replace("{area} ", "")
             for row in read_csv("office_names.csv") if row["match"] == "no"}
    offices = {spelling: org.key for org in known_organisations() if org.category in ("pcc", "pfcc")
               for spelling in org.spellings}
    words = sorted(posts, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b"), offices


def post_office(text: str) -> str | None:
    """The commissioner's office a document names only by its commissioner's post ("The Police and
    Crime Commissioner for Kent has awarded ..."): its key, when every such post names the same office."""
    pattern, offices = _commissioner_posts()
    found = set()
    for match in pattern.finditer(text):
        after = text[match.end() : match.end() + AREA_REACH].split()
        before = text[max(0, match.start() - AREA_REACH) : match.start()].split()
        candidates = [f"{match.group()} {' '.join(after[:n])}" for n in range(2, MAX_AREA_WORDS + 2)] + \
                     [f"{' '.join(before[-n:])} {match.group()}" for n in range(1, MAX_AREA_WORDS + 1)]
        found |= {offices[c.rstrip(".,;:")] for c in candidates if c.rstrip(".,;:") in offices}
    return next(iter(found)) if len(found) == 1 else None


def _named_forces(mentions: Iterable[Mention]) -> set[str]:
    return {m.key for m in mentions if m.kind is Kind.FORCE and m.key and not m.anaphor}


def _header_force(text: str, mentions: list[Mention]) -> str | None:
    """The force the first header line naming any force names, if it names just one."""
    for start, end in header_lines(text):
        forces = _named_forces(m for m in mentions if start <= m.start < end)
        if forces:
            return next(iter(forces)) if len(forces) == 1 else None
    return None


def _only(keys: Iterable[str | None]) -> str | None:
    found = {key for key in keys if key}
    return next(iter(found)) if len(found) == 1 else None


def _place_force(places: Iterable[str]) -> str | None:
    return _only(force_by_area()[p.lower()].key for p in places if p.lower() in force_by_area())


def about_force(text: str, mentions: list[Mention], places: list[str] = ()) -> str | None:
    """The force a document is about, read from where a document says who it is:

    its PEEL heading; the one force named on the first header line that names any;
    the one force named on a "Published by" line; the one area whose commissioner or panel
    the document's posts and names give (``places``); failing all these, the force it clearly
    names most."""
    heading = peel_title(text)
    if heading:
        area = heading.group("area")
        force = force_by_area().get(area.lower()) or by_key().get(alias_index().get(area.lower(), ("",))[0])
        if force is not None and force.kind is Kind.FORCE:
            return force.key
    found = _header_force(text, mentions)
    if found:
        return found
    lines = [(m.start(), m.end()) for m in PUBLISHED_BY.finditer(text)]
    found = _only(_named_forces(m for m in mentions if any(s <= m.start < e for s, e in lines)))
    if found:
        return found
    found = _place_force(places)
    if found:
        return found
    counts = Counter(m.key for m in mentions if m.kind is Kind.FORCE and m.key and not m.anaphor)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
        return ranked[0][0]
    return None


def place_of(name: str) -> str | None:
    """"Kent" in "Kent Police and Crime Commissioner" or "Police and Crime Panel for Kent"."""
    match = re.match(r"^(?:Office of the )?(.+?) Police and Crime (?:Commissioner|Panel)$", name) or \
        re.search(r"Police and Crime (?:Commissioner|Panel) for (.+)$", name)
    return match.group(1) if match else None


def peel_year(text: str) -> str | None:
    """The inspection year of a PEEL report ("2016", "2018/19")."""
    heading = peel_title(text)
    if heading:
        return heading.group("year")
    match = re.search(r"\bPEEL\b[^\n]{0,100}?\b(\d{4}/\d{2})\b|\b(?:in|for) (\d{4}/\d{2}),? we\b", text[:5000])
    return next((g for g in match.groups() if g), None) if match else None
