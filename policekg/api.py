"""The library API: documents in, an RDF graph out. The CLI is a thin layer over this."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from spacy.language import Language

from policekg.extract.corpus import extract_corpus
from policekg.extract.model import Extraction
from policekg.extract.nlp import load_nlp
from policekg.extract.read import find_documents, read_document
from policekg.graph.build import build_rdf
from policekg.graph.namespaces import DEFAULT_BASE

PathLike = str | os.PathLike[str]


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The spaCy pipeline, loaded once per process."""
    return load_nlp()


def documents(paths: Iterable[PathLike]) -> list[Path]:
    """The document files a build of ``paths`` reads (folders searched recursively)."""
    return find_documents(paths)


def document_text(path: PathLike) -> str:
    """The cleaned text of one document: the text every evidence offset refers to."""
    return read_document(path).text


def extract_documents(paths: Iterable[PathLike], *, nlp: Language | None = None,
            progress: Callable[[str], None] | None = None) -> Extraction:
    """Entities, links, funds and judgements of every document, resolved across the corpus.

    Unreadable documents do not stop the build: they are listed in ``Extraction.failures``.
    ``progress`` is called with each document's path once it is done.
    """
    return extract_corpus(paths, nlp or default_nlp(), progress)


def to_graph(extraction: Extraction, base: str = DEFAULT_BASE) -> Graph:
    """The contract's RDF graph of an extraction, with entity IRIs minted under ``base``."""
    return build_rdf(extraction, base)


def build_graph(paths: Iterable[PathLike], *, base: str = DEFAULT_BASE, nlp: Language | None = None) -> Graph:
    """Documents under ``paths`` to an RDF graph in one call."""
    return to_graph(extract_documents(paths, nlp=nlp), base)
