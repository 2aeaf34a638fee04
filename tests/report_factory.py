"""Write structured PDF reports with reportlab for the layout reader's tests and benchmark.

A report has a running header and footer with the page number, a title across the page,
two columns of body text (with superscript footnote markers and a footnote at the foot of
the page), a ruled grade table and a ruled grant table that can be broken across a page.
All text is invented.
"""
from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

WIDTH, HEIGHT = A4
MARGIN = 56
GUTTER = 24
BODY_SIZE = 10
LEADING = 13
RUNNING_HEADER = "Exemplar Inspection Report 2031"


def _running(canvas: Canvas, number: int) -> None:
    """The running header and footer of page ``number``."""
    canvas.setFont("Helvetica", 8)
    canvas.drawString(MARGIN, HEIGHT - 30, RUNNING_HEADER)
    canvas.drawRightString(WIDTH - MARGIN, 24, f"Page {number}")


def _lines(canvas: Canvas, x: float, y: float, lines: list[str]) -> float:
    """Body ``lines`` from (x, y) down; a ``^n`` after a word sets n as a superscript marker."""
    for line in lines:
        text = canvas.beginText(x, y)
        text.setFont("Helvetica", BODY_SIZE)
        for index, part in enumerate(line.split("^")):
            if index:
                marker, _, part = part.partition(" ")
                text.setFont("Helvetica", 6)
                text.setRise(4)
                text.textOut(marker)
                text.setRise(0)
                text.setFont("Helvetica", BODY_SIZE)
                part = " " + part if part else part
            text.textOut(part)
        canvas.drawText(text)
        y -= LEADING
    return y


def _table(canvas: Canvas, rows: list[list[str]], y: float) -> float:
    """A ruled table with its top at ``y``; where its bottom is."""
    table = Table(rows, colWidths=[(WIDTH - 2 * MARGIN) / len(rows[0])] * len(rows[0]))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONT", (0, 0), (-1, -1), "Helvetica", 9)]))
    _, height = table.wrapOn(canvas, WIDTH, HEIGHT)
    table.drawOn(canvas, MARGIN, y - height)
    return y - height


def make_report(pages: list[dict]) -> bytes:
    """PDF bytes of a report, one page per dict in ``pages``.

    Keys of a page (all optional): ``title`` (a line across the page), ``left`` and
    ``right`` (lines of the two columns), ``full`` (lines across the page),
    ``table`` (rows, header first), ``footnote`` (a line at the foot of the page).
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    column = (WIDTH - 2 * MARGIN - GUTTER) / 2
    for number, page in enumerate(pages, start=1):
        _running(canvas, number)
        y = HEIGHT - 70
        if "title" in page:
            canvas.setFont("Helvetica-Bold", 14)
            canvas.drawString(MARGIN, y, page["title"])
            y -= 28
        if "full" in page:
            y = _lines(canvas, MARGIN, y, page["full"]) - LEADING
        if "left" in page or "right" in page:
            bottom = min(_lines(canvas, MARGIN, y, page.get("left", [])),
                         _lines(canvas, MARGIN + column + GUTTER, y, page.get("right", [])))
            y = bottom - LEADING
        if "table" in page:
            y = _table(canvas, page["table"], y) - LEADING
        if "after" in page:
            _lines(canvas, MARGIN, y, page["after"])
        if "footnote" in page:
            canvas.setFont("Helvetica", 7)
            canvas.drawString(MARGIN, 48, page["footnote"])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
