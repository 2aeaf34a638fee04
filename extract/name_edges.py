"""Where an organisation's name starts when spaCy or a pattern cut it at a hyphen or a comma.

Token patterns and the statistical model start a name at the first word they know, so
"Stockton-on-Tees Borough Council" is found as "Tees Borough Council", "Tees, Esk and Wear
Valleys NHS Foundation Trust" as "Esk and Wear Valleys …", and "National Farmers' Union and
Lincolnshire County Council" as one name "Union and Lincolnshire County Council". Here a name
is run back over a hyphenated place written onto it and over the single capitalised words
listed before its own "X and Y" opening, and a name that starts in the middle of another name
(after a capitalised word, or opening with a generic word such as "Rescue" or "Police") and
runs on with "and" is two names, cut at that "and" ("Cheshire Fire and Rescue" and "North West
Ambulance Service"). A name of two whole names joined by "and" is also two: "Northfield FC and
Brightwater Youth Trust", "BWT and Northshire Fire and Rescue Service" (each side a name of its
own: an acronym, or words ending with a type word, then a name that does not open with a
generic word, so "Social Care Trust" of "Health and Social Care Trust" stays).
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from .context_names import LineIndex, place_labels
from .mentions import Mention
from .model import Kind
from .resources import lexicon_cached, read_lines

MAX_LISTED_WORDS = 3
MAX_NAME_WORDS = 6
HYPHENATED_HEAD = re.compile(r"[A-Z][A-Za-z-]*-")
LISTED_WORD = re.compile(r"[A-Z][a-z]+")
NAME_WORD = re.compile(r"[A-Z][\w-]*[’']?")
ACRONYM = re.compile(r"[A-Z]{2,}")
# One or two capitalised words straight after a name, the last one then, with no capitalised word after.
TYPED_TAIL = re.compile(r"(?: [A-Z][\w’'-]*)?( ([A-Z][a-z]+))(?![\w’'-]| [A-Z])")


@lexicon_cached
def _generic() -> frozenset[str]:
    return frozenset(read_lines("generic_org_words.txt"))


@lexicon_cached
def _org_cues() -> frozenset[str]:
    return frozenset(read_lines("org_cues.txt"))


@lexicon_cached
def _stopwords() -> frozenset[str]:
    return frozenset(read_lines("name_stopwords.txt"))


def _name_ending(text: str, end: int) -> int | None:
    """Start of the capitalised words (with "and" between them, without a leading "The") that
    end at ``end``."""
    start = None
    position = end
    for _ in range(MAX_NAME_WORDS):
        word_start = text.rfind(" ", 0, position) + 1
        word = text[word_start:position]
        if word in ("and", "&"):
            pass
        elif "\n" in word or word.lower() in _stopwords() or not NAME_WORD.fullmatch(word):
            break
        else:
            start = word_start
        if word_start == 0:
            break
        position = word_start - 1
    return start


def _listed_start(text: str, start: int, lines: LineIndex) -> int | None:
    """Start of "Tees, " (or "A, B, ") written before a name opening "Esk and …"; a word spaCy
    marks a place ("in Scotland, Dumfries and Galloway Council"), or a list after a capitalised
    word ("Police Scotland, Dumfries and …"), is no part of it."""
    position, first = start, None
    for _ in range(MAX_LISTED_WORDS):
        if text[position - 2 : position] != ", ":
            break
        word_start = text.rfind(" ", 0, position - 2) + 1
        span = lines.span(word_start, position - 2)
        if not LISTED_WORD.fullmatch(text[word_start : position - 2]) or span is None or (
                span[0].ent_type_ in place_labels()):
            break
        position = first = word_start
    if first is not None and NAME_WORD.fullmatch(text[max(0, first - 40) : first].rstrip(" ").rsplit(" ", 1)[-1]):
        return None
    return first


def _starts_inside(text: str, mention: Mention, first_word: str) -> bool:
    """Whether a name starts inside another: after a capitalised word ("Farmers' Union"), or
    with a word that never opens a name ("Rescue and …", "Police and …")."""
    before = text[max(0, mention.start - 40) : mention.start]
    if first_word.lower() in _generic():
        return True
    return before.endswith(" ") and bool(NAME_WORD.fullmatch(before[:-1].rsplit(" ", 1)[-1]))


def _edged(text: str, mention: Mention, lines: LineIndex) -> list[Mention]:
    words = mention.text.split(" ")
    before = text[max(0, mention.start - 40) : mention.start]
    head = before.rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]
    if head and HYPHENATED_HEAD.fullmatch(head):
        start = mention.start - len(head)
        return [replace(mention, start=start, text=text[start : mention.end], name=text[start : mention.end])]
    if len(words) > 2 and words[1] == "and":
        listed = _listed_start(text, mention.start, lines)
        if listed is not None:
            return [replace(mention, start=listed, text=text[listed : mention.end],
                            name=text[listed : mention.end])]
        first_end = mention.start + len(words[0])
        first_start = _name_ending(text, first_end)
        if first_start is not None and first_start < mention.start and _starts_inside(text, mention, words[0]):
            cut = first_end
            start = cut + len(" and ")
            first = text[first_start:cut]
            return [Mention(Kind.PARTNER, first_start, cut, first, first),
                    replace(mention, start=start, text=text[start : mention.end], name=text[start : mention.end])]
    return _two_whole_names(mention, words)


def _is_whole_name(words: list[str]) -> bool:
    """Whether ``words`` name a body on their own: an acronym ("BWT"), or two words or more
    ending with a type word ("Brightwater Youth Trust")."""
    if len(words) == 1:
        return bool(ACRONYM.fullmatch(words[0]))
    return words[-1] in _org_cues() and all(NAME_WORD.fullmatch(word) or word in ("and", "of", "for")
                                            for word in words)


def _two_whole_names(mention: Mention, words: list[str], known: frozenset[str] = frozenset()) -> list[Mention]:
    """"A and B" as the two names A and B when A is a whole name (or one the document names
    on its own, ``known``) and B one that opens with a word of its own, not a generic one
    ("Social Care Trust")."""
    for index, word in enumerate(words):
        left, right = words[:index], words[index + 1 :]
        if word != "and" or not left or len(right) < 2 or right[0].lower() in _generic():
            continue
        if NAME_WORD.fullmatch(right[0]) and right[-1] in _org_cues() and (
                _is_whole_name(left) or " ".join(left) in known):
            cut = mention.start + len(" ".join(left))
            start = cut + len(" and ")
            first = mention.text[: cut - mention.start]
            second = mention.text[start - mention.start :]
            return [Mention(Kind.PARTNER, mention.start, cut, first, first),
                    replace(mention, start=start, text=second, name=second)]
    return [mention]


def _run_on(text: str, mention: Mention) -> Mention:
    """``mention`` run on over the one or two capitalised words after it that end with a type
    word ("Northshire and Vale University" + "Health Board"): spaCy cut the name short."""
    match = TYPED_TAIL.match(text, mention.end)
    if match is None or match.group(2) not in _org_cues():
        return mention
    end = match.end()
    return replace(mention, end=end, text=text[mention.start : end], name=text[mention.start : end])


def with_whole_names(text: str, mentions: list[Mention], line_docs: list[tuple[int, Doc]]) -> list[Mention]:
    """Organisations found by patterns or spaCy, each from where its name really starts to
    where it really ends."""
    lines = LineIndex(line_docs)
    return [edged for m in mentions
            for edged in (_edged(text, _run_on(text, m), lines)
                          if m.kind is Kind.PARTNER and m.key is None and not m.anaphor else [m])]


def with_known_heads(mentions: list[Mention]) -> list[Mention]:
    """Mentions with "A and B" cut in two where A is a name the document also writes on its own
    ("Brightwater, Kestrel Arts and Northshire Youth Trust" after a table row "Kestrel Arts"),
    once names found by their context are known."""
    known = frozenset(m.text for m in mentions if m.kind in (Kind.PARTNER, Kind.FORCE) and " and " not in m.text)
    return sorted((part for m in mentions for part in (
        _two_whole_names(m, m.text.split(" "), known)
        if m.kind is Kind.PARTNER and m.key is None and not m.anaphor else [m])), key=lambda m: (m.start, m.end))
