"""Entity keys: the corpus-wide identity of an entity, derived from its kind and name."""
from __future__ import annotations

import re

from .model import Kind
from .resources import lexicon_cached, read_csv
from .slug import slugify

_GENERIC_TAIL = re.compile(r"\s+(programme|program)$", re.IGNORECASE)
_OFFICE_FOR = re.compile(r"^Office of the (Police and Crime Commissioner) for (.+)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s\b")


@lexicon_cached
def _expansions() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(row['short'])}(?!\w)"), row["long"])
        for row in read_csv("normalise.csv")
    )


def normalise_name(name: str, kind: Kind) -> str:
    """The form two spellings of one name share ("Medway CSP" ~ "Medway Community Safety Partnership")."""
    text = " ".join(name.split())
    for pattern, long in _expansions():
        text = pattern.sub(long, text)
    if kind is Kind.PROGRAMME:
        text = _GENERIC_TAIL.sub("", text)
    if kind is Kind.PARTNER:
        text = _OFFICE_FOR.sub(r"Office of the \2 \1", text)
    if kind is not Kind.PERSON:
        text = _POSSESSIVE.sub("s", text)
    return text.lower()


def entity_key(kind: Kind, name: str) -> str:
    """``"<Kind>/<slug>"`` for an entity not in the gazetteer."""
    return f"{kind.value}/{slugify(normalise_name(name, kind))}"
