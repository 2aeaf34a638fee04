"""The clause patterns of ``patterns/link_patterns.jsonl``: each pattern's own example sentence
gives exactly its links, more invented sentences per construction, and sentences that state none."""
from __future__ import annotations

import pytest

from policekg.extract.clauses import clause_links, clause_patterns, word_classes
from policekg.extract.resources import read_jsonl

from extraction import links_of, normal

C, P = "collaboratesWith", "participatesIn"
UNIT = "South East Regional Organised Crime Unit"
SCHEME = "Safer Streets scheme"
KESTREL = "Operation Kestrel"
THREE = {("Essex Police", C, "Kent Police"), ("Essex Police", C, "Norfolk Constabulary"),
         ("Kent Police", C, "Norfolk Constabulary")}
KENT_ESSEX_IN_KESTREL = {("Essex Police", C, "Kent Police"), ("Essex Police", P, KESTREL), ("Kent Police", P, KESTREL)}
LED_RUN_WITH = {("Kent Police", C, "Essex Police"), ("Kent Police", C, "Brightwater Trust"),
                ("Kent Police", P, KESTREL), ("Essex Police", P, KESTREL), ("Brightwater Trust", P, KESTREL)}

# What each pattern's example sentence states, by pattern name.
EXAMPLES: dict[str, set[tuple[str, str, str]]] = {
    "subjects jointly": {("Essex Police", C, "Kent Police"), ("Essex Police", C, "Surrey Police"),
                         ("Kent Police", C, "Surrey Police")},
    "subjects of a joint object": {("Essex Police", C, "Kent Police")},
    "subjects of a joint object, verb under another": {("Essex Police", C, "Kent Police")},
    "joint noun with": {("Durham Constabulary", C, "Police Scotland")},
    "possessive joint noun": {("Kent Police", C, "Medway Council")},
    "joint noun between": {("Essex Police", C, "Kent Police")},
    "passive agent": {("Medway Council", P, SCHEME)},
    "adjectival passive agent": {("North East Regional Special Operations Unit", P, KESTREL)},
    "participle agent": {("Merseyside Police", P, KESTREL)},
    "passive agent in partnership": {("Kent Police", C, "Medway Council"), ("Kent Police", P, SCHEME),
                                     ("Medway Council", P, SCHEME)},
    "apposition joint venture": KENT_ESSEX_IN_KESTREL,
    "is a joint venture": KENT_ESSEX_IN_KESTREL,
    "apposition joint venture run with": {("Essex Police", C, "Kent Police"), ("Essex Police", C, UNIT),
                                          ("Kent Police", C, UNIT)},
    "working with, through": {("Essex Police", C, "Kent Police"), ("Kent Police", C, "Surrey Police"),
                              ("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Surrey Police", C, UNIT)},
    "with a host": {("Essex Police", C, UNIT)},
    "with a host, known as": {("Essex Police", C, UNIT)},
    "made up of staff from": THREE | {("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Norfolk Constabulary", C, UNIT)},
    "made up of": THREE | {("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Norfolk Constabulary", C, UNIT)},
    "part of": {("Essex Police", C, UNIT)},
    "within a programme": KENT_ESSEX_IN_KESTREL,
    "one of the forces in": {("Kent Police", C, UNIT)},
    "brings together": THREE | {("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Norfolk Constabulary", C, UNIT)},
    "programme run with": {("Border Force", P, KESTREL), ("Kent Police", P, KESTREL)},
    "programme run, with a body providing": {("Border Force", P, KESTREL), ("Kent Police", P, KESTREL)},
    "joint working under a programme": {("Essex Police", C, "Kent Police"), ("Essex Police", P, "KE Strategic Alliance"),
                                        ("Kent Police", P, "KE Strategic Alliance")},
    "shares a joint object with": {("Kent Fire and Rescue Service", C, "Kent Police")},
    "a unit shared with": {("Essex Police", C, "Kent Police"), ("Essex Police", C, UNIT), ("Kent Police", C, UNIT)},
    "participle run with": {("Kent Police", P, KESTREL)},
    "which a body runs with": KENT_ESSEX_IN_KESTREL,
    "apposition which a body runs with": KENT_ESSEX_IN_KESTREL,
    "apposition owned": {("Kent Police", P, KESTREL)},
    "one of the forces in, together with": {("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Surrey Police", C, UNIT),
                                            ("Essex Police", C, "Kent Police"), ("Kent Police", C, "Surrey Police")},
    "programme brings a body together with others": {("Kent Police", C, "Medway Council"),
                                                     ("Kent Police", C, "Swale Borough Council"),
                                                     ("Kent Police", P, KESTREL), ("Medway Council", P, KESTREL),
                                                     ("Swale Borough Council", P, KESTREL)},
    "is a body's operation": {("Kent Police", P, KESTREL)},
    "possessed scheme run with": {("Kent Police", C, "Medway Council")},
    "for which a force is the lead force": {("Kent Police", C, UNIT)},
    "take part in, with": {("Essex Police", C, "Kent Police"), ("Kent Police", C, "Surrey Police"),
                           ("Essex Police", C, UNIT), ("Kent Police", C, UNIT), ("Surrey Police", C, UNIT)},
    "take part in, with, on the verb": {("Norfolk Constabulary", C, "Suffolk Constabulary"),
                                        ("Norfolk Constabulary", P, KESTREL), ("Suffolk Constabulary", P, KESTREL)},
    "take part in, with, verb under another": KENT_ESSEX_IN_KESTREL,
    "in collaboration with, through": {("Essex Police", C, UNIT), ("Surrey Police", C, UNIT)},
    "led by, run with": LED_RUN_WITH,
    "led by, ran with": LED_RUN_WITH,
    "apposition's participle agent": {("British Transport Police", P, KESTREL)},
    "programme done in partnership with": {("Brightwater Trust", P, KESTREL), ("Medway Council", P, KESTREL)},
    "led by a body with another": KENT_ESSEX_IN_KESTREL,
    "run by a body, with another": {("Kent Police", C, "Brightwater Trust"), ("Kent Police", C, "Medway Council"),
                                    ("Kent Police", P, KESTREL), ("Brightwater Trust", P, KESTREL),
                                    ("Medway Council", P, KESTREL)},
    "apposition's participle agent, with": {("British Transport Police", C, "Medway Council"),
                                            ("British Transport Police", P, KESTREL), ("Medway Council", P, KESTREL)},
    "work with, to deliver": {("Kent Police", C, "Medway Council"), ("Kent Police", C, "Brightwater Trust"),
                              ("Kent Police", P, "Safer Nights scheme"), ("Medway Council", P, "Safer Nights scheme"),
                              ("Brightwater Trust", P, "Safer Nights scheme")},
    "with which a body works": {("Brightwater University", C, "Kent Police")},
    "with which a body shares": {("Brightwater Council", C, "Essex Police")},
    "a body's partners at": {("Brightwater Council", C, "Kent Police")},
    "which a body runs in partnership with": {("Essex Police", C, "Kent Police"), ("Brightwater Trust", C, "Kent Police"),
                                              ("Kent Police", P, KESTREL), ("Essex Police", P, KESTREL),
                                              ("Brightwater Trust", P, KESTREL)},
    "a body runs a programme with": {("Essex Police", C, "Kent Police"), ("Brightwater Trust", C, "Kent Police"),
                                     ("Brightwater Trust", C, "Essex Police"), ("Kent Police", P, KESTREL),
                                     ("Essex Police", P, KESTREL), ("Brightwater Trust", P, KESTREL)},
    "in which a body takes part": {("Kent Police", P, KESTREL)},
    "joint noun between, on a programme": {("Essex Police", C, "Kent Police"), ("Kent Police", P, KESTREL),
                                           ("Essex Police", P, KESTREL)},
}

