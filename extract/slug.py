"""Readable, IRI-safe slugs that never merge different names, stable across runs.

A slug spells a name's normal form (:func:`normal_form`): accents that Unicode decomposition
separates from a Latin letter are dropped ("Zoë" is "zoe"), compatibility forms are unfolded
("ﬁ" is "fi"), case is ignored, "&" reads "and", and each run of spaces and separator
punctuation (hyphens and dashes, dots, commas, apostrophes, quotes, brackets, slashes,
colons, semicolons, "!", "?", "_") is one hyphen. A normal form of ASCII letters, digits and
hyphens is its own slug: "Kent Police" is "kent-police". Any other character (another
script, a symbol such as + # @ %, an emoji) cannot be spelled, so the slug keeps the words it
can spell and adds ``--`` and a hash of the normal form: "C++ Unit" is "c-unit--" plus ten
hex digits, never "c-unit". Over-long names are cut and marked the same way. A plain slug
never holds ``--``, so two names share a slug only if their normal forms are equal (or, for
marked slugs, their 40-bit hashes collide).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 80  # the longest slug kept whole
MARK = "--"  # between the words of a slug and its hash; plain slugs never hold two hyphens running
HASH_LENGTH = 10
_MARKED_WORDS = MAX_SLUG - 1  # a marked slug is at most 79 + 2 + 10 = 91 characters, as cut slugs always were
_SEPARATORS = re.compile(r"[\s\-_.,;:!?/\\()\[\]{}'\"‘’‛“”„‐‑‒–—―]+")
_NOT_SPELLED = re.compile(r"[^a-z0-9]+")


def short_hash(*parts: str, length: int = HASH_LENGTH) -> str:
    """A short, stable hex digest of ``parts`` (joined unambiguously)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def _without_latin_accents(text: str) -> str:
    """``text`` decomposed, without the combining marks that follow an ASCII letter; marks on
    letters of other scripts stay, since there they can tell names apart. ASCII text is its own
    decomposition and holds no marks, so it is given back as it is, without the loop."""
    if text.isascii():
        return text
    kept: list[str] = []
    on_latin = False
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.category(char).startswith("M"):
            if not on_latin:
                kept.append(char)
            continue
        on_latin = char.isascii() and char.isalpha()
        kept.append(char)
    return "".join(kept)


def normal_form(text: str) -> str:
    """The form two spellings of one name share: "Zoë  O’Brien" and "zoe o'brien" are both "zoe-o-brien"."""
    folded = _without_latin_accents(_without_latin_accents(text).lower())
    return _SEPARATORS.sub("-", folded.replace("&", " and ")).strip("-")


def _words(normal: str) -> str:
    return _NOT_SPELLED.sub("-", normal).strip("-")


def slugify(text: str) -> str:
    """The slug of ``text``: its normal form when that is plain ASCII words of at most
    :data:`MAX_SLUG` characters, else the words it can spell, ``--`` and a hash of the normal form."""
    normal = normal_form(text)
    words = _words(normal)
    if words and words == normal and len(words) <= MAX_SLUG:
        return words
    return f"{words[:_MARKED_WORDS].rstrip('-') or 'x'}{MARK}{short_hash(normal)}"


def label_slug(text: str) -> str:
    """The words of ``text`` as a slug, for a name made unique by other means (a fund key ends
    in a digest of the fund's identity): characters that cannot be spelled are left out without
    a mark; text with no words, or too long, gets a hash of the whole."""
    words = _words(normal_form(text))
    if not words:
        return "x-" + short_hash(text)
    if len(words) > MAX_SLUG:
        return words[:MAX_SLUG].rstrip("-") + "-" + short_hash(text)
    return words
