"""Documents analysed in worker processes on this machine (``policekg build --workers N``).

Each worker takes the build's lexicon, loads the build's spaCy model once and then takes one document at a time, reading
and analysing it whole; results come back in document order, so the merge, and the graph,
are the same as with one process. Workers are started fresh ("forkserver", or "spawn"
where that is missing) rather than forked from a process that may hold threads.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

from .corpus import Result, analyse_one
from .nlp import model_nlp
from .read import display_name, read_document
from .resources import use_lexicon, user_lexicon


def _start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _load(lexicon: Path | None, model: str) -> None:
    use_lexicon(lexicon)
    model_nlp(model)


def _analyse(task: tuple[str, float | None, str]) -> Result:
    path, limit, model = task
    return analyse_one(lambda: read_document(path), display_name(Path(path)), limit, model_nlp(model))


def analyse_in_workers(paths: list[Path], limits: list[float | None], workers: int, model: str) -> Iterator[Result]:
    """One result per path, in order, from ``workers`` processes running spaCy ``model``, each
    document within its limit."""
    tasks = [(str(path), limit, model) for path, limit in zip(paths, limits)]
    context = multiprocessing.get_context(_start_method())
    with context.Pool(workers, initializer=_load, initargs=(user_lexicon(), model)) as pool:
        yield from pool.imap(_analyse, tasks, chunksize=1)
