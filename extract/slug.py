"""Readable, IRI-safe slugs for any text, stable across runs."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80


def short_hash(*parts: str, length: int = 10) -> str:
    """A short, stable hex digest of ``parts`` (joined unambiguously)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Zoë Billingham" -> "zoe-billingham".

    Text with no letters or digits gets a hash slug; over-long text is cut and a hash
    of the whole is appended, so distinct texts keep distinct slugs.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", ascii_text.lower().replace("&", " and ")).strip("-")
    if not slug:
        return "x-" + short_hash(text)
    if len(slug) > MAX_SLUG:
        return slug[:MAX_SLUG].rstrip("-") + "-" + short_hash(text)
    return slug
