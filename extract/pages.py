"""Pages of a paged document: its text page by page, and where each page starts once cleaned.

Cleaning joins a sentence that runs over a page and drops running headers, so page
boundaries cannot be kept as characters in the cleaned text. Instead each page's first
line that survives cleaning is found in the cleaned text, searching forwards from the
previous page's start within a window the size of the page, so finding all pages reads
the text once.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .clean import clean_text
from .model import ReadDocument, Table
from .read_tables import RawTable, locate_tables

# Lines shorter than this (page numbers, "Good") could match too early; a page is found by a longer one.
ANCHOR_MIN_CHARS = 8
# At most this many of a page's lines are tried as its anchor, so a page of dropped lines costs little.
ANCHOR_TRIES = 20
# A page's anchor is looked for at most this many characters beyond the page's own length.
ANCHOR_SLACK = 2048


@dataclass
class PagedText:
    """The lines of each page of a document and the tables found on it, as a reader reads them."""

    pages: list[list[str]] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)

    def add_page(self, lines: list[str], tables: list[RawTable]) -> None:
        """Add the next page: its lines (tables already in them as TAB rows) and its tables."""
        self.pages.append(list(lines))
        for table in tables:
            table.page = len(self.pages)
            self.tables.append(table)

    def finish(self) -> tuple[str, tuple[int, ...], tuple[Table, ...]]:
        """The cleaned text, the offset each page starts at in it, and the tables located in it."""
        texts = ["\n".join(lines) for lines in self.pages]
        text = clean_text("\f".join(texts), pdf_pages=texts)
        starts = page_starts(text, self.pages)
        return text, starts, locate_tables(text, self.tables, starts)


def page_starts(text: str, pages: list[list[str]]) -> tuple[int, ...]:
    """Where each page starts in the cleaned ``text``: page 1 at 0, each later page at its
    first long line, on no other page, found after the previous start (or where the previous
    page starts, for a page none of whose lines is found: one whose text was all dropped)."""
    starts = [0]
    sizes = [sum(len(line) + 1 for line in lines) for lines in pages]
    repeated = {line for line, count in Counter(line for lines in pages for line in set(lines)).items() if count > 1}
    for number, lines in enumerate(pages[1:], start=1):
        cursor = starts[-1]
        limit = min(len(text), cursor + sizes[number - 1] + sizes[number] + ANCHOR_SLACK)
        starts.append(_anchor(text, [line for line in lines if line not in repeated], cursor, limit))
    return tuple(starts)


def _anchor(text: str, lines: list[str], cursor: int, limit: int) -> int:
    """Where the first findable long line of a page is in ``text[cursor:limit]``, else ``cursor``.

    Lines found on more than one page (running headers, repeated table headers) are no anchors."""
    tries = 0
    for line in lines:
        cleaned = clean_text(line)
        if len(cleaned) < ANCHOR_MIN_CHARS or "\n" in cleaned:
            continue
        tries += 1
        if tries > ANCHOR_TRIES:
            break
        found = text.find(cleaned, cursor, limit)
        if found >= 0 and (found == 0 or text[found - 1] in " \n-"):
            return found
    return cursor


def marked_pages(document: ReadDocument) -> str:
    """The cleaned text with a line ``--- page N (character OFFSET) ---`` where each page
    starts, for people to read (the marks shift offsets; the plain text is what they count)."""
    if not document.pages:
        return document.text
    parts = []
    previous = 0
    for number, start in enumerate(document.pages, start=1):
        before = document.text[previous:start]
        parts.append(before if not before or before.endswith("\n") else before + "\n")
        parts.append(f"--- page {number} (character {start}) ---\n")
        previous = start
    parts.append(document.text[previous:])
    return "".join(parts)
