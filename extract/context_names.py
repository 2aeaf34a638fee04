"""Organisations named without a type word, kept because the text around them says what they are.

``mentions.py`` keeps a name spaCy marks as an organisation only when its last word is a type
word ("Council", "Trust"), since without one it is as often a person, a place or a heading.
Many organisations have no such word ("run by Brightpath", "Age UK", "IDAS"). Here a
capitalised name is kept when its context says it is an organisation, by the cues of
``patterns/org_context.csv``: written straight after a cue ("the charity X", "run by X",
"commissioned X") or before one ("X, a local charity"), listed after one ("partners including
X, Y and Z"), listed with organisations already found ("Kent Police, G4S and Age UK"), defined
with an abbreviation ("Independent Domestic Abuse Services (IDAS)"), or in the first cell of a
table row whose header names organisations, or beside an amount, or opening a line of a list of
grants ("X – counselling service: £1,200"). A name is rejected when
spaCy labels its first word a place, person, date, law or other non-organisation
(``patterns/org_context_rules.csv``), when it is only generic words, a programme, an internal
unit or a person's name. Known names take their reference-list key.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from .abbreviations import find_definitions
from .first_letters import first_letters
from .mentions import Mention, Occupied, alias_index, is_generic
from .model import Kind
from .names import split_title
from .resources import lexicon_cached, read_csv, read_lines

MAX_NAME_WORDS = 8
MAX_LISTED = 16
MAX_AND_TAIL_WORDS = 3
# How far back a name written before an "after" cue may start.
MAX_NAME_CHARS = 90
WORD = re.compile(r" ?([A-Z][\w’'-]*|[a-z]+|&)")
BACK_WORD = re.compile(r"[\w’'-]+|&")
# One capitalised word with nothing else to mark it ("Maidstone"), in a list as often a town.
PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
ITEM_AMOUNT = re.compile(r"£\s?[\d,]+(?:\.\d\d)?")
RECIPIENT_DASHES = (" – ", " - ", " — ", ": ")
APPOSITION = re.compile(r", (?:the|a|an) ")
LOWER_TAIL = re.compile(r"-[a-z]+$")
AMOUNT = re.compile(r"£\s?\d|\b\d{1,3}(?:,\d{3})+\b")


@lexicon_cached
def _cues() -> dict[str, tuple[str, ...]]:
    cues: dict[str, list[str]] = {}
    for row in read_csv("org_context.csv"):
        cues.setdefault(row["position"], []).append(row["cue"])
    return {position: tuple(sorted(words, key=len, reverse=True)) for position, words in cues.items()}


@lexicon_cached
def _rules() -> dict[str, frozenset[str]]:
    rules: dict[str, set[str]] = {}
    for row in read_csv("org_context_rules.csv"):
        rules.setdefault(row["kind"], set()).add(row["value"])
    return {kind: frozenset(values) for kind, values in rules.items()}


def place_labels() -> frozenset[str]:
    """spaCy labels that make a word in a list a place or person rather than part of a name."""
    return _rules()["weak_reject_label"]


@lexicon_cached
def _separators() -> tuple[str, ...]:
    return tuple(sorted(_rules()["separator"], key=len, reverse=True))


@lexicon_cached
def _cue_pattern(position: str) -> re.Pattern[str]:
    cues = "|".join(re.escape(cue) for cue in _cues().get(position, ()))
    if position == "after":
        return re.compile(rf"(?:{cues})\b")
    return re.compile(rf"\b{first_letters(_cues().get(position, ()))}(?:{cues}) (?:the )?", re.IGNORECASE)


@lexicon_cached
def _word_set(name: str) -> frozenset[str]:
    return frozenset(word.lower() for word in read_lines(name))


@lexicon_cached
def _given_names() -> frozenset[str]:
    return frozenset(read_lines("given_names.txt"))


def _read_name(text: str, start: int) -> tuple[int, int] | None:
    """The capitalised name starting at ``start``: capitalised words, with joiners ("of the",
    "&") kept only between them; ``None`` when no capitalised word starts there."""
    joiners = _rules()["joiner"]
    first = WORD.match(text, start)
    if first is None or not first.group(1)[0].isupper():
        return None
    name_start, name_end, position, words = first.start(1), first.end(1), first.end(1), 1
    remit = False
    while words < MAX_NAME_WORDS:
        match = WORD.match(text, position)
        if match is None:
            break
        word = match.group(1)
        if word[0].isupper():
            name_end = match.end(1)
        elif word == "and" and remit and name_end == position:
            return name_start, _and_tail(text, position) or name_end
        elif word not in joiners:
            break
        remit = remit or word in _rules()["remit_joiner"]
        position, words = match.end(1), words + 1
    return name_start, name_end


def _and_tail(text: str, position: int) -> int | None:
    """End of the " and Y" that closes a name of a remit ("Department for Work and Pensions"):
    one to three capitalised words and nothing capitalised after them; ``None`` when one of
    them is a body's type word, as they then name a body of their own ("Department for
    Education and Northshire County Council")."""
    end, position = None, position + len(" and")
    for _ in range(MAX_AND_TAIL_WORDS + 1):
        match = WORD.match(text, position)
        if match is None or not match.group(1)[0].isupper():
            return end
        if match.group(1).lower() in _body_words():
            return None
        end = position = match.end(1)
    return None