# More sentences per construction: (name, text, links).
MORE: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("subjects together", "Kent Police and Essex Police together run a marine unit.", {("Essex Police", C, "Kent Police")}),
    ("three subjects jointly, passive", "Essex Police, Kent Police and Norfolk Constabulary are jointly funded.", THREE),
    ("resources put together", "Kent Police, Essex Police and Norfolk Constabulary put their resources together.",
     THREE),
    ("subjects set up a shared service", "Essex Police, Kent Police and Norfolk Constabulary set up a shared "
     "service.", THREE),
    ("joint object, list parsed as apposition", "Northumbria Police, Durham Constabulary and British Transport Police "
     "had carried out a joint week of action.",
     {("Northumbria Police", C, "Durham Constabulary"), ("Northumbria Police", C, "British Transport Police"),
      ("Durham Constabulary", C, "British Transport Police")}),
    ("joint object of a planned verb", "The Commissioner said that Kent Police and Medway Council plan to open a "
     "shared hub.", {("Kent Police", C, "Medway Council")}),
    ("working with, through a programme", f"Kent Police works with Essex Police through the {SCHEME}.",
     {("Essex Police", C, "Kent Police"), ("Essex Police", P, SCHEME), ("Kent Police", P, SCHEME)}),
    ("one subject of a joint object", "Kent Police launched a joint campaign.", set()),
    ("alliance with", "Norfolk Constabulary formed an alliance with Suffolk Constabulary.",
     {("Norfolk Constabulary", C, "Suffolk Constabulary")}),
    ("possessive collaboration", "Surrey Police's collaboration with Sussex Police saves money.",
     {("Surrey Police", C, "Sussex Police")}),
    ("hosted unit", f"The {UNIT} is hosted by Kent Police.", {("Kent Police", C, UNIT)}),
    ("hosted programme", f"{KESTREL} is hosted by Kent Police.", {("Kent Police", P, KESTREL)}),
    ("the scheme refers back", f"The {SCHEME} began in 2019. The scheme is delivered by Medway Council.",
     {("Medway Council", P, SCHEME)}),
    ("managed by two", f"The {SCHEME} is managed by Medway Council and Kent Police.",
     {("Medway Council", P, SCHEME), ("Kent Police", P, SCHEME)}),
    ("joint operation between", f"{KESTREL}, a joint operation between Kent Police and Essex Police, ended drug lines.",
     KENT_ESSEX_IN_KESTREL),
    ("made up of officers, passive list of four", f"The {UNIT} is made up of staff from Essex Police, Kent Police, "
     "Norfolk Constabulary and Suffolk Constabulary.",
     {(a, C, b) for a, b in [("Essex Police", "Kent Police"), ("Essex Police", "Norfolk Constabulary"),
                             ("Essex Police", "Suffolk Constabulary"), ("Kent Police", "Norfolk Constabulary"),
                             ("Kent Police", "Suffolk Constabulary"), ("Norfolk Constabulary", "Suffolk Constabulary")]}
     | {(force, C, UNIT) for force in ("Essex Police", "Kent Police", "Norfolk Constabulary", "Suffolk Constabulary")}),
]

