"""Read a PDF by its layout: text in reading order, tables as rows, and where pages start.

pdfium (through pypdfium2) gives each page's text as runs with their boxes, fast; the runs
are put in reading order (two columns read left then right), superscript footnote markers
are dropped and a word pdfium marks as hyphenated at a line's end keeps its hyphen for
cleaning to join. Tables are found from the rules a page draws (``read_pdf_tables``);
text inside a table is replaced by its rows.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pdfplumber
import pypdfium2 as pdfium

from .errors import DocumentError
from .pages import PagedText
from .read_pdf_tables import ruled_tables
from .read_tables import RawTable, table_lines

_PDF_HEADER_WINDOW = 1024
_REASON_MAX_CHARS = 80
# pdfium writes U+0002 where a word was hyphenated at the end of a line.
_SOFT_HYPHEN = "\x02"
# A run this much shorter than its line's others and raised above their bottom is a superscript.
SUPERSCRIPT_HEIGHT = 0.75
# Runs on one line this far apart (in run heights) are cells of a table without rules.
CELL_GAP_HEIGHTS = 2.5
# A vertical gap over this many line heights ends a paragraph.
PARAGRAPH_GAP = 1.6
# Rows further apart than this many line heights are read as separate bands of the page.
BAND_GAP = 3.0
# The top and bottom share of a page where running headers and footers stand.
MARGIN_SHARE = 0.08
# A left column's lines reach at least this share of the way to the page's middle.
COLUMN_FILL = 0.6


@dataclass(frozen=True)
class _Run:
    """A run of text on a page with its box (PDF units, y growing upwards)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return self.top - self.bottom


def read_pdf(data: bytes, source: str) -> tuple[PagedText, str | None]:
    """The text of each page of a PDF (tables as TAB rows) and its title from the metadata."""
    if b"%PDF-" not in data[:_PDF_HEADER_WINDOW]:
        raise DocumentError(source, "not a readable PDF: no PDF header")
    document = _open(data, source)
    try:
        title = _title(document)
        paged = PagedText()
        previous = None
        with pdfplumber.open(io.BytesIO(data)) as plumber:
            for number in range(len(document)):
                page = document[number]
                textpage = page.get_textpage()
                tables = ruled_tables(plumber.pages[number], page, textpage)
                lines, ends_with_table = _page_lines(page, textpage, tables, previous)
                textpage.close()
                paged.add_page(lines, tables)
                previous = tables[-1] if ends_with_table else None
    except DocumentError:
        raise
    except Exception as error:  # pdfium and pdfminer raise many kinds of error on damaged files
        raise DocumentError(source, f"not a readable PDF: {_reason(error)}") from None
    finally:
        document.close()
    if not paged.pages:
        raise DocumentError(source, "PDF has no pages")
    if not any(paged.pages):
        raise DocumentError(
            source, "PDF has no text layer (scanned image?): run OCR on it outside policekg, then read its text")
    return paged, title


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    """The PDF opened with the empty password (as viewers do), or a one-line error."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(source, "encrypted PDF: it needs a password to open") from None
        raise DocumentError(source, f"not a readable PDF: {_reason(error)}") from None


def _title(document: pdfium.PdfDocument) -> str | None:
    """The title in the PDF's metadata, if it has a usable one."""
    try:
        title = document.get_metadata_dict(skip_empty=True).get("Title")
    except Exception:  # a damaged info dictionary only costs the title
        return None
    return " ".join(str(title).split()) or None if title else None


def _reason(error: Exception) -> str:
    """A short, one-line description of a library error."""
    message = " ".join(str(error).split()) or type(error).__name__
    return message if len(message) <= _REASON_MAX_CHARS else message[: _REASON_MAX_CHARS - 1] + "…"


def _runs(textpage: pdfium.PdfTextPage) -> list[_Run]:
    """The page's text runs as pdfium bounds them."""
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if text.strip():
            runs.append(_Run(left, bottom, right, top, text))
    return runs


