"""The cheap ruler: titled names found from a PhraseMatcher and token patterns run by anchor
give exactly the spans the equivalent token patterns gave through one spaCy SpanRuler."""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler, prioritize_new_ents_filter
from spacy.tokens import Doc

from policekg.extract.anchored_matcher import AnchoredMatcher, anchor
from policekg.extract.names import person_titles
from policekg.extract.resources import read_jsonl
from policekg.extract.ruler import PATTERN_FILES, gazetteer_patterns, title_phrases
from policekg.extract.titled_names import MAX_NAME_WORDS, TitledNameMatcher

BLANK = spacy.blank("en")
TITLES = TitledNameMatcher(BLANK.vocab, title_phrases(BLANK))


def titled(text: str) -> list[str]:
    doc = BLANK.make_doc(text)
    return sorted(doc[start:end].text for start, end in TITLES(doc))


@pytest.mark.parametrize(("text", "spans"), [
    # a one-word honorific, then one name word and then two
    ("We met Mr Tallis today.", ["Mr Tallis"]),
    ("We met Mr Anton Tallis today.", ["Mr Anton", "Mr Anton Tallis"]),
    # the dotted form is a title of its own
    ("We met Mr. Tallis today.", ["Mr. Tallis"]),
    # a title of several words, and the shorter title inside it
    ("Chief Constable Anna Tallis spoke.", ["Chief Constable Anna", "Chief Constable Anna Tallis",
                                            "Constable Anna", "Constable Anna Tallis"]),
    # a rank from ranks.csv written with a slash
    ("It was T/ACC Tallis.", ["ACC Tallis", "T/ACC Tallis"]),
    # a title before another title: both start names
    ("Cllr Mrs A Fairbeck chaired.", ["Cllr Mrs", "Cllr Mrs A", "Cllr Mrs A Fairbeck", "Mrs A", "Mrs A Fairbeck"]),
    # initials are name words
    ("Insp P M Tallis reported.", ["Insp P", "Insp P M", "Insp P M Tallis"]),
])
def test_titled_names_each_construction(text, spans):
    assert titled(text) == spans


def test_titled_names_stop_at_four_name_words():
    assert titled("Mr A B C D Tallis came.") == ["Mr A", "Mr A B", "Mr A B C", "Mr A B C D"]
    assert MAX_NAME_WORDS == 4


@pytest.mark.parametrize("text", [
    "We met Mr tallis today.",      # a lower-case word is no name
    "We met Mr 3 Tallis today.",    # nor a number
    "The letter was signed by Mr",  # the title ends the text
    "Mrs and others came.",
])
def test_titled_names_need_a_capitalised_word_after_the_title(text):
    assert titled(text) == []


def test_titled_names_do_not_run_into_the_next_sentence():
    doc = BLANK.make_doc("He thanked the Inspector Tallis arrived late")
    doc[4].is_sent_start = True  # "Tallis" starts a sentence
    assert TITLES(doc) == []
    doc = BLANK.make_doc("He thanked Inspector Anna Tallis then")
    doc[4].is_sent_start = True
    assert [doc[s:e].text for s, e in TITLES(doc)] == ["Inspector Anna"]


@pytest.mark.parametrize(("pattern", "expected"), [
    ([{"SHAPE": {"REGEX": "^X"}, "OP": "{1,8}"}, {"ORTH": "Council"}], (ORTH, {"Council"})),
    ([{"TEXT": "Fire"}, {"LOWER": {"IN": ["and", "&"]}}, {"ORTH": "Rescue"}], (ORTH, {"Rescue"})),
    ([{"ORTH": "Code"}, {"ORTH": "of"}, {"SHAPE": {"REGEX": "^X"}, "OP": "+"}], (ORTH, {"Code"})),
    ([{"LOWER": "the"}, {"LOWER": "force"}], (LOWER, {"force"})),
    ([{"IS_TITLE": True}, {"ORTH": "Trust", "OP": "?"}], None),      # an optional word is no anchor
    ([{"ORTH": "Act"}, {"SHAPE": "dddd", "OP": "{0,1}"}], (ORTH, {"Act"})),
    ([{"ORTH": {"NOT_IN": ["Police"]}}, {"TEXT": {"REGEX": "^[A-Z]"}}], None),
])
def test_anchor_is_a_word_the_pattern_needs(pattern, expected):
    found = anchor(pattern)
    assert (found if found is None else (found[0], set(found[1]))) == expected


SENTENCES = [
    "Kent County Council and Medway Council signed the Kent and Medway Safeguarding Board plan.",
    "The Sussex Police and Crime Commissioner met ACC Anna Tallis and Cllr Mrs B Fairbeck.",
    "Operation Lantern and Project Harbour ran under the Safer Roads Partnership scheme.",
    "The force told the Police and Crime Panel that the Fairbeck Community Trust closed.",
    "Dr Tallis of Northfield University spoke for the Misuse of Drugs Act 1971 review.",
    "the force and the constabulary met nobody; no Council here but one council.",
]


@pytest.fixture(scope="module")
def reference(nlp) -> SpanRuler:
    """A single spaCy SpanRuler with the same patterns as token patterns: the reference."""
    ruler = SpanRuler(nlp, name="reference", annotate_ents=True, overwrite=False,
                      ents_filter=prioritize_new_ents_filter)
    name = {"SHAPE": {"REGEX": "^X"}, "IS_SENT_START": False, "OP": "{1,%d}" % MAX_NAME_WORDS}
    titles = [{"label": "TITLED_PERSON", "pattern": [{"ORTH": t.text} for t in nlp.make_doc(title)] + [name]}
              for title in person_titles()]
    ruler.add_patterns(gazetteer_patterns() + titles + [p for f in PATTERN_FILES for p in read_jsonl(f)])
    return ruler


@pytest.mark.parametrize("text", SENTENCES)
def test_ruler_gives_the_spans_of_one_span_ruler(nlp, reference, text):
    with nlp.select_pipes(disable=["policekg_ruler"]):
        doc = nlp(text)
    ours, theirs = Doc(doc.vocab).from_bytes(doc.to_bytes()), Doc(doc.vocab).from_bytes(doc.to_bytes())
    nlp.get_pipe("policekg_ruler")(ours)
    reference(theirs)
    assert [(e.text, e.label_, e.ent_id_) for e in ours.ents] == [(e.text, e.label_, e.ent_id_) for e in theirs.ents]
    assert [(s.text, s.label_) for s in ours.spans["ruler"]] == [(s.text, s.label_) for s in theirs.spans["ruler"]]


def test_ruler_marks_a_titled_name(nlp):
    doc = nlp("The report was presented by ACC Anna Tallis on Tuesday.")
    assert ("ACC Anna Tallis", "TITLED_PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_anchored_matcher_finds_what_one_matcher_finds():
    patterns = [p["pattern"] for f in PATTERN_FILES for p in read_jsonl(f) if isinstance(p["pattern"], list)]
    anchored, plain = AnchoredMatcher(BLANK.vocab), Matcher(BLANK.vocab, validate=False)
    for number, pattern in enumerate(patterns):
        anchored.add(str(number), pattern)
        plain.add(str(number), [pattern])
    assert len(anchored) == len(patterns)
    for text in SENTENCES:
        doc = BLANK(text)
        assert sorted(anchored(doc)) == sorted(plain(doc))
