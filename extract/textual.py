"""Mentions read from the form of the text rather than by spaCy.

Statistical NER misses names that the layout or punctuation gives away: forces named by
their area (``areas.py``: "Kent and Essex Police"), programme names in quotes ("the ‘develop
you’ scheme") or brackets ("its operating model (New Horizon)"), "Operations Lakeland and
Ikon", abbreviations used without a definition whose letters are the initials of a body the
document names ("KCJB"), and references to a police and crime commissioner's office.
"""
from __future__ import annotations

import re

from .abbreviations import MINOR_WORDS
from .areas import forces_by_area
from .first_letters import first_letters
from .mentions import Mention, Occupied, is_generic
from .model import Kind
from .resources import lexicon_cached, read_lines

# The longest list a pattern reads as one: a bound, so a list without its end costs linear time.
MAX_LISTED = 16
QUOTE_OPEN, QUOTE_CLOSE = "‘'\"“", "’'\"”"
QUOTED = rf"[{QUOTE_OPEN}](?P<name>[^{QUOTE_CLOSE}\n]{{3,40}}?)[{QUOTE_CLOSE}]"
# What may not stand before "Operations" is tested after its "O", so that it is looked for
# only where an "O" is.
OPERATIONS = re.compile(r"O(?<!\wO)perations (?P<names>[A-Z]\w+(?:, [A-Z]\w+)*,? and [A-Z]\w+)")
ABBREVIATION = re.compile(r"\b[A-Z]{3,6}\b")
PCC_OF_AREA = re.compile(r"\b(?P<area>[A-Z][a-z]+)[’']s PCC\b")


@lexicon_cached
def _programme_cue_words() -> tuple[str, ...]:
    return read_lines("programme_cues.txt")


@lexicon_cached
def _programme_cues() -> str:
    return "|".join(re.escape(word) for word in _programme_cue_words())


@lexicon_cached
def _quoted_programmes() -> tuple[re.Pattern[str], ...]:
    """Patterns whose ``name`` is a programme. The first starts at its quote mark, with no
    article before it (only the name is used, and an article would only move the match's
    start): a pattern that opens on a set of marks is looked for only where one is. The
    others test the first letter before trying their alternatives (:mod:`.first_letters`)."""
    cues = _programme_cues()
    models = [*_programme_cue_words(), "operating model", "model"]  # words a bracketed name may follow
    return (
        re.compile(rf"{QUOTED}\s+(?:{cues})s?\b", re.IGNORECASE),
        re.compile(rf"\b{first_letters(_programme_cue_words())}(?:{cues})s?\b[^.\n]{{0,40}}?"
                   rf"\b(?:known as|called|named|such as)\s+(?:the\s+)?{QUOTED}", re.IGNORECASE),
        re.compile(rf"\b{first_letters(models)}(?:{'|'.join(map(re.escape, models))})s?"
                   rf"\s+\((?P<name>[A-Z][A-Za-z’' -]{{2,40}})\)"),
        re.compile(r"(?=[t’'])(?:\bthe |[’']s )(?P<name>(?:[a-z]+ ){1,4}pilot)\b"),
    )


@lexicon_cached
def _quoted_list() -> re.Pattern[str]:
    """"the ‘Safer Streets’ and ‘Night Watch’ schemes": quoted names before a plural programme word."""
    quoted = QUOTED.replace("?P<name>", "")
    return re.compile(rf"(?=[{QUOTE_OPEN}])(?P<names>(?:{quoted}(?:,\s*|\s+and\s+|\s+or\s+)){{1,{MAX_LISTED - 1}}})"
                      rf"[{QUOTE_OPEN}][^{QUOTE_CLOSE}\n]{{3,40}}?[{QUOTE_CLOSE}]\s+(?:{_programme_cues()})s\b",
                      re.IGNORECASE)


@lexicon_cached
def _appositive() -> re.Pattern[str]:
    """"Horizon, its new scheme": a capitalised name in apposition to a programme word. What
    may not stand before the name is tested after its capital, so that the pattern opens on a
    set of letters, looked for only where one is."""
    return re.compile(r"(?P<name>[A-Z](?<![\w’'-][A-Z])[\w’'-]*(?: [A-Z][\w’'-]*){0,4}), (?:its|their|the force[’']s) "
                      rf"(?:new )?(?:{_programme_cues()})\b")


