"""The SPARQL interface in one import: stores, running queries, saved questions, result formats.

Each job lives in a module of its own; this one gathers their public names, which the CLI,
the API (``policekg.ask`` and friends), the endpoint and the benchmarks import from here:

* :mod:`.stores`: opening a graph file or an on-disk store, making one (``policekg load``);
* :mod:`.running`: running a read-only query with the contract's prefixes and bound values;
* :mod:`.results`: what an answer is, and how its terms read (labels, prefixed names);
* :mod:`.result_formats`: tables, and SPARQL CSV, TSV, JSON and XML written by pyoxigraph;
* :mod:`.questions`: the saved questions of ``queries/*.rq`` and :func:`ask`;
* :mod:`.aggregate`: one row per partner, programme or post, and money totals.
"""
from __future__ import annotations

from policekg.graph.query.questions import QUERY_DIR, SavedQuestion, ask, question_bindings, saved_questions
from policekg.graph.query.result_formats import RESULT_FORMATS, format_result
from policekg.graph.query.results import QueryError, QueryResult, Term, plain, shorten
from policekg.graph.query.running import QUERY_PREFIXES, UPDATE_REFUSED, Binding, evaluate, is_update, run_query, with_labels
from policekg.graph.query.stores import StoreError, graph_store, load_store, open_store

__all__ = [
    "QUERY_DIR",
    "QUERY_PREFIXES",
    "RESULT_FORMATS",
    "UPDATE_REFUSED",
    "Binding",
    "QueryError",
    "QueryResult",
    "SavedQuestion",
    "StoreError",
    "Term",
    "ask",
    "evaluate",
    "format_result",
    "graph_store",
    "is_update",
    "load_store",
    "open_store",
    "plain",
    "question_bindings",
    "run_query",
    "saved_questions",
    "shorten",
    "with_labels",
]
