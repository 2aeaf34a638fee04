"""Tables as readers find them, and as later stages get them: rows with their header cells.

Every format writes a table into the cleaned text as TAB-separated lines, header row first,
so that stages reading rows of text (grants, memberships, grades) read it like any other.
A table broken across pages is one table: a continuation repeats no header line in the
text, and its rows carry the first part's header. :func:`locate_tables` then finds each
row in the cleaned text, for :attr:`ReadDocument.tables`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Table, TableRow

# A row is looked for this many characters past where the last one ended, no further.
SEARCH_WINDOW = 4096


@dataclass
class RawTable:
    """A table as a reader found it: its box on the page (PDF units, y upwards; zero for
    formats without a layout), its rows (header first) and whether it continues the table
    that ended the page before."""

    left: float
    bottom: float
    right: float
    top: float
    rows: tuple[tuple[str, ...], ...]
    continues: bool = False
    page: int | None = None

    def holds(self, left: float, bottom: float, right: float, top: float) -> bool:
        """Whether a box's centre lies inside the table."""
        x, y = (left + right) / 2, (bottom + top) / 2
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def row_line(cells: tuple[str, ...]) -> str:
    """A row as one line of the cleaned text: cells with single spaces, joined by TABs."""
    return "\t".join(" ".join(cell.split()) for cell in cells)


def table_lines(table: RawTable, header: tuple[str, ...] | None = None) -> list[str]:
    """The table's rows as TAB lines; a continuation's first row is left out when it only
    repeats ``header``, the header of the part before."""
    rows = table.rows
    if table.continues and header is not None and rows and rows[0] == header:
        rows = rows[1:]
    return [row_line(row) for row in rows]


def locate_tables(text: str, found: list[RawTable], pages: tuple[int, ...]) -> tuple[Table, ...]:
    """The tables in ``found`` (in reading order) with each row's offsets in the cleaned ``text``.

    Parts that continue a table are merged into it. A row is searched for from where the
    previous one ended (or its page's start), so each is found once, in order; a row that
    cleaning changed past finding is left out of the structure (its text stays).
    """
    merged: list[tuple[tuple[str, ...], list[tuple[tuple[str, ...], int | None]]]] = []
    for table in found:
        if not table.rows:
            continue
        if table.continues and merged:
            header = merged[-1][0]
            rows = table.rows[1:] if table.rows[0] == header else table.rows
            merged[-1][1].extend((row, table.page) for row in rows)
        else:
            merged.append((table.rows[0], [(row, table.page) for row in table.rows[1:]]))
    cursor = 0
    tables = []
    for header, rows in merged:
        located = []
        for cells, page in rows:
            if page is not None and page <= len(pages):
                cursor = max(cursor, pages[page - 1])
            line = row_line(cells)
            start = text.find(line, cursor, cursor + len(line) + SEARCH_WINDOW)
            if start < 0:
                continue
            cursor = start + len(line)
            located.append(TableRow(tuple(" ".join(cell.split()) for cell in cells), start, cursor, page))
        tables.append(Table(tuple(" ".join(cell.split()) for cell in header), tuple(located)))
    return tuple(tables)
