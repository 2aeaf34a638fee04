"""Write small Word documents with python-docx for the reader's tests: headings,
paragraphs, a table, a tracked insertion and deletion, and a comment. All text is invented."""
from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _tracked(paragraph, tag: str, text: str) -> None:
    """Append a run of ``text`` inside a tracked-change element (``w:ins`` or ``w:del``)."""
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
    change.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    change.append(run)
    paragraph._p.append(change)


def make_docx(title: str | None = "Decision notice 12/2031") -> bytes:
    """A decision notice: a heading, a paragraph with tracked changes and a comment, a grant table."""
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Decision notice", level=1)
    paragraph = document.add_paragraph("The commissioner has agreed to fund the ")
    _tracked(paragraph, "w:del", "Northway Project")
    _tracked(paragraph, "w:ins", "Riverside Youth Trust")
    paragraph.add_run(".")
    commented = document.add_paragraph("The grant runs for one year.")
    document.add_comment(commented.runs, text="Check the dates with finance.", author="Reviewer")
    document.add_heading("Grants awarded", level=2)
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("Recipient", "Funder", "Amount"),
                                       ("Riverside Youth Trust", "Community Safety Fund", "£20,000"),
                                       ("Hillside Boxing Club", "Community Safety Fund", "£5,000")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("Signed by the commissioner.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
