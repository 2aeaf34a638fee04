"""Read plain text: tables written with pipes ("Recipient | Project | Amount") or in columns
aligned with spaces become TAB rows.

A plain-text decision notice or report often writes a table as lines of cells between
pipes, or as columns lined up with runs of spaces. Left alone, cleaning re-joins those lines
as one wrapped sentence, gluing a cell's name to its neighbours ("Brightwater Trust Youth
project £2,000 Northshire Men's Shed") and every stage that reads rows (grants,
memberships) loses the table; as TAB rows they read like tables in every other format.
"""
from __future__ import annotations

import re

from .clean import clean_text
from .read_markdown import is_pipe_separator

# Two or more spaces between words: a column gap in a table aligned with spaces.
_COLUMN_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_AMOUNT_CELL = re.compile(r"£\s?[\d,]+(?:\.\d\d)?")
MIN_ROWS = 2


def read_text(text: str) -> str:
    """Cleaned text of a plain-text document, its pipe tables as TAB-separated rows."""
    return clean_text(aligned_tables_as_tabs(pipe_tables_as_tabs(text)))


def pipe_tables_as_tabs(text: str) -> str:
    """``text`` with every run of at least two lines of the same number (two or more) of
    pipe-separated cells, written the same way ("| a | b |" or "a | b"), as TAB-separated
    rows; a rule line in the run is dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        shape = _shape(lines[index])
        end = index
        while end < len(lines) and shape[0] > 1 and _shape(lines[end]) == shape:
            end += 1
        rows = [_cells(line) for line in lines[index:end]]
        rows = [cells for cells in rows if not is_pipe_separator(cells)]
        if len(rows) >= MIN_ROWS:
            out.extend("\t".join(cell.strip() for cell in cells) for cells in rows)
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    """The cells of a pipe row, without the empty ends of "| a | b |"."""
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return stripped.split("|")


def _shape(line: str) -> tuple[int, bool]:
    """How many cells a pipe row has (0 for a line without a pipe), and whether it opens with a pipe."""
    return (len(_cells(line)) if "|" in line else 0), line.lstrip().startswith("|")


def aligned_tables_as_tabs(text: str) -> str:
    """``text`` with every table aligned with spaces as TAB-separated rows: a header line of
    two or more cells parted by runs of spaces, then at least one line whose cells each
    start where a header cell starts (a cell left empty is an empty cell, as a "Total" row's
    middle). A line whose first cell ends with a colon is a field ("Date:   1 May"), not a
    row. A lone line of a name and an amount parted by a column gap is a row too."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        starts = _cell_starts(lines[index])
        rows = [lines[index]] if len(starts) > 1 else []
        while rows and index + len(rows) < len(lines) and _fits(lines[index + len(rows)], starts):
            rows.append(lines[index + len(rows)])
        if len(rows) >= MIN_ROWS:
            out.extend("\t".join(_aligned_cells(row, starts)) for row in rows)
            index += len(rows)
        else:
            out.append(_amount_row(lines[index]))
            index += 1
    return "\n".join(out)


def _amount_row(line: str) -> str:
    """A line of a name and an amount parted by a column gap ("Brightwater Trust    £2,000")
    as a TAB row, a row of a table whose rows each have their description below them."""
    spans = _aligned_spans(line)
    if len(spans) == 2 and not spans[0][1].endswith(":") and _AMOUNT_CELL.fullmatch(spans[1][1]):
        return "\t".join(cell for _, cell in spans)
    return line


def _aligned_spans(line: str) -> list[tuple[int, str]]:
    """The cells of ``line`` parted by runs of spaces, each with where it starts."""
    stripped = line.rstrip()
    if "\t" in stripped or not stripped.strip():
        return []
    first = len(stripped) - len(stripped.lstrip(" "))
    bounds = [first] + [gap.end() for gap in _COLUMN_GAP.finditer(stripped)]
    ends = [gap.start() for gap in _COLUMN_GAP.finditer(stripped)] + [len(stripped)]
    return [(start, stripped[start:end]) for start, end in zip(bounds, ends)]


def _cell_starts(line: str) -> list[int]:
    """Where the cells of a header line start; none for a field line or a one-cell line."""
    spans = _aligned_spans(line)
    if len(spans) < 2 or spans[0][1].endswith(":"):
        return []
    return [start for start, _ in spans]


def _fits(line: str, starts: list[int]) -> bool:
    """Whether every cell of ``line`` starts where a header cell does, the first at the first."""
    spans = _aligned_spans(line)
    return (len(spans) > 1 and spans[0][0] == starts[0] and not spans[0][1].endswith(":")
            and all(start in starts for start, _ in spans))


def _aligned_cells(line: str, starts: list[int]) -> list[str]:
    """The cells of an aligned row in the header's columns, a column it leaves empty as ""."""
    cells = dict(_aligned_spans(line))
    return [cells.get(start, "") for start in starts]
