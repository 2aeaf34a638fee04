"""The ``policekg_ruler`` spaCy component: domain entities from data files.

It marks police forces, commissioners' offices, multi-force units and national bodies
(the gazetteer's reference lists, matched as written by spaCy's PhraseMatcher, each span
carrying its entity key as ``ent_id_``) and partner organisations,
programmes, posts and non-entities (token patterns in ``patterns/*.jsonl``). Its spans
replace any overlapping entity the statistical NER found, and leave the others alone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, prioritize_new_ents_filter
from spacy.tokens import Doc

from .gazetteer import known_organisations
from .model import Kind
from .names import person_titles
from .resources import read_jsonl

PATTERN_FILES = ("partners.jsonl", "programmes.jsonl", "posts.jsonl", "references.jsonl", "non_entities.jsonl")
LABEL_FOR_KIND = {Kind.FORCE: "FORCE", Kind.PARTNER: "PARTNER"}


def _variants(name: str) -> set[str]:
    """The name as written, in capitals, and with typographic apostrophes."""
    forms = {name, name.replace("'", "’")}
    if len(name.split()) > 1:
        forms.add(name.upper())
    return forms


def gazetteer_patterns(folder: Path | None = None) -> list[dict[str, Any]]:
    """Phrase patterns for every name and alias of every known organisation, matched as written.

    Case matters: "Police Now" the scheme is not "police now have powers", and "MPs" is
    not the MPS. Phrases go to spaCy's PhraseMatcher on the exact token text, which is much
    faster than as many token patterns.
    """
    return [
        {"label": LABEL_FOR_KIND[org.kind], "pattern": form, "id": org.key}
        for org in known_organisations(folder)
        for name in org.names
        for form in sorted(_variants(name))
    ]


def titled_person_patterns(nlp: Language) -> list[dict[str, Any]]:
    """A title or rank followed by capitalised words or initials: "ACC Tallis", "Cllr Mrs A Fairbeck".

    The statistical NER misses many such short forms; the name is checked and resolved later.
    """
    name = {"SHAPE": {"REGEX": "^X"}, "IS_SENT_START": False, "OP": "{1,4}"}
    return [
        {"label": "TITLED_PERSON", "pattern": [{"ORTH": t.text} for t in nlp.make_doc(title)] + [name]}
        for title in person_titles()
    ]


def bundled_patterns(nlp: Language, folder: Path | None = None) -> list[dict[str, Any]]:
    """Gazetteer and titled-name patterns plus the token patterns of :data:`PATTERN_FILES`."""
    patterns = gazetteer_patterns(folder) + titled_person_patterns(nlp)
    for name in PATTERN_FILES:
        patterns.extend(read_jsonl(name, folder))
    return patterns


class PoliceRuler:
    """Adds domain entity spans to ``doc.ents``, overriding overlapping NER entities."""

    def __init__(self, nlp: Language, name: str, patterns_dir: str | None = None) -> None:
        self.name = name
        folder = Path(patterns_dir) if patterns_dir else None
        self.ruler = SpanRuler(
            nlp,
            name=f"{name}_spans",
            annotate_ents=True,
            overwrite=False,
            ents_filter=prioritize_new_ents_filter,
        )
        self.ruler.add_patterns(bundled_patterns(nlp, folder))

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.ruler.labels


@Language.factory("policekg_ruler", default_config={"patterns_dir": None})
def make_police_ruler(nlp: Language, name: str, patterns_dir: str | None) -> PoliceRuler:
    """Build the ruler from the bundled data files, or from ``patterns_dir`` if given."""
    return PoliceRuler(nlp, name, patterns_dir)
