"""A corpus in, one resolved :class:`Extraction` out: reading, spaCy, per-document analysis, merging."""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from .document import DocumentAnalysis, analyse, split_lines
from .errors import DocumentError
from .gazetteer import by_key
from .mentions import Mention, is_generic
from .model import Entity, Extraction, Failure, Fund, Kind, ReadDocument
from .names import split_title
from .read import find_documents, read_document

Progress = Callable[[str], None]
BATCH_SIZE = 64


def _read_all(paths: Iterable[Path], failures: list[Failure], progress: Progress | None) -> Iterator[ReadDocument]:
    for path in paths:
        try:
            yield read_document(path)
        except DocumentError as error:
            failures.append(Failure(str(path), error.reason))
            if progress:
                progress(str(path))


def _line_stream(documents: Iterable[ReadDocument], store: dict[int, ReadDocument]) -> Iterator[tuple[str, Any]]:
    for index, document in enumerate(documents):
        store[index] = document
        lines = split_lines(document.text)
        for number, (offset, line) in enumerate(lines):
            yield line, (index, offset, number == len(lines) - 1)


def analyse_documents(paths: Iterable[str | os.PathLike[str]], nlp: Language, failures: list[Failure],
                      progress: Progress | None = None) -> Iterator[DocumentAnalysis]:
    """Each readable document analysed in turn; unreadable ones are recorded in ``failures``."""
    documents: dict[int, ReadDocument] = {}
    stream = _line_stream(_read_all(find_documents(paths), failures, progress), documents)
    current: list[tuple[int, Any]] = []
    for doc, (index, offset, last) in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
        current.append((offset, doc))
        if last:
            document = documents.pop(index)
            try:
                yield analyse(document, current)
            except Exception as error:  # a bug must cost one document, not the corpus
                failures.append(Failure(document.source, f"internal error while analysing it ({type(error).__name__}: "
                                                         f"{error}); please report this"))
            current = []
            if progress:
                progress(document.source)


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


def merge(analyses: Iterable[DocumentAnalysis], failures: list[Failure]) -> Extraction:
    """One entity per key across the corpus, with every surface form and document kept."""
    extraction = Extraction(failures=failures)
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    documents_of: dict[str, set[str]] = defaultdict(set)
    funds: dict[str, Fund] = {}
    seen_documents: set[str] = set()
    for analysis in analyses:
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
    for key, mentions in by_entity.items():
        if not any(not m.anaphor for m in mentions) and key not in by_key():
            continue
        label = _label(key, mentions)
        alt = {_surface(m) for m in mentions if not m.anaphor and not _is_reference(m)} - {label, ""}
        extraction.entities[key] = Entity(key, mentions[0].kind, label, alt, documents_of[key])
    extraction.funds = list(funds.values())
    return extraction


def extract_corpus(paths: Iterable[str | os.PathLike[str]], nlp: Language,
                   progress: Progress | None = None) -> Extraction:
    """Read, analyse and resolve every document under ``paths``."""
    failures: list[Failure] = []
    return merge(analyse_documents(paths, nlp, failures, progress), failures)
