"""Read plain text: tables written with pipes ("Recipient | Project | Amount") become TAB rows.

A plain-text decision notice or report often writes a table as lines of cells between
pipes. Left alone, cleaning re-joins those lines as one wrapped sentence and every stage
that reads rows (grants, memberships) loses the table; as TAB rows they read like tables
in every other format.
"""
from __future__ import annotations

import re

from .clean import clean_text

# "---|:---:|---": the rule under a header row.
_RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")
MIN_ROWS = 2


def read_text(text: str) -> str:
    """Cleaned text of a plain-text document, its pipe tables as TAB-separated rows."""
    return clean_text(pipe_tables_as_tabs(text))


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
        rows = [cells for cells in rows if not all(_RULE_CELL.fullmatch(cell) for cell in cells)]
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
