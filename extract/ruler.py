"""The ``policekg_ruler`` spaCy component: domain entities from data files.

It marks police forces, commissioners' offices, multi-force units and national bodies
(the gazetteer's reference lists, matched as written by spaCy's PhraseMatcher, each span
carrying its entity key as ``ent_id_``) and partner organisations,
programmes, posts and non-entities (token patterns in ``patterns/*.jsonl``, run only on
Docs holding a word each needs), and titled names ("ACC Tallis": a title found by a
PhraseMatcher, the name extended in code). Its spans replace any overlapping entity the
statistical NER found, and leave the others alone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, prioritize_new_ents_filter
from spacy.tokens import Doc, Span

from .anchored_matcher import AnchoredMatcher
from .gazetteer import known_organisations
from .model import Kind
from .names import person_titles
from .resources import read_jsonl
from .titled_names import TitledNameMatcher

PATTERN_FILES = ("partners.jsonl", "programmes.jsonl", "posts.jsonl", "references.jsonl", "non_entities.jsonl")
LABEL_FOR_KIND = {Kind.FORCE: "FORCE", Kind.PARTNER: "PARTNER"}
TITLED_PERSON = "TITLED_PERSON"


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


def title_phrases(nlp: Language) -> list[Doc]:
    """Every title, rank and honorific that can precede a name, tokenized as the text will be."""
    return [nlp.make_doc(title) for title in person_titles()]


class PoliceRuler:
    """Adds domain entity spans to ``doc.ents``, overriding overlapping NER entities.

    Three matchers find the candidate spans, which are then chosen as one spaCy SpanRuler
    (``prioritize_new_ents_filter``) would choose them: the gazetteer's phrases (a SpanRuler,
    which also sets the entities), titled names (:class:`TitledNameMatcher`) and the token
    patterns of :data:`PATTERN_FILES` (:class:`AnchoredMatcher`).
    """

    def __init__(self, nlp: Language, name: str, patterns_dir: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.initialize(patterns_dir=patterns_dir)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   patterns_dir: str | None = None) -> None:
        """Load the patterns from the bundled data files, or from ``patterns_dir`` if given
        (the factory calls this; ``nlp.initialize()`` may call it again)."""
        folder = Path(patterns_dir) if patterns_dir else None
        self.phrases = SpanRuler(
            self.nlp,
            name=f"{self.name}_spans",
            annotate_ents=True,
            overwrite=False,
            ents_filter=prioritize_new_ents_filter,
        )
        self.titles = TitledNameMatcher(self.nlp.vocab, title_phrases(self.nlp))
        self.tokens = AnchoredMatcher(self.nlp.vocab)
        self.token_spans: dict[int, tuple[str, str]] = {}  # match key -> (label, id)
        phrases = gazetteer_patterns(folder)
        for name in PATTERN_FILES:
            for entry in read_jsonl(name, folder):
                if isinstance(entry["pattern"], str):
                    phrases.append(entry)
                    continue
                label, span_id = entry["label"], entry.get("id", "")
                key = repr((label, span_id))
                self.token_spans[self.nlp.vocab.strings.add(key)] = (label, span_id)
                self.tokens.add(key, entry["pattern"])
        self.phrases.add_patterns(phrases)
        self._labels = tuple(sorted({p["label"] for p in phrases} | {label for label, _ in self.token_spans.values()}
                                    | {TITLED_PERSON}))

    def __call__(self, doc: Doc) -> Doc:
        spans = set(self.phrases.match(doc))
        spans.update(Span(doc, start, end, label=TITLED_PERSON, span_id="") for start, end in self.titles(doc))
        for key, start, end in self.tokens(doc):
            if start != end:
                label, span_id = self.token_spans[key]
                spans.add(Span(doc, start, end, label=label, span_id=span_id))
        self.phrases.set_annotations(doc, sorted(spans))
        return doc

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label the ruler can give, sorted."""
        return self._labels


@Language.factory("policekg_ruler", default_config={"patterns_dir": None})
def make_police_ruler(nlp: Language, name: str, patterns_dir: str | None) -> PoliceRuler:
    """Build the ruler from the bundled data files, or from ``patterns_dir`` if given."""
    return PoliceRuler(nlp, name, patterns_dir)