@lexicon_cached
def _body_words() -> frozenset[str]:
    """Type words of bodies: organisational cues and the words forces and services end with."""
    return _word_set("org_cues.txt") | {word.lower() for word in _rules()["body_word"]}


def _read_list(text: str, start: int, separators: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Names listed from ``start`` on, separated by commas and "and" (or ``separators``)."""
    names: list[tuple[int, int]] = []
    position = start
    while len(names) < MAX_LISTED:
        name = _read_name(text, position)
        if name is None:
            break
        names.append(name)
        separator = next((s for s in separators or _separators() if text.startswith(s, name[1])), None)
        if separator is None:
            break
        position = name[1] + len(separator)
    return names


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised name that ends at ``end`` (read back over at most a line's stretch)."""
    window = max(0, end - MAX_NAME_CHARS, text.rfind("\n", 0, end) + 1)
    words = list(BACK_WORD.finditer(text, window, end))
    joiners = _rules()["joiner"]
    if not words or words[-1].end() != end or not words[-1].group()[0].isupper():
        return None
    start = words[-1].start()
    for word in reversed(words[:-1][-MAX_NAME_WORDS:]):
        if word.group()[0].isupper():
            start = word.start()
        elif word.group() not in joiners:
            break
    return start, end


class LineIndex:
    """Which spaCy token holds a character of the document, for the labels around a name."""

    def __init__(self, line_docs: list[tuple[int, Doc]]) -> None:
        self._docs = sorted(line_docs, key=lambda pair: pair[0])
        self._offsets = [offset for offset, _ in self._docs]

    def span(self, start: int, end: int) -> Span | None:
        """The tokens of ``start:end`` (expanded to whole tokens), or ``None`` off every line."""
        index = bisect_right(self._offsets, start) - 1
        if index < 0:
            return None
        offset, doc = self._docs[index]
        return doc.char_span(start - offset, end - offset, alignment_mode="expand")


def _not_a_name(name: str) -> bool:
    """Whether the words alone say a name is no organisation's: a heading, role or plural word, only
    generic words, a programme, an internal unit, a person's name or a lower-case tail."""
    words = name.split()
    rules = _rules()
    if words[0] in rules["not_name"] or words[-1] in rules["not_last"] or is_generic(name):
        return True
    if (len(name) < 3 and name.isupper()) or LOWER_TAIL.search(name):
        return True
    if words[-1].lower() in _word_set("programme_cues.txt") or any(
            cue in name for cue in read_lines("internal_unit_cues.txt")):
        return True
    return bool(split_title(name).title) or (len(words) > 1 and words[0] in _given_names())


def _labels_reject(span: Span, name: str, require_org_label: bool, weak: bool, described: bool) -> bool:
    """Whether spaCy's labels say the name is something else (see :func:`_organisation`)."""
    rules = _rules()
    exact = [e.label_ for e in span.doc.ents if e.start == span.start and e.end == span.end]
    if any(label in rules["reject_label"] and not (described and label == "PERSON") for label in exact):
        return True
    if span[0].ent_type_ in rules["reject_first_label"]:
        return True
    if weak and (span[0].ent_type_ in rules["weak_reject_label"] or PLAIN_WORD.fullmatch(name)):
        return True
    return require_org_label and span[0].ent_type_ != "ORG"


def _organisation(text: str, start: int, end: int, lines: LineIndex, occupied: Occupied,
                  require_org_label: bool = False, weak: bool = False, described: bool = False) -> Mention | None:
    """A mention of the organisation named at ``start:end``, unless it is something else.

    A ``weak`` context (a list, a table, an abbreviation) also rejects a name whose first word
    spaCy marks a place or person, and a single plain capitalised word (a town as often); a
    name ``described`` as an organisation is kept even when spaCy took it for a person's;
    ``require_org_label`` asks spaCy to mark it an organisation."""
    name = text[start:end].rstrip("’'")
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    end = start + len(name)
    if not name or not occupied.is_free(start, end):
        return None
    known = alias_index().get(name.lower())
    if known:
        key, kind, label = known
        return Mention(kind, start, end, name, label, key)
    if _not_a_name(name):
        return None
    span = lines.span(start, end)
    if span is None or not len(span) or _labels_reject(span, name, require_org_label, weak, described):
        return None
    return Mention(Kind.PARTNER, start, end, name, name)


def _cued(text: str) -> list[tuple[int, int]]:
    """Names written straight after or before a cue, with the names listed with them."""
    found: list[tuple[int, int]] = []
    for position in ("before", "list"):
        for match in _cue_pattern(position).finditer(text):
            found += _read_list(text, match.end(), _cue_separators())
    for match in _cue_pattern("after").finditer(text):
        name = _name_before(text, match.start())
        if name is not None:
            found.append(name)
    return found


def _described(text: str) -> list[tuple[int, int]]:
    """Names set before a description of an organisation ("X, the specialist … charity")."""
    found: list[tuple[int, int]] = []
    for match in APPOSITION.finditer(text):
        name = _name_before(text, match.start())
        if name is not None and _describes_organisation(text, match.end()):
            found.append(name)
    return found


@lexicon_cached
def _cue_separators() -> tuple[str, ...]:
    """After a cue, names are listed by commas and "and", and by "with" ("run by A with B")."""
    return tuple(sorted(_rules()["separator"] | _rules()["cue_separator"], key=len, reverse=True))


def _describes_organisation(text: str, start: int) -> bool:
    """Whether the description from ``start`` ("the specialist domestic abuse charity, …") names
    a kind of organisation (``description`` cues) within its first words."""
    words = text[start : start + MAX_NAME_CHARS].split(",", 1)[0].split()[:MAX_NAME_WORDS]
    return any(word.strip(".;:") in _cues()["description"] for word in words)


def _table_cells(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """First cells of table rows: those under a header naming organisations or below a lead-in
    that says the rows are grants (``lead_in`` cues; a row's description may follow it on a line
    of its own), and those beside an amount in any other table. A row with an amount is never a
    header."""
    headed: list[tuple[int, int]] = []
    beside_amount: list[tuple[int, int]] = []
    header: str | None = None
    granted = after_row = False
    position = 0
    for line in text.split("\n"):
        if "\t" not in line:
            header = None
            granted = bool(_lead_in().search(line)) or (granted and (after_row or not line))
        elif header is None and not AMOUNT.search(line, line.find("\t")):
            header = line.split("\t", 1)[0].strip().lower()
        else:
            cell = line.split("\t", 1)[0]
            stripped = cell.strip()
            start = position + cell.find(stripped) if stripped else position
            target = headed if header in _rules()["table_header"] or granted else beside_amount
            if stripped and (target is headed or AMOUNT.search(line, len(cell))):
                target.append((start, start + len(stripped)))
        after_row = "\t" in line
        position += len(line) + 1
    return headed, beside_amount


def _listed_recipients(text: str) -> list[tuple[int, int]]:
    """Names opening the items of a list of grants ("X – counselling service: £1,200") below a
    lead-in that says the list is of grants (``lead_in`` cues: "approves the following grants").
    An item starts a line or follows the amount that ends the item before it (cleaning may
    have joined the lines)."""
    found: list[tuple[int, int]] = []
    listing = False
    position = 0
    for line in text.split("\n"):
        amounts = list(ITEM_AMOUNT.finditer(line)) if listing else []
        items = [position] + [position + m.end() for m in amounts[:-1]] if amounts else []
        named = []
        for item in items:
            rest = text[item : position + len(line)]
            start = item + len(rest) - len(rest.lstrip(" \t•*-–"))
            name = _read_name(text, start)
            if name is not None and text.startswith(RECIPIENT_DASHES, name[1]):
                named.append(name)
        found += named
        if line.strip() and not named:
            listing = bool(_lead_in().search(line))
        position += len(line) + 1
    return found


@lexicon_cached
def _lead_in() -> re.Pattern[str]:
    cues = _cues()["lead_in"]
    return re.compile(rf"\b{first_letters(cues)}(?:{'|'.join(re.escape(cue) for cue in cues)})\b", re.IGNORECASE)


def _whole_name(text: str, start: int, end: int) -> bool:
    """Whether a table cell is one capitalised name and nothing more."""
    name = _read_name(text, start)
    return name is not None and name[1] == end


def _coordinated(text: str, named: list[Mention]) -> list[tuple[int, int]]:
    """Names listed straight after an organisation already found ("Kent Police, G4S and Age UK")."""
    found: list[tuple[int, int]] = []
    for mention in named:
        if mention.kind not in (Kind.FORCE, Kind.PARTNER) or mention.anaphor:
            continue
        separator = next((s for s in _separators() if text.startswith(s, mention.end)), None)
        if separator is not None:
            found += _read_list(text, mention.end + len(separator))
    return found


def context_organisations(text: str, line_docs: list[tuple[int, Doc]], taken: list[Mention]) -> list[Mention]:
    """Organisations named without a type word whose context says what they are."""
    lines = LineIndex(line_docs)
    occupied = Occupied(taken)
    found: list[Mention] = []

    def keep(start: int, end: int, require_org_label: bool = False, weak: bool = False,
             described: bool = False) -> None:
        mention = _organisation(text, start, end, lines, occupied, require_org_label, weak, described)
        if mention is not None:
            found.append(mention)
            occupied.take(mention.start, mention.end)

    for start, end in _cued(text):
        keep(start, end)
    for start, end in _described(text):
        keep(start, end, described=True)
    for definition in find_definitions(text):
        keep(definition.start, definition.end, require_org_label=True, weak=True)
    for start, end in _listed_recipients(text):
        keep(start, end)
    headed, beside_amount = _table_cells(text)
    for start, end in headed:
        if _whole_name(text, start, end):
            keep(start, end)
    for start, end in beside_amount:
        if _whole_name(text, start, end):
            keep(start, end, require_org_label=True, weak=True)
    for start, end in _coordinated(text, sorted(taken + found, key=lambda m: (m.start, m.end))):
        keep(start, end, weak=True)
    return sorted(found, key=lambda m: (m.start, m.end))