NONE: list[tuple[str, str]] = [
    ("negated verb", "Kent Police does not work with Essex Police."),
    ("not through", f"Kent Police does not work with Essex Police through the {UNIT}."),
    ("never", "Kent Police has never worked with Essex Police."),
    ("no partnership", "Kent Police has no partnership with Essex Police."),
    ("not part of", f"Kent Police is not part of the {UNIT}."),
    ("not run by", f"{KESTREL} was not run by Kent Police."),
    ("co-occurrence in a list", "Kent Police, Essex Police and Surrey Police published their figures."),
    ("by without a runner", "The figures were published by Kent Police and Essex Police."),
]


def test_every_pattern_has_its_example_checked() -> None:
    assert sorted(EXAMPLES) == sorted(p.name for p in clause_patterns())
    assert len({p.name for p in clause_patterns()}) == len(clause_patterns())


def test_patterns_name_only_defined_word_classes() -> None:
    used = {value[1:] for row in read_jsonl("link_patterns.jsonl") for value in _strings(row["pattern"])
            if value.startswith("@")}
    assert used <= set(word_classes())


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("pattern", clause_patterns(), ids=lambda p: p.name)
def test_pattern_example_gives_exactly_its_links(nlp, pattern) -> None:
    doc = nlp(pattern.example)
    assert any(p.name == pattern.name for p in _matched(doc, nlp)), "the pattern does not match its own example"
    assert links_of(pattern.example, nlp) == normal(EXAMPLES[pattern.name])


def _matched(doc, nlp):
    from policekg.extract.clauses import _matcher

    matcher, by_id = _matcher(nlp.vocab)
    return [by_id[match_id] for match_id, _ in matcher(doc)]


@pytest.mark.parametrize(("name", "text", "expected"), MORE, ids=[case[0] for case in MORE])
def test_more_sentences_per_construction(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


@pytest.mark.parametrize(("name", "text"), NONE, ids=[case[0] for case in NONE])
def test_sentences_that_state_no_link(nlp, name: str, text: str) -> None:
    assert links_of(text, nlp) == set()


def test_a_sentence_without_mentions_gives_no_clause_links(nlp) -> None:
    doc = nlp("The unit is hosted by the force.")
    assert clause_links(next(doc.sents), [], 0) == []


UNDER_CASES: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("under a programme, listed bodies", "Under Operation Kestrel, Lancashire Constabulary and Cumbria Constabulary "
     "patrol moorland.", {("Lancashire Constabulary", C, "Cumbria Constabulary"),
                          ("Lancashire Constabulary", P, KESTREL), ("Cumbria Constabulary", P, KESTREL)}),
    ("as part of a programme, one body", "As part of Operation Kestrel, Kent Police visited schools.",
     {("Kent Police", P, KESTREL)}),
]


@pytest.mark.parametrize(("name", "text", "expected"), UNDER_CASES, ids=[case[0] for case in UNDER_CASES])
def test_bodies_acting_under_a_programme(nlp, name: str, text: str, expected: set) -> None:
    assert links_of(text, nlp) == normal(expected)


def test_bodies_under_a_programme_but_not_listed_together_do_not_collaborate(nlp) -> None:
    links = links_of("Under Operation Kestrel, Kent Police arrested a man wanted by Essex Police.", nlp)
    assert ("Kent Police", P, KESTREL) in links
    assert not [link for link in links if link[1] == C]
