"""The endpoint's query page (``GET /``): a jinja2 template, like the network page.

The page lists the saved questions (name, description, parameters) beside the SPARQL box,
so a reader can ask ``/ask/NAME`` without knowing the names beforehand. Every text taken
from the question files is escaped by jinja2's autoescaping; the page stays self-contained
(no links, no external resources: the endpoint's Content-Security-Policy allows none).
"""
from __future__ import annotations

from importlib.resources import files

from jinja2 import Environment

from policekg.graph.query.questions import saved_questions

TEMPLATE = files(__package__) / "templates" / "sparql.html"


def query_page() -> str:
    """The page's HTML, with the saved questions as they are on disk now."""
    questions = [{"name": question.name, "description": question.description,
                  "params": [{"name": name, "help": help_text, "optional": name in question.optional}
                             for name, help_text in question.params]}
                 for question in saved_questions()]
    environment = Environment(autoescape=True, keep_trailing_newline=True)
    return environment.from_string(TEMPLATE.read_text(encoding="utf-8")).render(questions=questions)
