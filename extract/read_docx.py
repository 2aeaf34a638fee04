"""Read a Word document (.docx): paragraphs and headings in order, tables as rows.

Decision notices and panel papers come as Word files. The body is walked in document
order, so a table stands where the author put it. Only the text as it now reads is
taken: insertions of tracked changes are kept (they are part of the current text),
deletions and comments are not (deleted text is kept as ``w:delText``, which is not
read, and comments live outside the body).
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from .clean import clean_text
from .errors import DocumentError
from .read_tables import RawTable, row_line

_RUN_TEXT = (qn("w:t"), qn("w:tab"), qn("w:br"))


def read_docx(data: bytes, source: str) -> tuple[str, str | None, list[RawTable]]:
    """Cleaned text, title (the core properties' title, else the first heading) and tables."""
    document = _open(data, source)
    blocks: list[str] = []
    tables: list[RawTable] = []
    heading = None
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _paragraph_text(item)
            if text and heading is None and item.style is not None and item.style.name.startswith(("Heading", "Title")):
                heading = " ".join(text.split())
            blocks.append(text)
        elif isinstance(item, DocxTable):
            rows = _rows(item)
            if rows:
                tables.append(RawTable(0, 0, 0, 0, rows))
                blocks.append("\n".join(row_line(row) for row in rows))
    title = " ".join((document.core_properties.title or "").split()) or heading
    return clean_text("\n\n".join(blocks)), title, tables


def _open(data: bytes, source: str) -> Document:
    """The Word document in ``data``, or a one-line error saying why it cannot be read."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(source, "not a readable Word document: not a .docx (zip) file")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds of error on damaged files
        message = " ".join(str(error).split())[:80] or type(error).__name__
        raise DocumentError(source, f"not a readable Word document: {message}") from None


def _paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's current text: text, tabs and breaks of its runs (inserted ones too)."""
    breaks = {_RUN_TEXT[1]: "\t", _RUN_TEXT[2]: "\n"}
    return "".join(breaks.get(element.tag, element.text or "") for element in paragraph._p.iter(*_RUN_TEXT))


def _rows(table: DocxTable) -> tuple[tuple[str, ...], ...]:
    """The table's rows of cell texts; a cell merged across columns counts once."""
    rows = []
    for row in table.rows:
        cells = []
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(" ".join(_paragraph_text(p) for p in cell.paragraphs).split()))
        if any(cells):
            rows.append(tuple(cells))
    return tuple(rows)
