"""Benchmark reading a 100-page report PDF: seconds from bytes to cleaned text, pages and tables.

Run by hand; prints the seconds (best of ``--runs``), the characters and tables read::

    .venv/bin/python bench/read_pdf.py --pages 100 --runs 3

The report is made with reportlab by ``tests/report_factory.py`` (invented text): every
page has a running header and footer, a title, two columns of body text with a
superscript footnote marker and a footnote; every fifth page (``--table-every N``: every
N-th) has a ruled grant table, which the next page continues (with 1, every page has one). ``--save FILE`` keeps the PDF.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from report_factory import make_report  # noqa: E402

from policekg.extract.read import document_from_bytes  # noqa: E402

_LEFT = [
    "The force has worked with the Northfield",
    "Community Trust to divert young people from",
    "crime and has improved the way it answers",
    "calls from the public.^4 It has a clear plan",
    "for neighbourhood policing and reviews it",
    "with its partners every quarter; officers",
    "know the priorities of the communities.",
]
_RIGHT = [
    "The commissioner funds a programme of early",
    "help with the county council, which pays for",
    "two youth workers in each district. The panel",
    "reviewed the programme and asked for a report",
    "on its results at its next meeting. The force",
    "told us that demand has risen, and it has",
    "moved staff to answer the extra calls.",
]


def report_pages(count: int, every: int = 5) -> list[dict]:
    """``count`` pages of an invented report, a grant table broken over every ``every``-th page."""
    pages = []
    for number in range(1, count + 1):
        left = [line.replace("Northfield", f"Northfield {number}.{copy}") for copy in range(3) for line in _LEFT]
        right = [line.replace("district.", f"district {number}.{copy}.") for copy in range(3) for line in _RIGHT]
        page = {"title": f"Section {number}", "left": left, "right": right,
                "footnote": "4 Figures supplied by the force."}
        if number % every == 0:
            page = {"title": f"Section {number}", "left": left[:7], "right": right[:7],
                    "table": [["Recipient", "Funder", "Amount"]]
                    + [[f"Project {number}-{row}", "Exemplar Fund", f"£{row},000"] for row in range(1, 25)]}
        elif number % every == 1 and number > 1:
            page = {"table": [[f"Project {number}-{row}", "Exemplar Fund", f"£{row},500"] for row in range(1, 6)],
                    "after": left[:14], "footnote": page["footnote"]}
        pages.append(page)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--table-every", type=int, default=5, help="a grant table starts on every N-th page")
    parser.add_argument("--save", type=Path)
    options = parser.parse_args()
    data = make_report(report_pages(options.pages, options.table_every))
    if options.save:
        options.save.write_bytes(data)
    best = float("inf")
    for _ in range(options.runs):
        started = time.perf_counter()
        document = document_from_bytes(data, "report.pdf")
        best = min(best, time.perf_counter() - started)
    rows = sum(len(table.rows) for table in document.tables)
    print(f"{options.pages} pages, {len(data) / 1024:.0f} KB: {best:.2f} s (best of {options.runs}); "
          f"{len(document.text)} characters, {len(document.pages)} pages, {len(document.tables)} tables, {rows} rows")


if __name__ == "__main__":
    main()