def programmes(text: str) -> list[Mention]:
    """Programme names in quotes or brackets next to a programme word, and lists of operations."""
    found: list[Mention] = []
    for match in _quoted_list().finditer(text):
        for name in re.finditer(QUOTED, match.group("names")):
            start = match.start("names") + name.start("name")
            found.append(Mention(Kind.PROGRAMME, start, start + len(name.group("name")), name.group("name"),
                                 name.group("name")))
    for pattern in _quoted_programmes():
        for match in pattern.finditer(text):
            name = match.group("name").strip()
            start = match.start("name")
            if name and not is_generic(name):
                found.append(Mention(Kind.PROGRAMME, start, start + len(name), name, name))
    for match in _appositive().finditer(text):
        name = match.group("name")
        found.append(Mention(Kind.PROGRAMME, match.start("name"), match.end("name"), name, name))
    for match in OPERATIONS.finditer(text):
        for name in re.finditer(r"[A-Z]\w+", match.group("names")):
            start = match.start("names") + name.start()
            found.append(Mention(Kind.PROGRAMME, start, start + len(name.group()), name.group(),
                                 f"Operation {name.group()}"))
    return found


def _initials(name: str) -> str:
    """Initials of a name's words, up to any " for <place>" ("OPCC" for the Office of the
    Police and Crime Commissioner for North Wales)."""
    words = re.findall(r"[A-Za-z][\w’'-]*", name.split(" for ")[0])
    return "".join(w[0].upper() for w in words if w.lower() not in MINOR_WORDS and w[0].isupper())


def undefined_abbreviations(text: str, named: list[Mention]) -> list[Mention]:
    """"KCJB" for the Kent Criminal Justice Board the document names in full elsewhere."""
    by_initials: dict[str, set[tuple[Kind, str, str | None]]] = {}
    for m in named:
        if m.kind in (Kind.FORCE, Kind.PARTNER) and not m.anaphor and " " in m.name:
            by_initials.setdefault(_initials(m.name), set()).add((m.kind, m.name, m.key))
    found = []
    occupied = Occupied(named)
    for match in ABBREVIATION.finditer(text):
        targets = by_initials.get(match.group())
        if targets and len(targets) == 1 and occupied.is_free(match.start(), match.end()):
            kind, name, key = next(iter(targets))
            found.append(Mention(kind, match.start(), match.end(), match.group(), name, key))
    return found


def pcc_references(text: str, office: Mention | None) -> list[Mention]:
    """"Kent’s PCC": the commissioner's office the document is about, named by its area (the
    office's other references, "the PCC", "the OPCC", are ``office_references.txt``'s)."""
    if office is None:
        return []
    return [Mention(Kind.PARTNER, m.start(), m.end(), m.group(), office.name, office.key)
            for m in PCC_OF_AREA.finditer(text)]


@lexicon_cached
def signature_label() -> re.Pattern[str]:
    """A line's opening signature label (``signature_labels.txt``) and its colon."""
    labels = sorted(read_lines("signature_labels.txt"), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, labels))})\s*:", re.IGNORECASE | re.MULTILINE)


@lexicon_cached
def _signed_name() -> re.Pattern[str]:
    return re.compile(signature_label().pattern + r"\s*(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})\s*$",
                      re.MULTILINE | re.IGNORECASE)


def signed_names(text: str) -> list[Mention]:
    """"Signed: Eleanor Pennicott": the name on a signature line is a person."""
    return [Mention(Kind.PERSON, m.start("name"), m.end("name"), m.group("name"), m.group("name"))
            for m in _signed_name().finditer(text)]


def text_mentions(text: str, taken: list[Mention]) -> list[Mention]:
    """All form-based mentions that do not overlap one spaCy already gave."""
    found: list[Mention] = []
    occupied = Occupied(taken)
    for mention in forces_by_area(text, taken) + programmes(text) + signed_names(text):
        if occupied.is_free(mention.start, mention.end):
            found.append(mention)
            occupied.take(mention.start, mention.end)
    found += programme_references(text, taken + found)
    return found + undefined_abbreviations(text, taken + found)


@lexicon_cached
def _cue_reference() -> re.Pattern[str]:
    """"the Concordat", "the Scheme": a programme word written as a name; or one of
    ``programme_references.txt`` in lower case ("the exercise"), a word seldom used but for
    the programme the document names with it."""
    cues = [re.escape(word.capitalize()) for word in _programme_cue_words()]
    cues += [re.escape(word) for word in read_lines("programme_references.txt")]
    return re.compile(rf"\b[Tt]he (?P<cue>{'|'.join(cues)})\b")


def programme_references(text: str, taken: list[Mention]) -> list[Mention]:
    """"the Concordat", "the Programme": resolved later to the programme of that kind named before."""
    occupied = Occupied(taken)
    return [Mention(Kind.PROGRAMME, m.start("cue"), m.end(), m.group("cue"), m.group("cue"), anaphor=True)
            for m in _cue_reference().finditer(text) if occupied.is_free(m.start("cue"), m.end())]
