"""Find the ruled tables of a PDF page: pdfplumber's table finder on rules that pdfium reads.

pdfplumber finds tables from the lines and rectangles a page draws, but to get them it
parses every object of the page, characters included, which is most of its time. pdfium
gives the drawn paths' boxes directly, so those are turned into pdfplumber edges and handed
to its finder as explicit lines; each cell's text is then read from pdfium's text page.
"""
from __future__ import annotations

from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from .read_tables import RawTable

# A path thinner than this (PDF units) is a rule; a wider one is a box with four edges.
RULE_THICKNESS = 2.0
# Pages drawing at least this many paths may hold a ruled table.
TABLE_MIN_PATHS = 4


def ruled_tables(plumber_page: pdfplumber.page.Page, page: pdfium.PdfPage,
                 textpage: pdfium.PdfTextPage) -> list[RawTable]:
    """The page's ruled tables of two or more columns, top first, boxes in pdfium's coordinates."""
    height = page.get_height()
    edges = _edges(page, height)
    vertical = [edge for edge in edges if edge["orientation"] == "v"]
    horizontal = [edge for edge in edges if edge["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}
    found = []
    for table in plumber_page.find_tables(settings):
        rows = tuple(row for row in (_row_cells(row, textpage, height) for row in table.rows) if any(row))
        if rows and len(rows[0]) >= 2:
            left, top, right, bottom = table.bbox
            found.append(RawTable(left, height - bottom, right, height - top, rows))
    return sorted(found, key=lambda table: -table.top)


def _edges(page: pdfium.PdfPage, height: float) -> list[dict[str, Any]]:
    """The drawn paths of the page as pdfplumber edges (y measured down from the top)."""
    paths = list(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH], max_depth=2))
    if len(paths) < TABLE_MIN_PATHS:
        return []
    edges = []
    for path in paths:
        left, bottom, right, top = path.get_bounds()
        if right - left <= RULE_THICKNESS and top - bottom > RULE_THICKNESS:
            edges.append(_edge("v", (left + right) / 2, (left + right) / 2, height - top, height - bottom))
        elif top - bottom <= RULE_THICKNESS and right - left > RULE_THICKNESS:
            middle = height - (top + bottom) / 2
            edges.append(_edge("h", left, right, middle, middle))
        elif top - bottom > RULE_THICKNESS:
            edges += [_edge("v", left, left, height - top, height - bottom),
                      _edge("v", right, right, height - top, height - bottom),
                      _edge("h", left, right, height - top, height - top),
                      _edge("h", left, right, height - bottom, height - bottom)]
    return edges


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    """One pdfplumber edge."""
    return {"object_type": "line_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
            "bottom": bottom, "width": x1 - x0, "height": bottom - top}


def _row_cells(row: Any, textpage: pdfium.PdfTextPage, height: float) -> tuple[str, ...]:
    """The text of each cell of a table row (a cell merged into its neighbour is empty)."""
    cells = []
    for cell in row.cells:
        if cell is None:
            cells.append("")
            continue
        left, top, right, bottom = cell
        cells.append(" ".join(textpage.get_text_bounded(left, height - bottom, right, height - top).split()))
    return tuple(cells)
