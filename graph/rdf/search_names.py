"""The form a name is looked up in (``pko:searchName``): one small function that the builder
and every reader share, kept apart so that reading a graph never imports the builder."""
from __future__ import annotations


def search_name(name: str) -> str:
    """The form names are looked up in: lower case, single spaces."""
    return " ".join(name.split()).lower()