def _page_lines(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, tables: list[RawTable],
                previous: RawTable | None) -> tuple[list[str], bool]:
    """The page's lines in reading order, each table's rows where the table stands, and
    whether the page ends with a table.

    A table that opens the page (running headers aside) continues ``previous``, the table
    that ended the page before, when it has as many columns.
    """
    height = page.get_height()
    runs = [run for run in _runs(textpage) if not any(table.holds(run.left, run.bottom, run.right, run.top)
                                                   for table in tables)]
    items: list[tuple[float, object]] = [(-table.top, table) for table in tables]
    items += [(-max(run.top for run in row), row) for row in _rows(runs)]
    items.sort(key=lambda item: item[0])
    content = [item for _, item in items if isinstance(item, RawTable) or not _in_margin(item, height)]
    if content and isinstance(content[0], RawTable) and previous is not None \
            and len(content[0].rows[0]) == len(previous.rows[0]):
        content[0].continues = True
    lines: list[str] = []
    band: list[list[_Run]] = []
    header = previous.rows[0] if previous is not None else None
    for _, item in items:
        if isinstance(item, RawTable):
            lines += _band_lines(band, page.get_width() / 2) + ["", *table_lines(item, header), ""]
            header = item.rows[0] if not item.continues else header
            band = []
        elif band and (_crosses(item, page.get_width() / 2) or _crosses(band[-1], page.get_width() / 2)
                       or _gap(band[-1], item) > BAND_GAP * _height(item)):
            lines += _band_lines(band, page.get_width() / 2)
            if _gap(band[-1], item) > PARAGRAPH_GAP * _height(item):
                lines.append("")
            band = [item]
        else:
            band.append(item)
    lines += _band_lines(band, page.get_width() / 2)
    return lines, bool(content) and isinstance(content[-1], RawTable)


def _in_margin(row: list[_Run], height: float) -> bool:
    """Whether a row lies in the top or bottom margin, where running headers and footers are."""
    return min(run.bottom for run in row) > (1 - MARGIN_SHARE) * height or max(run.top for run in row) < MARGIN_SHARE * height


def _crosses(row: list[_Run], middle: float) -> bool:
    """Whether some run of the row spans the page's middle, so the row is set across the page."""
    return any(run.left < middle < run.right for run in row)


def _height(row: list[_Run]) -> float:
    return max(run.height for run in row)


def _gap(above: list[_Run], below: list[_Run]) -> float:
    """The blank space between two rows."""
    return min(run.bottom for run in above) - max(run.top for run in below)


def _rows(runs: list[_Run]) -> list[list[_Run]]:
    """Runs grouped into rows by shared height, top row first, each row left to right.

    Superscripts (short runs raised on a row of taller ones) are dropped: they are footnote markers.
    """
    rows: list[list[_Run]] = []
    for run in sorted(runs, key=lambda run: (-run.top, run.left)):
        row = rows[-1] if rows else None
        if row and _overlaps(row, run):
            row.append(run)
        else:
            rows.append([run])
    return [_without_superscripts(sorted(row, key=lambda run: run.left)) for row in rows]


def _overlaps(row: list[_Run], run: _Run) -> bool:
    """Whether ``run`` shares at least half its height with the row's first run."""
    first = row[0]
    shared = min(first.top, run.top) - max(first.bottom, run.bottom)
    return shared >= 0.5 * min(first.height, run.height) or (run.bottom >= first.bottom and run.top <= first.top + 1)


def _without_superscripts(row: list[_Run]) -> list[_Run]:
    """The row without short digit runs raised above its tallest run's bottom."""
    tallest = max(row, key=lambda run: run.height)
    return [run for run in row if not (
        run is not tallest and run.height < SUPERSCRIPT_HEIGHT * tallest.height
        and run.bottom > tallest.bottom + 0.2 * tallest.height and run.text.strip().replace(",", "").isdigit())]


def _band_lines(band: list[list[_Run]], middle: float) -> list[str]:
    """The lines of a band of rows: when it is set in two columns (two or more rows with
    a run ending left of the middle and one starting right of it, the longest left run
    reaching near the middle), the rows before the first such row, then the left column,
    then the right one."""
    split = [index for index, row in enumerate(band) if row[0].right <= middle <= row[-1].left]
    if len(split) < 2 or max(band[index][0].right for index in split) < COLUMN_FILL * middle:
        return _lines(band)
    head, rest = band[: split[0]], band[split[0]:]
    left = [[run for run in row if run.right <= middle] for row in rest]
    right = [[run for run in row if run.left >= middle] for row in rest]
    return _lines(head + [row for row in left if row]) + _lines([row for row in right if row])


def _lines(rows: list[list[_Run]]) -> list[str]:
    """Rows as text lines, a blank line where the gap above a row is wider than a paragraph break."""
    lines: list[str] = []
    previous: list[_Run] | None = None
    for row in rows:
        height = max(run.height for run in row)
        if previous is not None and min(run.bottom for run in previous) - max(run.top for run in row) > \
                PARAGRAPH_GAP * height:
            lines.append("")
        lines.append(_row_text(row))
        previous = row
    return lines


def _row_text(row: list[_Run]) -> str:
    """One row's runs as a line: far-apart runs are TAB-separated cells, near ones words."""
    text = row[0].text
    for before, run in zip(row, row[1:]):
        gap = run.left - before.right
        text += "\t" if gap > CELL_GAP_HEIGHTS * max(before.height, run.height) else ("" if text.endswith(" ") else " ")
        text += run.text
    text = text.rstrip()
    return text[:-1] + "-" if text.endswith(_SOFT_HYPHEN) else text.replace(_SOFT_HYPHEN, "")
