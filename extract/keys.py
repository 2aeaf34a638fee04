"""Entity keys: the corpus-wide identity of an entity, derived from its kind and name."""
from __future__ import annotations

import re

from .model import Kind
from .resources import lexicon_cached, read_csv
from .slug import slugify

_OFFICE_FOR = re.compile(r"^Office of the (Police and Crime Commissioner) for (.+)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s\b")


@lexicon_cached
def _expansions() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(row['short'])}(?!\w)"), row["long"])
        for row in read_csv("normalise.csv")
    )


@lexicon_cached
def programme_heads() -> dict[str, str]:
    """Last words of programme names (``programme_heads.csv``), lower case: a generic word maps
    to "", a word of a kind ("alliance") to that kind's word ("collaboration")."""
    return {row["word"].lower(): row["head"].lower() for row in read_csv("programme_heads.csv")}


def programme_core(name: str) -> str:
    """A programme's name without the generic words ending it and with its last word written as
    its head: "seven-force strategic alliance" and "seven-force strategic collaboration
    programme" are both "seven-force strategic collaboration"; the same qualifiers with another
    head ("seven-force strategic review") stay apart."""
    words = name.split()
    heads = programme_heads()
    while len(words) > 1 and heads.get(words[-1].lower()) == "":
        words.pop()
    if len(words) > 1 and heads.get(words[-1].lower()):
        words[-1] = heads[words[-1].lower()]
    return " ".join(words)


def normalise_name(name: str, kind: Kind) -> str:
    """The form two spellings of one name share ("Medway CSP" ~ "Medway Community Safety Partnership")."""
    text = " ".join(name.split())
    for pattern, long in _expansions():
        text = pattern.sub(long, text)
    if kind is Kind.PROGRAMME:
        text = programme_core(text)
    if kind is Kind.PARTNER:
        text = _OFFICE_FOR.sub(r"Office of the \2 \1", text)
    if kind is not Kind.PERSON:
        text = _POSSESSIVE.sub("s", text)
    return text.lower()


def entity_key(kind: Kind, name: str) -> str:
    """``"<Kind>/<slug>"`` for an entity not in the gazetteer."""
    return f"{kind.value}/{slugify(normalise_name(name, kind))}"
