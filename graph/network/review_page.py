"""The review queue (:mod:`.review`) as an analyst reads it: a table, a page, a corrections file.

* :func:`review_table`: plain text, one numbered row per item, for the terminal.
* :func:`review_page`: one self-contained HTML page with leave / accept / merge / reject
  choices for each item; a small script in the page turns the choices into corrections-file lines to
  copy or download. No server: nothing is sent, and the page's Content-Security-Policy
  allows only its own script (by hash) and no connection. Text from the documents is data:
  the items travel as escaped JSON and reach the page only through ``textContent``.
* :func:`write_suggestions`: a corrections file of every suggested decision (each choice of
  each item), commented out with ``#`` so that the file changes nothing until the analyst
  keeps a line.
"""
from __future__ import annotations

import csv
import io
import os
from collections import Counter
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment

from policekg.extract.corrections import COLUMNS

from policekg.graph.network.review import ReviewItem
from policekg.graph.network.view import _csp_hash, _json_for_script
from policekg.graph.rdf.write import atomic_write_bytes

TEMPLATE = files(__package__) / "templates" / "review.html"
TABLE_WIDTHS = (18, 60, 60)  # check, item, why: longer text is cut with "…"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def review_summary(items: list[ReviewItem]) -> str:
    """"12 items: 1 duplicate, 5 weak link, ...": what the queue holds, by check."""
    counts = Counter(item.check for item in items)
    if not items:
        return "Nothing to review."
    return f"{len(items)} item(s): " + ", ".join(f"{count} {check}" for check, count in counts.items()) + "."


def review_table(items: list[ReviewItem]) -> str:
    """The queue as a text table: number, check, item and why, each cut to its column."""
    header = ("#", "check", "item", "why")
    rows = [(str(n), *(_cut(text, width) for text, width in zip((i.check, i.title, i.why), TABLE_WIDTHS)))
            for n, i in enumerate(items, 1)]
    widths = [max(len(row[c]) for row in [header, *rows]) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows]]
    return "\n".join(lines + [review_summary(items)])


def review_page(items: list[ReviewItem], *, title: str, analyst: str, day: str) -> str:
    """The HTML of the review page for ``items``, with the analyst's name and date filled in."""
    data = {"columns": list(COLUMNS), "items": [asdict(item) for item in items]}
    environment = Environment(autoescape=True, keep_trailing_newline=True)
    environment.filters["csp_hash"] = _csp_hash
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(title=title, summary=review_summary(items), analyst=analyst, day=day,
                           data=_json_for_script(data))


def write_review_page(items: list[ReviewItem], path: str | os.PathLike[str], *, title: str, analyst: str,
                      day: str) -> Path:
    """Write :func:`review_page` to ``path`` atomically (an existing file is kept on failure)."""
    page = review_page(items, title=title, analyst=analyst, day=day)
    atomic_write_bytes(Path(path), page.encode("utf-8"))
    return Path(path)


def suggestions_csv(items: list[ReviewItem], *, analyst: str, day: str) -> str:
    """A corrections file of every item's choices, each commented out; analyst and date filled in."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        for choice in item.choices:
            cells = list(choice.row)
            cells[COLUMNS.index("analyst")], cells[COLUMNS.index("date")] = analyst, day
            cells[0] = f"#{cells[0]}"
            writer.writerow(cells)
    return out.getvalue()


def write_suggestions(items: list[ReviewItem], path: str | os.PathLike[str], *, analyst: str, day: str) -> Path:
    """Write :func:`suggestions_csv` to ``path`` atomically."""
    atomic_write_bytes(Path(path), suggestions_csv(items, analyst=analyst, day=day).encode("utf-8"))
    return Path(path)
