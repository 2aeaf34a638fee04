"""A corpus in, one resolved :class:`Extraction` out: reading, spaCy, per-document analysis, merging.

Every document is analysed on its own (:class:`DocumentAnalysis`) and the analyses are merged
in the order of :func:`find_documents`, so where an analysis was made does not change the
graph. That is what lets a build take analyses

* from the cache (:mod:`.cache`), for documents extracted before with the same pipeline;
* from this process, one document at a time;
* from worker processes (:mod:`.parallel`), one document per task;
* from a Dask cluster (:mod:`.distributed`), one document per task,

and give byte-identical output whichever it used.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from .cache import ExtractionCache, document_key
from .deadline import DEFAULT_SECONDS_PER_MB, TimeLimitExceeded, document_limit, time_limit
from .doc_text import keep_text
from .document import DocumentAnalysis, analyse, split_lines
from .errors import DocumentError
from .gazetteer import by_key, other_spellings
from .mentions import Mention, is_generic
from .model import Entity, Extraction, Failure, Fund, Kind, ReadDocument
from .names import split_title
from .nlp import MODEL, model_nlp
from .read import display_name, document_bytes, find_documents, read_document
from .stages import stage

Progress = Callable[[str], None]
Result = DocumentAnalysis | Failure
BATCH_SIZE = 64
PARALLEL_MIN_BYTES = 512 * 1024  # below this much new text, starting worker processes costs more than it saves


def internal_failure(source: str, error: Exception) -> Failure:
    """A bug must cost one document, not the corpus: the document is reported and skipped."""
    return Failure(source, f"internal error while analysing it ({type(error).__name__}: {error}); please report this")


def analyse_read(document: ReadDocument, nlp: Language) -> Result:
    """One read document through spaCy, one line at a time, and the analysis."""
    try:
        lines = split_lines(document.text)
        with stage("nlp"):
            docs = [keep_text(doc, line) for doc, (_, line) in
                    zip(nlp.pipe((line for _, line in lines), batch_size=BATCH_SIZE), lines)]
        return analyse(document, [(offset, doc) for (offset, _), doc in zip(lines, docs)])
    except Exception as error:  # noqa: BLE001 - see internal_failure
        return internal_failure(document.source, error)


def analyse_one(read: Callable[[], ReadDocument], source: str, limit: float | None,
                nlp: Language | None = None) -> Result:
    """The result for one document (named ``source``), read by ``read`` and analysed with ``nlp``
    (default: the default model's pipeline) within ``limit`` seconds: the unit of work of every engine."""
    nlp = nlp or model_nlp(MODEL)
    try:
        with time_limit(limit):
            try:
                with stage("read"):
                    document = read()
            except DocumentError as error:
                return Failure(error.path, error.reason)
            return analyse_read(document, nlp)
    except TimeLimitExceeded:
        return Failure(source, f"took longer than its time limit of {limit:.0f} s, so it was skipped "
                               "(a build's --time-limit sets the seconds allowed per megabyte)")


def analyse_in_process(paths: list[Path], limits: list[float | None], nlp: Language) -> Iterator[Result]:
    """One result per path, in order, analysed here one document at a time, each within its limit."""
    for path, limit in zip(paths, limits):
        yield analyse_one(lambda: read_document(path), display_name(path), limit, nlp)


@dataclass(frozen=True)
class Engine:
    """Where the documents the cache lacks are analysed: ``workers`` processes, or a Dask scheduler.

    ``workers`` ``None`` means one per core when there is enough new text to repay starting
    them; an explicit number is used as given. An explicit ``nlp`` always runs in this process.
    A document may take ``seconds_per_mb`` seconds per megabyte of its file (at least that
    much), else it is skipped as a failure; ``None`` or 0 sets no limit. Without ``nlp``, every
    process loads the spaCy ``model`` (a package name or folder).
    """

    workers: int | None = None
    dask: str | None = None
    nlp: Language | None = None
    seconds_per_mb: float | None = DEFAULT_SECONDS_PER_MB
    model: str = MODEL

    def analyse(self, paths: list[Path]) -> Iterator[Result]:
        if not paths:
            return iter(())
        limits = [document_limit(self.seconds_per_mb, _size(path)) for path in paths]
        if self.dask:
            from .distributed import analyse_on_dask

            return analyse_on_dask(paths, limits, self.dask, self.model)
        workers = self._workers(paths)
        if workers > 1:
            from .parallel import analyse_in_workers

            return analyse_in_workers(paths, limits, workers, self.model)
        return analyse_in_process(paths, limits, self.nlp or model_nlp(self.model))

    def _workers(self, paths: list[Path]) -> int:
        if self.nlp is not None:
            return 1
        if self.workers is not None:
            return max(1, min(self.workers, len(paths)))
        new_bytes = sum(_size(path) for path in paths)
        return min(os.cpu_count() or 1, len(paths)) if new_bytes >= PARALLEL_MIN_BYTES else 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _cache_key(path: Path) -> str | None:
    """The cache key of a readable document; ``None`` leaves the error to the reader."""
    try:
        source, data = document_bytes(path)
    except DocumentError:
        return None
    return document_key(source, data)


def analyse_corpus(files: list[Path], engine: Engine, cache: ExtractionCache | None = None,
                   progress: Progress | None = None) -> Iterator[Result]:
    """One result per file, in order: from the cache where it has one, else from ``engine``."""
    planned: list[DocumentAnalysis | str | None] = []  # a cached analysis, a key to store under, or None
    with stage("cache"):
        for path in files:
            key = _cache_key(path) if cache is not None else None
            hit = cache.get(key, path.as_posix()) if key is not None else None
            planned.append(hit if hit is not None else key)
    fresh = engine.analyse([path for path, plan in zip(files, planned) if not isinstance(plan, DocumentAnalysis)])
    for path, plan in zip(files, planned):
        result = plan if isinstance(plan, DocumentAnalysis) else next(fresh)
        if cache is not None and isinstance(plan, str) and isinstance(result, DocumentAnalysis):
            with stage("cache"):
                cache.put(plan, result)
        if progress:
            progress(display_name(path))
        yield result


def _label(key: str, mentions: list[Mention]) -> str:
    known = by_key().get(key)
    if known:
        return known.label
    counts = Counter(m.name for m in mentions if not m.anaphor)
    return sorted(counts, key=lambda name: (-counts[name], -len(name), name))[0]


def _is_reference(mention: Mention) -> bool:
    """"the Group", "the Panel": a generic word standing for a body is not another name of it."""
    return mention.kind in (Kind.PARTNER, Kind.PROGRAMME) and is_generic(mention.text)


def _surface(mention: Mention) -> str:
    text = " ".join(mention.text.split())
    return split_title(text).name if mention.kind is Kind.PERSON else text


def merge(results: Iterable[Result]) -> Extraction:
    """One entity per key across the corpus, with every surface form and document kept."""
    extraction = Extraction()
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    documents_of: dict[str, set[str]] = defaultdict(set)
    funds: dict[str, Fund] = {}
    seen_documents: set[str] = set()
    for analysis in results:
        if isinstance(analysis, Failure):
            extraction.failures.append(analysis)
            continue
        if analysis.info.id in seen_documents:
            continue
        seen_documents.add(analysis.info.id)
        extraction.documents.append(analysis.info)
        for mention in analysis.mentions:
            by_entity[mention.key].append(mention)
            documents_of[mention.key].add(analysis.info.id)
        extraction.links.extend(analysis.links)
        extraction.judgements.extend(analysis.judgements)
        for record in analysis.funds:
            reading = record.reading
            fund = funds.setdefault(record.key, Fund(
                record.key, record.label, reading.amount, period=reading.period, purpose=reading.purpose,
                funder=reading.funder.key if reading.funder else None,
                recipient=reading.recipient.key if reading.recipient else None))
            fund.evidence.append(record.evidence)
            fund.documents.add(analysis.info.id)
    with stage("resolve"):
        for key, mentions in by_entity.items():
            if not any(not m.anaphor for m in mentions) and key not in by_key():
                continue
            label = _label(key, mentions)
            alt = {_surface(m) for m in mentions if not m.anaphor and not _is_reference(m)}
            alt = (alt | set(other_spellings(key))) - {label, ""}
            extraction.entities[key] = Entity(key, mentions[0].kind, label, alt, documents_of[key])
    extraction.funds = list(funds.values())
    return extraction


def extract_corpus(paths: Iterable[str | os.PathLike[str]], engine: Engine | None = None,
                   cache: ExtractionCache | None = None, progress: Progress | None = None,
                   found: Callable[[int], None] | None = None) -> Extraction:
    """Read, analyse and resolve every document under ``paths``.

    A path that does not exist or a folder that cannot be listed is a failure like an
    unreadable document: reported, and the rest is built. ``found`` is told how many
    documents there are once they are listed; ``progress`` is told of each as it is done.
    """
    unlisted: list[DocumentError] = []
    files = find_documents(paths, unlisted)
    if found:
        found(len(files))
    extraction = merge(analyse_corpus(files, engine or Engine(), cache, progress))
    extraction.failures[:0] = [Failure(error.path, error.reason) for error in unlisted]
    return extraction
