"""Clean the text read from a document into the one string every later stage works on.

Documents arrive with the marks of how they were published: hard line breaks from PDF
text layers, words hyphenated across lines, page numbers, running headers, web-page
furniture ("Skip to content"), cookie banners and blank-page notices. Cleaning removes
those and joins sentences broken across lines, while keeping what carries meaning on
its own line: headings, PEEL grades ("Good"), list items and table rows (cells
separated by TABs).

The result is what character offsets of evidence refer to, so it must be stable:
cleaning cleaned text changes nothing. Its shape: lines separated by ``\\n``,
paragraphs by exactly one blank line, no blank line at either end and no trailing
newline; no line has whitespace at its ends, except a table row whose first cell is
empty, which starts with its TAB.

A form feed marks a page break. Blank lines touching a page break do not separate
paragraphs, so a sentence running over a page is joined like any other.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from .resources import lexicon_cached, read_lines

BOILERPLATE_FILE = "boilerplate.txt"

# A line at least this long that does not end a sentence was broken by layout, not
# by the author; shorter ones are headings, grades or labels and keep their own line.
RUN_ON_MIN_LENGTH = 45

# Joining reads only this many characters at the end of the line it is growing.
TAIL_CHARS = 256

# Running headers and footers sit among the first or last lines of a page.
PAGE_EDGE_LINES = 2
RUNNING_MIN_PAGES = 3

_LINE_BREAKS = re.compile("\r\n|[\r\v\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
     "\ufb06": "st"}
)
_SPACES_AROUND_TAB = re.compile(" *\t *")
_SPACE_RUN = re.compile(" {2,}")
_DIGITS = re.compile(r"\d+")

_URL_LINE = re.compile(r"[<(]?(?:https?://|www\.)\S+?[>)]?", re.IGNORECASE)

_LIST_ITEM = re.compile(
    r"""[•●◦▪■○·‣⁃∙]                  # bullet characters
    | [-*+–—]\s                       # dash or star bullets
    | \d{1,3}[.)](?:\s|$)             # 1.  2)
    | \d{1,3}(?:\.\d{1,3})+\.?\s+[A-Z]  # 1.1 Title  2.3.4 Title
    | [a-z][.)]\s | [A-Z]\)\s         # a.  b)  C)
    | [ivx]{1,5}[.)]\s                # ii.  iv)
    | \((?:\d{1,3}|[a-zA-Z]|[ivx]{1,5})\)\s   # (1)  (a)  (iv)
    """,
    re.VERBOSE,
)
_SENTENCE_ENDS = frozenset(".!?:;")
# "Date of decision: 9 July": a field of a document's header, a label of one to four words
# and a colon. Two fields in a row are two lines, however long the first.
_FIELD = re.compile(r"[A-Z][\w'’]*(?: [\w'’]+){0,3}:(?: |$)")
_CLOSERS = "\"'”’)]"
# Lookbehinds make a search start only where a word starts, so a long word costs its length once.
_WORD_HYPHEN_END = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)+")


def clean_text(raw: str, *, pdf_pages: list[str] | None = None) -> str:
    """The cleaned form of ``raw`` (see the module docstring for its shape).

    ``pdf_pages`` is the text of each page when ``raw`` came from a PDF, with pages
    separated in ``raw`` by form feeds (``"\\f".join(pdf_pages)``). Lines that recur at
    the top or bottom of most pages (running headers and footers, page numbers) are
    found from them and removed from those positions.
    """
    pages = _pages(raw)
    if pdf_pages is not None:
        running = _running_keys([_page_lines(page) for page in pdf_pages])
        pages = [_drop_running_lines(page, running) for page in pages]
    return "\n".join(_settle([line for page in pages for line in page]))


def _pages(raw: str) -> list[list[str]]:
    """The lines of each page of ``raw`` (pages are separated by form feeds)."""
    return [_page_lines(page) for page in raw.split("\f")]


def _page_lines(page: str) -> list[str]:
    """The normalised lines of one page, without blank lines at its top or bottom."""
    lines = [_normalise_line(line) for line in _normalise_characters(page).split("\n")]
    return _trim_blank_edges(lines)


def _normalise_characters(text: str) -> str:
    """Text with one kind of line break and of space, no invisible characters, in NFC."""
    text = _LINE_BREAKS.sub("\n", text).replace("\f", "\n")
    text = _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text)).translate(_LIGATURES)
    return unicodedata.normalize("NFC", text)


def _normalise_line(line: str) -> str:
    """One space between words, no whitespace at the ends or around TABs.

    A leading TAB is kept only in a table row, where it stands for an empty first cell;
    elsewhere it is indentation.
    """
    line = _SPACE_RUN.sub(" ", _SPACES_AROUND_TAB.sub("\t", line)).rstrip(" \t").lstrip(" ")
    return line if "\t" in line.lstrip("\t") else line.lstrip("\t")


def _trim_blank_edges(lines: list[str]) -> list[str]:
    """``lines`` without leading and trailing blank lines."""
    start = 0
    end = len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def _edge_indexes(lines: list[str]) -> set[int]:
    """Positions of the first and last few non-blank lines of a page."""
    filled = [index for index, line in enumerate(lines) if line]
    return set(filled[:PAGE_EDGE_LINES] + filled[-PAGE_EDGE_LINES:])


def _running_key(line: str) -> str:
    """What a running line has in common across pages: "Page 3" and "Page 4" agree."""
    return _DIGITS.sub("0", line).casefold()


def _running_keys(pages: list[list[str]]) -> set[str]:
    """Keys of lines at a page edge on at least half of the pages with text (and 3 or more)."""
    pages = [page for page in pages if page]
    counts = Counter(
        key for page in pages for key in {_running_key(page[index]) for index in _edge_indexes(page)}
    )
    needed = max(RUNNING_MIN_PAGES, math.ceil(len(pages) / 2))
    return {key for key, count in counts.items() if count >= needed}


def _drop_running_lines(page: list[str], running: set[str]) -> list[str]:
    """``page`` without the running headers and footers at its edges."""
    edges = _edge_indexes(page)
    kept = [line for index, line in enumerate(page) if index not in edges or _running_key(line) not in running]
    return _trim_blank_edges(kept)


def _settle(lines: list[str]) -> list[str]:
    """Drop furniture and join broken lines until neither changes anything.

    Joining can make a line that is furniture (and dropping furniture can bring broken
    lines together), so both repeat; each round removes lines, so this ends.
    """
    while True:
        settled = _join_lines(_drop_furniture(lines))
        if settled == lines:
            return settled
        lines = settled


@lexicon_cached
def _boilerplate() -> re.Pattern[str]:
    """One regex matching any boilerplate line listed in the patterns data file."""
    patterns = read_lines(BOILERPLATE_FILE)
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def _is_furniture_line(line: str) -> bool:
    """Whether ``line`` is page furniture: a boilerplate line or only a URL."""
    stripped = line.strip()
    return bool(_boilerplate().fullmatch(stripped) or _URL_LINE.fullmatch(stripped))


def _drop_furniture(lines: Iterable[str]) -> list[str | None]:
    """``lines`` with each furniture line replaced by ``None`` (a break, like a page's)."""
    return [None if line and _is_furniture_line(line) else line for line in lines]


def _join_lines(lines: list[str | None]) -> list[str]:
    """Lines joined where a sentence was broken, paragraphs separated by one blank line.

    Lines next to each other are joined when the join rules allow. Blank lines separate
    paragraphs, except that text continues across dropped furniture (a page break in
    print) when the next line starts in lower case. Each line is looked at once, and a
    growing line only at its end, so this takes time proportional to the text.
    """
    hyphenated = _HyphenatedPairs(lines)
    out: list[str] = []
    current: _Growing | None = None
    blank = dropped = False
    for line in lines:
        if line is None:
            dropped = True
        elif not line:
            blank = True
        else:
            may_join = current is not None and (not blank or (dropped and line[0].islower()))
            if not (may_join and current.join(line, hyphenated)):
                if current is not None:
                    out.extend([current.text(), ""] if blank else [current.text()])
                current = _Growing(line)
            blank = dropped = False
    if current is not None:
        out.append(current.text())
    return out


class _Growing:
    """A line being built from broken lines: its parts, and the end of it the join rules read.

    The rules look only at the end of the line built so far (its last :data:`TAIL_CHARS`
    characters), so joining never rescans what it has already joined.
    """

    def __init__(self, line: str) -> None:
        self.parts = [line]
        self.tail = line[-TAIL_CHARS:]
        self.length = len(line)
        self.has_tab = "\t" in line
        self.is_field = bool(_FIELD.match(line))

    def text(self) -> str:
        return "".join(self.parts)

    def join(self, second: str, hyphenated: _HyphenatedPairs) -> bool:
        """Append ``second`` if a sentence runs into it; whether it was appended."""
        if self.has_tab or "\t" in second or _LIST_ITEM.match(second):
            return False
        if self.is_field and _FIELD.match(second):
            return False
        word_hyphen = _WORD_HYPHEN_END.search(self.tail)
        if word_hyphen and second[0].islower():
            right = _LEADING_WORD.match(second)
            pair = f"{word_hyphen.group(1)}-{right.group(0) if right else ''}".casefold()
            if pair not in hyphenated:
                self.parts[-1] = self.parts[-1][:-1]
                self.tail, self.length = self.tail[:-1], self.length - 1
            self._append(second)
            return True
        if second[0].islower() or self._is_run_on():
            self._append(second if word_hyphen else " " + second)
            return True
        return False

    def _is_run_on(self) -> bool:
        """Whether the line is long and stops mid-sentence, so layout must have broken it."""
        return self.length >= RUN_ON_MIN_LENGTH and self.tail.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        self.tail = (self.tail + text[-TAIL_CHARS:])[-TAIL_CHARS:]


class _HyphenatedPairs:
    """The pairs of :func:`_hyphenated_pairs` of some lines, read only when a join first asks:
    most texts never end a line on a hyphen, and reading every line for pairs is a large part
    of cleaning (and :func:`_settle` joins at least twice)."""

    def __init__(self, lines: list[str | None]) -> None:
        self.lines = lines
        self.pairs: set[str] | None = None

    def __contains__(self, pair: str) -> bool:
        if self.pairs is None:
            self.pairs = _hyphenated_pairs(line for line in self.lines if line)
        return pair in self.pairs


def _hyphenated_pairs(lines: Iterable[str]) -> set[str]:
    """Every "word-word" pair written with a hyphen inside a line, case-folded."""
    pairs: set[str] = set()
    for line in lines:
        for compound in _HYPHENATED.findall(line):
            parts = compound.casefold().split("-")
            pairs.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return pairs
